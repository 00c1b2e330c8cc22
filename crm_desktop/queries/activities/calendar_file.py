"""Activities as whole rows for a calendar file: a series once, with its rule and the starts it skips
(the file's RRULE and EXDATE), not its occurrences (which `occurrences` gives for screens)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import and_, or_

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.models import Activity
from crm_desktop.models.activity import ACTIVITY_STATUSES
from crm_desktop.queries.activities.occurrences import activity_select, customer_name, skipped_starts
from crm_desktop.recurrence import day_start


@dataclass(frozen=True)
class CalendarActivity:
    """One activity row. Times are office-local; `skipped` holds the starts its series no longer
    produces (office-local, midnight for an all-day series)."""

    id: str
    kind: str
    subject: str
    details: str
    location: str
    status: str
    outcome: str
    starts_at: datetime | None
    ends_at: datetime | None
    due_on: date | None
    all_day: bool
    remind_minutes: int | None
    rrule: str
    skipped: tuple[datetime, ...]
    customer: str
    updated_at: datetime  # UTC

    @property
    def timed(self) -> bool:
        return self.starts_at is not None and not self.all_day

    @property
    def first(self) -> datetime | None:
        """The first start as the app expands it: the time, or midnight of the day for an all-day one."""
        if self.timed:
            return self.starts_at
        day = self.due_on or (self.starts_at.date() if self.starts_at is not None else None)
        return datetime.combine(day, time()) if day is not None else None


def calendar_activities(db: Database, *, start: date | None = None, end: date | None = None,
                        person_id: str | None = None) -> list[CalendarActivity]:
    """Live activities of one person (the one who does them: the assignee) or of everyone: those on
    office dates start <= d < end (timed ones, then dated ones, by start), then every series that
    starts before the end (whether one reaches the range is for the caller to expand). Three
    queries, as in `occurrences`, so that each walks an index instead of the person's whole history."""
    a = Activity
    # Every status, named: the person's (assignee, status, start/due) indexes then give range scans.
    mine = [a.assignee_id == person_id, a.status.in_(ACTIVITY_STATUSES)] if person_id is not None else []
    timed, dated = [a.rrule == "", a.starts_at.is_not(None)], [a.rrule == "", a.starts_at.is_(None),
                                                                a.due_on.is_not(None)]
    series = [a.rrule != "", or_(a.starts_at.is_not(None), a.due_on.is_not(None))]
    if start is not None:
        timed.append(a.starts_at >= utc_time(day_start(start)))
        dated.append(a.due_on >= start)
    if end is not None:
        timed.append(a.starts_at < utc_time(day_start(end)))
        dated.append(a.due_on < end)
        series.append(or_(a.starts_at < utc_time(day_start(end)), and_(a.starts_at.is_(None), a.due_on < end)))
    with db.engine.connect() as conn:
        rows = []
        for where, order in ((timed, a.starts_at), (dated, a.due_on), (series, a.id)):
            stmt = activity_select(*where, *mine).add_columns(a.notes, a.updated_at).order_by(order, a.id)
            rows += conn.execute(stmt).mappings().all()
        skipped = skipped_starts(conn, [r["id"] for r in rows if r["rrule"]])
    return [
        CalendarActivity(
            r["id"], r["kind"], r["subject"], r["notes"], r["location"], r["status"], r["outcome"],
            office_time(r["starts_at"]) if r["starts_at"] is not None else None,
            office_time(r["ends_at"]) if r["ends_at"] is not None else None,
            r["due_on"], r["all_day"], r["remind_minutes"], r["rrule"], tuple(sorted(skipped.get(r["id"], ()))),
            customer_name(r), r["updated_at"],
        )
        for r in rows
    ]
