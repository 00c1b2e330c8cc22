"""Lead scoring rules the owner edits, the default rules, and keeping every lead's score current.

The matching itself is the pure `crm_desktop.scoring` (shared with the read side, which explains
a score line by line). Here: rule validation, rule create/edit/delete, and the recompute of all
live leads' scores in the same transaction as the rule change.

The stored `lead.score` is derived data (lead fields + rules, both synced). A recompute after a
rule change writes it with one bulk UPDATE and does not log 200k field changes: every copy that
receives the rule recomputes by itself (a sync import must call `recompute_scores` after it applied
rules or leads). `score` is a derived column (models.base.DERIVED_COLUMNS): never logged.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update

from crm_desktop import scoring
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Lead, LeadScoringRule, fixed_id
from crm_desktop.models.lead import MAX_WEIGHT
from crm_desktop.models.rules import rule_of
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.formatting import parse_money

ENTITY = Entity.LEAD_SCORING_RULE
UPDATE_BATCH = 5000
MAX_LISTED_LEADS = 5000

# (key, label, field, condition, value, weight): the rules every new database starts with.
DEFAULT_RULES = (
    ("source_referral", "มาจากการแนะนำ (referral)", "source", "eq", "referral", 20),
    ("budget_100k", "งบประมาณตั้งแต่ 100,000 บาท", "budget", "gte", "100000", 15),
    ("bangkok_area", "อยู่ในกรุงเทพฯ และปริมณฑล", "province", "in", "bangkok_area", 5),
    ("no_phone", "ไม่มีเบอร์โทรศัพท์", "phone", "empty", "", -10),
    ("has_email", "มีอีเมล", "email", "not_empty", "", 5),
    ("timeframe_1_month", "จะซื้อภายใน 1 เดือน", "timeframe", "lte", "1_month", 10),
    ("source_walk_in", "เดินเข้ามาที่ร้าน (walk-in)", "source", "eq", "walk_in", 10),
)


def default_rule_id(key: str) -> str:
    return fixed_id("lead_scoring_rule", key)


@dataclass
class RuleInput:
    """What the rule editor holds: budget values in baht as typed ("100,000")."""

    field: str
    condition: str
    value: str = ""
    weight: int = 0
    label: str = ""
    active: bool = True


def _baht_text(satang: int) -> str:
    baht, rest = divmod(satang, 100)
    return f"{baht}" if rest == 0 else f"{baht}.{rest:02d}"


def _clean_item(field: str, item: str) -> str:
    if field == "province":
        if item in scoring.PROVINCE_GROUPS:
            return item
        return validation.province(item, "value")
    if field == "timeframe":
        if item not in scoring.TIMEFRAMES:
            raise ValidationError("value", "Unknown timeframe {value}.", value=item)
        return item
    if field == "budget":
        satang = parse_money(item)
        if satang < 0:
            raise ValidationError("value", "A budget cannot be negative.")
        return _baht_text(satang)
    return item


def _clean(data: RuleInput) -> dict[str, Any]:
    if data.field not in scoring.FIELDS:
        raise ValidationError("field", "Unknown lead field {value}.", value=data.field)
    if data.condition not in scoring.CONDITIONS:
        raise ValidationError("condition", "Unknown condition {value}.", value=data.condition)
    if not rule_of(LeadScoringRule.weight).allows_number(data.weight):
        raise ValidationError("weight", "A weight is a whole number from -{max} to {max}.", max=MAX_WEIGHT)
    if data.condition in ("gte", "lte") and data.field not in scoring.ORDERED_FIELDS:
        raise ValidationError("condition", "At least / at most works only for the budget and the timeframe.")
    if data.condition in ("contains", "in") and data.field == "budget":
        raise ValidationError("condition", "For the budget use equals, at least or at most.")
    if data.condition in ("empty", "not_empty"):
        value = ""
    elif data.condition == "in":
        items = scoring.split_list(data.value)
        if not items:
            raise ValidationError("value", "This field is required.")
        value = ", ".join(dict.fromkeys(_clean_item(data.field, i) for i in items))
    else:
        value = _clean_item(data.field, validation.required_text(data.value, "value"))
    return {
        "field": data.field,
        "condition": data.condition,
        "value": validation.column_text(value, LeadScoringRule.value),  # a list joined may be too long
        "weight": data.weight,
        "label": validation.column_text(data.label, LeadScoringRule.label),
        "active": bool(data.active),
    }


def live_rules(uow: UnitOfWork) -> list[scoring.ScoringRule]:
    """The rules not deleted, biggest weight first (the same order on every copy): inside an open unit of work."""
    stmt = (
        select(LeadScoringRule)
        .where(LeadScoringRule.deleted_at.is_(None))
        .order_by(LeadScoringRule.weight.desc(), LeadScoringRule.label, LeadScoringRule.id)
    )
    return [to_rule(r) for r in uow.session.scalars(stmt)]


def to_rule(row: LeadScoringRule) -> scoring.ScoringRule:
    return scoring.ScoringRule(row.id, row.label, row.field, row.condition, row.value, row.weight, row.active)


def recompute_scores(uow: UnitOfWork, lead_ids: Collection[str] | None = None) -> tuple[str, ...]:
    """Bring every live lead's score (or those of `lead_ids`) in line with the live rules; returns
    the ids whose score changed.

    Inside the caller's transaction: reads only the columns scoring needs, scores in Python, and
    updates just the changed leads with executemany, in batches (still one transaction).
    """
    total = scoring.scorer(live_rules(uow))
    cols = [Lead.__table__.c[name] for name in scoring.LEAD_COLUMNS]
    table = Lead.__table__
    stmt = select(table.c.id, table.c.score, *cols).where(table.c.deleted_at.is_(None))
    if lead_ids is not None and len(lead_ids) <= MAX_LISTED_LEADS:  # more: one pass over all is cheaper
        stmt = stmt.where(table.c.id.in_(lead_ids))
    changed: list[dict[str, Any]] = []
    names = scoring.LEAD_COLUMNS
    values = scoring.lead_values
    for lead_id, old, *rest in uow.session.connection().execute(stmt):  # plain tuples: 2x faster than ORM rows
        score = total(values(dict(zip(names, rest, strict=True))))
        if score != old:
            changed.append({"b_id": lead_id, "b_score": score})
    if changed:
        upd = update(table).where(table.c.id == bindparam("b_id")).values(score=bindparam("b_score"))
        conn = uow.session.connection()
        for start in range(0, len(changed), UPDATE_BATCH):
            conn.execute(upd, changed[start : start + UPDATE_BATCH])
        # Leads already loaded in this session must not keep (or later write back) an old score.
        for obj in list(uow.session.identity_map.values()):
            if isinstance(obj, Lead):
                uow.session.expire(obj, ["score"])
    return tuple(c["b_id"] for c in changed)


def ensure_default_rules(uow: UnitOfWork) -> int:
    """Add the default rules this database lacks (a removed one stays removed); returns how many.

    Call inside `with uow:`; the caller commits. When rules were added, live leads are rescored.
    """
    wanted = {default_rule_id(key): rest for key, *rest in DEFAULT_RULES}
    present = uow.scoring_rules.present(wanted)
    added = 0
    for row_id, (label, field, condition, value, weight) in wanted.items():
        if row_id not in present:
            uow.scoring_rules.add(LeadScoringRule(id=row_id, label=label, field=field, condition=condition,
                                                  value=value, weight=weight, active=True))
            added += 1
    if added:
        uow.session.flush()
        recompute_scores(uow)
    return added


def _result(rule_changes: ChangeSet, lead_ids: tuple[str, ...]) -> ChangeSet:
    """The rule's change and the leads it rescored, as one change set."""
    return rule_changes | change(Entity.LEAD, updated=lead_ids) if lead_ids else rule_changes


