"""A save that found the record changed since its form loaded it: what the other change was, and the
choice of what to do (ARCHITECTURE.md, "Several desktops")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.queries.timeline import ChangeEntry
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.field_labels import field_label
from crm_desktop.views.timeline import value_text

SHOWN = 10  # the newest changes listed; older ones are in the record's timeline


def merged_input(loaded: Any, mine: Any, newer: Any) -> Any:
    """The newer version with my edits on top: a field I changed keeps my value where the other change
    left it as I loaded it; every other field shows the newer value (theirs wins where both changed).
    A form that is not a record of fields (a deal's product lines) is one field."""
    if not is_dataclass(newer):
        return mine if mine != loaded and newer == loaded else newer
    values = {}
    for field in fields(newer):
        was, typed, now = getattr(loaded, field.name), getattr(mine, field.name), getattr(newer, field.name)
        values[field.name] = typed if typed != was and now == was else now
    return replace(newer, **values)


class ConflictBox(QMessageBox):
    """Asks, without blocking: keep editing on the newer version, overwrite it, or back to the form."""

    def __init__(self, parent: QWidget, env: ViewEnv, edits: Sequence[ChangeEntry],
                 keep_editing: Callable[[], None], overwrite: Callable[[], None]) -> None:
        super().__init__(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.NoButton, parent)
        self.env = env
        self.setObjectName("conflictBox")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setText(self.tr("Someone else saved this record after you opened it. Nothing of yours was saved yet."))
        shown = [self.edit_text(entry) for entry in edits[-SHOWN:]]
        self.setInformativeText("\n".join([self.tr("Their change:"), *shown]) if shown
                                else self.tr("Their change is not in this copy's history."))
        self.keep = self.addButton(self.tr("Keep editing their version"), QMessageBox.ButtonRole.AcceptRole)
        self.keep.setObjectName("keepEditingButton")
        self.keep.setToolTip(self.tr("The form shows their version, with your changes where they did not "
                                     "change the same field."))
        self.mine = self.addButton(self.tr("Overwrite with mine"), QMessageBox.ButtonRole.DestructiveRole)
        self.mine.setObjectName("overwriteButton")
        back = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("backToFormButton")
        self.setDefaultButton(self.keep)
        self.setEscapeButton(back)
        self._choices = {self.keep: keep_editing, self.mine: overwrite}
        self.finished.connect(self._chosen)

    def _chosen(self, _result: int) -> None:
        chosen = self._choices.get(self.clickedButton())  # type: ignore[call-overload]
        if chosen is not None:
            chosen()

    def edit_text(self, entry: ChangeEntry) -> str:
        """One change of the record: when, who, and each field from what to what."""
        head = " · ".join(p for p in (self.env.datetime_text(entry.at), entry.who) if p)
        actions = {"deleted": self.tr("deleted the record"), "restored": self.tr("restored the record"),
                   "created": self.tr("created the record")}
        if entry.action in actions:
            return f"{head}: {actions[entry.action]}"
        edits = [f"    {field_label(f.field)}: {value_text(f, f.old, self.env)} → {value_text(f, f.new, self.env)}"
                 for f in entry.fields]
        return "\n".join([head, *edits])


def show_conflict(dialog: Any, edits: Sequence[ChangeEntry], keep_editing: Callable[[], None],
                  overwrite: Callable[[], None]) -> ConflictBox:
    box = ConflictBox(dialog, dialog.env, edits, keep_editing, overwrite)
    box.open()
    return box
