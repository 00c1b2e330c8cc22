"""The UI language: a QTranslator for Thai (English is the source language) and the QLocale.

Translations are compiled from `.ts` files into `resources/i18n/crm_desktop_th.qm`; a missing
file simply leaves the UI in English. Switching at run time is done from the settings dialog:
the main window rebuilds its tabs afterwards, so every text is produced again by `tr()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crm_desktop.ui.resources import resource_path

CATALOG = "crm_desktop"
LOCALES = {
    "th": QLocale(QLocale.Language.Thai, QLocale.Country.Thailand),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def catalog_path(lang: str) -> str:
    return str(resource_path("i18n", f"{CATALOG}_{lang}.qm"))


class UiLanguage:
    """Owns the installed translators (Qt keeps only a pointer, so Python must keep them alive)."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.lang = "en"
        self._translators: list[QTranslator] = []

    def apply(self, lang: str) -> bool:
        """Switch to `lang` ("th" or "en"); True when a translation catalog was loaded."""
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators.clear()
        self.lang = lang if lang in LOCALES else "en"
        locale = LOCALES[self.lang]
        QLocale.setDefault(locale)
        if self.lang == "en":
            return False
        loaded = False
        ours = QTranslator(self.app)
        if ours.load(catalog_path(self.lang)):
            self.app.installTranslator(ours)
            self._translators.append(ours)
            loaded = True
        qt_base = QTranslator(self.app)
        if qt_base.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(qt_base)
            self._translators.append(qt_base)
        return loaded
