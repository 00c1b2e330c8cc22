"""Mending a copy that took in changes dated far in the future (before files were checked for them).

Such a change wins every clash and keeps the copy's clock beyond its computer's time, so every
later edit anywhere loses to it, and every file the copy writes is refused by up-to-date copies.
The repair, in one transaction after a backup:

- takes every change dated beyond the horizon (this computer's time + FUTURE_MARGIN_MS) out of
  the log, and writes, per record they touched, the values they gave it again as one fresh change
  of this copy with a valid clock: the data people see stays, and later edits win again;
- stamps those records with the fresh change (clock, copy, time), and their creation time with
  their first remaining change's, as an import would;
- forgets what other copies' vectors claimed beyond the horizon (the next file to them carries
  what they may lack; they skip what they have), and the imported files that held such changes
  (importing one again reads it again, as a file we never had);
- gives conflicts that named a removed change the clock of its record's fresh change;
- restarts the clock after the newest remaining change.

Every copy that took the changes in runs the same repair; until then its files are refused
(clocks.refuse_future) with a message saying so. Each copy's fresh changes hold the same values,
and equal values never conflict, so the copies agree again once they have exchanged files.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update

from crm_desktop.db.changelog import ChangeContext, encode_fields, log_changes, log_row
from crm_desktop.db.database import Database
from crm_desktop.db.errors import driver_errors
from crm_desktop.db.hlc import HybridClock, fits, hlc_time
from crm_desktop.db.synclog import (
    conflicts_beyond,
    future_survey,
    last_clock,
    set_conflict_clocks,
    take_future_changes,
)
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.db.writer import hold_write_lock
from crm_desktop.models import Change, SyncPeer
from crm_desktop.roles import REPAIR
from crm_desktop.sync import state
from crm_desktop.sync.files import backup_first
from crm_desktop.sync.records import synced_tables

REASON = "clock-repair"  # the name of the backup made first

Key = tuple[str, str]  # (entity, row id)


@dataclass(frozen=True)
class ClockRepair:
    removed: int  # changes dated beyond the horizon, taken out of the log
    rows: int  # records whose values were written again as fresh changes
    newest: datetime | None  # the date of the newest removed change
    peers: int  # copies whose vectors (what they had seen) were corrected
    conflicts: int  # conflicts that named a removed change
    backup: Path | None
    dry_run: bool

    @property
    def needed(self) -> bool:
        return bool(self.removed or self.peers or self.conflicts)


def repair_clock(database: Database, user_id: str | None, *, dry_run: bool = False) -> ClockRepair:
    """Repair this copy's log, rows, vectors, conflicts and clock; a backup first. With `dry_run`,
    only say what it would do. Time comes from the database's clock."""
    clock = database.clock
    now = database.time.now()
    horizon = clock.horizon()
    with UnitOfWork(database, user_id) as uow:
        uow.require(REPAIR)
    with database.engine.connect() as conn:
        found = _survey(conn, horizon)
    if not found.needed or dry_run:
        return replace(found, dry_run=dry_run)
    backup = backup_first(database, REASON, now)
    fresh = HybridClock(0, clock.wall)  # restarted inside the transaction, set on the database's after
    with driver_errors(), UnitOfWork(database, user_id) as uow:
        conn = uow.session.connection()
        hold_write_lock(conn)  # from the first read
        fresh.restart(last_clock(conn, horizon))
        ctx = ChangeContext(fresh, database.site_id, user_id, database.time)
        reissued = _reissue(conn, horizon, ctx, now)
        _forget_peer_claims(conn, horizon)
        state.forget_files_beyond(conn, horizon)  # their removed changes are new again
        _point_conflicts(conn, horizon, reissued, fresh.last)
        uow.commit()
    clock.restart(fresh.last)
    return ClockRepair(found.removed, found.rows, found.newest, found.peers, found.conflicts, backup, False)


def _survey(conn: Connection, horizon: int) -> ClockRepair:
    removed, rows, newest, conflicts = future_survey(conn, horizon)
    peers = sum(1 for seen in state.peer_vectors(conn).values() if _beyond(seen, horizon))
    return ClockRepair(removed, rows, hlc_time(newest) if newest is not None else None, peers, conflicts, None, True)


def _beyond(seen: dict[str, Any], horizon: int) -> dict[str, Any]:
    """The entries of a peer's vector that no clock can have now (older versions stored them)."""
    return {site: h for site, h in seen.items() if not (fits(h) and h <= horizon)}


def _reissue(conn: Connection, horizon: int, ctx: ChangeContext, now: datetime) -> dict[Key, int]:
    """Remove the changes beyond `horizon`; write each touched record's values they gave as one
    fresh change, and stamp the record with it. Returns each record's fresh clock."""
    values: dict[Key, dict[str, Any]] = defaultdict(dict)
    for entity, row_id, fields in take_future_changes(conn, horizon):
        values[(entity, row_id)].update(json.loads(fields))  # in clock order: the last value wins, as in a merge
    tables = synced_tables()
    stamped: dict[Key, int] = {}
    for (entity, row_id), fields in sorted(values.items()):
        base = conn.execute(select(func.coalesce(func.max(Change.hlc), 0))
                            .where(Change.entity == entity, Change.row_id == row_id)).scalar_one()
        hlc = stamped[(entity, row_id)] = ctx.clock.tick()
        log_changes(conn, [log_row(entity, row_id, hlc, ctx, now, encode_fields(fields), base)])
        table = tables.get(entity)
        if table is not None:  # (a record still waiting for its parent has no row yet)
            # Stamped as an import stamps a record: created when its first remaining change was made
            # (a record the removed change created would otherwise keep that computer's wrong date).
            first = select(func.min(Change.changed_at)).where(Change.entity == entity, Change.row_id == row_id)
            conn.execute(update(table).where(table.c.id == row_id).values(
                hlc=hlc, site_id=ctx.site_id, updated_at=now, created_at=first.scalar_subquery()))
    return stamped


def _forget_peer_claims(conn: Connection, horizon: int) -> None:
    for site, seen in state.peer_vectors(conn).items():
        wrong = _beyond(seen, horizon)
        if wrong:
            kept = {s: h for s, h in seen.items() if s not in wrong}
            conn.execute(update(SyncPeer).where(SyncPeer.site_id == site)
                         .values(vector_json=json.dumps(kept, sort_keys=True)))


def _point_conflicts(conn: Connection, horizon: int, stamped: dict[Key, int], fallback: int) -> None:
    for conflict_id, entity, row_id, winner, loser in conflicts_beyond(conn, horizon):
        fresh = stamped.get((entity, row_id), fallback)
        set_conflict_clocks(conn, conflict_id, fresh if winner > horizon else winner,
                            fresh if loser > horizon else loser)
