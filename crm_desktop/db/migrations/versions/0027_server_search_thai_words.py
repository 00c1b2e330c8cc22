"""office server: the trigram indexes keep Thai words whole

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 19:00:00

pg_trgm takes Thai vowel and tone marks for word breaks, so 'ต้น' was the one-letter words ต and น,
whose trigrams nearly every row has: a search read the whole table. The indexes now hold the search
text with each mark written as a letter Thai never uses (db/server_search.THAI_MARKS), so Thai words
stay whole. A file is not changed (its FTS5 trigram index reads every character).
"""

from __future__ import annotations

from alembic import op

# As in 0026, today's code: a later change of the index ships a migration that drops and makes it again.
from crm_desktop.db.migrations.dialect import on_sqlite
from crm_desktop.db.server_search import index_statements

revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None

TABLES = ("account", "contact", "lead", "opportunity", "product")  # the searched tables of this revision


def upgrade() -> None:
    if on_sqlite():
        return
    for table in TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
    for statement in index_statements(TABLES):
        op.execute(statement)
    for table in TABLES:  # statistics of the new expressions: the planner weighs a fragment's matches by them
        op.execute(f'ANALYZE "{table}"')


def downgrade() -> None:
    """The indexes stay as they are: 0026's own would be over the same text, only with Thai words broken."""
