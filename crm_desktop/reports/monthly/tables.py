"""Any ReportTable as a reportlab Table that splits across pages and repeats its header.

Cells are formatted by their column's kind (money in baht with satang, counts with thousands
separators, percent with one decimal or "–" for no figure, dates and months in Buddhist Era when
Thai). Figures and short Latin text go into the table as plain strings, which reportlab draws as
they are (no markup is read, so "<b>&amp;" prints as typed) and which cost nothing to lay out; only
Thai text and text too wide for its column become our own wrapped, shaped lines (reports/fonts.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from crm_desktop.queries.reports.table import Cell, Column, ReportTable
from crm_desktop.reports.fonts import BOLD, REGULAR, SLACK, Writer, style
from crm_desktop.reports.monthly.labels import WORDS, month_name, word
from crm_desktop.services.formatting import format_date, format_money
from crm_desktop.services.sales.documents import quantity
from crm_desktop.thai_words import is_thai, segments

SIZE = 8.5  # points: the tables' text
LEADING = 11.5
PAD = 4  # points of cell padding left and right
NUMERIC = frozenset({"money", "count", "percent", "days", "quantity"})
FIXED = NUMERIC | {"date", "month"}  # as wide as their content, never wrapped
MIN_TEXT = 70.0  # points: a text column squeezed by wider ones keeps at least this
INK = "#1a237e"
GRID = colors.HexColor("#b0b7c3")
STRIPE = colors.HexColor("#f4f6fa")
TOTAL = colors.HexColor("#e3e8f2")
NO_FIGURE = "–"


def label_text(value: Cell, column: Column, lang: str) -> str:
    """A row's label (its first cell, a chart's category): an empty one means "none" (no segment,
    no rep, no channel)."""
    return cell_text(value, column, lang) or word("none", lang)


def cell_text(value: Cell, column: Column, lang: str) -> str:
    """One cell as printed."""
    if value is None:
        return NO_FIGURE if column.kind in NUMERIC else ""
    kind = column.kind
    if kind == "money":
        return format_money(int(value), with_symbol=False)  # type: ignore[arg-type]
    if kind == "quantity":
        return quantity(int(value))  # type: ignore[arg-type]
    if kind in ("count", "days"):
        return f"{int(value):,}"  # type: ignore[arg-type]
    if kind == "percent":
        signed = column.key.startswith("change") or column.key.endswith("_change")  # a change shows its sign
        sign = "+" if signed and float(value) > 0 else ""  # type: ignore[arg-type]
        return f"{sign}{float(value):,.1f}%"  # type: ignore[arg-type]
    if kind == "date" and isinstance(value, date):
        return format_date(value, lang, buddhist=lang == "th")
    if kind == "month":
        return month_name(str(value), lang, short=True)
    own = f"{column.key}:{value}"  # a column may word a value its own way ("kind:none" is "Not kept")
    if own in WORDS:
        return word(own, lang)
    return word(str(value), lang) if kind == "key" else str(value)


def _has_thai(text: str) -> bool:
    return any(is_thai(ch) for ch in text)


def column_widths(fixed: Sequence[bool], header: Sequence[str], body: Sequence[Sequence[str]],
                  width: float) -> list[float]:
    """`fixed` columns (figures, dates) get the width of their widest cell (and of the header's
    longest word: headers wrap between words only); text columns share the rest, the narrow ones
    whole and the wide ones evenly (a squeezed one never below MIN_TEXT); when that is too wide,
    every column shrinks."""
    natural = []
    for i, title in enumerate(header):
        longest_word = max((stringWidth(w.strip(), BOLD, SIZE) for w in segments(title)), default=0.0)
        widest = max((stringWidth(row[i], BOLD, SIZE) for row in body), default=0.0)
        natural.append(max(widest, longest_word) + 2 * PAD + SLACK + 1)
    widths = [max(n, 44.0) for n in natural]
    text = sorted((i for i, wide in enumerate(fixed) if not wide), key=lambda i: natural[i])
    left = width - sum(w for w, wide in zip(widths, fixed, strict=True) if wide)
    for n, i in enumerate(text):  # narrowest first: each takes what it needs, at most an even share
        share = left / (len(text) - n)
        widths[i] = natural[i] if n < len(text) - 1 and natural[i] < share else max(MIN_TEXT, share)
        left -= widths[i]
    if not text and sum(widths) < width:
        widths = [w * width / sum(widths) for w in widths]
    total = sum(widths)
    return [w * width / total for w in widths] if total > width else widths


def render_table(table: ReportTable, lang: str, writer: Writer, width: float) -> Table:
    """`table` (rows, then its total) as a Table `width` points wide."""
    columns = table.columns
    body = [[label_text(row[0], columns[0], lang)] + [cell_text(v, c, lang) for v, c in zip(row[1:], columns[1:],
                                                                                                strict=True)]
            for row in table.rows]
    if table.total is not None:
        total = [cell_text(v, c, lang) for v, c in zip(table.total, columns, strict=True)]
        if not total[0]:
            total[0] = word("total", lang)
        body.append(total)
    return grid([word(c.key, lang) for c in columns], body, [c.kind in NUMERIC for c in columns], writer, width,
                total=table.total is not None, fixed=[c.kind in FIXED for c in columns])


def grid(header: Sequence[str], body: Sequence[Sequence[str]], numeric: Sequence[bool], writer: Writer,
         width: float, *, total: bool = False, fixed: Sequence[bool] | None = None) -> Table:
    """Cells already printed as text in the report's table style: figures right-aligned, the last
    row as a total when `total`; `fixed` columns (default: the figures) as wide as their content."""
    widths = column_widths(numeric if fixed is None else fixed, header, body, width)
    text_style, bold_style = style("cell", SIZE, leading=LEADING), style("cell_bold", SIZE, bold=True, leading=LEADING)
    head_style = style("head", SIZE, bold=True, align=TA_CENTER, colour="#ffffff", leading=LEADING)
    rows: list[list[Any]] = [[writer.para(h, head_style, w - 2 * PAD) for h, w in zip(header, widths, strict=True)]]
    for number, texts in enumerate(body, 1):
        cell_style = bold_style if total and number == len(body) else text_style
        row: list[Any] = []
        for text, figure, w in zip(texts, numeric, widths, strict=True):
            plain = figure or ("\n" not in text and not _has_thai(text) and
                               stringWidth(text, cell_style.fontName, SIZE) <= w - 2 * PAD - 1)
            row.append(text if plain else writer.para(text, cell_style, w - 2 * PAD))
        rows.append(row)
    out = Table(rows, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(INK)),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("FONT", (0, 1), (-1, -1), REGULAR, SIZE), ("LEADING", (0, 1), (-1, -1), LEADING),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID), ("BOX", (0, 0), (-1, -1), 0.5, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, figure in enumerate(numeric) if figure]
    if total:
        commands += [("BACKGROUND", (0, -1), (-1, -1), TOTAL), ("FONT", (0, -1), (-1, -1), BOLD, SIZE),
                     ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor(INK))]
        if len(body) > 1:
            commands.append(("NOSPLIT", (0, -2), (-1, -1)))  # the total never starts a page alone
    out.setStyle(TableStyle(commands))
    return out
