"""Use cases of the anniversary calendar: custom yearly dates, "remind N days before" per kind, and
the greeting task or call for the customer's owner."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Anniversary
from crm_desktop.models.activity import (
    ANNIVERSARY_KINDS,
    ANNIVERSARY_REMIND_DAYS,
    ANNIVERSARY_REMIND_MAX,
    anniversary_remind_key,
)
from crm_desktop.services import records, validation
from crm_desktop.services.activities.edit import ENTITY as ACTIVITY
from crm_desktop.services.activities.edit import ActivityInput, plan_activity
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.formatting import BE_INPUT_FROM, BE_OFFSET

ENTITY = Entity.ANNIVERSARY
TITLE_MAX = 200
GREETING_KINDS = ("task", "call")


@dataclass
class CustomDateInput:
    """A custom yearly date as the form holds it: on one contact or one account."""

    title: str
    month: int
    day: int
    year: int | None = None  # when it started, if known: gives "married 10 years"
    contact_id: str | None = None
    account_id: str | None = None
    remind_days: int | None = None  # None: what the "custom" kind's setting says


def parse_year(text: str, field: str = "year") -> int | None:
    """A typed year, or None when left empty; years from 2400 on are Buddhist Era (2529 → 1986)."""
    text = text.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise ValidationError(field, "Enter the year with 4 digits, or leave it empty.")
    year = int(text)
    return year - BE_OFFSET if year >= BE_INPUT_FROM else year


def _remind(value: int, field: str) -> int:
    if not 0 <= value <= ANNIVERSARY_REMIND_MAX:
        raise ValidationError(field, "Remind from 0 to {max} days before.", max=ANNIVERSARY_REMIND_MAX)
    return value


def _yearly_date(month: int, day: int, year: int | None, today: date) -> None:
    """A day that exists in some year (29 February too), and not in the future when the year is given."""
    if not 1 <= month <= 12:
        raise ValidationError("month", "Choose a month from 1 to 12.")
    longest = calendar.monthrange(2024, month)[1]  # a leap year: 29 February exists
    if not 1 <= day <= longest:
        raise ValidationError("day", "{day}/{month} is not a real date: month {month} has {days} days.",
                              day=day, month=month, days=longest)
    if year is None:
        return
    if (month, day) == (2, 29) and not calendar.isleap(year):
        raise ValidationError("year", "{year} was not a leap year: it had no 29 February.", year=year)
    if year < validation.EARLIEST_YEAR:
        raise ValidationError("year", "A date before {year} is not accepted; check the year.",
                              year=validation.EARLIEST_YEAR)
    if date(year, month, day) > today:
        raise ValidationError("year", "This date is in the future.")


def clean_custom_date(uow: UnitOfWork, data: CustomDateInput, today: date) -> dict[str, object]:
    """The custom date's column values, validated; commits nothing (the form and the import share it)."""
    if bool(data.contact_id) == bool(data.account_id):
        raise ValidationError("title", "A custom date belongs to one contact or one account.")
    if data.contact_id and uow.contacts.get(data.contact_id) is None:
        raise NotFound("The contact was deleted by someone else. Refresh the list.")
    if data.account_id and uow.accounts.get(data.account_id) is None:
        raise NotFound("The account was deleted by someone else. Refresh the list.")
    _yearly_date(data.month, data.day, data.year, today)
    remind = data.remind_days
    if remind is None:
        remind = setting_days(uow, "custom")
    return {
        "kind": "custom",
        "title": validation.required_text(data.title, "title", TITLE_MAX),
        "month": data.month,
        "day": data.day,
        "year": data.year,
        "contact_id": data.contact_id or None,
        "account_id": data.account_id or None,
        "remind_days_before": _remind(remind, "remind_days"),
    }


def add_custom_date(uow: UnitOfWork, data: CustomDateInput, today: date) -> ChangeSet:
    with uow:
        row = uow.anniversaries.add(Anniversary(**clean_custom_date(uow, data, today)))
        uow.commit()
    return change(ENTITY, created=(row.id,))


