"""The pipeline figures of the report (pipeline by stage, deals won and lost, loss reasons and
competitors) on a small fixed set of deals made through the services, each figure checked against a
model of the same events kept in plain Python while they were made.

Boundaries: a move exactly at the office's midnight starting November (it belongs to November), one a
millisecond before it (October), a deal reopened after winning, one won and then lost, one created
after October, one deleted, one whose amount changed after October without a move, one with its own
probability."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.models import Product
from crm_desktop.queries.opportunities import OpportunityFilter, pipeline_totals
from crm_desktop.queries.reports import pipeline
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.table import ReportTable
from crm_desktop.services.opportunities import (
    OpportunityInput,
    create_opportunity,
    delete_opportunities,
    move_to_stage,
    opportunity_input,
    update_opportunity,
)
from crm_desktop.services.picklists import LOSS_REASONS
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.stages import default_stage_id
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
from tests.time_helpers import TODAY

__all__ = ["office_folder"]  # the module-scoped folder fixture

STAGES = ("prospecting", "qualification", "quotation", "negotiation", "won", "lost")
OPEN = STAGES[:4]
NAME = {k: k.capitalize() for k in STAGES}
PROBABILITY = dict(zip(STAGES, (10, 25, 50, 75, 100, 0), strict=True))
KIND = {k: ("open" if k in OPEN else k) for k in STAGES}
NOVEMBER = midnight(date(2026, 11, 1))  # 2026-10-31 17:00 UTC
MS = timedelta(milliseconds=1)


def utc(month: int, day: int, hour: int = 3) -> datetime:
    return datetime(2026, month, day, hour)


@dataclass
class Deal:
    """What the model knows of a deal: its fields now and every move (when, from, to, amount then)."""

    id: str
    owner: str | None
    customer: str  # "x", "y" or "p"
    channel: str
    amount: int
    probability: int
    stage: str
    products: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    moves: list[tuple[datetime, str | None, str, int]] = field(default_factory=list)
    loss_reason: str = ""
    competitor: str = ""
    deleted: bool = False


class World:
    """Makes deals through the services and keeps the same events in `deals`."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.deals: dict[str, Deal] = {}
        self.products: dict[str, tuple[str, str]] = {}  # key -> (id, category)

    def product(self, key: str, category: str) -> None:
        with self.office.ctx.uow() as uow:
            row = uow.products.add(Product(sku=key, name_th=f"สินค้า {key}", category=category, price_satang=500_000))
            uow.commit()
        self.products[key] = (row.id, category)

    def create(self, key: str, when: datetime, stage: str, amount: int, owner: str | None, customer: str,
               channel: str, probability: int | None = None, product: str | None = None) -> None:
        o = self.office
        account = {"x": o.x, "y": o.y}.get(customer)
        contact = o.p if customer == "p" else None
        lines = None
        if product is not None:
            lines = [LineInput("เครื่องปรับอากาศ", product_id=self.products[product][0], quantity_milli=2_000,
                               unit_price_satang=amount // 2)]
        data = OpportunityInput(f"deal {key}", default_stage_id(stage), amount, probability, account, contact,
                                owner, channel=channel, lines=lines)
        deal_id = create_opportunity(o.ctx.uow(), data, when).created[0]
        stored = opportunity_input(o.ctx.uow(), deal_id).amount_satang  # with lines: their total with VAT
        own = PROBABILITY[stage] if probability is None else probability
        item = self.products[product] if product else None
        deal = Deal(deal_id, owner, customer, channel, stored, own, stage, item[:1] if item else (),
                    item[1:] if item else ())
        deal.moves.append((when, None, stage, stored))
        self.deals[key] = deal

    def move(self, key: str, when: datetime, stage: str, reason: str | None = None, competitor: str = "") -> None:
        deal = self.deals[key]
        move_to_stage(self.office.ctx.uow(), deal.id, default_stage_id(stage), when, reason, competitor)
        deal.moves.append((when, deal.stage, stage, deal.amount))
        deal.stage, deal.probability = stage, PROBABILITY[stage]
        deal.loss_reason = reason or "" if stage == "lost" else ""
        deal.competitor = competitor or deal.competitor

    def set_amount(self, key: str, when: datetime, amount: int) -> None:
        deal = self.deals[key]
        data = opportunity_input(self.office.ctx.uow(), deal.id)
        data.amount_satang = amount
        update_opportunity(self.office.ctx.uow(), deal.id, data, when)
        deal.amount = amount

    def delete(self, key: str) -> None:
        delete_opportunities(self.office.ctx.uow(), [self.deals[key].id])
        self.deals[key].deleted = True


@pytest.fixture(scope="module", params=OFFICE_ENGINES)
def world(request: pytest.FixtureRequest, office_folder: Path) -> Iterator[World]:
    with open_office(request, office_folder) as office:
        w = World(office)
        a, b = office.anong, office.boon
        w.product("AC1", "แอร์")
        w.product("AC2", "แอร์")
        w.product("SV1", "บริการ")
        w.create("d1", utc(9, 20), "prospecting", 1_000_000, a, "x", "LINE", product="AC1")
        w.move("d1", utc(10, 5), "qualification")
        w.move("d1", utc(10, 20), "won")
        w.create("d2", utc(10, 2), "prospecting", 2_000_000, a, "x", "phone", probability=33, product="SV1")
        w.create("d3", utc(10, 3), "quotation", 3_000_000, b, "y", "LINE")
        w.set_amount("d3", utc(10, 15), 3_500_000)
        w.move("d3", NOVEMBER, "negotiation")  # exactly at midnight: a November move
        w.create("d4", utc(10, 1), "negotiation", 4_000_000, b, "y", "phone")
        w.move("d4", NOVEMBER - MS, "lost", LOSS_REASONS[0], "Siam Supply")  # the last moment of October
        w.create("d5", utc(10, 4), "qualification", 5_000_000, a, "p", "LINE")
        w.move("d5", utc(10, 25), "won")
        w.move("d5", utc(11, 5), "negotiation")  # reopened after winning
        w.create("d6", utc(11, 10), "prospecting", 600_000, None, "x", "phone")
        w.create("d7", utc(10, 6), "qualification", 700_000, b, "x", "LINE")
        w.move("d7", NOVEMBER, "lost", LOSS_REASONS[1])
        w.create("d8", utc(10, 7), "prospecting", 800_000, a, "y", "LINE")
        w.set_amount("d8", utc(11, 3), 850_000)  # no move: October counts the amount of today
        w.create("d9", utc(10, 8), "quotation", 900_000, b, "y", "phone")
        w.delete("d9")
        w.create("d10", utc(10, 9), "prospecting", 1_100_000, a, "x", "LINE", product="AC2")
        w.move("d10", utc(11, 2), "won")
        w.create("d11", utc(9, 1), "negotiation", 1_200_000, b, "p", "phone")
        w.move("d11", utc(9, 15), "lost", LOSS_REASONS[0], "Siam Supply")
        w.create("d12", utc(10, 10), "qualification", 1_300_000, None, "y", "LINE")
        w.move("d12", utc(10, 12), "lost", LOSS_REASONS[2], "ThaiTech")
        w.create("d13", utc(10, 11), "negotiation", 1_400_000, a, "y", "phone")
        w.move("d13", utc(10, 15), "won")
        w.move("d13", utc(11, 6), "lost", LOSS_REASONS[0], "ThaiTech")  # won, then lost: November's loss
        w.create("d14", utc(10, 13), "quotation", 1_500_000, b, "x", "LINE")
        w.move("d14", utc(10, 14), "lost", LOSS_REASONS[1], "Siam Supply")
        w.create("d15", utc(10, 16), "prospecting", 1_600_000, b, "y", "phone")
        w.move("d15", utc(10, 17), "won")
        # Two moves at one time, after a month's end: taken in the order written.
        w.create("d16", utc(9, 25), "prospecting", 1_700_000, a, "x", "LINE")
        w.move("d16", utc(10, 3), "qualification")
        w.move("d16", utc(10, 3), "quotation")
        w.create("d17", NOVEMBER + timedelta(hours=1), "prospecting", 1_800_000, b, "y", "LINE")
        w.move("d17", NOVEMBER + timedelta(hours=1), "negotiation")
        yield w


# --- the model ------------------------------------------------------------------------------


Pick = Callable[[Deal], bool]


def filters(w: World) -> dict[str, tuple[dict[str, Any], Pick]]:
    """Each narrowing of the report, with the same choice made on the model."""
    o = w.office
    ac1, _ = w.products["AC1"]
    assert ac1  # a real id: None would narrow nothing
    return {
        "all": ({}, lambda d: True),
        "rep": ({"owner_id": o.anong}, lambda d: d.owner == o.anong),
        "no rep": ({"owner_id": ""}, lambda d: d.owner is None),
        "segment": ({"segment": "retail"}, lambda d: SEGMENT[d.customer] == "retail"),
        "no segment": ({"segment": ""}, lambda d: SEGMENT[d.customer] == ""),
        "province": ({"province": PROVINCE["p"]}, lambda d: PROVINCE[d.customer] == PROVINCE["p"]),
        "channel": ({"channel": "LINE"}, lambda d: d.channel == "LINE"),
        "product": ({"product_id": ac1}, lambda d: ac1 in d.products),
        "category": ({"category": "แอร์"}, lambda d: "แอร์" in d.categories),
    }


def expected_pipeline(w: World, pick: Pick, moment: datetime, ended: bool) -> tuple[list[Any], tuple[Any, ...]]:
    """At `moment`: a deal not moved since is as it is now; one moved since is in the stage its first
    later move left, at that move's amount and its stage's probability."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for deal in w.deals.values():
        if deal.deleted or not pick(deal):
            continue
        later = [m for m in deal.moves if m[0] >= moment]  # in the order made
        if later:
            _when, stage, _to, amount = later[0]
            probability = PROBABILITY[stage] if stage else 0
        else:
            stage, amount, probability = deal.stage, deal.amount, deal.probability
        if stage in OPEN:
            per[stage][0] += 1
            per[stage][1] += amount
            per[stage][2] += amount * probability
    rows = [(NAME[s], per[s][0], per[s][1], float(PROBABILITY[s]), (per[s][2] + 50) // 100) for s in OPEN]
    exact = sum(p[2] for p in per.values())
    return rows, (None, sum(p[0] for p in per.values()), sum(p[1] for p in per.values()), None, (exact + 50) // 100)


def closed_in(w: World, pick: Pick, month: int) -> list[Deal]:
    """Deals now won or lost whose latest move (into that stage) was in `month` of 2026, office time."""
    start, end = midnight(date(2026, month, 1)), midnight(date(2026, month + 1, 1))
    return [d for d in w.deals.values() if not d.deleted and pick(d) and KIND[d.stage] in ("won", "lost")
            and start <= d.moves[-1][0] < end]


def expected_won_lost(w: World, closed: list[Deal]) -> tuple[list[Any], tuple[Any, ...]]:
    names = w.office.names
    per: dict[str | None, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for d in closed:
        at = 0 if d.stage == "won" else 2
        per[d.owner][at] += 1
        per[d.owner][at + 1] += d.amount
    order = sorted(per, key=lambda o: (-per[o][1], -per[o][0], o is None, names[o]))
    rows = [(names[o], *per[o], one_percent(per[o][0], per[o][0] + per[o][2])) for o in order]
    won = sum(1 for d in closed if d.stage == "won")
    total = (None, won, sum(d.amount for d in closed if d.stage == "won"), len(closed) - won,
             sum(d.amount for d in closed if d.stage == "lost"), one_percent(won, len(closed)))
    return rows, total


def expected_lost_by(closed: list[Deal], label: Callable[[Deal], str],
                     with_none: bool) -> tuple[list[Any], tuple[Any, ...]]:
    lost = [d for d in closed if d.stage == "lost"]
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in lost:
        if label(d) or with_none:
            per[label(d)][0] += 1
            per[label(d)][1] += d.amount
    order = sorted(per, key=lambda k: (k == "", -per[k][0], -per[k][1], k))
    named = sum(v[0] for v in per.values())
    return ([(k, per[k][0], per[k][1], one_percent(per[k][0], len(lost))) for k in order],
            (None, named, sum(v[1] for v in per.values()), one_percent(named, len(lost))))


def as_lists(table: ReportTable) -> tuple[list[Any], tuple[Any, ...] | None]:
    return list(table.rows), table.total


# --- the checks -----------------------------------------------------------------------------

FILTER_NAMES = ("all", "rep", "no rep", "segment", "no segment", "province", "channel", "product", "category")


@pytest.mark.parametrize("name", FILTER_NAMES)
@pytest.mark.parametrize("month", (9, 10))
def test_a_past_months_pipeline_is_rebuilt_as_it_stood_at_its_end(world: World, name: str, month: int) -> None:
    """September's end has fewer moves before it than after, October's the other way round: the two
    ways the history is read."""
    narrowing, pick = filters(world)[name]
    flt = ReportFilter.month(f"2026-{month:02d}", **narrowing)
    table = pipeline.pipeline_by_stage(world.office.ctx.database, flt, TODAY)
    assert as_lists(table) == expected_pipeline(world, pick, midnight(flt.end), True)
    assert table.note == "as_of_period_end"
    assert table.ids == tuple(default_stage_id(s) for s in OPEN)


@pytest.mark.parametrize("name", FILTER_NAMES)
def test_the_running_month_shows_the_pipeline_of_today(world: World, name: str) -> None:
    narrowing, pick = filters(world)[name]
    table = pipeline.pipeline_by_stage(world.office.ctx.database, ReportFilter.month("2026-11", **narrowing), TODAY)
    assert as_lists(table) == expected_pipeline(world, pick, midnight(TODAY + timedelta(days=1)), False)
    assert table.note == "as_of_today"


def test_the_pipeline_of_today_is_the_boards(world: World) -> None:
    board = pipeline_totals(world.office.ctx.database, OpportunityFilter())
    table = pipeline.pipeline_by_stage(world.office.ctx.database, ReportFilter.month("2026-11"), TODAY)
    assert table.total == (None, board.open_count, board.open_total_satang, None, board.open_weighted_satang)
    assert [r[1:3] for r in table.rows] == [(s.count, s.total_satang) for s in board.stages if s.stage.kind == "open"]


def test_a_report_made_on_the_first_of_the_next_month_is_as_of_its_midnight(world: World) -> None:
    """The monthly report for October made on 1 November: the move made at midnight is after it."""
    table = pipeline.pipeline_by_stage(world.office.ctx.database, ReportFilter.month("2026-10"), date(2026, 11, 1))
    assert as_lists(table) == expected_pipeline(world, lambda d: True, NOVEMBER, True)
    d2, d10 = world.deals["d2"].amount, world.deals["d10"].amount  # with lines: their total with VAT
    # Prospecting: d2 (its own 33 %), d8 (at today's amount: it did not move), d10 (won since); not
    # d17, created after midnight (its creation and its move share a time: the creation came first).
    weighted = (d2 * 33 + 850_000 * 10 + d10 * 10 + 50) // 100
    assert table.rows[0] == ("Prospecting", 3, d2 + 850_000 + d10, 10.0, weighted)
    assert table.rows[1] == ("Qualification", 1, 700_000, 25.0, 175_000)  # d7, lost at midnight
    # d3, moved on at midnight, and d16 (its two moves of 3 October: the later one written last).
    assert table.rows[2] == ("Quotation", 2, 3_500_000 + 1_700_000, 50.0, 2_600_000)
    assert table.rows[3] == ("Negotiation", 0, 0, 75.0, 0)  # d5 was won then, d13 too


@pytest.mark.parametrize("name", FILTER_NAMES)
@pytest.mark.parametrize("month", (9, 10, 11))
def test_won_and_lost_per_rep_with_the_win_rate(world: World, name: str, month: int) -> None:
    narrowing, pick = filters(world)[name]
    table = pipeline.deals_won_lost(world.office.ctx.database, ReportFilter.month(f"2026-{month:02d}", **narrowing),
                                    TODAY)
    assert as_lists(table) == expected_won_lost(world, closed_in(world, pick, month))


@pytest.mark.parametrize("name", FILTER_NAMES)
@pytest.mark.parametrize("month", (9, 10, 11))
def test_loss_reasons_and_competitors(world: World, name: str, month: int) -> None:
    narrowing, pick = filters(world)[name]
    flt = ReportFilter.month(f"2026-{month:02d}", **narrowing)
    closed = closed_in(world, pick, month)
    db = world.office.ctx.database
    reasons = expected_lost_by(closed, lambda d: d.loss_reason, True)
    assert as_lists(pipeline.lost_by_reason(db, flt, TODAY)) == reasons
    assert as_lists(pipeline.lost_by_competitor(db, flt, TODAY)) == expected_lost_by(closed, lambda d: d.competitor,
                                                                                     False)


def test_the_boundaries_by_name(world: World) -> None:
    """The cases the data set was made for, spelled out (the model could share a mistake)."""
    db = world.office.ctx.database
    october = pipeline.deals_won_lost(db, ReportFilter.month("2026-10"), TODAY)
    november = pipeline.deals_won_lost(db, ReportFilter.month("2026-11"), TODAY)
    # October: won d1, d15 (d5 reopened and d13 lost since do not count); lost d4 (at 23:59:59.999), d12, d14.
    assert october.total == (None, 2, world.deals["d1"].amount + 1_600_000, 3, 4_000_000 + 1_300_000 + 1_500_000, 40.0)
    # November: won d10; lost d7 (at midnight exactly) and d13 (won in October, lost in November).
    assert november.total == (None, 1, world.deals["d10"].amount, 2, 700_000 + 1_400_000, 33.3)
    reasons = pipeline.lost_by_reason(db, ReportFilter.month("2026-10"), TODAY)
    assert reasons.rows == ((LOSS_REASONS[0], 1, 4_000_000, 33.3), (LOSS_REASONS[1], 1, 1_500_000, 33.3),
                            (LOSS_REASONS[2], 1, 1_300_000, 33.3))  # one each: the larger amount first
    competitors = pipeline.lost_by_competitor(db, ReportFilter.month("2026-11"), TODAY)
    assert competitors.rows == (("ThaiTech", 1, 1_400_000, 50.0),)
    assert competitors.total == (None, 1, 1_400_000, 50.0)  # d7 named nobody


def test_an_empty_period_has_rows_of_zero_and_no_rates(world: World) -> None:
    db = world.office.ctx.database
    flt = ReportFilter.month("2026-05")
    stages = pipeline.pipeline_by_stage(db, flt, TODAY)
    assert stages.total == (None, 0, 0, None, 0) and len(stages.rows) == 4
    assert pipeline.deals_won_lost(db, flt, TODAY).total == (None, 0, 0, 0, 0, None)
    assert pipeline.lost_by_reason(db, flt, TODAY).total == (None, 0, 0, None)
