"""lists and search keyed by the record's id: each search index's rows are found through a key
table (`<entity>_fts_key`: key INTEGER PRIMARY KEY, id UNIQUE) instead of the entity row's rowid;
the documents' order indexes end with the id

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 06:00:00

The entity tables have text primary keys, so their rowids are implicit: a VACUUM may renumber them
(SQLite's documentation says so; 3.40 keeps them while a table has an index, which no version
promises), a rebuilt table does, and a server database has none. The search indexes used the entity
rowid as their own, so a renumbering would make a search find other records, and the triggers
delete the wrong entries. Each index is built again, its rowid now a search key paired with the
record's id in a key table: INTEGER PRIMARY KEY and the id both survive a VACUUM. The triggers find
a row's entry through its id (db/search_index.py).

The lists keep ids too, in the order of an index: their default order's index ends with the id,
which breaks ties and makes the list's keys an index scan (every id of 300,000 contacts read through
the table took 1.7 s; along the index, as the rowids were, 0.3 s). The name lists' indexes got their
id in 0021 (the sort keys); the quotations' and orders' get it here. An unfiltered list's count is
the live count (0022).

Search also finds a quotation or an order by the number a copy gave it before the office renumbered
it (`provisional_number`); that scanned every document (0.2-0.3 s over 184,000 orders, most of a
search's time), and now reads an index of the few documents that have one.
"""

from __future__ import annotations

from importlib import import_module

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.search_index import has_trigram

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

ENTITIES = ("account", "contact", "lead", "opportunity", "product")

