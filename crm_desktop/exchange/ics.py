"""iCalendar (.ics, RFC 5545) files of activities and anniversaries for Google Calendar, Outlook and
Apple Calendar.

Choices made so that every one of those apps imports the file and shows what the CRM shows:
- One VEVENT per activity row, with UID `<id>@crm-desktop` and a SEQUENCE that grows with every
  change: importing a newer export updates the events instead of adding twins. A series is one
  event with its RRULE and an EXDATE per skipped start; an occurrence that left its series is an
  event of its own (its row), and the series skips it.
- Times are the office's wall clock (TZID Asia/Bangkok, with its VTIMEZONE), so a 09:00 visit stays at
  09:00 in the office whatever zone the computer or the phone is in.
- All-day activities and tasks with a due date are all-day events (VALUE=DATE): Google ignores VTODO.
- Anniversaries are all-day events repeating every year (see `anniversary_event` for 29 February).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from icalendar import Calendar, Timezone, TimezoneStandard, vDuration, vRecur

from crm_desktop.clock import BANGKOK, utc_time
from crm_desktop.db.bulk import Cancelled
from crm_desktop.db.database import Database
from crm_desktop.db.output import output_file
from crm_desktop.errors import StorageError, ValidationError
from crm_desktop.messages import translate
from crm_desktop.queries.activities.calendar_file import CalendarActivity, calendar_activities
from crm_desktop.queries.anniversaries import AnniversaryRow, anniversaries_between, falls_on
from crm_desktop.recurrence import DAY_START, Recurrence, day_start, expand

TZID = "Asia/Bangkok"
UID_DOMAIN = "crm-desktop"
PRODID = "-//crm_desktop//Activities and anniversaries//EN"
_DAY = timedelta(days=1)
_SECOND = timedelta(seconds=1)
_OCTETS = 75  # the longest content line (RFC 5545 §3.1)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPECIAL = re.compile("[\x00-\x08\x0a-\x1f\x7f\\\\;,]")  # what escaping changes
# What calendar apps show as the category (Outlook colours by it), in the export's language.
KIND_LABELS = {"task": "Task", "meeting": "Meeting", "call": "Call", "email": "E-mail", "visit": "Visit",
               "note": "Note", "birthday": "Birthday", "founding": "Founding day", "custom": "Anniversary"}
# An anniversary whose year is unknown repeats from this year on (any past year would do; a fixed one
# keeps the file the same from one export to the next).
NO_YEAR = 1970

Progress = Callable[[int, int], bool]
# Windows tried in turn to find whether a series reaches a range: a daily rule answers in the first,
# a rule without end that repeats every few years in the last (each expansion stays short).
_WINDOWS = (timedelta(days=32), timedelta(days=367), timedelta(days=100 * 366))
_NEVER = datetime(9000, 1, 1)
_YEAR = timedelta(days=366)
_SEQUENCE_EPOCH = datetime(2020, 1, 1)
_DAY_START = timedelta(hours=DAY_START.hour, minutes=DAY_START.minute)


def office_timezone() -> Timezone:
    """The VTIMEZONE of the office: UTC+7 all year (Thailand keeps no summer time), as `clock` says."""
    zone = Timezone()
    zone.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", BANGKOK)
    standard.add("tzoffsetto", BANGKOK)
    standard.add("tzname", "+07")
    zone.add_component(standard)
    return zone


def calendar_head(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(office_timezone())
    return cal


def _series_rule(row: CalendarActivity, first: datetime) -> vRecur | None:
    """The RRULE as the app expands it: the BYDAY of a monthly rule by weekday from the first start,
    UNTIL as RFC 5545 wants it beside this DTSTART (a UTC time for a timed series, a date for an
    all-day one; the app's until is inclusive, to the end of that office day)."""
    try:
        rule = Recurrence.parse(row.rrule)
    except ValidationError:
        return None  # the app shows such a row once, at its own start
    recur = vRecur.from_ical(Recurrence(rule.freq, rule.interval, rule.weekdays, rule.by_weekday,
                                        None, rule.count).text(first.date()))
    if rule.until is not None:
        last = datetime.combine(rule.until, time(23, 59, 59))
        recur["UNTIL"] = [utc_time(last).replace(tzinfo=UTC)] if row.timed else [rule.until]
    return recur


def _text(name: str, value: str) -> str:
    """A property with a TEXT value, escaped as RFC 5545 §3.3.11 says (control characters but tab and
    newline dropped) and folded."""
    if _SPECIAL.search(value) is not None:
        value = (_CONTROLS.sub("", value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                 .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))
    return _fold(name + ":" + value)


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character (Thai takes
    three octets) nor right after a backslash (some readers unescape before unfolding)."""
    if len(line) <= _OCTETS and line.isascii():
        return line
    data = line.encode()
    if len(data) <= _OCTETS:
        return line
    parts, start, limit = [], 0, _OCTETS
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation octet: back to the character's first
            cut -= 1
        if data[cut - 1] == 0x5C:
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, _OCTETS - 1  # a continuation line starts with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode()


def sequence(updated_at: datetime) -> int:
    """The event's SEQUENCE: Google Calendar and Outlook replace an event they have (same UID) only by
    one with a higher number, so it grows with every change of the row (seconds since 2020, UTC: an
    int32, as Outlook keeps it, until 2088)."""
    return max(0, int((updated_at - _SEQUENCE_EPOCH).total_seconds()))


def _basic(moment: datetime) -> str:
    """20261123T090000: a DATE-TIME in RFC 5545's form (isoformat is C code; strftime is slower)."""
    return moment.isoformat(timespec="seconds").replace("-", "").replace(":", "")


def _local(moment: datetime) -> str:
    return f";TZID={TZID}:" + _basic(moment)


def _day(day: date) -> str:
    return ";VALUE=DATE:" + day.isoformat().replace("-", "")


def _alarm(text: str, before: timedelta) -> list[str]:
    return ["BEGIN:VALARM", "ACTION:DISPLAY", _text("DESCRIPTION", text), _trigger(before), "END:VALARM"]


@lru_cache(maxsize=256)
def _trigger(before: timedelta) -> str:
    return f"TRIGGER:{vDuration(-before).to_ical().decode()}"


def _block(lines: list[str]) -> bytes:
    """The lines of one component; those that can be long are folded already."""
    lines.append("")
    return "\r\n".join(lines).encode()


def activity_event(row: CalendarActivity, stamp_line: str, lang: str = "en") -> bytes | None:
    """The VEVENT of one activity row; None for one without a date (nothing to put on a calendar).

    Written line by line rather than through icalendar's Event, which takes 0.6 ms an event (25 s for
    a busy rep's year); the tests read these back with icalendar and recurring-ical-events."""
    first = row.first
    if first is None:
        return None
    timed = row.timed
    lines = ["BEGIN:VEVENT", _fold(f"UID:{row.id}@{UID_DOMAIN}"), stamp_line,
             f"LAST-MODIFIED:{_basic(row.updated_at)}Z", f"SEQUENCE:{sequence(row.updated_at)}"]
    if timed:
        lines.append("DTSTART" + _local(first))
        if row.ends_at is not None and row.ends_at > first:
            lines.append("DTEND" + _local(row.ends_at))
    else:
        lines += ["DTSTART" + _day(first.date()), "DTEND" + _day(first.date() + _DAY),
                  "TRANSP:TRANSPARENT"]  # a task due today does not make its person busy all day
    lines.append(_text("SUMMARY", ("✓ " if row.status == "done" else "") + row.subject))
    description = "\n\n".join(text for text in (row.customer, row.details, row.outcome) if text)
    if description:
        lines.append(_text("DESCRIPTION", description))
    if row.location:
        lines.append(_text("LOCATION", row.location))
    lines.append("STATUS:" + ("CANCELLED" if row.status == "cancelled" else "CONFIRMED"))
    lines.append(_text("CATEGORIES", translate(KIND_LABELS.get(row.kind, row.kind), lang)))
    if row.rrule:
        recur = _series_rule(row, first)
        if recur is not None:
            lines.append(_fold("RRULE:" + recur.to_ical().decode()))
            skipped = set(row.skipped)
            if not expand(row.rrule, first, first, first + _SECOND):
                skipped.add(first)  # a start off the rule (RFC 5545 would count it; the app does not)
            if skipped:
                values = ",".join(_basic(s) if timed else _basic(s)[:8] for s in sorted(skipped))
                lines.append(_fold(f"EXDATE;TZID={TZID}:{values}" if timed else f"EXDATE;VALUE=DATE:{values}"))
    if row.remind_minutes is not None and row.status == "planned":  # all-day: relative to 09:00 of its day
        before = timedelta(minutes=row.remind_minutes)
        lines += _alarm(row.subject, before if timed else before - _DAY_START)
    lines.append("END:VEVENT")
    return _block(lines)


def anniversary_event(row: AnniversaryRow, stamp_line: str, lang: str = "en") -> bytes:
    """An all-day event every year on the anniversary, from the first one the app shows (the year
    after it began; NO_YEAR when that is unknown).

    29 February: the app shows it on 28 February in common years. RFC 5545 drops the dates a rule
    makes that do not exist, so a plain yearly rule from a 29 February would show only every fourth
    year; `FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1` ("the last day of February") gives the 29th in leap
    years and the 28th in the others, which is the app's rule (`queries.anniversaries.falls_on`), and
    Google, Outlook, Apple and recurring-ical-events all expand it so.
    """
    first = falls_on(row.year + 1 if row.year is not None else NO_YEAR, row.month, row.day)
    leap_day = (row.month, row.day) == (2, 29)
    label = translate(KIND_LABELS[row.kind], lang)
    summary = f"{row.title or label}: {row.customer}"
    lines = ["BEGIN:VEVENT", _fold(f"UID:{row.kind}-{row.target.partition(':')[2]}@{UID_DOMAIN}"), stamp_line,
             "DTSTART" + _day(first), "DTEND" + _day(first + _DAY),
             "RRULE:FREQ=YEARLY" + (";BYMONTH=2;BYMONTHDAY=-1" if leap_day else ""),
             _text("SUMMARY", summary), "TRANSP:TRANSPARENT", _text("CATEGORIES", label)]
    if row.remind_days:  # N days before, at 09:00 as the app reminds of a day
        lines += _alarm(summary, timedelta(days=row.remind_days) - _DAY_START)
    lines.append("END:VEVENT")
    return _block(lines)


def ics_chunks(name: str, activities: Iterable[CalendarActivity], anniversaries: Iterable[AnniversaryRow],
               stamp: datetime, lang: str = "en") -> Iterator[bytes]:
    """The file in pieces: the calendar's head (with the VTIMEZONE, through icalendar), one VEVENT at a
    time (so that writing can report progress and stop on Cancel), the end. Activities without a date
    are left out."""
    head = calendar_head(name).to_ical()
    end = b"END:VCALENDAR\r\n"
    yield head[: -len(end)]
    stamp_line = f"DTSTAMP:{_basic(stamp)}Z"  # when the file was made (UTC), the same on every event
    for row in activities:
        event = activity_event(row, stamp_line, lang)
        if event is not None:
            yield event
    for anniversary in anniversaries:
        yield anniversary_event(anniversary, stamp_line, lang)
    yield end


def reaches(row: CalendarActivity, start: date | None, end: date | None) -> bool:
    """Whether the row falls on an office date start <= d < end (None: no bound); a series when any
    of its starts does, as the app expands it."""
    first = row.first
    if first is None:
        return False
    low = day_start(start) if start is not None else first
    high = day_start(end) if end is not None else _NEVER
    if not row.rrule:
        return low <= first < high
    skip = set(row.skipped)
    tries = [low + window for window in _WINDOWS if low + window < high] + [high]
    return any(expand(row.rrule, first, low, until, skip) for until in tries)


def yearly_dates(db: Database, start: date | None, end: date | None, person_id: str | None) -> list[AnniversaryRow]:
    """Each yearly date of the customers `person_id` owns (or of all) once, when it falls in the range.
    Any year's span holds every date that has begun, so an open range looks at the year at its end."""
    low = start or (end - _YEAR if end is not None else db.time.today())
    found: dict[str, AnniversaryRow] = {}
    for row in anniversaries_between(db, low, end or low + _YEAR):
        if person_id is None or row.owner_id == person_id:
            found.setdefault(row.target, row)
    return list(found.values())


@dataclass(frozen=True)
class IcsExport:
    path: Path
    events: int


def export_ics(db: Database, dest: Path, *, start: date | None = None, end: date | None = None,
               person_id: str | None = None, anniversaries: bool = False, name: str = "crm_desktop",
               lang: str = "en", force: bool = False, progress: Progress | None = None) -> IcsExport:
    """Write the activities falling on office dates start <= d < end (None: no bound) of one person
    (the assignee) or of everyone, and with `anniversaries` their customers' yearly dates, to
    `dest` as an .ics file named `name` in calendar apps.

    For the command line and the calendar tab (on a worker thread: it only reads, through its own
    connection). `progress(done, total)` returning False stops it: Cancelled, and no file
    (an existing one stays as it was). `dest` follows the rules of every output file (`db.output`).
    """
    rows = [r for r in calendar_activities(db, start=start, end=end, person_id=person_id)
            if not r.rrule or reaches(r, start, end)]  # the others are in the range already
    dates = yearly_dates(db, start, end, person_id) if anniversaries else []
    chunks = ics_chunks(name, rows, dates, db.time.now(), lang)
    total = len(rows) + len(dates) + 2
    with output_file(dest, db.path, force=force) as tmp:
        try:
            with tmp.open("wb") as out:
                for done, chunk in enumerate(chunks, 1):
                    out.write(chunk)
                    if progress is not None and not progress(done, total):
                        raise Cancelled()
        except OSError as exc:
            raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    return IcsExport(dest, len(rows) + len(dates))
