"""Global search (Ctrl+K and `crm-desktop search`): accounts, contacts, leads, deals and products by any
part of their text; quotations and sales orders by the start of their number (QT2569-0001)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, Select, Table, and_, literal, select
from sqlalchemy.orm import aliased

from crm_desktop.db.database import Database
from crm_desktop.db.search_index import matching_ids
from crm_desktop.errors import ValidationError
from crm_desktop.models import Account, Contact, Lead, Opportunity, Product, Quotation, SalesOrder
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.listing import fetch_by_keys


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "account", "contact", "lead", "opportunity", "product", "quotation" or "sales_order"
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
        select(Account.id, Account.name, Account.province, Account.phone)
        .where(Account.deleted_at.is_(None)),
        _account_hit,
    ),
    "contact": (
        Contact.__table__,  # type: ignore[dict-item]
        select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name,
               Contact.nickname, Contact.mobile, Account.name.label("account_name"))
        .select_from(Contact.__table__)
        .outerjoin(Account, and_(Account.id == Contact.account_id, Account.deleted_at.is_(None)))
        .where(Contact.deleted_at.is_(None)),
        _contact_hit,
    ),
    "lead": (
        Lead.__table__,  # type: ignore[dict-item]
        select(Lead.id, Lead.prefix, Lead.first_name, Lead.last_name, Lead.company_name,
               Lead.mobile, Lead.phone)
        .where(Lead.deleted_at.is_(None)),
        _lead_hit,
    ),
    "opportunity": (
        Opportunity.__table__,  # type: ignore[dict-item]
        select(Opportunity.id, Opportunity.name, Account.name.label("account_name"))
        .select_from(Opportunity.__table__)
        .outerjoin(Account, and_(Account.id == Opportunity.account_id, Account.deleted_at.is_(None)))
        .where(Opportunity.deleted_at.is_(None)),
        _opportunity_hit,
    ),
    "product": (  # inactive ones too: they are still found and opened, only pickers leave them out
        Product.__table__,  # type: ignore[dict-item]
        select(Product.id, Product.sku, Product.name_th, Product.category)
        .where(Product.deleted_at.is_(None)),
        _product_hit,
    ),
}


# Documents are found by their number through the live-number index (a prefix is a range on it);
# a number a copy gave before the office renumbered it (`provisional_number`) is looked up as well
# when the query holds a digit, as every number does, through the index of the few rows that have
# one (models.base.sparse_index: the query says `!= ''` to use it; a scan of 184,000 orders took
# 0.2-0.3 s, most of a search's time).
DOCUMENTS: dict[str, Any] = {"quotation": Quotation, "sales_order": SalesOrder}


def _document_select(model: Any, newest_only: bool = True) -> Select[Any]:
    stmt = (
        select(model.id, model.number,
               (model.revision if model is Quotation else literal(1)).label("revision"), model.provisional_number,
               Account.name.label("account_name"), Contact.prefix, Contact.first_name, Contact.last_name)
        .select_from(model)
        .outerjoin(Account, Account.id == model.account_id)
        .outerjoin(Contact, Contact.id == model.contact_id)
        .where(model.deleted_at.is_(None))
    )
    if model is Quotation and newest_only:  # the newest live revision of each number
        newer = aliased(Quotation)
        stmt = stmt.where(~select(newer.id).where(newer.number == Quotation.number, newer.revision > Quotation.revision,
                                                  newer.deleted_at.is_(None)).exists())
    return stmt


def _document_hit(kind: str, r: Row[Any]) -> SearchHit:
    title = r.number if r.revision == 1 else f"{r.number} rev {r.revision}"
    if r.provisional_number:
        title += f" ({r.provisional_number})"
    customer = r.account_name if r.account_name is not None else full_name(r.prefix or "", r.first_name or "",
                                                                           r.last_name or "")
    return SearchHit(kind, r.id, title, customer, "")


def _starts_with(column: Any, prefix: str) -> Any:
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def _document_hits(conn: Connection, kind: str, text: str, limit: int) -> list[SearchHit]:
    model = DOCUMENTS[kind]
    query = text.strip()
    if len(query) < 2:
        return []
    hits: dict[str, SearchHit] = {}
    columns = [model.number] + ([model.provisional_number] if any(c.isdigit() for c in query) else [])
    for column in columns:
        for prefix in dict.fromkeys((query, query.upper())):
            stmt = (_document_select(model).where(column != "", _starts_with(column, prefix)).order_by(column)
                    .limit(limit))
            for r in conn.execute(stmt):
                hits.setdefault(r.id, _document_hit(kind, r))
    return list(hits.values())[:limit]


ALL_KINDS = (*SOURCES, *DOCUMENTS)


MAX_LIMIT = 1_000_000_000  # more than any database holds: in effect, no limit


def search_all(db: Database, text: str, limit: int = 10, kinds: Iterable[str] = ALL_KINDS) -> list[SearchHit]:
    """Up to `limit` records of each kind whose name, nickname, phone, e-mail or tax id contain `text`,
    and documents whose number starts with it.

    A limit below 1 is refused (SQLite would read a negative one as "no limit"); one above
    MAX_LIMIT counts as MAX_LIMIT (SQLite takes no number beyond 64 bits).
    """
    if limit < 1:
        raise ValidationError("limit", "The limit must be 1 or more, not {limit}.", limit=limit)
    limit = min(limit, MAX_LIMIT)
    hits: list[SearchHit] = []
    with db.engine.connect() as conn:
        for kind in kinds:
            if kind in DOCUMENTS:
                hits += _document_hits(conn, kind, text, limit)
                continue
            table, stmt, to_hit = SOURCES[kind]
            keys = matching_ids(conn, table.name, text, limit)
            found = fetch_by_keys(conn, stmt, table, keys)
            hits += [to_hit(found[k]) for k in keys if k in found]
    return hits


def find_record(db: Database, kind: str, record_id: str) -> SearchHit | None:
    """One live record as search shows it (a form's link to it), or None when it was deleted."""
    if kind in DOCUMENTS:
        model = DOCUMENTS[kind]
        with db.engine.connect() as conn:
            found = conn.execute(_document_select(model, newest_only=False).where(model.id == record_id)).first()
        return _document_hit(kind, found) if found is not None else None
    table, stmt, to_hit = SOURCES[kind]
    with db.engine.connect() as conn:
        row = conn.execute(stmt.where(table.c.id == record_id)).first()
    return to_hit(row) if row is not None else None
