"""Erase a person (PDPA): their personal data leaves the record, the change log and the other copies.

`erase_person` works in one transaction of the unit of work, with SQLite's `secure_delete` on, so
the pages it rewrites keep no trace of the old values:

- the person's records: the contact or lead, the lead it was converted from or the contact it
  became, and the duplicates merged into them (each is its own erase);
- each record's personal fields (models/privacy.py) take their erased values, in the row and in
  every change of it the log holds (the old values are gone from history too);
- records pointing at them keep amounts, dates and links; their free texts (an activity's subject,
  an order's delivery address…) get the person's names, phones and e-mails replaced by the mark,
  in the rows and in their logged changes; sync conflicts about them likewise;
- the search index drops the old text (its segments merged, so no old term stays in the file);
- one `erasure` change per record says who erased which record when (no personal value), and
  travels by sync (sync/apply.py runs the same `Scrubber` on the receiving copy).

The rows are rewritten without new changes: every change of them is scrubbed the same way on
every copy, so a row is still the function of its changes that sync relies on. A later change to
an erased person's personal fields (from a copy that had not seen the erase yet) is scrubbed on
arrival, and a form or import that types them again is refused (db/changelog.py).
`reclaim_space` then empties the WAL and rebuilds the file (VACUUM), so even the traces left by
edits made before the erase are gone from the disk (see QUICK_VACUUM_BYTES for what it costs).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from crm_desktop.db.changelog import CONTEXT_KEY, ChangeContext, encode_fields, encode_value, log_changes, log_row
from crm_desktop.db.database import Database
from crm_desktop.db.erasure import conflicts_about, erased_records, reclaim, rewrite_conflicts
from crm_desktop.db.errors import driver_errors
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.db.writer import Writer, hold_write_lock
from crm_desktop.errors import DomainError, NotFound
from crm_desktop.models import Base, ConsentEvent, Lead, synced_models
from crm_desktop.models.privacy import (
    COPIES,
    ERASURE,
    NEEDLE_FIELDS,
    PERSONAL_FIELDS,
    PHONE_FIELDS,
    PLAIN_LINKS,
    erase_mark,
    erased_values,
)
from crm_desktop.models.system import MergeLog
from crm_desktop.roles import ERASE
from crm_desktop.services.changes import Changes, ChangeSet

ERASABLE = tuple(PERSONAL_FIELDS)
NEEDLE_MIN = 3  # shorter names (a two-letter nickname) would cut into ordinary words
Key = tuple[str, str]  # (entity, row id)


@dataclass(frozen=True)
class EraseResult:
    """What an erase did: the person's records (entity, id) and the other records it anonymised."""

    erased: tuple[Key, ...]
    changes: ChangeSet


def erased_keys(conn: Connection, keys: Iterable[Key] | None = None) -> set[Key]:
    """The records among `keys` (all when None) that an erase in the log names."""
    found = erased_records(conn)
    return found if keys is None else found & set(keys)


class Needles:
    """A person's identifying texts, to be found in other records' free texts and replaced by the mark."""

    def __init__(self, mark: str) -> None:
        self.mark = mark
        self.names: dict[str, set[str]] = defaultdict(set)

    def add(self, values: dict[str, Any]) -> None:
        for name in NEEDLE_FIELDS:
            value = values.get(name)
            if isinstance(value, str) and value.strip() and value != self.mark:
                self.names[name].add(value.strip())

    def pattern(self) -> re.Pattern[str] | None:
        texts = set()
        for name, values in self.names.items():
            if name not in PHONE_FIELDS:
                texts |= {v for v in values if len(v) >= NEEDLE_MIN}
        for first in self.names["first_name"]:
            for last in self.names["last_name"]:
                texts |= {f"{first} {last}", f"{first}{last}"}
        parts = [re.escape(t) for t in sorted(texts, key=len, reverse=True)]
        parts += [_phone_pattern(p) for p in sorted(self.names["mobile"] | self.names["phone"])]
        return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _phone_pattern(stored: str) -> str:
    """A phone (E.164 as stored) as people write it: +66 or 0 first, with or without separators."""
    digits = re.sub(r"\D", "", stored)
    if not digits:
        return re.escape(stored)
    if not stored.startswith("+66"):  # another country's number: as stored, with or without separators
        return r"\+?" + r"[\s.-]?".join(digits)
    return r"(?:\+?66|0)[\s.-]?" + r"[\s.-]?".join(digits[2:])


