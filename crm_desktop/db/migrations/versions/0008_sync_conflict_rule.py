"""sync conflicts: the rule a repair kept (a stage restored, an owner reinstated), "" for a clash

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 09:00:00

An import that finds a rule across rows broken by two copies' concurrent changes repairs it and lists
the repair on the Sync tab beside the clashes of one field; `rule` says which rule, so the tab can say
what happened and why the other value cannot simply be taken back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rule', sa.String(length=20), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_column('rule')
