"""Several desktops through a real dialog: a save on a record changed elsewhere shows that change and
lets the user keep editing on top of it (their typed values kept), overwrite it, or go back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from crm_desktop.queries.accounts import account_detail
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.accounts.dialog import AccountDialog
from crm_desktop.views.common import ViewEnv
from tests.desk_helpers import other_desk


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
