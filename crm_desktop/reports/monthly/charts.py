"""A ReportTable's chart (bars, horizontal bars, lines, pie) as a reportlab graphics Drawing.

reportlab's graphics draw a String's text as it is, unshaped, so Thai labels would come out with
colliding marks. The chart widgets make their Strings only when drawn, so we draw each widget into
a Group ourselves, replace every String holding Thai by the same text cut into script runs with the
Thai runs shaped (reports/fonts.py's shaped_runs), each run placed where the anchor put the whole,
and put that Group in the Drawing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from crm_desktop.queries.reports.table import ReportTable
from crm_desktop.reports.fonts import REGULAR, register_fonts, shaped_runs, shorten
from crm_desktop.reports.monthly.labels import word
from crm_desktop.reports.monthly.tables import label_text
from crm_desktop.thai_words import is_thai

PALETTE = tuple(colors.HexColor(c) for c in (
    "#1a237e", "#26a69a", "#ffa726", "#ef5350", "#7e57c2", "#66bb6a", "#29b6f6", "#8d6e63", "#bdbdbd"))
LABEL_SIZE = 7.5
MAX_BARS = 12  # rows come sorted by importance: the chart shows the first ones, the table all
MAX_SLICES = 7  # a pie shows this many slices and "others"
AXIS = colors.HexColor("#9e9e9e")


def chart_drawing(table: ReportTable, lang: str, width: float) -> Drawing | None:
    """The chart `table.chart` asks for, `width` points wide; None without a chart or figures."""
    with _unchecked():
        return _chart(table, lang, width)


@contextmanager
def _unchecked() -> Iterator[None]:
    """reportlab validates every attribute set on a graphics shape, a tenth of the report's time;
    our charts set fixed, tested attributes."""
    before = rl_config.shapeChecking
    rl_config.shapeChecking = 0
    try:
        yield
    finally:
        rl_config.shapeChecking = before


def _chart(table: ReportTable, lang: str, width: float) -> Drawing | None:
    chart = table.chart
    if chart is None or not table.rows:
        return None
    register_fonts()
    at = table.column(chart.label)
    series = [table.column(key) for key in chart.values]
    names = [label_text(row[at], table.columns[at], lang) for row in table.rows]
    values = [[_number(row[i], table.columns[i].kind) for i in series] for row in table.rows]
    if not any(v for row in values for v in row):
        return None
    kinds = {table.columns[i].kind for i in series}
    legend = [word(table.columns[i].key, lang) for i in series]
    if chart.kind == "pie":
        return _pie(names, [row[0] or 0.0 for row in values], lang, width)
    if chart.kind == "line":  # a line of no figures at all (no forecast range yet) is left out
        drawn = [s for s in range(len(series)) if any(row[s] is not None for row in values)]
        return _lines(names, [[row[s] for s in drawn] for row in values], [legend[s] for s in drawn], kinds, width)
    return _bars(names[:MAX_BARS], values[:MAX_BARS], legend, kinds, width, horizontal=chart.kind == "hbar")


def _number(value: Any, kind: str) -> float | None:
    if value is None or isinstance(value, str):
        return None
    return float(value) / 100 if kind == "money" else float(value)


def _axis_text(kinds: set[str]) -> Any:
    percent = kinds == {"percent"}

    def text(value: float) -> str:
        if percent:
            return f"{value:g}%"
        for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
            if abs(value) >= limit:
                return f"{value / limit:.3g}{suffix}"
        return f"{value:g}"
    return text


def _style_axis(axis: Any) -> None:
    axis.labels.fontName, axis.labels.fontSize = REGULAR, LABEL_SIZE
    axis.strokeColor, axis.strokeWidth = AXIS, 0.5


def _legend(names: Sequence[str], fills: Sequence[Any], x: float, y: float, columns: int = 4) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = REGULAR, LABEL_SIZE
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = max(1, (len(names) + columns - 1) // columns) if columns > 1 else len(names)
    legend.dx = legend.dy = 7
    legend.deltax, legend.deltay = 90, 10
    legend.strokeColor = None
    legend.colorNamePairs = list(zip(fills, names, strict=True))
    return legend


def _bars(names: list[str], values: list[list[float | None]], legend: list[str], kinds: set[str], width: float,
          *, horizontal: bool) -> Drawing:
    data = [tuple(row[s] or 0.0 for row in values) for s in range(len(legend))]
    key_room = 14 if len(legend) > 1 else 0
    if horizontal:
        label_width = min(width * 0.38, max(stringWidth(n, REGULAR, LABEL_SIZE) for n in names) + 6)
        height = len(names) * (5 + 6 * len(legend)) + 26 + key_room
        chart: Any = HorizontalBarChart()
        chart.x, chart.y = label_width + 4, 16
        chart.width, chart.height = width - label_width - 20, height - 22 - key_room
        chart.categoryAxis.reverseDirection = 1  # the first row on top, as in the table
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -3
        names = [_fit(n, label_width - 6) for n in names]
    else:
        height = 58 * mm + key_room
        chart = VerticalBarChart()
        chart.x, chart.y = 42, 34
        chart.width, chart.height = width - 50, height - 44 - key_room
        slot = chart.width / max(len(names), 1)
        chart.categoryAxis.labels.boxAnchor = "n" if slot > 60 else "ne"
        chart.categoryAxis.labels.angle = 0 if slot > 60 else 30
        names = [_fit(n, slot - 4 if slot > 60 else 70) for n in names]
    chart.data = data
    chart.categoryAxis.categoryNames = names
    _style_axis(chart.categoryAxis)
    _style_axis(chart.valueAxis)
    chart.valueAxis.labelTextFormat = _axis_text(kinds)
    chart.valueAxis.forceZero = 1
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = 1, colors.HexColor("#e0e0e0")
    chart.barSpacing, chart.groupSpacing = 1, 6
    for s in range(len(data)):
        chart.bars[s].fillColor, chart.bars[s].strokeColor = PALETTE[s % len(PALETTE)], None
    parts: list[Any] = [chart]
    if len(legend) > 1:
        parts.append(_legend(legend, PALETTE[: len(legend)], chart.x, height - 2))
    return _drawing(width, height, parts)


def _lines(names: list[str], values: list[list[float | None]], legend: list[str], kinds: set[str],
           width: float) -> Drawing:
    height = 55 * mm
    chart = HorizontalLineChart()
    chart.x, chart.y = 42, 22
    chart.width, chart.height = width - 50, height - 44
    chart.data = [tuple(row[s] for row in values) for s in range(len(legend))]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.boxAnchor = "n"
    _style_axis(chart.categoryAxis)
    _style_axis(chart.valueAxis)
    chart.valueAxis.labelTextFormat = _axis_text(kinds)
    chart.valueAxis.forceZero = 1
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = 1, colors.HexColor("#e0e0e0")
    chart.joinedLines = 1
    for s in range(len(legend)):
        chart.lines[s].strokeColor, chart.lines[s].strokeWidth = PALETTE[s % len(PALETTE)], 1.6
        chart.lines[s].symbol = makeMarker("FilledCircle", size=3.5)  # a month alone between gaps still shows
    return _drawing(width, height, [chart, _legend(legend, PALETTE[: len(legend)], chart.x, height - 2)])


def _pie(names: list[str], values: list[float], lang: str, width: float) -> Drawing:
    pairs = [(n, v) for n, v in zip(names, values, strict=True) if v > 0]
    if len(pairs) > MAX_SLICES + 1:
        pairs = [*pairs[:MAX_SLICES], (word("others", lang), sum(v for _, v in pairs[MAX_SLICES:]))]
    whole = sum(v for _, v in pairs)
    height = max(50 * mm, len(pairs) * 11 + 10)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 10, (height - 45 * mm) / 2, 45 * mm, 45 * mm
    pie.data = [v for _, v in pairs]
    pie.labels = None
    pie.startAngle, pie.direction = 90, "clockwise"
    pie.slices.strokeColor, pie.slices.strokeWidth = colors.white, 0.8
    for i in range(len(pairs)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    text_width = width - 45 * mm - 60
    key = [f"{_fit(n, text_width - 40)}  {100 * v / whole:.1f}%" for n, v in pairs]
    legend = _legend(key, [PALETTE[i % len(PALETTE)] for i in range(len(pairs))], 45 * mm + 40, height - 6, 1)
    legend.alignment = "right"
    return _drawing(width, height, [pie, legend])


def _drawing(width: float, height: float, widgets: list[Any]) -> Drawing:
    drawing = Drawing(width, height)
    for widget in widgets:
        group = widget.draw()
        shape_thai(group)
        drawing.add(group)
    return drawing


def shape_thai(node: Any) -> None:
    """Replace, inside `node`, every String holding Thai by its runs, the Thai ones shaped. Widgets
    left inside (an axis's Labels) are drawn now, as the renderer would, so their Strings are reached."""
    for i, child in enumerate(getattr(node, "contents", ())):
        if hasattr(child, "provideNode"):
            child = node.contents[i] = child.provideNode()
        if isinstance(child, String):
            if any(is_thai(ch) for ch in child.text):
                node.contents[i] = _shaped(child)
        else:
            shape_thai(child)


def _shaped(string: String) -> Group:
    runs = shaped_runs(string.text, string.fontName, string.fontSize)
    whole = sum(w for _, w in runs)
    x = string.x - {"end": whole, "middle": whole / 2}.get(string.textAnchor, 0.0)
    group = Group()
    for text, run_width in runs:
        group.add(String(x, string.y, text, fontName=string.fontName, fontSize=string.fontSize,
                         fillColor=string.fillColor, textAnchor="start"))
        x += run_width
    return group


def _fit(text: str, width: float) -> str:
    return shorten(text, REGULAR, LABEL_SIZE, width)
