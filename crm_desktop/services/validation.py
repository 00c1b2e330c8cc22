"""Check and normalize what users type before a service saves it.

Every validator returns the value in the one form we store (so search, duplicate checks and
exports compare like with like) or raises `ValidationError` naming the field, with a message
translated in `messages.THAI`. Optional fields return "" for blank input instead of failing.
Thai digits (๐–๙) are accepted wherever digits are expected, because Thai keyboards type them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column
from sqlalchemy.orm import QueryableAttribute

from crm_desktop.errors import ValidationError
from crm_desktop.models.rules import EMAIL_MAX, column_of, rule_of
from crm_desktop.provinces import PROVINCES
from crm_desktop.text import ascii_digits, is_e164

if TYPE_CHECKING:
    import phonenumbers

# --- Tax id --------------------------------------------------------------------------------

_TAX_WEIGHTS = (13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2)
_TAX_SEPARATORS = re.compile(r"[\s-]+")
_DIGITS = re.compile(r"[0-9]+")


def _tax_check_digit(first12: str) -> str:
    total = sum(int(c) * w for c, w in zip(first12, _TAX_WEIGHTS, strict=True))
    return str((11 - total % 11) % 10)


def _tax_digits(value: str) -> str:
    return _TAX_SEPARATORS.sub("", ascii_digits(value))


def is_valid_tax_id(value: str) -> bool:
    """True when `value` (separators allowed) is 13 digits with a correct check digit.

    The checksum catches most typos, not all: the 3rd digit has weight 11, so changing it alone
    keeps the id "valid", and check digit 1 stands for two remainders (0 and 10).
    """
    digits = _tax_digits(value)
    return len(digits) == 13 and _DIGITS.fullmatch(digits) is not None and (_tax_check_digit(digits[:12]) == digits[12])


def make_tax_id(first12: str) -> str:
    """Append the check digit; demo data and tests need ids that pass `tax_id`."""
    if len(first12) != 12 or _DIGITS.fullmatch(first12) is None:
        raise ValueError(f"make_tax_id needs exactly 12 ASCII digits, got {first12!r}")
    return first12 + _tax_check_digit(first12)


def tax_id(value: str, field: str = "tax_id") -> str:
    """13-digit tax id or national id, stored without separators; "" when left blank.

    A leading 0 is normal: juristic persons' ids start with 0.
    """
    digits = _tax_digits(value)
    if not digits:
        return ""
    if _DIGITS.fullmatch(digits) is None:
        raise ValidationError(field, "A tax ID may contain only digits, spaces and dashes.")
    if len(digits) != 13:
        raise ValidationError(field, "A tax ID has 13 digits; this one has {count}.", count=len(digits))
    if _tax_check_digit(digits[:12]) != digits[12]:
        raise ValidationError(
            field,
            "Tax ID {value} is not valid: its last digit does not match. Check for a typing mistake.",
            value=digits,
        )
    return digits


def branch_code(value: str, field: str = "branch_code") -> str:
    """5-digit branch code printed on tax invoices ("00000" is the head office); "" when blank."""
    code = ascii_digits(value).strip()
    if not code:
        return ""
    if len(code) != 5 or _DIGITS.fullmatch(code) is None:
        raise ValidationError(field, "A branch code has 5 digits, for example 00000 for the head office.")
    return code


# --- Email ---------------------------------------------------------------------------------

_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_EMAIL_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})")


def email(value: str, field: str = "email") -> str:
    """Trimmed address with a lower-case domain; "" when blank.

    The local part keeps its case (it may matter to the receiving server). Thai domain names
    (IDN, e.g. ".ไทย") are accepted and kept in Unicode.
    """
    text = value.strip()
    if not text:
        return ""
    if len(text) > EMAIL_MAX:
        raise ValidationError(field, "An email address can have at most {max_len} characters.", max_len=EMAIL_MAX)
    local, at, domain = text.rpartition("@")
    domain = domain.lower()
    if not at or len(local) > 64 or _EMAIL_LOCAL.fullmatch(local) is None:
        raise ValidationError(field, "{value} is not an email address.", value=text)
    try:
        ascii_domain = domain if domain.isascii() else domain.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_domain = ""
    if _EMAIL_DOMAIN.fullmatch(ascii_domain) is None:
        raise ValidationError(field, "{value} is not an email address.", value=text)
    return f"{local}@{domain}"


# --- Phone ---------------------------------------------------------------------------------

# phonenumbers (25 ms) and geothai (15 ms) load at the first number or province that needs them: the
# app's first screen lays its phones out without them (`format_phone`).

_PHONE_TEXT = re.compile(r"\+?[0-9\s().\-]+")


_NOT_DIGIT = re.compile(r"[^0-9]")


def _thai_pattern(desc: Any) -> re.Pattern[str]:
    return re.compile(f"(?:{desc.national_number_pattern})")


@cache
def _thai_shapes() -> tuple[tuple[tuple[int, ...], re.Pattern[str]], tuple[tuple[int, ...], re.Pattern[str]]]:
    """The two shapes nearly every Thai number in a customer file has (mobile, fixed line), read from
    phonenumbers' own metadata: an import checks each in about 2 µs where phonenumbers.parse takes
    about 50 µs."""
    from phonenumbers import PhoneMetadata

    th = PhoneMetadata.metadata_for_region("TH")
    assert th is not None
    return ((tuple(th.mobile.possible_length), _thai_pattern(th.mobile)),
            (tuple(th.fixed_line.possible_length), _thai_pattern(th.fixed_line)))


def _thai_national(text: str, digits: str, mobile_only: bool) -> str | None:
    """E.164 of a plainly Thai mobile (0 or +66, then 9 digits) or fixed line (8 digits), or None
    for anything else, which phonenumbers decides (tests check both agree)."""
    if text.startswith("+"):
        if not digits.startswith("66"):
            return None
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return None
    (mobile_lengths, mobile), (fixed_lengths, fixed) = _thai_shapes()
    if len(national) in mobile_lengths and mobile.fullmatch(national):
        return "+66" + national
    if not mobile_only and len(national) in fixed_lengths and fixed.fullmatch(national):
        return "+66" + national
    return None


def phone(value: str, field: str = "phone", mobile_only: bool = False) -> str:
    """E.164 form (+66812345678) of a Thai or international number; "" when blank.

    Letters are refused before phonenumbers sees the text, because it silently drops trailing
    junk ("0812345678x") and reads "ext 12" as an extension we would not store.
    """
    text = ascii_digits(value).strip()
    if not text:
        return ""
    if text.startswith("+66") and is_e164(text):  # stored form (an import's second look)
        fast = _thai_national(text, text[1:], mobile_only)
        if fast is not None:
            return fast
    if _PHONE_TEXT.fullmatch(text) is None:
        raise ValidationError(field, "{value} is not a phone number.", value=value.strip())
    digits = _NOT_DIGIT.sub("", text)
    if (fast := _thai_national(text, digits, mobile_only)) is not None:
        return fast
    if not text.startswith("+") and digits.startswith("0066"):
        # European style "00 66 …": Thai rules would read 006 as a carrier prefix.
        text = "+" + digits[2:]
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

    try:
        number = phonenumbers.parse(text, "TH")
    except NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        if number is not None and number.country_code == 66:
            raise ValidationError(
                field,
                "{value} is not a valid Thai phone number: mobiles have 10 digits, Bangkok numbers 9 (02 xxx xxxx).",
                value=value.strip(),
            )
        raise ValidationError(field, "{value} is not a phone number.", value=value.strip())
    if mobile_only and phonenumbers.number_type(number) not in (PhoneNumberType.MOBILE,
                                                                PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise ValidationError(field, "{value} is not a mobile number.", value=value.strip())
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _parse_stored(e164: str) -> phonenumbers.PhoneNumber | None:
    import phonenumbers
    from phonenumbers import NumberParseException

    try:
        return phonenumbers.parse(e164, "TH")
    except NumberParseException:
        return None


_THAI_SHAPES = (
    (re.compile(r"\+66([689][0-9])([0-9]{3})([0-9]{4})"), "0{} {} {}"),  # mobile: 081 234 5678
    (re.compile(r"\+662([0-9]{3})([0-9]{4})"), "02 {} {}"),  # Bangkok: 02 123 4567
    (re.compile(r"\+66([3-7][0-9])([0-9]{3})([0-9]{3})"), "0{} {} {}"),  # provinces: 053 123 456
)


def format_phone(e164: str) -> str:
    """Display form: Thai numbers national ("081 234 5678"), others international.

    The common Thai shapes are laid out without a parse (a list or an export of 300,000 contacts
    spent 50 s parsing); tests hold them to phonenumbers' own form. Never raises: a stored value
    that no longer parses is shown as it is.
    """
    if not e164:
        return ""
    for pattern, layout in _THAI_SHAPES:
        found = pattern.fullmatch(e164)
        if found is not None:
            return layout.format(*found.groups())
    number = _parse_stored(e164)
    if number is None:
        return e164
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    if number.country_code == 66:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def phone_search_digits(e164: str) -> str:
    """Digits to index for substring search: national for Thai ("0812345678", "1800123456"),
    country code + number for others ("16502530000"), matching `query_phone_digits`."""
    if not e164:
        return ""
    number = _parse_stored(e164)
    if number is None:
        return re.sub(r"[^0-9]", "", e164)
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    if number.country_code == 66:
        return re.sub(r"[^0-9]", "", phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))
    return phonenumbers.format_number(number, PhoneNumberFormat.E164).removeprefix("+")


# --- Address -------------------------------------------------------------------------------


def postcode(value: str, field: str = "postcode") -> str:
    """5-digit Thai postcode; "" when blank."""
    code = ascii_digits(value).strip()
    if not code:
        return ""
    if len(code) != 5 or _DIGITS.fullmatch(code) is None:
        raise ValidationError(field, "A postcode has 5 digits.")
    return code


@dataclass(frozen=True, slots=True)
class Province:
    """One of the 77 provinces (crm_desktop.provinces)."""

    code: str
    name_th: str
    name_en: str


_LEADING_VOWEL = re.compile(r"([เแโใไ])([ก-ฮ])")
_TONE_MARKS = re.compile(r"[\u0E47-\u0E4C]")


def _thai_sort_key(name: str) -> tuple[str, str]:
    """Approximate Thai dictionary order without ICU: a leading vowel sorts after its consonant
    (เชียงใหม่ under ช) and tone marks only break ties (อ่างทอง before อำนาจเจริญ)."""
    swapped = _LEADING_VOWEL.sub(r"\2\1", name)
    return _TONE_MARKS.sub("", swapped), swapped


@cache
def _province_tuple() -> tuple[Province, ...]:
    found = (Province(*p) for p in PROVINCES)
    return tuple(sorted(found, key=lambda p: (_thai_sort_key(p.name_th), p.code)))


def provinces() -> list[Province]:
    """All 77 provinces in Thai dictionary order, for pickers (a new list each call)."""
    return list(_province_tuple())


_PROVINCE_PREFIX = re.compile(r"^(?:จังหวัด|จ\.)\s*")
_PROVINCE_SUFFIX = re.compile(r"\s*province$")
_PROVINCE_MARKS = re.compile(r"[\s.'ฯ-]")
# Short names people write; geothai knows the first four, the rest are common in old records.
_PROVINCE_ALIASES = {
    "กทม": "10",
    "กรุงเทพ": "10",
    "อยุธยา": "14",
    "ayutthaya": "14",
    "bkk": "10",
    "krungthep": "10",
    "krungthepmahanakhon": "10",
    "โคราช": "30",
    "korat": "30",
    "khorat": "30",
}


def _province_key(text: str) -> str:
    text = _PROVINCE_SUFFIX.sub("", _PROVINCE_PREFIX.sub("", text.strip().lower()))
    return _PROVINCE_MARKS.sub("", text)


@cache
def _province_index() -> dict[str, Province]:
    by_code = {p.code: p for p in _province_tuple()}
    index = {key: by_code[code] for key, code in _PROVINCE_ALIASES.items()}
    for p in by_code.values():
        index[_province_key(p.name_th)] = p
        index[_province_key(p.name_en)] = p
    return index


@lru_cache(maxsize=1024)  # an import asks for the same few names 100,000 times (3 µs each); a failure is not kept
def province(value: str, field: str = "province") -> str:
    """Canonical Thai province name from a Thai or English name or a common short form."""
    if not value.strip():
        return ""
    found = _province_index().get(_province_key(value))
    if found is None:
        raise ValidationError(field, "{value} is not a Thai province.", value=value.strip())
    return found.name_th


# --- Text and dates ------------------------------------------------------------------------


def _check_length(text: str, field: str, max_len: int) -> str:
    if len(text) > max_len:
        raise ValidationError(
            field,
            "Too long: at most {max_len} characters, this has {length}.",
            max_len=max_len,
            length=len(text),
        )
    return text


def required_text(value: str, field: str, max_len: int = 200) -> str:
    """Trimmed text that must not be blank (names, titles)."""
    text = value.strip()
    if not text:
        raise ValidationError(field, "This field is required.")
    return _check_length(text, field, max_len)


def optional_text(value: str, field: str, max_len: int = 200) -> str:
    """Trimmed text that may be blank; pass a larger max_len for notes."""
    return _check_length(value.strip(), field, max_len)


# id(column) -> (column, its key, its length, required): asked for every text field of every row of
# an import, so each column's rule is read once.
_TEXT_RULES: dict[int, tuple[object, str, int, bool]] = {}


def _text_rule(column: Column[Any] | QueryableAttribute[Any]) -> tuple[object, str, int, bool]:
    rule, key = rule_of(column), column_of(column).key
    if rule.max_len is None:
        raise TypeError(f"{key} has no length declared")
    entry = _TEXT_RULES[id(column)] = (column, key, rule.max_len, rule.required)
    return entry


def column_text(value: str, column: Column[Any] | QueryableAttribute[Any], field: str | None = None) -> str:
    """Trimmed text within its column's rule (models/rules.py): the column's length, and not blank
    where the column requires it. The same rule checks the column in sync files."""
    known = _TEXT_RULES.get(id(column))
    _, key, max_len, required = known if known is not None and known[0] is column else _text_rule(column)
    text = value.strip()
    if required and not text:
        raise ValidationError(field or key, "This field is required.")
    return text if len(text) <= max_len else _check_length(text, field or key, max_len)


EARLIEST_YEAR = 1800


def not_future(d: date | None, today: date, field: str) -> date | None:
    """Birthdays and founding dates: not after `today`, not before 1800 (a mistyped year)."""
    if d is None:
        return None
    if d > today:
        raise ValidationError(field, "This date is in the future.")
    if d.year < EARLIEST_YEAR:
        raise ValidationError(field, "A date before {year} is not accepted; check the year.", year=EARLIEST_YEAR)
    return d
