"""The sales screens through real widgets: the Orders tab (quotations and sales orders), their
dialogs and the delivery dialog, Settings › Documents and the document numbers on the Sync tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from crm_desktop.queries.sales.detail import document_detail
from crm_desktop.queries.stages import stages
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, opportunity_input
from crm_desktop.services.products import ProductInput, create_product
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput, QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.numbers import CLAIM_PREFIX, OFFICE_KEY, number_patterns, this_copy_is_office
from crm_desktop.services.sales.orders import confirm_order, create_order
from crm_desktop.services.sales.quotations import create_quotation, send_quotation
from crm_desktop.ui.actions import ChangeBus, UndoDelete, perform
from crm_desktop.ui.forms import select_data
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.sales.delivery_dialog import DeliveryDialog
from crm_desktop.views.sales.document_dialog import OrderDialog, QuotationDialog
from crm_desktop.views.sales.document_page import DocumentPage
from crm_desktop.views.sales.labels import LATE_BACKGROUND, LATE_FOREGROUND
from crm_desktop.views.sales.lines_editor import DESCRIPTION, PRICE, QUANTITY, LinesEditor
from crm_desktop.views.sales.pdf_preview import PdfPreviewDialog
from crm_desktop.views.sales.tab import OrdersTab
from crm_desktop.views.settings.dialog import SettingsDialog
from crm_desktop.views.sync.tab import SyncTab
from tests.test_translations import THAI, untranslated
from tests.ui_helpers import shown_tab

TODAY = date(2026, 11, 23)


# --- Settings › Documents and the Sync tab ------------------------------------------------------


def test_the_documents_page_shows_an_example_and_refuses_a_pattern_without_seq(qtbot, type_text, ctx: AppContext,
                                                                               prefs: Prefs) -> None:
    dialog = SettingsDialog(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()))
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.documents
    assert page.patterns["quotation"].text() == "QT{year}-{seq}"
    assert page.examples["quotation"].text().startswith("e.g. QT2569-0001 (on another copy: QT2569-")
    edit = page.patterns["order"]
    edit.clear()
    type_text(edit, "ใบสั่ง{year}/{month}")
    assert "{seq} exactly once" in page.examples["order"].text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.pages.currentWidget() is page  # the refused field is shown, marked
    assert "{seq} exactly once" in dialog.banner.text() and edit.property("invalid")
    assert number_patterns(ctx.uow())["order"] == "SO{year}-{seq}"  # nothing saved, not even the other pages

    edit.end(False)  # the marked field had its text selected
    type_text(edit, "-{seq}")
    assert page.examples["order"].text().startswith("e.g. ใบสั่ง2569/11-0001")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert number_patterns(ctx.uow())["order"] == "ใบสั่ง{year}/{month}-{seq}"


def test_the_sync_tab_makes_this_copy_the_office(qtbot, ctx: AppContext, prefs: Prefs, monkeypatch) -> None:
    env = ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())
    tab = SyncTab(env)
    qtbot.addWidget(tab)
    tab.show()
    assert this_copy_is_office(ctx.uow())  # a new copy that never imported a file numbers as the office
    assert "is the office" in tab.numbering_label.text() and not tab.office_button.isEnabled()
    with ctx.uow() as uow:  # an earlier claim arrives from another copy
        uow.settings.set_value(CLAIM_PREFIX + "0000000000000001", "0" * 19)
        uow.commit()
    tab.reload()
    assert not this_copy_is_office(ctx.uow())
    assert ctx.database.site_id[:4].upper() in tab.numbering_label.text()
    assert tab.office_button.isEnabled() and not tab.renumber_button.isEnabled()
    tab.make_office()
    box = tab.findChild(object, "confirmBox")
    box.button(box.StandardButton.Yes).click()
    assert this_copy_is_office(ctx.uow())
    assert "is the office" in tab.numbering_label.text()
    assert not tab.office_button.isEnabled() and tab.renumber_button.isEnabled()


def test_the_office_renumbers_documents_made_on_other_copies(qtbot, ctx: AppContext, prefs: Prefs,
                                                               monkeypatch) -> None:
    with ctx.uow() as uow:  # another copy is the office: this one numbers with its copy code
        uow.settings.set_value(OFFICE_KEY, "another-copy")
        uow.commit()
    data = QuotationInput(lines=[LineInput("ค่าบริการล้างแอร์", 1000, 60_000)], account_id=add_account(ctx))
    quotation = create_quotation(ctx.uow(), data, TODAY).created[0]
    code = ctx.database.site_id[:4].upper()
    assert document_detail(ctx.database, "quotation", quotation, TODAY).number == f"QT2569-{code}-0001"
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    env = ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())
    tab = SyncTab(env)
    qtbot.addWidget(tab)
    heard: list[ChangeSet] = []
    env.bus.changed.connect(heard.append)
    assert tab.renumber() is None  # refused: this copy is not the office
    assert heard == []
    assert tab.findChild(QMessageBox, "domainErrorBox").text() == "Only the office copy renumbers documents."
    tab.make_office()
    box = tab.findChild(QMessageBox, "confirmBox")
    box.button(QMessageBox.StandardButton.Yes).click()
    heard.clear()
    tab.renumber()
    assert heard == [change(Entity.QUOTATION, updated=(quotation,)) | change(Entity.SALES_ORDER)  # the pages hear it
                     | change(Entity.CASE)]
    assert told == ["Renumbered 1 quotation(s) and 0 sales order(s) from other copies."]
    detail = document_detail(ctx.database, "quotation", quotation, TODAY)
    assert (detail.number, detail.provisional_number) == ("QT2569-0001", f"QT2569-{code}-0001")


# --- the Orders tab -------------------------------------------------------------------------------


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> OrdersTab:
    return shown_tab(qtbot, OrdersTab, ctx, prefs, (1500, 900))


def add_account(ctx: AppContext, name: str = "บริษัท สยามแอร์เซอร์วิส จำกัด", tax_id: str = "0105536061479") -> str:
    return create_account(ctx.uow(), AccountInput(name=name, tax_id=tax_id, branch_code="00000" if tax_id else ""),
                          TODAY).created[0]


def add_deal(ctx: AppContext, account_id: str, name: str = "แอร์ 10 เครื่อง สำนักงานใหม่") -> str:
    prospecting = next(s.id for s in stages(ctx.database) if s.default_key == "prospecting")
    data = OpportunityInput(name=name, stage_id=prospecting, account_id=account_id, amount_satang=12_000_000)
    return create_opportunity(ctx.uow(), data, ctx.now()).created[0]


def add_product(ctx: AppContext) -> str:
    data = ProductInput(sku="AC-12K", name_th="แอร์ติดผนัง 12,000 บีทียู", unit="เครื่อง", price_satang=1_590_000)
    return create_product(ctx.uow(), data).created[0]


def stage_key(ctx: AppContext, deal_id: str) -> str:
    by_id = {s.id: s.default_key for s in stages(ctx.database)}
    return by_id[opportunity_input(ctx.uow(), deal_id).stage_id]


def cell(page: DocumentPage, row: int, key: str) -> str:
    return str(page.model.index(row, page.model.column_index(key)).data())


def add_order(ctx: AppContext, account_id: str, promised: list[date | None], *, confirm: bool = True,
              issued_on: date = TODAY) -> str:
    """An order of one line per promised date (2 units each at ฿1,000), confirmed unless told."""
    lines = [OrderLineInput(f"สินค้า {i + 1}", 2000, 100_000, promised_on=day) for i, day in enumerate(promised)]
    order = create_order(ctx.uow(), OrderInput(account_id=account_id, issued_on=issued_on, lines=lines),
                         TODAY).created[0]
    if confirm:
        confirm_order(ctx.uow(), order, TODAY, ctx.now())
    return order


def trigger(page: DocumentPage, name: str) -> None:
    action = page.action(name)
    assert action.isEnabled(), name
    action.trigger()


def test_a_quotation_becomes_a_delivered_order(qtbot, type_text, tab: OrdersTab, ctx: AppContext) -> None:
    account = add_account(ctx)
    deal = add_deal(ctx, account)
    product = add_product(ctx)
    page = tab.quotations
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, QuotationDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.deal, "แอร์ 10")
    qtbot.waitUntil(lambda: dialog.deal.popup.visible)
    qtbot.keyClick(dialog.deal, Qt.Key.Key_Return)
    assert dialog.deal.value() == deal
    type_text(dialog.account, "สยามแอร์")
    qtbot.waitUntil(lambda: dialog.account.popup.visible)
    qtbot.keyClick(dialog.account, Qt.Key.Key_Return)
    assert dialog.account.value() == account
    add_two_lines(qtbot, type_text, dialog, product)
    type_text(dialog.payment_terms, "เครดิต 30 วัน")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)

    assert page.model.rowCount() == 1
    assert cell(page, 0, "number") == "QT2569-0001"
    assert cell(page, 0, "status") == "Draft"
    assert cell(page, 0, "valid_until") == "23/12/2569"  # 30 days unless told
    # 2 × 15,900 + 1 × 500 = 32,300, VAT 2,261 → 34,561
    assert cell(page, 0, "grand_total") == "฿34,561.00"
    assert [row[1] for row in page.line_texts()] == ["AC-12K แอร์ติดผนัง 12,000 บีทียู", "ค่าติดตั้ง"]
    assert page.totals_rows[-1] == ("Grand total", "฿34,561.00")
    trigger(page, "pdfAction")  # the printed quotation, to look at, print or save
    preview = page.findChild(PdfPreviewDialog)
    assert preview is not None and preview.isVisible() and preview.page_count() == 1
    preview.close()

    menu = page._context_menu(QPoint(5, 5))  # the right-click menu offers what applies to a draft
    assert [a.text() for a in menu.actions() if a.text()] == ["Edit…", "Customer 360", "Send", "PDF / Print…",
                                                              "Delete…"]
    menu.close()
    keys_queries, fetched = page.model.keys_queries, page.model.rows_fetched
    trigger(page, "sendAction")
    assert cell(page, 0, "status") == "Sent"
    # Only the changed row was read again: no new keys query, one row fetched.
    assert (page.model.keys_queries, page.model.rows_fetched) == (keys_queries, fetched + 1)
    assert stage_key(ctx, deal) == "quotation"  # sending moved the deal to the quotation stage
    assert not page.action("sendAction").isEnabled()
    trigger(page, "acceptAction")
    assert cell(page, 0, "status") == "Accepted"
    trigger(page, "orderAction")  # one click: the order is made and opened on its own page
    orders = tab.orders
    assert tab.current_page() is orders
    assert orders.model.rowCount() == 1 and orders.current_id() == page.made_order
    assert cell(orders, 0, "number") == "SO2569-0001" and cell(orders, 0, "status") == "Draft"
    assert orders.detail.text("links") and "QT2569-0001" in orders.detail.text("links")
    page.show_detail(page.current_id())
    assert "SO2569-0001" in page.detail.text("links")

    trigger(orders, "confirmAction")
    assert cell(orders, 0, "status") == "Confirmed"
    assert stage_key(ctx, deal) == "won"  # confirming won the deal
    assert cell(orders, 0, "progress") == "0/2 lines, 0 %"

    trigger(orders, "deliverAction")
    delivery = orders.dialog
    assert isinstance(delivery, DeliveryDialog)
    qtbot.waitExposed(delivery)
    type_text(delivery.quantities[0], "1")
    type_text(delivery.note, "DN-0456")
    qtbot.mouseClick(delivery.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: orders.dialog is None)
    assert cell(orders, 0, "status") == "Partly delivered"
    assert cell(orders, 0, "progress") == "0/2 lines, 0 %"  # lines delivered in full
    assert orders.line_texts()[0] == ["AC-12K แอร์ติดผนัง 12,000 บีทียู", "2 เครื่อง", "฿31,800.00", "", "1",
                                      "23/11/2569", "DN-0456"]

    trigger(orders, "deliverAction")
    delivery = orders.dialog
    assert isinstance(delivery, DeliveryDialog)
    qtbot.mouseClick(delivery.all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(delivery.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: orders.dialog is None)
    assert cell(orders, 0, "status") == "Delivered"
    assert cell(orders, 0, "progress") == "2/2 lines, 100 %"
    assert orders.detail_subtitle.text().startswith("Delivered")
    trigger(orders, "invoiceAction")
    assert cell(orders, 0, "status") == "Invoiced"


def test_delivering_more_than_ordered_is_refused_and_nothing_saved(qtbot, type_text, tab: OrdersTab,
                                                                   ctx: AppContext) -> None:
    order = add_order(ctx, add_account(ctx), [date(2026, 12, 1)])
    page = tab.orders
    tab.open_document("sales_order", order)
    trigger(page, "deliverAction")
    dialog = page.dialog
    assert isinstance(dialog, DeliveryDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.quantities[0], "3")  # 2 were ordered
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.banner.text() == "Line 1: 2 ordered and 0 already delivered; at most 2 more."
    assert dialog.quantities[0].property("invalid")
    dialog.discard()
    assert document_detail(ctx.database, "sales_order", order, TODAY).lines[0].delivered_milli == 0
    assert cell(page, 0, "status") == "Confirmed"


def test_late_orders_are_marked_in_words_and_colour_and_filtered(qtbot, type_text, tab: OrdersTab,
                                                                  ctx: AppContext) -> None:
    account = add_account(ctx)
    late = add_order(ctx, account, [date(2026, 11, 20), date(2026, 12, 5)])
    on_time = add_order(ctx, account, [date(2026, 11, 23)])  # due today: not late yet
    older = add_order(ctx, account, [None], issued_on=date(2026, 10, 2))
    page = tab.orders
    tab.reveal(page)
    assert page.model.rowCount() == 3
    by_id = {page.model.id_at(r): r for r in range(3)}
    assert cell(page, by_id[late], "progress") == "⚠ late · 0/2 lines, 0 %"
    assert cell(page, by_id[on_time], "progress") == "0/1 lines, 0 %"
    page.show_record(late)
    lines = page.line_texts()
    assert lines[0][3] == "⚠ late · 20/11/2569" and lines[1][3] == "05/12/2569"
    item = page.lines_table.item(0, 1)
    assert item.background().color() == LATE_BACKGROUND and item.foreground().color() == LATE_FOREGROUND
    assert page.lines_table.item(1, 1).background().style() == Qt.BrushStyle.NoBrush

    other = add_account(ctx, "ร้านเย็นฉ่ำแอร์", tax_id="")
    add_order(ctx, other, [None])
    page.refresh()
    assert page.model.rowCount() == 4
    type_text(page.customer_filter, "เย็นฉ่ำ")
    qtbot.waitUntil(lambda: page.customer_filter.popup.visible)
    qtbot.keyClick(page.customer_filter, Qt.Key.Key_Return)  # the customer chosen from the list filters
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert cell(page, 0, "customer") == "ร้านเย็นฉ่ำแอร์"
    page.customer_filter.clear()  # cleared: every customer again
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    page.late_filter.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.id_at(0) == late
    page.late_filter.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    select_data(page.month_filter, "2026-10")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.id_at(0) == older
    assert "2 order" not in page.count_label.text() and "1 sales order" in page.count_label.text()

    # A confirmed order keeps its lines; its promised dates still change, and a date passed makes it late.
    select_data(page.month_filter, "")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    dialog = page.edit_record(on_time)
    assert isinstance(dialog, OrderDialog)
    assert not dialog.lines.isEnabled() and len(dialog.promised_edits) == 1
    dialog.promised_edits[0].setDate(date(2026, 11, 21))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)
    row = next(r for r in range(4) if page.model.id_at(r) == on_time)
    assert cell(page, row, "progress") == "⚠ late · 0/1 lines, 0 %"


def test_sent_quotations_past_their_validity_show_as_expired(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    data = QuotationInput(account_id=add_account(ctx), issued_on=date(2026, 10, 1), valid_until=date(2026, 11, 22),
                          lines=[LineInput("ค่าบริการล้างแอร์", 4000, 60_000)])
    old = create_quotation(ctx.uow(), data, TODAY).created[0]
    send_quotation(ctx.uow(), old, TODAY, ctx.now())
    tab = shown_tab(qtbot, OrdersTab, ctx, prefs, (1500, 900))  # the list is read: the sweep runs first
    page = tab.quotations
    assert cell(page, 0, "status") == "Expired"
    assert not page.action("acceptAction").isEnabled() and page.action("reviseAction").isEnabled()


def test_editing_a_sent_quotation_offers_a_revision(qtbot, tab: OrdersTab, ctx: AppContext) -> None:
    account = add_account(ctx)
    data = QuotationInput(account_id=account, lines=[LineInput("ค่าบริการล้างแอร์", 4000, 60_000)])
    first = create_quotation(ctx.uow(), data, TODAY).created[0]
    send_quotation(ctx.uow(), first, TODAY, ctx.now())
    page = tab.quotations
    page.refresh()
    assert page.edit_record(first) is None  # no form for a sent quotation…
    box = page.revision_box
    assert "Make a revision" in box.text()
    box.button(box.StandardButton.Yes).click()  # …but a revision, one click away
    assert page.model.rowCount() == 1  # the list shows the newest revision of each number
    revision = page.current_id()
    assert revision != first
    assert page.detail_title.text() == "QT2569-0001 rev 2"
    assert "QT2569-0001" in page.detail.text("links")
    dialog = page.edit_record()
    assert isinstance(dialog, QuotationDialog)  # the draft revision opens for editing
    dialog.discard()


def test_cancel_asks_the_reason(qtbot, tab: OrdersTab, ctx: AppContext) -> None:
    order = add_order(ctx, add_account(ctx), [date(2026, 11, 20)])
    page = tab.orders
    tab.open_document("sales_order", order)
    assert cell(page, 0, "progress").startswith("⚠")
    ask = page.cancel()
    assert ask is not None and "SO2569-0001" in ask.labelText()
    ask.setTextValue("ลูกค้าเปลี่ยนรุ่นสินค้า")
    ask.accept()
    assert cell(page, 0, "status") == "Cancelled"
    assert not cell(page, 0, "progress").startswith("⚠")  # a cancelled order is late no more
    assert page.detail.text("cancel_reason") == "ลูกค้าเปลี่ยนรุ่นสินค้า"
    assert not page.action("cancelAction").isEnabled() and not page.action("deliverAction").isEnabled()


def test_delete_with_undo(qtbot, tab: OrdersTab, ctx: AppContext) -> None:
    order = add_order(ctx, add_account(ctx), [None], confirm=False)
    page = tab.orders
    tab.open_document("sales_order", order)
    page._delete([order])
    assert page.model.rowCount() == 0
    pending = page.env.undo.take()
    assert pending is not None
    perform(page, page.env.bus, "en", pending.restore)
    assert page.model.rowCount() == 1


def test_new_quotation_on_a_deal_is_filled_from_it(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    account = add_account(ctx)
    deal = add_deal(ctx, account)
    window = MainWindow(ctx, prefs)
    qtbot.addWidget(window)
    window.show()
    window.open_record("opportunity", deal)
    deals = window.opportunities_tab
    assert deals.new_quotation_button.isVisible()
    qtbot.mouseClick(deals.new_quotation_button, Qt.MouseButton.LeftButton)
    dialog = window.orders_tab.quotations.dialog
    assert isinstance(dialog, QuotationDialog)
    assert dialog.deal.value() == deal and dialog.account.value() == account
    assert dialog.deal.text() == "แอร์ 10 เครื่อง สำนักงานใหม่"
    dialog.discard()


def test_new_quotation_on_an_account_is_saved_and_shown_on_the_orders_tab(qtbot, type_text, ctx: AppContext,
                                                                         prefs: Prefs) -> None:
    account = add_account(ctx)
    window = MainWindow(ctx, prefs)
    qtbot.addWidget(window)
    window.show()
    window.open_record("account", account)
    qtbot.mouseClick(window.accounts_tab.new_quotation_button, Qt.MouseButton.LeftButton)
    dialog = window.orders_tab.quotations.dialog
    assert isinstance(dialog, QuotationDialog) and dialog.account.value() == account
    qtbot.mouseClick(dialog.lines.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, type_text, dialog.lines, 0, DESCRIPTION, "ค่าบริการล้างแอร์ 4 เครื่อง")
    edit_cell(qtbot, type_text, dialog.lines, 0, PRICE, "2,400")
    qtbot.mouseClick(dialog.lines.add_button, Qt.MouseButton.LeftButton)  # a priced line with no words
    edit_cell(qtbot, type_text, dialog.lines, 1, PRICE, "100")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.banner.text() == "Line 2 needs a description or a product."
    assert dialog.lines.table.currentRow() == 1 and dialog.lines.problems()  # the refused line is marked
    dialog.lines.remove_current()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.orders_tab)
    page = window.orders_tab.quotations
    assert page.current_id() == dialog.record_id and page.detail_title.text() == "QT2569-0001"
    assert page.detail_subtitle.text() == "Draft · บริษัท สยามแอร์เซอร์วิส จำกัด · ฿2,568.00"


def test_a_search_hit_opens_the_document_on_the_orders_tab(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    order = add_order(ctx, add_account(ctx), [None])
    window = MainWindow(ctx, prefs)
    qtbot.addWidget(window)
    window.show()
    window.search_edit.setText("so2569-00")
    window.search_popup.run_search()
    assert [(c.kind, c.title) for c in window.search_popup.choices()] == [("sales_order", "SO2569-0001")]
    assert window.search_popup.choose_current()
    assert window.tabs.currentWidget() is window.orders_tab
    assert window.orders_tab.current_page() is window.orders_tab.orders
    assert window.orders_tab.orders.current_id() == order
    assert window.orders_tab.orders.detail_title.text() == "SO2569-0001"
    assert window.current_tab() is window.orders_tab.orders  # Filter, Edit and Delete act on this page
    window.orders_tab.reveal(window.orders_tab.quotations)
    dialog = window.new_record()  # Ctrl+N on the quotations page: a new quotation
    assert isinstance(dialog, QuotationDialog)
    dialog.discard()

def edit_cell(qtbot, type_text, editor: LinesEditor, row: int, column: int, text: str) -> None:
    """Type into a cell of the lines editor as a user does: open it, replace the text, press Enter."""
    table = editor.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    field = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    field.selectAll()
    field.del_()
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()])


def add_two_lines(qtbot, type_text, dialog: QuotationDialog, product: str) -> None:
    """Two lines through the lines editor: the product picked by its SKU (2 units) and a free-text line."""
    editor = dialog.lines
    type_text(editor.picker, "ac-12")
    editor.picker_popup.run_search()
    assert editor.picker_popup.choose_current()
    edit_cell(qtbot, type_text, editor, 0, QUANTITY, "2")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, type_text, editor, 1, DESCRIPTION, "ค่าติดตั้ง")
    edit_cell(qtbot, type_text, editor, 1, PRICE, "500")
    assert [x.product_id for x in editor.lines()] == [product, None]


def test_the_orders_tab_and_its_forms_speak_thai(qtbot, qapp, ctx: AppContext, qsettings) -> None:
    account = add_account(ctx)
    order = add_order(ctx, account, [date(2026, 11, 20)])
    create_quotation(ctx.uow(), QuotationInput(account_id=account, lines=[LineInput("ล้างแอร์", 1000, 50_000)]), TODAY)
    language = UiLanguage(qapp)
    assert language.apply("th")
    try:
        prefs = Prefs(qsettings)
        prefs.language = "th"
        window = MainWindow(ctx, prefs, language=language)
        qtbot.addWidget(window)
        window.show()
        window.open_record("sales_order", order)
        orders = window.orders_tab.orders
        assert cell(orders, 0, "status") == "ยืนยันแล้ว"
        assert cell(orders, 0, "progress") == "⚠ ล่าช้า · 0/1 รายการ, 0 %"
        window.orders_tab.reveal(window.orders_tab.quotations)
        assert cell(window.orders_tab.quotations, 0, "status") == "ร่าง"
        assert not untranslated(window.orders_tab), "\n".join(untranslated(window.orders_tab))
        for dialog in (window.orders_tab.quotations.new_record(), window.orders_tab.quotations.edit_record(),
                       orders.edit_record(order), orders.record_delivery()):
            assert dialog is not None and THAI.search(dialog.windowTitle())
            assert not untranslated(dialog), "\n".join(untranslated(dialog))
            dialog.discard()
            qtbot.waitUntil(lambda shown=dialog: not shown.isVisible())
    finally:
        language.apply("en")
