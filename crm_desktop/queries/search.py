"""Global search (Ctrl+K and `crm-desktop search`): accounts, contacts, leads, deals, products and service
cases by any part of their text (a case: its number or subject); quotations and sales orders by the start
of their number (QT2569-0001)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from crm_desktop.db.database import Database
from crm_desktop.db.search_index import DOCUMENT_KINDS, SHOWN, pads_texts, search_rows, shown_row, unindexed
from crm_desktop.errors import ValidationError
from crm_desktop.queries.accounts import full_name


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "account", "contact", "lead", "opportunity", "product", "quotation", "sales_order" or "case"
    id: str
    title: str
    subtitle: str  # where: province for an account, company for a contact, lead or deal, customer for a case
    phone: str  # E.164 as stored; presenters format it


# Each kind's hit from its id and the columns db.search_index.SHOWN lists for it, in that order.
def _account_hit(id_: str, v: tuple[Any, ...]) -> SearchHit:
    name, province, phone = v[:3]
    return SearchHit("account", id_, name, province, phone)


def _contact_hit(id_: str, v: tuple[Any, ...]) -> SearchHit:
    prefix, first_name, last_name, nickname, mobile, account_name = v[:6]
    title = full_name(prefix, first_name, last_name)
    if nickname:
        title += f" ({nickname})"
    return SearchHit("contact", id_, title, account_name or "", mobile)


def _lead_hit(id_: str, v: tuple[Any, ...]) -> SearchHit:
    prefix, first_name, last_name, company_name, mobile, phone = v[:6]
    title = full_name(prefix, first_name, last_name) or company_name
    where = company_name if title != company_name else ""
    return SearchHit("lead", id_, title, where, mobile or phone)


def _opportunity_hit(id_: str, v: tuple[Any, ...]) -> SearchHit:
    name, account_name = v[:2]
    return SearchHit("opportunity", id_, name, account_name or "", "")


def _product_hit(id_: str, v: tuple[Any, ...]) -> SearchHit:
    sku, name_th, category = v[:3]
    return SearchHit("product", id_, f"{sku} {name_th}", category, "")


def _customer(account_name: str | None, prefix: str | None, first_name: str | None, last_name: str | None) -> str:
    """A document's or case's customer: the account, else the person."""
    if account_name is not None:
        return account_name
    return full_name(prefix or "", first_name or "", last_name or "")


def _case_hit(id_: str, v: tuple[Any, ...]) -> SearchHit:
    number, subject, *customer = v[:6]
    return SearchHit("case", id_, f"{number} {subject}", _customer(*customer), "")


def _document_hit(kind: str) -> Callable[[str, tuple[Any, ...]], SearchHit]:
    def hit(id_: str, v: tuple[Any, ...]) -> SearchHit:
        number, revision, provisional, account_name, prefix, first_name, last_name = v[:7]
        title = number if revision == 1 else f"{number} rev {revision}"
        if provisional:
            title += f" ({provisional})"
        return SearchHit(kind, id_, title, _customer(account_name, prefix, first_name, last_name), "")
    return hit


HITS: dict[str, Callable[[str, tuple[Any, ...]], SearchHit]] = {
    "account": _account_hit,
    "contact": _contact_hit,
    "lead": _lead_hit,
    "opportunity": _opportunity_hit,
    "product": _product_hit,  # inactive ones too: they are still found and opened, only pickers leave them out
    **{kind: _document_hit(kind) for kind in DOCUMENT_KINDS},
    "case": _case_hit,
}
assert HITS.keys() == SHOWN.keys()

# Documents are found by the start of their number; a number a copy gave before the office renumbered
# it (`provisional_number`) is looked up as well when the query holds a digit, as every number does,
# through the index of the few rows that have one (a scan of 184,000 orders took 0.2-0.3 s).
DOCUMENTS = DOCUMENT_KINDS
ALL_KINDS = tuple(HITS)


PADDED = "search_pads_texts"  # the database's memo: its index answers short queries from its vocabulary
UNINDEXED = "search_unindexed"  # and the kinds it has no index of (a file a revision behind)
MAX_LIMIT = 1_000_000_000  # more than any database holds: in effect, no limit


def search_all(db: Database, text: str, limit: int = 10, kinds: Iterable[str] = ALL_KINDS) -> list[SearchHit]:
    """Up to `limit` records of each kind whose name, nickname, phone, e-mail or tax id (a case: number or
    subject) contain `text`, and documents whose number starts with it, kind by kind in the order of `kinds`.

    A limit below 1 is refused (SQLite would read a negative one as "no limit"); one above
    MAX_LIMIT counts as MAX_LIMIT (SQLite takes no number beyond 64 bits).
    """
    if limit < 1:
        raise ValidationError("limit", "The limit must be 1 or more, not {limit}.", limit=limit)
    limit = min(limit, MAX_LIMIT)
    with db.engine.connect() as conn:
        if PADDED not in db.memo:
            db.memo[PADDED] = db.has_search_index and pads_texts(conn)
            db.memo[UNINDEXED] = unindexed(conn) if db.has_search_index else frozenset()
        kinds = [k for k in kinds if k not in db.memo[UNINDEXED]]
        rows = search_rows(conn, text, limit, kinds, db.has_search_index, db.memo[PADDED])
    hits: list[SearchHit] = []
    seen: set[tuple[str, str]] = set()
    per_kind: dict[str, int] = {}
    for kind, id_, values in rows:  # a document found by two prefixes or numbers counts once
        if (kind, id_) in seen or per_kind.get(kind, 0) >= limit:
            continue
        seen.add((kind, id_))
        per_kind[kind] = per_kind.get(kind, 0) + 1
        hits.append(HITS[kind](id_, values))
    return hits


def find_record(db: Database, kind: str, record_id: str) -> SearchHit | None:
    """One live record as search shows it (a form's link to it), or None when it was deleted."""
    with db.engine.connect() as conn:
        values = shown_row(conn, kind, record_id)
    return HITS[kind](record_id, values) if values is not None else None
