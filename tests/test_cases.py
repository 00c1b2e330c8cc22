"""Service cases through the write path: numbers, routing round-robin and its bad rules, the status
flow with its history, the SLA settings refused at 0 hours, and a case travelling to another copy.
Runs on SQLite and on an office server."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from crm_desktop.errors import ValidationError
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.cases.cases import (
    CaseInput,
    create_case,
    move_case,
    record_first_response,
    reopen_case,
)
from crm_desktop.services.cases.routing import RoutingRule, routing_rules, set_routing_rules
from crm_desktop.services.cases.sla import DEFAULT_SLA, OfficeHours, SlaHours, set_sla_settings, sla_settings
from crm_desktop.services.users import set_active
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.people_helpers import add_user

pytestmark = pytest.mark.server


def customer(ctx: AppContext, province: str = "กรุงเทพมหานคร") -> str:
    return create_account(ctx.uow(), AccountInput(name="บริษัท สยามแอร์ จำกัด", province=province),
                          ctx.today()).created[0]


def open_case(ctx: AppContext, account: str, **fields: object):  # type: ignore[no-untyped-def]
    return create_case(ctx.uow(), CaseInput(**{"subject": "แอร์ไม่เย็น ห้องประชุมชั้น 3", "account_id": account,
                                               "category": "ซ่อมแอร์", **fields}))  # type: ignore[arg-type]


FIELDS = ("number", "owner_id", "status", "opened_at", "response_due_at", "sla_due_at", "first_response_at",
          "resolved_at", "closed_at")


def case_row(ctx: AppContext, case_id: str) -> dict[str, object]:
    with ctx.uow() as uow:
        case = uow.cases.get(case_id)
        assert case is not None
        return {f: getattr(case, f) for f in FIELDS}


def moves(ctx: AppContext, case_id: str) -> list[tuple[str, str]]:
    with ctx.uow() as uow:
        return [(h.from_status, h.to_status) for h in uow.case_history.of_case(case_id)]


def test_a_team_rule_takes_its_people_in_turn_and_a_deactivated_person_is_passed_over(ctx: AppContext) -> None:
    noi, ann, bee = (add_user(ctx, name) for name in ("น้อย", "แอน", "บี"))
    solo = add_user(ctx, "ช่างเอก")
    set_routing_rules(ctx.uow(), [RoutingRule("province", "เชียงใหม่", (solo,)),
                                  RoutingRule("category", "ซ่อมแอร์", (noi, ann, bee), "ทีมช่างแอร์")])
    account = customer(ctx)
    owners = [case_row(ctx, open_case(ctx, account).case_id)["owner_id"] for _ in range(4)]
    in_name_order = sorted([("น้อย", noi), ("แอน", ann), ("บี", bee)])
    expected = [pid for _, pid in in_name_order]
    assert owners == [*expected, expected[0]]

    # The one person of the first rule leaves: the case is not lost, the next rule takes it, and the
    # user is told why.
    set_active(ctx.uow(), solo, False)
    north = customer(ctx, "เชียงใหม่")
    result = open_case(ctx, north)
    assert case_row(ctx, result.case_id)["owner_id"] == expected[1]
    assert [n.text("en") for n in result.notices] == [
        "Routing rule 1 names ช่างเอก, who is no longer active: ask a manager to change the rule."]
    assert "ไม่ได้ใช้งาน" in result.notices[0].text("th")

    # No rule matches: the case waits, new and unassigned.
    other = open_case(ctx, account, category="สอบถาม")
    assert case_row(ctx, other.case_id)["owner_id"] is None
    assert case_row(ctx, other.case_id)["status"] == "new"

    # Saving a rule to a deactivated person is refused and the saved rules stay.
    before = routing_rules(ctx.uow())
    with pytest.raises(ValidationError, match="ช่างเอก, who is deactivated"):
        set_routing_rules(ctx.uow(), [RoutingRule("category", "ติดตั้ง", (solo,))])
    assert routing_rules(ctx.uow()) == before


def test_status_flow_history_first_response_and_due_times(ctx: AppContext) -> None:
    rep = add_user(ctx, "สมศรี")
    account = customer(ctx)
    result = open_case(ctx, account, priority="urgent", owner_id=rep)
    case_id = result.case_id
    row = case_row(ctx, case_id)
    # Opened Monday 23 Nov 2026 10:00 office time; urgent: response 1 h, resolution 8 working hours:
    # 7.5 on Monday, then Tuesday 09:00
    assert row["number"] == "CS2569-0001" and row["status"] == "assigned"
    opened = row["opened_at"]
    assert row["response_due_at"] == opened + timedelta(hours=1)
    assert row["sla_due_at"] == datetime(2026, 11, 24, 2, 0) + (opened - datetime(2026, 11, 23, 3, 0))
    assert case_row(ctx, open_case(ctx, account).case_id)["number"] == "CS2569-0002"

    ctx.database.time.advance(timedelta(minutes=30))  # type: ignore[attr-defined]
    record_first_response(ctx.uow(), case_id)
    responded = case_row(ctx, case_id)["first_response_at"]
    assert responded is not None
    for status in ("in_progress", "waiting", "in_progress", "resolved"):
        ctx.database.time.advance(timedelta(hours=1))  # type: ignore[attr-defined]
        move_case(ctx.uow(), case_id, status)
    row = case_row(ctx, case_id)
    assert row["first_response_at"] == responded and row["resolved_at"] is not None
    with pytest.raises(ValidationError, match="cannot go back to new"):
        move_case(ctx.uow(), case_id, "new")
    with pytest.raises(ValidationError, match="reopen it first"):
        move_case(ctx.uow(), case_id, "waiting")
    move_case(ctx.uow(), case_id, "closed")
    assert case_row(ctx, case_id)["closed_at"] is not None
    reopen_case(ctx.uow(), case_id)
    row = case_row(ctx, case_id)
    assert (row["status"], row["resolved_at"], row["closed_at"]) == ("in_progress", None, None)
    assert moves(ctx, case_id) == [("", "assigned"), ("assigned", "in_progress"), ("in_progress", "waiting"),
                     ("waiting", "in_progress"), ("in_progress", "resolved"), ("resolved", "closed"),
                     ("closed", "in_progress")]


def test_an_sla_of_zero_hours_changes_nothing(ctx: AppContext) -> None:
    before = sla_settings(ctx.uow())
    with pytest.raises(ValidationError) as refused:
        set_sla_settings(ctx.uow(), dict(DEFAULT_SLA, high=SlaHours(0, 18)), OfficeHours())
    assert "high" in refused.value.text("en") and "0 ชั่วโมง" in refused.value.text("th")
    assert sla_settings(ctx.uow()) == before


def test_a_case_and_its_history_travel_to_another_copy(copies: list[AppContext], tmp_path) -> None:  # type: ignore[no-untyped-def]
    office, rep, _ = copies
    case_id = open_case(office, customer(office)).case_id
    move_case(office.uow(), case_id, "in_progress")
    export_bundle(office.database, tmp_path / "1.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "1.zip")
    assert case_row(rep, case_id) == case_row(office, case_id)
    assert moves(rep, case_id) == [("", "new"), ("new", "in_progress")]
    # Both copies open a case offline: the rep's number carries its copy code, never the office's next.
    theirs = open_case(rep, customer(rep)).case_id
    ours = open_case(office, customer(office)).case_id
    export_bundle(rep.database, tmp_path / "2.zip", everything=True)
    import_bundle(office.database, office.user_id, tmp_path / "2.zip")
    numbers = {case_row(office, i)["number"] for i in (case_id, theirs, ours)}
    assert numbers == {"CS2569-0001", "CS2569-0002", "CS2569-0003"}  # the office renumbered the rep's case
    assert case_row(office, theirs)["number"] == "CS2569-0003"


def test_the_months_case_figures_per_priority(ctx: AppContext) -> None:
    from crm_desktop.queries.reports.cases import case_figures
    from crm_desktop.queries.reports.measure import ReportFilter
    from crm_desktop.services.cases.cases import delete_cases

    account = customer(ctx)
    clock = ctx.database.time
    quick = open_case(ctx, account, priority="urgent", owner_id=ctx.user_id).case_id
    open_case(ctx, account, priority="high", owner_id=ctx.user_id)  # left open past its due time
    slow = open_case(ctx, account, priority="normal", owner_id=ctx.user_id).case_id
    delete_cases(ctx.uow(), [open_case(ctx, account, priority="low").case_id])
    clock.advance(timedelta(hours=1))  # type: ignore[attr-defined]
    move_case(ctx.uow(), quick, "resolved")
    clock.advance(timedelta(hours=70))  # type: ignore[attr-defined]
    move_case(ctx.uow(), slow, "closed")  # 71 hours, within its 45 working hours
    table = case_figures(ctx.database, ReportFilter.month("2026-11"), ctx.today() + timedelta(days=14))
    assert table.rows == (("priority_urgent", 1, 0, 0, 1), ("priority_high", 1, 0, 1, None),
                          ("priority_normal", 1, 1, 0, 71), ("priority_low", 0, 0, 0, None))
    assert table.total == ("total", 3, 1, 1, 36)


def test_the_list_shows_open_mine_and_overdue_cases(ctx: AppContext) -> None:
    from crm_desktop.queries.cases import CaseFilter, case_head

    rep = add_user(ctx, "สมศรี")
    account = customer(ctx)
    urgent = open_case(ctx, account, priority="urgent", owner_id=rep).case_id
    calm = open_case(ctx, account, priority="low").case_id
    done = open_case(ctx, account, priority="urgent", owner_id=rep).case_id
    move_case(ctx.uow(), done, "resolved")
    due = case_row(ctx, urgent)["sla_due_at"]
    assert isinstance(due, datetime)  # Tuesday 09:00: 7.5 working hours on Monday, half an hour on Tuesday

    def listed(**flt: object) -> tuple[int, list[str]]:
        return case_head(ctx.database, CaseFilter(**flt), "opened_at", True, 200)  # type: ignore[arg-type]

    assert listed(status="open") == (2, [calm, urgent])  # the newest first
    assert listed(status="open", owner_id=rep) == (1, [urgent])  # "my open cases"
    assert listed(overdue=True, now=due) == (0, [])  # due now: not late yet
    assert listed(overdue=True, now=due + timedelta(seconds=1)) == (1, [urgent])  # the resolved one is not late
    assert listed() == (3, [done, calm, urgent])


def test_a_technician_works_their_own_cases_only(ctx: AppContext) -> None:
    from crm_desktop.roles import Refused
    from crm_desktop.services.app import switch_user

    technician, rep = add_user(ctx, "ช่างเอก", role="staff"), add_user(ctx, "สมศรี")
    account = customer(ctx)
    theirs = open_case(ctx, account, owner_id=technician).case_id
    others = open_case(ctx, account, owner_id=rep).case_id
    switch_user(ctx, technician)
    move_case(ctx.uow(), theirs, "in_progress")
    with pytest.raises(Refused):
        move_case(ctx.uow(), others, "in_progress")
    assert (case_row(ctx, theirs)["status"], case_row(ctx, others)["status"]) == ("in_progress", "assigned")
    assert moves(ctx, others) == [("", "assigned")]


def test_a_new_priority_gives_new_due_times_from_the_opening(ctx: AppContext) -> None:
    from dataclasses import replace

    from crm_desktop.services.cases.cases import case_input, update_case

    case_id = open_case(ctx, customer(ctx), priority="low").case_id
    before = case_row(ctx, case_id)
    set_sla_settings(ctx.uow(), dict(DEFAULT_SLA, low=SlaHours(2, 4)), OfficeHours())
    update_case(ctx.uow(), case_id, replace(case_input(ctx.uow(), case_id), subject="แอร์ไม่เย็น (ห้องประชุม)"))
    assert case_row(ctx, case_id)["sla_due_at"] == before["sla_due_at"]  # the SLA changed, the promise did not
    update_case(ctx.uow(), case_id, replace(case_input(ctx.uow(), case_id), priority="urgent"))
    after, opened = case_row(ctx, case_id), before["opened_at"]
    assert isinstance(opened, datetime)
    late_by = opened - datetime(2026, 11, 23, 3, 0)  # the test clock's milliseconds
    assert (after["response_due_at"], after["sla_due_at"]) == (opened + timedelta(hours=1),
                                                               datetime(2026, 11, 24, 2, 0) + late_by)


def test_bad_input_is_refused_with_a_reason_and_nothing_saved(ctx: AppContext) -> None:
    from crm_desktop.queries.cases import CaseFilter, case_head

    account = customer(ctx)
    gone = add_user(ctx, "พนักงานที่ลาออก")
    set_active(ctx.uow(), gone, False)
    for fields, field, thai in (({"subject": "  "}, "subject", "กรุณากรอกข้อมูลช่องนี้"),
                                ({"account_id": None}, "account_id", "เรื่องบริการต้องมีลูกค้า"),
                                ({"owner_id": gone}, "owner_id", "พนักงานที่ลาออก ถูกปิดการใช้งานแล้ว"),
                                ({"priority": "urgentest"}, "priority", "ไม่ใช่ระดับความสำคัญ")):
        with pytest.raises(ValidationError) as refused:
            open_case(ctx, account, **fields)
        assert refused.value.field == field and thai in refused.value.text("th")
    assert case_head(ctx.database, CaseFilter(), "opened_at", True, 10) == (0, [])
