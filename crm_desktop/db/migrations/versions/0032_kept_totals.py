"""kept totals: each person's and company's last contact, each sale's lines' net, kept by triggers

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-07 23:50:00

`contact.last_contact_on`, `account.last_contact_on` (the office day of the latest activity marked done
with them) and `sales_order.lines_net_satang` (its live lines' net), kept by triggers on both engines
(db/kept.py), filled here for the rows there are (set-wise), with the indexes the segment counts read:
the people by last contact (and consent), the companies by last contact, the people's
segment index covering the last contact too, the sales by status and day covering their total, and
the people by id with their consent (a set of buyers counted without reading their rows), and the
sales by day covering what each is worth (the alerts' month of sales per customer).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# As in 0022, today's code: a later change of the triggers ships a migration that drops and creates them.
from crm_desktop.db.kept import create_statements, drop_statements, refill_statements
from crm_desktop.db.migrations.dialect import on_sqlite

revision = '0032'
down_revision = '0031'
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
SEGMENT = ['gender', 'birthday', 'province', 'marketing_consent', 'income_band', 'owner_id', 'interests', 'tags']
SALES = ['status', 'issued_on', 'contact_id', 'account_id']
WORTH = ['status', 'account_id', 'contact_id', 'lines_net_satang', 'bill_discount_satang', 'prices_include_vat', 'vat_bp']


def _index(name: str, table: str, columns: list[str]) -> None:
    op.create_index(name, table, columns, unique=False, sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))


def upgrade() -> None:
    engine = op.get_bind().dialect.name
    op.drop_index('ix_contact_live_segment', table_name='contact')
    op.drop_index('ix_sales_order_live_status', table_name='sales_order')
    op.drop_index('ix_sales_order_live_issued', table_name='sales_order')
    op.add_column('contact', sa.Column('last_contact_on', sa.Date(), nullable=True))
    op.add_column('account', sa.Column('last_contact_on', sa.Date(), nullable=True))
    op.add_column('sales_order', sa.Column('lines_net_satang', sa.BigInteger(), server_default='0', nullable=False))
    for statement in refill_statements(engine):
        op.execute(statement)
    for statement in create_statements(engine):
        op.execute(statement)
    _index('ix_contact_live_segment', 'contact', [*SEGMENT, 'last_contact_on', 'id', 'deleted_at'])
    op.create_index('ix_contact_last_contact', 'contact', ['last_contact_on', 'marketing_consent', 'deleted_at'])
    op.create_index('ix_account_last_contact', 'account', ['last_contact_on', 'deleted_at'])
    op.create_index('ix_contact_id_consent', 'contact', ['id', 'marketing_consent', 'deleted_at'])
    _index('ix_sales_order_live_status', 'sales_order', [*SALES, 'lines_net_satang', 'deleted_at'])
    _index('ix_sales_order_live_issued', 'sales_order', ['issued_on', 'id', *WORTH, 'deleted_at'])
    if on_sqlite():
        op.execute("ANALYZE contact")
        op.execute("ANALYZE account")
        op.execute("ANALYZE sales_order")


def downgrade() -> None:
    engine = op.get_bind().dialect.name
    for statement in drop_statements(engine):
        op.execute(statement)
    op.drop_index('ix_sales_order_live_status', table_name='sales_order')
    op.drop_index('ix_sales_order_live_issued', table_name='sales_order')
    op.drop_index('ix_contact_id_consent', table_name='contact')
    op.drop_index('ix_account_last_contact', table_name='account')
    op.drop_index('ix_contact_last_contact', table_name='contact')
    op.drop_index('ix_contact_live_segment', table_name='contact')
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.drop_column('lines_net_satang')
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_column('last_contact_on')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_column('last_contact_on')
    _index('ix_contact_live_segment', 'contact', [*SEGMENT, 'id', 'deleted_at'])
    _index('ix_sales_order_live_status', 'sales_order', SALES)
    _index('ix_sales_order_live_issued', 'sales_order', ['issued_on', 'id'])
