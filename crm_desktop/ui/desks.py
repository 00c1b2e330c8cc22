"""Other desktops' changes show up by themselves: a timer asks every POLL_MS while the app is active
(ARCHITECTURE.md, "Several desktops")."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from crm_desktop.errors import DomainError, RestoredElsewhere
from crm_desktop.services.app import AppContext
from crm_desktop.services.desks import OtherDesks
from crm_desktop.ui.actions import ChangeBus
from crm_desktop.ui.errors import show_domain_error

POLL_MS = 2000


class OtherDesksPoll(QObject):
    """Publishes on the window's bus what other desktops committed, never this window's own changes.

    One indexed max() per tick when nothing changed, on the GUI thread: cheaper than handing it to a
    thread. From `start` (after the window's first paint) to `stop` (its closing), and only while the
    app is the active one (a dialog of it included): what arrives meanwhile is published at once when
    the user comes back."""

    def __init__(self, ctx: AppContext, bus: ChangeBus, parent: QWidget, lang: str = "en") -> None:
        super().__init__(parent)
        self.window, self.lang = parent, lang
        self.bus = bus
        self.desks = OtherDesks(ctx.database)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._started = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._follow)

    def start(self) -> None:
        self._started = True
        self._follow(QGuiApplication.applicationState())

    def stop(self) -> None:
        self._started = False
        self.timer.stop()

    def _follow(self, state: Qt.ApplicationState) -> None:
        if not self._started:
            return
        if state != Qt.ApplicationState.ApplicationActive:
            self.timer.stop()
        elif not self.timer.isActive():
            self.poll()
            self.timer.start()

    def poll(self) -> None:
        try:
            changes = self.desks.poll()
        except RestoredElsewhere as exc:  # said once; every save from now on is refused with it
            self.stop()
            show_domain_error(self.window, exc, self.lang)
            return
        except DomainError:
            return  # a busy or unreachable database: the next tick asks again
        if changes is not None:
            self.bus.publish(changes)
