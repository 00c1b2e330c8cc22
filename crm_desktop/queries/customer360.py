"""The customer 360 page's figures: one account (with its contacts, deals, quotations and orders) or
one contact (a B2C customer: the documents that name them) seen whole.

Definitions (docs/ARCHITECTURE.md "Customer 360" says the same):
- A *sale* is a live sales order, confirmed or later (confirmed, partly delivered, delivered,
  invoiced): a draft is not sold yet and a cancelled order never was. Deleted lines do not count.
- *Lifetime value* is the sum of the sales' grand totals (VAT included, after line and bill
  discounts), each computed from its lines by `money.document_totals` over sums taken in SQL with
  the line formula of `db/line_amounts.py`; *average order* is that sum over the number of sales.
- *Purchase history* groups the sales' lines by product (free-text lines by their description):
  orders, quantity, amount (the lines' net after their own discounts, before the bill discount and
  VAT), first and last day bought, and the *usual interval*: the median of the days between
  consecutive distinct days the item was bought (None with fewer than two such days).
- *Last contact* is the latest day, up to today, of an activity of the customer that is done, or a
  call, meeting or visit that was not cancelled.
- *Next best*: (a) products that customers who bought the same things also bought: the seeds are
  the customer's `SEEDS` most-bought products, leaving out best sellers (see `_seeds`: their
  buyers are everyone, which says nothing and costs the most); for every other active product, the number of other
  customers who bought it and a seed, with the seed that gives the largest number as the reason
  ("bought by 34 of 50 customers who bought X"); (b) items due again: the customer's own usual
  interval since the last purchase brings the due day within `DUE_AHEAD_DAYS`.
A customer, when counting customers, is an order's account, else its contact.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from itertools import pairwise
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
)

from crm_desktop.clock import office_time
from crm_desktop.db.database import Database
from crm_desktop.db.line_amounts import line_discount, line_gross, line_net
from crm_desktop.db.spelling import total
from crm_desktop.models import (
    Account,
    Activity,
    Anniversary,
    Contact,
    ContactLink,
    Opportunity,
    Product,
    Quotation,
    QuotationLine,
    SalesOrder,
    SalesOrderLine,
    Stage,
    User,
)
from crm_desktop.money import document_totals, round_half_up
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.anniversaries import falls_on
from crm_desktop.queries.listing import CHUNK
from crm_desktop.queries.reports.measure import SOLD
from crm_desktop.queries.stages import StageRow, default_stage_key
from crm_desktop.queries.timeline import activity_links

Kind = Literal["account", "contact"]
OPEN_ORDER = ("draft", "confirmed", "partly_delivered")  # not delivered, invoiced or cancelled
OPEN_QUOTATION = ("draft", "sent")
CONTACT_KINDS = ("call", "meeting", "visit")  # a contact even when nobody marked it done
ANNIVERSARY_DAYS = 60  # upcoming anniversaries: today and the 60 days after it
DUE_AHEAD_DAYS = 14  # re-purchase due up to two weeks from today
SEEDS = 5  # the customer's most-bought products that "bought together" starts from…
SEED_LINES = 400  # …as long as their order lines, every customer's, stay within this many
SEED_PROBES = 40  # products looked at for seeds
SUGGESTIONS = 5


# --- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    kind: Kind
    id: str
    name: str
    tax_id: str
    branch_code: str
    segment: str
    industry: str
    owner_name: str
    phone: str  # E.164 as stored (a contact's mobile, else phone)
    email: str
    line_id: str
    address: tuple[str, str, str, str, str]  # line, subdistrict, district, province, postcode
    account_id: str | None  # a contact's company
    account_name: str


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    position: str
    mobile: str
    email: str


@dataclass(frozen=True)
class LinkRow:
    """Who knows whom, read as "`name` is `kind` of `other_name`"."""

    id: str
    contact_id: str
    name: str
    kind: str
    other_contact_id: str
    other_name: str
    note: str


@dataclass(frozen=True)
class Relations:
    parent: tuple[str, str] | None  # (id, name) of the parent company
    subsidiaries: tuple[tuple[str, str], ...]
    contacts: tuple[PersonRow, ...]
    links: tuple[LinkRow, ...]


@dataclass(frozen=True)
class DealRow:
    id: str
    name: str
    stage: StageRow
    amount_satang: int
    expected_close: date | None
    late: bool  # the expected close day has passed


@dataclass(frozen=True)
class DocumentRow:
    kind: Literal["quotation", "sales_order"]
    id: str
    number: str
    revision: int
    status: str
    issued_on: date
    grand_total_satang: int
    due_on: date | None  # a quotation's validity, an order's earliest open promised day
    late: bool  # a quotation past its validity; an order with a line promised before today and not delivered


@dataclass(frozen=True)
class HistoryRow:
    product_id: str | None  # None for a free-text line
    sku: str
    name: str
    unit: str
    orders: int
    quantity_milli: int
    amount_satang: int
    first_on: date
    last_on: date
    interval_days: int | None  # median days between purchases

    @property
    def due_on(self) -> date | None:
        return self.last_on + timedelta(days=self.interval_days) if self.interval_days else None


@dataclass(frozen=True)
class UpcomingDate:
    kind: str  # "birthday", "founding", "custom"
    on: date
    title: str  # a custom date's title
    who: str  # the contact's or the account's name
    years: int | None  # age or years since, when the year is known


@dataclass(frozen=True)
class Figures:
    lifetime_value_satang: int
    orders: int
    average_order_satang: int  # rounded half up
    last_order_on: date | None
    last_contact_on: date | None


@dataclass(frozen=True)
class Customer360:
    profile: Profile
    figures: Figures
    relations: Relations
    deals: tuple[DealRow, ...]
    quotations: tuple[DocumentRow, ...]
    orders: tuple[DocumentRow, ...]
    history: tuple[HistoryRow, ...]  # most orders first
    anniversaries: tuple[UpcomingDate, ...]
    due: tuple[HistoryRow, ...]  # re-purchase due, soonest first


@dataclass(frozen=True)
class Suggestion:
    product_id: str
    sku: str
    name: str
    together: int  # customers who bought it and `because_name`
    because_id: str
    because_name: str
    buyers: int  # customers (other than this one) who bought `because_name`


# --- scope --------------------------------------------------------------------------------------


# Statements are built once per kind of customer (building one cost more than running it), with
# the customer's id as this parameter.
RECORD = bindparam("record_id", type_=String())


def _scope(model: Any, kind: Kind, record_id: Any) -> ColumnElement[bool]:
    return (model.account_id if kind == "account" else model.contact_id) == record_id


def _sales(kind: Kind, record_id: Any) -> list[ColumnElement[bool]]:
    return [_scope(SalesOrder, kind, record_id), SalesOrder.deleted_at.is_(None), SalesOrder.status.in_(SOLD)]


def _live_line(line: Any, doc_column: Any) -> ColumnElement[bool]:
    return and_(line.deleted_at.is_(None), doc_column)


# --- the page -----------------------------------------------------------------------------------


def customer_360(db: Database, kind: Kind, record_id: str, today: date, now: datetime) -> Customer360 | None:
    """Everything the page shows but the "bought together" suggestions (`next_best`); None when the
    record was deleted."""
    with db.engine.connect() as conn:
        found = _profile(conn, kind, record_id)
        if found is None:
            return None
        totals = order_totals(conn, kind, record_id)
        history = _history(conn, kind, record_id)
        orders = len(totals)
        value = sum(total for _id, _on, total in totals)
        figures = Figures(value, orders, round_half_up(value, orders) if orders else 0,
                          max((on for _id, on, _t in totals), default=None), _last_contact(conn, kind, record_id, now))
        horizon = today + timedelta(days=DUE_AHEAD_DAYS)
        due = sorted((h for h in history if h.product_id and h.due_on is not None and h.due_on <= horizon),
                     key=lambda h: (h.due_on, h.name, h.product_id))
        active = _active_products(conn, [h.product_id for h in due if h.product_id])
        return Customer360(
            found, figures, _relations(conn, kind, record_id, found.account_id), _deals(conn, kind, record_id, today),
            _quotations(conn, kind, record_id, today), _open_orders(conn, kind, record_id, today), history,
            _anniversaries(conn, kind, record_id, today), tuple(h for h in due if h.product_id in active),
        )


def _profile(conn: Connection, kind: Kind, record_id: str) -> Profile | None:
    if kind == "account":
        row = conn.execute(
            select(Account.name, Account.tax_id, Account.branch_code, Account.segment, Account.industry,
                   func.coalesce(User.name, ""), Account.phone, Account.email, Account.address_line,
                   Account.subdistrict, Account.district, Account.province, Account.postcode)
            .outerjoin(User, User.id == Account.owner_id)
            .where(Account.id == record_id, Account.deleted_at.is_(None))
        ).first()
        if row is None:
            return None
        return Profile("account", record_id, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], "",
                       tuple(row[8:13]), None, "")  # type: ignore[arg-type]
    employer = Account.__table__.alias("employer")
    row = conn.execute(
        select(Contact.prefix, Contact.first_name, Contact.last_name, func.coalesce(User.name, ""),
               Contact.mobile, Contact.phone, Contact.email, Contact.line_id, Contact.address_line,
               Contact.subdistrict, Contact.district, Contact.province, Contact.postcode, employer.c.id,
               func.coalesce(employer.c.name, ""))
        .outerjoin(User, User.id == Contact.owner_id)
        .outerjoin(employer, and_(employer.c.id == Contact.account_id, employer.c.deleted_at.is_(None)))
        .where(Contact.id == record_id, Contact.deleted_at.is_(None))
    ).first()
    if row is None:
        return None
    return Profile("contact", record_id, full_name(row[0], row[1], row[2]), "", "", "", "", row[3], row[4] or row[5],
                   row[6], row[7], tuple(row[8:13]), row[13], row[14])  # type: ignore[arg-type]


def order_totals(conn: Connection, kind: Kind, record_id: str) -> list[tuple[str, date, int]]:
    """(order id, issued on, grand total) of the customer's sales, oldest first."""
    return [(order_id, on, grand_total((gross, discounts, vatable, bill, vat_bp, inclusive)))
            for order_id, on, bill, vat_bp, inclusive, gross, discounts, vatable
            in conn.execute(_order_totals(kind), {"record_id": record_id})]


