"""iCalendar files (.ics, RFC 5545) read into activity rows for the import: the reverse of `ics.py`.

Each VEVENT becomes a `NeutralRow` whose values are an activity's fields in office time (what the
activity form holds) plus `id`, the row it is written to. Choices, because a file cannot be asked:

- **Identity.** An event's row id is derived from its UID (`fixed_id("activity_ics", uid)`); our own
  export's `<id>@crm-desktop` gives the id back. So importing the same file again finds the same
  rows (no twins, nothing changed) without a column for the UID: no migration. An event without a
  UID is keyed by its summary, start and description. An occurrence replaced by its own event
  (RECURRENCE-ID) gets the id the app gives a detached occurrence, and its series skips that start.
- **Times.** A TZID is an Olson name, a Windows name ("SE Asia Standard Time": icalendar's CLDR
  table) or the file's own VTIMEZONE; UTC and zoned times are turned into office time (UTC+7),
  floating times are read as office time (X-WR-TIMEZONE, Google's calendar zone, applies first).
  A TZID nobody knows is read as office time, with a warning.
- **All-day events** (VALUE=DATE) are all-day activities on their first day (a longer one is
  warned about); our export's dated tasks come back as tasks with a due date.
- **Repeats.** The app keeps a series in office time with the rule subset of `recurrence.py`. A
  rule is kept as a series only when the app's expansion of the converted rule gives exactly the
  starts the file's rule gives (checked over the whole series, or three years of an endless one):
  a weekly meeting in London crosses summer time and lands an hour apart in Bangkok, so it cannot
  be one series. Such a rule is expanded into single activities (all of a bounded series, at most
  EXPAND_MAX; for an endless one, the year either side of the file's date), with a warning.
  EXDATE becomes the series' skipped starts.
- **Reminders.** The earliest display (or sound) VALARM is the reminder; an all-day event's is
  counted from 09:00 of its day, as the app reminds (and as our export writes it).
- **Broken input.** A property that cannot be read is left out with a warning on its event (the
  preview shows it); a file that is not iCalendar at all raises a DomainError.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

import x_wr_timezone
from dateutil.rrule import rrulestr
from icalendar import Calendar, Component, vRecur
from icalendar.prop import vBroken

from crm_desktop.clock import office_time, utc_time
from crm_desktop.errors import DomainError, StorageError, ValidationError
from crm_desktop.exchange.ics import KIND_LABELS, UID_DOMAIN
from crm_desktop.import_plans.cells import CellError, NeutralRow
from crm_desktop.messages import translate
from crm_desktop.models import fixed_id
from crm_desktop.models.activity import ACTIVITY_KINDS, REMIND_MAX_MINUTES
from crm_desktop.models.rules import NOTES_MAX
from crm_desktop.recurrence import DAY_CODES, DAY_START, MAX_COUNT, Recurrence, day_start, expand

MAX_BYTES = 64 * 1024 * 1024  # a calendar of ten years of a busy office is a few MB
EXPAND_MAX = MAX_COUNT  # single activities one repeating event may become
EXPAND_AROUND = timedelta(days=366)  # an endless rule that cannot be a series: this far either side of the file's date
CHECK_SPAN = timedelta(days=3 * 366)  # how much of an endless rule is compared with the app's expansion
SUBJECT_MAX = 200
LOCATION_MAX = 200
_OURS = re.compile(r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@" + re.escape(UID_DOMAIN))
_OUR_DATES = re.compile(r"(birthday|founding|custom)-.*@" + re.escape(UID_DOMAIN))
_DONE_MARK = "✓ "  # our export marks a done activity's summary so
_SKIPPED_COMPONENTS = ("VTODO", "VJOURNAL", "VFREEBUSY")
# What an event says that we read, or that only describes the file (stamps, versions, busy or free).
_READ = {"UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES",
         "STATUS", "PRIORITY", "RRULE", "EXDATE", "RDATE", "RECURRENCE-ID", "SEQUENCE", "LAST-MODIFIED", "CREATED",
         "TRANSP"}
_NAMES_SHOWN = 12
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FOLD = re.compile(r"(?:\r\n|\r|\n)[ \t]")


class EventProblem(CellError):
    """A problem with one event of a file ("Event 3, RRULE: …"), shown in the preview."""

    def __init__(self, row: int, column: str, problem: DomainError) -> None:
        super().__init__(row, column, problem)
        self.template = "Event {row}, {column}: {problem}"


@dataclass
class IcsFile:
    """The activity rows of a file (a series first, then the occurrences that replace its starts)
    and the warnings that concern no single event."""

    rows: list[NeutralRow]
    warnings: list[DomainError] = field(default_factory=list)


def read_ics(path: Path) -> IcsFile:
    """The events of an .ics file as activity rows; DomainError when it is no calendar at all."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DomainError("The calendar file is larger than {limit} MB; split it into smaller files.",
                              limit=MAX_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise StorageError("Could not read {path}: {reason}", path=str(path), reason=exc) from exc
    return read_ics_bytes(data)


