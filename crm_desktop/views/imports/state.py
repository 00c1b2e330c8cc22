"""What the wizard's pages hand on to each other, and the names it shows for kinds and fields.

Generic over services/imports.IMPORT_KINDS and exchange/fields.importable_fields: a kind or field
added there appears in the wizard by itself (with its own name until a label is written here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from crm_desktop.exchange.mapping import Mapping
from crm_desktop.exchange.plans import Preview
from crm_desktop.exchange.rows import VCARD_SUFFIXES, ImportFile
from crm_desktop.exchange.tables import Cell
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
    def is_vcard(self) -> bool:
        return self.path is not None and self.path.suffix.lower() in VCARD_SUFFIXES

    def mapping(self) -> Mapping | None:
        """The columns as the user chose them (None for vCards, whose fields are fixed)."""
        if self.is_vcard:
            return None
        return Mapping.from_guesses(self.kind, "", self.header, self.fields)


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


def field_label(name: str) -> str:
    """A field's name for the user: the app's own label, the import's extra names, or the field name."""
    extra = {
        "full_name": QCoreApplication.translate("ImportWizard", "Full name (split into prefix, first and last name)"),
        "company": QCoreApplication.translate("ImportWizard", "Company"),
        "notes": QCoreApplication.translate("ImportWizard", "Notes"),
        "description": QCoreApplication.translate("ImportWizard", "Description"),
        "details": QCoreApplication.translate("ImportWizard", "Details"),
        "tags": QCoreApplication.translate("ImportWizard", "Tags"),
        "sku": QCoreApplication.translate("ImportWizard", "Product code"),
        "name_th": QCoreApplication.translate("ImportWizard", "Name (Thai)"),
        "name_en": QCoreApplication.translate("ImportWizard", "Name (English)"),
        "category": QCoreApplication.translate("ImportWizard", "Category"),
        "unit": QCoreApplication.translate("ImportWizard", "Unit"),
        "price_satang": QCoreApplication.translate("ImportWizard", "Price"),
        "cost_satang": QCoreApplication.translate("ImportWizard", "Cost"),
        "subject": QCoreApplication.translate("ImportWizard", "Subject"),
        "location": QCoreApplication.translate("ImportWizard", "Location"),
        "starts_at": QCoreApplication.translate("ImportWizard", "Starts"),
        "ends_at": QCoreApplication.translate("ImportWizard", "Ends"),
        "due_on": QCoreApplication.translate("ImportWizard", "Due"),
    }
    return extra.get(name) or field_labels().get(name) or name.replace("_", " ").capitalize()
