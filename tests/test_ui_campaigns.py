"""Campaigns through real widgets: the Campaigns window of the Leads tab (add, edit, refused and undone
delete), the lead form's campaign picker and the Leads tab's campaign filter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.queries.campaigns import campaigns
from crm_desktop.queries.leads import lead_detail
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaigns import CampaignInput, campaign_input, create_campaign
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.campaigns_dialog import CampaignDialog, CampaignsDialog
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.lead_dialog import LeadDialog
from crm_desktop.views.leads import LeadsTab
from tests.test_ui_pipeline_settings import click_message_button

TODAY = date(2026, 11, 23)
NAME, COST = 0, 5


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> LeadsTab:
    env = ViewEnv(ctx, prefs, ChangeBus(), UndoDelete(), lambda: TODAY)
    widget = LeadsTab(env)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def add_campaign(ctx: AppContext, name: str, channel: str = "facebook") -> str:
    return create_campaign(ctx.uow(), CampaignInput(name=name, channel=channel, status="active")).created[0]


def add_lead(ctx: AppContext, **fields: object) -> str:
    return create_lead(ctx.uow(), LeadInput(**fields)).created[0]  # type: ignore[arg-type]


def open_campaigns(qtbot, tab: LeadsTab) -> CampaignsDialog:
    qtbot.mouseClick(tab.campaigns_button, Qt.MouseButton.LeftButton)
    dialog = tab.campaigns_dialog
    assert isinstance(dialog, CampaignsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def open_editor(qtbot, dialog: CampaignsDialog, button: object) -> CampaignDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert isinstance(editor, CampaignDialog)
    qtbot.waitExposed(editor)
    return editor


def cells(dialog: CampaignsDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


def names_in_list(tab: LeadsTab) -> list[str]:
    column = tab.model.column_index("name")
    return sorted(str(tab.model.index(r, column).data()) for r in range(tab.model.rowCount()))


def test_add_and_edit_a_campaign_in_the_campaigns_window(qtbot, type_text, tab, ctx) -> None:
    dialog = open_campaigns(qtbot, tab)
    assert dialog.table.rowCount() == 0 and not dialog.edit_button.isEnabled()

    editor = open_editor(qtbot, dialog, dialog.add_button)
    type_text(editor.name, "โปรโมชันเฟซบุ๊กปีใหม่")
    editor.channel.setCurrentIndex(editor.channel.findText("Facebook"))
    editor.status.setCurrentIndex(editor.status.findData("active"))
    type_text(editor.starts_on, "01/01/2569")  # Buddhist era, as the preferences say
    type_text(editor.ends_on, "31/12/2568")  # ends before it starts: refused on its field
    type_text(editor.cost, "25,000")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.ends_on.property("invalid") is True
    assert "end before it starts" in editor.banner.text()
    editor.ends_on.clear()
    type_text(editor.ends_on, "31/01/2569")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editor is None)

    assert cells(dialog, NAME) == ["โปรโมชันเฟซบุ๊กปีใหม่"]
    assert [dialog.table.item(0, c).text() for c in range(7)] == [
        "โปรโมชันเฟซบุ๊กปีใหม่",
        "Facebook",
        "Active",
        "01/01/2569",
        "31/01/2569",
        "฿25,000",
        "0",
    ]
    [row] = campaigns(ctx.database)
    assert (row.channel, row.starts_on, row.ends_on, row.cost_satang) == (
        "facebook",
        date(2026, 1, 1),
        date(2026, 1, 31),
        2_500_000,
    )
    assert tab.campaign_filter.findData(row.id) > 0  # the Leads tab's filter offers it at once

    # Edit: the form shows what is stored; a typed channel of our own and satang are kept.
    assert dialog.current_id() == row.id  # the saved campaign is selected
    editor = open_editor(qtbot, dialog, dialog.edit_button)
    assert (editor.name.text(), editor.channel.currentText(), editor.cost.text()) == (
        "โปรโมชันเฟซบุ๊กปีใหม่",
        "Facebook",
        "25,000",
    )
    editor.name.setText("โปรโมชันเฟซบุ๊กปีใหม่ 2569")
    editor.channel.setEditText("TikTok")
    editor.status.setCurrentIndex(editor.status.findData("done"))
    editor.cost.setText("27,500.50")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.editor is None)
    assert [dialog.table.item(0, c).text() for c in (0, 1, 2, COST)] == [
        "โปรโมชันเฟซบุ๊กปีใหม่ 2569",
        "TikTok",
        "Done",
        "฿27,500.50",
    ]
    stored = campaign_input(ctx.uow(), row.id)
    assert (stored.name, stored.channel, stored.status, stored.cost_satang) == (
        "โปรโมชันเฟซบุ๊กปีใหม่ 2569",
        "TikTok",
        "done",
        2_750_050,
    )
    assert tab.campaign_filter.itemText(tab.campaign_filter.findData(row.id)) == "โปรโมชันเฟซบุ๊กปีใหม่ 2569"
    dialog.reject()


def test_deleting_a_campaign_with_leads_is_refused_and_an_unused_one_can_be_undone(qtbot, tab, ctx) -> None:
    fair = add_campaign(ctx, "งานบ้านและสวนแฟร์ 2569", "trade_show")
    spare = add_campaign(ctx, "ใบปลิวหน้าร้าน", "walk_in")
    add_lead(ctx, first_name="อนันต์", source="trade_show", campaign_id=fair)
    dialog = open_campaigns(qtbot, tab)
    assert sorted(cells(dialog, 6)) == ["0", "1"]

    dialog.select_id(fair)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    click_message_button(qtbot, dialog, "confirmBox", QMessageBox.StandardButton.Yes)
    shown = click_message_button(qtbot, dialog, "domainErrorBox", QMessageBox.StandardButton.Ok)
    assert "linked to 1 lead(s)" in shown and "Mark it as done" in shown
    assert "งานบ้านและสวนแฟร์ 2569" in cells(dialog, NAME)

    dialog.select_id(spare)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    click_message_button(qtbot, dialog, "confirmBox", QMessageBox.StandardButton.Yes)
    assert cells(dialog, NAME) == ["งานบ้านและสวนแฟร์ 2569"]
    assert tab.campaign_filter.findData(spare) < 0
    pending = tab.env.undo.take()
    assert pending is not None and pending.entity == "campaign"
    tab.env.bus.publish(pending.restore())
    assert sorted(cells(dialog, NAME)) == ["งานบ้านและสวนแฟร์ 2569", "ใบปลิวหน้าร้าน"]
    assert tab.campaign_filter.findData(spare) > 0
    dialog.reject()


def test_the_lead_form_saves_and_clears_the_chosen_campaign(qtbot, type_text, tab, ctx) -> None:
    add_campaign(ctx, "LINE OA บรอดแคสต์", "line")
    fair = add_campaign(ctx, "งานบ้านและสวนแฟร์ 2569", "trade_show")
    tab.refresh()
    dialog = tab.new_record()
    assert isinstance(dialog, LeadDialog)
    qtbot.waitExposed(dialog)
    assert dialog.campaign.currentData() == "" and dialog.campaign.currentText() == "(no campaign)"
    assert sorted(dialog.campaign.itemText(i) for i in range(1, dialog.campaign.count())) == [
        "LINE OA บรอดแคสต์",
        "งานบ้านและสวนแฟร์ 2569",
    ]
    type_text(dialog.first_name, "สมศรี")
    type_text(dialog.mobile, "0812345678")
    dialog.campaign.setCurrentIndex(dialog.campaign.findText("งานบ้านและสวนแฟร์ 2569"))
    assert dialog.source.currentData() == "trade_show"  # an empty source takes the campaign's channel
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)

    lead_id = tab.current_id()
    assert lead_id is not None
    detail = lead_detail(ctx.database, lead_id)
    assert (detail.campaign_id, detail.source) == (fair, "trade_show")  # type: ignore[union-attr]
    assert tab.detail.text("campaign") == "งานบ้านและสวนแฟร์ 2569"

    # Editing preselects it; choosing "(no campaign)" clears the link (the source stays).
    dialog = tab.edit_record()
    assert isinstance(dialog, LeadDialog)
    qtbot.waitExposed(dialog)
    assert dialog.campaign.currentData() == fair
    dialog.campaign.setCurrentIndex(0)
    assert dialog.source.currentData() == "trade_show"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert lead_detail(ctx.database, lead_id).campaign_id is None  # type: ignore[union-attr]
    assert tab.detail.text("campaign") == ""


def test_the_campaign_filter_shows_only_that_campaigns_leads(qtbot, tab, ctx) -> None:
    fair = add_campaign(ctx, "งานบ้านและสวนแฟร์ 2569", "trade_show")
    promo = add_campaign(ctx, "โปรโมชันเฟซบุ๊ก")
    add_lead(ctx, first_name="อนันต์", campaign_id=fair)
    add_lead(ctx, first_name="บุญมี", campaign_id=fair)
    add_lead(ctx, first_name="ชาติชาย", campaign_id=promo)
    add_lead(ctx, first_name="ดวงใจ")
    tab.refresh()
    assert len(names_in_list(tab)) == 4
    assert tab.campaign_filter.currentText() == "All campaigns"

    tab.campaign_filter.setCurrentIndex(tab.campaign_filter.findData(fair))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert names_in_list(tab) == ["บุญมี", "อนันต์"]
    assert tab.filters_active()
    tab.table.set_column_visible("campaign_name", True)  # hidden by default, offered by the column chooser
    column = tab.model.column_index("campaign_name")
    assert {tab.model.index(r, column).data() for r in range(2)} == {"งานบ้านและสวนแฟร์ 2569"}

    tab.campaign_filter.setCurrentIndex(tab.campaign_filter.findData(promo))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert names_in_list(tab) == ["ชาติชาย"]
    tab.clear_filters()
    tab.apply_filter()
    assert tab.model.rowCount() == 4 and tab.campaign_filter.currentData() == ""
