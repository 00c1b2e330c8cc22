"""Reading the change log the way tests assert on it: one (field, JSON text, site) per logged field."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def logged_fields(path: Path, row_id: str) -> list[tuple[str, str | None, str]]:
    """Every field logged for `row_id`, change by change, fields in name order; null values as None."""
    conn = sqlite3.connect(path)
    try:
        changes = conn.execute("SELECT fields, site_id FROM change WHERE row_id = ? ORDER BY seq", (row_id,)).fetchall()
    finally:
        conn.close()
    return [(name, None if value is None else json.dumps(value, ensure_ascii=False), site)
            for fields, site in changes for name, value in sorted(json.loads(fields).items())]
