"""Evaluating the alert rules while the app runs: once after the window's first paint, then every few
minutes, and again when rules change or a sync brings records in.

Each round reads what the active rules find (one statement per rule, `queries.alerts.find_alerts`)
and keeps the new findings (`services.alerts.raise_alerts`: change log, sync, and a task for the
record's owner where the rule asks). A round takes tens of milliseconds on a large office's data, so
it runs on the UI thread between events, like the reminder scan. New alerts about the person's own
records (or about everyone's, for the owner and managers) bring a tray notification where the desktop
has a tray (the reminders' icon, shared); the tab's badge is the count of open alerts. A round that
fails (a file being restored, a server gone) is skipped: the next one tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from crm_desktop.queries.alerts import alert_rows, alert_rules, find_alerts, open_alert_count
from crm_desktop.roles import LIMITED
from crm_desktop.services.alerts import alert_text, raise_alerts
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.views.common import ViewEnv

SCAN_MINUTES = 5
WATCHED = (Entity.ALERT_RULE,)  # a rule changed: scan again at once
TRAY_LINES = 5
log = logging.getLogger(__name__)


class AlertWatcher(QObject):
    """Owned by the main window. `scan()` is the timer's slot; `counted` carries the badge's number."""

    counted = Signal(int)

    def __init__(self, env: ViewEnv, parent: QObject, tray: Callable[[], QSystemTrayIcon | None] | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.tray = tray
        self.count = 0
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

    def owner_filter(self) -> str | None:
        """Whose alerts the badge and the tray speak of: a seller's or staff member's own; everyone's."""
        return self.env.ctx.user_id if self.env.role in LIMITED else None

    def scan(self) -> ChangeSet | None:
        env = self.env
        try:
            rules = alert_rules(env.db, active_only=True)
            changes = None
            if not env.db.read_only:
                found = find_alerts(env.db, rules, env.now())
                changes = raise_alerts(env.ctx.uow(), found, {r.id for r in rules if r.make_task})
            self.recount()
        except Exception:
            log.exception("alert scan failed")
            return None
        if changes is not None and changes.created:
            env.bus.publish(changes, "")
            self._announce(list(changes[Entity.ALERT].created))
        return changes

    def recount(self) -> int:
        self.count = open_alert_count(self.env.db, self.env.now(), self.owner_filter())
        self.counted.emit(self.count)
        return self.count

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*WATCHED):
            self.scan()
        elif Entity.ALERT in changes:
            self.recount()

    def _announce(self, ids: list[str]) -> None:
        owner = self.owner_filter()
        rows = [r for r in alert_rows(self.env.db, ids) if owner is None or r.owner_id in (owner, None)]
        tray = self.tray() if self.tray is not None and QSystemTrayIcon.isSystemTrayAvailable() else None
        if not rows or tray is None:
            return  # no tray (the offscreen test platform, some Linux desktops): the badge is enough
        lines = [alert_text(r.kind, r.params, self.env.lang, self.env.buddhist) for r in rows[:TRAY_LINES]]
        if len(rows) > TRAY_LINES:
            lines.append(self.tr("and %n more", "", len(rows) - TRAY_LINES))
        tray.showMessage(self.tr("%n new alert(s)", "", len(rows)), "\n".join(lines),
                         QSystemTrayIcon.MessageIcon.Information)
