"""The Anniversaries tab and the special dates on a contact's pane, through real widgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.queries.anniversaries import custom_dates, remind_days
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import Entity
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui.actions import ChangeBus
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.anniversaries.date_dialog import CustomDateDialog
from crm_desktop.views.anniversaries.month_grid import TODAY_COLOUR
from crm_desktop.views.anniversaries.tab import AnniversariesTab
from crm_desktop.views.contacts.tab import ContactsTab
from tests.time_helpers import TODAY
from tests.ui_helpers import shown_tab


@pytest.fixture
def customers(ctx: AppContext) -> dict[str, str]:
    company = create_account(ctx.uow(), AccountInput(name="Siam Rice", founded_on=date(2001, 12, 1)),
                             TODAY).created[0]
    person = create_contact(ctx.uow(), ContactInput(first_name="Somchai", birthday=date(1986, 11, 25),
                                                    account_id=company), TODAY).created[0]
    return {"company": company, "person": person}


def cell_text(tab: AnniversariesTab, day: date) -> str:
    (row, column), = [key for key, value in tab.grid.days.items() if value == day]
    return tab.grid.item(row, column).text()


def list_texts(tab: AnniversariesTab) -> list[list[str]]:
    model = tab.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_tab_shows_the_month_with_today_marked_and_the_next_30_days(
        qtbot, ctx: AppContext, prefs: Prefs, customers: dict[str, str]) -> None:
    tab = shown_tab(qtbot, AnniversariesTab, ctx, prefs, (1300, 800))
    assert tab.month_label.text() == "November 2569"  # Buddhist Era, as the preference says
    assert cell_text(tab, date(2026, 11, 25)).splitlines() == ["25", "Somchai (40)"]
    assert cell_text(tab, date(2026, 11, 24)) == "24"
    today = tab.grid.item(*next(k for k, v in tab.grid.days.items() if v == TODAY))
    assert today.background().color() == TODAY_COLOUR
    assert list_texts(tab) == [
        ["25/11/2569", "In 2 days", "Somchai · Siam Rice", "Birthday, turns 40", ""],
        ["01/12/2569", "In 8 days", "Siam Rice", "Founded 25 years ago", ""],
    ]
    assert tab.upcoming_label.text() == "Next 30 days (2)"
    tab.next_button.click()
    assert tab.month_label.text() == "December 2569"
    assert cell_text(tab, date(2026, 12, 1)).splitlines() == ["1", "Siam Rice (25)"]
    tab.today_button.click()
    assert tab.month_label.text() == "November 2569"


def test_the_greeting_button_plans_a_task_for_the_owner(qtbot, ctx: AppContext, prefs: Prefs,
                                                        customers: dict[str, str]) -> None:
    bus = ChangeBus()
    tab = shown_tab(qtbot, AnniversariesTab, ctx, prefs, (1300, 800), bus)
    assert not tab.task_button.isEnabled()  # nothing chosen yet
    assert tab.select(f"contact:{customers['person']}")
    with qtbot.waitSignal(bus.changed) as published:
        qtbot.mouseClick(tab.task_button, Qt.MouseButton.LeftButton)
    assert published.args[0].entities == (Entity.ACTIVITY,)
    planned = occurrences(ctx.database, TODAY, TODAY + timedelta(days=7))
    assert [(o.kind, o.subject, o.due_on, o.assignee_id, o.contact_id) for o in planned] == [
        ("task", "Greeting: Somchai — Birthday, turns 40", date(2026, 11, 25), ctx.user_id, customers["person"])]


def test_reminder_days_are_saved_from_the_tab(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    tab = shown_tab(qtbot, AnniversariesTab, ctx, prefs, (1300, 800))
    dialog = tab.open_remind_settings()
    dialog.spins["birthday"].setValue(7)
    dialog.save()
    assert remind_days(ctx.database) == {"birthday": 7, "founding": 3, "custom": 3}


def test_special_dates_are_added_on_the_contact_pane_and_bad_ones_refused(
        qtbot, ctx: AppContext, prefs: Prefs, customers: dict[str, str]) -> None:
    bus = ChangeBus()
    contacts = shown_tab(qtbot, ContactsTab, ctx, prefs, (1400, 900), bus)
    anniversaries = AnniversariesTab(contacts.env)
    qtbot.addWidget(anniversaries)
    contacts.show_record(customers["person"])
    box = contacts.dates_box
    assert box.isVisible() and not box.edit_button.isEnabled()
    dialog = box.add_date()
    assert isinstance(dialog, CustomDateDialog)
    dialog.title.setEditText("Wedding anniversary")
    dialog.day.setValue(31)
    dialog.month.setCurrentIndex(3)  # April
    assert not dialog.save()
    assert "31/4 is not a real date" in dialog.banner.text()
    dialog.day.setValue(30)
    dialog.month.setCurrentIndex(10)  # November
    dialog.year.setText("2580")  # Buddhist Era, in the future
    assert not dialog.save()
    assert dialog.banner.text() == "This date is in the future."
    dialog.year.setText("2553")  # 2010
    assert dialog.save()
    assert [(r.title, r.month, r.day, r.year) for r in custom_dates(ctx.database, contact_id=customers["person"])] \
        == [("Wedding anniversary", 11, 30, 2010)]
    assert [box.list.item(i).text() for i in range(box.list.count())] == ["30 November 2553 — Wedding anniversary"]
    # the tab heard of it through the bus
    assert ["Wedding anniversary, 16 years" in row for row in list_texts(anniversaries)] == [False, True, False]


def test_the_tab_speaks_thai(qtbot, qapp: QApplication, ctx: AppContext, prefs: Prefs,
                             customers: dict[str, str]) -> None:
    language = UiLanguage(qapp)
    assert language.apply("th")
    try:
        prefs.language = "th"
        tab = shown_tab(qtbot, AnniversariesTab, ctx, prefs, (1300, 800))
        assert tab.month_label.text() == "พฤศจิกายน 2569"
        assert [row[1:4] for row in list_texts(tab)] == [
            ["อีก 2 วัน", "Somchai · Siam Rice", "วันเกิด อายุครบ 40 ปี"],
            ["อีก 8 วัน", "Siam Rice", "ก่อตั้งครบ 25 ปี"],
        ]
    finally:
        language.apply("en")
