"""Thai sort keys: names sort as in a Thai dictionary, along an index

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 06:10:00

Companies, contacts, leads, deals and products get a derived `sort_key` column
(crm_desktop/collation.py): เกม sorts under ก, tone marks count only between equal letters, Thai
before Latin. The lists' name indexes now hold the key instead of the name (for leads, instead of
the expression of migration 0020; for products, instead of the SQL approximation of migration 0015),
then the id, which breaks ties (lists are keyed by id, 0023) and makes reading a list's keys an
index scan.
Companies and contacts filtered by province get an index in that order too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# As in 0003: the backfill uses today's rules (db/derived.py), because a derived column must equal what
# the running code computes on save; a later change of the rules ships a migration that computes it again.
from crm_desktop.db.derived import DERIVED

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

BATCH = 5000
LIVE = "deleted_at IS NULL"
TABLES = ("account", "contact", "lead", "opportunity", "product")
# name -> (table, columns now, columns before this revision (None: the index is new))
INDEXES = {
    "ix_account_live_name": ("account", ["sort_key", "id"], ["name"]),
    "ix_contact_live_name": ("contact", ["sort_key", "id"], ["first_name", "last_name"]),
    "ix_lead_live_name": ("lead", ["sort_key", "id"], [sa.text("first_name || ' ' || last_name")]),
    "ix_opportunity_live_name": ("opportunity", ["sort_key", "id"], None),
    "ix_product_live_name": ("product", ["sort_key", "id"], ["name_th"]),
    "ix_product_live_active_thai": ("product", ["active", "sort_key", "id"], None),  # 0015's, below
    # the lists filtered by province, read in their order along an index range
    "ix_account_live_province": ("account", ["province", "sort_key", "id"], None),
    "ix_contact_live_province": ("contact", ["province", "sort_key", "id"], None),
}
# migration 0015's index, frozen by value, for the downgrade
PRODUCT_THAI_0015 = (
    "CREATE INDEX ix_product_live_active_thai ON product (active, "
    "replace(replace(replace(replace(replace(replace("
    "CASE WHEN substr(name_th, 1, 1) IN ('\u0e40', '\u0e41', '\u0e42', '\u0e43', '\u0e44') "
    "THEN substr(name_th, 2, 1) || substr(name_th, 1, 1) || substr(name_th, 3) ELSE name_th END, "
    "'\u0e47', ''), '\u0e48', ''), '\u0e49', ''), '\u0e4a', ''), '\u0e4b', ''), '\u0e4c', ''), "
    "name_th) WHERE deleted_at IS NULL"
)


def _backfill(table: str) -> None:
    """Every row's key, read and written a batch at a time along the primary key."""
    derived = next(d for d in DERIVED[table] if d.column == "sort_key")
    conn = op.get_bind()
    read = sa.text(f'SELECT id, {", ".join(derived.sources)} FROM "{table}" WHERE id > :after ORDER BY id LIMIT {BATCH}')
    write = sa.text(f'UPDATE "{table}" SET sort_key = :k WHERE id = :i')
    after = ""
    while rows := conn.execute(read, {"after": after}).fetchall():
        conn.execute(write, [{"k": derived.compute(*row[1:]), "i": row[0]} for row in rows])
        after = rows[-1][0]


def upgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for table in TABLES:
        op.add_column(table, sa.Column('sort_key', sa.String(403).with_variant(sa.String(403, collation="C"), "postgresql"),
                                       nullable=False, server_default=''))
        _backfill(table)
    for name, (table, columns, _before) in INDEXES.items():  # after the keys: one sort per index
        op.create_index(name, table, columns, unique=False, sqlite_where=sa.text(LIVE),
                        postgresql_where=sa.text(LIVE))
    for table in TABLES:
        op.execute(f'ANALYZE "{table}"')


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('sort_key')
    for name, (table, _columns, before) in INDEXES.items():
        if before is not None:
            op.create_index(name, table, before, unique=False, sqlite_where=sa.text(LIVE),
                            postgresql_where=sa.text(LIVE))
    op.execute(PRODUCT_THAI_0015)
