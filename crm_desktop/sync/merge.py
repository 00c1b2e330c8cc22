"""The sync merge, pure: rows and changes go in; inserts, updates, conflicts and waiting rows come out.

No database here (sync/apply.py reads and writes through db/writer.py), so the rules can be tested
on their own (tests/test_sync_merge_pure.py):

- each field holds the value of its latest change by (clock, site id): last writer wins per field;
- two versions of a field conflict when written without seeing each other (`conflict`);
- a row is created when its first change in clock order was made, whichever copy's it was;
- a row lacking a required field, or pointing at a parent that is neither here nor written now,
  waits (sync_pending) for the import that brings what it lacks.

The steps, for one batch of new changes: `Merge(entities, records, waiting)`, then per entity
`know_current` (the rows' versions here), `history_wanted` and `know_logged` (the old changes of
the rows that need them), then `decide(existing)`, which returns the `Plan`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import methodcaller
from typing import Any

from crm_desktop.db.changelog import encode_value
from crm_desktop.db.hlc import SEED_CEILING
from crm_desktop.sync.records import ChangeRecord

Key = tuple[str, str]  # (entity, row id)
Current = tuple[int | None, str | None, Any]  # a row's version here: (clock, site id, deleted_at)
# One change of our log: (entity, row id, clock, site id, base clock, user id, time, fields as JSON)
Logged = tuple[str, str, int, str, int, str | None, str, str]
Existing = Callable[[str, set[str]], set[str]]  # (parent table, ids) -> those of the ids that exist here
_UNDECODED = object()
# Fields that only stamp a row with its latest change: an update of those alone edits nothing
STAMPS = frozenset(("hlc", "site_id", "updated_at"))


@dataclass(frozen=True)
class Entity:
    """What the merge needs to know of a kind of record."""

    required: tuple[str, ...]  # fields a row cannot be written without (else it waits for them)
    links: tuple[tuple[str, str], ...]  # (link column, the entity it points at)
    decode: Callable[[str, str | None], Any]  # (field, logged JSON text) -> the column value


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


def conflict(old: Version | None, new: Version | None) -> tuple[Version, Version] | None:
    """(winner, loser) when two versions of a field were written without seeing each other.

    The winner's writer had not seen the loser when its row version (`base`) was older than the
    loser's clock. Equal values, one copy's own successive edits, and seeded defaults never conflict.
    """
    if old is None or new is None or old.site == new.site or old.text == new.text:
        return None
    win, lose = (new, old) if new.order > old.order else (old, new)
    return (win, lose) if win.base < lose.hlc and lose.hlc >= SEED_CEILING else None


@dataclass(slots=True)
class Row:
    """One touched row: its new changes, its version here, and the winning old version of each field."""

    records: list[ChangeRecord] = field(default_factory=list)
    current: Current | None = None
    waiting: bool = False  # listed in sync_pending: every field is written when it can be
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

    def supersedes(self, current: Current) -> bool:
        """Whether every new change was made on top of the row as we hold it.

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


@dataclass
class Counts:
    """What a plan does to one entity's rows, as the import report counts it."""

    new: list[str] = field(default_factory=list)  # inserted live
    inserted: list[str] = field(default_factory=list)  # every inserted row, deleted ones too
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """The merge's outcome for one batch: what to write, what waits, and the conflicts found."""

    # entity -> id -> the row to insert / the fields to set
    inserts: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    updates: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    waiting: set[Key] = field(default_factory=set)  # every row to list in sync_pending after this batch
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    recreated: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # ids two copies created
    was_deleted: dict[Key, bool] = field(default_factory=dict)  # of the rows updated

    def counts(self) -> dict[str, Counts]:
        """Per entity, the rows inserted (live ones are new), edited and deleted by this plan."""
        out: dict[str, Counts] = defaultdict(Counts)
        for entity, rows in self.inserts.items():
            counts = out[entity]
            counts.inserted += rows
            counts.new += [i for i, row in rows.items() if row.get("deleted_at") is None]
        for entity, rows in self.updates.items():
            counts = out[entity]
            for row_id, values in rows.items():
                if values.get("deleted_at") is not None and not self.was_deleted[(entity, row_id)]:
                    counts.deleted.append(row_id)
                elif values.keys() - STAMPS:
                    counts.updated.append(row_id)
        return out


