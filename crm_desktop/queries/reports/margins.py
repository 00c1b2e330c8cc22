"""Gross margin by customer, product and rep, from the products' cost prices.

A line's cost is its quantity at its product's cost price today (`measure.line_cost`: lines keep no
cost of their own). Lines without a cost — free-text lines, and products whose cost price was never
entered (0) — are left out of the margin on both sides, sales and cost, so they cannot pass for pure
profit; their sales and number are shown beside it (`uncosted_sales`, `uncosted_lines`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select

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
from crm_desktop.queries.reports.sales import join_customer, sales_orders
from crm_desktop.queries.reports.scope import percent
from crm_desktop.queries.reports.table import Chart, Column, ReportTable

COLUMNS = (Column("costed_sales", "money"), Column("cost", "money"), Column("margin", "money"),
           Column("margin_percent", "percent"), Column("uncosted_sales", "money"), Column("uncosted_lines", "count"))


def costed() -> ColumnElement[bool]:
    """The line has a cost: a product with a cost price."""
    return Product.cost_satang > 0


def _line_margins() -> list[ColumnElement[Any]]:
    """Aggregates of lines: the sales and the cost of those with a cost, and how many have none."""
    return [func.sum(case((costed(), line_sales()), else_=0.0)).label("costed"),
            func.sum(case((costed(), line_cost()), else_=0.0)).label("cost"),
            func.sum(case((costed(), 0), else_=1)).label("uncosted_lines")]


def _table(key: str, label: Column, found: Sequence[Any]) -> ReportTable:
    """Rows of (id, name, sales, costed sales, cost, uncosted lines), largest margin first."""
    rows = []
    for rid, text, amount, sales, cost, lines in found:
        margin = satang(sales) - satang(cost)
        rows.append((rid, (text or "", satang(sales), satang(cost), margin, percent(margin, satang(sales)),
                           satang(amount - sales), lines)))
    rows.sort(key=lambda r: (-r[1][3], str(r[1][0]).casefold(), r[0] or ""))
    amount, exact = sum(r[2] for r in found), sum(r[3] for r in found)
    sales, cost = satang(exact), satang(sum(r[4] for r in found))
    lines = sum(r[5] for r in found)
    total = ("", sales, cost, sales - cost, percent(sales - cost, sales), satang(amount - exact), lines)
    return ReportTable(key, (label, *COLUMNS), tuple(r[1] for r in rows), total,
                       Chart("hbar", label.key, ("margin",)), tuple(r[0] for r in rows),
                       "uncosted_left_out" if lines else "")


def margin_by_customer(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Gross margin per customer (an order's account, else its contact), largest margin first; one
    row per sale first, so the customer is looked up once per order."""
    sale = sales_orders(flt, *_line_margins(), product=True)
    customer = customer_id(sale.c)
    stmt = select(customer, func.max(customer_name()), func.sum(sale.c.amount), func.sum(sale.c.costed),
                  func.sum(sale.c.cost), func.sum(sale.c.uncosted_lines)).select_from(sale)
    with db.engine.connect() as conn:
        return _table("margin_by_customer", Column("customer", "text"),
                      conn.execute(join_customer(stmt, sale).group_by(customer)).all())


def _by_lines(db: Database, flt: ReportFilter, key: str, label: Column, row_id: ColumnElement[Any],
              name: ColumnElement[str], *, rep: bool = False) -> ReportTable:
    """Margins per product or rep, grouping the lines at once (`rep`: User joined for the name)."""
    stmt = sales_lines(flt, customer=False)
    if rep:
        stmt = stmt.outerjoin(User, User.id == SalesOrder.owner_id)
    stmt = stmt.add_columns(row_id, func.max(name), func.sum(line_sales()), *_line_margins()).group_by(row_id)
    with db.engine.connect() as conn:
        return _table(key, label, conn.execute(stmt).all())


def margin_by_product(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Gross margin per product (free-text lines as one row without a name, all uncosted)."""
    return _by_lines(db, flt, "margin_by_product", Column("product", "text"), SalesOrderLine.product_id,
                     func.coalesce(Product.name_th, ""))


def margin_by_rep(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Gross margin per rep (the order's owner; "" for orders without one)."""
    return _by_lines(db, flt, "margin_by_rep", Column("rep", "text"), SalesOrder.owner_id,
                     func.coalesce(User.name, ""), rep=True)


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "margin_by_customer": margin_by_customer,
    "margin_by_product": margin_by_product,
    "margin_by_rep": margin_by_rep,
}
