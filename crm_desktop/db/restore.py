"""Putting a backup back: verified on a scratch copy, the current data saved, then one atomic copy.

The backup file is only read. Its scratch copy (in the backups folder) must pass SQLite's
integrity check, hold crm_desktop data and have a schema no newer than ours (an older one is
upgraded there). Only then is the current database backed up ("before-restore") and its content
replaced with the backup API in one transaction: the running app's connections see the new data
at their next read, WAL and SHM stay consistent, and a failure leaves the old data as it was.
The caller holds the instance lock.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Collection
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
from crm_desktop.db.engine import read_only_uri
from crm_desktop.db.integrity import check_file, is_sqlite_file
from crm_desktop.db.leftovers import scratch_path
from crm_desktop.errors import StorageError

BEFORE_RESTORE = "before-restore"
_DAMAGED = "The backup {path} is damaged and was not restored: {reason}"


@dataclass(frozen=True)
class Restored:
    source: Path
    database: Path
    safety_backup: Path | None  # the data that was replaced; None when there was none
    upgraded: bool  # the backup had an older schema and was brought up to date
    last_hlc: int  # the newest change clock in the restored data


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
    keep_local: Collection[str] = (),
    progress: Progress | None = None,
) -> Restored:
    """Replace the content of `db_path` with the backup `source`, or change nothing and raise.

    `keep_local` names LocalState keys that describe this copy rather than its data (site id,
    backup settings): the current values win over the backup's.
    """
    db_path, source = db_path.resolve(), source.resolve()
    if source == db_path:
        raise StorageError("{path} is the database itself; choose a backup file.", path=str(source))
    require_file(source)
    if not is_sqlite_file(source):
        raise StorageError("{path} is not a SQLite database, so it is not a crm_desktop backup.", path=str(source))
    phases = _Phases(progress, 3)
    scratch = scratch_path(db_path)
    try:
        _copy_to_scratch(source, scratch, phases.next())
        upgraded = _verify(scratch, source, now)
        last_hlc = _prepare(scratch, _local_values(db_path, keep_local))
        safety = _safety_backup(db_path, now, phases.next())
        _replace(db_path, scratch, phases.next())
    finally:
        _remove(scratch)
    rotate(db_path, keep_count(db_path), protect=[source])
    return Restored(source, db_path, safety, upgraded, last_hlc)


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


def _local_values(db_path: Path, keys: Collection[str]) -> dict[str, str]:
    """This copy's own LocalState values, if the current database can still be read."""
    if not keys or not is_sqlite_file(db_path):
        return {}
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            marks = ", ".join("?" for _ in keys)
            rows = conn.execute(f"SELECT key, value FROM local_state WHERE key IN ({marks})", list(keys))
            return dict(rows.fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def _prepare(scratch: Path, local: dict[str, str]) -> int:
    """Write this copy's LocalState into the scratch copy, make it one file; its newest clock."""
    conn = sqlite3.connect(scratch, isolation_level=None)
    try:
        conn.executemany(
            "INSERT INTO local_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            local.items(),
        )
        conn.execute("PRAGMA journal_mode=DELETE")
        return int(conn.execute("SELECT coalesce(max(hlc), 0) FROM change").fetchone()[0])
    finally:
        conn.close()


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
