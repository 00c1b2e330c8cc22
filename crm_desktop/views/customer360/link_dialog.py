"""Add a who-knows-whom link between two people: one of the customer's people, a kind, another person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from crm_desktop.errors import ValidationError
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.contact_links import ContactLinkInput, add_contact_link
from crm_desktop.ui.forms import RecordPicker
from crm_desktop.views.common import ViewEnv, record_choices
from crm_desktop.views.dialog_base import RecordDialog

KINDS = ("knows", "colleague", "family", "referred_by", "reports_to")


def link_kind_label(kind: str) -> str:
    """How a link reads from its first person: "Somchai — colleague of — Suda"."""
    labels = {
        "knows": QCoreApplication.translate("Customer360", "knows"),
        "colleague": QCoreApplication.translate("Customer360", "colleague of"),
        "family": QCoreApplication.translate("Customer360", "family of"),
        "referred_by": QCoreApplication.translate("Customer360", "referred by"),
        "reports_to": QCoreApplication.translate("Customer360", "reports to"),
    }
    return labels.get(kind, kind)


class LinkDialog(RecordDialog):
    """`people`: (id, name) of the customer's people; the first one is chosen."""

    def __init__(self, env: ViewEnv, people: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(env, None, parent)
        self.setObjectName("contactLinkDialog")
        self.setWindowTitle(self.tr("Add a relationship"))
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setObjectName("linkPerson")
        for person_id, name in people:
            self.person.addItem(name, person_id)
        form.addRow(self.tr("Person"), self.person)
        self.kind = QComboBox()
        self.kind.setObjectName("linkKind")
        for kind in KINDS:
            self.kind.addItem(link_kind_label(kind), kind)
        form.addRow(self.tr("Is"), self.kind)
        self.other = RecordPicker(lambda text: record_choices(env, "contact", text, exclude=self.person.currentData()),
                                  placeholder=self.tr("Type a name, phone or e-mail…"),
                                  no_match_text=self.tr("No such contact"))
        self.other.setObjectName("linkOther")
        form.addRow(self.tr("Of"), self.other)
        self.note = QLineEdit()
        self.note.setObjectName("linkNote")
        self.note.setMaxLength(300)
        form.addRow(self.tr("Note"), self.note)
        self.body.addLayout(form)
        self.errors.register("other_contact_id", self.other)
        self.errors.register("kind", self.kind)
        self.errors.register("note", self.note)
        self.resize(460, self.sizeHint().height())
        self.remember_initial()

    def check_form(self) -> tuple[str, str] | None:
        if self.other.has_unchosen_text():
            return "other_contact_id", self.tr("Choose the person from the list.")
        return None

    def form_input(self) -> ContactLinkInput:
        person = self.person.currentData()
        if not person:
            raise ValidationError("other_contact_id", "Choose the person to link.")
        return ContactLinkInput(str(person), self.other.value() or "", str(self.kind.currentData()), self.note.text())

    def save_action(self, data: ContactLinkInput) -> ChangeSet:
        return add_contact_link(self.env.ctx.uow(), data)

    def saved_description(self, data: ContactLinkInput) -> str:
        return self.tr("Relationship added")
