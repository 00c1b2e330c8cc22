"""Deals: stage moves with their history, loss reasons, time in stage, list, board and weighted totals."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import PickList, StageHistory, User
from crm_desktop.queries.opportunities import (
    OpportunityFilter,
    board,
    column_cards,
    opportunity_head,
    opportunity_keys,
    opportunity_rows,
    pipeline_totals,
    stage_timeline,
)
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.opportunities import (
    OpportunityInput,
    create_opportunity,
    delete_opportunities,
    move_to_stage,
    opportunity_input,
    restore_opportunities,
    update_opportunity,
)
from crm_desktop.services.stages import default_stage_id

pytestmark = pytest.mark.server

T0 = datetime(2026, 11, 1, 2, 0)
TODAY = date(2026, 11, 23)
PROSPECTING, QUALIFICATION, QUOTATION, NEGOTIATION, WON, LOST = (
    default_stage_id(k) for k in ("prospecting", "qualification", "quotation", "negotiation", "won", "lost")
)


def add_user(ctx: AppContext, name: str) -> str:
    with ctx.uow() as uow:
        user = uow.users.add(User(name=name, role="sales"))
        uow.commit()
    return user.id


def add_loss_reason(ctx: AppContext, value: str) -> None:
    with ctx.uow() as uow:
        uow.pick_lists.add(PickList(kind="loss_reason", value=value, position=99))
        uow.commit()


def history(ctx: AppContext, opp_id: str) -> list[tuple[object, ...]]:
    h = StageHistory.__table__.c
    stmt = (select(h.from_stage_id, h.to_stage_id, h.changed_at, h.changed_by, h.amount_satang)
            .where(h.opportunity_id == opp_id).order_by(h.changed_at, h.id))
    with ctx.database.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(stmt)]


def new_deal(ctx: AppContext, name: str = "POS system", stage: str = PROSPECTING, amount: int = 1_000_000,
             now: datetime = T0, **kw: object) -> str:
    return create_opportunity(ctx.uow(), OpportunityInput(name, stage, amount, **kw), now).created[0]  # type: ignore[arg-type]


def test_create_writes_the_first_history_row_and_takes_the_stage_probability(ctx: AppContext) -> None:
    opp = new_deal(ctx)
    assert history(ctx, opp) == [(None, PROSPECTING, datetime(2026, 11, 1, 2), ctx.user_id, 1_000_000)]
    assert opportunity_input(ctx.uow(), opp).probability == 10
    other = new_deal(ctx, "Own guess", probability=33)
    assert opportunity_input(ctx.uow(), other).probability == 33


def test_every_move_is_recorded_with_who_and_the_amount_at_the_time(ctx: AppContext) -> None:
    opp = new_deal(ctx)
    move_to_stage(ctx.uow(), opp, QUOTATION, T0 + timedelta(days=3))
    data = opportunity_input(ctx.uow(), opp)
    assert data.probability == 50
    data.amount_satang = 1_500_000
    update_opportunity(ctx.uow(), opp, data, T0 + timedelta(days=4))  # same stage: no history row
    ctx.user_id = add_user(ctx, "สมหญิง")
    move_to_stage(ctx.uow(), opp, NEGOTIATION, T0 + timedelta(days=5))
    assert move_to_stage(ctx.uow(), opp, NEGOTIATION, T0 + timedelta(days=6)).ids == ()  # already there
    rows = history(ctx, opp)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        (None, PROSPECTING, rows[0][3], 1_000_000),
        (PROSPECTING, QUOTATION, rows[0][3], 1_000_000),
        (QUOTATION, NEGOTIATION, ctx.user_id, 1_500_000),
    ]
    assert opportunity_input(ctx.uow(), opp).probability == 75


def test_changing_the_stage_in_the_form_is_a_move(ctx: AppContext) -> None:
    opp = new_deal(ctx)
    data = opportunity_input(ctx.uow(), opp)
    data.stage_id, data.probability = QUALIFICATION, None
    update_opportunity(ctx.uow(), opp, data, T0 + timedelta(days=1))
    assert [r[1] for r in history(ctx, opp)] == [PROSPECTING, QUALIFICATION]
    assert opportunity_input(ctx.uow(), opp).probability == 25


def test_losing_requires_a_reason_from_the_pick_list_and_may_record_the_competitor(ctx: AppContext) -> None:
    add_loss_reason(ctx, "ราคาสูงกว่าคู่แข่ง")
    opp = new_deal(ctx)
    with pytest.raises(ValidationError) as err:
        move_to_stage(ctx.uow(), opp, LOST, T0 + timedelta(days=1))
    assert err.value.field == "loss_reason"
    assert err.value.text("th") == "กรุณาเลือกเหตุผลที่ปิดการขายไม่ได้"
    with pytest.raises(ValidationError):
        move_to_stage(ctx.uow(), opp, LOST, T0 + timedelta(days=1), loss_reason="Bad luck")
    assert len(history(ctx, opp)) == 1  # the failed moves left no trace
    move_to_stage(ctx.uow(), opp, LOST, T0 + timedelta(days=2), loss_reason="ราคาสูงกว่าคู่แข่ง", competitor="Acme POS")
    data = opportunity_input(ctx.uow(), opp)
    assert (data.stage_id, data.loss_reason, data.competitor, data.probability) == (LOST, "ราคาสูงกว่าคู่แข่ง",
                                                                                   "Acme POS", 0)
    move_to_stage(ctx.uow(), opp, NEGOTIATION, T0 + timedelta(days=3))  # reopened
    data = opportunity_input(ctx.uow(), opp)
    assert (data.loss_reason, data.competitor) == ("", "Acme POS")
    with pytest.raises(ValidationError):
        create_opportunity(ctx.uow(), OpportunityInput("Lost at once", LOST, 5), T0)


def test_timeline_shows_the_time_spent_in_each_stage(ctx: AppContext) -> None:
    rep = add_user(ctx, "Somchai")
    ctx.user_id = rep
    opp = new_deal(ctx)
    move_to_stage(ctx.uow(), opp, QUOTATION, T0 + timedelta(days=3, hours=12))
    move_to_stage(ctx.uow(), opp, WON, T0 + timedelta(days=10))
    entries = stage_timeline(ctx.database, opp, now=T0 + timedelta(days=15))
    assert [(e.stage_name, e.from_stage_name, e.days, e.changed_by_name) for e in entries] == [
        ("Prospecting", "", 3, "Somchai"),
        ("Quotation", "Prospecting", 6, "Somchai"),
        ("Won", "Quotation", 5, "Somchai"),
    ]
    assert entries[1].duration == timedelta(days=6, hours=12)
    assert entries[0].left_at == entries[1].entered_at and entries[-1].left_at is None
    assert entries[0].amount_satang == 1_000_000


def test_list_rows_filters_and_days_in_stage(ctx: AppContext) -> None:
    rep = add_user(ctx, "Somchai")
    account = create_account(ctx.uow(), AccountInput("บริษัท ทดสอบ จำกัด"), TODAY).created[0]
    a = new_deal(ctx, "Printer lease", amount=250_000, owner_id=rep, account_id=account, channel="LINE",
                 expected_close=date(2026, 12, 15))
    b = new_deal(ctx, "เครื่องถ่ายเอกสาร", amount=99_999, expected_close=date(2026, 11, 30))
    move_to_stage(ctx.uow(), a, QUOTATION, datetime(2026, 11, 20, 9, 0))
    keys = opportunity_keys(ctx.database, OpportunityFilter())
    rows = opportunity_rows(ctx.database, keys, TODAY)
    assert [r.id for r in rows] == [b, a]  # soonest close first
    row_a = rows[1]
    assert (row_a.account_name, row_a.owner_name, row_a.stage_name, row_a.probability, row_a.weighted_satang,
            row_a.days_in_stage) == ("บริษัท ทดสอบ จำกัด", "Somchai", "Quotation", 50, 125_000, 3)
    assert rows[0].weighted_satang == 10_000  # 99,999 × 10 % = 9,999.9 -> rounded half up
    assert rows[0].days_in_stage == 22

    def ids(**kw: str) -> list[str]:
        """The list's ids; its head (the first screen: count and first key) agrees, in every sort."""
        flt = OpportunityFilter(**kw)
        for sort, descending in (("expected_close", False), ("name", True), ("stage_name", False),
                                 ("days_in_stage", True), ("owner_name", False)):
            keys = opportunity_keys(ctx.database, flt, sort, descending)
            assert opportunity_head(ctx.database, flt, sort, descending, 1) == (len(keys), keys[:1])
        return [r.id for r in opportunity_rows(ctx.database, opportunity_keys(ctx.database, flt))]

    assert ids(owner_id=rep) == [a]
    assert ids(stage_id=PROSPECTING) == [b]
    assert ids(close_month="2026-12") == [a]
    assert ids(channel="LINE") == [a]
    assert ids(account_id=account) == [a]
    assert ids(text="ถ่ายเอกสาร") == [b]
    assert ids(stage_kind="won") == []
    assert ids() == [b, a]
    assert [r.id for r in opportunity_rows(ctx.database, opportunity_keys(ctx.database, OpportunityFilter(),
                                                                          "amount_satang", True))] == [a, b]
    assert opportunity_keys(ctx.database, OpportunityFilter(), "days_in_stage", True)[0] == rows[0].id