@cache
def _order_totals(kind: Kind) -> Select[Any]:
    line = SalesOrderLine
    net = line_net(line)
    return (
        select(SalesOrder.id, SalesOrder.issued_on, SalesOrder.bill_discount_satang, SalesOrder.vat_bp,
               SalesOrder.prices_include_vat, func.coalesce(total(line_gross(line)), 0),
               func.coalesce(total(line_discount(line)), 0),
               func.coalesce(total(case((line.vatable, net), else_=0)), 0))
        .select_from(SalesOrder)
        .outerjoin(line, _live_line(line, line.order_id == SalesOrder.id))
        .where(*_sales(kind, RECORD))
        .group_by(SalesOrder.id)
        .order_by(SalesOrder.issued_on, SalesOrder.id)
    )


def _history(conn: Connection, kind: Kind, record_id: str) -> tuple[HistoryRow, ...]:
    sums_stmt, days_stmt = _history_statements(kind)
    params = {"record_id": record_id}
    sums = conn.execute(sums_stmt, params).all()
    days: dict[str, list[date]] = defaultdict(list)
    for item, on in conn.execute(days_stmt, params):
        days[item].append(on)
    rows = [HistoryRow(product_id, sku, name, unit, orders, qty, amount, first, last, usual_interval(days[item]))
            for item, product_id, sku, name, unit, orders, qty, amount, first, last in sums]
    rows.sort(key=lambda h: (-h.orders, -h.amount_satang, h.name, h.product_id or ""))
    return tuple(rows)


