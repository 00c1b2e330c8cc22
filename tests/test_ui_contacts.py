"""The Contacts tab through real widgets: create (B2B and B2C), validate, edit, delete + undo, filter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.queries.contacts import contact_count
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.contacts.dialog import ContactDialog
from crm_desktop.views.main_window import MainWindow
from tests.ui_helpers import opened_window

TODAY = date(2026, 11, 23)


@pytest.fixture
def window(qtbot, ctx: AppContext, prefs: Prefs) -> MainWindow:
    window = opened_window(qtbot, ctx, prefs)
    window.tabs.setCurrentWidget(window.contacts_tab)
    return window


def add_account(ctx: AppContext, name: str) -> str:
    return create_account(ctx.uow(), AccountInput(name=name), TODAY).created[0]


def add_contact(ctx: AppContext, first_name: str, **fields: object) -> str:
    return create_contact(ctx.uow(), ContactInput(first_name=first_name, **fields), TODAY).created[0]  # type: ignore[arg-type]


def cell(window: MainWindow, row: int, key: str) -> str:
    model = window.contacts_tab.model
    return str(model.index(row, model.column_index(key)).data())


def names(window: MainWindow) -> list[str]:
    return [cell(window, r, "name") for r in range(window.contacts_tab.model.rowCount())]


def open_new_dialog(qtbot, window: MainWindow) -> ContactDialog:
    tab = window.contacts_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ContactDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_create_b2b_contact_with_account_picker(qtbot, type_text, window, ctx) -> None:
    account_id = add_account(ctx, "บริษัท สยามการค้า จำกัด")
    add_account(ctx, "บริษัท ไทยเจริญ จำกัด")
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.prefix, "นาย")
    type_text(dialog.first_name, "สมชาย")
    type_text(dialog.last_name, "ใจดี")
    type_text(dialog.nickname, "ต้อม")
    type_text(dialog.position, "ผู้จัดการฝ่ายจัดซื้อ")
    # The company picker searches as you type (never a list of every account).
    type_text(dialog.account, "สยาม")
    popup = dialog.account.popup
    qtbot.waitUntil(lambda: popup.visible)
    assert [c.title for c in popup.choices()] == ["บริษัท สยามการค้า จำกัด"]
    qtbot.keyClick(dialog.account, Qt.Key.Key_Return)
    assert dialog.account.value() == account_id
    assert dialog.account.text() == "บริษัท สยามการค้า จำกัด"
    type_text(dialog.mobile, "081-234-5678")
    type_text(dialog.email, "somchai@siam-trade.co.th")
    type_text(dialog.line_id, "@tom.somchai")
    type_text(dialog.birthday, "01/02/2530")
    qtbot.mouseClick(dialog.marketing_consent, Qt.MouseButton.LeftButton)
    assert dialog.consent_on.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    tab = window.contacts_tab
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert contact_count(ctx.database) == 1
    assert names(window) == ["นายสมชาย ใจดี"]
    assert cell(window, 0, "nickname") == "ต้อม"
    assert cell(window, 0, "account_name") == "บริษัท สยามการค้า จำกัด"
    assert cell(window, 0, "mobile") == "081 234 5678"
    assert cell(window, 0, "line_id") == "tom.somchai"
    assert cell(window, 0, "birthday") == "01/02/2530"
    assert tab.detail_title.text() == "นายสมชาย ใจดี"
    assert "บริษัท สยามการค้า จำกัด" in tab.detail_subtitle.text()
    assert tab.detail.text("birthday") == "01/02/2530 (age 39)"
    assert tab.detail.text("consent").startswith("Agreed to receive marketing on 23/11/2569")

    # Following the company link shows the account, whose detail pane lists its new contact.
    assert f"account:{account_id}" in tab.detail_subtitle.text()
    assert window.open_record("account", account_id)
    assert window.tabs.currentWidget() is window.accounts_tab
    assert window.accounts_tab.detail_title.text() == "บริษัท สยามการค้า จำกัด"
    assert window.accounts_tab.detail_contact_names() == ["นายสมชาย ใจดี · ผู้จัดการฝ่ายจัดซื้อ · 081 234 5678"]


def test_b2c_contact_and_kind_filter(qtbot, type_text, window, ctx) -> None:
    account_id = add_account(ctx, "บริษัท สยามการค้า จำกัด")
    add_contact(ctx, "วิชัย", account_id=account_id)
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.first_name, "มาลี")
    type_text(dialog.address.province, "เชียงใหม่")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    tab = window.contacts_tab
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert sorted(names(window)) == ["มาลี", "วิชัย"]
    assert "Private customer" in tab.detail_subtitle.text()

    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("b2c"))
    qtbot.waitUntil(lambda: names(window) == ["มาลี"])
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("b2b"))
    qtbot.waitUntil(lambda: names(window) == ["วิชัย"])
    tab.kind_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(names(window)) == 2)
    tab.province_filter.setCurrentIndex(tab.province_filter.findData("เชียงใหม่"))
    qtbot.waitUntil(lambda: names(window) == ["มาลี"])


def test_landline_as_mobile_is_refused_and_nothing_saved(qtbot, type_text, window, ctx) -> None:
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.first_name, "สมหญิง")
    type_text(dialog.mobile, "02 123 4567")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.mobile.property("invalid") is True
    assert "not a mobile number" in dialog.banner.text()
    assert dialog.first_name.text() == "สมหญิง"
    assert contact_count(ctx.database) == 0
    assert window.contacts_tab.model.rowCount() == 0


def test_missing_first_name_marks_the_field(qtbot, type_text, window, ctx) -> None:
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.nickname, "นิด")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.first_name.property("invalid") is True
    assert "required" in dialog.banner.text()
    assert contact_count(ctx.database) == 0


def test_edit_contact_updates_row_and_detail(qtbot, type_text, window, ctx) -> None:
    add_contact(ctx, "สมศรี", nickname="ศรี", mobile="0891112222")
    window.refresh()
    tab = window.contacts_tab
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ContactDialog)
    assert dialog.mobile.text() == "089 111 2222"
    dialog.nickname.clear()
    type_text(dialog.nickname, "แป้ง")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert cell(window, 0, "nickname") == "แป้ง"
    assert tab.detail.text("nickname") == "แป้ง"
    assert tab.detail.text("mobile") == "089 111 2222"


def test_cancel_with_changes_asks_before_discarding(qtbot, type_text, window, ctx) -> None:
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.first_name, "ปรีชา")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "confirmBox") is not None)
    box = dialog.findChild(QMessageBox, "confirmBox")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.first_name.text() == "ปรีชา"  # kept
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "confirmBox") is not None
                    and dialog.findChild(QMessageBox, "confirmBox").isVisible())
    box = dialog.findChild(QMessageBox, "confirmBox")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.contacts_tab.dialog is None)
    assert contact_count(ctx.database) == 0


def test_delete_contact_and_undo_with_ctrl_z(qtbot, window, ctx) -> None:
    add_contact(ctx, "ก้อง")
    add_contact(ctx, "ขวัญ")
    window.refresh()
    tab = window.contacts_tab
    tab.table.selectRow(names(window).index("ขวัญ"))
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "confirmBox") is not None)
    box = tab.findChild(QMessageBox, "confirmBox")
    assert "ขวัญ" in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(window) == ["ก้อง"])
    assert window.undo_label.text() == "Deleted 1 contact(s) —"
    assert "Contacts: 1" in window.counts_label.text()

    window.activateWindow()
    tab.table.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(names(window)) == ["ก้อง", "ขวัญ"]
    assert "Contacts: 2" in window.counts_label.text()
    assert tab.detail_title.text() == "ขวัญ"


def test_text_filter_by_nickname_phone_and_line(qtbot, type_text, window, ctx) -> None:
    add_contact(ctx, "สมชาย", nickname="ต้อม", mobile="0812345678")
    add_contact(ctx, "สมหญิง", nickname="หญิง", line_id="ying.line")
    add_contact(ctx, "John", last_name="Smith", email="john@example.com")
    window.refresh()
    tab = window.contacts_tab
    assert tab.count_label.text() == "3 contact(s)"
    type_text(tab.filter_text, "ต้อม")
    qtbot.waitUntil(lambda: names(window) == ["สมชาย"])
    tab.filter_text.clear()
    type_text(tab.filter_text, "081 234")
    qtbot.waitUntil(lambda: names(window) == ["สมชาย"])
    tab.filter_text.clear()
    type_text(tab.filter_text, "ying")
    qtbot.waitUntil(lambda: names(window) == ["สมหญิง"])
    tab.filter_text.clear()
    qtbot.waitUntil(lambda: len(names(window)) == 3)


def test_renaming_an_account_updates_the_contacts_list(qtbot, window, ctx) -> None:
    from crm_desktop.services.accounts import account_input, update_account

    account_id = add_account(ctx, "บริษัท เดิม จำกัด")
    add_contact(ctx, "อนันต์", account_id=account_id)
    window.refresh()
    assert cell(window, 0, "account_name") == "บริษัท เดิม จำกัด"
    data = account_input(ctx.uow(), account_id)
    data.name = "บริษัท ใหม่ จำกัด"
    window.env.bus.publish(update_account(ctx.uow(), account_id, data, TODAY))
    assert cell(window, 0, "account_name") == "บริษัท ใหม่ จำกัด"
    assert "บริษัท ใหม่ จำกัด" in window.contacts_tab.detail_subtitle.text()


def test_likely_duplicate_is_shown_before_saving_and_can_be_saved_anyway(qtbot, type_text, window, ctx) -> None:
    add_contact(ctx, "สมชาย", last_name="ใจดี", mobile="081-234-5678")
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.prefix, "คุณ")
    type_text(dialog.first_name, "สมชาย")
    type_text(dialog.last_name, "ใจดี")
    dialog.mobile.setText("+66 81 234 5678")  # the same number, written another way
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = dialog.duplicate_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "สมชาย ใจดี" in box.text() and "same phone" in box.text()
    assert contact_count(ctx.database) == 1  # nothing saved while the user decides
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: contact_count(ctx.database) == 2)
