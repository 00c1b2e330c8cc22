"""The customer 360 page through real widgets: opened from the account pane, a list's context menu,
Ctrl+K search (Shift+Enter) and the timeline; its figures, tables and lists; adding a relationship."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from crm_desktop.queries.customer360 import customer_360
from crm_desktop.services.app import AppContext
from crm_desktop.services.formatting import format_money
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.customer360.page import Customer360Page
from crm_desktop.views.main_window import MainWindow
from tests.test_customer360 import Shop, shop, sql_grand_totals  # noqa: F401  (the fixed data set)
from tests.test_ui_main import language, open_window  # noqa: F401  (the language fixture)
from tests.time_helpers import TODAY


def loaded_page(qtbot: object, window: MainWindow) -> Customer360Page:
    page = window.tabs.currentWidget()
    assert isinstance(page, Customer360Page)
    qtbot.waitUntil(lambda: page.data is not None and page.task is None)  # type: ignore[attr-defined]
    return page


def test_from_the_account_pane_with_every_figure(qtbot: object, ctx: AppContext, prefs: Prefs, shop: Shop) -> None:  # noqa: F811
    window = open_window(qtbot, ctx, prefs)
    window.tabs.setCurrentWidget(window.accounts_tab)
    window.accounts_tab.show_record(shop.accounts["A"])
    qtbot.mouseClick(window.accounts_tab.c360_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    page = loaded_page(qtbot, window)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "360: Siam Rice"
    grand = sql_grand_totals(ctx)
    value = sum(grand[shop.orders[k]] for k in ("O1", "O2", "O3", "O6"))
    assert page.figures["value"].text() == format_money(value)
    assert page.figure_notes["value"].text() == "4 order(s)"
    assert page.figures["average"].text() == format_money((2 * value + 4) // 8)
    assert page.figures["last_order"].text() == "01/11/2569"
    assert page.figures["last_contact"].text() == "21/11/2569"
    assert page.figure_notes["last_contact"].text() == "2 day(s) ago"
    assert "Parent company: Siam Group" in page.companies.text() or "Siam Group</a>" in page.companies.text()

    rows = page.table_texts(page.open_table)
    assert [r[:3] for r in rows] == [["Deal", "Rice mill line", "Negotiation"], ["Quotation", "QT-1 rev 2", "sent"],
                                     ["Quotation", "QT-2", "draft"], ["Order", "SO-O6", "confirmed"],
                                     ["Order", "SO-O5", "draft"]]
    assert rows[3][4] == format_money(grand[shop.orders["O6"]]) and rows[3][5] == "15/11/2569 (late)"
    assert page.open_table.item(3, 0).foreground().color().name() == "#b71c1c"
    history = page.table_texts(page.history_table)
    assert history[0] == ["P1", "สินค้า P1", "3", "30 ชิ้น", history[0][4], "09/07/2569", "90 day(s)"]
    assert page.list_texts(page.next_list)[0] == "สินค้า P4 — bought by 2 of 3 customers who bought สินค้า P1"
    assert page.list_texts(page.due_list) == ["สินค้า P1 — usually every 90 days, last bought 09/07/2569: "
                                              "47 day(s) overdue"]
    assert page.list_texts(page.dates_list)[0] == "01/12/2569 — ครบรอบร้าน: Siam Rice (10 year(s))"
    assert page.list_texts(page.links_list) == ["Somchai — colleague of — Suda",
                                                "Wipa — referred by — Somchai (ลูกค้าแนะนำ)"]

    page.open_table.cellDoubleClicked.emit(0, 1)  # the deal opens in the Deals tab
    deals = window.opportunities_tab
    assert window.tabs.currentWidget() is deals
    assert deals.current_id() is not None
    menu = deals._row_menu(deals.table.visualRect(deals.table.currentIndex()).center())
    assert menu is not None  # the deal's right-click menu leads back to its customer's page
    action = next(a for a in menu.actions() if a.text() == "Customer 360")
    menu.close()
    action.trigger()
    assert window.tabs.currentWidget() is page
    window.tabs.setCurrentWidget(page)
    page.open_table.cellDoubleClicked.emit(3, 1)  # the late order opens on the Orders tab
    assert window.tabs.currentWidget() is window.orders_tab
    assert window.orders_tab.current_page() is window.orders_tab.orders
    assert window.orders_tab.orders.table.current_id() == shop.orders["O6"]
    window.accounts_tab.open_360.emit("account", shop.accounts["A"])  # the same page again, not a second one
    assert window.tabs.currentWidget() is page
    qtbot.keyClick(page, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert all(not isinstance(window.tabs.widget(i), Customer360Page) for i in range(window.tabs.count()))


def test_from_search_with_shift_enter_and_the_list_menu(qtbot: object, ctx: AppContext, prefs: Prefs,
                                                         shop: Shop) -> None:  # noqa: F811
    window = open_window(qtbot, ctx, prefs)
    window.focus_search()
    window.search_edit.setText("Wipa")
    window.search_popup.run_search()
    assert window.search_popup.list.item(window.search_popup.list.count() - 1).text() == (
        "Enter opens the record · Shift+Enter opens the Customer 360 page")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
    page = loaded_page(qtbot, window)
    assert (page.kind, page.record_id) == ("contact", shop.contacts["wipa"])
    assert "Private customer" in page.subtitle.text()
    assert page.list_texts(page.due_list) == ["สินค้า P4 — usually every 30 days, last bought 07/11/2569: "
                                              "due in 14 day(s)"]  # P5 is due on day 15: not listed
    # Two orders each: the larger amount first.
    assert [r[0] for r in page.table_texts(page.history_table)] == ["P5", "P4"]
    assert page.list_texts(page.dates_list) == ["23/11/2569 — Birthday: Wipa (41 year(s))"]
    assert page.list_texts(page.next_list) == ["สินค้า P1 — bought by 2 of 3 customers who bought สินค้า P4",
                                               "สินค้า P3 — bought by 1 of 3 customers who bought สินค้า P4"]

    tab = window.contacts_tab
    window.tabs.setCurrentWidget(tab)
    tab.show_record(shop.contacts["somchai"])
    rect = tab.table.visualRect(tab.table.currentIndex())
    menu = tab._row_menu(rect.center() + QPoint(0, 0))
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == "Customer 360")
    menu.close()
    action.trigger()
    page = loaded_page(qtbot, window)
    assert (page.kind, page.record_id) == ("contact", shop.contacts["somchai"])
    assert "at " in page.subtitle.text() and "Siam Rice" in page.subtitle.text()
    assert [r[1] for r in page.table_texts(page.open_table)] == ["SO-O6"]  # the order placed through him


def test_from_the_timeline_and_adding_a_relationship(qtbot: object, ctx: AppContext, prefs: Prefs,
                                                     shop: Shop) -> None:  # noqa: F811
    window = open_window(qtbot, ctx, prefs)
    window.tabs.setCurrentWidget(window.accounts_tab)
    window.accounts_tab.show_record(shop.accounts["A"])
    view = window.accounts_tab.timeline
    labels = [view.list.itemAt(i).widget() for i in range(view.list.count())]
    call = next(w for w in labels if isinstance(w, QLabel) and "with Somchai" in w.accessibleName())
    assert "Customer 360" in call.text()
    call.linkActivated.emit(f"contact:{shop.contacts['somchai']}")
    page = loaded_page(qtbot, window)
    assert (page.kind, page.record_id) == ("contact", shop.contacts["somchai"])

    page.companies.linkActivated.emit(f"360:account:{shop.accounts['A']}")  # not shown for a contact: the header's
    page = loaded_page(qtbot, window)
    assert page.record_id == shop.accounts["A"]
    dialog = page.add_link()
    assert dialog is not None
    dialog.person.setCurrentIndex(dialog.person.findText("Suda"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("family"))
    dialog.other.set_value(shop.contacts["wipa"], "Wipa")
    dialog.note.setText("พี่สาว")
    assert dialog.save()
    qtbot.waitUntil(lambda: len(page.list_texts(page.links_list)) == 3)  # type: ignore[attr-defined]
    assert "Suda — family of — Wipa (พี่สาว)" in page.list_texts(page.links_list)

    dialog = page.add_link()
    assert dialog is not None
    dialog.person.setCurrentIndex(dialog.person.findText("Suda"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("family"))
    dialog.other.set_value(shop.contacts["wipa"], "Wipa")
    assert not dialog.save()  # the same link twice
    assert dialog.banner.text() == "These two people are already linked this way."
    dialog.discard()

    page.links_list.setCurrentRow(0)
    qtbot.mouseClick(page.remove_link_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(page.list_texts(page.links_list)) == 2)  # type: ignore[attr-defined]
    assert window.env.undo.take() is not None  # Undo brings it back
    assert customer_360(ctx.database, "account", shop.accounts["A"], TODAY, ctx.now()) is not None


def test_a_language_switch_keeps_the_page_open(qtbot: object, ctx: AppContext, prefs: Prefs, shop: Shop,  # noqa: F811
                                              language: object) -> None:  # noqa: F811
    window = open_window(qtbot, ctx, prefs, language)  # type: ignore[arg-type]
    window.open_customer_360("contact", shop.contacts["wipa"])
    loaded_page(qtbot, window)
    window.language.apply("th")  # type: ignore[union-attr]
    prefs.language = "th"
    window.rebuild_tabs()
    page = window.tabs.widget(window.tabs.count() - 1)
    assert isinstance(page, Customer360Page) and page.record_id == shop.contacts["wipa"]
    window.tabs.setCurrentWidget(page)
    page = loaded_page(qtbot, window)
    assert page.figures["value"].text() == format_money(sum(sql_grand_totals(ctx)[shop.orders[k]]
                                                            for k in ("W1", "W2", "W3", "W4")))
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "ภาพรวม Wipa"
    assert page.list_texts(page.due_list) == ["สินค้า P4 — ซื้อทุก ๆ 30 วัน ซื้อล่าสุด 07/11/2569: อีก 14 วัน"]
