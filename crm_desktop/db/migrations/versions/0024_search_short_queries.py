"""search answers queries of one or two characters from the index: every indexed text ends with two
spaces, so each of its characters starts a trigram

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 12:00:00

A query under three characters cannot be a trigram, so search scanned every stored text for it: 30 ms
over 100,000 accounts, 136 ms over a million contacts when few or none hold it. With two spaces after
the text, every character of it starts a trigram, and such a query is a range of the index's
vocabulary (db/search_index.py, `_short_keys_sql`). A query never ends with a space, so the padding
matches nothing new. The indexes keep their search keys (0023); their text is indexed again.
"""

from __future__ import annotations

from importlib import import_module

from alembic import op

from crm_desktop.db.search_index import has_trigram

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None

ENTITIES = ("account", "contact", "lead", "opportunity", "product")

# Frozen copy of crm_desktop.db.search_index DDL at this revision (skipped without trigram): each index,
# created empty as in 0023, is filled under its existing keys, and its insert and update triggers index
# the padded text (the delete triggers are 0023's).
SEARCH_INDEX_DDL = (
    "INSERT INTO account_fts(rowid, body) SELECT k.key, account.name || ' ' || account.tax_id || ' ' || account.email || ' ' || account.website || ' ' || (CASE WHEN account.phone LIKE '+66%' THEN '0' || substr(account.phone, 4) ELSE replace(account.phone, '+', '') END) || '  ' FROM account_fts_key k JOIN account ON account.id = k.id",
    "CREATE TRIGGER account_fts_ai AFTER INSERT ON account WHEN new.deleted_at IS NULL BEGIN INSERT INTO account_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO account_fts(rowid, body) SELECT key, new.name || ' ' || new.tax_id || ' ' || new.email || ' ' || new.website || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) || '  ' FROM account_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER account_fts_au AFTER UPDATE OF name, tax_id, email, website, phone, deleted_at ON account BEGIN DELETE FROM account_fts WHERE rowid = (SELECT key FROM account_fts_key WHERE id = old.id); DELETE FROM account_fts_key WHERE id = old.id; INSERT INTO account_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO account_fts(rowid, body) SELECT key, new.name || ' ' || new.tax_id || ' ' || new.email || ' ' || new.website || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) || '  ' FROM account_fts_key WHERE id = new.id; END",
    "INSERT INTO contact_fts(rowid, body) SELECT k.key, contact.first_name || ' ' || contact.last_name || ' ' || contact.nickname || ' ' || contact.email || ' ' || contact.line_id || ' ' || (CASE WHEN contact.mobile LIKE '+66%' THEN '0' || substr(contact.mobile, 4) ELSE replace(contact.mobile, '+', '') END) || ' ' || (CASE WHEN contact.phone LIKE '+66%' THEN '0' || substr(contact.phone, 4) ELSE replace(contact.phone, '+', '') END) || '  ' FROM contact_fts_key k JOIN contact ON contact.id = k.id",
    "CREATE TRIGGER contact_fts_ai AFTER INSERT ON contact WHEN new.deleted_at IS NULL BEGIN INSERT INTO contact_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO contact_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.nickname || ' ' || new.email || ' ' || new.line_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) || '  ' FROM contact_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER contact_fts_au AFTER UPDATE OF first_name, last_name, nickname, email, line_id, mobile, phone, deleted_at ON contact BEGIN DELETE FROM contact_fts WHERE rowid = (SELECT key FROM contact_fts_key WHERE id = old.id); DELETE FROM contact_fts_key WHERE id = old.id; INSERT INTO contact_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO contact_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.nickname || ' ' || new.email || ' ' || new.line_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) || '  ' FROM contact_fts_key WHERE id = new.id; END",
    "INSERT INTO lead_fts(rowid, body) SELECT k.key, lead.first_name || ' ' || lead.last_name || ' ' || lead.company_name || ' ' || lead.email || ' ' || lead.line_id || ' ' || lead.tax_id || ' ' || (CASE WHEN lead.mobile LIKE '+66%' THEN '0' || substr(lead.mobile, 4) ELSE replace(lead.mobile, '+', '') END) || ' ' || (CASE WHEN lead.phone LIKE '+66%' THEN '0' || substr(lead.phone, 4) ELSE replace(lead.phone, '+', '') END) || '  ' FROM lead_fts_key k JOIN lead ON lead.id = k.id",
    "CREATE TRIGGER lead_fts_ai AFTER INSERT ON lead WHEN new.deleted_at IS NULL BEGIN INSERT INTO lead_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO lead_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.company_name || ' ' || new.email || ' ' || new.line_id || ' ' || new.tax_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) || '  ' FROM lead_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER lead_fts_au AFTER UPDATE OF first_name, last_name, company_name, email, line_id, tax_id, mobile, phone, deleted_at ON lead BEGIN DELETE FROM lead_fts WHERE rowid = (SELECT key FROM lead_fts_key WHERE id = old.id); DELETE FROM lead_fts_key WHERE id = old.id; INSERT INTO lead_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO lead_fts(rowid, body) SELECT key, new.first_name || ' ' || new.last_name || ' ' || new.company_name || ' ' || new.email || ' ' || new.line_id || ' ' || new.tax_id || ' ' || (CASE WHEN new.mobile LIKE '+66%' THEN '0' || substr(new.mobile, 4) ELSE replace(new.mobile, '+', '') END) || ' ' || (CASE WHEN new.phone LIKE '+66%' THEN '0' || substr(new.phone, 4) ELSE replace(new.phone, '+', '') END) || '  ' FROM lead_fts_key WHERE id = new.id; END",
    "INSERT INTO opportunity_fts(rowid, body) SELECT k.key, opportunity.name || ' ' || opportunity.competitor || '  ' FROM opportunity_fts_key k JOIN opportunity ON opportunity.id = k.id",
    "CREATE TRIGGER opportunity_fts_ai AFTER INSERT ON opportunity WHEN new.deleted_at IS NULL BEGIN INSERT INTO opportunity_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO opportunity_fts(rowid, body) SELECT key, new.name || ' ' || new.competitor || '  ' FROM opportunity_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER opportunity_fts_au AFTER UPDATE OF name, competitor, deleted_at ON opportunity BEGIN DELETE FROM opportunity_fts WHERE rowid = (SELECT key FROM opportunity_fts_key WHERE id = old.id); DELETE FROM opportunity_fts_key WHERE id = old.id; INSERT INTO opportunity_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO opportunity_fts(rowid, body) SELECT key, new.name || ' ' || new.competitor || '  ' FROM opportunity_fts_key WHERE id = new.id; END",
    "INSERT INTO product_fts(rowid, body) SELECT k.key, product.sku || ' ' || product.name_th || ' ' || product.name_en || '  ' FROM product_fts_key k JOIN product ON product.id = k.id",
    "CREATE TRIGGER product_fts_ai AFTER INSERT ON product WHEN new.deleted_at IS NULL BEGIN INSERT INTO product_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO product_fts(rowid, body) SELECT key, new.sku || ' ' || new.name_th || ' ' || new.name_en || '  ' FROM product_fts_key WHERE id = new.id; END",
    "CREATE TRIGGER product_fts_au AFTER UPDATE OF sku, name_th, name_en, deleted_at ON product BEGIN DELETE FROM product_fts WHERE rowid = (SELECT key FROM product_fts_key WHERE id = old.id); DELETE FROM product_fts_key WHERE id = old.id; INSERT INTO product_fts_key(id) SELECT new.id WHERE new.deleted_at IS NULL; INSERT INTO product_fts(rowid, body) SELECT key, new.sku || ' ' || new.name_th || ' ' || new.name_en || '  ' FROM product_fts_key WHERE id = new.id; END",
)

