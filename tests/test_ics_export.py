"""`crm-desktop export ics` and `crm-desktop agenda` on a small office (issue 12, points 10 and 11).

The exported file, read back by `icalendar` and expanded by `recurring-ical-events` as a calendar app
does, shows the same occurrences as the app (`occurrences`) for the range exported.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from crm_desktop.db.bulk import Cancelled
from crm_desktop.exchange.ics import export_ics
from crm_desktop.main import main
from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.queries.lookups import user_named
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.activities.edit import ActivityInput, cancel_activity, create_activity
from crm_desktop.services.anniversaries import CustomDateInput, add_custom_date
from crm_desktop.services.app import OWNER_ID, AppContext, database_path, open_app
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.users import UserInput, create_user
from tests.server_helpers import engines, module_database
from tests.time_helpers import TODAY, make_clock

pytestmark = pytest.mark.server

SHOP = "ร้านกาแฟดอยช้าง"


def _add(ctx: AppContext, data: ActivityInput) -> str:
    return create_activity(ctx.uow(), data).created[0]


@pytest.fixture(scope="module", params=engines())
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A closed database: the owner and Nok; Nok's shop (founded 1995) and customer (born 29 Feb 1988)
    with a custom date; Nok's weekly meeting (one occurrence cancelled), task and visit; the owner's call.
    On each engine."""
    with module_database(request, tmp_path_factory.mktemp("office"), make_clock()) as (ctx, db):
        nok = create_user(ctx.uow(), UserInput(name="Nok Sukjai")).created[0]
        shop = create_account(ctx.uow(), AccountInput(name=SHOP, owner_id=nok, founded_on=date(1995, 12, 1)),
                              TODAY).created[0]
        somchai = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", owner_id=nok,
                                                         birthday=date(1988, 2, 29)), TODAY).created[0]
        add_custom_date(ctx.uow(), CustomDateInput("ครบรอบเปิดร้าน", 11, 26, 2020, account_id=shop, remind_days=2),
                        TODAY)
        weekly = _add(ctx, ActivityInput(kind="meeting", subject="ประชุมทีมขาย", location="สาขาบางนา",
                                         starts_at=datetime(2026, 11, 2, 9, 0), ends_at=datetime(2026, 11, 2, 10, 0),
                                         rrule="FREQ=WEEKLY;BYDAY=MO,TH", owner_id=nok, account_id=shop,
                                         remind_minutes=15))
        cancel_activity(ctx.uow(), weekly, datetime(2026, 11, 26, 9, 0))
        _add(ctx, ActivityInput(kind="task", subject="ส่งใบเสนอราคา", due_on=date(2026, 11, 24), all_day=True,
                                owner_id=nok, contact_id=somchai, remind_minutes=0))
        _add(ctx, ActivityInput(kind="visit", subject="เยี่ยมร้าน", starts_at=datetime(2027, 1, 5, 14, 0),
                                owner_id=nok, account_id=shop))
        _add(ctx, ActivityInput(kind="call", subject="โทรหาซัพพลายเออร์", starts_at=datetime(2026, 11, 25, 16, 30),
                                owner_id=OWNER_ID))
        ctx.close()  # (a file's lock: the commands open it)
        yield db


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str, lang: str = "en") -> tuple[int, str, str]:
    code = main(["--lang", lang, "--db", db, *argv], make_clock())
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("crm-desktop: ") and "Traceback" not in err


def shown(path: Path, start: date, end: date) -> list[tuple[datetime, str]]:
    """What a calendar app shows on days start <= d < end: (office-local start, summary)."""
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    found = []
    for event in recurring_ical_events.of(cal).between(start, end):
        value = event["DTSTART"].dt
        at = value.replace(tzinfo=None) if isinstance(value, datetime) else datetime.combine(value, time())
        found.append((at, str(event["SUMMARY"])))
    return sorted(found)


def in_app(db: str, start: date, end: date, person: str | None = None) -> list[tuple[datetime, str]]:
    ctx = open_app(database_path(db), clock=make_clock(), read_only=True)
    try:
        assignees = [user_named(ctx.database, person).id] if person else None
        found = occurrences(ctx.database, start, end, assignees=assignees)
    finally:
        ctx.close()
    return sorted((o.starts_at or datetime.combine(o.day, time()),
                   ("✓ " if o.status == "done" else "") + o.subject) for o in found)


