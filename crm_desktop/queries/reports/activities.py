"""Activities per rep in the monthly report and the Reports tab: what each rep did in the period (by
kind), what is overdue, and what is still planned in the rest of the period.

An activity belongs to its assignee (who does it, as in the Activities tab) and falls on its office
date (a timed one's start in local time, else its due date).

- *Done*: done activities falling in the period.
- *Overdue*: planned activities falling before the as-of day (`scope.as_of`: the period's end, or
  today while it runs), however old, as the Activities tab counts them (there it is also a timed
  one that started earlier today). A series' past occurrences are never overdue (the tab shows
  one only on its own day); an occurrence acted on alone is its own row and counts like any.
- *Planned*: planned activities from the as-of day (or the period's start, if later) to the
  period's end, series occurrences included: the rest of a running period's agenda, all of a future
  one's, none for a period that is over.

Statuses are today's: an activity of a closed month done after the month ended is not overdue in it.
The segment and province are those of the activity's account, else its contact's (as a sale's); the
channel and product filters mean nothing to activities and leave the table as it is (the note says so).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from crm_desktop.db.database import Database
from crm_desktop.models import Activity, User
from crm_desktop.models.activity import ACTIVITY_KINDS
from crm_desktop.queries.activities.occurrences import dated_in, series_in_range, timed_in
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.scope import (
    NONE,
    as_of,
    customer_conditions,
    note_for,
    owner_is,
    utc_midnight,
    with_customer,
)
from crm_desktop.queries.reports.table import Chart, Column, ReportTable

FIGURES = (*(f"done_{kind}" for kind in ACTIVITY_KINDS), "done", "overdue", "planned")


def _narrowing(flt: ReportFilter) -> list[ColumnElement[bool]]:
    cond = customer_conditions(flt)
    if flt.owner_id is not None:
        cond.append(owner_is(Activity.assignee_id, flt.owner_id))
    return cond


def _counts(conn: Connection, flt: ReportFilter, status: str, start: date | None, end: date,
            by: tuple[Any, ...]) -> list[Any]:
    """(*by, count) of the one-off live activities with `status` falling on office dates
    start <= d < end (start None: any day before end): the start index, then the due-date index."""
    found: list[Any] = []
    lo = None if start is None else utc_midnight(start)
    for when in (timed_in(lo, utc_midnight(end)), dated_in(start, end)):
        stmt = with_customer(select(*by, func.count()).select_from(Activity), flt, Activity.account_id,
                             Activity.contact_id)
        found += conn.execute(stmt.where(Activity.deleted_at.is_(None), Activity.status == status, *when,
                                         *_narrowing(flt)).group_by(*by)).all()
    return found


def activities_by_rep(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Per rep: done in the period by kind and in all, overdue at the as-of day, planned for the rest
    of the period. Reps by activities done, most first (activities without an assignee last of equals)."""
    cutoff = as_of(flt, today)
    per_rep: dict[str | None, list[int]] = defaultdict(lambda: [0] * len(FIGURES))
    at = {key: i for i, key in enumerate(FIGURES)}
    with db.engine.connect() as conn:
        for rep, kind, count in _counts(conn, flt, "done", flt.start, flt.end, (Activity.assignee_id, Activity.kind)):
            per_rep[rep][at[f"done_{kind}"]] += count
            per_rep[rep][at["done"]] += count
        for rep, count in _counts(conn, flt, "planned", None, cutoff, (Activity.assignee_id,)):
            per_rep[rep][at["overdue"]] += count
        ahead = max(cutoff, flt.start)
        if ahead < flt.end:
            for rep, count in _counts(conn, flt, "planned", ahead, flt.end, (Activity.assignee_id,)):
                per_rep[rep][at["planned"]] += count
            where = [Activity.status == "planned", *_narrowing(flt)]
            for occurrence in series_in_range(conn, ahead, flt.end, where):
                per_rep[occurrence.assignee_id][at["planned"]] += 1
        names = dict(conn.execute(select(User.id, User.name)).all())
    def name(rep: str | None) -> str:
        return names.get(rep, NONE) if rep else NONE

    ordered = sorted(per_rep.items(), key=lambda item: (-item[1][at["done"]], item[0] is None, name(item[0])))
    totals = [sum(x) for x in zip(*per_rep.values(), strict=True)] if per_rep else [0] * len(FIGURES)
    return ReportTable(
        "activities_by_rep",
        (Column("rep", "text"), *(Column(key, "count") for key in FIGURES)),
        tuple((name(rep), *figures) for rep, figures in ordered),
        (None, *totals),
        Chart("hbar", "rep", ("done", "overdue")),
        tuple(rep for rep, _ in ordered),
        note_for(flt, ("owner_id", "segment", "province")),
    )


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "activities_by_rep": activities_by_rep,
}
