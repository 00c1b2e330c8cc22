"""New leads (by source and campaign) and activities per rep on small fixed data sets made through the
services, each figure checked against what the test itself recorded while making them.

Boundaries: a lead created a millisecond before the office's midnight starting November (October) and
one exactly at it (November); an activity at midnight on the first; a task due on the as-of day (not
overdue) and the day before (overdue); a timed call earlier today (planned, not overdue: days count);
a weekly series (its past occurrences are never overdue, one occurrence done on its own)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.models.activity import ACTIVITY_KINDS
from crm_desktop.queries.reports import activities, leads
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.scope import NOT_APPLIED
from crm_desktop.services.activities.edit import (
    ActivityInput,
    cancel_activity,
    complete_activity,
    create_activity,
    delete_activity,
)
from crm_desktop.services.campaigns import CampaignInput, create_campaign
from crm_desktop.services.convert import ConvertOptions, convert_lead
from crm_desktop.services.leads import LeadInput, create_lead, delete_leads, disqualify, mark_contacted, qualify
from crm_desktop.services.picklists import DISQUALIFY_REASONS
from tests.reports.helpers import (
    OFFICE_ENGINES,
    PROVINCE,
    SEGMENT,
    Office,
    midnight,
    office_folder,
    one_percent,
    open_office,
)
from tests.time_helpers import TEST_NOW, TODAY

__all__ = ["office_folder"]

NOVEMBER = midnight(date(2026, 11, 1))
MS = timedelta(milliseconds=1)
OUTCOME = {"new": "open", "contacted": "open", "qualified": "qualified", "converted": "converted",
           "disqualified": "disqualified"}


# --- leads ----------------------------------------------------------------------------------


@dataclass
class LeadFact:
    id: str
    created: datetime
    source: str
    campaign: str | None
    owner: str | None
    province: str
    status: str = "new"
    deleted: bool = False


@dataclass
class LeadWorld:
    office: Office
    campaigns: dict[str, str]  # id -> name
    leads: list[LeadFact]


@pytest.fixture(scope="module", params=OFFICE_ENGINES)
def lead_world(request: pytest.FixtureRequest, office_folder: Path) -> Iterator[LeadWorld]:
    with open_office(request, office_folder, "leads") as office:
        ctx, a, b = office.ctx, office.anong, office.boon
        c1 = create_campaign(ctx.uow(), CampaignInput(name="LINE OA ลดกลางปี")).created[0]
        c2 = create_campaign(ctx.uow(), CampaignInput(name="งานแสดงสินค้า BITEC")).created[0]
        facts: list[LeadFact] = []

        def lead(when: datetime, source: str, campaign: str | None, owner: str | None, province: str = "") -> LeadFact:
            office.clock.set(when)
            data = LeadInput(first_name=f"ลูกค้า{len(facts)}", company_name="", source=source, campaign_id=campaign,
                             owner_id=owner, province=province)
            fact = LeadFact(create_lead(ctx.uow(), data).created[0], when, source, campaign, owner, province)
            facts.append(fact)
            return fact

        def utc(month: int, day: int) -> datetime:
            return datetime(2026, month, day, 4)

        lead(NOVEMBER - MS, "line", c1, a)  # the last moment of October
        contacted = lead(NOVEMBER, "facebook", c1, b)  # the first of November
        qualified = lead(utc(11, 5), "line", None, a)
        dropped = lead(utc(11, 6), "", c2, None)
        converted = lead(utc(11, 7), "line", c2, a)
        converted2 = lead(utc(11, 8), "facebook", c1, b, PROVINCE["p"])
        deleted = lead(utc(11, 9), "walk_in", None, None)
        lead(utc(9, 30), "line", None, a)
        lead(utc(11, 20), "walk_in", c2, b, PROVINCE["p"])
        office.clock.set(TEST_NOW)
        mark_contacted(ctx.uow(), contacted.id)
        contacted.status = "contacted"
        qualify(ctx.uow(), qualified.id, b)  # handed to Boon
        qualified.status, qualified.owner = "qualified", b
        disqualify(ctx.uow(), dropped.id, DISQUALIFY_REASONS[0])
        dropped.status = "disqualified"
        for fact in (converted, converted2):
            qualify(ctx.uow(), fact.id, fact.owner)
            convert_lead(ctx.uow(), fact.id, ConvertOptions(), TODAY)
            fact.status = "converted"
        delete_leads(ctx.uow(), [deleted.id])
        deleted.deleted = True
        yield LeadWorld(office, {c1: "LINE OA ลดกลางปี", c2: "งานแสดงสินค้า BITEC"}, facts)


def lead_filters(w: LeadWorld) -> dict[str, tuple[dict[str, Any], Callable[[LeadFact], bool], str]]:
    a = w.office.anong
    return {
        "all": ({}, lambda f: True, ""),
        "rep": ({"owner_id": a}, lambda f: f.owner == a, ""),
        "no rep": ({"owner_id": ""}, lambda f: f.owner is None, ""),
        "province": ({"province": PROVINCE["p"]}, lambda f: f.province == PROVINCE["p"], ""),
        "segment": ({"segment": "retail"}, lambda f: True, NOT_APPLIED),  # leads have none: shown unnarrowed
        "channel": ({"channel": "LINE"}, lambda f: True, NOT_APPLIED),
    }


def expected_leads(w: LeadWorld, month: int, pick: Callable[[LeadFact], bool], by: Callable[[LeadFact], Any],
                   label: Callable[[Any], Any], last: Any) -> tuple[list[Any], tuple[Any, ...]]:
    start, end = midnight(date(2026, month, 1)), midnight(date(2026, month + 1, 1))
    groups: dict[Any, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for f in w.leads:
        if f.deleted or not pick(f) or not start <= f.created < end:
            continue
        figures = groups[by(f)]
        figures[0] += 1
        figures[1 + ("open", "qualified", "converted", "disqualified").index(OUTCOME[f.status])] += 1
    order = sorted(groups, key=lambda k: (k == last, -groups[k][0], str(label(k))))
    rows = [(label(k), *groups[k], one_percent(groups[k][3], groups[k][0])) for k in order]
    totals = [sum(g[i] for g in groups.values()) for i in range(5)]
    return rows, (None, *totals, one_percent(totals[3], totals[0]))


@pytest.mark.parametrize("name", ("all", "rep", "no rep", "province", "segment", "channel"))
@pytest.mark.parametrize("month", (9, 10, 11))
def test_new_leads_by_source_and_campaign(lead_world: LeadWorld, name: str, month: int) -> None:
    narrowing, pick, note = lead_filters(lead_world)[name]
    flt = ReportFilter.month(f"2026-{month:02d}", **narrowing)
    db = lead_world.office.ctx.database
    by_source = leads.new_leads_by_source(db, flt, TODAY)
    assert (list(by_source.rows), by_source.total) == expected_leads(
        lead_world, month, pick, lambda f: f.source, lambda s: s or "none", "")
    assert by_source.note == note
    by_campaign = leads.new_leads_by_campaign(db, flt, TODAY)
    names = lead_world.campaigns
    assert (list(by_campaign.rows), by_campaign.total) == expected_leads(
        lead_world, month, pick, lambda f: f.campaign, lambda c: names[c] if c else "", None)
    assert by_campaign.note == note


def test_lead_boundaries_by_name(lead_world: LeadWorld) -> None:
    db = lead_world.office.ctx.database
    october = leads.new_leads_by_source(db, ReportFilter.month("2026-10"), TODAY)
    assert october.rows == (("line", 1, 1, 0, 0, 0, 0.0),)  # created at 23:59:59.999 on 31 October
    november = leads.new_leads_by_source(db, ReportFilter.month("2026-11"), TODAY)
    # line: the qualified and a converted one; facebook: the contacted (at midnight) and a converted one;
    # walk_in: one (the deleted one is not counted); no source: the disqualified one, last.
    assert november.rows == (("facebook", 2, 1, 0, 1, 0, 50.0), ("line", 2, 0, 1, 1, 0, 50.0),
                             ("walk_in", 1, 1, 0, 0, 0, 0.0), ("none", 1, 0, 0, 0, 1, 0.0))
    assert november.total == (None, 6, 2, 1, 2, 1, 33.3)


# --- activities -----------------------------------------------------------------------------


@dataclass
class Act:
    assignee: str | None
    kind: str
    day: date
    status: str
    customer: str = ""  # "x", "p" or ""
    deleted: bool = False


@dataclass
class ActivityWorld:
    office: Office
    acts: list[Act]
    series: list[tuple[str | None, list[date]]]  # (assignee, the days its rule still gives: planned)


def local(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute)


@pytest.fixture(scope="module", params=OFFICE_ENGINES)
def activity_world(request: pytest.FixtureRequest, office_folder: Path) -> Iterator[ActivityWorld]:
    with open_office(request, office_folder, "activities") as office:
        ctx, a, b = office.ctx, office.anong, office.boon
        acts: list[Act] = []

        def plan(assignee: str | None, kind: str, when: datetime | date, status: str = "planned",
                 customer: str = "") -> str:
            timed = isinstance(when, datetime)
            data = ActivityInput(kind=kind, subject=f"{kind} {len(acts)}", starts_at=when if timed else None,
                                 due_on=None if timed else when, assignee_id=assignee,  # type: ignore[arg-type]
                                 account_id=office.x if customer == "x" else None,
                                 contact_id=office.p if customer == "p" else None)
            activity_id = create_activity(ctx.uow(), data).created[0]
            assignee = assignee or ctx.user_id  # no one named: the person planning it
            if status == "done":
                complete_activity(ctx.uow(), activity_id, "ok")
            elif status == "cancelled":
                cancel_activity(ctx.uow(), activity_id)
            acts.append(Act(assignee, kind, when.date() if timed else when, status, customer))  # type: ignore[union-attr]
            return activity_id

        plan(a, "call", local(11, 3), "done")
        plan(a, "meeting", local(11, 1, 0), "done")  # midnight starting November
        plan(a, "visit", local(10, 31, 23, 59), "done")
        plan(b, "task", date(2026, 11, 22))  # the day before today: overdue in November
        plan(b, "task", TODAY)  # due today: planned, not overdue
        plan(b, "task", date(2026, 11, 1))  # due on October's as-of day: not overdue in October
        plan(a, "email", date(2026, 10, 31))  # overdue in October and since
        plan(a, "call", local(11, 23, 8))  # earlier today: planned (days count), not overdue
        plan(b, "call", local(11, 30, 23))
        plan(b, "call", local(12, 1, 0))  # December
        plan(None, "task", date(2026, 11, 10), "cancelled")
        plan(a, "note", date(2026, 11, 4), "done", customer="x")
        plan(b, "meeting", local(11, 12, 14), "done", customer="p")
        plan(None, "task", date(2026, 11, 15), customer="x")
        gone = plan(b, "task", date(2026, 11, 2))
        delete_activity(ctx.uow(), gone)
        acts[-1].deleted = True
        series = create_activity(ctx.uow(), ActivityInput(kind="meeting", subject="Weekly", starts_at=local(11, 2, 9),
                                                          assignee_id=a, rrule="FREQ=WEEKLY")).created[0]
        complete_activity(ctx.uow(), series, "ok", occurrence=local(11, 9, 9))  # that one becomes its own row
        acts.append(Act(a, "meeting", date(2026, 11, 9), "done"))
        weekly = [date(2026, 11, 2) + timedelta(days=7 * i) for i in range(10)]
        yield ActivityWorld(office, acts, [(a, [d for d in weekly if d != date(2026, 11, 9)])])


FIGURES = (*(f"done_{k}" for k in ACTIVITY_KINDS), "done", "overdue", "planned")


def expected_activities(w: ActivityWorld, month: int, pick: Callable[[Act], bool]) -> tuple[list[Any], tuple[Any, ...]]:
    start, end = date(2026, month, 1), (date(2026, month, 28) + timedelta(days=4)).replace(day=1)
    as_of = min(end, TODAY)
    ahead = max(as_of, start)
    per: dict[str | None, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIGURES, 0))
    for act in w.acts:
        if act.deleted or not pick(act):
            continue
        if act.status == "done" and start <= act.day < end:
            per[act.assignee][f"done_{act.kind}"] += 1
            per[act.assignee]["done"] += 1
        if act.status == "planned" and act.day < as_of:
            per[act.assignee]["overdue"] += 1
        if act.status == "planned" and ahead <= act.day < end:
            per[act.assignee]["planned"] += 1
    for assignee, days in w.series:
        if pick(Act(assignee, "meeting", start, "planned")):
            for day in days:
                if ahead <= day < end:
                    per[assignee]["planned"] += 1
    names = w.office.names
    order = sorted(per, key=lambda r: (-per[r]["done"], r is None, names[r]))
    rows = [(names[r], *(per[r][f] for f in FIGURES)) for r in order]
    return rows, (None, *(sum(p[f] for p in per.values()) for f in FIGURES))


def activity_filters(w: ActivityWorld) -> dict[str, tuple[dict[str, Any], Callable[[Act], bool], str]]:
    a = w.office.anong
    return {
        "all": ({}, lambda act: True, ""),
        "rep": ({"owner_id": a}, lambda act: act.assignee == a, ""),
        "no rep": ({"owner_id": ""}, lambda act: act.assignee is None, ""),
        "segment": ({"segment": "retail"}, lambda act: act.customer == "x", ""),
        "no segment": ({"segment": ""}, lambda act: SEGMENT.get(act.customer, "") == "", ""),
        "province": ({"province": PROVINCE["p"]}, lambda act: act.customer == "p", ""),
        "product": ({"product_id": "x"}, lambda act: True, NOT_APPLIED),
    }


@pytest.mark.parametrize("name", ("all", "rep", "no rep", "segment", "no segment", "province", "product"))
@pytest.mark.parametrize("month", (10, 11, 12))
def test_activities_per_rep(activity_world: ActivityWorld, name: str, month: int) -> None:
    narrowing, pick, note = activity_filters(activity_world)[name]
    year_month = f"2026-{month:02d}"
    db = activity_world.office.ctx.database
    table = activities.activities_by_rep(db, ReportFilter.month(year_month, **narrowing), TODAY)
    assert [c.key for c in table.columns] == ["rep", *FIGURES]
    assert (list(table.rows), table.total) == expected_activities(activity_world, month, pick)
    assert table.note == note


def test_activity_boundaries_by_name(activity_world: ActivityWorld) -> None:
    db = activity_world.office.ctx.database
    at = {key: i + 1 for i, key in enumerate(FIGURES)}
    october = activities.activities_by_rep(db, ReportFilter.month("2026-10"), TODAY)
    anong = next(r for r in october.rows if r[0] == "Anong")
    assert (anong[at["done_visit"]], anong[at["done"]], anong[at["overdue"]]) == (1, 1, 1)  # 23:59 visit; 31 Oct email
    assert october.total[at["overdue"]] == 1  # Boon's task due on 1 November is not late at October's end
    assert october.total[at["planned"]] == 0  # a period that is over has nothing left to plan
    november = activities.activities_by_rep(db, ReportFilter.month("2026-11"), TODAY)
    anong = next(r for r in november.rows if r[0] == "Anong")
    boon = next(r for r in november.rows if r[0] == "Boon")
    # Anong: the call, the midnight meeting, the note, the weekly meeting done on its own; overdue the
    # email only (the series' past Mondays are not); planned: this morning's call and Mondays 23 and 30.
    assert (anong[at["done"]], anong[at["done_meeting"]], anong[at["overdue"]], anong[at["planned"]]) == (4, 2, 1, 3)
    # Boon: tasks due 1 and 22 November overdue; due today and the call on the 30th planned.
    assert (boon[at["done"]], boon[at["overdue"]], boon[at["planned"]]) == (1, 2, 2)
