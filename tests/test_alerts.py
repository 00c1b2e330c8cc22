"""Alert rules on a fixed clock: each kind fires exactly at its threshold and not a step before it; a
re-scan keeps one alert and a dismissal stays; a rule's task is made once; bad parameters are refused
with nothing saved; rules and dismissals cross copies."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import ValidationError
from crm_desktop.main import main
from crm_desktop.models import (
    Account,
    Activity,
    AlertRule,
    Case,
    SalesOrder,
)
from crm_desktop.queries.alerts import alert_rules, find_alerts, open_alerts
from crm_desktop.services.alerts import (
    RuleInput,
    alert_text,
    create_rule,
    dismiss_alerts,
    raise_alerts,
    snooze_alerts,
    snooze_until,
    update_rule,
)
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.alert_helpers import NOW, _order, build
from tests.plan_helpers import query_plans
from tests.time_helpers import TODAY, make_clock

pytestmark = pytest.mark.server

PARAMS = {"big_spender": {"amount_satang": 10_000_000}, "quiet_top_customer": {"days": 60},
          "stuck_deal": {"days": 30}, "quotation_expiring": {"days": 3}, "late_order": {"days": 1},
          "case_sla": {"hours": 4}, "top_birthday": {"days": 7}}  # the defaults: the helper's data is at their edges


def rules_of_test(ctx: AppContext) -> list:
    """One rule per kind with the test's parameters (the seeded defaults stay out of the scan)."""
    made = {}
    for kind, params in PARAMS.items():
        changes = create_rule(ctx.uow(), RuleInput(kind=kind, name=kind, params=params, make_task=kind == "late_order"))
        made[changes.created[0]] = kind
    return [r for r in alert_rules(ctx.database, active_only=True) if r.id in made]


def test_each_rule_fires_at_its_threshold_and_not_a_step_before(ctx: AppContext) -> None:
    ids = build(ctx)
    found = find_alerts(ctx.database, rules_of_test(ctx), NOW)
    fired = {(f.kind, f.row_id) for f in found}
    assert fired == {
        ("big_spender", ids["over"]), ("late_order", ids["late"]), ("quiet_top_customer", ids["top_quiet"]),
        ("top_birthday", ids["birthday_7"]), ("top_birthday", ids["top_person"]), ("stuck_deal", ids["stuck"]),
        ("quotation_expiring", ids["q3"]), ("case_sla", ids["case_near"]), ("case_sla", ids["case_past"]),
    }
    by_row = {f.row_id: f for f in found}
    assert by_row[ids["case_near"]].params["state"] == "near" and by_row[ids["case_past"]].params["state"] == "past"
    assert by_row[ids["over"]].params["amount"] == 10_000_001 and by_row[ids["over"]].period == "2026-11"
    assert by_row[ids["top_quiet"]].params["last"] == (TODAY - timedelta(60)).isoformat()
    assert by_row[ids["top_person"]].params["on"] == TODAY.isoformat()
    texts = {f.kind: alert_text(f.kind, f.params, "th", True) for f in found}
    assert texts["quotation_expiring"] == "ใบเสนอราคา QT-q3 ของ บริษัท ซื้อเกิน จำกัด จะหมดอายุวันที่ 26/11/2569"
    assert alert_text("big_spender", by_row[ids["over"]].params, "en") == \
        "บริษัท ซื้อเกิน จำกัด bought 100,000.01 baht this month"

    # The scan keeps them once, with one task for the late order's rule; a re-scan adds nothing, and
    # neither brings back what was dismissed nor shows what is snoozed until it comes back.
    tasks = {r.id for r in alert_rules(ctx.database) if r.make_task}
    first = raise_alerts(ctx.uow(), found, tasks)
    assert len(first.created) == len(found) + 1  # the alerts and the one task
    assert raise_alerts(ctx.uow(), found, tasks).created == ()
    listed = open_alerts(ctx.database, NOW, person=ctx.user_id)
    assert len(listed) == len(found)
    late = next(a for a in listed if a.kind == "late_order")
    dismiss_alerts(ctx.uow(), [late.id])
    stuck = next(a for a in listed if a.kind == "stuck_deal")
    snooze_alerts(ctx.uow(), [stuck.id], NOW + timedelta(hours=1))
    assert raise_alerts(ctx.uow(), found, tasks).created == ()
    shown = {a.id for a in open_alerts(ctx.database, NOW, person=ctx.user_id)}
    assert late.id not in shown and stuck.id not in shown
    assert stuck.id in {a.id for a in open_alerts(ctx.database, NOW + timedelta(hours=1), person=ctx.user_id)}
    with ctx.database.sessions() as session:
        made = session.scalars(select(Activity).where(Activity.subject.like("คำสั่งซื้อ%"))).all()
    assert [(t.kind, t.status, t.due_on, t.assignee_id) for t in made] == [
        ("task", "planned", TODAY, ids["late_owner"])]


