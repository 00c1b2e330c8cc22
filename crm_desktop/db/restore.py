"""Putting a backup back: verified on a scratch copy, the current data saved, then one atomic copy.

The backup file is only read. Its scratch copy (in the backups folder) must pass SQLite's
integrity check, hold crm_desktop data and have a schema no newer than ours (an older one is
upgraded there). Only then is the current database backed up ("before-restore") and its content
replaced with the backup API in one transaction: the running app's connections see the new data
at their next read, WAL and SHM stay consistent, and a failure leaves the old data as it was.
The caller holds the instance lock.

A restore brings back data, not the copy's identity: LocalState (copy code, office key, backup
settings, who works here) is this copy's and keeps its current values, and so do its logins (the
password hashes and security events of `LOGIN_TABLES`: an old backup must not bring back old
passwords, nor lock everyone out by having none while logins stay on); the clock's floor makes sure
the copy never hands out again a clock it used before the restore.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crm_desktop.db import migrate
from crm_desktop.db.backup import (
    Progress,
    backup_file,
    backup_path,
    copy_database,
    keep_count,
    require_file,
    rotate,
)
from crm_desktop.db.database import CLOCK_FLOOR_KEY, OWN_COMPLETE_KEY, SITE_KEY
from crm_desktop.db.engine import read_only_uri
from crm_desktop.db.integrity import check_file, is_sqlite_file
from crm_desktop.db.leftovers import scratch_path
from crm_desktop.errors import StorageError

BEFORE_RESTORE = "before-restore"
LOGIN_TABLES = ("credential", "security_event")  # models/login.py: this copy's, like LocalState
_Rows = dict[str, tuple[list[str], list[tuple[object, ...]]]]  # table -> (columns, rows)
_DAMAGED = "The backup {path} is damaged and was not restored: {reason}"


@dataclass(frozen=True)
class Restored:
    source: Path
    database: Path
    safety_backup: Path | None  # the data that was replaced; None when there was none
    upgraded: bool  # the backup had an older schema and was brought up to date
    last_hlc: int  # the newest change clock in the restored data
    # The current database could not be read (damaged): this copy's own settings, the office key
    # among them, are now those of the backup. The user is told to check them.
    own_settings_lost: bool = False


class _Phases:
    """One progress bar over several copies: phase i of n fills the i-th n-th of the bar."""

    SCALE = 1000

    def __init__(self, progress: Progress | None, count: int) -> None:
        self.progress = progress
        self.count = count
        self.index = 0

    def next(self) -> Progress | None:
        progress = self.progress
        if progress is None:
            return None
        base, total = self.index * self.SCALE, self.count * self.SCALE
        self.index += 1
        return lambda done, of: progress(base + (done * self.SCALE // of if of else 0), total)


def restore_file(
    db_path: Path,
    source: Path,
    now: datetime,
    *,
    tied_to_data: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> Restored:
    """Replace the content of `db_path` with the backup `source`, or change nothing and raise.

    Every LocalState value of the current database wins over the backup's (a value cleared on
    purpose is stored as "", so it stays cleared), except a key of `tied_to_data` (key -> table)
    whose value names a row the restored data lacks: the backup's value stays then.
    """
    db_path, source = db_path.resolve(), source.resolve()
    if source == db_path:
        raise StorageError("{path} is the database itself; choose a backup file.", path=str(source))
    require_file(source)
    phases = _Phases(progress, 3)
    scratch = scratch_path(db_path)
    try:
        upgraded = verified_copy(source, scratch, now, phases.next())
        local = _local_state(db_path)
        last_hlc = _prepare(scratch, local or {}, tied_to_data or {}, _login_rows(db_path) if local else {})
        safety = _safety_backup(db_path, now, phases.next())
        _replace(db_path, scratch, phases.next())
    finally:
        _remove(scratch)
    rotate(db_path, keep_count(db_path), protect=[source])
    return Restored(source, db_path, safety, upgraded, last_hlc, own_settings_lost=local is None)


def verified_copy(source: Path, scratch: Path, now: datetime, progress: Progress | None = None) -> bool:
    """Copy the backup `source` to `scratch` and refuse it there unless it is a sound crm_desktop database
    no newer than ours; an older one is upgraded there (True). Also a server's restore of our own export."""
    if not is_sqlite_file(source):
        raise StorageError("{path} is not a SQLite database, so it is not a crm_desktop backup.", path=str(source))
    _copy_to_scratch(source, scratch, progress)
    return _verify(scratch, source, now)


def _refusal(exc: sqlite3.Error, source: Path) -> StorageError:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StorageError(_DAMAGED, path=str(source), reason=exc)
    return StorageError("Nothing was restored: {reason}", reason=exc)


def _copy_to_scratch(source: Path, scratch: Path, progress: Progress | None) -> None:
    try:
        scratch.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("Cannot create the folder {path}: {reason}", path=str(scratch.parent), reason=exc) from exc
    _remove(scratch)  # left over from an interrupted restore
    try:
        _copy_file(source, scratch, progress)
    except sqlite3.Error as exc:
        raise _refusal(exc, source) from exc


