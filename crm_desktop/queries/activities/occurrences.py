"""Activities falling on a range of office dates, series expanded for that range only.

One-off activities are read through the start and due-date indexes (two range scans, not an OR);
series rows (few: the partial index on `rrule`) are expanded in Python for the range asked and
lose the starts listed as their exceptions. Rows are frozen dataclasses in office time.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.engine import Connection, RowMapping

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.models import Account, Activity, ActivityException, Contact, Lead, Setting, User, fixed_id
from crm_desktop.models.activity import ACTIVITY_STATUSES, CLASH_DAYS_DEFAULT, CLASH_DAYS_SETTING
from crm_desktop.queries.accounts import full_name
from crm_desktop.recurrence import day_start, expand

# The same palette for a person on every screen and every computer when they have no colour of their own.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22")


@dataclass(frozen=True)
class Occurrence:
    """One activity on one day. For an occurrence of a series, `activity_id` and `series_id` are the
    series row and `occurrence` its office-local start (what the services take to act on it)."""

    activity_id: str
    series_id: str | None
    occurrence: datetime | None
    kind: str
    subject: str
    location: str
    starts_at: datetime | None  # office time; None for all-day activities and tasks
    ends_at: datetime | None
    due_on: date | None
    all_day: bool
    status: str
    outcome: str
    priority: str
    remind_minutes: int | None
    owner_id: str | None
    assignee_id: str | None
    assignee_name: str
    colour: str
    customer: str
    account_id: str | None
    contact_id: str | None
    lead_id: str | None
    opportunity_id: str | None
    recurring: bool

    @property
    def day(self) -> date:
        """The office date it falls on."""
        if self.starts_at is not None:
            return self.starts_at.date()
        assert self.due_on is not None  # dated rows only come out of a range query
        return self.due_on

    @property
    def sort_key(self) -> tuple[date, bool, time, str]:
        return self.day, self.starts_at is not None, self.starts_at.time() if self.starts_at else time(), self.subject


def person_colour(user_id: str | None, colour: str) -> str:
    """A person's own colour, or one from the palette fixed by their id."""
    if colour:
        return colour
    if user_id is None:
        return PALETTE[-1]
    return PALETTE[zlib.crc32(user_id.encode()) % (len(PALETTE) - 1)]


_COLUMNS = (
    Activity.id, Activity.series_id, Activity.kind, Activity.subject, Activity.location, Activity.starts_at,
    Activity.ends_at, Activity.due_on, Activity.all_day, Activity.status, Activity.outcome, Activity.priority,
    Activity.remind_minutes, Activity.owner_id, Activity.assignee_id, Activity.account_id, Activity.contact_id,
    Activity.lead_id, Activity.opportunity_id, Activity.rrule,
    User.name.label("assignee_name"), User.colour.label("user_colour"), Account.name.label("account_name"),
    Contact.prefix.label("c_prefix"), Contact.first_name.label("c_first"), Contact.last_name.label("c_last"),
    Lead.prefix.label("l_prefix"), Lead.first_name.label("l_first"), Lead.last_name.label("l_last"),
    Lead.company_name.label("l_company"),
)


# Built once: putting thirty columns and four joins together cost 2 ms per query (My day runs eight).
_SELECT = (
    select(*_COLUMNS)
    .outerjoin(User, User.id == Activity.assignee_id)
    .outerjoin(Account, Account.id == Activity.account_id)
    .outerjoin(Contact, Contact.id == Activity.contact_id)
    .outerjoin(Lead, Lead.id == Activity.lead_id)
    .where(Activity.deleted_at.is_(None))
)


def activity_select(*where: Any) -> Select[Any]:
    """Live activities with their assignee and customer columns, filtered."""
    return _SELECT.where(*where)


def customer_name(r: RowMapping) -> str:
    """The linked company's name, else the contact's, else the lead's, from an `activity_select` row."""
    if r["account_name"]:
        return str(r["account_name"])
    if r["c_first"] is not None:
        return full_name(r["c_prefix"], r["c_first"], r["c_last"])
    if r["l_first"] is not None:
        return full_name(r["l_prefix"], r["l_first"], r["l_last"]) or str(r["l_company"])
    return ""


