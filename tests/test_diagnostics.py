"""About and diagnostics: the About window's facts and "Open folder", `crm-desktop --version`, and the report
of an unexpected error (dialog and rotating log) that holds no personal data."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

import crm_desktop
from crm_desktop.clock import FixedClock
from crm_desktop.demo.generate import load_demo
from crm_desktop.models import Contact
from crm_desktop.services.app import AppContext
from crm_desktop.services.diagnostics import CrashLog, Reporter, gather_facts
from crm_desktop.ui import crash
from crm_desktop.ui.crash import ErrorDialog
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views import app as views_app
from crm_desktop.views.about import AboutDialog
from crm_desktop.views.contacts.dialog import ContactDialog
from crm_desktop.views.main_window import MainWindow
from tests.ui_helpers import opened_window

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_pyprojects_in_the_metadata_and_the_fallback() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert metadata.version("crm_desktop") == declared == crm_desktop.__version__


def test_version_prints_the_facts_without_a_display_widgets_or_creating_anything(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CRM_DESKTOP_DB")}
    env |= {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
            "PYTHONPATH": str(ROOT)}
    code = ("import sys; from crm_desktop.main import main; status = main(['--version']); "
            "print('widgets' if 'PySide6.QtWidgets' in sys.modules else 'no widgets', file=sys.stderr); "
            "sys.exit(status)")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "no widgets"
    lines = done.stdout.splitlines()
    assert lines[0] == f"crm-desktop {metadata.version('crm_desktop')}"
    assert lines[1].startswith(f"Python {sys.version.split()[0]}")
    assert lines[2].startswith("Qt 6.") and "PySide6" in lines[2]
    assert lines[3] == f"SQLite {sqlite3.sqlite_version}"
    data = home / "data" / "crm_desktop"
    assert lines[4:] == [
        f"Database: {data / 'crm.sqlite3'} (not created yet)",
        f"Data folder: {data} (not created yet)",
        f"Backup folder: {data / 'backups'} (not created yet)",
        f"Log folder: {home / 'state' / 'crm_desktop' / 'log'} (not created yet)",
    ]
    assert not home.exists()  # no database, no folder


def test_an_office_server_is_named_without_its_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    facts = gather_facts("postgresql://crm:s3cret@office/crm", qt="6")
    assert "s3cret" not in facts.text()
    assert "Database: office server postgresql://crm:***@office/crm" in facts.lines()
    assert str(tmp_path / "crm_desktop" / "servers") in str(facts.backup_folder)


# --- the About window ----------------------------------------------------------------------------


@pytest.fixture
def language(qapp: QApplication) -> Iterator[UiLanguage]:
    language = UiLanguage(qapp)
    yield language
    language.apply("en")


def test_about_shows_the_facts_opens_folders_and_copies_them(
    qtbot, ctx: AppContext, prefs: Prefs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    backups = ctx.database.path.parent / "backups"
    backups.mkdir(exist_ok=True)
    window = opened_window(qtbot, ctx, prefs)
    about = window.show_about()
    assert isinstance(about, AboutDialog) and about.isVisible()
    opened: list[QUrl] = []
    about.open_url = lambda url: opened.append(url) or True
    assert about.findChild(QPushButton, "open_log").isEnabled() is False  # no log yet: nothing to open
    assert "not created yet" in about.text().splitlines()[-1]
    about.findChild(QPushButton, "open_backups").click()
    about.findChild(QPushButton, "open_database").click()
    assert [url.toLocalFile() for url in opened] == [str(backups), str(ctx.database.path.parent)]
    assert all(url.isLocalFile() for url in opened)
    about.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied == about.text() == gather_facts(ctx.database.path, qt=about.facts.qt).text()
    assert copied.splitlines()[0] == f"crm-desktop {metadata.version('crm_desktop')}"
    assert f"Database: {ctx.database.path}" in copied and f"Backup folder: {backups}" in copied
    about.close()


def test_about_speaks_thai(qtbot, ctx: AppContext, prefs: Prefs, language: UiLanguage) -> None:
    window = opened_window(qtbot, ctx, prefs, language=language)
    language.apply("th")
    about = window.show_about()
    assert about.windowTitle() == "เกี่ยวกับโปรแกรม"
    assert about.findChild(QPushButton, "open_data").text() == "เปิดโฟลเดอร์"
    assert about.copy_button.text() == "คัดลอก"
    about.close()


# --- unexpected errors: the report and the log hold no personal data ---------------------------


@pytest.fixture
def installed(qapp: QApplication, ctx: AppContext, clock: FixedClock, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's error reporting as `launch` installs it, its user log folder in the test's folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    views_app.install_crash_reporting(qapp, clock, ctx.database.path)
    yield tmp_path / "state" / "crm_desktop" / "log" / "crm-desktop.log"
    crash.uninstall()


def phone_free(text: str) -> str:
    """The text with what may separate a phone's digits removed: a phone in any format shows as digits."""
    return re.sub(r"[\s\-().+]", "", text)


