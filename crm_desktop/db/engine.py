"""Where the database lives and how every connection to it is set up (SQLite pragmas)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event

APP_NAME = "crm_desktop"
DB_ENV = "CRM_DESKTOP_DB"
DB_FILENAME = "crm.sqlite3"
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another program's lock before giving up


def default_db_path() -> Path:
    """The user's data folder, so the database survives reinstalling the app."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | None) -> Path:
    """`--db` wins over `CRM_DESKTOP_DB`, which wins over the platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-32000")
    cur.close()


def make_engine(path: Path) -> Engine:
    """An engine whose every connection has WAL, foreign keys and a busy timeout."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine
