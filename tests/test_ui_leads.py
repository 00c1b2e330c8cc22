"""The Leads tab through real widgets: the lead dialog, the score explained, the lead flow, filters and
the scoring rules editor.

The tab is built alone (as the main window builds it) so these tests do not depend on where the
window places it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from crm_desktop.queries.leads import lead_detail
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaigns import CampaignInput, create_campaign
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.services.scoring import RuleInput, create_rule
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.leads.actions import DisqualifyDialog, QualifyDialog
from crm_desktop.views.leads.dialog import LeadDialog
from crm_desktop.views.leads.scoring_dialog import RuleDialog, ScoringRulesDialog
from crm_desktop.views.leads.tab import LeadsTab
from tests.ui_helpers import shown_tab

TODAY = date(2026, 11, 23)
REFERRAL = "มาจากการแนะนำ (referral)"
BUDGET = "งบประมาณตั้งแต่ 100,000 บาท"


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> LeadsTab:
    return shown_tab(qtbot, LeadsTab, ctx, prefs, (1300, 800))


def add_lead(ctx: AppContext, **fields: object) -> str:
    return create_lead(ctx.uow(), LeadInput(**fields)).created[0]  # type: ignore[arg-type]


def add_rep(ctx: AppContext, name: str) -> str:
    from crm_desktop.models import User

    with ctx.uow() as uow:
        user = uow.users.add(User(name=name, role="sales"))
        uow.commit()
        return user.id


def cell(tab: LeadsTab, row: int, key: str) -> str:
    return str(tab.model.index(row, tab.model.column_index(key)).data())


def column_texts(tab: LeadsTab, key: str) -> list[str]:
    return [cell(tab, r, key) for r in range(tab.model.rowCount())]


def select_name(tab: LeadsTab, name: str, column: str = "name") -> None:
    tab.table.selectRow(column_texts(tab, column).index(name))
    assert tab.detail_title.text() == name


def test_create_lead_in_dialog_shows_score_explained(qtbot, type_text, tab, ctx) -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LeadDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.first_name, "สมศรี")
    type_text(dialog.last_name, "มีสุข")
    type_text(dialog.company_name, "ร้านสมศรีแอร์")
    type_text(dialog.mobile, "0812345678")
    type_text(dialog.budget, "150,000")
    dialog.source.setCurrentIndex(dialog.source.findData("referral"))
    assert dialog.source.currentText() == "Referral"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)

    assert tab.model.rowCount() == 1
    assert cell(tab, 0, "name") == "สมศรี มีสุข"
    assert cell(tab, 0, "source") == "Referral"
    assert cell(tab, 0, "status") == "New"
    assert cell(tab, 0, "score") == "35"
    assert cell(tab, 0, "mobile") == "081 234 5678"
    assert tab.detail_title.text() == "สมศรี มีสุข"
    assert tab.detail.text("budget") == "฿150,000"
    lines = tab.score_lines()
    assert f"✓ {REFERRAL} +20" in lines
    assert f"✓ {BUDGET} +15" in lines
    assert "— ไม่มีเบอร์โทรศัพท์ -10" in lines  # has a mobile: the penalty does not apply
    assert lines[-1] == "Total: 35"
    assert "✓" in tab.score_view.text() and REFERRAL in tab.score_view.text()
    # Status new: contacted / qualify / disqualify / follow-up possible, reopen not.
    assert tab.contacted_button.isEnabled() and tab.qualify_button.isEnabled()
    assert tab.disqualify_button.isEnabled() and tab.task_button.isEnabled()
    assert not tab.reopen_button.isEnabled()


def test_rules_without_a_label_are_explained_in_thai_words(qtbot, qapp, ctx, qsettings) -> None:
    from crm_desktop.ui.i18n import UiLanguage

    fair = create_campaign(ctx.uow(), CampaignInput(name="งานบ้านและสวนแฟร์ 2569", channel="trade_show",
                                                    status="active")).created[0]
    for field, condition, value, weight in (("source", "eq", "referral", 7), ("budget", "gte", "100,000", 3),
                                            ("campaign_id", "eq", fair, 25), ("email", "not_empty", "", 2)):
        create_rule(ctx.uow(), RuleInput(field, condition, value, weight))  # no label
    add_lead(ctx, first_name="อนันต์", source="referral", budget_satang=150_000_00, campaign_id=fair)
    language = UiLanguage(qapp)
    assert language.apply("th")
    try:
        prefs = Prefs(qsettings)  # type: ignore[arg-type]
        prefs.language = "th"
        tab = LeadsTab(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()))
        qtbot.addWidget(tab)
        tab.resize(1300, 800)
        tab.show()
        qtbot.waitExposed(tab)
        tab.refresh()
        select_name(tab, "อนันต์")
        lines = tab.score_lines()
        # The rule's field, condition and value as the rules list shows them, in Thai: the source's
        # label, the budget in baht with separators, the campaign by its name.
        described = ["✓ แหล่งที่มา เท่ากับ มีผู้แนะนำ +7", "✓ งบประมาณ (บาท) ตั้งแต่ ฿100,000 +3",
                     "✓ แคมเปญ เท่ากับ งานบ้านและสวนแฟร์ 2569 +25", "— อีเมล มีข้อมูล +2"]
        labeled = [f"✓ {REFERRAL} +20", f"✓ {BUDGET} +15"]  # a rule with a label keeps it
        for line in described + labeled:
            assert line in lines
            assert line[2:line.rindex(" ")] in tab.score_view.text()  # the pane says the same
        pane = tab.score_view.text()
        assert fair not in pane and "campaign_id" not in pane and "budget" not in pane  # no stored keys
        assert lines[-1].endswith(str(lead_detail(ctx.database, tab.current_id()).score))  # type: ignore[arg-type, union-attr]
    finally:
        language.apply("en")


def test_bad_budget_is_shown_on_its_field(qtbot, type_text, tab, ctx) -> None:
    dialog = tab.new_record()
    qtbot.waitExposed(dialog)
    type_text(dialog.first_name, "ทดสอบ")
    type_text(dialog.budget, "1,5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.budget.property("invalid") is True
    assert tab.model.rowCount() == 0
    dialog.discard()


def test_disqualify_requires_a_reason(qtbot, tab, ctx) -> None:
    lead = add_lead(ctx, first_name="มานพ", mobile="0891112222")
    tab.refresh()
    select_name(tab, "มานพ")
    qtbot.mouseClick(tab.disqualify_button, Qt.MouseButton.LeftButton)
    dialog = tab.action_dialog
    assert isinstance(dialog, DisqualifyDialog)
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason chosen
    assert dialog.isVisible()
    assert dialog.reason.property("invalid") is True
    assert "Choose why" in dialog.banner.text()
    assert lead_detail(ctx.database, lead).status == "new"

    dialog.reason.setCurrentIndex(dialog.reason.findData("ติดต่อไม่ได้"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.action_dialog is None)
    assert cell(tab, 0, "status") == "Disqualified"
    assert tab.detail.text("disqualify_reason") == "ติดต่อไม่ได้"
    assert tab.reopen_button.isEnabled()
    assert not tab.qualify_button.isEnabled() and not tab.task_button.isEnabled()

    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    assert cell(tab, 0, "status") == "New"
    assert tab.detail.text("disqualify_reason") == ""


def test_qualify_round_robin_assigns_a_rep(qtbot, tab, ctx) -> None:
    add_rep(ctx, "Nok")
    add_lead(ctx, company_name="บริษัท ฟ้าใส จำกัด", mobile="0812223333", owner_id=None)
    tab.refresh()
    select_name(tab, "บริษัท ฟ้าใส จำกัด", "company_name")
    qtbot.mouseClick(tab.contacted_button, Qt.MouseButton.LeftButton)
    assert cell(tab, 0, "status") == "Contacted"
    assert not tab.contacted_button.isEnabled()

    qtbot.mouseClick(tab.qualify_button, Qt.MouseButton.LeftButton)
    dialog = tab.action_dialog
    assert isinstance(dialog, QualifyDialog)
    qtbot.waitExposed(dialog)
    assert dialog.owner.currentData() == ""  # round-robin is the default
    assert dialog.owner.findText("Nok") >= 0
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.action_dialog is None)
    assert cell(tab, 0, "status") == "Qualified"
    assert cell(tab, 0, "owner_name") == "Nok"
    assert tab.detail.text("owner") == "Nok"


def test_filter_by_status_narrows_the_list(qtbot, tab, ctx) -> None:
    add_lead(ctx, first_name="หนึ่ง", mobile="0811111111")
    add_lead(ctx, first_name="สอง", mobile="0822222222", source="referral", budget_satang=20_000_000)
    tab.refresh()
    select_name(tab, "สอง")
    qtbot.mouseClick(tab.contacted_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 2

    tab.status_filter.setCurrentIndex(tab.status_filter.findData("contacted"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert column_texts(tab, "name") == ["สอง"]
    tab.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)

    tab.min_score.setValue(30)  # only the referral with a budget scores that much
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert column_texts(tab, "name") == ["สอง"]
    tab.clear_filters()
    tab.apply_filter()
    assert tab.model.rowCount() == 2
    tab.source_filter.setCurrentIndex(tab.source_filter.findData("referral"))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)


def test_editing_a_rule_weight_changes_the_shown_score(qtbot, tab, ctx) -> None:
    add_lead(ctx, first_name="ประเสริฐ", mobile="0856667777", source="referral")
    tab.refresh()
    select_name(tab, "ประเสริฐ")
    assert cell(tab, 0, "score") == "20"

    qtbot.mouseClick(tab.rules_button, Qt.MouseButton.LeftButton)
    rules = tab.rules_dialog
    assert isinstance(rules, ScoringRulesDialog)
    qtbot.waitExposed(rules)
    labels = [rules.table.item(r, 0).text() for r in range(rules.table.rowCount())]
    assert REFERRAL in labels
    rules.table.selectRow(labels.index(REFERRAL))
    qtbot.mouseClick(rules.edit_button, Qt.MouseButton.LeftButton)
    editor = rules.editor
    assert isinstance(editor, RuleDialog)
    qtbot.waitExposed(editor)
    assert editor.field.currentData() == "source"
    assert editor.rule_value() == "referral"
    editor.weight.setValue(40)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rules.editor is None)

    row = [rules.table.item(r, 0).text() for r in range(rules.table.rowCount())].index(REFERRAL)
    assert rules.table.item(row, 4).text() == "+40"
    assert cell(tab, 0, "score") == "40"
    assert f"✓ {REFERRAL} +40" in tab.score_lines()
    assert tab.score_lines()[-1] == "Total: 40"

    # A new rule counts at once too; a rule with a bad budget value is refused on its field.
    editor = rules.add_rule()
    qtbot.waitExposed(editor)
    editor.label.setText("มีตำแหน่ง")
    editor.field.setCurrentIndex(editor.field.findData("budget"))
    editor.condition.setCurrentIndex(editor.condition.findData("gte"))
    editor.value.setEditText("หนึ่งแสน")
    editor.weight.setValue(5)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.value.property("invalid") is True
    editor.field.setCurrentIndex(editor.field.findData("mobile"))
    editor.condition.setCurrentIndex(editor.condition.findData("not_empty"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rules.editor is None)
    assert cell(tab, 0, "score") == "45"
    rules.reject()
