"""New leads in the monthly report and the Reports tab: the leads created in the period by source and
by campaign, with what has become of them.

A lead is *new in the period* when it was created then (its `created_at`, in the office's local
time). What became of it is its status today: converted, qualified (handed to a rep, not converted
yet), disqualified, or still open (new or contacted); the conversion rate is converted / created.
So a closed month's rates can still grow while its leads are worked on. The rep filter is the lead's
owner and the province the lead's; leads have no segment, channel or product, so those filters
leave the tables as they are and say so in the note.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, select

from crm_desktop.db.database import Database
from crm_desktop.models import Lead
from crm_desktop.queries.campaigns import campaign_names
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.scope import NONE, note_for, owner_is, percent, utc_midnight
from crm_desktop.queries.reports.table import Chart, Column, ReportTable

OUTCOMES = ("open", "qualified", "converted", "disqualified")  # the count columns after "leads"
_OUTCOME = {"new": "open", "contacted": "open", "qualified": "qualified", "converted": "converted",
            "disqualified": "disqualified"}
NO_SOURCE = "none"  # the source key of leads without one


def _new_leads(db: Database, flt: ReportFilter, by: Any) -> dict[Any, list[int]]:
    """Per value of `by`: [created, open, qualified, converted, disqualified] of the live leads
    created in the period."""
    stmt = select(by, Lead.status, func.count()).where(
        Lead.deleted_at.is_(None), Lead.created_at >= utc_midnight(flt.start), Lead.created_at < utc_midnight(flt.end),
    ).group_by(by, Lead.status)
    if flt.owner_id is not None:
        stmt = stmt.where(owner_is(Lead.owner_id, flt.owner_id))
    if flt.province is not None:
        stmt = stmt.where(Lead.province == flt.province)
    groups: dict[Any, list[int]] = defaultdict(lambda: [0] * (1 + len(OUTCOMES)))
    with db.engine.connect() as conn:
        for value, status, count in conn.execute(stmt):
            figures = groups[value]
            figures[0] += count
            figures[1 + OUTCOMES.index(_OUTCOME.get(status, "open"))] += count
    return groups


def _table(key: str, label: Column, groups: dict[Any, list[int]], name: Callable[[Any], Any], last: Any,
           flt: ReportFilter) -> ReportTable:
    """Rows by most leads (the group `last`, leads without a source or campaign, at the end)."""
    ordered = sorted(groups.items(), key=lambda item: (item[0] == last, -item[1][0], str(name(item[0]))))
    totals = [sum(x) for x in zip(*groups.values(), strict=True)] if groups else [0] * (1 + len(OUTCOMES))

    def row(label_cell: Any, figures: list[int]) -> tuple[Any, ...]:
        return (label_cell, *figures, percent(figures[1 + OUTCOMES.index("converted")], figures[0]))

    return ReportTable(
        key,
        (label, Column("leads", "count"), *(Column(o, "count") for o in OUTCOMES),
         Column("conversion_rate", "percent")),
        tuple(row(name(value), figures) for value, figures in ordered),
        row(None, totals),
        Chart("bar", label.key, ("leads", "converted")),
        tuple(value or None for value, _ in ordered),
        note_for(flt, ("owner_id", "province")),
    )


def new_leads_by_source(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Leads created in the period per source (the lead-source keys the app translates; a source
    the office added is shown as written)."""
    groups = _new_leads(db, flt, Lead.source)
    return _table("new_leads_by_source", Column("source", "key"), groups, lambda s: s or NO_SOURCE, "", flt)


def new_leads_by_campaign(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Leads created in the period per campaign (by name, deleted campaigns included; "" for none)."""
    groups = _new_leads(db, flt, Lead.campaign_id)
    names = campaign_names(db, [c for c in groups if c])
    return _table("new_leads_by_campaign", Column("campaign", "text"), groups,
                  lambda c: names.get(c, NONE) if c else NONE, None, flt)


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "new_leads_by_source": new_leads_by_source,
    "new_leads_by_campaign": new_leads_by_campaign,
}
