"""Databases on an office server (PostgreSQL) for the tests that run on both engines.

`CRM_TEST_SERVER` names a server and a role that may create databases, as a URL to any of its
databases (`.ci/run` starts a throw-away one: `postgresql://crm@127.0.0.1:PORT/postgres`). Without it,
the tests run on SQLite only. Modules marked `server` run their `ctx` tests on both engines; each test
on the server starts on what a copy of a migrated and seeded template holds: the worker's one database
put back to the template's rows (`server_recycling.py`), or a copy of its own (CREATE DATABASE ...
TEMPLATE: 15 times faster than migrating each one).
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

import pytest
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
        copy = f' TEMPLATE "{template}"' if template else ""
        if template and conn.dialect.server_version_info >= (15,):
            copy += " STRATEGY FILE_COPY"  # the template's files copied whole: 0.07 s, not 0.2 s through the WAL
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"{copy}')
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
    try:
        with desk_on(create_database(url, name, template), folder, clock, site) as ctx:
            yield ctx
    finally:
        drop_database(url, name)


@contextmanager
def desk_on(database: str, folder: Path, clock: Clock, site: str | None = None) -> Iterator[AppContext]:
    """The server database at URL `database` opened as a desk whose folder is `folder` (and whose site id
    is `site`, or a new one); closed after."""
    server = Server(database, folder)
    if site is not None:
        keep_desk_site(server, site)
    ctx = open_app(server, clock=clock)
    try:
        yield ctx
    finally:
        ctx.close()


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


COMMAND_PASSWORD = "command-secret"


def command_db(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> str:
    """The `--db` of a command run on the context's database: the file, or the server's address, where
    the command logs in as the owner (given a first password here) from a desk folder of its own."""
    server = ctx.database.server
    if server is None:
        return str(ctx.database.path)
    return _commands_log_in(ctx, server, monkeypatch)


def _commands_log_in(ctx: AppContext, server: Server, env: pytest.MonkeyPatch) -> str:
    from crm_desktop.services.app import OWNER_ID
    from crm_desktop.services.logins import needs_first_password, set_first_password

    if needs_first_password(ctx.database):
        set_first_password(ctx, OWNER_ID, COMMAND_PASSWORD)
    env.setenv("CRM_DESKTOP_USER", "Owner")
    env.setenv("CRM_DESKTOP_PASSWORD", COMMAND_PASSWORD)
    env.setenv("XDG_DATA_HOME", str(server.base / "command"))
    return server.url


def engines() -> tuple[str, ...]:
    """The engines a module's own database is made on (a module-scoped fixture's params): SQLite, and
    the test server when CRM_TEST_SERVER names one."""
    return ENGINES if server_url() is not None else ENGINES[:1]


@contextmanager
def module_database(request: pytest.FixtureRequest, folder: Path, clock: Clock) -> Iterator[tuple[AppContext, str]]:
    """A module's own new database on the engine of the fixture's param (a file in `folder`, or a copy
    of the server's template), opened, and the `--db` of a command on it: on a server the commands log
    in as the owner, through the environment, until the block ends. Close the context before running
    commands on a file (its lock)."""
    if request.param == "sqlite":
        path = folder / "crm.sqlite3"
        ctx = open_app(path, clock=clock)
        try:
            yield ctx, str(path)
        finally:
            ctx.close()
        return
    url = server_url()
    assert url is not None
    with server_copy(url, request.getfixturevalue("server_template"), folder, clock) as ctx, \
            pytest.MonkeyPatch.context() as env:
        assert ctx.database.server is not None
        yield ctx, _commands_log_in(ctx, ctx.database.server, env)


def stored_rows(ctx: AppContext, sql: str, *params: object) -> list[tuple[object, ...]]:
    """The rows of `sql` (with `?` placeholders), each value as a file stores it (`StoredRows`)."""
    return [tuple(_as_stored(v) for v in row) for row in fetch(ctx, sql, params)]


@contextmanager
def small_demo(request: pytest.FixtureRequest, folder: Path) -> Iterator[AppContext]:
    """The small demo in a module's own database on the engine of the fixture's param, opened."""
    from crm_desktop.demo.generate import load_demo

    with module_database(request, folder, make_clock()) as (ctx, _):
        load_demo(ctx.database, "small", ctx.user_id)
        yield ctx
