"""The Cases tab through real widgets: the list with late due times in red, the overdue and "my open
cases" filters, the board moving a card, the case form with its history and time per status, and the
SLA settings refusing 0 hours without changing anything."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.cases.cases import CaseInput, create_case
from crm_desktop.services.cases.sla import sla_settings
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.cases.dialog import CaseDialog
from crm_desktop.views.cases.rules_dialog import CaseRulesDialog
from crm_desktop.views.cases.tab import LATE_COLOUR, CasesTab
from crm_desktop.views.customer360.page import Customer360Page
from crm_desktop.views.main_window import MainWindow
from tests.people_helpers import add_user


@pytest.fixture
def window(qtbot: object, ctx: AppContext, prefs: Prefs) -> MainWindow:
    win = MainWindow(ctx, prefs)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    return win


def column(tab: CasesTab, key: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> list[object]:
    model = tab.model
    return [model.index(r, model.column_index(key)).data(role) for r in range(model.rowCount())]


def test_the_list_board_and_form_of_cases(qtbot, window: MainWindow, ctx: AppContext) -> None:
    account = create_account(ctx.uow(), AccountInput(name="ร้านสมใจการช่าง"), ctx.today()).created[0]
    late = create_case(ctx.uow(), CaseInput(subject="ตู้เย็นไม่เย็น", account_id=account, priority="urgent",
                                            owner_id=ctx.user_id)).case_id
    ctx.database.time.advance(timedelta(days=3))  # type: ignore[attr-defined]
    fresh = create_case(ctx.uow(), CaseInput(subject="ขอใบกำกับภาษีใหม่", account_id=account, priority="low",
                                             owner_id=add_user(ctx, "สมศรี"))).case_id
    window.tabs.setCurrentWidget(window.cases_tab)
    tab = window.cases_tab
    assert tab.count_text(2) == "2 case(s)" and tab.count_label.text() == "2 case(s)"
    assert column(tab, "subject") == ["ขอใบกำกับภาษีใหม่", "ตู้เย็นไม่เย็น"]  # the newest first
    due = column(tab, "sla_due_at")
    assert str(due[1]).endswith("· late") and not str(due[0]).endswith("late")
    assert column(tab, "sla_due_at", Qt.ItemDataRole.ForegroundRole) == [None, LATE_COLOUR]

    tab.overdue.setChecked(True)
    tab.apply_filter()
    assert column(tab, "subject") == ["ตู้เย็นไม่เย็น"]
    tab.overdue.setChecked(False)
    tab.mine.setChecked(True)  # the owner's own open cases
    tab.apply_filter()
    assert column(tab, "subject") == ["ตู้เย็นไม่เย็น"]
    kept = tab.state()  # what a change of language rebuilds the tab with
    tab.clear_filters()
    tab.restore_state(kept)
    assert tab.mine.isChecked() and column(tab, "subject") == ["ตู้เย็นไม่เย็น"]
    tab.mine.setChecked(False)

    tab.board_button.setChecked(True)
    assert tab.board.headers["assigned"].text() == "Assigned (2)"
    assigned = tab.board.columns["assigned"]
    card = next(assigned.item(i) for i in range(assigned.count()) if assigned.item(i).text().startswith("CS2569-0002"))
    menu = assigned.move_menu(assigned.visualItemRect(card).center())  # right-click on the card
    assert menu is not None
    next(a for a in menu.actions() if a.text() == "Move to In progress").trigger()
    menu.close()
    assert len(tab.board.card_texts("in_progress")) == 1 and "ขอใบกำกับภาษีใหม่" in tab.board.card_texts("in_progress")[0]
    assert tab.board.columns["assigned"].item(0).foreground().color() == LATE_COLOUR
    tab.move(fresh, "new")  # refused: the reason is shown, the card stays
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "cannot go back to new" in box.text()
    box.close()
    assert len(tab.board.card_texts("in_progress")) == 1
    tab.board_button.setChecked(False)

    dialog = tab.edit_record(late)
    assert isinstance(dialog, CaseDialog)
    assert "late" in dialog.resolution_label.text()
    ctx.database.time.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.move_buttons["resolved"], Qt.MouseButton.LeftButton)
    assert [row[1] for row in dialog.history_texts()] == ["Assigned", "Resolved"]
    assert dialog.history_texts()[0][2].startswith("3 d")
    assert dialog.reopen_button.isEnabled() and not dialog.move_buttons["waiting"].isEnabled()
    dialog.reject()

    # The customer's 360 page lists both, the late one in red; a double-click opens it in the tab.
    page = window.open_customer_360("account", account)
    assert isinstance(page, Customer360Page)
    qtbot.waitUntil(lambda: page.data is not None and page.task is None)
    box = page.cases_box
    assert box.summary.text() == "1 open case(s)"
    assert [box.table.item(r, 1).text() for r in range(2)] == ["ขอใบกำกับภาษีใหม่", "ตู้เย็นไม่เย็น"]
    assert box.table.item(1, 0).foreground().color() == LATE_COLOUR
    box.table.cellDoubleClicked.emit(1, 0)
    assert window.tabs.currentWidget() is tab and tab.current_id() == late


def test_an_sla_of_zero_hours_is_refused_on_screen(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    from tests.ui_helpers import shown_tab

    before = sla_settings(ctx.uow())
    dialog = shown_tab(qtbot, lambda env: CaseRulesDialog(env), ctx, prefs, (760, 720))
    dialog.hours["urgent"][0].setValue(0)
    assert dialog.save_sla() is False
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "0 hours" in box.text()
    box.close()
    assert sla_settings(ctx.uow()) == before
