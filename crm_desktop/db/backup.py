"""Consistent copies of the database with SQLite's online backup API (safe while the app runs).

Backups live in `backups/` beside the database, named `<stem>-YYYYmmdd-HHMMSS-<reason><suffix>`
(UTC). The automatic ones (daily, before an upgrade, an import or a restore: every reason but
`manual`) share one rotation: only the newest `keep` stay, so the folder's size is predictable.
A backup made by hand (`manual`, or any file written elsewhere or named otherwise) is never deleted.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from crm_desktop.db.engine import read_only_uri
from crm_desktop.db.file_lock import FileLock
from crm_desktop.db.output import output_file
from crm_desktop.db.paths import backups_dir
from crm_desktop.errors import DomainError, StorageError

Progress = Callable[[int, int], bool]
"""progress(done, total) -> False to cancel."""

MANUAL = "manual"
KEEP_KEY = "backups_keep"  # LocalState: how many automatic backups this copy keeps
DEFAULT_KEEP = 10
STEP_PAGES = 2048  # pages per backup step (8 MB at 4 KB pages): progress and Cancel in between
_STAMP = "%Y%m%d-%H%M%S"
_MIDDLE = re.compile(r"-(\d{8}-\d{6})-([a-z0-9][a-z0-9-]*)")
# A server's backups (beside its anchor, `server.dump`) are pg_dump's files or, on a desk without pg_dump,
# our own export, a database file (db/server_export.py): both kinds are its backups.
_ALSO = {".dump": (".sqlite3",)}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime  # naive UTC, read from the name
    reason: str
    size: int

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL


class _Stop(Exception):
    """Raised inside SQLite's progress callback: it aborts the step loop."""


def backup_lock(dest: Path) -> FileLock:
    return FileLock(str(dest) + ".lock")


@contextmanager
def writing(dest: Path) -> Iterator[None]:
    """Hold the lock of the backup `dest` from before its temporary file exists until it is renamed
    into place. A backup may be made without the instance lock (`crm-desktop backup` beside the app):
    the start-up sweep (`db.leftovers`) leaves the temporary files of a backup whose lock is held."""
    lock = backup_lock(dest)
    try:
        with lock:
            yield
    finally:
        with suppress(OSError):
            Path(lock.lock_file).unlink(missing_ok=True)  # a released lock leaves the file on Unix


def backup_name_match(db_path: Path, name: str) -> re.Match[str] | None:
    """The date and reason in `name` if it is the name of one of `db_path`'s backups."""
    stem = db_path.stem
    for suffix in (db_path.suffix, *_ALSO.get(db_path.suffix, ())):
        if name.startswith(stem) and name.endswith(suffix):
            found = _MIDDLE.fullmatch(name[len(stem) : len(name) - len(suffix)])
            if found is not None:
                return found
    return None


def require_file(path: Path) -> None:
    """Refuse a missing file before sqlite3.connect would create an empty database there."""
    if not path.is_file():
        raise StorageError("There is no database at {path}.", path=str(path))


def copy_database(source: Path, target: sqlite3.Connection, progress: Progress | None = None) -> None:
    """Copy `source` page by page into `target`, one transaction on each side.

    The source stays in one read transaction, so the copy is a snapshot: without it, every write
    by the running app would restart SQLite's step-wise copy, possibly forever. In WAL mode the
    reader blocks nobody. Raises sqlite3/OS errors as they come, and a DomainError on Cancel.
    """
    require_file(source)
    src = sqlite3.connect(source, isolation_level=None)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()

        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None and not progress(total - remaining, total):
                raise _Stop

        try:
            src.backup(target, pages=STEP_PAGES, progress=step)
        except _Stop:
            raise DomainError("Cancelled: nothing was saved.") from None
    finally:
        src.close()


def backup_file(db_path: Path, dest: Path, progress: Progress | None = None, *, force: bool = False) -> Path:
    """Copy `db_path` (WAL content included) into `dest`, a self-contained file, or write nothing.

    `dest` follows the rules of every output file (`db.output`): never the database or one of its
    backups, an existing file only with `force`, complete or not at all.
    """
    require_file(db_path)
    with output_file(dest, db_path, force=force) as tmp:
        try:
            out = sqlite3.connect(tmp)
            try:
                copy_database(db_path, out, progress)
                out.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            finally:
                out.close()
        except (sqlite3.Error, OSError) as exc:
            raise StorageError("Could not write the backup {path}: {reason}", path=str(dest), reason=exc) from exc
    return dest


def backup_path(db_path: Path, reason: str, now: datetime, suffix: str | None = None) -> Path:
    """A free name in the backups folder (`suffix`: another kind of backup of a server, see `_ALSO`);
    a second backup in the same second takes the next one."""
    if not _MIDDLE.fullmatch(f"-{now:{_STAMP}}-{reason}"):
        raise ValueError(f"backup reason {reason!r}: lower-case letters, digits and dashes only")
    while True:
        dest = backups_dir(db_path) / f"{db_path.stem}-{now:{_STAMP}}-{reason}{suffix or db_path.suffix}"
        if not dest.exists():
            return dest
        now += timedelta(seconds=1)


def backup_before(db_path: Path, reason: str, now: datetime, progress: Progress | None = None) -> Path:
    """A named backup in the backups folder, then the rotation: call it before any risky write.

    `reason` names the occasion ("before-upgrade", "daily", "import", "sync-import"…); `manual`
    backups are kept until the user deletes them.
    """
    dest = backup_path(db_path, reason, now)
    with writing(dest):
        backup_file(db_path, dest, progress)
    rotate(db_path, keep_count(db_path))
    return dest


def keep_count(db_path: Path) -> int:
    """How many automatic backups to keep (LocalState), DEFAULT_KEEP when unset or unreadable."""
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            row = conn.execute("SELECT value FROM local_state WHERE key = ?", (KEEP_KEY,)).fetchone()
        finally:
            conn.close()
        return max(1, int(row[0])) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError):
        return DEFAULT_KEEP


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of this database in its backups folder, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = backup_name_match(db_path, path.name)
        if match is None or not path.is_file():
            continue
        made_at = datetime.strptime(match.group(1), _STAMP)
        found.append(BackupInfo(path, made_at, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def rotate(db_path: Path, keep: int, protect: Collection[Path] = ()) -> list[Path]:
    """Delete the automatic backups beyond the newest `keep` (never `protect`); returns them."""
    spare = {p.resolve() for p in protect}
    automatic = [b for b in list_backups(db_path) if b.automatic and b.path.resolve() not in spare]
    removed = []
    for old in automatic[max(keep, 0) :]:
        old.path.unlink(missing_ok=True)
        old.path.with_name(old.path.name + "-wal").unlink(missing_ok=True)  # a raw copy's log
        removed.append(old.path)
    return removed
