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
0012), the person's planned activities starting up to `REMIND_MAX_MINUTES` after the window's end,
picks those whose reminder falls in the window, and only then reads their state and details.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, RowMapping, bindparam, or_, select

from crm_desktop.clock import epoch_ms, office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.db.spelling import inline, rowid
from crm_desktop.db.times import epoch_seconds
from crm_desktop.models import Activity, ActivityException, Anniversary, Reminder
from crm_desktop.models.activity import REMIND_MAX_MINUTES, reminder_id
from crm_desktop.queries.activities.occurrences import Occurrence as ActivityOccurrence
from crm_desktop.queries.activities.occurrences import activity_rows
from crm_desktop.queries.anniversaries import AnniversaryRow, anniversaries_between, remind_days
from crm_desktop.recurrence import DAY_START, day_start, expand

REMIND_MAX = timedelta(minutes=REMIND_MAX_MINUTES)
LOOK_AHEAD = timedelta(days=1)  # the timer never waits longer than this without scanning again
# A due date reminds from DAY_START office time: this many seconds after its midnight in UTC.
_DAY_START_SECONDS = (utc_time(datetime.combine(date(2000, 1, 1), DAY_START)) - datetime(2000, 1, 1)).seconds


@dataclass(frozen=True)
class DueReminder:
    """One reminder to show. `activity_id` and `occurrence` (office-local start of a series
    occurrence, else None) are what the activity form opens; an anniversary's reminder has no
    activity but its `anniversary` row instead. Times are naive UTC."""

    target: str
    occurs_at: datetime
    remind_at: datetime
    due_at: datetime  # the snooze time of a snoozed reminder, else remind_at
    snoozed: bool
    activity_id: str | None
    occurrence: datetime | None
    kind: str  # an activity's kind, or an anniversary's (birthday, founding, custom)
    subject: str
    location: str
    all_day: bool
    customer: str
    record: tuple[str, str] | None  # the customer's record to open: (account, contact, lead or opportunity, id)
    anniversary: AnniversaryRow | None = None

    @property
    def key(self) -> tuple[str, datetime]:
        return self.target, self.occurs_at


@dataclass(frozen=True)
class ReminderScan:
    """`due`: reminders falling due in the window, oldest first. `next_at`: when to look again, the
    next moment one falls due after the window, at the latest the next DAY_START office time (when
    anniversaries fall due)."""

    due: list[DueReminder]
    next_at: datetime


@dataclass(frozen=True)
class _Occurrence:
    target: str
    occurs_at: datetime
    remind_at: datetime
    activity_id: str | None
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


# The scan's statements, built once (building them cost more than running them): the person's
# planned live activities with a reminder, in the terms the partial indexes' conditions need.
_MINE = (Activity.assignee_id == bindparam("user"), Activity.status == "planned",
         Activity.remind_minutes.is_not(None), Activity.deleted_at.is_(None))
_REMIND = Activity.remind_minutes * 60
_TIMED = select(rowid(Activity.__table__), Activity.starts_at, Activity.remind_minutes).where(
    *_MINE, Activity.starts_at > bindparam("lo"), Activity.starts_at <= bindparam("top"),
    (epoch_seconds(Activity.starts_at) - _REMIND).between(bindparam("first"), bindparam("last")))
_DATED = select(rowid(Activity.__table__), Activity.due_on, Activity.remind_minutes).where(
    *_MINE, Activity.due_on >= bindparam("lo_day"), Activity.due_on <= bindparam("top_day"),
    (epoch_seconds(Activity.due_on) + _DAY_START_SECONDS - _REMIND).between(bindparam("first"), bindparam("last")))
_SERIES = select(Activity.id, Activity.starts_at, Activity.due_on, Activity.rrule, Activity.remind_minutes).where(
    Activity.rrule != inline(""), *_MINE)  # spelt as in the partial index's condition
_SNOOZED = select(Reminder.target, Reminder.occurs_at, Reminder.snoozed_until).where(
    Reminder.user_id == bindparam("user"), Reminder.snoozed_until.is_not(None),
    Reminder.snoozed_until > bindparam("lo"), Reminder.snoozed_until <= bindparam("hi"),
    Reminder.dismissed_at.is_(None), Reminder.deleted_at.is_(None))


