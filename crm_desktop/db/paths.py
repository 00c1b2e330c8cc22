"""The files that belong to one database: the file itself, what SQLite and we keep beside it, its backups.

Anything that writes a file for the user must never land on one of them (`db.output`).
"""

from __future__ import annotations

from pathlib import Path

SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
"""SQLite's write-ahead log, shared memory and rollback journal, and the instance lock file."""


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def database_files(db_path: Path) -> list[Path]:
    """The database file and the names of the files beside it, whether they exist now or not."""
    return [db_path, *(db_path.with_name(db_path.name + suffix) for suffix in SIDE_SUFFIXES)]
