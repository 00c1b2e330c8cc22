"""The reminders due for a person, and the next moment one falls due (so the app sets one timer).

A reminder belongs to one occurrence of an activity the person is the assignee of, and falls due
`remind_minutes` before it (an all-day activity or a task: before `DAY_START` office time of its
day). It is named by a key, (target, occurs_at): "activity:<id>" and the occurrence's reference
moment in UTC. An occurrence that left its series keeps the series' target, so editing it without
moving it never announces it a second time, and moving it announces it once at its new time; a
key no current occurrence has (the activity moved, was done, handed over, deleted) is ignored, so
an old snooze never fires again. What the person did with it, snoozed or dismissed, is the
`Reminder` row of that key (services/activities/reminders.py); a dismissed one is gone, a snoozed
one falls due at its snooze time instead.

The scan reads, through partial covering indexes of the activities that have a reminder (migration
0011), the person's planned activities starting up to `REMIND_MAX_MINUTES` after the window's end,
picks those whose reminder falls in the window, and only then reads their state and details.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Connection, RowMapping, or_, select

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.models import Activity, ActivityException, Reminder
from crm_desktop.models.activity import REMIND_MAX_MINUTES, reminder_id
from crm_desktop.queries.activities.occurrences import activity_row
from crm_desktop.queries.listing import rowid
from crm_desktop.recurrence import DAY_START, day_start, expand

REMIND_MAX = timedelta(minutes=REMIND_MAX_MINUTES)
LOOK_AHEAD = timedelta(days=1)  # the timer never waits longer than this without scanning again


@dataclass(frozen=True)
class DueReminder:
    """One reminder to show. `activity_id` and `occurrence` (office-local start of a series
    occurrence, else None) are what the activity form opens; times are naive UTC."""

    target: str
    occurs_at: datetime
    remind_at: datetime
    due_at: datetime  # the snooze time of a snoozed reminder, else remind_at
    snoozed: bool
    activity_id: str
    occurrence: datetime | None
    kind: str
    subject: str
    location: str
    all_day: bool
    customer: str

    @property
    def key(self) -> tuple[str, datetime]:
        return self.target, self.occurs_at


@dataclass(frozen=True)
class ReminderScan:
    """`due`: reminders falling due in the window, oldest first. `next_at`: when to look again,
    the next moment one falls due after the window, or the window's end plus LOOK_AHEAD."""

    due: list[DueReminder]
    next_at: datetime


@dataclass(frozen=True)
class _Occurrence:
    target: str
    occurs_at: datetime
    remind_at: datetime
    activity_id: str
    occurrence: datetime | None

    @property
    def key(self) -> tuple[str, datetime]:
        return self.target, self.occurs_at


def _reference(starts_at: datetime | None, due_on: date | None) -> datetime:
    """The moment a reminder counts back from (UTC): the start, or DAY_START of the due date."""
    if starts_at is not None:
        return starts_at
    assert due_on is not None  # rows with a reminder have a date (the form refuses one without)
    return utc_time(datetime.combine(due_on, DAY_START))


def _mine(user_id: str) -> tuple[ColumnElement[bool], ...]:
    """The person's planned live activities with a reminder (the terms the partial indexes need)."""
    return (Activity.assignee_id == user_id, Activity.status == "planned", Activity.remind_minutes.is_not(None),
            Activity.deleted_at.is_(None))


def _one_off_hits(conn: Connection, user_id: str, lo: datetime, hi: datetime) -> list[tuple[int, datetime, int]]:
    """(rowid, reference, minutes) of the person's activities whose reminder falls in (lo, hi]:
    their reference lies in (lo, hi + REMIND_MAX]; two range scans of covering indexes, no table read."""
    act = Activity.__table__
    top = hi + REMIND_MAX
    timed = select(rowid(act), Activity.starts_at, Activity.remind_minutes).where(
        *_mine(user_id), Activity.starts_at > lo, Activity.starts_at <= top)
    found = [tuple(r) for r in conn.execute(timed)]
    first, last = office_time(lo).date() - timedelta(days=1), office_time(top).date() + timedelta(days=1)
    dated = select(rowid(act), Activity.due_on, Activity.remind_minutes).where(
        *_mine(user_id), Activity.due_on >= first, Activity.due_on <= last)
    found += [(key, _reference(None, day), minutes) for key, day, minutes in conn.execute(dated)]
    return [(key, moment, minutes) for key, moment, minutes in found
            if lo < moment - timedelta(minutes=minutes) <= hi]


