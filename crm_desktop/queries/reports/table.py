"""The one shape every analysis returns, so that the PDF, the Reports tab and the xlsx/CSV export
render any analysis without knowing which it is. Labels are not here: the PDF and the views each
translate the table and column keys (reportlab has no Qt, and the views use `tr`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

# text: as it is; key: a fixed word to translate (a stage kind, a figure's name);
# money: int satang; count: int; percent: float 0-100 (one decimal) or None for "no figure";
# days: int; date: a date; month: "YYYY-MM"; quantity: int thousandths of a unit (as lines store it:
# 12500 is 12.5), since metres, kilograms and litres are sold in halves.
ColumnKind = Literal["text", "key", "money", "count", "percent", "days", "date", "month", "quantity"]
Cell = str | int | float | date | None


@dataclass(frozen=True)
class Column:
    key: str  # "customer", "sales", "orders"…: the renderers' label tables translate it
    kind: ColumnKind


@dataclass(frozen=True)
class Chart:
    """How the table is best drawn: `label` is the column along the axis (or the pie's slices),
    `values` the columns plotted against it."""

    kind: Literal["bar", "hbar", "line", "pie"]
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class ReportTable:
    key: str  # "sales_by_rep", …: the renderers' label tables translate its title
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None  # the totals row, None where a total means nothing
    chart: Chart | None = None
    ids: tuple[str | None, ...] = ()  # the record each row is about (customer, rep, product), for drill-down
    note: str = ""  # a key the renderers translate: why a figure is missing, what was left out

    def column(self, key: str) -> int:
        """The position of column `key`."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)
