"""Gross margin by customer, product and rep, from the products' cost prices.

A line's cost is its quantity at its product's cost price today (`measure.line_cost`: lines keep no
cost of their own). Lines without a cost — free-text lines, and products whose cost price was never
entered (0) — are left out of the margin on both sides, sales and cost, so they cannot pass for pure
profit; their sales and number are shown beside it (`uncosted_sales`, `uncosted_lines`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func

from crm_desktop.db.database import Database
from crm_desktop.models import Product, SalesOrder, SalesOrderLine, User
from crm_desktop.queries.reports.measure import (
    ReportFilter,
    customer_id,
    customer_name,
    line_cost,
    line_sales,
    sales_lines,
    satang,
)
from crm_desktop.queries.reports.sales import percent
from crm_desktop.queries.reports.table import Chart, Column, ReportTable

COLUMNS = (Column("costed_sales", "money"), Column("cost", "money"), Column("margin", "money"),
           Column("margin_percent", "percent"), Column("uncosted_sales", "money"), Column("uncosted_lines", "count"))


def costed() -> ColumnElement[bool]:
    """The line has a cost: a product with a cost price."""
    return Product.cost_satang > 0


def _margins(db: Database, flt: ReportFilter, key: str, label: Column, row_id: ColumnElement[Any],
             name: ColumnElement[str], joins_user: bool = False) -> ReportTable:
    stmt = sales_lines(flt)
    if joins_user:
        stmt = stmt.outerjoin(User, User.id == SalesOrder.owner_id)
    has_cost = costed()
    stmt = stmt.add_columns(
        row_id, func.max(name),
        func.sum(case((has_cost, line_sales()), else_=0.0)),
        func.sum(case((has_cost, line_cost()), else_=0.0)),
        func.sum(case((has_cost, 0.0), else_=line_sales())),
        func.sum(case((has_cost, 0), else_=1)),
    ).group_by(row_id)
    with db.engine.connect() as conn:
        found = conn.execute(stmt).all()
    sums = [0.0, 0.0, 0.0]
    rows = []
    for rid, text, sales, cost, uncosted, lines in found:
        margin = satang(sales) - satang(cost)
        rows.append((rid, (text or "", satang(sales), satang(cost), margin, percent(margin, satang(sales)),
                           satang(uncosted), lines)))
        sums = [sums[0] + sales, sums[1] + cost, sums[2] + uncosted]
    rows.sort(key=lambda r: (-r[1][3], str(r[1][0]).casefold(), r[0] or ""))
    sales, cost, uncosted = (satang(x) for x in sums)
    total = ("", sales, cost, sales - cost, percent(sales - cost, sales), uncosted, sum(r[1][6] for r in rows))
    return ReportTable(key, (label, *COLUMNS), tuple(r[1] for r in rows), total,
                       Chart("hbar", label.key, ("margin",)), tuple(r[0] for r in rows),
                       "uncosted_left_out" if total[6] else "")


def margin_by_customer(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Gross margin per customer (an order's account, else its contact), largest margin first."""
    return _margins(db, flt, "margin_by_customer", Column("customer", "text"), customer_id(), customer_name())


def margin_by_product(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Gross margin per product (free-text lines as one row without a name, all uncosted)."""
    return _margins(db, flt, "margin_by_product", Column("product", "text"), SalesOrderLine.product_id,
                    func.coalesce(Product.name_th, ""))


def margin_by_rep(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Gross margin per rep (the order's owner; "" for orders without one)."""
    return _margins(db, flt, "margin_by_rep", Column("rep", "text"), SalesOrder.owner_id,
                    func.coalesce(User.name, ""), joins_user=True)


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "margin_by_customer": margin_by_customer,
    "margin_by_product": margin_by_product,
    "margin_by_rep": margin_by_rep,
}
