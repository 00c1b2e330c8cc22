"""Helpers shared by list queries: ordered keys of a whole result, then rows for just those keys.

Lists fetch the ordered rowids of the whole filtered result once (cheap, an index scan), and the
row contents only for the rows the view shows. Sorting and filtering always happen in SQL. A list
whose default order has an index first reads just its count and first page (`list_head`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, Table, and_, func, literal_column, select

from crm_desktop.db.database import Database
from crm_desktop.db.live_counts import live_rows
from crm_desktop.db.search_index import fts_available, rowid_subquery

CHUNK = 500  # SQLite allows 32k bound parameters; stay far below.


def rowid(table: Table) -> ColumnElement[int]:
    """The local integer key of a row (SQLite rowid): compact and fast for list models."""
    return literal_column(f'"{table.name}".rowid', type_=None)  # type: ignore[arg-type]


def text_filter(conn: Connection, table: Table, text: str) -> ColumnElement[bool] | None:
    """A condition keeping rows whose search text contains `text` (None when there is no text)."""
    sub = rowid_subquery(table.name, text, fts_available(conn, table.name))
    return None if sub is None else rowid(table).in_(sub)


def keys_select(conn: Connection, table: Table, cond: Sequence[ColumnElement[bool]], text: str,
                order: ColumnElement[Any], descending: bool, join: tuple[Any, ColumnElement[bool]] | None = None,
                then: Sequence[ColumnElement[Any]] = ()) -> Select[Any]:
    """The rowids of `table`'s rows meeting `cond` whose search text contains `text`, in the list's
    order (`then`, in the same direction, then the rowid break ties); `join`: the outer join the order
    reads (an owner's name …)."""
    stmt = select(rowid(table)).select_from(table)
    if join is not None:
        stmt = stmt.outerjoin(*join)
    matched = text_filter(conn, table, text)
    where = [*cond, matched] if matched is not None else list(cond)
    orders = [column.desc() if descending else column for column in (order, *then)]
    return stmt.where(and_(*where)).order_by(*orders, rowid(table))


def ordered_keys(conn: Connection, stmt: Select[Any]) -> list[int]:
    return [r[0] for r in conn.execute(stmt)]


F = TypeVar("F")
# (connection, filter, sort, descending) -> the list's keys in display order (a module's keys_select).
KeysOf = Callable[[Connection, F, str, bool], Select[Any]]


def list_keys(db: Database, keys_of: KeysOf[F], flt: F, sort: str, descending: bool) -> list[int]:
    """Every key of a list, in display order."""
    with db.engine.connect() as conn:
        return ordered_keys(conn, keys_of(conn, flt, sort, descending))


def list_head(db: Database, keys_of: KeysOf[F], flt: F, sort: str, descending: bool, limit: int,
              name: ColumnElement[str] | None) -> tuple[int, list[int]]:
    """The number of rows of a list and its first `limit` keys in display order (its first screen).

    `name`: for an unfiltered list, the leading column of its live-name partial index. Its table's
    count is then read from the live counts (db/live_counts.py) instead of counted: a million rows
    took 60 ms to count. A table without one is counted where `name >= ''` (true of every name), along
    that narrow index. A filtered list is counted without an order, through its filter's own index."""
    with db.engine.connect() as conn:
        stmt = keys_of(conn, flt, sort, descending)
        live = None if name is None else live_rows(conn, name.table.name)  # type: ignore[attr-defined]
        if live is None:
            counted = stmt if name is None else keys_of(conn, flt, "name", False).where(name >= "")
            live = row_count(conn, counted)
        return live, ordered_keys(conn, stmt.limit(limit))


def row_count(conn: Connection, stmt: Select[Any]) -> int:
    """The number of rows of `stmt`, counted with no order kept (SQLite picks the narrowest index)."""
    return conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar() or 0


def fetch_by_keys(conn: Connection, stmt: Select[Any], table: Table, keys: Sequence[int]) -> Mapping[int, Any]:
    """Rows of `stmt` for the given rowids, keyed by rowid (callers restore the view's order)."""
    found: dict[int, Any] = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        for row in conn.execute(stmt.where(rowid(table).in_(part))):
            found[row[0]] = row
    return found