@cache
def _history_statements(kind: Kind) -> tuple[Select[Any], Select[Any]]:
    """The sums by item, and the distinct (item, day) pairs for the intervals."""
    line = SalesOrderLine
    key = func.coalesce(line.product_id, line.description)
    base = (
        select(key.label("key"))
        .select_from(SalesOrder)
        .join(line, _live_line(line, line.order_id == SalesOrder.id))
        .where(*_sales(kind, RECORD))
    )
    sums = (
        # one value per item (the key is the product, or the text of a free line): max() says which
        # to a server; SQLite took any row's
        base.add_columns(func.max(line.product_id), func.max(func.coalesce(Product.sku, "")),
                         func.max(func.coalesce(Product.name_th, line.description)),
                         func.max(func.coalesce(Product.unit, line.unit)), func.count(func.distinct(SalesOrder.id)),
                         total(line.quantity_milli), total(line_net(line)), func.min(SalesOrder.issued_on),
                         func.max(SalesOrder.issued_on))
        .outerjoin(Product, Product.id == line.product_id)
        .group_by(key)
    )
    return sums, base.add_columns(SalesOrder.issued_on).distinct().order_by(key, SalesOrder.issued_on)


def usual_interval(days: Sequence[date]) -> int | None:
    """The median of the gaps between consecutive distinct days, in whole days (halves up)."""
    distinct = sorted(set(days))
    gaps = [(b - a).days for a, b in pairwise(distinct)]
    if not gaps:
        return None
    return round_half_up(int(2 * statistics.median(gaps)), 2)


