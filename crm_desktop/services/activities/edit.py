"""Planning, changing, completing and handing over activities, one transaction per user action.

Times in `ActivityInput` are the office's wall-clock time (what the user typed or dragged); rows
store UTC. Acting on one occurrence of a series (`occurrence` = its office-local start) detaches it
into its own row, linked to the series, and makes the series skip that start (`ActivityException`),
so the change syncs as ordinary rows and no rule ever has to be rewritten for one day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Account, Activity, ActivityException, Contact, Lead, Opportunity, User, fixed_id
from crm_desktop.models.activity import ACTIVITY_KINDS, CLASH_DAYS_SETTING, PRIORITIES, REMIND_MAX_MINUTES
from crm_desktop.recurrence import (
    Recurrence,
    count_before,
    day_start,
    expand,
    last_before,
)
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.ACTIVITY
Scope = Literal["this", "following", "all"]
CLASH_DAYS_MAX = 60
LINKS = (("account_id", Account), ("contact_id", Contact), ("lead_id", Lead), ("opportunity_id", Opportunity))


@dataclass
class ActivityInput:
    """An activity as a form holds it. A timed activity has `starts_at` (and optionally `ends_at`);
    an all-day one, or a task with only a due date, has `due_on`."""

    kind: str = "task"
    subject: str = ""
    details: str = ""
    location: str = ""
    all_day: bool = False
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    due_on: date | None = None
    owner_id: str | None = None
    assignee_id: str | None = None
    priority: str = "normal"
    remind_minutes: int | None = None
    rrule: str = ""
    account_id: str | None = None
    contact_id: str | None = None
    lead_id: str | None = None
    opportunity_id: str | None = None

    @property
    def first_day(self) -> date | None:
        return self.starts_at.date() if self.starts_at is not None else self.due_on


def input_of(row: Activity) -> ActivityInput:
    """What the form shows for a stored activity (times in office time)."""
    return ActivityInput(
        kind=row.kind, subject=row.subject, details=row.notes, location=row.location, all_day=row.all_day,
        starts_at=office_time(row.starts_at) if row.starts_at is not None else None,
        ends_at=office_time(row.ends_at) if row.ends_at is not None else None,
        due_on=row.due_on, owner_id=row.owner_id, assignee_id=row.assignee_id, priority=row.priority,
        remind_minutes=row.remind_minutes, rrule=row.rrule, account_id=row.account_id,
        contact_id=row.contact_id, lead_id=row.lead_id, opportunity_id=row.opportunity_id,
    )


def activity_input(uow: UnitOfWork, activity_id: str) -> ActivityInput:
    """The form of a live activity, for editing."""
    with uow:
        return input_of(_live(uow, activity_id))


# --- checks ---------------------------------------------------------------------------------------


def _checked_times(data: ActivityInput) -> tuple[datetime | None, datetime | None, date | None]:
    """(starts_at, ends_at) in UTC and due_on, or a ValidationError naming the field."""
    if data.all_day:
        if data.starts_at is not None or data.ends_at is not None:
            raise ValidationError("starts_at", "An all-day activity has a date but no times.")
        if data.due_on is None:
            raise ValidationError("due_on", "Give the day of the all-day activity.")
        return None, None, data.due_on
    if data.starts_at is None:
        if data.ends_at is not None:
            raise ValidationError("ends_at", "An end needs a start.")
        return None, None, data.due_on
    if data.ends_at is not None and data.ends_at < data.starts_at:
        raise ValidationError("ends_at", "The end is before the start.")
    ends = utc_time(data.ends_at) if data.ends_at is not None else None
    return utc_time(data.starts_at), ends, None  # a timed activity's day is its start


def _checked_rule(data: ActivityInput) -> str:
    if not data.rrule.strip():
        return ""
    first = data.first_day
    if first is None:
        raise ValidationError("rrule", "A repeating activity needs a first date.")
    rule = Recurrence.parse(data.rrule)
    rule.check(first)
    return rule.text(first)


def _checked_reminder(data: ActivityInput) -> int | None:
    minutes = data.remind_minutes
    if minutes is None:
        return None
    if minutes < 0:
        raise ValidationError("remind_minutes", "A reminder comes before the activity, not after it.")
    if minutes > REMIND_MAX_MINUTES:
        raise ValidationError("remind_minutes", "A reminder can be at most {days} days before.",
                              days=REMIND_MAX_MINUTES // (24 * 60))
    if data.first_day is None:
        raise ValidationError("remind_minutes", "A reminder needs a date to remind of.")
    return minutes


def _person(uow: UnitOfWork, field: str, user_id: str | None, before: str | None) -> str | None:
    """A live person; an inactive one only if the record already had them (history stays)."""
    if user_id is None:
        return None
    person = uow.session.get(User, user_id)
    if person is None or person.deleted_at is not None:
        raise ValidationError(field, "The chosen person no longer exists.")
    if not person.active and user_id != before:
        raise ValidationError(field, "{name} is no longer active; choose someone else.", name=person.name)
    return user_id


def _link(uow: UnitOfWork, field: str, model: type, record_id: str | None, before: str | None) -> str | None:
    if record_id is None or record_id == before:
        return record_id
    found = uow.session.get(model, record_id)
    if found is None or found.deleted_at is not None:
        raise ValidationError(field, "The linked record was deleted meanwhile; choose another or none.")
    return record_id


def _apply(uow: UnitOfWork, row: Activity, data: ActivityInput) -> None:
    """Validate the whole form, then write it into `row` (nothing is written if any field fails)."""
    if data.kind not in ACTIVITY_KINDS:
        raise ValidationError("kind", "Choose a kind of activity.")
    if data.priority not in PRIORITIES:
        raise ValidationError("priority", "Choose a priority.")
    subject = validation.column_text(data.subject, Activity.subject)
    details = validation.column_text(data.details, Activity.notes, "details")
    location = validation.column_text(data.location, Activity.location)
    starts_at, ends_at, due_on = _checked_times(data)
    rule = _checked_rule(data)
    remind = _checked_reminder(data)
    owner = _person(uow, "owner_id", data.owner_id or row.owner_id or uow.user_id, row.owner_id)
    assignee = _person(uow, "assignee_id", data.assignee_id or owner, row.assignee_id)
    links = {field: _link(uow, field, model, getattr(data, field), getattr(row, field)) for field, model in LINKS}
    row.kind, row.subject, row.notes, row.location, row.all_day = data.kind, subject, details, location, data.all_day
    row.starts_at, row.ends_at, row.due_on = starts_at, ends_at, due_on
    row.rrule, row.remind_minutes, row.priority = rule, remind, data.priority
    row.owner_id, row.assignee_id = owner, assignee
    for field, value in links.items():
        setattr(row, field, value)


# --- series ---------------------------------------------------------------------------------------


def first_start(row: Activity) -> datetime | None:
    """A row's start in office time: its time, or midnight of its due date."""
    if row.starts_at is not None:
        return office_time(row.starts_at)
    return day_start(row.due_on) if row.due_on is not None else None


