"""Read side of the "find duplicates" review: groups of live records sharing a blocking key.

Each blocking key (tax id + branch, e-mail, phone, normalized name `match_key`) is one GROUP BY …
HAVING count > 1 over its index, never a comparison of all pairs. Close-but-different names are
found on save (services.duplicates.find_duplicates_for), not in the review.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, func, literal, select, union_all

from crm_desktop.db.database import Database
from crm_desktop.models import Account, Contact, Lead

REASONS = ("tax_id", "email", "phone", "same_name")  # strongest first
TABLES: dict[str, Table] = {
    "account": Account.__table__,  # type: ignore[dict-item]
    "contact": Contact.__table__,  # type: ignore[dict-item]
    "lead": Lead.__table__,  # type: ignore[dict-item]
}
PHONE_COLUMNS = {"account": ("phone",), "contact": ("mobile",), "lead": ("mobile", "phone")}
MEMBER_CHUNK = 500


@dataclass(frozen=True)
class DuplicateMember:
    id: str
    title: str


@dataclass(frozen=True)
class DuplicateGroup:
    key: str  # the shared value: a phone, an e-mail, "tax id/branch" or a match key
    reason: str  # one of REASONS
    members: tuple[DuplicateMember, ...]


@dataclass(frozen=True)
class _Key:
    """A key expression and the indexed column that finds its rows (the tax id for "tax id/branch")."""

    expr: ColumnElement[Any]
    indexed: ColumnElement[Any]

    def indexed_value(self, key: str) -> str:
        return key.split("/")[0] if self.expr is not self.indexed else key


def _key_columns(kind: str, table: Table) -> dict[str, list[_Key]]:
    """reason -> the keys holding it (several for the phones of a lead)."""
    keys: dict[str, list[_Key]] = {
        "email": [_Key(table.c.email, table.c.email)],
        "phone": [_Key(table.c[c], table.c[c]) for c in PHONE_COLUMNS[kind]],
        "same_name": [_Key(table.c.match_key, table.c.match_key)],
    }
    if kind == "account":
        keys["tax_id"] = [_Key(table.c.tax_id + literal("/") + table.c.branch_code, table.c.tax_id)]
    elif kind == "lead":
        keys["tax_id"] = [_Key(table.c.tax_id, table.c.tax_id)]
    return keys


def _key_rows(table: Table, columns: list[_Key]) -> Select[Any]:
    """(id, key) of every live row with a non-empty key, one row per key column."""
    parts = [
        select(table.c.id.label("id"), col.expr.label("k")).where(table.c.deleted_at.is_(None), col.indexed != "")
        for col in columns
    ]
    if len(parts) == 1:
        return parts[0]
    return select(union_all(*parts).subquery())


def _title_columns(kind: str, table: Table) -> list[ColumnElement[Any]]:
    if kind == "account":
        return [table.c.name]
    cols = [table.c.first_name, table.c.last_name]
    return [*cols, table.c.company_name] if kind == "lead" else cols


def _title(kind: str, values: tuple[Any, ...]) -> str:
    if kind == "account":
        return str(values[0])
    person = " ".join(v for v in values[:2] if v)
    if kind == "lead" and values[2]:
        return f"{person} · {values[2]}" if person else str(values[2])
    return person


def _groups(conn: Connection, kind: str, table: Table, reason: str, columns: list[_Key],
            limit: int) -> list[DuplicateGroup]:
    rows = _key_rows(table, columns).subquery()
    counted = (
        select(rows.c.k).group_by(rows.c.k).having(func.count(rows.c.id.distinct()) > 1)
        .order_by(rows.c.k).limit(limit)
    )
    keys = [r[0] for r in conn.execute(counted)]
    if not keys:
        return []
    members: dict[str, dict[str, DuplicateMember]] = {k: {} for k in keys}
    titles = _title_columns(kind, table)
    for start in range(0, len(keys), MEMBER_CHUNK):
        part = keys[start : start + MEMBER_CHUNK]
        for col in columns:
            wanted = sorted({col.indexed_value(k) for k in part})
            stmt = select(col.expr, table.c.id, *titles).where(table.c.deleted_at.is_(None), col.indexed.in_(wanted))
            for key, row_id, *title in conn.execute(stmt):
                if key in members:
                    members[key][row_id] = DuplicateMember(row_id, _title(kind, tuple(title)))
    return [
        DuplicateGroup(k, reason, tuple(sorted(members[k].values(), key=lambda m: (m.title, m.id))))
        for k in keys
    ]


def duplicate_groups(db: Database, kind: str, limit: int = 500) -> list[DuplicateGroup]:
    """Up to `limit` groups of live `kind` records ("account", "contact", "lead") that share a key.

    Strongest reasons first (tax id, e-mail, phone, then name); a group whose members were already
    listed under a stronger reason is left out.
    """
    table = TABLES[kind]
    out: list[DuplicateGroup] = []
    seen: set[frozenset[str]] = set()
    with db.engine.connect() as conn:
        keys = _key_columns(kind, table)
        for reason in REASONS:
            if reason not in keys or len(out) >= limit:
                continue
            for group in _groups(conn, kind, table, reason, keys[reason], limit - len(out)):
                ids = frozenset(m.id for m in group.members)
                if ids in seen:
                    continue
                seen.add(ids)
                out.append(group)
    return out
