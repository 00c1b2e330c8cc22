"""report indexes: a customer's earlier sales and the lines delivered in a period, read from indexes

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 22:05:00

The reports' "new customers" ask, for every customer of a month, whether a sale came before it: through
the (account, issued) and (contact, issued) indexes each earlier order cost a table read to see its
status. The two are widened with `status` (and the contact's with `account_id`, which a person's sale
is told apart by), so the question is answered from the index. "Delivered late in the period" read
all 500,000 order lines for lack of an index on the day a line was delivered.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
DELIVERED = "deleted_at IS NULL AND delivered_on IS NOT NULL"


def upgrade() -> None:
    where = sa.text(LIVE)
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_order_live_account')
        batch_op.drop_index('ix_sales_order_live_contact')
        batch_op.create_index('ix_sales_order_live_account_issued', ['account_id', 'issued_on', 'status'],
                              unique=False, sqlite_where=where, postgresql_where=where)
        batch_op.create_index('ix_sales_order_live_contact_issued', ['contact_id', 'issued_on', 'status', 'account_id'],
                              unique=False, sqlite_where=where, postgresql_where=where)
    with op.batch_alter_table('sales_order_line', schema=None) as batch_op:
        batch_op.create_index('ix_sales_order_line_live_delivered', ['delivered_on'], unique=False,
                              sqlite_where=sa.text(DELIVERED), postgresql_where=sa.text(DELIVERED))
    op.execute("ANALYZE sales_order")
    op.execute("ANALYZE sales_order_line")


def downgrade() -> None:
    where = sa.text(LIVE)
    with op.batch_alter_table('sales_order_line', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_order_line_live_delivered')
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_order_live_contact_issued')
        batch_op.drop_index('ix_sales_order_live_account_issued')
        batch_op.create_index('ix_sales_order_live_account', ['account_id', 'issued_on'], unique=False,
                              sqlite_where=where, postgresql_where=where)
        batch_op.create_index('ix_sales_order_live_contact', ['contact_id', 'issued_on'], unique=False,
                              sqlite_where=where, postgresql_where=where)
