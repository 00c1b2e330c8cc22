"""Putting a backup back onto an office server: every data row replaced in one server transaction.

A backup is either pg_dump's file (read by pg_restore, which must then be on the PATH) or our own
export (`db.server_export`: a SQLite file, verified and brought up to date on a scratch copy as a
file's restore does). Both are read first into temporary tables of the restoring connection, while
the desks go on working on the data as it is; only then, in the same transaction, are the data
tables emptied (TRUNCATE) and filled from them. The desks wait for that last step alone (TRUNCATE
locks the tables until the commit), and any failure rolls all of it back: the server stays as it was.

What a restore does not bring back, as for a file: the logins (the current passwords stay, those of
people the restored data lacks go; the security events go on), and the server's `local_state`. The
sequences that number the change log and the other logs go on above every number they gave before and
above the restored ones: the desks' polls have seen numbers up to there, and new changes must come
after them. The restore generation in `local_state` goes up by one: every desk's poll compares it
(`db.desks.restore_generation`), and a desk that finds another one than it started with was working
on data that is gone, so it tells its user to start again (the restoring desk takes the new one).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Integer, MetaData, Table, insert
from sqlalchemy.exc import DBAPIError

from crm_desktop.db.backup import Progress
from crm_desktop.db.engine import make_engine
from crm_desktop.db.migrate import SCHEMA_HEAD
from crm_desktop.db.restore import verified_copy
from crm_desktop.db.server import server_reason
from crm_desktop.db.server_backup import is_dump
from crm_desktop.db.server_export import data_tables, read_batches
from crm_desktop.errors import StorageError

GENERATION_KEY = "restore_generation"  # local_state on a server: how many restores it has had
RESTORE_PROGRAM = "pg_restore"
KEPT = frozenset(("credential", "security_event"))  # the server's own logins, not the backup's
_STAGE = "restoring_"  # the temporary tables' names: restoring_<table>
_NOTHING = "Nothing was restored: {reason}"


@dataclass(frozen=True)
class Loaded:
    upgraded: bool  # our own export of an older schema, brought up to date first
    generation: int  # the server's new restore generation
    last_hlc: int  # the newest change clock in the restored data


def restore_program() -> str | None:
    """pg_restore's path, or None when it is not installed on this computer."""
    return shutil.which(RESTORE_PROGRAM)


def load_backup(engine: Engine, source: Path, scratch: Path, now: datetime,
                progress: Progress | None = None) -> Loaded:
    """Replace every data row on the server with the backup `source`'s, in one transaction, or change
    nothing and raise. `scratch`: where our own export is verified (removed after)."""
    tables = [t for t in data_tables() if t.name not in KEPT]
    try:
        with engine.begin() as conn:
            if is_dump(source):
                upgraded = False
                _stage_dump(conn, source, tables)
            else:
                upgraded = verified_copy(source, scratch, now, progress)
                _stage_file(conn, scratch, tables)
            _replace(conn, tables)
            return Loaded(upgraded, _next_generation(conn), _last_hlc(conn))
    except DBAPIError as exc:
        raise StorageError(_NOTHING, reason=server_reason(exc)) from exc
    finally:
        for extra in ("", "-wal", "-shm", "-journal"):
            scratch.with_name(scratch.name + extra).unlink(missing_ok=True)


def _stage(conn: Connection, table: Table) -> str:
    name = f"{_STAGE}{table.name}"
    conn.exec_driver_sql(f'CREATE TEMP TABLE {_quoted(name)} (LIKE {_quoted(table.name)}) ON COMMIT DROP')
    return name


def _stage_file(conn: Connection, scratch: Path, tables: list[Table]) -> None:
    """Our own export's rows into the temporary tables, through the column types (as the app reads a file)."""
    source = make_engine(scratch, read_only=True)
    try:
        with source.connect() as read:
            for table in tables:
                staged = table.to_metadata(MetaData(), name=_stage(conn, table))
                for rows in read_batches(read, table):
                    conn.execute(insert(staged), rows)
    finally:
        source.dispose()


