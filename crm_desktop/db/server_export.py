"""Our own full export of an office server, for a desk without pg_dump: a SQLite database file.

Most office desktops have no PostgreSQL client programs, so a server's backup cannot always be
pg_dump's. The export is a crm_desktop database file at our schema head holding every row of the
server's data tables, read in one REPEATABLE READ snapshot (consistent while the desks go on working)
and written in batches through the tables' own column types, as the app writes a file. So it is
checked as any file is (`crm-desktop --db FILE check`), opened by the app as a copy of its own, and
restored onto a server (`db.server_restore`) or into a file (`db.restore`) alike.

Not copied: what belongs to the database rather than to its data. `local_state` describes a copy
(on a server, the desks' daily backups); `live_count` is a file's own count, kept by its triggers as
the rows arrive (they also fill the file's search index); `alembic_version` is the file's own, at head.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.exc import DBAPIError

from crm_desktop.db import migrate
from crm_desktop.db.engine import make_engine
from crm_desktop.db.migrate import SCHEMA_HEAD
from crm_desktop.db.output import output_file
from crm_desktop.db.server import Server, server_reason
from crm_desktop.errors import StorageError
from crm_desktop.models import Base

SUFFIX = ".sqlite3"
BATCH = 5000  # rows per read from the server and per insert into the file
NOT_DATA = frozenset(("local_state", "live_count"))


def data_tables() -> list[Table]:
    """The tables whose rows are the data, parents before children (the lead's link to its deal,
    `use_alter`, is the one edge left out of that order)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_DATA]


def read_batches(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    """`table`'s rows in primary-key order, `BATCH` at a time, as the column types give them back."""
    keys = [c.key for c in table.c]
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(*table.c).order_by(*table.primary_key.columns))
    for part in result.partitions():
        yield [dict(zip(keys, row, strict=True)) for row in part]


def snapshot(conn: Connection) -> Connection:
    """`conn` reading one consistent state of the whole server until its transaction ends, writing nothing."""
    return conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)


def export_server(server: Server, dest: Path, now: datetime, *, force: bool = False) -> Path:
    """Write the server's data into the new database file `dest` at our schema head, or write nothing."""
    with output_file(dest, server.anchor, force=force) as tmp:
        migrate.upgrade(tmp, now, backup_first=False)
        source, target = server.engine(), make_engine(tmp)
        try:
            with source.connect() as plain, target.begin() as out:
                conn = snapshot(plain)
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                if revision != SCHEMA_HEAD:
                    raise StorageError("The office server's data is at schema {rev}, where this version works with "
                                       "{head}: open it in the app once, then back it up.", rev=revision,
                                       head=SCHEMA_HEAD)
                out.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # the lead and its deal point at each other
                for table in data_tables():
                    for rows in read_batches(conn, table):
                        out.execute(insert(table), rows)
            with target.connect() as out:
                out.exec_driver_sql("PRAGMA journal_mode=DELETE")  # one self-contained file
        except DBAPIError as exc:
            raise StorageError("Could not write the backup {path}: {reason}", path=str(dest),
                               reason=server_reason(exc)) from exc
        finally:
            source.dispose()
            target.dispose()
    return dest

