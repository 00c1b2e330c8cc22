"""Announcing reminders while the app runs: one timer set to the next moment one falls due.

At start the notifier lists what fell due while the app was closed (since this person was last
shown reminders on this copy, at most 30 days back). Then it sleeps until the next reminder (or a
day at most) instead of polling; when activities or reminders change (an edit, a snooze, a sync
import) it scans again and re-arms. A reminder that newly fell due brings up the reminder window
and, where the desktop has a system tray, a notification. Nothing is kept in memory that a
restart would need: the window's contents are recomputed from the database each time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QStyle, QSystemTrayIcon, QWidget

from crm_desktop.services.activities.reminders import MISSED_MAX, ReminderKey, mark_seen, missed_since
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.views.common import ViewEnv

if TYPE_CHECKING:  # the scan (with its series expansion) and the window load at the first check, after
    # the main window's first paint: 15 ms off the start
    from crm_desktop.queries.activities.reminders import DueReminder, ReminderScan
    from crm_desktop.views.reminders.window import OpenActivity, OpenRecord, ReminderWindow

WATCHED = (Entity.ACTIVITY, Entity.REMINDER)  # the kinds whose changes can add, move or remove a reminder


class ReminderNotifier(QObject):
    """Owned by the main window. `check()` is the timer's slot: scan, show, re-arm."""

    def __init__(self, env: ViewEnv, parent: QWidget, open_activity: OpenActivity | None = None,
                 open_record: OpenRecord | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.open_activity = open_activity
        self.open_record = open_record
        self.parent_widget = parent
        self.window: ReminderWindow | None = None
        self.tray: QSystemTrayIcon | None = None
        self.announced: set[ReminderKey] = set()
        self.next_at: datetime | None = None
        self.since = missed_since(env.db, env.ctx.user_id, env.now())
        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # to the minute, not a coarse ±5 %
        self.timer.timeout.connect(self.check)
        env.bus.changed.connect(self._on_changes)

    def check(self) -> ReminderScan:
        """Scan from the start of the look-back to now, show what is due, arm the timer for the next one."""
        from crm_desktop.queries.activities.reminders import scan_reminders

        now = self.env.now()
        user_id = self.env.ctx.user_id
        self.since = min(max(self.since, now - MISSED_MAX), now)  # a clock set back never hides what comes
        scan = scan_reminders(self.env.db, user_id, self.since, now)
        mark_seen(self.env.db, user_id, now)
        fresh = [r for r in scan.due if r.key not in self.announced]
        self.announced = {r.key for r in scan.due}
        if self.window is not None:
            self.window.show_reminders(scan.due)
            if not scan.due:
                self.window.hide()  # all dismissed or snoozed: it comes back when one falls due
        if fresh:
            self._announce(scan.due, fresh)
        self._arm(scan.next_at, now)
        return scan

    def user_changed(self) -> None:
        """Another person works on this copy now: their own look-back, list and timer."""
        self.since = missed_since(self.env.db, self.env.ctx.user_id, self.env.now())
        self.announced = set()
        self.check()

    def _arm(self, next_at: datetime, now: datetime) -> None:
        self.next_at = next_at
        wait = max(next_at - now, timedelta(0))
        self.timer.start(int(wait / timedelta(milliseconds=1)) + 1)

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*WATCHED):
            self.check()

    def _announce(self, due: list[DueReminder], fresh: list[DueReminder]) -> None:
        window = self.reminder_window()
        window.show_reminders(due)
        window.show()
        window.raise_()
        window.activateWindow()
        tray = self.tray_icon()
        if tray is None:
            return  # no tray (the offscreen test platform, some Linux desktops): the window is enough
        from crm_desktop.views.reminders.window import reminder_text

        text = "\n".join(reminder_text(r) for r in fresh[:5])
        tray.showMessage(self.tr("Reminder"), text, QSystemTrayIcon.MessageIcon.Information)

    def tray_icon(self) -> QSystemTrayIcon | None:
        """The app's tray icon (made at its first use; alerts notify through it too), or None without a tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.parent_widget.windowIcon(), self)
            if self.tray.icon().isNull():
                information = QStyle.StandardPixmap.SP_MessageBoxInformation
                self.tray.setIcon(self.parent_widget.style().standardIcon(information))
            self.tray.messageClicked.connect(lambda: self.reminder_window().show())
            self.tray.show()
        return self.tray

    def reminder_window(self) -> ReminderWindow:
        from crm_desktop.views.reminders.window import ReminderWindow

        if self.window is None:
            self.window = ReminderWindow(self.env, self.parent_widget, self.open_activity, self.open_record)
        return self.window
