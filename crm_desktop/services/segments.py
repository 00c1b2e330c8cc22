"""Saved segments: a dynamic filter kept by name, or a static list (its members frozen when saved).

Who is in a segment is the read side's (`queries/segments.py`, one SQL condition); a static list and a
campaign's members are written from the ids it found, the bulk way (`db/bulk.insert_in_session`: the
same rows, change log and sync as the ORM's). Members have fixed ids (segment, record), so two copies
freezing the same person into one list make one row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from sqlalchemy import select

from crm_desktop.db import access
from crm_desktop.db.bulk import PackedRows, insert_in_session
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Segment
from crm_desktop.models.marketing import SegmentMember, segment_member_id
from crm_desktop.roles import KINDS, refuse_kind
from crm_desktop.segment_filter import SegmentFilter, checked
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.SEGMENT


@dataclass(frozen=True)
class SegmentInput:
    name: str
    filter: SegmentFilter
    notes: str = ""


def may_write(uow: UnitOfWork, table: str) -> None:
    """Refuse a bulk write of `table` the acting person's role may not make (the flush checks the ORM's)."""
    if uow.user_id is None:
        return
    role = access.role_of(uow.database, uow.user_id)
    if role not in KINDS[table].writers:
        raise refuse_kind(role, KINDS[table])


def _name(uow: UnitOfWork, text: str, segment_id: str | None) -> str:
    name = validation.column_text(text, Segment.name)
    if not name:
        raise ValidationError("name", "A segment needs a name.")
    live = select(Segment.name).where(Segment.deleted_at.is_(None), Segment.id != (segment_id or ""))
    if any(other.casefold() == name.casefold() for other in uow.session.scalars(live)):
        raise ValidationError("name", "There is already a segment named {name}.", name=name)
    return name


def _live(uow: UnitOfWork, segment_id: str) -> Segment:
    segment = uow.session.get(Segment, segment_id)
    if segment is None or segment.deleted_at is not None:
        raise NotFound("The segment was deleted by someone else. Refresh the list.")
    return segment


def save_segment(uow: UnitOfWork, data: SegmentInput, segment_id: str | None = None) -> ChangeSet:
    """Create (segment_id None) or change a dynamic segment. A filter without any condition is refused:
    it would hold everyone, which is the contacts list itself."""
    flt = checked(data.filter)
    if not flt.conditions():
        raise ValidationError("filter", "A segment needs at least one condition; without one it holds everyone.")
    with uow:
        values = {"name": _name(uow, data.name, segment_id), "kind": flt.kind, "filter_json": flt.to_json(),
                  "notes": validation.column_text(data.notes, Segment.notes)}
        if segment_id is None:
            segment = Segment(**values, static=False)
            uow.session.add(segment)
        else:
            segment = _live(uow, segment_id)
            if segment.static:
                raise DomainError("A static list keeps its members; its conditions cannot be changed.")
            for key, value in values.items():
                setattr(segment, key, value)
        uow.commit()
    return change(ENTITY, created=(segment.id,)) if segment_id is None else change(ENTITY, updated=(segment_id,))


def freeze_segment(uow: UnitOfWork, name: str, kind: str, ids: Sequence[str], notes: str = "") -> ChangeSet:
    """A new static list holding exactly these contacts (or accounts): "Save as a static list"."""
    if not ids:
        raise DomainError("The segment holds no one: there is nothing to save as a list.")
    may_write(uow, "segment_member")
    with uow:
        segment = Segment(name=_name(uow, name, None), kind=kind, static=True, filter_json="{}",
                          notes=validation.column_text(notes, Segment.notes))
        uow.session.add(segment)
        uow.session.flush()
        link = "contact_id" if kind == "contacts" else "account_id"
        rows = PackedRows(SegmentMember)
        unique = list(dict.fromkeys(ids))
        for record_id in unique:
            rows.append({"segment_id": segment.id, link: record_id})
        insert_in_session(uow.session, uow.database, rows.with_ids([segment_member_id(segment.id, r) for r in unique]))
        uow.commit()
    return change(ENTITY, created=(segment.id,))


def delete_segment(uow: UnitOfWork, segment_id: str) -> ChangeSet:
    """Delete a segment (a static list keeps its member rows, so an Undo brings it back whole)."""
    return records.soft_delete(uow, attrgetter("segments"), ENTITY, (segment_id,))


def restore_segment(uow: UnitOfWork, segment_id: str) -> ChangeSet:
    with uow:
        segment = uow.segments.get(segment_id, include_deleted=True)
        if segment is None:
            raise NotFound("The record no longer exists.")
        _name(uow, segment.name, segment_id)
        uow.segments.restore(segment)
        uow.commit()
    return change(ENTITY, created=(segment_id,))