def _occurrence(r: RowMapping, start: datetime | None = None) -> Occurrence:
    """The row as an Occurrence; `start` (office time) for one occurrence of a series."""
    starts = office_time(r["starts_at"]) if r["starts_at"] is not None else None
    ends = office_time(r["ends_at"]) if r["ends_at"] is not None else None
    due = r["due_on"]
    recurring = start is not None
    if recurring:
        if starts is not None:
            shift = start - starts
            starts, ends = start, ends + shift if ends is not None else None
        else:
            due = start.date()
    return Occurrence(
        activity_id=r["id"], series_id=r["id"] if recurring else r["series_id"], occurrence=start,
        kind=r["kind"], subject=r["subject"], location=r["location"], starts_at=starts, ends_at=ends, due_on=due,
        all_day=r["all_day"], status=r["status"], outcome=r["outcome"], priority=r["priority"],
        remind_minutes=r["remind_minutes"], owner_id=r["owner_id"], assignee_id=r["assignee_id"],
        assignee_name=r["assignee_name"] or "", colour=person_colour(r["assignee_id"], r["user_colour"] or ""),
        customer=customer_name(r), account_id=r["account_id"], contact_id=r["contact_id"], lead_id=r["lead_id"],
        opportunity_id=r["opportunity_id"], recurring=recurring,
    )


def _filters(assignees: Sequence[str] | None, kinds: Sequence[str] | None,
             statuses: Sequence[str] | None) -> list[Any]:
    where = []
    if assignees is not None:
        where.append(Activity.assignee_id.in_(assignees))
    if kinds is not None:
        where.append(Activity.kind.in_(kinds))
    if statuses is not None:
        where.append(Activity.status.in_(statuses))
    elif assignees is not None:
        # Every status, said out loud: then SQLite reads one person's range through the (assignee,
        # status, start/due) indexes instead of everyone's range (a month of a busy rep: 3x faster).
        where.append(Activity.status.in_(ACTIVITY_STATUSES))
    return where


def skipped_starts(conn: Connection, series_ids: Sequence[str]) -> defaultdict[str, set[datetime]]:
    """The starts each series no longer produces (its exceptions), office-local."""
    skipped: defaultdict[str, set[datetime]] = defaultdict(set)
    for chunk in range(0, len(series_ids), 500):
        stmt = select(ActivityException.activity_id, ActivityException.occurrence).where(
            ActivityException.activity_id.in_(series_ids[chunk:chunk + 500]), ActivityException.deleted_at.is_(None))
        for series_id, moment in conn.execute(stmt):
            skipped[series_id].add(office_time(moment))
    return skipped


def _expanded(conn: Connection, series: Iterable[RowMapping], start: date, end: date) -> list[Occurrence]:
    """The occurrences of these series rows on office dates start <= d < end, minus their exceptions."""
    rows = list(series)
    if not rows:
        return []
    skipped = skipped_starts(conn, [r["id"] for r in rows])
    window = day_start(start), day_start(end)
    found = []
    for r in rows:
        first = office_time(r["starts_at"]) if r["starts_at"] is not None else day_start(r["due_on"])
        found += [_occurrence(r, moment) for moment in expand(r["rrule"], first, *window, skipped[r["id"]])]
    return found


def _series(conn: Connection, end: date, where: list[Any]) -> list[RowMapping]:
    """The series rows starting before the range ends. Their ids come first from the partial index
    on `rrule` alone: with a condition on the start (or the person) beside it, SQLite preferred
    those indexes and read every past activity (9 s for a week of 1,000,000)."""
    ids = list(conn.execute(select(Activity.id).where(Activity.rrule != "", Activity.deleted_at.is_(None))).scalars())
    hi = utc_time(day_start(end))
    begun = or_(Activity.starts_at < hi, and_(Activity.starts_at.is_(None), Activity.due_on < end))
    return [r for chunk in range(0, len(ids), 500)
            for r in conn.execute(activity_select(Activity.id.in_(ids[chunk:chunk + 500]), begun, *where)).mappings()]


def timed_in(lo: datetime | None, hi: datetime) -> list[Any]:
    """One-off timed activities starting in [lo, hi) (naive UTC; lo None: any time before hi)."""
    where = [Activity.rrule == "", Activity.starts_at < hi]
    return where if lo is None else [*where, Activity.starts_at >= lo]


