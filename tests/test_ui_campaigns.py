"""Campaigns through real widgets: the Campaigns window of the Leads tab (add, edit, refused and undone
delete), the lead form's campaign picker, the Leads tab's campaign filter and scoring rules on the
campaign (picked by name). The deal form's picker is tested with the Deals tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.queries.campaigns import campaigns
from crm_desktop.queries.leads import lead_detail, scoring_rules
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaigns import (
    CampaignInput,
    campaign_input,
    create_campaign,
    delete_campaign,
    update_campaign,
)
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.services.scoring import RuleInput, create_rule
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.leads.campaigns_dialog import CampaignDialog, CampaignsDialog
from crm_desktop.views.leads.dialog import LeadDialog
from crm_desktop.views.leads.scoring_dialog import RuleDialog, ScoringRulesDialog
from crm_desktop.views.leads.tab import LeadsTab
from tests.test_ui_pipeline_settings import click_message_button
from tests.ui_helpers import shown_tab

TODAY = date(2026, 11, 23)
NAME, COST = 0, 5


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> LeadsTab:
    return shown_tab(qtbot, LeadsTab, ctx, prefs, (1300, 800))


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


def score_of(ctx: AppContext, lead_id: str) -> int:
    return lead_detail(ctx.database, lead_id).score  # type: ignore[union-attr]


def rule_cells(rules: ScoringRulesDialog, label: str) -> list[str]:
    row = [rules.table.item(r, 0).text() for r in range(rules.table.rowCount())].index(label)
    return [rules.table.item(row, c).text() for c in range(rules.table.columnCount())]


def test_a_scoring_rule_on_the_campaign_is_picked_by_name(qtbot, tab, ctx) -> None:
    fair = add_campaign(ctx, "งานบ้านและสวนแฟร์ 2569", "trade_show")
    add_campaign(ctx, "โปรโมชันเฟซบุ๊ก")
    from_fair = add_lead(ctx, first_name="อนันต์", campaign_id=fair)
    other = add_lead(ctx, first_name="บุญมี")
    before = {lead: score_of(ctx, lead) for lead in (from_fair, other)}
    qtbot.mouseClick(tab.rules_button, Qt.MouseButton.LeftButton)
    rules = tab.rules_dialog
    assert isinstance(rules, ScoringRulesDialog)
    qtbot.waitExposed(rules)

    editor = rules.add_rule()
    assert isinstance(editor, RuleDialog)
    qtbot.waitExposed(editor)
    editor.label.setText("มาจากงานแฟร์")
    assert editor.value.isVisible() and not editor.campaign.isVisible()  # other fields: the typed value
    editor.field.setCurrentIndex(editor.field.findData("campaign_id"))
    assert editor.field.currentText() == "Campaign"
    # The campaign is chosen from a list of names, with the conditions that fit a chosen campaign.
    assert editor.campaign.isVisible() and not editor.value.isVisible()
    assert [editor.condition.itemData(i) for i in range(editor.condition.count())] == [
        "eq", "ne", "empty", "not_empty"]
    assert sorted(editor.campaign.itemText(i) for i in range(editor.campaign.count())) == [
        "งานบ้านและสวนแฟร์ 2569", "โปรโมชันเฟซบุ๊ก"]
    assert editor.campaign.currentIndex() == -1  # nothing assumed: saving asks for a campaign
    editor.weight.setValue(25)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.campaign.property("invalid") is True
    editor.campaign.setCurrentIndex(editor.campaign.findText("งานบ้านและสวนแฟร์ 2569"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rules.editor is None)

    [rule] = [r for r in scoring_rules(ctx.database) if r.label == "มาจากงานแฟร์"]
    assert (rule.field, rule.condition, rule.value, rule.weight) == ("campaign_id", "eq", fair, 25)
    assert score_of(ctx, from_fair) == before[from_fair] + 25
    assert score_of(ctx, other) == before[other]
    assert rule_cells(rules, "มาจากงานแฟร์")[1:5] == ["Campaign", "equals", "งานบ้านและสวนแฟร์ 2569", "+25"]

    # Editing shows the campaign by name; another field brings back the typed value, and the
    # campaign comes back with the field.
    rules.select_id(rule.id)
    editor = rules.edit_rule()
    assert isinstance(editor, RuleDialog)
    qtbot.waitExposed(editor)
    assert editor.campaign.isVisible() and editor.campaign.currentText() == "งานบ้านและสวนแฟร์ 2569"
    assert editor.rule_value() == fair and not editor.is_modified()
    editor.field.setCurrentIndex(editor.field.findData("source"))
    assert editor.value.isVisible() and not editor.campaign.isVisible()
    assert editor.condition.count() == 8 and editor.condition.currentData() == "eq"
    editor.field.setCurrentIndex(editor.field.findData("campaign_id"))
    assert editor.campaign.isVisible() and editor.rule_value() == fair
    editor.condition.setCurrentIndex(editor.condition.findData("ne"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rules.editor is None)
    assert score_of(ctx, from_fair) == before[from_fair]
    assert score_of(ctx, other) == before[other] + 25
    rules.reject()


def test_a_rule_keeps_its_campaign_deleted_since_and_shows_its_name(qtbot, tab, ctx) -> None:
    flyer = add_campaign(ctx, "ใบปลิวหน้าร้าน", "walk_in")
    add_campaign(ctx, "โปรโมชันเฟซบุ๊ก")
    gone = add_campaign(ctx, "บูธห้างเก่า", "trade_show")
    create_rule(ctx.uow(), RuleInput("campaign_id", "ne", flyer, 5, "ไม่ได้มาจากใบปลิว"))
    create_rule(ctx.uow(), RuleInput("campaign_id", "eq", gone, 7, "มาจากบูธ"))
    # Made before the picker (ids typed by hand): kept as it is, and listed by name too.
    create_rule(ctx.uow(), RuleInput("campaign_id", "in", f"{flyer}, {gone}", 3, "หลายแคมเปญ"))
    delete_campaign(ctx.uow(), gone)
    rules = tab.open_scoring_rules()
    qtbot.waitExposed(rules)
    assert rule_cells(rules, "ไม่ได้มาจากใบปลิว")[3] == "ใบปลิวหน้าร้าน"
    assert rule_cells(rules, "มาจากบูธ")[3] == "บูธห้างเก่า"
    assert rule_cells(rules, "หลายแคมเปญ")[2:4] == ["is one of", "ใบปลิวหน้าร้าน, บูธห้างเก่า"]

    [rule] = [r for r in rules.rules if r.label == "มาจากบูธ"]
    rules.select_id(rule.id)
    editor = rules.edit_rule()
    assert isinstance(editor, RuleDialog)
    qtbot.waitExposed(editor)
    assert editor.campaign.currentText() == "บูธห้างเก่า" and editor.rule_value() == gone
    assert editor.campaign.count() == 3  # the two live campaigns and this rule's own
    editor.weight.setValue(9)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rules.editor is None)
    assert [(r.value, r.weight) for r in scoring_rules(ctx.database) if r.id == rule.id] == [(gone, 9)]

    [typed] = [r for r in rules.rules if r.label == "หลายแคมเปญ"]
    rules.select_id(typed.id)
    editor = rules.edit_rule()
    assert isinstance(editor, RuleDialog)
    qtbot.waitExposed(editor)
    assert editor.condition.currentData() == "in" and editor.value.isVisible()
    assert editor.rule_value() == f"{flyer}, {gone}" and not editor.is_modified()
    editor.discard()

    # A renamed campaign is shown by its new name at once.
    data = campaign_input(ctx.uow(), flyer)
    data.name = "ใบปลิว 2569"
    tab.env.bus.publish(update_campaign(ctx.uow(), flyer, data))
    assert rule_cells(rules, "ไม่ได้มาจากใบปลิว")[3] == "ใบปลิว 2569"
    rules.reject()


def test_deleting_a_rule_without_a_label_names_it_in_words(qtbot, tab, ctx) -> None:
    fair = add_campaign(ctx, "งานบ้านและสวนแฟร์ 2569", "trade_show")
    create_rule(ctx.uow(), RuleInput("campaign_id", "eq", fair, 9))
    rules = tab.open_scoring_rules()
    qtbot.waitExposed(rules)
    [rule] = [r for r in rules.rules if r.field == "campaign_id" and r.weight == 9]
    rules.select_id(rule.id)
    qtbot.mouseClick(rules.delete_button, Qt.MouseButton.LeftButton)
    asked = click_message_button(qtbot, rules, "confirmBox", QMessageBox.StandardButton.Cancel)
    assert "Campaign equals งานบ้านและสวนแฟร์ 2569" in asked
    assert any(r.id == rule.id for r in scoring_rules(ctx.database))
    rules.reject()
