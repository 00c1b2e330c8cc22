"""alert dismissals: each person dismisses and snoozes alerts for themselves

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-08 00:00:00

A dismissal or a snooze was one per alert for the whole office (`alert.dismissed_at`,
`alert.snoozed_until`): a rep dismissing "order late" hid it from the owner too. Now each is a row of
`alert_dismissal` (alert, person; its id fixed by the two, so two copies converge), with an index of a
person's live rows. The alert's own columns stay: who made the dismissals and snoozes already there is
not known, so they stay office-wide (hidden from everyone, as before); nothing writes them any more.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import make_links_deferrable

revision = '0033'
down_revision = '0032'
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    op.create_table('alert_dismissal',
                    sa.Column('alert_id', sa.String(length=36), nullable=False),
                    sa.Column('user_id', sa.String(length=36), nullable=False),
                    sa.Column('snoozed_until', sa.DateTime(), nullable=True),
                    sa.Column('dismissed_at', sa.DateTime(), nullable=True),
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('created_at', sa.DateTime(), nullable=False),
                    sa.Column('updated_at', sa.DateTime(), nullable=False),
                    sa.Column('deleted_at', sa.DateTime(), nullable=True),
                    sa.Column('hlc', sa.BigInteger(), nullable=False),
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.ForeignKeyConstraint(['alert_id'], ['alert.id'], name=op.f('fk_alert_dismissal_alert_id_alert')),
                    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_alert_dismissal_user_id_user')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_dismissal')))
    with op.batch_alter_table('alert_dismissal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_dismissal_alert_id'), ['alert_id'], unique=False)
        batch_op.create_index('ix_alert_dismissal_user', ['user_id', 'alert_id'], unique=False,
                              sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    make_links_deferrable()


def downgrade() -> None:
    with op.batch_alter_table('alert_dismissal', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_dismissal_user')
        batch_op.drop_index(batch_op.f('ix_alert_dismissal_alert_id'))
    op.drop_table('alert_dismissal')