@pytest.mark.parametrize(("kind", "params", "field"), [
    ("stuck_deal", {"days": -5}, "days"),
    ("quotation_expiring", {"days": 0}, "days"),
    ("top_birthday", {"days": 61}, "days"),
    ("case_sla", {"hours": 0}, "hours"),
    ("big_spender", {"amount_satang": 0}, "amount_satang"),
    ("big_spender", {"amount_satang": 10**17}, "amount_satang"),
    ("late_order", {"days": "3"}, "days"),
])
def test_bad_rule_parameters_are_refused_with_a_message_and_nothing_is_saved(ctx: AppContext, kind: str,
                                                                            params: dict, field: str) -> None:
    def rules() -> list[tuple[str, str]]:
        with ctx.database.sessions() as session:
            return [(r.id, r.params_json) for r in session.scalars(select(AlertRule).order_by(AlertRule.id))]

    before = rules()
    with pytest.raises(ValidationError) as refused:
        create_rule(ctx.uow(), RuleInput(kind=kind, name="กฎใหม่", params=params))
    assert refused.value.field == field
    assert refused.value.text("th") != refused.value.text("en")  # a Thai message of its own
    default = next(r for r in alert_rules(ctx.database) if r.kind == kind)
    with pytest.raises(ValidationError):
        update_rule(ctx.uow(), default.id, RuleInput(kind=kind, name=default.name, params=params))
    assert rules() == before


def test_snooze_choices_come_back_at_office_times() -> None:
    assert snooze_until("1h", NOW) == NOW + timedelta(hours=1)
    assert snooze_until("tomorrow", NOW) == datetime(2026, 11, 24, 2, 0)  # 09:00 in Bangkok
    assert snooze_until("next_week", NOW) == datetime(2026, 11, 30, 2, 0)  # Monday 23 Nov → Monday 30 Nov


def test_rules_and_a_dismissal_cross_copies(copies: list[AppContext], tmp_path: Path) -> None:
    office, rep, _branch = copies
    ids = build(office)
    send(office, rep, tmp_path / "records.crmsync")
    rule_changes = create_rule(office.uow(), RuleInput(kind="stuck_deal", name="ดีลค้าง 30 วัน", params={"days": 30}))
    send(office, rep, tmp_path / "rule.crmsync")
    rule = next(r for r in alert_rules(rep.database) if r.id == rule_changes.created[0])
    assert rule.params == {"days": 30}
    # Both copies scan by themselves and raise the same alert; one dismisses it, the other sees it dismissed.
    for ctx in (office, rep):
        raise_alerts(ctx.uow(), find_alerts(ctx.database, [rule], NOW))
    alert = next(a for a in open_alerts(rep.database, NOW, person=rep.user_id) if a.row_id == ids["stuck"])
    assert alert.id in {a.id for a in open_alerts(office.database, NOW, person=office.user_id)}
    dismiss_alerts(rep.uow(), [alert.id])
    send(rep, office, tmp_path / "dismissal.crmsync")
    assert alert.id not in {a.id for a in open_alerts(office.database, NOW, person=office.user_id)}
    with office.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AlertRule).where(AlertRule.id == rule.id)) == 1
    assert json.loads(office.database.sessions().get(AlertRule, rule.id).params_json) == {"days": 30}


def send(src: AppContext, dst: AppContext, path: Path) -> None:
    export_bundle(src.database, path, everything=True, force=True)
    import_bundle(dst.database, dst.user_id, path)