def read_ics_bytes(data: bytes) -> IcsFile:
    found: list[DomainError] = []
    calendars = _calendars(_decoded(data, found), found)
    events: list[Component] = []
    skipped: dict[str, int] = {}
    for cal in calendars:
        for comp in cal.walk():
            if comp.name == "VEVENT":
                events.append(comp)
            elif comp.name in _SKIPPED_COMPONENTS:
                skipped[comp.name] = skipped.get(comp.name, 0) + 1
    for name, count in sorted(skipped.items()):
        found.append(DomainError("{count} {component} entries (not events) were left out.", count=count,
                                 component=name))
    if not events:
        found.append(DomainError("The calendar holds no events."))
    unread = sorted({name.upper() for event in events for name in event} - _READ)
    if unread:
        shown = ", ".join(unread[:_NAMES_SHOWN]) + (", …" if len(unread) > _NAMES_SHOWN else "")
        found.append(DomainError("Not imported: {names}.", names=shown))
    return IcsFile(_Reader(events, found).rows(), found)


# --- the file ------------------------------------------------------------------------------------


def _decoded(data: bytes, found: list[DomainError]) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        found.append(DomainError("The file is not valid UTF-8; unreadable characters were replaced."))
        return data.decode("utf-8-sig", errors="replace")


def _calendars(text: str, found: list[DomainError]) -> list[Calendar]:
    if "BEGIN:VCALENDAR" not in text.upper():
        raise DomainError("This is not an iCalendar file: it has no BEGIN:VCALENDAR.")
    try:
        calendars = _parse(text)
    except (ValueError, KeyError, IndexError, TypeError):
        text = _without_unreadable_lines(text, found)
        try:
            calendars = _parse(text)
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise DomainError("The calendar file cannot be read: {reason}", reason=str(exc)[:200]) from None
    if not calendars:
        raise DomainError("The calendar file is empty or cut short (no END:VCALENDAR).")
    standard = []
    for cal in calendars:
        try:
            standard.append(x_wr_timezone.to_standard(cal))
        except Exception:
            found.append(DomainError("The calendar's time zone (X-WR-TIMEZONE) could not be applied."))
            standard.append(cal)
    return standard


def _parse(text: str) -> list[Calendar]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # guessed TZIDs and the like: we check the times ourselves
        return list(Calendar.from_ical(text, multiple=True))


def _without_unreadable_lines(text: str, found: list[DomainError]) -> str:
    """The file without the content lines icalendar cannot read on their own (it gives up on a whole
    file for one bad line inside an alarm); each one dropped is a warning."""
    kept = []
    for number, line in enumerate(_LINE_BREAK.split(_FOLD.sub("", text)), 1):
        if not line.strip():
            continue
        head = line.split(":", 1)[0].upper()
        if head in ("BEGIN", "END") or _readable(line):
            kept.append(line)
        else:
            found.append(DomainError("Line {line} of the file cannot be read and was left out: {text}",
                                     line=number, text=line[:80]))
    return "\r\n".join(kept) + "\r\n"