def _one_offs(conn: Connection, hits: list[tuple[int, datetime, int]]) -> list[_Occurrence]:
    """The hits as occurrences; one that left its series is named by the series (see the module)."""
    act = Activity.__table__
    rows: dict[int, tuple[str, str | None, str]] = {}
    keys = [key for key, _, _ in hits]
    for chunk in range(0, len(keys), 500):
        stmt = select(rowid(act), Activity.id, Activity.series_id, Activity.rrule).where(
            rowid(act).in_(keys[chunk:chunk + 500]))
        rows.update((key, (row_id, series_id, rule)) for key, row_id, series_id, rule in conn.execute(stmt))
    found = []
    for key, moment, minutes in hits:
        row_id, series_id, rule = rows[key]
        if not rule:  # a series row's own start is its first occurrence: expanded with the series
            found.append(_Occurrence(f"activity:{series_id or row_id}", moment, moment - timedelta(minutes=minutes),
                                     row_id, None))
    return found


def _series(conn: Connection, user_id: str, series_ids: list[str] | None = None) -> list[RowMapping]:
    """The person's planned series with a reminder (all of them, or those among `series_ids`)."""
    stmt = select(Activity.id, Activity.starts_at, Activity.due_on, Activity.rrule, Activity.remind_minutes).where(
        Activity.rrule != "", *_mine(user_id))
    if series_ids is not None:
        stmt = stmt.where(Activity.id.in_(series_ids))
    return list(conn.execute(stmt).mappings())


def _series_occurrences(conn: Connection, series: list[RowMapping], lo: datetime, hi: datetime) -> list[_Occurrence]:
    """The occurrences of these series whose reminder falls in (lo, hi], minus their exceptions."""
    if not series:
        return []
    skipped: dict[str, set[datetime]] = defaultdict(set)
    stmt = select(ActivityException.activity_id, ActivityException.occurrence).where(
        ActivityException.activity_id.in_([s["id"] for s in series]), ActivityException.deleted_at.is_(None))
    for series_id, moment in conn.execute(stmt):
        skipped[series_id].add(office_time(moment))
    tick = timedelta(microseconds=1)
    found = []
    for s in series:
        before = timedelta(minutes=s["remind_minutes"])
        if s["starts_at"] is not None:
            first, shift = office_time(s["starts_at"]), timedelta(0)
        else:  # an all-day series expands at midnight; its reminders count back from DAY_START
            first = day_start(s["due_on"])
            shift = datetime.combine(first.date(), DAY_START) - first
        start, end = office_time(lo + before) - shift + tick, office_time(hi + before) - shift + tick
        for moment in expand(s["rrule"], first, start, end, skipped[s["id"]]):
            occurs_at = utc_time(moment + shift)
            found.append(_Occurrence(f"activity:{s['id']}", occurs_at, occurs_at - before, s["id"], moment))
    return found


def _occurrences(conn: Connection, user_id: str, lo: datetime, hi: datetime) -> list[_Occurrence]:
    """Every reminder of the person whose moment falls in (lo, hi], whatever its state."""
    return (_one_offs(conn, _one_off_hits(conn, user_id, lo, hi))
            + _series_occurrences(conn, _series(conn, user_id), lo, hi))


Key = tuple[str, datetime]


