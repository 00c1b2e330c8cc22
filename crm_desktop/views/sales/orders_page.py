"""The Sales orders page of the Orders tab: the list with delivery progress (late orders marked),
the detail with each line's promised and delivered dates, and the way an order goes: draft →
confirmed → partly delivered → delivered → invoiced, or cancelled."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QInputDialog, QLineEdit, QStyle, QWidget

from crm_desktop.queries.sales.detail import DetailLine, DocumentDetail
from crm_desktop.queries.sales.documents import DocumentFilter, DocumentRow
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.sales.documents import quantity
from crm_desktop.services.sales.orders import (
    cancel_order,
    confirm_order,
    delete_orders,
    mark_invoiced,
    restore_orders,
)
from crm_desktop.ui.table_model import CENTER, RIGHT, Column
from crm_desktop.views.common import DetailForm, ViewEnv
from crm_desktop.views.list_export import baht_cell
from crm_desktop.views.sales.delivery_dialog import DeliveryDialog
from crm_desktop.views.sales.document_dialog import OrderDialog
from crm_desktop.views.sales.document_page import DocumentPage, money
from crm_desktop.views.sales.labels import ORDER_STATUSES, late_text, order_status_label, progress_text

OPEN_FOR_DELIVERY = ("confirmed", "partly_delivered")


def row_progress(row: DocumentRow) -> str:
    """ "3/5 lines, 60 %": lines delivered in full, and a late marker in words."""
    text = progress_text(row.delivered_line_count, row.line_count,
                         row.delivered_line_count * 100 // row.line_count) if row.line_count else ""
    return late_text(text) if row.late else text


class OrdersPage(DocumentPage):
    ENTITY = Entity.SALES_ORDER
    KIND = "sales_order"
    NAME = "salesOrders"
    STATUSES = ORDER_STATUSES
    DELETE = staticmethod(delete_orders)
    RESTORE = staticmethod(restore_orders)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        self.delivery_dialog: DeliveryDialog | None = None
        super().__init__(env, parent)

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        env = self.env
        return [
            Column("number", self.tr("Number"), lambda r: r.number, width=120),
            Column("issued_on", self.tr("Date"), lambda r: env.date_text(r.issued_on), CENTER, sort_key="date",
                   width=95, cell=lambda r: r.issued_on, kind="date"),
            Column("customer", self.tr("Customer"), lambda r: r.customer_name, width=190),
            Column("owner", self.tr("Sales rep"), lambda r: r.owner_name, sortable=False, width=90),
            Column("status", self.tr("Status"), lambda r: order_status_label(r.status), width=120),
            Column("grand_total", self.tr("Grand total"), lambda r: money(r.grand_total_satang), RIGHT,
                   sort_key="total", width=120, cell=lambda r: baht_cell(r.grand_total_satang), kind="money"),
            Column("progress", self.tr("Delivered"), row_progress, width=200, sortable=False),
        ]

    def build_extra_filters(self, bar: QHBoxLayout) -> None:
        self.late_filter = QCheckBox(self.tr("Late only"))
        self.late_filter.setObjectName("lateFilter")
        self.late_filter.setToolTip(self.tr("Orders with a line whose promised delivery date has passed"))
        self.late_filter.toggled.connect(self.filter_changed)
        bar.addWidget(self.late_filter)

    def clear_filters(self) -> None:
        super().clear_filters()
        self.late_filter.blockSignals(True)
        self.late_filter.setChecked(False)
        self.late_filter.blockSignals(False)

    def current_filter(self) -> DocumentFilter:
        return DocumentFilter(
            text=self.filter_text.text().strip(), status=str(self.status_filter.currentData() or ""),
            customer_id=self.customer_filter.value() or "", owner_id=str(self.owner_filter.currentData() or ""),
            channel=str(self.channel_filter.currentData() or ""), month=str(self.month_filter.currentData() or ""),
            late_only=self.late_filter.isChecked())

    def filter_placeholder(self) -> str:
        return self.tr("Filter by number, customer or deal…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n sales order(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Sales orders")

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n sales order(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n sales order(s)", "", count)

    def new_tip(self) -> str:
        return self.tr("New sales order without a quotation (Ctrl+N)")

    def empty_text(self) -> str:
        return self.tr("Select a sales order to see its lines and deliveries.")

    # --- detail ---------------------------------------------------------------------------

    # Prices are on the quotation and in the totals; an order's lines show what is to deliver.
    NUMERIC_COLUMNS = frozenset({1, 2, 4})
    DESCRIPTION_COLUMN = 0

    def line_headers(self) -> list[str]:
        return [self.tr("Description"), self.tr("Quantity"), self.tr("Amount"), self.tr("Promised"),
                self.tr("Delivered", "quantity"), self.tr("Delivered on"), self.tr("Delivery note")]

    def line_cells(self, line: DetailLine) -> list[str]:
        promised = self.env.date_text(line.promised_on)
        return [self.line_description(line), f"{quantity(line.quantity_milli)} {line.unit}".strip(),
                money(line.net_satang), late_text(promised) if line.late else promised,
                quantity(line.delivered_milli) if line.delivered_milli else "", self.env.date_text(line.delivered_on),
                line.delivery_note]

    def add_dates(self, d: DetailForm) -> None:
        d.add("confirmed", self.tr("Confirmed on"))
        d.add("invoiced", self.tr("Invoiced on"))
        d.add("cancel_reason", self.tr("Cancelled because"))
        d.add("delivery_address", self.tr("Deliver to"))

    def show_dates(self, doc: DocumentDetail) -> None:
        d = self.detail
        d.set("confirmed", self.env.date_text(doc.confirmed_on))
        d.set("invoiced", self.env.date_text(doc.invoiced_on))
        d.set("cancel_reason", doc.cancel_reason)
        d.set("delivery_address", doc.delivery_address)

    def links_label(self) -> str:
        return self.tr("From quotation")

    def links_html(self, doc: DocumentDetail) -> str:
        if not doc.quotation_id:
            return ""
        return self.link("quotation", doc.quotation_id, self.linked_number("quotation", doc.quotation_id))

    # --- actions --------------------------------------------------------------------------

    def build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.add_action("confirmAction", self.tr("Confirm"), self.confirm, lambda d: d.status == "draft",
                        shortcut="Ctrl+Shift+C", icon=sp.SP_DialogApplyButton,
                        tip=self.tr("The customer confirmed the order; its deal is marked won"))
        self.add_action("deliverAction", self.tr("Record delivery…"), self.record_delivery,
                        lambda d: d.status in OPEN_FOR_DELIVERY, shortcut="Ctrl+Shift+D", icon=sp.SP_ArrowForward,
                        tip=self.tr("What was handed over today: quantities, date and delivery note"))
        self.add_action("invoiceAction", self.tr("Mark invoiced"), self.mark_invoiced,
                        lambda d: d.status == "delivered",
                        shortcut="Ctrl+Shift+I", icon=sp.SP_FileDialogDetailedView,
                        tip=self.tr("The invoice for this order was issued"))
        self.add_action("cancelAction", self.tr("Cancel order…"), self.cancel,
                        lambda d: d.status not in ("cancelled", "invoiced", "delivered"),
                        icon=sp.SP_DialogCancelButton, tip=self.tr("Cancel the order, saying why"))

    def open_dialog(self, record_id: str | None) -> QDialog:
        return OrderDialog(self.env, record_id, parent=self)

    def confirm(self) -> ChangeSet | None:
        return self._one(lambda uow, i: confirm_order(uow, i, self.env.today(), self.env.now()),
                         self.tr("Confirmed %1"))

    def mark_invoiced(self) -> ChangeSet | None:
        return self._one(lambda uow, i: mark_invoiced(uow, i, self.env.today()), self.tr("%1 invoiced"))

    def cancel(self) -> QInputDialog | None:
        if self.shown_id() is None:
            return None
        ask = QInputDialog(self)
        ask.setObjectName("cancelReasonDialog")
        ask.setWindowTitle(self.tr("Cancel order"))
        ask.setLabelText(self.tr("Why is %1 cancelled?").replace("%1", self.shown_number()))
        ask.setTextEchoMode(QLineEdit.EchoMode.Normal)
        ask.setOkButtonText(self.tr("Cancel order"))
        ask.setCancelButtonText(self.tr("Keep the order"))
        ask.textValueSelected.connect(lambda reason: self._one(
            lambda uow, i: cancel_order(uow, i, reason, self.env.today()),
            self.tr("Cancelled %1")))
        ask.open()
        self.cancel_dialog = ask
        return ask

    def record_delivery(self) -> DeliveryDialog | None:
        doc = self.detail_doc
        if doc is None:
            return None
        dialog = DeliveryDialog(self.env, doc, parent=self)
        self._show_dialog(lambda: dialog)
        return dialog

    def activity_preset(self) -> Any:
        return None
