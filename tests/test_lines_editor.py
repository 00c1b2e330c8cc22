"""The lines editor through real widgets: its totals are money.totals of what it shows, products are
copied as snapshots, a price of 0 asks "free of charge?", and unreadable input is marked inline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from crm_desktop import money
from crm_desktop.errors import ValidationError
from crm_desktop.services.app import AppContext
from crm_desktop.services.formatting import format_money
from crm_desktop.services.products import ProductInput, create_product
from crm_desktop.services.sales.lines import LineInput, money_line
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.sales.lines_editor import (
    DISCOUNT,
    NET,
    PRICE,
    QUANTITY,
    LinesEditor,
    Unreadable,
    discount_text,
    parse_discount,
    parse_quantity,
    quantity_text,
)
from tests.ui_helpers import shown_tab

TOTALS = ("subtotal", "bill_discount", "before_vat", "vat", "grand_total")


@pytest.fixture
def editor(qtbot: object, ctx: AppContext, prefs: Prefs) -> LinesEditor:
    return shown_tab(qtbot, lambda env: LinesEditor(env), ctx, prefs, (1000, 500))


def shown_totals(editor: LinesEditor) -> dict[str, str]:
    return {key: editor.total_labels[key].text() for key in TOTALS}


def expected_totals(lines: list[LineInput], bill: int = 0, include: bool = False) -> dict[str, str]:
    totals = money.totals([money_line(x) for x in lines], bill, 700, include)
    return {key: format_money(getattr(totals, key)) for key in TOTALS}


def edit_cell(qtbot: object, type_text: object, editor: LinesEditor, row: int, column: int, text: str) -> None:
    """Type into a cell as a user does: open its editor, replace the text, press Enter."""
    table = editor.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    fields = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(fields) == 1
    field = fields[0]
    field.selectAll()
    field.del_()
    type_text(field, text)  # type: ignore[operator]
    qtbot.keyClick(field, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    # The delegate commits on Enter through a queued call.
    qtbot.waitUntil(lambda: not [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()])  # type: ignore[attr-defined]


def cell(editor: LinesEditor, row: int, column: int) -> str:
    return editor.table.item(row, column).text()


def answer_free(qtbot: object, editor: LinesEditor, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: editor.free_box is not None and editor.free_box.isVisible())  # type: ignore[attr-defined]
    box = editor.free_box
    assert box is not None
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    editor.free_box = None


def test_pick_a_product_by_name_copies_a_snapshot(qtbot, type_text, editor, ctx) -> None:
    create_product(ctx.uow(), ProductInput(sku="AC-12", name_th="แอร์ติดผนัง 12000 BTU", unit="เครื่อง",
                                           price_satang=15_900_00, vatable=True))
    create_product(ctx.uow(), ProductInput(sku="SV-01", name_th="ค่าติดตั้ง", unit="ครั้ง", price_satang=1_500_00,
                                           vatable=False))
    create_product(ctx.uow(), ProductInput(sku="AC-OLD", name_th="แอร์รุ่นเก่า", price_satang=9_000_00, active=False))
    type_text(editor.picker, "แอร์")
    editor.picker_popup.run_search()
    assert [c.title for c in editor.picker_popup.choices()] == ["AC-12  แอร์ติดผนัง 12000 BTU"]  # active only
    assert editor.picker_popup.choose_current()
    type_text(editor.picker, "sv-01")
    editor.picker_popup.run_search()
    editor.picker_popup.choose_current()

    edit_cell(qtbot, type_text, editor, 0, QUANTITY, "2")
    lines = editor.lines()
    assert [(x.description, x.unit, x.unit_price_satang, x.vatable, x.quantity_milli) for x in lines] == [
        ("แอร์ติดผนัง 12000 BTU", "เครื่อง", 15_900_00, True, 2000), ("ค่าติดตั้ง", "ครั้ง", 1_500_00, False, 1000)]
    assert all(x.product_id for x in lines)
    assert cell(editor, 0, 0) == "AC-12" and cell(editor, 0, NET) == "31,800.00"
    assert shown_totals(editor) == expected_totals(lines)
    assert editor.total_labels["vat"].text() == "฿2,226.00"  # 7 % of the VAT-able line only
    assert editor.total_labels["grand_total"].text() == "฿35,526.00"


def test_free_text_line_with_price_zero_asks_free_of_charge(qtbot, type_text, editor) -> None:
    editor.add_button.click()
    edit_cell(qtbot, type_text, editor, 0, 1, "ค่าขนส่ง")
    edit_cell(qtbot, type_text, editor, 0, PRICE, "500")
    assert editor.free_box is None
    edit_cell(qtbot, type_text, editor, 0, PRICE, "0")
    answer_free(qtbot, editor, QMessageBox.StandardButton.Cancel)
    assert editor.lines()[0].price_zero_confirmed is False
    assert "No price" in editor.table.item(0, PRICE).toolTip()

    edit_cell(qtbot, type_text, editor, 0, PRICE, "1")
    edit_cell(qtbot, type_text, editor, 0, PRICE, "0.00")
    answer_free(qtbot, editor, QMessageBox.StandardButton.Yes)
    assert editor.lines()[0].price_zero_confirmed is True
    assert editor.table.item(0, PRICE).toolTip() == ""
    edit_cell(qtbot, type_text, editor, 0, PRICE, "20")  # a price again: the confirmation no longer applies
    assert editor.lines()[0].price_zero_confirmed is False


def test_a_product_priced_zero_asks_too(qtbot, type_text, editor, ctx) -> None:
    create_product(ctx.uow(), ProductInput(sku="GIFT", name_th="ของแถม"))
    type_text(editor.picker, "GIFT")
    editor.picker_popup.run_search()
    editor.picker_popup.choose_current()
    answer_free(qtbot, editor, QMessageBox.StandardButton.Yes)
    assert editor.lines()[0].price_zero_confirmed is True


def test_discount_over_the_line_is_refused_inline(qtbot, type_text, editor) -> None:
    editor.set_lines([LineInput("บริการ", 1000, 1_000_00, price_zero_confirmed=True)])
    edit_cell(qtbot, type_text, editor, 0, DISCOUNT, "1,000.01")
    assert editor.problems() == ["Line 1: the discount is more than the line's amount."]
    assert cell(editor, 0, NET) == "—"
    assert editor.total_labels["grand_total"].text() == "—"
    assert editor.table.item(0, DISCOUNT).background().color().name() == "#ffcdd2"
    edit_cell(qtbot, type_text, editor, 0, DISCOUNT, "10 %")
    assert editor.problems() == []
    assert cell(editor, 0, DISCOUNT) == "10 %" and cell(editor, 0, NET) == "900.00"
    assert editor.lines()[0].discount_bp == 1000


@pytest.mark.parametrize("column, text, why", [
    (QUANTITY, "1.2345", "at most 3 decimals"),
    (QUANTITY, "0", "more than 0"),
    (QUANTITY, "สอง", "not a number"),
    (PRICE, "12,5", "not an amount"),
    (PRICE, "10,000,000.01", "10,000,000 baht"),
    (DISCOUNT, "120 %", "percentage"),
])
def test_unreadable_cells_are_marked_and_refused(qtbot, type_text, editor, column, text, why) -> None:
    editor.set_lines([LineInput("สินค้า", 1000, 100_00)])
    edit_cell(qtbot, type_text, editor, 0, column, text)
    assert cell(editor, 0, column) == text  # what was typed stays, to be corrected
    assert why in editor.table.item(0, column).toolTip()
    assert editor.problems() and why in editor.problems()[0]
    with pytest.raises(ValidationError) as err:
        editor.lines()
    assert err.value.field == "lines" and why in err.value.text("en")


def test_bill_discount_and_prices_including_vat(qtbot, type_text, editor) -> None:
    lines = [LineInput("ก", 3000, 1_070_00, vatable=True), LineInput("ข", 1000, 500_00, vatable=False)]
    editor.set_lines(lines)
    changes = []
    editor.changed.connect(lambda: changes.append(1))
    type_text(editor.bill_discount_edit, "100")
    assert changes
    assert shown_totals(editor) == expected_totals(lines, 100_00)
    editor.set_prices_include_vat(True)
    assert shown_totals(editor) == expected_totals(lines, 100_00, include=True)
    editor.set_bill_discount(5_000_00)
    assert editor.total_labels["grand_total"].text() == "—"
    assert "bill discount" in editor.problems()[0]
    editor.set_bill_discount(0)
    assert editor.bill_discount() == 0 and editor.problems() == []


def test_move_and_remove(qtbot, editor) -> None:
    editor.set_lines([LineInput("หนึ่ง", unit_price_satang=1), LineInput("สอง", unit_price_satang=2),
                      LineInput("สาม", unit_price_satang=3)])
    editor.table.setCurrentCell(2, 1)
    editor.up_button.click()
    assert [x.description for x in editor.lines()] == ["หนึ่ง", "สาม", "สอง"]
    assert editor.table.currentRow() == 1
    editor.remove_button.click()
    assert [x.description for x in editor.lines()] == ["หนึ่ง", "สอง"]
    editor.table.setCurrentCell(0, 1)
    editor.down_button.click()
    assert [x.description for x in editor.lines()] == ["สอง", "หนึ่ง"]
    assert not editor.down_button.isEnabled()


line_inputs = st.builds(
    LineInput,
    description=st.just("สินค้า"),
    quantity_milli=st.integers(1, 10**6),
    unit_price_satang=st.integers(0, 10**8),
    discount_bp=st.one_of(st.just(0), st.integers(0, 10_000)),
    vatable=st.booleans(),
    price_zero_confirmed=st.just(True),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(line_inputs, max_size=8), include=st.booleans(), bill_share=st.integers(0, 100))
def test_footer_is_money_totals_of_the_lines(editor: LinesEditor, lines: list[LineInput], include: bool,
                                             bill_share: int) -> None:
    subtotal = money.totals([money_line(x) for x in lines]).subtotal
    bill = subtotal * bill_share // 100
    editor.set_lines(lines)
    editor.set_prices_include_vat(include)
    editor.set_bill_discount(bill)
    assert shown_totals(editor) == expected_totals(lines, bill, include)
    assert editor.lines() == lines


@given(st.integers(1, 10**9))
def test_quantity_text_reads_back(milli: int) -> None:
    assert parse_quantity(quantity_text(milli)) == milli


@given(st.integers(0, 10_000), st.integers(0, 10**12))
def test_discount_text_reads_back(bp: int, satang: int) -> None:
    assert parse_discount(discount_text(bp, 0)) == (bp, 0)
    assert parse_discount(discount_text(0, satang)) == (0, satang)


@pytest.mark.parametrize("text, milli", [("1", 1000), ("1.5", 1500), ("๒.๒๕", 2250), ("1,000.125", 1_000_125)])
def test_parse_quantity(text: str, milli: int) -> None:
    assert parse_quantity(text) == milli


@pytest.mark.parametrize("text", ["1.2345", "1,5", "-1", "", "abc"])
def test_parse_quantity_refuses(text: str) -> None:
    with pytest.raises(Unreadable):
        parse_quantity(text)
