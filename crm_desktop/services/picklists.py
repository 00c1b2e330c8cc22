"""Editable choice lists: lead sources, disqualify reasons, loss reasons, product units (ordered,
soft-deleted).

Every copy creates the same default entries with fixed ids (kind + value), so two copies installed
apart never show an entry twice after a sync. Lead sources are stored as stable keys (the UI shows
Thai or English labels for the known ones); reasons are stored as the Thai text users pick.
"""

from __future__ import annotations

from sqlalchemy import func, select

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Lead, Opportunity, PickList, Product, fixed_id
from crm_desktop.models.rules import rule_of
from crm_desktop.models.system import PICK_LIST_KINDS
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.PICK_LIST
KINDS = PICK_LIST_KINDS
LEAD_SOURCE, DISQUALIFY_REASON, LOSS_REASON, PRODUCT_UNIT = KINDS
# The column each list's values are stored in: an entry may be no longer than that column allows.
FEEDS = {LEAD_SOURCE: Lead.source, DISQUALIFY_REASON: Lead.disqualify_reason, LOSS_REASON: Opportunity.loss_reason,
         PRODUCT_UNIT: Product.unit}

LEAD_SOURCES = ("walk_in", "phone", "line", "facebook", "website", "referral", "trade_show", "campaign")
DISQUALIFY_REASONS = (
    "ไม่มีงบประมาณ", "ไม่ใช่ผู้ตัดสินใจ", "ติดต่อไม่ได้", "ซื้อจากคู่แข่งแล้ว", "ข้อมูลซ้ำ/สแปม", "ไม่สนใจแล้ว",
)
LOSS_REASONS = ("ราคาสูงกว่าคู่แข่ง", "เลือกคู่แข่ง", "ยกเลิกโครงการ", "ไม่มีงบประมาณ", "ติดต่อไม่ได้")
PRODUCT_UNITS = ("ชิ้น", "ชุด", "กล่อง", "เครื่อง", "อัน", "แพ็ค", "ม้วน", "เมตร", "กิโลกรัม", "ลิตร", "ครั้ง", "เดือน")
DEFAULTS: dict[str, tuple[str, ...]] = {
    LEAD_SOURCE: LEAD_SOURCES,
    DISQUALIFY_REASON: DISQUALIFY_REASONS,
    LOSS_REASON: LOSS_REASONS,
    PRODUCT_UNIT: PRODUCT_UNITS,
}


def default_id(kind: str, value: str) -> str:
    return fixed_id("pick_list", f"{kind}:{value}")


def ensure_default_pick_lists(uow: UnitOfWork) -> int:
    """Add the default entries this database lacks; returns how many were added.

    Call inside `with uow:`; the caller commits. An entry a user removed stays removed (its
    tombstone is still there), so this is safe to run on every start.
    """
    wanted = {default_id(kind, value): (kind, value, pos)
              for kind, values in DEFAULTS.items() for pos, value in enumerate(values)}
    present = uow.pick_lists.present(wanted)
    added = 0
    for row_id, (kind, value, pos) in wanted.items():
        if row_id not in present:
            uow.pick_lists.add(PickList(id=row_id, kind=kind, value=value, position=pos))
            added += 1
    return added


def live_entries(uow: UnitOfWork, kind: str) -> list[PickList]:
    """The entries of one list, in their order (inside an open unit of work)."""
    stmt = (
        select(PickList)
        .where(PickList.kind == kind, PickList.deleted_at.is_(None))
        .order_by(PickList.position, PickList.value)
    )
    return list(uow.session.scalars(stmt))


def live_values(uow: UnitOfWork, kind: str) -> list[str]:
    return [entry.value for entry in live_entries(uow, kind)]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", "Unknown list {kind}.", kind=kind)


def add_pick_value(uow: UnitOfWork, kind: str, value: str) -> ChangeSet:
    """Add an entry at the end of a list; a removed entry with the same text comes back instead."""
    _check_kind(kind)
    text = validation.column_text(value, PickList.value)
    validation.optional_text(text, "value", rule_of(FEEDS[kind]).max_len)  # the records it is stored in
    with uow:
        same = [e for e in uow.session.scalars(select(PickList).where(PickList.kind == kind))
                if e.value.casefold() == text.casefold()]
        if any(e.deleted_at is None for e in same):
            raise ValidationError("value", "{value} is already in the list.", value=text)
        last = uow.session.scalar(
            select(func.max(PickList.position)).where(PickList.kind == kind, PickList.deleted_at.is_(None))
        )
        position = 0 if last is None else last + 1
        if same:
            entry = same[0]
            uow.pick_lists.restore(entry)
            entry.value, entry.position = text, position
            uow.commit()
            return change(ENTITY, created=(entry.id,))
        entry = uow.pick_lists.add(PickList(kind=kind, value=text, position=position))
        uow.commit()
    return change(ENTITY, created=(entry.id,))


def remove_pick_value(uow: UnitOfWork, entry_id: str) -> ChangeSet:
    """Remove an entry (soft: records that used it keep their text; Undo brings it back)."""
    return records.soft_delete(uow, lambda u: u.pick_lists, ENTITY, (entry_id,))


def restore_pick_value(uow: UnitOfWork, entry_id: str) -> ChangeSet:
    return records.restore(uow, lambda u: u.pick_lists, ENTITY, (entry_id,))


def move_pick_value(uow: UnitOfWork, entry_id: str, offset: int) -> ChangeSet:
    """Move an entry `offset` places (-1 up, +1 down), clamped to the list; renumbers the list 0..n-1."""
    with uow:
        entry = uow.pick_lists.get(entry_id)
        if entry is None:
            raise NotFound("The record was already deleted by someone else. Refresh the list.")
        entries = live_entries(uow, entry.kind)
        index = next(i for i, e in enumerate(entries) if e.id == entry_id)
        entries.insert(max(0, min(len(entries) - 1, index + offset)), entries.pop(index))
        changed = []
        for pos, e in enumerate(entries):
            if e.position != pos:
                e.position = pos
                changed.append(e.id)
        uow.commit()
    return change(ENTITY, updated=tuple(changed))
