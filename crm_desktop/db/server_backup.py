"""Backups of an office server, kept in the desk's folder for it: pg_dump's when it is on the PATH, else
our own export (db/server_export.py, a database file), so a desk without PostgreSQL's client programs
backs up too. pg_dump's file is smaller and faster to make; the export needs nothing installed.

pg_dump reads one consistent snapshot while the desks go on working, and writes the custom format that
pg_restore reads back. It is found on the PATH; its password, if the URL holds one, goes to it in its
environment (PGPASSWORD), never on its command line, where other users of the computer could read it.
A backup is written under a temporary name and renamed into place when pg_dump succeeded: a failed or
cancelled one leaves nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from crm_desktop.db.backup import backup_path, keep_count, rotate, writing
from crm_desktop.db.output import output_file
from crm_desktop.db.server import Server
from crm_desktop.db.server_export import SUFFIX, export_server
from crm_desktop.errors import StorageError

PROGRAM = "pg_dump"
DUMP_MAGIC = b"PGDMP"  # the first bytes of pg_dump's custom format
PG_DUMP, EXPORT = "pg_dump", "export"  # the two kinds of a server's backup


def dump_program() -> str | None:
    """pg_dump's path, or None when it is not installed on this computer."""
    return shutil.which(PROGRAM)


def dump_server(server: Server, dest: Path, *, force: bool = False) -> Path:
    """Write the whole server database to `dest` (pg_dump's custom format), or nothing."""
    program = dump_program()
    if program is None:
        raise StorageError("pg_dump is not installed on this computer, so the office server cannot be backed "
                           "up from here. Install PostgreSQL's client programs, or back the server up on it.")
    url = make_url(server.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    target = url._replace(password=None, drivername="postgresql").render_as_string(hide_password=False)
    with output_file(dest, server.anchor, force=force) as tmp:
        try:
            done = subprocess.run([program, "--format=custom", "--no-owner", f"--file={tmp}", f"--dbname={target}"],
                                  env=env, capture_output=True, text=True, check=False)
        except OSError as exc:
            raise StorageError("Could not write the backup {path}: {reason}", path=str(dest), reason=exc) from exc
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            raise StorageError("Could not write the backup {path}: {reason}", path=str(dest), reason=reason)
    return dest


def is_dump(path: Path) -> bool:
    """Whether `path` is pg_dump's custom format rather than our own export."""
    try:
        with path.open("rb") as f:
            return f.read(len(DUMP_MAGIC)) == DUMP_MAGIC
    except OSError:
        return False


def backup_kind(path: Path) -> str:
    """PG_DUMP or EXPORT: which kind of backup of a server `path` is."""
    return PG_DUMP if is_dump(path) else EXPORT


def write_backup(server: Server, dest: Path, now: datetime, *, force: bool = False) -> Path:
    """The whole server into `dest`: pg_dump's file where pg_dump is installed, else our own export."""
    if dump_program() is None:
        return export_server(server, dest, now, force=force)
    return dump_server(server, dest, force=force)


def back_up_server(server: Server, reason: str, now: datetime) -> Path:
    """A named backup in the desk's backups folder for `server`, then the rotation (as for a file)."""
    dest = backup_path(server.anchor, reason, now, None if dump_program() else SUFFIX)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with writing(dest):
        write_backup(server, dest, now)
    rotate(server.anchor, keep_count(server.anchor))
    return dest