# Frozen copy of crm_desktop.db.search_index DDL at this revision (skipped without trigram).
SEARCH_INDEX_DDL = (
    "CREATE VIRTUAL TABLE account_fts USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
    'CREATE TABLE account_fts_key (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
    'INSERT INTO account_fts_key(key, id) SELECT rowid, id FROM account WHERE deleted_at IS NULL',
    "INSERT INTO account_fts(rowid, body) SELECT rowid, account.name || ' ' || account.tax_id || ' ' || account.email || ' ' || account.website || ' ' || (CASE WHEN account.phone LIKE '+66%' THEN '0' || substr(account.phone, 4) ELSE replace(account.phone, '+', '') END) FROM account WHERE deleted_at IS NULL",
    "CREATE TRIGGER account_fts_ai AFTER INSERT ON account WHEN new.deleted_at IS NULL BEGIN INSERT INTO account_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO account_fts(rowid, body) SELECT key, new.name || ' ' || new.tax_id || ' ' || new.email || ' ' || new.website || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) FROM account_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER account_fts_au AFTER UPDATE OF name, tax_id, email, website, phone, deleted_at ON account BEGIN DELETE FROM account_fts WHERE rowid = (SELECT key FROM account_fts_key WHERE id = old.id); DELETE FROM account_fts_key WHERE id = old.id; INSERT INTO account_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO account_fts(rowid, body) SELECT key, new.name || ' ' || new.tax_id || ' ' || new.email || ' ' || new.website || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) FROM account_fts_key WHERE id = new.id; END",
    'CREATE TRIGGER account_fts_ad AFTER DELETE ON account BEGIN DELETE FROM account_fts WHERE rowid = (SELECT key FROM account_fts_key WHERE id = old.id); DELETE FROM account_fts_key WHERE id = old.id; END',
    "CREATE VIRTUAL TABLE contact_fts USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
    'CREATE TABLE contact_fts_key (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
    'INSERT INTO contact_fts_key(key, id) SELECT rowid, id FROM contact WHERE deleted_at IS NULL',
    "INSERT INTO contact_fts(rowid, body) SELECT rowid, contact.first_name || ' ' || contact.last_name || ' ' || contact.nickname || ' ' || contact.email || ' ' || contact.line_id || ' ' || (CASE WHEN contact.mobile LIKE '+66%' THEN '0' || substr(contact.mobile, 4) ELSE replace(contact.mobile, '+', '') END) || ' ' || (CASE WHEN contact.phone LIKE '+66%' THEN '0' || substr(contact.phone, 4) ELSE replace(contact.phone, '+', '') END) FROM contact WHERE deleted_at IS NULL",
    "CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact WHEN new.deleted_at IS NULL BEGIN INSERT INTO contact_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO contact_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.nickname || ' ' || new.email || ' ' || new.line_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) FROM contact_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER contact_fts_au AFTER UPDATE OF first_name, last_name, nickname, email, line_id, mobile, phone, deleted_at ON contact BEGIN DELETE FROM contact_fts WHERE rowid = (SELECT key FROM contact_fts_key WHERE id = old.id); DELETE FROM contact_fts_key WHERE id = old.id; INSERT INTO contact_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO contact_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.nickname || ' ' || new.email || ' ' || new.line_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) FROM contact_fts_key WHERE id = new.id; END",
    'CREATE TRIGGER contact_fts_ad AFTER DELETE ON contact BEGIN DELETE FROM contact_fts WHERE rowid = (SELECT key FROM contact_fts_key WHERE id = old.id); DELETE FROM contact_fts_key WHERE id = old.id; END',
    "CREATE VIRTUAL TABLE lead_fts USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
    'CREATE TABLE lead_fts_key (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
    'INSERT INTO lead_fts_key(key, id) SELECT rowid, id FROM lead WHERE deleted_at IS NULL',
    "INSERT INTO lead_fts(rowid, body) SELECT rowid, lead.first_name || ' ' || lead.last_name || ' ' || lead.company_name || ' ' || lead.email || ' ' || lead.line_id || ' ' || lead.tax_id || ' ' || (CASE WHEN lead.mobile LIKE '+66%' THEN '0' || substr(lead.mobile, 4) ELSE replace(lead.mobile, '+', '') END) || ' ' || (CASE WHEN lead.phone LIKE '+66%' THEN '0' || substr(lead.phone, 4) ELSE replace(lead.phone, '+', '') END) FROM lead WHERE deleted_at IS NULL",
    "CREATE TRIGGER lead_fts_ai AFTER INSERT ON lead WHEN new.deleted_at IS NULL BEGIN INSERT INTO lead_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO lead_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.company_name || ' ' || new.email || ' ' || new.line_id || ' ' || new.tax_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) FROM lead_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER lead_fts_au AFTER UPDATE OF first_name, last_name, company_name, email, line_id, tax_id, mobile, phone, deleted_at ON lead BEGIN DELETE FROM lead_fts WHERE rowid = (SELECT key FROM lead_fts_key WHERE id = old.id); DELETE FROM lead_fts_key WHERE id = old.id; INSERT INTO lead_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO lead_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.company_name || ' ' || new.email || ' ' || new.line_id || ' ' || new.tax_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) FROM lead_fts_key WHERE id = new.id; END",
    'CREATE TRIGGER lead_fts_ad AFTER DELETE ON lead BEGIN DELETE FROM lead_fts WHERE rowid = (SELECT key FROM lead_fts_key WHERE id = old.id); DELETE FROM lead_fts_key WHERE id = old.id; END',
    "CREATE VIRTUAL TABLE opportunity_fts USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
    'CREATE TABLE opportunity_fts_key (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
    'INSERT INTO opportunity_fts_key(key, id) SELECT rowid, id FROM opportunity WHERE deleted_at IS NULL',
    "INSERT INTO opportunity_fts(rowid, body) SELECT rowid, opportunity.name || ' ' || opportunity.competitor FROM opportunity WHERE deleted_at IS NULL",
    "CREATE TRIGGER opportunity_fts_ai AFTER INSERT ON opportunity WHEN new.deleted_at IS NULL BEGIN INSERT INTO opportunity_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO opportunity_fts(rowid, body) SELECT key, new.name || ' ' || new.competitor FROM opportunity_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER opportunity_fts_au AFTER UPDATE OF name, competitor, deleted_at ON opportunity BEGIN DELETE FROM opportunity_fts WHERE rowid = (SELECT key FROM opportunity_fts_key WHERE id = old.id); DELETE FROM opportunity_fts_key WHERE id = old.id; INSERT INTO opportunity_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO opportunity_fts(rowid, body) SELECT key, new.name || ' ' || new.competitor FROM opportunity_fts_key WHERE id = new.id; END",
    'CREATE TRIGGER opportunity_fts_ad AFTER DELETE ON opportunity BEGIN DELETE FROM opportunity_fts WHERE rowid = (SELECT key FROM opportunity_fts_key WHERE id = old.id); DELETE FROM opportunity_fts_key WHERE id = old.id; END',
    "CREATE VIRTUAL TABLE product_fts USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
    'CREATE TABLE product_fts_key (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
    'INSERT INTO product_fts_key(key, id) SELECT rowid, id FROM product WHERE deleted_at IS NULL',
    "INSERT INTO product_fts(rowid, body) SELECT rowid, product.sku || ' ' || product.name_th || ' ' || product.name_en FROM product WHERE deleted_at IS NULL",
    "CREATE TRIGGER product_fts_ai AFTER INSERT ON product WHEN new.deleted_at IS NULL BEGIN INSERT INTO product_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO product_fts(rowid, body) SELECT key, new.sku || ' ' || new.name_th || ' ' || new.name_en FROM product_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER product_fts_au AFTER UPDATE OF sku, name_th, name_en, deleted_at ON product BEGIN DELETE FROM product_fts WHERE rowid = (SELECT key FROM product_fts_key WHERE id = old.id); DELETE FROM product_fts_key WHERE id = old.id; INSERT INTO product_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO product_fts(rowid, body) SELECT key, new.sku || ' ' || new.name_th || ' ' || new.name_en FROM product_fts_key WHERE id = new.id; END",
    'CREATE TRIGGER product_fts_ad AFTER DELETE ON product BEGIN DELETE FROM product_fts WHERE rowid = (SELECT key FROM product_fts_key WHERE id = old.id); DELETE FROM product_fts_key WHERE id = old.id; END',
)

