"""Read side of alerts: what each active rule finds now, the open alerts of a person, and their text.

Each rule kind is one SQL statement over indexed columns (`find_alerts` runs them; the scan writes what
they find through services/alerts.py). Every finding names the period it is about (a month, the day a
deal entered its stage, a validity end, a due time, a birthday's year): its alert's id is fixed by
(rule, record, period), so a re-scan finds the same alert again and does not duplicate it, and a
new period (a customer contacted and quiet again, a new month) is a new alert.

- big_spender: a customer (an order's account, else its contact) whose sales this month (office
  month, `reports.measure` amounts: before VAT, after discounts) exceed the amount.
- quiet_top_customer: a top customer with no contact for N days or more: its last contact (an activity
  marked done, on its office day: `last_contact_on`, kept by db/kept.py, as segments read it) falls on or
  before today − N, or it has none.
- stuck_deal: an open deal whose last stage move (or creation) fell on an office day N days or more ago.
- quotation_expiring: a sent, current quotation valid until a day from today to today + N.
- late_order: a sale with a live line not fully delivered whose promised day is N days or more ago.
- case_sla: an open case (not resolved nor closed) whose first response, not given yet, or whose
  resolution is due within N hours ("near") or was due before now ("past"): one alert for each.
- top_birthday: a contact who is a top customer (or works for one) with a birthday from today to today + N.

A *top customer* is one in the top fifth by sales over the last 12 months: `rfm.fifth_scores`' score
5, "better than at least 80 % of the customers", counted in SQL (5 × those strictly lower ≥ 4 × all).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Subquery, and_, func, or_, select

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.db.spelling import inline
from crm_desktop.db.value_sets import ValueSet, one_of
from crm_desktop.models import (
    Account,
    Alert,
    AlertDismissal,
    AlertRule,
    Case,
    Change,
    Contact,
    Opportunity,
    Quotation,
    SalesOrder,
    SalesOrderLine,
    Stage,
    StageHistory,
    User,
)
from crm_desktop.models.base import month_day
from crm_desktop.models.planning import ALERT_PARAMS, AlertFinding
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.anniversaries import _year_spans, falls_on
from crm_desktop.queries.reports.measure import SOLD, ReportFilter, customer_id, order_sales, sold, touched_days
from crm_desktop.queries.reports.sales import shift_months

# Kinds whose findings follow the office day (a threshold in days; a stage move or a contact during the
# day only ends one): the app evaluates them at the day's first round and after a sync or a rule change,
# the others (amounts this month, due times in hours, documents sent today) every round.
DAILY_KINDS = frozenset(("quiet_top_customer", "stuck_deal", "top_birthday"))
TOP_MONTHS = 12  # a top customer's sales are counted over this many months
CLOSED_CASE = ("resolved", "closed")  # the statuses of a case that is no longer open

_EMPLOYER = Account.__table__.alias("employer")


@dataclass(frozen=True)
class Rule:
    """A rule as the scan and the rule editor read it: its parameters with the kind's defaults filled in,
    and its version (`hlc`) for the editor's save."""

    id: str
    name: str
    kind: str
    params: dict[str, int]
    make_task: bool
    active: bool = True
    version: int = 0


def rule_params(kind: str, stored: str) -> dict[str, int]:
    """A rule's stored parameters, each the kind's default where missing or unusable (a value a bad sync
    left): the scan never fails on a rule."""
    try:
        given = json.loads(stored or "{}")
    except ValueError:
        given = {}
    params = {}
    for name, low, high, default in ALERT_PARAMS.get(kind, ()):
        value = given.get(name) if isinstance(given, dict) else None
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        params[name] = value if ok else default
    return params


def alert_rules(db: Database, *, active_only: bool = False) -> list[Rule]:
    """The live rules, by kind and name."""
    r = AlertRule
    stmt = (select(r.id, r.name, r.kind, r.params_json, r.make_task, r.active, r.hlc)
            .where(r.deleted_at.is_(None)).order_by(r.kind, r.name, r.id))
    if active_only:
        stmt = stmt.where(r.active.is_(True))
    with db.engine.connect() as conn:
        return [Rule(x.id, x.name, x.kind, rule_params(x.kind, x.params_json), x.make_task, x.active, x.hlc)
                for x in conn.execute(stmt) if x.kind in ALERT_PARAMS]


# --- finding -----------------------------------------------------------------------------------


