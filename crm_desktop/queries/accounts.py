"""Read side of accounts: the list (keys, then rows), the detail pane, and pickers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, select

from crm_desktop.db.database import Database
from crm_desktop.db.live_counts import live_rows
from crm_desktop.models import Account, Contact, User
from crm_desktop.queries.listing import fetch_by_keys, keys_select, list_head, list_keys

# The tables' columns, not the mapped classes': the start screen reads these before SQLAlchemy has
# configured its mappers, which a statement selecting a mapped attribute would make it do (40 ms).
TABLE = Account.__table__
A, U, C = TABLE.c, User.__table__.c, Contact.__table__.c
USERS = User.__table__
Parent = TABLE.alias("parent")



@dataclass(frozen=True)
class AccountFilter:
    text: str = ""
    province: str = ""
    segment: str = ""
    industry: str = ""
    owner_id: str = ""
    tag: str = ""


@dataclass(frozen=True)
class AccountRow:
    id: str
    name: str
    tax_id: str
    branch_code: str
    industry: str
    segment: str
    phone: str
    email: str
    province: str
    owner_name: str
    parent_name: str
    tags: str
    updated_at: datetime


@dataclass(frozen=True)
class ContactBrief:
    id: str
    name: str
    position: str
    mobile: str
    email: str


@dataclass(frozen=True)
class AccountDetail:
    id: str
    name: str
    tax_id: str
    branch_code: str
    industry: str
    segment: str
    phone: str
    email: str
    website: str
    address_line: str
    subdistrict: str
    district: str
    province: str
    postcode: str
    founded_on: date | None
    parent_id: str | None
    parent_name: str
    owner_name: str
    tags: str
    notes: str
    created_at: datetime
    updated_at: datetime
    children: tuple[tuple[str, str], ...]
    contacts: tuple[ContactBrief, ...]


SORTS: dict[str, ColumnElement[object]] = {
    "name": A.sort_key,
    "tax_id": A.tax_id,
    "industry": A.industry,
    "segment": A.segment,
    "phone": A.phone,
    "email": A.email,
    "province": A.province,
    "owner_name": U.name,
    "parent_name": Parent.c.name,
    "tags": A.tags,
    "updated_at": A.updated_at,
}


def conditions(flt: AccountFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [A.deleted_at.is_(None)]
    for value, column in (
        (flt.province, A.province),
        (flt.segment, A.segment),
        (flt.industry, A.industry),
        (flt.owner_id, A.owner_id),
    ):
        if value:
            cond.append(column == value)
    if flt.tag:
        cond.append(A.tags.contains(flt.tag))
    return cond


JOINS = {"owner_name": (USERS, U.id == A.owner_id), "parent_name": (Parent, Parent.c.id == A.parent_id)}


def _keys_select(conn: Connection, flt: AccountFilter, sort: str, descending: bool) -> Select[Any]:
    return keys_select(conn, TABLE, conditions(flt), flt.text, SORTS.get(sort, A.sort_key), descending,
                       JOINS.get(sort))


def account_keys(db: Database, flt: AccountFilter, sort: str = "name", descending: bool = False) -> list[str]:
    """Ids of every account matching `flt`, in display order."""
    return list_keys(db, _keys_select, flt, sort, descending)


def account_head(db: Database, flt: AccountFilter, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
    """How many accounts match `flt`, and the ids of the first `limit` in display order (the list's first
    screen; unfiltered, the count is the live count)."""
    return list_head(db, _keys_select, flt, sort, descending, limit, "account" if flt == AccountFilter() else None)


_ROW = (
    select(
        A.id, A.name, A.tax_id, A.branch_code, A.industry,
        A.segment, A.phone, A.email, A.province,
        func.coalesce(U.name, ""), func.coalesce(Parent.c.name, ""), A.tags, A.updated_at,
    )
    .select_from(TABLE)
    .outerjoin(USERS, U.id == A.owner_id)
    .outerjoin(Parent, and_(Parent.c.id == A.parent_id, Parent.c.deleted_at.is_(None)))
)


def account_rows(db: Database, keys: Sequence[str]) -> list[AccountRow]:
    """Rows for `keys`, in the same order; keys of rows deleted meanwhile are skipped."""
    with db.engine.connect() as conn:
        found = fetch_by_keys(conn, _ROW, TABLE, keys)
    return [AccountRow(*found[k]) for k in keys if k in found]


def account_detail(db: Database, account_id: str) -> AccountDetail | None:
    with db.engine.connect() as conn:
        acc = conn.execute(select(TABLE).where(A.id == account_id)).mappings().first()
        if acc is None or acc["deleted_at"] is not None:
            return None
        owner = conn.execute(select(U.name).where(U.id == acc["owner_id"])).scalar() or ""
        parent = conn.execute(
            select(A.name).where(A.id == acc["parent_id"], A.deleted_at.is_(None))
        ).scalar()
        children = conn.execute(
            select(A.id, A.name)
            .where(A.parent_id == account_id, A.deleted_at.is_(None))
            .order_by(A.name)
        ).all()
        contacts = conn.execute(
            select(C.id, C.prefix, C.first_name, C.last_name, C.position,
                   C.mobile, C.email)
            .where(C.account_id == account_id, C.deleted_at.is_(None))
            .order_by(C.first_name, C.last_name)
        ).all()
    fields = {k: acc[k] for k in AccountDetail.__dataclass_fields__ if k in acc}
    return AccountDetail(
        **fields,
        parent_name=parent or "",
        owner_name=owner,
        children=tuple((c.id, c.name) for c in children),
        contacts=tuple(
            ContactBrief(c.id, full_name(c.prefix, c.first_name, c.last_name), c.position, c.mobile, c.email)
            for c in contacts
        ),
    )


def full_name(prefix: str, first: str, last: str) -> str:
    """Thai style: the prefix joins the first name (นายสมชาย), a Latin one is spaced (Mr John)."""
    name = " ".join(p for p in (first, last) if p)
    if not prefix:
        return name
    sep = "" if prefix[-1] >= "\u0e00" and not prefix.endswith(".") else " "
    return f"{prefix}{sep}{name}"


def account_count(db: Database) -> int:
    """Live rows, from the live counts (db/live_counts.py): the status bar shows them at every start."""
    with db.engine.connect() as conn:
        return live_rows(conn, "account") or 0


def account_names(db: Database, ids: Sequence[str]) -> dict[str, str]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(A.id, A.name).where(A.id.in_(list(ids)))).all()
    return {r.id: r.name for r in rows}
