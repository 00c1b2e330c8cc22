"""How the sales went: the cover's key figures, sales by rep against target with commission, and
sales broken down by segment, product, category, channel and province.

Every amount is `measure.py`'s sale (live sold orders counted on the day issued, before VAT, after
every discount), summed in SQL and rounded once per figure. Percentages (shares, attainment, changes)
are worked from the rounded figures (exact rates for the win rate), to one decimal, halves away from
zero, and are None where their base is 0.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, and_, case, distinct, exists, func, select
from sqlalchemy.orm import aliased

from crm_desktop.db.database import Database
from crm_desktop.models import (
    Account,
    Contact,
    Product,
    SalesOrder,
    SalesOrderLine,
    Target,
    User,
)
from crm_desktop.queries.reports.measure import (
    SOLD,
    ReportFilter,
    customer_id,
    customer_province,
    customer_segment,
    line_sales,
    sales_lines,
    satang,
)
from crm_desktop.queries.reports.parallel import side_by_side
from crm_desktop.queries.reports.pipeline import closed_deals
from crm_desktop.queries.reports.scope import percent
from crm_desktop.queries.reports.table import Cell, Chart, Column, ReportTable

PIE_SLICES = 6  # a share table with more rows than this is drawn as bars


def change(now: int | Fraction | None, base: int | Fraction | None) -> float | None:
    """How much `now` differs from `base`, in percent of `base` (None without a base)."""
    if now is None or base is None:
        return None
    return percent(Fraction(now) - Fraction(base), base)


def narrowed_beyond_rep(flt: ReportFilter) -> bool:
    """True when `flt` keeps only part of a rep's sales (a segment, a channel, a product…)."""
    return any(v is not None for v in (flt.segment, flt.channel, flt.product_id, flt.category, flt.province))


# --- periods ----------------------------------------------------------------------------------