def _current(conn: Connection, user_id: str, keys: set[Key]) -> dict[Key, _Occurrence]:
    """The occurrences that still have these keys (a snoozed reminder's activity may have moved,
    been done, handed over or deleted since: then its key has no occurrence any more)."""
    ids = sorted({target.partition(":")[2] for target, _ in keys if target.startswith("activity:")})
    if not ids:
        return {}
    found: dict[Key, _Occurrence] = {}
    rows = select(Activity.id, Activity.series_id, Activity.starts_at, Activity.due_on, Activity.remind_minutes).where(
        Activity.rrule == "", or_(Activity.id.in_(ids), Activity.series_id.in_(ids)), *_mine(user_id))
    for row_id, series_id, starts_at, due_on, minutes in conn.execute(rows):
        moment = _reference(starts_at, due_on)
        item = _Occurrence(f"activity:{series_id or row_id}", moment, moment - timedelta(minutes=minutes), row_id, None)
        found[item.key] = item
    for s in _series(conn, user_id, ids):
        for target, occurs_at in keys:
            if target == f"activity:{s['id']}":
                at = occurs_at - timedelta(minutes=s["remind_minutes"])
                for item in _series_occurrences(conn, [s], at - timedelta(microseconds=1), at):
                    found[item.key] = item
    return {key: item for key, item in found.items() if key in keys}


def _states(conn: Connection, user_id: str, items: Iterable[_Occurrence]) -> dict[str, tuple[datetime | None, bool]]:
    """(snoozed until, dismissed) of the person's Reminder rows for these occurrences, by id."""
    ids = [reminder_id(i.target, i.occurs_at, user_id) for i in items]
    states = {}
    for chunk in range(0, len(ids), 500):
        stmt = select(Reminder.id, Reminder.snoozed_until, Reminder.dismissed_at).where(
            Reminder.id.in_(ids[chunk:chunk + 500]), Reminder.deleted_at.is_(None))
        states.update((row_id, (snoozed, dismissed is not None)) for row_id, snoozed, dismissed in conn.execute(stmt))
    return states


def _snoozed(conn: Connection, user_id: str, lo: datetime, hi: datetime) -> dict[tuple[str, datetime], datetime]:
    """The person's reminders snoozed until a moment in (lo, hi], by key."""
    stmt = select(Reminder.target, Reminder.occurs_at, Reminder.snoozed_until).where(
        Reminder.user_id == user_id, Reminder.snoozed_until.is_not(None), Reminder.snoozed_until > lo,
        Reminder.snoozed_until <= hi, Reminder.dismissed_at.is_(None), Reminder.deleted_at.is_(None))
    return {(target, occurs_at): until for target, occurs_at, until in conn.execute(stmt)}


def scan_reminders(db: Database, user_id: str, since: datetime, until: datetime) -> ReminderScan:
    """The person's reminders falling due in (since, until] (not dismissed; a snoozed one at its snooze
    time) and when the next one falls due. Reads the activities starting up to REMIND_MAX after the
    window (plus LOOK_AHEAD), through the partial indexes; details only for what is due."""
    horizon = until + LOOK_AHEAD
    with db.engine.connect() as conn:
        items = _occurrences(conn, user_id, since, horizon)
        states = _states(conn, user_id, items)
        due: dict[tuple[str, datetime], tuple[_Occurrence, datetime, bool]] = {}
        upcoming = [horizon]
        for item in items:
            snoozed, dismissed = states.get(reminder_id(item.target, item.occurs_at, user_id), (None, False))
            if dismissed or snoozed is not None:
                continue  # a snoozed one falls due at its snooze time, found below
            if item.remind_at <= until:
                due[item.key] = (item, item.remind_at, False)
            else:
                upcoming.append(item.remind_at)
        snoozes = _snoozed(conn, user_id, since, horizon)
        for key, item in _current(conn, user_id, set(snoozes)).items():
            if snoozes[key] <= until:
                due[key] = (item, snoozes[key], True)
            else:
                upcoming.append(snoozes[key])
    found = [_due(db, item, at, snoozed) for item, at, snoozed in due.values()]
    return ReminderScan(sorted((d for d in found if d is not None), key=lambda d: (d.due_at, d.occurs_at, d.subject)),
                        min(upcoming))


def _due(db: Database, item: _Occurrence, due_at: datetime, snoozed: bool) -> DueReminder | None:
    row = activity_row(db, item.activity_id)
    if row is None:
        return None
    return DueReminder(item.target, item.occurs_at, item.remind_at, due_at, snoozed, item.activity_id,
                       item.occurrence, row.kind, row.subject, row.location, row.all_day, row.customer)
