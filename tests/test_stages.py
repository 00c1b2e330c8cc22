"""Pipeline stages: seeded defaults with fixed ids, and the owner's edits with their guards."""

from __future__ import annotations

from datetime import datetime

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.queries.stages import stages
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, delete_opportunities
from crm_desktop.services.stages import (
    StageInput,
    create_stage,
    default_stage_id,
    delete_stage,
    ensure_default_stages,
    reorder_stages,
    restore_stage,
    update_stage,
)

pytestmark = pytest.mark.server

NOW = datetime(2026, 11, 23, 3, 0)


def test_defaults_are_seeded_once_with_fixed_ids(ctx: AppContext) -> None:
    rows = stages(ctx.database)
    assert [(r.name, r.probability, r.kind) for r in rows] == [
        ("Prospecting", 10, "open"), ("Qualification", 25, "open"), ("Quotation", 50, "open"),
        ("Negotiation", 75, "open"), ("Won", 100, "won"), ("Lost", 0, "lost"),
    ]
    assert [r.id for r in rows] == [default_stage_id(r.default_key) for r in rows]
    assert rows[0].default_key == "prospecting"
    with ctx.uow() as uow:
        assert ensure_default_stages(uow) == 0
    assert stages(ctx.database) == rows


def test_reopening_keeps_the_owners_edits(clock: FixedClock, ctx: AppContext, db_path: object) -> None:
    won = default_stage_id("won")
    update_stage(ctx.uow(), won, StageInput("ปิดการขายได้", 100, "won"))
    delete_stage(ctx.uow(), default_stage_id("qualification"))
    location = ctx.database.server or db_path  # the same database, a file or a server
    ctx.close()
    again = open_app(location, clock=clock)  # type: ignore[arg-type]
    try:
        rows = stages(again.database)
        assert "ปิดการขายได้" in [r.name for r in rows]
        assert default_stage_id("qualification") not in [r.id for r in rows]  # deleted stays deleted
        assert len(rows) == 5
    finally:
        again.close()


def test_create_rename_reorder_and_probability(ctx: AppContext) -> None:
    created = create_stage(ctx.uow(), StageInput("  Demo  ", 40, "open")).created[0]
    rows = stages(ctx.database)
    assert rows[-1].id == created and rows[-1].name == "Demo" and rows[-1].default_key == ""
    order = [created] + [r.id for r in rows if r.id != created]
    reorder_stages(ctx.uow(), order)
    assert [r.id for r in stages(ctx.database)] == order
    update_stage(ctx.uow(), created, StageInput("Demo visit", 35, "open"))
    first = stages(ctx.database)[0]
    assert (first.name, first.probability) == ("Demo visit", 35)


def test_stage_input_is_validated(ctx: AppContext) -> None:
    with pytest.raises(ValidationError) as err:
        create_stage(ctx.uow(), StageInput("won", 100, "won"))
    assert err.value.field == "name"
    assert "Won" in err.value.text("th")
    with pytest.raises(ValidationError):
        create_stage(ctx.uow(), StageInput("Later", 101, "open"))
    with pytest.raises(ValidationError):
        create_stage(ctx.uow(), StageInput("Later", 10, "paused"))
    with pytest.raises(DomainError):
        reorder_stages(ctx.uow(), [default_stage_id("won")])
    assert len(stages(ctx.database)) == 6


def test_deleting_a_stage_in_use_is_refused_with_a_readable_message(ctx: AppContext) -> None:
    quotation = default_stage_id("quotation")
    opp = create_opportunity(ctx.uow(), OpportunityInput("Printer lease", quotation, 100_000), NOW).created[0]
    with pytest.raises(DomainError) as err:
        delete_stage(ctx.uow(), quotation)
    assert err.value.text() == "This stage still holds 1 deal(s). Move them to another stage before deleting it."
    assert err.value.text("th") == "ขั้นตอนนี้ยังมีดีลอยู่ 1 รายการ โปรดย้ายดีลไปขั้นตอนอื่นก่อนลบ"
    with pytest.raises(DomainError):
        update_stage(ctx.uow(), quotation, StageInput("Quotation", 50, "lost"))
    delete_opportunities(ctx.uow(), [opp])
    delete_stage(ctx.uow(), quotation)  # only deleted deals left: allowed
    assert quotation not in [s.id for s in stages(ctx.database)]
    restore_stage(ctx.uow(), quotation)
    assert quotation in [s.id for s in stages(ctx.database)]


def test_one_open_one_won_one_lost_stage_must_remain(ctx: AppContext) -> None:
    with pytest.raises(DomainError) as err:
        delete_stage(ctx.uow(), default_stage_id("won"))
    assert "won" in err.value.text()
    with pytest.raises(DomainError):
        update_stage(ctx.uow(), default_stage_id("lost"), StageInput("Lost", 0, "open"))
    for key in ("prospecting", "qualification", "quotation"):
        delete_stage(ctx.uow(), default_stage_id(key))
    with pytest.raises(DomainError):
        delete_stage(ctx.uow(), default_stage_id("negotiation"))
    # A second won stage makes the first one deletable.
    create_stage(ctx.uow(), StageInput("Won (partial)", 100, "won"))
    delete_stage(ctx.uow(), default_stage_id("won"))
    assert [s.kind for s in stages(ctx.database)] == ["open", "lost", "won"]
