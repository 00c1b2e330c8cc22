"""Reminders: due to the minute, missed while the app was closed, snoozed and dismissed across a
restart and across copies, and never twice for an occurrence that left its series."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock, office_time
from crm_desktop.errors import DomainError
from crm_desktop.queries.activities.reminders import DueReminder, next_day_start, scan_reminders
from crm_desktop.services.activities.edit import ActivityInput, create_activity, move_activity, update_activity
from crm_desktop.services.activities.reminders import (
    dismiss_reminders,
    mark_seen,
    missed_since,
    snooze_reminders,
    snooze_until,
)
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.time_helpers import TEST_NOW

pytestmark = pytest.mark.server

MINUTE = timedelta(minutes=1)
OFFICE_NOW = office_time(TEST_NOW)  # 2026-11-23 10:00 in the office
NEXT_NINE = TEST_NOW + timedelta(hours=23)  # 09:00 tomorrow in the office, when anniversaries fall due


def plan(ctx: AppContext, subject: str, *, at: datetime | None = None, due: date | None = None,
         before: int | None = 15, rrule: str = "", assignee: str | None = None) -> str:
    """An activity at office time `at` (or due on `due`) with a reminder `before` minutes ahead."""
    data = ActivityInput(kind="call" if at else "task", subject=subject, starts_at=at, due_on=due,
                         ends_at=at + timedelta(minutes=30) if at else None, remind_minutes=before, rrule=rrule,
                         assignee_id=assignee)
    return create_activity(ctx.uow(), data).created[0]


def due(ctx: AppContext, since: datetime, until: datetime) -> list[DueReminder]:
    return scan_reminders(ctx.database, ctx.user_id, since, until).due


def subjects(items: list[DueReminder]) -> list[str]:
    return [d.subject for d in items]


def test_a_reminder_falls_due_to_the_minute_and_the_next_one_is_the_timer(ctx: AppContext) -> None:
    plan(ctx, "โทรหาคุณสมชาย", at=OFFICE_NOW + timedelta(minutes=15))  # reminds exactly now
    plan(ctx, "Call Khun Anna", at=OFFICE_NOW + timedelta(minutes=16))  # reminds a minute later
    plan(ctx, "No reminder", at=OFFICE_NOW + timedelta(minutes=5), before=None)
    scan = scan_reminders(ctx.database, ctx.user_id, TEST_NOW - timedelta(hours=1), TEST_NOW)
    assert subjects(scan.due) == ["โทรหาคุณสมชาย"]
    assert scan.due[0].due_at == TEST_NOW
    assert scan.next_at == TEST_NOW + MINUTE
    later = scan_reminders(ctx.database, ctx.user_id, TEST_NOW, TEST_NOW + MINUTE)
    assert subjects(later.due) == ["Call Khun Anna"]
    assert later.next_at == NEXT_NINE  # nothing else: look again at 09:00 tomorrow (anniversaries)


def test_days_before_and_tasks_remind_before_nine_on_their_day(ctx: AppContext) -> None:
    plan(ctx, "Renew the contract", due=date(2026, 11, 25), before=2 * 24 * 60)  # 23 Nov 09:00 office
    plan(ctx, "Quarterly visit", at=datetime(2026, 12, 23, 10, 0), before=30 * 24 * 60)  # today 10:00
    plan(ctx, "Too early", due=date(2026, 11, 26), before=2 * 24 * 60)
    found = due(ctx, TEST_NOW - timedelta(hours=2), TEST_NOW)
    assert subjects(found) == ["Renew the contract", "Quarterly visit"]
    assert office_time(found[0].due_at) == datetime(2026, 11, 23, 9, 0)


def test_only_the_assignees_planned_reminders(ctx: AppContext) -> None:
    from crm_desktop.services.activities.edit import complete_activity, delete_activity

    done = plan(ctx, "Done already", at=OFFICE_NOW + timedelta(minutes=10))
    gone = plan(ctx, "Deleted", at=OFFICE_NOW + timedelta(minutes=10))
    plan(ctx, "Still planned", at=OFFICE_NOW + timedelta(minutes=10))
    complete_activity(ctx.uow(), done, "ok")
    delete_activity(ctx.uow(), gone)
    assert subjects(due(ctx, TEST_NOW - timedelta(hours=1), TEST_NOW)) == ["Still planned"]
    assert due(ctx.__class__(ctx.database, "someone-else"), TEST_NOW - timedelta(hours=1), TEST_NOW) == []


def test_missed_snoozed_and_dismissed_survive_a_restart(db_path: Path, clock: FixedClock) -> None:
    ctx = open_app(db_path, clock=clock)
    plan(ctx, "Meeting at the bank", at=OFFICE_NOW + timedelta(hours=3), before=60)  # due 12:00 office
    plan(ctx, "Send the quotation", at=OFFICE_NOW + timedelta(hours=4), before=60)  # due 13:00 office
    plan(ctx, "Visit the shop", at=OFFICE_NOW + timedelta(hours=5), before=60)  # due 14:00 office
    assert missed_since(ctx.database, ctx.user_id, TEST_NOW) == TEST_NOW  # a first start misses nothing
    mark_seen(ctx.database, ctx.user_id, TEST_NOW)
    ctx.close()

    clock.set(TEST_NOW + timedelta(hours=6))  # the app was closed from 10:00 to 16:00
    ctx = open_app(db_path, clock=clock)
    now = clock.now()
    since = missed_since(ctx.database, ctx.user_id, now)
    assert since == TEST_NOW
    missed = due(ctx, since, now)
    assert subjects(missed) == ["Meeting at the bank", "Send the quotation", "Visit the shop"]
    dismiss_reminders(ctx.uow(), ctx.user_id, [missed[0].key])
    snooze_reminders(ctx.uow(), ctx.user_id, [missed[1].key], snooze_until("1h", now))
    assert subjects(due(ctx, since, now)) == ["Visit the shop"]
    assert scan_reminders(ctx.database, ctx.user_id, since, now).next_at == now + timedelta(hours=1)
    mark_seen(ctx.database, ctx.user_id, now)
    ctx.close()

    clock.set(TEST_NOW + timedelta(hours=8))
    ctx = open_app(db_path, clock=clock)
    now = clock.now()
    again = due(ctx, missed_since(ctx.database, ctx.user_id, now), now)
    assert subjects(again) == ["Send the quotation"]  # back at its snooze time; the dismissed one never
    assert again[0].snoozed
    ctx.close()


def test_missed_reaches_back_thirty_days_at_most(ctx: AppContext) -> None:
    mark_seen(ctx.database, ctx.user_id, TEST_NOW - timedelta(days=90))
    assert missed_since(ctx.database, ctx.user_id, TEST_NOW) == TEST_NOW - timedelta(days=30)


def test_a_read_only_copy_keeps_no_note_of_what_it_showed(db_path: Path, clock: FixedClock) -> None:
    """The main window on a file opened read only (the pop-up's benchmark) must not fail at its first
    reminder check; the writable copy's note stays as it was."""
    from crm_desktop.db.database import open_database

    ctx = open_app(db_path, clock=clock)
    mark_seen(ctx.database, ctx.user_id, TEST_NOW)
    user = ctx.user_id
    ctx.close()
    viewer = open_database(db_path, clock=clock, read_only=True)
    try:
        mark_seen(viewer, user, TEST_NOW + timedelta(hours=2))
        assert missed_since(viewer, user, TEST_NOW + timedelta(hours=3)) == TEST_NOW
    finally:
        viewer.close()


def test_snooze_choices() -> None:
    assert snooze_until("5min", TEST_NOW) == TEST_NOW + timedelta(minutes=5)
    assert snooze_until("1h", TEST_NOW) == TEST_NOW + timedelta(hours=1)
    late = datetime(2026, 11, 23, 18, 30)  # 01:30 on 24 Nov in the office: tomorrow is the 25th
    assert office_time(snooze_until("tomorrow", late)) == datetime(2026, 11, 25, 9, 0)
    assert office_time(snooze_until("tomorrow", TEST_NOW)) == datetime(2026, 11, 24, 9, 0)


def test_a_snooze_into_the_past_saves_nothing(ctx: AppContext) -> None:
    plan(ctx, "Call back", at=OFFICE_NOW + timedelta(minutes=15))
    [item] = due(ctx, TEST_NOW - MINUTE, TEST_NOW)
    with pytest.raises(DomainError, match="later time"):
        snooze_reminders(ctx.uow(), ctx.user_id, [item.key], TEST_NOW - MINUTE)
    assert due(ctx, TEST_NOW - MINUTE, TEST_NOW) == [item]


def test_a_series_reminds_for_each_occurrence_and_a_moved_one_once(ctx: AppContext) -> None:
    # Every day at 10:15, reminding at 10:00: the first is today.
    series = plan(ctx, "Daily stand-up", at=OFFICE_NOW + timedelta(minutes=15), rrule="FREQ=DAILY;COUNT=10")
    [today] = due(ctx, TEST_NOW - MINUTE, TEST_NOW)
    assert (today.activity_id, today.occurrence) == (series, OFFICE_NOW + timedelta(minutes=15))
    tomorrow = TEST_NOW + timedelta(days=1)
    assert [d.occurrence for d in due(ctx, tomorrow - MINUTE, tomorrow)] == [OFFICE_NOW + timedelta(days=1, minutes=15)]
    dismiss_reminders(ctx.uow(), ctx.user_id, [today.key])

    # Today's occurrence is edited on its own (it leaves the series) without moving: no second reminder.
    data = ActivityInput(kind="call", subject="Stand-up with the new rep", starts_at=OFFICE_NOW + timedelta(minutes=15),
                         ends_at=OFFICE_NOW + timedelta(minutes=45), remind_minutes=15)
    update_activity(ctx.uow(), series, data, scope="this", occurrence=OFFICE_NOW + timedelta(minutes=15))
    assert due(ctx, TEST_NOW - timedelta(hours=1), TEST_NOW) == []

    # Tomorrow's is moved an hour later: it reminds once, at its new time, and never at the old one.
    moved = OFFICE_NOW + timedelta(days=1, hours=1, minutes=15)
    move_activity(ctx.uow(), series, moved, moved + timedelta(minutes=30),
                  occurrence=OFFICE_NOW + timedelta(days=1, minutes=15))
    day = due(ctx, tomorrow - timedelta(hours=1), tomorrow + timedelta(hours=3))
    assert [(d.subject, d.due_at) for d in day] == [("Daily stand-up", tomorrow + timedelta(hours=1))]
    assert day[0].activity_id != series and day[0].occurrence is None  # the form opens the detached row
    snooze_reminders(ctx.uow(), ctx.user_id, [day[0].key], tomorrow + timedelta(hours=2))
    # The timer goes from the moved reminder to its snooze, then to the day after: no loop.
    scan = scan_reminders(ctx.database, ctx.user_id, tomorrow, tomorrow + timedelta(hours=1))
    assert scan.due == [] and scan.next_at == tomorrow + timedelta(hours=2)
    scan = scan_reminders(ctx.database, ctx.user_id, tomorrow + timedelta(hours=1), tomorrow + timedelta(hours=2))
    assert subjects(scan.due) == ["Daily stand-up"] and scan.due[0].snoozed
    dismiss_reminders(ctx.uow(), ctx.user_id, [scan.due[0].key])
    scan = scan_reminders(ctx.database, ctx.user_id, tomorrow - timedelta(hours=1), tomorrow + timedelta(hours=2))
    assert scan.due == [] and scan.next_at == NEXT_NINE + timedelta(days=1)  # 09:00, before the next at 10:00


def test_an_old_snooze_of_a_moved_activity_never_fires(ctx: AppContext) -> None:
    call = plan(ctx, "Call the supplier", at=OFFICE_NOW + timedelta(minutes=15))
    [item] = due(ctx, TEST_NOW - MINUTE, TEST_NOW)
    snooze_reminders(ctx.uow(), ctx.user_id, [item.key], TEST_NOW + timedelta(minutes=5))
    move_activity(ctx.uow(), call, OFFICE_NOW + timedelta(days=2), OFFICE_NOW + timedelta(days=2, minutes=30))
    scan = scan_reminders(ctx.database, ctx.user_id, TEST_NOW, TEST_NOW + timedelta(hours=1))
    assert scan.due == [] and scan.next_at == NEXT_NINE


def test_a_dismissal_on_one_copy_dismisses_on_the_other_after_sync(copies: list[AppContext], tmp_path: Path) -> None:
    office, rep, _ = copies
    plan(office, "ประชุมกับลูกค้า", at=OFFICE_NOW + timedelta(minutes=15))
    export_bundle(office.database, tmp_path / "to-rep.zip", user_id=office.user_id)
    import_bundle(rep.database, rep.user_id, tmp_path / "to-rep.zip")
    [on_rep] = due(rep, TEST_NOW - MINUTE, TEST_NOW)
    [on_office] = due(office, TEST_NOW - MINUTE, TEST_NOW)
    dismiss_reminders(rep.uow(), rep.user_id, [on_rep.key])
    snooze_reminders(office.uow(), office.user_id, [on_office.key], TEST_NOW + timedelta(minutes=5))
    export_bundle(rep.database, tmp_path / "to-office.zip", user_id=rep.user_id)
    import_bundle(office.database, office.user_id, tmp_path / "to-office.zip")
    later = TEST_NOW + timedelta(hours=1)
    assert due(office, TEST_NOW - MINUTE, later) == []  # the dismissal wins over the snooze made meanwhile
    with sqlite3.connect(office.database.path) as conn:  # both copies wrote the same row
        assert conn.execute("SELECT count(*), count(dismissed_at) FROM reminder").fetchone() == (1, 1)


def test_a_customers_birthday_reminds_its_owner_days_before_at_nine(ctx: AppContext) -> None:
    from crm_desktop.services.contacts import ContactInput, create_contact

    create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", birthday=date(1986, 11, 26),
                                           owner_id=ctx.user_id), TEST_NOW.date())
    create_contact(ctx.uow(), ContactInput(first_name="มาลี", birthday=date(1990, 11, 27), owner_id=ctx.user_id),
                   TEST_NOW.date())
    # Birthdays remind 3 days before (the default), at 09:00 office time: 26 Nov on the 23rd.
    scan = scan_reminders(ctx.database, ctx.user_id, TEST_NOW - timedelta(hours=2), TEST_NOW)
    [birthday] = scan.due
    assert (birthday.kind, birthday.customer, office_time(birthday.due_at)) == (
        "birthday", "สมชาย ใจดี", datetime(2026, 11, 23, 9, 0))
    assert birthday.anniversary is not None and birthday.anniversary.years == 40
    assert scan.next_at == TEST_NOW + timedelta(hours=23)  # มาลี's, tomorrow at 09:00
    snooze_reminders(ctx.uow(), ctx.user_id, [birthday.key], TEST_NOW + timedelta(hours=1))
    assert due(ctx, TEST_NOW - timedelta(hours=2), TEST_NOW) == []
    [back] = due(ctx, TEST_NOW - timedelta(hours=2), TEST_NOW + timedelta(hours=1))
    assert back.snoozed and back.customer == "สมชาย ใจดี"
    dismiss_reminders(ctx.uow(), ctx.user_id, [back.key])
    assert due(ctx, TEST_NOW - timedelta(hours=2), TEST_NOW + timedelta(hours=2)) == []
    assert due(ctx.__class__(ctx.database, "someone-else"), TEST_NOW - timedelta(hours=2), TEST_NOW) == []


def test_the_timer_wakes_at_nine_at_the_latest() -> None:
    assert next_day_start(TEST_NOW) == NEXT_NINE
    assert next_day_start(NEXT_NINE - MINUTE) == NEXT_NINE
    assert next_day_start(NEXT_NINE) == NEXT_NINE + timedelta(days=1)
