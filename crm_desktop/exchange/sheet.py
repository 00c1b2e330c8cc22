"""The one spreadsheet writer of every export (records, orders, report tables): CSV or .xlsx from
rows streamed one at a time, so 300,000 contacts are never held whole.

CSV is UTF-8 with a byte order mark (Excel then reads Thai) and guarded against formula injection: a
text cell starting with = + - @, a tab or a carriage return gets an apostrophe in front (as OWASP
advises), so Excel shows it as text instead of running it. Numbers, dates and decimals are not text
and are written plainly (a negative amount stays a number).

.xlsx is written by openpyxl in write-only mode (rows go to disk as they come): real numbers and
dates with a number format per column, "@" (text) for codes such as phones, tax ids and postcodes so
Excel never shows 6.6e+11 or drops a leading zero, a bold and frozen header row and column widths.
A text starting with "=" is stored as a string, never as a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desktop.errors import StorageError, ValidationError

FORMATS = ("csv", "xlsx")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_MAX = 31  # Excel's limit on a sheet's name
SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
TEXT = "@"
WIDTH_MIN, WIDTH_MAX = 10, 60
# A column's kind (report tables, list exports) -> its .xlsx number format; "code" is text kept as typed
# (phones, tax ids, SKUs: never 6.6e+11, never without their leading 0).
NUMBER_FORMATS = {"money": "#,##0.00", "count": "#,##0", "percent": "0.0%", "days": "#,##0",
                  "date": "dd/mm/yyyy", "datetime": "dd/mm/yyyy hh:mm", "quantity": "#,##0.###", "code": TEXT}

Cell = str | int | float | Decimal | date | datetime | None


@dataclass(frozen=True)
class SheetColumn:
    """A column's header, its .xlsx number format ("" for none, "@" for text) and width in characters."""

    header: str
    number_format: str = ""
    width: int = 0  # 0: from the header


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError("format", "Choose csv or xlsx.")


def guard_text(text: str) -> str:
    """`text` made harmless for a spreadsheet: an apostrophe before a leading = + - @, tab or CR."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard_text(text: str) -> str:
    """`guard_text` undone, for the import: "'+1 650…" is read as "+1 650…" (an apostrophe before any
    other character is the user's own and stays)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def csv_text(value: Cell) -> str:
    """A cell as CSV text: ISO dates, plain numbers, guarded text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return guard_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write the header and `rows` to `path`; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([guard_text(h) for h in headers])
        for row in rows:
            writer.writerow([csv_text(v) for v in row])
            count += 1
    return count


def sheet_title(title: str) -> str:
    return (title.translate(SHEET_FORBIDDEN).strip() or "Sheet")[:SHEET_TITLE_MAX]


def write_xlsx(path: Path, title: str, columns: Sequence[SheetColumn], rows: Iterable[Sequence[Cell]], *,
               bold_last: bool = False) -> int:
    """Write one sheet to `path` (openpyxl write-only); `bold_last` sets the last row (a total) in bold.
    Returns the number of rows."""
    from openpyxl import Workbook  # only the exports need it: the app starts without loading it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, 1):
        width = column.width or len(column.header) + 2
        sheet.column_dimensions[get_column_letter(number)].width = min(max(WIDTH_MIN, width), WIDTH_MAX)
    bold = Font(bold=True)

    def cells(row: Sequence[Cell], font: Any = None) -> list[Any]:
        out: list[Any] = []
        for value, column in zip(row, columns, strict=True):
            formula = isinstance(value, str) and value.startswith("=")
            if value is None or (not column.number_format and font is None and not formula):
                out.append(value)  # a styled cell costs several times a plain value: only where needed
                continue
            cell = WriteOnlyCell(sheet, value=value)
            if formula:
                cell.data_type = "s"
            if column.number_format:
                cell.number_format = column.number_format
            if font is not None:
                cell.font = font
            out.append(cell)
        return out

    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    previous: Sequence[Cell] | None = None
    for row in rows:  # one row behind: the last one may need to be bold
        if previous is not None:
            sheet.append(cells(previous))
        previous = row
        count += 1
    if previous is not None:
        sheet.append(cells(previous, bold if bold_last else None))
    book.save(path)
    return count


def write_sheet(path: Path, dest: Path, fmt: str, title: str, columns: Sequence[SheetColumn],
                rows: Iterable[Sequence[Cell]], *, bold_last: bool = False) -> int:
    """Write `rows` to `path` as "csv" or "xlsx" (a failure names `dest`, the file the user chose)."""
    check_format(fmt)
    try:
        if fmt == "csv":
            return write_csv(path, [c.header for c in columns], rows)
        return write_xlsx(path, title, columns, rows, bold_last=bold_last)
    except OSError as exc:
        raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
