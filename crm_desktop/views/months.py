"""Months as the filters and the monthly report name them ("YYYY-MM")."""

from __future__ import annotations

from datetime import date

from crm_desktop.services.formatting import format_date_long

MONTHS_AROUND = 12  # the close-month filter offers this many months before and after this one


def month_text(month: str, lang: str, buddhist: bool) -> str:
    """ "2026-11" → "พฤศจิกายน 2569" / "November 2026"."""
    year, number = (int(p) for p in month.split("-"))
    return format_date_long(date(year, number, 1), lang, buddhist).split(" ", 1)[1]


def month_key(day: date, shift: int = 0) -> str:
    """ "YYYY-MM" of the month `shift` months from `day`'s."""
    index = day.year * 12 + day.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