def _active_products(conn: Connection, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    stmt = select(Product.id).where(Product.id.in_(list(ids)), Product.deleted_at.is_(None), Product.active)
    return set(conn.execute(stmt).scalars())


def _last_contact(conn: Connection, kind: Kind, record_id: str, now: datetime) -> date | None:
    params = {"record_id": record_id, "now": now, "today": office_time(now).date()}
    timed, dated = conn.execute(_last_contact_statement(kind), params).one()
    days = [d for d in (office_time(timed).date() if timed else None, dated) if d is not None]
    return max(days, default=None)


@cache
def _last_contact_statement(kind: Kind) -> Select[Any]:
    counted = and_(
        activity_links(kind, RECORD), Activity.deleted_at.is_(None), Activity.rrule == "",
        or_(Activity.status == "done", and_(Activity.kind.in_(CONTACT_KINDS), Activity.status != "cancelled")),
    )
    now, today = bindparam("now", type_=DateTime()), bindparam("today", type_=Date())
    return (select(func.max(case((Activity.starts_at <= now, Activity.starts_at))),
                   func.max(case((Activity.starts_at.is_(None) & (Activity.due_on <= today), Activity.due_on))))
            .where(counted))


def _relations(conn: Connection, kind: Kind, record_id: str, account_id: str | None) -> Relations:
    parent: tuple[str, str] | None = None
    children: tuple[tuple[str, str], ...] = ()
    people: tuple[PersonRow, ...] = ()
    if kind == "account":
        parent_table = Account.__table__.alias("parent")
        found = conn.execute(
            select(parent_table.c.id, parent_table.c.name)
            .select_from(Account)
            .join(parent_table, and_(parent_table.c.id == Account.parent_id, parent_table.c.deleted_at.is_(None)))
            .where(Account.id == record_id)
        ).first()
        parent = (found[0], found[1]) if found else None
        children = tuple((r[0], r[1]) for r in conn.execute(
            select(Account.id, Account.name).where(Account.parent_id == record_id, Account.deleted_at.is_(None))
            .order_by(Account.name, Account.id)))
        people = tuple(
            PersonRow(r[0], full_name(r[1], r[2], r[3]), r[4], r[5], r[6]) for r in conn.execute(
                select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.position,
                       Contact.mobile, Contact.email)
                .where(Contact.account_id == record_id, Contact.deleted_at.is_(None))
                .order_by(Contact.first_name, Contact.last_name, Contact.id)))
    ids = [p.id for p in people] if kind == "account" else [record_id]
    return Relations(parent, children, people, contact_links(conn, ids))


def contact_links(conn: Connection, contact_ids: Sequence[str]) -> tuple[LinkRow, ...]:
    """The live links with one of `contact_ids` on either side, between live people."""
    if not contact_ids:
        return ()
    one, other = Contact.__table__.alias("one"), Contact.__table__.alias("other")
    stmt = (
        select(ContactLink.id, one.c.id, one.c.prefix, one.c.first_name, one.c.last_name, ContactLink.kind,
               other.c.id, other.c.prefix, other.c.first_name, other.c.last_name, ContactLink.note)
        .join(one, and_(one.c.id == ContactLink.contact_id, one.c.deleted_at.is_(None)))
        .join(other, and_(other.c.id == ContactLink.other_contact_id, other.c.deleted_at.is_(None)))
        .where(ContactLink.deleted_at.is_(None),
               or_(ContactLink.contact_id.in_(list(contact_ids)), ContactLink.other_contact_id.in_(list(contact_ids))))
    )
    rows = [LinkRow(r[0], r[1], full_name(r[2], r[3], r[4]), r[5], r[6], full_name(r[7], r[8], r[9]), r[10])
            for r in conn.execute(stmt)]
    rows.sort(key=lambda r: (r.name, r.other_name, r.kind, r.id))
    return tuple(rows)


