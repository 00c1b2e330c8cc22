"""How one activity is drawn in every calendar view, and the colour it gets."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

from crm_desktop.queries.activities.occurrences import Occurrence

ColourBy = Literal["kind", "person"]

KIND_COLOURS = {
    "task": "#6d4c9f",
    "meeting": "#1e6fb8",
    "call": "#1f8a4c",
    "email": "#c07a12",
    "visit": "#c0392b",
    "note": "#6b7280",
}
HOLIDAY_TEXT = QColor("#b3261e")
HOLIDAY_FILL = QColor(253, 236, 234)
TODAY_FILL = QColor(232, 241, 252)


def event_colour(occ: Occurrence, by: ColourBy) -> QColor:
    if by == "person":
        return QColor(occ.colour)  # the person's own colour, or one the query fixed from their id
    return QColor(KIND_COLOURS.get(occ.kind, "#6b7280"))


def clock_text(moment: datetime) -> str:
    # Not strftime: it imports the time module on every call, which PySide's import hook makes slow.
    return f"{moment.hour:02d}:{moment.minute:02d}"


def time_text(occ: Occurrence) -> str:
    if occ.starts_at is None or occ.all_day:
        return ""
    if occ.ends_at is None or occ.ends_at == occ.starts_at:
        return clock_text(occ.starts_at)
    return f"{clock_text(occ.starts_at)}–{clock_text(occ.ends_at)}"


def tint(colour: QColor, strength: float) -> QColor:
    """`colour` laid over white at `strength`, as an opaque colour (overlaps stay legible)."""
    return QColor.fromRgbF(*(1 - strength + strength * c for c in colour.getRgbF()[:3]))


class EventPainter:
    """Draws activities as tinted boxes with a bar in their colour, the time, subject, customer and
    place as they fit. Done activities are paler, cancelled ones struck through: both stay
    visible, as history. One per view: fonts, metrics and elided texts are kept between paints
    (a week of a few hundred activities repaints on every step of a drag)."""

    def __init__(self, font: QFont) -> None:
        self.plain = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.struck = QFont(font)
        self.struck.setStrikeOut(True)
        self.metrics = {id(f): QFontMetrics(f) for f in (self.plain, self.bold, self.struck)}
        self.line = QFontMetrics(font).height()
        self.elided: dict[tuple[str, int, int], str] = {}
        self.text_colour = QColor(20, 20, 20)
        self.faded_text = QColor(70, 70, 70)

    def elide(self, text: str, font: QFont, width: int) -> str:
        key = (text, width, id(font))
        found = self.elided.get(key)
        if found is None:
            if len(self.elided) > 20000:
                self.elided.clear()
            found = self.metrics[id(font)].elidedText(text, Qt.TextElideMode.ElideRight, width)
            self.elided[key] = found
        return found

    def paint(self, painter: QPainter, rect: QRectF, occ: Occurrence, colour: QColor, *,
              selected: bool = False, show_time: bool = True) -> None:
        faded = occ.status != "planned"
        painter.fillRect(rect, tint(colour, 0.27 if faded else 0.58))
        painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), colour)
        if selected:
            painter.setPen(QPen(colour.darker(140), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        left, top, width = rect.left() + 6, rect.top() + 1, int(rect.width() - 9)
        if width < 3 * self.line:  # too narrow to read: a crowded hour shows its colours only
            return
        line = self.line
        body = self.struck if occ.status == "cancelled" else self.plain
        prefix = time_text(occ) if show_time else ""
        lines: list[tuple[str, QFont]]
        if prefix and rect.height() >= 2.2 * line:
            lines = [(prefix, body), (occ.subject, self.struck if occ.status == "cancelled" else self.bold)]
        else:
            lines = [(f"{prefix} {occ.subject}" if prefix else occ.subject, body)]
        lines.extend((text, body) for text in (occ.customer, occ.location) if text)
        fits = max(1, int((rect.height() - 2) // line))
        painter.setPen(self.faded_text if faded else self.text_colour)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for index, (text, font) in enumerate(lines[:fits]):
            painter.setFont(font)
            painter.drawText(QRectF(left, top + index * line, width, line), flags, self.elide(text, font, width))
        painter.setFont(self.plain)
