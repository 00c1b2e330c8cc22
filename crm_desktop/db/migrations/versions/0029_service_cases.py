"""service cases: channel, category, product or order, the SLA's due times, list indexes

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07 21:40:00

The `case` table of the first schema was a placeholder nothing wrote; it gets the columns the Cases
tab and the SLA need (models/service.py), a status "assigned", allowed priorities and channels, and
indexes on its live rows for the list's orders and filters. Its live rows are counted by triggers
(db/live_counts.py) on a file. The table is empty on every copy, so its new required column needs no
value for old rows (SQLite rebuilds the table for it).

Cases are searched like the other records (Ctrl+K, the Cases tab's filter) by their number, provisional
number and subject: on a file an FTS5 trigram index with its key table and triggers (db/search_index.py),
on a server a pg_trgm index (db/server_search.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import make_links_deferrable, on_sqlite
from crm_desktop.db.search_index import has_trigram

# As in 0027, today's code for a server's index: a later change of it ships a migration that makes it again.
from crm_desktop.db.server_search import index_statements

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
# Frozen copy of db/search_index.create_statements for the case at this revision (skipped without trigram):
# "case" is a keyword, so the table is named in quotes.
SEARCH_INDEX_DDL = (
    "CREATE VIRTUAL TABLE case_fts USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
    'CREATE TABLE case_fts_key (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
    'INSERT INTO case_fts_key(key, id) SELECT rowid, id FROM "case" WHERE deleted_at IS NULL',
    "INSERT INTO case_fts(rowid, body) SELECT rowid, \"case\".number || ' ' || \"case\".provisional_number || ' ' || "
    "\"case\".subject || '  ' FROM \"case\" WHERE deleted_at IS NULL",
    "CREATE TRIGGER case_fts_ai AFTER INSERT ON \"case\" WHEN new.deleted_at IS NULL BEGIN INSERT INTO "
    "case_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO case_fts(rowid, body) SELECT key, "
    "new.number || ' ' || new.provisional_number || ' ' || new.subject || '  ' FROM case_fts_key WHERE id = new.id; "
    "END",
    "CREATE TRIGGER case_fts_au AFTER UPDATE OF number, provisional_number, subject, deleted_at ON \"case\" BEGIN "
    "DELETE FROM case_fts WHERE rowid = (SELECT key FROM case_fts_key WHERE id = old.id); DELETE FROM case_fts_key "
    "WHERE id = old.id; INSERT INTO case_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO "
    "case_fts(rowid, body) SELECT key, new.number || ' ' || new.provisional_number || ' ' || new.subject || '  ' "
    "FROM case_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER case_fts_ad AFTER DELETE ON \"case\" BEGIN DELETE FROM case_fts WHERE rowid = (SELECT key FROM "
    "case_fts_key WHERE id = old.id); DELETE FROM case_fts_key WHERE id = old.id; END",
)


def _search_index() -> None:
    """The cases' search index, made after the table's rebuild (which would drop its triggers)."""
    if not on_sqlite():
        for statement in index_statements(("case",)):
            op.execute(statement)
        op.execute('ANALYZE "case"')
    elif has_trigram(op.get_bind().connection.dbapi_connection):
        for statement in SEARCH_INDEX_DDL:
            op.execute(statement)


def _drop_search_index() -> None:
    if not on_sqlite():
        op.execute("DROP INDEX IF EXISTS ix_case_search")
        return
    for trigger in ('ai', 'au', 'ad'):
        op.execute(f"DROP TRIGGER IF EXISTS case_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS case_fts")
    op.execute("DROP TABLE IF EXISTS case_fts_key")


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
    _search_index()
    make_links_deferrable()


def downgrade() -> None:
    _drop_search_index()
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
