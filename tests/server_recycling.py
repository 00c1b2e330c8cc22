"""One server database per test worker, put back to the template's rows between the `ctx` tests.

A copy of the template by CREATE DATABASE costs 0.2-0.5 s (mostly PostgreSQL's own catalog, 8 MB);
putting a used copy back costs a few hundredths: every table a test wrote emptied (a big one by
TRUNCATE, so the planner sees it as on a fresh copy), the template's rows copied back in, every
sequence set to the template's value and the planner's statistics dropped. A copy whose schema a test
changed (its tables, columns, indexes, constraints, triggers or functions differ from the template's),
or that cannot be emptied at once, is dropped and copied anew, so a test always starts on what a
fresh copy holds.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from crm_desktop.clock import Clock
from crm_desktop.services.app import AppContext
from tests.server_helpers import create_database, database_url, desk_on, drop_database

# What a test could change of the schema, in one text (compared, never parsed).
_SHAPE = """
SELECT md5(coalesce(string_agg(x, ',' ORDER BY x), '')) FROM (
  SELECT c.relname || ':' || c.relkind::text || ':' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) AS x
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
   WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT conname || ':' || pg_get_constraintdef(oid) FROM pg_constraint
   WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT t.tgname || ':' || t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE c.relnamespace = 'public'::regnamespace
  UNION ALL SELECT p.proname || ':' || md5(p.prosrc) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
) s
"""
_TABLES = "SELECT quote_ident(relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
_SEQUENCES = ("SELECT quote_ident(sequencename), last_value, last_value IS NOT NULL FROM pg_sequences "
              "WHERE schemaname = 'public'")


BIG = 64 * 1024  # bytes of a table emptied by TRUNCATE (the planner then sees it as on a fresh copy)


@dataclass(frozen=True)
class _Template:
    """What a fresh copy of the template holds: its schema's shape, its rows and its sequences."""

    shape: str
    tables: tuple[str, ...]
    rows: dict[str, bytes]  # COPY ... (FORMAT binary) of each table with rows
    sequences: tuple[tuple[str, int | None, bool], ...]


def _connect(url: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))


def _read_template(url: str) -> _Template:
    with closing(_connect(url)) as conn:
        shape = str(conn.execute(_SHAPE).fetchone()[0])  # type: ignore[index]
        tables = tuple(str(name) for (name,) in conn.execute(_TABLES))
        rows: dict[str, bytes] = {}
        for table in tables:
            if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:  # type: ignore[index]
                with conn.cursor().copy(f"COPY {table} TO STDOUT (FORMAT binary)") as copy:
                    rows[table] = b"".join(bytes(block) for block in copy)
        sequences = tuple((str(n), None if not called else int(v), bool(called))  # type: ignore[call-overload]
                          for n, v, called in conn.execute(_SEQUENCES))
        conn.rollback()
    return _Template(shape, tables, rows, sequences)


def _put_back(url: str, template: _Template) -> bool:
    """Empty the copy at `url` and fill it with the template's rows; False when it must be made anew."""
    with closing(_connect(url)) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        if conn.execute(_SHAPE).fetchone()[0] != template.shape:  # type: ignore[index]
            return False
        try:
            conn.execute("SET LOCAL lock_timeout = '2s'")
            conn.execute("SET LOCAL session_replication_role = replica")  # no link checked: rows go in any order
            _empty(conn, template.tables)
            for table, data in template.rows.items():
                with conn.cursor().copy(f"COPY {table} FROM STDIN (FORMAT binary)") as copy:
                    copy.write(data)
            for name, value, called in template.sequences:
                if value is None:
                    conn.execute(f"ALTER SEQUENCE {name} RESTART")
                else:
                    conn.execute("SELECT setval(%s, %s, %s)", (name, value, called))
            conn.execute("DELETE FROM pg_statistic WHERE starelid IN "
                         "(SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)")
            conn.commit()
        except (psycopg.errors.LockNotAvailable, psycopg.errors.InsufficientPrivilege):  # not a superuser
            return False
    return True


def _empty(conn: psycopg.Connection[tuple[object, ...]], tables: tuple[str, ...]) -> None:
    """Every row gone: a table that grew past a few pages gets new empty files (TRUNCATE, 10 ms a table
    with its indexes), a small one is emptied in place (DELETE, a fraction of that)."""
    sizes = " UNION ALL ".join(f"SELECT '{t}', pg_relation_size('{t}'), EXISTS (SELECT 1 FROM {t})" for t in tables)
    used = [(table, size) for table, size, filled in conn.execute(sizes) if filled]
    big = [table for table, size in used if int(size) > BIG]  # type: ignore[call-overload]
    if big:
        conn.execute(f"TRUNCATE {', '.join(big)} CASCADE")  # and the tables that link to them
    for table, _size in used:
        if table not in big:
            conn.execute(f"DELETE FROM {table}")


class Recycler:
    """The worker's one reused copy of a template (made on first use, dropped by `close`)."""

    def __init__(self, url: str, template: str) -> None:
        self.url, self.template = url, template
        self.name = f"crm_test_{os.getpid()}_reused"
        self._read: _Template | None = None
        self._made = False

    def fresh(self) -> str:
        """The URL of the copy, holding exactly what a new copy of the template holds."""
        copy = database_url(self.url, self.name)
        if self._read is None:
            self._read = _read_template(database_url(self.url, self.template))
        if not self._made or not _put_back(copy, self._read):
            create_database(self.url, self.name, self.template)
            self._made = True
        return copy

    def close(self) -> None:
        if self._made:
            drop_database(self.url, self.name)


@contextmanager
def recycled_copy(recycler: Recycler, folder: Path, clock: Clock, site: str | None = None) -> Iterator[AppContext]:
    """As `server_helpers.server_copy`, on the worker's reused copy."""
    with desk_on(recycler.fresh(), folder, clock, site) as ctx:
        yield ctx
