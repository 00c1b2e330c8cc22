"""Lead scoring: the owner's rules give every lead a score that is always current and explained."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop import scoring
from crm_desktop.clock import FixedClock
from crm_desktop.errors import ValidationError
from crm_desktop.queries.leads import lead_detail, scoring_rules
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.changes import Entity
from crm_desktop.services.leads import LeadInput, create_lead, update_lead
from crm_desktop.services.scoring import (
    RuleInput,
    create_rule,
    default_rule_id,
    delete_rule,
    restore_rule,
    update_rule,
)


@pytest.fixture
def app(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]) -> Iterator[AppContext]:
    ctx = open_app(new_database(tmp_path / "crm.sqlite3"), clock=clock)
    yield ctx
    ctx.close()


def score_of(app: AppContext, lead_id: str) -> int:
    detail = lead_detail(app.database, lead_id)
    assert detail is not None
    return detail.score


# --- the pure scoring function ---------------------------------------------------------------

rules_st = st.lists(
    st.builds(
        scoring.ScoringRule,
        id=st.uuids().map(str),
        label=st.text(max_size=10),
        field=st.sampled_from((*scoring.FIELDS, "nonsense")),
        condition=st.sampled_from((*scoring.CONDITIONS, "nonsense")),
        value=st.one_of(st.sampled_from(("referral", "100000", "bangkok_area", "1_month", "", "a, b", "x")),
                        st.text(max_size=8)),
        weight=st.integers(-100, 100),
        active=st.booleans(),
    ),
    max_size=12,
)
lead_st = st.fixed_dictionaries({
    "source": st.sampled_from(("", "referral", "walk_in", "line")),
    "budget_satang": st.one_of(st.none(), st.integers(0, 10**12)),
    "province": st.sampled_from(("", "กรุงเทพมหานคร", "นนทบุรี", "เชียงใหม่")),
    "timeframe": st.sampled_from(("", *scoring.TIMEFRAMES)),
    "email": st.sampled_from(("", "a@b.co")),
    "mobile": st.sampled_from(("", "+66812345678")),
    "phone": st.sampled_from(("", "+6621234567")),
    "company_name": st.text(max_size=6),
    "interest": st.text(max_size=6),
})


@given(lead_st, rules_st)
def test_the_score_is_the_sum_of_the_matched_lines_and_every_active_rule_is_explained(
    columns: dict[str, object], rules: list[scoring.ScoringRule]
) -> None:
    result = scoring.score_lead(scoring.lead_values(columns), rules)
    assert result.total == sum(line.weight for line in result.lines if line.matched)
    # Every active rule, in order, with what the detail pane needs to word a rule without a label.
    assert [(line.rule_id, line.label, line.field, line.condition, line.value) for line in result.lines] == [
        (r.id, r.label.strip(), r.field, r.condition, r.value) for r in rules if r.active]
    assert scoring.scorer(rules)(scoring.lead_values(columns)) == result.total


def test_bangkok_area_is_a_named_province_value() -> None:
    rule = scoring.ScoringRule("r", "", "province", "in", "bangkok_area", 5)
    near = scoring.score_lead(scoring.lead_values({"province": "นนทบุรี"}), [rule])
    far = scoring.score_lead(scoring.lead_values({"province": "เชียงใหม่"}), [rule])
    assert (near.total, far.total) == (5, 0)


def test_phone_means_mobile_or_landline() -> None:
    no_phone = scoring.ScoringRule("r", "", "phone", "empty", "", -10)
    assert scoring.score_lead(scoring.lead_values({"phone": "+6621234567"}), [no_phone]).total == 0
    assert scoring.score_lead(scoring.lead_values({"mobile": "+66812345678"}), [no_phone]).total == 0
    assert scoring.score_lead(scoring.lead_values({}), [no_phone]).total == -10


# --- default rules, recompute, explanation ----------------------------------------------------


def test_default_rules_score_a_new_lead_and_the_detail_explains_each_line(app: AppContext) -> None:
    lead_id = create_lead(app.uow(), LeadInput(
        first_name="สมชาย", company_name="บริษัท ก จำกัด", source="referral", budget_satang=150_000_00,
        province="กทม", email="somchai@example.co.th", timeframe="immediate",
    )).created[0]
    detail = lead_detail(app.database, lead_id)
    assert detail is not None
    # referral +20, budget ≥ 100,000 +15, Bangkok area +5, no phone -10, e-mail +5, within a month +10
    assert detail.score == 45
    matched = {line.rule_id: line.weight for line in detail.score_lines if line.matched}
    assert matched == {
        default_rule_id("source_referral"): 20, default_rule_id("budget_100k"): 15,
        default_rule_id("bangkok_area"): 5, default_rule_id("no_phone"): -10,
        default_rule_id("has_email"): 5, default_rule_id("timeframe_1_month"): 10,
    }
    assert len(detail.score_lines) == 7  # walk-in is listed too, not matched
    assert sum(line.weight for line in detail.score_lines if line.matched) == detail.score


def test_editing_the_lead_rescores_it(app: AppContext) -> None:
    lead_id = create_lead(app.uow(), LeadInput(first_name="Anan")).created[0]
    assert score_of(app, lead_id) == -10  # no phone
    update_lead(app.uow(), lead_id, LeadInput(first_name="Anan", mobile="081-234-5678", source="walk_in"))
    assert score_of(app, lead_id) == 10


def test_changing_a_rule_rescores_every_lead_at_once(app: AppContext) -> None:
    a = create_lead(app.uow(), LeadInput(first_name="A", source="referral", mobile="0812345678")).created[0]
    b = create_lead(app.uow(), LeadInput(first_name="B", source="line", mobile="0812345679")).created[0]
    assert (score_of(app, a), score_of(app, b)) == (20, 0)

    changes = update_rule(app.uow(), default_rule_id("source_referral"),
                          RuleInput("source", "in", "referral, line", 30, "แนะนำหรือไลน์"))
    assert (score_of(app, a), score_of(app, b)) == (30, 30)
    assert set(changes[Entity.LEAD].updated) == {a, b}

    delete_rule(app.uow(), default_rule_id("source_referral"))
    assert (score_of(app, a), score_of(app, b)) == (0, 0)
    restore_rule(app.uow(), default_rule_id("source_referral"))
    assert (score_of(app, a), score_of(app, b)) == (30, 30)

    created = create_rule(app.uow(), RuleInput("budget", "gte", "1,000", 7))
    assert created.entities == (Entity.LEAD_SCORING_RULE,)  # nobody has a budget: no lead changed
    rule = next(r for r in scoring_rules(app.database) if r.id == created.created[0])
    assert rule.value == "1000"


def test_an_inactive_rule_does_not_count(app: AppContext) -> None:
    a = create_lead(app.uow(), LeadInput(first_name="A", source="walk_in", mobile="0812345678")).created[0]
    update_rule(app.uow(), default_rule_id("source_walk_in"), RuleInput("source", "eq", "walk_in", 10, active=False))
    detail = lead_detail(app.database, a)
    assert detail is not None and detail.score == 0
    assert default_rule_id("source_walk_in") not in {line.rule_id for line in detail.score_lines}


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        (RuleInput("province", "gte", "กรุงเทพมหานคร", 5), "condition"),
        (RuleInput("budget", "contains", "100", 5), "condition"),
        (RuleInput("colour", "eq", "red", 5), "field"),
        (RuleInput("timeframe", "lte", "soon", 5), "value"),
        (RuleInput("province", "in", "Atlantis", 5), "value"),
        (RuleInput("source", "eq", "  ", 5), "value"),
        (RuleInput("source", "eq", "referral", 5000), "weight"),
    ],
)
def test_a_rule_that_cannot_work_is_refused_with_the_field_named(app: AppContext, rule: RuleInput,
                                                                   field: str) -> None:
    with pytest.raises(ValidationError) as err:
        create_rule(app.uow(), rule)
    assert err.value.field == field
    assert len(scoring_rules(app.database)) == 7


def test_province_values_are_stored_by_their_thai_name(app: AppContext) -> None:
    rule_id = create_rule(app.uow(), RuleInput("province", "in", "bkk, Chiang Mai, bangkok_area", 3)).created[0]
    rule = next(r for r in scoring_rules(app.database) if r.id == rule_id)
    assert rule.value == "กรุงเทพมหานคร, เชียงใหม่, bangkok_area"


def test_defaults_are_seeded_once_and_a_removed_default_stays_removed(clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    ctx = open_app(path, clock=clock)
    delete_rule(ctx.uow(), default_rule_id("has_email"))
    ctx.close()
    ctx = open_app(path, clock=clock)
    try:
        ids = {r.id for r in scoring_rules(ctx.database)}
        assert len(ids) == 6 and default_rule_id("has_email") not in ids
    finally:
        ctx.close()
