"""Global search (Ctrl+K and `crm-desktop search`): accounts and contacts by any part of their text."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select

from crm_desktop.db.database import Database
from crm_desktop.db.search_index import matching_rowids
from crm_desktop.models import Account, Contact
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.listing import fetch_by_keys, rowid


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "account" or "contact"
    id: str
    title: str
    subtitle: str  # where: province for an account, company for a contact
    phone: str  # E.164 as stored; presenters format it


_ACCOUNT = select(rowid(Account.__table__), Account.id, Account.name, Account.province, Account.phone).where(
    Account.deleted_at.is_(None)
)
_CONTACT = (
    select(
        rowid(Contact.__table__), Contact.id, Contact.prefix, Contact.first_name, Contact.last_name,
        Contact.nickname, Contact.mobile, Account.name,
    )
    .select_from(Contact.__table__)
    .outerjoin(Account, and_(Account.id == Contact.account_id, Account.deleted_at.is_(None)))
    .where(Contact.deleted_at.is_(None))
)


def search_all(db: Database, text: str, limit: int = 10) -> list[SearchHit]:
    """Up to `limit` accounts and `limit` contacts whose name, nickname, phone, e-mail or tax id contain `text`."""
    hits: list[SearchHit] = []
    with db.engine.connect() as conn:
        keys = matching_rowids(conn, "account", text, limit)
        found = fetch_by_keys(conn, _ACCOUNT, Account.__table__, keys)
        for k in keys:
            if k in found:
                r = found[k]
                hits.append(SearchHit("account", r.id, r.name, r.province, r.phone))
        keys = matching_rowids(conn, "contact", text, limit)
        found = fetch_by_keys(conn, _CONTACT, Contact.__table__, keys)
        for k in keys:
            if k in found:
                r = found[k]
                title = full_name(r.prefix, r.first_name, r.last_name)
                if r.nickname:
                    title += f" ({r.nickname})"
                hits.append(SearchHit("contact", r.id, title, r[7] or "", r.mobile))
    return hits