def update_custom_date(uow: UnitOfWork, anniversary_id: str, data: CustomDateInput, today: date) -> ChangeSet:
    with uow:
        row = uow.anniversaries.get(anniversary_id)
        if row is None:
            raise NotFound("The date was deleted by someone else. Refresh the list.")
        for key, value in clean_custom_date(uow, data, today).items():
            setattr(row, key, value)
        uow.commit()
    return change(ENTITY, updated=(anniversary_id,))


def custom_date_input(uow: UnitOfWork, anniversary_id: str) -> CustomDateInput:
    """The stored date as form input, for the edit dialog."""
    with uow:
        row = uow.anniversaries.get(anniversary_id)
        if row is None:
            raise NotFound("The date was deleted by someone else. Refresh the list.")
        return CustomDateInput(row.title, row.month, row.day, row.year, row.contact_id, row.account_id,
                               row.remind_days_before)


def delete_custom_dates(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, attrgetter("anniversaries"), ENTITY, ids)


def restore_custom_dates(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("anniversaries"), ENTITY, ids)


def setting_days(uow: UnitOfWork, kind: str) -> int:
    """Days before a date of `kind` its reminder comes, as the settings say."""
    value = uow.settings.value(anniversary_remind_key(kind))
    return min(int(value), ANNIVERSARY_REMIND_MAX) if value.isdigit() else ANNIVERSARY_REMIND_DAYS


def set_remind_days(uow: UnitOfWork, days: Mapping[str, int]) -> ChangeSet:
    """Days before a birthday, a founding day and (for new custom dates) a custom date its reminder
    comes; all or nothing."""
    with uow:
        for kind, value in days.items():
            if kind not in ANNIVERSARY_KINDS:
                raise ValidationError(kind, "Unknown kind of date {value}.", value=kind)
            uow.settings.set_value(anniversary_remind_key(kind), str(_remind(value, kind)))
        uow.commit()
    return change(Entity.SETTING, updated=tuple(anniversary_remind_key(kind) for kind in days))


def _greeted(uow: UnitOfWork, target: str) -> tuple[str | None, str | None, str | None]:
    """(contact id, account id, owner id) of the customer an anniversary target names, read in the
    caller's transaction. The owner is the contact's (else its account's) or the account's, and the
    current user when nobody owns the customer."""
    kind, _, row_id = target.partition(":")
    if kind == "anniversary":
        row = uow.anniversaries.get(row_id)
        if row is None:
            raise NotFound("The date was deleted by someone else. Refresh the list.")
        contact_id, account_id = row.contact_id, row.account_id
    elif kind in ("contact", "account"):
        contact_id, account_id = (row_id, None) if kind == "contact" else (None, row_id)
    else:
        raise ValidationError("target", "Unknown kind of date {value}.", value=kind)
    owner = None
    if contact_id is not None:
        contact = uow.contacts.get(contact_id)
        if contact is None:
            raise NotFound("The contact was deleted by someone else. Refresh the list.")
        employer = uow.accounts.get(contact.account_id) if contact.account_id else None
        owner = contact.owner_id or (employer.owner_id if employer is not None else None)
    elif account_id is not None:
        account = uow.accounts.get(account_id)
        if account is None:
            raise NotFound("The account was deleted by someone else. Refresh the list.")
        owner = account.owner_id
    return contact_id, account_id, owner or uow.user_id


def create_greeting(uow: UnitOfWork, target: str, on: date, kind: str, subject: str) -> ChangeSet:
    """A greeting task or call on the anniversary's day (`on`) for the customer's owner, linked to the
    customer: one transaction reads the customer and plans the activity."""
    if kind not in GREETING_KINDS:
        raise ValidationError("kind", "Unknown kind of greeting {value}.", value=kind)
    with uow:
        contact_id, account_id, owner_id = _greeted(uow, target)
        # A call is on the day (the calendar's all-day band); a task is due that day.
        data = ActivityInput(kind=kind, subject=subject, all_day=kind == "call", due_on=on, owner_id=owner_id,
                             assignee_id=owner_id, contact_id=contact_id, account_id=account_id)
        row = plan_activity(uow, data)
        uow.commit()
    return change(ACTIVITY, created=(row.id,))