def shift_months(day: date, months: int) -> date:
    """`day` moved by whole months (the 29th-31st fall back to the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _whole_months(flt: ReportFilter) -> int | None:
    """How many calendar months the period is, when it is whole months."""
    if flt.start.day != 1 or flt.end.day != 1:
        return None
    return (flt.end.year - flt.start.year) * 12 + flt.end.month - flt.start.month


def previous_period(flt: ReportFilter) -> ReportFilter:
    """The period just before: as many months (a period of whole months) or as many days."""
    months = _whole_months(flt)
    if months:
        return replace(flt, start=shift_months(flt.start, -months), end=flt.start)
    return replace(flt, start=flt.start - (flt.end - flt.start), end=flt.start)


def year_earlier(flt: ReportFilter) -> ReportFilter:
    """The same days a year before (29 February falls back to the 28th)."""
    return replace(flt, start=shift_months(flt.start, -12), end=shift_months(flt.end, -12))


# --- sales, one row each -----------------------------------------------------------------------


def sales_orders(flt: ReportFilter, *extra: ColumnElement[Any], product: bool = False,
                 in_id_order: bool = False) -> Subquery:
    """One row per sale `flt` keeps: `order_id`, `account_id`, `contact_id`, `owner_id`, `channel`,
    `issued_on`, `amount` (its lines' `line_sales`, unrounded) and the `extra` aggregates of its lines.

    Order-level figures group these rows rather than the lines: a customer is then looked up once
    per order, and orders are counted without a DISTINCT. `product`: `extra` reads Product;
    `in_id_order`: a long period's orders read in the order of their ids (`measure.sold`)."""
    o = SalesOrder
    return (sales_lines(flt, customer=False, product=product, in_id_order=in_id_order)
            .add_columns(o.id.label("order_id"), o.account_id, o.contact_id, o.owner_id, o.channel, o.issued_on,
                         func.sum(line_sales()).label("amount"), *extra)
            .group_by(o.id).subquery("sale"))


def join_customer(stmt: Select[Any], sale: Any) -> Select[Any]:
    """`stmt` over `sales_orders` rows with the customer joined: Account, and Contact for a person
    without a company only (the customer's name, segment and province never read an account
    order's contact, and skipping it halves the lookups)."""
    return (stmt.outerjoin(Account, Account.id == sale.c.account_id)
            .outerjoin(Contact, and_(Contact.id == sale.c.contact_id, sale.c.account_id.is_(None))))


# --- key figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """One period's key figures."""

    sales: int
    orders: int
    new_customers: int
    won: int
    lost: int
    won_amount: int

    @property
    def win_rate(self) -> Fraction | None:
        return Fraction(self.won, self.won + self.lost) if self.won + self.lost else None

    @property
    def average_deal(self) -> Fraction | None:
        return Fraction(self.won_amount, self.won) if self.won else None


def first_sale_in(flt: ReportFilter, sale: Any) -> ColumnElement[bool]:
    """The customer of `sale` (a `sales_orders` row) had no sale before the period: their first sale
    ever falls in it."""
    earlier = aliased(SalesOrder)
    before = [earlier.deleted_at.is_(None), earlier.status.in_(SOLD), earlier.issued_on < flt.start]
    by_account = exists().where(earlier.account_id == sale.c.account_id, *before)
    # Not `account_id IS NULL`: SQLite may then read the (account, issued) index for every earlier
    # order without an account (on a file with many people as customers: 5 s a month, not 0.05).
    no_account = func.coalesce(earlier.account_id, "") == ""
    by_contact = exists().where(earlier.contact_id == sale.c.contact_id, no_account, *before)
    # Two EXISTS (not one on the customer id) so each reads an index: (account, issued) or (contact, issued).
    return ~case((sale.c.account_id.is_not(None), by_account), else_=by_contact)


def figures(db: Database, flt: ReportFilter) -> Figures:
    """Sales, orders, new customers and deals closed in one period.

    New customers: customers (an order's account, else its contact) with a sale that `flt` keeps in
    the period and no sale at all (by anyone, of anything) before the period starts."""
    sale = sales_orders(flt)
    customer = customer_id(sale.c)
    totals = select(func.sum(sale.c.amount), func.count(),
                    func.count(distinct(case((first_sale_in(flt, sale), customer)))))
    deals = closed_deals(flt).subquery()
    closed = select(func.count().filter(deals.c.kind == "won"), func.count().filter(deals.c.kind == "lost"),
                    func.sum(case((deals.c.kind == "won", deals.c.amount), else_=0)))
    with db.engine.connect() as conn:
        sales, orders, new_customers = conn.execute(totals).one()
        won, lost, won_amount = conn.execute(closed).one()
    return Figures(satang(sales), orders, new_customers, won, lost, int(won_amount or 0))  # a server sums to numeric


KEY_FIGURE_COLUMNS = (
    Column("period", "key"), Column("start", "date"), Column("end", "date"),
    Column("sales", "money"), Column("sales_change", "percent"),
    Column("orders", "count"), Column("orders_change", "percent"),
    Column("new_customers", "count"), Column("new_customers_change", "percent"),
    Column("win_rate", "percent"), Column("win_rate_change", "percent"),
    Column("average_deal", "money"), Column("average_deal_change", "percent"),
)


def _average(value: Fraction | None) -> int | None:
    return None if value is None else int(value + Fraction(1, 2))


def _rate(value: Fraction | None) -> float | None:
    return None if value is None else percent(value, 1)


def _key_figures(db: Database, periods: Sequence[tuple[str, ReportFilter]], today: date) -> ReportTable:
    """One row per period; each later row's `*_change` is how far the first row's figure is from
    that row's, in percent of that row's (None where that row's figure is 0 or missing)."""
    results = side_by_side([partial(figures, db, p) for _, p in periods])
    found = [(key, p, f) for (key, p), f in zip(periods, results, strict=True)]
    this = found[0][2]
    rows: list[tuple[Cell, ...]] = []
    for index, (key, p, f) in enumerate(found):
        def vs(now: int | Fraction | None, base: int | Fraction | None, first: bool = index == 0) -> float | None:
            return None if first else change(now, base)

        rows.append((key, p.start, p.end - timedelta(days=1),
                     f.sales, vs(this.sales, f.sales), f.orders, vs(this.orders, f.orders),
                     f.new_customers, vs(this.new_customers, f.new_customers),
                     _rate(f.win_rate), vs(this.win_rate, f.win_rate),
                     _average(f.average_deal), vs(this.average_deal, f.average_deal)))
    first = found[0][1]
    note = "period_not_over" if first.start <= today < first.end else ""
    return ReportTable("key_figures", KEY_FIGURE_COLUMNS, tuple(rows), note=note)


def key_figures(db: Database, month: str, today: date) -> ReportTable:
    """The cover's figures for `month` ("YYYY-MM"), the month before and the same month a year
    earlier: sales (before VAT), orders, new customers, win rate (deals won / deals won or lost,
    closed in the month) and average deal (the mean amount of the deals won in the month)."""
    return key_figures_period(db, ReportFilter.month(month), today)


def key_figures_period(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """The key figures of the filtered period, the period just before it (as many whole months, else
    days) and the same period a year earlier; rows keyed "this_month"… for one calendar month (what
    the monthly report asks), else "this_period"…"""
    word = "month" if _whole_months(flt) == 1 else "period"
    return _key_figures(db, ((f"this_{word}", flt), (f"previous_{word}", previous_period(flt)),
                             (f"same_{word}_last_year", year_earlier(flt))), today)


# --- sales by rep -----------------------------------------------------------------------------


def _months(flt: ReportFilter) -> dict[str, Fraction]:
    """Each calendar month ("YYYY-MM") the period touches, with the share of its days it covers."""
    out = {}
    first = flt.start.replace(day=1)
    while first < flt.end:
        after = shift_months(first, 1)
        out[f"{first:%Y-%m}"] = Fraction((min(after, flt.end) - max(first, flt.start)).days, (after - first).days)
        first = after
    return out


@dataclass
class _Rep:
    """One rep's figures as they are summed."""

    sales: float = 0.0  # unrounded, as `line_sales` sums
    orders: int = 0
    won: int = 0
    won_amount: int = 0
    target: Fraction | None = None
    commission: float = 0.0  # unrounded

    def row(self, name: str, with_target: bool) -> tuple[Cell, ...]:
        target = None if self.target is None else int(self.target + Fraction(1, 2))
        return (name, satang(self.sales), self.orders, self.won, self.won_amount, target,
                percent(satang(self.sales), target) if target else None,
                satang(self.commission) if with_target else None)


def sales_by_rep(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Per rep (the order's owner): sales, orders, deals won in the period (count and amount, as the
    Deals tab credits them), target, attainment and commission.

    The report credits a rep with the *orders* they sold, not the deals they won: an order is what the
    customer bought and pays for (a deal's amount is an estimate, and many sales have no deal), so
    attainment = sales / target here, while the Deals tab's attainment counts won deals; both are
    shown side by side. The target is the rep's Target rows of the months the period covers (a month
    the period only partly covers counts for the share of its days); commission is each month's
    sales × that month's commission rate, summed and rounded half up once (as sales are).
    Narrowed to a segment, channel, product, category or province the sales are only part of what
    the target is about, so target, attainment and commission are left empty."""
    months = _months(flt)
    with_target = not narrowed_beyond_rep(flt)
    o = SalesOrder
    by_day = (sales_lines(flt, customer=False, product=False)
              .add_columns(o.owner_id, o.issued_on, func.sum(line_sales()), func.count(distinct(o.id)))
              .group_by(o.owner_id, o.issued_on))
    deals = closed_deals(flt).subquery()
    won = (select(deals.c.owner_id, func.count(), func.sum(deals.c.amount))
           .where(deals.c.kind == "won").group_by(deals.c.owner_id))
    targets = select(Target.owner_id, Target.month, Target.amount_satang, Target.commission_bp).where(
        Target.month.in_(list(months)), Target.deleted_at.is_(None))
    if flt.owner_id is not None:
        targets = targets.where(Target.owner_id == flt.owner_id)
    reps: dict[str | None, _Rep] = defaultdict(_Rep)
    with db.engine.connect() as conn:
        rates = {}
        for owner, month, amount, bp in conn.execute(targets) if with_target else ():
            rep = reps[owner]
            rep.target = (rep.target or Fraction(0)) + amount * months[month]
            rates[(owner, month)] = bp
        for owner, issued, amount, count in conn.execute(by_day):
            rep = reps[owner]
            rep.sales += amount
            rep.orders += count
            rep.commission += amount * rates.get((owner, f"{issued:%Y-%m}"), 0) / 10_000
        for owner, count, amount in conn.execute(won):
            reps[owner].won, reps[owner].won_amount = count, amount or 0
        names = dict(conn.execute(select(User.id, User.name)).all())
    order = sorted(reps, key=lambda o: (-satang(reps[o].sales), o is None, names.get(o, "").casefold(), o or ""))
    rows = tuple(reps[o].row(names.get(o, "") if o else "", with_target) for o in order)
    total = _Rep(sum(r.sales for r in reps.values()), sum(r.orders for r in reps.values()),
                 sum(r.won for r in reps.values()), sum(r.won_amount for r in reps.values()),
                 sum((r.target for r in reps.values() if r.target is not None), Fraction(0)) if with_target else None)
    total_row = (*total.row("", with_target)[:7], sum(r[7] or 0 for r in rows) if with_target else None)
    columns = (Column("rep", "text"), Column("sales", "money"), Column("orders", "count"),
               Column("won_deals", "count"), Column("won_amount", "money"), Column("target", "money"),
               Column("attainment", "percent"), Column("commission", "money"))
    return ReportTable("sales_by_rep", columns, rows, total_row, Chart("hbar", "rep", ("sales", "target")),
                       tuple(order), "" if with_target else "target_needs_all_sales")


# --- breakdowns -------------------------------------------------------------------------------


def _table(key: str, labels: Sequence[Column], found: Sequence[Any], total_orders: int, chart: Chart, *,
           has_id: bool, with_quantity: bool) -> ReportTable:
    """Rows (labels…, [id], amount, orders, [quantity]) as a share table, largest first."""
    n = len(labels)
    at = n + has_id
    total_sales = satang(sum(r[at] for r in found))
    rows = sorted(((r[n] if has_id else None, tuple(v or "" for v in r[:n]), satang(r[at]), r[at + 1], r[at + 2:])
                   for r in found), key=lambda r: (-r[2], [str(v).casefold() for v in r[1]], r[0] or ""))
    columns = (*labels, Column("sales", "money"), Column("orders", "count"),
               *([Column("quantity", "quantity")] if with_quantity else []), Column("share", "percent"))
    cells = tuple((*names, amount, count, *rest, percent(amount, total_sales))
                  for _, names, amount, count, rest in rows)
    total = (*("" for _ in labels), total_sales, total_orders, *([None] if with_quantity else []),
             100.0 if total_sales else None)
    return ReportTable(key, columns, cells, total, chart, tuple(r[0] for r in rows) if has_id else ())


def by_order(db: Database, flt: ReportFilter, key: str, label: Column, value: Callable[[Any], ColumnElement[Any]],
             chart: Chart) -> ReportTable:
    """Sales, orders and share per value of something of each order's customer (segment, province):
    `value(sale)` reads it from a `sales_orders` row with Account and Contact joined to it."""
    sale = sales_orders(flt)
    label_value = value(sale)
    stmt = join_customer(select(label_value, func.sum(sale.c.amount), func.count()).select_from(sale),
                         sale).group_by(label_value)
    with db.engine.connect() as conn:
        found = conn.execute(stmt).all()
    return _table(key, (label,), found, sum(r[2] for r in found), chart, has_id=False, with_quantity=False)


def by_line(db: Database, flt: ReportFilter, key: str, labels: Sequence[tuple[Column, ColumnElement[Any]]],
            chart: Chart, *, row_id: ColumnElement[Any] | None = None, with_quantity: bool = False,
            of_order: bool = False) -> ReportTable:
    """Sales, orders (and quantity) and share per value of the `labels` columns, grouping the lines:
    for something a line has (its product, its category), where one order can fall in several rows
    and the orders' total is counted apart; `of_order`: for something of the order itself that needs
    no customer (its channel), where the rows' orders add up and grouping the lines at once beats
    grouping sales first."""
    group = [expr for _, expr in labels] + ([row_id] if row_id is not None else [])
    stmt = sales_lines(flt, customer=False, product=not of_order).add_columns(
        *group, func.sum(line_sales()), func.count(distinct(SalesOrder.id)),
        *([func.sum(SalesOrderLine.quantity_milli)] if with_quantity else [])).group_by(*group)
    orders = sales_lines(flt, customer=False, product=False).add_columns(func.count(distinct(SalesOrder.id)))
    at = len(group)
    with db.engine.connect() as conn:
        found = conn.execute(stmt).all()
        total_orders = sum(r[at + 1] for r in found) if of_order else conn.execute(orders).scalar_one()
    return _table(key, [c for c, _ in labels], found, total_orders, chart, has_id=row_id is not None,
                  with_quantity=with_quantity)


def _pie_if_few(table: ReportTable) -> ReportTable:
    """A share table is drawn as a pie when it has few slices, else as bars."""
    chart = table.chart
    return table if chart is None or len(table.rows) <= PIE_SLICES else replace(table, chart=replace(chart,
                                                                                                     kind="hbar"))


def sales_by_segment(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Sales per customer segment (the account's; "" for people without a company)."""
    return _pie_if_few(by_order(db, flt, "sales_by_segment", Column("segment", "text"), lambda sale: customer_segment(),
                                Chart("pie", "segment", ("sales",))))


def sales_by_channel(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Sales per channel of the order (a key such as "line"; "" when not known)."""
    return _pie_if_few(by_line(db, flt, "sales_by_channel", ((Column("channel", "key"), SalesOrder.channel),),
                               Chart("pie", "channel", ("sales",)), of_order=True))


def sales_by_province(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Sales per province of the customer (the account's, else the contact's), a ranking."""
    return by_order(db, flt, "sales_by_province", Column("province", "text"), lambda sale: customer_province(),
                    Chart("hbar", "province", ("sales",)))


def sales_by_category(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Sales per product category ("" for free-text lines and products without one)."""
    labels = ((Column("category", "text"), func.coalesce(Product.category, "")),)
    return _pie_if_few(by_line(db, flt, "sales_by_category", labels, Chart("pie", "category", ("sales",))))


def sales_by_product(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Sales and quantity per product, a ranking; the free-text lines together as one row (no id, no
    name). The name is the product's Thai name as it is now (a line keeps its own description)."""
    labels = ((Column("product", "text"), Product.name_th), (Column("sku", "text"), Product.sku))
    return by_line(db, flt, "sales_by_product", labels, Chart("hbar", "product", ("sales",)),
                   row_id=SalesOrderLine.product_id, with_quantity=True)


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "key_figures": key_figures_period,
    "sales_by_rep": sales_by_rep,
    "sales_by_segment": sales_by_segment,
    "sales_by_product": sales_by_product,
    "sales_by_category": sales_by_category,
    "sales_by_channel": sales_by_channel,
    "sales_by_province": sales_by_province,
}
