"""The Orders tab: two pages, Quotations and Sales orders, each a list with its detail and actions.

The main window treats the page shown as the tab New, Edit, Delete, Filter and Columns act on; a
link between documents (a quotation's orders, an order's quotation) switches pages.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from crm_desktop.views.common import ViewEnv
from crm_desktop.views.sales.document_page import DocumentPage
from crm_desktop.views.sales.orders_page import OrdersPage
from crm_desktop.views.sales.quotations_page import QuotationsPage


class OrdersTab(QWidget):
    """`open_record(kind, id)`: a link to a record of another tab (a deal)."""

    NAME = "orders"
    open_record = Signal(str, str)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("ordersTab")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName("ordersPages")
        self.quotations = QuotationsPage(env)
        self.orders = OrdersPage(env)
        self.pages.addTab(self.quotations, self.tr("Quotations"))
        self.pages.addTab(self.orders, self.tr("Sales orders"))
        layout.addWidget(self.pages)
        for page in self.page_list():
            page.open_document.connect(self.open_document)

    def page_list(self) -> list[DocumentPage]:
        return [self.quotations, self.orders]

    def current_page(self) -> DocumentPage:
        widget = self.pages.currentWidget()
        return widget if isinstance(widget, DocumentPage) else self.quotations

    def page_for(self, kind: str) -> DocumentPage:
        return self.orders if kind == "sales_order" else self.quotations

    def reveal(self, page: DocumentPage) -> None:
        self.pages.setCurrentWidget(page)

    def open_document(self, kind: str, doc_id: str) -> bool:
        """Show a quotation or an order on its page (a link, a search hit, a new order)."""
        if kind not in ("quotation", "sales_order"):
            self.open_record.emit(kind, doc_id)
            return False
        page = self.page_for(kind)
        self.reveal(page)
        return page.show_record(doc_id)

    def refresh(self) -> None:
        for page in self.page_list():
            page.refresh()
