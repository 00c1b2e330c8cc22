"""What an imported file can fill in, per kind of record, and how one cell's text becomes a value.

The importable fields are read from the services' input dataclasses (what a form can set) and the
model columns behind them (their type and `info=rules(...)`), so a new column on a form becomes
importable without a list here to update. Cell values are parsed with the forms' own validators
(services/validation.py, services/formatting.py): an imported phone, tax id or province is stored
exactly as one typed in a dialog.

Decisions on ambiguous input, documented because a file cannot be asked:
- Dates are day first (d/m/yyyy, Thai and British habit); ISO yyyy-mm-dd is the only year-first form.
  A 4-digit year from 2400 is Buddhist Era. A 2-digit year is BE by default (Thai Excel writes
  "15/3/69" for 2569 = 2026); `Options.short_years_be=False` reads it as 20yy instead. After an
  English month name ("15-Jan-26") a 2-digit year is always 20yy.
- Money is "1,234.50", "฿1,234.50", "1234.50 บาท": commas group thousands. The European "1.234,50"
  is refused with a message (as the forms refuse it) rather than silently read as 1.23450 baht.
- A number that lost its leading 0 in a spreadsheet (812345678, a 12-digit tax id) gets it back.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer

from crm_desktop.errors import ValidationError
from crm_desktop.import_plans.cells import MonthDay
from crm_desktop.import_plans.words import choice_of
from crm_desktop.models import Account, Activity, Contact, Lead, Product
from crm_desktop.models.rules import EMAIL, EMAIL_MAX, FIVE_DIGITS, NOTES_MAX, PHONE, TAX_ID, FieldRule, rule_of
from crm_desktop.services import validation
from crm_desktop.services.accounts import AccountInput
from crm_desktop.services.activities.edit import ActivityInput
from crm_desktop.services.contacts import ContactInput
from crm_desktop.services.formatting import (
    BE_INPUT_FROM,
    BE_OFFSET,
    ENGLISH_MONTHS,
    THAI_MONTHS,
    parse_date,
    parse_money,
)
from crm_desktop.services.leads import LeadInput
from crm_desktop.services.products import ProductInput
from crm_desktop.text import ascii_digits


class ValueKind(Enum):
    """How a cell is read; the wizard shows it beside the field."""

    TEXT = "text"
    BIRTHDAY = "birthday"  # a date, or a day and month without the year (→ the anniversary calendar)
    FULL_NAME = "full_name"  # split into prefix / first / last
    PHONE = "phone"
    EMAIL = "email"
    TAX_ID = "tax_id"
    BRANCH = "branch"
    DATE = "date"
    DATETIME = "datetime"
    MONEY = "money"
    NUMBER = "number"
    CHOICE = "choice"
    YES_NO = "yes_no"
    PROVINCE = "province"
    POSTCODE = "postcode"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str  # the input dataclass's field, or a name the import pipeline resolves (full_name, company)
    kind: ValueKind
    rule: FieldRule = dataclasses.field(default_factory=FieldRule)


KINDS = ("companies", "contacts", "leads", "products", "activities")

_INPUTS: dict[str, tuple[type, type]] = {
    "companies": (AccountInput, Account),
    "contacts": (ContactInput, Contact),
    "leads": (LeadInput, Lead),
    "products": (ProductInput, Product),
    "activities": (ActivityInput, Activity),
}
_COLUMN_OF_INPUT = {"details": "notes"}  # ActivityInput.details is Activity.notes
# Names the pipeline turns into records or links: a person's whole name, the company a contact works at
# (found by its tax id or name, else created), the owner (a user's name or e-mail).
_FULL_NAME = FieldSpec("full_name", ValueKind.FULL_NAME)
_OWNER = FieldSpec("owner", ValueKind.TEXT, FieldRule(max_len=EMAIL_MAX))
_EXTRA = {
    "contacts": (_FULL_NAME, FieldSpec("company", ValueKind.TEXT, rule_of(Account.name)),
                 FieldSpec("company_tax_id", ValueKind.TAX_ID, rule_of(Account.tax_id)), _OWNER),
    "companies": (_OWNER,),
    "leads": (_FULL_NAME, _OWNER),
    # ical helper: activities name their kind, priority and status in words, split a date from its
    # times, and name the owner and the customer (exchange/activity_rows.py, services/activity_import.py).
    "activities": (*(FieldSpec(n, ValueKind.TEXT) for n in ("kind", "priority", "status", "related_to", "owner",
                                                            "start_time", "end_time")),
                   FieldSpec("date", ValueKind.DATE)),
}
_PATTERN_KINDS = {PHONE: ValueKind.PHONE, EMAIL: ValueKind.EMAIL, TAX_ID: ValueKind.TAX_ID}


def _kind_of(name: str, column: Any, rule: FieldRule) -> ValueKind:
    if rule.pattern in _PATTERN_KINDS:
        return _PATTERN_KINDS[rule.pattern]
    if rule.pattern == FIVE_DIGITS:
        return ValueKind.POSTCODE if name == "postcode" else ValueKind.BRANCH
    if rule.choices is not None:
        return ValueKind.CHOICE
    if name == "province":
        return ValueKind.PROVINCE
    if name == "birthday":
        return ValueKind.BIRTHDAY
    kinds = ((Boolean, ValueKind.YES_NO), (DateTime, ValueKind.DATETIME), (Date, ValueKind.DATE))
    for type_, kind in kinds:
        if isinstance(column.type, type_):
            return kind
    if isinstance(column.type, BigInteger | Integer):
        return ValueKind.MONEY if name.endswith("_satang") else ValueKind.NUMBER
    return ValueKind.TEXT


@cache
def importable_fields(kind: str) -> dict[str, FieldSpec]:
    """Field name → spec for one kind: the form's fields that are columns, links to other records
    (…_id) left out (the pipeline resolves names into them), plus the kind's extra names."""
    form, model = _INPUTS[kind]
    found: dict[str, FieldSpec] = {}
    for f in dataclasses.fields(form):
        column = model.__table__.c[_COLUMN_OF_INPUT.get(f.name, f.name)]
        if column.foreign_keys:
            continue
        rule = rule_of(column)
        found[f.name] = FieldSpec(f.name, _kind_of(f.name, column, rule), rule)
    for extra in _EXTRA.get(kind, ()):
        found[extra.name] = extra
    return found