def demo_person(ctx: AppContext) -> tuple[str, str, str, str, str]:
    with sqlite3.connect(ctx.database.path) as conn:
        row = conn.execute("SELECT id, first_name, last_name, mobile, email FROM contact "
                           "WHERE mobile != '' AND email != '' AND last_name != '' ORDER BY id LIMIT 1").fetchone()
    return row


def test_a_failing_save_of_a_demo_contact_reports_and_logs_no_personal_data(
    qtbot, ctx: AppContext, prefs: Prefs, installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(ctx.database, "small", ctx.user_id)
    contact_id, first, last, mobile, email = demo_person(ctx)

    real_flush = Session.flush

    def failing_flush(session: Session, objects: object = None) -> None:
        # The database layer fails on the person's row, as SQLAlchemy does: the SQL, its bound values, and
        # the driver's message all carry the person's name, phone and e-mail.
        for row in session.dirty:
            if isinstance(row, Contact):
                values = {"first_name": row.first_name, "last_name": row.last_name, "mobile": row.mobile,
                          "email": row.email}
                reason = ValueError(f"cannot store {row.first_name} {row.last_name} <{row.email}> {row.mobile}")
                raise StatementError(f"bad value for {row.first_name} {row.email}",
                                     "UPDATE contact SET first_name=?, last_name=?, mobile=?, email=?", values,
                                     reason) from reason
        real_flush(session, objects)

    monkeypatch.setattr(Session, "flush", failing_flush)
    window: MainWindow = opened_window(qtbot, ctx, prefs)
    tab = window.contacts_tab
    assert window.open_record("contact", contact_id)

    dialog = tab.edit_record(contact_id)
    assert isinstance(dialog, ContactDialog)
    dialog.nickname.setText("แก้ไข")

    def save_fails() -> ErrorDialog:
        dialog.save_button.click()
        shown = [box for box in dialog.findChildren(ErrorDialog, "unexpectedErrorBox") if box.isVisible()]
        assert len(shown) == 1
        return shown[0]

    box = save_fails()
    assert box.text() == "The action failed and nothing was saved."
    report = box.report()
    log = installed.read_text(encoding="utf-8")
    national = phone_free(mobile).removeprefix("0").removeprefix("66")
    for text in (report, log):
        for value in (first, last, email, email.split("@")[0]):
            assert value not in text
        assert national not in phone_free(text)
        assert "sqlalchemy.exc.StatementError" in text and "Caused by: ValueError" in text
        assert "crm_desktop/views/contacts/dialog.py" in text and "crm_desktop/ui/actions.py" in text
        assert "crm_desktop/services/contacts.py" in text
        assert "Time: 2026-11-23 03:0" in text and "2031" not in text  # the app's clock, not the machine's
        assert f"crm-desktop {metadata.version('crm_desktop')}" in text
    assert report in log
    box.copy_report()
    assert QApplication.clipboard().text() == report
    assert box.findChild(type(box.where), "logFile").text().endswith(str(installed))
    box.close()

    save_fails().close()  # a second failure: appended
    assert installed.read_text(encoding="utf-8").count("CRM Desktop error report") == 2


@pytest.mark.qt_no_exception_capture
def test_an_error_nothing_caught_shows_the_dialog_from_any_thread(qtbot, installed: Path) -> None:
    secret = "สมหญิง 081-234-5678 somying@example.co.th"
    button = QPushButton()
    qtbot.addWidget(button)

    def broken() -> None:
        raise KeyError(secret)

    button.clicked.connect(broken)
    button.click()  # PySide6 hands the slot's error to sys.excepthook
    shown = crash._State.showing
    assert isinstance(shown, ErrorDialog) and shown.isVisible()
    assert shown.text() == "Something went wrong. What you were doing may not have been saved."
    assert "Error: KeyError" in shown.report() and "in broken" in shown.report()
    shown.close()
    qtbot.waitUntil(lambda: crash._State.showing is None)

    def in_a_thread() -> None:
        raise RuntimeError(secret)

    worker = threading.Thread(target=in_a_thread)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: crash._State.showing is not None)
    assert "Error: RuntimeError" in crash._State.showing.report()
    crash._State.showing.close()
    log = installed.read_text(encoding="utf-8")
    assert log.count("CRM Desktop error report") == 2
    assert "สมหญิง" not in log and "somying" not in log and "812345678" not in phone_free(log)


def test_the_log_rotates_at_its_size_and_keeps_its_backups(tmp_path: Path, clock: FixedClock) -> None:
    log = CrashLog(tmp_path / "log", max_bytes=2000, backups=2)
    reporter = Reporter(clock, None, log)
    for _ in range(60):  # a report here is ~170 bytes: enough for two rotations
        try:
            raise OSError(28, "No space left on device", "/home/somchai/crm.sqlite3")
        except OSError as exc:
            text, path = reporter.report(exc)
    assert path == tmp_path / "log" / "crm-desktop.log"
    assert "OSError ENOSPC" in text and "somchai" not in text
    files = sorted(p.name for p in (tmp_path / "log").iterdir())
    assert files == ["crm-desktop.log", "crm-desktop.log.1", "crm-desktop.log.2"]
    assert all((tmp_path / "log" / name).stat().st_size <= 2000 for name in files)
