"""product search and list indexes: a trigram index over SKU and the Thai and English names, and
indexes for the list of active products

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 18:30:00

The Products tab, the line editor's product picker and Ctrl+K find a product by any part of its
SKU or names, Thai included (THAI.md, "Search"). Like the other indexes it is kept by triggers,
so every writer (the app, bulk loads, a sync import) updates it in the same transaction.
The Products tab shows active products by default; (active, sort column) indexes on the live rows
keep its first page an index scan instead of a table read per product.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.search_index import has_trigram

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

# Frozen copy of crm_desktop.db.search_index DDL for products at this revision.
SEARCH_INDEX_DDL = (
    "CREATE VIRTUAL TABLE product_fts USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
    "INSERT INTO product_fts(rowid, body) SELECT rowid, product.sku || ' ' || product.name_th || ' ' || "
    "product.name_en FROM product WHERE deleted_at IS NULL",
    "CREATE TRIGGER product_fts_ai AFTER INSERT ON product WHEN new.deleted_at IS NULL BEGIN INSERT INTO "
    "product_fts(rowid, body) VALUES (new.rowid, new.sku || ' ' || new.name_th || ' ' || new.name_en); END",
    "CREATE TRIGGER product_fts_au AFTER UPDATE OF sku, name_th, name_en, deleted_at ON product BEGIN DELETE FROM "
    "product_fts WHERE rowid = old.rowid; INSERT INTO product_fts(rowid, body) SELECT new.rowid, new.sku || ' ' || "
    "new.name_th || ' ' || new.name_en WHERE new.deleted_at IS NULL; END",
    "CREATE TRIGGER product_fts_ad AFTER DELETE ON product BEGIN DELETE FROM product_fts WHERE rowid = old.rowid; END",
)


LIVE = "deleted_at IS NULL"
LIST_INDEXES = (
    ("ix_product_live_active_sku", ["active", "sku"]),
    ("ix_product_live_active_name", ["active", "name_th"]),
    ("ix_product_live_active_category", ["active", "category", "sku"]),
)


def upgrade() -> None:
    with op.batch_alter_table('product', schema=None) as batch_op:
        for name, columns in LIST_INDEXES:
            batch_op.create_index(name, columns, unique=False, sqlite_where=sa.text(LIVE),
                                  postgresql_where=sa.text(LIVE))
    conn = op.get_bind()
    if has_trigram(conn.connection.dbapi_connection):
        for statement in SEARCH_INDEX_DDL:
            op.execute(statement)


def downgrade() -> None:
    for trigger in ("ai", "au", "ad"):
        op.execute(f"DROP TRIGGER IF EXISTS product_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS product_fts")
    with op.batch_alter_table('product', schema=None) as batch_op:
        for name, _columns in LIST_INDEXES:
            batch_op.drop_index(name)
