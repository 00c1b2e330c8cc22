"""What every report counts as a sale and what it is worth: one definition, in SQL, for every figure.

- A *sale* is a live sales order, confirmed or later (confirmed, partly delivered, delivered,
  invoiced; the customer 360 page's rule), counted on the day it was issued. Its *rep* is the order's
  owner and its *channel* the order's channel.
- Its *amount* is before VAT and after every discount: each live line's net (the line formula of
  `db/line_amounts.py`) less its share of the bill discount (in proportion to the lines' nets)
  and, on a document whose prices include VAT, less the VAT in a VAT-able line (× 10000 / (10000 +
  rate)). The shares are fractions of a satang, summed as they are and rounded once per figure
  (`satang`), so a breakdown by product, category or customer adds up to the month's total; a printed
  order rounds its VAT once per document, so the two can differ by under a satang per order.
- A line's *cost* is its quantity × its product's cost price today (lines keep no cost of their
  own); a free-text line has no cost, and margins leave it out.
- The *customer* is the order's account, else its contact. Its *segment* is the account's segment
  (a person without a company has none) and its *province* the account's, else the contact's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, case, func, literal, select
from sqlalchemy.orm import aliased

from crm_desktop.db.line_amounts import line_net
from crm_desktop.db.spelling import total, unindexed
from crm_desktop.models import Account, Change, Contact, Product, SalesOrder, SalesOrderLine
from crm_desktop.money import BP, MILLI
from crm_desktop.queries.opportunities import month_range

SOLD = ("confirmed", "partly_delivered", "delivered", "invoiced")  # orders that are sales

_SUBTOTAL_LINE = aliased(SalesOrderLine)


@dataclass(frozen=True)
class ReportFilter:
    """The period [start, end) and the optional narrowing every analysis of the Reports tab takes."""

    start: date
    end: date  # the day after the last
    owner_id: str | None = None  # the rep; "" for sales without an owner
    segment: str | None = None  # "" for people without a company
    channel: str | None = None
    product_id: str | None = None
    category: str | None = None
    province: str | None = None

    @classmethod
    def month(cls, month: str, **narrowing: Any) -> ReportFilter:
        """The calendar month "YYYY-MM"."""
        first, after = month_range(month)
        return cls(first, after, **narrowing)


def bill_factor(order: Any = SalesOrder) -> ColumnElement[float]:
    """The share of each line's net left after the bill discount (1 without one: the subtotal is
    only summed for the few orders that have a bill discount)."""
    sub = _SUBTOTAL_LINE
    subtotal = (select(total(line_net(sub))).where(sub.order_id == order.id, sub.deleted_at.is_(None))
                .scalar_subquery())
    return case((order.bill_discount_satang == 0, literal(1.0)),
                else_=func.coalesce(1.0 - order.bill_discount_satang * 1.0 / func.nullif(subtotal, 0), 0.0))


def line_sales(line: Any = SalesOrderLine, order: Any = SalesOrder) -> ColumnElement[float]:
    """A line's amount before VAT and after its own and its share of the bill discount (fractional satang)."""
    without_vat = case((and_(order.prices_include_vat, line.vatable), BP * 1.0 / (BP + order.vat_bp)), else_=1.0)
    return line_net(line) * bill_factor(order) * without_vat


_VAT_LINE = aliased(SalesOrderLine)


def order_sales(order: Any = SalesOrder) -> ColumnElement[float]:
    """An order's amount, the sum of its lines' `line_sales`, from its lines' net kept on it
    (`lines_net_satang`, db/kept.py): only an order whose prices include VAT reads its VAT-able lines
    (their net, from the lines' covering index). The same fractions as summing the lines, but taken
    per order; a figure rounds them once (`satang`)."""
    net = order.lines_net_satang
    factor = case((order.bill_discount_satang == 0, literal(1.0)),
                  else_=func.coalesce(1.0 - order.bill_discount_satang * 1.0 / func.nullif(net, 0), 0.0))
    line = _VAT_LINE
    vatable = (select(total(line_net(line))).where(line.order_id == order.id, line.deleted_at.is_(None), line.vatable)
               .scalar_subquery())
    vat = func.coalesce(vatable, 0) * order.vat_bp * 1.0 / (BP + order.vat_bp)
    before_vat = case((order.prices_include_vat, net - vat), else_=net * 1.0)
    return before_vat * factor


def line_cost(line: Any = SalesOrderLine, product: Any = Product) -> ColumnElement[float]:
    """A line's quantity at its product's cost price (NULL for a free-text line)."""
    return line.quantity_milli * product.cost_satang * 1.0 / MILLI


def satang(total: Any) -> int:
    """A summed figure rounded to the satang (halves away from zero; None, from an empty sum, is 0)."""
    if total is None:
        return 0
    return int(total + 0.5) if total >= 0 else -int(-total + 0.5)


def customer_id(order: Any = SalesOrder) -> ColumnElement[str]:
    return func.coalesce(order.account_id, order.contact_id)


