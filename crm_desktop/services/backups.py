"""Backups as the user sees them: how many to keep, the daily one, back up now, check, restore.

How many automatic backups to keep and the day of the last daily one are facts about this copy
(LocalState, never synced). A restore keeps every LocalState value of the current database (also
the copy code and the office key): they describe this copy, not the data in the backup. Only the
user working on this copy must exist in the restored data, or the backup's choice stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from crm_desktop.db.backup import (
    KEEP_KEY,
    MANUAL,
    BackupInfo,
    Progress,
    backup_before,
    backup_file,
    backups_dir,
    keep_count,
    list_backups,
    rotate,
)
from crm_desktop.db.desks import note_generation, restoring_here
from crm_desktop.db.integrity import CheckResult, check_file
from crm_desktop.db.leftovers import remove_leftovers, scratch_path
from crm_desktop.db.lock import acquire_instance_lock
from crm_desktop.db.migrate import SCHEMA_HEAD
from crm_desktop.db.probe import Found, Kind, probe, refusal, require_ours
from crm_desktop.db.restore import BEFORE_RESTORE, Restored, restore_file
from crm_desktop.db.server import Server, probe_location, server_refusal
from crm_desktop.db.server_backup import EXPORT, PG_DUMP, back_up_server, backup_kind, write_backup
from crm_desktop.db.server_restore import load_backup
from crm_desktop.errors import StorageError, ValidationError
from crm_desktop.roles import RESTORE, RESTORE_SERVER, SETTINGS
from crm_desktop.services.app import CURRENT_USER_KEY, OWNER_ID, AppContext, Location
from crm_desktop.services.logins import login_required

# What views and the CLI see of db/: the types, and the kind of a server's backup.
__all__ = ["EXPORT", "PG_DUMP", "BackupInfo", "CheckResult", "DamagedDatabase", "Restored", "backup_kind"]

DAILY = "daily"
DAILY_KEY = "backup_daily_on"  # LocalState: ISO date of the last daily backup
KEEP_MIN, KEEP_MAX = 1, 100
TIED_TO_DATA = {CURRENT_USER_KEY: "user"}  # LocalState values that name a row (key -> table)


class DamagedDatabase(StorageError):
    """The database failed its check: no backup is made (it would rotate a good one away)."""

    def __init__(self, path: Path, check: CheckResult) -> None:
        self.check = check
        super().__init__(
            "The database {path} failed its check ({problem}). Nothing was changed. See the details with "
            "`crm-desktop check`; go back to a backup with `crm-desktop restore FILE`.",
            path=str(path),
            problem=" ".join(check.problems[0].split()),  # SQLite's report spans lines; this is one
        )


def backups_to_keep(ctx: AppContext) -> int:
    return keep_count(ctx.database.path)


def set_backups_to_keep(ctx: AppContext, count: int) -> list[Path]:
    """Store the number and apply it at once; returns the backups that were deleted."""
    ctx.require(SETTINGS)
    if not KEEP_MIN <= count <= KEEP_MAX:
        raise ValidationError("backups_keep", "Keep from {low} to {high} backups.", low=KEEP_MIN, high=KEEP_MAX)
    ctx.database.set_local(KEEP_KEY, str(count))
    return rotate(ctx.database.path, count)


def backups(db_path: Path) -> list[BackupInfo]:
    """This database's backups, newest first."""
    return list_backups(db_path)


def backups_folder(db_path: Path) -> Path:
    """The backups folder, made if missing (to open it in the file manager)."""
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def back_up_now(
    db_path: Location, out: Path | None = None, progress: Progress | None = None, *, now: datetime,
    force: bool = False,
) -> Path:
    """A backup by hand: into the backups folder (listed, never rotated away) or to the file `out`
    (an existing one only with `force`; never the database or one of its backups).

    Reading only, it works beside the running app; it refuses a file that is not a crm_desktop database.
    An office server is backed up by pg_dump, or by our own export without it (db/server_backup.py:
    `backup_kind` tells which one a file is).
    """
    if isinstance(db_path, Server):
        _require_server(db_path)
        if out is None:
            return back_up_server(db_path, MANUAL, now)
        return write_backup(db_path, out, now, force=force)
    require_ours(db_path)
    if out is None:
        return backup_before(db_path, MANUAL, now, progress)
    return backup_file(db_path, out, progress, force=force)


def check_database(db_path: Location, *, quick: bool = False) -> CheckResult:
    """Integrity (or quick) and foreign-key check of an existing database file.

    Damage is reported, not refused; no database there, or another program's, is refused. An office
    server keeps its own pages and keys whole (PostgreSQL's constraints hold at every commit): it is
    checked for being reachable, ours and of this version's schema.
    """
    if isinstance(db_path, Server):
        found = _require_server(db_path)
        if found.revision != SCHEMA_HEAD:
            return CheckResult(damage=(f"schema {found.revision}, where this version works with {SCHEMA_HEAD}",))
        return CheckResult()
    _require_database(db_path)
    return check_file(db_path, quick=quick)


