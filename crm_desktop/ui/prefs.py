"""Per-user UI preferences kept by QSettings (not in the database: they do not travel with sync).

The organization and application names are set here and only here. Tests isolate preferences by
pointing QSettings at a temporary folder (see tests/conftest.py); `Prefs` builds its QSettings
with `QSettings.defaultFormat()` so that redirect applies to it too.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QSettings

ORGANIZATION = "crm_desktop"
APPLICATION = "crm_desktop"
LANGUAGES = ("th", "en")


def configure_application(app: QCoreApplication) -> None:
    """Give the application the names QSettings and the platform use."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("CRM")


def default_language() -> str:
    return "th" if QLocale.system().language() == QLocale.Language.Thai else "en"


def _to_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


class Prefs:
    """Typed access to the preferences; every setter writes through immediately."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings(
            QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    # --- language and dates ---------------------------------------------------------------

    @property
    def language(self) -> str:
        value = self.settings.value("ui/language")
        return value if value in LANGUAGES else default_language()

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self.settings.setValue("ui/language", value)

    @property
    def buddhist_era(self) -> bool:
        return _to_bool(self.settings.value("ui/buddhist_era"), True)

    @buddhist_era.setter
    def buddhist_era(self, value: bool) -> None:
        self.settings.setValue("ui/buddhist_era", bool(value))

    # --- main window ----------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_geometry(self, value: QByteArray) -> None:
        self.settings.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self.settings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, value: QByteArray) -> None:
        self.settings.setValue("window/state", value)

    def current_tab(self) -> str:
        return str(self.settings.value("window/tab") or "")

    def set_current_tab(self, name: str) -> None:
        self.settings.setValue("window/tab", name)

    def splitter_state(self, name: str) -> QByteArray | None:
        value = self.settings.value(f"splitters/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self.settings.setValue(f"splitters/{name}", value)

    # --- tables ---------------------------------------------------------------------------

    def hidden_columns(self, table: str, default: tuple[str, ...] = ()) -> set[str]:
        value = self.settings.value(f"tables/{table}/hidden")
        if value is None:
            return set(default)
        if isinstance(value, str):
            return {v for v in value.split(",") if v}
        return {str(v) for v in value if v}

    def set_hidden_columns(self, table: str, keys: set[str]) -> None:
        # Stored as one comma-joined string: an empty list round-trips through every backend.
        self.settings.setValue(f"tables/{table}/hidden", ",".join(sorted(keys)))

    def column_widths(self, table: str) -> dict[str, int]:
        value = self.settings.value(f"tables/{table}/widths")
        widths: dict[str, int] = {}
        if isinstance(value, str):
            for part in value.split(","):
                key, _, width = part.partition("=")
                if key and width.isdigit():
                    widths[key] = int(width)
        return widths

    def set_column_widths(self, table: str, widths: dict[str, int]) -> None:
        self.settings.setValue(
            f"tables/{table}/widths", ",".join(f"{k}={w}" for k, w in sorted(widths.items()) if w > 0)
        )

    def sort(self, table: str) -> tuple[str, bool] | None:
        value = self.settings.value(f"tables/{table}/sort")
        if not isinstance(value, str) or not value:
            return None
        key, _, direction = value.partition(":")
        return key, direction == "desc"

    def set_sort(self, table: str, key: str, descending: bool) -> None:
        self.settings.setValue(f"tables/{table}/sort", f"{key}:{'desc' if descending else 'asc'}")

    # --- the monthly report -----------------------------------------------------------------

    def report_offered_month(self) -> str:
        """The month ("YYYY-MM") in which the previous month's report was last offered; "" never."""
        return str(self.settings.value("reports/offered_month") or "")

    def set_report_offered_month(self, month: str) -> None:
        self.settings.setValue("reports/offered_month", month)

    # --- the office server ------------------------------------------------------------------

    @property
    def office_server(self) -> str:
        """The address (no password) of the office server this desk works on; "" for the file."""
        return str(self.settings.value("server/address") or "")

    @office_server.setter
    def office_server(self, address: str) -> None:
        self.settings.setValue("server/address", address)

    def sync(self) -> None:
        self.settings.sync()
