"""The live rows of each listed table, counted by triggers as rows are written.

Counting an unfiltered list grows with the table (about 10 ms per 100,000 index entries): at a
million contacts the count was most of the list's first page. Triggers keep `live_count` exact in
every writer's transaction (the ORM, bulk loads, sync imports, erasures, restores of old backups
through their migrations), so it is read in one lookup. SQLite triggers only: on a server, one counter
row per table would make every desk's insert wait for the others' transactions (a long import's above all),
so a server counts its rows (PostgreSQL's index-only count).
"""

from __future__ import annotations

from sqlalchemy import Connection, column, func, select
from sqlalchemy import table as sql_table

from crm_desktop.models import LiveCount

COUNTED = ("account", "contact", "lead", "opportunity", "product", "quotation", "sales_order", "case")


def create_statements(table: str) -> list[str]:
    """The row of `table` and its triggers, its count taken now (for migrations)."""
    step = f"UPDATE live_count SET live = live + {{}} WHERE entity = '{table}'"
    return [
        f"INSERT OR REPLACE INTO live_count (entity, live) "
        f"SELECT '{table}', count(*) FROM \"{table}\" WHERE deleted_at IS NULL",
        f"CREATE TRIGGER {table}_live_ai AFTER INSERT ON \"{table}\" WHEN new.deleted_at IS NULL "
        f"BEGIN {step.format(1)}; END",
        f"CREATE TRIGGER {table}_live_au AFTER UPDATE OF deleted_at ON \"{table}\" "
        f"WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) "
        f"BEGIN {step.format('CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END')}; END",
        f"CREATE TRIGGER {table}_live_ad AFTER DELETE ON \"{table}\" WHEN old.deleted_at IS NULL "
        f"BEGIN {step.format(-1)}; END",
    ]


def live_rows(conn: Connection, table: str) -> int | None:
    """How many rows of `table` are live; None for a table that is not counted."""
    if table not in COUNTED:
        return None
    if conn.dialect.name != "sqlite":
        rows = sql_table(table, column("deleted_at"))
        return conn.execute(select(func.count()).select_from(rows).where(rows.c.deleted_at.is_(None))).scalar() or 0
    counts = LiveCount.__table__.c  # the table's columns (ARCHITECTURE.md, Start-up)
    return conn.execute(select(counts.live).where(counts.entity == table)).scalar() or 0
