"""Sales orders for a spreadsheet: one row per order line, as CSV or .xlsx through the shared writer
(`exchange.sheet`: BOM, formula guard, real numbers and dates).

Amounts are written as exact decimals (satang / 100, quantities / 1000), never through floats; the
order's totals repeat on each of its lines so a pivot table can take them from any line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from crm_desktop.db.database import Database
from crm_desktop.db.output import output_file
from crm_desktop.errors import ValidationError
from crm_desktop.exchange.sheet import FORMATS as FORMATS
from crm_desktop.exchange.sheet import TEXT, Cell, SheetColumn, check_format, write_sheet
from crm_desktop.messages import translate
from crm_desktop.queries.sales.documents import OrderExportLine, order_export_lines

_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
BE_OFFSET = 543  # a Buddhist Era year (2569) is the Common Era year (2026) + 543

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


CODES = ("Tax ID", "Branch")  # the text columns whose cells get the "@" format: a retyped code keeps its zeros


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


def _rows(lines: Iterable[OrderExportLine], lang: str) -> Iterator[list[Cell]]:
    for line in lines:
        yield [value(line, lang) for _h, value, _f in COLUMNS]


def export_orders(db: Database, dest: Path, fmt: str, *, month: str = "", lang: str = "en",
                  force: bool = False) -> OrdersExport:
    """Write every live order line (of `month`, "YYYY-MM", if given) to `dest` as "csv" or "xlsx".
    `dest` follows the rules of every output file (`db.output`): no half-written file, never the
    database, an existing file only with `force`."""
    check_format(fmt)
    month = check_month(month) if month else ""
    columns = [SheetColumn(translate(h, lang), "" if f == TEXT and h not in CODES else f) for h, _v, f in COLUMNS]
    with output_file(dest, db.path, force=force) as tmp:
        count = write_sheet(tmp, dest, fmt, translate("Orders", lang), columns,
                            _rows(order_export_lines(db, month), lang))
    return OrdersExport(dest, count)
