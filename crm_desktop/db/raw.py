"""The driver's own cursor, for the set-wise writers (bulk loads, imports, sync, erasure), on both engines.

Those writers run many rows through one statement with the DB-API's executemany, below SQLAlchemy
(the ORM costs ten times as much per row), and they spell their statements once, with SQLite's `?`
marks. On a server the cursor is psycopg's, whose marks are `%s`: `ServerCursor` takes the `?`
spelling and hands psycopg its own, so each writer keeps one text of each statement. What differs
beyond the marks (SQLite's PRAGMAs, its write lock, its triggers) is each writer's to branch on,
through `on_server`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import Connection


class Cursor(Protocol):
    """What the set-wise writers use of a DB-API cursor: sqlite3's, or `ServerCursor`."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]], /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class ServerCursor:
    """A psycopg cursor that takes statements written with SQLite's `?` marks."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> ServerCursor:
        self.raw.execute(server_marks(sql), parameters or None)
        return self

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]], /) -> None:
        self.raw.executemany(server_marks(sql), seq_of_parameters)

    def fetchone(self) -> Any:
        return self.raw.fetchone()

    def fetchall(self) -> list[Any]:
        return self.raw.fetchall()  # type: ignore[no-any-return]

    def fetchmany(self, size: int = 1, /) -> list[Any]:
        return self.raw.fetchmany(size)  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.raw)


@lru_cache(maxsize=1024)
def server_marks(sql: str) -> str:
    """`sql` with psycopg's marks for SQLite's: a literal % doubled, each ? a %s. (The writers' statements
    hold no ? of their own: no text literal with one, and no JSON operator.)"""
    return sql.replace("%", "%%").replace("?", "%s")


def cursor_of(driver_connection: Any) -> Cursor:
    """A cursor of a driver connection (sqlite3's or psycopg's), taking `?` marks either way."""
    if isinstance(driver_connection, sqlite3.Connection):
        return driver_connection.cursor()
    return ServerCursor(driver_connection.cursor())


def driver_cursor(conn: Connection) -> Cursor:
    """A cursor of the driver connection under `conn` (same transaction)."""
    return cursor_of(conn.connection.driver_connection)


def on_server(cur: Cursor) -> bool:
    """Whether `cur` writes to a server (PostgreSQL) rather than a SQLite file."""
    return isinstance(cur, ServerCursor)


def in_transaction(cur: Cursor) -> bool:
    """Whether the cursor's connection has a transaction open."""
    if isinstance(cur, ServerCursor):
        from psycopg.pq import TransactionStatus  # a server's driver: not loaded for a file

        return bool(cur.raw.connection.info.transaction_status != TransactionStatus.IDLE)
    assert isinstance(cur, sqlite3.Cursor)
    return cur.connection.in_transaction


def begin_writing(cur: Cursor) -> None:
    """Open the transaction as a writer. SQLite takes its one write lock now, not at the first write,
    so what is read meanwhile stays true (change numbers stay ours). On a server the driver opens a
    transaction at the first statement, and the log's numbers come from a sequence: desks write at once."""
    if not on_server(cur) and not in_transaction(cur):
        cur.execute("BEGIN IMMEDIATE")


def insert_many(cur: Cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """New rows into `table`: SQLite's executemany of one INSERT, a server's COPY. psycopg's executemany
    still sends a statement per row, COPY streams them as one: 100,000 contacts and their changes went
    in in 11-15 s by executemany, 7-9 s by COPY, most of that the indexes' work; 100,000 rows into a bare
    table 5.5 s and 0.9 s (bench/bench_server_bulk.py)."""
    names = ", ".join(f'"{c}"' for c in columns)
    if isinstance(cur, ServerCursor):
        with cur.raw.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    cur.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})', rows)
