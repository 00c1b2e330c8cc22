"""Global search (Ctrl+K and `crm-desktop search`): accounts, contacts, leads, deals and products by any part
of their text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, Table, and_, select

from crm_desktop.db.database import Database
from crm_desktop.db.search_index import matching_rowids
from crm_desktop.errors import ValidationError
from crm_desktop.models import Account, Contact, Lead, Opportunity, Product
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.listing import fetch_by_keys, rowid


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "account", "contact", "lead", "opportunity" or "product"
    id: str
    title: str
    subtitle: str  # where: province for an account, company for a contact, lead or deal
    phone: str  # E.164 as stored; presenters format it


def _account_hit(r: Row[Any]) -> SearchHit:
    return SearchHit("account", r.id, r.name, r.province, r.phone)


def _contact_hit(r: Row[Any]) -> SearchHit:
    title = full_name(r.prefix, r.first_name, r.last_name)
    if r.nickname:
        title += f" ({r.nickname})"
    return SearchHit("contact", r.id, title, r.account_name or "", r.mobile)


def _lead_hit(r: Row[Any]) -> SearchHit:
    title = full_name(r.prefix, r.first_name, r.last_name) or r.company_name
    where = r.company_name if title != r.company_name else ""
    return SearchHit("lead", r.id, title, where, r.mobile or r.phone)


def _opportunity_hit(r: Row[Any]) -> SearchHit:
    return SearchHit("opportunity", r.id, r.name, r.account_name or "", "")


def _product_hit(r: Row[Any]) -> SearchHit:
    return SearchHit("product", r.id, f"{r.sku} {r.name_th}", r.category, "")


SOURCES: dict[str, tuple[Table, Select[Any], Callable[[Row[Any]], SearchHit]]] = {
    "account": (
        Account.__table__,  # type: ignore[dict-item]
        select(rowid(Account.__table__), Account.id, Account.name, Account.province, Account.phone)
        .where(Account.deleted_at.is_(None)),
        _account_hit,
    ),
    "contact": (
        Contact.__table__,  # type: ignore[dict-item]
        select(rowid(Contact.__table__), Contact.id, Contact.prefix, Contact.first_name, Contact.last_name,
               Contact.nickname, Contact.mobile, Account.name.label("account_name"))
        .select_from(Contact.__table__)
        .outerjoin(Account, and_(Account.id == Contact.account_id, Account.deleted_at.is_(None)))
        .where(Contact.deleted_at.is_(None)),
        _contact_hit,
    ),
    "lead": (
        Lead.__table__,  # type: ignore[dict-item]
        select(rowid(Lead.__table__), Lead.id, Lead.prefix, Lead.first_name, Lead.last_name, Lead.company_name,
               Lead.mobile, Lead.phone)
        .where(Lead.deleted_at.is_(None)),
        _lead_hit,
    ),
    "opportunity": (
        Opportunity.__table__,  # type: ignore[dict-item]
        select(rowid(Opportunity.__table__), Opportunity.id, Opportunity.name, Account.name.label("account_name"))
        .select_from(Opportunity.__table__)
        .outerjoin(Account, and_(Account.id == Opportunity.account_id, Account.deleted_at.is_(None)))
        .where(Opportunity.deleted_at.is_(None)),
        _opportunity_hit,
    ),
    "product": (  # inactive ones too: they are still found and opened, only pickers leave them out
        Product.__table__,  # type: ignore[dict-item]
        select(rowid(Product.__table__), Product.id, Product.sku, Product.name_th, Product.category)
        .where(Product.deleted_at.is_(None)),
        _product_hit,
    ),
}


MAX_LIMIT = 1_000_000_000  # more than any database holds: in effect, no limit


def search_all(db: Database, text: str, limit: int = 10, kinds: Iterable[str] = tuple(SOURCES)) -> list[SearchHit]:
    """Up to `limit` records of each kind whose name, nickname, phone, e-mail or tax id contain `text`.

    A limit below 1 is refused (SQLite would read a negative one as "no limit"); one above
    MAX_LIMIT counts as MAX_LIMIT (SQLite takes no number beyond 64 bits).
    """
    if limit < 1:
        raise ValidationError("limit", "The limit must be 1 or more, not {limit}.", limit=limit)
    limit = min(limit, MAX_LIMIT)
    hits: list[SearchHit] = []
    with db.engine.connect() as conn:
        for kind in kinds:
            table, stmt, to_hit = SOURCES[kind]
            keys = matching_rowids(conn, table.name, text, limit)
            found = fetch_by_keys(conn, stmt, table, keys)
            hits += [to_hit(found[k]) for k in keys if k in found]
    return hits


def find_record(db: Database, kind: str, record_id: str) -> SearchHit | None:
    """One live record as search shows it (a form's link to it), or None when it was deleted."""
    table, stmt, to_hit = SOURCES[kind]
    with db.engine.connect() as conn:
        row = conn.execute(stmt.where(table.c.id == record_id)).first()
    return to_hit(row) if row is not None else None
