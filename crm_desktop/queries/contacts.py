"""Read side of contacts: the list (keys, then rows) and the detail pane."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, select

from crm_desktop.db.database import Database
from crm_desktop.db.live_counts import live_rows
from crm_desktop.models import Account, Contact, User
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.listing import fetch_by_keys, keys_select, list_head, list_keys

TABLE = Contact.__table__


@dataclass(frozen=True)
class ContactFilter:
    text: str = ""
    account_id: str = ""
    kind: str = ""  # "b2b" (works at an account), "b2c" (no account) or "" for both
    province: str = ""
    owner_id: str = ""
    consent_only: bool = False
    tag: str = ""


@dataclass(frozen=True)
class ContactRow:
    id: str
    name: str
    nickname: str
    account_name: str
    position: str
    mobile: str
    email: str
    line_id: str
    province: str
    birthday: date | None
    owner_name: str
    tags: str
    updated_at: datetime


@dataclass(frozen=True)
class ContactDetail:
    id: str
    prefix: str
    first_name: str
    last_name: str
    name: str
    nickname: str
    position: str
    account_id: str | None
    account_name: str
    mobile: str
    phone: str
    email: str
    line_id: str
    birthday: date | None
    gender: str
    income_band: str
    interests: str
    marketing_consent: bool
    consent_on: date | None
    address_line: str
    subdistrict: str
    district: str
    province: str
    postcode: str
    owner_name: str
    tags: str
    notes: str
    created_at: datetime
    updated_at: datetime


SORTS: dict[str, ColumnElement[object]] = {
    "name": Contact.sort_key,
    "nickname": Contact.nickname,
    "account_name": Account.sort_key,
    "position": Contact.position,
    "mobile": Contact.mobile,
    "email": Contact.email,
    "line_id": Contact.line_id,
    "province": Contact.province,
    "birthday": Contact.birthday,
    "owner_name": User.name,
    "tags": Contact.tags,
    "updated_at": Contact.updated_at,
}


def conditions(flt: ContactFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Contact.deleted_at.is_(None)]
    for value, column in (
        (flt.account_id, Contact.account_id),
        (flt.province, Contact.province),
        (flt.owner_id, Contact.owner_id),
    ):
        if value:
            cond.append(column == value)
    if flt.kind == "b2b":
        cond.append(Contact.account_id.is_not(None))
    elif flt.kind == "b2c":
        cond.append(Contact.account_id.is_(None))
    if flt.consent_only:
        cond.append(Contact.marketing_consent.is_(True))
    if flt.tag:
        cond.append(Contact.tags.contains(flt.tag))
    return cond


JOINS = {"owner_name": (User, User.id == Contact.owner_id), "account_name": (Account, Account.id == Contact.account_id)}


def _keys_select(conn: Connection, flt: ContactFilter, sort: str, descending: bool) -> Select[Any]:
    return keys_select(conn, TABLE, conditions(flt), flt.text, SORTS.get(sort, Contact.sort_key), descending,
                       JOINS.get(sort))


def contact_keys(db: Database, flt: ContactFilter, sort: str = "name", descending: bool = False) -> list[str]:
    """Ids of every contact matching `flt`, in display order."""
    return list_keys(db, _keys_select, flt, sort, descending)


def contact_head(db: Database, flt: ContactFilter, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
    """How many contacts match `flt`, and the ids of the first `limit` in display order (the list's first
    screen; unfiltered, the count is the live count)."""
    return list_head(db, _keys_select, flt, sort, descending, limit, "contact" if flt == ContactFilter() else None)


_ROW = (
    select(
        Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.nickname,
        func.coalesce(Account.name, ""), Contact.position, Contact.mobile, Contact.email, Contact.line_id,
        Contact.province, Contact.birthday, func.coalesce(User.name, ""), Contact.tags, Contact.updated_at,
    )
    .select_from(TABLE)
    .outerjoin(Account, and_(Account.id == Contact.account_id, Account.deleted_at.is_(None)))
    .outerjoin(User, User.id == Contact.owner_id)
)


def contact_rows(db: Database, keys: Sequence[str]) -> list[ContactRow]:
    """Rows for `keys`, in the same order; keys of rows deleted meanwhile are skipped."""
    with db.engine.connect() as conn:
        found = fetch_by_keys(conn, _ROW, TABLE, keys)
    rows = []
    for k in keys:
        if k in found:
            r = found[k]
            rows.append(ContactRow(r[0], full_name(r[1], r[2], r[3]), *r[4:]))
    return rows


def contact_detail(db: Database, contact_id: str) -> ContactDetail | None:
    with db.engine.connect() as conn:
        c = conn.execute(select(TABLE).where(Contact.id == contact_id)).mappings().first()
        if c is None or c["deleted_at"] is not None:
            return None
        account = conn.execute(
            select(Account.name).where(Account.id == c["account_id"], Account.deleted_at.is_(None))
        ).scalar()
        owner = conn.execute(select(User.name).where(User.id == c["owner_id"])).scalar()
    fields = {k: c[k] for k in ContactDetail.__dataclass_fields__ if k in c}
    return ContactDetail(
        **fields,
        name=full_name(c["prefix"], c["first_name"], c["last_name"]),
        account_name=account or "",
        owner_name=owner or "",
    )


def contact_count(db: Database) -> int:
    """Live rows, from the live counts (db/live_counts.py): the status bar shows them at every start."""
    with db.engine.connect() as conn:
        return live_rows(conn, "contact") or 0
