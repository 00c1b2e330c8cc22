"""Read side of an import: what each row of a file would do (new / update / duplicate of / error).

Rows are matched with the keys of the duplicate warning (services/duplicates.py): the phone in any
format (E.164), the e-mail, the tax id + branch, the Thai-aware name key (`match_key`). The lookups
are batched: every key of every row is collected first, then one indexed `IN` query per key column
and chunk, so 100,000 rows cost a few hundred queries, not one per row.

A row is the SAME record ("update") when one live record shares a strong key (tax id, e-mail,
phone) and the name (or the row has no name); a likely match on a strong key with another name, or
on the name alone, is a "duplicate" for the user to decide; a later row of the same file that
shares a strong key with an earlier one is a duplicate of that row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select

from crm_desktop.db.database import Database
from crm_desktop.errors import ValidationError
from crm_desktop.exchange.plans import DUPLICATE, ERROR, NEW, UPDATE, Preview, RowLike, RowPlan
from crm_desktop.models import Account, Contact
from crm_desktop.models.rules import rule_of
from crm_desktop.queries.activity_import import preview_activities
from crm_desktop.text import company_key, email_key, person_key, phone_key

CHUNK = 500  # values per IN (...): under SQLite's variable limit, and each query stays an index probe

_TABLES: dict[str, Table] = {
    "contacts": Contact.__table__,  # type: ignore[dict-item]
    "companies": Account.__table__,  # type: ignore[dict-item]
}
# A contact's office phone is shared by colleagues: only the mobile is a key (as in the duplicate warning).
_PHONES = {"contacts": ("mobile",), "companies": ("phone",)}
STRONG = ("tax_id", "email", "phone")  # the reasons, strongest first; "same_name" is the weak one


@dataclass(frozen=True, slots=True)
class RowKeys:
    """The matching keys of one row, as stored (E.164 phones, lower-case e-mail domain …)."""

    phones: tuple[str, ...] = ()
    email: str = ""
    tax: tuple[str, str] | None = None  # (tax id, branch)
    name: str = ""

    def strong(self) -> list[tuple[str, object]]:
        keys: list[tuple[str, object]] = []
        if self.tax:
            keys.append(("tax_id", self.tax))
        if self.email:
            keys.append(("email", self.email))
        keys += [("phone", p) for p in self.phones]
        return keys


def row_keys(kind: str, values: dict[str, object]) -> RowKeys:
    text = {k: str(v) for k, v in values.items() if isinstance(v, str)}
    phones = tuple(p for p in (phone_key(text.get(c, "")) for c in _PHONES[kind]) if p)
    if kind == "companies":
        tax_id = text.get("tax_id", "")
        tax = (tax_id, text.get("branch_code") or "00000") if tax_id else None
        return RowKeys(phones, email_key(text.get("email", "")), tax, company_key(text.get("name", "")))
    name = person_key(text.get("first_name", ""), text.get("last_name", ""))
    return RowKeys(phones, email_key(text.get("email", "")), None, name)


@dataclass
class _Found:
    """Live records by key: key → ids, and each id's name key."""

    by_key: dict[tuple[str, object], set[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, reason: str, key: object, row_id: str, name: str) -> None:
        self.by_key.setdefault((reason, key), set()).add(row_id)
        self.names[row_id] = name


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _lookup(db: Database, kind: str, keys: Sequence[RowKeys]) -> _Found:
    """One indexed IN query per key column and chunk of values (never one query per row)."""
    table = _TABLES[kind]
    found = _Found()
    live = table.c.deleted_at.is_(None)
    wanted: list[tuple[str, Any, Iterable[Any]]] = [
        ("email", table.c.email, (k.email for k in keys if k.email)),
        ("same_name", table.c.match_key, (k.name for k in keys if k.name)),
    ]
    wanted += [("phone", table.c[c], (p for k in keys for p in k.phones)) for c in _PHONES[kind]]
    with db.engine.connect() as conn:
        for reason, column, values in wanted:
            for part in _chunks(values):
                stmt = select(column, table.c.id, table.c.match_key).where(live, column != "", column.in_(part))
                for value, row_id, name in conn.execute(stmt):
                    found.add(reason, value, row_id, name)
        if kind == "companies":
            for part in _chunks(k.tax[0] for k in keys if k.tax):
                stmt = select(table.c.tax_id, table.c.branch_code, table.c.id, table.c.match_key).where(
                    live, table.c.tax_id != "", table.c.tax_id.in_(part))
                for tax_id, branch, row_id, name in conn.execute(stmt):
                    found.add("tax_id", (tax_id, branch), row_id, name)
    return found


def _plan(row: RowLike, keys: RowKeys, found: _Found, earlier: dict[tuple[str, object], int]) -> RowPlan:
    if row.errors:
        return RowPlan(row.source_row, ERROR)
    reasons: dict[str, list[str]] = {}  # id → reasons, in the order found (strongest first)
    for key in [*keys.strong(), ("same_name", keys.name)]:
        for row_id in sorted(found.by_key.get(key, ())):
            reasons.setdefault(row_id, [])
            if key[0] not in reasons[row_id]:
                reasons[row_id].append(key[0])
    strong = [i for i, why in reasons.items() if why[0] in STRONG]
    if len(strong) == 1 and (not keys.name or found.names[strong[0]] == keys.name):
        return RowPlan(row.source_row, UPDATE, strong[0], reasons=tuple(reasons[strong[0]]))
    if reasons:
        best = strong[0] if strong else next(iter(reasons))
        return RowPlan(row.source_row, DUPLICATE, best, reasons=tuple(reasons[best]))
    for key in keys.strong():
        if key in earlier:
            return RowPlan(row.source_row, DUPLICATE, match_row=earlier[key], reasons=(key[0],))
    return RowPlan(row.source_row, NEW)


def preview_rows(db: Database, kind: str, rows: Sequence[RowLike]) -> Preview:
    """The plan of every row of an import of `kind` ("contacts", "companies") into `db`, and the counts."""
    if kind == "activities":  # ical helper: matched by calendar id or subject and time
        return preview_activities(db, rows)
    keys = [row_keys(kind, row.values) for row in rows]
    found = _lookup(db, kind, keys)
    preview = Preview()
    earlier: dict[tuple[str, object], int] = {}
    required = [column.key for column in _TABLES[kind].c if rule_of(column).required]
    for row, row_key in zip(rows, keys, strict=True):
        plan = _plan(row, row_key, found, earlier)
        missing = [name for name in required if not row.values.get(name)] if plan.status == NEW else []
        if missing:  # a new record the form's rules refuse, said now: "First name: This field is required."
            plan = RowPlan(row.source_row, ERROR, problems=tuple(
                ValidationError(name, "This field is required.") for name in missing))
        if plan.status == NEW:
            for key in row_key.strong():
                earlier.setdefault(key, row.source_row)
        preview.plans.append(plan)
        preview.counts[plan.status] += 1
    return preview
