"""Dates and money as Thai users read and type them.

Qt has no Buddhist calendar and strftime month names follow the OS locale, so dates are built
from our own month tables. Money is an int of satang everywhere; text conversion goes through
int and Decimal arithmetic only, never float, so 0.1 + 0.2 problems cannot reach an invoice.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, Inexact, localcontext

from crm_desktop.errors import ValidationError

BE_OFFSET = 543
"""Buddhist Era year = CE year + 543 (the BE year starts on 1 January since 1941)."""

BE_INPUT_FROM = 2400
"""Typed years from here on are Buddhist Era (2400 BE = 1857 CE); lower years are CE."""

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _display_year(d: date, buddhist: bool) -> int:
    return d.year + BE_OFFSET if buddhist else d.year


def format_date(d: date | None, lang: str, buddhist: bool) -> str:
    """Short form for lists and tables, "23/11/2569"; the same in both languages."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{_display_year(d, buddhist):04d}"


def format_date_long(d: date | None, lang: str, buddhist: bool) -> str:
    """Long form for documents: "23 พฤศจิกายน 2569" or "23 November 2026" (BE year if buddhist)."""
    if d is None:
        return ""
    months = THAI_MONTHS if lang == "th" else ENGLISH_MONTHS
    return f"{d.day} {months[d.month - 1]} {_display_year(d, buddhist)}"


_DATE_DMY = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]+)")
_DATE_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")

_DATE_FORMAT_HELP = "Enter a date as day/month/year, for example 23/11/2026."


def parse_date(text: str, field: str = "date") -> date:
    """Read a typed or imported date; years from 2400 on are Buddhist Era.

    Day comes first (Thai and British habit); only ISO yyyy-mm-dd puts the year first.
    Two-digit years are refused: "69" could be 1969, 2069 or BE 2569.
    """
    raw = text.strip()
    cleaned = raw.translate(_THAI_DIGITS)
    if iso := _DATE_ISO.fullmatch(cleaned):
        year, month, day = (int(g) for g in iso.groups())
    elif dmy := _DATE_DMY.fullmatch(cleaned):
        day, month, year_text = int(dmy.group(1)), int(dmy.group(3)), dmy.group(4)
        if len(year_text) == 2:
            raise ValidationError(field, "Write the year with 4 digits, for example 23/11/2026.")
        if len(year_text) != 4:
            raise ValidationError(field, _DATE_FORMAT_HELP)
        year = int(year_text)
    else:
        raise ValidationError(field, _DATE_FORMAT_HELP)
    if year >= BE_INPUT_FROM:
        year -= BE_OFFSET
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, "{text} is not a real date: check the day and month.", text=raw) from None


MAX_SATANG = 2**63 - 1
"""Largest amount an SQLite INTEGER column holds; parse_money refuses anything beyond."""


def format_money(satang: int, with_symbol: bool = True) -> str:
    """ "฿1,234.50", "-฿1,234.50"; without symbol "1,234.50" for table columns."""
    if isinstance(satang, bool) or not isinstance(satang, int):
        raise TypeError(f"money is an int of satang, got {type(satang).__name__}")
    baht, rest = divmod(abs(satang), 100)
    sign = "-" if satang < 0 else ""
    symbol = "฿" if with_symbol else ""
    return f"{sign}{symbol}{baht:,}.{rest:02d}"


_MONEY = re.compile(
    r"(?P<sign>-)?\s*(?:฿|thb)?\s*(?P<sign2>-)?\s*"
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?"
    r"\s*(?:บาท|thb|baht)?",
    re.IGNORECASE,
)


def parse_money(text: str) -> int:
    """Satang from "1,234.5", "฿1234", "-฿1,234.50" or "1234.50 บาท".

    Commas must group thousands, so a European decimal comma ("1,5") is refused instead of
    silently becoming 15 baht.
    """
    raw = text.strip()
    if not raw:
        raise ValidationError("amount", "Enter an amount.")
    found = _MONEY.fullmatch(raw.translate(_THAI_DIGITS).replace("−", "-"))
    if found is None or (found["sign"] and found["sign2"]):
        raise ValidationError("amount", "{text} is not an amount of money.", text=raw)
    frac = found["frac"] or "0"
    if len(frac) > 2:
        raise ValidationError("amount", "An amount has at most 2 decimals (satang): {text}.", text=raw)
    whole = found["int"].replace(",", "")
    with localcontext() as ctx:
        ctx.prec = len(whole) + 4
        ctx.traps[Inexact] = True
        satang = Decimal(f"{whole}.{frac}") * 100
    if found["sign"] or found["sign2"]:
        satang = -satang
    if abs(satang) > MAX_SATANG:
        raise ValidationError("amount", "{text} is too large an amount.", text=raw)
    return int(satang)
