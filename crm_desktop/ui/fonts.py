"""Bundled fonts: Sarabun covers Thai and Latin, so both render the same on every machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from crm_desktop.ui.resources import resource_path

APP_FONT_FAMILY = "Sarabun"


def register_fonts() -> list[str]:
    """Register every `resources/fonts/*.ttf` with Qt; returns the font families now available.

    Safe to call more than once: Qt ignores a file it already registered under the same id.
    """
    families: list[str] = []
    folder = resource_path("fonts")
    if not folder.is_dir():
        return families
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def install_app_font(app: QApplication) -> bool:
    """Register the bundled fonts and make Sarabun the application font (keeping the platform's
    size). Returns False, leaving the platform font, when Sarabun is not bundled."""
    families = register_fonts()
    if APP_FONT_FAMILY not in families and APP_FONT_FAMILY not in QFontDatabase.families():
        return False
    font = QFont(app.font())
    font.setFamilies([APP_FONT_FAMILY])
    app.setFont(font)
    return True
