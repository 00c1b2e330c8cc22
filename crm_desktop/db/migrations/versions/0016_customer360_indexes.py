"""customer 360 indexes: a customer's sales and their lines' products, read from indexes alone

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 18:40:00

The 360 page and its "bought together" hints read the orders of a customer by status and the
products of each order. Through the 0014 indexes every order and every line cost a table read
(`status`, `product_id`); with 500,000 lines, the other buyers' baskets behind one suggestion took
~2 s. These partial indexes cover those reads (they end with `deleted_at`, the condition's column,
or SQLite reads the table to test it again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    where = sa.text(LIVE)
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.create_index('ix_sales_order_live_account_status', ['account_id', 'status', 'id', 'deleted_at'],
                              unique=False, sqlite_where=where, postgresql_where=where)
        batch_op.create_index('ix_sales_order_live_contact_status',
                              ['contact_id', 'status', 'account_id', 'id', 'deleted_at'],
                              unique=False, sqlite_where=where, postgresql_where=where)
    with op.batch_alter_table('sales_order_line', schema=None) as batch_op:
        batch_op.create_index('ix_sales_order_line_live_basket', ['order_id', 'product_id', 'deleted_at'],
                              unique=False, sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    with op.batch_alter_table('sales_order_line', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_order_line_live_basket')
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_order_live_contact_status')
        batch_op.drop_index('ix_sales_order_live_account_status')
