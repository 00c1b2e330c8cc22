"""lead list index: the leads list's default order (name) read from a partial index of live leads

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 03:50:00

The leads list is sorted by the full name (`first_name || ' ' || last_name`) and shows live leads.
With no index on that expression, its first page sorted every lead (370 ms at 200,000 leads); the
list now reads its count and first page along this index. Queries must spell the expression exactly
so (queries/leads.py), with the space as a literal, for SQLite to use it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    op.create_index('ix_lead_live_name', 'lead', [sa.text("(first_name || ' ' || last_name)")], unique=False,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    op.execute("ANALYZE lead")


def downgrade() -> None:
    op.drop_index('ix_lead_live_name', table_name='lead')
