"""The day and week views: a painted time grid, one column per day (or per person in the day
view), all-day activities and tasks in a strip under the headers.

Everything is painted here, only what is in view, so a week of a few hundred activities scrolls
and drags without building a widget per activity. Times are office-local naive datetimes, as the
occurrence query returns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

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
from crm_desktop.views.calendar.layout import SNAP_MINUTES, side_by_side, snap, weekday_short

HOUR_HEIGHT = 48
GUTTER = 56
EDGE = 5  # pixels at an event's bottom that resize it
STRIP_ROWS = 3  # all-day rows shown before "+N"
DEFAULT_LENGTH = timedelta(minutes=30)  # how long an activity without an end is drawn
CLICK_LENGTH = timedelta(hours=1)  # a click on an empty slot proposes an hour


@dataclass(frozen=True)
class Column:
    day: date
    person_id: str | None = None  # the day view shows one column per chosen person
    person_name: str = ""


def timed(occ: Occurrence) -> bool:
    return occ.starts_at is not None and not occ.all_day


def span(occ: Occurrence) -> tuple[datetime, datetime]:
    assert occ.starts_at is not None
    end = occ.ends_at if occ.ends_at is not None and occ.ends_at > occ.starts_at else occ.starts_at + DEFAULT_LENGTH
    return occ.starts_at, end


@dataclass
class Drag:
    action: Literal["move", "resize", "create", "redate"]  # redate: an all-day activity to another day
    press: QPointF
    start: datetime
    end: datetime
    column: int
    occ: Occurrence | None = None
    grip: timedelta = field(default=timedelta(0))  # where in the event the mouse took it
    moved: bool = False


class TimeGridView(QAbstractScrollArea):
    """Signals carry office-local times: `moved(occurrence, start, end)` after a drag or a resize,
    `redated(occurrence, day)` after an all-day activity or a task was dragged to another day,
    `create_requested(start, end, person_id, all_day)` after a click or a drag on empty space,
    `open_requested(occurrence)` on a double-click, `day_chosen(day)` on a day's header or its "+N more"."""

    moved = Signal(object, object, object)
    redated = Signal(object, object)
    create_requested = Signal(object, object, object, bool)
    open_requested = Signal(object)
    day_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarTimeGrid")
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns: list[Column] = []
        self.items: list[Occurrence] = []
        self.holidays: dict[date, Holiday] = {}
        self.lang = "en"
        self.today: date | None = None
        self.now: datetime | None = None
        self.colour_by: ColourBy = "kind"
        self.selected: Occurrence | None = None
        self.drag: Drag | None = None
        self.placed: list[tuple[Occurrence, int, QRectF]] = []  # timed: column, rect in content space
        self.strip: list[tuple[Occurrence, QRectF]] = []  # all-day: rect in viewport space
        self.more: dict[int, int] = {}  # column -> all-day items that did not fit
        self._header = self._top = 0
        self.events = EventPainter(self.font())
        self.verticalScrollBar().setSingleStep(HOUR_HEIGHT // 4)

    # --- data -------------------------------------------------------------------------------

    def show_columns(self, columns: list[Column], items: list[Occurrence], holidays: dict[date, Holiday], *,
                     lang: str, today: date, now: datetime, colour_by: ColourBy) -> None:
        self.columns, self.items, self.holidays = columns, items, holidays
        self.lang, self.today, self.now, self.colour_by = lang, today, now, colour_by
        self.selected = None
        self.drag = None
        self._layout()
        self.viewport().update()

    def scroll_to_hour(self, hour: int) -> None:
        self.verticalScrollBar().setValue(hour * HOUR_HEIGHT - HOUR_HEIGHT // 4)  # the hour's label in view

    def column_of(self, occ: Occurrence) -> list[int]:
        return [i for i, column in enumerate(self.columns)
                if column.day == occ.day and (column.person_id is None or column.person_id == occ.assignee_id)]

    # --- geometry ---------------------------------------------------------------------------

    def line_height(self) -> int:
        return self.fontMetrics().height() + 4

    def header_height(self) -> int:
        return self._header

    def top(self) -> int:
        """Where the hours start: under the day headers and the all-day strip."""
        return self._top

    def column_width(self) -> float:
        return (self.viewport().width() - GUTTER) / max(1, len(self.columns))

    def column_x(self, index: int) -> float:
        return GUTTER + index * self.column_width()

    def y_of(self, moment: datetime, day: date) -> float:
        """Viewport y of a moment on `day` (24:00 is the bottom)."""
        minutes = (moment - datetime.combine(day, time())).total_seconds() / 60
        minutes = max(0.0, min(24 * 60.0, minutes))
        return self.top() + minutes * HOUR_HEIGHT / 60 - self.verticalScrollBar().value()

    def column_at(self, x: float) -> int:
        index = int((x - GUTTER) // self.column_width()) if self.columns else -1
        return max(0, min(len(self.columns) - 1, index))

    def time_at(self, pos: QPointF, column: int) -> datetime:
        minutes = (pos.y() - self.top() + self.verticalScrollBar().value()) * 60 / HOUR_HEIGHT
        minutes = max(0.0, min(24 * 60.0, minutes))
        return datetime.combine(self.columns[column].day, time()) + timedelta(minutes=minutes)

    def _layout(self) -> None:
        by_column: list[list[Occurrence]] = [[] for _ in self.columns]
        for occ in self.items:
            for index in self.column_of(occ):
                by_column[index].append(occ)
        lines = 1 + any(c.person_id for c in self.columns) + any(c.day in self.holidays for c in self.columns)
        self._header = lines * self.fontMetrics().height() + 8
        strip_rows = max((sum(not timed(occ) for occ in mine) for mine in by_column), default=0)
        self._top = self._header + max(1, min(strip_rows, STRIP_ROWS + 1)) * self.line_height() + 4
        body = 24 * HOUR_HEIGHT
        visible = self.viewport().height() - self.top()
        self.verticalScrollBar().setRange(0, max(0, body - visible))
        self.verticalScrollBar().setPageStep(max(1, visible))
        self.placed = []
        width = self.column_width()
        for index, column in enumerate(self.columns):
            mine = [occ for occ in by_column[index] if timed(occ)]
            for occ, slot, slots in side_by_side(mine, span):
                start, end = span(occ)
                x = self.column_x(index) + 2 + slot * (width - 6) / slots
                midnight = datetime.combine(column.day, time())
                y0 = (start - midnight).total_seconds() / 3600 * HOUR_HEIGHT
                y1 = min(24 * HOUR_HEIGHT, (end - midnight).total_seconds() / 3600 * HOUR_HEIGHT)
                self.placed.append((occ, index, QRectF(x, y0, (width - 6) / slots - 1, max(y1 - y0, 14))))
        self.strip, self.more = [], {}
        row_h = self.line_height()
        for index in range(len(self.columns)):
            mine = [occ for occ in by_column[index] if not timed(occ)]
            rows = STRIP_ROWS if len(mine) > STRIP_ROWS + 1 else STRIP_ROWS + 1
            for row, occ in enumerate(mine[:rows]):
                y = self.header_height() + row * row_h + 2
                self.strip.append((occ, QRectF(self.column_x(index) + 2, y, width - 5, row_h - 2)))
            if len(mine) > rows:
                self.more[index] = len(mine) - rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def event_rect(self, occ: Occurrence) -> QRectF | None:
        """Where an activity is drawn now (viewport coordinates), for tests and hit-testing."""
        for placed, _column, rect in self.placed:
            if placed == occ:
                return rect.translated(0, self.top() - self.verticalScrollBar().value())
        for placed, rect in self.strip:
            if placed == occ:
                return rect
        return None

    def hit(self, pos: QPointF) -> tuple[Occurrence, QRectF, bool] | None:
        """The activity under `pos`, its rect, and whether `pos` is on its bottom edge."""
        if pos.y() < self.top():
            for occ, rect in self.strip:
                if rect.contains(pos):
                    return occ, rect, False
            return None
        for occ, _column, rect in reversed(self.placed):
            shown = rect.translated(0, self.top() - self.verticalScrollBar().value())
            if shown.contains(pos):
                return occ, shown, pos.y() >= shown.bottom() - EDGE
        return None

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        width, height = self.viewport().width(), self.viewport().height()
        top = self.top()
        painter.fillRect(0, 0, width, height, palette.base())
        painter.save()
        painter.setClipRect(QRectF(0, top, width, height - top))
        self._paint_body(painter, top, width, height)
        painter.restore()
        painter.fillRect(QRectF(0, 0, width, top), palette.window())
        self._paint_header(painter)
        painter.setPen(QPen(palette.mid().color()))
        painter.drawLine(0, top - 1, width, top - 1)
        painter.end()

    def _paint_body(self, painter: QPainter, top: int, width: int, height: int) -> None:
        scroll = self.verticalScrollBar().value()
        colw = self.column_width()
        for index, column in enumerate(self.columns):
            fill = None
            if column.day in self.holidays:
                fill = HOLIDAY_FILL
            elif column.day == self.today:
                fill = TODAY_FILL
            elif column.day.weekday() >= 5:
                fill = QColor(246, 246, 246)
            if fill is not None:
                painter.fillRect(QRectF(self.column_x(index), top, colw, height - top), fill)
        grid = self.palette().mid().color()
        light = QColor(grid)
        light.setAlpha(70)
        for hour in range(25):
            y = top + hour * HOUR_HEIGHT - scroll
            if y < top - HOUR_HEIGHT or y > height + HOUR_HEIGHT:
                continue
            painter.setPen(QPen(grid))
            painter.drawLine(GUTTER - 4, int(y), width, int(y))
            painter.setPen(QPen(light))
            painter.drawLine(GUTTER, int(y + HOUR_HEIGHT / 2), width, int(y + HOUR_HEIGHT / 2))
            if 0 < hour < 24:
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(0, y - 8, GUTTER - 8, 16),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{hour:02d}:00")
        painter.setPen(QPen(grid))
        for index in range(len(self.columns) + 1):
            x = int(self.column_x(index))
            painter.drawLine(x, top, x, height)
        dragged = self.drag.occ if self.drag is not None and self.drag.moved else None
        for occ, _column, rect in self.placed:
            shown = rect.translated(0, top - scroll)
            if shown.bottom() < top or shown.top() > height:
                continue
            colour = event_colour(occ, self.colour_by)
            if occ == dragged:
                colour = colour.lighter(160)  # where it was, while it is being dragged
            self.events.paint(painter, shown, occ, colour, selected=occ == self.selected)
        if self.drag is not None and self.drag.moved:
            self._paint_drag(painter)
        if self.now is not None:
            for index, column in enumerate(self.columns):
                if column.day == self.now.date():
                    y = self.y_of(self.now, column.day)
                    painter.setPen(QPen(HOLIDAY_TEXT, 2))
                    painter.drawLine(int(self.column_x(index)), int(y), int(self.column_x(index) + colw), int(y))

    def _paint_drag(self, painter: QPainter) -> None:
        drag = self.drag
        assert drag is not None
        if drag.action == "redate":
            return  # drawn in the strip, by _paint_header
        x = self.column_x(drag.column) + 2
        y0 = self.y_of(drag.start, self.columns[drag.column].day)
        y1 = self.y_of(drag.end, self.columns[drag.column].day)
        rect = QRectF(x, y0, self.column_width() - 6, max(y1 - y0, 14))
        if drag.occ is None:
            colour = QColor(self.palette().highlight().color())
            colour.setAlpha(80)
            painter.fillRect(rect, colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(rect.adjusted(4, 2, -2, -2), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             f"{drag.start:%H:%M}–{drag.end:%H:%M}")
            return
        preview = replace(drag.occ, starts_at=drag.start, ends_at=drag.end)
        self.events.paint(painter, rect, preview, event_colour(drag.occ, self.colour_by), selected=True)

    def _paint_header(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        line = metrics.height()
        colw = self.column_width()
        text = self.palette().text().color()
        for index, column in enumerate(self.columns):
            x = self.column_x(index)
            y = 4.0
            label = f"{weekday_short(column.day, self.lang)} {column.day.day}"
            font = QFont(painter.font())
            font.setBold(column.day == self.today)
            painter.setFont(font)
            painter.setPen(HOLIDAY_TEXT if column.day in self.holidays else text)
            painter.drawText(QRectF(x, y, colw, line), Qt.AlignmentFlag.AlignCenter, label)
            painter.setFont(QFont(self.font()))
            y += line
            if column.person_id:
                painter.setPen(text)
                painter.drawText(QRectF(x + 2, y, colw - 4, line), Qt.AlignmentFlag.AlignCenter,
                                 metrics.elidedText(column.person_name, Qt.TextElideMode.ElideRight, int(colw - 4)))
                y += line
            holiday = self.holidays.get(column.day)
            if holiday is not None:
                painter.setPen(HOLIDAY_TEXT)
                name = holiday.name(self.lang)
                painter.drawText(QRectF(x + 2, y, colw - 4, line), Qt.AlignmentFlag.AlignCenter,
                                 metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(colw - 4)))
            painter.setPen(QPen(self.palette().mid().color()))
            painter.drawLine(int(x), 0, int(x), self.top())
        drag = self.drag
        if drag is not None and drag.action == "redate" and drag.moved and drag.occ is not None:
            target = QColor(self.palette().highlight().color())
            target.setAlpha(60)
            painter.fillRect(QRectF(self.column_x(drag.column), self.header_height(), colw, self.top() - 4
                                    - self.header_height()), target)
        for occ, rect in self.strip:
            self.events.paint(painter, rect, occ, event_colour(occ, self.colour_by), selected=occ == self.selected,
                        show_time=False)
        painter.setPen(text)
        for index, count in self.more.items():
            y = self.header_height() + STRIP_ROWS * self.line_height()
            painter.drawText(QRectF(self.column_x(index) + 6, y, colw - 8, self.line_height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+%1 more").replace("%1", str(count)))

    # --- mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.columns:
            return super().mousePressEvent(event)
        pos = event.position()
        found = self.hit(pos)
        column = self.column_at(pos.x())
        if found is not None:
            occ, _rect, edge = found
            self.selected = occ
            if timed(occ):
                start, end = span(occ)
                grip = self.time_at(pos, column) - start
                self.drag = Drag("resize" if edge else "move", pos, start, end, column, occ, grip)
            else:
                midnight = datetime.combine(occ.day, time())
                self.drag = Drag("redate", pos, midnight, midnight, column, occ)
        elif pos.y() >= self.top() and pos.x() >= GUTTER:
            self.selected = None
            at = self.time_at(pos, column)
            start = snap(at - timedelta(minutes=SNAP_MINUTES / 2))  # the slot the click is in
            self.drag = Drag("create", pos, start, start + CLICK_LENGTH, column)
        elif pos.x() < GUTTER:
            pass
        elif pos.y() < self.header_height() or (
                column in self.more and pos.y() >= self.header_height() + STRIP_ROWS * self.line_height()):
            self.day_chosen.emit(self.columns[column].day)
        else:  # empty space in the all-day strip
            self.selected = None
            day = datetime.combine(self.columns[column].day, time())
            self.create_requested.emit(day, day, self.columns[column].person_id, True)
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        drag = self.drag
        if drag is None:
            found = self.hit(pos)
            cursor = Qt.CursorShape.ArrowCursor
            if found is not None and timed(found[0]):
                cursor = Qt.CursorShape.SizeVerCursor if found[2] else Qt.CursorShape.OpenHandCursor
            self.viewport().setCursor(cursor)
            return
        if not drag.moved and (pos - drag.press).manhattanLength() < QApplication.startDragDistance():
            return
        drag.moved = True
        step = timedelta(minutes=SNAP_MINUTES)
        if drag.action == "redate":
            drag.column = self.column_at(pos.x())
        elif drag.action == "move" and drag.occ is not None:
            drag.column = self.column_at(pos.x())
            if self.columns[drag.column].person_id is not None:  # a person's column: only the time moves
                drag.column = self.column_of(drag.occ)[0] if self.column_of(drag.occ) else drag.column
            original = span(drag.occ)
            length = original[1] - original[0]
            start = snap(self.time_at(pos, drag.column) - drag.grip)
            midnight = datetime.combine(self.columns[drag.column].day, time())
            drag.start = max(midnight, min(start, midnight + timedelta(days=1) - length))
            drag.end = drag.start + length
        elif drag.action == "resize":
            drag.end = max(drag.start + step, snap(self.time_at(pos, drag.column)))
        else:
            at = snap(self.time_at(pos, drag.column))
            first = drag.start if at >= drag.start else at
            last = at if at > drag.start else drag.start + step
            drag.start, drag.end = first, max(last, first + step)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self.drag = self.drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self.viewport().update()
        if drag.action == "create":
            self.create_requested.emit(drag.start, drag.end, self.columns[drag.column].person_id, False)
            return
        if drag.occ is None or not drag.moved:
            return
        if drag.action == "redate":
            if self.columns[drag.column].day != drag.occ.day:
                self.redated.emit(drag.occ, self.columns[drag.column].day)
            return
        if (drag.start, drag.end) != span(drag.occ):
            end = drag.end if drag.occ.ends_at is not None or drag.action == "resize" else None
            self.moved.emit(drag.occ, drag.start, end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if found is not None:
            self.drag = None
            self.open_requested.emit(found[0])