def _readable(line: str) -> bool:
    try:
        _parse(f"BEGIN:VCALENDAR\r\nBEGIN:VALARM\r\n{line}\r\nEND:VALARM\r\nEND:VCALENDAR\r\n")
    except (ValueError, KeyError, IndexError, TypeError):
        return False
    return True


# --- times ---------------------------------------------------------------------------------------


def _office(value: datetime) -> datetime:
    """Office wall-clock time of a zoned moment; a floating one already is."""
    if value.tzinfo is None:
        return value
    return office_time(value.astimezone(UTC).replace(tzinfo=None))


def _start_of(value: date | datetime) -> datetime:
    """The office-local start an occurrence is named by: its time, or midnight of its day."""
    return _office(value) if isinstance(value, datetime) else day_start(value)


def _kind_words() -> dict[str, str]:
    words = {}
    for kind in ACTIVITY_KINDS:
        for lang in ("en", "th"):
            words[translate(KIND_LABELS[kind], lang).casefold()] = kind
        words[kind] = kind
    return words


_KINDS_BY_LABEL = _kind_words()


@dataclass
class _Master:
    """What the occurrences replacing starts of a series need to know about it."""

    row_id: str
    all_day: bool
    expanded_rows: bool = False  # its rule could not be a series: single rows keyed by their starts
    expanded: dict[datetime, NeutralRow] = field(default_factory=dict)
    row: NeutralRow | None = None


class _Reader:
    def __init__(self, events: list[Component], found: list[DomainError]) -> None:
        self.events = events
        self.found = found
        self.anchor = self._file_date()
        self.ids: set[str] = set()

    def _file_date(self) -> datetime:
        """When the file was made (its latest DTSTAMP), around which endless rules are expanded."""
        stamps = []
        for event in self.events:
            value = event.get("DTSTAMP")
            moment = getattr(value, "dt", None)
            if isinstance(moment, datetime):
                stamps.append(_office(moment))
        return max(stamps) if stamps else datetime(2000, 1, 1)

    def rows(self) -> list[NeutralRow]:
        masters: dict[str, _Master] = {}
        made: list[_Master] = []
        ours_skipped = 0
        numbered = list(enumerate(self.events, 1))
        for number, event in numbered:  # series first: an occurrence needs its series' id
            uid = str(event.get("UID", "")).strip()
            if _OUR_DATES.fullmatch(uid):
                ours_skipped += 1
            elif _replaces(event) is None and (master := self._master(number, event, uid)) is not None:
                made.append(master)
                if uid:
                    masters.setdefault(uid, master)
        replacing = [self._override(number, event, masters) for number, event in numbered
                     if _replaces(event) is not None and not _OUR_DATES.fullmatch(str(event.get("UID", "")))]
        out: list[NeutralRow] = []
        for master in made:
            out.extend(master.expanded.values() if master.expanded_rows else [master.row] if master.row else [])
        out.extend(row for row in replacing if row is not None)
        if ours_skipped:
            self.found.append(DomainError("{count} birthdays and other yearly dates from crm_desktop were left out: "
                                          "they come from the contacts' and companies' own dates.",
                                          count=ours_skipped))
        _link_our_detached(out)
        out.sort(key=lambda row: "series_id" in row.values)  # a series before what replaces its starts
        return out

    # --- one event ---

    def _master(self, number: int, event: Component, uid: str) -> _Master | None:
        row = NeutralRow(number)
        event_data = _EventData(number, event, row)
        values = event_data.values()
        if values is None:
            return _Master("", False, row=row)
        row_id = _row_id(uid, event)
        if row_id in self.ids:
            self.found.append(DomainError("Event {row} repeats the UID of an earlier event and was left out.",
                                          row=number))
            return None
        self.ids.add(row_id)
        values["id"] = row_id
        modified = getattr(event.get("LAST-MODIFIED"), "dt", None)
        if _OURS.fullmatch(uid) and isinstance(modified, datetime):  # our export: the row's updated_at
            values["modified"] = modified.astimezone(UTC).replace(tzinfo=None) if modified.tzinfo else modified
        row.values = values
        master = _Master(row_id, bool(values.get("all_day") or values.get("due_on")), row=row)
        if event_data.rule is not None:
            _Repeat(event_data, self.anchor).apply(master)
        return master

    def _override(self, number: int, event: Component, masters: dict[str, _Master]) -> NeutralRow | None:
        row = NeutralRow(number)
        event_data = _EventData(number, event, row)
        values = event_data.values()
        if values is None:
            return row
        uid = str(event.get("UID", "")).strip()
        replaced_by = _replaces(event)
        replaced = replaced_by.dt  # type: ignore[union-attr]
        master = masters.get(uid)
        if replaced_by.params.get("RANGE", "").upper() == "THISANDFUTURE":  # type: ignore[union-attr]
            event_data.warn("RECURRENCE-ID", DomainError("A change to this and all later occurrences is imported "
                                                         "as a change to this occurrence only."))
        if master is None or master.row is None or master.row.errors:
            event_data.warn("RECURRENCE-ID", DomainError("The repeating event this occurrence belongs to is not in "
                                                         "the file; it is imported on its own."))
            values["id"] = fixed_id("activity_ics", f"{uid}|{_start_of(replaced).isoformat()}")
        else:
            start = day_start(replaced.date() if isinstance(replaced, datetime) else replaced) if master.all_day \
                else _start_of(replaced)
            if master.expanded_rows:
                values["id"] = _occurrence_id(master.row_id, start)
                master.expanded.pop(start, None)
            elif master.row.values.get("rrule"):
                values["id"] = fixed_id("activity_occurrence", f"{master.row_id}|{_stored(start)}")
                values["series_id"], values["occurrence"] = master.row_id, start
                skipped = master.row.values.setdefault("skipped", ())
                if start not in skipped:  # type: ignore[operator]
                    master.row.values["skipped"] = (*skipped, start)  # type: ignore[misc]
            else:  # a change to an event that does not repeat (here): an activity of its own
                values["id"] = _occurrence_id(master.row_id, start)
        if values["id"] in self.ids:
            return None
        self.ids.add(values["id"])  # type: ignore[arg-type]
        row.values = values
        return row


