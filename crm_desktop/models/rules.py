"""Field rules, declared once on the columns: what the forms check is what a sync import checks.

A column's rule (its `info`, read by `rule_of`) holds what its type does not say: text that may not
be blank, the allowed values of an enumeration, a range of whole numbers, the canonical form of a
stored value (a pattern), and whether a live row keeps the row it points at from being deleted.
The maximum length of text is the column's own `String(n)`, or `max_len` for unbounded `Text`.
Services read these rules (services/validation.py) and sync imports check every incoming value
against them (sync/records.py), so a value that a dialog refuses is refused in a sync file too.

A new allowed value or a looser range is a change older copies would refuse in a file: ship it with
a schema revision, so that they say "made by a newer version" instead.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, TypeGuard

from sqlalchemy import Column
from sqlalchemy.orm import MappedColumn, QueryableAttribute

_KEY = "rule"

NOTES_MAX = 10_000  # notes and descriptions: a few pages of text
MAX_AMOUNT_SATANG = 10**15  # ten trillion baht: anything above is a typing mistake
EMAIL_MAX = 200  # every e-mail column is String(EMAIL_MAX); the RFC allows 254, nobody types that many

# Canonical forms of stored values (what the form validators write), checked on non-empty values.
PHONE = r"\+[1-9][0-9]{4,14}"  # E.164 (services.validation.phone)
EMAIL = r"[^@\s]{1,64}@[^@\s]+"  # one @ and no spaces; the forms check more (services.validation.email)
TAX_ID = r"[0-9]{13}"
FIVE_DIGITS = r"[0-9]{5}"  # postcodes and branch codes


@dataclass(frozen=True, slots=True)
class FieldRule:
    max_len: int | None = None  # characters; from String(n) unless declared
    required: bool = False  # text that may not be blank (names, titles)
    choices: tuple[str, ...] | None = None  # the only values allowed
    low: int | None = None  # whole numbers: smallest allowed
    high: int | None = None  # whole numbers: largest allowed
    pattern: str | None = None  # a regular expression a non-empty value matches whole
    pins_parent: bool = False  # a live row keeps the row this link points at from being deleted

    def allows_number(self, value: object) -> TypeGuard[int]:
        """A whole number (not a bool) within the range."""
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


def rules(**declared: Any) -> dict[str, FieldRule]:
    """The `info` of a column with these rules: `mapped_column(String(16), info=rules(choices=ROLES))`."""
    return {_KEY: FieldRule(**declared)}


def column_of(attribute: Column[Any] | QueryableAttribute[Any] | MappedColumn[Any]) -> Column[Any]:
    """The column behind a model attribute, a table column, or a mixin's column (`LineMixin.unit`)."""
    if isinstance(attribute, Column):
        return attribute
    if isinstance(attribute, MappedColumn):
        return attribute.column
    return attribute.property.columns[0]  # type: ignore[attr-defined,no-any-return]


# id(attribute) -> (attribute, its rule). Validation asks for the same few dozen columns for every
# row of an import; the attribute is kept so its id is never reused.
_RULE_CACHE: dict[int, tuple[object, FieldRule]] = {}


def rule_of(attribute: Column[Any] | QueryableAttribute[Any] | MappedColumn[Any]) -> FieldRule:
    """The rule of a column (`Account.name` or `table.c.name`), its length taken from String(n)."""
    cached = _RULE_CACHE.get(id(attribute))
    if cached is not None and cached[0] is attribute:
        return cached[1]
    column = column_of(attribute)
    rule: FieldRule = column.info.get(_KEY, FieldRule())
    length = getattr(column.type, "length", None)
    if rule.max_len is None and length is not None:
        rule = replace(rule, max_len=length)
    _RULE_CACHE[id(attribute)] = (attribute, rule)
    return rule
