"""A segment's filter: who is in it, as the owner set it in the segment editor (pure; no SQL).

A segment is saved as JSON in `segment.filter_json` and read back through `parse_filter`, which refuses
what it does not know (an unknown condition, a value of the wrong kind) with a message naming it,
rather than silently counting everyone. `queries/segments.segment_condition` turns a filter into SQL:
one function for the count, the list, the export and a campaign's members.

Every condition narrows (they are ANDed); within a list condition any value matches (OR). Ages count
from the birthday on the app's today; "bought" reads live sales orders (confirmed or later) of the
last `months` months; "RFM class" is the customer ranking's group (`crm_desktop.rfm`) over the last
12 months; "last contact" is the latest activity marked done.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from crm_desktop.errors import ValidationError
from crm_desktop.provinces import PROVINCES, REGIONS

KINDS = ("contacts", "accounts")
GENDERS = ("female", "male", "other")
INCOME_BANDS = ("<15k", "15k-30k", "30k-50k", "50k-100k", "100k+")
RFM_CLASSES = ("top", "at_risk", "other", "none")  # "none": no sale in the last 12 months
MAX_AGE = 130
MAX_DAYS = 36_500
MAX_MONTHS = 120
MAX_VALUES = 500  # of one list condition
CONTACT_ONLY = ("age_min", "age_max", "genders", "income_bands", "interests", "consent", "lead_sources")
_PROVINCE_NAMES = frozenset(th for _code, th, _en in PROVINCES)


@dataclass(frozen=True)
class Bought:
    """Bought something in the last `months` months: of these products or categories (any, when both
    are empty), for at least `min_satang` in all (0: any amount)."""

    months: int = 6
    product_ids: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    min_satang: int = 0


@dataclass(frozen=True)
class SegmentFilter:
    kind: str = "contacts"
    age_min: int | None = None
    age_max: int | None = None
    genders: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    income_bands: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    consent: bool | None = None  # True: only people who agreed to marketing
    lead_sources: tuple[str, ...] = ()  # the source of the lead the person was converted from
    bought: Bought | None = None
    rfm: tuple[str, ...] = ()
    contacted_within_days: int | None = None  # an activity done in the last N days
    quiet_for_days: int | None = None  # no activity done in the last N days
    owner_ids: tuple[str, ...] = field(default=())

    def conditions(self) -> int:
        """How many conditions narrow the segment (0: everyone of its kind)."""
        return sum(1 for f in fields(self) if f.name != "kind" and getattr(self, f.name) not in (None, ()))

    def to_json(self) -> str:
        """The stored form: only the conditions set, keys sorted (so equal filters store alike)."""
        data = {k: v for k, v in asdict(self).items() if v not in (None, [], ())}
        if self.bought is not None:
            data["bought"] = {k: v for k, v in asdict(self.bought).items() if v not in ([], ())}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _bad(field_name: str, template: str, **params: object) -> ValidationError:
    return ValidationError(field_name, template, **params)


def _number(key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(key, "Segment condition {key} must be a whole number from {low} to {high}.", key=key, low=low,
                   high=high)
    return value


def _texts(key: str, value: Any, allowed: frozenset[str] | tuple[str, ...] | None = None) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value) or len(value) > MAX_VALUES:
        raise _bad(key, "Segment condition {key} must be a list of texts.", key=key)
    cleaned = tuple(dict.fromkeys(" ".join(v.split()) for v in value if v.strip()))
    for v in cleaned:
        if allowed is not None and v not in allowed:
            raise _bad(key, "Segment condition {key} does not know the value {value}.", key=key, value=v)
    return cleaned


def _bought(value: Any) -> Bought:
    if not isinstance(value, dict):
        raise _bad("bought", "Segment condition {key} must be a list of texts.", key="bought")
    unknown = sorted(set(value) - {f.name for f in fields(Bought)})
    if unknown:
        raise _bad("bought", "Unknown segment condition {key}.", key=f"bought.{unknown[0]}")
    return Bought(months=_number("bought.months", value.get("months", 6), 1, MAX_MONTHS),
                  product_ids=_texts("bought.product_ids", value.get("product_ids", ())),
                  categories=_texts("bought.categories", value.get("categories", ())),
                  min_satang=_number("bought.min_satang", value.get("min_satang", 0), 0, 10**15))


def _value(key: str, value: Any) -> Any:
    if key == "kind":
        if value not in KINDS:
            raise _bad(key, "A segment is of contacts or of companies.")
        return value
    if key in ("age_min", "age_max"):
        return _number(key, value, 0, MAX_AGE)
    if key in ("contacted_within_days", "quiet_for_days"):
        return _number(key, value, 1, MAX_DAYS)
    if key == "consent":
        if not isinstance(value, bool):
            raise _bad(key, "Segment condition {key} must be true or false.", key=key)
        return value
    if key == "bought":
        return _bought(value)
    allowed = {"genders": GENDERS, "provinces": _PROVINCE_NAMES, "regions": REGIONS, "income_bands": INCOME_BANDS,
               "rfm": RFM_CLASSES}.get(key)
    return _texts(key, value, allowed)


def checked(flt: SegmentFilter) -> SegmentFilter:
    """The filter if it makes sense as a whole: an age range that is not upside down, no condition on
    people for a segment of companies."""
    if flt.age_min is not None and flt.age_max is not None and flt.age_min > flt.age_max:
        raise _bad("age_min", "The lowest age ({low}) is above the highest ({high}).", low=flt.age_min,
                   high=flt.age_max)
    if flt.kind == "accounts":
        for key in CONTACT_ONLY:
            if getattr(flt, key) not in (None, ()):
                raise _bad(key, "Segment condition {key} is about people; a segment of companies cannot use it.",
                           key=key)
    return flt


def parse_filter(text: str) -> SegmentFilter:
    """A stored filter, checked: unknown keys and bad values are refused with a message naming them."""
    try:
        data = json.loads(text or "{}")
    except ValueError as exc:
        raise _bad("filter", "The segment's conditions cannot be read: {reason}", reason=exc) from exc
    if not isinstance(data, dict):
        raise _bad("filter", "The segment's conditions cannot be read: {reason}", reason="not a JSON object")
    known = {f.name for f in fields(SegmentFilter)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise _bad(unknown[0], "Unknown segment condition {key}.", key=unknown[0])
    return checked(SegmentFilter(**{k: _value(k, v) for k, v in data.items()}))


def years_before(day: date, years: int) -> date:
    """The same day `years` years before (28 February for a 29th in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)

