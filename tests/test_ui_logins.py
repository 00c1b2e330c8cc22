"""Logins and roles through the widgets: the login dialog, Settings > Users, and what a role sees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.services.app import OWNER_ID, AppContext
from crm_desktop.services.leads import LeadInput, create_lead, lead_input
from crm_desktop.services.logins import log_in, login_required, set_login_required, set_password
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.app import log_in_at_start
from crm_desktop.views.leads.dialog import LeadDialog
from crm_desktop.views.leads.tab import LeadsTab
from crm_desktop.views.login_dialog import LoginDialog, PasswordDialog
from crm_desktop.views.settings.users_page import UsersPage
from tests.people_helpers import add_user
from tests.ui_helpers import shown_tab

OWNER_PASSWORD = "owner-password"



def login_dialog(qtbot, ctx: AppContext) -> LoginDialog:
    dialog = LoginDialog(ctx, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def try_password(qtbot, type_text, dialog: LoginDialog, name: str, password: str) -> None:
    dialog.person.setCurrentIndex(dialog.person.findText(name))
    dialog.password.clear()
    type_text(dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_the_login_dialog_accepts_the_right_password_and_says_what_is_wrong(qtbot, type_text,
                                                                          ctx: AppContext) -> None:
    set_password(ctx, OWNER_ID, OWNER_PASSWORD)
    dialog = login_dialog(qtbot, ctx)
    assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == ["Owner"]
    try_password(qtbot, type_text, dialog, "Owner", "nope")
    assert dialog.isVisible() and dialog.banner.isVisible()
    assert dialog.banner.text() == "Wrong password (1 of 5 wrong tries; at 5 the account is locked for 15 minutes)."
    assert dialog.password.text() == ""
    for _attempt in range(4):
        try_password(qtbot, type_text, dialog, "Owner", "nope")
    assert dialog.banner.text() == "Too many wrong passwords: this account is locked until 10:15."
    try_password(qtbot, type_text, dialog, "Owner", OWNER_PASSWORD)
    assert dialog.isVisible() and "locked until" in dialog.banner.text()


def test_a_person_whose_password_the_owner_set_chooses_their_own(qtbot, type_text, ctx: AppContext) -> None:
    nok = add_user(ctx, "Nok")
    set_password(ctx, nok, "given-by-owner")
    dialog = login_dialog(qtbot, ctx)
    try_password(qtbot, type_text, dialog, "Nok", "given-by-owner")
    assert dialog.isVisible() and dialog.new_password.isVisible() and not dialog.person.isEnabled()
    type_text(dialog.new_password, "nok-own-pass")
    type_text(dialog.repeat, "nok-own-pas")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.text() == "The two new passwords differ; type them again."
    type_text(dialog.repeat, "s")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == LoginDialog.DialogCode.Accepted and dialog.user_id == nok
    assert not log_in(ctx.database, nok, "nok-own-pass").must_change


def test_the_app_starts_with_the_login_and_works_as_who_logged_in(qtbot, ctx: AppContext) -> None:
    nok = add_user(ctx, "Nok")
    set_password(ctx, nok, "given-by-owner")
    set_password(AppContext(ctx.database, nok), nok, "nok-own-pass", current="given-by-owner")

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        dialog.person.setCurrentIndex(dialog.person.findText("Nok"))
        dialog.password.setText("nok-own-pass")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    assert log_in_at_start(QApplication.instance(), ctx, "en")  # type: ignore[arg-type]
    assert ctx.user_id == nok


def test_the_owner_turns_logins_on_only_with_a_password(qtbot, type_text, ctx: AppContext, prefs: Prefs) -> None:
    page = shown_tab(qtbot, UsersPage, ctx, prefs, (640, 400))
    page.login_check.click()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "domainErrorBox") is not None)
    box = page.findChild(QMessageBox, "domainErrorBox")
    assert "Set your own password first" in box.text()
    box.close()
    assert not page.login_check.isChecked() and not login_required(ctx.database)
    assert page.password_button.text() == "Change my password…"
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    dialog = page.password_dialog
    assert isinstance(dialog, PasswordDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.new_password, OWNER_PASSWORD)
    type_text(dialog.repeat, OWNER_PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    page.login_check.click()
    assert page.login_check.isChecked() and login_required(ctx.database)


def test_a_sales_rep_sees_the_people_but_changes_only_their_own_password(qtbot, ctx: AppContext,
                                                                         prefs: Prefs) -> None:
    ctx.user_id = add_user(ctx, "Nok")
    page = shown_tab(qtbot, UsersPage, ctx, prefs, (640, 400))
    assert not page.add_button.isEnabled() and not page.login_check.isEnabled()
    page.table.selectRow([p.name for p in page.rows].index("Owner"))
    assert not page.edit_button.isEnabled() and not page.password_button.isEnabled()
    page.table.selectRow([p.name for p in page.rows].index("Nok"))
    assert page.password_button.isEnabled() and page.password_button.text() == "Change my password…"


@pytest.fixture
def leads_as_nok(qtbot, ctx: AppContext, prefs: Prefs) -> LeadsTab:
    ploy = add_user(ctx, "Ploy")
    create_lead(ctx.uow(), LeadInput(first_name="Wichai", owner_id=ploy))
    ctx.user_id = add_user(ctx, "Nok")
    return shown_tab(qtbot, LeadsTab, ctx, prefs, (1300, 800))


def test_another_reps_lead_opens_read_only_and_cannot_be_deleted(qtbot, ctx: AppContext,
                                                                 leads_as_nok: LeadsTab) -> None:
    tab = leads_as_nok
    tab.table.selectRow(0)
    assert tab.new_button.isEnabled() and not tab.delete_button.isEnabled()  # Ploy's lead
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LeadDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.save_button.isEnabled() and dialog.read_only_note.isVisible()
    assert dialog.read_only_note.text() == "Read only: your role cannot change this record."
    dialog.reject()
    create_lead(AppContext(ctx.database, OWNER_ID).uow(), LeadInput(first_name="Anong"))  # unassigned
    tab.refresh()
    tab.table.selectRow([tab.model.key_at(i) for i in range(2)].index(_lead_named(tab, "Anong")))
    assert tab.delete_button.isEnabled()
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(tab.dialog)
    assert tab.dialog.save_button.isEnabled() and not tab.dialog.read_only_note.isVisible()


def _lead_named(tab: LeadsTab, name: str) -> str:
    return next(i for i in (tab.model.key_at(r) for r in range(tab.model.rowCount()))
                if lead_input(tab.env.ctx.uow(), i).first_name == name)


def test_staff_cannot_add_or_delete_leads(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    create_lead(ctx.uow(), LeadInput(first_name="Wichai"))
    ctx.user_id = add_user(ctx, "Dao", "staff")
    tab = shown_tab(qtbot, LeadsTab, ctx, prefs, (1300, 800))
    tab.table.selectRow(0)
    assert not tab.new_button.isEnabled() and not tab.delete_button.isEnabled() and tab.edit_button.isEnabled()


def test_the_settings_user_switch_stays_while_logins_are_off_and_office_fields_are_the_owners(
        qtbot, ctx: AppContext, prefs: Prefs) -> None:
    from crm_desktop.views.settings.dialog import SettingsDialog

    dialog = shown_tab(qtbot, SettingsDialog, ctx, prefs, (640, 440))
    assert dialog.user.isEnabled() and dialog.company.isEnabled()
    dialog.close()
    set_password(ctx, OWNER_ID, OWNER_PASSWORD)
    set_login_required(ctx, True)
    dialog = shown_tab(qtbot, SettingsDialog, ctx, prefs, (640, 440))
    assert not dialog.user.isEnabled()  # who works is who logged in
    dialog.close()
    ctx.user_id = add_user(ctx, "Mali", "manager")
    dialog = shown_tab(qtbot, SettingsDialog, ctx, prefs, (640, 440))
    assert not dialog.company.isEnabled() and not dialog.office_key.isEnabled()
    assert not dialog.company_page.isEnabled() and dialog.backups.backup_button.isEnabled()
    assert not dialog.backups.keep.isEnabled()
