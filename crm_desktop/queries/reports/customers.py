"""Who bought: the top customers of a period and the customer ranking (RFM) with the owner's weights.

A customer is an order's account, else its contact (`measure.customer_id`), so a person who buys
without a company is a customer of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import SimpleNamespace

from sqlalchemy import func, literal, null, select

from crm_desktop.db.database import Database
from crm_desktop.models import Account, Contact, Setting, fixed_id
from crm_desktop.queries.reports.measure import (
    ReportFilter,
    customer_id,
    customer_name,
    satang,
)
from crm_desktop.queries.reports.sales import join_customer, sales_orders, shift_months
from crm_desktop.queries.reports.scope import percent
from crm_desktop.queries.reports.table import Chart, Column, ReportTable
from crm_desktop.rfm import SCORES, WEIGHTS_KEY, Weights, at_risk, fifth_scores, parse_weights

TOP_CUSTOMERS = 20
TOP_RANKED = 10  # the ranking names this many best customers "top"
RFM_MONTHS = 12  # a ranking over a shorter period says it is short


@dataclass(frozen=True)
class _Customer:
    id: str
    name: str
    sales: int
    orders: int
    last_order: date


def _customers(db: Database, flt: ReportFilter, *, names: bool = True,
               in_id_order: bool = False) -> tuple[list[_Customer], int]:
    """Every customer with a sale `flt` keeps: sales, orders, last order day (and name); and the
    period's sales (`in_id_order`: see `measure.sold`)."""
    sale = sales_orders(flt, in_id_order=in_id_order)
    customer = customer_id(sale.c)
    stmt = select(customer, func.max(customer_name()) if names else literal(""), func.sum(sale.c.amount),
                  func.count(), func.max(sale.c.issued_on)).select_from(sale)
    stmt = (join_customer(stmt, sale) if names else stmt).group_by(customer)
    with db.engine.connect() as conn:
        found = conn.execute(stmt).all()
    total = satang(sum(r[2] for r in found))
    return [_Customer(r[0], r[1], satang(r[2]), r[3], r[4]) for r in found], total


def customer_names(db: Database, ids: Sequence[str]) -> dict[str, str]:
    """The names of these customers (account or contact ids), as `measure.customer_name` gives them."""
    accounts = select(Account.id, Account.name).where(Account.id.in_(ids))
    people = select(Contact.id, customer_name(SimpleNamespace(name=null()), Contact)).where(Contact.id.in_(ids))
    with db.engine.connect() as conn:
        return {**dict(conn.execute(people).all()), **dict(conn.execute(accounts).all())}


