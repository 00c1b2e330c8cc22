"""The reminder window through real widgets: it comes up when the timer fires, lists what fell due
while the app was closed, and a snooze hides a reminder until its time."""

from __future__ import annotations

from datetime import timedelta

from crm_desktop.clock import FixedClock, office_time
from crm_desktop.services.activities.edit import ActivityInput, create_activity
from crm_desktop.services.app import AppContext
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views import main_window
from crm_desktop.views.activities.dialog import ActivityDialog
from crm_desktop.views.main_window import MainWindow
from tests.time_helpers import TEST_NOW
from tests.ui_helpers import opened_window


def open_window(qtbot, ctx: AppContext, prefs: Prefs) -> MainWindow:
    window = opened_window(qtbot, ctx, prefs)
    assert window.reminders.next_at is not None  # the start-up scan ran
    return window


def plan_call(ctx: AppContext, subject: str, minutes_from_now: int, before: int = 10) -> None:
    start = office_time(TEST_NOW) + timedelta(minutes=minutes_from_now)
    create_activity(ctx.uow(), ActivityInput(kind="call", subject=subject, starts_at=start,
                                             ends_at=start + timedelta(minutes=30), remind_minutes=before))


def test_the_window_comes_up_when_the_timer_fires_and_a_snooze_hides_it(qtbot, ctx, prefs, clock: FixedClock) -> None:
    plan_call(ctx, "โทรหาคุณมาลี", 30)  # reminds at 10:20 office time
    window = open_window(qtbot, ctx, prefs)
    notifier = window.reminders
    assert notifier.window is None  # nothing due at 10:00
    assert notifier.next_at == TEST_NOW + timedelta(minutes=20)
    assert notifier.timer.isActive()

    clock.set(TEST_NOW + timedelta(minutes=20) - timedelta(seconds=1))
    notifier.check()  # a second early: still nothing
    assert notifier.window is None and notifier.next_at == TEST_NOW + timedelta(minutes=20)

    clock.set(TEST_NOW + timedelta(minutes=20))
    notifier.check()  # what the timer's timeout calls
    reminders = notifier.window
    assert reminders is not None and reminders.isVisible()
    assert reminders.list.topLevelItem(0).text(1) == "โทรหาคุณมาลี"
    assert reminders.list.topLevelItem(0).text(0) == "10:20"

    reminders.open_button.click()  # the activity's form, over the reminders
    form = window.findChild(ActivityDialog)
    assert form is not None and form.isVisible() and form.record_id is not None
    form.reject()

    reminders.snooze_actions["5min"].trigger()
    assert not reminders.isVisible()
    assert notifier.next_at is not None  # five minutes after the click (the test clock ticks a millisecond a reading)
    assert timedelta(0) <= notifier.next_at - (TEST_NOW + timedelta(minutes=25)) < timedelta(seconds=1)

    clock.set(TEST_NOW + timedelta(minutes=24))
    notifier.check()
    assert not reminders.isVisible()
    clock.set(TEST_NOW + timedelta(minutes=26))
    notifier.check()
    assert reminders.isVisible()
    assert reminders.list.topLevelItem(0).text(0).endswith("(snoozed)")

    reminders.dismiss_all_button.click()
    assert not reminders.isVisible()
    clock.set(TEST_NOW + timedelta(hours=2))
    notifier.check()
    assert not reminders.isVisible()


def test_reminders_missed_while_closed_are_listed_at_start(qtbot, ctx, prefs, clock: FixedClock) -> None:
    plan_call(ctx, "Visit Siam Trading", 60)
    plan_call(ctx, "Call the bank", 90)
    first = open_window(qtbot, ctx, prefs)
    assert first.reminders.window is None
    first.close()

    clock.set(TEST_NOW + timedelta(hours=3))  # the app was closed while both fell due
    window = open_window(qtbot, ctx, prefs)
    reminders = window.reminders.window
    assert reminders is not None and reminders.isVisible()
    assert [reminders.list.topLevelItem(i).text(1) for i in range(reminders.list.topLevelItemCount())] == [
        "Visit Siam Trading", "Call the bank"]
    reminders.list.topLevelItem(0).setSelected(True)
    reminders.list.topLevelItem(1).setSelected(False)
    reminders.dismiss_button.click()
    assert [reminders.list.topLevelItem(i).text(1) for i in range(reminders.list.topLevelItemCount())] == [
        "Call the bank"]


def test_open_shows_the_customer_of_a_birthday(qtbot, ctx, prefs, clock: FixedClock) -> None:
    from datetime import date

    from crm_desktop.services.contacts import ContactInput, create_contact

    malee = create_contact(ctx.uow(), ContactInput(first_name="มาลี", last_name="ใจงาม", birthday=date(1990, 11, 27),
                                                   owner_id=ctx.user_id), clock.today()).created[0]
    window = open_window(qtbot, ctx, prefs)
    assert window.reminders.next_at == TEST_NOW + timedelta(hours=23)  # 24 Nov 09:00: three days before
    clock.set(TEST_NOW + timedelta(hours=23))
    window.reminders.check()
    reminders = window.reminders.window
    assert reminders is not None and reminders.isVisible()
    assert reminders.list.topLevelItem(0).text(1) == "Birthday, turns 36"
    reminders.open_button.click()
    assert window.tabs.currentWidget() is window.contacts_tab
    assert window.contacts_tab.table.current_id() == malee


def test_the_start_up_scan_waits_until_the_window_has_painted(qtbot, ctx, prefs) -> None:
    """Reminders, the database check and the warnings of a start come after the first screen: a 0 ms
    timer would run them before Qt paints the window."""
    window = MainWindow(ctx, prefs)
    qtbot.addWidget(window)
    qtbot.wait(50)  # timers have fired; the window, never shown, has not painted
    assert window.reminders.next_at is None
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.reminders.next_at is not None)


def test_a_window_that_never_paints_still_scans_after_a_short_wait(qtbot, ctx, prefs, monkeypatch) -> None:
    """Started minimized, the window paints late: its start-up work does not wait for that."""
    monkeypatch.setattr(main_window, "FIRST_PAINT_WAIT_MS", 30)
    window = MainWindow(ctx, prefs)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.reminders.next_at is not None, timeout=2000)
    assert not window.isVisible()
