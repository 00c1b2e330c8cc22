"""Bring a database file to the schema this version expects, after a backup.

Checking the stored revision is a single query; Alembic itself is imported only when an upgrade
is really needed, which keeps start-up fast.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from crm_desktop.db.backup import backup_before
from crm_desktop.errors import StorageError

SCHEMA_HEAD = "0007"
MIGRATIONS = Path(__file__).with_name("migrations")


def stored_revision(db_path: Path) -> str | None:
    """The Alembic revision recorded in the file, or None for a new, empty database."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return None
        raise StorageError(
            "{path} is not a crm_desktop database or it is damaged ({reason}).", path=str(db_path), reason=exc
        ) from exc
    return row[0] if row else None


def known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    return [rev.revision for rev in script.walk_revisions()]


def upgrade(db_path: Path, now: datetime, *, backup_first: bool = True) -> bool:
    """Migrate to SCHEMA_HEAD; returns True if anything ran. Refuses files from a newer version.

    `backup_first=False` is for a scratch copy (a backup being restored), which needs no backup.
    """
    current = stored_revision(db_path)
    if current == SCHEMA_HEAD:
        return False
    if current is not None and current not in known_revisions():
        raise StorageError(
            "This database was written by a newer version of crm_desktop (schema {rev}). "
            "Install the newer version to open it; nothing was changed.",
            rev=current,
        )
    if current is not None and backup_first:
        backup_before(db_path, "before-upgrade", now)
    _run_alembic(db_path)
    return True


def _run_alembic(db_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from crm_desktop.db.engine import make_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = make_engine(db_path)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    finally:
        engine.dispose()
