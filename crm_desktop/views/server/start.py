"""Where the desktop app starts: the server this desk remembered, with its password from the keyring
or, where none is kept, asked for before anything opens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox

from crm_desktop.clock import Clock
from crm_desktop.errors import DomainError
from crm_desktop.services.app import AppContext, Location, open_app
from crm_desktop.services.connections import saved_password, start_location
from crm_desktop.ui.prefs import Prefs


def ask_password(address: str) -> str | None:
    """The keyring's password for `address`, else the person's (None: they cancelled)."""
    kept = saved_password(address)
    if kept is not None:
        return kept
    text, ok = QInputDialog.getText(
        None, QCoreApplication.translate("ServerStart", "Office server"),
        QCoreApplication.translate("ServerStart", "Password for {address}:").format(address=address),
        QLineEdit.EchoMode.Password)
    return text if ok else None


def desk_location(cli_value: str | None, prefs: Prefs) -> Location:
    """`--db`, else CRM_DESKTOP_DB, else the office server this desk connected to, else the file."""
    return start_location(cli_value, prefs.office_server, ask_password)


def reach_server(error: DomainError, lang: str, clock: Clock) -> AppContext | None:
    """The remembered server could not be opened: say why, and let the person try again, connect to
    another server (or go back to this computer's file), or quit. None: they quit."""
    prefs = Prefs()
    while True:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ServerStart", "Office server"),
                          error.text(lang))
        again = box.addButton(QCoreApplication.translate("ServerStart", "Try again"), QMessageBox.ButtonRole.AcceptRole)
        change = box.addButton(QCoreApplication.translate("ServerStart", "Connect elsewhere…"),
                               QMessageBox.ButtonRole.ActionRole)
        box.addButton(QCoreApplication.translate("ServerStart", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is change:
            from crm_desktop.views.server.connect_dialog import ConnectDialog

            if ConnectDialog(prefs, lang).exec() != QDialog.DialogCode.Accepted:
                continue
        elif box.clickedButton() is not again:
            return None
        try:
            return open_app(desk_location(None, prefs), clock=clock)
        except DomainError as err:
            error = err
