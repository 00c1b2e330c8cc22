"""Domain errors: problems a user can understand and fix, with text in Thai or English.

Services raise these; views show them in a dialog and the CLI prints one line. Anything else
escaping a service is a bug.
"""

from __future__ import annotations

from crm_desktop.messages import translate


class DomainError(Exception):
    """A readable failure of a user action; nothing was saved."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """The message in the UI language ("th" or "en")."""
        return translate(template=self.template, lang=lang).format(**self.params)


class ValidationError(DomainError):
    """One field of a form holds a value we cannot accept."""

    def __init__(self, field: str, template: str, **params: object) -> None:
        self.field = field
        super().__init__(template, **params)


class NotFound(DomainError):
    """The record was deleted or never existed."""


class StorageError(DomainError):
    """The environment is to blame: the file is locked, read-only, full, corrupt or too new."""


class RestoredElsewhere(DomainError):
    """Another desk restored the office server from a backup: what this desk holds in memory (its
    screens, forms, what it has seen of the change log) describes data that is gone (ARCHITECTURE.md,
    "The office server")."""

    def __init__(self) -> None:
        super().__init__("The office server was restored from a backup on another desk. Nothing more is saved "
                         "here: close the program and start it again to work on the restored data.")


class VersionConflict(DomainError):
    """The record changed (another desktop, another dialog) since the form was loaded: saving would
    overwrite that change, so nothing was saved (ARCHITECTURE.md, "Several desktops")."""

    def __init__(self) -> None:
        super().__init__("Someone else changed this record after you opened it. Nothing was saved: "
                         "open it again to see their change.")
