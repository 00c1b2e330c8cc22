"""A save that found the record changed since its form loaded it: what the other change was, and the
choice of what to do (ARCHITECTURE.md, "Several desktops")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.queries.timeline import ChangeEntry
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.field_labels import field_label
from crm_desktop.views.timeline import value_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictBox", text)


def merged_input(loaded: Any, mine: Any, newer: Any) -> Any:
    """The newer version with my edits on top: a field I changed keeps my value where the other change
    left it as I loaded it; every other field shows the newer value (theirs wins where both changed)."""
    values = {}
    for field in fields(newer):
        was, typed, now = getattr(loaded, field.name), getattr(mine, field.name), getattr(newer, field.name)
        values[field.name] = typed if typed != was and now == was else now
    return replace(newer, **values)


def edit_text(entry: ChangeEntry, env: ViewEnv) -> str:
    """One change of the record: when, who, and each field from what to what."""
    head = " · ".join(p for p in (env.datetime_text(entry.at), entry.who) if p)
    if entry.action == "deleted":
        return f"{head}: {_tr('deleted the record')}"
    if entry.action == "restored":
        return f"{head}: {_tr('restored the record')}"
    if entry.action == "created":
        return f"{head}: {_tr('created the record')}"
    edits = [f"{field_label(f.field)}: {value_text(f, f.old, env)} → {value_text(f, f.new, env)}" for f in entry.fields]
    return f"{head}\n" + "\n".join(f"    {edit}" for edit in edits)


def show_conflict(dialog: Any, edits: Sequence[ChangeEntry], keep_editing: Callable[[], None],
                  overwrite: Callable[[], None]) -> QMessageBox:
    """Ask, without blocking: keep editing on the newer version, overwrite it, or back to the form."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Changed by someone else"),
                      _tr("Someone else saved this record after you opened it. Nothing of yours was saved yet."),
                      QMessageBox.StandardButton.NoButton, dialog)
    box.setObjectName("conflictBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    shown = [edit_text(entry, dialog.env) for entry in edits[-10:]]
    box.setInformativeText(_tr("Their change:") + "\n" + "\n".join(shown) if shown else
                           _tr("Their change is not in this copy's history."))
    keep = box.addButton(_tr("Keep editing their version"), QMessageBox.ButtonRole.AcceptRole)
    keep.setObjectName("keepEditingButton")
    keep.setToolTip(_tr("The form shows their version, with your changes where they did not change the same field."))
    mine = box.addButton(_tr("Overwrite with mine"), QMessageBox.ButtonRole.DestructiveRole)
    mine.setObjectName("overwriteButton")
    back = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    back.setObjectName("backToFormButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(back)

    def finished(_result: int) -> None:
        if box.clickedButton() is keep:
            keep_editing()
        elif box.clickedButton() is mine:
            overwrite()

    box.finished.connect(finished)
    box.open()
    return box