def test_the_command_prints_the_alerts_one_a_line_and_refuses_an_unknown_person(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "office.sqlite3"
    ctx = open_app(path, clock=make_clock())
    try:
        ids = build(ctx)
        stuck = next(f for f in find_alerts(ctx.database, alert_rules(ctx.database), NOW) if f.row_id == ids["stuck"])
        raise_alerts(ctx.uow(), [stuck])
        dismiss_alerts(ctx.uow(), [stuck.id])
    finally:
        ctx.close()
    assert main(["--lang", "th", "--db", str(path), "alerts"], make_clock()) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 8 and err == ""  # the seeded rules' nine, less the one dismissed
    assert "2026-11-23 10:00\tใบเสนอราคา QT-q3 ของ บริษัท ซื้อเกิน จำกัด จะหมดอายุวันที่ 26/11/2569\t" in lines
    assert not any("ดีล stuck" in line for line in lines)
    assert main(["--db", str(path), "alerts", "--owner", "Nobody"], make_clock()) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("crm-desktop: ")


def test_an_open_case_alerts_for_its_first_response_and_its_resolution_from_n_hours_before(ctx: AppContext) -> None:
    rule_id = create_rule(ctx.uow(), RuleInput(kind="case_sla", name="SLA", params={"hours": 4})).created[0]
    rule = next(r for r in alert_rules(ctx.database) if r.id == rule_id)
    hour, second = timedelta(hours=1), timedelta(seconds=1)
    cases = {  # name: (status, first response due, answered, resolution due), due times from NOW
        "reply_near": ("new", 4 * hour, False, 48 * hour),  # exactly N hours ahead
        "reply_later": ("assigned", 4 * hour + second, False, 48 * hour),  # a second beyond
        "reply_past": ("assigned", -second, False, 24 * hour),
        "reply_now": ("new", timedelta(0), False, 24 * hour),
        "answered_late": ("in_progress", -hour, True, 4 * hour),  # answered: only its resolution, near
        "resolve_later": ("waiting", -hour, True, 4 * hour + second),
        "both_past": ("waiting", -2 * hour, False, -second),
        "resolved": ("resolved", -2 * hour, False, -hour),
        "closed": ("closed", -2 * hour, False, -hour),
    }
    ids = {}
    with ctx.uow() as uow:
        for name, (status, respond, answered, resolve) in cases.items():
            case = Case(number=f"C-{name}", subject="แอร์ไม่เย็น", status=status, opened_at=NOW - 12 * hour,
                        response_due_at=NOW + respond, first_response_at=NOW - 2 * hour if answered else None,
                        sla_due_at=NOW + resolve)
            uow.session.add(case)
            uow.session.flush()
            ids[case.id] = name
        uow.commit()
    found = find_alerts(ctx.database, [rule], NOW)
    assert sorted((ids[f.row_id], f.period.split(":")[0]) for f in found) == [
        ("answered_late", "near"), ("both_past", "past"), ("both_past", "response-past"),
        ("reply_near", "response-near"), ("reply_now", "response-near"), ("reply_past", "response-past")]
    near = next(f for f in found if ids[f.row_id] == "reply_near")
    assert near.period == f"response-near:{(NOW + 4 * hour).isoformat()}"
    assert alert_text("case_sla", near.params, "th") == \
        "เรื่องบริการ C-reply_near (แอร์ไม่เย็น) ต้องตอบกลับลูกค้าครั้งแรกภายใน 23/11/2026 14:00 น."
    past = next(f for f in found if ids[f.row_id] == "both_past" and f.period.startswith("past"))
    assert alert_text("case_sla", past.params, "en").startswith("Case C-both_past (แอร์ไม่เย็น) is past its SLA")
    # Kept once: a re-scan raises nothing new.
    raise_alerts(ctx.uow(), found)
    assert raise_alerts(ctx.uow(), find_alerts(ctx.database, [rule], NOW)).created == ()


def test_this_months_sales_kept_between_scans_follow_every_later_change(ctx: AppContext) -> None:
    ids = build(ctx)
    rule = next(r for r in rules_of_test(ctx) if r.kind == "big_spender")

    def over() -> dict[str, int]:
        return {f.row_id: f.params["amount"] for f in find_alerts(ctx.database, [rule], NOW)}

    assert over() == {ids["over"]: 10_000_001}  # the month's days read and kept
    with ctx.uow() as uow:  # a satang more on a day already kept: the exact customer goes over
        exact = uow.session.get(Account, ids["exact"])
        _order(uow, "SO-20", exact, 1, date(2026, 11, 6))
        uow.commit()
    assert over() == {ids["over"]: 10_000_001, ids["exact"]: 10_000_001}
    with ctx.uow() as uow:  # the big order moved to last month: its old day is read again
        moved = uow.session.scalars(select(SalesOrder).where(SalesOrder.number == "SO-1")).one()
        moved.issued_on = date(2026, 10, 31)
        uow.commit()
    assert over() == {ids["exact"]: 10_000_001}


def test_the_scan_reads_kept_last_contacts_and_steps_into_the_partial_indexes_of_open_cases(ctx: AppContext) -> None:
    """A top customer's last contact is read from the customer's own row (kept by triggers, db/kept.py),
    looked up by id: no activity is read; open cases come from their partial indexes."""
    if ctx.database.server is not None:
        pytest.skip("SQLite's plans")  # a server plans by its own statistics
    build(ctx)
    rules = [r for r in rules_of_test(ctx) if r.kind in ("quiet_top_customer", "case_sla")]
    every = query_plans(ctx.database.engine, lambda: find_alerts(ctx.database, rules, NOW), lambda sql: True)
    assert "activity" not in " | ".join(every)
    plans = query_plans(ctx.database.engine, lambda: find_alerts(ctx.database, rules, NOW),
                        lambda sql: "last_contact_on" in sql or 'FROM "case"' in sql)
    searches = " | ".join(plans)
    assert len(plans) == 4 and "SCAN" not in searches.replace("SCAN json_each", "")
    for index in ("sqlite_autoindex_account_1", "sqlite_autoindex_contact_1", "ix_case_open_response_due",
                  "ix_case_open_resolution_due"):
        assert index in searches


def test_a_deleted_top_customer_gone_quiet_raises_nothing(ctx: AppContext) -> None:
    ids = build(ctx)
    rule = next(r for r in rules_of_test(ctx) if r.kind == "quiet_top_customer")
    assert [f.row_id for f in find_alerts(ctx.database, [rule], NOW)] == [ids["top_quiet"]]
    with ctx.uow() as uow:
        uow.session.get(Account, ids["top_quiet"]).deleted_at = NOW
        uow.commit()
    assert find_alerts(ctx.database, [rule], NOW) == []  # still ranked by its sales, but gone
