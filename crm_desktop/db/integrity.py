"""Is a database file healthy? SQLite's own checks, read-only, safe beside the running app.

`integrity_check` reads every page and index (about 5 s for the 900 MB large demo database);
`quick_check` skips the index-to-table comparison (about 1–2 s), which is what start-up uses.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.db.engine import read_only_uri

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class CheckResult:
    damage: tuple[str, ...] = ()  # what the integrity (or quick) check reported
    broken_links: tuple[str, ...] = ()  # rows pointing at a row that does not exist

    @property
    def ok(self) -> bool:
        return not self.damage and not self.broken_links

    @property
    def problems(self) -> tuple[str, ...]:
        return self.damage + self.broken_links


def is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_file(path: Path, *, quick: bool = False, open_here: bool = False) -> CheckResult:
    """Integrity (or quick) check and foreign-key check of `path`; the problems as SQLite words them.

    `open_here`: this process has the database open (the check at start), so its header is not read
    through a file of our own: closing any descriptor of a file drops every POSIX lock the process
    holds on it, SQLite's included, and another process closing last would then take the WAL away
    from under this one's connections (ARCHITECTURE.md, "Several desktops")."""
    if not path.is_file():
        return CheckResult(damage=(f"{path} does not exist",))
    if not open_here and not is_sqlite_file(path):
        return CheckResult(damage=(f"{path} is not a SQLite database",))
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            damage = tuple(row[0] for row in conn.execute(f"PRAGMA {pragma}") if row[0] != "ok")
            if damage:  # a damaged file cannot be trusted to answer the next question
                return CheckResult(damage)
            links = tuple(
                f"{table} row {rowid if rowid is not None else '(no rowid)'} refers to a missing {parent} row"
                for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return CheckResult(damage=(str(exc),))
    return CheckResult(damage, links)
