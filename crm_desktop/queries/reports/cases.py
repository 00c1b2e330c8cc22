"""Service cases in the monthly report and the Reports tab: per priority, the cases opened and
closed in the period, those that breached their SLA, and the median hours from opening to resolution.

- *opened*: opened in the period; *closed*: closed in the period (whenever opened);
- *breached*: resolved in the period after their resolution due time, or still open at the as-of
  day's start (`scope.as_of`: the period's end, or today while it runs) and past it then;
- *median hours to resolve*: of the cases resolved in the period, wall-clock hours from opening,
  rounded to whole hours.

The rep filter is the case's owner and the product filter the case's product; the other narrowings
(segment, channel of sale, category, province) are about sales and leave the cases as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy import Select, and_, or_, select

from crm_desktop.db.database import Database
from crm_desktop.models import Case
from crm_desktop.models.service import CASE_PRIORITIES, OPEN_STATUSES
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.scope import as_of, owner_is, utc_midnight
from crm_desktop.queries.reports.table import Column, ReportTable

PRIORITY_KEYS = {p: f"priority_{p}" for p in CASE_PRIORITIES}  # the cells' words (kind "key")


def _cases(flt: ReportFilter, start: datetime, end: datetime, cutoff: datetime) -> Select[Any]:
    """The live cases that count in some figure of [start, end)."""
    stmt = select(Case.priority, Case.status, Case.opened_at, Case.resolved_at, Case.closed_at, Case.sla_due_at).where(
        Case.deleted_at.is_(None),
        or_(and_(Case.opened_at >= start, Case.opened_at < end),
            and_(Case.closed_at >= start, Case.closed_at < end),
            and_(Case.resolved_at >= start, Case.resolved_at < end),
            and_(Case.status.in_(OPEN_STATUSES), Case.opened_at < cutoff, Case.sla_due_at < cutoff)))
    if flt.owner_id is not None:
        stmt = stmt.where(owner_is(Case.owner_id, flt.owner_id))
    if flt.product_id is not None:
        stmt = stmt.where(Case.product_id == flt.product_id)
    return stmt


def case_figures(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Per priority (urgent first) and in total: opened, closed, breached, median hours to resolve."""
    start, end = utc_midnight(flt.start), utc_midnight(flt.end)
    cutoff = utc_midnight(as_of(flt, today))
    figures = {p: [0, 0, 0, []] for p in reversed(CASE_PRIORITIES)}  # urgent first
    with db.engine.connect() as conn:
        for priority, status, opened, resolved, closed, due in conn.execute(_cases(flt, start, end, cutoff)):
            row: list[Any] = figures.setdefault(priority, [0, 0, 0, []])
            row[0] += start <= opened < end
            row[1] += closed is not None and start <= closed < end
            if resolved is not None and start <= resolved < end:
                row[3].append((resolved - opened) / timedelta(hours=1))
                row[2] += due is not None and resolved > due
            elif status in OPEN_STATUSES and due is not None and due < cutoff:
                row[2] += 1
    rows = tuple((PRIORITY_KEYS.get(p, p), o, c, b, _median(h)) for p, (o, c, b, h) in figures.items())
    every = [h for _, _, _, hours in figures.values() for h in hours]  # type: ignore[attr-defined]
    total = ("total", *(sum(r[i] for r in rows) for i in (1, 2, 3)), _median(every))  # type: ignore[misc]
    return ReportTable(
        "case_figures",
        (Column("priority", "key"), Column("cases_opened", "count"), Column("cases_closed", "count"),
         Column("cases_breached", "count"), Column("median_hours_to_resolve", "count")),
        rows, total)


def _median(hours: list[float]) -> int | None:
    return round(median(hours)) if hours else None


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "case_figures": case_figures,
}
