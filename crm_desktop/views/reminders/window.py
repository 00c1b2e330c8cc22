"""The reminder window: the reminders due now (and those missed while the app was closed), with
Open, Snooze ▾ (5 minutes, 1 hour, tomorrow 09:00), Dismiss and Dismiss all.

It only shows what `ReminderNotifier` scanned; each button is one service call through
`ui.actions.perform`, whose change set (reminders) makes the notifier scan again and refill it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import office_time
from crm_desktop.queries.activities.reminders import DueReminder
from crm_desktop.services.activities.reminders import (
    SNOOZES,
    ReminderKey,
    Snooze,
    dismiss_reminders,
    snooze_reminders,
    snooze_until,
)
from crm_desktop.services.changes import ChangeSet
from crm_desktop.ui.actions import perform
from crm_desktop.views.anniversaries.texts import occasion_text
from crm_desktop.views.common import ViewEnv


def snooze_labels() -> dict[Snooze, str]:
    return {"5min": QCoreApplication.translate("ReminderWindow", "5 minutes"),
            "1h": QCoreApplication.translate("ReminderWindow", "1 hour"),
            "tomorrow": QCoreApplication.translate("ReminderWindow", "Tomorrow at 09:00")}


OpenActivity = Callable[[str, datetime | None], object]
"""Opens an activity's form: its id and, for an occurrence of a series, its office-local start."""
OpenRecord = Callable[[str, str], object]
"""Shows a record in its tab: its kind ("account", "contact", "lead", "opportunity") and id."""


def reminder_text(reminder: DueReminder) -> str:
    """What is announced: the activity's subject, or the anniversary ("Birthday, turns 40")."""
    return occasion_text(reminder.anniversary) if reminder.anniversary is not None else reminder.subject


class ReminderWindow(QDialog):
    """Non-modal, above the main window. Open shows the activity's form (`open_activity`) or, without
    one, the customer's record (`open_record`): the contact of a birthday, the account of a founding day."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None, open_activity: OpenActivity | None = None,
                 open_record: OpenRecord | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderWindow")
        self.env = env
        self.open_activity = open_activity
        self.open_record = open_record
        self.reminders: list[DueReminder] = []
        self.resize(720, 360)

        self.heading = QLabel()
        self.heading.setObjectName("reminderHeading")
        self.list = QTreeWidget()
        self.list.setObjectName("reminderList")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setColumnCount(4)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())

        self.open_button = QPushButton()
        self.open_button.setObjectName("reminderOpen")
        self.open_button.clicked.connect(self.open_selected)
        self.open_button.setVisible(open_activity is not None or open_record is not None)
        self.snooze_button = QPushButton()  # its menu holds the choices
        self.snooze_button.setObjectName("reminderSnooze")
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_actions: dict[Snooze, QAction] = {}
        for choice in SNOOZES:
            action = self.snooze_menu.addAction("")
            action.setObjectName(f"snooze_{choice}")
            action.triggered.connect(lambda _checked=False, c=choice: self.snooze_selected(c))
            self.snooze_actions[choice] = action
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("reminderDismiss")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.dismiss_all_button = QPushButton()
        self.dismiss_all_button.setObjectName("reminderDismissAll")
        self.dismiss_all_button.clicked.connect(self.dismiss_all)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.snooze_button)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.dismiss_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reminders"))
        self.list.setHeaderLabels([self.tr("Reminder"), self.tr("Subject"), self.tr("Customer"), self.tr("On")])
        self.open_button.setText(self.tr("Open"))
        self.snooze_button.setText(self.tr("Snooze"))
        for choice, text in snooze_labels().items():
            self.snooze_actions[choice].setText(text)
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_all_button.setText(self.tr("Dismiss all"))
        self.show_reminders(self.reminders)

    # --- contents ---------------------------------------------------------------------------

    def show_reminders(self, reminders: list[DueReminder]) -> None:
        """Fill the list, keeping the selection of reminders still in it."""
        kept = {r.key for r in self.selected()}
        self.reminders = list(reminders)
        self.list.clear()
        for reminder in self.reminders:
            item = QTreeWidgetItem([self._due_text(reminder), reminder_text(reminder), reminder.customer,
                                    self._when_text(reminder)])
            item.setToolTip(1, reminder.location)
            self.list.addTopLevelItem(item)
            item.setSelected(reminder.key in kept)
        if self.reminders and not self.list.selectedItems():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        count = len(self.reminders)
        self.heading.setText(self.tr("Reminders due: %1").replace("%1", str(count)) if count
                             else self.tr("No reminders due"))
        self._selection_changed()

    def _due_text(self, reminder: DueReminder) -> str:
        text = self._time_text(reminder.due_at)
        return self.tr("%1 (snoozed)").replace("%1", text) if reminder.snoozed else text

    def _when_text(self, reminder: DueReminder) -> str:
        local = office_time(reminder.occurs_at)
        if reminder.all_day:
            return self.env.date_text(local.date())
        return self._time_text(reminder.occurs_at)

    def _time_text(self, moment: datetime) -> str:
        """Today's times as 14:05, other days with their date."""
        local = office_time(moment)
        return f"{local:%H:%M}" if local.date() == self.env.today() else self.env.datetime_text(moment)

    def selected(self) -> list[DueReminder]:
        rows = sorted(self.list.indexOfTopLevelItem(item) for item in self.list.selectedItems())
        return [self.reminders[row] for row in rows if 0 <= row < len(self.reminders)]

    def _selection_changed(self) -> None:
        chosen = bool(self.selected())
        chosen_ones = self.selected()
        self.open_button.setEnabled(len(chosen_ones) == 1 and self._opener(chosen_ones[0]) is not None)
        self.snooze_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)
        self.dismiss_all_button.setEnabled(bool(self.reminders))

    # --- actions -----------------------------------------------------------------------------

    def _keys(self, reminders: list[DueReminder]) -> list[ReminderKey]:
        return [r.key for r in reminders]

    def _perform(self, action: object) -> ChangeSet | None:
        return perform(self, self.env.bus, self.env.lang, action)  # type: ignore[arg-type]

    def open_selected(self) -> None:
        chosen = self.selected()
        opener = self._opener(chosen[0]) if len(chosen) == 1 else None
        if opener is not None:
            opener()

    def _opener(self, reminder: DueReminder) -> Callable[[], object] | None:
        """What Open does for this reminder, if anything."""
        activity_id, record = reminder.activity_id, reminder.record
        open_activity, open_record = self.open_activity, self.open_record
        if activity_id is not None and open_activity is not None:
            return lambda: open_activity(activity_id, reminder.occurrence)
        if record is not None and open_record is not None:
            return lambda: open_record(*record)
        return None

    def snooze_selected(self, choice: Snooze) -> ChangeSet | None:
        keys = self._keys(self.selected())
        if not keys:
            return None
        ctx = self.env.ctx
        return self._perform(lambda: snooze_reminders(ctx.uow(), ctx.user_id, keys,
                                                      snooze_until(choice, self.env.now())))

    def dismiss_selected(self) -> ChangeSet | None:
        keys = self._keys(self.selected())
        if not keys:
            return None
        ctx = self.env.ctx
        return self._perform(lambda: dismiss_reminders(ctx.uow(), ctx.user_id, keys))

    def dismiss_all(self) -> ChangeSet | None:
        keys = self._keys(self.reminders)
        if not keys:
            return None
        ctx = self.env.ctx
        return self._perform(lambda: dismiss_reminders(ctx.uow(), ctx.user_id, keys))
