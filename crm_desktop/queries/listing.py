"""Helpers shared by list queries: ordered keys of a whole result, then rows for just those keys.

A list's key is the record's id: stable whatever happens to the file (a VACUUM may renumber SQLite's
implicit rowids; a server database has none). Lists fetch the ordered ids of the whole filtered
result once (an index scan: a list's default order has an index ending with the id), and the row
contents only for the rows the view shows. Sorting and filtering always happen in SQL, the id
breaking ties. A list whose default order has an index first reads just its count and first page
(`list_head`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, Table, and_, func, literal, select

from crm_desktop.db.database import Database
from crm_desktop.db.live_counts import live_rows
from crm_desktop.db.search_index import matching_ids

CHUNK = 500  # SQLite allows 32k bound parameters; stay far below.


def text_filter(conn: Connection, table: Table, text: str) -> ColumnElement[bool] | None:
    """A condition keeping rows whose search text contains `text` (None when there is no text)."""
    sub = matching_ids(conn, table.name, text)
    return None if sub is None else table.c.id.in_(sub)


def keys_select(conn: Connection, table: Table, cond: Sequence[ColumnElement[bool]], text: str,
                order: ColumnElement[Any], descending: bool, join: tuple[Any, ColumnElement[bool]] | None = None,
                then: Sequence[ColumnElement[Any]] = ()) -> Select[Any]:
    """The ids of `table`'s rows meeting `cond` whose search text contains `text`, in the list's
    order (`then`, in the same direction, then the id break ties); `join`: the outer join the order
    reads (an owner's name …)."""
    # the join spelled from the table (an implicit left side is ambiguous once `row_count` keeps only
    # the table's FROM)
    stmt = select(table.c.id).select_from(table if join is None else table.outerjoin(*join))
    matched = text_filter(conn, table, text)
    where = [*cond, matched] if matched is not None else list(cond)
    orders = [column.desc() if descending else column for column in (order, *then)]
    return stmt.where(and_(*where)).order_by(*orders, table.c.id)


def ordered_keys(conn: Connection, stmt: Select[Any]) -> list[str]:
    return [r[0] for r in conn.execute(stmt)]


F = TypeVar("F")
# (connection, filter, sort, descending) -> the list's keys in display order (a module's keys_select).
KeysOf = Callable[[Connection, F, str, bool], Select[Any]]


def list_keys(db: Database, keys_of: KeysOf[F], flt: F, sort: str, descending: bool) -> list[str]:
    """Every key of a list, in display order."""
    with db.engine.connect() as conn:
        return ordered_keys(conn, keys_of(conn, flt, sort, descending))


def list_head(db: Database, keys_of: KeysOf[F], flt: F, sort: str, descending: bool, limit: int,
              unfiltered: str | None) -> tuple[int, list[str]]:
    """The number of rows of a list and its first `limit` keys in display order (its first screen).

    `unfiltered`: the list's table when no filter applies: its count is then the table's live count
    (db/live_counts.py), read instead of counted (a million rows took 60 ms to count). A filtered
    list is counted without an order, through its filter's own index."""
    with db.engine.connect() as conn:
        stmt = keys_of(conn, flt, sort, descending)
        live = None if unfiltered is None else live_rows(conn, unfiltered)
        return (row_count(conn, stmt) if live is None else live), ordered_keys(conn, stmt.limit(limit))


def row_count(conn: Connection, stmt: Select[Any]) -> int:
    """The number of rows of `stmt`, counted with no order kept and no column read (SQLite picks the
    narrowest index; the id, not in it, would cost a table read per row)."""
    bare = stmt.order_by(None).with_only_columns(literal(1), maintain_column_froms=True)
    return conn.execute(select(func.count()).select_from(bare.subquery())).scalar() or 0


def fetch_by_keys(conn: Connection, stmt: Select[Any], table: Table, keys: Sequence[str]) -> Mapping[str, Any]:
    """Rows of `stmt` (its first column the id) for the given ids, keyed by id (callers restore the
    view's order)."""
    found: dict[str, Any] = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        for row in conn.execute(stmt.where(table.c.id.in_(part))):
            found[row[0]] = row
    return found
