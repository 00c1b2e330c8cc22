"""Temporary files an interrupted run left behind (kill -9, a power cut), removed at the next start.

A restore first copies the backup into a scratch file as big as the database; a backup is written
to a temporary `<name>.<random>.part` (`db.output`; a raw copy to `<name>.part`) and renamed when
complete. Killed half-way, they stay. The holder of the instance lock removes them from the
database's backups folder, and only this database's, by name: its restore scratch file, its
backups' temporary files when the backup's own lock is free (a backup made without the instance
lock holds that lock while it writes, `db.backup.writing`), and SQLite's journals of both.
A sync file or `backup --out FILE` is written beside the file the user chose; that folder is not
searched.
"""

from __future__ import annotations

import re
from contextlib import suppress
from pathlib import Path

from crm_desktop.db.backup import backup_lock, backup_name_match
from crm_desktop.db.file_lock import LockTimeout
from crm_desktop.db.lock import InstanceLock
from crm_desktop.db.paths import backups_dir

_JOURNALS = ("-journal", "-wal", "-shm")
_PART = re.compile(r"(?P<backup>.+?)(?P<random>\.[0-9a-f]{8})?\.part")


def scratch_path(db_path: Path) -> Path:
    """The restore's scratch copy, named after the database's whole name: two databases in one folder
    (`crm.sqlite3`, `crm.db`) never share it."""
    return backups_dir(db_path) / f"{db_path.name}-restoring.tmp"


def remove_leftovers(db_path: Path, lock: InstanceLock) -> list[Path]:
    """Remove what an interrupted restore or backup of `db_path` left; `lock` is this database's
    instance lock, held by the caller. Returns the removed files. Never raises: a file that cannot
    be removed now is tried again at the next start."""
    folder = backups_dir(db_path)
    try:
        names = sorted(p.name for p in folder.iterdir())
    except OSError:
        return []
    # Versions before this one named the scratch file after the stem only.
    scratch = {scratch_path(db_path).name, f"{db_path.stem}-restoring.tmp"}
    present = set(names)
    doomed: list[Path] = []
    backups: dict[str, list[Path]] = {}  # a backup's temporary files (its lock among them)
    for name in names:
        base = _strip(name, _JOURNALS)
        backup = _backup_of(db_path, base)
        if base in scratch:
            doomed.append(folder / name)
        elif backup is not None:
            backups.setdefault(backup, []).append(folder / name)
        elif name.endswith("-wal") and backup_name_match(db_path, base) and base not in present:
            doomed.append(folder / name)  # the log of a raw copy whose main file was never written
    removed = _remove(doomed)
    for backup, files in backups.items():
        removed += _remove_unless_written(folder / backup, files)
    return removed


def _strip(name: str, endings: tuple[str, ...]) -> str:
    return next((name[: -len(e)] for e in endings if name.endswith(e)), name)


def _backup_of(db_path: Path, base: str) -> str | None:
    """The backup a temporary file (`<backup>[.<random>].part`) or a backup's lock file is for."""
    if base.endswith(".lock"):
        backup = base[: -len(".lock")]
        return backup if backup_name_match(db_path, backup) else None
    match = _PART.fullmatch(base)
    if match is None:
        return None
    for backup in (match["backup"], match["backup"] + (match["random"] or "")):  # a suffix may look random
        if backup_name_match(db_path, backup):
            return backup
    return None


def _remove(paths: list[Path]) -> list[Path]:
    removed = []
    for path in paths:
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _remove_unless_written(backup: Path, files: list[Path]) -> list[Path]:
    """Remove an unfinished backup's files, unless it is still being written (its lock is held)."""
    lock = backup_lock(backup)
    lock_file = Path(lock.lock_file)
    try:
        lock.acquire(timeout=0)
    except LockTimeout:
        return []
    try:
        removed = _remove([p for p in files if p != lock_file])
    finally:
        lock.release()
    return removed + [p for p in _remove([lock_file]) if p in files]  # (a released lock leaves it on Unix)
