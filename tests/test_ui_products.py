"""The Products tab through real widgets: add through the dialog, refused SKU, filter, price history,
deactivate, delete + undo, and Ctrl+K search opening a product."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop.queries.products import product_count
from crm_desktop.services.app import AppContext
from crm_desktop.services.products import ProductInput, create_product, update_product
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.products.dialog import ProductDialog
from crm_desktop.views.products.tab import ProductsTab, margin_text


@pytest.fixture
def window(qtbot: object, ctx: AppContext, prefs: Prefs) -> MainWindow:
    win = MainWindow(ctx, prefs)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    win.tabs.setCurrentWidget(win.products_tab)
    return win


def add(ctx: AppContext, sku: str, name_th: str, price: int, **fields: object) -> str:
    return create_product(ctx.uow(), ProductInput(sku=sku, name_th=name_th, price_satang=price,
                                                  **fields)).created[0]  # type: ignore[arg-type]


def column(tab: ProductsTab, key: str) -> list[str]:
    model = tab.model
    return [str(model.index(r, model.column_index(key)).data()) for r in range(model.rowCount())]


def open_new(qtbot: object, window: MainWindow) -> ProductDialog:
    window.act_new.trigger()  # Ctrl+N on the Products tab
    dialog = window.products_tab.dialog
    assert isinstance(dialog, ProductDialog)
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    return dialog


def test_tab_sits_after_the_deals(window: MainWindow) -> None:
    tabs = window.tabs
    assert tabs.indexOf(window.products_tab) == tabs.indexOf(window.opportunities_tab) + 1
    assert tabs.tabText(tabs.indexOf(window.products_tab)) == "Products"


def test_add_a_product_through_the_dialog(qtbot, type_text, window, ctx) -> None:
    tab = window.products_tab
    dialog = open_new(qtbot, window)
    type_text(dialog.sku, "ac-12000")
    type_text(dialog.name_th, "แอร์ติดผนัง 12,000 BTU")
    type_text(dialog.name_en, "Wall aircon")
    dialog.category.setEditText("เครื่องปรับอากาศ")
    dialog.unit.setEditText("เครื่อง")
    type_text(dialog.price, "15,900")
    type_text(dialog.cost, "12000.50")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.dialog is None)
    assert product_count(ctx.database) == 1
    assert column(tab, "sku") == ["AC-12000"]
    assert column(tab, "price_satang") == ["15,900.00"]
    assert column(tab, "cost_satang") == ["12,000.50"]
    assert tab.detail_title.text() == "แอร์ติดผนัง 12,000 BTU"
    assert tab.detail.text("price") == "฿15,900.00"
    assert tab.detail.text("margin") == "฿3,899.50 (24.5 %)"
    assert tab.count_label.text() == "1 product(s)"
    assert tab.category_filter.findData("เครื่องปรับอากาศ") >= 0  # the new category is offered
    assert tab.history_texts()[0][2:] == ["15,900.00", "12,000.50"]


def test_duplicate_sku_and_bad_price_keep_the_dialog_open(qtbot, type_text, window, ctx) -> None:
    add(ctx, "PEN-01", "ปากกาลูกลื่น", 15_00)
    dialog = open_new(qtbot, window)
    type_text(dialog.sku, "PEN-02")
    type_text(dialog.name_th, "ปากกาเจล")
    type_text(dialog.price, "12,5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.price.property("invalid") is True

    dialog.price.clear()
    type_text(dialog.price, "10,000,000.01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.price.property("invalid") is True
    assert "10,000,000" in dialog.banner.text()

    dialog.price.clear()
    type_text(dialog.price, "25")
    dialog.sku.clear()
    type_text(dialog.sku, "pen-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.sku.property("invalid") is True
    assert "ปากกาลูกลื่น" in dialog.banner.text()
    assert product_count(ctx.database) == 1

    dialog.sku.clear()
    type_text(dialog.sku, "PEN-02")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.products_tab.dialog is None)
    assert product_count(ctx.database) == 2


def test_filters(qtbot, type_text, window, ctx) -> None:
    add(ctx, "AC-12", "แอร์ติดผนัง", 15_900_00, category="แอร์")
    add(ctx, "FAN-1", "พัดลมตั้งพื้น", 1_290_00, category="พัดลม", vatable=False)
    add(ctx, "SV-01", "ล้างแอร์", 500_00, category="บริการ", active=False)
    tab = window.products_tab
    tab.refresh()
    assert column(tab, "sku") == ["AC-12", "FAN-1"]  # active ones by default

    type_text(tab.filter_text, "แอร์")
    tab.apply_filter()
    assert column(tab, "sku") == ["AC-12"]
    tab.active_filter.setCurrentIndex(tab.active_filter.findData(None))
    qtbot.waitUntil(lambda: column(tab, "sku") == ["AC-12", "SV-01"])

    tab.filter_text.clear()
    tab.apply_filter()
    tab.vat_filter.setCurrentIndex(tab.vat_filter.findData(False))
    qtbot.waitUntil(lambda: column(tab, "sku") == ["FAN-1"])
    tab.vat_filter.setCurrentIndex(0)

    type_text(tab.price_min, "1,000")
    tab.apply_filter()
    assert column(tab, "sku") == ["AC-12", "FAN-1"]
    type_text(tab.price_max, "2000")
    tab.apply_filter()
    assert column(tab, "sku") == ["FAN-1"]
    tab.price_max.setText("abc")  # unreadable: marked, ignored
    tab.apply_filter()
    assert "ffebee" in tab.price_max.styleSheet()
    assert column(tab, "sku") == ["AC-12", "FAN-1"]

    tab.clear_filters()
    tab.category_filter.setCurrentIndex(tab.category_filter.findData("พัดลม"))
    qtbot.waitUntil(lambda: column(tab, "sku") == ["FAN-1"])


def test_price_history_after_an_edit_in_the_dialog(qtbot, type_text, window, ctx) -> None:
    pid = add(ctx, "AC-12", "แอร์ติดผนัง", 15_900_00, cost_satang=12_000_00)
    tab = window.products_tab
    tab.refresh()
    tab.edit_record(pid)
    dialog = tab.dialog
    assert isinstance(dialog, ProductDialog)
    assert dialog.price.text() == "15,900"
    dialog.price.clear()
    type_text(dialog.price, "14,500")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)

    assert column(tab, "price_satang") == ["14,500.00"]
    rows = tab.history_texts()
    assert [r[2:] for r in rows] == [["15,900.00 → 14,500.00", "12,000.00"], ["15,900.00", "12,000.00"]]
    assert "Saved product แอร์ติดผนัง" in window.last_action_label.text()


def test_deactivate_from_the_pane_then_delete_and_undo(qtbot, window, ctx) -> None:
    pid = add(ctx, "AC-12", "แอร์ติดผนัง", 15_900_00)
    tab = window.products_tab
    tab.refresh()
    assert tab.current_id() == pid
    assert tab.active_button.text() == "Deactivate"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert column(tab, "active") == ["No"]
    assert tab.active_button.text() == "Activate"
    assert "Inactive" in tab.detail.text("status")

    tab._delete([pid])
    assert tab.model.rowCount() == 0 and product_count(ctx.database) == 0
    window.undo_delete()
    assert product_count(ctx.database) == 1


def test_ctrl_k_finds_a_product_and_opens_it(qtbot, type_text, window, ctx) -> None:
    pid = add(ctx, "AC-12", "แอร์ติดผนัง", 15_900_00, active=False)
    window.tabs.setCurrentWidget(window.accounts_tab)
    type_text(window.search_edit, "ติดผนัง")
    window.search_popup.run_search()
    choices = window.search_popup.choices()
    assert [(c.kind, c.title) for c in choices] == [("product", "AC-12 แอร์ติดผนัง")]
    assert window.search_popup.choose_current()
    assert window.tabs.currentWidget() is window.products_tab
    assert window.products_tab.current_id() == pid  # inactive, still shown when opened
    assert window.products_tab.detail_title.text() == "แอร์ติดผนัง"


def test_edited_name_refreshes_the_row(qtbot, window, ctx) -> None:
    pid = add(ctx, "AC-12", "แอร์", 15_900_00)
    tab = window.products_tab
    tab.refresh()
    changes = update_product(ctx.uow(), pid, ProductInput(sku="AC-12", name_th="แอร์ใหม่", price_satang=1))
    window.env.bus.publish(changes, "")
    assert column(tab, "name_th") == ["แอร์ใหม่"]


@pytest.mark.parametrize("price, cost, text", [
    (0, 10, ""), (100_00, 0, ""), (100_00, 75_00, "฿25.00 (25.0 %)"), (3_00, 2_00, "฿1.00 (33.3 %)"),
    (100_00, 150_00, "-฿50.00 (-50.0 %)"),
])
def test_margin_text(price: int, cost: int, text: str) -> None:
    assert margin_text(price, cost) == text