def create_rule(uow: UnitOfWork, data: RuleInput) -> ChangeSet:
    """Add a rule and rescore every lead, in one transaction; returns the rule and the rescored leads."""
    values = _clean(data)
    with uow:
        rule = uow.scoring_rules.add(LeadScoringRule(**values))
        uow.session.flush()
        leads = recompute_scores(uow)
        uow.commit()
    return _result(change(ENTITY, created=(rule.id,)), leads)


def update_rule(uow: UnitOfWork, rule_id: str, data: RuleInput) -> ChangeSet:
    values = _clean(data)
    with uow:
        rule = uow.scoring_rules.get(rule_id)
        if rule is None:
            raise NotFound("The scoring rule was deleted by someone else. Refresh the list.")
        for key, value in values.items():
            setattr(rule, key, value)
        uow.session.flush()
        leads = recompute_scores(uow)
        uow.commit()
    return _result(change(ENTITY, updated=(rule_id,)), leads)


def delete_rule(uow: UnitOfWork, rule_id: str) -> ChangeSet:
    """Remove a rule (soft, like every record) and rescore every lead."""
    return _set_deleted(uow, rule_id, deleted=True)


def restore_rule(uow: UnitOfWork, rule_id: str) -> ChangeSet:
    """Undo `delete_rule`: the rule counts again and leads are rescored."""
    return _set_deleted(uow, rule_id, deleted=False)


def _set_deleted(uow: UnitOfWork, rule_id: str, *, deleted: bool) -> ChangeSet:
    with uow:
        rule = uow.scoring_rules.get(rule_id, include_deleted=not deleted)
        if rule is None:
            raise NotFound("The scoring rule was deleted by someone else. Refresh the list.")
        if deleted:
            uow.scoring_rules.soft_delete(rule, uow.now())
        else:
            uow.scoring_rules.restore(rule)
        uow.session.flush()
        leads = recompute_scores(uow)
        uow.commit()
    rule = change(ENTITY, deleted=(rule_id,)) if deleted else change(ENTITY, created=(rule_id,))
    return _result(rule, leads)


def rule_input(uow: UnitOfWork, rule_id: str) -> RuleInput:
    """The stored rule as editor input."""
    with uow:
        rule = uow.scoring_rules.get(rule_id)
        if rule is None:
            raise NotFound("The scoring rule was deleted by someone else. Refresh the list.")
        return RuleInput(rule.field, rule.condition, rule.value, rule.weight, rule.label, rule.active)


def score_of(uow: UnitOfWork, columns: dict[str, Any]) -> int:
    """The score of one lead's (cleaned) columns under the live rules, inside an open unit of work."""
    return scoring.score_lead(scoring.lead_values(columns), live_rules(uow)).total