def customer_name(account: Any = Account, contact: Any = Contact) -> ColumnElement[str]:
    """The account's name, else the contact's prefix, first and last name."""
    person = func.trim(contact.prefix + contact.first_name + " " + contact.last_name)
    return func.coalesce(account.name, person, "")


def customer_segment(account: Any = Account) -> ColumnElement[str]:
    """The account's segment; "" for a person without a company."""
    return func.coalesce(account.segment, "")


def customer_province(account: Any = Account, contact: Any = Contact) -> ColumnElement[str]:
    """The account's province, else (a person without a company) the contact's."""
    return func.coalesce(account.province, contact.province, "")


def sold(flt: ReportFilter, order: Any = SalesOrder, *, in_id_order: bool = False) -> list[ColumnElement[bool]]:
    """The order-level conditions of `flt`: live sales in the period, by rep and channel.

    `in_id_order`: the status and the day kept out of the plan, so the orders are read along
    `ix_sales_order_live_id` in the order of their ids (which is also the order they were stored in) and a
    join finds their lines in the order of the lines' index, page after page. For a long period: through
    the index by status and day, each order's lines were a random read (a year's 93,000 orders on the
    large demo: 0.8 s of 1.1 for who spent how much)."""
    status, issued = (unindexed(order.status), unindexed(order.issued_on)) if in_id_order else \
        (order.status, order.issued_on)
    cond = [order.deleted_at.is_(None), status.in_(SOLD), issued >= flt.start, issued < flt.end]
    if flt.owner_id is not None:
        cond.append(order.owner_id == flt.owner_id if flt.owner_id else order.owner_id.is_(None))
    if flt.channel is not None:
        cond.append(order.channel == flt.channel)
    return cond


def sales_lines(flt: ReportFilter, *, customer: bool = True, product: bool = True,
                in_id_order: bool = False) -> Select[Any]:
    """The live lines of the sales `flt` picks, joined to their order (SalesOrder), customer (Account,
    Contact, outer) and product (Product, outer): add the columns and the grouping you need.

    `customer=False` / `product=False` leave out the customer's / product's join when the caller
    reads none of their columns (a filter that needs one still makes it): SQLite keeps an unused
    outer join and pays a lookup per line for it, a third of a month's figure on the large demo.
    The customer is joined before the lines, so it is looked up once per order, not per line."""
    line = SalesOrderLine
    stmt = select().select_from(SalesOrder)
    if customer or flt.segment is not None or flt.province is not None:
        stmt = (stmt.outerjoin(Account, Account.id == SalesOrder.account_id)
                .outerjoin(Contact, Contact.id == SalesOrder.contact_id))
    order_id = unindexed(SalesOrder.id) if in_id_order else SalesOrder.id  # see `sold`
    stmt = stmt.join(line, and_(line.order_id == order_id, line.deleted_at.is_(None)))
    if product or flt.category is not None:
        stmt = stmt.outerjoin(Product, Product.id == line.product_id)
    stmt = stmt.where(*sold(flt, in_id_order=in_id_order))
    if flt.segment is not None:
        stmt = stmt.where(customer_segment() == flt.segment)
    if flt.province is not None:
        stmt = stmt.where(customer_province() == flt.province)
    if flt.product_id is not None:
        stmt = stmt.where(line.product_id == flt.product_id)
    if flt.category is not None:
        stmt = stmt.where(Product.category == flt.category)
    return stmt


SALES_ENTITIES = ("sales_order", "sales_order_line")
TOUCHED_MAX = 2_000  # changed orders and lines past which everything is read again rather than traced


def touched_days(conn: Connection, since: int, most: int = TOUCHED_MAX) -> set[str] | None:
    """The days (ISO) whose sales the changes after change number `since` may have changed: each changed
    order's (or changed line's order's) issue day now and every one it ever had (the change log holds
    them). None when more than `most` orders and lines changed: too much to trace. For figures kept per
    day or month as of a change."""
    # `|| ''`: walk the changes since, by number; the (entity, row) index would walk every order's.
    rows = conn.execute(select(Change.entity, Change.row_id).distinct()
                        .where(Change.seq > since, (Change.entity + "").in_(SALES_ENTITIES))
                        .limit(most + 1)).all()
    if len(rows) > most:
        return None
    orders = {row_id for entity, row_id in rows if entity == "sales_order"}
    lines = {row_id for entity, row_id in rows if entity == "sales_order_line"}
    if lines:  # a line's order is logged when it is made (and if a sync ever moved it)
        orders |= _logged(conn, "sales_order_line", lines, "order_id")
    if not orders:
        return set()
    days = {str(d) for d in conn.scalars(select(SalesOrder.issued_on).where(SalesOrder.id.in_(sorted(orders))))}
    return days | _logged(conn, "sales_order", orders, "issued_on")


def _logged(conn: Connection, entity: str, ids: set[str], name: str) -> set[str]:
    """Every value field `name` of these rows ever had, from the change log (what they were, not only are)."""
    found: set[str] = set()
    rows = conn.execute(select(Change.fields).where(Change.entity == entity, Change.row_id.in_(sorted(ids))))
    for (fields,) in rows:
        value = json.loads(fields).get(name)
        if value is not None:
            found.add(str(value))
    return found
