"""The main window: global search (Ctrl+K), settings and language switch, status bar, background
tasks, first-run sample data, error dialogs, fonts and remembered window state."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog, QPushButton

from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui import i18n
from crm_desktop.ui.actions import ChangeBus, perform
from crm_desktop.ui.crash import ErrorDialog
from crm_desktop.ui.fonts import APP_FONT_FAMILY, install_app_font
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.ui.tasks import Task, TaskCancelled
from crm_desktop.views import app as views_app
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.settings.dialog import SettingsDialog
from tests.ui_helpers import opened_window

TODAY = date(2026, 11, 23)


@pytest.fixture
def language(qapp: QApplication) -> UiLanguage:
    language = UiLanguage(qapp)
    yield language
    language.apply("en")


def open_window(qtbot, ctx: AppContext, prefs: Prefs, language: UiLanguage | None = None) -> MainWindow:
    window = opened_window(qtbot, ctx, prefs, language=language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def people(ctx: AppContext) -> dict[str, str]:
    account = create_account(ctx.uow(), AccountInput(name="บริษัท สยามการค้า จำกัด", province="กรุงเทพมหานคร",
                                                     founded_on=date(1997, 3, 15)), TODAY).created[0]
    somchai = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", prefix="นาย",
                                                     nickname="ต้อม", mobile="0812345678", account_id=account),
                             TODAY).created[0]
    malee = create_contact(ctx.uow(), ContactInput(first_name="มาลี", nickname="หน่อย", mobile="0899998888"),
                           TODAY).created[0]
    return {"account": account, "somchai": somchai, "malee": malee}


@pytest.fixture
def window(qtbot, ctx, prefs, people, language) -> MainWindow:
    return open_window(qtbot, ctx, prefs, language)


# --- global search -----------------------------------------------------------------------------


def test_ctrl_k_search_by_nickname_opens_the_contact(qtbot, type_text, window, people) -> None:
    assert window.tabs.currentWidget() is window.accounts_tab
    window.accounts_tab.table.setFocus()
    qtbot.keyClick(window.accounts_tab.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_edit.hasFocus()

    popup = window.search_popup
    type_text(window.search_edit, "ต้")
    assert not popup.visible  # under three characters it waits for the pause: such a query may scan
    type_text(window.search_edit, "อม")
    assert popup.visible  # from three on the trigram lookup runs at once, with no pause
    titles = [c.title for c in popup.choices()]
    assert titles == ["นายสมชาย ใจดี (ต้อม)"]
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)

    assert not popup.visible
    assert window.tabs.currentWidget() is window.contacts_tab
    assert window.contacts_tab.table.current_id() == people["somchai"]
    assert window.contacts_tab.detail_title.text() == "นายสมชาย ใจดี"


def test_search_by_phone_as_typed_and_click_opens_it(qtbot, type_text, window, people) -> None:
    window.focus_search()
    type_text(window.search_edit, "081-234")
    popup = window.search_popup
    qtbot.waitUntil(lambda: popup.visible)
    choices = popup.choices()
    assert [c.kind for c in choices] == ["contact"]
    assert "081 234 5678" in popup.list.item(0).text()
    rect = popup.list.visualItemRect(popup.list.item(0))
    qtbot.mouseClick(popup.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.contacts_tab
    assert window.contacts_tab.detail_title.text() == "นายสมชาย ใจดี"


def test_search_opens_an_account_hidden_by_the_filter(qtbot, type_text, window, people) -> None:
    tab = window.accounts_tab
    type_text(tab.filter_text, "ไม่มีชื่อนี้")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    window.tabs.setCurrentWidget(window.contacts_tab)
    window.focus_search()
    # The contacts tab, built when first shown, deactivates the window a moment later (offscreen),
    # which hides the list: wait for the search, then Down shows it again.
    with qtbot.waitSignal(window.search_popup.searched):
        type_text(window.search_edit, "สยามการ")
    assert [c.kind for c in window.search_popup.choices()] == ["account"]
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is tab
    assert tab.filter_text.text() == ""  # the filter hid it, so it was cleared
    assert tab.table.current_id() == people["account"]
    assert tab.detail_title.text() == "บริษัท สยามการค้า จำกัด"


def test_search_without_match_says_so_and_escape_closes(qtbot, type_text, window) -> None:
    window.focus_search()
    type_text(window.search_edit, "zzzxxq")
    qtbot.waitUntil(lambda: window.search_popup.visible)
    assert window.search_popup.choices() == []
    assert window.search_popup.list.item(0).text() == "Nothing found"
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Escape)
    assert not window.search_popup.visible


# --- settings ----------------------------------------------------------------------------------


def compile_catalog(folder: Path) -> Path | None:
    """A tiny Thai catalog compiled with Qt's lrelease, standing in for the real translations."""
    import PySide6

    lrelease = Path(PySide6.__file__).parent / "lrelease"
    if not lrelease.exists():
        return None
    ts = folder / "crm_desktop_th.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="th_TH">
