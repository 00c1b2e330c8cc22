"""An open database: engine, this copy's site id and clock, and the instance lock."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

import crm_desktop.db.derived  # noqa: F401  (registers the match_key mapper events)
from crm_desktop.clock import Clock, epoch_ms
from crm_desktop.db import migrate
from crm_desktop.db.changelog import logging_session_factory
from crm_desktop.db.engine import make_engine
from crm_desktop.db.errors import readable
from crm_desktop.db.hlc import HybridClock, horizon
from crm_desktop.db.leftovers import remove_leftovers
from crm_desktop.db.lock import InstanceLock, acquire_instance_lock
from crm_desktop.db.probe import Found, Kind, probe, refusal
from crm_desktop.db.search_index import INDEXED, fts_available
from crm_desktop.db.server import Server, desk_site, keep_desk_site, probe_server, server_refusal, writing_in
from crm_desktop.errors import StorageError
from crm_desktop.models import Change, LocalState

SITE_KEY = "site_id"
# The clock never starts below this: a restore stores here the newest clock the copy had issued,
# which the restored change log may lack; handing it out again would give two changes one name.
CLOCK_FLOOR_KEY = "clock_floor"
# Set by a restore that lost changes this copy had made: its own changes are complete only up to this
# clock. Until every other copy has seen a change made after the restore, our files say so (sync/).
OWN_COMPLETE_KEY = "own_changes_complete_to"


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
    lock: InstanceLock | None = field(default=None, repr=False)
    read_only: bool = False
    # What a query keeps between calls on this database in this process (the forecast's history):
    # held here, not in a module-level registry, so that it goes with the database it describes.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # The office server this is, or None for a database file (`path` then stands for the server
    # among files: db/server.py).
    server: Server | None = None

    @property
    def shown(self) -> str:
        """How messages name this database: the file, or the server's address without a password."""
        return self.server.shown if self.server is not None else str(self.path)

    def close(self) -> None:
        if not self.read_only and self.server is None:
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
        try:
            with self.engine.connect() as conn:
                return _local(conn, key)
        except DBAPIError as exc:
            raise readable(exc) from exc

    def first_local(self, key: str, value: str) -> str:
        """The value under `key`, which becomes `value` if there is none yet: the first of several desks
        to set it wins, and each gets the same answer."""
        try:
            with self.engine.begin() as conn:
                conn.execute(text("INSERT INTO local_state(key, value) VALUES (:k, :v) ON CONFLICT(key) DO NOTHING"),
                             {"k": key, "v": value})
                return str(_local(conn, key))
        except DBAPIError as exc:
            raise readable(exc) from exc

    def set_local(self, key: str, value: str) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    text("INSERT INTO local_state(key, value) VALUES (:k, :v) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                    {"k": key, "v": value},
                )
        except DBAPIError as exc:
            raise readable(exc) from exc


def open_database(location: Path | Server, *, clock: Clock, create: bool = True, read_only: bool = False) -> Database:
    """Open the database file at `location`, or the office server it names; or refuse with a readable
    error before changing anything.

    `clock` is the application's source of now and today (the hybrid clock's wall time too).
    The file is looked at first (`db.probe`): another program's database, a file that is not
    SQLite or a damaged one is refused as it is. With `create` a missing (or empty) file becomes a
    new database (the app's first start, `demo`, a sync import into a new copy). Otherwise the
    file is locked (one instance), migrated after a backup, and opened.

    `read_only` is for commands that only read (`search`, `sync status`): no lock (they run beside
    an open app), never created nor migrated (an older schema is refused with advice), and a
    connection that cannot write.
    """
    if isinstance(location, Server):
        return _open_server(location, clock, create=create, read_only=read_only)
    path = location.resolve()
    found = probe(path)
    error = refusal(path, found, create=create and not read_only)
    if error is not None:
        raise error
    if read_only:
        return _open_read_only(path, found, clock)
    if found.kind is Kind.MISSING:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                "Cannot create the folder {path}: {reason}", path=str(path.parent), reason=exc
            ) from exc
    elif not os.access(path, os.W_OK):  # SQLite would open it read-only and fail at the first write
        raise StorageError("The database file is read-only. Check the file's permissions.")
    try:
        lock = acquire_instance_lock(path)
    except OSError as exc:
        raise StorageError("Cannot open {path} for writing: {reason}", path=str(path), reason=exc) from exc
    try:
        remove_leftovers(path, lock)  # before anything else is written: they may fill the disk
        migrated = migrate.upgrade(path, clock.now())
        lock.hold_identity()  # a new database has a file, and so an identity, only now
        database = _connect(path, make_engine(path), clock, migrated=migrated)
    except BaseException:
        lock.release()
        raise
    database.lock = lock
    return database


def _open_read_only(path: Path, found: Found, clock: Clock) -> Database:
    _require_head(found, str(path))
    return _connect(path, make_engine(path, read_only=True), clock, read_only=True)


