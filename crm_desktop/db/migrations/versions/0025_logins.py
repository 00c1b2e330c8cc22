"""logins: password hashes and security events, local to the copy

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 16:00:00

Two plain tables (models/login.py), never synced: a password hash must never travel in a sync file.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('credential',
                    sa.Column('user_id', sa.String(length=36), nullable=False),
                    sa.Column('password_hash', sa.Text(), nullable=False),
                    sa.Column('failed_attempts', sa.Integer(), server_default='0', nullable=False),
                    sa.Column('locked_until', sa.DateTime(), nullable=True),
                    sa.Column('must_change', sa.Boolean(), server_default='0', nullable=False),
                    sa.Column('changed_at', sa.DateTime(), nullable=False),
                    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_credential_user_id_user')),
                    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_credential')))
    op.create_table('security_event',
                    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
                    sa.Column('at', sa.DateTime(), nullable=False),
                    sa.Column('event', sa.String(length=20), nullable=False),
                    sa.Column('user_id', sa.String(length=36), nullable=True),
                    sa.Column('by_user_id', sa.String(length=36), nullable=True),
                    sa.Column('detail', sa.Text(), server_default='', nullable=False),
                    sa.PrimaryKeyConstraint('seq', name=op.f('pk_security_event')))
    op.create_index('ix_security_event_at', 'security_event', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_security_event_at', table_name='security_event')
    op.drop_table('security_event')
    op.drop_table('credential')
