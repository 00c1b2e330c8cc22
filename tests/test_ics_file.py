"""The .ics file on hand-built rows: what calendar apps read back is what the app shows.

The file is parsed by the `icalendar` package and expanded by `recurring-ical-events` (what
calendar apps do), and compared with the app's own expansion (`recurrence.expand`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import icalendar
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.exchange.ics import ics_chunks, reaches
from crm_desktop.queries.activities.calendar_file import CalendarActivity
from crm_desktop.queries.anniversaries import AnniversaryRow, falls_on
from crm_desktop.recurrence import Recurrence, expand
from tests.time_helpers import TEST_NOW

MEETING = CalendarActivity(
    id="a1", kind="meeting", subject="ประชุมสรุปยอดขาย", details="นำใบเสนอราคาไปด้วย", location="สาขาบางนา",
    status="planned", outcome="", starts_at=datetime(2026, 11, 23, 9, 0), ends_at=datetime(2026, 11, 23, 10, 30),
    due_on=None, all_day=False, remind_minutes=None, rrule="", skipped=(), customer="ร้านกาแฟดอยช้าง",
    updated_at=datetime(2026, 11, 20, 2, 0),
)
TASK = replace(MEETING, id="a2", kind="task", starts_at=None, ends_at=None, due_on=date(2026, 11, 24), all_day=True)


def parse(activities: list[CalendarActivity] = (), anniversaries: list[AnniversaryRow] = (),  # type: ignore[assignment]
          stamp: datetime = TEST_NOW) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(b"".join(ics_chunks("CRM", activities, anniversaries, stamp)))


def starts(cal: icalendar.Calendar, start: date, end: date) -> list[datetime]:
    """Office-local naive starts of what a calendar app shows on days start <= d < end."""
    found = []
    for event in recurring_ical_events.of(cal).between(start, end):
        value = event["DTSTART"].dt
        found.append(value.replace(tzinfo=None) if isinstance(value, datetime) else datetime.combine(value, time()))
    return sorted(found)


def test_a_timed_activity_in_office_time_with_its_fields() -> None:
    cal = parse([replace(MEETING, remind_minutes=45)])
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Asia/Bangkok"
    (event,) = cal.walk("VEVENT")
    assert event["UID"] == "a1@crm-desktop"
    assert event["DTSTART"].params["TZID"] == "Asia/Bangkok"
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 11, 23, 9, 0)
    assert event["DTSTART"].dt.utcoffset() == timedelta(hours=7)
    assert event["DTEND"].dt.replace(tzinfo=None) == datetime(2026, 11, 23, 10, 30)
    assert event["DTSTAMP"].dt == TEST_NOW.replace(tzinfo=event["DTSTAMP"].dt.tzinfo)
    assert str(event["SUMMARY"]) == "ประชุมสรุปยอดขาย"
    assert "ร้านกาแฟดอยช้าง" in str(event["DESCRIPTION"]) and "นำใบเสนอราคาไปด้วย" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "สาขาบางนา"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["CATEGORIES"].cats == ["Meeting"]
    (alarm,) = event.walk("VALARM")
    assert alarm["TRIGGER"].dt == -timedelta(minutes=45)
    assert "TRIGGER:-PT45M" in alarm.to_ical().decode()


def test_long_thai_text_and_special_characters_survive() -> None:
    details = "โทรยืนยันนัด; นำตัวอย่างสินค้า, แคตตาล็อก และใบเสนอราคา\\ฉบับใหม่\nบรรทัดที่สอง " * 4
    row = replace(MEETING, subject="ประชุม, สรุป; ยอด\\ขาย" * 5, details=details, customer="")
    data = b"".join(ics_chunks("CRM", [row], [], TEST_NOW))
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode()  # never cut inside a Thai character (UnicodeDecodeError)
    assert "SUMMARY:ประชุม\\, สรุป\\; ยอด\\\\ขาย" in data.replace(b"\r\n ", b"").decode()  # escaped, as RFC 5545 says
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == row.subject
    assert str(event["DESCRIPTION"]) == details


def test_a_task_with_a_due_date_is_an_all_day_event() -> None:
    (event,) = parse([TASK]).walk("VEVENT")
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event["DTSTART"].dt == date(2026, 11, 24)
    assert event["DTEND"].dt == date(2026, 11, 25)


def test_cancelled_and_done() -> None:
    cancelled, done = parse([replace(MEETING, status="cancelled"), replace(TASK, status="done")]).walk("VEVENT")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(done["SUMMARY"]).startswith("✓ ")


def test_uids_are_stable_across_exports_and_an_edit_raises_the_sequence() -> None:
    rows = [MEETING, TASK]
    first = parse(rows).walk("VEVENT")
    edited = replace(MEETING, subject="ประชุมสรุปยอดขาย (เลื่อน)", updated_at=MEETING.updated_at + timedelta(seconds=1))
    again = parse([edited, TASK], stamp=TEST_NOW + timedelta(days=3)).walk("VEVENT")
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in again] == ["a1@crm-desktop", "a2@crm-desktop"]
    assert again[0]["SEQUENCE"] > first[0]["SEQUENCE"] and again[1]["SEQUENCE"] == first[1]["SEQUENCE"]
    assert again[0]["DTSTAMP"].dt > first[0]["DTSTAMP"].dt


def test_a_series_until_a_day_keeps_that_day() -> None:
    row = replace(MEETING, rrule="FREQ=DAILY;UNTIL=20261125T235959", skipped=(datetime(2026, 11, 24, 9, 0),))
    cal = parse([row])
    (event,) = cal.walk("VEVENT")
    assert event["RRULE"]["UNTIL"][0] == datetime(2026, 11, 25, 16, 59, 59, tzinfo=event["RRULE"]["UNTIL"][0].tzinfo)
    assert starts(cal, date(2026, 11, 1), date(2027, 1, 1)) == [datetime(2026, 11, 23, 9), datetime(2026, 11, 25, 9)]


def test_anniversaries_every_year_and_29_february_on_the_28th_in_common_years() -> None:
    leap = AnniversaryRow("birthday", "contact:c1", date(2027, 2, 28), 2, 29, 1988, 39, "", "สมชาย ใจดี", "", "c1",
                          None, None, "", 3)
    custom = AnniversaryRow("custom", "anniversary:x9", date(2027, 6, 15), 6, 15, None, None, "ครบรอบแต่งงาน",
                            "คุณนิดา", "", "c2", None, None, "", 0)
    cal = parse(anniversaries=[leap, custom])
    birthdays = [d.date() for d in starts(cal, date(1980, 1, 1), date(2031, 1, 1)) if d.month == 2]
    assert birthdays == [falls_on(year, 2, 29) for year in range(1989, 2031)]  # from the first birthday
    assert date(2027, 2, 28) in birthdays and date(2028, 2, 29) in birthdays
    assert [d.date() for d in starts(cal, date(2027, 6, 1), date(2029, 7, 1)) if d.month == 6] == [
        date(2027, 6, 15), date(2028, 6, 15), date(2029, 6, 15)]
    birthday = cal.walk("VEVENT")[0]
    assert birthday["UID"] == "birthday-c1@crm-desktop"
    assert cal.walk("VEVENT")[1]["UID"] == "custom-x9@crm-desktop"
    assert birthday["DTSTART"].params["VALUE"] == "DATE"
    assert birthday["RRULE"]["FREQ"] == ["YEARLY"]
    assert birthday.walk("VALARM")[0]["TRIGGER"].dt == -timedelta(days=3) + timedelta(hours=9)  # 09:00, 3 days before
    assert "สมชาย ใจดี" in str(birthday["SUMMARY"])


WEEKDAYS = st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(lambda d: tuple(sorted(d)))


@st.composite
def series(draw: st.DrawFn) -> CalendarActivity:
    """A random series, with some of its starts skipped; a weekly one may start on a day off its rule."""
    first_day = draw(st.dates(date(2025, 1, 1), date(2027, 12, 31)))
    freq = draw(st.sampled_from(("daily", "weekly", "monthly", "yearly")))
    weekdays = draw(WEEKDAYS) if freq == "weekly" and draw(st.booleans()) else ()
    ends = draw(st.sampled_from(("never", "until", "count")))
    rule = Recurrence(
        freq, draw(st.integers(1, 4)), weekdays, freq == "monthly" and draw(st.booleans()),
        first_day + timedelta(days=draw(st.integers(0, 800))) if ends == "until" else None,
        draw(st.integers(1, 40)) if ends == "count" else None,
    )
    all_day = draw(st.booleans())
    at = time() if all_day else time(draw(st.integers(0, 23)), draw(st.sampled_from((0, 30))))
    first = datetime.combine(first_day, at)
    text = rule.text(first_day)
    made = expand(text, first, first, first + timedelta(days=3 * 366))
    skipped = tuple(draw(st.lists(st.sampled_from(made), max_size=4, unique=True))) if made else ()
    return replace(MEETING, rrule=text, skipped=skipped, all_day=all_day,
                   starts_at=None if all_day else first, ends_at=None if all_day else first + timedelta(hours=1),
                   due_on=first_day if all_day else None)


@settings(max_examples=60, deadline=None)
@given(series(), st.dates(date(2025, 1, 1), date(2028, 12, 31)), st.integers(1, 400))
def test_calendar_apps_expand_a_series_as_the_app_does(row: CalendarActivity, start: date, days: int) -> None:
    end = start + timedelta(days=days)
    first = row.first
    assert first is not None
    ours = expand(row.rrule, first, datetime.combine(start, time()), datetime.combine(end, time()), set(row.skipped))
    assert starts(parse([row]), start, end) == ours


@settings(max_examples=60, deadline=None)
@given(series(), st.dates(date(2024, 1, 1), date(2031, 12, 31)), st.one_of(st.none(), st.integers(1, 800)))
def test_a_series_is_exported_for_a_range_when_one_of_its_starts_falls_in_it(row: CalendarActivity, start: date,
                                                                            days: int | None) -> None:
    end = start + timedelta(days=days) if days is not None else None
    first = row.first
    assert first is not None
    until = datetime.combine(end, time()) if end is not None else datetime(2200, 1, 1)
    assert reaches(row, start, end) == bool(expand(row.rrule, first, datetime.combine(start, time()), until,
                                                   set(row.skipped)))
