"""Applying other copies' changes: last writer wins per field, in one transaction (DESIGN §5).

The change log is the truth: every received change is appended to it (so it can be passed on to
further copies), and each field of a row holds the value of its latest change by (clock, site id).
A row is therefore a function of the set of changes, whatever order they came in, and a change we
already have is skipped: re-importing a file changes nothing.

A row whose parent (or whose required fields) has not arrived yet is not written; its changes
wait in the log and the row is listed in `sync_pending`, to be written by the import that brings
what it lacks.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import methodcaller
from typing import Any, TypeVar

from sqlalchemy import Table

from crm_desktop.db.bulk import Cancelled, DeferredIndexes, TableWriter, bind_processor
from crm_desktop.db.changelog import decode_value, encode_value
from crm_desktop.db.derived import SOURCES, derived_values
from crm_desktop.db.hlc import SEED_CEILING
from crm_desktop.db.search_index import SuspendedIndex
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.models.base import SYNC_COLUMNS
from crm_desktop.models.privacy import ERASURE
from crm_desktop.services.changes import Changes
from crm_desktop.services.scoring import recompute_scores
from crm_desktop.sync.erasures import Erasures
from crm_desktop.sync.invariants import Repairs
from crm_desktop.sync.records import ChangeRecord, Head, Line, Schema, check_lines, synced_tables

Progress = Callable[[int, int], bool]
Key = tuple[str, str]  # (entity, row id)
HeadT = TypeVar("HeadT", bound=Head)
BATCH = 500
LOAD_CACHE_KB = 262_144  # a big page cache while writing many rows, as the bulk loader does
# Changes checked and applied at a time, by size of their text: memory follows the text (parsed,
# about ten times it), and short edits go in bigger batches, so fewer rows are visited twice.
BATCH_TEXT = 32 << 20
_UNDECODED = object()


COUNT_KINDS = ("new", "updated", "deleted", "conflicts", "waiting")


@dataclass
class EntityCounts:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0
    waiting: int = 0


@dataclass
class ApplyReport:
    received: int = 0
    already_had: int = 0
    entities: dict[str, EntityCounts] = field(default_factory=dict)
    # entity -> ("created" | "updated" | "deleted") -> ids
    touched: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # entity -> live documents the office gave a new number or revision (services/sales/numbers.py)
    renumbered: dict[str, int] = field(default_factory=dict)

    def of(self, entity: str) -> EntityCounts:
        return self.entities.setdefault(entity, EntityCounts())

    def touch(self, entity: str, how: str, ids: Iterable[str]) -> None:
        self.touched.setdefault(entity, {}).setdefault(how, []).extend(ids)

    def renumber(self, entity: str, ids: list[str]) -> None:
        """Documents renumbered after the merge: updated, unless this import already counts them."""
        self.renumbered[entity] = self.renumbered.get(entity, 0) + len(ids)
        touched = self.touched.get(entity, {})
        known = {i for how in ("created", "updated", "deleted") for i in touched.get(how, ())}
        fresh = [i for i in ids if i not in known]
        self.of(entity).updated += len(fresh)
        self.touch(entity, "updated", fresh)

    def changes(self) -> list[Changes]:
        """What the screens must show anew, per kind of record."""
        return [Changes(e, created=tuple(t.get("created", ())), updated=tuple(t.get("updated", ())),
                        deleted=tuple(t.get("deleted", ()))) for e, t in self.touched.items()]

    def total(self, what: str) -> int:
        return sum(getattr(c, what) for c in self.entities.values())


@dataclass(frozen=True, slots=True)
class Version:
    """One change of one field, as far as deciding a winner and spotting a conflict needs."""

    hlc: int
    site: str
    base: int
    user: str | None
    text: str | None  # the value as JSON text
    at: str  # as stored: text order is time order
    new: bool
    value: Any = _UNDECODED  # the column value, when already known

    @property
    def order(self) -> tuple[int, str]:
        return (self.hlc, self.site)


@dataclass(slots=True)
class _Row:
    """One touched row: its new changes and, if it had any, the winning old version of each field."""

    records: list[ChangeRecord] = field(default_factory=list)
    old: dict[str, Version] = field(default_factory=dict)
    old_latest: Version | None = None
    old_first: Version | None = None

    def see_old(self, version: Version, name: str | None) -> None:
        if self.old_latest is None or version.order > self.old_latest.order:
            self.old_latest = version
        if self.old_first is None or version.order < self.old_first.order:
            self.old_first = version
        if name is not None and (name not in self.old or version.order > self.old[name].order):
            self.old[name] = version

    def supersedes(self, current: tuple[int, str, Any]) -> bool:
        """Whether every new change was made on top of the row as we hold it (clock, site, deleted).

        The row's clock is that of its latest change here, so such changes win every field and
        cannot conflict: the old versions need not be read (the usual case of regular syncs).
        """
        hlc, site = current[0] or 0, current[1] or ""
        return all(r.base_hlc >= hlc and (r.hlc, r.site_id) > (hlc, site) for r in self.records)

    def simple(self) -> bool:
        """One new change of a row we never heard of: its fields are the row (the common case)."""
        return len(self.records) == 1 and self.old_latest is None

    def new_versions(self) -> dict[str, Version]:
        best: dict[str, Version] = {}
        for rec in self.records:
            for name, value in rec.fields.items():
                current = best.get(name)
                if current is None or (rec.hlc, rec.site_id) > current.order:
                    best[name] = Version(rec.hlc, rec.site_id, rec.base_hlc, rec.user_id, encode_value(value),
                                         rec.changed_at, True, value)
        return best

    def latest(self) -> tuple[int, str, str]:
        """(clock, site, time) of the row's latest change, old or new."""
        cands = [(r.hlc, r.site_id, r.changed_at) for r in self.records]
        if self.old_latest is not None:
            cands.append((self.old_latest.hlc, self.old_latest.site, self.old_latest.at))
        return max(cands)

    def first_at(self) -> str:
        """The time of the row's first change in clock order: its creation on every copy, whatever
        the copies' wall clocks said (an edit on a copy whose clock is behind may carry an earlier time)."""
        cands = [(r.hlc, r.site_id, r.changed_at) for r in self.records]
        if self.old_first is not None:
            cands.append((self.old_first.hlc, self.old_first.site, self.old_first.at))
        return min(cands)[2]

    def creates(self) -> bool:
        """Whether a new change created the row (no version seen by its writer): another copy made it
        under the same fixed id too."""
        return any(r.base_hlc == 0 for r in self.records)


