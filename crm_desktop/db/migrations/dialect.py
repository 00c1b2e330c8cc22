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
