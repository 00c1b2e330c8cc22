"""Render the main tabs and dialogs to PNG files without a display (offscreen Qt).

    python scripts/screenshots.py --out docs/screenshots [--db PATH] [--lang th en]

Without --db a temporary database is filled with the medium sample data. Settings are kept in a
temporary file, so your own preferences are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from crm_desktop import cli
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.app import build_main_window
from crm_desktop.views.main_window import MainWindow

SIZE = (1440, 900)


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def shoot(ctx: AppContext, lang: str, out: Path, settings_file: Path) -> None:
    prefs = Prefs(QSettings(str(settings_file), QSettings.Format.IniFormat))
    prefs.language = lang
    window: MainWindow = build_main_window(ctx, prefs=prefs, lang=lang)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.resize(*SIZE)
    window.show()
    settle(app)

    def tab_shot(index: int, name: str) -> None:
        window.tabs.setCurrentIndex(index)
        tab = window.current_tab()
        # Mid-list: names sort Latin before Thai, and most sample customers have Thai names.
        row = tab.model.rowCount() // 2
        tab.table.selectRow(row)
        tab.table.scrollTo(tab.model.index(row, 0))
        save(window, out / f"{lang}-{name}.png", app)

    tab_shot(window.tabs.indexOf(window.accounts_tab), "accounts")
    tab_shot(window.tabs.indexOf(window.contacts_tab), "contacts")

    def dialog_shot(name: str, opener: Callable[[], QWidget | None]) -> None:
        dialog = opener()
        if dialog is None:
            raise SystemExit(f"{name}: nothing to show")
        dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
        save(dialog, out / f"{lang}-{name}.png", app)
        dialog.close()
        settle(app)

    window.tabs.setCurrentIndex(window.tabs.indexOf(window.accounts_tab))
    dialog_shot("account-dialog", window.accounts_tab.edit_record)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.contacts_tab))
    dialog_shot("contact-dialog", window.contacts_tab.edit_record)
    dialog_shot("settings", window.open_settings)
    leads_tab = getattr(window, "leads_tab", None)
    if leads_tab is not None:  # the Leads tab, once the main window has it
        tab_shot(window.tabs.indexOf(leads_tab), "leads")
        dialog_shot("lead-dialog", leads_tab.edit_record)
        dialog_shot("scoring-rules", leads_tab.open_scoring_rules)
    opportunities_tab = getattr(window, "opportunities_tab", None)
    if opportunities_tab is not None:  # the Deals tab: its list, its board and the deal dialog
        opportunities_tab.show_list()
        tab_shot(window.tabs.indexOf(opportunities_tab), "opportunities")
        dialog_shot("opportunity-dialog", opportunities_tab.edit_record)
        opportunities_tab.show_board()
        save(window, out / f"{lang}-board.png", app)
        opportunities_tab.show_list()

    window.focus_search()
    window.search_edit.setText("ศรี" if lang == "th" else "gmail")
    window.search_popup.run_search()
    settle(app)
    # The results list is a separate pop-up window: paint it where it sits over the main window.
    shot = window.grab()
    painter = QPainter(shot)
    popup = window.search_popup.list
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    path = out / f"{lang}-search.png"
    if not shot.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    window.close()
    settle(app)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lang", nargs="+", default=["th", "en"], choices=("th", "en"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "screenshots.sqlite3"
        ctx = open_app(db)
        try:
            if cli.is_empty(ctx):
                cli.fill_demo(ctx, "medium")
            for lang in args.lang:
                shoot(ctx, lang, args.out, Path(tmp) / "settings.ini")
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
