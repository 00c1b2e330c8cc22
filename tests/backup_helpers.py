"""Helpers for the backup tests: read a file's account names, damage a file like a failing disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM account WHERE deleted_at IS NULL ORDER BY name")]
    finally:
        conn.close()


def corrupt_table(path: Path, table: str = "account") -> None:
    """Overwrite the middle of the table's root page, as a failing disk would."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xa5" * (page_size - 16))