# --- Names -------------------------------------------------------------------------------------

# Abbreviations are written with their dots; on input each dot is optional, but the last one or a
# space must end the title ("ดร.สมชาย", "ดร สมชาย"), so "ศรี" is not read as ศ. + "รี".
_ABBREVIATED_TITLES = (
    "ว่าที่ ร.ต.", "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.",
    "ผศ.ดร.", "รศ.ดร.", "ศ.ดร.", "ผศ.", "รศ.", "ศ.", "ดร.", "นพ.", "พญ.", "ทพญ.", "ทพ.", "น.ส.", "ด.ช.", "ด.ญ.",
    "Mrs.", "Mr.", "Ms.", "Miss", "Dr.", "Prof.", "Khun",
)
# Whole words, often written attached ("นายสมชาย"): only when what follows starts a Thai syllable,
# so "คุณากร" stays a name (a name starting with นาง + consonant is split: text.py accepts the same).
_WORD_TITLES = ("นางสาว", "นาง", "นาย", "คุณ")
_THAI_START = "[\u0e01-\u0e2e\u0e40-\u0e44]"


def _abbreviation_pattern(title: str) -> str:
    parts = [p for p in re.split(r"[.\s]+", title) if p]
    return r"\.?\s*".join(re.escape(p) for p in parts) + r"(?:\.\s*|\s+)"


_TITLE = re.compile(
    "|".join([_abbreviation_pattern(t) for t in _ABBREVIATED_TITLES]
             + [rf"{t}(?:\s+|(?={_THAI_START}))" for t in _WORD_TITLES]),
    re.IGNORECASE,
)
_CANONICAL_TITLE = {re.sub(r"[.\s]", "", t).casefold(): t for t in (*_ABBREVIATED_TITLES, *_WORD_TITLES)}


@dataclass(frozen=True, slots=True)
class PersonName:
    prefix: str
    first_name: str
    last_name: str


def split_full_name(text: str) -> PersonName:
    """"นายสมชาย ใจดี" → (นาย, สมชาย, ใจดี); titles may stack ("ผศ.ดร.") and are written canonically
    ("นส" → "น.ส."). One word is a first name; after the first word, the rest is the last name."""
    rest = " ".join(text.split())
    prefixes: list[str] = []
    while (found := _TITLE.match(rest)) and found.end() < len(rest):
        written = re.sub(r"[.\s]", "", found.group(0)).casefold()
        prefixes.append(_CANONICAL_TITLE.get(written, found.group(0).strip()))
        rest = rest[found.end():].lstrip()
    first, _, last = rest.partition(" ")
    return PersonName(" ".join(prefixes), first, last)


# --- Cells -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Options:
    """Choices the user makes once per file in the wizard."""

    short_years_be: bool = True  # "15/3/69": BE 2569 (True) or 2069 (False)


DEFAULT_OPTIONS = Options()


_PHONE_SPLIT = re.compile(r"\s*[,;/\n]\s*|\s+(?:or|หรือ)\s+", re.IGNORECASE)
_PHONE_TAIL = re.compile(r"[0-9]{1,3}")
_NOT_DIGIT = re.compile(r"[^0-9]")


