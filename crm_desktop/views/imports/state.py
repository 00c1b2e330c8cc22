"""What the wizard's pages hand on to each other, and the names it shows for kinds and fields.

Generic over services/imports.IMPORT_KINDS and exchange/fields.importable_fields: a kind or field
added there appears in the wizard by itself; its label is written in views/field_labels.py (or, for a
name only an import has, here): tests/test_import_wizard_labels.py fails until it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from crm_desktop.exchange.rows import ICS_SUFFIXES, VCARD_SUFFIXES, ImportFile
from crm_desktop.exchange.tables import Cell
from crm_desktop.import_plans.mappings import Mapping
from crm_desktop.import_plans.plans import Preview
from crm_desktop.services.imports import ImportResult
from crm_desktop.views.field_labels import field_labels


@dataclass
class ImportState:
    """The wizard's choices so far; each page fills in its part."""

    kind: str = ""
    path: Path | None = None
    sheet: str | None = None
    header: list[str] = field(default_factory=list)
    samples: list[tuple[Cell, ...]] = field(default_factory=list)
    fields: list[str | None] = field(default_factory=list)  # the field of each column (None: not imported)
    loaded: ImportFile | None = None
    preview: Preview | None = None
    titles: dict[str, str] = field(default_factory=dict)  # record id → name, for the preview
    result: ImportResult | None = None

    @property
    def fields_fixed(self) -> bool:
        """A vCard or calendar file: its fields are fixed, there are no columns to match."""
        return self.path is not None and fields_fixed(self.path)

    def mapping(self) -> Mapping | None:
        """The columns as the user chose them (None for vCards and calendars, whose fields are fixed)."""
        if self.fields_fixed:
            return None
        return Mapping.from_guesses(self.kind, "", self.header, self.fields)


def fields_fixed(path: Path) -> bool:
    return path.suffix.lower() in VCARD_SUFFIXES | ICS_SUFFIXES


def kind_label(kind: str) -> str:
    # QCoreApplication.translate in full: lupdate does not follow an alias.
    labels = {
        "contacts": QCoreApplication.translate("ImportWizard", "Contacts"),
        "companies": QCoreApplication.translate("ImportWizard", "Companies"),
        "leads": QCoreApplication.translate("ImportWizard", "Leads"),
        "products": QCoreApplication.translate("ImportWizard", "Products"),
        "activities": QCoreApplication.translate("ImportWizard", "Activities"),
    }
    return labels.get(kind, kind.replace("_", " ").capitalize())


def import_field_labels() -> dict[str, str]:
    """Every importable field's label: the app's own (views/field_labels.py), and the names only an
    import has (a whole name to split, things named in words that the import looks up)."""
    # QCoreApplication.translate in full: lupdate does not follow an alias.
    return {
        **field_labels(),
        "full_name": QCoreApplication.translate("ImportWizard", "Full name (split into prefix, first and last name)"),
        "company": QCoreApplication.translate("ImportWizard", "Company"),
        "company_tax_id": QCoreApplication.translate("ImportWizard", "Company's tax ID"),
        "owner": QCoreApplication.translate("ImportWizard", "Owner (name or e-mail)"),
        "related_to": QCoreApplication.translate("ImportWizard", "Customer (name of a company, contact, lead or deal)"),
        "date": QCoreApplication.translate("ImportWizard", "Date"),
        "start_time": QCoreApplication.translate("ImportWizard", "Start time"),
        "end_time": QCoreApplication.translate("ImportWizard", "End time"),
    }

