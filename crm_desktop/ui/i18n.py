"""The UI language: a QTranslator for Thai (English is the source language) and the QLocale.

Translations are compiled from `.ts` files into `resources/i18n/crm_desktop_th.qm`; a missing
file simply leaves the UI in English. Switching at run time is done from the settings dialog:
the main window rebuilds its tabs afterwards, so every text is produced again by `tr()`.
After changing texts run `python scripts/update_translations.py` (lupdate, then lrelease).

Qt's own texts (standard buttons such as OK/Cancel/Save, "Show Details...", the right-click menu
of text fields) come from Qt's `qtbase_th.qm` when one is installed. Qt does not ship a Thai
catalog, so `QT_TEXTS` lists the ones this app shows: lupdate puts them into our catalog under
Qt's own contexts, and our translator answers for them. A real `qtbase_th.qm`, from Qt's
translations folder or `resources/i18n/`, is installed after ours and so takes precedence.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crm_desktop.ui.resources import resource_path

CATALOG = "crm_desktop"
LOCALES = {
    "th": QLocale(QLocale.Language.Thai, QLocale.Country.Thailand),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

QT_TEXTS = (
    # QDialogButtonBox / QMessageBox standard buttons
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    # The same buttons under the GNOME platform theme
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    # QMessageBox with details (the unexpected-error box)
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    # Right-click menu of QLineEdit, and of QPlainTextEdit / QTextEdit
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)
"""Qt's texts this app shows, for lupdate (see the module docstring); never used at run time."""


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
        for folder in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(resource_path("i18n"))):
            if qt_base.load(locale, "qtbase", "_", folder):
                self.app.installTranslator(qt_base)
                self._translators.append(qt_base)
                break
        return loaded