def _replaces(event: Component) -> Any:
    """The event's RECURRENCE-ID (which start of its series it replaces); None when it has none or
    an unreadable one (then it is an event of its own, and the broken value a warning)."""
    value = event.get("RECURRENCE-ID")
    return None if value is None or isinstance(value, vBroken) or not isinstance(getattr(value, "dt", None), date) \
        else value


def _stored(start: datetime) -> str:
    """An office-local start as the app names occurrences in ids (its UTC form, ISO)."""
    return utc_time(start).isoformat()


def _occurrence_id(row_id: str, start: datetime) -> str:
    return fixed_id("activity_ics", f"{row_id}|{_stored(start)}")


def _row_id(uid: str, event: Component) -> str:
    if (ours := _OURS.fullmatch(uid)) is not None:
        return ours.group(1)
    if uid:
        return fixed_id("activity_ics", uid)
    start = event.get("DTSTART")
    key = "|".join((str(event.get("SUMMARY", "")), start.to_ical().decode() if start is not None else "",
                    str(event.get("DESCRIPTION", ""))))
    return fixed_id("activity_ics", "no-uid|" + key)


def _link_our_detached(rows: list[NeutralRow]) -> None:
    """Our export writes an occurrence that left its series as its own event (its own UID) and the
    series skips its start (EXDATE); its id is fixed by (series, start), so the link comes back."""
    detached = {}
    for row in rows:
        series_id = row.values.get("id")
        for start in row.values.get("skipped", ()):  # type: ignore[attr-defined]
            detached[fixed_id("activity_occurrence", f"{series_id}|{_stored(start)}")] = (series_id, start)
    for row in rows:
        found = detached.get(row.values.get("id"))  # type: ignore[arg-type]
        if found is not None and "series_id" not in row.values:
            row.values["series_id"], row.values["occurrence"] = found