def parse_phones(value: object, field: str) -> list[str]:
    """All numbers in a cell, E.164: "081-234-5678, 02 123 4567", "+66 81 234 5678".

    The Thai shorthand "02-123-4567/8" (the next line up) gives 02-123-4567 and 02-123-4568.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"0{value}" if 8 <= len(str(value)) <= 9 else str(value)
    text = ascii_digits(str(value)).strip()
    if text.isdigit():  # one number written plainly, as most cells hold it: no separator to split on
        return [validation.phone(text, field)]
    numbers: list[str] = []
    previous = ""
    for part in _PHONE_SPLIT.split(text):
        if not part:
            continue
        if previous and _PHONE_TAIL.fullmatch(part):
            part = _NOT_DIGIT.sub("", previous)[: -len(part)] + part
        numbers.append(validation.phone(part, field))
        previous = part
    return numbers


_SHORT_DMY = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2})")
_YMD_SLASH = re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})")
_ERA = re.compile(r"(?<![^\s0-9])(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|b\.?e\.?|a\.?d\.?)(?=\s|$|[0-9])", re.IGNORECASE)
_TIME = re.compile(r"(?:\s+|T)([0-9]{1,2})[:.]([0-9]{2})(?::([0-9]{2}))?(?:\s*(?:น\.|นาฬิกา))?$")


def _month_key(word: str) -> str:
    return re.sub(r"[.\s]", "", word).casefold()


_THAI_SHORT_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
_MONTHS = {
    _month_key(name): number
    for names in (THAI_MONTHS, _THAI_SHORT_MONTHS, ENGLISH_MONTHS, [m[:3] for m in ENGLISH_MONTHS])
    for number, name in enumerate(names, start=1)
} | {"sept": 9}
_WORD = re.compile(r"[^\s0-9,/\-]+")  # not \w: Thai vowel and tone marks are not "alphanumeric"


def _real_date(year: int, month: int, day: int, raw: str, field: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, "{text} is not a real date: check the day and month.", text=raw) from None


def _full_year(year_text: str, short_be: bool) -> int:
    year = int(year_text)
    if len(year_text) <= 2:
        return (2500 - BE_OFFSET if short_be else 2000) + year
    return year - BE_OFFSET if year >= BE_INPUT_FROM else year


def _named_month_date(text: str, raw: str, field: str, options: Options) -> date | None:
    """"15 ม.ค. 2569", "15 มกราคม พ.ศ. 2569", "15-Jan-26", "January 15, 2026". A 2-digit year after an
    English month name is CE (20yy): English-language programs do not write BE years."""
    words = _WORD.findall(text)
    if len(words) != 1 or _month_key(words[0]) not in _MONTHS:
        return None
    numbers = re.findall(r"[0-9]+", text)
    if len(numbers) != 2 or len(numbers[0]) > 2 or len(numbers[1]) not in (2, 4):
        return None
    month = _month_key(words[0])
    short_be = options.short_years_be and not month.isascii()
    return _real_date(_full_year(numbers[1], short_be), _MONTHS[month], int(numbers[0]), raw, field)


def parse_day(value: object, field: str, options: Options = DEFAULT_OPTIONS) -> date:
    """A date from a cell: a date or datetime object (Excel), ISO, d/m/yyyy, d/m/yy, yyyy/m/d, or a
    day with a Thai or English month name; Buddhist Era years converted (2569 → 2026)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value).strip()
    text = _ERA.sub(" ", ascii_digits(raw)).strip()
    text = " ".join(text.replace(",", " ").split())
    if short := _SHORT_DMY.fullmatch(text):
        day, month = int(short.group(1)), int(short.group(3))
        return _real_date(_full_year(short.group(4), options.short_years_be), month, day, raw, field)
    if ymd := _YMD_SLASH.fullmatch(text):
        text = "-".join(ymd.groups())
    if (named := _named_month_date(text, raw, field, options)) is not None:
        return named
    try:
        return parse_date(text, field)
    except ValidationError as error:
        if error.template == "{text} is not a real date: check the day and month.":
            raise ValidationError(field, error.template, text=raw) from None
        raise


_NO_YEAR = re.compile(r"--([0-9]{2})-?([0-9]{2})")
_LEAP_YEAR = 2000  # a day and month are real when they exist in a leap year (29 February is a birthday)


def parse_birthday(value: object, field: str, options: Options = DEFAULT_OPTIONS) -> date | MonthDay:
    """A date as `parse_day` reads it, or a `MonthDay` when the year is left out (--MMDD, --MM-DD)."""
    if isinstance(value, str) and (found := _NO_YEAR.fullmatch(ascii_digits(value).strip())):
        month, day = int(found.group(1)), int(found.group(2))
        _real_date(_LEAP_YEAR, month, day, value.strip(), field)
        return MonthDay(month, day)
    return parse_day(value, field, options)


