"""What the desktop app imports before its window shows (issue 16: start in 0.8 s).

PDF, calendar-file and spreadsheet libraries, the import wizard, Settings, Find duplicates and the clock repair
load when first used; a stray top-level import brings them back into every start, so this guards it (no timing
asserted).
"""

from __future__ import annotations

import subprocess
import sys

LATER = ("reportlab", "pypdfium2", "icalendar", "openpyxl", "crm_desktop.views.imports.wizard",
         "crm_desktop.views.settings.dialog", "crm_desktop.views.duplicates_dialog", "crm_desktop.sync.repair")


def test_the_main_window_module_leaves_the_libraries_of_later_actions_unloaded() -> None:
    code = ("import sys; import crm_desktop.views.app; "
            f"print(','.join(m for m in {LATER!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == ""