@dataclass
class _Scan:
    """What one scan's finders share: the moment, the office day, and the top customers (ranked once)."""

    db: Database
    now: datetime
    today: date

    def top(self) -> frozenset[str]:
        return top_customers(self.db, self.today)

    def top_sets(self) -> tuple[ValueSet, ValueSet, ValueSet]:
        """The top customers' ids for `one_of`: the companies', the people's, and all."""
        return _ranked(self.db, self.today)[3]


def find_alerts(db: Database, rules: Iterable[Rule], now: datetime) -> list[AlertFinding]:
    """What the rules find at `now` (naive UTC; days are office days), in the rules' order."""
    scan = _Scan(db, now, office_time(now).date())
    found: list[AlertFinding] = []
    with db.engine.connect() as conn:
        for rule in rules:
            finder = _FINDERS.get(rule.kind)
            if finder is not None:
                found += finder(conn, rule, scan)
    return found


# The top customers of each open database, ranked once per office day: a year of sales lines takes about a
# second to rank on the large demo, and a day's sales barely move the top fifth.
# {id(db): (db, day, ids, (companies' ids, people's ids, all of them) as `one_of` binds them)}
_TOP: dict[int, tuple[Database, date, frozenset[str], tuple[ValueSet, ValueSet, ValueSet]]] = {}
TOP_KEPT = 4


def top_customers(db: Database, today: date) -> frozenset[str]:
    """The ids (account, else contact) of the customers in the top fifth by sales over the 12 months to
    `today`; ranked at the first ask of the day, then kept for the day."""
    return _ranked(db, today)[2]


def _ranked(db: Database, today: date) -> tuple[Database, date, frozenset[str], tuple[ValueSet, ValueSet, ValueSet]]:
    kept = _TOP.get(id(db))
    if kept is not None and kept[0] is db and kept[1] == today:
        return kept
    with db.engine.connect() as conn:
        rows = conn.execute(_top_customers(today)).all()
    split = (ValueSet.of(sorted(cid for cid, company in rows if company)),
             ValueSet.of(sorted(cid for cid, company in rows if not company)), ValueSet.of(sorted(r[0] for r in rows)))
    _TOP.pop(id(db), None)
    while len(_TOP) >= TOP_KEPT:  # the oldest first: a test run opens many databases
        del _TOP[next(iter(_TOP))]
    _TOP[id(db)] = kept = (db, today, frozenset(cid for cid, _company in rows), split)
    return kept


def forget_top_customers(db: Database) -> None:
    """Rank again at the next ask, and read this month's sales again (a test's data changed, a restore
    replaced every sale)."""
    _TOP.pop(id(db), None)
    db.memo.pop(MONTH_KEY, None)


def _customer_name(account_name: str | None, prefix: str | None, first: str | None, last: str | None) -> str:
    return account_name or full_name(prefix or "", first or "", last or "")


def _customer_columns() -> tuple[Any, ...]:
    """Columns naming the customer of a row joined to Account and Contact (outer)."""
    return Account.name, Contact.prefix, Contact.first_name, Contact.last_name


def _sales(flt: ReportFilter) -> Subquery:
    """One row per sale `flt` keeps (as `reports.sales.sales_orders`: `account_id`, `contact_id`,
    `issued_on`, `amount`), its amount from the total kept on the order (`measure.order_sales`): no
    line read but the VAT-able ones of orders whose prices include VAT."""
    o = SalesOrder
    return (select(o.account_id, o.contact_id, o.issued_on, order_sales(o).label("amount"))
            .where(*sold(flt)).subquery("sale"))


def _top_customers(today: date) -> Select[Any]:
    """The ids (account, else contact) of the customers in the top fifth by sales over the last 12 months."""
    start = shift_months(today + timedelta(days=1), -TOP_MONTHS)
    sale = _sales(ReportFilter(start, today + timedelta(days=1)))
    customer = customer_id(sale.c)
    spend = (select(customer.label("customer_id"), func.max(sale.c.account_id).label("account_id"),
                    func.sum(sale.c.amount).label("amount")).group_by(customer).subquery())
    ranked = select(spend.c.customer_id, spend.c.account_id, (func.rank().over(order_by=spend.c.amount) - 1)
                    .label("below"), func.count().over().label("everyone")).subquery()
    return (select(ranked.c.customer_id, ranked.c.account_id.is_not(None))
            .where(5 * ranked.c.below >= 4 * ranked.c.everyone))