def parse_moment(value: object, field: str, options: Options = DEFAULT_OPTIONS) -> datetime:
    """A date with an optional time of day ("15/3/2569 14:30", "2026-03-15T14:30"), office time."""
    if isinstance(value, datetime):
        return value
    text = str(value).strip()
    found = _TIME.search(ascii_digits(text))
    if found is None:
        return datetime.combine(parse_day(text, field, options), time())
    hour, minute, second = (int(g or 0) for g in found.groups())
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(field, "{text} is not a time of day.", text=text)
    return datetime.combine(parse_day(text[: found.start()], field, options), time(hour, minute, second))


def parse_satang(value: object, field: str) -> int:
    """Money from a cell: a number from a spreadsheet, or text as the forms read it ("฿1,234.50")."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            satang = Decimal(str(value)) * 100
        except InvalidOperation:
            satang = Decimal("NaN")
        if not satang.is_finite() or satang != satang.to_integral_value():
            raise ValidationError(field, "{text} is not an amount of money.", text=str(value))
        return int(satang)
    try:
        return parse_money(str(value))
    except ValidationError as error:
        raise ValidationError(field, error.template, **error.params) from None


def parse_whole(value: object, field: str) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = ascii_digits(str(value)).strip().replace(",", "")
    if re.fullmatch(r"-?[0-9]+", text) is None:
        raise ValidationError(field, "{text} is not a whole number.", text=str(value).strip())
    return int(text)


_YES = {"yes", "y", "true", "1", "x", "✓", "✔", "ใช่", "มี", "ได้", "ยินยอม"}
_NO = {"no", "n", "false", "0", "ไม่", "ไม่ใช่", "ไม่มี", "ไม่ได้", "ไม่ยินยอม", "-"}


def parse_yes_no(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().casefold()
    if word in _YES or word in _NO:
        return word in _YES
    raise ValidationError(field, "{text} is neither yes nor no.", text=str(value).strip())


def parse_choice(value: object, spec: FieldSpec) -> str:
    found = choice_of(spec.name, str(value), spec.rule.choices or ())
    if found is not None:
        return found
    allowed = ", ".join(c for c in spec.rule.choices or () if c)
    raise ValidationError(spec.name, "{text} is not one of: {allowed}.", text=str(value).strip(), allowed=allowed)


def _digits_text(value: object, width: int) -> str:
    """A tax id or postcode a spreadsheet stored as a number: give back its leading zeros."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value).zfill(width)
    return str(value)


def parse_text(value: object, spec: FieldSpec) -> str:
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a code typed as a number: "1001", not "1001.0"
    return validation.optional_text(text, spec.name, spec.rule.max_len or NOTES_MAX)


_PARSERS: dict[ValueKind, Callable[[object, FieldSpec, Options], object]] = {
    ValueKind.TEXT: lambda v, s, o: parse_text(v, s),
    ValueKind.BIRTHDAY: lambda v, s, o: parse_birthday(v, s.name, o),
    ValueKind.FULL_NAME: lambda v, s, o: split_full_name(str(v)),
    ValueKind.PHONE: lambda v, s, o: parse_phones(v, s.name),
    ValueKind.EMAIL: lambda v, s, o: validation.email(str(v), s.name),
    ValueKind.TAX_ID: lambda v, s, o: validation.tax_id(_digits_text(v, 13), s.name),
    ValueKind.BRANCH: lambda v, s, o: validation.branch_code(_digits_text(v, 5), s.name),
    ValueKind.POSTCODE: lambda v, s, o: validation.postcode(_digits_text(v, 5), s.name),
    ValueKind.PROVINCE: lambda v, s, o: validation.province(str(v), s.name),
    ValueKind.DATE: lambda v, s, o: parse_day(v, s.name, o),
    ValueKind.DATETIME: lambda v, s, o: parse_moment(v, s.name, o),
    ValueKind.MONEY: lambda v, s, o: parse_satang(v, s.name),
    ValueKind.NUMBER: lambda v, s, o: parse_whole(v, s.name),
    ValueKind.YES_NO: lambda v, s, o: parse_yes_no(v, s.name),
    ValueKind.CHOICE: lambda v, s, o: parse_choice(v, s),
}


def parse_cell(value: object, spec: FieldSpec, options: Options = DEFAULT_OPTIONS) -> object:
    """One non-blank cell as its field stores it; phones give a list, full names a PersonName, a birthday
    without its year a MonthDay.
    Raises ValidationError naming the field, with the forms' message."""
    return _PARSERS[spec.kind](value, spec, options)


def cell_parser(spec: FieldSpec, options: Options = DEFAULT_OPTIONS) -> Callable[[object], object]:
    """`parse_cell` for one column: its rule looked up once, not again for each of 100,000 cells."""
    parse = _PARSERS[spec.kind]
    return lambda value: parse(value, spec, options)
