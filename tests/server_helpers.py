"""Databases on an office server (PostgreSQL) for the tests that run on both engines.

`CRM_TEST_SERVER` names a server and a role that may create databases, as a URL to any of its
databases (`.ci/run` starts a throw-away one: `postgresql://crm@127.0.0.1:PORT/postgres`). Without it,
the tests run on SQLite only. Modules marked `server` run their `ctx` tests on both engines; each test
on the server gets a database of its own, copied from a migrated and seeded template (CREATE DATABASE
... TEMPLATE: 15 times faster than migrating each one).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, create_engine, text
from sqlalchemy.engine import make_url

from crm_desktop.clock import Clock
from crm_desktop.db.server import Server, keep_desk_site
from crm_desktop.services.app import AppContext, open_app
from tests.time_helpers import make_clock

SERVER_ENV = "CRM_TEST_SERVER"
ENGINES = ("sqlite", "postgresql")
_numbers = itertools.count()


def server_url() -> str | None:
    return os.environ.get(SERVER_ENV) or None


def _admin(url: str) -> Engine:
    """An autocommit engine on the server's maintenance database (CREATE / DROP DATABASE)."""
    return create_engine(make_url(url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")


def database_url(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def create_database(url: str, name: str, template: str | None = None) -> str:
    """A new empty database (or a copy of `template`) on the server of `url`; its URL."""
    engine = _admin(url)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    engine.dispose()
    return database_url(url, name)


def drop_database(url: str, name: str) -> None:
    engine = _admin(url)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()


def make_server_template(url: str, folder: Path) -> str:
    """A migrated and seeded database to copy (its name); the desk folder it made is left behind."""
    name = f"crm_test_template_{os.getpid()}"
    created = create_database(url, name)
    open_app(Server(created, folder), clock=make_clock()).close()
    return name


@contextmanager
def server_copy(url: str, template: str, folder: Path, clock: Clock, site: str | None = None) -> Iterator[AppContext]:
    """A fresh copy of the template on the server, opened as a desk whose folder is `folder` (and whose
    site id is `site`, or a new one); dropped after."""
    name = f"crm_test_{os.getpid()}_{next(_numbers)}"
    server = Server(create_database(url, name, template), folder)
    if site is not None:
        keep_desk_site(server, site)
    ctx = open_app(server, clock=clock)
    try:
        yield ctx
    finally:
        ctx.close()
        drop_database(url, name)


def fetch(ctx: AppContext, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """The rows of `sql` (with `?` placeholders) on the context's database, a file or a server."""
    with raw_sql(ctx) as conn:
        return [tuple(row) for row in conn.execute(sql, params)]


class _Raw:
    """A connection for statements written with `?` placeholders, on a file or a server."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> CursorResult[Any]:
        names = iter(range(len(params)))
        statement = text(re.sub(r"\?", lambda _: f":p{next(names)}", sql))
        return self.conn.execute(statement, {f"p{i}": v for i, v in enumerate(params)})


@contextmanager
def raw_sql(ctx: AppContext) -> Iterator[_Raw]:
    """SQL written out by hand in a test, on whichever engine the context is (read only)."""
    with ctx.database.engine.connect() as conn:
        yield _Raw(conn)


class StoredRows:
    """Plain reads for the tests that check a figure against the stored rows, on either engine: each value
    as a file stores it (dates and times as ISO text, booleans as 0/1), so one independent computation
    serves both."""

    def __init__(self, ctx: AppContext) -> None:
        self.conn = ctx.database.engine.connect()

    def execute(self, sql: str, params: Sequence[object] = ()) -> _Fetched:
        return _Fetched(tuple(_as_stored(v) for v in row) for row in _Raw(self.conn).execute(sql, params))

    def close(self) -> None:
        self.conn.close()


class _Fetched(list[tuple[object, ...]]):
    def fetchall(self) -> list[tuple[object, ...]]:
        return self

    def fetchone(self) -> tuple[object, ...] | None:
        return self[0] if self else None


def _as_stored(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def cli_database(ctx: AppContext, monkeypatch: Any) -> str:
    """What `--db` names for the context's database. On a server, where everyone logs in, the acting
    person is given a first password and logged in through the environment, as an office would."""
    from crm_desktop.services.logins import set_first_password

    server = ctx.database.server
    if server is None:
        return str(ctx.database.path)
    set_first_password(ctx, ctx.user_id, "owner-secret")
    monkeypatch.setenv("CRM_DESKTOP_USER", fetch(ctx, 'SELECT name FROM "user" WHERE id = ?', (ctx.user_id,))[0][0])
    monkeypatch.setenv("CRM_DESKTOP_PASSWORD", "owner-secret")
    return server.url
