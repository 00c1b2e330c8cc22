"""office server: foreign keys checked at commit when a sync import asks

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 18:40:00

A sync import writes parents and children in whatever order their changes arrive, and checks the
links at its commit (db/writer.Writer.defer_links). SQLite defers any foreign key for that
(`PRAGMA defer_foreign_keys`); a server defers only those declared DEFERRABLE (`SET CONSTRAINTS ALL
DEFERRED`). Every foreign key of a server becomes DEFERRABLE INITIALLY IMMEDIATE: every other writer
still has each link checked at once. A file is not changed (its tables would have to be rebuilt for
the word, which SQLite ignores anyway), and the models do not say it: how a link is checked is the
engine's (env_filters.include_object).
"""

from __future__ import annotations

from alembic import op

from crm_desktop.db.migrations.dialect import make_links_deferrable, on_sqlite

revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None


def upgrade() -> None:
    make_links_deferrable()


# Every foreign key of the schema, by table.
_LINKS = ("SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c JOIN pg_namespace n ON "
          "n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 2")


def downgrade() -> None:
    if on_sqlite():
        return
    for table, name in op.get_bind().exec_driver_sql(_LINKS).fetchall():
        op.execute(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" NOT DEFERRABLE')
