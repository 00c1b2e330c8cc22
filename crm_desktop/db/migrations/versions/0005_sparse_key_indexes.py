"""sparse key indexes: phone, e-mail and tax id indexes cover only filled-in rows

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 15:15:00

With most rows' phone or e-mail empty, SQLite's statistics made a plain index look useless and the
duplicate check scanned whole tables; partial indexes (WHERE col != '') keep lookups at an index seek.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

SPARSE = (
    ("account", "ix_account_phone", "phone"),
    ("account", "ix_account_email", "email"),
    ("contact", "ix_contact_mobile", "mobile"),
    ("contact", "ix_contact_email", "email"),
    ("lead", "ix_lead_mobile", "mobile"),
    ("lead", "ix_lead_phone", "phone"),
    ("lead", "ix_lead_email", "email"),
    ("lead", "ix_lead_tax_id", "tax_id"),
)


def upgrade() -> None:
    for table, name, column in SPARSE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
            where = sa.text(f"{column} != ''")
            batch_op.create_index(name, [column], unique=False, sqlite_where=where, postgresql_where=where)
    op.execute("ANALYZE")


def downgrade() -> None:
    for table, name, column in SPARSE:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
            batch_op.create_index(name, [column], unique=False)
