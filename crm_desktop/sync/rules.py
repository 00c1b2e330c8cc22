"""The field rules of the columns (models/rules.py) as an import checks text values, and the refusal
that names the line, the record, the field and the rule broken.

Text is the bulk of a big file (a million values and more), so it is checked a column at a time:
the values of one field in every change of one shape (`records._Fields`), each rule one C-level pass
over them (types, the longest value, blanks, allowed values, and the canonical form as one regular
expression over the values joined by line breaks). Only when a column fails is each value looked at,
to name the one to blame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column

from crm_desktop.models.rules import FieldRule, rule_of
from crm_desktop.sync.bundle import BundleRefused

SHOWN = 40  # characters of a refused value quoted in the message
_TEXT = {str}
_OPTIONAL_TEXT = {str, type(None)}

_TOO_LONG = ("Line {line} of {name} is refused: the {field} of {entity} {row} has {length} characters, more than "
             "the {max_len} allowed. Nothing was imported.")
_BLANK = ("Line {line} of {name} is refused: the {field} of {entity} {row} is blank, and it is required. "
          "Nothing was imported.")
_NOT_ALLOWED = ("Line {line} of {name} is refused: the {field} of {entity} {row} is {value}, which is not one of "
                "{allowed}. Nothing was imported.")
_OUT_OF_RANGE = ("Line {line} of {name} is refused: the {field} of {entity} {row} is {value}, outside {allowed}. "
                 "Nothing was imported.")
_BAD_FORM = ("Line {line} of {name} is refused: the {field} of {entity} {row} is {value}, which is not written the "
             "way this program stores it. Nothing was imported.")


class BrokenRule(ValueError):
    """A value of a known field that no form accepts; `refusal` names where it is."""

    def __init__(self, field: str, template: str, **params: object) -> None:
        super().__init__(f"{field}: {template}")
        self.field = field
        self.template = template
        self.params = params

    def refusal(self, line: int, name: str, data: Any) -> BundleRefused:
        entity, row = (data.get("e"), data.get("r")) if isinstance(data, dict) else (None, None)
        return BundleRefused(self.template, line=line, name=name, entity=entity, row=shown(row), field=self.field,
                             **self.params)


def shown(value: object) -> str:
    """A value as a message quotes it: a 10 MB name is not copied into the message."""
    text = value if isinstance(value, str) else repr(value)
    return repr(text[:SHOWN] + "…" if len(text) > SHOWN else text)


@dataclass(frozen=True, slots=True)
class TextRule:
    """One text column's type and rule, ready for checking a column of values."""

    name: str
    nullable: bool
    max_len: int | None
    required: bool
    choices: frozenset[str] | None
    form: re.Pattern[str] | None  # one value
    forms: re.Pattern[str] | None  # values joined by line breaks (a pattern never matches one)

    @classmethod
    def of(cls, column: Column[Any]) -> TextRule:
        rule = rule_of(column)
        one = None if rule.pattern is None else f"(?:{rule.pattern})?"
        return cls(column.key, bool(column.nullable), rule.max_len, rule.required,
                   None if rule.choices is None else frozenset(rule.choices),
                   None if one is None else re.compile(one), None if one is None else re.compile(f"{one}(?:\n{one})*"))

    def passes(self, values: list[Any]) -> bool:
        """Whether every value of the column is text of the right type that keeps the rule."""
        if not set(map(type, values)) <= (_OPTIONAL_TEXT if self.nullable else _TEXT):
            return False
        if self.nullable:
            values = list(filter(None, values))
            if not values:
                return True
        if self.max_len is not None and max(map(len, values)) > self.max_len:
            return False
        if self.required and not all(map(str.strip, values)):
            return False
        if self.choices is not None and not self.choices.issuperset(values):
            return False
        if self.forms is not None:
            joined = "\n".join(values)
            return joined.count("\n") == len(values) - 1 and self.forms.fullmatch(joined) is not None
        return True

    def explain(self, value: Any) -> None:
        """Raise the error of a value that breaks the rule (nothing when it keeps it)."""
        name = self.name
        if value is None:
            if not self.nullable:
                raise ValueError(f"{name} may not be empty")
            return
        if type(value) is not str:
            raise TypeError(f"{name}: text expected")
        if self.max_len is not None and len(value) > self.max_len:
            raise BrokenRule(name, _TOO_LONG, length=f"{len(value):,}", max_len=f"{self.max_len:,}")
        if self.required and not value.strip():
            raise BrokenRule(name, _BLANK)
        if self.choices is not None and value not in self.choices:
            raise BrokenRule(name, _NOT_ALLOWED, value=shown(value), allowed=", ".join(map(repr, sorted(self.choices))))
        if self.form is not None and self.form.fullmatch(value) is None:
            raise BrokenRule(name, _BAD_FORM, value=shown(value))


def ranged(name: str, check: Callable[[Any], Any], rule: FieldRule) -> Callable[[Any], Any]:
    """`check` (a whole number's) followed by the column's range, when it declares one."""
    if rule.low is None and rule.high is None:
        return check
    low = "" if rule.low is None else f"{rule.low:,}"
    high = "" if rule.high is None else f"{rule.high:,}"
    allowed = f"{low}–{high}" if low and high else (f"≥ {low}" if low else f"≤ {high}")

    def within(value: Any) -> Any:
        number = check(value)
        if not rule.allows_number(number):
            raise BrokenRule(name, _OUT_OF_RANGE, value=number, allowed=allowed)
        return number

    return within