# The migrations that made the indexes keyed by their entity's rowid: a downgrade runs their DDL again.
ROWID_INDEX_MIGRATIONS = ("0001_initial_schema", "0002_pick_lists_and_search", "0015_product_search")


LIVE = "deleted_at IS NULL"
# (table, index, its columns before, its columns now): a list's default order, then the id.
ORDER_INDEXES: tuple[tuple[str, str, list[str], list[str]], ...] = (
    ("quotation", "ix_quotation_live_issued", ["issued_on"], ["issued_on", "id"]),
    ("sales_order", "ix_sales_order_live_issued", ["issued_on"], ["issued_on", "id"]),
)
PROVISIONAL = ("quotation", "sales_order")  # search finds documents by a provisional number too


def _index(table: str, name: str, columns: list[str]) -> None:
    op.drop_index(name, table_name=table)
    op.create_index(name, table, columns, unique=False,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))


def _drop(entity: str) -> None:
    for trigger in ("ai", "au", "ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {entity}_fts_{trigger}")
    op.execute(f"DROP TABLE IF EXISTS {entity}_fts")
    op.execute(f"DROP TABLE IF EXISTS {entity}_fts_key")


def upgrade() -> None:
    for table, name, _before, now in ORDER_INDEXES:
        _index(table, name, now)
    for table in PROVISIONAL:
        op.create_index(f"ix_{table}_provisional", table, ["provisional_number"], unique=False,
                        sqlite_where=sa.text("provisional_number != ''"),
                        postgresql_where=sa.text("provisional_number != ''"))
    for table in sorted({t for t, *_ in ORDER_INDEXES}):
        op.execute(f"ANALYZE {table}")
    if not has_trigram(op.get_bind().connection.dbapi_connection):
        return
    for entity in ENTITIES:
        _drop(entity)
    for statement in SEARCH_INDEX_DDL:
        op.execute(statement)


def downgrade() -> None:
    for table in PROVISIONAL:
        op.drop_index(f"ix_{table}_provisional", table_name=table)
    for table, name, before, _now in ORDER_INDEXES:
        _index(table, name, before)
    if not has_trigram(op.get_bind().connection.dbapi_connection):
        return
    for entity in ENTITIES:
        _drop(entity)
    for name in ROWID_INDEX_MIGRATIONS:
        for statement in import_module(f"crm_desktop.db.migrations.versions.{name}").SEARCH_INDEX_DDL:
            op.execute(statement)
