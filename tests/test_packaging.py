"""What the packaging files repeat from the code stays the same as the code: the sync file's ending
(build.spec's macOS document type, the Windows installer's registration) and the tabs the bundle's
smoke test expects to see opened."""

from __future__ import annotations

import re
from pathlib import Path

from crm_desktop.options import SYNC_FILE_SUFFIX
from scripts.smoke_bundle import TABS

ROOT = Path(__file__).resolve().parents[1]


def test_the_packages_register_the_sync_files_ending() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    installer = (ROOT / "packaging" / "windows" / "crm-desktop.iss").read_text(encoding="utf-8")
    assert re.findall(r'^SYNC_SUFFIX = "([^"]+)"', spec, re.M) == [SYNC_FILE_SUFFIX.lstrip(".")]
    assert re.findall(r'^#define SyncExt "([^"]+)"', installer, re.M) == [SYNC_FILE_SUFFIX]
    assert ".zip" not in installer.split("[Registry]", 1)[1]  # never take every zip file over


def test_the_smoke_test_expects_every_tab(qtbot, ctx, prefs) -> None:
    from tests.ui_helpers import opened_window

    window = opened_window(qtbot, ctx, prefs)
    assert tuple(window.slots) == TABS