def _live(uow: UnitOfWork, activity_id: str) -> Activity:
    row = uow.activities.get(activity_id)
    if row is None:
        raise NotFound("The activity was deleted by someone else. Refresh the list.")
    return row


def _skipped(uow: UnitOfWork, series: Activity) -> set[datetime]:
    rows = uow.session.query(ActivityException.occurrence).filter(
        ActivityException.activity_id == series.id, ActivityException.deleted_at.is_(None))
    return {office_time(r[0]) for r in rows}


def _check_occurrence(uow: UnitOfWork, series: Activity, occurrence: datetime) -> datetime:
    first = first_start(series)
    if first is None or occurrence not in expand(series.rrule, first, occurrence, occurrence + timedelta(seconds=1),
                                                  _skipped(uow, series)):
        raise NotFound("This occurrence is no longer in the series. Refresh the calendar.")
    return first


def skip_occurrence(uow: UnitOfWork, series: Activity, occurrence: datetime) -> None:
    """The series no longer produces `occurrence` (office-local); one row per (series, start) on every copy."""
    stored = utc_time(occurrence)
    row_id = fixed_id("activity_exception", f"{series.id}|{stored.isoformat()}")
    found = uow.session.get(ActivityException, row_id)
    if found is None:
        uow.session.add(ActivityException(id=row_id, activity_id=series.id, occurrence=stored))
    elif found.deleted_at is not None:
        found.deleted_at = None


def _fixed_row(uow: UnitOfWork, kind: str, series: Activity, occurrence: datetime) -> Activity:
    """The row for what happens to a series at one start, with an id fixed by (series, start): two
    copies acting on the same occurrence offline edit one row (merged field by field), never two."""
    row_id = fixed_id(kind, f"{series.id}|{utc_time(occurrence).isoformat()}")
    row = uow.session.get(Activity, row_id) or Activity(id=row_id)  # the caller adds it once filled in
    row.deleted_at = None
    return row


