"""Sales targets per rep and month, and the attainment view (won against target, commission)."""

from __future__ import annotations

from datetime import datetime

import pytest

from crm_desktop.errors import ValidationError
from crm_desktop.models import User
from crm_desktop.queries.opportunities import attainment
from crm_desktop.services.app import AppContext
from crm_desktop.services.opportunities import (
    OpportunityInput,
    create_opportunity,
    delete_opportunities,
    move_to_stage,
)
from crm_desktop.services.stages import default_stage_id
from crm_desktop.services.targets import delete_target, set_target, target_id

pytestmark = pytest.mark.server

WON, NEGOTIATION = default_stage_id("won"), default_stage_id("negotiation")


def add_user(ctx: AppContext, name: str) -> str:
    with ctx.uow() as uow:
        user = uow.users.add(User(name=name, role="sales"))
        uow.commit()
    return user.id


def deal(ctx: AppContext, owner: str | None, amount: int, won_at: datetime | None) -> str:
    opp = create_opportunity(
        ctx.uow(), OpportunityInput(f"Deal {amount}", NEGOTIATION, amount, owner_id=owner), datetime(2026, 10, 1)
    ).created[0]
    if won_at is not None:
        move_to_stage(ctx.uow(), opp, WON, won_at)
    return opp


def test_set_target_is_an_upsert_per_rep_and_month_with_a_fixed_id(ctx: AppContext) -> None:
    rep = add_user(ctx, "Somchai")
    first = set_target(ctx.uow(), rep, "2026-11", 50_000_000, 300)
    assert first.created == (target_id(rep, "2026-11"),)
    again = set_target(ctx.uow(), rep, " 2026-11 ", 60_000_000, 250)
    assert again.updated == first.created
    [row] = attainment(ctx.database, "2026-11")
    assert (row.target_satang, row.commission_bp) == (60_000_000, 250)
    delete_target(ctx.uow(), rep, "2026-11")
    assert attainment(ctx.database, "2026-11") == []
    assert set_target(ctx.uow(), rep, "2026-11", 1, 0).created == first.created  # the tombstone comes back


@pytest.mark.parametrize(
    ("month", "amount", "bp", "field"),
    [
        ("2026-13", 1, 0, "month"),
        ("11/2026", 1, 0, "month"),
        ("2569-11", 1, 0, "month"),  # Buddhist era: refused, not guessed
        ("2026-11", -5, 0, "amount_satang"),
        ("2026-11", 1, 10_001, "commission_bp"),
    ],
)
def test_targets_are_validated(ctx: AppContext, month: str, amount: int, bp: int, field: str) -> None:
    rep = add_user(ctx, "Somchai")
    with pytest.raises(ValidationError) as err:
        set_target(ctx.uow(), rep, month, amount, bp)
    assert err.value.field == field
    with pytest.raises(ValidationError):
        set_target(ctx.uow(), "nobody", "2026-11", 1, 0)


def test_attainment_counts_deals_won_in_the_month_with_commission(ctx: AppContext) -> None:
    somchai, somying = add_user(ctx, "Somchai"), add_user(ctx, "Somying")
    set_target(ctx.uow(), somchai, "2026-11", 1_000_000, 500)  # 10,000 baht target, 5 %
    set_target(ctx.uow(), somying, "2026-11", 2_000_000, 300)
    deal(ctx, somchai, 600_000, datetime(2026, 11, 5, 10, 0))
    deal(ctx, somchai, 333_333, datetime(2026, 11, 28, 10, 0))
    deal(ctx, somchai, 700_000, datetime(2026, 10, 31, 10, 0))  # October
    deal(ctx, somchai, 400_000, datetime(2026, 11, 30, 18, 0))  # 1 December, 01:00 in Bangkok
    deal(ctx, somchai, 800_000, datetime(2026, 10, 31, 17, 30))  # 1 November, 00:30 in Bangkok
    deal(ctx, somchai, 900_000, None)  # still open
    reopened = deal(ctx, somying, 5_000_000, datetime(2026, 11, 10, 9, 0))
    move_to_stage(ctx.uow(), reopened, NEGOTIATION, datetime(2026, 11, 12, 9, 0))
    gone = deal(ctx, somying, 7_000_000, datetime(2026, 11, 10, 9, 0))
    delete_opportunities(ctx.uow(), [gone])
    deal(ctx, None, 123_400, datetime(2026, 11, 3, 9, 0))

    rows = attainment(ctx.database, "2026-11")
    assert [(r.rep_name, r.target_satang, r.won_satang, r.won_count, r.percent, r.commission_satang)
            for r in rows] == [
        ("Somchai", 1_000_000, 1_733_333, 3, 173.3, 86_667),  # 1,733,333 × 5 % = 86,666.65 -> 86,667
        ("Somying", 2_000_000, 0, 0, 0.0, 0),
        ("", 0, 123_400, 1, None, 0),
    ]
    assert rows[2].owner_id is None
    assert [r.won_satang for r in attainment(ctx.database, "2026-12")] == [400_000]
