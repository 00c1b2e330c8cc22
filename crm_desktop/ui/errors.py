"""Error dialogs: domain errors in the user's language, anything else as "nothing was saved"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from crm_desktop.errors import DomainError
from crm_desktop.ui.crash import error_dialog

AnyDialog = TypeVar("AnyDialog", bound=QDialog)


def _show(box: AnyDialog, modal: bool) -> AnyDialog:
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if modal:
        box.exec()
    else:
        # Window-modal and non-blocking: the parent owns the box, so it stays alive until closed.
        box.open()
    return box


def show_domain_error(parent: QWidget | None, err: DomainError, lang: str, *, modal: bool = False) -> QMessageBox:
    """A problem the user can fix, in the UI language."""
    title = QCoreApplication.translate("ErrorDialogs", "Cannot do that")
    box = QMessageBox(QMessageBox.Icon.Warning, title, err.text(lang), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("domainErrorBox")
    return _show(box, modal)


def show_warning(parent: QWidget | None, text: str, *, title: str = "", modal: bool = False) -> QMessageBox:
    """A plain warning written by the UI (already translated by the caller)."""
    title = title or QCoreApplication.translate("ErrorDialogs", "Cannot do that")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("warningBox")
    return _show(box, modal)


def show_unexpected_error(parent: QWidget | None, exc: BaseException, *, modal: bool = False) -> QDialog:
    """A bug or an environment failure: say plainly that nothing was saved, with a report for support
    (its type and frames, never its message: ui/crash.py), written to the log."""
    message = QCoreApplication.translate("ErrorDialogs", "The action failed and nothing was saved.")
    return _show(error_dialog(parent, exc, message), modal)


def show_error(parent: QWidget | None, exc: BaseException, lang: str, *, modal: bool = False) -> QDialog:
    if isinstance(exc, DomainError):
        return show_domain_error(parent, exc, lang, modal=modal)
    return show_unexpected_error(parent, exc, modal=modal)


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    *,
    yes_text: str = "",
    informative: str = "",
) -> QMessageBox:
    """Ask a yes/no question without blocking the event loop; `on_yes` runs only on Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("confirmBox")
    if informative:
        box.setInformativeText(informative)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("ErrorDialogs", "Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    yes = box.button(QMessageBox.StandardButton.Yes)

    def finished(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(finished)
    return _show(box, False)