def test_the_file_shows_what_the_app_shows_for_the_range(office: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nov.ics"
    code, text, err = run(capsys, office, "export", "ics", "--out", str(out), "--from", "2026-11-23",
                          "--to", "2026-11-30")
    assert (code, err) == (0, "")
    assert text == f"Wrote 4 events to {out}\n"  # the series, its cancelled occurrence, the task, the call
    ours = in_app(office, date(2026, 11, 23), date(2026, 12, 1))
    assert shown(out, date(2026, 11, 23), date(2026, 12, 1)) == ours
    assert (datetime(2026, 11, 26, 9, 0), "ประชุมทีมขาย") in ours  # the cancelled one, as its own row
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Bangkok"]
    cancelled = [e for e in cal.walk("VEVENT") if str(e["STATUS"]) == "CANCELLED"]
    assert len(cancelled) == 1 and cancelled[0]["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 11, 26, 9)
    series = next(e for e in cal.walk("VEVENT") if "RRULE" in e)
    assert [d.dt.replace(tzinfo=None) for d in series["EXDATE"].dts] == [datetime(2026, 11, 26, 9)]
    assert series.walk("VALARM")[0]["TRIGGER"].dt == -timedelta(minutes=15)
    task = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == "ส่งใบเสนอราคา")
    assert task["DTSTART"].dt == date(2026, 11, 24)
    assert task.walk("VALARM")[0]["TRIGGER"].dt == timedelta(hours=9)  # at 09:00 of its day, as the app reminds


def test_the_range_and_the_owner_filter(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def subjects(path: Path) -> set[str]:
        return {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}

    nok = tmp_path / "nok.ics"
    assert run(capsys, office, "export", "ics", "--out", str(nok), "--owner", " nok  SUKJAI")[0] == 0
    assert subjects(nok) == {"ประชุมทีมขาย", "ส่งใบเสนอราคา", "เยี่ยมร้าน"}  # not the owner's call
    assert shown(nok, date(2026, 11, 1), date(2027, 2, 1)) == in_app(office, date(2026, 11, 1), date(2027, 2, 1),
                                                                    "Nok Sukjai")
    later = tmp_path / "2027.ics"
    assert run(capsys, office, "export", "ics", "--out", str(later), "--from", "2027-01-01")[0] == 0
    assert subjects(later) == {"ประชุมทีมขาย", "เยี่ยมร้าน"}  # a series from before the range reaches into it
    everything = tmp_path / "all.ics"
    assert run(capsys, office, "export", "ics", "--out", str(everything))[0] == 0
    assert len(icalendar.Calendar.from_ical(everything.read_bytes()).walk("VEVENT")) == 5
    one_day = tmp_path / "one-day.ics"
    assert run(capsys, office, "export", "ics", "--out", str(one_day), "--from", "2026-11-25", "--to",
               "2026-11-25")[0] == 0
    assert subjects(one_day) == {"โทรหาซัพพลายเออร์"}  # --to is included; the weekly meeting is not on that day


def test_anniversaries_yearly_for_the_owners_customers(office: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dates.ics"
    assert run(capsys, office, "export", "ics", "--out", str(out), "--owner", "Nok Sukjai", "--anniversaries",
               "--from", "2026-11-01", "--to", "2026-11-30")[0] == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    yearly = [e for e in cal.walk("VEVENT") if "RRULE" in e and e["RRULE"]["FREQ"] == ["YEARLY"]]
    assert sorted(str(e["SUMMARY"]) for e in yearly) == [f"ครบรอบเปิดร้าน: {SHOP}"]  # the others are not in November
    out_all = tmp_path / "all-dates.ics"
    assert run(capsys, office, "export", "ics", "--out", str(out_all), "--anniversaries")[0] == 0
    days = [d for d, s in shown(out_all, date(2027, 1, 1), date(2029, 1, 1)) if "สมชาย" in s]
    assert [d.date() for d in days] == [date(2027, 2, 28), date(2028, 2, 29)]
    out_owner = tmp_path / "owner.ics"
    assert run(capsys, office, "export", "ics", "--out", str(out_owner), "--anniversaries", "--owner", "Owner")[0] == 0
    assert all("RRULE" not in e for e in icalendar.Calendar.from_ical(out_owner.read_bytes()).walk("VEVENT"))


def test_exporting_again_keeps_the_uids(office: str, tmp_path: Path) -> None:
    ctx = open_app(database_path(office), clock=make_clock(), read_only=True)
    try:
        first = export_ics(ctx.database, tmp_path / "a.ics", anniversaries=True)
        ctx.database.time.advance(timedelta(days=2))  # type: ignore[attr-defined]
        again = export_ics(ctx.database, tmp_path / "b.ics", anniversaries=True)
    finally:
        ctx.close()

    def uids(path: Path) -> list[str]:
        return sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))

    assert uids(first.path) == uids(again.path) and len(set(uids(first.path))) == first.events == 8
    assert (tmp_path / "a.ics").read_bytes() != (tmp_path / "b.ics").read_bytes()  # DTSTAMP moved on


def test_cancel_writes_nothing(office: str, tmp_path: Path) -> None:
    ctx = open_app(database_path(office), clock=make_clock(), read_only=True)
    try:
        with pytest.raises(Cancelled):
            export_ics(ctx.database, tmp_path / "c.ics", progress=lambda done, total: done < 2)
    finally:
        ctx.close()
    assert list(tmp_path.iterdir()) == []


def test_refusals_are_one_line(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cal.ics"
    out.write_text("mine")
    code, _, err = run(capsys, office, "export", "ics", "--out", str(out))
    assert code == 1 and one_line(err) and "already exists" in err and out.read_text() == "mine"
    assert run(capsys, office, "export", "ics", "--out", str(out), "--force")[0] == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    for argv, words in [
        (("--from", "2026-02-30"), "not a real date"),
        (("--to", "next week"), "Enter a date"),
        (("--from", "2026-12-01", "--to", "2026-11-30"), "before the first day"),
        (("--owner", "Somsri"), "Nobody is named Somsri"),
    ]:
        code, _, err = run(capsys, office, "export", "ics", "--out", str(tmp_path / "x.ics"), *argv)
        assert code == 1 and one_line(err) and words in err, argv
    assert not (tmp_path / "x.ics").exists()
    code, _, err = run(capsys, office, "export", "ics", "--out", str(tmp_path / "x.ics"), "--owner", "Somsri",
                       lang="th")
    assert code == 1 and one_line(err) and "ไม่พบผู้ใช้ชื่อ Somsri" in err


def test_agenda_lists_the_coming_week(office: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, office, "agenda")
    assert (code, err) == (0, "")
    assert out.splitlines() == [  # TODAY is Monday 23 November 2026; Thursday's meeting was cancelled
        f"2026-11-23\t09:00\tMeeting\tประชุมทีมขาย\t{SHOP}",
        "2026-11-24\tall day\tTask\tส่งใบเสนอราคา\tสมชาย ใจดี",
        "2026-11-25\t16:30\tCall\tโทรหาซัพพลายเออร์\t",
        f"2026-11-26\tall day\tAnniversary\tครบรอบเปิดร้าน (6)\t{SHOP}",
    ]
    code, out, _ = run(capsys, office, "agenda", "--days", "9", "--owner", "Nok Sukjai", lang="th")
    assert code == 0 and out.splitlines()[-2:] == [
        f"2026-11-30\t09:00\tประชุม\tประชุมทีมขาย\t{SHOP}",
        f"2026-12-01\tทั้งวัน\tวันก่อตั้งบริษัท\tวันก่อตั้งบริษัท (31)\t{SHOP}",
    ]
    assert "โทรหาซัพพลายเออร์" not in out  # the owner's call


def test_agenda_refusals(office: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv, status, words in [
        (("--days", "0"), 1, "from 1 to 366, not 0"),
        (("--days", "367"), 1, "not 367"),
        (("--days", "week"), 2, "invalid int value"),
        (("--owner", "Somsri"), 1, "Nobody is named Somsri"),
    ]:
        code, out, err = run(capsys, office, "agenda", *argv)
        assert (code, out) == (status, "") and one_line(err) and words in err, argv