<context><name>MainWindow</name>
<message><source>Accounts</source><translation>บัญชีลูกค้า</translation></message>
<message><source>Contacts</source><translation>ผู้ติดต่อ</translation></message>
</context>
<context><name>AccountsTab</name>
<message><source>Founded</source><translation>ก่อตั้ง</translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    qm = folder / "crm_desktop_th.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def save_settings(qtbot, window: MainWindow, **changes: object) -> SettingsDialog:
    dialog = window.open_settings()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    if "lang" in changes:
        dialog.language.setCurrentIndex(dialog.language.findData(changes["lang"]))
    if "buddhist" in changes:
        dialog.buddhist.setChecked(bool(changes["buddhist"]))
    if "company" in changes:
        dialog.company.setText(str(changes["company"]))
    if "user_id" in changes:
        dialog.user.setCurrentIndex(dialog.user.findData(changes["user_id"]))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def test_switch_language_to_thai_and_back_keeps_everything(qtbot, type_text, window, ctx, prefs, people,
                                                          tmp_path, monkeypatch) -> None:
    qm = compile_catalog(tmp_path)
    if qm is not None:
        monkeypatch.setattr(i18n, "catalog_path", lambda lang: str(qm))
    tab = window.accounts_tab
    type_text(tab.filter_text, "สยาม")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    assert tab.province_filter.itemText(1).endswith(")")  # English: "กระบี่ (Krabi)"

    save_settings(qtbot, window, lang="th")
    qtbot.waitUntil(lambda: window.accounts_tab is not tab)
    assert prefs.language == "th"
    new_tab = window.accounts_tab
    assert new_tab.filter_text.text() == "สยาม"  # the user's filter survived the rebuild
    assert new_tab.model.rowCount() == 1
    assert new_tab.table.current_id() == people["account"]
    assert new_tab.detail_title.text() == "บริษัท สยามการค้า จำกัด"
    assert new_tab.province_filter.itemText(1) == "กระบี่"  # Thai UI: province names alone
    if qm is not None:
        assert window.tabs.tabText(window.tabs.indexOf(window.accounts_tab)) == "บัญชีลูกค้า"
        assert window.tabs.tabText(window.tabs.indexOf(window.contacts_tab)) == "ผู้ติดต่อ"
        assert window.language is not None and window.language.lang == "th"
    assert account_count(ctx.database) == 1
    assert contact_count(ctx.database) == 2

    save_settings(qtbot, window, lang="en")
    qtbot.waitUntil(lambda: window.accounts_tab is not new_tab)
    assert prefs.language == "en"
    assert window.tabs.tabText(window.tabs.indexOf(window.accounts_tab)) == "Accounts"
    assert window.accounts_tab.filter_text.text() == "สยาม"
    assert window.accounts_tab.table.current_id() == people["account"]
    assert contact_count(ctx.database) == 2


