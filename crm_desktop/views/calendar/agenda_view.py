"""The agenda view: the shown days one under the other, each with its holiday and its activities
in time order (all-day ones first); only days with something on them are listed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from crm_desktop.queries.activities.occurrences import Occurrence
from crm_desktop.services.activities.holidays import Holiday
from crm_desktop.views.activities.labels import kind_labels
from crm_desktop.views.calendar.event import HOLIDAY_TEXT, ColourBy, event_colour, time_text
from crm_desktop.views.calendar.layout import day_title
from crm_desktop.views.calendar.month_view import day_order

ROLE = Qt.ItemDataRole.UserRole


class AgendaView(QTreeWidget):
    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarAgenda")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemDoubleClicked.connect(self._double_clicked)
        self.itemActivated.connect(self._double_clicked)

    def show_days(self, start: date, end: date, items: list[Occurrence], holidays: dict[date, Holiday], *,
                  lang: str, buddhist: bool, colour_by: ColourBy) -> None:
        self.clear()
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized once, after filling
        self.setHeaderLabels([self.tr("Time"), self.tr("Subject"), self.tr("Kind"), self.tr("Customer"),
                              self.tr("Assigned to")])
        by_day: dict[date, list[Occurrence]] = {}
        for occ in items:
            by_day.setdefault(occ.day, []).append(occ)
        kinds = kind_labels()
        headings: list[QTreeWidgetItem] = []
        bold = QFont(self.font())
        bold.setBold(True)
        for day in sorted(d for d in set(by_day) | set(holidays) if start <= d < end):
            heading = QTreeWidgetItem([day_title(day, lang, buddhist)])
            heading.setFont(0, bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            holiday = holidays.get(day)
            if holiday is not None:
                heading.setText(0, f"{heading.text(0)} · {holiday.name(lang)}")
                heading.setForeground(0, QBrush(HOLIDAY_TEXT))
            self.addTopLevelItem(heading)
            headings.append(heading)
            for occ in sorted(by_day.get(day, []), key=day_order):
                when = time_text(occ) or self.tr("All day")
                kind = kinds.get(occ.kind, occ.kind)
                row = QTreeWidgetItem([when, occ.subject, kind, occ.customer, occ.assignee_name])
                row.setData(0, ROLE, occ)
                row.setForeground(1, QBrush(event_colour(occ, colour_by).darker(130)))
                if occ.status != "planned":
                    font = QFont(self.font())
                    font.setStrikeOut(occ.status == "cancelled")
                    row.setFont(1, font)
                    row.setText(0, f"{when} ✓" if occ.status == "done" else when)
                self.addTopLevelItem(row)
        for heading in headings:
            heading.setFirstColumnSpanned(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def occurrences_shown(self) -> list[Occurrence]:
        found = (self.topLevelItem(i).data(0, ROLE) for i in range(self.topLevelItemCount()))
        return [occ for occ in found if occ is not None]

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        occ = item.data(0, ROLE)
        if occ is not None:
            self.open_requested.emit(occ)