class _EventData:
    """One VEVENT's properties read one by one; what cannot be read is a warning on its row."""

    def __init__(self, number: int, event: Component, row: NeutralRow) -> None:
        self.number = number
        self.event = event
        self.row = row
        self.rule: vRecur | None = None
        self.start: date | datetime | None = None  # as written (zoned)
        self.duration = timedelta(0)
        self.exdates: list[date | datetime] = []
        broken = {name.upper() for name, _message in getattr(event, "errors", ())}
        for name, message in getattr(event, "errors", ()):
            if name.upper() != "RRULE":
                self.warn(name, DomainError("This value cannot be read and was left out: {reason}",
                                            reason=str(message)[:120]))
        self.broken = broken

    def warn(self, column: str, problem: DomainError) -> None:
        self.row.warnings.append(EventProblem(self.number, column, problem))

    def fail(self, column: str, problem: DomainError) -> None:
        self.row.errors.append(EventProblem(self.number, column, problem))

    def _get(self, name: str) -> Any:
        value = self.event.get(name)
        return None if value is None or isinstance(value, vBroken) or name in self.broken else value

    def _text(self, name: str, limit: int) -> str:
        value = self._get(name)
        if isinstance(value, list):
            value = value[0]
        text = str(value).strip() if value is not None else ""
        if len(text) > limit:
            self.warn(name, DomainError("The text was longer than {limit} characters and was shortened.", limit=limit))
            text = text[:limit].rstrip()
        return text

    def values(self) -> dict[str, object] | None:
        """The activity's fields; None (and an error on the row) when the event has no usable start."""
        start = self._moment("DTSTART")
        if start is None:
            self.fail("DTSTART", DomainError("An event without a start (DTSTART) cannot be imported."))
            return None
        self.start = start
        values: dict[str, object] = {}
        subject = self._text("SUMMARY", SUBJECT_MAX)
        details = self._text("DESCRIPTION", NOTES_MAX)
        status = "planned"
        if subject.startswith(_DONE_MARK):
            subject, status = subject[len(_DONE_MARK):], "done"
        if str(self._get("STATUS") or "").upper() == "CANCELLED":
            status = "cancelled"
        if not subject:
            subject = (details.splitlines()[0] if details else self._text("LOCATION", LOCATION_MAX))[:SUBJECT_MAX]
        if not subject:
            subject = "—"
            self.warn("SUMMARY", DomainError("The event has no title."))
        kind = self._kind()
        values.update(subject=subject, details=details, location=self._text("LOCATION", LOCATION_MAX), kind=kind,
                      status=status, priority=self._priority(), rrule="", remind_minutes=None)
        end = self._end(start)
        if isinstance(start, datetime):
            values.update(all_day=False, starts_at=_office(start), due_on=None,
                          ends_at=_office(end) if isinstance(end, datetime) and end > start else None)
            self.duration = end - start if isinstance(end, datetime) and end > start else timedelta(0)
        else:
            days = (end - start).days if isinstance(end, date) and not isinstance(end, datetime) else 1
            if days > 1:
                self.warn("DTEND", DomainError("The event lasts {days} days; it is imported on its first day.",
                                               days=days))
            values.update(all_day=kind != "task", starts_at=None, ends_at=None, due_on=start)
        values["remind_minutes"] = self._reminder(start, end)
        self._read_rule()
        return values

    def _moment(self, name: str) -> date | datetime | None:
        value = self._get(name)
        if value is None:
            return None
        moment = getattr(value, "dt", None)
        if not isinstance(moment, date):
            self.warn(name, DomainError("This value cannot be read and was left out: {reason}", reason=str(moment)))
            return None
        tzid = value.params.get("TZID") if hasattr(value, "params") else None
        if isinstance(moment, datetime) and moment.tzinfo is None and tzid:
            self.warn(name, DomainError("Unknown time zone {zone}; the time was read as office time.", zone=tzid))
        return moment

    def _end(self, start: date | datetime) -> date | datetime | None:
        end = self._moment("DTEND")
        if end is None and (duration := self._get("DURATION")) is not None:
            delta = getattr(duration, "dt", None)
            if isinstance(delta, timedelta):
                end = start + delta
        if end is not None and isinstance(end, datetime) != isinstance(start, datetime):
            self.warn("DTEND", DomainError("The end and the start are not both dates or both times; the end was "
                                           "left out."))
            return None
        if end is not None and end < start:
            self.warn("DTEND", DomainError("The end is before the start and was left out."))
            return None
        return end

    def _kind(self) -> str:
        value = self._get("CATEGORIES")
        for item in value if isinstance(value, list) else [value] if value is not None else []:
            for category in getattr(item, "cats", []):
                kind = _KINDS_BY_LABEL.get(str(category).strip().casefold())
                if kind is not None:
                    return kind
        return "meeting"

    def _priority(self) -> str:
        value = self._get("PRIORITY")
        try:
            number = int(value) if value is not None else 0
        except (TypeError, ValueError):
            number = 0
        return "high" if 1 <= number <= 4 else "low" if number >= 6 else "normal"

    def _reminder(self, start: date | datetime, end: date | datetime | None) -> int | None:
        """Minutes before the start (before 09:00 of an all-day event's day) of the earliest display or
        sound alarm; an e-mail alarm only when there is no other."""
        anchor = _office(start) if isinstance(start, datetime) else datetime.combine(start, DAY_START)
        midnight = _office(start) if isinstance(start, datetime) else day_start(start)
        finish = (_office(end) if isinstance(end, datetime) else day_start(end)) if end is not None else midnight
        leads: list[tuple[bool, int]] = []
        for alarm in self.event.walk("VALARM"):
            trigger = alarm.get("TRIGGER")
            moment = getattr(trigger, "dt", None)
            if isinstance(moment, timedelta):
                related = str(trigger.params.get("RELATED", "START")).upper()
                at = (finish if related == "END" else midnight) + moment
            elif isinstance(moment, datetime):
                at = _office(moment)
            else:
                self.warn("VALARM", DomainError("A reminder without a readable time (TRIGGER) was left out."))
                continue
            minutes = round((anchor - at).total_seconds() / 60)
            if not 0 <= minutes <= REMIND_MAX_MINUTES:
                self.warn("VALARM", DomainError("A reminder {minutes} minutes before the start cannot be kept "
                                                "(0 to {most}) and was left out.", minutes=minutes,
                                                most=REMIND_MAX_MINUTES))
                continue
            leads.append((str(alarm.get("ACTION", "DISPLAY")).upper() != "EMAIL", minutes))
        if not leads:
            return None
        best = max(leads)
        if len({m for _shown, m in leads}) > 1:
            self.warn("VALARM", DomainError("The event has {count} reminders; the earliest, {minutes} minutes "
                                            "before, was kept.", count=len(leads), minutes=best[1]))
        return best[1]

    def _read_rule(self) -> None:
        rules = self.event.get("RRULE")
        if rules is None:
            return
        if isinstance(rules, list):
            self.warn("RRULE", DomainError("Only the first of several repeat rules was kept."))
            rules = rules[0]
        if "RRULE" in self.broken or isinstance(rules, vBroken) or not isinstance(rules, vRecur):
            raw = rules.to_ical().decode() if hasattr(rules, "to_ical") else str(rules)
            try:
                rules = vRecur.from_ical(re.sub(r"[\s\\]", "", raw))
            except ValueError:
                self.warn("RRULE", DomainError("The repeat rule cannot be read; the event is imported once."))
                return
            self.warn("RRULE", DomainError("The repeat rule was written wrongly (spaces, escapes) and was read "
                                           "without them."))
        self.rule = rules
        for value in self.event.get("EXDATE", []) if isinstance(self.event.get("EXDATE"), list) \
                else [self.event.get("EXDATE")] if self.event.get("EXDATE") is not None else []:
            if isinstance(value, vBroken) or not hasattr(value, "dts"):
                continue
            self.exdates += [d.dt for d in value.dts if isinstance(d.dt, date)]
        if self.event.get("RDATE") is not None:
            self.warn("RDATE", DomainError("Extra dates (RDATE) of a repeating event were left out."))


