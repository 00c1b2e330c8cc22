"""Several desktops through a real dialog: a save on a record changed elsewhere shows that change and
lets the user keep editing on top of it (their typed values kept), overwrite it, or go back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from crm_desktop.queries.accounts import account_detail
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import ChangeSet
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.desks import POLL_MS
from crm_desktop.ui.fonts import install_app_font
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.accounts.dialog import AccountDialog
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.main_window import MainWindow
from tests.desk_helpers import other_desk
from tests.test_translations import THAI
from tests.ui_helpers import opened_window


@pytest.fixture
def env(ctx: AppContext, prefs: Prefs) -> ViewEnv:
    return ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())


@pytest.fixture
def account_id(ctx: AppContext) -> str:
    return create_account(ctx.uow(), AccountInput(name="Siam Trading", phone="021234567"), ctx.today()).created[0]


def opened(qtbot, env: ViewEnv, account_id: str) -> AccountDialog:
    dialog = AccountDialog(env, account_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def conflict_box(qtbot, dialog: AccountDialog) -> QMessageBox:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    def shown() -> list[QMessageBox]:
        return [b for b in dialog.findChildren(QMessageBox, "conflictBox") if b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    assert dialog.isVisible()
    return shown()[0]


def click(qtbot, box: QMessageBox, name: str) -> None:
    qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def stored(ctx: AppContext, account_id: str) -> tuple[str, str]:
    detail = account_detail(ctx.database, account_id)
    assert detail is not None
    return detail.name, detail.tags


def clear_and_type(type_text, widget, text: str) -> None:
    widget.clear()
    type_text(widget, text)


def test_the_other_change_is_shown_and_keep_editing_keeps_what_was_typed(qtbot, type_text, env, ctx,
                                                                          account_id) -> None:
    dialog = opened(qtbot, env, account_id)
    clear_and_type(type_text, dialog.name, "Siam Trading Co.")  # they change the name too: theirs is shown
    type_text(dialog.tags, "VIP, ลูกค้าประจำ")  # only here: kept
    type_text(dialog.website, "www.siam.co.th")
    other_desk(ctx.database.path, "rename", account_id, "Siam Trading (Other desk)")

    box = conflict_box(qtbot, dialog)
    text = box.informativeText()
    assert "Owner" in text and "Siam Trading → Siam Trading (Other desk)" in text
    assert stored(ctx, account_id) == ("Siam Trading (Other desk)", "")
    click(qtbot, box, "keepEditingButton")

    assert dialog.name.text() == "Siam Trading (Other desk)"
    assert dialog.tags.text() == "VIP, ลูกค้าประจำ" and dialog.website.text() == "www.siam.co.th"
    assert dialog.is_modified()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(ctx, account_id) == ("Siam Trading (Other desk)", "VIP, ลูกค้าประจำ")


def test_overwrite_saves_mine_and_cancel_saves_nothing(qtbot, type_text, env, ctx, account_id) -> None:
    dialog = opened(qtbot, env, account_id)
    clear_and_type(type_text, dialog.name, "Siam Trading Co.")
    other_desk(ctx.database.path, "rename", account_id, "Siam Trading (Other desk)")

    click(qtbot, conflict_box(qtbot, dialog), "backToFormButton")
    assert dialog.isVisible() and dialog.name.text() == "Siam Trading Co."
    assert stored(ctx, account_id)[0] == "Siam Trading (Other desk)"

    click(qtbot, conflict_box(qtbot, dialog), "overwriteButton")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(ctx, account_id)[0] == "Siam Trading Co."


def test_a_save_in_another_dialog_of_this_window_makes_this_one_stale(qtbot, type_text, env, ctx,
                                                                       account_id) -> None:
    first, second = opened(qtbot, env, account_id), opened(qtbot, env, account_id)
    clear_and_type(type_text, first.name, "Siam Trading (first)")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not first.isVisible())

    type_text(second.notes, "โทรก่อนส่งของ")
    box = conflict_box(qtbot, second)
    assert "Siam Trading → Siam Trading (first)" in box.informativeText()
    click(qtbot, box, "keepEditingButton")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not second.isVisible())
    assert stored(ctx, account_id)[0] == "Siam Trading (first)"


# --- other desktops' changes show up by themselves ---------------------------------------------------


def names(window: MainWindow) -> list[str]:
    model = window.accounts_tab.model
    return [str(model.index(r, model.column_index("name")).data()) for r in range(model.rowCount())]


def test_the_list_shows_other_desktops_changes_without_moving_the_selection(qtbot, ctx, prefs,
                                                                           account_id) -> None:
    window = opened_window(qtbot, ctx, prefs)
    tab = window.accounts_tab
    published: list[ChangeSet] = []
    window.env.bus.changed.connect(published.append)
    assert tab.table.current_id() == account_id and names(window) == ["Siam Trading"]

    other_desk(ctx.database.path, "add", "Andaman Foods")
    other_desk(ctx.database.path, "rename", account_id, "Siam Trading (Other desk)")
    window.other_desks.poll()  # what the timer does every two seconds
    assert names(window) == ["Andaman Foods", "Siam Trading (Other desk)"]
    assert tab.table.current_id() == account_id
    assert len(published) == 1

    create_account(ctx.uow(), AccountInput(name="Chiang Mai Crafts"), ctx.today())  # ours: no refresh by poll
    window.other_desks.poll()
    assert len(published) == 1


def test_the_poll_runs_while_the_app_is_active_and_stops_when_the_window_closes(qtbot, ctx, prefs) -> None:
    window = opened_window(qtbot, ctx, prefs)
    poll = window.other_desks
    poll._follow(Qt.ApplicationState.ApplicationInactive)
    assert not poll.timer.isActive()
    poll._follow(Qt.ApplicationState.ApplicationActive)
    assert poll.timer.isActive() and poll.timer.interval() == POLL_MS
    window.close()
    assert not poll.timer.isActive()


def test_the_conflict_box_speaks_thai(qtbot, qapp, type_text, ctx, prefs, account_id, tmp_path) -> None:
    install_app_font(qapp)  # as the app does: Thai glyphs from the bundled font, not boxes
    language = UiLanguage(qapp)
    assert language.apply("th")
    try:
        prefs.language = "th"
        dialog = opened(qtbot, ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()), account_id)
        type_text(dialog.tags, "VIP")
        other_desk(ctx.database.path, "rename", account_id, "บริษัท สยามการค้า จำกัด")
        box = conflict_box(qtbot, dialog)
        texts = [box.windowTitle(), box.text(), *(b.text() for b in box.buttons())]
        assert all(THAI.search(t) for t in texts), texts
        assert box.informativeText().startswith("สิ่งที่ผู้อื่นแก้ไข:") and "ชื่อ" in box.informativeText()
        assert box.grab().save(str(tmp_path / "conflict-th.png"))
    finally:
        language.apply("en")
