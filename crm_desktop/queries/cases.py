"""Read side of service cases: the list (count and first page, then rows by key), the board by
status, a case's detail with its history and the time spent in each status, a customer's cases (the
360 page) and a month's figures (the monthly report)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, case, func, select

from crm_desktop.db.database import Database
from crm_desktop.db.spelling import likely
from crm_desktop.models import Account, Case, CaseStatusHistory, Contact, Product, SalesOrder, User
from crm_desktop.models.service import CASE_STATUSES, OPEN_STATUSES
from crm_desktop.queries.listing import fetch_by_keys, keys_select, list_head, list_keys, text_filter

TABLE = Case.__table__
USERS = User.__table__
BOARD_PAGE = 50  # cards a board column shows


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""  # any part of the number (or provisional number) or the subject, through the search index
    status: str = ""  # "" every status, "open" the open ones, or one status
    priority: str = ""
    owner_id: str = ""  # "" anyone; "-" nobody
    overdue: bool = False  # open and past its resolution due time (at `now`)
    now: datetime | None = None  # the moment "overdue" is judged at


@dataclass(frozen=True)
class CaseRow:
    id: str
    number: str
    subject: str
    customer: str
    status: str
    priority: str
    category: str
    channel: str
    owner: str
    opened_at: datetime
    response_due_at: datetime | None
    first_response_at: datetime | None
    sla_due_at: datetime | None
    resolved_at: datetime | None

    @property
    def name(self) -> str:  # what delete confirmations list
        return f"{self.number} {self.subject}"

    def response_late(self, now: datetime) -> bool:
        """The first response came, or is still missing, after its due time."""
        return self.response_due_at is not None and (self.first_response_at or now) > self.response_due_at

    def resolution_late(self, now: datetime) -> bool:
        return self.sla_due_at is not None and (self.resolved_at or now) > self.sla_due_at

    def breached(self, now: datetime) -> bool:
        return self.response_late(now) or self.resolution_late(now)


@dataclass(frozen=True)
class StatusMove:
    from_status: str
    to_status: str
    changed_at: datetime
    by: str


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    description: str
    account_id: str | None
    contact_id: str | None
    owner_id: str | None
    product: str
    order_number: str
    closed_at: datetime | None
    history: tuple[StatusMove, ...]
    hlc: int


PRIORITY_RANK = case({"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=Case.priority, else_=4)
STATUS_RANK = case({s: i for i, s in enumerate(CASE_STATUSES)}, value=Case.status, else_=9)

SORTS: dict[str, ColumnElement[Any]] = {
    "number": Case.number,
    "subject": Case.subject,
    "status": STATUS_RANK,
    "priority": PRIORITY_RANK,
    "category": Case.category,
    "channel": Case.channel,
    "owner": func.coalesce(USERS.c.name, ""),
    "opened_at": Case.opened_at,
    "response_due_at": Case.response_due_at,
    "sla_due_at": Case.sla_due_at,
}
DEFAULT_SORT = "opened_at"


# Open cases are a few percent of all (most are long closed), which SQLite's statistics cannot tell
# (one average per status): said so, it counts them along ix_case_live_status instead of reading every
# case (50,000: 1 ms instead of 44 ms).
OPEN_SHARE = 0.05


def _open() -> ColumnElement[bool]:
    return likely(Case.status.in_(OPEN_STATUSES), OPEN_SHARE)


def conditions(flt: CaseFilter) -> list[ColumnElement[bool]]:
    """What the filter asks besides its text (the search index's: `listing.text_filter`)."""
    cond: list[ColumnElement[bool]] = [Case.deleted_at.is_(None)]
    if flt.status == "open" or flt.overdue:  # an overdue case is an open one
        cond.append(_open())
    if flt.status not in ("", "open"):
        cond.append(Case.status == flt.status)
    if flt.priority:
        cond.append(Case.priority == flt.priority)
    if flt.owner_id == "-":
        cond.append(Case.owner_id.is_(None))
    elif flt.owner_id:
        cond.append(Case.owner_id == flt.owner_id)
    if flt.overdue:
        cond.append(Case.sla_due_at < (flt.now or datetime.max))
    return cond


def _keys_select(conn: Connection, flt: CaseFilter, sort: str, descending: bool) -> Select[Any]:
    order = SORTS.get(sort, SORTS[DEFAULT_SORT])
    join = (USERS, USERS.c.id == Case.owner_id) if sort == "owner" else None
    then = (Case.opened_at,) if sort != "opened_at" else ()
    return keys_select(conn, TABLE, conditions(flt), flt.text, order, descending, join, then)


def _unfiltered(flt: CaseFilter) -> bool:
    return not (flt.text.strip() or flt.status or flt.priority or flt.owner_id or flt.overdue)


def case_keys(db: Database, flt: CaseFilter, sort: str = DEFAULT_SORT, descending: bool = True) -> list[str]:
    """Ids of every case matching `flt`, in display order."""
    return list_keys(db, _keys_select, flt, sort, descending)


def case_head(db: Database, flt: CaseFilter, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
    """How many cases match `flt`, and the ids of the first `limit` in display order (the list's
    first screen; unfiltered, the count is the live count)."""
    return list_head(db, _keys_select, flt, sort, descending, limit, "case" if _unfiltered(flt) else None)


def _customer() -> ColumnElement[str]:
    person = func.trim(func.coalesce(Contact.first_name, "") + " " + func.coalesce(Contact.last_name, ""))
    return func.coalesce(func.nullif(Account.name, ""), person)


_ROW = (
    select(Case.id, Case.number, Case.subject, _customer(), Case.status, Case.priority, Case.category, Case.channel,
           func.coalesce(USERS.c.name, ""), Case.opened_at, Case.response_due_at, Case.first_response_at,
           Case.sla_due_at, Case.resolved_at)
    .select_from(TABLE)
    .outerjoin(Account, Account.id == Case.account_id)
    .outerjoin(Contact, Contact.id == Case.contact_id)
    .outerjoin(USERS, USERS.c.id == Case.owner_id)
)


def case_rows(db: Database, keys: Sequence[str]) -> list[CaseRow]:
    """Rows for `keys`, in the same order; keys of rows deleted meanwhile are skipped."""
    with db.engine.connect() as conn:
        found = fetch_by_keys(conn, _ROW.where(Case.deleted_at.is_(None)), TABLE, keys)
    return [CaseRow(*found[k]) for k in keys if k in found]


def case_detail(db: Database, case_id: str) -> CaseDetail | None:
    with db.engine.connect() as conn:
        found = conn.execute(_ROW.where(Case.id == case_id, Case.deleted_at.is_(None))).first()
        if found is None:
            return None
        extra = conn.execute(
            select(Case.description, Case.account_id, Case.contact_id, Case.owner_id,
                   func.coalesce(Product.name_th, ""), func.coalesce(SalesOrder.number, ""), Case.closed_at, Case.hlc)
            .select_from(TABLE)
            .outerjoin(Product, Product.id == Case.product_id)
            .outerjoin(SalesOrder, SalesOrder.id == Case.order_id)
            .where(Case.id == case_id)).one()
        moves = conn.execute(
            select(CaseStatusHistory.from_status, CaseStatusHistory.to_status, CaseStatusHistory.changed_at,
                   func.coalesce(USERS.c.name, ""))
            .outerjoin(USERS, USERS.c.id == CaseStatusHistory.changed_by)
            .where(CaseStatusHistory.case_id == case_id, CaseStatusHistory.deleted_at.is_(None))
            .order_by(CaseStatusHistory.changed_at, CaseStatusHistory.id)).all()
    return CaseDetail(CaseRow(*found), *extra[:7], tuple(StatusMove(*m) for m in moves), extra[7])


def time_in_status(history: Sequence[StatusMove], now: datetime) -> dict[str, timedelta]:
    """How long the case spent in each status, from its history (the current one until `now`)."""
    spent: dict[str, timedelta] = {}
    for move, following in zip(history, (*history[1:], None), strict=True):
        until = following.changed_at if following is not None else now
        spent[move.to_status] = spent.get(move.to_status, timedelta()) + max(until - move.changed_at, timedelta())
    return spent


# --- the board ---------------------------------------------------------------------------------


def board(db: Database, flt: CaseFilter, per_column: int = BOARD_PAGE) -> dict[str, tuple[int, list[CaseRow]]]:
    """Per status (the filter's status aside): how many cases, and the first `per_column` (most urgent
    first, then the oldest due time)."""
    columns: dict[str, tuple[int, list[CaseRow]]] = {}
    base = CaseFilter(flt.text, "", flt.priority, flt.owner_id, flt.overdue, flt.now)
    with db.engine.connect() as conn:
        matched = text_filter(conn, TABLE, flt.text)
        filtered = [*conditions(base), *([matched] if matched is not None else [])]
        for status in CASE_STATUSES:
            cond = [*filtered, Case.status == status]
            count = conn.execute(select(func.count()).select_from(TABLE).where(*cond)).scalar() or 0
            newest_first = status in ("resolved", "closed")
            order = ((Case.opened_at.desc(),) if newest_first
                     else (PRIORITY_RANK, Case.sla_due_at.is_(None), Case.sla_due_at, Case.opened_at))
            rows = conn.execute(_ROW.where(*cond).order_by(*order, Case.id).limit(per_column)).all()
            columns[status] = (count, [CaseRow(*r) for r in rows])
    return columns


# --- a customer's cases (Customer 360) ---------------------------------------------------------


def customer_cases(db: Database, kind: str, record_id: str, limit: int = 20) -> tuple[int, list[CaseRow]]:
    """A company's or a contact's cases, open ones first then the newest; with how many are open."""
    link = Case.account_id if kind == "account" else Case.contact_id
    with db.engine.connect() as conn:
        is_open = Case.status.in_(OPEN_STATUSES)
        open_count = conn.execute(select(func.count()).select_from(TABLE).where(
            link == record_id, Case.deleted_at.is_(None), is_open)).scalar() or 0
        rows = conn.execute(_ROW.where(link == record_id, Case.deleted_at.is_(None))
                            .order_by(case((is_open, 0), else_=1), Case.opened_at.desc(), Case.id)
                            .limit(limit)).all()
    return open_count, [CaseRow(*r) for r in rows]


def categories(db: Database) -> list[str]:
    """The categories cases were given, for the form's choice and the routing rules."""
    with db.engine.connect() as conn:
        return list(conn.execute(select(Case.category).where(Case.deleted_at.is_(None), Case.category != "")
                                 .distinct().order_by(Case.category)).scalars())


def linked_title(db: Database, kind: str, record_id: str) -> str:
    """A product's "SKU name" or an order's number, as the case form's pickers show them."""
    with db.engine.connect() as conn:
        if kind == "product":
            found = conn.execute(select(Product.sku, Product.name_th).where(Product.id == record_id)).first()
            return f"{found[0]} {found[1]}" if found is not None else ""
        return conn.execute(select(SalesOrder.number).where(SalesOrder.id == record_id)).scalar() or ""