def _big_spenders(conn: Connection, rule: Rule, scan: _Scan) -> list[AlertFinding]:
    today = scan.today
    first = today.replace(day=1)
    spent = _month_sales(conn, scan.db, first, shift_months(first, 1))
    bought = [(cid, *v) for cid, v in spent.items() if v[2] >= rule.params["amount_satang"] + 0.5]  # rounded, over
    month = first.strftime("%Y-%m")
    people = _customers(conn, [r[0] for r in bought])
    found = []
    for cid, account_id, contact_id, amount in bought:
        name, owner = people.get(cid, ("", None))
        entity = "account" if account_id else "contact"
        found.append(AlertFinding(rule.id, rule.kind, entity, cid, month, owner,
                                  {"customer": name, "amount": int(amount + 0.5), "month": month},
                                  account_id=account_id, contact_id=None if account_id else contact_id))
    return found


Sales = tuple[str | None, str | None, float]  # a customer's account, contact, amount
DaySales = dict[date, list[tuple[str, str | None, str | None, float]]]  # day: (customer, account, contact, amount)
# db.memo: (newest change then, the month's first day, DaySales, the month's Sales by customer)
MONTH_KEY = "alerts_month_sales"


def _month_sales(conn: Connection, db: Database, first: date, after: date) -> dict[str, Sales]:
    """Each customer's sales (`reports.measure` amounts) in the month [first, after), summed from its days.

    Summing the month's lines is most of a scan (70 ms on the large demo), and a past day's sales change
    only when an order or line of it does. So the days are kept (in this process) as of the newest change
    then; a later scan reads again only the days that the changes since touched (each changed order's
    day now and every day it ever had, `touched_days`), or the whole month when too much changed, the
    month turned or the file is another (its newest change is older)."""
    newest = conn.execute(select(func.max(Change.seq))).scalar() or 0  # before reading: a later change is seen
    kept = db.memo.get(MONTH_KEY)
    days: DaySales = {}
    if kept is not None and kept[1] == first and kept[0] <= newest:
        if kept[0] == newest:
            return kept[3]  # nothing changed since
        touched = touched_days(conn, kept[0])
        days = {} if touched is None else {d: v for d, v in kept[2].items() if d.isoformat() not in touched}
    wanted = [first + timedelta(days=i) for i in range((after - first).days)]
    missing = [d for d in wanted if d not in days]
    while missing:  # runs of consecutive days, one statement each
        run = 1
        while run < len(missing) and missing[run] == missing[0] + timedelta(days=run):
            run += 1
        start, end = missing[0], missing[run - 1] + timedelta(days=1)
        fresh: DaySales = {start + timedelta(days=i): [] for i in range(run)}
        sale = _sales(ReportFilter(start, end))
        customer = customer_id(sale.c)
        stmt = (select(sale.c.issued_on, customer, func.max(sale.c.account_id), func.max(sale.c.contact_id),
                       func.sum(sale.c.amount)).group_by(sale.c.issued_on, customer))
        for day, cid, account_id, contact_id, amount in conn.execute(stmt):
            fresh[day].append((cid, account_id, contact_id, amount or 0.0))
        days = {**days, **fresh}
        missing = missing[run:]
    spent: dict[str, list[Any]] = {}
    for day in days.values():
        for cid, account_id, contact_id, amount in day:
            summed = spent.setdefault(cid, [account_id, contact_id, 0.0])
            summed[2] += amount
    month = {cid: (account_id, contact_id, amount) for cid, (account_id, contact_id, amount) in spent.items()}
    db.memo[MONTH_KEY] = (newest, first, days, month)
    return month


def _customers(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """Name and owner of these customers (account or contact ids)."""
    if not ids:
        return {}
    accounts = select(Account.id, Account.name, Account.owner_id).where(one_of(Account.id, ids))
    people = (select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.owner_id)
              .where(one_of(Contact.id, ids)))
    found = {r.id: (r.name, r.owner_id) for r in conn.execute(accounts)}
    for r in conn.execute(people):
        found[r.id] = (full_name(r.prefix, r.first_name, r.last_name), r.owner_id)
    return found


