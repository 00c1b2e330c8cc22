"""The activity form through real widgets: timed, all-day and repeating activities, the clash warning,
the "this one / following / all" question, New activity from the detail panes, and bad input that
keeps the form open with what was typed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.models import User
from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.recurrence import Recurrence
from crm_desktop.services.accounts import AccountInput, create_account, delete_accounts
from crm_desktop.services.activities.edit import ActivityInput, activity_input, create_activity
from crm_desktop.services.app import AppContext
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.activities.dialog import ActivityDialog
from crm_desktop.views.activities.recurrence_editor import RecurrenceEditor
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.record_tab import RecordTab
from tests.time_helpers import TODAY
from tests.ui_helpers import shown_tab

TUESDAY = TODAY + timedelta(days=1)  # TODAY is Monday 23/11/2026 (2569)


@pytest.fixture
def env(ctx: AppContext, prefs: Prefs) -> ViewEnv:
    return ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())


def add_person(ctx: AppContext, name: str) -> str:
    with ctx.uow() as uow:
        person = uow.users.add(User(name=name, role="sales"))
        uow.commit()
    return person.id


def add_account(ctx: AppContext, name: str) -> str:
    return create_account(ctx.uow(), AccountInput(name=name), ctx.today()).created[0]


def opened(qtbot, env: ViewEnv, **kwargs: object) -> ActivityDialog:
    dialog = ActivityDialog(env, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def set_text(widget, text: str) -> None:
    widget.setText(text)
    widget.editingFinished.emit()


def stored(ctx: AppContext, days: int = 60) -> list:
    return occurrences(ctx.database, TODAY - timedelta(days=1), TODAY + timedelta(days=days))


def message_box(qtbot, parent: QWidget, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in parent.findChildren(QMessageBox, name)))
    return next(b for b in parent.findChildren(QMessageBox, name) if b.isVisible())


def click_box_button(qtbot, parent: QWidget, box_name: str, button_name: str) -> None:
    box = message_box(qtbot, parent, box_name)
    button = next(b for b in box.buttons() if b.objectName() == button_name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- creating -----------------------------------------------------------------------------------


def test_a_timed_call_is_saved_in_office_time_and_the_end_follows_the_start(qtbot, type_text, env, ctx) -> None:
    dialog = opened(qtbot, env)
    dialog.kind.setCurrentIndex(dialog.kind.findData("call"))
    assert dialog.start_time.isVisible() and dialog.end_date.isVisible()
    type_text(dialog.subject, "โทรติดตามใบเสนอราคา")
    set_text(dialog.start_date, "24/11/2569")
    dialog.start_time.setTime(dialog.start_time.time().fromString("14:00", "HH:mm"))
    assert (dialog.end_date.date(), dialog.end_time.time().toString("HH:mm")) == (TUESDAY, "15:00")
    dialog.remind_unit.setCurrentIndex(dialog.remind_unit.findData(60))
    dialog.remind_amount.setValue(2)
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    assert dialog.result() == dialog.DialogCode.Accepted
    (row,) = stored(ctx)
    assert (row.subject, row.kind, row.starts_at, row.ends_at) == (
        "โทรติดตามใบเสนอราคา", "call", datetime(2026, 11, 24, 14, 0), datetime(2026, 11, 24, 15, 0))
    assert row.remind_minutes == 120 and row.assignee_id == ctx.user_id


def test_an_all_day_visit_hides_the_times_and_stores_a_date(qtbot, type_text, env, ctx) -> None:
    dialog = opened(qtbot, env)
    dialog.kind.setCurrentIndex(dialog.kind.findData("visit"))
    dialog.all_day.click()
    assert not dialog.start_time.isVisible() and not dialog.end_row.isVisible()
    assert dialog.start_label.text() == "Date"
    type_text(dialog.subject, "เยี่ยมโรงงานลำพูน")
    set_text(dialog.start_date, "25/11/2569")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (row,) = stored(ctx)
    assert (row.all_day, row.starts_at, row.due_on) == (True, None, date(2026, 11, 25))


def test_a_weekly_series_made_in_the_editor_is_stored_as_its_rule(qtbot, type_text, env, ctx) -> None:
    dialog = opened(qtbot, env)
    type_text(dialog.subject, "ประชุมทีมขาย")
    set_text(dialog.start_date, "23/11/2569")
    editor = dialog.recurrence
    editor.freq.setCurrentIndex(editor.freq.findData("weekly"))
    assert editor.day_buttons[0].isChecked()  # the start's own weekday, Monday
    qtbot.mouseClick(editor.day_buttons[3], Qt.MouseButton.LeftButton)  # and Thursday
    editor.interval.setValue(2)
    qtbot.mouseClick(editor.ends_after, Qt.MouseButton.LeftButton)
    editor.count.setValue(4)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    series = stored(ctx, days=40)
    assert [o.day for o in series] == [date(2026, 11, 23), date(2026, 11, 26), date(2026, 12, 7), date(2026, 12, 10)]
    data = activity_input(ctx.uow(), series[0].activity_id)
    assert Recurrence.parse(data.rrule) == Recurrence("weekly", 2, (0, 3), count=4)


def test_the_monthly_choice_names_the_weekday_of_the_start(qtbot, env) -> None:
    editor = RecurrenceEditor(buddhist=True, lang="en")
    qtbot.addWidget(editor)
    editor.set_start(date(2026, 11, 24))
    assert editor.by_weekday.text() == "On the 4th Tuesday" and editor.by_date.text() == "On day 24"
    editor.set_start(date(2026, 12, 29))
    assert editor.by_weekday.text() == "On the last Tuesday"
    editor.freq.setCurrentIndex(editor.freq.findData("monthly"))
    editor.by_weekday.setChecked(True)
    assert editor.rule() == Recurrence("monthly", by_weekday=True).text(date(2026, 12, 29))


rules = st.builds(
    Recurrence,
    freq=st.sampled_from(("daily", "weekly", "monthly", "yearly")),
    interval=st.integers(1, 99),
    weekdays=st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(lambda d: tuple(sorted(d))),
    by_weekday=st.booleans(),
    until=st.none() | st.dates(date(2026, 11, 23), date(2030, 12, 31)),
    count=st.none() | st.integers(1, 999),
).filter(lambda r: r.until is None or r.count is None).map(
    lambda r: Recurrence(r.freq, r.interval, r.weekdays if r.freq == "weekly" else (),
                         r.by_weekday and r.freq == "monthly", r.until, r.count))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rule=rules, start=st.dates(date(2026, 1, 1), date(2026, 12, 31)))
def test_the_editor_shows_any_rule_it_can_make_and_gives_it_back(qtbot, rule: Recurrence, start: date) -> None:
    editor = RecurrenceEditor(buddhist=True, lang="th")
    qtbot.addWidget(editor)
    editor.set_start(start)
    editor.set_rule(rule.text(start))
    assert editor.recurrence() == rule
    assert editor.rule() == rule.text(start)


# --- clashes ------------------------------------------------------------------------------------


@pytest.fixture
def someone_elses_call(ctx: AppContext) -> tuple[str, str]:
    """Nok already plans a call with the account on Wednesday; returns (account id, activity id)."""
    account_id = add_account(ctx, "ร้านสมศรีแอร์")
    nok = add_person(ctx, "Nok")
    call = create_activity(ctx.uow(), ActivityInput(
        kind="call", subject="เสนอราคาแอร์", starts_at=datetime(2026, 11, 25, 10, 0), assignee_id=nok,
        account_id=account_id)).created[0]
    return account_id, call


def test_a_clash_is_shown_and_going_back_saves_nothing(qtbot, type_text, env, ctx, someone_elses_call) -> None:
    account_id, _ = someone_elses_call
    dialog = opened(qtbot, env, preset=ActivityInput(kind="visit", account_id=account_id))
    assert dialog.pickers["account"].text() == "ร้านสมศรีแอร์"
    type_text(dialog.subject, "เยี่ยมลูกค้า")
    set_text(dialog.start_date, "27/11/2569")  # two days after Nok's call: inside the 3-day window
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = message_box(qtbot, dialog, "clashBox")
    assert "Nok · Call: เสนอราคาแอร์ · 25/11/2569 10:00 · ร้านสมศรีแอร์" in box.informativeText()
    click_box_button(qtbot, dialog, "clashBox", "goBack")
    assert dialog.isVisible() and len(stored(ctx)) == 1
    assert dialog.subject.text() == "เยี่ยมลูกค้า"


def test_save_anyway_saves_and_open_it_shows_the_other_activity(qtbot, type_text, env, ctx,
                                                              someone_elses_call) -> None:
    account_id, call = someone_elses_call
    dialog = opened(qtbot, env, preset=ActivityInput(kind="visit", account_id=account_id))
    type_text(dialog.subject, "เยี่ยมลูกค้า")
    set_text(dialog.start_date, "28/11/2569")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    click_box_button(qtbot, dialog, "clashBox", "openClash")
    other = dialog.other_dialog
    assert other is not None and other.record_id == call and other.subject.text() == "เสนอราคาแอร์"
    assert other.assignee.currentText() == "Nok" and dialog.isVisible()
    other.reject()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    click_box_button(qtbot, dialog, "clashBox", "saveAnyway")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert sorted(o.subject for o in stored(ctx)) == ["เยี่ยมลูกค้า", "เสนอราคาแอร์"]


def test_no_clash_outside_the_window_set_in_settings(qtbot, type_text, env, ctx, someone_elses_call) -> None:
    from crm_desktop.views.settings.dialog import SettingsDialog

    settings_dialog = SettingsDialog(env)
    qtbot.addWidget(settings_dialog)
    assert settings_dialog.clash_days.value() == 3
    settings_dialog.clash_days.setValue(1)
    assert settings_dialog.save()
    account_id, _ = someone_elses_call
    dialog = opened(qtbot, env, preset=ActivityInput(kind="visit", account_id=account_id))
    type_text(dialog.subject, "เยี่ยมลูกค้า")
    set_text(dialog.start_date, "27/11/2569")  # two days away, the window is now one
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(stored(ctx)) == 2


# --- series -------------------------------------------------------------------------------------


def test_editing_one_occurrence_asks_which_and_this_one_changes_only_it(qtbot, env, ctx) -> None:
    series = create_activity(ctx.uow(), ActivityInput(
        kind="meeting", subject="ประชุมเช้าวันจันทร์", starts_at=datetime(2026, 11, 23, 8, 30),
        ends_at=datetime(2026, 11, 23, 9, 0), rrule="FREQ=WEEKLY;COUNT=3")).created[0]
    second = datetime(2026, 11, 30, 8, 30)
    dialog = opened(qtbot, env, activity_id=series, occurrence=second)
    assert dialog.start_date.date() == date(2026, 11, 30) and dialog.recurrence.frequency() == "weekly"
    dialog.subject.setText("ประชุมเช้า (ย้ายห้อง)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    click_box_button(qtbot, dialog, "scopeBox", "scope_this")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(o.day, o.subject) for o in stored(ctx)] == [
        (date(2026, 11, 23), "ประชุมเช้าวันจันทร์"), (date(2026, 11, 30), "ประชุมเช้า (ย้ายห้อง)"),
        (date(2026, 12, 7), "ประชุมเช้าวันจันทร์")]


def test_deleting_one_occurrence_asks_and_cancel_keeps_it(qtbot, env, ctx) -> None:
    series = create_activity(ctx.uow(), ActivityInput(
        kind="task", subject="ส่งรายงานยอดขาย", due_on=TODAY, rrule="FREQ=DAILY;COUNT=3")).created[0]
    dialog = opened(qtbot, env, activity_id=series, occurrence=datetime(2026, 11, 24))
    assert dialog.delete_button is not None
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    box = message_box(qtbot, dialog, "scopeBox")
    box.reject()
    assert len(stored(ctx)) == 3
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    click_box_button(qtbot, dialog, "scopeBox", "scope_following")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [o.day for o in stored(ctx)] == [TODAY]


# --- bad input ----------------------------------------------------------------------------------


def test_an_end_before_the_start_is_refused_and_the_form_stays(qtbot, type_text, env, ctx) -> None:
    dialog = opened(qtbot, env)
    type_text(dialog.subject, "นัดสาธิตสินค้า")
    set_text(dialog.start_date, "24/11/2569")
    set_text(dialog.end_date, "23/11/2569")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.banner.text() == "The end is before the start."
    assert dialog.end_date.property("invalid") is True
    assert dialog.subject.text() == "นัดสาธิตสินค้า" and stored(ctx) == []


def test_a_reminder_on_a_task_without_a_date_is_refused(qtbot, type_text, env, ctx) -> None:
    dialog = opened(qtbot, env, preset=ActivityInput(kind="task"))
    assert dialog.all_day.isChecked() and dialog.all_day.text() == "No set time"
    assert not dialog.start_time.isVisible() and dialog.start_label.text() == "Due"
    type_text(dialog.subject, "ส่งแคตตาล็อก")
    dialog.start_date.clear()
    dialog.remind_unit.setCurrentIndex(dialog.remind_unit.findData(24 * 60))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.banner.text() == "A reminder needs a date to remind of."
    assert dialog.remind_amount.property("invalid") is True
    dialog.remind_unit.setCurrentIndex(dialog.remind_unit.findData(None))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_record_deleted_or_a_person_deactivated_meanwhile_is_refused(qtbot, type_text, env, ctx) -> None:
    account_id = add_account(ctx, "หจก. แม่ริมการเกษตร")
    nok = add_person(ctx, "Nok")
    dialog = opened(qtbot, env, preset=ActivityInput(kind="call", account_id=account_id, assignee_id=nok))
    type_text(dialog.subject, "โทรนัดส่งของ")
    with ctx.uow() as uow:
        uow.session.get(User, nok).active = False
        uow.commit()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.banner.text() == "Nok is no longer active; choose someone else."
    dialog.assignee.setCurrentIndex(dialog.assignee.findData(ctx.user_id))
    delete_accounts(ctx.uow(), [account_id])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.text() == "The linked record was deleted meanwhile; choose another or none."
    assert dialog.pickers["account"].property("invalid") is True and stored(ctx) == []


def test_a_deactivated_assignee_stays_shown_on_an_existing_activity(qtbot, env, ctx) -> None:
    nok = add_person(ctx, "Nok")
    call = create_activity(ctx.uow(), ActivityInput(kind="call", subject="โทรหาลูกค้า", due_on=TODAY,
                                                    assignee_id=nok)).created[0]
    with ctx.uow() as uow:
        uow.session.get(User, nok).active = False
        uow.commit()
    assert opened(qtbot, env).assignee.findData(nok) < 0  # not offered for new work
    dialog = opened(qtbot, env, activity_id=call)
    assert dialog.assignee.currentText() == "Nok (no longer active)"
    assert dialog.status.text() == "Planned"
    dialog.subject.setText("โทรหาลูกค้า (อีกครั้ง)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


# --- New activity on the detail panes -------------------------------------------------------------


def pane_with_record(qtbot, ctx: AppContext, prefs: Prefs, kind: str) -> tuple[RecordTab, dict[str, str]]:
    """The tab of `kind` showing one record, and the links a new activity from it should carry."""
    from crm_desktop.queries.stages import stages
    from crm_desktop.services.contacts import ContactInput, create_contact
    from crm_desktop.services.leads import LeadInput, create_lead
    from crm_desktop.services.opportunities import OpportunityInput, create_opportunity
    from crm_desktop.views.accounts.tab import AccountsTab
    from crm_desktop.views.contacts.tab import ContactsTab
    from crm_desktop.views.leads.tab import LeadsTab
    from crm_desktop.views.opportunities.tab import OpportunitiesTab

    account_id = add_account(ctx, "ร้านสมศรีแอร์")
    contact_id = create_contact(ctx.uow(), ContactInput(first_name="สมศรี", account_id=account_id),
                                ctx.today()).created[0]
    if kind == "account":
        make, links = AccountsTab, {"account": account_id}
    elif kind == "contact":
        make, links = ContactsTab, {"contact": contact_id}
    elif kind == "lead":
        lead_id = create_lead(ctx.uow(), LeadInput(first_name="วิภา", mobile="0834445555")).created[0]
        make, links = LeadsTab, {"lead": lead_id}
    else:
        deal = OpportunityInput(name="แอร์ 10 เครื่อง", stage_id=stages(ctx.database)[0].id, account_id=account_id,
                                contact_id=contact_id)
        deal_id = create_opportunity(ctx.uow(), deal, ctx.now()).created[0]
        make, links = OpportunitiesTab, {"opportunity": deal_id, "account": account_id, "contact": contact_id}
    tab = shown_tab(qtbot, make, ctx, prefs, (1300, 800))
    tab.refresh()
    tab.table.selectRow(0)
    return tab, links


@pytest.mark.parametrize("kind", ["account", "contact", "lead", "opportunity"])
def test_new_activity_on_a_detail_pane_links_the_record(qtbot, ctx, prefs, kind: str) -> None:
    tab, links = pane_with_record(qtbot, ctx, prefs, kind)
    assert tab.new_activity_button.isVisible()
    qtbot.mouseClick(tab.new_activity_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog) and dialog.record_id is None
    assert {k: p.value() for k, p in dialog.pickers.items() if p.value()} == links
    dialog.subject.setText("โทรแนะนำสินค้าใหม่")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    (row,) = stored(ctx)
    assert {k: getattr(row, f"{k}_id") for k in links} == links


def test_the_leads_follow_up_task_is_an_activity_for_the_leads_owner(qtbot, ctx, prefs) -> None:
    tab, links = pane_with_record(qtbot, ctx, prefs, "lead")
    nok = add_person(ctx, "Nok")
    tab.qualify()
    tab.action_dialog.owner.setCurrentIndex(tab.action_dialog.owner.findData(nok))
    tab.action_dialog.run()
    dialog = tab.add_task()
    assert isinstance(dialog, ActivityDialog) and dialog.kind.currentData() == "task"
    assert dialog.pickers["lead"].value() == links["lead"] and dialog.assignee.currentText() == "Nok"
    dialog.subject.setText("โทรกลับเรื่องใบเสนอราคา")
    set_text(dialog.start_date, "30/11/2569")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert "โทรกลับเรื่องใบเสนอราคา · 30/11/2569 · Nok" in tab.tasks_view.text()


def test_giving_an_activity_to_someone_else_does_not_clash_with_itself(qtbot, env, ctx) -> None:
    account_id = add_account(ctx, "ร้านสมศรีแอร์")
    nok = add_person(ctx, "Nok")
    call = create_activity(ctx.uow(), ActivityInput(kind="call", subject="โทรนัดติดตั้ง", due_on=TUESDAY,
                                                    account_id=account_id)).created[0]
    dialog = opened(qtbot, env, activity_id=call)
    dialog.assignee.setCurrentIndex(dialog.assignee.findData(nok))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not dialog.findChildren(QMessageBox, "clashBox")
    assert [o.assignee_name for o in stored(ctx)] == ["Nok"]


def test_a_task_with_a_set_time_keeps_it_when_edited(qtbot, env, ctx) -> None:
    task = create_activity(ctx.uow(), ActivityInput(kind="task", subject="ส่งใบเสนอราคา",
                                                    starts_at=datetime(2026, 11, 24, 16, 0))).created[0]
    dialog = opened(qtbot, env, activity_id=task)
    assert not dialog.all_day.isChecked() and dialog.start_time.isVisible()
    dialog.subject.setText("ส่งใบเสนอราคาฉบับแก้ไข")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (row,) = stored(ctx)
    assert (row.subject, row.starts_at, row.ends_at, row.due_on) == (
        "ส่งใบเสนอราคาฉบับแก้ไข", datetime(2026, 11, 24, 16, 0), None, None)


def test_escape_closes_an_untouched_form_and_saves_nothing(qtbot, env, ctx) -> None:
    dialog = opened(qtbot, env)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.subject, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and stored(ctx) == []
