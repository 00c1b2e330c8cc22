"""live counts: the live rows of each listed table, kept by triggers

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 06:00:00

An unfiltered list's count read in one lookup instead of counted (db/live_counts.py): at a million
contacts the count was 60 ms of the list's first page.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# As in 0003 and 0021, today's code: a later change of the triggers ships a migration that drops and
# creates them again, which leaves the same end state whichever code created them first.
from crm_desktop.db.live_counts import COUNTED, create_statements
from crm_desktop.db.migrations.dialect import on_sqlite

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('live_count',
                    sa.Column('entity', sa.String(length=40), nullable=False),
                    sa.Column('live', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('entity', name=op.f('pk_live_count')))
    if not on_sqlite():
        return  # a server counts (db/live_counts.py): one counter row per table would queue every desk's writes
    for table in COUNTED:
        for statement in create_statements(table):
            op.execute(statement)


def downgrade() -> None:
    for table in COUNTED if on_sqlite() else ():
        for trigger in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_live_{trigger}")
    op.drop_table('live_count')