def _quiet_top_customers(conn: Connection, rule: Rule, scan: _Scan) -> list[AlertFinding]:
    """The top customers' last contacts, as kept on them (db/kept.py): one statement for the companies,
    one for the people, the ids as one JSON parameter (`one_of`: 5,000 ids bound one by one cost more
    than the search)."""
    last_day = scan.today - timedelta(days=rule.params["days"])  # a contact on this day or before is too old
    found = []
    for entity, model, top in zip(("account", "contact"), (Account, Contact), scan.top_sets()[:2], strict=True):
        is_account = entity == "account"
        names = (model.name,) if is_account else (model.prefix, model.first_name, model.last_name)
        # `deleted_at` read back, not tested: SQLite would read every top customer's row for it where
        # the rows of the quiet ones are enough.
        stmt = (select(model.id, model.deleted_at, model.owner_id, model.last_contact_on, *names)
                .where(one_of(model.id, top), or_(model.last_contact_on.is_(None), model.last_contact_on <= last_day)))
        for row_id, deleted_at, owner_id, last, *shown in conn.execute(stmt):
            if deleted_at is not None:
                continue
            found.append(AlertFinding(
                rule.id, rule.kind, entity, row_id, last.isoformat() if last else "never", owner_id,
                {"customer": shown[0] if is_account else full_name(*shown), "last": last.isoformat() if last else None},
                account_id=row_id if is_account else None, contact_id=None if is_account else row_id))
    return found


def _stuck_deals(conn: Connection, rule: Rule, scan: _Scan) -> list[AlertFinding]:
    o = Opportunity
    moved = (select(func.max(StageHistory.changed_at)).where(StageHistory.opportunity_id == o.id)
             .scalar_subquery())
    entered = func.coalesce(moved, o.created_at)
    inner = (select(o.id, o.name, o.owner_id, o.account_id, o.contact_id, Stage.name.label("stage"),
                    entered.label("entered"))
             .join(Stage, Stage.id == o.stage_id)
             .where(o.deleted_at.is_(None), Stage.kind == "open").subquery())
    # entered on an office day at least N days before today: before the start of today − N + 1
    cut = utc_time(datetime.combine(scan.today - timedelta(days=rule.params["days"] - 1), time()))
    found = []
    for deal_id, name, owner_id, account_id, contact_id, stage, entered in conn.execute(
            select(inner).where(inner.c.entered < cut)):
        since = _moment(entered)
        found.append(AlertFinding(rule.id, rule.kind, "opportunity", deal_id, since, owner_id,
                                  {"deal": name, "stage": stage, "since": since},
                                  account_id=account_id, contact_id=contact_id, opportunity_id=deal_id))
    return found


