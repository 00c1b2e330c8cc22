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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from crm_desktop.db.bulk import Cancelled
from crm_desktop.db.changelog import decode_value
from crm_desktop.db.database import Database
from crm_desktop.db.raw import driver_cursor
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.db.writer import Writer, any_waiting, unseen
from crm_desktop.models.base import SYNC_COLUMNS
from crm_desktop.models.privacy import ERASURE
from crm_desktop.services.changes import Changes, ChangeSet
from crm_desktop.services.scoring import recompute_scores
from crm_desktop.sync.erasures import Erasures
from crm_desktop.sync.invariants import Repairs
from crm_desktop.sync.merge import Entity, Key, Merge, Plan
from crm_desktop.sync.records import ChangeRecord, Head, Line, Schema, check_lines, synced_tables

Progress = Callable[[int, int], bool]
# Changes checked and applied at a time, by size of their text: memory follows the text (parsed,
# about ten times it), and short edits go in bigger batches, so fewer rows are visited twice.
BATCH_TEXT = 32 << 20


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

    def changes(self) -> ChangeSet:
        """What the screens must show anew: the import is one action, one change set."""
        return ChangeSet(tuple(Changes(e, created=tuple(t.get("created", ())), updated=tuple(t.get("updated", ())),
                                       deleted=tuple(t.get("deleted", ()))) for e, t in self.touched.items()))

    def total(self, what: str) -> int:
        return sum(getattr(c, what) for c in self.entities.values())


