"""Reading iCalendar files into activity rows: what the app will show is what the file means.

The reference for "what the file means" is recurring-ical-events (an independent RFC 5545 expander);
the app's side is `recurrence.expand` of the series rows plus the single rows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.clock import office_time
from crm_desktop.errors import DomainError
from crm_desktop.exchange.ics_read import read_ics, read_ics_bytes
from crm_desktop.import_plans.cells import NeutralRow
from crm_desktop.recurrence import day_start, expand
from tests.samples import sample_folder

SAMPLES = sample_folder("ics")
FAR = datetime(2200, 1, 1)


def calendar(*events: str, head: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{head}{body}END:VCALENDAR\r\n".encode()


def event(uid: str, start: str, *more: str, summary: str = "Meeting") -> str:
    return "\r\n".join((f"UID:{uid}", "DTSTAMP:20261101T000000Z", f"SUMMARY:{summary}", start, *more))


def one(data: bytes) -> NeutralRow:
    (row,) = read_ics_bytes(data).rows
    return row


def app_starts(rows: list[NeutralRow]) -> list[datetime]:
    """Every start the app shows for the rows (office time), as the calendar expands them."""
    found: list[datetime] = []
    for row in rows:
        v = row.values
        first = v["starts_at"] if v.get("starts_at") is not None else day_start(v["due_on"])  # type: ignore[arg-type]
        if v.get("rrule"):
            found += expand(str(v["rrule"]), first, first, FAR, set(v.get("skipped", ())))  # type: ignore[arg-type]
        else:
            found.append(first)  # type: ignore[arg-type]
    return sorted(found)


def file_starts(data: bytes) -> list[datetime]:
    """What recurring-ical-events makes of the file, in office time."""
    cal = icalendar.Calendar.from_ical(data)
    found = []
    for occurrence in recurring_ical_events.of(cal).between(datetime(1990, 1, 1), datetime(2200, 1, 1)):
        start = occurrence["DTSTART"].dt
        if isinstance(start, datetime):
            found.append(office_time(start.astimezone(UTC).replace(tzinfo=None)) if start.tzinfo else start)
        else:
            found.append(day_start(start))
    return sorted(found)


# --- time zones -------------------------------------------------------------------------------------

WINDOWS = {"SE Asia Standard Time": "Asia/Bangkok", "GMT Standard Time": "Europe/London",
           "Eastern Standard Time": "America/New_York", "Tokyo Standard Time": "Asia/Tokyo",
           "W. Europe Standard Time": "Europe/Berlin", "AUS Eastern Standard Time": "Australia/Sydney",
           "Singapore Standard Time": "Asia/Singapore", "India Standard Time": "Asia/Kolkata"}
ZONES = sorted(set(WINDOWS.values()) | {"UTC", "America/Sao_Paulo"})
# fold=0: a file's text carries no fold, and RFC 5545 (3.3.5) reads a repeated local time as its first
# occurrence and one in a daylight-saving gap with the offset before the gap, as fold=0 does.
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0, fold=0))


@given(zone=st.sampled_from(ZONES), local=moments)
@settings(max_examples=80, deadline=None)
def test_an_olson_zone_becomes_office_time(zone: str, local: datetime) -> None:
    row = one(calendar(event("z", f"DTSTART;TZID={zone}:{local:%Y%m%dT%H%M%S}")))
    moment = local.replace(tzinfo=ZoneInfo(zone))
    assert row.values["starts_at"] == office_time(moment.astimezone(UTC).replace(tzinfo=None))
    assert not row.warnings


@given(name=st.sampled_from(sorted(WINDOWS)), local=moments)
@settings(max_examples=60, deadline=None)
def test_a_windows_zone_name_is_its_olson_zone(name: str, local: datetime) -> None:
    row = one(calendar(event("w", f"DTSTART;TZID={name}:{local:%Y%m%dT%H%M%S}")))
    moment = local.replace(tzinfo=ZoneInfo(WINDOWS[name]))
    assert row.values["starts_at"] == office_time(moment.astimezone(UTC).replace(tzinfo=None))


def test_se_asia_standard_time_is_bangkok_utc_and_floating_times() -> None:
    rows = read_ics_bytes(calendar(
        event("a", "DTSTART;TZID=SE Asia Standard Time:20261123T090000", "DTEND;TZID=SE Asia Standard Time:"
              "20261123T100000"),
        event("b", "DTSTART:20261123T020000Z"),
        event("c", "DTSTART:20261123T090000"),  # floating: office time
        event("d", "DTSTART;TZID=Mars/Olympus:20261123T090000"),
    )).rows
    assert [r.values["starts_at"] for r in rows] == [datetime(2026, 11, 23, 9)] * 4
    assert rows[0].values["ends_at"] == datetime(2026, 11, 23, 10)
    assert [w.text() for w in rows[3].warnings] == [
        "Event 4, DTSTART: Unknown time zone Mars/Olympus; the time was read as office time."]


def test_a_windows_vtimezone_of_the_file_is_used() -> None:
    head = ("BEGIN:VTIMEZONE\r\nTZID:SE Asia Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
            "TZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")
    row = one(calendar(event("v", "DTSTART;TZID=SE Asia Standard Time:20260301T083000"), head=head))
    assert row.values["starts_at"] == datetime(2026, 3, 1, 8, 30)


def test_an_event_crossing_midnight_keeps_its_end() -> None:
    row = one(calendar(event("m", "DTSTART;TZID=Asia/Bangkok:20261231T233000", "DURATION:PT1H")))
    assert (row.values["starts_at"], row.values["ends_at"]) == (datetime(2026, 12, 31, 23, 30),
                                                                 datetime(2027, 1, 1, 0, 30))


def test_all_day_on_29_february_and_a_long_one() -> None:
    leap, long = read_ics_bytes(calendar(
        event("leap", "DTSTART;VALUE=DATE:20280229", "DTEND;VALUE=DATE:20280301"),
        event("long", "DTSTART;VALUE=DATE:20261201", "DTEND;VALUE=DATE:20261204"),
    )).rows
    assert (leap.values["all_day"], leap.values["due_on"], leap.values["starts_at"]) == (True, date(2028, 2, 29), None)
    assert long.values["due_on"] == date(2026, 12, 1)
    assert "lasts 3 days" in long.warnings[0].text()


def test_a_yearly_29_february_is_expanded_as_the_file_means_it() -> None:
    data = calendar(event("y", "DTSTART;VALUE=DATE:20280229", "RRULE:FREQ=YEARLY;COUNT=3"))
    rows = read_ics_bytes(data).rows
    assert app_starts(rows) == file_starts(data)  # 2028, 2032, 2036: RFC 5545 skips the common years


# --- repeats ----------------------------------------------------------------------------------------


def test_exdate_on_the_first_occurrence() -> None:
    data = calendar(event("x", "DTSTART;TZID=Asia/Bangkok:20261123T090000", "RRULE:FREQ=WEEKLY;COUNT=4",
                          "EXDATE;TZID=Asia/Bangkok:20261123T090000"))
    row = one(data)
    assert row.values["rrule"] == "FREQ=WEEKLY;COUNT=4"
    assert row.values["skipped"] == (datetime(2026, 11, 23, 9),)
    assert app_starts([row]) == file_starts(data) == [datetime(2026, 11, 30, 9), datetime(2026, 12, 7, 9),
                                                       datetime(2026, 12, 14, 9)]


def test_a_start_off_the_rule_is_the_first_instance_and_counts() -> None:
    """RFC 5545: DTSTART is always the first instance and counts towards COUNT; the app's series
    cannot start off its rule, so such an event comes in as single dates."""
    rows = read_ics_bytes(calendar(event("o", "DTSTART;TZID=Asia/Bangkok:20261121T090000",  # a Saturday
                                         "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3"))).rows
    assert app_starts(rows) == [datetime(2026, 11, 21, 9), datetime(2026, 11, 23, 9), datetime(2026, 11, 30, 9)]


def test_summer_time_cannot_be_one_series_so_its_dates_are_single() -> None:
    data = calendar(event("dst", "DTSTART;TZID=Europe/London:20260301T090000", "RRULE:FREQ=WEEKLY;COUNT=8"))
    rows = read_ics_bytes(data).rows
    assert len(rows) == 8 and all(not r.values["rrule"] for r in rows)
    assert app_starts(rows) == file_starts(data)
    assert "imported one by one" in rows[0].warnings[0].text()
    assert len({r.values["id"] for r in rows}) == 8


def test_a_late_evening_elsewhere_is_the_next_weekday_in_bangkok() -> None:
    data = calendar(event("ny", "DTSTART;TZID=America/New_York:20260706T200000",
                          "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260831T000000Z"))
    row = one(data)
    assert row.values["rrule"] == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260831T235959"
    assert app_starts([row]) == file_starts(data)


def test_an_endless_rule_elsewhere_is_expanded_around_the_files_date() -> None:
    data = calendar(event("e", "DTSTART;TZID=Europe/Berlin:20250106T100000", "RRULE:FREQ=WEEKLY"))
    rows = read_ics_bytes(data).rows
    starts = app_starts(rows)
    # The file was made on 2026-11-01 (DTSTAMP): the year before and the year after it.
    assert starts[0] == datetime(2025, 11, 3, 16) and datetime(2027, 10, 25, 16) <= starts[-1] < datetime(2027, 11, 2)
    assert datetime(2026, 7, 6, 15) in starts  # summer: an hour earlier in Bangkok


def test_an_override_replaces_its_start_and_links_to_the_series() -> None:
    rows = read_ics_bytes(calendar(
        event("s", "DTSTART;TZID=Asia/Bangkok:20261123T090000", "RRULE:FREQ=DAILY;COUNT=5"),
        event("s", "DTSTART;TZID=Asia/Bangkok:20261125T140000", "RECURRENCE-ID;TZID=Asia/Bangkok:20261125T090000",
              summary="Moved"),
    )).rows
    series, moved = rows
    assert series.values["skipped"] == (datetime(2026, 11, 25, 9),)
    assert moved.values["series_id"] == series.values["id"]
    assert (moved.values["occurrence"], moved.values["starts_at"]) == (datetime(2026, 11, 25, 9),
                                                                       datetime(2026, 11, 25, 14))


@given(zone=st.sampled_from(["Asia/Bangkok", "Europe/London", "America/New_York", "Australia/Sydney", "UTC"]),
       local=moments, freq=st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
       interval=st.integers(1, 3), count=st.integers(1, 30), days=st.sets(st.sampled_from(
           ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), max_size=3), skip=st.integers(0, 3))
@settings(max_examples=120, deadline=None)
def test_what_the_app_shows_is_what_the_file_means(zone: str, local: datetime, freq: str, interval: int,
                                                   count: int, days: set[str], skip: int) -> None:
    rule = f"RRULE:FREQ={freq};INTERVAL={interval};COUNT={count}"
    if days and freq == "WEEKLY":
        rule += ";BYDAY=" + ",".join(sorted(days))
    stamp = f"{local:%Y%m%dT%H%M%S}"
    base = calendar(event("p", f"DTSTART;TZID={zone}:{stamp}", rule))
    nth = file_starts(base)
    more = [rule]
    if nth and skip < len(nth):  # an EXDATE on one of the file's own starts (the first one too)
        moment = nth[skip]
        more.append(f"EXDATE;TZID=Asia/Bangkok:{moment:%Y%m%dT%H%M%S}")
    data = calendar(event("p", f"DTSTART;TZID={zone}:{stamp}", *more))
    rows = read_ics_bytes(data).rows
    on_rule = freq != "WEEKLY" or not days or ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[local.weekday()] in days
    if not on_rule:  # recurring-ical-events does not count such a DTSTART in COUNT (RFC 5545 does): below
        return
    assert app_starts(rows) == file_starts(data)
    if zone == "Asia/Bangkok":  # office time itself: always one series (UTC can move a monthly 29th to the 1st)
        assert len(rows) == 1 and rows[0].values["rrule"]


# --- broken input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"hello world", b"\x00\x01\x02\xff binary", b"BEGIN:VCARD\r\nEND:VCARD\r\n",
                                  b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"])
def test_a_file_that_is_no_calendar_is_one_clear_error(data: bytes) -> None:
    with pytest.raises(DomainError):
        read_ics_bytes(data)


def test_broken_properties_are_warnings_and_the_event_still_comes_in() -> None:
    data = calendar(event(
        "b", "DTSTART;TZID=Asia/Bangkok:20261123T090000", "DTEND:garbage", "X-WHATEVER;VALUE=DATE:2026",
        "RRULE:FREQ=SOMETIMES", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:not-a-duration", "END:VALARM",
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT30M", "END:VALARM"))
    found = read_ics_bytes(data)
    (row,) = found.rows
    assert not row.errors
    assert row.values["starts_at"] == datetime(2026, 11, 23, 9) and row.values["remind_minutes"] == 30
    assert row.values["rrule"] == "" and row.values["ends_at"] is None
    assert row.warnings or found.warnings


def test_an_event_without_a_start_is_an_error_row() -> None:
    rows = read_ics_bytes(calendar(event("n", "LOCATION:Here"), event("ok", "DTSTART:20261123T020000Z"))).rows
    assert [bool(r.errors) for r in rows] == [True, False]
    assert "without a start" in rows[0].errors[0].text()


def test_reminders_of_timed_and_all_day_events() -> None:
    timed, day, after = read_ics_bytes(calendar(
        event("t", "DTSTART:20261123T020000Z", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT1H", "END:VALARM"),
        event("d", "DTSTART;VALUE=DATE:20261123", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15H",
              "END:VALARM"),
        event("a", "DTSTART:20261123T020000Z", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT10M", "END:VALARM"),
    )).rows
    assert timed.values["remind_minutes"] == 60
    assert day.values["remind_minutes"] == 24 * 60  # 15 hours before midnight = a day before 09:00
    assert after.values["remind_minutes"] is None and after.warnings


# --- real files -------------------------------------------------------------------------------------

EXPECTED = {  # activity rows per sample (see ../shared/samples/SOURCES.md)
    "blackberry-bis-allday.ics": 1,
    "exchange-cdo-rrule-byday-spaces.ics": 1,  # BYDAY with spaces, repaired: one weekly series
    "exchange2010-allday-rrule-until.ics": 5,  # two series + three moved occurrences
    "google-allday-exdate-empty.ics": 2,
    "google-apple-structured-location.ics": 264,  # weekdays in Zurich cross summer time: a year of single dates
    "google-vtimezone-valarm.ics": 1,
    "outlook2007-holidays-allday.ics": 159,
    "thunderbird-rrule-count.ics": 1,
}


# recurring-ical-events itself gives up on these (an RRULE with spaces, an empty EXDATE).
BROKEN_FOR_THE_REFERENCE = {"exchange-cdo-rrule-byday-spaces.ics", "google-allday-exdate-empty.ics"}


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_reads_with_the_expected_activities(name: str) -> None:
    found = read_ics(SAMPLES / name)
    assert len(found.rows) == EXPECTED[name]
    assert not any(row.errors for row in found.rows)
    assert all(row.values["subject"] for row in found.rows)
    if name in BROKEN_FOR_THE_REFERENCE:
        return
    assert app_starts(found.rows) == [s for s in file_starts((SAMPLES / name).read_bytes())
                                      if name != "google-apple-structured-location.ics" or s < datetime(2017, 11, 2)]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
def test_the_samples_details() -> None:
    (standup,) = read_ics(SAMPLES / "exchange-cdo-rrule-byday-spaces.ics").rows
    assert standup.values["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20150722T235959"
    assert standup.values["starts_at"] == datetime(2015, 7, 3, 15)  # 10:00 in summer (+02) is 15:00 in Bangkok
    assert "read without them" in standup.warnings[0].text()
    (alarms,) = read_ics(SAMPLES / "google-vtimezone-valarm.ics").rows
    assert alarms.values["remind_minutes"] == 15
    ok, wrong = read_ics(SAMPLES / "google-allday-exdate-empty.ics").rows
    assert ok.values["skipped"] == wrong.values["skipped"] == (datetime(2008, 3, 11),)
    assert ok.values["id"] != wrong.values["id"]  # no UIDs: told apart by their descriptions
    assert "EXDATE" in wrong.warnings[0].text()
    bins = read_ics(SAMPLES / "exchange2010-allday-rrule-until.ics").rows
    assert [r.values["due_on"] for r in bins[2:]] == [date(2020, 4, 17), date(2020, 5, 29), date(2020, 9, 4)]
    assert {r.values.get("series_id") for r in bins[2:]} == {bins[0].values["id"]}
    assert time(0) == bins[0].values["skipped"][0].time()  # type: ignore[index]
    holiday = read_ics(SAMPLES / "outlook2007-holidays-allday.ics").rows[0]
    assert (holiday.values["subject"], holiday.values["due_on"], holiday.values["all_day"]) == (
        "Germany: New Years Day", date(2008, 1, 1), True)
    invite = read_ics(SAMPLES / "blackberry-bis-allday.ics")
    assert [w.text() for w in invite.warnings] == [
        "Not imported: ATTENDEE, CLASS, ORGANIZER, X-MICROSOFT-CDO-ALLDAYEVENT, X-RIM-REVISION."]


def test_an_unreadable_recurrence_id_and_a_change_to_an_event_that_does_not_repeat() -> None:
    found = read_ics_bytes(calendar(
        event("one", "DTSTART:20261123T020000Z"),
        event("one", "DTSTART:20261124T020000Z", "RECURRENCE-ID:20261123T020000Z", summary="Changed"),
        event("two", "DTSTART:20261125T020000Z", "RECURRENCE-ID:tomorrow", summary="Broken"),
    ))
    assert sorted(str(r.values["subject"]) for r in found.rows) == ["Broken", "Changed", "Meeting"]
    assert not any("series_id" in r.values for r in found.rows)
    assert any("RECURRENCE-ID" in w.text() for r in found.rows for w in r.warnings)


def test_utf16_thai_and_to_dos_left_out_with_a_warning() -> None:
    text = calendar(event("th", "DTSTART;VALUE=DATE:20261205", summary="วันพ่อแห่งชาติ")).decode().replace(
        "END:VCALENDAR", "BEGIN:VTODO\r\nUID:t\r\nSUMMARY:งาน\r\nEND:VTODO\r\nEND:VCALENDAR")
    found = read_ics_bytes(text.encode("utf-16"))
    assert [r.values["subject"] for r in found.rows] == ["วันพ่อแห่งชาติ"]
    assert "1 VTODO entries (not events) were left out." in [w.text() for w in found.warnings]
