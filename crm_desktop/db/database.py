"""An open database: engine, this copy's site id and clock, and the instance lock."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock
from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

import crm_desktop.db.match_keys  # noqa: F401  (registers the match_key mapper events)
from crm_desktop.clock import Clock, epoch_ms
from crm_desktop.db import migrate
from crm_desktop.db.changelog import logging_session_factory
from crm_desktop.db.engine import make_engine
from crm_desktop.db.errors import readable
from crm_desktop.db.hlc import HybridClock
from crm_desktop.db.lock import acquire_instance_lock
from crm_desktop.db.search_index import INDEXED, fts_available
from crm_desktop.errors import StorageError
from crm_desktop.models import Change, LocalState

SITE_KEY = "site_id"


@dataclass
class Database:
    """Everything a unit of work or a query needs to reach one database file."""

    path: Path
    engine: Engine
    site_id: str
    clock: HybridClock
    time: Clock  # now and today for everything written through this database
    sessions: sessionmaker[Session]
    has_search_index: bool
    migrated: bool = False
    lock: FileLock | None = field(default=None, repr=False)

    def close(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")  # SQLite's advice: refresh stats on close
        except DBAPIError:
            pass  # a read-only or busy file: the statistics simply stay as they were
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def local(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(LocalState.value).where(LocalState.key == key)).scalar()

    def set_local(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO local_state(key, value) VALUES (:k, :v) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                {"k": key, "v": value},
            )


def open_database(path: Path, *, clock: Clock, exclusive: bool = True) -> Database:
    """Lock, migrate (after a backup) and open `path`; raises a readable error on any problem.

    `clock` is the application's source of now and today (the hybrid clock's wall time too).
    `exclusive` takes the one-instance lock: the app and every command that writes do;
    read-only commands such as `search` may run beside an open app.
    """
    path = path.resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            "Cannot create the folder {path}: {reason}", path=str(path.parent), reason=exc
        ) from exc
    lock = acquire_instance_lock(path) if exclusive else None
    try:
        migrated = migrate.upgrade(path, clock.now())
        engine = make_engine(path)
        try:
            with engine.begin() as conn:
                site_id = _ensure_site(conn)
                last = conn.execute(select(func.max(Change.hlc))).scalar() or 0
                has_index = all(fts_available(conn, e.table) for e in INDEXED)
        except DBAPIError as exc:
            engine.dispose()
            raise readable(exc) from exc
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Database(
        path=path,
        engine=engine,
        site_id=site_id,
        clock=HybridClock(last, lambda: epoch_ms(clock.now())),
        time=clock,
        sessions=logging_session_factory(engine),
        has_search_index=has_index,
        migrated=migrated,
        lock=lock,
    )


def _ensure_site(conn: Connection) -> str:
    """This copy's site id, made once: random, so two copies installed apart never share one."""
    row = conn.execute(select(LocalState.value).where(LocalState.key == SITE_KEY)).scalar()
    if row:
        return row
    site_id = secrets.token_hex(8)
    conn.execute(LocalState.__table__.insert().values(key=SITE_KEY, value=site_id))
    return site_id
