"""The Anniversaries tab: a month of birthdays, founding days and special dates, the next 30 days
as a list with the age or the years, and one click to plan a greeting for the customer's owner."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.anniversaries import UPCOMING_DAYS, AnniversaryRow, anniversaries_between, upcoming
from crm_desktop.services.anniversaries import create_greeting
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.views.anniversaries.month_grid import MonthGrid
from crm_desktop.views.anniversaries.remind_dialog import RemindDialog
from crm_desktop.views.anniversaries.texts import greeting_subject, month_title, occasion_text, when_text
from crm_desktop.views.common import ViewEnv

# What the tab shows changes when these do (a birthday edited, a date added, an owner renamed).
WATCHED = (Entity.CONTACT, Entity.ACCOUNT, Entity.ANNIVERSARY, Entity.USER, Entity.SETTING)


class UpcomingModel(QAbstractTableModel):
    """The next 30 days' anniversaries: a plain list, a few hundred rows at most in a real office."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows: list[AnniversaryRow] = []
        self.today = env.today()
        self.headers = [self.tr("Date"), self.tr("When"), self.tr("Customer"), self.tr("Occasion"),
                        self.tr("Owner")]

    def set_rows(self, rows: list[AnniversaryRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return self.env.date_text(row.on)
        if column == 1:
            return when_text(row.on, self.today)
        if column == 2:
            return f"{row.customer} · {row.company}" if row.company else row.customer
        if column == 3:
            return occasion_text(row)
        return row.owner_name


class AnniversariesTab(QWidget):
    NAME = "anniversaries"

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("anniversariesTab")
        today = env.today()
        self.year, self.month = today.year, today.month
        self.remind_dialog: RemindDialog | None = None

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.prev_button = QToolButton()
        self.prev_button.setObjectName("prevMonth")
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button = QToolButton()
        self.next_button.setObjectName("nextMonth")
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.today_button = QPushButton(self.tr("This month"))
        self.today_button.setObjectName("thisMonth")
        self.today_button.clicked.connect(self.show_this_month)
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.month_label.setFont(font)
        self.remind_button = QPushButton(self.tr("Reminders…"))
        self.remind_button.setObjectName("remindSettings")
        self.remind_button.setToolTip(self.tr("How many days before each kind of date the reminder comes"))
        self.remind_button.clicked.connect(self.open_remind_settings)
        for widget in (self.prev_button, self.next_button, self.today_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.month_label)
        bar.addStretch(1)
        bar.addWidget(self.remind_button)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.grid = MonthGrid()
        splitter.addWidget(self.grid)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.upcoming_label = QLabel()
        self.upcoming_label.setObjectName("upcomingLabel")
        side_layout.addWidget(self.upcoming_label)
        self.model = UpcomingModel(env, self)
        self.list = QTableView()
        self.list.setObjectName("upcomingList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((84, 70, 200, 140)):
            self.list.setColumnWidth(column, width)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        side_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.task_button = QPushButton(self.tr("Greeting task"))
        self.task_button.setObjectName("greetingTask")
        self.task_button.setToolTip(self.tr("Plan a task for the customer's owner to send greetings on the day"))
        self.task_button.clicked.connect(lambda: self.greet("task"))
        self.call_button = QPushButton(self.tr("Greeting call"))
        self.call_button.setObjectName("greetingCall")
        self.call_button.setToolTip(self.tr("Plan a call for the customer's owner on the day"))
        self.call_button.clicked.connect(lambda: self.greet("call"))
        buttons.addWidget(self.task_button)
        buttons.addWidget(self.call_button)
        buttons.addStretch(1)
        side_layout.addLayout(buttons)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 640])
        layout.addWidget(splitter, 1)

        env.bus.changed.connect(self.on_changes)
        self.stale = True  # read when first shown: hidden at start-up, a year of dates costs nothing

    # --- showing ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        env = self.env
        today = env.today()
        first = date(self.year, self.month, 1)
        after = (first + timedelta(days=32)).replace(day=1)
        self.month_label.setText(month_title(self.year, self.month, env.lang, env.buddhist))
        self.grid.show_month(self.year, self.month, anniversaries_between(env.db, first, after), today)
        rows = upcoming(env.db, today)
        self.model.set_rows(rows, today)
        self.upcoming_label.setText(self.tr("Next %1 days (%2)").replace("%1", str(UPCOMING_DAYS))
                                    .replace("%2", str(len(rows))))
        self._selection_changed()

    def step_month(self, step: int) -> None:
        index = self.year * 12 + self.month - 1 + step
        self.year, self.month = divmod(index, 12)
        self.month += 1
        self.reload()

    def show_this_month(self) -> None:
        today = self.env.today()
        self.year, self.month = today.year, today.month
        self.reload()

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*WATCHED):
            self.reload()

    # --- acting -----------------------------------------------------------------------------

    def selected_row(self) -> AnniversaryRow | None:
        chosen = self.list.selectionModel().selectedRows()
        return self.model.rows[chosen[0].row()] if chosen else None

    def select(self, target: str) -> bool:
        """Select the anniversary of `target` ("contact:<id>"…) in the list; False if it is not there."""
        for number, row in enumerate(self.model.rows):
            if row.target == target:
                self.list.selectRow(number)
                return True
        return False

    def _selection_changed(self) -> None:
        chosen = self.selected_row() is not None
        self.task_button.setEnabled(chosen)
        self.call_button.setEnabled(chosen)

    def greet(self, kind: str) -> ChangeSet | None:
        """Plan a greeting task or call on the day, for the customer's owner (one transaction)."""
        row = self.selected_row()
        if row is None:
            return None
        env = self.env
        subject = greeting_subject(row)
        done = perform(self, env.bus, env.lang,
                       lambda: create_greeting(env.ctx.uow(), row.target, row.on, kind, subject),
                       description=self.tr("Planned: %1").replace("%1", subject))
        return done

    def open_remind_settings(self) -> RemindDialog:
        dialog = RemindDialog(self.env, self)
        self.remind_dialog = dialog
        dialog.open()
        return dialog