def _detach(uow: UnitOfWork, series: Activity, occurrence: datetime) -> Activity:
    """Make one occurrence of a series its own row (same content, its own start), skipped by the series."""
    first = _check_occurrence(uow, series, occurrence)
    shift = occurrence - first
    row = _fixed_row(uow, "activity_occurrence", series, occurrence)
    for name in ("kind", "subject", "notes", "location", "all_day", "priority", "remind_minutes", "owner_id",
                 "assignee_id", "account_id", "contact_id", "lead_id", "opportunity_id", "case_id"):
        setattr(row, name, getattr(series, name))
    row.status, row.rrule, row.series_id, row.occurrence = "planned", "", series.id, utc_time(occurrence)
    row.starts_at = series.starts_at + shift if series.starts_at is not None else None
    row.ends_at = series.ends_at + shift if series.ends_at is not None else None
    row.due_on = series.due_on + shift if series.due_on is not None and series.starts_at is None else None
    skip_occurrence(uow, series, occurrence)
    return uow.activities.add(row)


def _target(uow: UnitOfWork, activity_id: str, occurrence: datetime | None) -> tuple[Activity, tuple[str, ...]]:
    """The row to act on: the activity, or the occurrence of a series detached into its own row.
    Also the ids created on the way (for the `ChangeSet`)."""
    row = _live(uow, activity_id)
    if not row.rrule:
        return row, ()
    if occurrence is None:
        raise DomainError("Choose which occurrence of the series this is about.")
    detached = _detach(uow, row, occurrence)
    uow.session.flush()
    return detached, (detached.id,)


def _end_before(uow: UnitOfWork, series: Activity, occurrence: datetime) -> Recurrence:
    """Cut the series so that its last start comes before `occurrence`; returns the rule it had."""
    first = _check_occurrence(uow, series, occurrence)
    rule = Recurrence.parse(series.rrule)
    last = last_before(series.rrule, first, occurrence)
    if last is None:
        raise DomainError("This is the first occurrence: change the whole series instead.")
    if rule.count:
        kept = replace(rule, count=count_before(rule, first, occurrence))
    else:
        kept = replace(rule, until=last.date())
    series.rrule = kept.text(first.date())
    return rule


# --- use cases ------------------------------------------------------------------------------------


def create_activity(uow: UnitOfWork, data: ActivityInput) -> ChangeSet:
    with uow:
        row = plan_activity(uow, data)
        uow.commit()
    return change(ENTITY, created=(row.id,))


def plan_activity(uow: UnitOfWork, data: ActivityInput, *, row_id: str | None = None) -> Activity:
    """Add an activity inside the caller's open transaction (a greeting planned from what it just
    read), checked as `create_activity` checks it; the caller commits. `row_id`: an id fixed by
    where the activity comes from (an imported calendar event's UID), so importing it again finds it."""
    row = Activity(status="planned") if row_id is None else Activity(id=row_id, status="planned")
    _apply(uow, row, data)
    uow.activities.add(row)
    return row


def revise_activity(uow: UnitOfWork, row: Activity, data: ActivityInput) -> None:
    """Write the form into a live row inside the caller's open transaction (an import's update),
    checked as `update_activity` checks a whole series; the caller commits."""
    _apply(uow, row, data)


def update_activity(uow: UnitOfWork, activity_id: str, data: ActivityInput, scope: Scope = "all",
                    occurrence: datetime | None = None) -> ChangeSet:
    """Save the form. For a series opened at `occurrence`: "this" changes that occurrence alone,
    "following" starts a new series there (the old one ends before it), "all" moves the whole series
    by the change made to this occurrence."""
    with uow:
        changes = _update(uow, _live(uow, activity_id), data, scope, occurrence)
        uow.commit()
    return changes


def _update(uow: UnitOfWork, row: Activity, data: ActivityInput, scope: Scope,
            occurrence: datetime | None) -> ChangeSet:
    if not row.rrule or occurrence is None:
        _apply(uow, row, data)
        return change(ENTITY, updated=(row.id,))
    first = _check_occurrence(uow, row, occurrence)
    if scope == "this":
        detached = _detach(uow, row, occurrence)
        _apply(uow, detached, replace(data, rrule=""))
        uow.session.flush()
        return change(ENTITY, created=(detached.id,), updated=(row.id,))
    if scope == "following" and occurrence != first:
        old_rule = _end_before(uow, row, occurrence)
        if not data.rrule or Recurrence.parse(data.rrule) == old_rule:  # the same rule goes on: keep its count
            rest = old_rule.count - count_before(old_rule, first, occurrence) if old_rule.count else None
            data = replace(data, rrule=replace(old_rule, count=rest).text(data.first_day))
        new = _fixed_row(uow, "activity_split", row, occurrence)
        new.status = "planned"
        _apply(uow, new, data)
        uow.activities.add(new)
        uow.session.flush()
        return change(ENTITY, created=(new.id,), updated=(row.id,))
    _apply(uow, row, _shifted_to_series(data, occurrence, first))
    return change(ENTITY, updated=(row.id,))