def _stage_dump(conn: Connection, source: Path, tables: list[Table]) -> None:
    """pg_dump's rows into the temporary tables: pg_restore writes them out as COPY blocks, which go to
    the server as they are. Refused unless the dump is of our schema head."""
    program = restore_program()
    if program is None:
        raise StorageError("{path} was made by pg_dump, and pg_restore is not installed on this computer. Install "
                           "PostgreSQL's client programs, or restore a backup made without them.", path=str(source))
    wanted = {t.name: t for t in tables}
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    revision = None
    with _copy_blocks(program, source) as blocks:
        for table, columns, lines in blocks:
            if table == "alembic_version":
                revision = b"".join(lines).decode().strip()
            elif table in wanted:
                with cursor.copy(f'COPY "{_stage(conn, wanted.pop(table))}" ({columns}) FROM STDIN') as copy:
                    for line in lines:
                        copy.write(line)
            else:
                for _ in lines:  # a table that is not data (local_state, live_count)
                    pass
    if revision != SCHEMA_HEAD:
        raise StorageError("{path} holds the data of schema {rev}, where this version works with {head}: restore it "
                           "with the version that made it.", path=str(source), rev=revision or "?", head=SCHEMA_HEAD)
    for table in wanted.values():  # none in the dump: nothing to restore there
        _stage(conn, table)


Block = tuple[str, str, Iterator[bytes]]  # (table, its column list as written, the data lines)


@contextmanager
def _copy_blocks(program: str, source: Path) -> Iterator[Iterator[Block]]:
    """The data blocks of a pg_dump file, as pg_restore writes them out as SQL (no server involved)."""
    done = subprocess.Popen([program, "--data-only", "--file=-", str(source)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert done.stdout is not None
    out = done.stdout

    def lines() -> Iterator[bytes]:
        for line in out:
            if line == b"\\.\n":
                return
            yield line

    def blocks() -> Iterator[Block]:
        for line in out:
            if line.startswith(b"COPY ") and line.rstrip().endswith(b"FROM stdin;"):
                head = line.decode()[5:]
                name, _, rest = head.partition(" (")
                yield name.rsplit(".", 1)[-1].strip('"'), rest.rsplit(")", 1)[0], lines()

    try:
        yield blocks()
    finally:
        out.read()
        error = done.stderr.read().decode(errors="replace") if done.stderr else ""
        if done.wait() != 0:
            reason = (error.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            raise StorageError("The backup {path} could not be read: {reason}", path=str(source), reason=reason)


def _replace(conn: Connection, tables: list[Table]) -> None:
    """Empty the data tables and fill them from the staged rows; the current logins kept; sequences on."""
    conn.exec_driver_sql('CREATE TEMP TABLE "kept_credential" ON COMMIT DROP AS SELECT * FROM credential')
    conn.exec_driver_sql(f"TRUNCATE {', '.join(_quoted(t.name) for t in tables)}, credential")
    postponed: list[tuple[Table, str]] = []
    for table in tables:
        later = {c.parent.name for fk in table.foreign_key_constraints if fk.use_alter for c in fk.elements}
        columns = [c.name for c in table.c]
        chosen = ", ".join("NULL" if c in later else f'"{c}"' for c in columns)
        conn.exec_driver_sql(f'INSERT INTO {_quoted(table.name)} ({", ".join(map(_quoted, columns))}) '
                             f"SELECT {chosen} FROM {_quoted(_STAGE + table.name)}")
        postponed += [(table, c) for c in sorted(later)]
    for table, column in postponed:  # the lead's link to its deal: both are in by now
        conn.exec_driver_sql(f'UPDATE "{table.name}" t SET "{column}" = s."{column}" FROM "{_STAGE}{table.name}" s '
                             f'WHERE t.id = s.id AND s."{column}" IS NOT NULL')
    conn.exec_driver_sql('INSERT INTO credential SELECT k.* FROM kept_credential k JOIN "user" u ON u.id = k.user_id')
    for table in data_tables():
        _continue_sequence(conn, table)


def _quoted(name: str) -> str:
    return f'"{name}"'


def _continue_sequence(conn: Connection, table: Table) -> None:
    """A counted primary key's sequence goes on above the numbers it gave and above the restored ones."""
    keys = [c for c in table.primary_key.columns if isinstance(c.type, Integer) and c.autoincrement is True]
    for column in keys:
        sequence = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%s, %s)",
                                        (f'"{table.name}"', column.name)).scalar()
        if sequence is not None:
            conn.exec_driver_sql(
                f'SELECT setval(%s::regclass, greatest((SELECT coalesce(max("{column.name}"), 0) FROM "{table.name}"), '
                "coalesce(pg_sequence_last_value(%s::regclass), 0), 1))", (sequence, sequence))


def _next_generation(conn: Connection) -> int:
    stored = conn.exec_driver_sql("SELECT value FROM local_state WHERE key = %s", (GENERATION_KEY,)).scalar()
    generation = int(stored or 0) + 1
    conn.exec_driver_sql("INSERT INTO local_state (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE "
                         "SET value = excluded.value", (GENERATION_KEY, str(generation)))
    return generation


def _last_hlc(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT coalesce(max(hlc), 0) FROM change").scalar() or 0)

