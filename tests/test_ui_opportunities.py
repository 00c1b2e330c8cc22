"""The Deals tab through real widgets: the deal dialog, the list with its weighted total, the
pipeline board (drops are made by calling the board's drop handler: real drag-and-drop is not
reliable offscreen), the lost-reason dialog and the stage timeline.

The tab is built alone (as the main window builds it)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from crm_desktop.queries.opportunities import OpportunityFilter, opportunity_keys, opportunity_rows
from crm_desktop.queries.stages import stages
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaigns import CampaignInput, create_campaign
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, opportunity_input
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.opportunities.dialog import OpportunityDialog
from crm_desktop.views.opportunities.stage_dialogs import LossDialog
from crm_desktop.views.opportunities.tab import OpportunitiesTab
from tests.ui_helpers import shown_tab

TODAY = date(2026, 11, 23)


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> OpportunitiesTab:
    return shown_tab(qtbot, OpportunitiesTab, ctx, prefs, (1400, 850))


@pytest.fixture
def stage_ids(ctx: AppContext) -> dict[str, str]:
    return {s.default_key: s.id for s in stages(ctx.database)}


def add_deal(ctx: AppContext, stage_id: str, **fields: object) -> str:
    data = OpportunityInput(stage_id=stage_id, **fields)  # type: ignore[arg-type]
    return create_opportunity(ctx.uow(), data, ctx.now()).created[0]


def cell(tab: OpportunitiesTab, row: int, key: str) -> str:
    return str(tab.model.index(row, tab.model.column_index(key)).data())


def stage_of(ctx: AppContext, opp_id: str) -> str:
    keys = opportunity_keys(ctx.database, OpportunityFilter())
    return next(r.stage_id for r in opportunity_rows(ctx.database, keys) if r.id == opp_id)


def test_create_deal_in_dialog_shows_in_list_and_board(qtbot, type_text, tab, ctx, stage_ids) -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, OpportunityDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "แอร์ 10 เครื่อง")
    type_text(dialog.amount, "120,000")
    dialog.stage.setCurrentIndex(dialog.stage.findData(stage_ids["quotation"]))
    assert dialog.stage.currentText() == "Quotation"
    assert dialog.probability.value() == 50  # the stage's default probability
    dialog.expected_close.setDate(date(2026, 12, 15))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)

    assert tab.model.rowCount() == 1
    assert cell(tab, 0, "name") == "แอร์ 10 เครื่อง"
    assert cell(tab, 0, "amount_satang") == "฿120,000"
    assert cell(tab, 0, "probability") == "50%"
    assert cell(tab, 0, "weighted_satang") == "฿60,000"
    assert cell(tab, 0, "stage_name") == "Quotation"
    assert cell(tab, 0, "expected_close") == "15/12/2569"
    assert tab.detail_title.text() == "แอร์ 10 เครื่อง"
    assert len(tab.timeline_rows) == 1

    qtbot.mouseClick(tab.board_button, Qt.MouseButton.LeftButton)
    assert tab.board_shown()
    column = tab.board.column(stage_ids["quotation"])
    assert column is not None
    assert column.count == 1 and column.card_ids() == [tab.table.current_id()]
    assert "1 deal" in column.header.text() and "฿120,000" in column.header.text()
    assert "฿60,000" in column.header.text()
    other = tab.board.column(stage_ids["prospecting"])
    assert other is not None and other.count == 0
    assert [z.stage.kind for z in tab.board.zones] == ["won", "lost"]


def add_campaign(ctx: AppContext, name: str) -> str:
    return create_campaign(ctx.uow(), CampaignInput(name=name, status="active")).created[0]


def campaign_of(ctx: AppContext, opp_id: str) -> str | None:
    return opportunity_input(ctx.uow(), opp_id).campaign_id


def test_the_deal_form_changes_the_deals_campaign_and_keeps_a_deleted_one(qtbot, type_text, tab, ctx,
                                                                         stage_ids) -> None:
    fair = add_campaign(ctx, "งานบ้านและสวนแฟร์ 2569")
    promo = add_campaign(ctx, "โปรโมชันเฟซบุ๊ก")
    old = add_campaign(ctx, "บูธห้างเก่า")
    deal = add_deal(ctx, stage_ids["quotation"], name="แอร์ 10 เครื่อง", campaign_id=fair)
    kept = add_deal(ctx, stage_ids["quotation"], name="ตู้แช่", campaign_id=old)
    with ctx.uow() as uow:  # deleted while a deal still points at it, as a sync from another copy can do
        uow.campaigns.soft_delete(uow.campaigns.get(old), uow.now())
        uow.commit()
    tab.refresh()

    dialog = tab.edit_record(deal)
    assert isinstance(dialog, OpportunityDialog)
    qtbot.waitExposed(dialog)
    assert dialog.campaign.currentText() == "งานบ้านและสวนแฟร์ 2569"
    assert (dialog.campaign.itemText(0), dialog.campaign.itemData(0)) == ("(no campaign)", "")
    assert sorted(dialog.campaign.itemText(i) for i in range(1, dialog.campaign.count())) == [
        "งานบ้านและสวนแฟร์ 2569", "โปรโมชันเฟซบุ๊ก"]  # the deleted campaign is not offered
    dialog.campaign.setCurrentIndex(dialog.campaign.findText("โปรโมชันเฟซบุ๊ก"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert campaign_of(ctx, deal) == promo
    tab.show_record(deal)
    assert tab.detail.text("campaign") == "โปรโมชันเฟซบุ๊ก"  # the detail pane names it too

    # A deal still linked to a deleted campaign shows it by name and keeps it when saved…
    dialog = tab.edit_record(kept)
    assert isinstance(dialog, OpportunityDialog)
    qtbot.waitExposed(dialog)
    assert (dialog.campaign.currentText(), dialog.campaign.currentData()) == ("บูธห้างเก่า", old)
    dialog.amount.setText("45,000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert campaign_of(ctx, kept) == old
    # …until "(no campaign)" clears the link.
    dialog = tab.edit_record(kept)
    qtbot.waitExposed(dialog)
    dialog.campaign.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert campaign_of(ctx, kept) is None

    # A new deal starts with no campaign and takes the one chosen.
    dialog = tab.new_record()
    qtbot.waitExposed(dialog)
    assert dialog.campaign.currentData() == ""
    type_text(dialog.name, "ระบบ POS")
    dialog.campaign.setCurrentIndex(dialog.campaign.findData(fair))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    created = dialog.record_id
    assert created is not None and campaign_of(ctx, created) == fair


def test_drop_on_another_column_moves_the_deal_and_adds_history(qtbot, tab, ctx, stage_ids) -> None:
    deal = add_deal(ctx, stage_ids["quotation"], name="ตู้เย็นร้านค้า", amount_satang=5_000_000)
    tab.refresh()
    tab.show_board()
    assert tab.board.column(stage_ids["quotation"]).card_ids() == [deal]

    assert tab.board.drop(deal, stage_ids["negotiation"]) is True
    assert stage_of(ctx, deal) == stage_ids["negotiation"]
    assert tab.board.column(stage_ids["quotation"]).count == 0
    assert tab.board.column(stage_ids["negotiation"]).card_ids() == [deal]

    tab.show_list()
    tab.show_record(deal)
    assert [r[0] for r in tab.timeline_rows] == ["Quotation", "Negotiation"]
    assert tab.detail.text("stage") == "Negotiation"
    assert tab.detail.text("probability") == "75%"


def test_drop_on_lost_needs_a_reason(qtbot, tab, ctx, stage_ids) -> None:
    deal = add_deal(ctx, stage_ids["negotiation"], name="ระบบ POS", amount_satang=3_000_000)
    tab.refresh()
    tab.show_board()

    # Cancel: nothing happens.
    dialog = tab.board.drop(deal, stage_ids["lost"])
    assert isinstance(dialog, LossDialog)
    qtbot.waitExposed(dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: tab.board.loss_dialog is None)
    assert stage_of(ctx, deal) == stage_ids["negotiation"]

    dialog = tab.board.drop(deal, stage_ids["lost"])
    assert isinstance(dialog, LossDialog)
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason chosen
    assert dialog.isVisible()
    assert dialog.reason.property("invalid") is True
    assert stage_of(ctx, deal) == stage_ids["negotiation"]
    assert tab.board.column(stage_ids["negotiation"]).card_ids() == [deal]

    dialog.reason.setCurrentIndex(dialog.reason.findData("ราคาสูงกว่าคู่แข่ง"))
    dialog.competitor.setText("ร้านคู่แข่ง")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.board.loss_dialog is None)
    assert stage_of(ctx, deal) == stage_ids["lost"]
    assert tab.board.column(stage_ids["negotiation"]).count == 0  # lost deals leave the board

    tab.show_list()
    tab.show_record(deal)
    assert tab.detail.text("stage") == "Lost"
    assert tab.detail.text("loss_reason") == "ราคาสูงกว่าคู่แข่ง"
    assert tab.detail.text("competitor") == "ร้านคู่แข่ง"
    assert [r[0] for r in tab.timeline_rows] == ["Negotiation", "Lost"]


def test_header_shows_weighted_total_of_open_deals(qtbot, tab, ctx, stage_ids) -> None:
    add_deal(ctx, stage_ids["quotation"], name="A", amount_satang=10_000_000)  # 50%
    add_deal(ctx, stage_ids["qualification"], name="B", amount_satang=3_333_333, probability=33)
    add_deal(ctx, stage_ids["won"], name="C", amount_satang=99_900_000)  # closed: not in the pipeline
    tab.refresh()
    expected = (10_000_000 * 50 + 3_333_333 * 33 + 50) // 100
    assert tab.weighted_total == expected
    assert tab.amount_total == 13_333_333
    assert expected == 6_100_000  # ฿50,000 + ฿11,000 (33% of ฿33,333.33, rounded once)
    assert "฿61,000" in tab.totals_label.text()
    assert "฿133,333.33" in tab.totals_label.text()

    tab.stage_filter.setCurrentIndex(tab.stage_filter.findData(stage_ids["quotation"]))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.weighted_total == 5_000_000


def test_board_loads_more_cards_when_a_column_is_scrolled_and_double_click_edits(qtbot, tab, ctx,
                                                                              stage_ids) -> None:
    ids = [add_deal(ctx, stage_ids["prospecting"], name=f"ดีล {i:02d}", amount_satang=100_000) for i in range(60)]
    tab.refresh()
    tab.show_board()
    column = tab.board.column(stage_ids["prospecting"])
    assert column.count == 60 and column.loaded() == 50
    bar = column.cards.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out
    assert column.loaded() == 50  # the first page fills more than the column's height
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: column.loaded() == 60)
    assert sorted(column.card_ids()) == sorted(ids)

    column.cards.itemDoubleClicked.emit(column.cards.item(0))
    dialog = tab.dialog
    assert isinstance(dialog, OpportunityDialog)
    assert dialog.record_id == column.card_ids()[0]
    dialog.discard()


def test_deals_tab_board_and_dialogs_speak_thai(qtbot, qapp, ctx, qsettings, stage_ids) -> None:
    from crm_desktop.ui.i18n import UiLanguage
    from tests.test_translations import THAI, untranslated

    language = UiLanguage(qapp)
    assert language.apply("th")
    try:
        prefs = Prefs(qsettings)  # type: ignore[arg-type]
        prefs.language = "th"
        env = ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())
        tab = OpportunitiesTab(env)
        qtbot.addWidget(tab)
        tab.resize(1400, 850)
        tab.show()
        qtbot.waitExposed(tab)
        deal = add_deal(ctx, stage_ids["quotation"], name="แอร์", amount_satang=100_000)
        tab.refresh()
        assert cell(tab, 0, "stage_name") == "เสนอราคา"
        tab.show_board()
        assert THAI.search(tab.board.column(stage_ids["quotation"]).header.text())
        assert not untranslated(tab), "\n".join(untranslated(tab))
        dialog = tab.new_record()
        qtbot.waitExposed(dialog)
        assert THAI.search(dialog.windowTitle())
        assert not untranslated(dialog), "\n".join(untranslated(dialog))
        dialog.discard()
        loss = tab.board.drop(deal, stage_ids["lost"])
        assert isinstance(loss, LossDialog)
        qtbot.waitExposed(loss)
        assert not untranslated(loss), "\n".join(untranslated(loss))
        loss.reject()
    finally:
        language.apply("en")
