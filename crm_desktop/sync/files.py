"""Export and import of sync files: what the command line and the Sync tab call."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime
from operator import itemgetter
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from crm_desktop.db.backup import backup_before
from crm_desktop.db.bulk import gc_paused
from crm_desktop.db.database import Database
from crm_desktop.db.errors import driver_errors, readable
from crm_desktop.db.migrate import SCHEMA_HEAD
from crm_desktop.db.output import check_output, output_file
from crm_desktop.db.raw import driver_cursor
from crm_desktop.db.server_backup import back_up_server, dump_program
from crm_desktop.db.synclog import lines_since
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.db.writer import any_waiting
from crm_desktop.errors import DomainError
from crm_desktop.models.privacy import ERASURE
from crm_desktop.roles import SYNC
from crm_desktop.services.sales.numbers import claim_before_export, renumber_after_import
from crm_desktop.sync import clocks, state
from crm_desktop.sync.apply import Applier, ApplyReport, Progress, has_work
from crm_desktop.sync.bundle import (
    ERASURE_VERSION,
    Manifest,
    file_digest,
    payload_lines,
    read_manifest,
    read_payload,
    write_bundle,
)
from crm_desktop.sync.records import HeadReader, Line, full_lines


@dataclass(frozen=True)
class ExportResult:
    path: Path
    changes: int
    counts: dict[str, int]


def backup_first(database: Database, reason: str, now: datetime) -> Path | None:
    """The backup a risky write makes first: a copy of the file, or a server's pg_dump (a snapshot
    taken while the desks work), or none when a server's pg_dump is not on this computer, as for the
    daily backup (services/backups.py)."""
    if database.server is None:
        return backup_before(database.path, reason, now)
    return back_up_server(database.server, reason, now) if dump_program() is not None else None


def _threshold(database: Database, for_site: str | None, everything: bool) -> dict[str, int]:
    """Per site, the clock up to which the receiver(s) already have our changes."""
    if everything:
        return {}
    with database.engine.connect() as conn:
        peers = state.peer_vectors(conn)
    if for_site is not None:
        if for_site not in peers:
            raise DomainError("This copy has never received a file from copy {site}, so it cannot tell what that "
                              "copy lacks. Export everything instead (--all).", site=for_site)
        return peers[for_site]
    if not peers:
        return {}
    sites = {s for seen in peers.values() for s in seen}
    return {s: min(seen.get(s, 0) for seen in peers.values()) for s in sites}


def _lines(database: Database, seen: dict[str, int], counts: Counter[str]) -> Iterator[bytes]:
    """One line per change (the log's header fields, and its field values as they are stored), many
    lines to a piece."""
    for batch in lines_since(database, seen):
        counts.update(map(itemgetter(0), batch))
        yield b"".join(map(itemgetter(1), batch))


def check_export_target(db_path: Path, out: Path, *, force: bool = False) -> None:
    """Refuse `out` as `export_bundle` would, before anything else (the command line asks before it
    opens the database, which makes the day's backup)."""
    check_output(out, db_path, force=force)


def export_bundle(
    database: Database, out: Path, *, for_site: str | None = None, everything: bool = False,
    user_id: str | None = None, force: bool = False,
) -> ExportResult:
    """Write the changes the receiver lacks (everything with `everything`) into a sync file at `out`.

    `out` follows the rules of every output file (`db.output`): never the database or a backup,
    an existing file only with `force`. The exchange is recorded in the same step: if that fails
    (a read-only database), no file is left.
    """
    with UnitOfWork(database, user_id) as uow:
        uow.require(SYNC)
    seen = _threshold(database, for_site, everything)
    now = database.time.now()

    def vector() -> dict[str, int]:
        with database.engine.connect() as conn:
            return state.stated_vector(conn, database.site_id)

    # Before the changes are read: the vector may claim less than the file holds, never more.
    ours = vector()
    clocks.refuse_export_ahead(database, ours, seen)
    check_output(out, database.path, force=force)  # a refused file name writes no claim either
    if claim_before_export(database, user_id):  # the first file of an office (services/sales/numbers.py)
        ours = vector()
    counts: Counter[str] = Counter()
    sender = state.sender_site(database)
    extra = {"label": state.copy_label(database, user_id)}

    def finish() -> Manifest:
        return Manifest(from_site=sender, created_at=now.isoformat(), schema=SCHEMA_HEAD, vector=ours,
                        changes=sum(counts.values()), counts=dict(sorted(counts.items())), extra=extra,
                        version=ERASURE_VERSION if counts[ERASURE] else 1)

    key = state.office_key(database)
    try:
        with driver_errors(), database.engine.begin() as conn, output_file(out, database.path, force=force) as tmp:
            manifest = write_bundle(tmp, _lines(database, seen, counts), finish, key)  # (read through the driver)
            state.record_exchange(conn, "export", for_site or "", out.name, manifest.changes, manifest.counts, now)
    except DBAPIError as exc:
        raise readable(exc) from exc
    return ExportResult(out, manifest.changes, manifest.counts)


@dataclass(frozen=True)
class ImportResult:
    manifest: Manifest
    report: ApplyReport
    dry_run: bool
    backup: Path | None


def import_bundle(
    database: Database, user_id: str | None, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Check the file, back the database up, and apply every change in one transaction.

    With `dry_run` the same work runs and is rolled back: the report says what an import would do.
    Any failure (a refused file, a full disk, Cancel) leaves the database as it was.
    """
    with gc_paused():
        return _import(database, user_id, path, dry_run, progress)


def _import(database: Database, user_id: str | None, path: Path, dry_run: bool,
            progress: Progress | None) -> ImportResult:
    horizon = database.clock.horizon()  # changes dated beyond it are refused
    manifest = read_manifest(path, key=state.office_key(database), own_site=state.sender_site(database),
                             schema_head=SCHEMA_HEAD)
    digest = file_digest(path)
    held = _held(database, manifest, digest)
    if held is not None:  # these very bytes were imported: each line is in our log, nothing to read
        clocks.refuse_future(path.name, manifest, held.newest, horizon, database.clock)
        with driver_errors():
            return _apply(database, user_id, path, manifest, [], 0, dry_run=dry_run, backup=None, progress=progress,
                          now=database.time.now(), skipped=held.changes, file=held)
    heads = HeadReader(path.name, horizon)
    read_payload(path, manifest, heads.add)
    clocks.refuse_future(path.name, manifest, heads.future, horizon, database.clock)
    now = database.time.now()
    work = has_work(database, heads.heads)
    lines: Iterable[Line] = []
    if work:
        kept = heads.kept_lines()
        lines = kept if kept is not None else full_lines(payload_lines(path, manifest.payload_sha256), heads.heads,
                                                         path.name)
    file = state.ImportedFile(digest, manifest.payload_sha256, heads.newest)
    # The backup is copied while the file is checked and merged (SQLite lets go of the GIL while it
    # copies pages): a snapshot of the database as it was, since the import commits only after it.
    with ThreadPoolExecutor(1) as backing, driver_errors():  # the merge writes through the driver (db/writer.py)
        backup = backing.submit(backup_first, database, "sync-import", now) if work and not dry_run else None
        return _apply(database, user_id, path, manifest, lines, len(heads.heads) if work else 0, dry_run=dry_run,
                      backup=backup, progress=progress, now=now, skipped=0 if work else len(heads.heads), file=file)


def _held(database: Database, manifest: Manifest, digest: str) -> state.ImportedFile | None:
    """The earlier import of the file with this digest, when reading it again would change nothing:
    no row waits for a parent, and the manifest states the payload that file had (a file swapped
    since the manifest was read is read in full)."""
    with database.engine.connect() as conn:
        held = state.imported_file(conn, manifest.from_site, digest)
        if held is None or held.payload != manifest.payload_sha256 or any_waiting(driver_cursor(conn)):
            return None
    return held


def _apply(database: Database, user_id: str | None, path: Path, manifest: Manifest, lines: Iterable[Line],
           total: int, *, dry_run: bool, backup: Future[Path | None] | None, progress: Progress | None, now: datetime,
           skipped: int, file: state.ImportedFile) -> ImportResult:
    """Apply the `total` lines (none when the file holds nothing new: `skipped` changes we have);
    `file` is remembered with the import, so the same file again is not read. Nothing is committed
    before the `backup` being made is complete: a backup that fails stops the import."""
    with UnitOfWork(database, user_id) as uow:
        uow.require(SYNC)
        applier = Applier(uow, path.name, progress, secure=bool(manifest.counts.get(ERASURE)))
        report = applier.apply(lines, total)
        report.received += skipped
        report.already_had += skipped
        conn = uow.session.connection()
        state.record_conflicts(conn, applier.conflicts, now)
        state.remember_peer(conn, manifest.from_site, manifest.vector, now)
        state.settle_restore(conn, database.site_id)
        if applier.worked:  # on the office: numbers that clash or carry a copy code get office numbers
            for entity, ids in renumber_after_import(uow).items():
                report.renumber(entity, ids)
        label = manifest.extra.get("label") if isinstance(manifest.extra, dict) else None
        summary = {"label": label if isinstance(label, str) else "", "file": state.file_summary(file),
                   "counts": {e: asdict(c) for e, c in sorted(report.entities.items())}}
        state.record_exchange(conn, "import", manifest.from_site, path.name, report.received, summary, now)
        made = backup.result() if backup is not None else None
        if not dry_run:
            uow.commit()
    return ImportResult(manifest, report, dry_run, made)