def dated_in(start: date | None, end: date) -> list[Any]:
    """One-off all-day activities and tasks due on start <= d < end (start None: any day before).

    Only the due-date index, as in `_in_range`: a timed activity never has a due date."""
    where = [Activity.rrule == "", Activity.due_on < end]
    return where if start is None else [*where, Activity.due_on >= start]


def one_offs(conn: Connection, where: Sequence[Any], order_by: Sequence[Any] = (),
             limit: int | None = None) -> list[Occurrence]:
    """Live activities matching `where` as rows, in `order_by`, at most `limit` (My day's sections)."""
    return [_occurrence(r) for r in conn.execute(activity_select(*where).order_by(*order_by).limit(limit)).mappings()]


def series_in_range(conn: Connection, start: date, end: date, where: Sequence[Any]) -> list[Occurrence]:
    """The occurrences on office dates start <= d < end of the series matching `where`."""
    return _expanded(conn, _series(conn, end, list(where)), start, end)


def _in_range(conn: Connection, start: date, end: date, where: list[Any]) -> list[Occurrence]:
    """Everything on office dates start <= d < end matching `where`, in day and time order."""
    lo, hi = utc_time(day_start(start)), utc_time(day_start(end))
    found = [_occurrence(r) for r in conn.execute(activity_select(*timed_in(lo, hi), *where)).mappings()]
    found += [_occurrence(r) for r in conn.execute(activity_select(*dated_in(start, end), *where)).mappings()
              if r["starts_at"] is None]
    found += series_in_range(conn, start, end, where)
    return sorted(found, key=lambda o: o.sort_key)


def occurrences(db: Database, start: date, end: date, *, assignees: Sequence[str] | None = None,
                kinds: Sequence[str] | None = None, statuses: Sequence[str] | None = None) -> list[Occurrence]:
    """Everything falling on office dates start <= d < end, in day and time order; only that range is read."""
    with db.engine.connect() as conn:
        return _in_range(conn, start, end, _filters(assignees, kinds, statuses))


def activity_row(db: Database, activity_id: str) -> Occurrence | None:
    """One live activity as stored (a series as its first occurrence)."""
    return activity_rows(db, (activity_id,)).get(activity_id)


def activity_rows(db: Database, activity_ids: Iterable[str]) -> dict[str, Occurrence]:
    """Live activities as stored, by id (a series as its first occurrence); one query per 500 ids."""
    ids = sorted(set(activity_ids))
    found: dict[str, Occurrence] = {}
    with db.engine.connect() as conn:
        for chunk in range(0, len(ids), 500):
            for r in conn.execute(activity_select(Activity.id.in_(ids[chunk:chunk + 500]))).mappings():
                found[r["id"]] = _occurrence(r)
    return found


@dataclass(frozen=True)
class Customer:
    """The customer an activity is for: any of an account, a contact, a lead."""

    account_id: str | None = None
    contact_id: str | None = None
    lead_id: str | None = None

    def links(self) -> list[Any]:
        pairs = ((Activity.account_id, self.account_id), (Activity.contact_id, self.contact_id),
                 (Activity.lead_id, self.lead_id))
        return [column == value for column, value in pairs if value is not None]


def clashes(db: Database, customer: Customer, day: date, *, assignee_id: str | None, days: int,
            exclude_id: str | None = None) -> list[Occurrence]:
    """Open activities someone other than `assignee_id` has planned for the same customer within
    `days` days of `day` (both ways, inclusive): two people about to call the same customer."""
    links = customer.links()
    if not links:
        return []
    where = [or_(*links), Activity.status == "planned"]
    if assignee_id is not None:
        where.append(or_(Activity.assignee_id.is_(None), Activity.assignee_id != assignee_id))
    if exclude_id is not None:
        where.append(Activity.id != exclude_id)
        where.append(or_(Activity.series_id.is_(None), Activity.series_id != exclude_id))
    start, end = day - timedelta(days=days), day + timedelta(days=days + 1)
    with db.engine.connect() as conn:
        return _in_range(conn, start, end, where)


def clash_days(db: Database) -> int:
    """The office's clash window in days (a setting that syncs)."""
    with db.engine.connect() as conn:
        value = conn.scalar(select(Setting.value).where(Setting.id == fixed_id("setting", CLASH_DAYS_SETTING),
                                                        Setting.deleted_at.is_(None)))
    return int(value) if value and value.isdigit() else CLASH_DAYS_DEFAULT
