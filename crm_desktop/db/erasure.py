"""The SQL of an erasure (PDPA, services/erase.py) beyond the row writer's (db/writer.py): the
erasures the log holds, the sync conflicts that quote a person, and the file rebuilt without the
pages the erasure freed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from crm_desktop.db.database import Database
from crm_desktop.db.errors import driver_errors
from crm_desktop.db.raw import cursor_of, driver_cursor, on_server
from crm_desktop.models.privacy import COPIES, ERASURE, PERSONAL_FIELDS

Key = tuple[str, str]  # (entity, row id)
BATCH = 500


def erased_records(conn: Connection) -> set[Key]:
    """(entity, row id) of every record an erasure in the log names."""
    cur = driver_cursor(conn)
    kind = "CAST(fields AS json) ->> 'entity'" if on_server(cur) else "json_extract(fields, '$.entity')"
    return {(e, r) for e, r in cur.execute(f"SELECT {kind}, row_id FROM change WHERE entity = ?", (ERASURE,))}


def conflicts_about(conn: Connection, entity: str, ids: Sequence[str]) -> list[tuple[int, str, str | None, str | None]]:
    """(id, field, winner value, loser value) of the sync conflicts about the rows `ids` of `entity`."""
    found: list[tuple[int, str, str | None, str | None]] = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found += [tuple(r) for r in driver_cursor(conn).execute(
            f"SELECT id, field, winner_value, loser_value FROM sync_conflict WHERE entity = ? "
            f"AND row_id IN ({','.join('?' * len(chunk))})", (entity, *chunk))]
    return found


def rewrite_conflicts(conn: Connection, values: Iterable[tuple[str | None, str | None, int]]) -> None:
    """Give conflicts new values: (winner value, loser value, conflict id) triples."""
    params = list(values)
    if params:
        driver_cursor(conn).executemany("UPDATE sync_conflict SET winner_value = ?, loser_value = ? WHERE id = ?",
                                        params)


# The tables whose rows an erasure rewrites (services/erase.py): the person's, the log's, the texts
# naming them (models/privacy.COPIES) and the conflicts quoting them.
_REWRITTEN = ("change", "sync_conflict", *sorted({*PERSONAL_FIELDS, *COPIES}))


def reclaim(database: Database, *, vacuum: bool) -> None:
    """Empty the WAL into the database and, with `vacuum`, rebuild the file without its free space
    and empty the WAL again (outside any transaction, on a connection of its own).

    A server keeps the old version of each rewritten row until VACUUM takes it away; its WAL and its
    checkpoints are the administrator's. With `vacuum` the tables an erasure rewrites are vacuumed
    (plain VACUUM: the desks go on working; their trigram indexes lose the dead rows' entries too).
    VACUUM FULL, which also rewrites the files, locks each table against every desk: the
    administrator's, at a quiet hour."""
    raw = database.engine.raw_connection()
    try:
        with driver_errors():
            if not isinstance(raw.driver_connection, sqlite3.Connection):
                if vacuum:
                    _vacuum_server(raw.driver_connection)
                return
            cur = raw.cursor()
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if vacuum:
                cur.execute("VACUUM")
                cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()




def _vacuum_server(driver: Any) -> None:
    """VACUUM the tables an erasure rewrites, outside a transaction (VACUUM cannot run in one)."""
    cur = cursor_of(driver)
    driver.rollback()
    driver.autocommit = True
    try:
        for table in _REWRITTEN:
            cur.execute(f'VACUUM "{table}"')
    finally:
        driver.autocommit = False  # the pooled connection goes back as the engine made it
