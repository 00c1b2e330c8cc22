"""The cover's key figures: a card per figure (this month's value, and how far it moved against
each earlier period, green up, red down), then the figures of every period side by side.

The key-figures analysis returns one row per period (this month first, then last month and the
same month a year earlier; a "period" key column) and per figure a value column and its
"<figure>_change" column (percent against that row's period). A table of another shape gets None
here and prints as any other table.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, Table, TableStyle

from crm_desktop.money import round_half_up
from crm_desktop.queries.reports.table import Cell, Column, ReportTable
from crm_desktop.reports.fonts import BOLD, SLACK, Writer, style
from crm_desktop.reports.monthly.labels import word
from crm_desktop.reports.monthly.tables import GRID, INK, NUMERIC, cell_text, grid

UP, DOWN, FLAT = "#2e7d32", "#c62828", "#616161"
CARD = colors.HexColor("#f4f6fa")
GAP = 5  # points between cards


def key_figures_cover(table: ReportTable, lang: str, writer: Writer, width: float) -> list[Any] | None:
    """The cards and the side-by-side table of `table`, or None when it is not shaped as key figures."""
    keys = [c.key for c in table.columns]
    figures = [i for i, c in enumerate(table.columns) if c.kind in NUMERIC and f"{c.key}_change" in keys]
    if not figures or not table.rows or table.columns[0].kind != "key":
        return None
    cards = _cards(table, figures, lang, writer, width)
    periods = [word(str(row[0]), lang) for row in table.rows]
    header = [word("figure", lang), periods[0]]
    for period in periods[1:]:
        header += [period, word("change", lang)]
    body = []
    for i in figures:
        column, change = table.columns[i], table.columns[keys.index(f"{keys[i]}_change")]
        cells = [word(column.key, lang), cell_text(table.rows[0][i], column, lang)]
        for row in table.rows[1:]:
            cells += [cell_text(row[i], column, lang), cell_text(row[keys.index(change.key)], change, lang)]
        body.append(cells)
    numeric = [False] + [True] * (len(header) - 1)
    return [cards, Spacer(1, 6), grid(header, body, numeric, writer, width)]


def _whole(value: Cell, column: Column, lang: str) -> str:
    """A card's figure: money in whole baht (the table under the cards has the satang)."""
    if column.kind == "money" and isinstance(value, int):
        return f"{round_half_up(value, 100) if value >= 0 else -round_half_up(-value, 100):,}"
    return cell_text(value, column, lang)


def _cards(table: ReportTable, figures: list[int], lang: str, writer: Writer, width: float) -> Table:
    keys = [c.key for c in table.columns]
    card_width = (width - GAP * (len(figures) - 1)) / len(figures)
    inner = card_width - 8
    name_style = style("card_name", 8.5, align=TA_CENTER, colour="#455a64")
    cells: list[Any] = []
    for i in figures:
        column = table.columns[i]
        change_index = keys.index(f"{column.key}_change")
        value = _whole(table.rows[0][i], column, lang)
        size = min(15.0, 15 * (inner - SLACK - 1) / stringWidth(value, BOLD, 15))  # a long amount gets smaller
        card = [writer.para(word(column.key, lang), name_style, inner),
                writer.para(value, style(f"card_value_{size:.2f}", size, bold=True, align=TA_CENTER, colour=INK,
                                         leading=20), inner)]
        for row in table.rows[1:]:
            change = row[change_index]
            colour = FLAT if change is None or change == 0 else UP if float(change) > 0 else DOWN  # type: ignore[arg-type]
            text = f"{cell_text(change, table.columns[change_index], lang)} {word(f'vs_{row[0]}', lang)}"
            card.append(writer.para(text, style(f"card_change_{colour}", 7.5, align=TA_CENTER, colour=colour),
                                    inner))
        cells += [card, ""]
    widths = [card_width, GAP] * len(figures)
    out = Table([cells[:-1]], colWidths=widths[:-1], hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 5),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
    for n in range(len(figures)):
        commands += [("BACKGROUND", (2 * n, 0), (2 * n, 0), CARD), ("BOX", (2 * n, 0), (2 * n, 0), 0.5, GRID),
                     ("LINEABOVE", (2 * n, 0), (2 * n, 0), 2.5, colors.HexColor(INK))]
    out.setStyle(TableStyle(commands))
    return out
