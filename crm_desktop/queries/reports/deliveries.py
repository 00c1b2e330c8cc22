"""Late deliveries in the monthly report and the Reports tab: the order lines that missed the day the
customer was promised.

Two kinds of line of a sale (a live order confirmed or later, `measure.SOLD`), most days late first:
- *still open*: promised before the as-of day (`scope.as_of`: the period's end, or today while it
  runs) and not fully delivered today; late by the days from the promise to the as-of day. A line
  promised on the as-of day itself is not late yet. Read through the partial index of open lines
  by promised day (`ix_sales_order_line_open_promise`).
- *delivered late*: fully delivered in the period (its latest delivery, `delivered_on`), after the
  day promised; late by the days between.

Delivered quantities have no history, only the latest delivery's day: a line of a closed month that
was completed after the month ended is not listed for that month; it shows as delivered late in the
month it was completed. The rep is the order's owner, the channel the order's; segment, province,
product and category as for a sale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Select, select

from crm_desktop.db.database import Database
from crm_desktop.db.spelling import likely
from crm_desktop.models import Account, Contact, Product, SalesOrder, SalesOrderLine
from crm_desktop.queries.reports.measure import SOLD, ReportFilter, customer_name
from crm_desktop.queries.reports.scope import as_of, customer_conditions, owner_is
from crm_desktop.queries.reports.table import Column, ReportTable

LINE = SalesOrderLine


def _lines(flt: ReportFilter) -> Select[Any]:
    """Live lines of live sales narrowed by `flt` (any period), with what a row shows."""
    stmt = (
        select(SalesOrder.id, SalesOrder.number, customer_name(), LINE.description, LINE.promised_on,
               LINE.delivered_on, LINE.quantity_milli - LINE.delivered_milli, LINE.unit)
        .select_from(LINE)
        .join(SalesOrder, SalesOrder.id == LINE.order_id)
        .outerjoin(Account, Account.id == SalesOrder.account_id)
        .outerjoin(Contact, Contact.id == SalesOrder.contact_id)
        .where(LINE.deleted_at.is_(None), SalesOrder.deleted_at.is_(None), SalesOrder.status.in_(SOLD),
               *customer_conditions(flt))
    )
    if flt.owner_id is not None:
        stmt = stmt.where(owner_is(SalesOrder.owner_id, flt.owner_id))
    if flt.channel is not None:
        stmt = stmt.where(SalesOrder.channel == flt.channel)
    if flt.product_id is not None:
        stmt = stmt.where(LINE.product_id == flt.product_id)
    if flt.category is not None:
        stmt = stmt.where(LINE.product_id.in_(select(Product.id).where(Product.category == flt.category)))
    return stmt


def late_deliveries(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Order lines still open past their promise at the as-of day, and lines delivered late in the
    period: order, customer, product, promised and delivered day, days late, quantity still open (in
    thousandths, 0 for a line delivered late) and its unit."""
    cutoff = as_of(flt, today)
    still_open = _lines(flt).where(  # the terms of the partial index, spelled as it is
        LINE.delivered_milli < LINE.quantity_milli, LINE.promised_on < cutoff)
    # Said to be rare, so that SQLite reads the lines by delivery day (or all of them in a row, without
    # an index on it) and not every sale's lines order by order (5 s on the large demo).
    delivered_late = _lines(flt).where(
        likely(LINE.delivered_on >= flt.start, 0.01), LINE.delivered_on < flt.end,
        LINE.delivered_milli >= LINE.quantity_milli, LINE.delivered_on > LINE.promised_on)
    rows = []
    with db.engine.connect() as conn:
        for order_id, number, customer, product, promised, _delivered, left, unit in conn.execute(still_open):
            rows.append((order_id, number, customer, product, promised, None, (cutoff - promised).days, left, unit))
        for order_id, number, customer, product, promised, delivered, _left, unit in conn.execute(delivered_late):
            rows.append((order_id, number, customer, product, promised, delivered, (delivered - promised).days, 0,
                         unit))
    rows.sort(key=lambda r: (-r[6], r[4], r[1], r[3]))
    return ReportTable(
        "late_deliveries",
        (Column("order", "text"), Column("customer", "text"), Column("product", "text"),
         Column("promised", "date"), Column("delivered", "date"), Column("days_late", "days"),
         Column("quantity_open", "quantity"), Column("unit", "text")),
        tuple(r[1:] for r in rows),
        None,
        None,
        tuple(r[0] for r in rows),
    )


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "late_deliveries": late_deliveries,
}
