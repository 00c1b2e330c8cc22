"""reminder scan indexes: activities with a reminder, and snoozed reminders, by person

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 06:00:00

The reminder scan reads a person's planned activities whose start (or due date) lies up to sixty
days (`REMIND_MAX_MINUTES`) after the moment looked at. Through the My day indexes every such row
cost a table read to learn its `remind_minutes` (15-30 ms over 1,000,000 activities); these partial
indexes hold only the live rows that have a reminder and cover the scan (under 1 ms). A person's
series with a reminder, and their snoozed reminders, are found the same way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

REMINDING = "remind_minutes IS NOT NULL AND deleted_at IS NULL"
REMINDING_SERIES = "rrule != '' AND remind_minutes IS NOT NULL AND deleted_at IS NULL"
SNOOZED = "snoozed_until IS NOT NULL"


def upgrade() -> None:
    where = sa.text(REMINDING)
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index('ix_activity_remind_start', ['assignee_id', 'status', 'starts_at', 'remind_minutes', 'deleted_at'],
                              unique=False, sqlite_where=where, postgresql_where=where)
        batch_op.create_index('ix_activity_remind_due', ['assignee_id', 'status', 'due_on', 'remind_minutes', 'deleted_at'],
                              unique=False, sqlite_where=where, postgresql_where=where)
        series = sa.text(REMINDING_SERIES)
        batch_op.create_index('ix_activity_remind_series', ['assignee_id', 'status'], unique=False,
                              sqlite_where=series, postgresql_where=series)
    snoozed = sa.text(SNOOZED)
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.create_index('ix_reminder_snoozed', ['user_id', 'snoozed_until'], unique=False,
                              sqlite_where=snoozed, postgresql_where=snoozed)
    op.execute("ANALYZE")


def downgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_index('ix_reminder_snoozed')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_remind_series')
        batch_op.drop_index('ix_activity_remind_due')
        batch_op.drop_index('ix_activity_remind_start')
