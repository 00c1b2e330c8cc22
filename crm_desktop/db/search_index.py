"""SQLite FTS5 trigram indexes for substring search in Thai and English (THAI.md, "Search").

One FTS table per searchable entity, its rowid equal to the entity row's rowid, kept in step by
triggers so every writer (the app, bulk loads, a sync import) updates it in the same transaction.
Trigram needs three code points; shorter queries scan the indexed text with LIKE instead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy import Connection, Integer, Select, column, literal_column, or_, select, text
from sqlalchemy import table as sql_table

from crm_desktop.text import query_phone_digits


def national_digits_sql(column: str) -> str:
    """SQL for a phone stored as E.164 shown as the digits Thais type (+66812345678 -> 0812345678)."""
    return f"(CASE WHEN {column} LIKE '+66%' THEN '0' || substr({column}, 4) ELSE replace({column}, '+', '') END)"


@dataclass(frozen=True)
class IndexedEntity:
    table: str
    columns: tuple[str, ...]
    phone_columns: tuple[str, ...]

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    def body_sql(self, row: str) -> str:
        parts = [f"{row}.{c}" for c in self.columns]
        parts += [national_digits_sql(f"{row}.{c}") for c in self.phone_columns]
        return " || ' ' || ".join(parts)


INDEXED = (
    IndexedEntity("account", ("name", "tax_id", "email", "website"), ("phone",)),
    IndexedEntity(
        "contact", ("first_name", "last_name", "nickname", "email", "line_id"), ("mobile", "phone")
    ),
)


def has_trigram(conn: sqlite3.Connection) -> bool:
    """Python builds on Windows and macOS bring their own SQLite; trigram needs 3.34 with FTS5."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.__trigram_probe USING fts5(x, tokenize='trigram')")
        conn.execute("DROP TABLE temp.__trigram_probe")
    except sqlite3.OperationalError:
        return False
    return True


def create_statements(entity: IndexedEntity) -> list[str]:
    """DDL for one entity's index and its triggers (used by migrations, frozen there by value)."""
    watched = ", ".join((*entity.columns, *entity.phone_columns, "deleted_at"))
    t, f = entity.table, entity.fts
    return [
        f"CREATE VIRTUAL TABLE {f} USING fts5(body, tokenize='trigram')",
        f"INSERT INTO {f}(rowid, body) SELECT rowid, {entity.body_sql(t)} FROM {t} WHERE deleted_at IS NULL",
        f"CREATE TRIGGER {f}_ai AFTER INSERT ON {t} WHEN new.deleted_at IS NULL BEGIN "
        f"INSERT INTO {f}(rowid, body) VALUES (new.rowid, {entity.body_sql('new')}); END",
        f"CREATE TRIGGER {f}_au AFTER UPDATE OF {watched} ON {t} BEGIN "
        f"DELETE FROM {f} WHERE rowid = old.rowid; "
        f"INSERT INTO {f}(rowid, body) SELECT new.rowid, {entity.body_sql('new')} "
        f"WHERE new.deleted_at IS NULL; END",
        f"CREATE TRIGGER {f}_ad AFTER DELETE ON {t} BEGIN DELETE FROM {f} WHERE rowid = old.rowid; END",
    ]


def fts_available(conn: Connection, table: str) -> bool:
    row = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": f"{table}_fts"}
    ).first()
    return row is not None


def search_terms(query: str) -> list[str]:
    """What to look for: the text as typed, plus its phone-digit form when it looks like a phone."""
    query = " ".join(query.split())
    if not query:
        return []
    digits = query_phone_digits(query)
    return [query] if digits is None or digits == query else [query, digits]


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def rowid_subquery(table: str, query: str, has_fts: bool = True) -> Select[tuple[int]] | None:
    """SELECT of the rowids of `table` rows whose search text contains `query`.

    Three or more code points use the trigram index; shorter queries (e.g. "ใจ") scan the
    indexed text with LIKE, since trigram silently finds nothing for them. Without FTS5 trigram
    (an old SQLite), every query scans the table's own columns with LIKE: slower, still correct.
    """
    terms = search_terms(query)
    if not terms:
        return None
    if not has_fts:
        entity = next(e for e in INDEXED if e.table == table)
        body = literal_column(f"({entity.body_sql(table)})")
        scan = select(column("rowid", Integer)).select_from(sql_table(table))
        return scan.where(or_(*(body.like(_like_pattern(t), escape="\\") for t in terms)))
    fts = sql_table(f"{table}_fts", column("rowid", Integer), column("body"))
    stmt = select(fts.c.rowid)
    if all(len(t) >= 3 for t in terms):
        expression = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return stmt.where(literal_column(fts.name).op("MATCH")(expression))
    return stmt.where(or_(*(fts.c.body.like(_like_pattern(t), escape="\\") for t in terms)))


def matching_rowids(conn: Connection, table: str, query: str, limit: int) -> list[int]:
    """Up to `limit` rowids of live `table` rows matching `query`, best matches first."""
    has_fts = fts_available(conn, table)
    stmt = rowid_subquery(table, query, has_fts)
    if stmt is None:
        return []
    if has_fts and all(len(t) >= 3 for t in search_terms(query)):
        stmt = stmt.order_by(literal_column("rank"))
    return [r[0] for r in conn.execute(stmt.limit(limit))]
