"""The SQL that sync/ needs beyond the row writer (db/writer.py): reading the log for a file, the
reads of the rules across rows that an import repairs (sync/invariants.py), and the clock repair's
edits of the log and the sync tables (sync/repair.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import Connection

from crm_desktop.db.database import Database

Stage = tuple[str, str, bool, int, bool]  # (id, kind, live, clock, has live deals)


# --- a file's changes ---------------------------------------------------------------------------------


# A change as a line of a sync file (the format sync/records.py describes), written by SQLite:
# json_quote writes a text as Python's json module does (non-ASCII as is), `fields` is JSON already.
_LINE = ("""'{"e":' || json_quote(entity) || ',"r":' || json_quote(row_id) || ',"h":' || hlc || """
         """',"s":' || json_quote(site_id) || ',"b":' || base_hlc || ',"u":' || json_quote(user_id) || """
         """',"t":' || json_quote(changed_at) || ',"f":' || fields || '}'""")
LINE_BATCH = 10_000


def lines_since(database: Database, seen: Mapping[str, int]) -> Iterator[list[tuple[str, bytes]]]:
    """(entity, the change as a sync-file line ending in a newline, in UTF-8) of every change of the log
    dated after what `seen` holds of its site (by site, then clock), a batch at a time, read through a
    connection of its own while the caller writes the file. SQLite makes the text (100k changes took
    0.6 s in Python) and hands it over as bytes: the file wants bytes, and a text would be decoded
    only to be encoded again (0.15 s)."""
    raw = database.engine.raw_connection()
    try:
        cur = raw.cursor()
        sites = [s for (s,) in cur.execute("SELECT DISTINCT site_id FROM change ORDER BY site_id").fetchall()]
        for site in sites:
            cur.execute(f"SELECT entity, CAST({_LINE} || char(10) AS BLOB) FROM change "
                        "WHERE site_id = ? AND hlc > ? ORDER BY hlc, seq",
                        (site, seen.get(site, 0)))
            while batch := cur.fetchmany(LINE_BATCH):
                yield batch
    finally:
        raw.close()


# --- rules across rows ----------------------------------------------------------------------------------


def deleted_parents_in_use(conn: Connection, parent: str, child: str, column: str) -> list[str]:
    """Ids of deleted rows of `parent` that a live row of `child` points at through `column`, in id order."""
    return [i for (i,) in conn.exec_driver_sql(
        f'SELECT DISTINCT p.id FROM "{parent}" p JOIN "{child}" c ON c."{column}" = p.id '
        "WHERE p.deleted_at IS NOT NULL AND c.deleted_at IS NULL ORDER BY p.id")]


def stages(conn: Connection) -> list[Stage]:
    """Every pipeline stage: (id, kind, live, clock, whether a live deal is in it)."""
    return [(i, k, bool(live), h, bool(deals)) for i, k, live, h, deals in conn.exec_driver_sql(
        "SELECT s.id, s.kind, s.deleted_at IS NULL, s.hlc, EXISTS (SELECT 1 FROM opportunity o "
        "WHERE o.stage_id = s.id AND o.deleted_at IS NULL) FROM stage s")]


def has_active_owner(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM user WHERE role = 'owner' AND active AND deleted_at IS NULL "
                                "LIMIT 1").first() is not None


def changes_of_row(conn: Connection, entity: str, row_id: str) -> list[tuple[int, str, str | None, str]]:
    """(clock, site, user, fields as JSON) of a row's logged changes, the latest first."""
    return [tuple(r) for r in conn.exec_driver_sql(  # type: ignore[misc]
        "SELECT hlc, site_id, user_id, fields FROM change WHERE entity = ? AND row_id = ? "
        "ORDER BY hlc DESC, site_id DESC", (entity, row_id))]


# --- the clock repair ---------------------------------------------------------------------------------


def future_survey(conn: Connection, horizon: int) -> tuple[int, int, int | None, int]:
    """(changes beyond `horizon`, rows they touch, the newest one's clock, conflicts naming such a clock)."""
    removed, rows, newest = conn.exec_driver_sql(
        "SELECT count(*), count(DISTINCT entity || ' ' || row_id), max(hlc) FROM change WHERE hlc > ?",
        (horizon,)).one()
    conflicts = conn.exec_driver_sql("SELECT count(*) FROM sync_conflict WHERE winner_hlc > ? OR loser_hlc > ?",
                                     (horizon, horizon)).scalar_one()
    return removed, rows, newest, conflicts


def last_clock(conn: Connection, horizon: int) -> int:
    """The latest clock of the log up to `horizon`; 0 when none."""
    return int(conn.exec_driver_sql("SELECT coalesce(max(hlc), 0) FROM change WHERE hlc <= ?",
                                    (horizon,)).scalar_one())


def take_future_changes(conn: Connection, horizon: int) -> list[tuple[str, str, str]]:
    """Remove the changes dated beyond `horizon` from the log; their (entity, row id, fields as JSON)
    in clock order."""
    found = [tuple(r) for r in conn.exec_driver_sql(
        "SELECT entity, row_id, fields FROM change WHERE hlc > ? ORDER BY hlc, site_id", (horizon,))]
    conn.exec_driver_sql("DELETE FROM change WHERE hlc > ?", (horizon,))
    return found  # type: ignore[return-value]


def conflicts_beyond(conn: Connection, horizon: int) -> list[tuple[int, str, str, int, int]]:
    """(id, entity, row id, winner clock, loser clock) of the conflicts naming a clock beyond `horizon`."""
    return [tuple(r) for r in conn.exec_driver_sql(  # type: ignore[misc]
        "SELECT id, entity, row_id, winner_hlc, loser_hlc FROM sync_conflict WHERE winner_hlc > ? OR loser_hlc > ?",
        (horizon, horizon))]


def set_conflict_clocks(conn: Connection, conflict_id: int, winner: int, loser: int) -> None:
    conn.exec_driver_sql("UPDATE sync_conflict SET winner_hlc = ?, loser_hlc = ? WHERE id = ?",
                         (winner, loser, conflict_id))
