"""Activities as whole rows for a calendar file: a series once, with its rule and the starts it skips
(the file's RRULE and EXDATE), not its occurrences (which `occurrences` gives for screens)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import and_, func, or_, select

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.database import Database
from crm_desktop.models import Account, Activity, ActivityException, Contact, Lead
from crm_desktop.queries.accounts import full_name


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


def _midnight(day: date | None) -> datetime | None:
    return datetime.combine(day, time()) if day is not None else None


def calendar_activities(db: Database, *, start: date | None = None, end: date | None = None,
                        person_id: str | None = None) -> list[CalendarActivity]:
    """Live activities of one person (the one who does them: the assignee) or of everyone, by first
    start: those on office dates start <= d < end, and every series that starts before the end
    (whether one reaches the range is for the caller to expand)."""
    a = Activity
    stmt = (
        select(a.id, a.kind, a.subject, a.notes, a.location, a.status, a.outcome, a.starts_at, a.ends_at,
               a.due_on, a.all_day, a.remind_minutes, a.rrule, a.updated_at,
               Account.name.label("account"), Contact.prefix.label("c_prefix"),
               Contact.first_name.label("c_first"), Contact.last_name.label("c_last"),
               Lead.company_name.label("company"), Lead.prefix.label("l_prefix"),
               Lead.first_name.label("l_first"), Lead.last_name.label("l_last"))
        .outerjoin(Account, Account.id == a.account_id)
        .outerjoin(Contact, Contact.id == a.contact_id)
        .outerjoin(Lead, Lead.id == a.lead_id)
        .where(a.deleted_at.is_(None), or_(a.starts_at.is_not(None), a.due_on.is_not(None)))
        .order_by(func.coalesce(a.due_on, a.starts_at), a.id)
    )
    if person_id is not None:
        stmt = stmt.where(a.assignee_id == person_id)
    if end is not None:  # a series starts before the end too; whether it reaches the start is checked below
        stmt = stmt.where(or_(a.starts_at < utc_time(_midnight(end)), a.due_on < end))  # type: ignore[arg-type]
    if start is not None:
        stmt = stmt.where(or_(a.rrule != "", a.starts_at >= utc_time(_midnight(start)),  # type: ignore[arg-type]
                              and_(a.starts_at.is_(None), a.due_on >= start)))
    with db.engine.connect() as conn:
        rows = conn.execute(stmt).all()
        series = [r.id for r in rows if r.rrule]
        skipped = _skipped(conn, series) if series else {}
    found = []
    for r in rows:
        customer = ((full_name(r.c_prefix, r.c_first, r.c_last) if r.c_first else r.account) or r.company
                    or full_name(r.l_prefix or "", r.l_first or "", r.l_last or ""))
        found.append(CalendarActivity(
            r.id, r.kind, r.subject, r.notes, r.location, r.status, r.outcome,
            office_time(r.starts_at) if r.starts_at is not None else None,
            office_time(r.ends_at) if r.ends_at is not None else None,
            r.due_on, r.all_day, r.remind_minutes, r.rrule, tuple(skipped.get(r.id, ())), customer or "",
            r.updated_at,
        ))
    return found


def _skipped(conn: object, series: Collection[str]) -> dict[str, list[datetime]]:
    found: dict[str, list[datetime]] = {}
    ids = list(series)
    for i in range(0, len(ids), 500):  # SQLite's bound-parameter limit
        stmt = select(ActivityException.activity_id, ActivityException.occurrence).where(
            ActivityException.activity_id.in_(ids[i:i + 500]), ActivityException.deleted_at.is_(None))
        for activity_id, occurrence in conn.execute(stmt):  # type: ignore[attr-defined]
            found.setdefault(activity_id, []).append(office_time(occurrence))
    return found