def top_customers(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """The 20 customers with the most sales in the period: sales, orders, share of the period's sales
    and their last order day in the period. The totals row is every customer's, not the 20's."""
    customers, total_sales = _customers(db, flt, names=False)
    customers.sort(key=lambda c: -c.sales)
    # Names only for the top (and whoever ties with the last of it), which settle the order of ties.
    cut = [c for c in customers if c.sales >= customers[TOP_CUSTOMERS - 1].sales] if customers[TOP_CUSTOMERS:] \
        else customers
    names = customer_names(db, [c.id for c in cut])
    top = sorted((replace(c, name=names.get(c.id, "")) for c in cut),
                 key=lambda c: (-c.sales, c.name.casefold(), c.id))[:TOP_CUSTOMERS]
    columns = (Column("customer", "text"), Column("sales", "money"), Column("orders", "count"),
               Column("share", "percent"), Column("last_order", "date"))
    rows = tuple((c.name, c.sales, c.orders, percent(c.sales, total_sales), c.last_order) for c in top)
    total = ("", total_sales, sum(c.orders for c in customers), 100.0 if total_sales else None, None)
    return ReportTable("top_customers", columns, rows, total, Chart("hbar", "customer", ("sales",)),
                       tuple(c.id for c in top), "total_all_customers" if len(customers) > len(top) else "")


def stored_weights(db: Database) -> Weights:
    """The ranking's weights as the owner set them (`services.settings.set_rfm_weights`)."""
    stmt = select(Setting.value).where(Setting.id == fixed_id("setting", WEIGHTS_KEY), Setting.deleted_at.is_(None))
    with db.engine.connect() as conn:
        return parse_weights(conn.execute(stmt).scalar() or "")


RFM_COLUMNS = (
    Column("rank", "count"), Column("customer", "text"), Column("rfm_group", "key"), Column("last_order", "date"),
    Column("recency", "days"), Column("orders", "count"), Column("sales", "money"), Column("recency_score", "count"),
    Column("frequency_score", "count"), Column("monetary_score", "count"), Column("rfm_score", "percent"),
)


def rfm(db: Database, flt: ReportFilter, today: date, weights: Weights) -> ReportTable:
    """Every customer with a sale in the period, ranked by the weighted RFM score (`crm_desktop.rfm`).

    Recency is the days from their last order in the period to the period's last day (today while
    the period is not over); frequency their orders and money their sales in the period. A period
    under 12 months gets the note "rfm_short_period": a month cannot tell a regular customer from a
    one-off, nor show one going quiet (the window is the caller's: a year of lines takes seconds to
    read on the large demo, so it is not widened behind the user's back). Scores are
    1-5 by fifths among these customers; the weighted score is on 0-100. Group "top": the 10 best
    scores; "at_risk": recency score 1-2 but frequency and money scores averaging 4 or more (they
    bought often and much, and have gone quiet; this wins over "top"); "other" for the rest.
    Best score first (ties: more sales first)."""
    customers, _ = _customers(db, flt)
    scored = sorted(_scored(customers, flt, today, weights), key=_ranked)
    lowest, span = weights.total, (SCORES - 1) * weights.total  # all scores 1 .. all scores 5
    rows = []
    for rank, (points, c, days, r, f, m) in enumerate(scored, start=1):
        rows.append((rank, c.name, _group(rank, r, f, m), c.last_order, days, c.orders, c.sales, r, f, m,
                     percent(points - lowest, span)))
    short = shift_months(flt.start, RFM_MONTHS) > flt.end
    return ReportTable("rfm", RFM_COLUMNS, tuple(rows), None, None, tuple(s[1].id for s in scored),
                       "rfm_short_period" if short else "")


_Scored = tuple[int, _Customer, int, int, int, int]  # points, customer, recency in days, the r, f, m scores


def _scored(customers: list[_Customer], flt: ReportFilter, today: date, weights: Weights) -> list[_Scored]:
    as_of = min(today, flt.end - timedelta(days=1))
    recency = [max(0, (as_of - c.last_order).days) for c in customers]
    r_scores = fifth_scores([-days for days in recency])
    f_scores = fifth_scores([c.orders for c in customers])
    m_scores = fifth_scores([c.sales for c in customers])
    return [(weights.points(r, f, m), c, days, r, f, m)
            for c, days, r, f, m in zip(customers, recency, r_scores, f_scores, m_scores, strict=True)]


def _ranked(s: _Scored) -> tuple[int, int, str, str]:
    return -s[0], -s[1].sales, s[1].name.casefold(), s[1].id


def _group(rank: int, r: int, f: int, m: int) -> str:
    return "at_risk" if at_risk(r, f, m) else "top" if rank <= TOP_RANKED else "other"


def rfm_classes(db: Database, flt: ReportFilter, today: date) -> dict[str, set[str]]:
    """The customer ids of each group of the ranking (`rfm_ranking`: top, at_risk, other), without
    reading every customer's name: names settle only ties, so they are read for the customers who may
    be among the first `TOP_RANKED` (the names' lookups were half of a year's ranking on the large demo)."""
    customers, _ = _customers(db, flt, names=False, in_id_order=True)  # a year: in the order of the ids
    scored = sorted(_scored(customers, flt, today, stored_weights(db)), key=_ranked)
    if len(scored) > TOP_RANKED:  # the first ten: whoever ties on score and sales with the tenth, by name
        last = _ranked(scored[TOP_RANKED - 1])[:2]
        cut = next((i for i, s in enumerate(scored) if _ranked(s)[:2] > last), len(scored))
        names = customer_names(db, [s[1].id for s in scored[:cut]])
        scored[:cut] = sorted(((p, replace(c, name=names.get(c.id, "")), *rest) for p, c, *rest in scored[:cut]),
                              key=_ranked)
    found: dict[str, set[str]] = {"top": set(), "at_risk": set(), "other": set()}
    for rank, (_points, c, _days, r, f, m) in enumerate(scored, start=1):
        if c.id is not None:  # sales without a customer are ranked, but are no one
            found[_group(rank, r, f, m)].add(c.id)
    return found


def rfm_ranking(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """The ranking with the weights the owner stored."""
    return rfm(db, flt, today, stored_weights(db))


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "top_customers": top_customers,
    "rfm": rfm_ranking,
}