class _Repeat:
    """A repeating event as the app keeps it: one series when the app's expansion of the converted
    rule gives exactly the file's starts, else single activities (see the module's docstring)."""

    def __init__(self, event: _EventData, anchor: datetime) -> None:
        self.event = event
        self.anchor = anchor
        self.rule: vRecur = event.rule  # type: ignore[assignment]
        self.start = event.start
        self.all_day = not isinstance(self.start, datetime)
        self.first = _start_of(self.start)  # type: ignore[arg-type]
        self.bounded = "UNTIL" in self.rule or "COUNT" in self.rule
        self.skipped = {_start_of(d) if not self.all_day else day_start(d.date() if isinstance(d, datetime) else d)
                        for d in event.exdates}

    def apply(self, master: _Master) -> None:
        row = master.row
        assert row is not None
        try:
            starts = list(islice(self._file_starts(), EXPAND_MAX + 1))
        except (ValueError, TypeError, OverflowError) as exc:
            self.event.warn("RRULE", DomainError("The repeat rule cannot be used ({reason}); the event is imported "
                                                 "once.", reason=str(exc)[:120]))
            return
        skipped = self.skipped
        text = self._as_series(starts)
        if text is not None:
            row.values["rrule"] = text
            kept = set(starts)
            row.values["skipped"] = tuple(sorted(s for s in skipped if s in kept))
            return
        master.expanded_rows = True
        self._expand(master, skipped)

    def _file_starts(self) -> Iterator[datetime]:
        """The rule's starts as the file means them, in office time (EXDATE not applied)."""
        start = self.start
        dtstart: datetime = start if isinstance(start, datetime) else datetime.combine(start, time())  # type: ignore[arg-type]
        rule = dict(self.rule)
        until = rule.get("UNTIL")
        if until:
            last = until[0]
            if dtstart.tzinfo is None:  # dateutil wants a floating UNTIL beside a floating start
                if isinstance(last, datetime):
                    last = last.replace(tzinfo=None) if self.all_day else _office(last)
                rule["UNTIL"] = [last]
            elif not isinstance(last, datetime):
                rule["UNTIL"] = [datetime.combine(last, time(23, 59, 59), dtstart.tzinfo).astimezone(UTC)]
            elif last.tzinfo is None:
                rule["UNTIL"] = [last.replace(tzinfo=dtstart.tzinfo).astimezone(UTC)]
        text = vRecur(rule).to_ical().decode()
        first = next(iter(rrulestr(text, dtstart=dtstart)), None)
        if first != dtstart and self.first not in self.skipped:
            # RFC 5545: DTSTART is always the first instance and counts towards COUNT; the app's
            # series starts at the rule's first date (our export skips such a start: then it is the same).
            yield self.first
            if "COUNT" in rule:
                rule["COUNT"] = [int(rule["COUNT"][0]) - 1]
                if rule["COUNT"][0] < 1:
                    return
                text = vRecur(rule).to_ical().decode()
        for moment in rrulestr(text, dtstart=dtstart):
            yield _office(moment) if not self.all_day else day_start(moment.date())

    def _as_series(self, starts: list[datetime]) -> str | None:
        """The app's RRULE for the file's rule, when it expands to the same starts: the file's own
        end date first (what our export wrote), else the day of the last start."""
        text = self._converted()
        if text is None or len(starts) > EXPAND_MAX or (self.bounded and not starts):
            return None
        if self.bounded:
            end, wanted = starts[-1] + EXPAND_AROUND, starts  # the app's series must stop there too
        else:  # the file's endless rule, over the same span
            end = self.first + CHECK_SPAN
            wanted = []
            for moment in islice(self._file_starts(), 5 * EXPAND_MAX):
                if moment >= end:
                    break
                wanted.append(moment)
        for candidate in self._with_until(text, starts):
            try:
                rule = Recurrence.parse(candidate)
                rule.check(self.first.date())
                candidate = rule.text(self.first.date())
            except (ValidationError, ValueError):
                continue
            if expand(candidate, self.first, self.first, end) == wanted:
                return candidate
        return None

    def _converted(self) -> str | None:
        """The file's rule in the app's words, moved to the office's weekdays; None when it has parts
        the app does not offer."""
        rule = dict(self.rule)
        freq = str(rule.get("FREQ", [""])[0]).upper()
        parts = [f"FREQ={freq}"]
        interval = int(rule.get("INTERVAL", [1])[0])
        if interval != 1:
            parts.append(f"INTERVAL={interval}")
        zone_day = self.start.date() if isinstance(self.start, datetime) else self.start
        shift = (self.first.date() - zone_day).days  # type: ignore[operator]
        days = [str(d).replace(" ", "").upper() for d in rule.get("BYDAY", [])]
        if days:
            if freq == "DAILY" and interval == 1 and all(re.fullmatch(r"[A-Z]{2}", d) for d in days):
                parts[0] = "FREQ=WEEKLY"  # daily on some weekdays is weekly on them
                freq = "WEEKLY"
            if freq == "WEEKLY":
                days = [DAY_CODES[(DAY_CODES.index(d) + shift) % 7] for d in days if d in DAY_CODES]
            parts.append("BYDAY=" + ",".join(days))
        for name, wanted in (("BYMONTH", self.first.month), ("BYMONTHDAY", self.first.day)):
            if name in rule and [int(v) for v in rule[name]] != [wanted]:
                return None
        if set(rule) - {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST", "BYMONTH", "BYMONTHDAY"}:
            return None
        if "COUNT" in rule:
            parts.append(f"COUNT={int(rule['COUNT'][0])}")
        return ";".join(parts)

    def _with_until(self, text: str, starts: list[datetime]) -> list[str]:
        if "UNTIL" not in self.rule or not starts:
            return [text]
        until = self.rule["UNTIL"][0]
        if isinstance(until, datetime):
            until = until.date() if self.all_day or until.tzinfo is None else _office(until).date()
        days = dict.fromkeys((until, starts[-1].date()))
        return [f"{text};UNTIL={day:%Y%m%d}T235959" for day in days]

    def _expand(self, master: _Master, skipped: set[datetime]) -> None:
        row = master.row
        assert row is not None
        low, high = (None, None) if self.bounded else (self.anchor - EXPAND_AROUND, self.anchor + EXPAND_AROUND)
        starts = []
        for moment in self._file_starts():
            if high is not None and moment >= high:
                break
            if (low is None or moment >= low) and moment not in skipped:
                starts.append(moment)
                if len(starts) == EXPAND_MAX:
                    break
        if not starts:
            self.event.warn("RRULE", DomainError("The repeat rule gives no dates to import."))
            return
        base = row.values
        for start in starts:
            values = dict(base, id=_occurrence_id(master.row_id, start), rrule="")
            if self.all_day:
                values["due_on"] = start.date()
            else:
                values["starts_at"] = start
                values["ends_at"] = start + self.event.duration if base.get("ends_at") is not None else None
            master.expanded[start] = NeutralRow(row.source_row, values, [], [])
        first = next(iter(master.expanded.values()))
        first.warnings = [*row.warnings, EventProblem(row.source_row, "RRULE", DomainError(
            "The repeat rule cannot be kept as one series here (summer time, or a rule the app does not offer); "
            "its {count} dates from {first} to {last} were imported one by one.", count=len(starts),
            first=starts[0].date().isoformat(), last=starts[-1].date().isoformat()))]
