"""Converting a lead and editing the reason lists, through real widgets on the Leads tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.queries.leads import lead_detail
from crm_desktop.queries.opportunities import OpportunityFilter, opportunity_keys, opportunity_rows
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.leads import LeadInput, create_lead, qualify
from crm_desktop.ui.actions import ChangeBus
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.leads.actions import DisqualifyDialog
from crm_desktop.views.leads.convert_dialog import ConvertDialog
from crm_desktop.views.leads.tab import LeadsTab
from crm_desktop.views.settings.picklist_dialog import PicklistDialog
from tests.ui_helpers import shown_tab

TODAY = date(2026, 11, 23)


@pytest.fixture
def published(ctx: AppContext) -> list[ChangeSet]:
    return []


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs, published: list[ChangeSet]) -> LeadsTab:
    bus = ChangeBus()
    bus.changed.connect(published.append)  # what the Accounts, Contacts and Deals tabs would hear
    return shown_tab(qtbot, LeadsTab, ctx, prefs, (1300, 800), bus)


def add_rep(ctx: AppContext) -> str:
    from crm_desktop.models import User

    with ctx.uow() as uow:
        user = uow.users.add(User(name="Nok", role="sales"))
        uow.commit()
        return user.id


def qualified_lead(ctx: AppContext, **fields: object) -> str:
    values = {"first_name": "สมชาย", "last_name": "ใจดี", "company_name": "บริษัท ศรีสยาม จำกัด",
              "mobile": "0812345678", "interest": "เครื่องปรับอากาศ", "budget_satang": 25_000_000, **fields}
    lead_id = create_lead(ctx.uow(), LeadInput(**values)).created[0]  # type: ignore[arg-type]
    qualify(ctx.uow(), lead_id, add_rep(ctx))
    return lead_id


def select_lead(tab: LeadsTab, title: str) -> None:
    tab.refresh()
    tab.table.selectRow(0)
    assert tab.detail_title.text() == title


def deals(ctx: AppContext) -> list[tuple[str, str, int, date | None]]:
    rows = opportunity_rows(ctx.database, opportunity_keys(ctx.database, OpportunityFilter()))
    return [(r.name, r.account_name, r.amount_satang, r.expected_close) for r in rows]


def open_convert(qtbot, tab: LeadsTab) -> ConvertDialog:
    assert tab.convert_button.isEnabled()
    qtbot.mouseClick(tab.convert_button, Qt.MouseButton.LeftButton)
    dialog = tab.action_dialog
    assert isinstance(dialog, ConvertDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_converting_a_qualified_lead_creates_account_contact_and_deal(qtbot, type_text, tab, ctx,
                                                                      published) -> None:
    lead_id = qualified_lead(ctx)
    select_lead(tab, "สมชาย ใจดี")
    dialog = open_convert(qtbot, tab)
    assert dialog.new_company.isChecked()
    assert "บริษัท ศรีสยาม จำกัด" in dialog.new_company.text()
    assert "สมชาย ใจดี" in dialog.contact_label.text()
    assert dialog.create_deal.isChecked()
    assert dialog.deal_name.text() == "เครื่องปรับอากาศ – บริษัท ศรีสยาม จำกัด"
    assert dialog.amount.text() == "250,000"
    assert not dialog.account.isEnabled()

    # A bad amount stays in the dialog, on its field; nothing is created.
    dialog.amount.clear()
    type_text(dialog.amount, "1,5")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.amount.property("invalid") is True
    assert account_count(ctx.database) == 0 and contact_count(ctx.database) == 0

    dialog.amount.clear()
    type_text(dialog.amount, "300,000")
    type_text(dialog.expected_close, "31/12/2569")
    published.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.action_dialog is None)

    assert account_count(ctx.database) == 1
    assert contact_count(ctx.database) == 1
    assert deals(ctx) == [("เครื่องปรับอากาศ – บริษัท ศรีสยาม จำกัด", "บริษัท ศรีสยาม จำกัด", 30_000_000,
                           date(2026, 12, 31))]
    detail = lead_detail(ctx.database, lead_id)
    assert detail is not None and detail.status == "converted"
    # The other tabs hear once about every record the conversion made.
    assert [changes.entities for changes in published] == [("account", "contact", "opportunity", "lead")]
    # The lead shows as converted, with what it became; no further flow actions.
    assert tab.detail.text("status") == "Converted"
    assert tab.detail.text("converted").splitlines() == [
        "บริษัท ศรีสยาม จำกัด", "สมชาย ใจดี", "เครื่องปรับอากาศ – บริษัท ศรีสยาม จำกัด"]
    assert not tab.convert_button.isEnabled() and not tab.disqualify_button.isEnabled()


def test_attaching_to_an_existing_company_creates_no_account(qtbot, type_text, tab, ctx) -> None:
    account_id = create_account(ctx.uow(), AccountInput(name="บริษัท สยามการค้า จำกัด"), TODAY).created[0]
    qualified_lead(ctx, company_name="สยามการค้า")
    select_lead(tab, "สมชาย ใจดี")
    dialog = open_convert(qtbot, tab)
    box = dialog.create_deal  # click its tick box: the widget is as wide as the dialog
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # no deal this time
    assert not dialog.create_deal.isChecked() and not dialog.deal_name.isEnabled()

    dialog.existing_company.setChecked(True)
    assert dialog.account.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert dialog.isVisible() and dialog.account.property("invalid") is True

    type_text(dialog.account, "สยาม")
    popup = dialog.account.popup
    qtbot.waitUntil(lambda: popup.visible)
    assert [c.title for c in popup.choices()] == ["บริษัท สยามการค้า จำกัด"]
    qtbot.keyClick(dialog.account, Qt.Key.Key_Return)
    assert dialog.account.value() == account_id
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.action_dialog is None)

    assert account_count(ctx.database) == 1
    assert contact_count(ctx.database) == 1
    assert deals(ctx) == []
    assert tab.detail.text("converted").splitlines() == ["บริษัท สยามการค้า จำกัด", "สมชาย ใจดี"]


def test_a_lead_without_company_becomes_a_private_customer(qtbot, tab, ctx) -> None:
    qualified_lead(ctx, company_name="", interest="", budget_satang=None)
    select_lead(tab, "สมชาย ใจดี")
    dialog = open_convert(qtbot, tab)
    assert dialog.new_company.text() == "No company (a private customer)"
    assert not dialog.create_deal.isChecked()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.action_dialog is None)
    assert account_count(ctx.database) == 0
    assert contact_count(ctx.database) == 1
    assert tab.detail.text("status") == "Converted"


def test_convert_is_only_for_qualified_leads(qtbot, tab, ctx) -> None:
    create_lead(ctx.uow(), LeadInput(first_name="มานพ", mobile="0891112222"))
    select_lead(tab, "มานพ")
    assert not tab.convert_button.isEnabled()
    qtbot.mouseClick(tab.contacted_button, Qt.MouseButton.LeftButton)
    assert not tab.convert_button.isEnabled()


def open_reasons(qtbot, tab: LeadsTab) -> PicklistDialog:
    qtbot.mouseClick(tab.reasons_button, Qt.MouseButton.LeftButton)
    dialog = tab.reasons_dialog
    assert isinstance(dialog, PicklistDialog)
    qtbot.waitExposed(dialog)
    return dialog


def disqualify_choices(qtbot, tab: LeadsTab) -> list[str]:
    qtbot.mouseClick(tab.disqualify_button, Qt.MouseButton.LeftButton)
    dialog = tab.action_dialog
    assert isinstance(dialog, DisqualifyDialog)
    qtbot.waitExposed(dialog)
    values = [dialog.reason.itemData(i) for i in range(1, dialog.reason.count())]
    dialog.reject()
    qtbot.waitUntil(lambda: tab.action_dialog is None)
    return values


def test_reasons_editor_changes_the_disqualify_choices(qtbot, type_text, tab, ctx) -> None:
    create_lead(ctx.uow(), LeadInput(first_name="มานพ", mobile="0891112222"))
    select_lead(tab, "มานพ")
    before = disqualify_choices(qtbot, tab)
    assert "ติดต่อไม่ได้" in before

    reasons = open_reasons(qtbot, tab)
    assert reasons.current_kind() == "disqualify_reason"
    assert reasons.values() == before
    type_text(reasons.new_value, "งบไม่พอปีนี้")
    qtbot.mouseClick(reasons.add_button, Qt.MouseButton.LeftButton)
    assert reasons.values()[-1] == "งบไม่พอปีนี้"
    assert reasons.new_value.text() == ""
    # The same text twice is refused on the field.
    type_text(reasons.new_value, "งบไม่พอปีนี้")
    qtbot.mouseClick(reasons.add_button, Qt.MouseButton.LeftButton)
    assert reasons.new_value.property("invalid") is True and reasons.banner.isVisible()
    reasons.new_value.clear()

    # Move the new reason to the top, remove another.
    reasons.select_value("งบไม่พอปีนี้")
    for _ in range(len(before)):
        qtbot.mouseClick(reasons.up_button, Qt.MouseButton.LeftButton)
    assert reasons.values()[0] == "งบไม่พอปีนี้"
    assert not reasons.up_button.isEnabled()
    reasons.select_value("ติดต่อไม่ได้")
    qtbot.mouseClick(reasons.remove_button, Qt.MouseButton.LeftButton)
    assert "ติดต่อไม่ได้" not in reasons.values()
    assert tab.env.undo.pending is not None  # Undo brings it back

    # Loss reasons are a separate list.
    reasons.kind.setCurrentIndex(reasons.kind.findData("loss_reason"))
    assert "งบไม่พอปีนี้" not in reasons.values() and "เลือกคู่แข่ง" in reasons.values()
    reasons.reject()
    qtbot.waitUntil(lambda: tab.reasons_dialog is None)

    after = disqualify_choices(qtbot, tab)
    assert after[0] == "งบไม่พอปีนี้"
    assert "ติดต่อไม่ได้" not in after


def test_a_removed_reason_stays_on_the_lead_that_uses_it(qtbot, tab, ctx) -> None:
    from crm_desktop.services.leads import disqualify

    lead_id = create_lead(ctx.uow(), LeadInput(first_name="มานพ", mobile="0891112222")).created[0]
    disqualify(ctx.uow(), lead_id, "ติดต่อไม่ได้")
    select_lead(tab, "มานพ")
    reasons = open_reasons(qtbot, tab)
    reasons.select_value("ติดต่อไม่ได้")
    qtbot.mouseClick(reasons.remove_button, Qt.MouseButton.LeftButton)
    assert "ติดต่อไม่ได้" not in reasons.values()
    reasons.reject()
    tab.show_detail(lead_id)
    assert tab.detail.text("disqualify_reason") == "ติดต่อไม่ได้"
