"""The question asked before one occurrence of a series is edited, moved or deleted: this one,
this and the following ones, or the whole series."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.services.activities.edit import Scope

SCOPES: tuple[Scope, ...] = ("this", "following", "all")


def scope_texts() -> dict[Scope, str]:
    return {
        "this": QCoreApplication.translate("ScopeQuestion", "This one"),
        "following": QCoreApplication.translate("ScopeQuestion", "This and following"),
        "all": QCoreApplication.translate("ScopeQuestion", "All"),
    }


def ask_scope(parent: QWidget, text: str, on_choice: Callable[[Scope], None]) -> QMessageBox:
    """Ask without blocking; `on_choice(scope)` runs only when the user picked one (not on Cancel)."""
    title = QCoreApplication.translate("ScopeQuestion", "Repeating activity")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("scopeBox")
    box.setInformativeText(QCoreApplication.translate("ScopeQuestion", "This activity is one of a series. Which ones?"))
    buttons = {box.addButton(label, QMessageBox.ButtonRole.AcceptRole): scope
               for scope, label in scope_texts().items()}
    for button, scope in buttons.items():
        button.setObjectName(f"scope_{scope}")
    cancel = box.addButton(QCoreApplication.translate("ScopeQuestion", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(cancel)

    def finished(_result: int) -> None:
        scope = buttons.get(box.clickedButton())  # type: ignore[call-overload]
        if scope is not None:
            on_choice(scope)

    box.finished.connect(finished)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
