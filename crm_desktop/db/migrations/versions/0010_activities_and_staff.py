"""activities: status, assignee, priority, location, series and their exceptions; reminders; staff details

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 14:00:00

- `activity.done` becomes `status` (planned / done / cancelled), in the rows and in the change log,
  so the log's old changes still describe the rows (and still pass a sync import's field check).
- An activity gets an assignee (who does it; the owner until someone hands it over), a priority, a
  location, a hand-over note, and a link from an occurrence that left its series to the series.
- `activity_exception` lists the starts a series skips; `reminder` what a person did with a reminder.
- A user gets a phone and a colour for the calendar.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import on_sqlite

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_SYNC_COLUMNS = (
    ('id', sa.String(length=36)),
    ('created_at', sa.DateTime()),
    ('updated_at', sa.DateTime()),
    ('deleted_at', sa.DateTime()),
    ('hlc', sa.BigInteger()),
    ('site_id', sa.String(length=16)),
)


def _sync_columns() -> list[sa.Column]:
    return [sa.Column(name, kind, nullable=name == 'deleted_at') for name, kind in _SYNC_COLUMNS]


def upgrade() -> None:
    op.create_table(
        'activity_exception',
        sa.Column('activity_id', sa.String(length=36), nullable=False),
        sa.Column('occurrence', sa.DateTime(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_exception_activity_id_activity')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_exception')),
    )
    op.create_index(op.f('ix_activity_exception_activity_id'), 'activity_exception', ['activity_id'])
    op.create_table(
        'reminder',
        sa.Column('target', sa.String(length=60), nullable=False),
        sa.Column('occurs_at', sa.DateTime(), nullable=False),
        sa.Column('user_id', sa.String(length=36), nullable=True),
        sa.Column('snoozed_until', sa.DateTime(), nullable=True),
        sa.Column('dismissed_at', sa.DateTime(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_reminder_user_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder')),
    )
    op.create_index(op.f('ix_reminder_target'), 'reminder', ['target'])
    op.create_index(op.f('ix_reminder_user_id'), 'reminder', ['user_id'])

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=20), server_default='', nullable=False))
        batch_op.add_column(sa.Column('colour', sa.String(length=7), server_default='', nullable=False))

    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('location', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('status', sa.String(length=10), server_default='planned', nullable=False))
        batch_op.add_column(sa.Column('priority', sa.String(length=10), server_default='normal', nullable=False))
        batch_op.add_column(sa.Column('series_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('occurrence', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('assignee_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('handover_note', sa.String(length=300), server_default='', nullable=False))
    conn = op.get_bind()
    conn.exec_driver_sql("UPDATE activity SET status = CASE WHEN done THEN 'done' ELSE 'planned' END, "
                         "assignee_id = owner_id")
    # The log's changes of `done` become changes of `status`: same clock, same meaning. (A server's log
    # is empty at this revision: migrations/dialect.py.)
    if on_sqlite():
        conn.exec_driver_sql(
            "UPDATE change SET fields = json_set(json_remove(fields, '$.done'), '$.status', "
            "CASE WHEN json_extract(fields, '$.done') THEN 'done' ELSE 'planned' END) "
            "WHERE entity = 'activity' AND json_type(fields, '$.done') IS NOT NULL")
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.alter_column('rrule', existing_type=sa.String(length=200), type_=sa.String(length=300),
                              existing_nullable=False)
        batch_op.drop_column('done')
        batch_op.create_foreign_key(batch_op.f('fk_activity_assignee_id_user'), 'user', ['assignee_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_activity_series_id_activity'), 'activity', ['series_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_activity_series_id'), ['series_id'], unique=False)
        batch_op.create_index('ix_activity_assignee_start', ['assignee_id', 'status', 'starts_at'], unique=False)
        batch_op.create_index('ix_activity_assignee_due', ['assignee_id', 'status', 'due_on'], unique=False)
        batch_op.create_index('ix_activity_status_start', ['status', 'starts_at'], unique=False)
        batch_op.create_index('ix_activity_status_due', ['status', 'due_on'], unique=False)
        batch_op.create_index('ix_activity_series_rule', ['rrule'], unique=False,
                              sqlite_where=sa.text("rrule != ''"), postgresql_where=sa.text("rrule != ''"))


def downgrade() -> None:
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('done', sa.Boolean(), server_default=sa.false(), nullable=False))
    conn = op.get_bind()
    conn.exec_driver_sql("UPDATE activity SET done = status = 'done'")
    conn.exec_driver_sql(
        "UPDATE change SET fields = json_set(json_remove(fields, '$.status'), '$.done', "
        "json(CASE WHEN json_extract(fields, '$.status') = 'done' THEN 'true' ELSE 'false' END)) "
        "WHERE entity = 'activity' AND json_type(fields, '$.status') IS NOT NULL")
    with op.batch_alter_table('activity', schema=None) as batch_op:
        for name in ('ix_activity_series_rule', 'ix_activity_status_due', 'ix_activity_status_start',
                     'ix_activity_assignee_due', 'ix_activity_assignee_start', 'ix_activity_series_id'):
            batch_op.drop_index(name)
        batch_op.drop_constraint('fk_activity_series_id_activity', type_='foreignkey')
        batch_op.drop_constraint('fk_activity_assignee_id_user', type_='foreignkey')
        for name in ('handover_note', 'assignee_id', 'occurrence', 'series_id', 'priority', 'status', 'location'):
            batch_op.drop_column(name)
        batch_op.alter_column('rrule', existing_type=sa.String(length=300), type_=sa.String(length=200),
                              existing_nullable=False)
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('colour')
        batch_op.drop_column('phone')
    op.drop_table('reminder')
    op.drop_table('activity_exception')
