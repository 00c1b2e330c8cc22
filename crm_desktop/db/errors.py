"""Turn SQLite failures caused by the environment into messages a user can act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError

from crm_desktop.errors import DomainError, StorageError

_BY_NAME = {
    "SQLITE_BUSY": "Another program is using the database right now. Try again in a moment.",
    "SQLITE_LOCKED": "Another program is using the database right now. Try again in a moment.",
    "SQLITE_FULL": "The disk is full. Free some space and try again.",
    "SQLITE_READONLY": "The database file is read-only. Check the file's permissions.",
    "SQLITE_CORRUPT": "The database file is damaged. Restore it from a backup.",
    "SQLITE_NOTADB": "The file is not a crm_desktop database or it is damaged.",
    "SQLITE_CANTOPEN": "The database file cannot be opened. Check that its folder exists and is writable.",
    "SQLITE_IOERR": "The disk could not be read or written. Check the drive and try again.",
}


def readable(exc: DBAPIError) -> DomainError:
    """A domain error for a driver error; unknown codes keep the driver's text for support."""
    return readable_driver_error(exc.orig)


def readable_driver_error(orig: BaseException) -> DomainError:
    """The same for an error of the sqlite3 module itself (code that works on the raw connection)."""
    if isinstance(orig, sqlite3.IntegrityError) and "FOREIGN KEY" in str(orig):
        return DomainError("A record this one points to no longer exists. Refresh and try again.")
    name = getattr(orig, "sqlite_errorname", "") or ""
    for prefix, template in _BY_NAME.items():
        if name.startswith(prefix):
            return StorageError(template)
    return StorageError("The database reported an error: {reason}", reason=orig)


@contextmanager
def driver_errors() -> Iterator[None]:
    """Around code that reaches the driver's connection (db/writer.py): its errors as readable ones."""
    try:
        yield
    except sqlite3.Error as exc:
        raise readable_driver_error(exc) from exc


def environment_error(exc: BaseException) -> DomainError | None:
    """The readable error for a failure of the environment that reached the top of a command (SQLite,
    the file system); None for anything else, which is a bug."""
    if isinstance(exc, DBAPIError):
        return readable(exc)
    if isinstance(exc, sqlite3.Error):
        return readable_driver_error(exc)
    if isinstance(exc, OSError):
        return StorageError("A file could not be read or written: {reason}", reason=exc)
    return None
