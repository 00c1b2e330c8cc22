"""Sales orders for a spreadsheet: one row per order line, as CSV (UTF-8 with a byte order mark, so
Excel reads Thai) or as an .xlsx workbook (numbers and dates as real cells, openpyxl).

Amounts are written as exact decimals (satang / 100, quantities / 1000), never through floats; the
order's totals repeat on each of its lines so a pivot table can take them from any line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desktop.db.database import Database
from crm_desktop.db.output import output_file
from crm_desktop.errors import StorageError, ValidationError
from crm_desktop.messages import translate
from crm_desktop.queries.sales.documents import OrderExportLine, order_export_lines

FORMATS = ("csv", "xlsx")
_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
BE_OFFSET = 543  # a Buddhist Era year (2569) is the Common Era year (2026) + 543

Cell = str | int | Decimal | date | None
STATUS = {"draft": "Draft", "confirmed": "Confirmed", "partly_delivered": "Partly delivered",
          "delivered": "Delivered", "invoiced": "Invoiced", "cancelled": "Cancelled"}
# (header, value of a line, spreadsheet number format)
COLUMNS: tuple[tuple[str, Callable[[OrderExportLine, str], Cell], str], ...] = (
    ("Order number", lambda x, _l: x.order_number, "@"),
    ("Provisional number", lambda x, _l: x.provisional_number, "@"),
    ("Order date", lambda x, _l: x.issued_on, "yyyy-mm-dd"),
    ("Customer", lambda x, _l: x.customer_name, "@"),
    ("Tax ID", lambda x, _l: x.tax_id, "@"),
    ("Branch", lambda x, _l: x.branch_code, "@"),
    ("Sales rep", lambda x, _l: x.owner_name, "@"),
    ("Channel", lambda x, _l: x.channel, "@"),
    ("Status", lambda x, lang: translate(STATUS.get(x.status, x.status), lang), "@"),
    ("Line", lambda x, _l: x.position + 1, "0"),
    ("SKU", lambda x, _l: x.sku, "@"),
    ("Description", lambda x, _l: x.description, "@"),
    ("Quantity", lambda x, _l: Decimal(x.quantity_milli).scaleb(-3).normalize(), "#,##0.###"),
    ("Unit", lambda x, _l: x.unit, "@"),
    ("Unit price", lambda x, _l: _baht(x.unit_price_satang), "#,##0.00"),
    ("Discount %", lambda x, _l: Decimal(x.discount_bp).scaleb(-2) if x.discount_bp else None, "0.00"),
    ("Discount (baht)", lambda x, _l: _baht(x.discount_satang) if x.discount_satang and not x.discount_bp else None,
     "#,##0.00"),
    ("VAT-able", lambda x, lang: translate("Yes" if x.vatable else "No", lang), "@"),
    ("Line net", lambda x, _l: _baht(x.net_satang), "#,##0.00"),
    ("Promised on", lambda x, _l: x.promised_on, "yyyy-mm-dd"),
    ("Delivered", lambda x, _l: Decimal(x.delivered_milli).scaleb(-3).normalize(), "#,##0.###"),
    ("Order before VAT", lambda x, _l: _baht(x.order_before_vat_satang), "#,##0.00"),
    ("Order VAT", lambda x, _l: _baht(x.order_vat_satang), "#,##0.00"),
    ("Order grand total", lambda x, _l: _baht(x.order_grand_total_satang), "#,##0.00"),
)


def _baht(satang: int) -> Decimal:
    return Decimal(satang).scaleb(-2)


@dataclass(frozen=True)
class OrdersExport:
    path: Path
    lines: int


def check_month(text: str) -> str:
    """ "YYYY-MM" as typed (a Buddhist Era year such as 2569-11 is taken as 2026-11)."""
    found = _MONTH.fullmatch(text.strip())
    if found is None:
        raise ValidationError("month", "Give the month as YYYY-MM, for example 2026-11; {value} is not one.",
                              value=text)
    year = int(found.group(1))
    year -= BE_OFFSET if year > 2400 else 0
    return f"{year:04d}-{found.group(2)}"


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def _rows(lines: Iterable[OrderExportLine], lang: str) -> Iterator[list[Cell]]:
    for line in lines:
        yield [value(line, lang) for _h, value, _f in COLUMNS]


def _write_csv(path: Path, header: list[str], rows: Iterator[list[Cell]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_text(v) for v in row])
            count += 1
    return count


def _write_xlsx(path: Path, header: list[str], rows: Iterator[list[Cell]], lang: str) -> int:
    from openpyxl import Workbook  # only this export needs it: the app starts without loading it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet(translate("Orders", lang))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    titles = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        titles.append(cell)
    sheet.append(titles)
    formats = [f for _h, _v, f in COLUMNS]
    count = 0
    for row in rows:  # a formatted cell costs several times a plain value: only numbers and dates get one
        sheet.append([value if value is None or number_format == "@" else _formatted(sheet, value, number_format)
                      for value, number_format in zip(row, formats, strict=True)])
        count += 1
    book.save(path)
    return count


def _formatted(sheet: Any, value: Cell, number_format: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def export_orders(db: Database, dest: Path, fmt: str, *, month: str = "", lang: str = "en",
                  force: bool = False) -> OrdersExport:
    """Write every live order line (of `month`, "YYYY-MM", if given) to `dest` as "csv" or "xlsx".
    `dest` follows the rules of every output file (`db.output`): no half-written file, never the
    database, an existing file only with `force`."""
    if fmt not in FORMATS:
        raise ValidationError("format", "Choose csv or xlsx.")
    month = check_month(month) if month else ""
    header = [translate(h, lang) for h, _v, _f in COLUMNS]
    with output_file(dest, db.path, force=force) as tmp:
        rows = _rows(order_export_lines(db, month), lang)
        try:
            count = _write_csv(tmp, header, rows) if fmt == "csv" else _write_xlsx(tmp, header, rows, lang)
        except OSError as exc:
            raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    return OrdersExport(dest, count)
