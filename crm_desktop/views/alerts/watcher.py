"""Evaluating the alert rules while the app runs: once after the window's first paint, then every 5
minutes, and again when rules change or a sync brings records in.

Each round reads what the active rules find (`queries.alerts.find_alerts`) and keeps the new findings
(`services.alerts.raise_alerts`: change log, sync, and a task for the record's owner where the rule
asks), in the background: the first round of a day ranks a year of sales for the top customers (about
a second on the large demo), and a round may find thousands. Findings already kept are remembered, so
later rounds write only what is new. The list, badge and tray follow on the GUI thread.

New alerts about the person's own records (or about everyone's, for the owner and managers) bring a
tray notification where the desktop has a tray (the reminders' icon, shared); the tab's badge is the
count of the alerts open for the person (not dismissed nor snoozed by them). A round that fails (a
file being restored, a server gone) is skipped: the next one tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from crm_desktop.roles import LIMITED
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.tasks import Task
from crm_desktop.views.common import ViewEnv

SCAN_MINUTES = 5
WATCHED = (Entity.ALERT_RULE,)  # a rule changed: scan again at once
TRAY_LINES = 5
log = logging.getLogger(__name__)


class AlertWatcher(QObject):
    """Owned by the main window. `scan()` is the timer's slot; `counted` carries the badge's number."""

    counted = Signal(int)
    scanned = Signal(object)  # the round's ChangeSet (None: nothing new, or the round failed)

    def __init__(self, env: ViewEnv, parent: QWidget, tray: Callable[[], QSystemTrayIcon | None] | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.parent_widget = parent
        self.tray = tray
        self.count = 0
        self.task: Task | None = None
        self.again = False  # asked to scan while a round ran: one more round after it
        self.known: set[str] = set()  # alerts kept already (by this copy or found kept): not checked again
        self.full_day: date | None = None  # the office day whose first round ran every rule
        self.full_wanted = False  # rules changed or records came in: every rule at the next round
        self.timer = QTimer(self)
        self.timer.setObjectName("alertTimer")
        self.timer.setInterval(SCAN_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self.scan)
        env.bus.changed.connect(self._on_changes)

    def start(self) -> None:
        self.scan()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.task is not None:
            self.task.cancel()

    @property
    def scanning(self) -> bool:
        return self.task is not None

    def owner_filter(self) -> str | None:
        """Whose alerts the badge and the tray speak of: a seller's or staff member's own; everyone's."""
        return self.env.ctx.user_id if self.env.role in LIMITED else None

    def scan(self, *, full: bool = False) -> None:
        """One round in the background: find, keep what is new; the list, badge and tray follow on the
        GUI thread. The day's first round (or a `full` one: after a sync, a restore, a rule change) runs
        every rule, the others only the rules that can find something new within a day
        (`queries.alerts.DAILY_KINDS`). A round asked for while one runs comes after it."""
        self.full_wanted = self.full_wanted or full
        if self.task is not None:
            self.again = True
            return
        # The rules' queries (sales figures, the month-day index…) load at the first round, after the
        # window's first paint: not at start.
        from crm_desktop.queries.alerts import DAILY_KINDS, alert_rules, find_alerts, forget_top_customers
        from crm_desktop.services.alerts import raise_alerts

        db, now, known, uow = self.env.db, self.env.now(), set(self.known), self.env.ctx.uow
        today = self.env.today()
        every = self.full_wanted or self.full_day != today
        rank = self.full_wanted  # records came in or rules changed: rank the top customers again
        self.full_wanted = False

        def work(_progress: object) -> tuple[list[str], ChangeSet | None]:
            if rank:
                forget_top_customers(db)
            rules = [r for r in alert_rules(db, active_only=True) if every or r.kind not in DAILY_KINDS]
            if db.read_only:
                return [], None
            found = [f for f in find_alerts(db, rules, now) if f.id not in known]
            return [f.id for f in found], raise_alerts(uow(), found, {r.id for r in rules if r.make_task})

        task = Task(self.parent_widget, work, show_progress=False)
        if every:
            task.finished.connect(lambda _result: setattr(self, "full_day", today))
        task.finished.connect(self._scanned)
        task.failed.connect(self._failed)
        task.ended.connect(self._ended)
        task.ended.connect(task.deleteLater)
        self.task = task.start()

    def _scanned(self, result: tuple[list[str], ChangeSet | None]) -> None:
        ids, changes = result
        self.known.update(ids)
        if changes is not None and changes.created:
            self.env.bus.publish(changes, "")
            self._announce(list(changes[Entity.ALERT].created))
        self.recount()
        self.scanned.emit(changes)

    def _failed(self, exc: object) -> None:
        log.error("alert scan failed: %s", exc)  # the next round tries again
        self.scanned.emit(None)

    def _ended(self) -> None:
        self.task = None
        if self.again:
            self.again = False
            self.scan()

    def recount(self) -> int:
        from crm_desktop.queries.alerts import open_alert_count

        try:
            self.count = open_alert_count(self.env.db, self.env.now(), self.owner_filter(), person=self.env.ctx.user_id)
        except Exception:
            log.exception("alert count failed")
            return self.count
        self.counted.emit(self.count)
        return self.count

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*WATCHED):
            self.scan(full=True)
        elif changes.touches(Entity.ALERT, Entity.ALERT_DISMISSAL):  # raised, or dismissed / snoozed / undone
            self.recount()

    def _announce(self, ids: list[str]) -> None:
        from crm_desktop.queries.alerts import alert_rows
        from crm_desktop.services.alerts import alert_text

        owner = self.owner_filter()
        rows = [r for r in alert_rows(self.env.db, ids) if owner is None or r.owner_id in (owner, None)]
        # New alerts are open for everyone: nobody could dismiss an alert before it was raised.
        tray = self.tray() if self.tray is not None and QSystemTrayIcon.isSystemTrayAvailable() else None
        if not rows or tray is None:
            return  # no tray (the offscreen test platform, some Linux desktops): the badge is enough
        lines = [alert_text(r.kind, r.params, self.env.lang, self.env.buddhist) for r in rows[:TRAY_LINES]]
        if len(rows) > TRAY_LINES:
            lines.append(self.tr("and %n more", "", len(rows) - TRAY_LINES))
        tray.showMessage(self.tr("%n new alert(s)", "", len(rows)), "\n".join(lines),
                         QSystemTrayIcon.MessageIcon.Information)
