"""The Thai translation catalog: complete, compiled, in step with the code, and really shown.

resources/i18n/crm_desktop_th.ts is the catalog translators edit; crm_desktop_th.qm is what the app
loads. `python scripts/update_translations.py` refreshes both (lupdate, then lrelease). These
tests fail when a developer added or changed a UI text and did not re-run it, or left a message
untranslated.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QWidget,
)

from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.main_window import MainWindow
from tests.ui_helpers import opened_window

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)


def _load_script():
    """scripts/update_translations.py as a module: the tests use its tool lookup and .ts reader."""
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


tools = _load_script()
TS = tools.TS_FILE
QM = tools.QM_FILE


# --- (a) the catalog is complete ---------------------------------------------------------------

PLACEHOLDER = re.compile(r"%L?(\d+|n)|\{[A-Za-z_][A-Za-z0-9_]*\}")


def placeholders(text: str) -> set[str]:
    """%1, %2, %n and {name} in a text. "%Ln" (Qt's localized count, "1,234") stands for %n, but
    "%L1" does not stand for %1: the code fills %1 with str.replace, which only knows "%1"."""
    found = set()
    for match in PLACEHOLDER.finditer(text):
        token = match.group(0)
        found.add("%n" if token == "%Ln" else token)
    return found


def test_catalog_exists_and_every_message_is_translated() -> None:
    assert TS.is_file(), f"{TS} is missing: run python scripts/update_translations.py"
    messages = tools.read_messages(TS)
    assert len(messages) > 100
    problems = [f"{m.context}: {m.source!r}" for m in messages if not m.finished]
    assert not problems, "unfinished or empty translations:\n" + "\n".join(problems)


def test_no_unfinished_marker_left_in_the_file() -> None:
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="obsolete"' not in text and 'type="vanished"' not in text


def test_translations_keep_every_placeholder() -> None:
    problems = []
    for m in tools.read_messages(TS):
        wanted = placeholders(m.source)
        if m.plural:
            wanted.add("%n")
        for text in m.translations:
            missing = wanted - placeholders(text)
            if missing:
                problems.append(f"{m.context}: {m.source!r} -> {text!r} lacks {sorted(missing)}")
    assert not problems, "\n".join(problems)


def test_translations_are_thai() -> None:
    """Every translation has Thai letters, except a few that are the same in a Thai UI."""
    same_in_thai = {"LINE", "LINE ID", "CRM Desktop %1", "%1 at %2"}  # the last: "%1 · %2"
    english = [f"{m.context}: {m.source!r}" for m in tools.read_messages(TS)
               if m.source not in same_in_thai and not any(THAI.search(t) for t in m.translations)]
    assert not english, "translations without Thai text:\n" + "\n".join(english)


# --- (b) the compiled catalog matches the .ts --------------------------------------------------


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    lrelease = tools.find_tool("lrelease")
    if lrelease is None:
        pytest.skip("lrelease is not installed")
    assert QM.is_file(), f"{QM} is missing: run python scripts/update_translations.py"
    fresh = tmp_path / "fresh.qm"
    tools.run_lrelease(TS, fresh, tool=lrelease)
    assert fresh.read_bytes() == QM.read_bytes(), (
        "resources/i18n/crm_desktop_th.qm is older than the .ts: run python scripts/update_translations.py"
    )


# --- (c) the .ts has every text of the code ----------------------------------------------------


def test_catalog_has_every_text_of_the_code(tmp_path: Path) -> None:
    lupdate = tools.find_tool("lupdate")
    if lupdate is None:
        pytest.skip("lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    tools.run_lupdate(copy, tool=lupdate)

    def keys(path: Path) -> set[tuple[str, str, str]]:
        return {(m.context, m.source, m.comment) for m in tools.read_messages(path)}

    committed, current = keys(TS), keys(copy)
    new = sorted(current - committed)
    gone = sorted(committed - current)
    advice = "\nrun python scripts/update_translations.py, translate, and commit the .ts and .qm"
    assert not new, "texts in the code but not in the catalog:\n" + "\n".join(map(repr, new)) + advice
    assert not gone, "texts in the catalog but no longer in the code:\n" + "\n".join(map(repr, gone)) + advice
    unfinished = [f"{m.context}: {m.source!r}" for m in tools.read_messages(copy) if not m.finished]
    assert not unfinished, "\n".join(unfinished) + advice


# --- (d) real widgets in Thai ------------------------------------------------------------------

THAI = re.compile(r"[\u0e01-\u0e5b]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")
# Latin words a Thai UI shows as they are: brands, standard abbreviations, key names.
ALLOWED_WORDS = {"LINE", "ID", "B2B", "B2C", "PDPA", "CRM", "Ctrl", "Shift", "Alt", "Del", "Sarabun"}


def english_words(text: str) -> list[str]:
    """Latin words of a UI text that suggest it was left untranslated.

    The rule: a text containing any Thai letter is translated (Thai sentences legitimately carry
    Latin abbreviations such as "LINE ID" or "(B2B)"). A text without Thai is left in English when
    it has a word of 2+ Latin letters that is not in ALLOWED_WORDS. Tokens with "@", "." inside or
    digits (e-mail and web addresses, example values such as "name@example.co.th", phone numbers,
    dates) are not words; "&" accelerators and "(&F)" are ignored.
    """
    text = text.replace("&", "")
    if not text.strip() or THAI.search(text):
        return []
    words = []
    for token in text.split():
        token = token.strip("()[]{}:;,!?…*\"'“”-–—·/")
        if "@" in token or "." in token or any(c.isdigit() for c in token):
            continue
        words.extend(w for w in WORD.findall(token) if w not in ALLOWED_WORDS)
    return words


def is_data(widget: QWidget) -> bool:
    """Widgets that show the user's records (names, e-mails, notes) rather than UI text."""
    name = widget.objectName()
    return name.startswith("detail") or name in ("userLabel", "lastActionLabel", "undoLabel")


def ui_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every UI text under `root`: labels, buttons, tabs, group boxes, place-
    holders, tooltips, table headers, menus and the window title."""
    if root.windowTitle():
        yield f"{root.objectName()} title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if is_data(widget):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
        if isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield f"{where} header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if isinstance(widget, QMenu):
            yield where, widget.title()
            for action in widget.actions():
                yield f"{where} action", action.text()
        yield f"{where} tooltip", widget.toolTip()


def untranslated(root: QWidget) -> list[str]:
    return [f"{where}: {text!r}" for where, text in ui_texts(root) if english_words(text)]


def test_english_words_rule() -> None:
    assert english_words("Save") == ["Save"]
    assert english_words("&Edit account") == ["Edit", "account"]
    assert english_words("บันทึก") == []
    assert english_words("ผู้ติดต่อของบริษัท (B2B)") == []
    assert english_words("LINE ID") == []
    assert english_words("name@example.co.th") == []
    assert english_words("www.example.co.th") == []
    assert english_words("02 123 4567") == []
    assert english_words("แก้ไข(&E)") == []
    assert english_words("CRM") == []


@pytest.fixture
def thai(qapp: QApplication) -> Iterator[UiLanguage]:
    language = UiLanguage(qapp)
    assert language.apply("th"), "the Thai catalog did not load"
    yield language
    language.apply("en")


@pytest.fixture
def thai_window(qtbot, ctx: AppContext, qsettings: QSettings, thai: UiLanguage) -> MainWindow:
    prefs = Prefs(qsettings)
    prefs.language = "th"
    prefs.buddhist_era = True
    account = create_account(ctx.uow(), AccountInput(
        name="บริษัท สยามการค้า จำกัด", tax_id="0105536061479", branch_code="00000", phone="021234567",
        email="sales@siamtrade.co.th", province="กรุงเทพมหานคร", founded_on=date(1997, 3, 15),
    ), TODAY).created[0]
    create_contact(ctx.uow(), ContactInput(
        first_name="สมชาย", last_name="ใจดี", prefix="นาย", nickname="ต้อม", mobile="0812345678",
        account_id=account, marketing_consent=True, consent_on=date(2026, 1, 5),
    ), TODAY)
    window = opened_window(qtbot, ctx, prefs, language=thai)
    window.open_record("account", account)
    return window


def test_main_window_speaks_thai(thai_window: MainWindow) -> None:
    window = thai_window
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    menus = [action.text() for action in window.menuBar().actions()]
    assert len(tabs) == 14 and all(THAI.search(t) for t in tabs), tabs
    assert len(menus) == 4 and all(THAI.search(t) for t in menus), menus
    assert window.accounts_tab.detail.text("branch") == "สำนักงานใหญ่"
    for tab in window.record_tabs():
        window.show_list(tab)  # a list is filled when its tab is first shown
        assert THAI.search(tab.new_button.text()), tab.new_button.text()
        assert THAI.search(tab.count_label.text()), tab.count_label.text()
    assert THAI.search(window.counts_label.text())
    problems = untranslated(window)
    assert not problems, "English left in the Thai main window:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", ["account", "contact"])
def test_record_dialogs_speak_thai(qtbot, thai_window: MainWindow, kind: str) -> None:
    tab = thai_window.tab_for(kind)
    thai_window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.current_id() is not None)
    for open_dialog in (tab.new_record, tab.edit_record):
        dialog = open_dialog()
        assert dialog is not None
        qtbot.waitExposed(dialog)
        assert THAI.search(dialog.windowTitle())
        assert THAI.search(dialog.save_button.text()) and THAI.search(dialog.cancel_button.text())
        problems = untranslated(dialog)
        assert not problems, f"English left in the {kind} dialog:\n" + "\n".join(problems)
        dialog.discard()
        qtbot.waitUntil(lambda: tab.dialog is None)


def test_settings_and_columns_dialogs_speak_thai(qtbot, thai_window: MainWindow) -> None:
    settings = thai_window.open_settings()
    assert settings is not None
    qtbot.waitExposed(settings)
    # "English" in the language list is a language's own name, never translated: not checked here.
    assert not untranslated(settings), "\n".join(untranslated(settings))
    settings.reject()
    columns = thai_window.choose_columns()
    qtbot.waitExposed(columns)
    buttons = [b.text() for b in columns.findChildren(QAbstractButton) if b.text()]
    assert buttons and all(THAI.search(b) for b in buttons), buttons  # OK/Cancel: Qt's own texts
    assert not untranslated(columns), "\n".join(untranslated(columns))
    columns.reject()
