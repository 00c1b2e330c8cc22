"""Consistent copies of the database with SQLite's online backup API (safe while the app runs)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from crm_desktop.errors import StorageError


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_file(db_path: Path, dest: Path) -> Path:
    """Copy `db_path` page by page into `dest` (WAL content included)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    try:
        src = sqlite3.connect(db_path)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
            finally:
                out.close()
        finally:
            src.close()
        tmp.replace(dest)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError("Could not write the backup {path}: {reason}", path=str(dest), reason=exc) from exc
    return dest


def backup_before(db_path: Path, reason: str, now: datetime) -> Path:
    """A named, timestamped backup in the backups folder beside the database."""
    name = f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}{db_path.suffix}"
    return backup_file(db_path, backups_dir(db_path) / name)