def _require_head(found: Found, shown: str) -> None:
    if found.revision != migrate.SCHEMA_HEAD:
        migrate.check_revision(found.revision or "")
        raise StorageError(
            "The database {path} was made by an older version of crm_desktop. Open it once in the app to "
            "bring it up to date; this command only reads and changed nothing.", path=shown)


def _open_server(server: Server, clock: Clock, *, create: bool, read_only: bool) -> Database:
    """The office server: refused, set up (`create`: an empty database becomes ours) or brought up to
    date as a file is, and locked on this desk (its folder for the server) unless read-only. The
    desk's own site id comes from that folder (db/server.py)."""
    engine = server.engine()
    lock: InstanceLock | None = None
    try:
        found = probe_server(engine, server)
        error = server_refusal(server, found, create=create and not read_only)
        if error is not None:
            raise error
        if read_only:
            _require_head(found, server.shown)
            return _connect(server.anchor, engine, clock, read_only=True, server=server)
        with writing_in(server):
            lock = acquire_instance_lock(server.anchor)
        migrated = migrate.upgrade_server(engine, server.shown)
        database = _connect(server.anchor, engine, clock, migrated=migrated, server=server)
    except BaseException:
        if lock is not None:
            lock.release()
        engine.dispose()
        raise
    database.lock = lock
    return database


def _connect(path: Path, engine: Engine, clock: Clock, *, migrated: bool = False, read_only: bool = False,
             server: Server | None = None) -> Database:
    """This copy's site id (made once, unless read-only), clock and search support from the open file."""
    try:
        with engine.begin() as conn:
            if server is not None:
                site_id = desk_site(server) or ("" if read_only else _new_desk_site(server))
            else:
                site_id = _site(conn) if read_only else _ensure_site(conn)
            last = _clock_start(conn, epoch_ms(clock.now()))
            # A file a revision behind, read as is (a benchmark), may lack a newer kind's index: search leaves
            # that kind out (search_index.unindexed) and uses the others'.
            has_index = server is not None or any(fts_available(conn, e.table) for e in INDEXED)
    except DBAPIError as exc:
        engine.dispose()
        raise readable(exc) from exc
    return Database(
        path=path,
        engine=engine,
        site_id=site_id,
        clock=HybridClock(last, lambda: epoch_ms(clock.now())),
        time=clock,
        sessions=logging_session_factory(engine),
        has_search_index=has_index,
        migrated=migrated,
        read_only=read_only,
        server=server,
    )


# Each site's newest change on a server, along (site_id, hlc): the next site is one index probe past the
# last (a "loose index scan"), where SELECT DISTINCT read all 2 million changes (0.6 s of a desk's start).
_SERVER_NEWEST = """
WITH RECURSIVE sites(site_id) AS (
  (SELECT site_id FROM change ORDER BY site_id LIMIT 1)
  UNION ALL
  SELECT (SELECT c.site_id FROM change c WHERE c.site_id > s.site_id ORDER BY c.site_id LIMIT 1)
  FROM sites s WHERE s.site_id IS NOT NULL)
SELECT max((SELECT max(c.hlc) FROM change c WHERE c.site_id = sites.site_id)) FROM sites
WHERE sites.site_id IS NOT NULL"""


def _clock_start(conn: Connection, wall: int) -> int:
    """The newest clock in the change log, or the floor a restore left if that is higher (a floor
    beyond what another copy may send is ignored: it must never make this copy's clock unusable).
    Read as each site's newest on the (site_id, hlc) index: a plain max(hlc) walks the whole index
    (2.25M changes: 0.27 s of every start; this way 3 ms)."""
    change = Change.__table__.c  # the tables' columns, not the mapped classes': see `_local`
    if conn.dialect.name != "sqlite":  # PostgreSQL reads DISTINCT by scanning: the index, skipped along
        newest = conn.exec_driver_sql(_SERVER_NEWEST).scalar() or 0
    else:
        sites = select(change.site_id).distinct().subquery()
        site_newest = select(func.max(change.hlc)).where(change.site_id == sites.c.site_id).correlate(sites)
        newest = conn.execute(select(func.max(site_newest.scalar_subquery())).select_from(sites)).scalar() or 0
    floor = _local(conn, CLOCK_FLOOR_KEY)
    return max(newest, int(floor)) if floor and int(floor) <= horizon(wall) else newest


def _local(conn: Connection, key: str) -> str | None:
    """A local value, read through the table: a statement selecting a mapped class or its attributes makes
    SQLAlchemy configure every mapper first (40 ms), which a start defers until its window has painted."""
    local = LocalState.__table__.c
    value: str | None = conn.execute(select(local.value).where(local.key == key)).scalar()
    return value


def _site(conn: Connection) -> str:
    return _local(conn, SITE_KEY) or ""


def _new_desk_site(server: Server) -> str:
    site_id = secrets.token_hex(8)
    keep_desk_site(server, site_id)
    return site_id


def _ensure_site(conn: Connection) -> str:
    """This copy's site id, made once: random, so two copies installed apart never share one."""
    row = _site(conn)
    if row:
        return row
    site_id = secrets.token_hex(8)
    conn.execute(LocalState.__table__.insert().values(key=SITE_KEY, value=site_id))
    return site_id