class Merge:
    """One batch of new changes merged with the rows they touch (module docstring for the steps)."""

    def __init__(self, entities: Mapping[str, Entity], records: Iterable[ChangeRecord], waiting: Iterable[Key]) -> None:
        """`records`: the batch's new changes (not erasures); `waiting`: the rows sync_pending lists."""
        self.entities = entities
        self.rows: dict[Key, Row] = {}
        rows = self.rows
        for rec in records:
            key = (rec.entity, rec.row_id)
            row = rows.get(key)
            if row is None:
                rows[key] = row = Row()
            row.records.append(rec)
        for key in waiting:
            row = rows.get(key)
            if row is None:
                rows[key] = row = Row()
            row.waiting = True

    def ids(self) -> dict[str, list[str]]:
        """Per entity, the ids of the touched rows (whose versions here `know_current` wants)."""
        out: dict[str, list[str]] = defaultdict(list)
        for entity, row_id in self.rows:
            out[entity].append(row_id)
        return out

    def know_current(self, entity: str, found: Mapping[str, Current]) -> None:
        """The versions here of `entity`'s touched rows that exist (by id)."""
        rows = self.rows
        for row_id, current in found.items():
            rows[(entity, row_id)].current = current

    def history_wanted(self) -> dict[Key, set[str] | None]:
        """The rows whose logged changes the merge needs, and of which fields (None: every field).

        Only a row that exists or waits has changes in our log, and a row whose new changes all
        supersede it needs none; for a row that exists, only the fields the new changes touch.
        """
        wanted: dict[Key, set[str] | None] = {}
        for key, row in self.rows.items():
            if row.waiting:
                wanted[key] = None
            elif row.current is not None and not row.supersedes(row.current):
                wanted[key] = {name for rec in row.records for name in rec.fields}
        return wanted

    def know_logged(self, changes: Iterable[Logged], wanted: Mapping[Key, set[str] | None]) -> None:
        """Our log's changes of the rows `history_wanted` named (before this batch was logged)."""
        rows = self.rows
        for entity, row_id, hlc, site, base, user, at, logged in changes:
            key = (entity, row_id)
            row = rows[key]
            row.see_old(Version(hlc, site, base, user, None, at, False), None)
            names = wanted[key]
            for name, value in json.loads(logged).items():
                if names is None or name in names:
                    row.see_old(Version(hlc, site, base, user, encode_value(value), at, False), name)

    def decide(self, existing: Existing) -> Plan:
        """The plan: each row's winning fields, its conflicts, and the rows that must wait.
        `existing` tells which parent ids exist here (asked once per parent table and round)."""
        plan = Plan()
        for (entity, row_id), row in self.rows.items():
            if row.current is None and row.simple():  # a new copy: its one change is the row
                rec = row.records[0]  # (its fields dict is nobody else's once logged)
                self._to_insert(plan, entity, row_id, rec.fields, rec.changed_at, rec.changed_at, rec.hlc,
                                rec.site_id)
            else:
                self._decide_row(plan, entity, row_id, row)
        self._hold_orphans(plan, existing)
        return plan

    def _to_insert(self, plan: Plan, entity: str, row_id: str, values: dict[str, Any], first_at: str, at: str,
                   hlc: int, site: str) -> None:
        """A row we do not have, to insert with `values`, or to wait while a required field has none."""
        if None in map(values.get, self.entities[entity].required):
            plan.waiting.add((entity, row_id))
            return
        values.update(id=row_id, created_at=first_at, updated_at=at, hlc=hlc, site_id=site)
        plan.inserts[entity][row_id] = values

    def _decide_row(self, plan: Plan, entity: str, row_id: str, row: Row) -> None:
        current = row.current
        full = row.waiting or current is None  # write every field, not just the new winners
        if not full and not row.old:  # no old version to lose to (regular syncs): the latest new change wins
            values: dict[str, Any] = {}
            for rec in sorted(row.records, key=_order):
                values.update(rec.fields)
        else:
            values = self._merge(plan, entity, row_id, row, full)
        hlc, site, at = row.latest()
        if current is None:
            self._to_insert(plan, entity, row_id, values, row.first_at(), at, hlc, site)
            return
        plan.was_deleted[(entity, row_id)] = current[2] is not None
        if (hlc, site) > (current[0] or 0, current[1] or ""):
            values.update(hlc=hlc, site_id=site, updated_at=at)
        if row.creates():  # two copies created it: it was created when the first of them did
            plan.recreated[entity].append(row_id)
        if values:
            plan.updates[entity][row_id] = values

    def _merge(self, plan: Plan, entity: str, row_id: str, row: Row, full: bool) -> dict[str, Any]:
        """The fields to write: all winners for a full write, else those a new change won with a new value."""
        decode = self.entities[entity].decode
        new = row.new_versions()
        values: dict[str, Any] = {}
        for name in (set(row.old) | set(new)) if full else set(new):
            old, fresh = row.old.get(name), new.get(name)
            win = fresh if old is None or (fresh is not None and fresh.order > old.order) else old
            assert win is not None
            if full or (win.new and (old is None or old.text != win.text)):
                values[name] = win.value if win.value is not _UNDECODED else decode(name, win.text)
            clash = conflict(old, fresh)
            if clash is not None:
                plan.conflicts.append(_conflict_row(entity, row_id, name, *clash))
        return values

    def _hold_orphans(self, plan: Plan, existing: Existing) -> None:
        """Rows pointing at a parent that neither exists here nor is written now wait (repeat until stable)."""
        while True:
            missing = self._rows_with_missing_parents(plan, existing)
            if not missing:
                return
            for entity, row_id in missing:
                plan.inserts[entity].pop(row_id, None)
                plan.updates[entity].pop(row_id, None)
                plan.waiting.add((entity, row_id))

    def _rows_with_missing_parents(self, plan: Plan, existing: Existing) -> set[Key]:
        """Rows whose link points at a row neither written now nor here. Set-wise per link column:
        a new copy filling up checks 100k rows and their links."""
        links: list[tuple[str, dict[str, dict[str, Any]], str, str]] = []  # entity, rows, column, parent
        wanted: dict[str, set[str]] = defaultdict(set)
        for kind in (plan.inserts, plan.updates):
            for entity, rows in kind.items():
                for column, parent in self.entities[entity].links:
                    targets = set(map(methodcaller("get", column), rows.values()))
                    targets.discard(None)
                    outside = targets - plan.inserts.get(parent, {}).keys()
                    if outside:
                        wanted[parent] |= outside
                        links.append((entity, rows, column, parent))
        missing = {parent: ids - existing(parent, ids) for parent, ids in wanted.items()}
        return {(entity, row_id) for entity, rows, column, parent in links if missing[parent]
                for row_id, values in rows.items() if values.get(column) in missing[parent]}


def _conflict_row(entity: str, row_id: str, name: str, win: Version, lose: Version) -> dict[str, Any]:
    """A sync_conflict row (without the time it was found, which the caller adds)."""
    return {
        "entity": entity, "row_id": row_id, "field": name, "rule": "",
        "winner_value": win.text, "winner_hlc": win.hlc, "winner_site": win.site, "winner_user": win.user,
        "loser_value": lose.text, "loser_hlc": lose.hlc, "loser_site": lose.site, "loser_user": lose.user,
    }


def _order(rec: ChangeRecord) -> tuple[int, str]:
    return (rec.hlc, rec.site_id)
