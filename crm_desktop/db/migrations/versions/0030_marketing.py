"""marketing: campaign budget and mail-merge template, member responses, segments and static lists

Revision ID: 0030
Revises: 0028
Create Date: 2026-12-07 22:00:00

A campaign gets its budget beside its actual cost and the mail merge's subject and body. A member's
status is its response (added, sent, opened, replied, interested, bought, unsubscribed) with the day it
came; the members of a campaign are read by response along a partial index of live rows. A segment
says whether it is of contacts or companies and whether it is static (its members frozen in the new
`segment_member` table). A person's lead source is read from the lead they were converted from, along
two partial indexes; a segment's conditions on a person along one more on contacts (gender, birthday,
province, consent, income band); the indexes of orders by status and day and of activities by status and
time cover who they were with, so who bought or was contacted since a day is read from them; the orders in
the order of their ids, covering, so each customer's spending in a period sums the lines in the lines'
index order. The marketing tables were empty until now: no data step.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import make_links_deferrable, on_sqlite

revision = '0030'
down_revision = '0029'
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
_CONVERTED = {"contact": "converted_contact_id IS NOT NULL AND deleted_at IS NULL",
              "account": "converted_account_id IS NOT NULL AND deleted_at IS NULL"}


def upgrade() -> None:
    # Plain ALTER TABLE, not a batch: a batch copies the table and would drop triggers on it.
    op.add_column('campaign', sa.Column('budget_satang', sa.BigInteger(), server_default='0', nullable=False))
    op.add_column('campaign', sa.Column('template_subject', sa.String(length=300), server_default='', nullable=False))
    op.add_column('campaign', sa.Column('template_body', sa.Text(), server_default='', nullable=False))
    op.add_column('campaign_member', sa.Column('responded_on', sa.Date(), nullable=True))
    op.create_index('ix_campaign_member_live_status', 'campaign_member', ['campaign_id', 'status', 'contact_id'],
                    unique=False, sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    op.add_column('segment', sa.Column('kind', sa.String(length=10), server_default='contacts', nullable=False))
    op.add_column('segment', sa.Column('static', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('segment', sa.Column('notes', sa.Text(), server_default='', nullable=False))
    op.create_table('segment_member',
    sa.Column('segment_id', sa.String(length=36), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('account_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_segment_member_account_id_account')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_segment_member_contact_id_contact')),
    sa.ForeignKeyConstraint(['segment_id'], ['segment.id'], name=op.f('fk_segment_member_segment_id_segment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segment_member'))
    )
    with op.batch_alter_table('segment_member', schema=None) as batch_op:
        batch_op.create_index('ix_segment_member_segment', ['segment_id', 'contact_id', 'account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_segment_member_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_segment_member_account_id'), ['account_id'], unique=False)
    for kind, where in _CONVERTED.items():
        op.create_index(f'ix_lead_converted_{kind}', 'lead', [f'converted_{kind}_id', 'source'], unique=False,
                        sqlite_where=sa.text(where), postgresql_where=sa.text(where))
    op.create_index('ix_contact_live_segment', 'contact',
                    ['gender', 'birthday', 'province', 'marketing_consent', 'income_band', 'owner_id', 'interests',
                     'tags', 'id', 'deleted_at'], unique=False,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    _covering(('contact_id', 'account_id'), ('contact_id', 'account_id', 'deleted_at'))
    op.create_index('ix_sales_order_live_id', 'sales_order',
                    ['id', 'status', 'issued_on', 'contact_id', 'account_id', 'deleted_at'], unique=False,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    if on_sqlite():
        op.execute("ANALYZE")
    make_links_deferrable()


def _covering(order_extra: tuple[str, ...], activity_extra: tuple[str, ...]) -> None:
    """The orders by status and day, and the activities by status and time, covering who they were
    with (or, going down, as they were)."""
    op.drop_index('ix_sales_order_live_status', table_name='sales_order')
    op.create_index('ix_sales_order_live_status', 'sales_order', ['status', 'issued_on', *order_extra], unique=False,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    for name, column in (("start", "starts_at"), ("due", "due_on")):
        op.drop_index(f'ix_activity_status_{name}', table_name='activity')
        op.create_index(f'ix_activity_status_{name}', 'activity', ['status', column, *activity_extra], unique=False)


def downgrade() -> None:
    op.drop_index('ix_sales_order_live_id', table_name='sales_order')
    _covering((), ())
    op.drop_index('ix_contact_live_segment', table_name='contact')
    for kind in _CONVERTED:
        op.drop_index(f'ix_lead_converted_{kind}', table_name='lead')
    with op.batch_alter_table('segment_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_segment_member_account_id'))
        batch_op.drop_index(batch_op.f('ix_segment_member_contact_id'))
        batch_op.drop_index('ix_segment_member_segment')
    op.drop_table('segment_member')
    op.drop_column('segment', 'notes')
    op.drop_column('segment', 'static')
    op.drop_column('segment', 'kind')
    op.drop_index('ix_campaign_member_live_status', table_name='campaign_member')
    op.drop_column('campaign_member', 'responded_on')
    op.drop_column('campaign', 'template_body')
    op.drop_column('campaign', 'template_subject')
    op.drop_column('campaign', 'budget_satang')
