"""Several desktops through a real dialog: a save on a record changed elsewhere shows that change and
lets the user keep editing on top of it (their typed values kept), overwrite it, or go back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from crm_desktop.queries.accounts import account_detail
from crm_desktop.queries.stages import stages
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.activities.edit import ActivityInput, activity_input, create_activity, update_activity
from crm_desktop.services.anniversaries import (
    CustomDateInput,
    add_custom_date,
    custom_date_input,
    update_custom_date,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.contacts import ContactInput, contact_input, create_contact, update_contact
from crm_desktop.services.leads import LeadInput, create_lead, lead_input, update_lead
from crm_desktop.services.opportunities import (
    OpportunityInput,
    create_opportunity,
    opportunity_input,
    set_deal_lines,
    update_opportunity,
)
from crm_desktop.services.products import ProductInput, create_product, product_input, update_product
from crm_desktop.services.sales.documents import QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.quotations import create_quotation, quotation_input, update_quotation
from crm_desktop.services.scoring import RuleInput, create_rule, rule_input, update_rule
from crm_desktop.services.stages import StageInput, create_stage, default_stage_id, update_stage
from crm_desktop.services.users import UserInput, create_user, update_user, user_input
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.desks import POLL_MS
from crm_desktop.ui.fonts import install_app_font
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.accounts.dialog import AccountDialog
from crm_desktop.views.activities.dialog import ActivityDialog
from crm_desktop.views.anniversaries.date_dialog import CustomDateDialog
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.contacts.dialog import ContactDialog
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.leads.dialog import LeadDialog
from crm_desktop.views.leads.scoring_dialog import RuleDialog
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.opportunities.dialog import OpportunityDialog
from crm_desktop.views.opportunities.lines_dialog import DealLinesDialog
from crm_desktop.views.opportunities.stages_dialog import StageDialog
from crm_desktop.views.products.dialog import ProductDialog
from crm_desktop.views.sales.document_dialog import QuotationDialog
from crm_desktop.views.settings.users_page import UserDialog
from tests.desk_helpers import other_desk
from tests.test_translations import THAI
from tests.ui_helpers import opened_window


@pytest.fixture
def env(ctx: AppContext, prefs: Prefs) -> ViewEnv:
    return ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())


@pytest.fixture
def account_id(ctx: AppContext) -> str:
    return create_account(ctx.uow(), AccountInput(name="Siam Trading", phone="021234567"), ctx.today()).created[0]


def opened(qtbot, env: ViewEnv, account_id: str) -> AccountDialog:
    dialog = AccountDialog(env, account_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def conflict_box(qtbot, dialog: RecordDialog) -> QMessageBox:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def shown() -> list[QMessageBox]:
        return [b for b in dialog.findChildren(QMessageBox, "conflictBox") if b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    assert dialog.isVisible()
    return shown()[0]


def click(qtbot, box: QMessageBox, name: str) -> None:
    qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def stored(ctx: AppContext, account_id: str) -> tuple[str, str]:
    detail = account_detail(ctx.database, account_id)
    assert detail is not None
    return detail.name, detail.tags


def clear_and_type(type_text, widget, text: str) -> None:
    widget.clear()
    type_text(widget, text)


def test_the_other_change_is_shown_and_keep_editing_keeps_what_was_typed(qtbot, type_text, env, ctx,
                                                                          account_id) -> None:
    dialog = opened(qtbot, env, account_id)
    clear_and_type(type_text, dialog.name, "Siam Trading Co.")  # they change the name too: theirs is shown
    type_text(dialog.tags, "VIP, ลูกค้าประจำ")  # only here: kept
    type_text(dialog.website, "www.siam.co.th")
    other_desk(ctx.database.path, "rename", account_id, "Siam Trading (Other desk)")

    box = conflict_box(qtbot, dialog)
    text = box.informativeText()
    assert "Owner" in text and "Siam Trading → Siam Trading (Other desk)" in text
    assert stored(ctx, account_id) == ("Siam Trading (Other desk)", "")
    click(qtbot, box, "keepEditingButton")

    assert dialog.name.text() == "Siam Trading (Other desk)"
    assert dialog.tags.text() == "VIP, ลูกค้าประจำ" and dialog.website.text() == "www.siam.co.th"
    assert dialog.is_modified()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(ctx, account_id) == ("Siam Trading (Other desk)", "VIP, ลูกค้าประจำ")


def test_overwrite_saves_mine_and_cancel_saves_nothing(qtbot, type_text, env, ctx, account_id) -> None:
    dialog = opened(qtbot, env, account_id)
    clear_and_type(type_text, dialog.name, "Siam Trading Co.")
    other_desk(ctx.database.path, "rename", account_id, "Siam Trading (Other desk)")

    click(qtbot, conflict_box(qtbot, dialog), "backToFormButton")
    assert dialog.isVisible() and dialog.name.text() == "Siam Trading Co."
    assert stored(ctx, account_id)[0] == "Siam Trading (Other desk)"

    click(qtbot, conflict_box(qtbot, dialog), "overwriteButton")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(ctx, account_id)[0] == "Siam Trading Co."


def test_a_save_in_another_dialog_of_this_window_makes_this_one_stale(qtbot, type_text, env, ctx,
                                                                       account_id) -> None:
    first, second = opened(qtbot, env, account_id), opened(qtbot, env, account_id)
    clear_and_type(type_text, first.name, "Siam Trading (first)")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not first.isVisible())

    type_text(second.notes, "โทรก่อนส่งของ")
    box = conflict_box(qtbot, second)
    assert "Siam Trading → Siam Trading (first)" in box.informativeText()
    click(qtbot, box, "keepEditingButton")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not second.isVisible())
    assert stored(ctx, account_id)[0] == "Siam Trading (first)"


# --- other desktops' changes show up by themselves ---------------------------------------------------


def names(window: MainWindow) -> list[str]:
    model = window.accounts_tab.model
    return [str(model.index(r, model.column_index("name")).data()) for r in range(model.rowCount())]


def test_the_list_shows_other_desktops_changes_without_moving_the_selection(qtbot, ctx, prefs,
                                                                           account_id) -> None:
    window = opened_window(qtbot, ctx, prefs)
    tab = window.accounts_tab
    published: list[ChangeSet] = []
    window.env.bus.changed.connect(published.append)
    assert tab.table.current_id() == account_id and names(window) == ["Siam Trading"]

    other_desk(ctx.database.path, "add", "Andaman Foods")
    other_desk(ctx.database.path, "rename", account_id, "Siam Trading (Other desk)")
    window.other_desks.poll()  # what the timer does every two seconds
    assert names(window) == ["Andaman Foods", "Siam Trading (Other desk)"]
    assert tab.table.current_id() == account_id
    assert len(published) == 1

    create_account(ctx.uow(), AccountInput(name="Chiang Mai Crafts"), ctx.today())  # ours: no refresh by poll
    window.other_desks.poll()
    assert len(published) == 1


def test_the_poll_runs_while_the_app_is_active_and_stops_when_the_window_closes(qtbot, ctx, prefs) -> None:
    window = opened_window(qtbot, ctx, prefs)
    poll = window.other_desks
    poll._follow(Qt.ApplicationState.ApplicationInactive)
    assert not poll.timer.isActive()
    poll._follow(Qt.ApplicationState.ApplicationActive)
    assert poll.timer.isActive() and poll.timer.interval() == POLL_MS
    window.close()
    assert not poll.timer.isActive()


def test_the_conflict_box_speaks_thai(qtbot, qapp, type_text, ctx, prefs, account_id, tmp_path) -> None:
    install_app_font(qapp)  # as the app does: Thai glyphs from the bundled font, not boxes
    language = UiLanguage(qapp)
    assert language.apply("th")
    try:
        prefs.language = "th"
        dialog = opened(qtbot, ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()), account_id)
        type_text(dialog.tags, "VIP")
        other_desk(ctx.database.path, "rename", account_id, "บริษัท สยามการค้า จำกัด")
        box = conflict_box(qtbot, dialog)
        texts = [box.windowTitle(), box.text(), *(b.text() for b in box.buttons())]
        assert all(THAI.search(t) for t in texts), texts
        assert box.informativeText().startswith("สิ่งที่ผู้อื่นแก้ไข:") and "ชื่อ" in box.informativeText()
        assert box.grab().save(str(tmp_path / "conflict-th.png"))
    finally:
        language.apply("en")


# --- every record dialog saves on the version it loaded ----------------------------------------------


def _contact(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    row = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", mobile="0812345678"), ctx.today()).created[0]
    return row, lambda: contact_input(ctx.uow(), row), lambda d: update_contact(ctx.uow(), row, d, ctx.today())


def _lead(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    row = create_lead(ctx.uow(), LeadInput(first_name="มาลี", company_name="ร้านมาลี")).created[0]
    return row, lambda: lead_input(ctx.uow(), row), lambda d: update_lead(ctx.uow(), row, d)


def _product(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    row = create_product(ctx.uow(), ProductInput(sku="AC-12", name_th="แอร์", price_satang=1_890_000)).created[0]
    return row, lambda: product_input(ctx.uow(), row), lambda d: update_product(ctx.uow(), row, d)


def _deal(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    data = OpportunityInput(name="แอร์สำนักงาน", stage_id=default_stage_id("prospecting"), amount_satang=4_000_000)
    row = create_opportunity(ctx.uow(), data, ctx.now()).created[0]
    return row, lambda: opportunity_input(ctx.uow(), row), lambda d: update_opportunity(ctx.uow(), row, d, ctx.now())


def _activity(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    data = ActivityInput(kind="call", subject="โทรหาลูกค้า", due_on=ctx.today(), all_day=True)
    row = create_activity(ctx.uow(), data).created[0]
    return row, lambda: activity_input(ctx.uow(), row), lambda d: update_activity(ctx.uow(), row, d)


def _quotation(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    customer = create_account(ctx.uow(), AccountInput(name="Siam Trading"), ctx.today()).created[0]
    lines = [LineInput("แอร์ 12000 BTU", unit_price_satang=1_890_000)]
    row = create_quotation(ctx.uow(), QuotationInput(account_id=customer, lines=lines), ctx.today()).created[0]
    return row, lambda: quotation_input(ctx.uow(), row), lambda d: update_quotation(ctx.uow(), row, d, ctx.today())


def _special_date(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    person = create_contact(ctx.uow(), ContactInput(first_name="มาลี"), ctx.today()).created[0]
    row = add_custom_date(ctx.uow(), CustomDateInput("วันแต่งงาน", 2, 14, contact_id=person), ctx.today()).created[0]
    return row, lambda: custom_date_input(ctx.uow(), row), lambda d: update_custom_date(ctx.uow(), row, d, ctx.today())


def _stage(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    row = create_stage(ctx.uow(), StageInput("นัดสาธิตสินค้า", probability=30)).created[0]

    def stored() -> StageInput:
        stage = next(s for s in stages(ctx.database) if s.id == row)
        return StageInput(stage.name, stage.probability, stage.kind)

    return row, stored, lambda d: update_stage(ctx.uow(), row, d)


def _scoring_rule(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    row = create_rule(ctx.uow(), RuleInput("position", "contains", "ผู้จัดการ", 10, "ผู้จัดการ")).created[0]
    return row, lambda: rule_input(ctx.uow(), row), lambda d: update_rule(ctx.uow(), row, d)


def _person(ctx: AppContext) -> tuple[str, Callable[[], Any], Callable[[Any], object]]:
    row = create_user(ctx.uow(), UserInput("สุดา ใจงาม", "sales", email="suda@example.co.th")).created[0]
    return row, lambda: user_input(ctx.uow(), row), lambda d: update_user(ctx.uow(), row, d)


@pytest.mark.parametrize(("make", "dialog_of", "field", "theirs"), [
    (_contact, lambda env, row: ContactDialog(env, row), "notes", "ย้ายไปเชียงใหม่"),
    (_lead, lambda env, row: LeadDialog(env, row), "notes", "สนใจแอร์ 3 เครื่อง"),
    (_product, lambda env, row: ProductDialog(env, row), "name_th", "แอร์ติดผนัง"),
    (_deal, lambda env, row: OpportunityDialog(env, row), "notes", "ลูกค้าขอส่วนลด"),
    (_activity, lambda env, row: ActivityDialog(env, activity_id=row), "subject", "โทรนัดติดตั้ง"),
    (_quotation, lambda env, row: QuotationDialog(env, row), "remarks", "ส่งของภายใน 7 วัน"),
    (_special_date, lambda env, row: CustomDateDialog(env, row), "title", "วันครบรอบแต่งงาน"),
    (_stage, lambda env, row: StageDialog(env, row), "name", "สาธิตสินค้าแล้ว"),
    (_scoring_rule, lambda env, row: RuleDialog(env, row), "label", "ลูกค้าภาคเหนือ"),
    (_person, lambda env, row: UserDialog(env, row), "email", "suda.j@example.co.th"),
], ids=["contact", "lead", "product", "deal", "activity", "quotation", "special date", "stage", "scoring rule",
        "person"])
def test_each_record_dialog_shows_a_change_made_after_it_opened(qtbot, env, ctx, make, dialog_of, field,
                                                                 theirs) -> None:
    row, stored_input, save = make(ctx)
    dialog = dialog_of(env, row)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save(replace(stored_input(), **{field: theirs}))  # another dialog, or another desktop

    box = conflict_box(qtbot, dialog)
    assert theirs in box.informativeText()
    click(qtbot, box, "keepEditingButton")
    assert getattr(dialog.form_input(), field) == theirs
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert getattr(stored_input(), field) == theirs


def test_the_products_of_a_deal_are_saved_on_the_version_they_loaded(qtbot, env, ctx) -> None:
    """Another desk changed the deal's lines (so its amount) after this one opened them: shown, not lost."""
    line = LineInput("แอร์ 12000 BTU", unit_price_satang=1_890_000)
    data = OpportunityInput(name="แอร์สำนักงาน", stage_id=default_stage_id("prospecting"), lines=[line])
    row = create_opportunity(ctx.uow(), data, ctx.now()).created[0]
    dialog = DealLinesDialog(env, row)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    theirs = [replace(line, quantity_milli=3000)]
    set_deal_lines(ctx.uow(), row, theirs)

    box = conflict_box(qtbot, dialog)
    assert "฿20,223 → ฿60,669" in box.informativeText()  # the amount (VAT in): one unit, then their three
    click(qtbot, box, "keepEditingButton")
    assert [x.quantity_milli for x in dialog.form_input()] == [3000]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [x.quantity_milli for x in opportunity_input(ctx.uow(), row).lines or []] == [3000]
