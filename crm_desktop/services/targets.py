"""Sales targets per rep and month, with the commission rate earned on what they win."""

from __future__ import annotations

import re

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Target, fixed_id
from crm_desktop.models.planning import MAX_COMMISSION_BP as MAX_COMMISSION_BP  # for the targets dialog
from crm_desktop.models.planning import MONTH
from crm_desktop.models.rules import rule_of
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.opportunities import amount
from crm_desktop.text import ascii_digits

ENTITY = Entity.TARGET
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def target_id(owner_id: str, month: str) -> str:
    """One target per rep and month on every copy: two copies setting it edit the same row."""
    return fixed_id("target", f"{owner_id}:{month}")


def month_key(value: str, field: str = "month") -> str:
    """"YYYY-MM" (Gregorian year; a Buddhist-era year such as 2569 is refused, not guessed)."""
    text = ascii_digits(value).strip()
    found = _MONTH.fullmatch(text)
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise ValidationError(field, "Enter a month as YYYY-MM, for example 2026-11.")
    if re.fullmatch(MONTH, text) is None:  # the column's rule: years 2000 to 2200
        raise ValidationError(field, "Write the year of {month} in the Christian era, for example 2026-11.",
                              month=text)
    return text


def commission_rate(value: object, field: str = "commission_bp") -> int:
    """Commission in basis points (1 % = 100), 0 to 10000."""
    if not rule_of(Target.commission_bp).allows_number(value):
        raise ValidationError(field, "A commission rate is between 0 % and 100 %.")
    return value


def set_target(uow: UnitOfWork, owner_id: str, month: str, amount_satang: int, commission_bp: int) -> ChangeSet:
    """Create or replace the target of `owner_id` for `month` ("YYYY-MM")."""
    with uow:
        if not owner_id or uow.users.get(owner_id) is None:
            raise ValidationError("owner_id", "The chosen owner no longer exists.")
        month = month_key(month)
        values = {"amount_satang": amount(amount_satang), "commission_bp": commission_rate(commission_bp)}
        row_id = target_id(owner_id, month)
        target = uow.targets.get(row_id, include_deleted=True)
        if target is None:
            uow.targets.add(Target(id=row_id, owner_id=owner_id, month=month, **values))
            uow.commit()
            return change(ENTITY, created=(row_id,))
        was_deleted = target.deleted_at is not None
        if was_deleted:
            uow.targets.restore(target)
        for key, value in values.items():
            setattr(target, key, value)
        uow.commit()
    return change(ENTITY, created=(row_id,)) if was_deleted else change(ENTITY, updated=(row_id,))


def delete_target(uow: UnitOfWork, owner_id: str, month: str) -> ChangeSet:
    with uow:
        row_id = target_id(owner_id, month_key(month))
        target = uow.targets.get(row_id)
        if target is None:
            raise NotFound("The record was already deleted by someone else. Refresh the list.")
        uow.targets.soft_delete(target, uow.now())
        uow.commit()
    return change(ENTITY, deleted=(row_id,))
