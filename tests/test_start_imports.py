"""What the desktop app imports before its window shows (issue 16: start in 0.8 s).

PDF, calendar-file and spreadsheet libraries, the import wizard, Settings, Find duplicates, the clock repair and
the screens of tabs not shown load when first used; a stray top-level import brings them back into every start,
so this guards it (no timing asserted).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import open_app
from tests.time_helpers import TODAY, make_clock

LATER = ("reportlab", "pypdfium2", "icalendar", "openpyxl", "phonenumbers", "geothai",
         "crm_desktop.views.imports.wizard", "crm_desktop.views.settings.dialog", "crm_desktop.views.duplicates_dialog",
         "crm_desktop.sync.repair", "crm_desktop.views.activities.dialog", "crm_desktop.queries.opportunities",
         "sqlalchemy.dialects.postgresql", "filelock", "crm_desktop.services.backups", "crm_desktop.sync.bundle")
# The screens of the tabs a start on the Accounts tab does not show.
UNSHOWN = ("crm_desktop.views.leads.tab", "crm_desktop.views.opportunities.tab", "crm_desktop.views.products.tab",
           "crm_desktop.views.sales.tab", "crm_desktop.views.contacts.tab", "crm_desktop.views.activities.my_day",
           "crm_desktop.views.calendar.tab", "crm_desktop.views.anniversaries.tab", "crm_desktop.views.reports.tab",
           "crm_desktop.views.sync.tab", "crm_desktop.queries.opportunities", "crm_desktop.views.activities.dialog",
           "crm_desktop.views.leads.actions", "crm_desktop.views.accounts.dialog",
           "crm_desktop.views.anniversaries.date_dialog", "crm_desktop.services.activities.edit",
           "crm_desktop.queries.activities.reminders")


def test_the_main_window_module_leaves_the_libraries_of_later_actions_unloaded() -> None:
    code = ("import sys; import crm_desktop.views.app; "
            f"print(','.join(m for m in {LATER!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == ""


def test_the_window_builds_only_the_tab_it_shows(tmp_path: Path) -> None:
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from crm_desktop.services.app import open_app
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.app import build_main_window
from tests.time_helpers import make_clock
from pathlib import Path
ctx = open_app(Path({str(tmp_path / "crm.sqlite3")!r}), clock=make_clock())
prefs = Prefs(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
window = build_main_window(ctx, prefs=prefs, lang="en")
window.show()
shown = window.tabs.currentWidget() is window.accounts_tab and window.accounts_tab.isVisible()
print(shown, ",".join(m for m in {UNSHOWN!r} if m in sys.modules))
window.tabs.setCurrentWidget(window.calendar_tab)
print(window.calendar_tab.isVisible(), "crm_desktop.views.calendar.tab" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.split("\n")[:2] == ["True ", "True True"]


def test_the_window_leaves_the_export_writers_and_the_forecast_unloaded() -> None:
    """Exporting a list and freezing the month's forecast come later (an Export… click, the start's
    background work): their modules are not in the first screen's imports."""
    later = ("crm_desktop.exchange.lists", "crm_desktop.exchange.records", "crm_desktop.queries.reports.forecast",
             "crm_desktop.queries.customer360", "crm_desktop.views.reports.model")
    code = f"import sys; import crm_desktop.views.app; print(','.join(m for m in {later!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == ""


def test_a_start_configures_no_mapper_before_its_window_has_painted(tmp_path: Path) -> None:
    """The first screen reads through the tables' columns: a statement naming a mapped class's attribute
    makes SQLAlchemy configure every mapper first (40 ms), which waits until the window has painted
    (the timeline, the reminder scan). A database opened before (the seed adds nothing)."""
    db = tmp_path / "crm.sqlite3"
    ctx = open_app(db, clock=make_clock())
    account = create_account(ctx.uow(), AccountInput(name="บริษัท สยามการค้า จำกัด", province="กรุงเทพมหานคร"),
                             TODAY).created[0]
    ctx.close()
    code = f"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from sqlalchemy import inspect
from crm_desktop.models import Account
from crm_desktop.services.app import open_app
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.app import build_main_window
from tests.time_helpers import make_clock
from pathlib import Path
ctx = open_app(Path({str(db)!r}), clock=make_clock())
prefs = Prefs(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
window = build_main_window(ctx, prefs=prefs, lang="th")
window.show()  # the start tab, its first record's details
print(window.accounts_tab.table.current_id(), inspect(Account).configured)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.split() == [account, "False"]
