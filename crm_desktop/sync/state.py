"""This copy's sync bookkeeping: version vectors, peers, the office key, history and conflicts."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from crm_desktop.db.database import CLOCK_FLOOR_KEY, OWN_COMPLETE_KEY, Database
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.models import Change, LocalState, Setting, SyncConflict, SyncExchange, SyncPeer, SyncPending, User
from crm_desktop.roles import SETTINGS
from crm_desktop.services.settings import COMPANY_NAME
from crm_desktop.sync.bundle import LABEL_MAX

KEY_SETTING = "sync_office_key"  # LocalState: a secret of this office's copies, never synced
# LocalState of an office server: the copy code its files are sent under, whichever desk writes them
SENDER_KEY = "sync_sender"


def sender_site(database: Database) -> str:
    """The copy code a file from this database is sent under: a file's own site id; for an office
    server, one code for the whole server (made by the first desk to ask), not the desk's. Its files
    hold the whole log every desk writes to, so a laptop knows the office as one copy: one peer to
    export for (`--for`), and its threshold not held back by a desk that sent a file once, long ago."""
    if database.server is None:
        return database.site_id
    return database.first_local(SENDER_KEY, secrets.token_hex(8))


def vector(conn: Connection) -> dict[str, int]:
    """The newest change we hold from each copy (site id -> clock)."""
    rows = conn.execute(select(Change.site_id, func.max(Change.hlc)).group_by(Change.site_id))
    return {site: int(hlc) for site, hlc in rows}


def stated_vector(conn: Connection, site: str) -> dict[str, int]:
    """Our vector as our files state it. After a restore that lost changes of our own, those count
    as seen only up to the restore point: the other copies then send back the ones they hold."""
    ours = vector(conn)
    complete = _local(conn, OWN_COMPLETE_KEY)
    if complete is not None and site in ours:
        ours[site] = min(ours[site], int(complete))
    return ours


def settle_restore(conn: Connection, site: str) -> None:
    """After an import: once every copy we hear from has seen a change we made after the restore,
    its latest file already carried what it held of the lost changes, and our files say it all again."""
    if _local(conn, OWN_COMPLETE_KEY) is None:
        return
    floor = int(_local(conn, CLOCK_FLOOR_KEY) or 0)
    if all(seen.get(site, 0) > floor for seen in peer_vectors(conn).values()):
        conn.execute(delete(LocalState).where(LocalState.key == OWN_COMPLETE_KEY))


def _local(conn: Connection, key: str) -> str | None:
    return conn.execute(select(LocalState.value).where(LocalState.key == key)).scalar()


def peer_vectors(conn: Connection) -> dict[str, dict[str, int]]:
    """What each copy we imported from had seen when it wrote its last file to us."""
    return {site: json.loads(raw) for site, raw in conn.execute(select(SyncPeer.site_id, SyncPeer.vector_json))}


def remember_peer(conn: Connection, site: str, seen: Mapping[str, int], at: datetime) -> None:
    """What `site` had seen, as its latest imported file says: not merged with what earlier files said.

    A copy that restored a backup knows less than its earlier files claimed; from its next file on,
    our files for it carry again what the restore took away. (A file that arrives out of order only
    makes our next file for that copy carry changes it has; importing them again changes nothing.)
    """
    known = peer_vectors(conn).get(site)
    data = {"vector_json": json.dumps(dict(seen), sort_keys=True), "last_import_at": at}
    if known is None:
        conn.execute(insert(SyncPeer).values(site_id=site, **data))
    else:
        conn.execute(update(SyncPeer).where(SyncPeer.site_id == site).values(**data))


def record_exchange(conn: Connection, direction: str, peer: str, file_name: str, changes: int,
                    summary: Mapping[str, Any], at: datetime) -> None:
    conn.execute(insert(SyncExchange).values(at=at, direction=direction, peer_site=peer, file_name=file_name,
                                             changes=changes, summary_json=json.dumps(summary, sort_keys=True)))


@dataclass(frozen=True)
class ImportedFile:
    """A sync file whose import this copy committed: every change in it is in our log (a clock repair
    takes out the ones it removes, `forget_files_beyond`). Kept in the import's history row."""

    sha256: str  # of the whole file (bundle.file_digest)
    payload: str  # the checksum its manifest states for its payload
    newest: int  # the newest clock of its changes
    changes: int = 0  # how many it holds


def file_summary(file: ImportedFile) -> dict[str, Any]:
    """What an import's history row keeps of its file (`summary_json`'s "file")."""
    return {"sha256": file.sha256, "payload": file.payload, "newest": file.newest}


