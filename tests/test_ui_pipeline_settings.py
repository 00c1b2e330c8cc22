"""The Deals tab's settings dialogs through real widgets: pipeline stages (add, refused delete,
order) and targets with attainment and commission.

The tab is built alone (as the main window builds it)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.models import User
from crm_desktop.queries.stages import stages
from crm_desktop.services.app import AppContext
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, move_to_stage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.opportunities.stages_dialog import StageDialog, StagesDialog
from crm_desktop.views.opportunities.tab import OpportunitiesTab
from crm_desktop.views.opportunities.targets_dialog import EARNED, PERCENT, RATE, TARGET, WON, TargetsDialog
from tests.ui_helpers import shown_tab

TODAY = date(2026, 11, 23)


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> OpportunitiesTab:
    return shown_tab(qtbot, OpportunitiesTab, ctx, prefs, (1400, 850))


@pytest.fixture
def stage_ids(ctx: AppContext) -> dict[str, str]:
    return {s.default_key: s.id for s in stages(ctx.database)}


def add_user(ctx: AppContext, name: str) -> str:
    with ctx.uow() as uow:
        user = uow.users.add(User(name=name, role="sales"))
        uow.commit()
    return user.id


def add_deal(ctx: AppContext, stage_id: str, **fields: object) -> str:
    data = OpportunityInput(stage_id=stage_id, **fields)  # type: ignore[arg-type]
    return create_opportunity(ctx.uow(), data, ctx.now()).created[0]


def open_stages(qtbot, tab: OpportunitiesTab) -> StagesDialog:
    qtbot.mouseClick(tab.stages_button, Qt.MouseButton.LeftButton)
    dialog = tab.stages_dialog
    assert isinstance(dialog, StagesDialog)
    qtbot.waitExposed(dialog)
    return dialog


def click_message_button(qtbot, parent, name: str, button: QMessageBox.StandardButton) -> str:
    """Wait for the message box, click its button; the text it showed."""
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, name) is not None
                    and parent.findChild(QMessageBox, name).isVisible())
    box = parent.findChild(QMessageBox, name)
    text = box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, name) is None)
    return text


def stage_names(dialog: StagesDialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def test_stages_dialog_lists_default_stages_translated_in_order(qtbot, tab) -> None:
    dialog = open_stages(qtbot, tab)
    assert stage_names(dialog) == ["Prospecting", "Qualification", "Quotation", "Negotiation", "Won", "Lost"]
    assert dialog.table.item(2, 1).text() == "50%"
    assert [dialog.table.item(row, 2).text() for row in (0, 4, 5)] == ["Open", "Won", "Lost"]
    assert not dialog.edit_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.edit_button.isEnabled() and not dialog.up_button.isEnabled() and dialog.down_button.isEnabled()


def test_adding_a_stage_adds_a_board_column(qtbot, type_text, tab, ctx) -> None:
    tab.show_board()
    before = len(tab.board.columns)
    dialog = open_stages(qtbot, tab)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert isinstance(editor, StageDialog)
    qtbot.waitExposed(editor)
    type_text(editor.name, "Demo")
    editor.probability.setValue(40)
    assert editor.kind.currentData() == "open"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editor is None)

    demo = next(s for s in stages(ctx.database) if s.name == "Demo")
    assert (demo.probability, demo.kind) == (40, "open")
    assert "Demo" in stage_names(dialog)
    assert dialog.current_id() == demo.id
    assert len(tab.board.columns) == before + 1
    assert tab.board.column(demo.id) is not None
    assert tab.stage_filter.findData(demo.id) >= 0

    # Move it up before "Negotiation": the board follows the new order.
    assert dialog.move(-1) and dialog.move(-1) and dialog.move(-1)
    assert stage_names(dialog)[2:5] == ["Quotation", "Demo", "Negotiation"]
    assert [c.stage.id for c in tab.board.columns][-2] == demo.id
    dialog.reject()
    qtbot.waitUntil(lambda: tab.stages_dialog is None)


def test_editing_a_default_stage_keeps_its_stored_name(qtbot, tab, ctx, stage_ids) -> None:
    dialog = open_stages(qtbot, tab)
    dialog.select_id(stage_ids["quotation"])
    editor = dialog.edit_stage()
    assert editor is not None
    qtbot.waitExposed(editor)
    assert editor.name.text() == "Quotation"
    editor.probability.setValue(55)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editor is None)
    quotation = next(s for s in stages(ctx.database) if s.id == stage_ids["quotation"])
    assert (quotation.name, quotation.probability) == ("Quotation", 55)
    assert dialog.table.item(2, 1).text() == "55%"


def test_deleting_a_stage_with_a_deal_is_refused_and_keeps_it(qtbot, tab, ctx, stage_ids) -> None:
    add_deal(ctx, stage_ids["quotation"], name="แอร์ 10 เครื่อง", amount_satang=12_000_000)
    dialog = open_stages(qtbot, tab)
    dialog.select_id(stage_ids["quotation"])
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    click_message_button(qtbot, dialog, "confirmBox", QMessageBox.StandardButton.Yes)
    shown = click_message_button(qtbot, dialog, "domainErrorBox", QMessageBox.StandardButton.Ok)
    assert "This stage still holds 1 deal" in shown
    assert any(s.id == stage_ids["quotation"] for s in stages(ctx.database))
    assert "Quotation" in stage_names(dialog)

    # An empty stage goes, and Undo brings it back.
    dialog.select_id(stage_ids["prospecting"])
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    click_message_button(qtbot, dialog, "confirmBox", QMessageBox.StandardButton.Yes)
    assert "Prospecting" not in stage_names(dialog)
    assert tab.stage_filter.findData(stage_ids["prospecting"]) < 0
    pending = tab.env.undo.take()
    assert pending is not None and pending.entity == "stage"
    tab.env.bus.publish(pending.restore())
    assert "Prospecting" in stage_names(dialog)


def test_target_and_won_deal_show_attainment_and_commission(qtbot, tab, ctx, stage_ids) -> None:
    somchai = add_user(ctx, "สมชาย")
    add_user(ctx, "Anna")
    qtbot.mouseClick(tab.targets_button, Qt.MouseButton.LeftButton)
    dialog = tab.targets_dialog
    assert isinstance(dialog, TargetsDialog)
    qtbot.waitExposed(dialog)
    assert dialog.month_key() == "2026-11"
    assert dialog.month.currentText() == "November 2569"  # Buddhist-era years, as the prefs say
    assert dialog.month.count() == 16
    row = dialog.row_of(somchai)
    assert row >= 0 and dialog.cell_text(row, PERCENT) == "—"
    assert not dialog.save_button.isEnabled()

    dialog.set_cell(row, TARGET, "100,000")
    dialog.set_cell(row, RATE, "3.00")
    assert dialog.changed_rows() == [row] and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_modified()
    assert dialog.cell_text(row, TARGET) == "100,000.00"
    assert dialog.cell_text(row, RATE) == "3.00"

    opp = add_deal(ctx, stage_ids["negotiation"], name="แอร์ 5 เครื่อง", amount_satang=5_000_000, owner_id=somchai)
    tab.env.bus.publish(move_to_stage(ctx.uow(), opp, stage_ids["won"], datetime(2026, 11, 20, 3, 0)))
    assert dialog.cell_text(row, WON) == "50,000.00"
    assert dialog.cell_text(row, PERCENT) == "50%"
    assert dialog.cell_text(row, EARNED) == "1,500.00"

    # The month before: nothing won, no target.
    dialog.select_month("2026-10")
    assert dialog.cell_text(row, TARGET) == "" and dialog.cell_text(row, WON) == "0.00"


def test_target_rate_out_of_range_is_shown_and_nothing_saved(qtbot, tab, ctx) -> None:
    somchai = add_user(ctx, "สมชาย")
    dialog = tab.open_targets()
    qtbot.waitExposed(dialog)
    row = dialog.row_of(somchai)
    dialog.set_cell(row, TARGET, "100000")
    dialog.set_cell(row, RATE, "150")
    assert not dialog.save()
    assert dialog.banner.isVisible() and "0 to 100" in dialog.banner.text()
    assert dialog.is_modified()
    dialog.discard()
