"""The Activities tab ("My day"): what is overdue, what is due today, what comes in the next 7 days.

Each section is read with a few index range scans (activity: assignee, status, start or due date;
or status, start or due date for everyone) and is bounded: at most `limit` rows come back, with
the number of the rest. A series contributes the occurrences its rule gives in the section's dates
(`queries.activities.occurrences`); a past occurrence of a series counts as overdue only on its own
day, or a weekly meeting without end would make every past week overdue forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Connection, func, or_, select

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.errors import ValidationError
from crm_desktop.models import Activity
from crm_desktop.queries.activities.occurrences import Occurrence, one_offs, series_in_range
from crm_desktop.recurrence import day_start

SECTION_LIMIT = 200  # rows a section shows; the rest is counted
WEEK_DAYS = 7  # "Next 7 days": the seven days after today
RANGE_MAX_DAYS = 92  # a chosen date range spans at most a quarter
LINKS = {
    "account": Activity.account_id,
    "contact": Activity.contact_id,
    "lead": Activity.lead_id,
    "opportunity": Activity.opportunity_id,
}


@dataclass(frozen=True)
class MyDayFilter:
    """What the tab shows. `assignee_id` None: anyone's. Empty `kinds`: every kind. `start`/`end`
    (inclusive) replace today and the next 7 days by one section for those dates. `link` is a
    (kind, id) pair: only activities linked to that account, contact, lead or deal."""

    assignee_id: str | None = None
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ("planned",)
    start: date | None = None
    end: date | None = None
    link: tuple[str, str] | None = None


@dataclass(frozen=True)
class Section:
    key: str  # "overdue", "today", "week" or "range"
    start: date | None  # the office dates covered, start <= day < end (None: open)
    end: date | None
    rows: tuple[Occurrence, ...]
    total: int  # rows shown and left out

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def my_day(db: Database, now: datetime, filt: MyDayFilter, *, limit: int = SECTION_LIMIT) -> list[Section]:
    """The sections at `now` (naive UTC): overdue, today and the next 7 days, or the chosen dates."""
    today = office_time(now).date()
    with db.engine.connect() as conn:
        if filt.start is not None or filt.end is not None:
            start, end = _range(filt, today)
            return [_window(conn, "range", start, end, filt, limit, now=None)]
        return [
            _overdue(conn, now, today, filt, limit),
            _window(conn, "today", today, today + timedelta(days=1), filt, limit, now=now),
            _window(conn, "week", today + timedelta(days=1), today + timedelta(days=1 + WEEK_DAYS), filt, limit,
                    now=None),
        ]


def _range(filt: MyDayFilter, today: date) -> tuple[date, date]:
    start = filt.start or filt.end or today
    last = filt.end or start
    if last < start:
        raise ValidationError("end", "The end date is before the start date.")
    if (last - start).days >= RANGE_MAX_DAYS:
        raise ValidationError("end", "Choose at most {days} days.", days=RANGE_MAX_DAYS)
    return start, last + timedelta(days=1)


def _conditions(filt: MyDayFilter, statuses: tuple[str, ...]) -> list[ColumnElement[bool]]:
    """Who, what and which record: the same for the single rows and the series."""
    where: list[ColumnElement[bool]] = [Activity.deleted_at.is_(None), Activity.status.in_(statuses)]
    if filt.assignee_id is not None:
        where.append(Activity.assignee_id == filt.assignee_id)
    if filt.kinds:
        where.append(Activity.kind.in_(filt.kinds))
    if filt.link is not None:
        where.append(LINKS[filt.link[0]] == filt.link[1])
    return where


def _timed(where: list[ColumnElement[bool]], lo: datetime | None, hi: datetime) -> list[ColumnElement[bool]]:
    """One-off timed activities starting in [lo, hi) (naive UTC): an index range on starts_at."""
    return [*where, Activity.rrule == "", Activity.starts_at < hi,
            Activity.starts_at.is_not(None) if lo is None else Activity.starts_at >= lo]


def _dated(where: list[ColumnElement[bool]], lo: date | None, hi: date) -> list[ColumnElement[bool]]:
    """One-off all-day activities and tasks due in [lo, hi): an index range on due_on."""
    return [*where, Activity.rrule == "", Activity.starts_at.is_(None), Activity.due_on < hi,
            Activity.due_on.is_not(None) if lo is None else Activity.due_on >= lo]


def _count(conn: Connection, where: list[ColumnElement[bool]]) -> int:
    return conn.execute(select(func.count()).select_from(Activity).where(*where)).scalar_one()


def _window(conn: Connection, key: str, start: date, end: date, filt: MyDayFilter, limit: int, *,
            now: datetime | None) -> Section:
    """Everything on office dates start <= day < end; with `now`, only what is not overdue at it."""
    where = _conditions(filt, filt.statuses)
    timed = _timed(where, utc_time(day_start(start)), utc_time(day_start(end)))
    late_ones = now is not None and "planned" in filt.statuses
    if late_ones:  # planned ones that started before now are in Overdue
        timed.append(or_(Activity.status != "planned", Activity.starts_at >= now))
    dated = _dated(where, start, end)
    rows = one_offs(conn, timed, [Activity.starts_at], limit) + one_offs(conn, dated, [Activity.due_on], limit)
    series = series_in_range(conn, start, end, where)
    if now is not None:
        series = [o for o in series if not _late(o, now)]
    rows = sorted([*rows, *series], key=lambda o: o.sort_key)
    return Section(key, start, end, tuple(rows[:limit]), _count(conn, timed) + _count(conn, dated) + len(series))


def _late(row: Occurrence, now: datetime) -> bool:
    return row.status == "planned" and row.starts_at is not None and row.starts_at < office_time(now)


def _overdue(conn: Connection, now: datetime, today: date, filt: MyDayFilter, limit: int) -> Section:
    """Planned one-off activities that started before now or were due before today, newest first;
    and today's planned series occurrences that started before now."""
    if "planned" not in filt.statuses:
        return Section("overdue", None, today, (), 0)
    where = _conditions(filt, ("planned",))
    timed, dated = _timed(where, None, now), _dated(where, None, today)
    rows = (one_offs(conn, timed, [Activity.starts_at.desc()], limit)
            + one_offs(conn, dated, [Activity.due_on.desc()], limit))
    late = [o for o in series_in_range(conn, today, today + timedelta(days=1), where) if _late(o, now)]
    rows = sorted([*rows, *late], key=lambda o: o.sort_key, reverse=True)
    return Section("overdue", None, today, tuple(rows[:limit]), _count(conn, timed) + _count(conn, dated) + len(late))