def _shifted_to_series(data: ActivityInput, occurrence: datetime, first: datetime) -> ActivityInput:
    """The form of one occurrence applied to the whole series: its start moves by what this one moved."""
    back = occurrence - first
    return replace(
        data,
        starts_at=data.starts_at - back if data.starts_at is not None else None,
        ends_at=data.ends_at - back if data.ends_at is not None else None,
        due_on=data.due_on - timedelta(days=back.days) if data.due_on is not None else None,
    )


def move_activity(uow: UnitOfWork, activity_id: str, starts_at: datetime | None, ends_at: datetime | None,
                  occurrence: datetime | None = None, scope: Scope = "this", *,
                  due_on: date | None = None) -> ChangeSet:
    """A drag on the calendar: new start and end (office time), or a new day (`due_on`) for an
    all-day activity or a task."""
    with uow:
        row = _live(uow, activity_id)
        data = input_of(row)
        if due_on is not None:
            data = replace(data, starts_at=None, ends_at=None, due_on=due_on)
        else:
            data = replace(data, starts_at=starts_at, ends_at=ends_at, due_on=None, all_day=False)
        changes = _update(uow, row, data, scope, occurrence)
        uow.commit()
    return changes


def _set_status(uow: UnitOfWork, activity_id: str, occurrence: datetime | None, status: str,
                outcome: str | None = None, follow_up: ActivityInput | None = None) -> ChangeSet:
    with uow:
        row, created = _target(uow, activity_id, occurrence)
        row.status = status
        if outcome is not None:
            row.outcome = validation.column_text(outcome, Activity.outcome)
        if follow_up is not None:
            nxt = Activity(status="planned")
            _apply(uow, nxt, follow_up)
            uow.activities.add(nxt)
            uow.session.flush()
            created += (nxt.id,)
        uow.commit()
    return change(ENTITY, created=created, updated=(activity_id,))


def complete_activity(uow: UnitOfWork, activity_id: str, outcome: str, occurrence: datetime | None = None,
                      follow_up: ActivityInput | None = None) -> ChangeSet:
    """Mark done with what came of it; `follow_up` plans the next step in the same transaction."""
    return _set_status(uow, activity_id, occurrence, "done", outcome, follow_up)


def cancel_activity(uow: UnitOfWork, activity_id: str, occurrence: datetime | None = None) -> ChangeSet:
    return _set_status(uow, activity_id, occurrence, "cancelled")


def reopen_activity(uow: UnitOfWork, activity_id: str) -> ChangeSet:
    return _set_status(uow, activity_id, None, "planned")


def hand_over(uow: UnitOfWork, activity_id: str, assignee_id: str, note: str,
              occurrence: datetime | None = None) -> ChangeSet:
    """Give the activity (or one occurrence) to a colleague; the note stays in its history."""
    with uow:
        row, created = _target(uow, activity_id, occurrence)
        if assignee_id == row.assignee_id:
            raise ValidationError("assignee_id", "Choose someone other than the person it is with now.")
        row.assignee_id = _person(uow, "assignee_id", assignee_id, None)
        row.handover_note = validation.column_text(note, Activity.handover_note)
        uow.commit()
    return change(ENTITY, created=created, updated=(activity_id,))


def delete_activity(uow: UnitOfWork, activity_id: str, scope: Scope = "all",
                    occurrence: datetime | None = None) -> ChangeSet:
    """Delete an activity, a series, one occurrence ("this") or the rest of a series ("following")."""
    with uow:
        row = _live(uow, activity_id)
        if row.rrule and occurrence is not None and scope != "all":
            first = _check_occurrence(uow, row, occurrence)
            if scope == "this":
                skip_occurrence(uow, row, occurrence)
                uow.commit()
                return change(ENTITY, updated=(row.id,))
            if occurrence != first:
                _end_before(uow, row, occurrence)
                uow.commit()
                return change(ENTITY, updated=(row.id,))
        uow.activities.soft_delete(row, uow.now())
        uow.commit()
    return change(ENTITY, deleted=(row.id,))


def restore_activities(uow: UnitOfWork, ids: tuple[str, ...]) -> ChangeSet:
    return records.restore(uow, lambda u: u.activities, ENTITY, ids)  # type: ignore[arg-type,return-value]


def set_clash_days(uow: UnitOfWork, days: int) -> ChangeSet:
    """How many days around a planned activity count as "someone else is already on this customer"."""
    if not 0 <= days <= CLASH_DAYS_MAX:
        raise ValidationError("clash_days", "Choose 0 to {most} days.", most=CLASH_DAYS_MAX)
    with uow:
        uow.settings.set_value(CLASH_DAYS_SETTING, str(days))
        uow.commit()
    return change(Entity.SETTING, updated=(CLASH_DAYS_SETTING,))
