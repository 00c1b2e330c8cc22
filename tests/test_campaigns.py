"""Campaigns: validation, the list the picker and filter use, leads found by campaign, and a campaign
in use that cannot be deleted (its attribution would be lost)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.queries.campaigns import campaigns
from crm_desktop.queries.leads import LeadFilter, lead_detail, lead_keys, lead_rows
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaigns import (
    CampaignInput,
    campaign_input,
    create_campaign,
    delete_campaign,
    restore_campaign,
    update_campaign,
)
from crm_desktop.services.leads import LeadInput, create_lead, delete_leads, lead_input, restore_leads, update_lead
from crm_desktop.services.opportunities import (
    OpportunityInput,
    create_opportunity,
    delete_opportunities,
    opportunity_input,
    restore_opportunities,
    update_opportunity,
)
from crm_desktop.services.stages import default_stage_id
from tests.server_helpers import fetch

pytestmark = pytest.mark.server

FAIR = CampaignInput(
    name="งานบ้านและสวนแฟร์ 2569",
    channel="trade_show",
    status="active",
    starts_on=date(2026, 11, 1),
    ends_on=date(2026, 11, 10),
    cost_satang=8_500_000,
    notes="บูธ B12",
)


@pytest.fixture
def app(ctx: AppContext) -> AppContext:
    return ctx


def add(app: AppContext, data: CampaignInput = FAIR, **fields: object) -> str:
    return create_campaign(app.uow(), replace(data, **fields)).created[0]  # type: ignore[arg-type]


def new_lead(app: AppContext, **fields: object) -> str:
    return create_lead(app.uow(), LeadInput(**{"first_name": "สมชาย", **fields})).created[0]  # type: ignore[arg-type]


def lead_ids(app: AppContext, flt: LeadFilter) -> list[str]:
    return [r.id for r in lead_rows(app.database, lead_keys(app.database, flt))]


def test_a_campaign_is_saved_listed_and_logged(app: AppContext) -> None:
    fair = add(app, name="  งานบ้านและสวนแฟร์ 2569 ")
    assert campaign_input(app.uow(), fair) == FAIR  # the name is trimmed
    [row] = campaigns(app.database)
    assert (row.id, row.name, row.channel, row.status, row.starts_on, row.ends_on, row.cost_satang, row.lead_count) == (
        fair,
        "งานบ้านและสวนแฟร์ 2569",
        "trade_show",
        "active",
        date(2026, 11, 1),
        date(2026, 11, 10),
        8_500_000,
        0,
    )
    assert fetch(app, "SELECT count(*) FROM change WHERE entity = 'campaign' AND row_id = ?", (fair,)) == [(1,)]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"status": "paused"}, "status"),
        ({"starts_on": date(2026, 11, 10), "ends_on": date(2026, 11, 9)}, "ends_on"),
        ({"cost_satang": -1}, "cost_satang"),
        ({"cost_satang": 1.5}, "cost_satang"),
        ({"channel": "x" * 31}, "channel"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_saved(app: AppContext, fields: dict, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        add(app, **fields)
    assert err.value.field == field
    assert err.value.text("th") != err.value.text("en")  # the message has Thai
    assert campaigns(app.database) == []


def test_one_day_campaign_and_open_dates_are_fine(app: AppContext) -> None:
    add(app, name="Walk-in day", starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 1), cost_satang=0)
    add(app, name="No dates yet", starts_on=None, ends_on=None, status="planned")
    # Undated (planned) campaigns first, then the newest start.
    assert [c.name for c in campaigns(app.database)] == ["No dates yet", "Walk-in day"]


def test_names_are_unique_among_live_campaigns_ignoring_case(app: AppContext) -> None:
    fair = add(app, name="Home Fair 2026")
    with pytest.raises(ValidationError) as err:
        add(app, name="home fair 2026")
    assert (err.value.field, err.value.params["name"]) == ("name", "Home Fair 2026")
    other = add(app, name="Songkran promo")
    with pytest.raises(ValidationError):
        update_campaign(app.uow(), other, replace(FAIR, name="HOME FAIR 2026"))
    update_campaign(app.uow(), fair, replace(FAIR, name="HOME FAIR 2026", cost_satang=9_000_000))  # its own name
    assert campaign_input(app.uow(), fair).cost_satang == 9_000_000

    # A deleted campaign frees its name; Undo is refused while another campaign holds it.
    delete_campaign(app.uow(), fair)
    again = add(app, name="Home Fair 2026")
    with pytest.raises(ValidationError):
        restore_campaign(app.uow(), fair)
    delete_campaign(app.uow(), again)
    restore_campaign(app.uow(), fair)
    assert [c.id for c in campaigns(app.database) if c.name == "HOME FAIR 2026"] == [fair]


def test_the_filter_returns_exactly_the_campaigns_leads(app: AppContext) -> None:
    fair = add(app)
    promo = add(app, name="โปรโมชันเฟซบุ๊ก", channel="facebook")
    a = new_lead(app, first_name="อนันต์", source="trade_show", campaign_id=fair)
    b = new_lead(app, first_name="บุญมี", source="trade_show", campaign_id=fair)
    c = new_lead(app, first_name="ชาติชาย", source="facebook", campaign_id=promo)
    new_lead(app, first_name="ดวงใจ", source="trade_show")  # same source, no campaign
    gone = new_lead(app, first_name="เอกชัย", campaign_id=fair)
    delete_leads(app.uow(), [gone])

    assert sorted(lead_ids(app, LeadFilter(campaign_id=fair))) == sorted([a, b])
    assert lead_ids(app, LeadFilter(campaign_id=promo)) == [c]
    assert lead_ids(app, LeadFilter(campaign_id=promo, source="trade_show")) == []
    assert {r.name: r.lead_count for r in campaigns(app.database)} == {FAIR.name: 2, "โปรโมชันเฟซบุ๊ก": 1}
    assert lead_detail(app.database, a).campaign_name == FAIR.name  # type: ignore[union-attr]

    # Moving a lead to another campaign moves it between the filters.
    update_lead(app.uow(), b, replace(lead_input(app.uow(), b), campaign_id=promo))
    assert lead_ids(app, LeadFilter(campaign_id=fair)) == [a]
    assert sorted(lead_ids(app, LeadFilter(campaign_id=promo))) == sorted([b, c])


def test_a_campaign_in_use_is_not_deleted(app: AppContext) -> None:
    fair = add(app)
    lead = new_lead(app, campaign_id=fair)
    with pytest.raises(DomainError) as err:
        delete_campaign(app.uow(), fair)
    assert "linked to 1 lead(s) and 0 deal(s)" in err.value.text("en")
    assert "ลีด 1 รายการ" in err.value.text("th")
    assert lead_detail(app.database, lead).campaign_id == fair  # type: ignore[union-attr]
    assert [c.id for c in campaigns(app.database)] == [fair]

    # A deal carrying the campaign (converted from such a lead) keeps it too.
    data = OpportunityInput(name="แอร์ 10 เครื่อง", stage_id=default_stage_id("prospecting"), campaign_id=fair)
    deal = create_opportunity(app.uow(), data, datetime(2026, 11, 20, 3, 0)).created[0]
    delete_leads(app.uow(), [lead])
    with pytest.raises(DomainError) as err:
        delete_campaign(app.uow(), fair)
    assert "0 lead(s) and 1 deal(s)" in err.value.text("en")

    # Once nothing live points at it, it goes; Undo brings it back.
    delete_opportunities(app.uow(), [deal])
    assert delete_campaign(app.uow(), fair).deleted == (fair,)
    assert campaigns(app.database) == []
    restore_campaign(app.uow(), fair)
    assert [c.id for c in campaigns(app.database)] == [fair]


def test_a_lead_keeps_its_deleted_campaign_but_new_links_need_a_live_one(app: AppContext) -> None:
    fair = add(app)
    lead = new_lead(app, campaign_id=fair)
    delete_leads(app.uow(), [lead])
    delete_campaign(app.uow(), fair)
    restore_leads(app.uow(), [lead])  # the lead comes back pointing at the deleted campaign

    data = lead_input(app.uow(), lead)
    update_lead(app.uow(), lead, replace(data, interest="แอร์"))  # unchanged link: kept
    assert lead_detail(app.database, lead).campaign_id == fair  # type: ignore[union-attr]
    assert [c.id for c in campaigns(app.database, include_id=fair)] == [fair]  # the form can still show it
    assert campaigns(app.database) == []
    with pytest.raises(ValidationError) as err:
        new_lead(app, first_name="มานี", campaign_id=fair)
    assert err.value.field == "campaign_id"


def test_a_deal_keeps_its_deleted_campaign_but_new_links_need_a_live_one(app: AppContext) -> None:
    fair, promo = add(app), add(app, replace(FAIR, name="โปร 11.11"))
    now = datetime(2026, 11, 20, 3, 0)
    data = OpportunityInput(name="แอร์ 10 เครื่อง", stage_id=default_stage_id("prospecting"), campaign_id=fair)
    deal = create_opportunity(app.uow(), data, now).created[0]
    update_opportunity(app.uow(), deal, replace(opportunity_input(app.uow(), deal), campaign_id=promo), now)
    delete_opportunities(app.uow(), [deal])
    delete_campaign(app.uow(), promo)
    restore_opportunities(app.uow(), [deal])  # back, pointing at the deleted campaign
    update_opportunity(app.uow(), deal, replace(opportunity_input(app.uow(), deal), name="แอร์ 12 เครื่อง"), now)
    assert opportunity_input(app.uow(), deal).campaign_id == promo  # an unchanged link is kept
    for making in (lambda: create_opportunity(app.uow(), replace(data, campaign_id=promo), now),
                   lambda: update_opportunity(app.uow(), deal, replace(data, campaign_id=promo + "x"), now)):
        with pytest.raises(ValidationError) as err:
            making()
        assert err.value.field == "campaign_id"


def test_editing_a_campaign_deleted_meanwhile_is_refused(app: AppContext) -> None:
    fair = add(app)
    delete_campaign(app.uow(), fair)
    with pytest.raises(DomainError) as err:
        update_campaign(app.uow(), fair, FAIR)
    assert "deleted by someone else" in err.value.text("en")
