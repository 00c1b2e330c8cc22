"""alerts: rules that make a task, and alerts fixed by (rule, record, period)

Revision ID: 0031
Revises: 0028
Create Date: 2026-12-07 21:30:00

The alert rule gets "also make a task for the record's owner" (`make_task`). The alert table, which
nothing wrote before (it came with the first schema, empty), is made again with what an alert is now
(models/planning.py): the rule's kind, the record, the period the alert is about (its id is fixed by
rule, record and period), the message's parameters, whose list it is on, snooze and dismissal; and an
index of the open alerts by owner. Four partial indexes of the activities that count as a contact (by
company and by person, by time and by day) give a customer's last contact in one step each (a top
customer gone quiet); two of the open cases give those whose first response or resolution falls due. The default rules are seeded at start (services/alerts.py), not
here: a server and a file get them the same way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import make_links_deferrable, on_sqlite

revision = '0031'
down_revision = '0030'
branch_labels = None
depends_on = None

OPEN = "dismissed_at IS NULL AND deleted_at IS NULL"
CONTACTED = ("deleted_at IS NULL AND rrule = '' AND status != 'cancelled'"
             " AND (status = 'done' OR kind IN ('call', 'meeting', 'visit'))")
OPEN_CASES = "deleted_at IS NULL AND status NOT IN ('resolved', 'closed')"

_CONTACTED_INDEXES = tuple((f'ix_activity_{link}_contacted_{at}', [f'{link}_id', column])
                           for link in ('account', 'contact') for at, column in (('at', 'starts_at'), ('on', 'due_on')))


def upgrade() -> None:
    with op.batch_alter_table('alert_rule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('make_task', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_rule_id'))
    op.drop_table('alert')
    op.create_table('alert',
                    sa.Column('rule_id', sa.String(length=36), nullable=False),
                    sa.Column('kind', sa.String(length=40), nullable=False),
                    sa.Column('entity', sa.String(length=40), nullable=False),
                    sa.Column('row_id', sa.String(length=36), nullable=False),
                    sa.Column('period', sa.String(length=40), nullable=False),
                    sa.Column('params_json', sa.Text(), nullable=False),
                    sa.Column('owner_id', sa.String(length=36), nullable=True),
                    sa.Column('raised_at', sa.DateTime(), nullable=False),
                    sa.Column('snoozed_until', sa.DateTime(), nullable=True),
                    sa.Column('dismissed_at', sa.DateTime(), nullable=True),
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('created_at', sa.DateTime(), nullable=False),
                    sa.Column('updated_at', sa.DateTime(), nullable=False),
                    sa.Column('deleted_at', sa.DateTime(), nullable=True),
                    sa.Column('hlc', sa.BigInteger(), nullable=False),
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_alert_owner_id_user')),
                    sa.ForeignKeyConstraint(['rule_id'], ['alert_rule.id'], name=op.f('fk_alert_rule_id_alert_rule')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert')))
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_rule_id'), ['rule_id'], unique=False)
        batch_op.create_index('ix_alert_open', ['owner_id', 'raised_at'], unique=False,
                              sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    with op.batch_alter_table('activity', schema=None) as batch_op:
        for name, columns in _CONTACTED_INDEXES:
            batch_op.create_index(name, columns, unique=False, sqlite_where=sa.text(CONTACTED),
                                  postgresql_where=sa.text(CONTACTED))
    with op.batch_alter_table('case', schema=None) as batch_op:
        for name, column, where in (('ix_case_open_resolution_due', 'sla_due_at', OPEN_CASES),
                                    ('ix_case_open_response_due', 'response_due_at',
                                     f"{OPEN_CASES} AND first_response_at IS NULL")):
            batch_op.create_index(name, [column], unique=False, sqlite_where=sa.text(where),
                                  postgresql_where=sa.text(where))
    if on_sqlite():
        op.execute("ANALYZE activity")
    make_links_deferrable()


def downgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index('ix_case_open_response_due')
        batch_op.drop_index('ix_case_open_resolution_due')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        for name, _columns in reversed(_CONTACTED_INDEXES):
            batch_op.drop_index(name)
    op.drop_table('alert')
    op.create_table('alert',
                    sa.Column('rule_id', sa.String(length=36), nullable=False),
                    sa.Column('entity', sa.String(length=40), nullable=False),
                    sa.Column('row_id', sa.String(length=36), nullable=False),
                    sa.Column('message', sa.String(length=300), nullable=False),
                    sa.Column('raised_at', sa.DateTime(), nullable=False),
                    sa.Column('dismissed_at', sa.DateTime(), nullable=True),
                    sa.Column('id', sa.String(length=36), nullable=False),
                    sa.Column('created_at', sa.DateTime(), nullable=False),
                    sa.Column('updated_at', sa.DateTime(), nullable=False),
                    sa.Column('deleted_at', sa.DateTime(), nullable=True),
                    sa.Column('hlc', sa.BigInteger(), nullable=False),
                    sa.Column('site_id', sa.String(length=16), nullable=False),
                    sa.ForeignKeyConstraint(['rule_id'], ['alert_rule.id'], name=op.f('fk_alert_rule_id_alert_rule')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert')))
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_rule_id'), ['rule_id'], unique=False)
    with op.batch_alter_table('alert_rule', schema=None) as batch_op:
        batch_op.drop_column('make_task')
