"""The month view: six painted weeks, each day with its holiday and as many activities as fit.

Dragging an activity to another day moves it there (at the same time of day); a click on the
day's number or its "+N more" opens that day, a click on empty space in a day proposes an all-day activity."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop.queries.activities.occurrences import Occurrence
from crm_desktop.services.activities.holidays import Holiday
from crm_desktop.views.calendar.event import (
    HOLIDAY_FILL,
    HOLIDAY_TEXT,
    TODAY_FILL,
    ColourBy,
    EventPainter,
    event_colour,
)
from crm_desktop.views.calendar.layout import weekday_short

WEEKS = 6


def day_order(occ: Occurrence) -> tuple[bool, datetime]:
    """All-day activities and tasks first, then by time."""
    timed = occ.starts_at is not None and not occ.all_day
    return timed, occ.starts_at or datetime.combine(occ.day, time())


class MonthView(QWidget):
    moved = Signal(object, object, object)  # occurrence, start, end (office local)
    redated = Signal(object, object)  # an all-day activity or a task, its new day
    create_requested = Signal(object, object, object, bool)  # start, end, person id, all day
    open_requested = Signal(object)
    day_chosen = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarMonth")
        self.first = date(2000, 1, 3)  # the Monday at the top left
        self.month = 1
        self.by_day: dict[date, list[Occurrence]] = {}
        self.holidays: dict[date, Holiday] = {}
        self.lang = "en"
        self.today: date | None = None
        self.colour_by: ColourBy = "kind"
        self.selected: Occurrence | None = None
        self.placed: list[tuple[Occurrence, QRectF]] = []
        self.more: list[tuple[QRectF, date]] = []  # the "+N more" lines, which open their day
        self.press: tuple[QPointF, Occurrence | None] | None = None
        self.target: date | None = None  # the day a dragged activity is over
        self.events = EventPainter(self.font())

    def show_month(self, first: date, month: int, items: list[Occurrence], holidays: dict[date, Holiday], *,
                   lang: str, today: date, colour_by: ColourBy) -> None:
        self.first, self.month, self.holidays = first, month, holidays
        self.lang, self.today, self.colour_by = lang, today, colour_by
        self.by_day = {}
        for occ in items:
            self.by_day.setdefault(occ.day, []).append(occ)
        for day_items in self.by_day.values():
            day_items.sort(key=day_order)
        self.selected = None
        self.update()

    # --- geometry ---------------------------------------------------------------------------

    def header_height(self) -> int:
        return self.fontMetrics().height() + 6

    def cell(self, day: date) -> QRectF:
        index = (day - self.first).days
        width = self.width() / 7
        height = (self.height() - self.header_height()) / WEEKS
        return QRectF((index % 7) * width, self.header_height() + (index // 7) * height, width, height)

    def day_at(self, pos: QPointF) -> date | None:
        if pos.y() < self.header_height():
            return None
        column = min(6, int(pos.x() // (self.width() / 7)))
        row = min(WEEKS - 1, int((pos.y() - self.header_height()) // ((self.height() - self.header_height()) / WEEKS)))
        return self.first + timedelta(days=row * 7 + column)

    def event_rect(self, occ: Occurrence) -> QRectF | None:
        return next((rect for placed, rect in self.placed if placed == occ), None)

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        metrics = self.fontMetrics()
        line = metrics.height() + 3
        width = self.width() / 7
        painter.fillRect(QRectF(0, 0, self.width(), self.header_height()), palette.window())
        painter.setPen(palette.text().color())
        for column in range(7):
            day = self.first + timedelta(days=column)
            painter.drawText(QRectF(column * width, 0, width, self.header_height()), Qt.AlignmentFlag.AlignCenter,
                             weekday_short(day, self.lang))
        self.placed, self.more = [], []
        for index in range(WEEKS * 7):
            day = self.first + timedelta(days=index)
            rect = self.cell(day)
            holiday = self.holidays.get(day)
            if day == self.target:
                painter.fillRect(rect, palette.highlight().color().lighter(170))
            elif holiday is not None:
                painter.fillRect(rect, HOLIDAY_FILL)
            elif day == self.today:
                painter.fillRect(rect, TODAY_FILL)
            elif day.month != self.month:
                painter.fillRect(rect, QColor(246, 246, 246))
            painter.setPen(QPen(palette.mid().color()))
            painter.drawRect(rect)
            font = QFont(self.font())
            font.setBold(day == self.today)
            painter.setFont(font)
            other_month = day.month != self.month
            painter.setPen(HOLIDAY_TEXT if holiday is not None else
                           palette.placeholderText().color() if other_month else palette.text().color())
            number = QRectF(rect.left() + 4, rect.top() + 2, rect.width() - 8, line)
            painter.drawText(number, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
            painter.setFont(QFont(self.font()))
            if holiday is not None:
                offset = metrics.horizontalAdvance(f"{day.day}  ")
                painter.drawText(number.adjusted(offset, 0, 0, 0),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(holiday.name(self.lang), Qt.TextElideMode.ElideRight,
                                                    int(number.width() - offset)))
            self._paint_items(painter, day, rect, line)
        painter.end()

    def _paint_items(self, painter: QPainter, day: date, rect: QRectF, line: int) -> None:
        items = self.by_day.get(day, [])
        rows = max(0, int((rect.height() - line - 4) // line))
        shown = items if len(items) <= rows else items[:max(0, rows - 1)]
        for row, occ in enumerate(shown):
            box = QRectF(rect.left() + 2, rect.top() + line + 2 + row * line, rect.width() - 4, line - 1)
            self.placed.append((occ, box))
            self.events.paint(painter, box, occ, event_colour(occ, self.colour_by), selected=occ == self.selected)
        if len(shown) < len(items):
            more = QRectF(rect.left() + 6, rect.top() + line + 2 + len(shown) * line, rect.width() - 8, line)
            self.more.append((more, day))
            painter.setPen(self.palette().text().color())
            painter.drawText(more, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+%1 more").replace("%1", str(len(items) - len(shown))))

    # --- mouse ------------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> Occurrence | None:
        return next((occ for occ, rect in self.placed if rect.contains(pos)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        occ = self._hit(event.position())
        self.selected = occ
        self.press = (event.position(), occ)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.press is None or self.press[1] is None:
            return
        if (event.position() - self.press[0]).manhattanLength() >= QApplication.startDragDistance():
            self.target = self.day_at(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self.press = self.press, None
        target, self.target = self.target, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self.update()
        pos, occ = press
        if occ is not None:
            if target is None or target == occ.day:
                return
            if occ.starts_at is None or occ.all_day:
                self.redated.emit(occ, target)
            else:
                shift = timedelta(days=(target - occ.day).days)
                self.moved.emit(occ, occ.starts_at + shift, occ.ends_at + shift if occ.ends_at else None)
            return
        day = self.day_at(pos)
        if day is None:
            return
        number = self.cell(day)
        number.setHeight(self.fontMetrics().height() + 3)
        number.setWidth(self.fontMetrics().horizontalAdvance(f"{day.day}") + 10)
        if number.contains(pos) or any(rect.contains(pos) for rect, _day in self.more):
            self.day_chosen.emit(day)
        else:
            start = datetime.combine(day, time())
            self.create_requested.emit(start, start, None, True)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        occ = self._hit(event.position())
        if occ is not None:
            self.open_requested.emit(occ)
