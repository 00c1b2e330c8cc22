"""Undo an import as one step: what it created is deleted, what it updated gets its earlier values back.

The change log says what the import did: its rows are those with `log_from < seq <= log_to`
(ImportResult) written by this copy (its site id). On a file nothing else writes meanwhile (the
import holds the write lock); on an office server other desks commit while an import runs, and their
changes take numbers in between: they are no part of the import, and count as made after it. A
record with no change logged at or before `log_from` was created by the import and is deleted (a
tombstone, as `records.soft_delete` writes, put in the bulk way: `db.bulk.tombstone_in_session`). A
record it updated gets back, for each field the import set, the latest value logged for that field
with `seq <= log_from`, or the column's default when none was logged.

Decisions, since the user may have worked on after the import:
- A field changed again after the import (a change with `seq > log_to`: the user's own edit or one
  that came by sync) keeps that later value: the undo never throws away work done since.
- A record the import created is deleted even when edited since: the undo takes out what the
  import brought in. One already deleted stays as it is.

All in one unit of work, so the undo itself is in the change log and syncs like any edit; undoing
the same import twice changes nothing the second time (every field it would restore was then
changed after the import, by the first undo).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, not_, or_, select

from crm_desktop.db.bulk import tombstone_in_session
from crm_desktop.db.changelog import decode_value, scalar_default
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.models import Change, synced_models
from crm_desktop.roles import IMPORT
from crm_desktop.services.changes import Changes, ChangeSet

CHUNK = 500  # ids per IN (...): under SQLite's variable limit


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _logged(uow: UnitOfWork, entity: str, ids: Iterable[str], where: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(row id, fields) of the logged changes of `ids` matching `where`, oldest first."""
    for part in _chunks(ids):
        stmt = (select(Change.row_id, Change.fields)
                .where(Change.entity == entity, Change.row_id.in_(part), where).order_by(Change.seq))
        for row_id, fields in uow.session.execute(stmt):
            yield row_id, json.loads(fields)


def undo_import(uow: UnitOfWork, log_from: int, log_to: int) -> ChangeSet:
    """Undo the import whose change log rows are `log_from < seq <= log_to`; one part per kind of record."""
    models = synced_models()
    with uow:
        uow.require(IMPORT)
        touched: dict[str, dict[str, set[str]]] = {}  # entity → row id → fields the import set
        ours = Change.site_id == uow.database.site_id
        stmt = (select(Change.entity, Change.row_id, Change.fields)
                .where(Change.seq > log_from, Change.seq <= log_to, ours).order_by(Change.seq))
        for entity, row_id, fields in uow.session.execute(stmt):
            touched.setdefault(entity, {}).setdefault(row_id, set()).update(json.loads(fields))
        done: list[Changes] = []
        for entity, rows in touched.items():
            model, table = models[entity], models[entity].__table__  # type: ignore[attr-defined]
            before: dict[str, dict[str, Any]] = {}  # row id → field → value before the import
            for row_id, fields in _logged(uow, entity, rows, Change.seq <= log_from):
                before.setdefault(row_id, {}).update(fields)
            since: dict[str, set[str]] = {}  # row id → fields changed after the import
            for row_id, fields in _logged(uow, entity, rows, or_(Change.seq > log_to, and_(Change.seq > log_from,
                                                                                         not_(ours)))):
                since.setdefault(row_id, set()).update(fields)
            # Nothing logged before the import: it created them (deleted the bulk way, not loaded).
            deleted = tombstone_in_session(uow.session, model, [i for i in rows if i not in before])
            updated = []
            for part in _chunks(i for i in rows if i in before):
                for record in uow.session.scalars(select(model).where(model.id.in_(part))):
                    restored = False
                    for name in rows[record.id] - since.get(record.id, set()):
                        if name not in before[record.id]:
                            value = scalar_default(table.c[name])
                        else:
                            value = decode_value(table, name, json.dumps(before[record.id][name]))
                        if getattr(record, name) != value:
                            setattr(record, name, value)
                            restored = True
                    if restored:
                        updated.append(record.id)
                uow.session.flush()
                uow.session.expunge_all()  # memory stays flat on a large import
            if deleted or updated:
                done.append(Changes(entity, updated=tuple(updated), deleted=tuple(deleted)))
        uow.commit()
    return ChangeSet(tuple(done))