def conflict(old: Version | None, new: Version | None) -> tuple[Version, Version] | None:
    """(winner, loser) when two versions of a field were written without seeing each other.

    The winner's writer had not seen the loser when its row version (`base`) was older than the
    loser's clock. Equal values, one copy's own successive edits, and seeded defaults never conflict.
    """
    if old is None or new is None or old.site == new.site or old.text == new.text:
        return None
    win, lose = (new, old) if new.order > old.order else (old, new)
    return (win, lose) if win.base < lose.hlc and lose.hlc >= SEED_CEILING else None


def unseen(cur: sqlite3.Cursor, lines: Sequence[HeadT]) -> list[HeadT]:
    """The lines our change log does not hold yet (a change is known by its site and clock)."""
    by_site: dict[str, list[HeadT]] = defaultdict(list)
    for line in lines:
        by_site[line.site_id].append(line)
    fresh: list[HeadT] = []
    for site, group in by_site.items():
        low, high = min(x.hlc for x in group), max(x.hlc for x in group)
        known = {h for (h,) in cur.execute(
            "SELECT hlc FROM change WHERE site_id = ? AND hlc BETWEEN ? AND ?", (site, low, high))}
        for line in group:
            if line.hlc not in known:
                known.add(line.hlc)  # the same change twice in one file counts once
                fresh.append(line)
    return fresh


