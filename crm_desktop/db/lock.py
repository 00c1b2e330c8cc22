"""One running app per database file: a second instance is refused instead of corrupting data."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from crm_desktop.errors import StorageError


def acquire_instance_lock(db_path: Path) -> FileLock:
    """Hold an OS lock next to the database; the OS frees it even if the app crashes."""
    lock = FileLock(str(db_path) + ".lock")
    try:
        lock.acquire(timeout=0.2)
    except Timeout:
        raise StorageError(
            "The database {path} is already open in another crm_desktop window. "
            "Close that window first.",
            path=str(db_path),
        ) from None
    return lock
