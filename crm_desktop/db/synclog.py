"""The SQL that sync/ needs beyond the row writer (db/writer.py): reading the log for a file, the
reads of the rules across rows that an import repairs (sync/invariants.py), and the clock repair's
edits of the log and the sync tables (sync/repair.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping

from sqlalchemy import Connection

from crm_desktop.db.database import Database
from crm_desktop.db.raw import ServerCursor, cursor_of, driver_cursor

Stage = tuple[str, str, bool, int, bool]  # (id, kind, live, clock, has live deals)


# --- a file's changes ---------------------------------------------------------------------------------


# A change as a line of a sync file (the format sync/records.py describes), written by SQLite:
# json_quote writes a text as Python's json module does (non-ASCII as is), `fields` is JSON already.
_LINE = ("""'{"e":' || json_quote(entity) || ',"r":' || json_quote(row_id) || ',"h":' || hlc || """
         """',"s":' || json_quote(site_id) || ',"b":' || base_hlc || ',"u":' || json_quote(user_id) || """
         """',"t":' || json_quote(changed_at) || ',"f":' || fields || '}'""")
# The same line written by a server: its to_json escapes a text as json_quote and Python do (the quote,
# the backslash, \b \f \n \r \t, other control characters as \u00xx, the rest as is), a null user is
# `null`, and the time is spelled as a file stores it (a timestamp's own text drops zero microseconds).
_SERVER_LINE = (
    """'{"e":' || to_json(entity) || ',"r":' || to_json(row_id) || ',"h":' || hlc || """
    """',"s":' || to_json(site_id) || ',"b":' || base_hlc || ',"u":' || coalesce(to_json(user_id)::text, 'null') """
    """|| ',"t":"' || to_char(changed_at, 'YYYY-MM-DD HH24:MI:SS.US') || '","f":' || fields || '}'""")
_READ_LINES = {False: f"SELECT entity, CAST({_LINE} || char(10) AS BLOB) FROM change "
                      "WHERE site_id = ? AND hlc > ? ORDER BY hlc, seq",
               True: f"SELECT entity, convert_to({_SERVER_LINE} || chr(10), 'UTF8') FROM change "
                     "WHERE site_id = ? AND hlc > ? ORDER BY hlc, seq"}
LINE_BATCH = 10_000


def lines_since(database: Database, seen: Mapping[str, int]) -> Iterator[list[tuple[str, bytes]]]:
    """(entity, the change as a sync-file line ending in a newline, in UTF-8) of every change of the log
    dated after what `seen` holds of its site (by site, then clock), a batch at a time, read through a
    connection of its own while the caller writes the file. SQLite makes the text (100k changes took
    0.6 s in Python) and hands it over as bytes: the file wants bytes, and a text would be decoded
    only to be encoded again (0.15 s). A server's lines are read in one snapshot (REPEATABLE READ):
    desks writing meanwhile add changes the file then holds whole or not at all."""
    raw = database.engine.raw_connection()
    try:
        driver = raw.driver_connection
        server = not isinstance(driver, sqlite3.Connection)
        # A server's bytes come in its binary format, as they are: its text format spells them in hex
        # (100k lines: 4.2 -> 2.8 s).
        cur = ServerCursor(driver.cursor(binary=True)) if server else cursor_of(driver)
        if server:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        sites = [s for (s,) in cur.execute("SELECT DISTINCT site_id FROM change ORDER BY site_id").fetchall()]
        for site in sites:
            cur.execute(_READ_LINES[server], (site, seen.get(site, 0)))
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
    return conn.exec_driver_sql("""SELECT 1 FROM "user" WHERE role = 'owner' AND active AND deleted_at IS NULL """
                                "LIMIT 1").first() is not None


def changes_of_row(conn: Connection, entity: str, row_id: str) -> list[tuple[int, str, str | None, str]]:
    """(clock, site, user, fields as JSON) of a row's logged changes, the latest first."""
    return [tuple(r) for r in driver_cursor(conn).execute(
        "SELECT hlc, site_id, user_id, fields FROM change WHERE entity = ? AND row_id = ? "
        "ORDER BY hlc DESC, site_id DESC", (entity, row_id))]


# --- the clock repair ---------------------------------------------------------------------------------


def future_survey(conn: Connection, horizon: int) -> tuple[int, int, int | None, int]:
    """(changes beyond `horizon`, rows they touch, the newest one's clock, conflicts naming such a clock)."""
    cur = driver_cursor(conn)
    removed, rows, newest = cur.execute(
        "SELECT count(*), count(DISTINCT entity || ' ' || row_id), max(hlc) FROM change WHERE hlc > ?",
        (horizon,)).fetchone()
    conflicts = cur.execute("SELECT count(*) FROM sync_conflict WHERE winner_hlc > ? OR loser_hlc > ?",
                            (horizon, horizon)).fetchone()[0]
    return removed, rows, newest, conflicts


def last_clock(conn: Connection, horizon: int) -> int:
    """The latest clock of the log up to `horizon`; 0 when none."""
    return int(driver_cursor(conn).execute("SELECT coalesce(max(hlc), 0) FROM change WHERE hlc <= ?",
                                           (horizon,)).fetchone()[0])


def take_future_changes(conn: Connection, horizon: int) -> list[tuple[str, str, str]]:
    """Remove the changes dated beyond `horizon` from the log; their (entity, row id, fields as JSON)
    in clock order."""
    cur = driver_cursor(conn)
    found = [tuple(r) for r in cur.execute(
        "SELECT entity, row_id, fields FROM change WHERE hlc > ? ORDER BY hlc, site_id", (horizon,))]
    cur.execute("DELETE FROM change WHERE hlc > ?", (horizon,))
    return found  # type: ignore[return-value]


def conflicts_beyond(conn: Connection, horizon: int) -> list[tuple[int, str, str, int, int]]:
    """(id, entity, row id, winner clock, loser clock) of the conflicts naming a clock beyond `horizon`."""
    return [tuple(r) for r in driver_cursor(conn).execute(
        "SELECT id, entity, row_id, winner_hlc, loser_hlc FROM sync_conflict WHERE winner_hlc > ? OR loser_hlc > ?",
        (horizon, horizon))]


def set_conflict_clocks(conn: Connection, conflict_id: int, winner: int, loser: int) -> None:
    driver_cursor(conn).execute("UPDATE sync_conflict SET winner_hlc = ?, loser_hlc = ? WHERE id = ?",
                                (winner, loser, conflict_id))
