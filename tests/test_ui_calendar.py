"""The activity calendar tab through its real widgets: dragging and resizing change the stored
times, each view shows its range, paging, holidays, Buddhist Era titles, series on every day,
creating from an empty slot, people side by side."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolButton

from crm_desktop.models.user import User
from crm_desktop.queries.activities.occurrences import Occurrence, activity_row, person_colour
from crm_desktop.services.activities.edit import ActivityInput, create_activity, delete_activity
from crm_desktop.services.app import AppContext
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.activities.dialog import ActivityDialog
from crm_desktop.views.calendar.event import event_colour
from crm_desktop.views.calendar.tab import CalendarTab
from crm_desktop.views.calendar.time_grid import HOUR_HEIGHT
from tests.time_helpers import TODAY
from tests.ui_helpers import shown_tab

TUESDAY = TODAY + timedelta(days=1)  # TODAY is Monday 23 November 2026


def add(ctx: AppContext, subject: str, start: datetime, minutes: int = 60, rrule: str = "", **fields: object) -> str:
    data = ActivityInput(kind="meeting", subject=subject, starts_at=start, ends_at=start + timedelta(minutes=minutes),
                         due_on=None, owner_id=ctx.user_id, assignee_id=ctx.user_id, rrule=rrule)
    for name, value in fields.items():
        setattr(data, name, value)
    return create_activity(ctx.uow(), data).created[0]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> CalendarTab:
    return shown_tab(qtbot, CalendarTab, ctx, prefs, (1100, 800))


def find(tab: CalendarTab, subject: str, day: date | None = None) -> Occurrence:
    return next(o for o in tab.rows if o.subject == subject and (day is None or o.day == day))


def drag(tab: CalendarTab, start: QPointF, end: QPointF) -> None:
    viewport = tab.grid.viewport()
    begin, finish = start.toPoint(), end.toPoint()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    middle = begin + (finish - begin) / 2
    for point in (begin + QPoint(0, 8), middle, finish):
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, finish)


def test_dragging_an_activity_moves_it_to_another_day_and_time(tab: CalendarTab, ctx: AppContext) -> None:
    activity = add(ctx, "Quarterly review", at(TUESDAY, 10))
    tab.reload()
    rect = tab.grid.event_rect(find(tab, "Quarterly review"))
    assert rect is not None
    target = rect.center() + QPointF(tab.grid.column_width(), 1.5 * HOUR_HEIGHT)  # Wednesday, 90 minutes later
    drag(tab, rect.center(), target)
    stored = activity_row(ctx.database, activity)
    assert (stored.starts_at, stored.ends_at) == (at(TUESDAY + timedelta(days=1), 11, 30),
                                                 at(TUESDAY + timedelta(days=1), 12, 30))
    moved = find(tab, "Quarterly review")  # the view read it again
    assert moved.starts_at == at(TUESDAY + timedelta(days=1), 11, 30)


def test_dragging_the_bottom_edge_changes_only_the_end(tab: CalendarTab, ctx: AppContext) -> None:
    activity = add(ctx, "Call Somchai", at(TUESDAY, 10))
    tab.reload()
    rect = tab.grid.event_rect(find(tab, "Call Somchai"))
    assert rect is not None
    edge = QPointF(rect.center().x(), rect.bottom() - 2)
    drag(tab, edge, edge + QPointF(0, 0.5 * HOUR_HEIGHT + 3))  # snaps to the quarter hour
    stored = activity_row(ctx.database, activity)
    assert (stored.starts_at, stored.ends_at) == (at(TUESDAY, 10), at(TUESDAY, 11, 30))


def test_a_click_without_moving_changes_nothing(tab: CalendarTab, ctx: AppContext) -> None:
    activity = add(ctx, "Site visit", at(TUESDAY, 10))
    tab.reload()
    rect = tab.grid.event_rect(find(tab, "Site visit"))
    assert rect is not None
    QTest.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center().toPoint())
    assert activity_row(ctx.database, activity).starts_at == at(TUESDAY, 10)
    assert tab.dialog is None


def test_each_view_reads_and_shows_its_range(tab: CalendarTab, ctx: AppContext) -> None:
    add(ctx, "This week", at(TUESDAY, 9))
    add(ctx, "Saturday", at(TODAY + timedelta(days=5), 9))
    add(ctx, "Next month", at(date(2026, 12, 3), 9))
    shown = {}
    for mode in ("day", "week", "workweek", "month", "agenda"):
        tab.findChild(QToolButton, f"calMode_{mode}").click()
        shown[mode] = ({o.subject for o in tab.rows}, tab.title_label.text())
    assert shown["day"] == (set(), "Monday 23 November 2569")
    assert shown["week"] == ({"This week", "Saturday"}, "23 – 29 November 2569")
    assert shown["workweek"] == ({"This week"}, "23 – 27 November 2569")
    assert shown["month"] == ({"This week", "Saturday", "Next month"}, "November 2569")  # to 6 December
    assert shown["agenda"] == ({"This week", "Saturday", "Next month"}, "23 November – 6 December 2569")
    assert tab.stack.currentWidget() is tab.agenda
    assert [o.subject for o in tab.agenda.occurrences_shown()] == ["This week", "Saturday", "Next month"]


def test_next_previous_and_today(tab: CalendarTab) -> None:
    tab.findChild(QToolButton, "calNext").click()
    assert tab.shown_range() == (date(2026, 11, 30), date(2026, 12, 7))
    assert tab.title_label.text() == "30 November – 6 December 2569"
    tab.findChild(QToolButton, "calMode_month").click()
    tab.findChild(QToolButton, "calPrev").click()
    assert tab.title_label.text() == "October 2569"
    tab.findChild(QToolButton, "calToday").click()
    assert tab.title_label.text() == "November 2569"
    tab.picker.clicked.emit(tab.picker.selectedDate().addDays(40))  # the date picker: 2 January 2027
    assert tab.title_label.text() == "January 2570"


def test_buddhist_era_follows_the_preference(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    prefs.buddhist_era = False
    tab = shown_tab(qtbot, CalendarTab, ctx, prefs, (900, 600))
    assert tab.title_label.text() == "23 – 29 November 2026"
    prefs.language = "th"
    prefs.buddhist_era = True
    tab.set_mode("month")
    assert tab.title_label.text() == "พฤศจิกายน 2569"


def test_holidays_are_marked(tab: CalendarTab) -> None:
    tab.go(date(2026, 12, 7))
    assert tab.grid.holidays[date(2026, 12, 7)].name("en") == "National Father's Day (substitute)"
    assert date(2026, 12, 8) not in tab.grid.holidays
    tab.set_mode("agenda")
    headings = [tab.agenda.topLevelItem(i).text(0) for i in range(tab.agenda.topLevelItemCount())]
    assert "Monday 7 December 2569 · National Father's Day (substitute)" in headings
    assert "Thursday 10 December 2569 · Constitution Day" in headings
    tab.go(date(2026, 12, 1))
    tab.set_mode("month")
    assert date(2026, 12, 31) in tab.month.holidays and date(2026, 12, 30) not in tab.month.holidays


def test_a_series_appears_on_each_day_and_asks_before_moving_one(qtbot, tab: CalendarTab, ctx: AppContext) -> None:
    series = add(ctx, "Stand-up", at(TODAY, 9), minutes=30, rrule="FREQ=DAILY;COUNT=5")
    tab.reload()
    days = sorted(o.day for o in tab.rows if o.subject == "Stand-up")
    assert days == [TODAY + timedelta(days=i) for i in range(5)]
    assert all(tab.grid.event_rect(o) is not None for o in tab.rows)
    wednesday = find(tab, "Stand-up", TODAY + timedelta(days=2))
    rect = tab.grid.event_rect(wednesday)
    assert rect is not None
    drag(tab, rect.center(), rect.center() + QPointF(0, HOUR_HEIGHT))
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    box.findChild(QPushButton, "scope_this").click()
    qtbot.waitUntil(lambda: find(tab, "Stand-up", TODAY + timedelta(days=2)).starts_at
                    == at(TODAY + timedelta(days=2), 10))
    others = [o.starts_at for o in tab.rows if o.subject == "Stand-up" and o.day != TODAY + timedelta(days=2)]
    assert [s.time() for s in others] == [at(TODAY, 9).time()] * 4
    assert activity_row(ctx.database, series).starts_at == at(TODAY, 9)


def test_a_click_or_a_drag_on_empty_space_proposes_a_new_activity(tab: CalendarTab) -> None:
    grid = tab.grid
    x = grid.column_x(1) + grid.column_width() / 2  # Tuesday
    y = grid.top() + (14 - grid.verticalScrollBar().value() / HOUR_HEIGHT) * HOUR_HEIGHT + 5
    drag(tab, QPointF(x, y), QPointF(x, y + 1.5 * HOUR_HEIGHT))
    assert isinstance(tab.dialog, ActivityDialog)
    data = tab.dialog.form_input()
    assert (data.starts_at, data.ends_at) == (at(TUESDAY, 14), at(TUESDAY, 15, 30))
    tab.close_dialogs()
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPointF(x, y).toPoint())
    data = tab.dialog.form_input()
    assert (data.starts_at, data.ends_at) == (at(TUESDAY, 14), at(TUESDAY, 15))


def test_double_click_opens_the_activity(tab: CalendarTab, ctx: AppContext) -> None:
    activity = add(ctx, "Contract signing", at(TUESDAY, 10))
    tab.reload()
    rect = tab.grid.event_rect(find(tab, "Contract signing"))
    assert rect is not None
    QTest.mouseDClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      rect.center().toPoint())
    assert isinstance(tab.dialog, ActivityDialog)
    assert tab.dialog.record_id == activity
    assert tab.dialog.form_input().subject == "Contract signing"


def add_person(ctx: AppContext, name: str, colour: str = "") -> str:
    with ctx.uow() as uow:
        person = uow.users.add(User(name=name, role="sales", colour=colour))
        uow.commit()
        return person.id


def test_people_side_by_side_in_the_day_view_and_coloured(tab: CalendarTab, ctx: AppContext) -> None:
    nok = add_person(ctx, "Nok", "#ff0000")
    ploy = add_person(ctx, "Ploy")
    add(ctx, "Nok's call", at(TODAY, 10), assignee_id=nok)
    add(ctx, "Ploy's visit", at(TODAY, 10), assignee_id=ploy)
    add(ctx, "Owner's task", at(TODAY, 10))
    tab.set_people([nok, ploy])
    tab.set_mode("day")
    assert {o.subject for o in tab.rows} == {"Nok's call", "Ploy's visit"}  # only the chosen people are read
    rects = [tab.grid.event_rect(find(tab, s)) for s in ("Nok's call", "Ploy's visit")]
    assert rects[0].width() == rects[1].width()  # the same time, both at full width: not side by side yet
    tab.side_by_side.setChecked(True)
    assert [(c.person_id, c.person_name) for c in tab.grid.columns] == [(nok, "Nok"), (ploy, "Ploy")]
    nok_rect, ploy_rect = (tab.grid.event_rect(find(tab, s)) for s in ("Nok's call", "Ploy's visit"))
    assert nok_rect.right() < ploy_rect.left()  # each in the person's own column
    tab.colour_combo.setCurrentIndex(tab.colour_combo.findData("person"))
    assert event_colour(find(tab, "Nok's call"), tab.grid.colour_by) == QColor("#ff0000")
    assert event_colour(find(tab, "Ploy's visit"), "person") == QColor(person_colour(ploy, ""))  # none chosen
    tab.set_people([])
    assert {o.subject for o in tab.rows} == {"Nok's call", "Ploy's visit", "Owner's task"}


def test_all_day_activities_and_tasks_move_by_day(tab: CalendarTab, ctx: AppContext) -> None:
    task = add(ctx, "Send the quotation", at(TUESDAY, 0), kind="task", starts_at=None, ends_at=None, due_on=TUESDAY)
    review = add(ctx, "Review", at(TUESDAY, 15))
    tab.reload()
    rect = tab.grid.event_rect(find(tab, "Send the quotation"))
    assert rect is not None and rect.bottom() < tab.grid.top()  # in the strip above the hours
    drag(tab, rect.center(), rect.center() + QPointF(2 * tab.grid.column_width(), 0))  # to Thursday
    assert activity_row(ctx.database, task).due_on == TUESDAY + timedelta(days=2)
    tab.set_mode("month")
    month = tab.month
    for subject, day in (("Send the quotation", TUESDAY + timedelta(days=9)), ("Review", TUESDAY + timedelta(days=7))):
        month.repaint()  # where each activity sits is known once painted
        start = month.event_rect(find(tab, subject)).center()
        end = month.cell(day).center()
        QTest.mousePress(month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start.toPoint())
        QTest.mouseMove(month, end.toPoint())
        QTest.mouseRelease(month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end.toPoint())
    assert activity_row(ctx.database, task).due_on == TUESDAY + timedelta(days=9)
    stored = activity_row(ctx.database, review)
    next_tuesday = TUESDAY + timedelta(days=7)
    assert (stored.starts_at, stored.ends_at) == (at(next_tuesday, 15), at(next_tuesday, 16))  # same time


def test_a_day_header_or_more_opens_that_day(tab: CalendarTab, ctx: AppContext) -> None:
    grid = tab.grid
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(grid.column_x(2) + 20), 5))  # Wednesday's header
    assert (tab.mode, tab.title_label.text()) == ("day", "Wednesday 25 November 2569")
    for hour in range(8, 18):
        add(ctx, f"Call {hour}", at(TUESDAY, hour))
    tab.set_mode("month")
    tab.month.repaint()
    (more, day), = tab.month.more
    assert day == TUESDAY and tab.month.event_rect(find(tab, "Call 8")) is not None
    assert tab.month.event_rect(find(tab, "Call 17")) is None  # not room for all
    QTest.mouseClick(tab.month, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, more.center().toPoint())
    assert (tab.mode, tab.anchor) == ("day", TUESDAY)
    assert tab.dialog is None  # no new activity proposed


def test_a_change_made_elsewhere_shows_when_the_tab_is_shown(tab: CalendarTab, ctx: AppContext) -> None:
    tab.hide()
    changes = create_activity(ctx.uow(), ActivityInput(kind="call", subject="Planned on another tab",
                                                       starts_at=at(TUESDAY, 9), assignee_id=ctx.user_id))
    tab.env.bus.publish(changes)
    assert tab.stale and not tab.rows  # not read while hidden
    tab.show()
    assert [o.subject for o in tab.rows] == ["Planned on another tab"]


def test_moving_an_activity_deleted_meanwhile_says_so_and_changes_nothing(qtbot, tab: CalendarTab,
                                                                          ctx: AppContext) -> None:
    activity = add(ctx, "Cancelled by a colleague", at(TUESDAY, 10))
    kept = add(ctx, "Kept", at(TUESDAY, 14))
    tab.reload()
    rect = tab.grid.event_rect(find(tab, "Cancelled by a colleague"))
    assert rect is not None
    delete_activity(ctx.uow(), activity)  # on another tab, or by a sync, after the week was read
    drag(tab, rect.center(), rect.center() + QPointF(0, HOUR_HEIGHT))
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "domainErrorBox") is not None)
    assert "deleted" in tab.findChild(QMessageBox, "domainErrorBox").text()
    assert activity_row(ctx.database, activity) is None
    assert activity_row(ctx.database, kept).starts_at == at(TUESDAY, 14)


def test_export_writes_the_shown_week_as_a_calendar_file(qtbot, tab: CalendarTab, ctx: AppContext, tmp_path,
                                                         monkeypatch) -> None:
    import icalendar

    from crm_desktop.views.calendar import tab as calendar_tab

    add(ctx, "Visit Siam Rice", at(TUESDAY, 9))
    add(ctx, "Weekly meeting", at(TODAY, 8), rrule="FREQ=WEEKLY;COUNT=3")
    add(ctx, "Next month", at(TODAY + timedelta(days=40), 9))
    out = tmp_path / "week.ics"
    monkeypatch.setattr(calendar_tab.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.export_ics(months=0)
    qtbot.waitUntil(out.exists, timeout=10_000)
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Visit Siam Rice", "Weekly meeting"]
    year = tmp_path / "year.ics"
    monkeypatch.setattr(calendar_tab.QFileDialog, "getSaveFileName", lambda *a, **k: (str(year), ""))
    tab.export_ics(months=12)
    qtbot.waitUntil(year.exists, timeout=10_000)
    assert len(icalendar.Calendar.from_ical(year.read_bytes()).walk("VEVENT")) == 3
