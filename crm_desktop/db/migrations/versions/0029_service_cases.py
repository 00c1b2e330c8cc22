"""service cases: channel, category, product or order, the SLA's due times, list indexes

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07 21:40:00

The `case` table of the first schema was a placeholder nothing wrote; it gets the columns the Cases
tab and the SLA need (models/service.py), a status "assigned", allowed priorities and channels, and
indexes on its live rows for the list's orders and filters. Its live rows are counted by triggers
(db/live_counts.py) on a file. The table is empty on every copy, so its new required column needs no
value for old rows (SQLite rebuilds the table for it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import make_links_deferrable, on_sqlite

revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
INDEXES = (
    ("ix_case_live_opened", ["opened_at", "id"]),
    ("ix_case_live_status", ["status", "opened_at"]),
    ("ix_case_live_owner", ["owner_id", "status", "opened_at"]),
    ("ix_case_live_due", ["sla_due_at"]),
    ("ix_case_live_account", ["account_id", "opened_at"]),
    ("ix_case_live_contact", ["contact_id", "opened_at"]),
)
# Frozen copy of db/live_counts.create_statements("case") at this revision.
COUNT = (
    "INSERT OR REPLACE INTO live_count (entity, live) SELECT 'case', count(*) FROM \"case\" WHERE deleted_at IS NULL",
    "CREATE TRIGGER case_live_ai AFTER INSERT ON \"case\" WHEN new.deleted_at IS NULL "
    "BEGIN UPDATE live_count SET live = live + 1 WHERE entity = 'case'; END",
    "CREATE TRIGGER case_live_au AFTER UPDATE OF deleted_at ON \"case\" "
    "WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) "
    "BEGIN UPDATE live_count SET live = live + CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END "
    "WHERE entity = 'case'; END",
    "CREATE TRIGGER case_live_ad AFTER DELETE ON \"case\" WHEN old.deleted_at IS NULL "
    "BEGIN UPDATE live_count SET live = live + -1 WHERE entity = 'case'; END",
)


def upgrade() -> None:
    with op.batch_alter_table('case', schema=None, recreate='always' if on_sqlite() else 'auto') as batch_op:
        batch_op.add_column(sa.Column('provisional_number', sa.String(length=40), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('product_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('order_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('channel', sa.String(length=16), server_default='', nullable=False))
        batch_op.add_column(sa.Column('category', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('opened_at', sa.DateTime(), nullable=False))
        batch_op.add_column(sa.Column('response_due_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('first_response_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('resolved_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_case_product_id_product'), 'product', ['product_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_case_order_id_sales_order'), 'sales_order', ['order_id'], ['id'])
    for name, columns in INDEXES:
        op.create_index(name, 'case', columns, unique=False, sqlite_where=sa.text(LIVE),
                        postgresql_where=sa.text(LIVE))
    if on_sqlite():  # revision 0022 counts the tables db/live_counts names today: "case" may have its triggers
        for trigger in ('ai', 'au', 'ad'):
            op.execute(f"DROP TRIGGER IF EXISTS case_live_{trigger}")
        for statement in COUNT:
            op.execute(statement)
    make_links_deferrable()


def downgrade() -> None:
    if on_sqlite():
        for trigger in ('ai', 'au', 'ad'):
            op.execute(f"DROP TRIGGER IF EXISTS case_live_{trigger}")
        op.execute("DELETE FROM live_count WHERE entity = 'case'")
    for name, _columns in INDEXES:
        op.drop_index(name, table_name='case')
    with op.batch_alter_table('case', schema=None, recreate='always' if on_sqlite() else 'auto') as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_case_order_id_sales_order'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_case_product_id_product'), type_='foreignkey')
        for column in ('resolved_at', 'first_response_at', 'response_due_at', 'opened_at', 'category', 'channel',
                       'order_id', 'product_id', 'provisional_number'):
            batch_op.drop_column(column)
