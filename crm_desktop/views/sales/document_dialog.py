"""The quotation and sales order forms: customer, deal, rep, dates, channel, VAT, bill discount,
printout language, payment terms, remarks, internal notes and the lines (the shared LinesEditor);
an order also has its delivery address and a promised date per line.

One form class per kind over a shared base; saving is one service call, and a refusal keeps the
form open with the field (or the line) it names marked.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_names
from crm_desktop.queries.lookups import record_key
from crm_desktop.queries.opportunities import opportunity_rows
from crm_desktop.queries.sales.detail import document_detail
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.sales.documents import DocumentInput, OrderInput, OrderLineInput, QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.orders import create_order, new_order_input, order_input, update_order
from crm_desktop.services.sales.quotations import (
    create_quotation,
    new_quotation_input,
    quotation_input,
    update_quotation,
)
from crm_desktop.ui.forms import DateEdit, RecordPicker, select_data
from crm_desktop.ui.tables import row_table
from crm_desktop.views.accounts.dialog import owner_combo
from crm_desktop.views.common import ViewEnv, account_choices, record_choices
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.opportunities.dialog import contact_name
from crm_desktop.views.opportunities.labels import CHANNELS, channel_label
from crm_desktop.views.sales.labels import number_text
from crm_desktop.views.sales.lines_editor import LinesEditor

PAYMENT_TERMS_MAX = 300


def deal_name(env: ViewEnv, deal_id: str) -> str:
    key = record_key(env.db, "opportunity", deal_id)
    rows = opportunity_rows(env.db, [key], env.today()) if key is not None else []
    return rows[0].name if rows else ""


class DocumentDialog(RecordDialog):
    """Base of the two forms. `preset`: new_*_input's keyword arguments (deal, account, contact)."""

    KIND = ""

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None,
                 preset: dict[str, str | None] | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.resize(1120, 780)
        self._kept: DocumentInput = self.blank()

        top = QHBoxLayout()
        who = QGroupBox(self.tr("Customer"))
        form = QFormLayout(who)
        self.account = RecordPicker(
            lambda text: account_choices(env, text),
            placeholder=self.tr("Type part of the company's name (empty for a private customer)…"),
            no_match_text=self.tr("No matching account"))
        self.account.setObjectName("accountPicker")
        form.addRow(self.tr("Company"), self.account)
        self.contact = RecordPicker(
            lambda text: record_choices(env, "contact", text),
            placeholder=self.tr("The person, or the private customer…"), no_match_text=self.tr("No matching contact"))
        self.contact.setObjectName("contactPicker")
        form.addRow(self.tr("Contact"), self.contact)
        self.deal = RecordPicker(
            lambda text: record_choices(env, "opportunity", text),
            placeholder=self.tr("The deal this is for (optional)…"), no_match_text=self.tr("No matching deal"))
        self.deal.setObjectName("dealPicker")
        form.addRow(self.tr("Deal"), self.deal)
        self.owner = owner_combo(env, self.tr("(nobody)"))
        self.owner.setObjectName("ownerCombo")
        form.addRow(self.tr("Sales rep"), self.owner)
        self.channel = QComboBox()
        self.channel.setObjectName("channelCombo")
        self.channel.addItem(self.tr("(not known)"), "")
        for key in CHANNELS:
            self.channel.addItem(channel_label(key), key)
        form.addRow(self.tr("Sales channel"), self.channel)
        self.who_form = form
        top.addWidget(who, 1)

        doc = QGroupBox(self.tr("Document"))
        dform = QFormLayout(doc)
        self.issued_on = DateEdit("issued_on", buddhist=env.buddhist, lang=env.lang)
        self.issued_on.setObjectName("issuedOnEdit")
        dform.addRow(self.tr("Date"), self.issued_on)
        self.add_document_fields(dform)
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Thai"), "th")
        self.language.addItem(self.tr("English"), "en")
        dform.addRow(self.tr("Printout language"), self.language)
        self.payment_terms = QLineEdit()
        self.payment_terms.setObjectName("paymentTermsEdit")
        self.payment_terms.setMaxLength(PAYMENT_TERMS_MAX + 50)
        self.payment_terms.setPlaceholderText(self.tr("e.g. เครดิต 30 วัน"))
        dform.addRow(self.tr("Payment terms"), self.payment_terms)
        top.addWidget(doc, 1)
        self.body.addLayout(top)

        self.lines = LinesEditor(env)  # with the VAT-inclusive switch and the bill discount under its totals
        self.body.addWidget(self.lines, 3)
        self.add_below_lines()

        texts = QHBoxLayout()
        self.remarks = QPlainTextEdit()
        self.remarks.setObjectName("remarksEdit")
        self.remarks.setTabChangesFocus(True)
        self.remarks.setPlaceholderText(self.tr("Printed on the document, e.g. delivery within 7 days"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("For the office only; never printed"))
        for title, edit in ((self.tr("Remarks (printed)"), self.remarks), (self.tr("Internal notes"), self.notes)):
            box = QGroupBox(title)
            box_layout = QHBoxLayout(box)
            box_layout.addWidget(edit)
            edit.setMaximumHeight(72)
            texts.addWidget(box, 1)
        self.body.addLayout(texts)

        for key, widget in (
            ("account_id", self.account), ("contact_id", self.contact), ("opportunity_id", self.deal),
            ("owner_id", self.owner), ("channel", self.channel), ("issued_on", self.issued_on),
            ("language", self.language), ("payment_terms", self.payment_terms),
            ("bill_discount_satang", self.lines.bill_discount_edit), ("remarks", self.remarks), ("notes", self.notes),
            ("lines", self.lines),
        ):
            self.errors.register(key, widget)
        self.register_more()

        data = self.stored() if record_id is not None else self.new_input(preset or {})
        self.fill(data)
        self.remember_initial()
        self.account.setFocus()

    # --- hooks ----------------------------------------------------------------------------

    def blank(self) -> DocumentInput:
        raise NotImplementedError

    def stored_input(self, record_id: str) -> DocumentInput:
        raise NotImplementedError

    def load_input(self) -> DocumentInput:
        return self.stored_input(self.record_id or "")

    def new_input(self, preset: dict[str, str | None]) -> DocumentInput:
        raise NotImplementedError

    def add_document_fields(self, form: QFormLayout) -> None:
        """The kind's own header fields, after the date."""

    def add_below_lines(self) -> None:
        """The kind's own part under the lines."""

    def register_more(self) -> None:
        """Register the kind's own fields for error marking."""

    def fill_more(self, data: Any) -> None:
        """Show the kind's own fields."""

    def input_of(self, common: dict[str, Any]) -> DocumentInput:
        raise NotImplementedError

    # --- filling and reading --------------------------------------------------------------

    def fill(self, data: DocumentInput) -> None:
        self._kept = data
        env = self.env
        if data.account_id:
            self.account.set_value(data.account_id, account_names(env.db, [data.account_id]).get(data.account_id, ""))
        if data.contact_id:
            self.contact.set_value(data.contact_id, contact_name(env, data.contact_id))
        if data.opportunity_id:
            self.deal.set_value(data.opportunity_id, deal_name(env, data.opportunity_id))
        select_data(self.owner, data.owner_id or "")
        if data.channel and self.channel.findData(data.channel) < 0:
            self.channel.addItem(channel_label(data.channel), data.channel)
        select_data(self.channel, data.channel)
        self.issued_on.setDate(data.issued_on or env.today())
        select_data(self.language, data.language)
        self.payment_terms.setText(data.payment_terms)
        self.remarks.setPlainText(data.remarks)
        self.notes.setPlainText(data.notes)
        self.lines.set_prices_include_vat(data.prices_include_vat)
        self.lines.set_bill_discount(data.bill_discount_satang)
        self.lines.set_lines(list(data.lines))
        self.fill_more(data)

    def form_input(self) -> DocumentInput:
        common = {
            "account_id": self.account.value(), "contact_id": self.contact.value(),
            "opportunity_id": self.deal.value(), "owner_id": str(self.owner.currentData() or "") or None,
            "issued_on": self.issued_on.date(), "channel": str(self.channel.currentData() or ""),
            "prices_include_vat": self.lines.prices_include_vat(), "vat_bp": self._kept.vat_bp,
            "bill_discount_satang": self.lines.bill_discount(),
            "language": str(self.language.currentData() or "th"), "payment_terms": self.payment_terms.text(),
            "remarks": self.remarks.toPlainText(), "notes": self.notes.toPlainText(),
        }
        return self.input_of(common)

    def show_domain_error(self, err: DomainError) -> None:
        super().show_domain_error(err)
        self.lines.show_error(err, self.env.lang)  # a refused line is marked on its row too

    def check_form(self) -> tuple[str, str] | None:
        for key, picker, what in (("account_id", self.account, self.tr("company")),
                                  ("contact_id", self.contact, self.tr("contact")),
                                  ("opportunity_id", self.deal, self.tr("deal"))):
            if picker.has_unchosen_text():
                return key, self.tr("Choose the %1 from the list that appears while you type, or clear the field."
                                    ).replace("%1", what)
        return None

    def number(self) -> str:
        if self.record_id is None:
            return ""
        found = document_detail(self.env.db, self.KIND, self.record_id, self.env.today())
        return number_text(found.number, found.revision) if found is not None else ""


class QuotationDialog(DocumentDialog):
    entity = Entity.QUOTATION
    KIND = "quotation"

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None,
                 preset: dict[str, str | None] | None = None) -> None:
        super().__init__(env, record_id, parent, preset)
        self.setObjectName("quotationDialog")
        self.setWindowTitle(self.tr("New quotation") if record_id is None
                            else self.tr("Edit quotation %1").replace("%1", self.number()))

    def blank(self) -> QuotationInput:
        return QuotationInput()

    def stored_input(self, record_id: str) -> QuotationInput:
        return quotation_input(self.env.ctx.uow(), record_id)

    def new_input(self, preset: dict[str, str | None]) -> QuotationInput:
        return new_quotation_input(self.env.ctx.uow(), today=self.env.today(), **preset)

    def add_document_fields(self, form: QFormLayout) -> None:
        self.valid_until = DateEdit("valid_until", buddhist=self.env.buddhist, lang=self.env.lang)
        self.valid_until.setObjectName("validUntilEdit")
        self.valid_until.setToolTip(self.tr("Empty: 30 days after the date"))
        form.addRow(self.tr("Valid until"), self.valid_until)

    def register_more(self) -> None:
        self.errors.register("valid_until", self.valid_until)

    def fill_more(self, data: QuotationInput) -> None:
        self.valid_until.setDate(data.valid_until)

    def input_of(self, common: dict[str, Any]) -> QuotationInput:
        return QuotationInput(**common, valid_until=self.valid_until.date(), lines=self.lines.lines())

    def save_action(self, data: QuotationInput) -> ChangeSet:
        if self.record_id is None:
            return create_quotation(self.env.ctx.uow(), data, self.env.today())
        return update_quotation(self.uow(), self.record_id, data, self.env.today())

    def saved_description(self, data: QuotationInput) -> str:
        return self.tr("Saved the quotation") if self.record_id is None else \
            self.tr("Saved quotation %1").replace("%1", self.number())