def _verify(scratch: Path, source: Path, now: datetime) -> bool:
    """Refuse a damaged, foreign or too new backup; upgrade an older one. True if upgraded."""
    damage = check_file(scratch).damage
    if damage:
        raise StorageError(_DAMAGED, path=str(source), reason=damage[0])
    if migrate.stored_revision(scratch) is None:
        raise StorageError("{path} holds no crm_desktop data, so it was not restored.", path=str(source))
    return migrate.upgrade(scratch, now, backup_first=False)


def _local_state(db_path: Path) -> dict[str, str] | None:
    """This copy's LocalState, its clock floor raised to the newest clock it issued itself;
    {} when there is no current database, None when it cannot be read."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return {}
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            local = dict(conn.execute("SELECT key, value FROM local_state").fetchall())
            site = local.get(SITE_KEY)
            issued = conn.execute("SELECT max(hlc) FROM change WHERE site_id = ?", (site,)).fetchone()[0] if site else 0
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    local[CLOCK_FLOOR_KEY] = str(max(int(local.get(CLOCK_FLOOR_KEY) or 0), issued or 0))
    return local


def _login_rows(db_path: Path) -> _Rows:
    """This copy's logins (none in a database from before them, migration 0025)."""
    found: _Rows = {}
    conn = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        for table in LOGIN_TABLES:
            try:
                cursor = conn.execute(f'SELECT * FROM "{table}"')
            except sqlite3.OperationalError:  # no such table
                continue
            found[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    finally:
        conn.close()
    return found


def _put_logins(conn: sqlite3.Connection, logins: _Rows) -> None:
    """The current logins replace the backup's; a password of someone the restored data lacks goes."""
    for table, (columns, rows) in logins.items():
        if table == "credential":
            who = columns.index("user_id")
            rows = [r for r in rows if conn.execute('SELECT 1 FROM "user" WHERE id = ?', (r[who],)).fetchone()]
        conn.execute(f'DELETE FROM "{table}"')
        conn.executemany(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})',
                         rows)


def _prepare(scratch: Path, local: dict[str, str], tied: Mapping[str, str], logins: _Rows) -> int:
    """Write this copy's LocalState and logins into the scratch copy, make it one file; its newest clock."""
    conn = sqlite3.connect(scratch, isolation_level=None)
    try:
        _put_logins(conn, logins)
        kept = [(k, v) for k, v in local.items()
                if k not in tied or conn.execute(f'SELECT 1 FROM "{tied[k]}" WHERE id = ?', (v,)).fetchone()]
        if local.get(SITE_KEY):
            kept += _lost_own_changes(conn, local)
        conn.executemany(
            "INSERT INTO local_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            kept,
        )
        conn.execute("PRAGMA journal_mode=DELETE")
        return int(conn.execute("SELECT coalesce(max(hlc), 0) FROM change").fetchone()[0])
    finally:
        conn.close()


def _lost_own_changes(conn: sqlite3.Connection, local: dict[str, str]) -> list[tuple[str, str]]:
    """If the restored log lacks changes this copy made (clocks up to the floor), the clock under
    which its own log is complete: other copies may hold the lost ones and send them back."""
    kept = conn.execute("SELECT max(hlc) FROM change WHERE site_id = ?", (local[SITE_KEY],)).fetchone()[0] or 0
    if kept >= int(local[CLOCK_FLOOR_KEY]):
        return []
    earlier = local.get(OWN_COMPLETE_KEY)  # a gap left by an earlier restore is still open
    return [(OWN_COMPLETE_KEY, str(min(kept, int(earlier)) if earlier else kept))]


def _safety_backup(db_path: Path, now: datetime, progress: Progress | None) -> Path | None:
    """The current data, kept as a "before-restore" backup; a raw file copy if SQLite cannot read it."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    dest = backup_path(db_path, BEFORE_RESTORE, now)
    if is_sqlite_file(db_path):
        try:
            return backup_file(db_path, dest, progress)
        except StorageError:
            pass  # a damaged database: keep its bytes as they are
    part = dest.with_name(dest.name + ".part")
    try:
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, dest.with_name(dest.name + "-wal"))
        shutil.copyfile(db_path, part)
        part.replace(dest)
    except OSError as exc:
        part.unlink(missing_ok=True)
        dest.with_name(dest.name + "-wal").unlink(missing_ok=True)
        raise StorageError("Could not write the backup {path}: {reason}", path=str(dest), reason=exc) from exc
    return dest


def _replace(db_path: Path, scratch: Path, progress: Progress | None) -> None:
    if db_path.is_file() and db_path.stat().st_size > 0 and not is_sqlite_file(db_path):
        # Not a database at all, so nothing can have it open: the file itself is swapped.
        _remove(db_path, keep_main=True)
        os.replace(scratch, db_path)
        return
    try:
        _copy_file(scratch, db_path, progress)
    except sqlite3.Error as exc:
        raise StorageError("Nothing was restored: {reason}", reason=exc) from exc


def _copy_file(source: Path, dest: Path, progress: Progress | None) -> None:
    """Copy the database `source` into the file `dest` page by page (the backup API)."""
    out = sqlite3.connect(dest)
    try:
        copy_database(source, out, progress)
    finally:
        out.close()


def _remove(path: Path, *, keep_main: bool = False) -> None:
    for extra in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    if not keep_main:
        path.unlink(missing_ok=True)
