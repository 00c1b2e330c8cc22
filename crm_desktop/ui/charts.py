"""A small chart widget painted with QPainter: bars, horizontal bars, lines and a pie, with tooltips.

Why not QtCharts or pyqtgraph: see docs/ARCHITECTURE.md ("Charts"). Text goes through QPainter's
own text layout, so Thai names are shaped like everywhere else in the app; labels that do not fit
are elided and the tooltip shows them whole with the value.

The widget knows nothing of reports: the caller gives the category labels, the series (already
translated names, plain numbers) and how a number reads (`value_text` for tooltips and the pie's
legend, `axis_text` for the axis ticks).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

ChartKind = Literal["bar", "hbar", "line", "pie"]
COLOURS = ("#2f6db5", "#e08a1e", "#3a9a5b", "#c0392b", "#8e6bbf", "#16a085", "#d4a017", "#7f8c8d",
           "#b5527f", "#5d6d7e")
PIE_SLICES = 8  # more slices than this are summed into one "other" slice
MARGIN = 10.0
BAR_MAX = 48.0  # the widest a bar gets (a month of one figure should not be a wall)
HBAR_MIN = 16.0  # the thinnest row of a horizontal bar chart; rows beyond the height are left out


def plain_number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2f}"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per label; None: no figure (a gap)


@dataclass(frozen=True)
class ChartData:
    kind: ChartKind
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    value_text: Callable[[float], str] = field(default=plain_number)
    axis_text: Callable[[float], str] = field(default=plain_number)
    other_text: str = "Other"  # the pie's slice of everything beyond PIE_SLICES

    def is_empty(self) -> bool:
        return not self.labels or not any(v for s in self.series for v in s.values if v is not None)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values from at most `low` to at least `high` (0 always among them)."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1.0
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


class ChartWidget(QWidget):
    """Shows one `ChartData`, or `empty_text` when there is nothing to draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.empty_text = ""
        self.hits: list[tuple[QPainterPath, str]] = []  # what the mouse can point at, made by the last paint
        self.setMouseTracking(True)
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def set_chart(self, data: ChartData | None, empty_text: str = "") -> None:
        self.data, self.empty_text = data, empty_text
        self.hits = []
        self.update()

    # --- tooltips -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tip_at(self, point: QPointF) -> str:
        """The tooltip of what is drawn at `point` (the last hit wins: it was painted on top)."""
        return next((text for path, text in reversed(self.hits) if path.contains(point)), "")

    def _hit(self, shape: QRectF | QPainterPath, text: str) -> None:
        if isinstance(shape, QRectF):
            path = QPainterPath()
            path.addRect(shape.adjusted(-1, -1, 1, 1))  # a bar of 0 is still found
            shape = path
        self.hits.append((shape, text))

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self.hits = []
        data = self.data
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if data is None or data.is_empty():
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()
            return
        if data.kind == "pie":
            self._paint_pie(painter, data, area)
        else:
            area = self._paint_legend(painter, data, area)
            if data.kind == "hbar":
                self._paint_hbar(painter, data, area)
            else:
                self._paint_columns(painter, data, area)
        painter.end()

    def _text_pen(self) -> QColor:
        return self.palette().text().color()

    def _grid_pen(self) -> QPen:
        colour = QColor(self._text_pen())
        colour.setAlpha(40)
        return QPen(colour, 1)

    def _paint_legend(self, painter: QPainter, data: ChartData, area: QRectF) -> QRectF:
        """One swatch and name per series along the top when there are several; the rest of `area`."""
        if len(data.series) < 2:
            return area
        metrics = QFontMetricsF(self.font())
        x, y = area.left(), area.top()
        for number, series in enumerate(data.series):
            width = 14 + metrics.horizontalAdvance(series.name) + 16
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + metrics.height() + 4
            painter.fillRect(QRectF(x, y + metrics.height() / 2 - 5, 10, 10), QColor(COLOURS[number % len(COLOURS)]))
            painter.setPen(self._text_pen())
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), series.name)
            x += width
        return area.adjusted(0, y - area.top() + metrics.height() + 8, 0, 0)

    def _values_range(self, data: ChartData) -> list[float]:
        values = [v for s in data.series for v in s.values if v is not None]
        return nice_ticks(min(values, default=0.0), max(values, default=0.0))

    def _paint_columns(self, painter: QPainter, data: ChartData, area: QRectF) -> None:
        """Vertical bars (grouped by label) or lines, against a value axis on the left."""
        metrics = QFontMetricsF(self.font())
        ticks = self._values_range(data)
        tick_texts = [data.axis_text(t) for t in ticks]
        left = area.left() + max(metrics.horizontalAdvance(t) for t in tick_texts) + 6
        plot = QRectF(left, area.top() + metrics.height() / 2, area.right() - left,
                      area.height() - metrics.height() * 1.5 - 6)
        low, high = ticks[0], ticks[-1]

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low) / (high - low) * plot.height()

        for tick, text in zip(ticks, tick_texts, strict=True):
            y = y_of(tick)
            painter.setPen(self._grid_pen() if tick else QPen(self._text_pen(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self._text_pen())
            painter.drawText(QRectF(area.left(), y - metrics.height() / 2, left - area.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        count = len(data.labels)
        slot = plot.width() / count
        # Category labels: every one when they fit, else every n-th (the tooltips name them all).
        every = max(1, math.ceil(max(metrics.horizontalAdvance(label) for label in data.labels) / max(slot, 1) * 0.6))
        painter.setPen(self._text_pen())
        for index, label in enumerate(data.labels):
            if index % every:
                continue
            width = slot * every
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 4)
            painter.drawText(QRectF(plot.left() + slot * index + slot / 2 - width / 2, plot.bottom() + 4, width,
                                    metrics.height()), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, shown)
        zero = y_of(0.0)
        if data.kind == "line":
            self._paint_lines(painter, data, plot, slot, y_of)
            return
        groups = len(data.series)
        bar = min(BAR_MAX, slot * 0.8 / groups)
        for number, series in enumerate(data.series):
            colour = QColor(COLOURS[number % len(COLOURS)])
            for index, value in enumerate(series.values):
                if value is None:
                    continue
                x = plot.left() + slot * index + slot / 2 - bar * groups / 2 + bar * number
                top, bottom = sorted((y_of(value), zero))
                rect = QRectF(x, top, max(bar - 1, 1), max(bottom - top, 1))
                painter.fillRect(rect, colour)
                self._hit(rect, self._tip(data, series, index, value))

    def _paint_lines(self, painter: QPainter, data: ChartData, plot: QRectF, slot: float,
                     y_of: Callable[[float], float]) -> None:
        for number, series in enumerate(data.series):
            colour = QColor(COLOURS[number % len(COLOURS)])
            painter.setPen(QPen(colour, 2.2))
            previous: QPointF | None = None
            for index, value in enumerate(series.values):
                if value is None:
                    previous = None  # no figure: the line breaks
                    continue
                point = QPointF(plot.left() + slot * index + slot / 2, y_of(value))
                if previous is not None:
                    painter.drawLine(previous, point)
                previous = point
            painter.setBrush(colour)
            for index, value in enumerate(series.values):
                if value is None:
                    continue
                point = QPointF(plot.left() + slot * index + slot / 2, y_of(value))
                painter.drawEllipse(point, 3.5, 3.5)
                self._hit(QRectF(point.x() - 7, point.y() - 7, 14, 14), self._tip(data, series, index, value))
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_hbar(self, painter: QPainter, data: ChartData, area: QRectF) -> None:
        """Horizontal bars, one row per label (long names: customers, products), the axis below."""
        metrics = QFontMetricsF(self.font())
        ticks = self._values_range(data)
        low, high = ticks[0], ticks[-1]
        label_width = min(max(metrics.horizontalAdvance(label) for label in data.labels) + 8, area.width() * 0.4)
        plot = QRectF(area.left() + label_width, area.top(), area.width() - label_width,
                      area.height() - metrics.height() - 6)
        rows = min(len(data.labels), max(1, int(plot.height() // HBAR_MIN)))
        row_height = plot.height() / rows

        def x_of(value: float) -> float:
            return plot.left() + (value - low) / (high - low) * plot.width()

        for tick in ticks:
            x = x_of(tick)
            painter.setPen(self._grid_pen() if tick else QPen(self._text_pen(), 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(self._text_pen())
        last_right = -math.inf
        for tick in ticks:  # tick texts that would run into the previous one are left out
            text = data.axis_text(tick)
            width = metrics.horizontalAdvance(text)
            x = min(max(x_of(tick) - width / 2, plot.left()), plot.right() - width)
            if x > last_right + 6:
                painter.drawText(QPointF(x, plot.bottom() + 4 + metrics.ascent()), text)
                last_right = x + width
        groups = len(data.series)
        bar = min(BAR_MAX, row_height * 0.75 / groups)
        zero = x_of(0.0)
        for index in range(rows):
            top = plot.top() + row_height * index
            painter.setPen(self._text_pen())
            shown = metrics.elidedText(data.labels[index], Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(QRectF(area.left(), top, label_width - 8, row_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            for number, series in enumerate(data.series):
                value = series.values[index]
                if value is None:
                    continue
                left, right = sorted((x_of(value), zero))
                y = top + row_height / 2 - bar * groups / 2 + bar * number
                rect = QRectF(left, y, max(right - left, 1), max(bar - 1, 1))
                painter.fillRect(rect, QColor(COLOURS[number % len(COLOURS)]))
                self._hit(QRectF(plot.left(), y, plot.width(), bar), self._tip(data, series, index, value))

    def _paint_pie(self, painter: QPainter, data: ChartData, area: QRectF) -> None:
        """The first series as slices (no negative slices), the largest first, a legend beside it."""
        series = data.series[0]
        slices = sorted(((v, label) for label, v in zip(data.labels, series.values, strict=True) if v and v > 0),
                        key=lambda s: -s[0])
        if len(slices) > PIE_SLICES:
            rest = sum(v for v, _label in slices[PIE_SLICES - 1:])
            slices = [*slices[:PIE_SLICES - 1], (rest, data.other_text)]
        total = sum(v for v, _label in slices)
        metrics = QFontMetricsF(self.font())
        legend_width = min(area.width() * 0.5, max(metrics.horizontalAdvance(f"{label}  100.0 %")
                                                   for _v, label in slices) + 20)
        side = max(10.0, min(area.height(), area.width() - legend_width - MARGIN))
        circle = QRectF(area.left(), area.top() + (area.height() - side) / 2, side, side)
        angle = 90.0
        for number, (value, label) in enumerate(slices):
            span = value / total * 360.0
            path = QPainterPath(circle.center())
            path.arcTo(circle, angle, -span)
            path.closeSubpath()
            colour = QColor(COLOURS[number % len(COLOURS)])
            painter.setPen(QPen(self.palette().base().color(), 1.5))
            painter.setBrush(colour)
            painter.drawPath(path)
            share = value / total * 100
            self._hit(path, f"{label}\n{data.value_text(value)} · {share:.1f} %")
            row = metrics.height() + 6
            y = area.top() + number * row + (area.height() - len(slices) * row) / 2
            left = circle.right() + MARGIN * 2
            painter.fillRect(QRectF(left, y + metrics.height() / 2 - 5, 10, 10), colour)
            painter.setPen(self._text_pen())
            percent = f"  {share:.1f} %"
            room = area.right() - left - 14 - metrics.horizontalAdvance(percent)
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room) + percent
            painter.drawText(QPointF(left + 14, y + metrics.ascent()), text)
            self._hit(QRectF(left, y, area.right() - left, metrics.height()),
                      f"{label}\n{data.value_text(value)} · {share:.1f} %")
            angle -= span
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _tip(self, data: ChartData, series: Series, index: int, value: float) -> str:
        name = f"{series.name}: " if len(data.series) > 1 or series.name else ""
        return f"{data.labels[index]}\n{name}{data.value_text(value)}"
