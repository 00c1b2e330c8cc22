"""How one activity is drawn in every calendar view, and the colour it gets."""

from __future__ import annotations

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


def time_text(occ: Occurrence) -> str:
    if occ.starts_at is None or occ.all_day:
        return ""
    if occ.ends_at is None or occ.ends_at == occ.starts_at:
        return f"{occ.starts_at:%H:%M}"
    return f"{occ.starts_at:%H:%M}–{occ.ends_at:%H:%M}"


def paint_event(painter: QPainter, rect: QRectF, occ: Occurrence, colour: QColor, *,
                selected: bool = False, show_time: bool = True) -> None:
    """A tinted box with a bar in the event's colour, its time, subject and customer as they fit.

    Done activities are paler, cancelled ones struck through: both stay visible, as history."""
    faded = occ.status != "planned"
    fill = QColor(colour)
    fill.setAlpha(70 if faded else 150)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(colour.darker(140), 2) if selected else Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(QRectF(rect.left(), rect.top(), 3, rect.height()))
    text_rect = rect.adjusted(6, 1, -3, -1)
    font = QFont(painter.font())
    font.setStrikeOut(occ.status == "cancelled")
    painter.setFont(font)
    metrics = QFontMetrics(font)
    painter.setPen(QColor(60, 60, 60) if faded else QColor(20, 20, 20))
    line = metrics.height()
    prefix = time_text(occ) if show_time else ""
    first = f"{prefix} {occ.subject}" if prefix else occ.subject
    lines = [first]
    if rect.height() >= 2.2 * line and prefix:
        lines = [prefix, occ.subject]
    if occ.customer:
        lines.append(occ.customer)
    if occ.location:
        lines.append(occ.location)
    fits = max(1, int(text_rect.height() // line))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    for index, text in enumerate(lines[:fits]):
        if index == 1 and lines[0] == prefix:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(text_rect.width()))
        painter.drawText(QRectF(text_rect.left(), text_rect.top() + index * line, text_rect.width(), line),
                         flags, elided)
        painter.setFont(font)
    painter.restore()
