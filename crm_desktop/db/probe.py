"""What a database path holds, found without changing anything there.

`--db` may point at anything: nothing yet, a folder, another program's SQLite file, a zip. Opening
such a file the usual way would already change it (journal mode, lock file, -wal and -shm beside
it, our schema), so it is looked at first through a read-only connection that creates no file:
`immutable` when no write is under way (no -wal or -journal beside it), plain read-only otherwise.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from crm_desktop.db.engine import read_only_uri
from crm_desktop.db.integrity import SQLITE_HEADER
from crm_desktop.errors import StorageError

OUR_TABLES = frozenset({"alembic_version", "local_state", "change"})
"""Tables every crm_desktop schema since the first has: a file with all of them is ours."""


class Kind(Enum):
    MISSING = "missing"
    FOLDER = "folder"
    BLANK = "blank"  # an empty file, or a SQLite database without a single table
    NOT_SQLITE = "not SQLite"
    UNREADABLE = "unreadable"  # SQLite header, but its schema cannot be read (damaged)
    FOREIGN = "foreign"  # a SQLite database of another program
    OURS = "ours"


@dataclass(frozen=True)
class Found:
    kind: Kind
    revision: str | None = None  # the schema revision, for a database of ours
    reason: str = ""  # why an unreadable file could not be read


def probe(path: Path) -> Found:
    """Classify `path` (see `Kind`); reads a few bytes and the schema table, writes nothing."""
    try:
        if not path.exists():
            return Found(Kind.MISSING)
        if path.is_dir():
            return Found(Kind.FOLDER)
        if not path.is_file():
            return Found(Kind.NOT_SQLITE)  # a device or a pipe: never read from it
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
        busy = any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))
    except OSError as exc:
        return Found(Kind.UNREADABLE, reason=exc.strerror or str(exc))
    if not header:
        return Found(Kind.BLANK)
    if header != SQLITE_HEADER:
        return Found(Kind.NOT_SQLITE)
    try:
        conn = sqlite3.connect(read_only_uri(path, immutable=not busy), uri=True)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return Found(Kind.BLANK)
            if not tables >= OUR_TABLES:
                return Found(Kind.FOREIGN)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Found(Kind.UNREADABLE, reason=str(exc))
    if row is None:  # our tables but no revision: not something this version made
        return Found(Kind.UNREADABLE, reason="no schema revision")
    return Found(Kind.OURS, revision=row[0])


def refusal(path: Path, found: Found, *, create: bool = False) -> StorageError | None:
    """Why `path` cannot be used as our database; None when it can (or, with `create`, be made there)."""
    kind = found.kind
    if kind is Kind.OURS or (create and kind in (Kind.MISSING, Kind.BLANK)):
        return None
    if kind in (Kind.MISSING, Kind.BLANK):
        return StorageError("There is no database at {path}.", path=str(path))
    if kind is Kind.FOLDER:
        return StorageError("{path} is a folder; give the path of a database file.", path=str(path))
    if kind is Kind.FOREIGN:
        return StorageError(
            "{path} is a database of another program, not of crm_desktop. It was not changed; "
            "choose another file.", path=str(path))
    if kind is Kind.NOT_SQLITE:
        return StorageError("{path} is not a crm_desktop database (not a SQLite file at all). It was not changed.",
                            path=str(path))
    return StorageError("{path} is not a crm_desktop database or it is damaged ({reason}).", path=str(path),
                        reason=found.reason)


def require_ours(path: Path) -> Found:
    """Probe `path` and refuse anything but one of our databases (of any schema revision)."""
    found = probe(path)
    error = refusal(path, found)
    if error is not None:
        raise error
    return found
