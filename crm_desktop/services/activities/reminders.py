"""What a person does with a reminder: snooze it or dismiss it, and how far back "missed" reaches.

Each action is one transaction writing the person's `Reminder` row of that occurrence, whose id is
fixed by (target, occurrence, person): the same row on every copy, so after a sync a dismissal made
on one copy dismisses on all of them (last writer wins per field; a dismissal stays a dismissal
even if another copy snoozed the same reminder before they synced). Nothing else is kept: the
reminders shown are recomputed from the activities and these rows, so they survive a restart.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import Literal

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError
from crm_desktop.models import Reminder
from crm_desktop.models.activity import reminder_id
from crm_desktop.services.changes import ChangeSet, Entity, change

Snooze = Literal["5min", "1h", "tomorrow"]
SNOOZES: tuple[Snooze, ...] = ("5min", "1h", "tomorrow")
TOMORROW_AT = time(9, 0)  # "tomorrow" means 09:00 office time
MISSED_MAX = timedelta(days=30)  # the most "missed while the app was closed" reaches back
SEEN_KEY = "reminders_seen:{user}"  # LocalState: up to when this person was shown reminders on this copy

ReminderKey = tuple[str, datetime]  # (target, occurs_at UTC), as queries.activities.reminders names them


def snooze_until(choice: Snooze, now: datetime) -> datetime:
    """When a reminder snoozed now with `choice` comes back (UTC)."""
    if choice == "5min":
        return now + timedelta(minutes=5)
    if choice == "1h":
        return now + timedelta(hours=1)
    return utc_time(datetime.combine(office_time(now).date() + timedelta(days=1), TOMORROW_AT))


def _rows(uow: UnitOfWork, user_id: str, keys: Iterable[ReminderKey]) -> list[Reminder]:
    """The person's Reminder rows of these occurrences, created where missing."""
    rows = []
    for target, occurs_at in dict.fromkeys(keys):
        row_id = reminder_id(target, occurs_at, user_id)
        row = uow.session.get(Reminder, row_id)
        if row is None:
            row = Reminder(id=row_id, target=target, occurs_at=occurs_at, user_id=user_id)
            uow.session.add(row)
        row.deleted_at = None
        rows.append(row)
    return rows


def snooze_reminders(uow: UnitOfWork, user_id: str, keys: Iterable[ReminderKey], until: datetime) -> ChangeSet:
    """Hide these reminders until `until` (UTC), when they fall due again."""
    with uow:
        if until <= uow.now():
            raise DomainError("Snooze until a later time.")
        rows = _rows(uow, user_id, keys)
        for row in rows:
            row.snoozed_until, row.dismissed_at = until, None
        uow.commit()
    return change(Entity.REMINDER, updated=tuple(r.id for r in rows))


def dismiss_reminders(uow: UnitOfWork, user_id: str, keys: Iterable[ReminderKey]) -> ChangeSet:
    """Dismiss these reminders for this person, here and, after a sync, on every copy."""
    with uow:
        now = uow.now()
        rows = _rows(uow, user_id, keys)
        for row in rows:
            row.dismissed_at, row.snoozed_until = now, None
        uow.commit()
    return change(Entity.REMINDER, updated=tuple(r.id for r in rows))


def missed_since(db: Database, user_id: str, now: datetime) -> datetime:
    """Where the reminders to list at start begin: when this person was last shown reminders on
    this copy, at most MISSED_MAX ago; now on a copy they never used (nothing was missed there)."""
    seen = db.local(SEEN_KEY.format(user=user_id))
    if seen is None:
        return now
    return min(max(datetime.fromisoformat(seen), now - MISSED_MAX), now)


def mark_seen(db: Database, user_id: str, moment: datetime) -> None:
    """This person has been shown every reminder due up to `moment` on this copy (a setting of the
    copy, not synced: another copy may have been closed meanwhile). A copy opened read only (a
    benchmark on the demo, a file looked at) keeps no such note: it lists the same reminders as missed
    next time, and a write that fails on a writable copy still raises."""
    if db.read_only:
        return
    db.set_local(SEEN_KEY.format(user=user_id), moment.isoformat())
