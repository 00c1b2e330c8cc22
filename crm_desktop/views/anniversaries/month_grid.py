"""One month as a grid of weeks (Monday first, like the activity calendar), each day listing whose
anniversary it is; today is marked, days of the months around are greyed."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from crm_desktop.queries.anniversaries import AnniversaryRow
from crm_desktop.views.anniversaries.texts import occasion_text

NAMES_PER_DAY = 4  # then "+N more"; the tooltip lists everyone
TODAY_COLOUR = QColor("#fff3c4")


def weekday_names() -> list[str]:
    return [QCoreApplication.translate("MonthGrid", "Mon"), QCoreApplication.translate("MonthGrid", "Tue"),
            QCoreApplication.translate("MonthGrid", "Wed"), QCoreApplication.translate("MonthGrid", "Thu"),
            QCoreApplication.translate("MonthGrid", "Fri"), QCoreApplication.translate("MonthGrid", "Sat"),
            QCoreApplication.translate("MonthGrid", "Sun")]


def short_text(row: AnniversaryRow) -> str:
    """A name in a day's cell: "คุณสมชาย (40)", "ABC Co. (25)", "Nok: Wedding"."""
    name = f"{row.customer}: {row.title}" if row.kind == "custom" else row.customer
    return name if row.years is None else f"{name} ({row.years})"


class MonthGrid(QTableWidget):
    """`show_month(year, month, rows, today)`; rows are the month's anniversaries, by day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anniversaryMonth")
        self.setColumnCount(7)
        self.setHorizontalHeaderLabels(weekday_names())
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)  # a name per line, cut with … when long: the day shows how many there are
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.days: dict[tuple[int, int], date] = {}

    def show_month(self, year: int, month: int, rows: list[AnniversaryRow], today: date) -> None:
        by_day: dict[date, list[AnniversaryRow]] = defaultdict(list)
        for row in rows:
            by_day[row.on].append(row)
        weeks = calendar.Calendar(calendar.MONDAY).monthdatescalendar(year, month)
        self.clearContents()
        self.setRowCount(len(weeks))
        self.days.clear()
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for r, week in enumerate(weeks):
            for c, day in enumerate(week):
                self.days[(r, c)] = day
                self.setItem(r, c, self._cell(day, by_day.get(day, []) if day.month == month else [],
                                              day.month == month, day == today, grey))

    def _cell(self, day: date, rows: list[AnniversaryRow], in_month: bool, is_today: bool,
              grey: QColor) -> QTableWidgetItem:
        lines = [str(day.day)] + [short_text(r) for r in rows[:NAMES_PER_DAY]]
        more = len(rows) - NAMES_PER_DAY
        if more > 0:
            lines.append(QCoreApplication.translate("MonthGrid", "+%n more", None, more))
        item = QTableWidgetItem("\n".join(lines))
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if rows:
            item.setToolTip("\n".join(f"{r.customer} — {occasion_text(r)}" for r in rows[:40]))
        if not in_month:
            item.setForeground(QBrush(grey))
        if is_today:
            item.setBackground(QBrush(TODAY_COLOUR))
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setToolTip("\n".join(filter(None, (QCoreApplication.translate("MonthGrid", "Today"),
                                                    item.toolTip()))))
        return item
