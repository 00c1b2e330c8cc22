"""The Quotations page of the Orders tab: the list, the detail with its revisions and orders, and
the way a quotation goes: draft → sent → accepted (→ sales order) / rejected / expired."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QStyle, QWidget

from crm_desktop.queries.sales.detail import DocumentDetail
from crm_desktop.queries.sales.documents import DocumentFilter
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.sales.orders import order_from_quotation
from crm_desktop.services.sales.quotations import (
    accept_quotation,
    delete_quotations,
    expire_quotations,
    reject_quotation,
    restore_quotations,
    revise_quotation,
    send_quotation,
)
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.ui.table_model import CENTER, RIGHT, Column
from crm_desktop.views.common import DetailForm, ViewEnv
from crm_desktop.views.list_export import baht_cell
from crm_desktop.views.sales.document_dialog import QuotationDialog
from crm_desktop.views.sales.document_page import DocumentPage, money
from crm_desktop.views.sales.labels import QUOTATION_STATUSES, number_text, quotation_status_label
from crm_desktop.views.sales.pdf_preview import open_quotation_preview


class QuotationsPage(DocumentPage):
    ENTITY = Entity.QUOTATION
    KIND = "quotation"
    NAME = "quotations"
    STATUSES = QUOTATION_STATUSES
    DELETE = staticmethod(delete_quotations)
    RESTORE = staticmethod(restore_quotations)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.made_order: str | None = None  # the order "Make sales order" made last (opened on the orders page)

    def showEvent(self, event: QShowEvent) -> None:
        if not self.model.loaded:
            self.expire_due()
        super().showEvent(event)

    def refresh(self) -> None:
        self.expire_due()
        super().refresh()

    def expire_due(self) -> None:
        """Sent quotations whose validity ended become expired: swept when the list is first read and
        on Refresh (F5), so the list never shows a stale "sent"."""
        perform(self, self.env.bus, self.env.lang, lambda: expire_quotations(self.env.ctx.uow(), self.env.today()))

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        env = self.env
        return [
            Column("number", self.tr("Number"), lambda r: number_text(r.number, r.revision), width=150),
            Column("issued_on", self.tr("Date"), lambda r: env.date_text(r.issued_on), CENTER, sort_key="date",
                   width=95, cell=lambda r: r.issued_on, kind="date"),
            Column("customer", self.tr("Customer"), lambda r: r.customer_name, width=220),
            Column("owner", self.tr("Sales rep"), lambda r: r.owner_name, sortable=False, width=110),
            Column("status", self.tr("Status"), lambda r: quotation_status_label(r.status), width=110),
            Column("grand_total", self.tr("Grand total"), lambda r: money(r.grand_total_satang), RIGHT,
                   sort_key="total", width=120, cell=lambda r: baht_cell(r.grand_total_satang), kind="money"),
            Column("valid_until", self.tr("Valid until"), lambda r: env.date_text(r.valid_until), CENTER,
                   sortable=False, width=95, cell=lambda r: r.valid_until, kind="date"),
        ]

    def current_filter(self) -> DocumentFilter:
        return DocumentFilter(
            text=self.filter_text.text().strip(), status=str(self.status_filter.currentData() or ""),
            customer_id=self.customer_filter.value() or "", owner_id=str(self.owner_filter.currentData() or ""),
            channel=str(self.channel_filter.currentData() or ""), month=str(self.month_filter.currentData() or ""))

    def filter_placeholder(self) -> str:
        return self.tr("Filter by number, customer or deal…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n quotation(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Quotations")

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n quotation(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n quotation(s)", "", count)

    def new_tip(self) -> str:
        return self.tr("New quotation (Ctrl+N)")

    def empty_text(self) -> str:
        return self.tr("Select a quotation to see its lines and totals.")

    # --- detail ---------------------------------------------------------------------------

    def add_dates(self, d: DetailForm) -> None:
        d.add("valid_until", self.tr("Valid until"))

    def show_dates(self, doc: DocumentDetail) -> None:
        self.detail.set("valid_until", self.env.date_text(doc.valid_until))

    def links_label(self) -> str:
        return self.tr("Revisions and orders")

    def links_html(self, doc: DocumentDetail) -> str:
        parts = []
        if len(doc.revisions) > 1:
            revisions = [number_text(doc.number, rev) + f" ({quotation_status_label(status)})" if rid == doc.id
                         else self.link("quotation", rid, number_text(doc.number, rev)) +
                         f" ({quotation_status_label(status)})" for rid, rev, status in doc.revisions]
            parts.append(self.tr("Revisions: %1").replace("%1", ", ".join(revisions)))
        if doc.order_ids:
            orders = [self.link("sales_order", oid, self.linked_number("sales_order", oid)) for oid in doc.order_ids]
            parts.append(self.tr("Sales orders: %1").replace("%1", ", ".join(orders)))
        return "<br>".join(parts)

    # --- actions --------------------------------------------------------------------------

    def build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.add_action("sendAction", self.tr("Send"), self.send, lambda d: d.status == "draft",
                        shortcut="Ctrl+Shift+S", icon=sp.SP_ArrowForward,
                        tip=self.tr("Mark the quotation as sent to the customer; "
                                    "its deal moves to the quotation stage"))
        self.add_action("acceptAction", self.tr("Accept"), self.accept, lambda d: d.status == "sent",
                        icon=sp.SP_DialogApplyButton, tip=self.tr("The customer accepted this quotation"))
        self.add_action("rejectAction", self.tr("Reject"), self.reject, lambda d: d.status == "sent",
                        icon=sp.SP_DialogCancelButton, tip=self.tr("The customer declined this quotation"))
        self.add_action("reviseAction", self.tr("Make revision"), self.revise,
                        lambda d: d.status != "draft" and not d.superseded, shortcut="Ctrl+Shift+R",
                        icon=sp.SP_FileDialogNewFolder,
                        tip=self.tr("A new draft with the same number and the next revision; this one stays as sent"))
        self.add_action("orderAction", self.tr("Make sales order"), self.make_order,
                        lambda d: d.status == "accepted", shortcut="Ctrl+Shift+O", icon=sp.SP_FileDialogStart,
                        tip=self.tr("A sales order with this quotation's lines, opened on the Sales orders page"))
        self.add_action("pdfAction", self.tr("PDF / Print…"), self.preview, lambda d: True, shortcut="Ctrl+P",
                        icon=sp.SP_FileDialogContentsView,
                        tip=self.tr("The printed quotation: look at it, print it or save it as a PDF"))

    def open_dialog(self, record_id: str | None) -> QDialog:
        return QuotationDialog(self.env, record_id, parent=self)

    def edit_record(self, record_id: str | None = None) -> QDialog | None:
        """Only a draft is edited; a sent one offers a revision, which keeps what the customer has."""
        record_id = record_id or self.table.current_id()
        if record_id is None:
            return None
        if record_id != self.shown_id():
            self.show_detail(record_id)
        doc = self.detail_doc
        if doc is not None and doc.status != "draft":
            self.revision_box = confirm(
                self, self.tr("Edit quotation"),
                self.tr("%1 is %2: what the customer has must stay as it is. Make a revision to change it?")
                .replace("%1", self.shown_number()).replace("%2", quotation_status_label(doc.status)),
                self.revise, yes_text=self.tr("Make revision"))
            return None
        return super().edit_record(record_id)

    def new_for(self, *, opportunity_id: str | None = None, account_id: str | None = None,
                contact_id: str | None = None) -> QDialog:
        """"New quotation" on a deal, account or contact: the form prefilled from it."""
        preset = {"opportunity_id": opportunity_id, "account_id": account_id, "contact_id": contact_id}
        return self._show_dialog(lambda: QuotationDialog(self.env, None, parent=self, preset=preset))

    def send(self) -> ChangeSet | None:
        return self._one(lambda uow, i: send_quotation(uow, i, self.env.today(), self.env.now()),
                         self.tr("Sent %1"))

    def accept(self) -> ChangeSet | None:
        return self._one(lambda uow, i: accept_quotation(uow, i, self.env.today()), self.tr("%1 accepted"))

    def reject(self) -> ChangeSet | None:
        return self._one(lambda uow, i: reject_quotation(uow, i, self.env.today()), self.tr("%1 rejected"))

    def revise(self) -> ChangeSet | None:
        changes = self._one(lambda uow, i: revise_quotation(uow, i, self.env.today()),
                            self.tr("Made a revision of %1"))
        if changes is not None and changes[Entity.QUOTATION].created:
            self.show_record(changes[Entity.QUOTATION].created[0])
            return changes
        return changes

    def make_order(self) -> ChangeSet | None:
        changes = self._one(lambda uow, i: order_from_quotation(uow, i, self.env.today()),
                            self.tr("Made a sales order from %1"))
        made = () if changes is None else changes[Entity.SALES_ORDER].created
        if made:
            self.made_order = made[0]
            self.open_document.emit(Entity.SALES_ORDER, made[0])
        return changes

    def preview(self) -> QDialog | None:
        doc_id = self.shown_id()
        return open_quotation_preview(self.env, self, doc_id) if doc_id is not None else None

    def activity_preset(self) -> Any:
        return None
