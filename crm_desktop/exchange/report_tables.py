"""One analysis of the Reports tab for a spreadsheet: an .xlsx workbook (openpyxl: numbers, money and
dates as real cells a formula can use) or CSV (UTF-8 with a byte order mark, so Excel reads Thai; text
guarded against formulas), both through the shared writer `exchange.sheet`.

The labels come from the caller (the Reports tab translates them with Qt): this module only lays
the cells out. Money is written in baht as an exact decimal (satang / 100, never a float) with two
decimals; a quantity (thousandths of a unit) as an exact decimal; a percent as the fraction Excel
formats as "12.5%" (in CSV as the number 12.5); an empty figure (None) as an empty cell; the totals
row, when the table has one, last and in bold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from crm_desktop.db.output import output_file
from crm_desktop.exchange.sheet import FORMATS as FORMATS
from crm_desktop.exchange.sheet import NUMBER_FORMATS, SheetColumn, check_format, write_sheet
from crm_desktop.exchange.sheet import Cell as SheetCell
from crm_desktop.queries.reports.table import Cell, Column, ReportTable


def spreadsheet_value(column: Column, value: Cell, key_text: Callable[[str], str]) -> str | int | Decimal | date | None:
    """The cell as a spreadsheet holds it: baht for money, a fraction for a percent, a key translated."""
    if value is None:
        return None
    if column.kind == "money":
        return Decimal(int(value)).scaleb(-2)
    if column.kind == "percent":
        return Decimal(str(value)).scaleb(-2)
    if column.kind == "quantity":
        return Decimal(int(value)).scaleb(-3).normalize()
    if column.kind == "key":
        return key_text(str(value))
    return value


def csv_value(column: Column, value: Cell, key_text: Callable[[str], str]) -> SheetCell | float:
    """The cell for CSV: plain numbers (no thousands separators), ISO dates, 12.5 for 12.5 %; only text
    is text (the writer guards it against formulas, never a negative number)."""
    if value is None:
        return None
    if column.kind == "money":
        return Decimal(int(value)).scaleb(-2)
    if column.kind == "quantity":
        return Decimal(int(value)).scaleb(-3).normalize()
    if column.kind == "key":
        return key_text(str(value))
    return value


def _rows(table: ReportTable) -> list[tuple[Cell, ...]]:
    return [*table.rows, *([table.total] if table.total is not None else [])]


def _columns(table: ReportTable, headers: Sequence[str]) -> list[SheetColumn]:
    rows = _rows(table)
    return [SheetColumn(str(header), NUMBER_FORMATS.get(column.kind, ""),
                        max([len(str(header))] + [len(str(r[number])) for r in rows]) + 2)
            for number, (column, header) in enumerate(zip(table.columns, headers, strict=True))]


def _csv_rows(table: ReportTable, key_text: Callable[[str], str]) -> Iterator[list[SheetCell | float]]:
    for row in _rows(table):
        yield [csv_value(c, v, key_text) for c, v in zip(table.columns, row, strict=True)]


def _sheet_rows(table: ReportTable, key_text: Callable[[str], str]) -> Iterator[list[SheetCell]]:
    for row in _rows(table):
        yield [spreadsheet_value(c, v, key_text) for c, v in zip(table.columns, row, strict=True)]


def export_table(table: ReportTable, dest: Path, db_path: Path, fmt: str, *, title: str, headers: Sequence[str],
                 key_text: Callable[[str], str], force: bool = False) -> Path:
    """Write `table` to `dest` as "csv" or "xlsx" under the header row `headers` (one per column);
    `key_text` translates the cells of "key" columns. `dest` follows the rules of every output file
    (`db.output`): no half-written file, never the database, an existing file only with `force`."""
    check_format(fmt)
    if len(headers) != len(table.columns):
        raise ValueError("one header per column")
    with output_file(dest, db_path, force=force) as tmp:
        rows = _csv_rows(table, key_text) if fmt == "csv" else _sheet_rows(table, key_text)
        write_sheet(tmp, dest, fmt, title or "Report", _columns(table, headers), rows,
                    bold_last=table.total is not None)
    return dest
