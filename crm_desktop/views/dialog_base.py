"""What the record dialogs share: error banner, Save/Cancel, asking before discarding edits, and saving
an edit only on the version of the record the form loaded (ARCHITECTURE.md, "Several desktops")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from crm_desktop.errors import DomainError, VersionConflict
from crm_desktop.queries.timeline import edits_after, record_version
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.duplicates import DuplicateProbe, find_duplicates_for
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm, show_unexpected_error
from crm_desktop.ui.forms import FormErrors
from crm_desktop.views.common import ViewEnv


def kind_text() -> dict[str, str]:
    """Record kinds by name, in the current language (a function: the language can change)."""
    return {
        "account": QCoreApplication.translate("RecordDialog", "Company"),
        "contact": QCoreApplication.translate("RecordDialog", "Contact"),
        "lead": QCoreApplication.translate("RecordDialog", "Lead"),
    }


def reason_text() -> dict[str, str]:
    """Why two records look like the same one, in the current language."""
    return {
        "tax_id": QCoreApplication.translate("RecordDialog", "same tax ID"),
        "email": QCoreApplication.translate("RecordDialog", "same e-mail"),
        "phone": QCoreApplication.translate("RecordDialog", "same phone"),
        "same_name": QCoreApplication.translate("RecordDialog", "same name"),
        "similar_name": QCoreApplication.translate("RecordDialog", "similar name"),
    }


class RecordDialog(QDialog):
    """Subclasses build the form in `body`, and implement `form_input`, `save_action`.

    A dialog that edits a record of kind `entity` fills its form from `stored()` and saves through
    `uow()`: the save is refused when the record changed after the form loaded it, and the user is
    shown that change and chooses (keep editing on top of it, overwrite it, or go back to the form).
    """

    entity: Entity | None = None  # the kind of record an edit saves with a version check

    def __init__(self, env: ViewEnv, record_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.record_id = record_id
        self.version: int | None = None  # the stored record's version when the form loaded it
        self.conflict_box: Any = None
        self.changes: ChangeSet | None = None
        self._initial: Any = None
        self._discard_ok = False
        self._duplicates_accepted = False
        self.duplicate_box: Any = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, env.lang)
        outer.addWidget(self.banner)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.read_only_note = QLabel(QCoreApplication.translate(
            "RecordDialog", "Read only: your role cannot change this record."))
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.hide()
        outer.addWidget(self.read_only_note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("RecordDialog", "Save"))
        self.save_button.setObjectName("saveButton")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(QCoreApplication.translate("RecordDialog", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def remember_initial(self) -> None:
        """Call after the form is filled: Cancel asks before throwing edits away."""
        self._initial = self._snapshot()

    def _snapshot(self) -> Any:
        try:
            return self.form_input()
        except DomainError:
            return None

    def is_modified(self) -> bool:
        return self._snapshot() != self._initial

    # --- hooks ----------------------------------------------------------------------------

    def form_input(self) -> Any:
        """The form's values as the service's input; raises ValidationError for unreadable fields."""
        raise NotImplementedError

    def check_form(self) -> tuple[str, str] | None:
        """UI-only checks before the service: (field, message) of the first problem, or None."""
        return None

    def save_action(self, data: Any) -> ChangeSet:
        raise NotImplementedError

    def load_input(self) -> Any:
        """The stored record as the form's input (dialogs with an `entity`)."""
        raise NotImplementedError

    def saved_description(self, data: Any) -> str:
        return ""

    def show_domain_error(self, err: DomainError) -> None:
        """A refused save: the banner and the named field (a form with lines also marks the line)."""
        self.errors.show_error(err)

    def before_save(self, data: Any) -> bool:
        """True when a question or warning was shown and saving waits for the user's answer
        (default: likely duplicates)."""
        return self._warn_about_duplicates(data)

    def duplicate_probe(self, data: Any) -> DuplicateProbe | None:
        """The record as a duplicate check sees it; None for kinds that are not checked."""
        return None

    # --- versions -------------------------------------------------------------------------

    def stored(self) -> Any:
        """The stored record as form input, its version read first: a change between the two reads makes
        a needless conflict, never a lost update."""
        if self.entity is not None and self.record_id is not None:
            self.version = record_version(self.env.db, self.entity, self.record_id)
            read_only = not self.env.may_change(self.entity, [self.record_id])  # another rep's record
            self.read_only_note.setVisible(read_only)
            self.save_button.setEnabled(not read_only)
        return self.load_input()

    def uow(self) -> Any:
        """The unit of work of a save: an edit is written only on the version the form loaded."""
        uow = self.env.ctx.uow()
        if self.entity is not None and self.record_id is not None and self.version is not None:
            uow.expecting(self.entity, self.record_id, self.version)
        return uow

    def _refused(self, err: DomainError) -> None:
        if not (isinstance(err, VersionConflict) and self.entity is not None and self.record_id is not None
                and self.version is not None):
            self.show_domain_error(err)
            return
        from crm_desktop.views.conflict import show_conflict  # only when it happens

        edits = edits_after(self.env.db, self.entity, self.record_id, self.version)
        self.conflict_box = show_conflict(self, edits, self.keep_editing, self.overwrite)

    def keep_editing(self) -> None:
        """The newer version in the form, with this form's edits put back where the other change left
        the field alone."""
        from crm_desktop.views.conflict import merged_input

        mine, loaded = self._snapshot(), self._initial
        try:
            newer = self.stored()
        except DomainError as err:  # deleted meanwhile
            self.show_domain_error(err)
            return
        self.fill(newer)
        self.remember_initial()
        if mine is not None and loaded is not None:
            self.fill(merged_input(loaded, mine, newer))

    def overwrite(self) -> None:
        """Save this form over the other change, on the version stored now (checked again)."""
        if self.entity is not None and self.record_id is not None:
            self.version = record_version(self.env.db, self.entity, self.record_id)
        self.save()

    def fill(self, data: Any) -> None:
        """Show `data` in the form."""
        raise NotImplementedError

    # --- duplicates -----------------------------------------------------------------------

    def _warn_about_duplicates(self, data: Any) -> bool:
        """True when likely duplicates were shown: saving waits for "Save anyway"."""
        probe = None if self._duplicates_accepted else self.duplicate_probe(data)
        if probe is None:
            return False
        hits = find_duplicates_for(self.env.db, probe)
        if not hits:
            return False
        lines = [f"• {kind_text()[h.kind]}: {h.title} ({', '.join(reason_text()[r] for r in h.reasons)})"
                 for h in hits[:5]]
        if len(hits) > 5:
            lines.append(QCoreApplication.translate("RecordDialog", "…and %n more", None, len(hits) - 5))
        self.duplicate_box = confirm(
            self,
            QCoreApplication.translate("RecordDialog", "Possible duplicate"),
            QCoreApplication.translate("RecordDialog", "This may already be in the CRM:") + "\n" + "\n".join(lines),
            self._save_anyway,
            yes_text=QCoreApplication.translate("RecordDialog", "Save anyway"),
        )
        return True

    def _save_anyway(self) -> None:
        self._duplicates_accepted = True
        self.save()

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Check everything, then one service call; on error the dialog stays open, nothing lost."""
        self.errors.clear()
        problem = self.check_form()
        if problem is not None:
            self.errors.show_text(*problem)
            return False
        try:
            data = self.form_input()
        except DomainError as err:
            self.show_domain_error(err)
            return False
        except Exception as exc:
            show_unexpected_error(self, exc)
            return False
        if self.before_save(data):
            return False
        changes = perform(
            self,
            self.env.bus,
            self.env.lang,
            lambda: self.save_action(data),
            description=self.saved_description(data),
            on_domain_error=self._refused,
        )
        if changes is None:
            return False
        self.changes = changes
        if changes.created:
            self.record_id = changes.created[0]
        self._discard_ok = True
        self.accept()
        return True

    def reject(self) -> None:
        if self._discard_ok or not self.isVisible() or not self.is_modified():
            super().reject()
            return
        confirm(
            self,
            QCoreApplication.translate("RecordDialog", "Discard changes?"),
            QCoreApplication.translate("RecordDialog", "You have changed this form. Close it without saving?"),
            self._discard,
            yes_text=QCoreApplication.translate("RecordDialog", "Discard"),
        )

    def discard(self) -> None:
        """Close without saving and without asking (e.g. before the language is switched)."""
        self._discard()

    def _discard(self) -> None:
        self._discard_ok = True
        super().reject()
