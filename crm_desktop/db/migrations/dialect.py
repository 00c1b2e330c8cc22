"""What the revision files ask of the database they run on.

Revisions up to 0024 were written for SQLite files. A server database (PostgreSQL, issue 17) runs the
same files from an empty schema: their data steps (backfills, rewrites by rowid) find no rows there,
and their SQLite-only statements (ANALYZE of a file, FTS5) are SQLite's own; the server's search and
counts come in the revision that brought the server (0026).
"""

from __future__ import annotations

from alembic import op


def on_sqlite() -> bool:
    """Whether this migration runs on a SQLite file (else on a server, whose tables start empty)."""
    return bool(op.get_bind().dialect.name == "sqlite")


# Every foreign key of the schema that is not deferrable yet, by table.
_FIXED_LINKS = ("SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c JOIN pg_namespace n ON "
                "n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema() "
                "AND NOT c.condeferrable ORDER BY 1, 2")


def make_links_deferrable() -> None:
    """On a server, every foreign key that is not yet becomes DEFERRABLE INITIALLY IMMEDIATE (revision
    0028): a sync import checks links at its commit. A revision that adds tables or links calls this
    last; a file needs nothing (SQLite defers any link by a pragma)."""
    if on_sqlite():
        return
    for table, name in op.get_bind().exec_driver_sql(_FIXED_LINKS).fetchall():
        op.execute(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" DEFERRABLE INITIALLY IMMEDIATE')
