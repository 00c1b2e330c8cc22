"""Product lines on deals: one transaction each, soft-deleted when removed, the amount following
their grand total, refused lines leaving nothing behind; and the same through the deal form and pane."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.services.app import AppContext
from crm_desktop.services.opportunities import (
    OpportunityInput,
    create_opportunity,
    delete_opportunities,
    opportunity_input,
    set_deal_lines,
    update_opportunity,
)
from crm_desktop.services.products import ProductInput, create_product, delete_products
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.stages import default_stage_id
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.opportunities.dialog import OpportunityDialog
from crm_desktop.views.opportunities.lines_dialog import DealLinesDialog
from crm_desktop.views.opportunities.tab import OpportunitiesTab
from crm_desktop.views.sales.lines_editor import DESCRIPTION, PRICE, VAT
from tests.ui_helpers import shown_tab

NOW = datetime(2026, 11, 23, 3, 0)
PROSPECTING = default_stage_id("prospecting")
QUOTATION = default_stage_id("quotation")


def deal(ctx: AppContext, **fields: object) -> str:
    data = OpportunityInput(name="แอร์สำนักงาน", stage_id=PROSPECTING, amount_satang=50_000_00, **fields)  # type: ignore[arg-type]
    return create_opportunity(ctx.uow(), data, NOW).created[0]


def product(ctx: AppContext, sku: str, price: int) -> str:
    return create_product(ctx.uow(), ProductInput(sku=sku, name_th=f"สินค้า {sku}", price_satang=price)).created[0]


def rows(ctx: AppContext, opp_id: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(ctx.database.path)
    try:
        return conn.execute("SELECT description, position, deleted_at IS NOT NULL FROM opportunity_line "
                            "WHERE opportunity_id = ? ORDER BY deleted_at IS NOT NULL, position", (opp_id,)).fetchall()
    finally:
        conn.close()


def amount(ctx: AppContext, opp_id: str) -> int:
    return opportunity_input(ctx.uow(), opp_id).amount_satang


def test_lines_set_the_amount_to_their_grand_total(ctx: AppContext) -> None:
    opp = deal(ctx)
    ac = product(ctx, "AC-12", 15_900_00)
    changes = set_deal_lines(ctx.uow(), opp, [
        LineInput("แอร์ 12000 BTU", 2000, 15_900_00, product_id=ac),
        LineInput("ค่าติดตั้ง", 2000, 1_500_00, vatable=False, discount_bp=1000),
    ])
    assert changes.updated == (opp,)
    # 31,800 + 7 % VAT (2,226) + 2,700 exempt
    assert amount(ctx, opp) == 36_726_00
    stored = opportunity_input(ctx.uow(), opp).lines
    assert stored is not None
    assert [(x.description, x.product_id, x.price_zero_confirmed) for x in stored] == [
        ("แอร์ 12000 BTU", ac, True), ("ค่าติดตั้ง", None, True)]


def test_removed_lines_are_soft_deleted_and_logged(ctx: AppContext) -> None:
    opp = deal(ctx)
    set_deal_lines(ctx.uow(), opp, [LineInput("ก", unit_price_satang=100), LineInput("ข", unit_price_satang=200),
                                    LineInput("ค", unit_price_satang=300)])
    set_deal_lines(ctx.uow(), opp, [LineInput("ค", unit_price_satang=300), LineInput("ก", unit_price_satang=100)])
    assert rows(ctx, opp) == [("ค", 0, 0), ("ก", 1, 0), ("ค", 2, 1)]
    conn = sqlite3.connect(ctx.database.path)
    try:
        logged = [json.loads(f) for (f,) in conn.execute(
            "SELECT fields FROM change WHERE entity = 'opportunity_line' ORDER BY seq")]
    finally:
        conn.close()
    assert len(logged) == 3 + 3  # three inserts; two rows rewritten in place, one tombstone
    assert sorted(sorted(x) for x in logged[3:]) == [["deleted_at"], ["description", "unit_price_satang"],
                                                     ["description", "unit_price_satang"]]
    assert amount(ctx, opp) == 428  # 400 + 7 % VAT


def test_a_refused_line_saves_nothing(ctx: AppContext) -> None:
    opp = deal(ctx)
    set_deal_lines(ctx.uow(), opp, [LineInput("ก", unit_price_satang=100)])
    for bad, words in (
        (LineInput("ข", 1000, 100_00, discount_satang=100_01), "discount is more"),
        (LineInput("ข", 1000, 0), "no price"),
        (LineInput("ข", -1000, 100), "more than 0"),
    ):
        with pytest.raises(ValidationError) as err:
            set_deal_lines(ctx.uow(), opp, [LineInput("ก", unit_price_satang=100), bad])
        assert words in err.value.text("en") and "Line 2" in err.value.text("en")
    assert rows(ctx, opp) == [("ก", 0, 0)]
    assert amount(ctx, opp) == 107


def test_a_deleted_product_stays_on_the_deal_but_cannot_be_added(ctx: AppContext) -> None:
    opp = deal(ctx)
    old = product(ctx, "OLD", 1_000_00)
    set_deal_lines(ctx.uow(), opp, [LineInput("รุ่นเก่า", unit_price_satang=1_000_00, product_id=old)])
    delete_products(ctx.uow(), [old])
    lines = opportunity_input(ctx.uow(), opp).lines
    assert lines is not None
    set_deal_lines(ctx.uow(), opp, [*lines, LineInput("อื่น", unit_price_satang=5)])  # kept: fine
    other = deal(ctx)
    with pytest.raises(ValidationError) as err:
        set_deal_lines(ctx.uow(), other, [LineInput("รุ่นเก่า", unit_price_satang=1_000_00, product_id=old)])
    assert "deleted" in err.value.text("en")


def test_create_and_update_with_lines_are_one_action_and_history_has_the_amount(ctx: AppContext) -> None:
    opp = deal(ctx, lines=[LineInput("ก", 1000, 1_000_00)])
    assert amount(ctx, opp) == 1_070_00
    data = opportunity_input(ctx.uow(), opp)
    update_opportunity(ctx.uow(), opp, replace(data, stage_id=QUOTATION, amount_satang=1), NOW)
    assert amount(ctx, opp) == 1_070_00  # the lines decide, not the typed amount
    conn = sqlite3.connect(ctx.database.path)
    try:
        history = [r[0] for r in conn.execute(
            "SELECT amount_satang FROM stage_history WHERE opportunity_id = ? ORDER BY rowid", (opp,))]
    finally:
        conn.close()
    assert history == [1_070_00, 1_070_00]
    update_opportunity(ctx.uow(), opp, replace(data, lines=[], amount_satang=9_99), NOW)
    assert rows(ctx, opp) == [("ก", 0, 1)]
    assert amount(ctx, opp) == 9_99  # no lines: the amount is typed again


def test_without_lines_the_amount_is_typed_as_before(ctx: AppContext) -> None:
    opp = deal(ctx)
    update_opportunity(ctx.uow(), opp, replace(opportunity_input(ctx.uow(), opp), amount_satang=70_000_00), NOW)
    assert amount(ctx, opp) == 70_000_00
    assert rows(ctx, opp) == []


def test_lines_of_a_deleted_deal(ctx: AppContext) -> None:
    opp = deal(ctx)
    delete_opportunities(ctx.uow(), [opp])
    with pytest.raises(NotFound):
        set_deal_lines(ctx.uow(), opp, [LineInput("ก", unit_price_satang=1)])


# --- through the Deals tab ------------------------------------------------------------------------


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> OpportunitiesTab:
    return shown_tab(qtbot, OpportunitiesTab, ctx, prefs, (1400, 850))


def test_deal_dialog_takes_product_lines_and_the_amount_follows(qtbot, type_text, tab, ctx) -> None:
    create_product(ctx.uow(), ProductInput(sku="AC-12", name_th="แอร์ติดผนัง", unit="เครื่อง",
                                           price_satang=15_900_00))
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, OpportunityDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "แอร์ห้องประชุม")
    editor = dialog.lines_editor
    assert not editor.include_vat.isVisible() and not editor.bill_discount_edit.isVisible()  # a deal has neither
    type_text(editor.picker, "ac-12")
    editor.picker_popup.run_search()
    assert editor.picker_popup.choose_current()
    assert dialog.amount.isReadOnly() and dialog.amount.text() == "17,013"  # 15,900 + 7 % VAT
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)

    opp = tab.current_id()
    assert opp is not None
    assert amount(ctx, opp) == 17_013_00
    assert tab.lines_label.text() == "Products (1)"
    assert "แอร์ติดผนัง" in tab.lines_view.text() and "15,900.00" in tab.lines_view.text()

    lines_dialog = tab.edit_lines()
    assert isinstance(lines_dialog, DealLinesDialog)
    qtbot.waitExposed(lines_dialog)
    lines_dialog.editor.add_button.click()
    table = lines_dialog.editor.table
    table.item(1, DESCRIPTION).setText("ค่าติดตั้ง")
    table.item(1, PRICE).setText("1,500")
    table.item(1, VAT).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(lines_dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert amount(ctx, opp) == 18_513_00
    assert tab.lines_label.text() == "Products (2)"
    assert tab.detail.text("amount") == "฿18,513"


def test_a_refused_line_keeps_the_deal_dialog_open(qtbot, type_text, tab, ctx) -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, OpportunityDialog)
    type_text(dialog.name, "ดีลทดสอบ")
    dialog.lines_editor.add_button.click()
    dialog.lines_editor.table.item(0, DESCRIPTION).setText("ของไม่มีราคา")  # price 0, never confirmed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Line 1 has no price" in dialog.banner.text()
    assert tab.model.rowCount() == 0


def test_saving_a_deal_with_lines_logs_one_change_of_the_deal(ctx: AppContext) -> None:
    def deal_changes() -> int:
        conn = sqlite3.connect(ctx.database.path)
        try:
            return conn.execute("SELECT count(*) FROM change WHERE entity = 'opportunity'").fetchone()[0]
        finally:
            conn.close()

    opp = deal(ctx, lines=[LineInput("ก", 1000, 1_000_00)])
    assert deal_changes() == 1
    data = opportunity_input(ctx.uow(), opp)
    update_opportunity(ctx.uow(), opp, replace(data, name="ใหม่", lines=[LineInput("ข", 2000, 1_000_00)]), NOW)
    assert deal_changes() == 2