class Scrubber:
    """Erases records through the row writer inside the caller's transaction (the service and sync import)."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.tables = {n: m.__table__ for n, m in synced_models().items()}  # type: ignore[misc]
        self.touched: dict[str, set[str]] = defaultdict(set)
        # (table, id) of records pointing at an erased person -> the patterns their texts go through
        self.edits: dict[Key, list[tuple[re.Pattern[str], str]]] = {}

    def erase(self, entity: str, row_id: str, needles: Needles | None = None) -> None:
        """Scrub one record (its row, its logged changes) and the texts of the records pointing at it."""
        needles = needles or Needles(erase_mark(row_id))
        erased = erased_values(entity, row_id)
        row = self.writer.fields(entity, row_id, [n for n in NEEDLE_FIELDS if n in self.tables[entity].c])
        if row is not None:
            needles.add(row)
        for _seq, fields in self.writer.logged_fields(entity, [row_id]):
            needles.add(fields)
        self._scrub_log(entity, [row_id], lambda fields: _personal(fields, erased))
        if row is not None:
            self.writer.update(self.tables[entity], {row_id: erased})  # its derived name key too
            self.touched[entity].add(row_id)
        pattern = needles.pattern()
        pointing = self._pointing_at(entity, row_id)
        for table, ids in pointing.items():
            self._replace(table, ids, pattern, needles.mark)
        self._conflicts(entity, row_id, pointing, erased, pattern, needles.mark)

    def _scrub_log(self, entity: str, ids: list[str], scrub: Any) -> None:
        """Rewrite the logged changes of `ids` whose fields `scrub(fields)` changes (it returns the new fields)."""
        updates = []
        for seq, fields in self.writer.logged_fields(entity, ids):
            new = scrub(fields)
            if new != fields:
                updates.append((encode_fields(new), seq))
        self.writer.rewrite_logged(updates)

    # --- records pointing at the person -------------------------------------------------------

    def _pointing_at(self, entity: str, row_id: str) -> dict[str, list[str]]:
        """Ids of the records (of tables with texts to check) that point at `row_id`, per table."""
        found: dict[str, list[str]] = {}
        target = self.tables[entity]
        for table_name in COPIES:
            table = Base.metadata.tables[table_name]
            columns = [c.key for c in table.columns
                       if any(fk.column.table is target for fk in c.foreign_keys)]
            columns += list(PLAIN_LINKS.get(table_name, ()))
            if not columns:
                continue
            ids = self.writer.ids_where_any(table_name, columns, row_id)
            if ids:
                found[table_name] = ids
        return found

    def _replace(self, table: str, ids: list[str], pattern: re.Pattern[str] | None, mark: str) -> None:
        if pattern is None:
            return
        names = COPIES[table]

        def scrub(fields: dict[str, Any]) -> dict[str, Any]:
            return {k: pattern.sub(mark, v) if k in names and isinstance(v, str) else v for k, v in fields.items()}

        self._scrub_log(table, ids, scrub)
        for row_id in ids:
            self.edits.setdefault((table, row_id), []).append((pattern, mark))

    def write_edits(self, session: Session) -> dict[str, set[str]]:
        """The texts of the records pointing at erased people, as edits of this copy (their rows as they
        are now): logged with the mark only, they win over the old values on every copy, so the copies
        still agree when a text naming the person came from a copy that had not seen the erase."""
        models = synced_models()
        done: dict[str, set[str]] = defaultdict(set)
        for (table, row_id), patterns in self.edits.items():
            row = session.get(models[table], row_id, populate_existing=True)
            if row is None:
                continue
            for name in COPIES[table]:
                value = new = getattr(row, name)
                for pattern, mark in patterns:
                    new = pattern.sub(mark, new) if isinstance(new, str) else new
                if new != value:
                    setattr(row, name, new)
                    done[table].add(row_id)
        session.flush()
        self.edits.clear()
        for table, ids in done.items():
            self.touched[table] |= ids
        return done

    def _conflicts(self, entity: str, row_id: str, pointing: dict[str, list[str]], erased: dict[str, Any],
                   pattern: re.Pattern[str] | None, mark: str) -> None:
        """Conflicts keep both values of a field: the person's are erased, the others' texts replaced."""
        conn = self.writer.conn
        rows = conflicts_about(conn, entity, [row_id])
        for table, ids in pointing.items():
            rows += conflicts_about(conn, table, ids)
        updates = []
        for conflict_id, name, winner, loser in rows:
            if name in erased:
                new = (encode_value(erased[name]),) * 2
            elif pattern is not None:
                new = tuple(None if v is None else pattern.sub(mark, v) for v in (winner, loser))
            else:
                continue
            if new != (winner, loser):
                updates.append((*new, conflict_id))
        rewrite_conflicts(conn, updates)

    def finish(self) -> None:
        """Merge the segments of the search indexes touched, so no old term stays in the file."""
        self.writer.compact_search(t for t, ids in self.touched.items() if ids)


def _personal(fields: dict[str, Any], erased: dict[str, Any]) -> dict[str, Any]:
    """A logged change of an erased record: its personal fields hold their erased values."""
    return {k: erased.get(k, v) for k, v in fields.items()}


def scrub_change(entity: str, row_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of a change arriving for an erased record, its personal values replaced (sync import)."""
    return _personal(fields, erased_values(entity, row_id))


