"""Lead scoring: rules (field, condition, value, weight) and the score they give a lead, line by line.

Pure shared kernel (no database, no Qt, no imports from the rest of the package): services use it
to store a lead's score when the lead or a rule changes, queries use it to explain the score in the
lead's detail pane. Both therefore compute the same thing.

Rule values are stored the way users think of them: budget in baht ("100000"), provinces by their
Thai name or a named group (`bangkok_area`), timeframes and sources by their stable keys. A rule
whose stored value no longer makes sense (a bad sync, a renamed key) matches nothing instead of
failing, so one odd rule never stops leads from being saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

# Rule fields: lead columns as users see them. "budget" is the lead's budget in baht; "phone" is
# "any phone" (mobile or landline), "mobile" the mobile alone.
FIELDS = (
    "source", "budget", "province", "timeframe", "position", "company_name", "email", "phone", "mobile",
    "interest", "campaign_id", "tax_id",
)
CONDITIONS = ("eq", "ne", "gte", "lte", "contains", "in", "empty", "not_empty")
# gte / lte only make sense where values are ordered.
ORDERED_FIELDS = ("budget", "timeframe")
# When a lead means to buy, nearest first (stable keys; the UI shows Thai or English labels).
TIMEFRAMES = ("immediate", "1_month", "3_months", "6_months", "12_months", "later")
# Named province values a rule may use instead of listing provinces one by one.
PROVINCE_GROUPS: dict[str, tuple[str, ...]] = {
    "bangkok_area": ("กรุงเทพมหานคร", "นนทบุรี", "ปทุมธานี", "สมุทรปราการ", "สมุทรสาคร", "นครปฐม"),
}
# The lead columns scoring reads (what `lead_values` needs).
LEAD_COLUMNS = (
    "source", "budget_satang", "province", "timeframe", "position", "company_name", "email", "mobile", "phone",
    "interest", "campaign_id", "tax_id",
)
_TEXT_FIELDS = ("source", "province", "timeframe", "position", "company_name", "email", "interest", "campaign_id",
                "tax_id")


@dataclass(frozen=True)
class ScoringRule:
    id: str
    label: str
    field: str
    condition: str
    value: str
    weight: int
    active: bool = True


@dataclass(frozen=True)
class ScoreLine:
    """One rule's part in a lead's score: `weight` counts when `matched`.

    `label` is the rule's label as the owner typed it, "" when there is none: the rule's field,
    condition and value come along so that the UI can describe such a rule in the user's language.
    """

    rule_id: str
    label: str
    field: str
    condition: str
    value: str
    weight: int
    matched: bool


@dataclass(frozen=True)
class ScoreResult:
    total: int
    lines: tuple[ScoreLine, ...]


def lead_values(columns: Mapping[str, Any]) -> dict[str, Any]:
    """Rule field -> value for one lead, from its columns (`LEAD_COLUMNS`; missing ones count as blank)."""
    get = columns.get
    values: dict[str, Any] = {f: get(f) or "" for f in _TEXT_FIELDS}
    mobile = get("mobile") or ""
    values["mobile"] = mobile
    values["phone"] = mobile or get("phone") or ""
    budget = get("budget_satang")
    values["budget"] = None if budget is None else int(budget)  # satang; rule values are baht
    return values


def split_list(value: str) -> list[str]:
    """The items of an `in` value: comma separated (Thai comma too), trimmed, blanks dropped."""
    return [item.strip() for item in value.replace("،", ",").split(",") if item.strip()]


def baht_to_satang(value: str) -> int | None:
    """A rule's budget value ("100000", "1,500.50") in satang; None when it is not an amount."""
    try:
        amount = Decimal(value.replace(",", "").strip())
    except InvalidOperation:
        return None
    if not amount.is_finite():
        return None
    return int(amount * 100)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _expand(field: str, items: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for item in items:
        if field == "province" and item in PROVINCE_GROUPS:
            out.update(_fold(p) for p in PROVINCE_GROUPS[item])
        else:
            out.add(_fold(item))
    return out


Matcher = Callable[[Mapping[str, Any]], bool]


def _never(_values: Mapping[str, Any]) -> bool:
    return False


def _budget_matcher(cond: str, raw: str) -> Matcher:
    if cond == "in":
        targets = {baht_to_satang(v) for v in split_list(raw)} - {None}
        return lambda v: v.get("budget") in targets
    target = baht_to_satang(raw)
    if target is None:
        return _never
    compare: dict[str, Callable[[int], bool]] = {
        "eq": lambda b: b == target,
        "ne": lambda b: b != target,
        "gte": lambda b: b >= target,
        "lte": lambda b: b <= target,
    }
    test = compare.get(cond)
    if test is None:
        return _never
    if cond == "ne":
        return lambda v: v.get("budget") is None or test(v["budget"])
    return lambda v: v.get("budget") is not None and test(v["budget"])


def _timeframe_matcher(cond: str, raw: str) -> Matcher:
    rank = {key: i for i, key in enumerate(TIMEFRAMES)}
    target = rank.get(raw.strip())
    if target is None:
        return _never
    if cond == "gte":
        return lambda v: rank.get(v.get("timeframe", ""), -1) >= target
    return lambda v: rank.get(v.get("timeframe", ""), len(TIMEFRAMES)) <= target


def matcher(rule: ScoringRule) -> Matcher:
    """A predicate over `lead_values` telling whether `rule` applies."""
    field, cond, raw = rule.field, rule.condition, rule.value
    if field not in FIELDS or cond not in CONDITIONS:
        return _never
    if cond == "empty":
        return lambda v: v.get(field) in (None, "")
    if cond == "not_empty":
        return lambda v: v.get(field) not in (None, "")
    if field == "budget":
        return _budget_matcher(cond, raw)
    if cond in ("gte", "lte"):
        return _timeframe_matcher(cond, raw) if field == "timeframe" else _never
    if cond == "contains":
        needle = _fold(raw)
        return (lambda v: needle in _fold(str(v.get(field) or ""))) if needle else _never
    targets = _expand(field, split_list(raw) if cond == "in" else [raw.strip()])
    if not targets - {""}:
        return _never
    if cond == "ne":
        return lambda v: _fold(str(v.get(field) or "")) not in targets
    return lambda v: _fold(str(v.get(field) or "")) in targets


def score_lead(values: Mapping[str, Any], rules: Sequence[ScoringRule]) -> ScoreResult:
    """The score `rules` give a lead (`lead_values`), with one line per active rule, in rule order.

    The total is the sum of the weights of the matched lines; inactive rules are left out.
    """
    lines = tuple(
        ScoreLine(rule.id, rule.label.strip(), rule.field, rule.condition, rule.value, rule.weight,
                  matcher(rule)(values))
        for rule in rules if rule.active
    )
    return ScoreResult(sum(line.weight for line in lines if line.matched), lines)


def scorer(rules: Sequence[ScoringRule]) -> Callable[[Mapping[str, Any]], int]:
    """A fast total-only scorer for recomputing many leads (same result as `score_lead(...).total`)."""
    compiled = [(rule.weight, matcher(rule)) for rule in rules if rule.active]

    def total(values: Mapping[str, Any]) -> int:
        return sum(weight for weight, test in compiled if test(values))

    return total
