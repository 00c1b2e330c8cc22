"""A sync file opened with the program (`crm-desktop FILE.crmsync`: what a double-click runs through the
installers' file association, or a QFileOpenEvent on macOS) shows the Sync tab's import preview of that
file, the same preview as its Import button; a missing or damaged file gives the refusal's message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.options import desktop_options
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.sync.files import export_bundle
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views import app as views_app
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.sync.tab import PreviewDialog
from tests.time_helpers import TODAY

Seen = dict[str, object]


@pytest.fixture
def sync_file(clock, tmp_path: Path, new_database: Callable[[Path], Path]) -> Path:
    """A file from another copy holding one company."""
    other = open_app(new_database(tmp_path / "other.sqlite3"), clock=clock)
    try:
        create_account(other.uow(), AccountInput(name="ร้านกาแฟดอยช้าง"), TODAY)
        path = tmp_path / "จากสาขา.crmsync"
        export_bundle(other.database, path, everything=True, user_id=other.user_id)
    finally:
        other.close()
    return path


def run_until(ctx: AppContext, qsettings: object, look: Callable[[MainWindow], Seen | None],
              open_file: Path | None = None, then: Callable[[MainWindow], None] | None = None,
              opener: views_app.SyncFileOpener | None = None) -> Seen:
    """Run the app as the program does (`run_app`) until `look(window)` sees what it waits for; then close."""
    seen: Seen = {}

    def poll(waited: int = 0) -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
        found = look(window) if window is not None and window.started else None
        if found is None and waited < 15_000:
            QTimer.singleShot(50, lambda: poll(waited + 50))
            return
        seen.update(found or {"timeout": True})
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible() and widget.isWindow():
                widget.close()
        if window is not None:
            window.close()

    def started() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        if then is not None:
            window.after_first_paint(lambda: then(window))
        poll()

    QTimer.singleShot(0, started)
    code = views_app.run_app(ctx, ["crm-desktop"], prefs=Prefs(qsettings), lang="en", open_file=open_file,
                             opener=opener)
    assert code == 0
    return seen


def preview_shown(window: MainWindow) -> Seen | None:
    preview = window.sync_tab.preview if window.slots["sync"].built is not None else None
    if not (isinstance(preview, PreviewDialog) and preview.isVisible()):
        return None
    table = preview.table
    return {"tab": window.tabs.currentWidget() is window.sync_tab,
            "cells": {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}}


def error_shown(window: MainWindow) -> Seen | None:
    box = next((w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "domainErrorBox" and w.isVisible()), None)
    return None if box is None else {"tab": window.tabs.currentWidget() is window.sync_tab, "text": box.text()}


@pytest.mark.parametrize(("argv", "opened"), [
    (["x.crmsync"], "x.crmsync"),
    (["--db", "office.sqlite3", "C:/Users/น้อย/Downloads/จากสาขา.CRMSYNC"], "C:/Users/น้อย/Downloads/จากสาขา.CRMSYNC"),
    (["--lang", "th", "old-copy.zip"], "old-copy.zip"),
    (["--demo"], None),
])
def test_a_sync_file_on_the_command_line_starts_the_app_with_it(argv: list[str], opened: str | None) -> None:
    args = desktop_options(argv)
    assert args is not None and args.command is None
    assert args.open_file == (Path(opened) if opened else None)


@pytest.mark.parametrize("argv", [["notes.txt"], ["a.crmsync", "b.crmsync"], ["search", "x.crmsync"], ["sync"]])
def test_other_arguments_still_go_to_the_command_line(argv: list[str]) -> None:
    assert desktop_options(argv) is None


def test_starting_with_a_sync_file_shows_its_import_preview(ctx, qsettings, sync_file: Path) -> None:
    seen = run_until(ctx, qsettings, preview_shown, open_file=sync_file)
    assert seen == {"tab": True, "cells": {"Accounts": "1", "Settings": "1"}}


def test_macos_hands_a_file_over_with_a_file_open_event(ctx, qsettings, sync_file: Path) -> None:
    def double_click(_window: MainWindow) -> None:
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(sync_file)))

    seen = run_until(ctx, qsettings, preview_shown, then=double_click)
    assert seen == {"tab": True, "cells": {"Accounts": "1", "Settings": "1"}}


def test_a_file_handed_over_before_the_window_exists_waits_for_it(qapp, ctx, qsettings, sync_file: Path) -> None:
    """launch() installs the opener before the login dialog; a file macOS hands over then waits."""
    opener = views_app.SyncFileOpener(qapp)
    qapp.installEventFilter(opener)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(sync_file)))
        assert opener.waiting == [sync_file]
        seen = run_until(ctx, qsettings, preview_shown, opener=opener)
    finally:
        qapp.removeEventFilter(opener)
        opener.setParent(None)  # let it (and the window it holds) go with this test
    assert seen == {"tab": True, "cells": {"Accounts": "1", "Settings": "1"}}
    assert opener.waiting == []


def test_a_second_start_with_a_file_hands_it_to_the_open_window(qapp, ctx, qsettings, sync_file: Path,
                                                                 tmp_path: Path) -> None:
    """Windows starts a new process for a double-click: it gives the file to the window already open on
    the same database (views/file_inbox.py) and quits, and that window shows the preview."""
    opener = views_app.SyncFileOpener(inbox=True, db_argument=str(tmp_path / "office.sqlite3"))
    second_start = views_app.SyncFileOpener(db_argument=str(tmp_path / "office.sqlite3"))
    handed: list[bool] = []

    def double_click(_window: MainWindow) -> None:
        handed.append(second_start.hand_over(sync_file))

    try:
        seen = run_until(ctx, qsettings, preview_shown, then=double_click, opener=opener)
    finally:
        if opener.listener is not None:
            opener.listener.close()
    assert handed == [True]
    assert seen == {"tab": True, "cells": {"Accounts": "1", "Settings": "1"}}


def test_with_no_window_open_the_start_opens_the_file_itself(qapp, tmp_path: Path) -> None:
    assert not views_app.SyncFileOpener(db_argument=str(tmp_path / "nobody.sqlite3")).hand_over(tmp_path / "x.crmsync")


def test_each_database_argument_has_its_own_inbox(qtbot, tmp_path: Path) -> None:
    from crm_desktop.views.file_inbox import FileInbox, hand_over, inbox_name

    got: list[Path] = []
    inbox = FileInbox(inbox_name(str(tmp_path / "a.sqlite3")), got.append)
    assert inbox.listening
    assert inbox_name(None) != inbox_name(str(tmp_path / "a.sqlite3")) != inbox_name(str(tmp_path / "b.sqlite3"))
    assert not hand_over(inbox_name(str(tmp_path / "b.sqlite3")), tmp_path / "x.crmsync")
    assert hand_over(inbox_name(str(tmp_path / "a.sqlite3")), Path("relative") / "จากสาขา.crmsync")
    qtbot.waitUntil(lambda: got == [(Path.cwd() / "relative" / "จากสาขา.crmsync")], timeout=5000)
    inbox.close()


def test_a_missing_file_says_so(ctx, qsettings, tmp_path: Path) -> None:
    missing = tmp_path / "gone.crmsync"
    seen = run_until(ctx, qsettings, error_shown, open_file=missing)
    assert seen == {"tab": True, "text": f"The file {missing} does not exist."}


def test_a_file_that_is_not_a_sync_file_says_so(ctx, qsettings, tmp_path: Path) -> None:
    garbage = tmp_path / "holiday-photos.crmsync"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n not a sync file at all")
    seen = run_until(ctx, qsettings, error_shown, open_file=garbage)
    assert seen["tab"] is True
    assert "holiday-photos.crmsync" in str(seen["text"]) and "Nothing was imported" in str(seen["text"])


def test_the_smoke_run_opens_every_tab_and_quits(ctx, qsettings, sync_file: Path, monkeypatch, capsys) -> None:
    """CRM_DESKTOP_SMOKE=tabs (views/smoke.py), what the bundle's smoke test runs."""
    monkeypatch.setenv("CRM_DESKTOP_SMOKE", "tabs")
    code = views_app.run_app(ctx, ["crm-desktop"], prefs=Prefs(qsettings), lang="en", open_file=sync_file)
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    assert lines[0] == "ready" and lines[1].startswith("qt images=") and "svg" in lines[1].split()[1].split(",")
    assert lines[2:] == [*(f"tab {name}" for name in window.slots), "preview Accounts=1 Settings=1", "done"]
    window.close()


def test_the_smoke_run_for_the_start_bench_quits_once_painted(ctx, qsettings, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CRM_DESKTOP_SMOKE", "ready")
    code = views_app.run_app(ctx, ["crm-desktop"], prefs=Prefs(qsettings), lang="en")
    assert (code, capsys.readouterr().out) == (0, "ready\n")
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()


def test_the_smoke_run_waits_for_a_preview(ctx, qsettings, sync_file: Path, monkeypatch, capsys) -> None:
    """CRM_DESKTOP_SMOKE=preview: the open window of the bundle's hand-over step."""
    monkeypatch.setenv("CRM_DESKTOP_SMOKE", "preview")
    code = views_app.run_app(ctx, ["crm-desktop"], prefs=Prefs(qsettings), lang="en", open_file=sync_file)
    assert (code, capsys.readouterr().out.splitlines()) == (0, ["ready", "preview Accounts=1 Settings=1", "done"])
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()