def _pending(cur: sqlite3.Cursor) -> set[Key]:
    return {(e, r) for e, r in cur.execute("SELECT entity, row_id FROM sync_pending")}


def has_work(cur: sqlite3.Cursor, lines: Sequence[Head]) -> bool:
    """Whether an import would change anything: new changes, or rows still waiting for a parent."""
    return bool(unseen(cur, lines)) or cur.execute("SELECT 1 FROM sync_pending LIMIT 1").fetchone() is not None


class Applier:
    """One import's work inside the caller's unit of work (which commits or rolls back)."""

    def __init__(self, uow: UnitOfWork, file_name: str, progress: Progress | None = None, *,
                 secure: bool = False) -> None:
        """`secure`: the file carries erasures; SQLite overwrites what the import frees with zeros."""
        self.uow = uow
        self.secure = secure
        self.file_name = file_name
        self.progress = progress
        self.tables = synced_tables()
        # entity -> the fields a row cannot be written without (else it waits for them)
        self.required = {name: [c.key for c in t.columns if not c.nullable and c.default is None
                                and c.server_default is None and c.key not in SYNC_COLUMNS]
                         for name, t in self.tables.items()}
        # entity -> its link columns and the tables they point at
        self.links = {name: [(c.key, next(iter(c.foreign_keys)).column.table.name) for c in t.columns if c.foreign_keys]
                      for name, t in self.tables.items()}
        self.raw: sqlite3.Connection = uow.session.connection().connection.driver_connection  # type: ignore[assignment]
        self.cur = self.raw.cursor()
        self.report = ApplyReport()
        self.erasures = Erasures(self.cur)
        self.conflicts: list[dict[str, Any]] = []
        self.here: dict[str, dict[str, tuple[int, str, Any]]] = {}  # entity -> rows that exist here
        self.schema = Schema(uow.database.clock.horizon())  # a base clock dated beyond it is refused
        self.index: SuspendedIndex
        self.deferred: DeferredIndexes
        self.rescore_all = False
        self.rescore_leads: set[str] = set()
        self.worked = False  # whether the import applied anything (or wrote rows that waited)

    def _step(self, done: int, total: int) -> None:
        if self.progress is not None and not self.progress(done, total):
            raise Cancelled()

    def apply(self, lines: Iterable[Line], total: int) -> ApplyReport:
        """Apply the file's lines (`total` of them) in batches, all inside the caller's transaction."""
        if not self.raw.in_transaction:  # hold the write lock from the first read: change numbers stay ours
            self.cur.execute("BEGIN IMMEDIATE")
        cache = self.cur.execute("PRAGMA cache_size").fetchone()[0]
        secure = self.cur.execute("PRAGMA secure_delete").fetchone()[0]
        self.cur.execute(f"PRAGMA cache_size=-{LOAD_CACHE_KB}")
        self.cur.execute(f"PRAGMA secure_delete={int(self.secure or secure)}")
        try:
            self._step(0, total)
            # Search entries are rebuilt set-wise at the end, as in bulk loads: new rows all at once,
            # updated rows once each however many batches touched them.
            with SuspendedIndex(self.cur) as self.index, DeferredIndexes(self.cur) as self.deferred:
                worked = False
                for batch in _batched(lines, BATCH_TEXT):
                    worked = self._apply_batch(batch, total) or worked
                    self.report.received += len(batch)
                    self._step(self.report.received, total)
                if not worked and _pending(self.cur):
                    worked = self._apply_batch([], total)  # rows still waiting for a parent: look again
            for entity, ids in self.erasures.finish(self.uow.session).items():
                self.report.touch(entity, "updated", ids)
                self.report.of(entity).updated += len(ids)
            self._finish(worked)
            self.worked = worked
        finally:
            self.cur.execute(f"PRAGMA cache_size={cache}")
            self.cur.execute(f"PRAGMA secure_delete={secure}")
        return self.report

    def _apply_batch(self, lines: list[Line], total: int) -> bool:
        """One batch of lines (tens of thousands of changes): memory stays flat however big the file is.

        Progress moves (and Cancel is heard) after each step, not only after each batch.
        """
        fresh = unseen(self.cur, lines)
        self.report.already_had += len(lines) - len(fresh)
        pending = _pending(self.cur)
        if not fresh and not pending:
            return False

        def step(part: int) -> None:
            self._step(self.report.received + len(lines) * part // 5, total)

        records = check_lines(fresh, self.file_name, self.schema)
        erased = self.erasures.take(records)  # and the changes of erased people scrubbed
        step(1)
        rows = self.gather([r for r in records if r.entity != ERASURE], pending)  # before the log has them
        self.append_to_log(records)
        step(2)
        plan = _Plan(self, rows, pending)
        plan.decide()
        step(3)
        plan.write()
        for entity, ids in self.erasures.apply(erased, self.index).items():
            self.report.touch(entity, "updated", ids)
            self.report.of(entity).updated += len(ids)
        step(4)
        if records:
            self.uow.database.clock.observe(max(r.hlc for r in records))
        return True

    def _finish(self, worked: bool) -> None:
        """Once after all batches: lead scores, the rules across rows (sync/invariants.py), and what
        still waits for a parent."""
        if self.rescore_all:
            recompute_scores(self.uow)
        elif self.rescore_leads:
            recompute_scores(self.uow, self.rescore_leads)
        if worked:
            self._repair()
        for entity, count in self.cur.execute("SELECT entity, count(*) FROM sync_pending GROUP BY entity"):
            self.report.of(entity).waiting = count

    def _repair(self) -> None:
        """Repair what the merged data breaks; each repaired field counts as a conflict of its kind of record."""
        repairs = Repairs(self.uow, self.cur)
        repairs.run()
        self.conflicts += repairs.conflicts
        for conflict in repairs.conflicts:
            self.report.of(conflict["entity"]).conflicts += 1
        for entity, ids in repairs.restored.items():
            self.report.touch(entity, "created", ids)
        for entity, ids in repairs.updated.items():
            self.report.touch(entity, "updated", ids)

    def append_to_log(self, records: list[ChangeRecord]) -> None:
        """Append the changes to our log, numbered after the last one."""
        base = self.cur.execute("SELECT coalesce(max(seq), 0) FROM change").fetchone()[0]
        self.cur.executemany(
            "INSERT INTO change (seq, entity, row_id, hlc, site_id, base_hlc, user_id, changed_at, fields) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(seq, r.entity, r.row_id, r.hlc, r.site_id, r.base_hlc, r.user_id, r.changed_at, r.log)
             for seq, r in enumerate(records, start=base + 1)])
        self.cur.execute("PRAGMA defer_foreign_keys = ON")  # parents and children may arrive in any order

    def gather(self, records: list[ChangeRecord], pending: set[Key]) -> dict[Key, _Row]:
        rows: dict[Key, _Row] = {}
        ids: dict[str, list[str]] = defaultdict(list)
        for key, rec in [((rec.entity, rec.row_id), rec) for rec in records] + [(key, None) for key in pending]:
            row = rows.get(key)
            if row is None:
                rows[key] = row = _Row()
                ids[key[0]].append(key[1])
            if rec is not None:
                row.records.append(rec)
        self.here = {entity: self._existing(self.tables[entity], wanted) for entity, wanted in ids.items()}
        # Only a row that exists or waits has changes in our log: ask the log about those alone, and
        # for a row that exists, only about the fields the new changes touch (None: every field).
        wanted: dict[Key, set[str] | None] = dict.fromkeys(pending)
        for entity, found in self.here.items():
            for row_id, current in found.items():
                row = rows[(entity, row_id)]
                if (entity, row_id) not in pending and not row.supersedes(current):
                    wanted[(entity, row_id)] = {name for rec in row.records for name in rec.fields}
        for entity, row_id, hlc, site, b, user, at, logged in self._logged(list(wanted)):
            row = rows[(entity, row_id)]
            row.see_old(Version(hlc, site, b, user, None, at, False), None)
            names = wanted[(entity, row_id)]
            for name, value in json.loads(logged).items():
                if names is None or name in names:
                    row.see_old(Version(hlc, site, b, user, encode_value(value), at, False), name)
        return rows

    def _logged(self, keys: list[Key]) -> sqlite3.Cursor:
        """Our log's changes of the rows `keys`, found through a temporary table of the keys."""
        self.cur.execute("CREATE TEMP TABLE IF NOT EXISTS sync_old_keys (entity TEXT, row_id TEXT, "
                         "PRIMARY KEY (entity, row_id)) WITHOUT ROWID")
        self.cur.execute("DELETE FROM sync_old_keys")
        self.cur.executemany("INSERT INTO sync_old_keys VALUES (?, ?)", keys)
        return self.cur.execute(
            "SELECT c.entity, c.row_id, c.hlc, c.site_id, c.base_hlc, c.user_id, c.changed_at, c.fields "
            "FROM sync_old_keys k JOIN change c ON c.entity = k.entity AND c.row_id = k.row_id")

    def _existing(self, table: Table, ids: list[str]) -> dict[str, tuple[int, str, Any]]:
        """id -> (hlc, site id, deleted_at) of the rows among `ids` that exist here.

        When the table is not much bigger than the list (a new copy filling up), one pass over the
        table beats a lookup per id.
        """
        columns = f'SELECT id, hlc, site_id, deleted_at FROM "{table.name}"'
        size = self.cur.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0]
        if size <= 4 * len(ids):
            wanted = set(ids)
            return {i: (h, s, d) for i, h, s, d in self.cur.execute(columns) if i in wanted}
        found: dict[str, tuple[int, str, Any]] = {}
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            rows = self.cur.execute(f"{columns} WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            found.update((i, (h, s, d)) for i, h, s, d in rows)
        return found


def _value(table: Table, name: str, version: Version) -> Any:
    return version.value if version.value is not _UNDECODED else decode_value(table, name, version.text)


class _Plan:
    """Which rows to insert or update with which values, and which must wait for a parent."""

    def __init__(self, applier: Applier, rows: dict[Key, _Row], pending: set[Key]) -> None:
        self.a = applier
        self.rows = rows
        self.pending = pending
        self.inserts: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)  # table -> id -> row
        self.updates: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.waiting: set[Key] = set()
        self.was_deleted: dict[Key, bool] = {}
        self.recreated: dict[str, list[str]] = defaultdict(list)  # table -> ids created by two copies

    def decide(self) -> None:
        for (entity, row_id), row in self.rows.items():
            current = self.a.here[entity].get(row_id)
            if current is None and row.simple():  # every row of a new copy: its one change is the row
                rec = row.records[0]  # (its fields dict is nobody else's once logged)
                self._to_insert(entity, row_id, rec.fields, rec.changed_at, rec.changed_at, rec.hlc, rec.site_id)
            else:
                self._decide_row(self.a.tables[entity], row_id, row, current)
        self._hold_orphans()

    def _to_insert(self, entity: str, row_id: str, values: dict[str, Any], first_at: str, at: str, hlc: int,
                   site: str) -> None:
        """A row we do not have, to insert with `values`, or to wait while a required field has none."""
        if None in map(values.get, self.a.required[entity]):
            self.waiting.add((entity, row_id))
            return
        values.update(id=row_id, created_at=first_at, updated_at=at, hlc=hlc, site_id=site)
        self.inserts[entity][row_id] = values

    def _decide_row(self, table: Table, row_id: str, row: _Row, current: tuple[int, str, Any] | None) -> None:
        entity = table.name
        key = (entity, row_id)
        full = key in self.pending or current is None  # write every field, not just the new winners
        if not full and not row.old:  # no old version to lose to (regular syncs): the latest new change wins
            values = {}
            for rec in sorted(row.records, key=_order):
                values.update(rec.fields)
        else:
            values = self._merge(table, row_id, row, full)
        hlc, site, at = row.latest()
        if current is None:
            self._to_insert(entity, row_id, values, row.first_at(), at, hlc, site)
            return
        self.was_deleted[key] = current[2] is not None
        if (hlc, site) > (current[0] or 0, current[1] or ""):
            values.update(hlc=hlc, site_id=site, updated_at=at)
        if row.creates():  # two copies created it: it was created when the first of them did (`write`)
            self.recreated[entity].append(row_id)
        if values:
            self.updates[entity][row_id] = values

    def _merge(self, table: Table, row_id: str, row: _Row, full: bool) -> dict[str, Any]:
        """The fields to write: all winners for a full write, else those a new change won with a new value."""
        new = row.new_versions()
        values: dict[str, Any] = {}
        for name in (set(row.old) | set(new)) if full else set(new):
            old, fresh = row.old.get(name), new.get(name)
            win = fresh if old is None or (fresh is not None and fresh.order > old.order) else old
            assert win is not None
            if full or (win.new and (old is None or old.text != win.text)):
                values[name] = _value(table, name, win)
            clash = conflict(old, fresh)
            if clash is not None:
                self._conflict(table.name, row_id, name, *clash)
        return values

    def _conflict(self, entity: str, row_id: str, name: str, win: Version, lose: Version) -> None:
        self.a.conflicts.append({
            "entity": entity, "row_id": row_id, "field": name, "rule": "",
            "winner_value": win.text, "winner_hlc": win.hlc, "winner_site": win.site, "winner_user": win.user,
            "loser_value": lose.text, "loser_hlc": lose.hlc, "loser_site": lose.site, "loser_user": lose.user,
        })
        self.a.report.of(entity).conflicts += 1

    def _hold_orphans(self) -> None:
        """Rows pointing at a parent that neither exists here nor is written now wait (repeat until stable)."""
        while True:
            missing = self._rows_with_missing_parents()
            if not missing:
                return
            for entity, row_id in missing:
                self.inserts[entity].pop(row_id, None)
                self.updates[entity].pop(row_id, None)
                self.waiting.add((entity, row_id))

    def _rows_with_missing_parents(self) -> set[Key]:
        """Rows whose link points at a row neither written now nor here. Set-wise per link column:
        a new copy filling up checks 100k rows and their links."""
        links: list[tuple[str, dict[str, dict[str, Any]], str, str]] = []  # entity, rows, column, parent
        wanted: dict[str, set[str]] = defaultdict(set)
        for kind in (self.inserts, self.updates):
            for entity, rows in kind.items():
                for column, parent in self.a.links[entity]:
                    targets = set(map(methodcaller("get", column), rows.values()))
                    targets.discard(None)
                    outside = targets - self.inserts.get(parent, {}).keys()
                    if outside:
                        wanted[parent] |= outside
                        links.append((entity, rows, column, parent))
        missing: dict[str, set[str]] = {}
        for parent, ids in wanted.items():
            listed = list(ids)
            for start in range(0, len(listed), BATCH):
                chunk = listed[start:start + BATCH]
                marks = ",".join("?" * len(chunk))
                ids -= {i for (i,) in self.a.cur.execute(f'SELECT id FROM "{parent}" WHERE id IN ({marks})', chunk)}
            missing[parent] = ids
        return {(entity, row_id) for entity, rows, column, parent in links if missing[parent]
                for row_id, values in rows.items() if values.get(column) in missing[parent]}

    def write(self) -> None:
        cur = self.a.cur
        for entity, rows in self.inserts.items():
            self._insert(self.a.tables[entity], rows)
        for entity, rows in self.updates.items():
            self._update(self.a.tables[entity], rows)
            self.a.index.changed(entity, rows)
        for entity, ids in self.recreated.items():  # the new changes are in the log already
            cur.executemany(f'UPDATE "{entity}" SET created_at = (SELECT changed_at FROM change WHERE entity = ? '
                            f'AND row_id = "{entity}".id ORDER BY hlc, site_id LIMIT 1) WHERE id = ?',
                            [(entity, row_id) for row_id in ids])
        cur.execute("DELETE FROM sync_pending")
        cur.executemany("INSERT INTO sync_pending (entity, row_id) VALUES (?, ?)", sorted(self.waiting))
        self._note_rescoring()

    def _insert(self, table: Table, rows: dict[str, dict[str, Any]]) -> None:
        self.a.deferred.consider(table.name, len(rows))
        writer = TableWriter(table, self.a.uow.database)
        keyed = table.name in SOURCES
        prepared = []
        counts = self.a.report.of(table.name)
        for row in rows.values():
            if keyed:
                row.update(derived_values(table.name, row))
            prepared.append(writer.values(row))
            if row.get("deleted_at") is None:
                counts.new += 1
        self.a.cur.executemany(writer.sql, prepared)
        self.a.report.touch(table.name, "created", rows)

    def _update(self, table: Table, rows: dict[str, dict[str, Any]]) -> None:
        dialect = self.a.uow.database.engine.dialect
        process = {c.key: bind_processor(c, dialect) for c in table.columns}
        groups: dict[tuple[str, ...], list[list[Any]]] = defaultdict(list)
        counts = self.a.report.of(table.name)
        updated: list[str] = []
        deleted: list[str] = []
        for row_id, values in rows.items():
            names = tuple(sorted(values))
            out = []
            for name in names:
                value, convert = values[name], process[name]
                out.append(convert(value) if convert is not None and value is not None else value)
            groups[names].append([*out, row_id])
            if values.get("deleted_at") is not None and not self.was_deleted[(table.name, row_id)]:
                counts.deleted += 1
                deleted.append(row_id)
            elif set(values) - {"hlc", "site_id", "updated_at"}:
                counts.updated += 1
                updated.append(row_id)
        self.a.report.touch(table.name, "updated", updated)
        self.a.report.touch(table.name, "deleted", deleted)
        for names, params in groups.items():
            sets = ", ".join(f'"{n}" = ?' for n in names)
            self.a.cur.executemany(f'UPDATE "{table.name}" SET {sets} WHERE id = ?', params)
        if table.name in SOURCES:
            self._rekey(table, [i for i, v in rows.items() if set(v) & set(SOURCES[table.name])])

    def _rekey(self, table: Table, ids: list[str]) -> None:
        """Derived columns of updated rows whose source fields changed (the ORM events do not run here)."""
        cols = SOURCES[table.name]
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            marks = ",".join("?" * len(chunk))
            found = self.a.cur.execute(
                f'SELECT id, {", ".join(cols)} FROM "{table.name}" WHERE id IN ({marks})', chunk).fetchall()
            derived = [(derived_values(table.name, dict(zip(cols, r[1:], strict=True))), r[0]) for r in found]
            if derived:
                sets = ", ".join(f'"{name}" = ?' for name in derived[0][0])
                self.a.cur.executemany(f'UPDATE "{table.name}" SET {sets} WHERE id = ?',
                                       [(*values.values(), row_id) for values, row_id in derived])

    def _note_rescoring(self) -> None:
        """A lead's score is derived from its fields and the rules: note what must be recomputed."""
        if "lead_scoring_rule" in self.inserts or "lead_scoring_rule" in self.updates:
            self.a.rescore_all = True
        self.a.rescore_leads |= set(self.inserts.get("lead", {})) | set(self.updates.get("lead", {}))


def _batched(lines: Iterable[Line], size: int) -> Iterator[list[Line]]:
    batch: list[Line] = []
    length = 0
    for line in lines:
        batch.append(line)
        length += len(line.text)
        if length >= size:
            yield batch
            batch, length = [], 0
    if batch:
        yield batch


def _order(rec: ChangeRecord) -> tuple[int, str]:
    return (rec.hlc, rec.site_id)
