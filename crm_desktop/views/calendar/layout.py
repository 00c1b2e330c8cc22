"""What a calendar view shows, without painting: the date range of each view, stepping through
it, snapping times, the titles, and side-by-side columns for events that overlap."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Literal, TypeVar

from crm_desktop.services.formatting import BE_OFFSET, ENGLISH_MONTHS, THAI_MONTHS

Mode = Literal["day", "week", "workweek", "month", "agenda"]
MODES: tuple[Mode, ...] = ("day", "week", "workweek", "month", "agenda")
AGENDA_DAYS = 14
SNAP_MINUTES = 15

THAI_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
THAI_WEEKDAYS_SHORT = ("จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา.")
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def shown_range(mode: Mode, anchor: date) -> tuple[date, date]:
    """[start, end) of the office dates a view shows around `anchor` (weeks start on Monday).

    The month view shows the six whole weeks that hold the month, neighbours' days included."""
    if mode == "day":
        return anchor, anchor + timedelta(days=1)
    if mode in ("week", "workweek"):
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=7 if mode == "week" else 5)
    if mode == "month":
        first = anchor.replace(day=1)
        start = first - timedelta(days=first.weekday())
        return start, start + timedelta(days=42)
    return anchor, anchor + timedelta(days=AGENDA_DAYS)


def step(mode: Mode, anchor: date, direction: int) -> date:
    """The anchor one page before (-1) or after (+1): a day, a week, a month or an agenda page."""
    if mode == "day":
        return anchor + timedelta(days=direction)
    if mode in ("week", "workweek"):
        return anchor + timedelta(weeks=direction)
    if mode == "month":
        month = anchor.month - 1 + direction
        year, month = anchor.year + month // 12, month % 12 + 1
        return anchor.replace(year=year, month=month, day=1)
    return anchor + timedelta(days=AGENDA_DAYS * direction)


def snap(moment: datetime, minutes: int = SNAP_MINUTES) -> datetime:
    """The nearest multiple of `minutes` past midnight."""
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    slots = round((moment - midnight) / timedelta(minutes=minutes))
    return midnight + timedelta(minutes=minutes * slots)


def year_text(year: int, buddhist: bool) -> str:
    return str(year + BE_OFFSET if buddhist else year)


def month_title(anchor: date, lang: str, buddhist: bool) -> str:
    months = THAI_MONTHS if lang == "th" else ENGLISH_MONTHS
    return f"{months[anchor.month - 1]} {year_text(anchor.year, buddhist)}"


def day_title(day: date, lang: str, buddhist: bool) -> str:
    """ "วันจันทร์ที่ 23 พฤศจิกายน 2569" or "Monday 23 November 2026"."""
    year = year_text(day.year, buddhist)
    if lang == "th":
        return f"วัน{THAI_WEEKDAYS[day.weekday()]}ที่ {day.day} {THAI_MONTHS[day.month - 1]} {year}"
    return f"{ENGLISH_WEEKDAYS[day.weekday()]} {day.day} {ENGLISH_MONTHS[day.month - 1]} {year}"


def span_title(first: date, last: date, lang: str, buddhist: bool) -> str:
    """ "23 – 29 November 2026", "30 November – 6 December 2026", across years both years."""
    months = THAI_MONTHS if lang == "th" else ENGLISH_MONTHS
    end = f"{last.day} {months[last.month - 1]} {year_text(last.year, buddhist)}"
    if first.year != last.year:
        return f"{first.day} {months[first.month - 1]} {year_text(first.year, buddhist)} – {end}"
    if first.month != last.month:
        return f"{first.day} {months[first.month - 1]} – {end}"
    return f"{first.day} – {end}"


def title(mode: Mode, anchor: date, lang: str, buddhist: bool) -> str:
    """The heading over a view, with Buddhist Era years when the user chose them."""
    if mode == "day":
        return day_title(anchor, lang, buddhist)
    if mode == "month":
        return month_title(anchor, lang, buddhist)
    start, end = shown_range(mode, anchor)
    return span_title(start, end - timedelta(days=1), lang, buddhist)


def weekday_short(day: date, lang: str) -> str:
    return THAI_WEEKDAYS_SHORT[day.weekday()] if lang == "th" else ENGLISH_WEEKDAYS[day.weekday()][:3]


T = TypeVar("T")


def side_by_side(items: Sequence[T], span: Callable[[T], tuple[datetime, datetime]]) -> list[tuple[T, int, int]]:
    """(item, column, columns) for timed events of one day column, so that overlapping ones share
    the width: each group of events linked by overlaps gets as many columns as it needs at most,
    each event the first column free at its start."""
    placed: list[tuple[T, int, int]] = []
    ordered = sorted(items, key=lambda item: (span(item)[0], -(span(item)[1] - span(item)[0]).total_seconds()))
    group: list[tuple[T, int]] = []
    ends: list[datetime] = []  # the end of the last event in each column of the current group
    group_end: datetime | None = None

    def close_group() -> None:
        placed.extend((item, column, len(ends)) for item, column in group)

    for item in ordered:
        start, end = span(item)
        if group_end is not None and start >= group_end:
            close_group()
            group, ends, group_end = [], [], None
        column = next((i for i, column_end in enumerate(ends) if column_end <= start), len(ends))
        if column == len(ends):
            ends.append(end)
        else:
            ends[column] = end
        group.append((item, column))
        group_end = end if group_end is None else max(group_end, end)
    close_group()
    return placed
