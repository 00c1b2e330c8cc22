"""Bring a database file to the schema this version expects, after a backup, in one transaction.

Checking the stored revision is a single query; Alembic itself is imported only when an upgrade
is really needed, which keeps start-up fast. The whole upgrade is one SQLite transaction (DDL
included), so a step that fails leaves the file exactly as it was, at its old revision.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError

from crm_desktop.db.backup import backup_before
from crm_desktop.db.engine import make_engine
from crm_desktop.db.errors import readable
from crm_desktop.db.probe import Kind, probe, refusal
from crm_desktop.db.server import server_reason
from crm_desktop.errors import StorageError

SCHEMA_HEAD = "0032"
UPGRADE_LOCK = 0x63726D0001  # the advisory lock desks take turns under to upgrade a server ("crm" 1)
MIGRATIONS = Path(__file__).with_name("migrations")


def stored_revision(db_path: Path) -> str | None:
    """The Alembic revision recorded in the file; None when it holds no crm_desktop schema.

    A file SQLite cannot read (not a database, or damaged) is refused with a message.
    """
    found = probe(db_path)
    error = refusal(db_path, found, create=True)  # missing or blank: simply no schema yet
    if error is not None and found.kind is not Kind.FOREIGN:
        raise error
    return found.revision


def known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    return [rev.revision for rev in script.walk_revisions()]


def check_revision(revision: str) -> None:
    """Refuse a schema written by a newer version (a revision this one does not know)."""
    if revision != SCHEMA_HEAD and revision not in known_revisions():
        raise StorageError(
            "This database was written by a newer version of crm_desktop (schema {rev}). "
            "Install the newer version to open it; nothing was changed.",
            rev=revision,
        )


def upgrade(db_path: Path, now: datetime, *, backup_first: bool = True) -> bool:
    """Migrate to SCHEMA_HEAD; returns True if anything ran. Refuses files from a newer version
    and files that are not ours (another program's database is never converted).

    `backup_first=False` is for a scratch copy (a backup being restored), which needs no backup.
    """
    found = probe(db_path)
    error = refusal(db_path, found, create=True)
    if error is not None:
        raise error
    current = found.revision
    if current == SCHEMA_HEAD:
        return False
    if current is not None:
        check_revision(current)
        if backup_first:
            backup_before(db_path, "before-upgrade", now)
    try:
        _run_alembic(db_path)
    except Exception as exc:  # a failed step: the transaction is rolled back, the file is as it was
        reason = readable(exc).text("en") if isinstance(exc, DBAPIError) else f"{type(exc).__name__}: {exc}"
        raise StorageError(
            "The database {path} could not be brought up to date, so it was left as it was ({reason}).",
            path=str(db_path), reason=reason,
        ) from exc
    return True


def _run_alembic(db_path: Path) -> None:
    engine = _transactional(make_engine(db_path))
    try:
        with engine.begin() as conn:
            _upgrade_to_head(conn)
    finally:
        engine.dispose()


def _upgrade_to_head(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def upgrade_server(engine: Engine, shown: str) -> bool:
    """Bring a server database to SCHEMA_HEAD in one transaction (PostgreSQL's DDL is transactional);
    returns True if anything ran. Desks that start together take turns (an advisory lock), and each
    reads the revision again once it has the lock: the first one migrates, the others find it done.
    A server's backup before an upgrade is its administrator's (pg_dump) for now."""
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK})")
            current = _server_revision(conn)
            if current == SCHEMA_HEAD:
                return False
            if current is not None:
                check_revision(current)
            _upgrade_to_head(conn)
    except DBAPIError as exc:
        raise StorageError(
            "The server database {url} could not be brought up to date, so it was left as it was ({reason}).",
            url=shown, reason=server_reason(exc),
        ) from exc
    return True


def _server_revision(conn: Connection) -> str | None:
    if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
        return None
    value: str | None = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return value


def _transactional(engine: Engine) -> Engine:
    """Make `engine` put DDL inside its transactions too.

    Python's sqlite3 module opens a transaction only before INSERT/UPDATE/DELETE, so CREATE, ALTER
    and DROP would each commit at once and a failed migration would stop half-way. With the driver
    in autocommit mode and an explicit BEGIN (SQLAlchemy's documented recipe), all of it is one
    transaction.
    """

    def no_implicit_transactions(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.isolation_level = None  # type: ignore[attr-defined]

    def begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    event.listen(engine, "connect", no_implicit_transactions)
    event.listen(engine, "begin", begin)
    return engine