def test_board_counts_totals_and_lazy_cards(ctx: AppContext) -> None:
    add_loss_reason(ctx, "No budget")
    for i in range(7):
        new_deal(ctx, f"Deal {i}", amount=100_000 * (i + 1), expected_close=date(2026, 12, 1 + i))
    q = new_deal(ctx, "Quoted", stage=QUOTATION, amount=333)
    new_deal(ctx, "Won one", stage=WON, amount=9_000_000)
    lost = new_deal(ctx, "Lost one", amount=1)
    move_to_stage(ctx.uow(), lost, LOST, T0, loss_reason="No budget")
    deleted = new_deal(ctx, "Gone", amount=5)
    delete_opportunities(ctx.uow(), [deleted])

    result = board(ctx.database, OpportunityFilter(), per_column_limit=3, today=TODAY)
    assert [c.stage.name for c in result.columns] == ["Prospecting", "Qualification", "Quotation", "Negotiation"]
    assert [s.kind for s in result.drop_zones] == ["won", "lost"]
    prospecting = result.columns[0]
    assert (prospecting.count, prospecting.total_satang, prospecting.weighted_satang) == (7, 2_800_000, 280_000)
    assert [c.name for c in prospecting.cards] == ["Deal 0", "Deal 1", "Deal 2"]
    assert prospecting.cards[0].days_in_stage == 22
    more = column_cards(ctx.database, PROSPECTING, OpportunityFilter(), offset=3, limit=10, today=TODAY)
    assert [c.name for c in more] == ["Deal 3", "Deal 4", "Deal 5", "Deal 6"]
    quotation = result.columns[2]
    assert (quotation.count, quotation.total_satang, quotation.weighted_satang) == (1, 333, 167)
    assert quotation.cards[0].id == q
    assert result.columns[1].count == 0 and result.columns[1].cards == ()
    filtered = board(ctx.database, OpportunityFilter(text="Deal 6"), per_column_limit=3, today=TODAY)
    assert filtered.columns[0].count == 1

    totals = pipeline_totals(ctx.database)
    by_name = {t.stage.name: t for t in totals.stages}
    assert (by_name["Won"].count, by_name["Won"].weighted_satang) == (1, 9_000_000)
    assert by_name["Lost"].weighted_satang == 0
    assert (totals.open_count, totals.open_total_satang) == (8, 2_800_333)
    # 2,800,000 × 10 % + 333 × 50 % = 280,000 + 166.5 -> 280,167 (rounded once, from the exact sum)
    assert totals.open_weighted_satang == 280_167

    restore_opportunities(ctx.uow(), [deleted])
    assert board(ctx.database, OpportunityFilter(), 3, TODAY).columns[0].count == 8


def test_input_is_validated_and_deleted_deals_cannot_move(ctx: AppContext) -> None:
    with pytest.raises(ValidationError) as err:
        create_opportunity(ctx.uow(), OpportunityInput("Bad", PROSPECTING, -1), T0)
    assert err.value.field == "amount_satang"
    with pytest.raises(ValidationError):
        create_opportunity(ctx.uow(), OpportunityInput("Bad", PROSPECTING, 10.5), T0)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        create_opportunity(ctx.uow(), OpportunityInput("Bad", "no-such-stage", 1), T0)
    with pytest.raises(ValidationError):
        create_opportunity(ctx.uow(), OpportunityInput(" ", PROSPECTING, 1), T0)
    with pytest.raises(ValidationError):
        create_opportunity(ctx.uow(), OpportunityInput("Bad", PROSPECTING, 1, probability=120), T0)
    opp = new_deal(ctx)
    delete_opportunities(ctx.uow(), [opp])
    with pytest.raises(NotFound):
        move_to_stage(ctx.uow(), opp, WON, T0)