def test_buddhist_era_setting_changes_how_dates_show(qtbot, window, people) -> None:
    window.open_record("account", people["account"])
    assert window.accounts_tab.detail.text("founded") == "15/03/2540"
    save_settings(qtbot, window, buddhist=False)
    qtbot.waitUntil(lambda: window.accounts_tab.detail.text("founded") == "15/03/1997")
    assert window.env.prefs.buddhist_era is False


def test_company_name_goes_to_the_title_and_user_switch_to_status(qtbot, window, ctx) -> None:
    from crm_desktop.models import User

    with ctx.uow() as uow:
        uow.users.add(User(name="Nok", role="sales"))
        uow.commit()
    with ctx.uow() as uow:
        nok = next(u.id for u in uow.users.list() if u.name == "Nok") if hasattr(uow.users, "list") else None
    if nok is None:
        from crm_desktop.queries.lookups import users

        nok = next(u.id for u in users(ctx.database) if u.name == "Nok")
    assert window.windowTitle() == "CRM"
    assert window.user_label.text() == "User: Owner"
    dialog = save_settings(qtbot, window, company="ร้านสมใจการค้า", user_id=nok)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.windowTitle() == "ร้านสมใจการค้า — CRM"
    assert window.user_label.text() == "User: Nok"
    assert ctx.user_id == nok


def test_settings_check_every_field_before_saving_any(qtbot, window, prefs) -> None:
    dialog = save_settings(qtbot, window, lang="th", buddhist=False, company="ก" * 250)
    assert dialog.isVisible()
    assert dialog.company.property("invalid") is True
    assert "Too long" in dialog.banner.text()
    assert prefs.language == "en"  # nothing was saved
    assert prefs.buddhist_era is True
    assert window.windowTitle() == "CRM"
    dialog.reject()


# --- status bar and menus ----------------------------------------------------------------------


def test_status_bar_shows_counts_user_and_last_action(qtbot, window) -> None:
    assert window.counts_label.text() == "Accounts: 1 · Contacts: 2"
    assert window.user_label.text() == "User: Owner"
    assert not window.undo_button.isVisible()


def test_menus_and_shortcuts(window) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert window.act_new.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.act_delete.shortcut() == QKeySequence(Qt.Key.Key_Delete)
    assert window.act_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.act_refresh.shortcut() == QKeySequence(Qt.Key.Key_F5)
    assert window.act_filter.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.act_search.shortcut() == QKeySequence("Ctrl+K")
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Leads", "Deals", "Products", "Orders", "Accounts", "Contacts", "Cases", "Activities", "Calendar",
                    "Anniversaries", "Marketing", "Alerts", "Reports", "Sync"]
    assert not window.tabs.tabIcon(0).isNull()


