"""Hand an activity over to a colleague with a note (someone is away; a customer moved to another rep).

The note is stored on the activity and, like the change of assignee, kept in the change log, so
the history shows who handed what to whom and why.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.activities.occurrences import Occurrence
from crm_desktop.queries.lookups import users
from crm_desktop.services.activities.edit import hand_over
from crm_desktop.services.changes import ChangeSet
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import FormErrors
from crm_desktop.views.common import ViewEnv

NOTE_MAX = 300  # Activity.handover_note


class HandOverDialog(QDialog):
    """`HandOverDialog(env, row)`: pick the colleague (active people, not the one it is with) and say why."""

    def __init__(self, env: ViewEnv, row: Occurrence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.row = row
        self.changes: ChangeSet | None = None
        self.setObjectName("handOverDialog")
        self.setWindowTitle(self.tr("Hand over"))
        outer = QVBoxLayout(self)
        heading = QLabel(f"<b>{html.escape(row.subject)}</b>")
        heading.setWordWrap(True)
        outer.addWidget(heading)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, env.lang)
        outer.addWidget(self.banner)
        form = QFormLayout()
        if row.assignee_name:
            form.addRow(self.tr("Now with"), QLabel(html.escape(row.assignee_name)))
        self.colleague = QComboBox()
        self.colleague.setObjectName("colleague")
        for user in users(env.db):
            if user.id != row.assignee_id:
                self.colleague.addItem(user.name, user.id)
        form.addRow(self.tr("Hand over to"), self.colleague)
        self.note = QLineEdit()
        self.note.setObjectName("handOverNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("Why, and what to know, e.g. “On leave until Monday; price agreed”"))
        form.addRow(self.tr("Note"), self.note)
        outer.addLayout(form)
        self.errors.register("assignee_id", self.colleague)
        self.errors.register("handover_note", self.note)
        if self.colleague.count() == 0:
            self.errors.show_text("assignee_id", self.tr("There is nobody else to hand over to. Add people in "
                                                         "Settings › Users."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Hand over"))
        self.ok_button.setEnabled(self.colleague.count() > 0)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def save(self) -> bool:
        self.errors.clear()
        env, row = self.env, self.row
        colleague, note = self.colleague.currentData(), self.note.text().strip()
        changes = perform(
            self, env.bus, env.lang,
            lambda: hand_over(env.ctx.uow(), row.activity_id, colleague, note, row.occurrence),
            description=self.tr("Handed over to %1: %2").replace("%1", self.colleague.currentText()).replace(
                "%2", row.subject),
            on_domain_error=self.errors.show_error,
        )
        if changes is None:
            return False
        self.changes = changes
        self.accept()
        return True
