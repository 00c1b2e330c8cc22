"""The Accounts tab through real widgets: create, validate, edit, delete + undo, filter, lazy list."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.queries.accounts import account_count
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.accounts.dialog import AccountDialog
from crm_desktop.views.main_window import MainWindow
from tests.ui_helpers import opened_window

TODAY = date(2026, 11, 23)


def open_window(qtbot: object, ctx: AppContext, prefs: Prefs) -> MainWindow:
    return opened_window(qtbot, ctx, prefs)


@pytest.fixture
def window(qtbot: object, ctx: AppContext, prefs: Prefs) -> MainWindow:
    return open_window(qtbot, ctx, prefs)


def add_account(ctx: AppContext, name: str, **fields: object) -> str:
    return create_account(ctx.uow(), AccountInput(name=name, **fields), TODAY).created[0]  # type: ignore[arg-type]


def cell(window: MainWindow, row: int, key: str) -> str:
    model = window.accounts_tab.model
    return str(model.index(row, model.column_index(key)).data())


def column_texts(window: MainWindow, key: str) -> list[str]:
    return [cell(window, r, key) for r in range(window.accounts_tab.model.rowCount())]


def open_new_dialog(qtbot: object, window: MainWindow) -> AccountDialog:
    tab = window.accounts_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = tab.dialog
    assert isinstance(dialog, AccountDialog)
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    return dialog


def click_message_button(qtbot: object, parent: object, name: str, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, name) is not None)  # type: ignore[attr-defined]
    box = parent.findChild(QMessageBox, name)  # type: ignore[attr-defined]
    assert box.isVisible()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def test_create_account_through_dialog_shows_it_in_list_and_detail(qtbot, type_text, window, ctx) -> None:
    tab = window.accounts_tab
    assert tab.model.rowCount() == 0
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.name, "บริษัท สยามการค้า จำกัด")
    type_text(dialog.tax_id, "0105536061479")
    type_text(dialog.phone, "021234567")
    type_text(dialog.email, "sales@siam-trade.co.th")
    type_text(dialog.address.address_line, "99/1 ถนนสุขุมวิท")
    type_text(dialog.address.province, "เชียงใหม่")
    type_text(dialog.address.postcode, "50000")
    type_text(dialog.founded_on, "15/03/2540")
    type_text(dialog.tags, "VIP, ลูกค้าประจำ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.dialog is None)
    assert account_count(ctx.database) == 1
    assert tab.model.rowCount() == 1
    assert cell(window, 0, "name") == "บริษัท สยามการค้า จำกัด"
    assert cell(window, 0, "tax_id") == "0-1055-36061-47-9"
    assert cell(window, 0, "branch") == "Head office"
    assert cell(window, 0, "phone") == "02 123 4567"
    assert cell(window, 0, "province") == "เชียงใหม่"
    assert tab.table.current_id() is not None
    assert tab.detail_title.text() == "บริษัท สยามการค้า จำกัด"
    assert tab.detail.text("founded") == "15/03/2540"
    assert tab.detail.text("address") == "99/1 ถนนสุขุมวิท\nเชียงใหม่ 50000"
    assert tab.detail.text("email") == "sales@siam-trade.co.th"
    assert tab.count_label.text() == "1 account(s)"
    assert "Accounts: 1" in window.counts_label.text()
    assert "บริษัท สยามการค้า จำกัด" in window.last_action_label.text()


def test_invalid_tax_id_shows_error_keeps_dialog_and_saves_nothing(qtbot, type_text, window, ctx) -> None:
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.name, "ห้างหุ้นส่วนจำกัด ทดสอบ")
    type_text(dialog.tax_id, "0105536061478")  # last digit wrong
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert "not valid" in dialog.banner.text()
    assert dialog.banner.isVisible()
    assert dialog.tax_id.property("invalid") is True
    assert dialog.name.property("invalid") is not True
    assert dialog.name.text() == "ห้างหุ้นส่วนจำกัด ทดสอบ"  # nothing typed is lost
    assert account_count(ctx.database) == 0
    assert window.accounts_tab.model.rowCount() == 0

    # Fix the digit and save: the mark goes away and the account is there.
    dialog.tax_id.clear()
    type_text(dialog.tax_id, "0105536061479")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.accounts_tab.dialog is None)
    assert account_count(ctx.database) == 1


def test_invalid_date_and_unchosen_parent_are_reported_on_their_field(qtbot, type_text, window, ctx) -> None:
    add_account(ctx, "บริษัท แม่ จำกัด")
    window.refresh()
    dialog = open_new_dialog(qtbot, window)
    type_text(dialog.name, "บริษัท ลูก จำกัด")
    type_text(dialog.founded_on, "31/02/2560")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.founded_on.property("invalid") is True
    assert "not a real date" in dialog.banner.text()

    dialog.founded_on.clear()
    type_text(dialog.parent_account, "แม่")  # typed, but nothing picked from the list
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.parent_account.property("invalid") is True
    assert dialog.founded_on.property("invalid") is not True
    assert account_count(ctx.database) == 1

    # Pick it from the search-as-you-type list: then it saves with the parent.
    dialog.parent_account.popup.run_search()
    assert [c.title for c in dialog.parent_account.popup.choices()] == ["บริษัท แม่ จำกัด"]
    qtbot.keyClick(dialog.parent_account, Qt.Key.Key_Return)
    assert dialog.parent_account.value() is not None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.accounts_tab.dialog is None)
    tab = window.accounts_tab
    assert tab.detail_title.text() == "บริษัท ลูก จำกัด"
    assert "บริษัท แม่ จำกัด" in tab.detail.text("parent")


def test_edit_account_refreshes_just_its_row(qtbot, type_text, window, ctx) -> None:
    add_account(ctx, "บริษัท เอ จำกัด", phone="0812345678")
    add_account(ctx, "บริษัท บี จำกัด")
    window.refresh()
    tab = window.accounts_tab
    assert sorted(column_texts(window, "name")) == ["บริษัท บี จำกัด", "บริษัท เอ จำกัด"]
    row = column_texts(window, "name").index("บริษัท เอ จำกัด")
    tab.table.selectRow(row)
    keys_before = tab.model.keys_queries
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, AccountDialog)
    assert dialog.name.text() == "บริษัท เอ จำกัด"
    assert dialog.phone.text() == "081 234 5678"
    dialog.name.clear()
    type_text(dialog.name, "บริษัท เอ พลัส จำกัด")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)

    assert cell(window, row, "name") == "บริษัท เอ พลัส จำกัด"
    assert tab.detail_title.text() == "บริษัท เอ พลัส จำกัด"
    assert tab.model.keys_queries == keys_before  # an edit re-reads its row, not the whole list
    assert account_count(ctx.database) == 2


def test_delete_with_confirmation_then_undo_restores(qtbot, window, ctx) -> None:
    add_account(ctx, "บริษัท หนึ่ง จำกัด")
    add_account(ctx, "บริษัท สอง จำกัด")
    add_account(ctx, "บริษัท สาม จำกัด")
    window.refresh()
    tab = window.accounts_tab
    tab.table.selectRow(column_texts(window, "name").index("บริษัท สอง จำกัด"))
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    click_message_button(qtbot, tab, "confirmBox", QMessageBox.StandardButton.Yes)

    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert "บริษัท สอง จำกัด" not in column_texts(window, "name")
    assert account_count(ctx.database) == 2
    assert window.undo_button.isVisible()
    assert window.undo_label.text() == "Deleted 1 account(s) —"

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 3
    assert "บริษัท สอง จำกัด" in column_texts(window, "name")
    assert tab.detail_title.text() == "บริษัท สอง จำกัด"  # the restored account is selected
    assert not window.undo_button.isVisible()
    assert account_count(ctx.database) == 3


def test_cancelled_delete_keeps_everything(qtbot, window, ctx) -> None:
    add_account(ctx, "บริษัท คงอยู่ จำกัด")
    window.refresh()
    tab = window.accounts_tab
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    click_message_button(qtbot, tab, "confirmBox", QMessageBox.StandardButton.Cancel)
    assert tab.model.rowCount() == 1
    assert account_count(ctx.database) == 1


def test_multi_select_delete_and_ctrl_z(qtbot, window, ctx) -> None:
    for name in ("บริษัท ก จำกัด", "บริษัท ข จำกัด", "บริษัท ค จำกัด", "บริษัท ง จำกัด"):
        add_account(ctx, name)
    window.refresh()
    tab = window.accounts_tab
    tab.table.select_keys(tab.model.keys[:3])
    assert len(tab.table.selected_ids()) == 3
    window.activateWindow()
    tab.table.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    click_message_button(qtbot, tab, "confirmBox", QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert window.undo_label.text() == "Deleted 3 account(s) —"

    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 4
    assert account_count(ctx.database) == 4
    assert len(tab.table.selected_ids()) == 3


def test_text_filter_narrows_the_list_in_sql(qtbot, type_text, window, ctx) -> None:
    add_account(ctx, "บริษัท สยามการค้า จำกัด", phone="0812345678")
    add_account(ctx, "บริษัท เชียงใหม่ฟู้ด จำกัด", province="เชียงใหม่")
    add_account(ctx, "Bangkok Steel Co., Ltd.", email="info@bkksteel.com")
    window.refresh()
    tab = window.accounts_tab
    assert tab.model.rowCount() == 3

    type_text(tab.filter_text, "สยาม")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert column_texts(window, "name") == ["บริษัท สยามการค้า จำกัด"]
    assert tab.count_label.text() == "1 account(s)"

    tab.filter_text.clear()
    type_text(tab.filter_text, "bkksteel")
    qtbot.waitUntil(lambda: column_texts(window, "name") == ["Bangkok Steel Co., Ltd."])

    tab.filter_text.clear()
    type_text(tab.filter_text, "081-234")
    qtbot.waitUntil(lambda: column_texts(window, "name") == ["บริษัท สยามการค้า จำกัด"])

    tab.filter_text.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    tab.province_filter.setCurrentIndex(tab.province_filter.findData("เชียงใหม่"))
    qtbot.waitUntil(lambda: column_texts(window, "name") == ["บริษัท เชียงใหม่ฟู้ด จำกัด"])


def test_double_click_contact_in_detail_opens_it_in_contacts_tab(qtbot, window, ctx) -> None:
    account_id = add_account(ctx, "บริษัท สยามการค้า จำกัด")
    create_contact(ctx.uow(), ContactInput(first_name="สมชาย", prefix="นาย", nickname="ต้อม",
                                           account_id=account_id), TODAY)
    create_contact(ctx.uow(), ContactInput(first_name="Somsri", prefix="Ms", account_id=account_id), TODAY)
    window.refresh()
    tab = window.accounts_tab
    tab.table.selectRow(0)
    assert tab.detail_contact_names() == ["Ms Somsri", "นายสมชาย"]
    assert tab.contacts_label.text() == "Contacts (2)"
    item = tab.contacts_list.item(1)
    rect = tab.contacts_list.visualItemRect(item)
    qtbot.mouseClick(tab.contacts_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.contacts_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.contacts_tab
    assert window.contacts_tab.detail_title.text() == "นายสมชาย"


def test_columns_can_be_hidden_and_stay_hidden(qtbot, window, ctx, prefs) -> None:
    tab = window.accounts_tab
    tax_col = tab.model.column_index("tax_id")
    assert not tab.table.isColumnHidden(tax_col)
    dialog = window.choose_columns()
    dialog.boxes["tax_id"].setChecked(False)
    dialog.accept()
    assert tab.table.isColumnHidden(tax_col)
    window.close()

    again = open_window(qtbot, ctx, prefs)
    assert again.accounts_tab.table.isColumnHidden(tax_col)
    assert "tax_id" not in again.accounts_tab.table.visible_column_keys()


def test_lazy_model_fetches_blocks_and_sorts_in_sql(qtbot, ctx, prefs) -> None:
    total = 2000
    for i in range(total):
        add_account(ctx, f"Company {i:04d}", province="เชียงใหม่" if i % 3 == 0 else "ขอนแก่น")
    window = open_window(qtbot, ctx, prefs)
    tab = window.accounts_tab
    model = tab.model
    assert model.rowCount() == total
    assert tab.count_label.text() == "2000 account(s)"
    assert 0 < model.rows_fetched < total  # only the block the view shows was read
    assert model.rows_fetched <= 2 * model.block_size
    assert cell(window, 0, "name") == "Company 0000"

    tab.table.scrollToBottom()
    qtbot.wait(50)
    assert cell(window, total - 1, "name") == "Company 1999"
    assert model.rows_fetched < total

    # Sort by name, descending, by clicking the header twice: keys are queried again in SQL.
    queries = model.keys_queries
    header = tab.table.horizontalHeader()
    name_col = model.column_index("name")
    tab.table.sortByColumn(name_col, Qt.SortOrder.DescendingOrder)
    assert model.keys_queries == queries + 1
    assert model.descending
    assert cell(window, 0, "name") == "Company 1999"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    tab.table.sortByColumn(model.column_index("province"), Qt.SortOrder.AscendingOrder)
    provinces = [cell(window, r, "province") for r in (0, total - 1)]
    assert provinces == ["ขอนแก่น", "เชียงใหม่"]  # Thai dictionary order by SQL collation of the column
    assert model.rows_fetched < total * 2
    assert model.cached_row_count() < total

    # An unsortable column leaves the order (and the indicator) where the SQL sort is.
    tab.table.sortByColumn(model.column_index("branch"), Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == model.column_index("province")
