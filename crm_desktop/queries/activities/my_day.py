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
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, or_, select

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.errors import ValidationError
from crm_desktop.models import Activity
from crm_desktop.queries.activities.occurrences import Occurrence, dated_in, one_offs, series_in_range, timed_in
from crm_desktop.recurrence import day_start

SECTION_LIMIT = 100  # rows a section shows; the rest is counted
OVERDUE_LIMIT = 50  # the newest overdue ones; what is older is counted
COUNT_MAX = 1000  # counting stops here ("more than 1,000"): each counted row is a table read
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
    total: int  # rows shown and left out (at most COUNT_MAX of each kind when `at_least`)
    at_least: bool = False  # the count stopped at COUNT_MAX: there are more

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def my_day(db: Database, now: datetime, filt: MyDayFilter, *, limit: int = SECTION_LIMIT,
           overdue_limit: int = OVERDUE_LIMIT) -> list[Section]:
    """The sections at `now` (naive UTC): overdue, today and the next 7 days, or the chosen dates."""
    today = office_time(now).date()
    where = _conditions(filt)
    with db.engine.connect() as conn:
        if filt.start is not None or filt.end is not None:
            start, end = _range(filt, today)
            series = series_in_range(conn, start, end, where)
            return [_window(conn, "range", start, end, where, series, limit)]
        tomorrow = today + timedelta(days=1)
        series = series_in_range(conn, today, tomorrow + timedelta(days=WEEK_DAYS), where)
        late = [o for o in series if o.day == today and _late(o, now)]
        return [
            _overdue(conn, now, today, filt, late, overdue_limit),
            _window(conn, "today", today, tomorrow, where, [o for o in series if o.day == today and o not in late],
                    limit, now=now),
            _window(conn, "week", tomorrow, tomorrow + timedelta(days=WEEK_DAYS), where,
                    [o for o in series if o.day > today], limit),
        ]


def _range(filt: MyDayFilter, today: date) -> tuple[date, date]:
    start = filt.start or filt.end or today
    last = filt.end or start
    if last < start:
        raise ValidationError("end", "The end date is before the start date.")
    if (last - start).days >= RANGE_MAX_DAYS:
        raise ValidationError("end", "Choose at most {days} days.", days=RANGE_MAX_DAYS)
    return start, last + timedelta(days=1)


def _conditions(filt: MyDayFilter, statuses: tuple[str, ...] | None = None) -> list[ColumnElement[bool]]:
    """Who, what and which record: the same for the one-off rows and the series."""
    where: list[ColumnElement[bool]] = [Activity.status.in_(statuses or filt.statuses)]
    if filt.assignee_id is not None:
        where.append(Activity.assignee_id == filt.assignee_id)
    if filt.kinds:
        where.append(Activity.kind.in_(filt.kinds))
    if filt.link is not None:
        where.append(LINKS[filt.link[0]] == filt.link[1])
    return where


def _part(conn: Connection, where: list[ColumnElement[bool]], order: ColumnElement[Any],
          limit: int) -> tuple[list[Occurrence], int]:
    """At most `limit` rows in `order`, and how many there are (COUNT_MAX + 1: more than COUNT_MAX):
    counted only when some were left out (the count reads every row it counts)."""
    rows = one_offs(conn, where, [order], limit)
    if len(rows) < limit:
        return rows, len(rows)
    counted = select(Activity.id).where(Activity.deleted_at.is_(None), *where).limit(COUNT_MAX + 1).subquery()
    return rows, conn.execute(select(func.count()).select_from(counted)).scalar_one()


def _section(key: str, start: date | None, end: date | None, parts: list[tuple[list[Occurrence], int]],
             series: list[Occurrence], limit: int, *, newest_first: bool = False) -> Section:
    rows = sorted([*(r for found, _total in parts for r in found), *series],
                  key=_late_since if newest_first else lambda o: o.sort_key, reverse=newest_first)
    total = sum(min(count, COUNT_MAX) for _found, count in parts) + len(series)
    return Section(key, start, end, tuple(rows[:limit]), total, any(count > COUNT_MAX for _found, count in parts))


def _window(conn: Connection, key: str, start: date, end: date, where: list[ColumnElement[bool]],
            series: list[Occurrence], limit: int, *, now: datetime | None = None) -> Section:
    """Everything on office dates start <= day < end; with `now`, only what is not overdue at it."""
    timed = [*where, *timed_in(utc_time(day_start(start)), utc_time(day_start(end)))]
    if now is not None:  # planned ones that started before now are in Overdue
        timed.append(or_(Activity.status != "planned", Activity.starts_at >= now))
    parts = [_part(conn, timed, Activity.starts_at, limit), _part(conn, [*where, *dated_in(start, end)],
                                                                  Activity.due_on, limit)]
    return _section(key, start, end, parts, series, limit)


def _late_since(row: Occurrence) -> tuple[date, bool, datetime]:
    """When it became overdue: a timed one at its start, one due on a day when that day ended."""
    return row.day, row.starts_at is None, row.starts_at or datetime.min


def _late(row: Occurrence, now: datetime) -> bool:
    return row.status == "planned" and row.starts_at is not None and row.starts_at < office_time(now)


def _overdue(conn: Connection, now: datetime, today: date, filt: MyDayFilter, late: list[Occurrence],
             limit: int) -> Section:
    """Planned one-off activities that started before now or were due before today, newest first;
    and today's planned series occurrences that started before now (`late`)."""
    if "planned" not in filt.statuses:
        return Section("overdue", None, today, (), 0)
    where = _conditions(filt, ("planned",))
    parts = [_part(conn, [*where, *timed_in(None, now)], Activity.starts_at.desc(), limit),
             _part(conn, [*where, *dated_in(None, today)], Activity.due_on.desc(), limit)]
    return _section("overdue", None, today, parts, late, limit, newest_first=True)