def _require_server(server: Server) -> Found:
    found = probe_location(server)
    error = server_refusal(server, found, create=False)
    if error is not None:
        raise error
    return found


def _require_database(db_path: Path) -> None:
    """Refuse no database, an empty file, a folder, another program's database. A damaged file
    (not even readable as SQLite) passes: that is what check and restore are for."""
    found = probe(db_path)
    missing = (Kind.MISSING, Kind.BLANK, Kind.FOLDER, Kind.FOREIGN)
    error = refusal(db_path, found) if found.kind in missing else None
    if error is not None:
        raise error


def check_and_back_up(ctx: AppContext, today: date, progress: Progress | None = None) -> Path | None:
    """At start: the quick check, then the daily backup if none was made `today`.

    Raises DamagedDatabase when the check fails.
    """
    path = ctx.database.path
    server = ctx.database.server
    if server is None:
        result = check_file(path, quick=True, open_here=True)
        if not result.ok:
            raise DamagedDatabase(path, result)
    daily = DAILY_KEY if server is None else f"{DAILY_KEY}:{ctx.database.site_id}"  # each desk its own
    if ctx.database.local(daily) == today.isoformat():
        return None
    if server is not None:
        made = back_up_server(server, DAILY, ctx.now())
    else:
        made = backup_before(path, DAILY, ctx.now(), progress)
    ctx.database.set_local(daily, today.isoformat())
    return made


@dataclass(frozen=True)
class StartOfDay:
    daily_backup: Path | None = None
    damage: CheckResult | None = None  # the database failed its check
    good_backup: BackupInfo | None = None  # then: the newest backup that passes it


def start_of_day(ctx: AppContext, today: date, progress: Progress | None = None) -> StartOfDay:
    """The desktop app's start, in the background: check_and_back_up, and on damage a backup to offer."""
    try:
        return StartOfDay(daily_backup=check_and_back_up(ctx, today, progress))
    except DamagedDatabase as err:
        return StartOfDay(damage=err.check, good_backup=newest_good_backup(ctx.database.path))


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes the full check, or None."""
    return next((b for b in list_backups(db_path) if check_file(b.path).ok), None)


def restore_backup(ctx: AppContext, source: Path, progress: Progress | None = None) -> Restored:
    """Restore into the open database (this app holds its lock); the app reloads its screens after."""
    if ctx.database.server is not None:
        return _restore_server(ctx, ctx.database.server, source, progress)
    ctx.require(RESTORE)
    done = restore_file(ctx.database.path, source, ctx.now(), tied_to_data=TIED_TO_DATA, progress=progress)
    ctx.database.clock.resume(done.last_hlc)  # never issue a clock the restored data already used
    if not login_required(ctx.database):  # with logins on, who logged in goes on working as themselves
        ctx.user_id = ctx.database.local(CURRENT_USER_KEY) or OWNER_ID
    return done


def _restore_server(ctx: AppContext, server: Server, source: Path, progress: Progress | None) -> Restored:
    """Every desk's data replaced by the backup's (db/server_restore.py), the owner's alone to do. The current
    state is backed up first; this desk goes on working on the restored data, the others are told to start
    again (their polls see the new restore generation)."""
    ctx.require(RESTORE_SERVER)
    source = source.resolve()
    if not source.is_file():
        raise StorageError("There is no database at {path}.", path=str(source))
    safety = back_up_server(server, BEFORE_RESTORE, ctx.now())
    with restoring_here(ctx.database):
        loaded = load_backup(ctx.database.engine, source, scratch_path(server.anchor), ctx.now(), progress)
        note_generation(ctx.database, loaded.generation, own=True)
    ctx.database.clock.resume(loaded.last_hlc)
    return Restored(source, server.anchor, safety, loaded.upgraded, loaded.last_hlc)


def restore_database(db_path: Path, source: Path, progress: Progress | None = None, *, now: datetime) -> Restored:
    """Restore into a database no program has open; refused while one does (even a damaged one).

    The target may be damaged beyond reading (that is what a restore is for), but never another
    program's database, and it must exist: a backup put where there was no database would carry
    the site id of the copy it came from, and two copies sharing one lose changes in sync. (Start
    the app there once, then restore: the new copy keeps its own site id.)
    """
    _require_database(db_path)
    lock = acquire_instance_lock(db_path.resolve())
    try:
        remove_leftovers(db_path.resolve(), lock)  # an interrupted restore's scratch copy first: disk space
        return restore_file(db_path, source, now, tied_to_data=TIED_TO_DATA, progress=progress)
    finally:
        lock.release()
