"""office server: search on PostgreSQL

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 16:30:00

What a server database has in place of a file's SQLite-only parts (issue 17); a file is not changed.
- Search: pg_trgm and one trigram index per searchable table over the same text as the FTS5 index
  (db/server_search.py), where a file has FTS5 tables, key tables and triggers (0001-0024).
- The lead's link to the deal it became: 0001 declared it `use_alter` (the two tables point at each
  other), which SQLite keeps inside the table and a server needs as its own step.
"""

from __future__ import annotations

from alembic import op

# As in 0022, today's code: a later change of the index ships a migration that drops and makes it again.
from crm_desktop.db.migrations.dialect import on_sqlite
from crm_desktop.db.server_search import index_statements

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None

TABLES = ("account", "contact", "lead", "opportunity", "product")  # the searched tables of this revision


def upgrade() -> None:
    if on_sqlite():
        return
    for statement in index_statements(TABLES):
        op.execute(statement)
    op.create_foreign_key(op.f('fk_lead_converted_opportunity_id_opportunity'), 'lead', 'opportunity',
                          ['converted_opportunity_id'], ['id'])


def downgrade() -> None:
    if on_sqlite():
        return
    op.drop_constraint(op.f('fk_lead_converted_opportunity_id_opportunity'), 'lead', type_='foreignkey')
    for table in TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