def imported_file(conn: Connection, site: str, sha256: str) -> ImportedFile | None:
    """The file with that digest, if an import from `site` committed it (and no repair forgot it)."""
    rows = conn.execute(select(SyncExchange.changes, SyncExchange.summary_json).where(
        SyncExchange.direction == "import", SyncExchange.peer_site == site, SyncExchange.summary_json.contains(sha256)))
    for changes, raw in rows:
        file = json.loads(raw).get("file")
        if isinstance(file, dict) and file.get("sha256") == sha256:
            return ImportedFile(sha256, file["payload"], file["newest"], changes)
    return None


def forget_files_beyond(conn: Connection, horizon: int) -> None:
    """Forget the imported files that held a change dated beyond `horizon` (a clock repair takes those
    changes out of the log: importing such a file again must read it again)."""
    rows = conn.execute(select(SyncExchange.id, SyncExchange.summary_json).where(
        SyncExchange.direction == "import", SyncExchange.summary_json.contains('"file"')))
    for row_id, raw in rows.all():
        summary = json.loads(raw)
        if summary["file"]["newest"] > horizon:
            del summary["file"]
            conn.execute(update(SyncExchange).where(SyncExchange.id == row_id)
                         .values(summary_json=json.dumps(summary, sort_keys=True)))


def record_conflicts(conn: Connection, conflicts: list[dict[str, Any]], at: datetime) -> None:
    if conflicts:
        conn.execute(insert(SyncConflict), [{**c, "detected_at": at, "resolution": ""} for c in conflicts])


@dataclass(frozen=True)
class Exchange:
    at: datetime
    direction: str
    peer_site: str
    file_name: str
    changes: int
    peer_label: str  # how the other copy named itself in its file (imports), "" if unknown


def exchanges(database: Database, limit: int = 200) -> list[Exchange]:
    """The latest exports and imports, newest first."""
    stmt = (select(SyncExchange.at, SyncExchange.direction, SyncExchange.peer_site, SyncExchange.file_name,
                   SyncExchange.changes, SyncExchange.summary_json).order_by(SyncExchange.id.desc()).limit(limit))
    with database.engine.connect() as conn:
        return [Exchange(*r[:5], _label(r[5])) for r in conn.execute(stmt)]


def _label(summary_json: str) -> str:
    summary = json.loads(summary_json or "{}")
    label = summary.get("label") if isinstance(summary, dict) else None
    return label if isinstance(label, str) else ""


def copy_label(database: Database, user_id: str | None) -> str:
    """How this copy names itself in its files: who works on it, and the company ("Nok · ร้านสมใจ")."""
    with database.engine.connect() as conn:
        user = conn.execute(select(User.name).where(User.id == user_id)).scalar() if user_id else None
        company = conn.execute(select(Setting.value).where(Setting.key == COMPANY_NAME)).scalar()
    return " · ".join(part for part in (user, company) if part)[:LABEL_MAX]  # a synced company name may be long


def office_key(database: Database) -> str | None:
    return database.local(KEY_SETTING) or None


def set_office_key(database: Database, key: str, *, by: str | None) -> None:
    """Set (or with '' remove) the office key, a setting of this copy: the owner's (`by` acts; None is
    the copy itself)."""
    with UnitOfWork(database, by) as uow:
        uow.require(SETTINGS)
    database.set_local(KEY_SETTING, key.strip())


@dataclass(frozen=True)
class Peer:
    """A copy we imported from: when, how many of our changes it lacks, and its name for itself."""

    last_import_at: datetime | None
    lacking: int
    label: str


@dataclass(frozen=True)
class Status:
    site_id: str
    changes: int
    vector: dict[str, int]
    peers: dict[str, Peer]
    waiting: int
    open_conflicts: int
    signed: bool


def status(database: Database) -> Status:
    labels = {x.peer_site: x.peer_label for x in reversed(exchanges(database)) if x.peer_label}  # newest wins
    with database.engine.connect() as conn:
        ours = vector(conn)
        return Status(
            site_id=(database.server is not None and database.local(SENDER_KEY)) or database.site_id,  # as files say
            changes=conn.execute(select(func.count()).select_from(Change)).scalar_one(),
            vector=ours,
            peers={site: Peer(at, lacking(conn, json.loads(raw), ours), labels.get(site, "")) for site, raw, at in
                   conn.execute(select(SyncPeer.site_id, SyncPeer.vector_json, SyncPeer.last_import_at))},
            waiting=conn.execute(select(func.count()).select_from(SyncPending)).scalar_one(),
            open_conflicts=conn.execute(
                select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
            ).scalar_one(),
            signed=office_key(database) is not None,
        )


def lacking(conn: Connection, seen: Mapping[str, int], ours: Mapping[str, int]) -> int:
    """How many changes of our log (whose vector is `ours`) a copy that has seen `seen` lacks."""
    total = 0
    for site, newest in ours.items():
        if newest > seen.get(site, 0):  # a site it is up to date with costs no query
            stmt = select(func.count()).select_from(Change).where(Change.site_id == site,
                                                                  Change.hlc > seen.get(site, 0))
            total += conn.execute(stmt).scalar_one()
    return total