def _deals(conn: Connection, kind: Kind, record_id: str, today: date) -> tuple[DealRow, ...]:
    return tuple(
        DealRow(i, n, StageRow(*stage, default_stage_key(stage[0])), a, c, c is not None and c < today)
        for i, n, a, c, *stage in conn.execute(_deals_statement(kind), {"record_id": record_id}))


@cache
def _deals_statement(kind: Kind) -> Select[Any]:
    return (
        select(Opportunity.id, Opportunity.name, Opportunity.amount_satang, Opportunity.expected_close, Stage.id,
               Stage.name, Stage.position, Stage.probability, Stage.kind)
        .join(Stage, Stage.id == Opportunity.stage_id)
        .where(_scope(Opportunity, kind, RECORD), Opportunity.deleted_at.is_(None), Stage.kind == "open")
        .order_by(Opportunity.expected_close.is_(None), Opportunity.expected_close, Opportunity.name, Opportunity.id)
    )


def document_sums(line: Any, parent: Any) -> list[ColumnElement[Any]]:
    net = line_net(line)
    return [func.coalesce(total(line_gross(line)), 0), func.coalesce(total(line_discount(line)), 0),
            func.coalesce(total(case((line.vatable, net), else_=0)), 0), parent.bill_discount_satang,
            parent.vat_bp, parent.prices_include_vat]


def grand_total(sums: Sequence[Any]) -> int:
    """A document's grand total from its line sums. The services never let a bill discount exceed the
    lines, but two copies' edits merged by a sync can (one deletes lines, the other adds a discount):
    the page then takes the discount as at most the lines' amount instead of failing."""
    gross, discounts, vatable, bill, vat_bp, inclusive = sums
    bill = min(bill, gross - discounts)
    return document_totals(gross, discounts, vatable, bill, vat_bp, bool(inclusive)).grand_total


def _quotations(conn: Connection, kind: Kind, record_id: str, today: date) -> tuple[DocumentRow, ...]:
    """Open quotations: the latest revision of each number, not superseded, draft or sent."""
    return tuple(
        DocumentRow("quotation", r[0], r[1], r[2], r[3], r[4], grand_total(r[6:12]), r[5],
                    r[3] == "sent" and r[5] is not None and r[5] < today)
        for r in conn.execute(_quotations_statement(kind), {"record_id": record_id}))


@cache
def _quotations_statement(kind: Kind) -> Select[Any]:
    line = QuotationLine
    later = Quotation.__table__.alias("later")
    newer = (select(later.c.id).where(later.c.number == Quotation.number, later.c.revision > Quotation.revision,
                                      later.c.deleted_at.is_(None)).exists())
    return (
        select(Quotation.id, Quotation.number, Quotation.revision, Quotation.status, Quotation.issued_on,
               Quotation.valid_until, *document_sums(line, Quotation))
        .select_from(Quotation)
        .outerjoin(line, _live_line(line, line.quotation_id == Quotation.id))
        .where(_scope(Quotation, kind, RECORD), Quotation.deleted_at.is_(None), Quotation.status.in_(OPEN_QUOTATION),
               Quotation.superseded.is_(False), ~newer)
        .group_by(Quotation.id)
        .order_by(Quotation.issued_on.desc(), Quotation.number)
    )


def _open_orders(conn: Connection, kind: Kind, record_id: str, today: date) -> tuple[DocumentRow, ...]:
    return tuple(
        DocumentRow("sales_order", r[0], r[1], 1, r[2], r[3], grand_total(r[5:11]), r[4],
                    r[2] != "draft" and r[4] is not None and r[4] < today)
        for r in conn.execute(_open_orders_statement(kind), {"record_id": record_id}))


@cache
def _open_orders_statement(kind: Kind) -> Select[Any]:
    line = SalesOrderLine
    open_promise = case((line.delivered_milli < line.quantity_milli, line.promised_on))
    return (
        select(SalesOrder.id, SalesOrder.number, SalesOrder.status, SalesOrder.issued_on, func.min(open_promise),
               *document_sums(line, SalesOrder))
        .select_from(SalesOrder)
        .outerjoin(line, _live_line(line, line.order_id == SalesOrder.id))
        .where(_scope(SalesOrder, kind, RECORD), SalesOrder.deleted_at.is_(None), SalesOrder.status.in_(OPEN_ORDER))
        .group_by(SalesOrder.id)
        .order_by(SalesOrder.issued_on.desc(), SalesOrder.number)
    )


