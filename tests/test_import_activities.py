"""Import of activities from sheets and calendar files: one transaction, the form's checks, no twins."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.clock import FixedClock, office_time
from crm_desktop.exchange.ics import export_ics
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.models import Activity, ActivityException
from crm_desktop.queries.imports import DUPLICATE, ERROR, NEW, UPDATE, preview_rows
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.activities.edit import (
    ActivityInput,
    create_activity,
    delete_activity,
    update_activity,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.imports import ImportResult, import_rows
from crm_desktop.services.users import UserInput, create_user
from tests.server_helpers import command_db, fetch
from tests.sync_helpers import new_copy
from tests.test_ics_read import SAMPLES, calendar, event
from tests.time_helpers import TODAY

KIND = "activities"
THAI_SHEET = (
    "หัวข้อ,ประเภท,วันที่,เวลา,เวลาสิ้นสุด,ลูกค้า,ผู้รับผิดชอบ,สถานที่,ความสำคัญ\n"
    "นำเสนอสินค้า,ประชุม,15/12/2569,14:00,15:30,บริษัท สยามพาณิชย์ จำกัด,somchai@example.com,สำนักงานลูกค้า,สูง\n"
    "โทรติดตาม,โทร,16/12/2569,09:30,,คุณสมหญิง รักงาน,สมชาย ใจดี,,\n"
    "ส่งใบเสนอราคา,งาน,17/12/2569,,,,,,ปกติ\n"
    "ตรวจนับสต็อก,เยี่ยมลูกค้า,31/12/2569,23:30,00:15,,,,\n"
)

pytestmark = pytest.mark.server


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8-sig") if isinstance(text, str) else text)
    return path


def _import(ctx: AppContext, path: Path, **options: object) -> ImportResult:
    rows = read_import_file(path, KIND).rows
    return import_rows(ctx.uow(), KIND, rows, preview_rows(ctx.database, KIND, rows), TODAY, **options)  # type: ignore[arg-type]


def _activities(ctx: AppContext) -> list[Activity]:
    with ctx.uow() as uow:
        rows = list(uow.session.query(Activity).filter(Activity.deleted_at.is_(None)).order_by(Activity.id))
        uow.session.expunge_all()
    return rows


def _exceptions(ctx: AppContext) -> set[tuple[str, datetime]]:
    with ctx.uow() as uow:
        return {(e.activity_id, e.occurrence) for e in uow.session.query(ActivityException)
                .filter(ActivityException.deleted_at.is_(None))}


def _changes(ctx: AppContext) -> int:
    return int(fetch(ctx, "SELECT count(*) FROM change")[0][0])  # type: ignore[call-overload]


@pytest.fixture
def office(ctx: AppContext) -> dict[str, str]:
    """A colleague and two customers the sheet names."""
    somchai = create_user(ctx.uow(), UserInput(name="สมชาย ใจดี", email="somchai@example.com", role="sales")).created[0]
    account = create_account(ctx.uow(), AccountInput(name="บริษัท สยามพาณิชย์ จำกัด"), TODAY).created[0]
    contact = create_contact(ctx.uow(), ContactInput(prefix="นางสาว", first_name="สมหญิง", last_name="รักงาน"),
                             TODAY).created[0]
    return {"somchai": somchai, "account": account, "contact": contact}


def test_a_thai_sheet_becomes_activities_linked_and_owned(ctx: AppContext, office: dict[str, str],
                                                          tmp_path: Path) -> None:
    result = _import(ctx, _write(tmp_path, "กิจกรรม.csv", THAI_SHEET))
    assert (result.created, result.rejected, result.written) == (4, (), True)
    by_subject = {a.subject: a for a in _activities(ctx)}
    pitch = by_subject["นำเสนอสินค้า"]
    assert (pitch.kind, pitch.priority, pitch.location) == ("meeting", "high", "สำนักงานลูกค้า")
    assert office_time(pitch.starts_at) == datetime(2026, 12, 15, 14)  # type: ignore[arg-type]
    assert office_time(pitch.ends_at) == datetime(2026, 12, 15, 15, 30)  # type: ignore[arg-type]
    assert (pitch.account_id, pitch.owner_id, pitch.assignee_id) == (office["account"], office["somchai"],
                                                                     office["somchai"])
    call = by_subject["โทรติดตาม"]
    assert (call.kind, call.contact_id, call.owner_id) == ("call", office["contact"], office["somchai"])
    task = by_subject["ส่งใบเสนอราคา"]
    assert (task.kind, task.due_on, task.starts_at, task.owner_id) == ("task", date(2026, 12, 17), None, ctx.user_id)
    late = by_subject["ตรวจนับสต็อก"]  # 23:30 to 00:15 goes past midnight
    assert office_time(late.ends_at) - office_time(late.starts_at) == timedelta(minutes=45)  # type: ignore[arg-type]
    assert set(result.changes.created) == {a.id for a in by_subject.values()}


def test_the_same_sheet_again_changes_nothing(ctx: AppContext, office: dict[str, str], tmp_path: Path) -> None:
    path = _write(tmp_path, "a.csv", THAI_SHEET)
    _import(ctx, path)
    before = _changes(ctx)
    rows = read_import_file(path, KIND).rows
    assert preview_rows(ctx.database, KIND, rows).counts[UPDATE] == 4
    again = _import(ctx, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert _changes(ctx) == before and len(_activities(ctx)) == 4


def test_an_english_workbook(ctx: AppContext, office: dict[str, str], tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Subject", "Start", "End", "Type", "Owner", "Related to", "Description"])
    sheet.append(["Demo", datetime(2026, 12, 1, 10), datetime(2026, 12, 1, 11), "Visit", "สมชาย ใจดี",
                  "สยามพาณิชย์", "Bring samples"])
    path = tmp_path / "activities.xlsx"
    book.save(path)
    result = _import(ctx, path)
    assert result.created == 1, [r.text() for r in result.rejected]
    (demo,) = _activities(ctx)
    assert (demo.kind, demo.notes, demo.account_id, demo.owner_id) == ("visit", "Bring samples", office["account"],
                                                                       office["somchai"])
    assert office_time(demo.starts_at) == datetime(2026, 12, 1, 10)  # type: ignore[arg-type]


def test_rows_with_errors_are_left_out_with_reasons_and_stop_on_error_writes_nothing(
        ctx: AppContext, office: dict[str, str], tmp_path: Path) -> None:
    text = THAI_SHEET + ("ผิดเวลา,ประชุม,1/12/2569,25:00,,,,,\n"
                         "ไม่รู้จักคน,ประชุม,1/12/2569,10:00,,,นายไม่มี ตัวตน,,\n"
                         "ไม่รู้จักลูกค้า,ประชุม,1/12/2569,10:00,,บริษัทที่ไม่มีอยู่,,,\n"
                         "ประเภทแปลก,สังสรรค์,1/12/2569,10:00,,,,,\n")
    path = _write(tmp_path, "bad.csv", text)
    rows = read_import_file(path, KIND).rows
    assert preview_rows(ctx.database, KIND, rows).counts[ERROR] == 2  # the time and the kind: cells
    before = _changes(ctx)
    stopped = _import(ctx, path, stop_on_error=True)
    assert not stopped.written and _changes(ctx) == before and not _activities(ctx)
    result = _import(ctx, path)
    assert result.created == 4 and len(result.rejected) == 4
    reasons = " ".join(r.text() for r in result.rejected)
    assert "25:00" in reasons and "นายไม่มี ตัวตน" in reasons and "บริษัทที่ไม่มีอยู่" in reasons and "สังสรรค์" in reasons


def test_a_row_repeating_an_earlier_one_is_a_duplicate(ctx: AppContext, tmp_path: Path) -> None:
    text = "Subject,Date,Time\nCall Anan,1/12/2026,10:00\ncall  anan,1/12/2026,10:00\n"
    rows = read_import_file(_write(tmp_path, "twice.csv", text), KIND).rows
    plans = preview_rows(ctx.database, KIND, rows).plans
    assert [p.status for p in plans] == [NEW, DUPLICATE] and plans[1].match_row == 2
    result = _import(ctx, _write(tmp_path, "twice.csv", text))
    assert (result.created, result.skipped) == (1, 1)


# --- calendar files ---------------------------------------------------------------------------------

SERIES = calendar(
    event("weekly@example.com", "DTSTART;TZID=SE Asia Standard Time:20261123T090000",
          "DTEND;TZID=SE Asia Standard Time:20261123T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6",
          "EXDATE;TZID=SE Asia Standard Time:20261207T090000", "LOCATION:ห้องประชุม", "DESCRIPTION:วาระ",
          "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM", summary="ประชุมทีม"),
    event("weekly@example.com", "DTSTART;TZID=Asia/Bangkok:20261201T130000",
          "RECURRENCE-ID;TZID=Asia/Bangkok:20261130T090000", summary="ประชุมทีม (เลื่อน)"),
    event("holiday@example.com", "DTSTART;VALUE=DATE:20261205", "DTEND;VALUE=DATE:20261206", summary="วันพ่อ"),
)


def test_a_calendar_series_with_its_exceptions_and_reminder(ctx: AppContext, tmp_path: Path) -> None:
    result = _import(ctx, _write(tmp_path, "team.ics", SERIES))
    assert (result.created, result.rejected) == (3, ())
    by_subject = {a.subject: a for a in _activities(ctx)}
    series = by_subject["ประชุมทีม"]
    assert (series.rrule, series.remind_minutes, series.location, series.notes) == (
        "FREQ=WEEKLY;BYDAY=MO;COUNT=6", 15, "ห้องประชุม", "วาระ")
    assert office_time(series.starts_at) == datetime(2026, 11, 23, 9)  # type: ignore[arg-type]
    moved = by_subject["ประชุมทีม (เลื่อน)"]
    assert (moved.series_id, office_time(moved.occurrence)) == (series.id, datetime(2026, 11, 30, 9))  # type: ignore[arg-type]
    assert {office_time(o) for _s, o in _exceptions(ctx)} == {datetime(2026, 12, 7, 9), datetime(2026, 11, 30, 9)}
    holiday = by_subject["วันพ่อ"]
    assert (holiday.all_day, holiday.due_on) == (True, date(2026, 12, 5))


def test_the_same_calendar_again_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    path = _write(tmp_path, "team.ics", SERIES)
    _import(ctx, path)
    before = _changes(ctx)
    again = _import(ctx, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert _changes(ctx) == before


def test_an_updated_event_updates_and_a_deleted_one_stays_deleted(ctx: AppContext, tmp_path: Path) -> None:
    _import(ctx, _write(tmp_path, "team.ics", SERIES))
    holiday = next(a for a in _activities(ctx) if a.subject == "วันพ่อ")
    delete_activity(ctx.uow(), holiday.id)
    changed = SERIES.replace("LOCATION:ห้องประชุม".encode(), "LOCATION:ห้อง 2".encode())
    result = _import(ctx, _write(tmp_path, "team2.ics", changed))
    assert (result.created, result.updated, result.unchanged, result.skipped) == (0, 1, 1, 1)
    assert {a.subject for a in _activities(ctx)} == {"ประชุมทีม", "ประชุมทีม (เลื่อน)"}
    assert _import(ctx, _write(tmp_path, "team2.ics", changed), decision="update").updated == 1
    assert "วันพ่อ" in {a.subject for a in _activities(ctx)}


def test_a_broken_calendar_writes_nothing_and_says_why(ctx: AppContext, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str], clock: FixedClock,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = command_db(ctx, monkeypatch)
    before = _changes(ctx)
    ctx.close()
    bad = _write(tmp_path, "broken.ics", b"\x00\x01 not a calendar")
    assert cli.run(cli.parse_args(["--db", db, "import", KIND, str(bad)]), clock) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "iCalendar" in err
    assert _changes(ctx) == before


def test_cli_imports_a_calendar_with_warnings_and_a_dry_run(ctx: AppContext, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str],
                                                            clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    db = command_db(ctx, monkeypatch)
    ctx.close()
    path = _write(tmp_path, "w.ics", calendar(event("w", "DTSTART:20261123T020000Z", "DTEND:garbage")))
    argv = ["--db", db, "--lang", "th", "import", KIND, str(path)]
    assert cli.run(cli.parse_args([*argv, "--dry-run"]), clock) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ทดลอง") and "DTEND" in err
    english = ["--db", db, "import", KIND, str(path)]
    assert cli.run(cli.parse_args(english), clock) == 0
    assert capsys.readouterr().out.startswith("1 new, 0 updated, 0 unchanged")
    assert cli.run(cli.parse_args(english), clock) == 0  # again: nothing new
    assert capsys.readouterr().out.startswith("0 new, 0 updated, 1 unchanged")


def test_an_ics_file_is_only_for_activities(tmp_path: Path) -> None:
    from crm_desktop.errors import DomainError

    with pytest.raises(DomainError, match="activities"):
        read_import_file(_write(tmp_path, "x.ics", SERIES), "contacts")


# --- round trip -------------------------------------------------------------------------------------

_SAME = ("id", "kind", "subject", "notes", "location", "starts_at", "ends_at", "due_on", "all_day", "status",
         "remind_minutes", "rrule", "series_id", "occurrence", "owner_id")


def test_our_export_imports_into_an_empty_database_as_the_same_activities(
        ctx: AppContext, fresh_database: Path, tmp_path: Path, clock: FixedClock) -> None:
    at = datetime(2026, 11, 24, 9)
    plain = create_activity(ctx.uow(), ActivityInput(kind="call", subject="โทรหาลูกค้า", starts_at=at,
                                                     ends_at=at + timedelta(minutes=30), remind_minutes=10,
                                                     details="เรื่อง; ราคา, ส่วนลด\nบรรทัดสอง", location="ออฟฟิศ"))
    create_activity(ctx.uow(), ActivityInput(kind="meeting", subject="สัมมนา", all_day=True, due_on=date(2028, 2, 29),
                                             remind_minutes=24 * 60))
    create_activity(ctx.uow(), ActivityInput(kind="task", subject="ส่งเอกสาร", due_on=date(2026, 12, 1)))
    weekly = create_activity(ctx.uow(), ActivityInput(kind="meeting", subject="ประชุมประจำสัปดาห์",
                                                      starts_at=datetime(2026, 11, 23, 23, 30),
                                                      ends_at=datetime(2026, 11, 24, 0, 30),
                                                      rrule="FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270131T235959"))
    monthly = create_activity(ctx.uow(), ActivityInput(kind="visit", subject="เยี่ยมลูกค้า",
                                                       starts_at=datetime(2026, 11, 24, 10),
                                                       rrule="FREQ=MONTHLY;BYDAY=4TU;COUNT=5"))
    delete_activity(ctx.uow(), weekly.created[0], "this", datetime(2026, 11, 23, 23, 30))  # EXDATE on the first
    update_activity(ctx.uow(), monthly.created[0], ActivityInput(kind="visit", subject="เยี่ยมลูกค้า (เลื่อน)",
                                                                 starts_at=datetime(2026, 12, 23, 15)),
                    "this", datetime(2026, 12, 22, 10))
    assert plain.created
    out = tmp_path / "out.ics"
    export_ics(ctx.database, out)
    empty = new_copy(fresh_database, tmp_path, "empty", clock)
    try:
        result = _import(empty, out)
        assert (result.created, result.rejected) == (6, ())
        mine = [tuple(getattr(a, f) for f in _SAME) for a in _activities(ctx)]
        theirs = [tuple(getattr(a, f) for f in _SAME) for a in _activities(empty)]
        assert theirs == mine
        assert _exceptions(empty) == _exceptions(ctx)
        again = _import(empty, out)
        assert (again.created, again.updated) == (0, 0)
    finally:
        empty.close()
    # Into the database it came from: the same rows, nothing changes.
    before = _changes(ctx)
    home = _import(ctx, out)
    assert (home.created, home.updated, home.unchanged) == (0, 0, 6) and _changes(ctx) == before


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
def test_every_sample_imports_and_again_changes_nothing(ctx: AppContext) -> None:
    from tests.test_ics_read import EXPECTED

    for name, count in EXPECTED.items():
        result = _import(ctx, SAMPLES / name)
        assert (result.created, result.rejected) == (count, ()), name
        before = _changes(ctx)
        assert _import(ctx, SAMPLES / name).unchanged == count and _changes(ctx) == before, name
    assert len(_activities(ctx)) == sum(EXPECTED.values())


def test_cli_imports_a_sheet_with_errors_file(ctx: AppContext, office: dict[str, str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str], clock: FixedClock,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = command_db(ctx, monkeypatch)
    ctx.close()
    path = _write(tmp_path, "a.csv", THAI_SHEET + "ผิดเวลา,ประชุม,1/12/2569,25:00,,,,,\n")
    errors = tmp_path / "errors.csv"
    argv = ["--db", db, "import", KIND, str(path)]
    assert cli.run(cli.parse_args([*argv, "--dry-run"]), clock) == 1
    assert capsys.readouterr().out.startswith("Dry run, nothing written: 4 new")
    assert cli.run(cli.parse_args([*argv, "--errors", str(errors)]), clock) == 1
    out, err = capsys.readouterr()
    assert out.startswith("4 new") and "1 rows with errors" in err
    lines = errors.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("ผิดเวลา") and "25:00" in lines[1]
    assert cli.run(cli.parse_args([*argv, "--stop-on-error"]), clock) == 1
    assert capsys.readouterr().out.startswith("0 new, 0 updated, 4 unchanged")


def test_the_import_writes_the_change_log_so_it_syncs(ctx: AppContext, tmp_path: Path) -> None:
    result = _import(ctx, _write(tmp_path, "team.ics", SERIES))
    logged = {(e, r) for e, r in fetch(ctx, "SELECT entity, row_id FROM change")}
    exceptions = [r[0] for r in fetch(ctx, "SELECT id FROM activity_exception")]
    assert {("activity", i) for i in result.changes.created} <= logged
    assert len(exceptions) == 2 and {("activity_exception", i) for i in exceptions} <= logged


def test_a_dry_run_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    before = _changes(ctx)
    result = _import(ctx, _write(tmp_path, "team.ics", SERIES), dry_run=True)
    assert (result.created, result.written) == (3, False)
    assert _changes(ctx) == before and not _activities(ctx)


def test_our_export_of_an_older_version_never_overwrites_the_app(ctx: AppContext, office: dict[str, str],
                                                                 tmp_path: Path, clock: FixedClock) -> None:
    made = create_activity(ctx.uow(), ActivityInput(kind="visit", subject="เยี่ยม", details="นำตัวอย่างไป",
                                                    starts_at=datetime(2026, 12, 2, 10),
                                                    account_id=office["account"])).created[0]
    out = tmp_path / "out.ics"
    export_ics(ctx.database, out)  # its DESCRIPTION: the company, then the details
    before = _changes(ctx)
    assert _import(ctx, out).unchanged == 1 and _changes(ctx) == before
    clock.advance(timedelta(minutes=5))
    update_activity(ctx.uow(), made, ActivityInput(kind="visit", subject="เยี่ยม (แก้)", details="นำตัวอย่างไป",
                                                   starts_at=datetime(2026, 12, 2, 11), account_id=office["account"]))
    assert _import(ctx, out).unchanged == 1
    (visit,) = _activities(ctx)
    assert (visit.subject, visit.notes, visit.account_id) == ("เยี่ยม (แก้)", "นำตัวอย่างไป", office["account"])


def test_undo_of_an_import_of_activities_takes_them_and_their_exceptions_away(ctx: AppContext, office: dict[str, str],
                                                                              tmp_path: Path) -> None:
    from crm_desktop.services.import_undo import undo_import

    _import(ctx, _write(tmp_path, "a.csv", THAI_SHEET))
    kept = {a.id for a in _activities(ctx)}
    result = _import(ctx, _write(tmp_path, "team.ics", SERIES))
    assert result.log_to > result.log_from
    undo_import(ctx.uow(), result.log_from, result.log_to)
    assert {a.id for a in _activities(ctx)} == kept and not _exceptions(ctx)


def test_cancel_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    from crm_desktop.services.imports import ImportCancelled

    before = _changes(ctx)
    with pytest.raises(ImportCancelled):
        _import(ctx, _write(tmp_path, "team.ics", SERIES), progress=lambda done, total: False)
    assert _changes(ctx) == before and not _activities(ctx)