def has_work(database: Database, lines: Sequence[Head]) -> bool:
    """Whether an import would change anything: new changes, or rows still waiting for a parent."""
    with database.engine.connect() as conn:
        cur = driver_cursor(conn)
        return bool(unseen(cur, lines)) or any_waiting(cur)


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
        self.entities = {name: Entity(
            # the fields a row cannot be written without (else it waits for them)
            tuple(c.key for c in t.columns if not c.nullable and c.default is None and c.server_default is None
                  and c.key not in SYNC_COLUMNS),
            tuple((c.key, next(iter(c.foreign_keys)).column.table.name) for c in t.columns if c.foreign_keys),
            partial(decode_value, t)) for name, t in self.tables.items()}
        self.writer = Writer(uow.session.connection(), uow.database)
        self.report = ApplyReport()
        self.erasures = Erasures(self.writer)
        self.conflicts: list[dict[str, Any]] = []
        self.schema = Schema(uow.database.clock.horizon())  # a base clock dated beyond it is refused
        self.rescore_all = False
        self.rescore_leads: set[str] = set()
        self.worked = False  # whether the import applied anything (or wrote rows that waited)

    def _step(self, done: int, total: int) -> None:
        if self.progress is not None and not self.progress(done, total):
            raise Cancelled()

    def apply(self, lines: Iterable[Line], total: int) -> ApplyReport:
        """Apply the file's lines (`total` of them) in batches, all inside the caller's transaction."""
        writer = self.writer
        writer.commit_durably(self.uow.session)
        with writer.locked(secure=self.secure):
            self._step(0, total)
            # Search entries are rebuilt set-wise at the end, as in bulk loads: new rows all at once,
            # updated rows once each however many batches touched them.
            with writer.suspended():
                worked = False
                for batch in _batched(lines, BATCH_TEXT):
                    worked = self._apply_batch(batch, total) or worked
                    self.report.received += len(batch)
                    self._step(self.report.received, total)
                if not worked and writer.waiting():
                    worked = self._apply_batch([], total)  # rows still waiting for a parent: look again
            for entity, ids in self.erasures.finish(self.uow.session).items():
                self.report.touch(entity, "updated", ids)
                self.report.of(entity).updated += len(ids)
            self._finish(worked)
            self.worked = worked
        return self.report

    def _apply_batch(self, lines: list[Line], total: int) -> bool:
        """One batch of lines (tens of thousands of changes): memory stays flat however big the file is.

        Progress moves (and Cancel is heard) after each step, not only after each batch.
        """
        writer = self.writer
        fresh = writer.unseen(lines)
        self.report.already_had += len(lines) - len(fresh)
        waiting = writer.waiting()
        if not fresh and not waiting:
            return False

        def step(part: int) -> None:
            self._step(self.report.received + len(lines) * part // 5, total)

        records = check_lines(fresh, self.file_name, self.schema)
        erased = self.erasures.take(records)  # and the changes of erased people scrubbed
        step(1)
        merge = self._gather([r for r in records if r.entity != ERASURE], waiting)  # before the log has them
        writer.append_changes([(r.entity, r.row_id, r.hlc, r.site_id, r.base_hlc, r.user_id, r.changed_at, r.log)
                               for r in records])
        writer.defer_links()  # parents and children may arrive in any order
        step(2)
        plan = merge.decide(writer.existing)
        step(3)
        self._write(plan)
        assert writer.index is not None
        for entity, ids in self.erasures.apply(erased, writer.index).items():
            self.report.touch(entity, "updated", ids)
            self.report.of(entity).updated += len(ids)
        step(4)
        if records:
            self.uow.database.clock.observe(max(r.hlc for r in records))
        return True

    def _gather(self, records: list[ChangeRecord], waiting: set[Key]) -> Merge:
        """The merge of the batch, told the touched rows' versions here and the old changes it needs."""
        merge = Merge(self.entities, records, waiting)
        for entity, ids in merge.ids().items():
            merge.know_current(entity, self.writer.versions(entity, ids))
        wanted = merge.history_wanted()
        merge.know_logged(self.writer.logged(wanted), wanted)
        return merge

    def _write(self, plan: Plan) -> None:
        """Carry the plan out: rows inserted and updated, creation times of rows two copies made,
        the rows that wait; and count it all in the report."""
        writer = self.writer
        for entity, rows in plan.inserts.items():
            writer.insert(self.tables[entity], rows.values())
        for entity, rows in plan.updates.items():
            writer.update(self.tables[entity], rows)
        for entity, ids in plan.recreated.items():  # the new changes are in the log already
            writer.created_first(entity, ids)
        writer.set_waiting(plan.waiting)
        for entity, done in plan.counts().items():
            counts = self.report.of(entity)
            counts.new += len(done.new)
            counts.updated += len(done.updated)
            counts.deleted += len(done.deleted)
            self.report.touch(entity, "created", done.inserted)
            self.report.touch(entity, "updated", done.updated)
            self.report.touch(entity, "deleted", done.deleted)
        self.conflicts += plan.conflicts
        for conflict in plan.conflicts:
            self.report.of(conflict["entity"]).conflicts += 1
        self._note_rescoring(plan)

    def _note_rescoring(self, plan: Plan) -> None:
        """A lead's score is derived from its fields and the rules: note what must be recomputed."""
        if "lead_scoring_rule" in plan.inserts or "lead_scoring_rule" in plan.updates:
            self.rescore_all = True
        self.rescore_leads |= set(plan.inserts.get("lead", {})) | set(plan.updates.get("lead", {}))

    def _finish(self, worked: bool) -> None:
        """Once after all batches: lead scores, the rules across rows (sync/invariants.py), and what
        still waits for a parent."""
        if self.rescore_all:
            recompute_scores(self.uow)
        elif self.rescore_leads:
            recompute_scores(self.uow, self.rescore_leads)
        if worked:
            self._repair()
        for entity, count in self.writer.waiting_counts().items():
            self.report.of(entity).waiting = count

    def _repair(self) -> None:
        """Repair what the merged data breaks; each repaired field counts as a conflict of its kind of record."""
        repairs = Repairs(self.uow)
        repairs.run()
        self.conflicts += repairs.conflicts
        for conflict in repairs.conflicts:
            self.report.of(conflict["entity"]).conflicts += 1
        for entity, ids in repairs.restored.items():
            self.report.touch(entity, "created", ids)
        for entity, ids in repairs.updated.items():
            self.report.touch(entity, "updated", ids)


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