def _anniversaries(conn: Connection, kind: Kind, record_id: str, today: date) -> tuple[UpcomingDate, ...]:
    """Birthdays of the customer's people, the company's founding day and custom dates on any of
    them falling today to `ANNIVERSARY_DAYS` days ahead (29 February on the 28th in common years)."""
    people_cond = Contact.account_id == record_id if kind == "account" else Contact.id == record_id
    people = conn.execute(select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.birthday)
                          .where(people_cond, Contact.deleted_at.is_(None))).all()
    names = {p[0]: full_name(p[1], p[2], p[3]) for p in people}
    found: list[UpcomingDate] = []
    for contact_id, *_name, born in people:
        if born is not None:
            found += _next("birthday", born.month, born.day, born.year, "", names[contact_id], today)
    customs = Anniversary.contact_id.in_(list(names))
    if kind == "account":
        company = conn.execute(select(Account.name, Account.founded_on).where(Account.id == record_id)).one()
        if company[1] is not None:
            found += _next("founding", company[1].month, company[1].day, company[1].year, "", company[0], today)
        names[record_id] = company[0]
        customs = or_(customs, Anniversary.account_id == record_id)
    for title, month, day, year, contact_id, account_id in conn.execute(
            select(Anniversary.title, Anniversary.month, Anniversary.day, Anniversary.year, Anniversary.contact_id,
                   Anniversary.account_id).where(customs, Anniversary.deleted_at.is_(None))):
        found += _next("custom", month, day, year, title, names.get(contact_id or account_id or "", ""), today)
    found.sort(key=lambda u: (u.on, u.kind, u.who, u.title))
    return tuple(found)


def _next(kind: str, month: int, day: int, since: int | None, title: str, who: str, today: date) -> list[UpcomingDate]:
    """The date's next falling within the window, if any (not before the year it started)."""
    for year in (today.year, today.year + 1):
        on = falls_on(year, month, day)
        if today <= on <= today + timedelta(days=ANNIVERSARY_DAYS) and (since is None or year > since):
            return [UpcomingDate(kind, on, title, who, None if since is None else year - since)]
    return []


# --- next best ----------------------------------------------------------------------------------


def _customer() -> ColumnElement[str]:
    return func.coalesce(SalesOrder.account_id, SalesOrder.contact_id)


def _own_keys(conn: Connection, kind: Kind, record_id: str) -> list[str]:
    """What this customer is called when customers are counted (an order's account, else its contact)."""
    if kind == "account":
        return [record_id]
    employer = conn.execute(select(Contact.account_id).where(Contact.id == record_id)).scalar()
    return [record_id] + ([employer] if employer else [])


def next_best(db: Database, kind: Kind, record_id: str, limit: int = SUGGESTIONS) -> tuple[Suggestion, ...]:
    """Products other customers who bought this one's seeds also bought, best first (see the module
    docstring); ties go to the smaller seed (a larger share), then the product's SKU and id."""
    with db.engine.connect() as conn:
        mine = conn.execute(_mine_statement(kind), {"record_id": record_id}).all()
        if not mine:
            return ()
        mine.sort(key=lambda r: (-r[1], -r[2].toordinal(), r[0]))
        seeds = _seeds(conn, [r[0] for r in mine])
        own = _own_keys(conn, kind, record_id)
        seed_buyers: dict[str, set[str]] = defaultdict(set)
        for seed, customer in conn.execute(_SEED_BUYERS, {"seeds": seeds, "own": own}):
            seed_buyers[seed].add(customer)
        baskets = _baskets(conn, sorted(set().union(*seed_buyers.values())))
        owned = {r[0] for r in mine}
        best: dict[str, tuple[int, int, str]] = {}
        for seed, buyers in seed_buyers.items():
            together: dict[str, int] = defaultdict(int)
            for customer in buyers:
                for product in baskets.get(customer, ()):
                    together[product] += 1
            for product, count in together.items():
                if product not in owned:
                    key = (count, -len(buyers), seed)
                    best[product] = max(best.get(product, key), key)
        names = _product_names(conn, list(best) + seeds)
        ranked = sorted(((p, k) for p, k in best.items() if p in names and names[p][2]),
                        key=lambda pk: (-pk[1][0], -pk[1][1], names[pk[0]][0], pk[0]))
        return tuple(
            Suggestion(p, names[p][0], names[p][1], count, seed, names[seed][1], -neg_buyers)
            for p, (count, neg_buyers, seed) in ranked[:limit]
        )