def _one_off_hits(conn: Connection, user_id: str, lo: datetime, hi: datetime) -> list[tuple[int, datetime, int]]:
    """(rowid, reference, minutes) of the person's activities whose reminder falls in (lo, hi]:
    their reference lies in (lo, hi + REMIND_MAX], two range scans of covering indexes (no table
    read) in which SQLite keeps only the rows whose reminder lies within a second of the window;
    the exact test is done here."""
    top = hi + REMIND_MAX
    bounds = {"user": user_id, "first": epoch_ms(lo) // 1000 - 1, "last": epoch_ms(hi) // 1000 + 1}
    found = [tuple(r) for r in conn.execute(_TIMED, {**bounds, "lo": lo, "top": top})]
    day = timedelta(days=1)
    days = {"lo_day": office_time(lo).date() - day, "top_day": office_time(top).date() + day}
    found += [(key, _reference(None, day), minutes) for key, day, minutes in conn.execute(_DATED, {**bounds, **days})]
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
    stmt = _SERIES if series_ids is None else _SERIES.where(Activity.id.in_(series_ids))
    return list(conn.execute(stmt, {"user": user_id}).mappings())


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


def _free(conn: Connection, user_id: str, items: list[_Occurrence]) -> list[_Occurrence]:
    """Those of these reminders the person neither dismissed nor snoozed (a snoozed one falls due at
    its snooze time instead, see `_snoozed`)."""
    states = _states(conn, user_id, items)
    return [i for i in items if states.get(reminder_id(i.target, i.occurs_at, user_id), (None, False)) == (None, False)]


def _next_free(conn: Connection, user_id: str, series: list[RowMapping], lo: datetime, hi: datetime) -> datetime:
    """The first moment in (lo, hi] a reminder neither dismissed nor snoozed falls due, else `hi`.
    Candidates are looked at in time order, a few at a time: usually the first one is it."""
    pending: list[tuple[datetime, _Occurrence | tuple[int, datetime, int]]] = [
        (moment - timedelta(minutes=minutes), (key, moment, minutes))
        for key, moment, minutes in _one_off_hits(conn, user_id, lo, hi)]
    pending += [(item.remind_at, item) for item in _series_occurrences(conn, series, lo, hi)]
    pending.sort(key=lambda p: p[0])
    for start in range(0, len(pending), 16):
        chunk = [c for _, c in pending[start:start + 16]]
        items = [c for c in chunk if isinstance(c, _Occurrence)]
        items += _one_offs(conn, [c for c in chunk if not isinstance(c, _Occurrence)])
        free = _free(conn, user_id, items)
        if free:  # every later chunk falls due later
            return min(i.remind_at for i in free)
    return hi


Key = tuple[str, datetime]


def _current(conn: Connection, user_id: str, keys: set[Key]) -> dict[Key, _Occurrence]:
    """The occurrences that still have these keys (a snoozed reminder's activity may have moved,
    been done, handed over or deleted since: then its key has no occurrence any more)."""
    ids = sorted({target.partition(":")[2] for target, _ in keys if target.startswith("activity:")})
    if not ids:
        return {}
    found: dict[Key, _Occurrence] = {}
    rows = select(Activity.id, Activity.series_id, Activity.starts_at, Activity.due_on, Activity.remind_minutes).where(
        Activity.rrule == "", or_(Activity.id.in_(ids), Activity.series_id.in_(ids)), *_MINE)
    for row_id, series_id, starts_at, due_on, minutes in conn.execute(rows, {"user": user_id}):
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
    params = {"user": user_id, "lo": lo, "hi": hi}
    return {(target, occurs_at): until for target, occurs_at, until in conn.execute(_SNOOZED, params)}


Dated = dict[Key, tuple[_Occurrence, AnniversaryRow]]


def _anniversaries(db: Database, user_id: str, lo: datetime, hi: datetime) -> Dated:
    """The anniversaries of the person's customers (they own the contact or the account) whose
    reminder falls in (lo, hi]: at DAY_START office time, its days before the day. Read per number
    of days before (a few), each for the days of the window shifted by that many; nothing is read
    for a window without a DAY_START in it (most timer scans)."""
    if next_day_start(lo) > hi:
        return {}
    with db.engine.connect() as conn:
        custom = {days for (days,) in conn.execute(select(Anniversary.remind_days_before).distinct())}
    first, last = office_time(lo).date(), office_time(hi).date()
    found: Dated = {}
    for before in sorted(set(remind_days(db).values()) | custom):
        for row in anniversaries_between(db, first + timedelta(days=before), last + timedelta(days=before + 1)):
            occurs_at = _reference(None, row.on)
            remind_at = occurs_at - timedelta(days=row.remind_days)
            if row.owner_id == user_id and row.remind_days == before and lo < remind_at <= hi:
                item = _Occurrence(row.target, occurs_at, remind_at, None, None)
                found[item.key] = (item, row)
    return found


def _current_anniversaries(db: Database, user_id: str, keys: set[Key]) -> Dated:
    """Those of these keys that are still anniversaries of the person's customers (a snoozed one of
    a date changed or deleted since never fires)."""
    found: Dated = {}
    for target, occurs_at in keys:
        if target.startswith(("contact:", "account:", "anniversary:")):
            day = office_time(occurs_at).date()
            for row in anniversaries_between(db, day, day + timedelta(days=1)):
                if row.target == target and row.owner_id == user_id and _reference(None, row.on) == occurs_at:
                    found[target, occurs_at] = (_Occurrence(target, occurs_at, occurs_at - timedelta(
                        days=row.remind_days), None, None), row)
    return found


def _record(row: ActivityOccurrence) -> tuple[str, str] | None:
    """The record an activity is for, the customer first."""
    links = (("account", row.account_id), ("contact", row.contact_id), ("lead", row.lead_id),
             ("opportunity", row.opportunity_id))
    return next(((kind, record_id) for kind, record_id in links if record_id), None)


def next_day_start(moment: datetime) -> datetime:
    """The first DAY_START office time after `moment` (UTC): when anniversaries fall due."""
    local = office_time(moment)
    today = datetime.combine(local.date(), DAY_START)
    return utc_time(today if today > local else today + timedelta(days=1))


def scan_reminders(db: Database, user_id: str, since: datetime, until: datetime) -> ReminderScan:
    """The person's reminders falling due in (since, until] (not dismissed; a snoozed one at its snooze
    time) and when the next one falls due. Reads the activities starting up to REMIND_MAX after the
    window (plus LOOK_AHEAD), through the partial indexes; details only for what is due."""
    horizon = min(until + LOOK_AHEAD, next_day_start(until))
    dates = _anniversaries(db, user_id, since, until)
    with db.engine.connect() as conn:
        series = _series(conn, user_id)
        items = _one_offs(conn, _one_off_hits(conn, user_id, since, until))
        items += _series_occurrences(conn, series, since, until)
        items += [item for item, _ in dates.values() if item.remind_at <= until]
        due: dict[Key, tuple[_Occurrence, datetime, bool]] = {i.key: (i, i.remind_at, False)
                                                            for i in _free(conn, user_id, items)}
        upcoming = [_next_free(conn, user_id, series, until, horizon)]
        snoozes = _snoozed(conn, user_id, since, horizon)
        current: dict[Key, tuple[_Occurrence, AnniversaryRow | None]] = {
            key: (item, None) for key, item in _current(conn, user_id, set(snoozes)).items()}
    current.update(_current_anniversaries(db, user_id, set(snoozes)))
    for key, (item, row) in current.items():
        if row is not None:
            dates[key] = (item, row)
        if snoozes[key] <= until:
            due[key] = (item, snoozes[key], True)
        else:
            upcoming.append(snoozes[key])
    rows = activity_rows(db, (item.activity_id for item, _, _ in due.values() if item.activity_id is not None))
    found = []
    for item, at, snoozed in due.values():
        if item.key in dates:
            date_row = dates[item.key][1]
            record = ("contact", date_row.contact_id) if date_row.contact_id else ("account", date_row.account_id or "")
            found.append(DueReminder(item.target, item.occurs_at, item.remind_at, at, snoozed, None, None,
                                     date_row.kind, date_row.title, "", True, date_row.customer, record, date_row))
        elif (row := rows.get(item.activity_id or "")) is not None:
            found.append(DueReminder(item.target, item.occurs_at, item.remind_at, at, snoozed, item.activity_id,
                                     item.occurrence, row.kind, row.subject, row.location, row.all_day, row.customer,
                                     _record(row)))
    return ReminderScan(sorted(found, key=lambda d: (d.due_at, d.occurs_at, d.subject)), min(upcoming))