def _moment(value: datetime | str) -> str:
    """A stored time as ISO text (SQLite gives a computed time back as text)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(microsecond=0).isoformat()


def _expiring_quotations(conn: Connection, rule: Rule, scan: _Scan) -> list[AlertFinding]:
    today = scan.today
    q = Quotation
    stmt = (select(q.id, q.number, q.owner_id, q.account_id, q.contact_id, q.opportunity_id, q.valid_until,
                   *_customer_columns())
            .outerjoin(Account, Account.id == q.account_id).outerjoin(Contact, Contact.id == q.contact_id)
            .where(q.deleted_at.is_(None), q.status == "sent", q.superseded.is_(False),
                   q.valid_until >= today, q.valid_until <= today + timedelta(days=rule.params["days"])))
    return [AlertFinding(rule.id, rule.kind, "quotation", r.id, r.valid_until.isoformat(), r.owner_id,
                         {"number": r.number, "customer": _customer_name(r.name, r.prefix, r.first_name, r.last_name),
                          "valid_until": r.valid_until.isoformat()},
                         account_id=r.account_id, contact_id=r.contact_id, opportunity_id=r.opportunity_id)
            for r in conn.execute(stmt)]


def _late_orders(conn: Connection, rule: Rule, scan: _Scan) -> list[AlertFinding]:
    today = scan.today
    line, o = SalesOrderLine, SalesOrder
    promised = func.min(line.promised_on)
    stmt = (select(o.id, o.number, o.owner_id, o.account_id, o.contact_id, promised.label("promised"),
                   func.max(Account.name).label("name"), func.max(Contact.prefix).label("prefix"),
                   func.max(Contact.first_name).label("first_name"), func.max(Contact.last_name).label("last_name"))
            .select_from(line).join(o, o.id == line.order_id)
            .outerjoin(Account, Account.id == o.account_id).outerjoin(Contact, Contact.id == o.contact_id)
            .where(line.deleted_at.is_(None), line.delivered_milli < line.quantity_milli,  # the partial index's terms
                   line.promised_on <= today - timedelta(days=rule.params["days"]),
                   o.deleted_at.is_(None), o.status.in_(SOLD))
            .group_by(o.id, o.number, o.owner_id, o.account_id, o.contact_id))
    return [AlertFinding(rule.id, rule.kind, "sales_order", r.id, r.promised.isoformat(), r.owner_id,
                         {"number": r.number, "customer": _customer_name(r.name, r.prefix, r.first_name, r.last_name),
                          "promised": r.promised.isoformat()},
                         account_id=r.account_id, contact_id=r.contact_id)
            for r in conn.execute(stmt)]


def _case_slas(conn: Connection, rule: Rule, scan: _Scan) -> list[AlertFinding]:
    """Open cases whose first response (not given yet) or resolution is due within N hours or was due
    before now: one statement per due time, each through its partial index of the open cases."""
    now = scan.now
    c = Case
    horizon = now + timedelta(hours=rule.params["hours"])
    found = []
    for step, due_at, waiting in (("response", c.response_due_at, (c.first_response_at.is_(None),)),
                                  ("resolution", c.sla_due_at, ())):
        stmt = (select(c.id, c.number, c.subject, c.owner_id, c.account_id, c.contact_id, due_at.label("due_at"))
                .where(*open_cases(), *waiting, due_at <= horizon))  # the partial index's terms, then its range
        for case_id, number, subject, owner_id, account_id, contact_id, due_at in conn.execute(stmt):
            state = "past" if due_at < now else "near"
            due = _moment(due_at)
            period = f"{state}:{due}" if step == "resolution" else f"{step}-{state}:{due}"
            found.append(AlertFinding(rule.id, rule.kind, "case", case_id, period, owner_id,
                                      {"number": number, "subject": subject, "due": due, "state": state,
                                       "step": step, "account_id": account_id},
                                      account_id=account_id, contact_id=contact_id, case_id=case_id))
    return found


def open_cases() -> list[ColumnElement[bool]]:
    """A live case not resolved nor closed, spelled as the partial indexes of open cases (models/service.py)."""
    return [Case.deleted_at.is_(None), Case.status.not_in([inline(s) for s in CLOSED_CASE])]


def _top_birthdays(conn: Connection, rule: Rule, scan: _Scan) -> list[AlertFinding]:
    """The birthdays of the coming days through the month-day index, of the top customers and the people
    of top companies (tested in SQL: the employer is looked up for those only)."""
    today = scan.today
    end = today + timedelta(days=rule.params["days"] + 1)
    md = month_day(Contact.birthday)
    spans = list(_year_spans(today, end))
    if not scan.top():
        return []
    top = scan.top_sets()[2]
    owner = func.coalesce(Contact.owner_id, _EMPLOYER.c.owner_id)
    stmt = (select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.birthday,
                   Contact.account_id, owner.label("owner_id"))
            .outerjoin(_EMPLOYER, _EMPLOYER.c.id == Contact.account_id)
            .where(Contact.birthday.is_not(None), Contact.deleted_at.is_(None),
                   or_(*(and_(md >= lo, md <= hi) for _year, lo, hi in spans)),
                   # `|| ''`: tested on the index's rows, not searched by (5,000 ids would be)
                   or_(one_of(Contact.id + "", top), one_of(Contact.account_id + "", top))))
    found = []
    for contact_id, prefix, first_name, last_name, birthday, account_id, owner_id in conn.execute(stmt):
        md_text = birthday.strftime("%m-%d")
        year = next(y for y, lo, hi in spans if lo <= md_text <= hi)
        if year <= birthday.year:
            continue  # not born yet
        on = falls_on(year, birthday.month, birthday.day)
        found.append(AlertFinding(rule.id, rule.kind, "contact", contact_id, str(year), owner_id,
                                  {"customer": full_name(prefix, first_name, last_name), "on": on.isoformat()},
                                  account_id=account_id, contact_id=contact_id))
    return found


_FINDERS: dict[str, Callable[[Connection, Rule, _Scan], list[AlertFinding]]] = {
    "big_spender": _big_spenders,
    "quiet_top_customer": _quiet_top_customers,
    "stuck_deal": _stuck_deals,
    "quotation_expiring": _expiring_quotations,
    "late_order": _late_orders,
    "case_sla": _case_slas,
    "top_birthday": _top_birthdays,
}


# --- the list ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertRow:
    id: str
    kind: str
    entity: str
    row_id: str
    params: dict[str, Any]
    owner_id: str | None
    owner_name: str
    raised_at: datetime


def _open(now: datetime, owner_id: str | None, person: str | None) -> list[ColumnElement[bool]]:
    """Alerts open for `person`: live, not dismissed office-wide (the partial index's terms; a
    dismissal from before they were each person's), nor dismissed by `person`, nor snoozed by them
    past `now` (back at `now` exactly); of one person's records and those without an owner when
    `owner_id` is given. The person's dismissals are read once, an uncorrelated set (their partial
    index) each alert is looked up in."""
    a, d = Alert, AlertDismissal
    cond = [a.dismissed_at.is_(None), a.deleted_at.is_(None), or_(a.snoozed_until.is_(None), a.snoozed_until <= now)]
    if person is not None:
        hidden = select(d.alert_id).where(d.user_id == person, d.deleted_at.is_(None),
                                          or_(d.dismissed_at.is_not(None), d.snoozed_until > now))
        cond.append(a.id.not_in(hidden))
    if owner_id is not None:
        cond.append(or_(a.owner_id == owner_id, a.owner_id.is_(None)))
    return cond


SORTS = {"raised_at": Alert.raised_at, "kind": Alert.kind, "entity": Alert.entity}


def alert_keys(db: Database, now: datetime, owner_id: str | None = None, sort: str = "raised_at",
               descending: bool = True, *, person: str | None) -> list[str]:
    """The ids of the alerts open for `person` (see `_open`), sorted in SQL (newest first by default)."""
    column = SORTS.get(sort, Alert.raised_at)
    stmt = (select(Alert.id).where(*_open(now, owner_id, person))
            .order_by(column.desc() if descending else column, Alert.raised_at.desc(), Alert.id))
    with db.engine.connect() as conn:
        return list(conn.scalars(stmt))


def alert_rows(db: Database, ids: Sequence[str]) -> list[AlertRow]:
    """These alerts as the list shows them (any that are gone are left out)."""
    a = Alert
    stmt = (select(a.id, a.kind, a.entity, a.row_id, a.params_json, a.owner_id, User.name, a.raised_at)
            .outerjoin(User, User.id == a.owner_id).where(a.id.in_(list(ids))))
    with db.engine.connect() as conn:
        return [AlertRow(r.id, r.kind, r.entity, r.row_id, _params(r.params_json), r.owner_id, r.name or "",
                         r.raised_at) for r in conn.execute(stmt)]


def open_alerts(db: Database, now: datetime, owner_id: str | None = None, *,
                person: str | None) -> list[AlertRow]:
    """The alerts open for `person`, newest first (the command line's list)."""
    keys = alert_keys(db, now, owner_id, person=person)
    rows = {r.id: r for r in alert_rows(db, keys)}
    return [rows[k] for k in keys if k in rows]


def current_alerts(db: Database, now: datetime, owner_id: str | None = None, *,
                   person: str | None) -> list[AlertRow]:
    """What needs attention now without writing anything (the command line, on a copy opened read
    only): the alerts kept and open for `person`, and what the active rules find now that is not kept
    yet (raised `now`); a finding dismissed or snoozed is left out. Newest first."""
    kept = open_alerts(db, now, owner_id, person=person)
    fresh = [f for f in find_alerts(db, alert_rules(db, active_only=True), now)
             if owner_id is None or f.owner_id in (owner_id, None)]
    known: set[str] = set()
    ids = [f.id for f in fresh]
    with db.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            known |= set(conn.scalars(select(Alert.id).where(Alert.id.in_(ids[start:start + 500]))))
    names = dict(db_users(db)) if fresh else {}
    new = [AlertRow(f.id, f.kind, f.entity, f.row_id, f.params, f.owner_id, names.get(f.owner_id, ""), now)
           for f in fresh if f.id not in known]
    return new + kept


def db_users(db: Database) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return [(r.id, r.name) for r in conn.execute(select(User.id, User.name))]


def open_alert_count(db: Database, now: datetime, owner_id: str | None = None, *, person: str | None) -> int:
    """How many alerts are open for `person` (the tab's badge)."""
    stmt = select(func.count()).select_from(Alert).where(*_open(now, owner_id, person))
    with db.engine.connect() as conn:
        return int(conn.execute(stmt).scalar() or 0)


def _params(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
