"""The SQL of an erasure (PDPA, services/erase.py) beyond the row writer's (db/writer.py): the
erasures the log holds, the sync conflicts that quote a person, and the file rebuilt without the
pages the erasure freed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection

from crm_desktop.db.database import Database
from crm_desktop.db.errors import driver_errors
from crm_desktop.models.privacy import ERASURE

Key = tuple[str, str]  # (entity, row id)
BATCH = 500


def erased_records(conn: Connection) -> set[Key]:
    """(entity, row id) of every record an erasure in the log names."""
    return {(e, r) for e, r in conn.exec_driver_sql(
        "SELECT json_extract(fields, '$.entity'), row_id FROM change WHERE entity = ?", (ERASURE,))}


def conflicts_about(conn: Connection, entity: str, ids: Sequence[str]) -> list[tuple[int, str, str | None, str | None]]:
    """(id, field, winner value, loser value) of the sync conflicts about the rows `ids` of `entity`."""
    found: list[tuple[int, str, str | None, str | None]] = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found += [tuple(r) for r in conn.exec_driver_sql(  # type: ignore[misc]
            f"SELECT id, field, winner_value, loser_value FROM sync_conflict WHERE entity = ? "
            f"AND row_id IN ({','.join('?' * len(chunk))})", (entity, *chunk))]
    return found


def rewrite_conflicts(conn: Connection, values: Iterable[tuple[str | None, str | None, int]]) -> None:
    """Give conflicts new values: (winner value, loser value, conflict id) triples."""
    params = list(values)
    if params:
        conn.exec_driver_sql("UPDATE sync_conflict SET winner_value = ?, loser_value = ? WHERE id = ?", params)


def reclaim(database: Database, *, vacuum: bool) -> None:
    """Empty the WAL into the database and, with `vacuum`, rebuild the file without its free space
    and empty the WAL again (outside any transaction, on a connection of its own)."""
    raw = database.engine.raw_connection()
    try:
        with driver_errors():
            cur = raw.cursor()
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if vacuum:
                cur.execute("VACUUM")
                cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


