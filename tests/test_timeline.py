"""The timeline of a customer: activities, stage moves and edits, newest first, in pages without gaps."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.models import Activity, User
from crm_desktop.queries.timeline import (
    ActivityEntry,
    ChangeEntry,
    Cursor,
    StageMoveEntry,
    timeline,
)
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, move_to_stage
from crm_desktop.services.stages import default_stage_id
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server


def new_account(ctx: AppContext, name: str = "Siam Rice Co., Ltd.", phone: str = "0812345678") -> str:
    return create_account(ctx.uow(), AccountInput(name=name, phone=phone), ctx.today()).created[0]


def add_activity(ctx: AppContext, subject: str, **links: object) -> str:
    with ctx.uow() as uow:
        row = uow.activities.add(Activity(subject=subject, **links))
        uow.commit()
    return row.id


def entries(ctx: AppContext, entity: str, record_id: str, **kw: object) -> list:
    return list(timeline(ctx.database, entity, record_id, limit=1000, **kw).entries)


def test_newest_first_across_the_three_kinds(ctx: AppContext) -> None:
    account = new_account(ctx)
    deal = create_opportunity(ctx.uow(), OpportunityInput("Rice mill", default_stage_id("prospecting"),
                                                          account_id=account), ctx.now()).created[0]
    call = add_activity(ctx, "First call", kind="call", account_id=account, status="done",
                        starts_at=ctx.now() - timedelta(days=2))
    move_to_stage(ctx.uow(), deal, default_stage_id("quotation"), ctx.now())
    data = account_input(ctx.uow(), account)
    data.phone = "0891112222"
    update_account(ctx.uow(), account, data, ctx.today())

    shown = entries(ctx, "account", account)
    kinds = [(e.kind, getattr(e, "action", "")) for e in shown]
    assert kinds == [("change", "updated"), ("stage", ""), ("stage", ""), ("change", "created"), ("activity", "")]
    assert [(e.at, e.seq) for e in shown] == sorted(((e.at, e.seq) for e in shown), reverse=True)
    moved = shown[1]
    assert isinstance(moved, StageMoveEntry)
    assert (moved.from_stage and moved.from_stage.default_key, moved.to_stage.default_key) == (
        "prospecting", "quotation")
    assert moved.deal == "Rice mill"
    assert isinstance(shown[-1], ActivityEntry) and shown[-1].activity_id == call


def test_a_field_change_shows_old_and_new_value_and_who(ctx: AppContext) -> None:
    with ctx.uow() as uow:
        anna = uow.users.add(User(name="Anna", role="sales"))
        uow.commit()
    account = new_account(ctx)
    ctx.user_id = anna.id  # Anna edits the phone and gives the account to herself
    data = account_input(ctx.uow(), account)
    data.phone, data.owner_id, data.founded_on = "0891112222", anna.id, date(1999, 3, 4)
    update_account(ctx.uow(), account, data, ctx.today())

    edit = entries(ctx, "account", account, kinds=("change",))[0]
    assert isinstance(edit, ChangeEntry) and edit.action == "updated" and edit.who == "Anna"
    changed = {f.field: (f.form, f.old, f.new) for f in edit.fields}
    assert changed["phone"] == ("phone", "+66812345678", "+66891112222")
    assert changed["owner_id"][2] == "Anna"  # a link shows the linked record's name
    assert changed["founded_on"] == ("date", None, date(1999, 3, 4))
    assert "updated_at" not in changed and "hlc" not in changed


def test_a_second_edit_shows_the_value_of_the_first(ctx: AppContext) -> None:
    account = new_account(ctx, phone="")
    for phone in ("0812345678", "0899999999"):
        data = account_input(ctx.uow(), account)
        data.phone = phone
        update_account(ctx.uow(), account, data, ctx.today())
    newest, older, created = entries(ctx, "account", account)
    assert [(f.old, f.new) for f in older.fields] == [("", "+66812345678")]  # the default before any edit
    assert [(f.old, f.new) for f in newest.fields] == [("+66812345678", "+66899999999")]
    assert created.action == "created"


def test_an_account_includes_its_contacts_and_deals_activities(ctx: AppContext) -> None:
    account, other = new_account(ctx), new_account(ctx, "Other Co.", "021234567")
    contact = create_contact(ctx.uow(), ContactInput("Somchai", account_id=account), ctx.today()).created[0]
    deal = create_opportunity(ctx.uow(), OpportunityInput("Rice mill", default_stage_id("prospecting"),
                                                          account_id=account), ctx.now()).created[0]
    add_activity(ctx, "Lunch with Somchai", kind="meeting", contact_id=contact)
    add_activity(ctx, "Send the quotation", opportunity_id=deal, due_on=TODAY)
    add_activity(ctx, "Someone else's call", kind="call", account_id=other)

    shown = {(e.subject, e.related) for e in entries(ctx, "account", account, kinds=("activity",))}
    assert shown == {("Lunch with Somchai", "Somchai"), ("Send the quotation", "Rice mill")}
    assert [e.subject for e in entries(ctx, "contact", contact, kinds=("activity",))] == ["Lunch with Somchai"]


def test_deleted_activities_do_not_show(ctx: AppContext) -> None:
    account = new_account(ctx)
    gone = add_activity(ctx, "Cancelled visit", kind="visit", account_id=account)
    add_activity(ctx, "Kept call", kind="call", account_id=account)
    with ctx.uow() as uow:
        row = uow.activities.get(gone)
        assert row is not None
        uow.activities.soft_delete(row, uow.now())
        uow.commit()
    assert [e.subject for e in entries(ctx, "account", account, kinds=("activity",))] == ["Kept call"]


def test_a_deleted_contact_shows_deleted_on_its_own_timeline(ctx: AppContext) -> None:
    contact = create_contact(ctx.uow(), ContactInput("Malee"), ctx.today()).created[0]
    delete_contacts(ctx.uow(), [contact])
    assert [e.action for e in entries(ctx, "contact", contact)] == ["deleted", "created"]


def test_an_all_day_activity_is_dated_and_kind_filter_keeps_only_that_kind(ctx: AppContext) -> None:
    account = new_account(ctx)
    add_activity(ctx, "Trade fair", kind="visit", account_id=account, all_day=True, due_on=date(2026, 11, 30))
    only = entries(ctx, "account", account, kinds=("activity",))
    assert len(only) == 1 and only[0].all_day and only[0].at == datetime(2026, 11, 30)
    assert all(e.kind == "change" for e in entries(ctx, "account", account, kinds=("change",)))
    assert len(entries(ctx, "account", account)) == 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(st.sampled_from(["activity", "same_time_activity", "edit", "move"]), min_size=1, max_size=25),
    sizes=st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=40),
)
def test_pages_of_any_size_concatenate_to_the_whole_timeline(ctx: AppContext, steps: list[str],
                                                             sizes: list[int]) -> None:
    account = new_account(ctx, phone="")
    deal = create_opportunity(ctx.uow(), OpportunityInput("Deal", default_stage_id("prospecting"),
                                                          account_id=account), ctx.now()).created[0]
    stages = [default_stage_id(k) for k in ("qualification", "quotation", "negotiation", "prospecting")]
    same_time = ctx.now()
    for i, step in enumerate(steps):
        if step == "activity":
            add_activity(ctx, f"Call {i}", kind="call", account_id=account, starts_at=ctx.now() - timedelta(hours=i))
        elif step == "same_time_activity":  # many entries at one moment: the seq keeps them apart
            add_activity(ctx, f"Visit {i}", kind="visit", opportunity_id=deal, starts_at=same_time)
        elif step == "edit":
            data = account_input(ctx.uow(), account)
            data.notes = f"note {i}"
            update_account(ctx.uow(), account, data, ctx.today())
        else:
            move_to_stage(ctx.uow(), deal, stages[i % len(stages)], ctx.now())
    whole = entries(ctx, "account", account)
    pages: list = []
    cursor: Cursor | None = None
    for size in [*sizes, *[5] * len(whole)]:
        page = timeline(ctx.database, "account", account, limit=size, before=cursor)
        pages.extend(page.entries)
        if page.cursor is None:
            break
        cursor = page.cursor
    assert pages == whole
    assert len({(e.kind, e.seq) for e in whole}) == len(whole)
    assert whole == sorted(whole, key=lambda e: (e.at, e.seq), reverse=True)
