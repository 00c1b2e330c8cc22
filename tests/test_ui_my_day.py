"""The Activities tab through its widgets: sections, done with a next step, hand over, delete and undo."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from crm_desktop.models import Activity, User
from crm_desktop.queries.activities.my_day import MyDayFilter, my_day
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.activities.edit import ActivityInput, create_activity
from crm_desktop.services.app import OWNER_ID
from crm_desktop.services.changes import Entity, change
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.views.activities.my_day import MyDayTab
from crm_desktop.views.common import ViewEnv
from tests.time_helpers import TODAY

SIZE = (1100, 600)


def at(days: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(TODAY + timedelta(days=days), datetime.min.time()).replace(hour=hour, minute=minute)


@pytest.fixture
def work(ctx) -> dict[str, str]:
    """An overdue call, two things today (one for a colleague), a visit next week."""
    account = create_account(ctx.uow(), AccountInput(name="ร้านทองแสงดี"), TODAY).created[0]
    with ctx.uow() as uow:
        user = uow.users.add(User(name="Somchai", role="sales"))
        uow.commit()
        somchai = user.id

    def add(subject: str, when: datetime, kind: str = "call", assignee: str = OWNER_ID) -> str:
        data = ActivityInput(kind=kind, subject=subject, starts_at=when, ends_at=when + timedelta(hours=1),
                             owner_id=OWNER_ID, assignee_id=assignee, account_id=account)
        return create_activity(ctx.uow(), data).created[0]

    return {
        "late": add("Call about the overdue invoice", at(-1, 16)),
        "today": add("Present the new catalogue", at(0, 14), "meeting"),
        "theirs": add("Deliver samples", at(0, 15), "visit", somchai),
        "week": add("Visit the Chiang Mai branch", at(3, 10), "visit"),
        "somchai": somchai,
        "account": account,
    }


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def tab(qtbot, ctx, prefs, work, bus) -> MyDayTab:
    widget = MyDayTab(ViewEnv(ctx, prefs, bus, UndoDelete()))
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def headers(tab: MyDayTab) -> list[str]:
    return [tab.tree.topLevelItem(i).text(0) for i in range(tab.tree.topLevelItemCount())]


def shown(tab: MyDayTab, key: str) -> list[str]:
    return [r.subject for r in tab.rows(key)]


def stored(ctx, activity_id: str) -> Activity:
    with ctx.uow() as uow:
        row = uow.session.get(Activity, activity_id)
        uow.session.expunge(row)
        return row


def test_the_tab_shows_my_sections_with_counts(tab) -> None:
    assert headers(tab) == ["Overdue (1)", "Today, 23 November 2569 (1)", "Next 7 days (1)"]
    assert shown(tab, "today") == ["Present the new catalogue"]
    today = tab.tree.topLevelItem(1).child(0)
    assert [today.text(c) for c in range(6)] == [
        "14:00–15:00", "Meeting", "Present the new catalogue", "ร้านทองแสงดี", "Owner", "Normal"]
    assert tab.tree.topLevelItem(2).child(0).text(0).endswith("26/11/2569 10:00–11:00")
    tab.person.setCurrentIndex(tab.person.findText("Everyone"))
    assert shown(tab, "today") == ["Present the new catalogue", "Deliver samples"]


def test_done_with_a_next_step_saves_both_at_once(qtbot, tab, ctx, work) -> None:
    assert tab.select(work["today"])
    dialog = tab.mark_done()
    dialog.outcome.setPlainText("Wants a quotation for 20 sets")
    dialog.next_box.setChecked(True)
    dialog.subject.setText("Send the quotation")
    dialog.kind.setCurrentIndex(dialog.kind.findData("email"))
    assert dialog.assignee.currentData() == OWNER_ID  # from the done one
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    done = stored(ctx, work["today"])
    assert (done.status, done.outcome) == ("done", "Wants a quotation for 20 sets")
    assert shown(tab, "today") == []
    week = tab.rows("week")
    follow = next(r for r in week if r.subject == "Send the quotation")
    assert (follow.kind, follow.starts_at, follow.account_id) == ("email", at(1, 14), work["account"])


def test_a_next_step_that_cannot_be_saved_leaves_the_activity_open(qtbot, tab, ctx, work) -> None:
    assert tab.select(work["today"])
    dialog = tab.mark_done()
    dialog.next_box.setChecked(True)
    dialog.subject.setText("")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.banner.isVisible()
    assert stored(ctx, work["today"]).status == "planned"
    dialog.reject()


def test_hand_over_moves_it_to_the_colleague_with_the_note(qtbot, tab, ctx, work) -> None:
    assert tab.select(work["week"])
    dialog = tab.hand_over()
    dialog.colleague.setCurrentIndex(dialog.colleague.findData(work["somchai"]))
    dialog.note.setText("ลาพักร้อนสัปดาห์หน้า ฝากคุณสมชายไปแทน")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    moved = stored(ctx, work["week"])
    assert (moved.assignee_id, moved.handover_note) == (work["somchai"], "ลาพักร้อนสัปดาห์หน้า ฝากคุณสมชายไปแทน")
    assert shown(tab, "week") == []  # no longer mine
    theirs = my_day(ctx.database, ctx.now(), MyDayFilter(assignee_id=work["somchai"]))
    assert "Visit the Chiang Mai branch" in [r.subject for s in theirs for r in s.rows]


def test_delete_then_undo_brings_it_back(qtbot, tab, ctx, work, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "open", lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert tab.select(work["late"])
    tab.delete_selected()
    assert shown(tab, "overdue") == []
    pending = tab.env.undo.take()
    assert pending is not None
    tab.env.bus.publish(pending.restore())
    assert shown(tab, "overdue") == ["Call about the overdue invoice"]


def test_the_next_day_moves_the_sections(tab, clock) -> None:
    clock.advance(timedelta(days=2, hours=15))  # 01:00 three days on
    tab.timer.timeout.emit()
    assert shown(tab, "today") == ["Visit the Chiang Mai branch"]
    assert shown(tab, "overdue") == ["Present the new catalogue", "Call about the overdue invoice"]


def test_dates_that_cannot_be_used_are_pointed_out_and_the_list_stays(qtbot, tab) -> None:
    before = headers(tab)
    qtbot.keyClicks(tab.date_from, "31/02/2569")
    tab.date_from.editingFinished.emit()
    assert tab.banner.isVisible() and "not a real date" in tab.banner.text()
    assert headers(tab) == before
    tab.date_from.setDate(TODAY + timedelta(days=3))
    assert not tab.banner.isVisible()
    assert headers(tab) == ["26/11/2569 to 26/11/2569 (1)"]  # one day: the visit
    tab.date_to.setDate(TODAY + timedelta(days=1))
    assert tab.banner.text() == "The end date is before the start date."
    assert headers(tab) == ["26/11/2569 to 26/11/2569 (1)"]
    tab.date_from.setDate(None)
    tab.date_to.setDate(None)
    assert headers(tab) == before


def test_new_and_double_click_open_the_activity_form(qtbot, tab, work) -> None:
    dialog = tab.new_record()
    assert dialog.objectName() == "activityDialog" and dialog.record_id is None
    dialog.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)
    item = tab.tree.topLevelItem(1).child(0)
    tab.tree.itemDoubleClicked.emit(item, 0)
    assert tab.dialog is not None and tab.dialog.record_id == work["today"]
    tab.dialog.reject()


def test_deleting_an_occurrence_asks_which_ones(qtbot, tab, ctx) -> None:
    first = datetime.combine(TODAY - timedelta(days=7), datetime.min.time()).replace(hour=11)
    series = create_activity(ctx.uow(), ActivityInput(kind="meeting", subject="Weekly sales meeting",
                                                      starts_at=first, owner_id=OWNER_ID, assignee_id=OWNER_ID,
                                                      rrule="FREQ=WEEKLY")).created[0]
    tab.env.bus.publish(change(Entity.ACTIVITY, created=(series,)))
    assert shown(tab, "today") == ["Weekly sales meeting", "Present the new catalogue"]
    assert tab.select(series, at(0, 11))
    tab.delete_selected()
    box = tab.findChild(QMessageBox, "scopeBox")
    qtbot.mouseClick(box.findChild(QPushButton, "scope_this"), Qt.MouseButton.LeftButton)
    assert shown(tab, "today") == ["Present the new catalogue"]
    assert shown(tab, "week").count("Weekly sales meeting") == 1  # next Monday's is still there
