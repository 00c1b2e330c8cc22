"""One analysis of the Reports tab for a spreadsheet: an .xlsx workbook (openpyxl: numbers, money and
dates as real cells a formula can use) or CSV (UTF-8 with a byte order mark, so Excel reads Thai).

The labels come from the caller (the Reports tab translates them with Qt): this module only lays
the cells out. Money is written in baht as an exact decimal (satang / 100, never a float) with two
decimals; a quantity (thousandths of a unit) as an exact decimal; a percent as the fraction Excel
formats as "12.5%" (in CSV as the number 12.5); an empty figure (None) as an empty cell; the totals
row, when the table has one, last and in bold.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desktop.db.output import output_file
from crm_desktop.errors import StorageError, ValidationError
from crm_desktop.queries.reports.table import Cell, Column, ReportTable

FORMATS = ("csv", "xlsx")
NUMBER_FORMATS = {"money": "#,##0.00", "count": "#,##0", "percent": "0.0%", "days": "#,##0",
                  "date": "dd/mm/yyyy", "quantity": "#,##0.###"}
SHEET_TITLE_MAX = 31  # Excel's limit on a sheet's name
SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


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


def csv_text(column: Column, value: Cell, key_text: Callable[[str], str]) -> str:
    """The cell as CSV text: plain numbers (no thousands separators), ISO dates, 12.5 for 12.5 %."""
    if value is None:
        return ""
    if column.kind == "money":
        return f"{Decimal(int(value)).scaleb(-2):.2f}"
    if column.kind == "quantity":
        return f"{Decimal(int(value)).scaleb(-3).normalize():f}"
    if column.kind == "key":
        return key_text(str(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rows(table: ReportTable) -> list[tuple[Cell, ...]]:
    return [*table.rows, *([table.total] if table.total is not None else [])]


def _write_csv(path: Path, table: ReportTable, headers: Sequence[str], key_text: Callable[[str], str]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        for row in _rows(table):
            writer.writerow([csv_text(c, v, key_text) for c, v in zip(table.columns, row, strict=True)])


def _write_xlsx(path: Path, table: ReportTable, title: str, headers: Sequence[str],
                key_text: Callable[[str], str]) -> None:
    from openpyxl import Workbook  # only the export needs it: the app starts without loading it
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet: Any = book.active
    sheet.title = (title.translate(SHEET_FORBIDDEN).strip() or "Report")[:SHEET_TITLE_MAX]
    sheet.append(list(headers))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for row in _rows(table):
        sheet.append([spreadsheet_value(c, v, key_text) for c, v in zip(table.columns, row, strict=True)])
    last = sheet.max_row
    for number, column in enumerate(table.columns, 1):
        fmt = NUMBER_FORMATS.get(column.kind)
        if fmt is not None:
            for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=number, max_col=number):
                cell.number_format = fmt
        width = max([len(str(headers[number - 1]))] + [len(str(c)) for c in (r[number - 1] for r in _rows(table))])
        sheet.column_dimensions[get_column_letter(number)].width = min(max(10, width + 2), 60)
    if table.total is not None:
        for cell in sheet[last]:
            cell.font = bold
    sheet.freeze_panes = "A2"
    book.save(path)


def export_table(table: ReportTable, dest: Path, db_path: Path, fmt: str, *, title: str, headers: Sequence[str],
                 key_text: Callable[[str], str], force: bool = False) -> Path:
    """Write `table` to `dest` as "csv" or "xlsx" under the header row `headers` (one per column);
    `key_text` translates the cells of "key" columns. `dest` follows the rules of every output file
    (`db.output`): no half-written file, never the database, an existing file only with `force`."""
    if fmt not in FORMATS:
        raise ValidationError("format", "Choose csv or xlsx.")
    if len(headers) != len(table.columns):
        raise ValueError("one header per column")
    with output_file(dest, db_path, force=force) as tmp:
        try:
            if fmt == "csv":
                _write_csv(tmp, table, headers, key_text)
            else:
                _write_xlsx(tmp, table, title, headers, key_text)
        except OSError as exc:
            raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    return dest
