"""Settings › Backups and the start-up check through real widgets: back up now, restore (the main
window shows the old data again), how many to keep, and the offer of a good backup when the
database fails its check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.clock import FixedClock
from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.reports.forecast import forecast_accuracy
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.backups import back_up_now, backups, backups_to_keep, check_and_back_up, check_database
from crm_desktop.ui.crash import ErrorDialog
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views import app as views_app
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.settings import backups_page
from crm_desktop.views.settings.dialog import SettingsDialog
from tests.backup_helpers import corrupt_table, names
from tests.reports.test_forecast import sell
from tests.time_helpers import TEST_NOW
from tests.ui_helpers import opened_window

TODAY = date(2026, 11, 23)


def open_window(qtbot, ctx: AppContext, prefs: Prefs) -> MainWindow:
    return opened_window(qtbot, ctx, prefs)


def add_account(ctx: AppContext, name: str) -> str:
    return create_account(ctx.uow(), AccountInput(name=name), TODAY).created[0]


def backups_page_of(qtbot, window: MainWindow) -> tuple[SettingsDialog, backups_page.BackupsPage]:
    dialog = window.open_settings()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentWidget(dialog.backups)
    return dialog, dialog.backups


def test_back_up_now_adds_a_row(qtbot, ctx, prefs) -> None:
    window = open_window(qtbot, ctx, prefs)
    dialog, page = backups_page_of(qtbot, window)
    assert page.table.rowCount() == 0
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.table.item(0, 1).text() == "Made by hand"
    assert page.table.item(0, 2).text().endswith(" MB")
    day, _time = page.table.item(0, 0).text().split()
    assert int(day.split("/")[2]) > 2500  # the user's Buddhist Era setting
    assert "Backup saved" in page.status.text()
    assert [b.reason for b in backups(ctx.database.path)] == ["manual"]
    dialog.reject()


def test_restore_from_the_list_brings_the_old_data_back(qtbot, ctx, prefs, monkeypatch) -> None:
    add_account(ctx, "บริษัท สยามการค้า จำกัด")
    back_up_now(ctx.database.path, now=TEST_NOW)
    add_account(ctx, "Added after the backup")
    window = open_window(qtbot, ctx, prefs)
    qtbot.waitUntil(lambda: window.accounts_tab.model.rowCount() == 2)
    asked: list[str] = []

    def yes(_parent, _title, text, on_yes, **_kw) -> None:
        asked.append(text)
        on_yes()

    monkeypatch.setattr(backups_page, "confirm", yes)
    _dialog, page = backups_page_of(qtbot, window)
    page.table.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.settings_dialog is None, timeout=10000)  # closed after the restore
    assert asked and "Replace all the data" in asked[0]
    qtbot.waitUntil(lambda: window.accounts_tab.model.rowCount() == 1)
    assert account_count(ctx.database) == 1
    assert window.counts_label.text().startswith("Accounts: 1")
    assert window.last_action_label.text().startswith("Backup restored")
    assert sorted(b.reason for b in backups(ctx.database.path)) == ["before-restore", "manual"]
    add_account(ctx, "The window keeps working")
    assert account_count(ctx.database) == 2


def test_restore_asks_first_and_cancel_changes_nothing(qtbot, ctx, prefs) -> None:
    add_account(ctx, "Kept")
    back_up_now(ctx.database.path, now=TEST_NOW)
    add_account(ctx, "Also kept")
    window = open_window(qtbot, ctx, prefs)
    dialog, page = backups_page_of(qtbot, window)
    page.table.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox, "confirmBox")
    assert box is not None and "current data" in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.isVisible() and account_count(ctx.database) == 2
    dialog.reject()


def test_restore_from_file_refuses_a_bad_file(qtbot, ctx, prefs, monkeypatch, tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database", encoding="utf-8")
    add_account(ctx, "Stays")
    window = open_window(qtbot, ctx, prefs)
    monkeypatch.setattr(backups_page.QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(backups_page, "confirm", lambda *a, **k: a[3]())
    dialog, page = backups_page_of(qtbot, window)
    qtbot.mouseClick(page.restore_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "domainErrorBox") is not None, timeout=10000)
    error = dialog.findChild(QMessageBox, "domainErrorBox")
    assert "not a SQLite database" in error.text()
    assert dialog.isVisible() and account_count(ctx.database) == 1
    error.close()
    dialog.reject()


def test_number_of_backups_to_keep_is_saved_with_settings(qtbot, ctx, prefs) -> None:
    window = open_window(qtbot, ctx, prefs)
    dialog, page = backups_page_of(qtbot, window)
    assert page.keep.value() == 10
    page.keep.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert backups_to_keep(ctx) == 3


# --- start-up ------------------------------------------------------------------------------------


def test_start_makes_the_daily_backup_in_the_background(qtbot, ctx, prefs) -> None:
    window = open_window(qtbot, ctx, prefs)
    task = views_app.start_checks(window)
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert [b.reason for b in backups(ctx.database.path)] == ["daily"]
    assert window.last_action_label.text() == "Daily backup saved"


def test_start_freezes_this_months_forecast_once(qtbot, ctx, prefs) -> None:
    for month in range(5, 11):  # six months of sales: enough history for a forecast
        sell(ctx, None, date(2026, month, 10), 1_000_000 * month)
    window = open_window(qtbot, ctx, prefs)
    for _ in range(2):
        task = views_app.start_checks(window)
        qtbot.waitUntil(lambda task=task: not task.running, timeout=10000)
    table = forecast_accuracy(ctx.database, ReportFilter.month("2026-11"), date(2026, 12, 2))
    november = next(row for row in table.rows if row[0] == "2026-11")
    assert november[1] is not None  # what was predicted on the 23rd is kept and compared
    with ctx.database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM forecast_snapshot WHERE owner_id IS NULL").scalar() == 1


def test_damaged_database_at_start_offers_the_newest_good_backup(clock: FixedClock, qtbot, db_path, prefs) -> None:
    ctx = open_app(db_path, clock=clock)
    add_account(ctx, "บริษัท สยามการค้า จำกัด")
    check_and_back_up(ctx, date(2026, 11, 22))
    ctx.close()
    corrupt_table(db_path)
    ctx = open_app(db_path, clock=clock)  # the damaged table is not read on opening
    try:
        window = open_window(qtbot, ctx, prefs)
        # The list cannot be read: it says so instead of letting the error escape into Qt.
        assert window.accounts_tab.findChild(ErrorDialog, "unexpectedErrorBox") is not None
        views_app.start_checks(window)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "damagedBox") is not None, timeout=10000)
        box = window.findChild(QMessageBox, "damagedBox")
        assert "failed its check" in box.text() and box.detailedText()
        restore = next(b for b in box.buttons() if b.text() == "Restore backup")
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.last_action_label.text().startswith("Backup restored"), timeout=10000)
        assert check_database(db_path).ok
        assert names(db_path) == ["บริษัท สยามการค้า จำกัด"]
        assert window.accounts_tab.model.rowCount() == 1
    finally:
        ctx.close()


def damage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"\0" * 16
    path.write_bytes(bytes(data))


def test_database_that_cannot_open_is_restored_when_the_user_agrees(
    clock: FixedClock, qtbot, db_path, prefs, monkeypatch
) -> None:
    ctx = open_app(db_path, clock=clock)
    add_account(ctx, "Saved")
    check_and_back_up(ctx, TODAY)
    ctx.close()
    damage_header(db_path)
    asked: list[str] = []

    def answer(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(views_app.QMessageBox, "question", answer)
    monkeypatch.setattr(views_app.QMessageBox, "critical", lambda *a: pytest.fail(f"error shown: {a}"))
    warned: list[str] = []
    monkeypatch.setattr(backups_page, "show_warning", lambda _parent, text, **_: warned.append(text))
    opened = views_app.open_or_recover(QApplication.instance(), db_path, "en", clock)
    assert opened is not None
    try:
        assert asked and "Restore the newest good backup" in asked[0]
        assert account_count(opened.database) == 1
        # The damaged file's own settings (office key…) could not be read: the user is told.
        assert len(warned) == 1 and "office key" in warned[0]
    finally:
        opened.close()


def test_declining_the_restore_quits_without_changing_anything(
    clock: FixedClock, qtbot, db_path, prefs, monkeypatch
) -> None:
    ctx = open_app(db_path, clock=clock)
    check_and_back_up(ctx, TODAY)
    ctx.close()
    damage_header(db_path)
    before = db_path.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(views_app.QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    monkeypatch.setattr(views_app.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert views_app.open_or_recover(QApplication.instance(), db_path, "en", clock) is None
    assert len(shown) == 1 and db_path.read_bytes() == before
