"""Repeat rules of activity series: the subset of RFC 5545 RRULE our forms offer, and its expansion.

A rule is stored as RRULE text without DTSTART (the series row's own start is the first occurrence)
and expanded with python-dateutil in the office's wall-clock time, so "every Monday at 08:00" stays
on Monday whatever zone the computer is in. Expansion is only ever for a range and is capped, so a
rule without an end (or a hostile one from a sync file) never produces an unbounded list.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, weekday

from crm_desktop.errors import ValidationError

FREQS = ("daily", "weekly", "monthly", "yearly")
_FREQ_CODES = {"daily": DAILY, "weekly": WEEKLY, "monthly": MONTHLY, "yearly": YEARLY}
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index = Python's weekday()
MAX_OCCURRENCES = 5000  # the most one expansion returns
DAY_START = time(9, 0)  # an all-day activity or a task reminds relative to 09:00 office time of its day
MAX_INTERVAL = 99
MAX_COUNT = 999
_END_OF_DAY = time(23, 59, 59)
_PART = re.compile(r"([A-Z]+)=([-+0-9A-Z,T]+)")


@dataclass(frozen=True)
class Recurrence:
    """`weekdays`: the days of a weekly rule (0 = Monday). `by_weekday`: a monthly rule on "the 2nd
    Tuesday" (taken from the first start; the 5th becomes "the last") instead of on the same date.
    `until` is a date, inclusive; `count` the number of occurrences (skipped ones included).
    The BYDAY a monthly rule by weekday stores is what an .ics file needs; expansion takes the day
    from the series' first start, so an edited start and its rule can never disagree."""

    freq: str
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    by_weekday: bool = False
    until: date | None = None
    count: int | None = None

    def text(self, first: date | None = None) -> str:
        """The RRULE value. A monthly rule by weekday needs the first start (`first`)."""
        parts = [f"FREQ={self.freq.upper()}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.freq == "weekly" and self.weekdays:
            parts.append("BYDAY=" + ",".join(DAY_CODES[d] for d in sorted(set(self.weekdays))))
        if self.freq == "monthly" and self.by_weekday:
            if first is None:
                raise ValueError("a monthly rule by weekday needs its first date")
            parts.append(f"BYDAY={nth_of_month(first)}{DAY_CODES[first.weekday()]}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}T235959")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        return ";".join(parts)

    @classmethod
    def parse(cls, text: str) -> Recurrence:
        """The rule a stored or typed RRULE stands for; ValidationError for anything we do not offer."""
        try:
            return _parse(text)
        except (KeyError, ValueError, IndexError) as exc:
            raise ValidationError("rrule", "This repeat rule cannot be used: {rule}", rule=text[:80]) from exc

    def check(self, first: date) -> None:
        """Refuse a rule that cannot be kept: an end before the start, too many, a week without days."""
        if not 1 <= self.interval <= MAX_INTERVAL:
            raise ValidationError("rrule", "Repeat every 1 to {most}.", most=MAX_INTERVAL)
        if self.count is not None and not 1 <= self.count <= MAX_COUNT:
            raise ValidationError("rrule", "A series has 1 to {most} occurrences.", most=MAX_COUNT)
        if self.until is not None and self.until < first:
            raise ValidationError("rrule", "The series ends before it starts.")
        if self.until is not None and self.count is not None:
            raise ValidationError("rrule", "A series ends on a date or after a number of times, not both.")


def nth_of_month(day: date) -> int:
    """Which of its weekday in the month `day` is: 1–4, or -1 for a fifth one ("the last")."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def _parse(text: str) -> Recurrence:
    parts = dict(_PART.fullmatch(p).groups() for p in text.strip().split(";") if p)  # type: ignore[union-attr]
    if not parts.keys() <= {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT"}:
        raise ValueError("unknown part")
    freq = parts["FREQ"].lower()
    if freq not in FREQS:
        raise ValueError("frequency")
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    weekdays: tuple[int, ...] = ()
    by_weekday = False
    if days and freq == "weekly":
        weekdays = tuple(sorted({DAY_CODES.index(d) for d in days}))
    elif freq == "monthly" and len(days) == 1 and re.fullmatch(r"(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)", days[0]):
        by_weekday = True
    elif days:
        raise ValueError("days")
    until = None
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date()
    count = int(parts["COUNT"]) if "COUNT" in parts else None
    return Recurrence(freq, int(parts.get("INTERVAL", "1")), weekdays, by_weekday, until, count)


def _dateutil_rule(rule: Recurrence, first: datetime) -> rrule:
    byweekday: list[weekday] | tuple[int, ...] | None = None
    if rule.freq == "weekly" and rule.weekdays:
        byweekday = rule.weekdays
    elif rule.freq == "monthly" and rule.by_weekday:
        byweekday = [weekday(first.weekday(), nth_of_month(first.date()))]
    until = datetime.combine(rule.until, _END_OF_DAY) if rule.until is not None else None
    return rrule(_FREQ_CODES[rule.freq], dtstart=first, interval=rule.interval, byweekday=byweekday,
                 until=until, count=rule.count)


def _closer_first(rule: Recurrence, first: datetime, start: datetime) -> datetime:
    """A later start of a daily or weekly series, whole periods after `first` and not after `start`,
    to walk from: dateutil walks from the first start, and a daily series begun two years ago cost
    700 steps per expansion (the reminder scan expands every series of a person several times a
    day). Whole days or weeks keep the pattern; a count, months and years do not shift that way."""
    if rule.count is not None or rule.freq not in ("daily", "weekly") or start <= first:
        return first
    period = timedelta(days=rule.interval * (7 if rule.freq == "weekly" else 1))
    return first + (start - first) // period * period


def expand(rule: str, first: datetime, start: datetime, end: datetime,
           skip: Collection[datetime] = ()) -> list[datetime]:
    """The starts of the series (office-local, naive) with start <= o < end, minus `skip`, at most
    MAX_OCCURRENCES. `first` is the series' first start (midnight of the due date for an all-day one).
    A rule we cannot read (only a sync file from a newer version could bring one) yields just `first`."""
    try:
        parsed = Recurrence.parse(rule)
    except ValidationError:
        return [first] if start <= first < end and first not in skip else []
    found = []
    for moment in islice(_dateutil_rule(parsed, _closer_first(parsed, first, start)).xafter(start, inc=True),
                         MAX_OCCURRENCES + len(skip)):
        if moment >= end:
            break
        if moment not in skip:
            found.append(moment)
            if len(found) == MAX_OCCURRENCES:
                break
    return found


def last_before(rule: str, first: datetime, moment: datetime) -> datetime | None:
    """The series' last start before `moment` (to end a series there), or None when there is none."""
    try:
        parsed = Recurrence.parse(rule)
    except ValidationError:
        return None
    return _dateutil_rule(parsed, first).before(moment)  # type: ignore[no-any-return]


def count_before(rule: Recurrence, first: datetime, moment: datetime) -> int:
    """How many starts of a series that ends after a number of times fall before `moment` (so a
    series split in two keeps its total)."""
    if rule.count is None:
        raise ValueError("only a series with a count has a number of starts")
    return sum(1 for start in _dateutil_rule(rule, first) if start < moment)  # at most MAX_COUNT


def day_start(day: date) -> datetime:
    """Midnight of a date: the 'start' of an all-day occurrence."""
    return datetime.combine(day, time())

