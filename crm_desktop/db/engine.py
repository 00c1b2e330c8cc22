"""Where the database lives and how every connection to it is set up (SQLite pragmas)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

if TYPE_CHECKING:
    from crm_desktop.db.server import Server

APP_NAME = "crm_desktop"
DB_ENV = "CRM_DESKTOP_DB"
DB_FILENAME = "crm.sqlite3"
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another program's lock before giving up


def default_db_path() -> Path:
    """The user's data folder, so the database survives reinstalling the app."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def sqlite_version() -> str:
    """The SQLite library this program runs on (the About window and `--version`)."""
    return sqlite3.sqlite_version


def resolve_db_path(cli_value: str | Path | None) -> Path | Server:
    """`--db` wins over `CRM_DESKTOP_DB`, which wins over the platform default: a database file, or
    an office server's URL (`postgresql://crm@office-server/crm`), whose desk folder is in the user
    data folder."""
    value = str(cli_value) if cli_value is not None and str(cli_value) else os.environ.get(DB_ENV, "")
    if not value:
        return default_db_path()
    from crm_desktop.db.server import Server, is_server_url  # probe.py, which it needs, needs this module

    if is_server_url(value):
        return Server(value, default_db_path().parent)
    return Path(value).expanduser()


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens `path` read-only, percent-encoded: a `?`, `#` or `%` in a file name stays a name.

    `immutable` also skips locking and the -wal/-shm files, so SQLite creates nothing beside the file;
    only for a file no program is writing.
    """
    return f"{path.absolute().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    _common_pragmas(cur)
    cur.close()


def _on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    _common_pragmas(cur)  # no journal mode: a read-only connection must not (and cannot) change it
    cur.close()


def _common_pragmas(cur: sqlite3.Cursor) -> None:
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-32000")


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine whose every connection has WAL, foreign keys and a busy timeout.

    The file name goes to SQLite as it is (never through a URL, where `?` or `#` would cut it).
    `read_only` connections cannot write, so a command that only reads never changes the file.
    """
    if read_only:
        uri = read_only_uri(path)
        engine = _engine(lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        event.listen(engine, "connect", _on_connect_read_only)
        return engine
    name = str(path)
    engine = _engine(lambda: sqlite3.connect(name, check_same_thread=False))
    event.listen(engine, "connect", _on_connect)
    return engine


def _engine(connect: Callable[[], sqlite3.Connection]) -> Engine:
    # The pool a file database gets from its URL (a URL without a file would get a one-connection pool).
    return create_engine("sqlite://", creator=connect, poolclass=QueuePool)