@cache
def _mine_statement(kind: Kind) -> Select[Any]:
    """The products the customer bought: orders and the last day, for the seeds."""
    line = SalesOrderLine
    return (select(line.product_id, func.count(func.distinct(SalesOrder.id)), func.max(SalesOrder.issued_on))
            .select_from(SalesOrder)
            .join(line, _live_line(line, line.order_id == SalesOrder.id))
            .where(*_sales(kind, RECORD), line.product_id.is_not(None))
            .group_by(line.product_id))


def _baskets(conn: Connection, customers: Sequence[str]) -> dict[str, set[str]]:
    """The products each customer bought (their sales). Two lookups with the ids listed, each from
    covering indexes (migration 0016): as one join, SQLite built a Bloom filter over every order line
    first. A contact's orders without an account are found by the contact's index ("account_id IS
    NULL" would lure SQLite onto the account index, reading every B2C order)."""
    found: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(customers), CHUNK):
        ids = list(customers[start:start + CHUNK])
        for stmt in _BASKETS:
            for customer, product in conn.execute(stmt, {"ids": ids}):
                found[customer].add(product)
    return found


def _basket_statement(column: Any, *extra: ColumnElement[bool]) -> Select[Any]:
    line = SalesOrderLine
    return (select(column, line.product_id).distinct()
            .select_from(SalesOrder)
            .join(line, _live_line(line, line.order_id == SalesOrder.id))
            .where(column.in_(bindparam("ids", expanding=True)), *extra, SalesOrder.deleted_at.is_(None),
                   SalesOrder.status.in_(SOLD), line.product_id.is_not(None)))


_BASKETS = (_basket_statement(SalesOrder.account_id),
            _basket_statement(SalesOrder.contact_id, func.coalesce(SalesOrder.account_id, "") == ""))
_SEED_BUYERS = (
    select(SalesOrderLine.product_id, _customer()).distinct()
    .select_from(SalesOrderLine)
    .join(SalesOrder, SalesOrder.id == SalesOrderLine.order_id)
    .where(SalesOrderLine.product_id.in_(bindparam("seeds", expanding=True)), SalesOrderLine.deleted_at.is_(None),
           SalesOrder.deleted_at.is_(None), SalesOrder.status.in_(SOLD),
           _customer().not_in(bindparam("own", expanding=True)))
)
_SEED_SIZE = select(func.count()).select_from(
    select(SalesOrderLine.product_id).where(SalesOrderLine.product_id == bindparam("product", type_=String()))
    .limit(bindparam("cap", type_=Integer())).subquery())


def _seeds(conn: Connection, preferred: Sequence[str]) -> list[str]:
    """Up to `SEEDS` of the customer's products, most bought first, whose lines (every customer's)
    stay within `SEED_LINES` together: counting the other buyers' baskets costs what they bought,
    so a best seller that everyone buys is left out (it says little about anyone's taste anyway).
    When every product is such a best seller, the least sold one is the seed."""
    seeds: list[str] = []
    used = 0
    sizes: list[tuple[int, str]] = []
    for product in preferred[:SEED_PROBES]:
        size = conn.execute(_SEED_SIZE, {"product": product, "cap": SEED_LINES + 1}).scalar_one()
        sizes.append((size, product))
        if used + size <= SEED_LINES:
            seeds.append(product)
            used += size
            if len(seeds) == SEEDS:
                break
    return seeds or [min(sizes)[1]]


def _product_names(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str, bool]]:
    """sku, Thai name and whether it can be sold now (live and active), by id."""
    found: dict[str, tuple[str, str, bool]] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):
        for pid, sku, name, active, deleted in conn.execute(
                select(Product.id, Product.sku, Product.name_th, Product.active, Product.deleted_at)
                .where(Product.id.in_(unique[start:start + 500]))):
            found[pid] = (sku, name, bool(active) and deleted is None)
    return found
