"""sync state: the writer's base clock on each change, peers, exchanges, conflicts, waiting rows

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 16:00:00

`change.base_hlc` lets an import tell a concurrent edit (a conflict) from an overwrite; the four
sync_* tables are this copy's own record of file sync and are never synced themselves.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('base_hlc', sa.BigInteger(), server_default='0', nullable=False))
    op.create_table(
        'sync_peer',
        sa.Column('site_id', sa.String(length=16), nullable=False),
        sa.Column('vector_json', sa.Text(), nullable=False),
        sa.Column('last_import_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('site_id', name=op.f('pk_sync_peer')),
    )
    op.create_table(
        'sync_exchange',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('direction', sa.String(length=8), nullable=False),
        sa.Column('peer_site', sa.String(length=16), nullable=False),
        sa.Column('file_name', sa.Text(), nullable=False),
        sa.Column('changes', sa.Integer(), nullable=False),
        sa.Column('summary_json', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_exchange')),
    )
    op.create_table(
        'sync_conflict',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('field', sa.String(length=60), nullable=False),
        sa.Column('winner_value', sa.Text(), nullable=True),
        sa.Column('winner_hlc', sa.BigInteger(), nullable=False),
        sa.Column('winner_site', sa.String(length=16), nullable=False),
        sa.Column('winner_user', sa.String(length=36), nullable=True),
        sa.Column('loser_value', sa.Text(), nullable=True),
        sa.Column('loser_hlc', sa.BigInteger(), nullable=False),
        sa.Column('loser_site', sa.String(length=16), nullable=False),
        sa.Column('loser_user', sa.String(length=36), nullable=True),
        sa.Column('detected_at', sa.DateTime(), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.Column('resolution', sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict')),
    )
    op.create_table(
        'sync_pending',
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('entity', 'row_id', name=op.f('pk_sync_pending')),
    )


def downgrade() -> None:
    op.drop_table('sync_pending')
    op.drop_table('sync_conflict')
    op.drop_table('sync_exchange')
    op.drop_table('sync_peer')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_column('base_hlc')