# The same fill without the two spaces: a downgrade indexes the text as 0023 did, with 0023's triggers.
UNPADDED_FILL = (
    "INSERT INTO account_fts(rowid, body) SELECT k.key, account.name || ' ' || account.tax_id || ' ' || account.email || ' ' || account.website || ' ' || (CASE WHEN account.phone LIKE '+66%' THEN '0' || substr(account.phone, 4) ELSE replace(account.phone, '+', '') END) FROM account_fts_key k JOIN account ON account.id = k.id",
    "INSERT INTO contact_fts(rowid, body) SELECT k.key, contact.first_name || ' ' || contact.last_name || ' ' || contact.nickname || ' ' || contact.email || ' ' || contact.line_id || ' ' || (CASE WHEN contact.mobile LIKE '+66%' THEN '0' || substr(contact.mobile, 4) ELSE replace(contact.mobile, '+', '') END) || ' ' || (CASE WHEN contact.phone LIKE '+66%' THEN '0' || substr(contact.phone, 4) ELSE replace(contact.phone, '+', '') END) FROM contact_fts_key k JOIN contact ON contact.id = k.id",
    "INSERT INTO lead_fts(rowid, body) SELECT k.key, lead.first_name || ' ' || lead.last_name || ' ' || lead.company_name || ' ' || lead.email || ' ' || lead.line_id || ' ' || lead.tax_id || ' ' || (CASE WHEN lead.mobile LIKE '+66%' THEN '0' || substr(lead.mobile, 4) ELSE replace(lead.mobile, '+', '') END) || ' ' || (CASE WHEN lead.phone LIKE '+66%' THEN '0' || substr(lead.phone, 4) ELSE replace(lead.phone, '+', '') END) FROM lead_fts_key k JOIN lead ON lead.id = k.id",
    "INSERT INTO opportunity_fts(rowid, body) SELECT k.key, opportunity.name || ' ' || opportunity.competitor FROM opportunity_fts_key k JOIN opportunity ON opportunity.id = k.id",
    "INSERT INTO product_fts(rowid, body) SELECT k.key, product.sku || ' ' || product.name_th || ' ' || product.name_en FROM product_fts_key k JOIN product ON product.id = k.id",
)


def _drop(entity: str) -> None:
    for trigger in ("ai", "au", "ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {entity}_fts_{trigger}")
    op.execute(f"DROP TABLE IF EXISTS {entity}_fts")


def _rebuild(statements: tuple[str, ...], padded: bool) -> None:
    """Each index again as 0023 created it, then `statements` (its fill and, padded, its insert and
    update triggers), then 0023's triggers (padded: its delete triggers only)."""
    if not has_trigram(op.get_bind().connection.dbapi_connection):
        return
    for entity in ENTITIES:
        _drop(entity)
    before = import_module("crm_desktop.db.migrations.versions.0023_search_keyed_by_id").SEARCH_INDEX_DDL
    creates = [s for s in before if s.startswith("CREATE VIRTUAL TABLE")]
    triggers = [s for s in before if s.startswith("CREATE TRIGGER") and (" AFTER DELETE " in s or not padded)]
    for statement in (*creates, *statements, *triggers):
        op.execute(statement)


def upgrade() -> None:
    _rebuild(SEARCH_INDEX_DDL, padded=True)


def downgrade() -> None:
    _rebuild(UNPADDED_FILL, padded=False)