def test_ctrl_n_and_ctrl_f_act_on_the_current_tab(qtbot, window) -> None:
    window.tabs.setCurrentWidget(window.contacts_tab)
    window.contacts_tab.table.setFocus()
    qtbot.keyClick(window.contacts_tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.contacts_tab.filter_text.hasFocus()
    qtbot.keyClick(window.contacts_tab.filter_text, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.contacts_tab.dialog
    assert dialog is not None and dialog.objectName() == "contactDialog"
    dialog.reject()


def test_about_box(qtbot, window) -> None:
    box = window.show_about()
    assert box.isVisible()
    assert "Sarabun" in box.findChild(QLabel, "aboutBlurb").text()
    box.close()


def test_window_geometry_is_remembered(qtbot, ctx, prefs, people) -> None:
    first = open_window(qtbot, ctx, prefs)
    first.resize(first.width(), 650)  # the offscreen test screen is 800 px: restoring clamps to it
    qtbot.waitUntil(lambda: first.height() == 650)
    first.tabs.setCurrentWidget(first.contacts_tab)
    first.close()
    assert prefs.window_geometry() is not None
    second = open_window(qtbot, ctx, prefs)
    assert second.height() == 650
    assert second.tabs.currentWidget() is second.contacts_tab


# --- errors ------------------------------------------------------------------------------------


def test_domain_error_in_an_action_shows_in_the_ui_language(qtbot, window) -> None:
    def fails() -> None:
        raise DomainError("Nothing was saved: {reason}", reason="x")

    assert perform(window, window.env.bus, "th", fails) is None
    box = window.findChild(QMessageBox, "domainErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "ไม่ได้บันทึก: x"
    box.close()


def test_unexpected_error_says_nothing_was_saved_with_details(qtbot, window) -> None:
    def breaks() -> None:
        raise RuntimeError("disk on fire")

    assert perform(window, window.env.bus, "en", breaks) is None
    box = window.findChild(ErrorDialog, "unexpectedErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "The action failed and nothing was saved."
    # the report names the error and where it happened, never its message (it may quote a customer)
    assert "Error: RuntimeError" in box.report() and "in breaks" in box.report()
    assert "disk on fire" not in box.report()
    box.close()


# --- background tasks and first run ------------------------------------------------------------


def test_task_runs_off_the_gui_thread_and_reports_progress(qtbot, window) -> None:
    import threading

    seen: list[tuple[int, int]] = []
    threads: list[bool] = []

    def work(progress) -> int:
        threads.append(threading.current_thread() is threading.main_thread())
        for i in range(1, 6):
            progress(i, 5)
        return 42

    task = Task(window, work, title="Work", label="Working…", min_duration_ms=0)
    task.progressed.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        task.start()
    assert blocker.args == [42]
    assert threads == [False]
    assert seen and seen[-1] == (5, 5)
    assert task.dialog is None


def test_task_cancel_and_failure(qtbot, window) -> None:
    started = __import__("threading").Event()

    def endless(progress) -> None:
        started.set()
        i = 0
        while progress(i, 1_000_000):
            i += 1
        raise TaskCancelled

    task = Task(window, endless, title="Endless", label="…", min_duration_ms=0)
    task.start()
    assert started.wait(5)
    dialog = task.dialog
    assert isinstance(dialog, QProgressDialog)
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    assert task.dialog is None

    def broken(progress) -> None:
        raise ValueError("bad row 7")

    failing = Task(window, broken, title="Broken", label="…")
    with qtbot.waitSignal(failing.failed, timeout=5000) as blocker:
        failing.start()
    assert isinstance(blocker.args[0], ValueError)


def fake_sample_loader(ctx: AppContext, count: int = 30):
    def load(progress) -> None:
        for i in range(count):
            create_account(ctx.uow(), AccountInput(name=f"บริษัท ตัวอย่าง {i:02d} จำกัด"), TODAY)
            if not progress(i + 1, count):
                return

    return load


def test_first_run_offers_sample_data_and_loads_it_with_progress(qtbot, ctx, prefs, language) -> None:
    window = open_window(qtbot, ctx, prefs, language)
    assert views_app.is_empty(ctx)
    box = views_app.offer_sample_data(window, fake_sample_loader(ctx))
    assert box.isVisible()
    assert "empty" in box.text()
    load_button = next(b for b in box.buttons() if b.text() == "Load sample data")
    qtbot.mouseClick(load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.accounts_tab.model.rowCount() == 30, timeout=10000)
    assert window.counts_label.text() == "Accounts: 30 · Contacts: 0"
    assert window.last_action_label.text() == "Sample data loaded"
    assert not window.tasks


def test_first_run_start_empty_loads_nothing(qtbot, ctx, prefs) -> None:
    window = open_window(qtbot, ctx, prefs)
    box = views_app.offer_sample_data(window, fake_sample_loader(ctx))
    empty_button = next(b for b in box.buttons() if b.text() == "Start empty")
    qtbot.mouseClick(empty_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert not window.tasks
    assert account_count(ctx.database) == 0


def test_run_app_starts_with_bundled_font_and_offers_sample_data(qtbot, ctx, qsettings) -> None:
    seen: dict[str, object] = {}

    def close_soon() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = window.windowTitle()
        seen["box"] = window.sample_data_box is not None and window.sample_data_box.isVisible()
        seen["font"] = QApplication.font().family()
        if window.sample_data_box is not None:
            window.sample_data_box.close()
        window.close()

    QTimer.singleShot(300, close_soon)
    code = views_app.run_app(ctx, ["crm-desktop"], load_demo=fake_sample_loader(ctx), prefs=Prefs(qsettings),
                             lang="en")
    assert code == 0
    assert seen == {"title": "CRM", "box": True, "font": APP_FONT_FAMILY}
    QApplication.setFont(QFont())


def test_bundled_sarabun_font_is_registered(qapp) -> None:
    previous = QApplication.font()
    try:
        assert install_app_font(qapp)
        assert QApplication.font().family() == APP_FONT_FAMILY
    finally:
        QApplication.setFont(previous)


def test_undo_still_works_after_the_tabs_were_rebuilt(qtbot, window, ctx, people) -> None:
    tab = window.contacts_tab
    window.open_record("contact", people["malee"])
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "confirmBox") is not None)
    box = tab.findChild(QMessageBox, "confirmBox")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: contact_count(ctx.database) == 1)
    save_settings(qtbot, window, buddhist=False)
    qtbot.waitUntil(lambda: window.contacts_tab is not tab)
    assert window.undo_button.isVisible()
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert contact_count(ctx.database) == 2
    assert window.contacts_tab.model.rowCount() == 2


def test_thousands_of_signals_do_not_abort_the_interpreter(qtbot, qapp) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to True per emit() and to None per slot
    call, and the interpreter aborts after a few hundred; pyproject.toml keeps us below 6.12."""
    import sys

    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    seen: list[str] = []
    edit.textChanged.connect(seen.append)
    bus = ChangeBus()
    true_refs, none_refs = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(20_000):
        bus.action_done.emit("x")
        edit.setText(str(i % 10))
    assert len(seen) > 1000
    assert sys.getrefcount(True) >= true_refs - 100
    assert sys.getrefcount(None) >= none_refs - 100


def test_ctrl_n_on_the_activities_tab_opens_the_activity_form(qtbot, window) -> None:
    window.tabs.setCurrentWidget(window.activities_tab)
    assert window.act_new.isEnabled() and not window.act_filter.isEnabled()
    window.act_new.trigger()
    dialog = window.activities_tab.dialog
    assert dialog is not None and dialog.objectName() == "activityDialog"
    dialog.reject()


def test_the_start_tab_reads_its_first_record_once(qtbot, ctx, prefs, people, monkeypatch) -> None:
    """The first row is selected and its detail (with its timeline) read once, not again beside it."""
    from crm_desktop.views.accounts.tab import AccountsTab

    shown: list[str | None] = []
    read = AccountsTab.show_detail
    def counted(tab: AccountsTab, record_id: str | None) -> None:
        shown.append(record_id)
        read(tab, record_id)

    monkeypatch.setattr(AccountsTab, "show_detail", counted)
    window = open_window(qtbot, ctx, prefs)
    assert window.accounts_tab.table.current_id() == people["account"]
    assert shown == [people["account"]]


def test_the_first_records_timeline_fills_once_the_window_has_painted(qtbot, ctx, prefs, people) -> None:
    """At start the list and the first record's details come first; its timeline (0.08 s of wrapped Thai
    text on the large demo) right after the first paint. Later records show theirs at once."""
    window = MainWindow(ctx, prefs)
    qtbot.addWidget(window)
    window.show()  # builds the start tab and shows its first record, before any paint
    timeline = window.accounts_tab.timeline
    assert timeline.record_id == people["account"] and timeline.entries == []
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(timeline.entries))
    assert "Created" in timeline.entry_texts()[-1]
    window.accounts_tab.show_record(people["account"])
    window.contacts_tab.show_record(people["somchai"])
    assert window.contacts_tab.timeline.entries  # after the first paint: at once
