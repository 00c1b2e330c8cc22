"""stored times: one spelling per moment, always with the microseconds

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 12:00:00

The bulk loader (sample data, imports) wrote times through Python's sqlite3 adapter, which drops
the microseconds when they are zero ('2024-11-04 02:47:00'); the ORM and sync imports write them
('2024-11-04 02:47:00.000000'). Queries compare the text, so the same moment was unequal to itself
and '…00:00:00' of the first of a month fell before that month's start. Such times, in every DATETIME
column, get their '.000000'; nothing else changes (no clock, no change log: it is the same moment).
"""

from __future__ import annotations

from alembic import op

from crm_desktop.db.migrations.dialect import on_sqlite

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_SHORT = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]'"


def upgrade() -> None:
    if not on_sqlite():
        return  # a server stores moments as timestamps, and its tables are empty here (migrations/dialect.py)
    conn = op.get_bind()
    tables = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")') if r[2].upper() == "DATETIME"]
        if not columns:
            continue
        # One pass over each table: every column that needs it, in one UPDATE.
        sets = ", ".join(f'"{c}" = CASE WHEN "{c}" GLOB {_SHORT} THEN "{c}" || \'.000000\' ELSE "{c}" END'
                         for c in columns)
        where = " OR ".join(f'"{c}" GLOB {_SHORT}' for c in columns)
        conn.exec_driver_sql(f'UPDATE "{table}" SET {sets} WHERE {where}')


def downgrade() -> None:
    pass  # the older schema reads the full form as well
