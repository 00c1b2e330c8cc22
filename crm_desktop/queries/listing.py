"""Helpers shared by list queries: ordered keys of a whole result, then rows for just those keys.

Lists fetch the ordered rowids of the whole filtered result once (cheap, an index scan), and the
row contents only for the rows the view shows. Sorting and filtering always happen in SQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, literal_column

from crm_desktop.db.search_index import fts_available, rowid_subquery

CHUNK = 500  # SQLite allows 32k bound parameters; stay far below.


def rowid(table: Table) -> ColumnElement[int]:
    """The local integer key of a row (SQLite rowid): compact and fast for list models."""
    return literal_column(f'"{table.name}".rowid', type_=None)  # type: ignore[arg-type]


def text_filter(conn: Connection, table: Table, text: str) -> ColumnElement[bool] | None:
    """A condition keeping rows whose search text contains `text` (None when there is no text)."""
    sub = rowid_subquery(table.name, text, fts_available(conn, table.name))
    return None if sub is None else rowid(table).in_(sub)


def ordered_keys(conn: Connection, stmt: Select[Any]) -> list[int]:
    return [r[0] for r in conn.execute(stmt)]


def fetch_by_keys(conn: Connection, stmt: Select[Any], table: Table, keys: Sequence[int]) -> Mapping[int, Any]:
    """Rows of `stmt` for the given rowids, keyed by rowid (callers restore the view's order)."""
    found: dict[int, Any] = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        for row in conn.execute(stmt.where(rowid(table).in_(part))):
            found[row[0]] = row
    return found
