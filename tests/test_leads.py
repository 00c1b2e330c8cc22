"""Leads: capture, find (filters and search), the lead flow with its rules, nurture tasks, pick lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.models import Campaign, User
from crm_desktop.queries.leads import LeadFilter, lead_detail, lead_keys, lead_rows
from crm_desktop.queries.picklists import pick_list, pick_values
from crm_desktop.services import picklists
from crm_desktop.services.activities.edit import ActivityInput, create_activity
from crm_desktop.services.app import OWNER_ID, AppContext, open_app
from crm_desktop.services.leads import (
    LeadInput,
    create_lead,
    delete_leads,
    disqualify,
    lead_input,
    mark_contacted,
    qualify,
    reopen,
    restore_leads,
    update_lead,
)

TODAY = date(2026, 11, 23)


@pytest.fixture
def app(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]) -> Iterator[AppContext]:
    ctx = open_app(new_database(tmp_path / "crm.sqlite3"), clock=clock)
    yield ctx
    ctx.close()


def add_user(app: AppContext, name: str, role: str = "sales", active: bool = True) -> str:
    with app.uow() as uow:
        user = uow.users.add(User(name=name, role=role, active=active))
        uow.commit()
    return user.id


def add_campaign(app: AppContext, name: str) -> str:
    with app.uow() as uow:
        campaign = Campaign(name=name)
        uow.session.add(campaign)
        uow.commit()
    return campaign.id


def new_lead(app: AppContext, **fields: object) -> str:
    return create_lead(app.uow(), LeadInput(**{"first_name": "สมชาย", **fields})).created[0]  # type: ignore[arg-type]


def status_of(app: AppContext, lead_id: str) -> str:
    detail = lead_detail(app.database, lead_id)
    assert detail is not None
    return detail.status


def ids_for(app: AppContext, flt: LeadFilter, sort: str = "created_at", descending: bool = False) -> list[str]:
    return [r.id for r in lead_rows(app.database, lead_keys(app.database, flt, sort, descending))]


# --- capture ---------------------------------------------------------------------------------


def test_a_lead_is_saved_in_the_one_form_we_store(app: AppContext) -> None:
    lead_id = new_lead(app, last_name="ใจดี", company_name="ร้านสมชายการค้า", mobile="081-234-5678",
                       email="Somchai@Example.COM", province="bkk", tax_id="0105536061479", budget_satang=5_000_000,
                       timeframe="3_months", source="line", interest="แอร์, แอร์ , ตู้เย็น", line_id="@somchai")
    detail = lead_detail(app.database, lead_id)
    assert detail is not None
    assert (detail.name, detail.mobile, detail.email, detail.province) == (
        "สมชาย ใจดี", "+66812345678", "Somchai@example.com", "กรุงเทพมหานคร")
    assert (detail.interest, detail.line_id, detail.status, detail.budget_satang) == (
        "แอร์, ตู้เย็น", "somchai", "new", 5_000_000)
    assert lead_input(app.uow(), lead_id).company_name == "ร้านสมชายการค้า"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"first_name": "", "company_name": ""}, "first_name"),
        ({"source": "tiktok"}, "source"),
        ({"budget_satang": -1}, "budget_satang"),
        ({"timeframe": "someday"}, "timeframe"),
        ({"mobile": "02 123 4567"}, "mobile"),
        ({"tax_id": "0105536061478"}, "tax_id"),
        ({"province": "Atlantis"}, "province"),
        ({"campaign_id": "missing"}, "campaign_id"),
    ],
)
def test_bad_input_is_refused_with_the_field_named_and_nothing_saved(app: AppContext, fields: dict[str, object],
                                                                     field: str) -> None:
    with pytest.raises(ValidationError) as err:
        create_lead(app.uow(), LeadInput(**{"first_name": "A", **fields}))  # type: ignore[arg-type]
    assert err.value.field == field
    assert err.value.text("th") != err.value.text("en")
    assert lead_keys(app.database, LeadFilter()) == []


def test_a_company_only_lead_is_accepted(app: AppContext) -> None:
    lead_id = new_lead(app, first_name="", company_name="บริษัท สยามเทรด จำกัด")
    assert [r.name for r in lead_rows(app.database, lead_keys(app.database, LeadFilter()))] == [""]
    assert lead_detail(app.database, lead_id) is not None


def test_a_source_added_to_the_list_can_be_used(app: AppContext) -> None:
    picklists.add_pick_value(app.uow(), picklists.LEAD_SOURCE, "tiktok")
    lead_id = new_lead(app, source="tiktok")
    assert ids_for(app, LeadFilter(source="tiktok")) == [lead_id]


def test_delete_and_undo(app: AppContext) -> None:
    lead_id = new_lead(app)
    delete_leads(app.uow(), [lead_id])
    assert lead_keys(app.database, LeadFilter()) == [] and lead_detail(app.database, lead_id) is None
    restore_leads(app.uow(), [lead_id])
    assert ids_for(app, LeadFilter()) == [lead_id]


# --- finding leads ---------------------------------------------------------------------------


def test_filters_narrow_the_list(app: AppContext) -> None:
    rep = add_user(app, "Nok")
    fair = add_campaign(app, "Home Fair 2026")
    a = new_lead(app, first_name="Anan", source="referral", mobile="0812345678", campaign_id=fair)
    b = new_lead(app, first_name="Boon", source="walk_in", owner_id=rep)
    c = new_lead(app, first_name="Chai", company_name="Chai Trading", email="chai@example.com")
    mark_contacted(app.uow(), c)

    assert ids_for(app, LeadFilter(status="contacted")) == [c]
    assert ids_for(app, LeadFilter(source="referral")) == [a]
    assert ids_for(app, LeadFilter(owner_id=rep)) == [b]
    assert ids_for(app, LeadFilter(campaign_id=fair)) == [a]
    # scores: a referral + phone = 20; b walk-in, no phone = 0; c no phone, e-mail = -5
    assert ids_for(app, LeadFilter(min_score=0)) == [a, b]
    assert ids_for(app, LeadFilter(min_score=-5, max_score=0)) == [b, c]
    assert ids_for(app, LeadFilter(), sort="score", descending=True) == [a, b, c]
    assert ids_for(app, LeadFilter(text="chai trad")) == [c]
    assert ids_for(app, LeadFilter(text="081234")) == [a]
    today = app.today()
    assert ids_for(app, LeadFilter(created_from=today, created_to=today)) == [a, b, c]
    assert ids_for(app, LeadFilter(created_to=today - timedelta(days=1))) == []
    row = lead_rows(app.database, lead_keys(app.database, LeadFilter(campaign_id=fair)))[0]
    assert (row.campaign_name, row.score, row.mobile) == ("Home Fair 2026", 20, "+66812345678")
    assert lead_rows(app.database, lead_keys(app.database, LeadFilter(owner_id=rep)))[0].owner_name == "Nok"


# --- the lead flow ---------------------------------------------------------------------------


def test_new_contacted_qualified_hands_the_lead_to_the_chosen_rep(app: AppContext) -> None:
    rep = add_user(app, "Nok")
    lead_id = new_lead(app)
    mark_contacted(app.uow(), lead_id)
    qualify(app.uow(), lead_id, rep)
    detail = lead_detail(app.database, lead_id)
    assert detail is not None and (detail.status, detail.owner_id, detail.owner_name) == ("qualified", rep, "Nok")


def test_a_step_out_of_order_is_refused_readably(app: AppContext) -> None:
    lead_id = new_lead(app)
    mark_contacted(app.uow(), lead_id)
    with pytest.raises(DomainError) as err:
        mark_contacted(app.uow(), lead_id)
    assert "contacted" in err.value.text("en")
    assert err.value.text("th") != err.value.text("en")
    with pytest.raises(DomainError):
        reopen(app.uow(), lead_id)
    assert status_of(app, lead_id) == "contacted"


def test_round_robin_takes_active_reps_in_turn(app: AppContext) -> None:
    nok = add_user(app, "Nok")
    add_user(app, "Noi", role="staff")  # not a rep
    add_user(app, "Dao", active=False)  # has left
    mali = add_user(app, "Mali", role="manager")
    ploy = add_user(app, "Ploy")
    leads = [new_lead(app, first_name=f"L{i}") for i in range(4)]
    owners = []
    for lead_id in leads:
        qualify(app.uow(), lead_id, None)
        detail = lead_detail(app.database, lead_id)
        assert detail is not None
        owners.append(detail.owner_id)
    assert owners == [mali, nok, ploy, mali]


def test_round_robin_continues_after_a_manual_assignment(app: AppContext) -> None:
    nok, ploy = add_user(app, "Nok"), add_user(app, "Ploy")
    first, second = new_lead(app), new_lead(app)
    qualify(app.uow(), first, ploy)  # the owner gave it to Ploy by hand
    qualify(app.uow(), second, None)
    detail = lead_detail(app.database, second)
    assert detail is not None and detail.owner_id == nok  # after Ploy comes Nok again


def test_round_robin_without_reps_says_so(app: AppContext) -> None:
    lead_id = new_lead(app)
    with pytest.raises(DomainError, match="no active sales rep"):
        qualify(app.uow(), lead_id, None)
    assert status_of(app, lead_id) == "new"


def test_disqualify_needs_a_reason_from_the_list_and_reopen_clears_it(app: AppContext) -> None:
    lead_id = new_lead(app)
    with pytest.raises(ValidationError):
        disqualify(app.uow(), lead_id, " ")
    with pytest.raises(ValidationError):
        disqualify(app.uow(), lead_id, "ไม่ชอบหน้า")
    disqualify(app.uow(), lead_id, "ติดต่อไม่ได้")
    detail = lead_detail(app.database, lead_id)
    assert detail is not None and (detail.status, detail.disqualify_reason) == ("disqualified", "ติดต่อไม่ได้")
    with pytest.raises(DomainError):
        qualify(app.uow(), lead_id, OWNER_ID)
    reopen(app.uow(), lead_id)
    detail = lead_detail(app.database, lead_id)
    assert detail is not None and (detail.status, detail.disqualify_reason) == ("new", "")


def test_a_removed_reason_can_no_longer_be_chosen(app: AppContext) -> None:
    entry = next(e for e in pick_list(app.database, picklists.DISQUALIFY_REASON) if e.value == "ติดต่อไม่ได้")
    picklists.remove_pick_value(app.uow(), entry.id)
    lead_id = new_lead(app)
    with pytest.raises(ValidationError):
        disqualify(app.uow(), lead_id, "ติดต่อไม่ได้")
    picklists.restore_pick_value(app.uow(), entry.id)
    disqualify(app.uow(), lead_id, "ติดต่อไม่ได้")


def test_follow_up_tasks_show_on_the_lead(app: AppContext) -> None:
    rep = add_user(app, "Nok")
    lead_id = new_lead(app, owner_id=rep)
    for subject, days, person in (("โทรติดตามใบเสนอราคา", 3, rep), ("ส่งโบรชัวร์", 1, OWNER_ID)):
        create_activity(app.uow(), ActivityInput(kind="task", subject=subject, due_on=TODAY + timedelta(days=days),
                                                 assignee_id=person, lead_id=lead_id))
    detail = lead_detail(app.database, lead_id)
    assert detail is not None
    assert [(t.subject, t.owner_name) for t in detail.tasks] == [("ส่งโบรชัวร์", "Owner"), ("โทรติดตามใบเสนอราคา", "Nok")]


# --- pick lists --------------------------------------------------------------------------------


def test_pick_lists_ship_with_defaults_and_the_owner_edits_them(app: AppContext) -> None:
    assert pick_values(app.database, picklists.LEAD_SOURCE) == list(picklists.LEAD_SOURCES)
    assert pick_values(app.database, picklists.LOSS_REASON)[0] == "ราคาสูงกว่าคู่แข่ง"
    picklists.add_pick_value(app.uow(), picklists.DISQUALIFY_REASON, "ย้ายไปต่างประเทศ")
    with pytest.raises(ValidationError):
        picklists.add_pick_value(app.uow(), picklists.DISQUALIFY_REASON, " ย้ายไปต่างประเทศ ")
    values = pick_values(app.database, picklists.DISQUALIFY_REASON)
    assert values[-1] == "ย้ายไปต่างประเทศ" and len(values) == 7
    new_entry = pick_list(app.database, picklists.DISQUALIFY_REASON)[-1]
    picklists.move_pick_value(app.uow(), new_entry.id, -1)
    assert pick_values(app.database, picklists.DISQUALIFY_REASON)[-2:] == ["ย้ายไปต่างประเทศ", "ไม่สนใจแล้ว"]
    picklists.move_pick_value(app.uow(), new_entry.id, -100)
    assert pick_values(app.database, picklists.DISQUALIFY_REASON)[0] == "ย้ายไปต่างประเทศ"
    picklists.remove_pick_value(app.uow(), new_entry.id)
    assert "ย้ายไปต่างประเทศ" not in pick_values(app.database, picklists.DISQUALIFY_REASON)


def test_default_pick_lists_are_seeded_once_with_fixed_ids(clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    ctx = open_app(path, clock=clock)
    first = pick_list(ctx.database, picklists.LEAD_SOURCE)
    ctx.close()
    ctx = open_app(path, clock=clock)
    try:
        assert pick_list(ctx.database, picklists.LEAD_SOURCE) == first
        assert first[0].id == picklists.default_id(picklists.LEAD_SOURCE, "walk_in")
    finally:
        ctx.close()


def test_editing_a_lead_keeps_a_source_since_removed_from_the_list(app: AppContext) -> None:
    lead_id = new_lead(app, source="facebook")
    entry = next(e for e in pick_list(app.database, picklists.LEAD_SOURCE) if e.value == "facebook")
    picklists.remove_pick_value(app.uow(), entry.id)
    update_lead(app.uow(), lead_id, LeadInput(first_name="สมชาย", source="facebook", email="a@b.co"))
    detail = lead_detail(app.database, lead_id)
    assert detail is not None and (detail.source, detail.email) == ("facebook", "a@b.co")
    with pytest.raises(ValidationError):
        new_lead(app, source="facebook")
