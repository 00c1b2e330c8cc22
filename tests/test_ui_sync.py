"""The Sync tab through its widgets: export, preview and import, conflicts, office key."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from crm_desktop.clock import FixedClock
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.app import open_app
from crm_desktop.services.changes import Entity
from crm_desktop.services.settings import set_company_name
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.state import office_key
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.sync.tab import PreviewDialog, SyncTab

TODAY = date(2026, 11, 23)


@pytest.fixture
def other(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]):
    ctx = open_app(new_database(tmp_path / "other.sqlite3"), clock=clock)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def tab(qtbot, ctx, prefs, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    env = ViewEnv(ctx, prefs, ChangeBus(), UndoDelete(None))
    widget = SyncTab(env)
    qtbot.addWidget(widget)
    widget.show()
    return widget



def test_import_shows_a_preview_and_saves_only_after_confirming(qtbot, tab, ctx, other, tmp_path) -> None:
    set_company_name(other.uow(), "ร้านดอยช้างสาขาเชียงราย")
    create_account(other.uow(), AccountInput(name="ร้านกาแฟดอยช้าง"), TODAY)
    path = tmp_path / "from-other.zip"
    export_bundle(other.database, path, everything=True, user_id=other.user_id)
    tab.choose_import_path = lambda: path
    published = []
    tab.env.bus.changed.connect(published.append)
    tab.import_button.click()
    qtbot.waitUntil(lambda: isinstance(tab.preview, PreviewDialog) and tab.preview.isVisible(), timeout=10_000)
    table = tab.preview.table
    cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    # the company name travels too, and the sending copy's claim to number as the office (its first file)
    assert cells == {"Accounts": "1", "Settings": "2"}
    with sqlite3.connect(ctx.database.path) as conn:
        assert conn.execute("SELECT count(*) FROM account").fetchone()[0] == 0  # a preview saves nothing
    tab.preview.import_button.click()
    qtbot.waitUntil(lambda: tab.history.rowCount() == 1, timeout=10_000)
    with sqlite3.connect(ctx.database.path) as conn:
        assert conn.execute("SELECT name FROM account").fetchall() == [("ร้านกาแฟดอยช้าง",)]
    assert tab.history.item(0, 1).text() == "Imported"
    assert tab.history.item(0, 2).text() == f"Owner · ร้านดอยช้างสาขาเชียงราย ({other.database.site_id})"
    assert any(changes[Entity.ACCOUNT].created for changes in published)


def test_a_damaged_file_shows_a_message_and_changes_nothing(qtbot, tab, ctx, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    tab.choose_import_path = lambda: bad
    shown = []
    monkeypatch.setattr("crm_desktop.views.sync.tab.show_error", lambda _p, exc, lang: shown.append(exc.text(lang)))
    tab.import_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "damaged or incomplete" in shown[0]
    assert tab.preview is None


def test_export_writes_a_file_the_other_copy_can_import(qtbot, tab, ctx, other, tmp_path) -> None:
    create_account(ctx.uow(), AccountInput(name="Lanna Foods"), TODAY)
    path = tmp_path / "out.zip"
    tab.choose_export_path = lambda: path
    tab.export_file(everything=True)
    qtbot.waitUntil(lambda: tab.history.rowCount() == 1, timeout=10_000)
    assert path.exists()
    assert import_bundle(other.database, other.user_id, path).report.of("account").new == 1


def answer_save_dialog(target: Path, *, replace: bool) -> list[str]:
    """Drive the real save dialog: choose `target`, then answer its question about replacing the file
    (on No, close the dialog). Returns the questions asked."""
    asked: list[str] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and not asked:
            dialog.selectFile(str(target))
            QTimer.singleShot(50, step)
            dialog.accept()
        elif isinstance(dialog, QFileDialog):
            dialog.reject()
        elif isinstance(dialog, QMessageBox):
            asked.append(dialog.text())
            if not replace:
                QTimer.singleShot(50, step)
            dialog.button(QMessageBox.StandardButton.Yes if replace else QMessageBox.StandardButton.No).click()
        else:
            QTimer.singleShot(50, step)

    QTimer.singleShot(0, step)
    return asked


@pytest.mark.parametrize("replace", [True, False])
def test_export_over_an_existing_file_asks_first(qtbot, tab, ctx, tmp_path, replace: bool) -> None:
    target = tmp_path / "last-week.zip"
    target.write_bytes(b"last week's file")
    asked = answer_save_dialog(target, replace=replace)
    tab.export_file(everything=True)
    assert asked and "already exists" in asked[0]
    if replace:
        qtbot.waitUntil(lambda: tab.history.rowCount() == 1, timeout=10_000)
        assert zipfile.is_zipfile(target)
    else:
        assert target.read_bytes() == b"last week's file" and tab.history.rowCount() == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []


def test_export_refuses_the_database_even_when_the_user_agreed_to_replace_it(
    qtbot, tab, ctx, tmp_path, monkeypatch
) -> None:
    create_account(ctx.uow(), AccountInput(name="Lanna Foods"), TODAY)
    shown = []
    monkeypatch.setattr("crm_desktop.views.sync.tab.show_error", lambda _p, exc, lang: shown.append(exc.text(lang)))
    before = ctx.database.path.read_bytes()[:16]
    asked = answer_save_dialog(ctx.database.path, replace=True)
    tab.export_file(everything=True)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert asked and "is the database itself" in shown[0]
    assert ctx.database.path.read_bytes()[:16] == before == b"SQLite format 3\x00"
    with sqlite3.connect(ctx.database.path) as conn:
        assert conn.execute("SELECT name FROM account").fetchall() == [("Lanna Foods",)]


def test_a_conflict_is_listed_and_the_other_value_can_be_chosen(qtbot, tab, ctx, other, tmp_path) -> None:
    account_id = create_account(ctx.uow(), AccountInput(name="Lanna Foods", phone="021234567"), TODAY).created[0]
    export_bundle(ctx.database, tmp_path / "1.zip", everything=True)
    import_bundle(other.database, other.user_id, tmp_path / "1.zip")
    for who, phone in ((ctx, "021111111"), (other, "022222222")):
        data = account_input(who.uow(), account_id)
        data.phone = phone
        update_account(who.uow(), account_id, data, TODAY)
    export_bundle(other.database, tmp_path / "2.zip", everything=True)
    import_bundle(ctx.database, ctx.user_id, tmp_path / "2.zip")
    tab.reload()
    assert tab.conflicts.rowCount() == 1
    assert tab.conflicts.item(0, 0).text() == "Accounts: Lanna Foods"
    assert (tab.conflicts.item(0, 2).text(), tab.conflicts.item(0, 4).text()) == ("02 222 2222", "02 111 1111")
    assert not tab.flip_button.isEnabled()
    tab.conflicts.selectRow(0)
    tab.flip_button.click()
    assert tab.conflicts.rowCount() == 0
    assert account_input(ctx.uow(), account_id).phone == "+6621111111"


def test_the_office_key_is_set_from_the_tab(qtbot, tab, ctx, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ความลับ", True))
    tab.key_button.click()
    assert office_key(ctx.database) == "ความลับ"
    assert "office key set" in tab.copy_label.text()


def test_the_office_key_is_set_in_settings(qtbot, ctx, prefs) -> None:
    from crm_desktop.views.settings.dialog import SettingsDialog

    env = ViewEnv(ctx, prefs, ChangeBus(), UndoDelete(None))
    dialog = SettingsDialog(env)
    qtbot.addWidget(dialog)
    assert dialog.office_key.text() == ""
    dialog.office_key.setText("  กุญแจร้าน  ")
    assert dialog.save()
    assert office_key(ctx.database) == "กุญแจร้าน"


@pytest.mark.parametrize(("lang", "intro", "done"), [
    ("en", "all of them are already here, nothing is new",
     "Nothing new from copy {site}: all {n} change(s) in the file were already here."),
    ("th", "ทั้งหมดมีอยู่ในเครื่องนี้แล้ว ไม่มีข้อมูลใหม่",
     "ไม่มีข้อมูลใหม่จากเครื่อง {site}: การเปลี่ยนแปลงทั้ง {n} รายการในไฟล์มีอยู่ในเครื่องนี้แล้ว"),
])
def test_a_replayed_file_says_that_nothing_is_new(qtbot, qapp, tab, other, tmp_path, lang, intro, done) -> None:
    from PySide6.QtWidgets import QLabel

    from crm_desktop.ui.i18n import UiLanguage

    create_account(other.uow(), AccountInput(name="ร้านกาแฟดอยช้าง"), TODAY)
    path = tmp_path / "again.zip"
    export_bundle(other.database, path, user_id=other.user_id)
    n = import_bundle(tab.env.db, tab.env.ctx.user_id, path).report.received  # imported once already
    language = UiLanguage(qapp)
    assert language.apply(lang) == (lang == "th")  # English needs no catalog
    try:
        said: list[str] = []
        tab.env.bus.action_done.connect(said.append)
        tab.choose_import_path = lambda: path
        tab.import_button.click()
        qtbot.waitUntil(lambda: isinstance(tab.preview, PreviewDialog) and tab.preview.isVisible(), timeout=10_000)
        assert any(intro in label.text() for label in tab.preview.findChildren(QLabel))
        tab.preview.import_button.click()
        qtbot.waitUntil(lambda: bool(said), timeout=10_000)
        assert said == [done.format(site=other.database.site_id, n=n)]
    finally:
        language.apply("en")
