"""One analysis (a ReportTable) as a Qt table and as chart data: cells formatted as the rest of the app
shows them (money "฿1,234.50", "12.5 %", dates in the Buddhist Era when chosen, "–" for no figure)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from crm_desktop.queries.reports.table import Cell, Column, ReportTable
from crm_desktop.services.formatting import format_date, format_money
from crm_desktop.ui.charts import ChartData, Series
from crm_desktop.views.months import month_text
from crm_desktop.views.opportunities.labels import DEFAULT_STAGE_NAMES, stage_labels
from crm_desktop.views.reports.labels import column_label, key_label

NO_FIGURE = "–"
MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
CHART_ROWS = 40
TURNED_ROWS, TURNED_COLUMNS = 4, 6
NUMERIC = ("money", "count", "percent", "days", "quantity")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def cell_text(column: Column, value: Cell, lang: str, buddhist: bool) -> str:
    if value is None:
        return NO_FIGURE
    kind = column.kind
    if kind == "money":
        return format_money(int(value))
    if kind in ("count", "days"):
        return f"{int(value):,}"
    if kind == "percent":
        return f"{float(value):,.1f} %"
    if kind == "quantity":  # thousandths of a unit, as lines store them
        return f"{Decimal(int(value)).scaleb(-3).normalize():,f}"
    if kind == "date" and isinstance(value, date):
        return format_date(value, lang, buddhist)
    if kind == "month" and isinstance(value, str) and MONTH.fullmatch(value):  # not the totals row's "Total"
        return month_text(value, lang, buddhist)
    if kind == "key":
        return key_label(str(value))
    return str(value)


def for_display(table: ReportTable) -> ReportTable:
    """The table with the words its renderers add (the analyses' conventions): the totals row's empty
    label says "Total", an empty label cell says "(none)", and a default stage still named in
    English is named in the user's language, as on the deal board."""
    labels = {0} | ({table.column(table.chart.label)} if table.chart is not None else set())
    stages = {english: translated for key, translated in stage_labels().items()
              if (english := DEFAULT_STAGE_NAMES.get(key))}

    def cell(column: Column, value: Cell, index: int) -> Cell:
        if column.kind == "text" and index in labels and value == "":
            return key_label("none")
        if column.key == "stage" and isinstance(value, str):
            return stages.get(value, value)
        return value

    def total_row(row: tuple[Cell, ...]) -> tuple[Cell, ...]:
        first: Cell = row[0]
        if first in (None, ""):
            first = "total" if table.columns[0].kind == "key" else key_label("total")
        return (first, *row[1:])

    rows = tuple(tuple(cell(c, v, i) for i, (c, v) in enumerate(zip(table.columns, row, strict=True)))
                 for row in table.rows)
    return replace(table, rows=rows, total=total_row(table.total) if table.total is not None else None)


def compact_money(baht: float) -> str:
    """An axis tick in baht: "฿350", "฿12k", "฿1.5M" (Thai: "1.5 ล้าน")."""
    size = abs(baht)
    if size >= 1_000_000:
        number = f"{baht / 1_000_000:,.1f}".removesuffix(".0")
        return QCoreApplication.translate("ReportLabels", "฿%1M").replace("%1", number)
    if size >= 1_000:
        number = f"{baht / 1_000:,.1f}".removesuffix(".0")
        return QCoreApplication.translate("ReportLabels", "฿%1k").replace("%1", number)
    return f"฿{baht:,.0f}" if baht else "0"


def chart_data(table: ReportTable, lang: str, buddhist: bool) -> ChartData | None:
    """The table's chart, as its `chart` hint asks (None without one), of its first CHART_ROWS rows
    (they come sorted as they matter; thousands of bars say nothing); the totals row is not plotted."""
    hint = table.chart
    if hint is None:
        return None
    table = replace(table, rows=table.rows[:CHART_ROWS])
    label_column = table.columns[table.column(hint.label)]
    labels = tuple(cell_text(label_column, row[table.column(hint.label)], lang, buddhist) or NO_FIGURE
                   for row in table.rows)
    value_columns = [table.columns[table.column(key)] for key in hint.values]
    kind = value_columns[0].kind if value_columns else "count"
    scale = 100.0 if kind == "money" else 1.0  # money is plotted in baht

    def value(row: tuple[Cell, ...], key: str) -> float | None:
        cell = row[table.column(key)]
        return None if not isinstance(cell, int | float) else float(cell) / scale

    series = tuple(Series(column_label(key), tuple(value(row, key) for row in table.rows)) for key in hint.values)
    if kind == "money":
        return ChartData(hint.kind, labels, series, value_text=lambda v: format_money(round(v * 100)),
                         axis_text=compact_money, other_text=key_label("other"))
    if kind == "percent":
        return ChartData(hint.kind, labels, series, value_text=lambda v: f"{v:,.1f} %",
                         axis_text=lambda v: f"{v:,.0f} %", other_text=key_label("other"))
    return ChartData(hint.kind, labels, series, other_text=key_label("other"))


def reads_across(table: ReportTable) -> bool:
    """A few periods of many figures (the key figures: this month, the month before, a year before)
    read better turned: a row per figure, a column per period."""
    return bool(table.columns) and table.columns[0].kind == "key" and len(table.rows) <= TURNED_ROWS \
        and len(table.columns) > TURNED_COLUMNS


class ReportTableModel(QAbstractTableModel):
    """A ReportTable's rows, then its totals row in bold; turned (`reads_across`) when that reads better.
    The rows are held whole: the longest analysis has some 15,000."""

    def __init__(self, lang: str, buddhist: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang, self.buddhist = lang, buddhist
        self.table: ReportTable | None = None
        self.cells: list[tuple[Cell, ...]] = []  # the rows, then the totals row
        self.turned = False
        self.bold = QFont()
        self.bold.setBold(True)

    def set_table(self, table: ReportTable | None) -> None:
        """Show `table`, worded by `for_display` already (in the worker thread: 0.1 s for 15,000 rows)."""
        self.beginResetModel()
        self.table = table
        self.cells = [] if table is None else [*table.rows, *([table.total] if table.total is not None else [])]
        self.turned = table is not None and reads_across(table)
        self.endResetModel()

    def _is_total(self, row: int) -> bool:
        return self.table is not None and self.table.total is not None and row == len(self.table.rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.columns) - 1 if self.turned else len(self.cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.cells) if self.turned else len(self.table.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if table is None:
            return None
        if self.turned:  # the periods across, the figures down
            if role != Qt.ItemDataRole.DisplayRole:
                return RIGHT if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal \
                    else None
            if orientation == Qt.Orientation.Horizontal:
                return cell_text(table.columns[0], self.cells[section][0], self.lang, self.buddhist)
            return column_label(table.columns[section + 1].key)
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column_label(column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.kind in NUMERIC else LEFT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.table is None or not index.isValid():
            return None
        row, number = (index.column(), index.row() + 1) if self.turned else (index.row(), index.column())
        column = self.table.columns[number]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column, self.cells[row][number], self.lang, self.buddhist)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.kind in NUMERIC or self.turned else LEFT
        if role == Qt.ItemDataRole.FontRole and self._is_total(row):
            return self.bold
        return None

    def headers(self) -> list[str]:
        """The column headers as the table's columns go (an export is never turned)."""
        return [column_label(c.key) for c in self.table.columns] if self.table is not None else []
