"""Consent on the screens (PDPA): the form records how consent was given, the contact, lead and customer 360
pages show its history, and "Export personal data…" saves the PDF with the JSON beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact, update_contact
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.contacts.dialog import ContactDialog
from crm_desktop.views.customer360.page import Customer360Page
from crm_desktop.views.leads.dialog import LeadDialog
from crm_desktop.views.main_window import MainWindow
from tests.time_helpers import TODAY
from tests.ui_helpers import opened_window


@pytest.fixture
def window(qtbot, ctx: AppContext, prefs: Prefs) -> MainWindow:
    return opened_window(qtbot, ctx, prefs)


def test_the_contact_form_records_the_channel_and_wording_and_the_pane_lists_the_history(
        qtbot, type_text, window: MainWindow, ctx: AppContext) -> None:
    tab = window.contacts_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ContactDialog)
    type_text(dialog.first_name, "สมศรี")
    assert not dialog.consent.channel.isEnabled()  # nothing to say about consent not given
    qtbot.mouseClick(dialog.marketing_consent, Qt.MouseButton.LeftButton)
    dialog.consent.channel.setCurrentIndex(dialog.consent.channel.findData("line"))
    type_text(dialog.consent.wording, "ข่าวสารและโปรโมชั่นทางไลน์")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)

    lines = tab.consent_box.lines.text()
    assert lines.count("\n") == 0 and "Given" in lines and "form" in lines and "LINE" in lines
    assert "“ข่าวสารและโปรโมชั่นทางไลน์”" in lines and "2569" in lines  # Buddhist Era, as the user chose
    contact_id = tab._detail_id
    assert contact_id is not None
    update_contact(ctx.uow(), contact_id, ContactInput(first_name="สมศรี"), TODAY)  # withdrawn elsewhere
    tab.show_detail(contact_id)
    newest, older = tab.consent_box.lines.text().splitlines()
    assert newest.split(" · ")[1] == "Withdrawn" and older.split(" · ")[1] == "Given"


def test_the_lead_form_has_consent_and_the_lead_pane_shows_it(qtbot, type_text, window: MainWindow) -> None:
    tab = window.leads_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LeadDialog)
    type_text(dialog.first_name, "ดาว")
    qtbot.mouseClick(dialog.consent.given, Qt.MouseButton.LeftButton)
    dialog.consent.channel.setCurrentIndex(dialog.consent.channel.findData("phone"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.detail.text("consent") == "Agreed to receive marketing on 23/11/2569"
    assert "Phone" in tab.consent_box.lines.text()


def test_export_personal_data_saves_the_pdf_and_the_json_beside_it(
        qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lead_id = create_lead(ctx.uow(), LeadInput(first_name="ดาว", last_name="ประกายแสง",
                                               marketing_consent=True)).created[0]
    asked: list[str] = []

    def save_name(_parent, _caption, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / "คำขอข้อมูล"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    tab = window.leads_tab
    window.tabs.setCurrentWidget(tab)
    assert window.open_record("lead", lead_id)
    assert tab.person_export_button.isVisible()
    qtbot.mouseClick(tab.person_export_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == f"ดาว ประกายแสง-{lead_id[:8]}.pdf"
    assert (tmp_path / "คำขอข้อมูล.pdf").read_bytes().startswith(b"%PDF")
    doc = json.loads((tmp_path / "คำขอข้อมูล.json").read_text(encoding="utf-8"))
    assert (doc["kind"], doc["name"], doc["consent"]["given"]) == ("lead", "ดาว ประกายแสง", True)


def test_the_customer_360_page_of_a_person_shows_their_consent_history(qtbot, window: MainWindow,
                                                                         ctx: AppContext) -> None:
    contact_id = create_contact(ctx.uow(), ContactInput(first_name="วิภา", marketing_consent=True), TODAY).created[0]
    window.open_customer_360("contact", contact_id)
    page = window.tabs.currentWidget()
    assert isinstance(page, Customer360Page)
    qtbot.waitUntil(lambda: page.data is not None and page.task is None)
    assert page.consent_box.isVisible() and "Given" in page.consent_box.lines.text()
