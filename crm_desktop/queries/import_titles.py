"""What the import preview calls the records a row would update or duplicate: their names.

Generic over the kinds of import (exchange/plans.ENTITIES names the table each writes): a record is
called by its name column, or its first and last names; one IN query per chunk of ids, for the
rows the preview shows (never one query per row).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from crm_desktop.db.database import Database
from crm_desktop.import_plans.plans import ENTITIES
from crm_desktop.models import synced_models

CHUNK = 500
_TITLE_COLUMNS = (("name",), ("name_th",), ("subject",), ("first_name", "last_name"))


def record_titles(db: Database, kind: str, ids: Iterable[str]) -> dict[str, str]:
    """Record id → its name, for the records of an import of `kind` (deleted ones too)."""
    table = synced_models()[ENTITIES[kind]].__table__  # type: ignore[attr-defined]
    parts = next(cols for cols in _TITLE_COLUMNS if all(c in table.c for c in cols))
    wanted = sorted(set(ids))
    titles: dict[str, str] = {}
    with db.engine.connect() as conn:
        for start in range(0, len(wanted), CHUNK):
            stmt = select(table.c.id, *(table.c[c] for c in parts)).where(table.c.id.in_(wanted[start : start + CHUNK]))
            for row_id, *names in conn.execute(stmt):
                titles[row_id] = " ".join(n for n in names if n)
    return titles