# --- the service ---------------------------------------------------------------------------------


def person_records(uow: UnitOfWork, entity: str, row_id: str) -> list[Key]:
    """The records of one person: the record, the lead/contact conversion linked to it, and the
    duplicates merged into any of them (each of which holds the same person's data)."""
    session = uow.session
    found: list[Key] = []
    todo = [(entity, row_id)]
    while todo:
        key = todo.pop()
        if key in found:
            continue
        found.append(key)
        kind, rid = key
        if kind == "lead":
            contact = session.execute(select(Lead.converted_contact_id).where(Lead.id == rid)).scalar()
            if contact:
                todo.append(("contact", contact))
        else:
            todo += [("lead", i) for (i,) in session.execute(select(Lead.id).where(Lead.converted_contact_id == rid))]
        losers = session.execute(select(MergeLog.loser_id).where(MergeLog.kind == kind, MergeLog.winner_id == rid))
        todo += [(kind, i) for (i,) in losers]
    return found


def erase_person(uow: UnitOfWork, entity: str, row_id: str) -> EraseResult:
    """Erase the person whose contact or lead `row_id` is, in one transaction (module docstring)."""
    if entity not in ERASABLE:
        raise DomainError("Unknown kind of record {kind}.", kind=entity)
    tables = synced_models()
    with uow:
        uow.require(ERASE)
        table = tables[entity].__table__  # type: ignore[attr-defined]
        if uow.session.execute(select(table.c.id).where(table.c.id == row_id)).first() is None:
            raise NotFound("The record no longer exists.")
        conn = uow.session.connection()
        writer = Writer(conn, uow.database)
        # From the writer's driver connection: another program's lock, a full disk, as readable errors.
        with driver_errors(), writer.secure():  # freed cells and pages are overwritten with zeros
            hold_write_lock(conn)  # from the first read; on a server, no sync import meanwhile (it would not scrub)
            records = person_records(uow, entity, row_id)
            consenting = [(kind, rid) for kind, rid in records if (writer.fields(kind, rid, ["marketing_consent"])
                                                                   or {}).get("marketing_consent")]
            scrubber = Scrubber(writer)
            for kind, rid in records:
                scrubber.erase(kind, rid)
            _log_erasures(uow, [k for k in records if k not in erased_keys(conn, records)])
            scrubber.write_edits(uow.session)
            for kind, rid in consenting:  # consent withdrawn by the erase: its history says so (db/consent.py)
                uow.session.add(ConsentEvent(**{f"{kind}_id": rid}, given=False, changed_at=uow.now(),
                                             user_id=uow.user_id, method="erase"))
            scrubber.finish()
            uow.commit()
    changes = ChangeSet(tuple(Changes(table, updated=tuple(sorted(ids)))
                              for table, ids in sorted(scrubber.touched.items())))
    return EraseResult(tuple(records), changes)


def _log_erasures(uow: UnitOfWork, records: list[Key]) -> None:
    """One `erasure` change per record: who erased which record when, and nothing of the person."""
    ctx: ChangeContext = uow.session.info[CONTEXT_KEY]
    now = uow.now()
    log_changes(uow.session.connection(), [log_row(ERASURE, rid, ctx.clock.tick(), ctx, now,
                                                   encode_fields({"entity": kind})) for kind, rid in records],
                ctx.own)


# Up to this size a VACUUM takes seconds and runs right after an erase in the app; a bigger file is
# compacted when the user agrees (the large demo, 3.6 GB: 5 to 10 minutes on a busy machine, during
# which nothing can be saved).
QUICK_VACUUM_BYTES = 256 << 20


def reclaim_space(database: Database, *, vacuum: bool = True) -> None:
    """Leave no freed page in the files: empty the WAL into the database and, with `vacuum`, rebuild
    the file without its free space (VACUUM) and empty the WAL again.

    The erase's own transaction overwrote what it freed (secure_delete), and the checkpoint takes
    the old page versions out of the WAL. What VACUUM adds: traces of edits made before the erase,
    left in free space that transaction never touched (VACUUM copies only live rows). It needs about
    the file's size free on disk and holds the write lock while it runs.
    """
    reclaim(database, vacuum=vacuum)  # a full disk, another program's lock: a readable message
