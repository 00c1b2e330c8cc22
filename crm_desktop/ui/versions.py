"""The running Qt's version, for the About window and `crm-desktop --version`: QtCore only, no widgets
and no display."""

from __future__ import annotations

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import qVersion


def qt_version() -> str:
    return f"{qVersion()} (PySide6 {PYSIDE_VERSION})"