def row_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return item


def order_line(line: LineInput, promised_on: date | None) -> OrderLineInput:
    """An editor line as an order line with its promised date."""
    values = {f.name: getattr(line, f.name) for f in fields(LineInput)}
    return OrderLineInput(**values, promised_on=promised_on)


class OrderDialog(DocumentDialog):
    """A draft order's lines are edited freely; once confirmed only the promised dates, the delivery
    address and the notes change (the service says so for anything else)."""

    entity = Entity.SALES_ORDER

    KIND = "sales_order"

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None,
                 preset: dict[str, str | None] | None = None) -> None:
        super().__init__(env, record_id, parent, preset)
        self.setObjectName("orderDialog")
        self.setWindowTitle(self.tr("New sales order") if record_id is None
                            else self.tr("Edit sales order %1").replace("%1", self.number()))
        stored = document_detail(env.db, self.KIND, record_id, env.today()) if record_id is not None else None
        if stored is not None and stored.status != "draft":
            self.lines.setEnabled(False)  # the service refuses line changes once confirmed
            self.lines.setToolTip(self.tr("A confirmed order's lines no longer change; its promised dates do."))

    def blank(self) -> OrderInput:
        return OrderInput()

    def stored_input(self, record_id: str) -> OrderInput:
        return order_input(self.env.ctx.uow(), record_id)

    def new_input(self, preset: dict[str, str | None]) -> OrderInput:
        return new_order_input(self.env.ctx.uow(), today=self.env.today(), **preset)

    def add_document_fields(self, form: QFormLayout) -> None:
        self.delivery_address = QPlainTextEdit()
        self.delivery_address.setObjectName("deliveryAddressEdit")
        self.delivery_address.setTabChangesFocus(True)
        self.delivery_address.setMaximumHeight(54)
        self.delivery_address.setPlaceholderText(self.tr("Empty: the customer's address"))
        form.addRow(self.tr("Deliver to"), self.delivery_address)

    def add_below_lines(self) -> None:
        box = QGroupBox(self.tr("Promised delivery dates"))
        layout = QHBoxLayout(box)
        self.promised = row_table("promisedTable", [self.tr("Line"), self.tr("Promised by")], stretch=0)
        self.promised.setMaximumHeight(150)
        self.promised.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        layout.addWidget(self.promised, 1)
        hint = QLabel(self.tr("Each line's promised date; a line not delivered in full by then shows as late."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(hint)
        self.body.addWidget(box, 1)
        self.promised_edits: list[DateEdit] = []
        self.lines.changed.connect(self._lines_changed)

    def register_more(self) -> None:
        self.errors.register("delivery_address", self.delivery_address)
        self.errors.register("promised_on", self.promised)

    def fill_more(self, data: OrderInput) -> None:
        self.delivery_address.setPlainText(data.delivery_address)
        self._show_promised([line.promised_on for line in data.lines])

    def _lines_changed(self, *_args: object) -> None:
        self._show_promised(self.promised_dates())

    def promised_dates(self) -> list[date | None]:
        dates = []
        for edit in self.promised_edits:
            try:
                dates.append(edit.date())
            except DomainError:
                dates.append(None)
        return dates

    def _show_promised(self, dates: list[date | None]) -> None:
        """One row per editor line, keeping each position's date."""
        lines = self.lines.lines()
        if len(lines) == len(self.promised_edits) and all(
                self.promised.item(r, 0) is not None and self.promised.item(r, 0).text() == line.description
                for r, line in enumerate(lines)):
            return
        self.promised.setRowCount(len(lines))
        edits = []
        for r, line in enumerate(lines):
            self.promised.setItem(r, 0, row_item(line.description))
            edit = DateEdit(f"promised_on {r + 1}", buddhist=self.env.buddhist, lang=self.env.lang)
            edit.setObjectName(f"promisedEdit{r}")
            edit.setDate(dates[r] if r < len(dates) else None)
            self.promised.setCellWidget(r, 1, edit)
            edits.append(edit)
        self.promised_edits = edits
        self.promised.resizeColumnsToContents()

    def input_of(self, common: dict[str, Any]) -> OrderInput:
        dates = [edit.date() for edit in self.promised_edits]
        lines = [order_line(line, dates[i] if i < len(dates) else None) for i, line in enumerate(self.lines.lines())]
        return OrderInput(**common, delivery_address=self.delivery_address.toPlainText(), lines=lines)

    def save_action(self, data: OrderInput) -> ChangeSet:
        if self.record_id is None:
            return create_order(self.env.ctx.uow(), data, self.env.today())
        return update_order(self.uow(), self.record_id, data, self.env.today())

    def saved_description(self, data: OrderInput) -> str:
        return self.tr("Saved the sales order") if self.record_id is None else \
            self.tr("Saved sales order %1").replace("%1", self.number())
