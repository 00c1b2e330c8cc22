"""What the Quotations and Sales orders pages share: the filter bar (status, customer, rep, channel,
month, text), the lazily paged list sorted and filtered in SQL, the detail pane (header, lines,
totals, linked documents) and the action bar whose every button is one service call.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.lookups import users
from crm_desktop.queries.sales.detail import DetailLine, DocumentDetail, document_detail
from crm_desktop.queries.sales.documents import DocumentFilter, DocumentRow, document_head, document_keys, document_rows
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.formatting import format_date_long, format_money
from crm_desktop.services.sales.documents import quantity
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import RecordPicker, select_data
from crm_desktop.ui.search_popup import Choice
from crm_desktop.ui.table_model import ROW_ROLE
from crm_desktop.ui.tables import row_table
from crm_desktop.views.common import DetailForm, ViewEnv, branch_text, format_tax_id, record_choices
from crm_desktop.views.months import MONTHS_AROUND, month_key
from crm_desktop.views.opportunities.labels import CHANNELS, channel_label
from crm_desktop.views.record_tab import RecordTab
from crm_desktop.views.sales.labels import (
    LATE_BACKGROUND,
    LATE_FOREGROUND,
    number_text,
    status_label,
)


def money(satang: int) -> str:
    return format_money(satang)


def customer_choices(env: ViewEnv, text: str) -> list[Choice]:
    """Companies and private customers (B2C contacts) matching `text`, for the customer filter."""
    return record_choices(env, "account", text, 10) + record_choices(env, "contact", text, 10)


class LateRowDelegate(QStyledItemDelegate):
    """Paints a row whose record is late (`row.late`) in the late colours."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        row = index.data(ROW_ROLE)
        if row is not None and getattr(row, "late", False):
            option.backgroundBrush = LATE_BACKGROUND  # type: ignore[attr-defined]
            option.palette.setColor(option.palette.ColorRole.Text, LATE_FOREGROUND)  # type: ignore[attr-defined]
            option.palette.setColor(option.palette.ColorRole.HighlightedText,  # type: ignore[attr-defined]
                                    LATE_BACKGROUND)
            option.palette.setColor(option.palette.ColorRole.Highlight, LATE_FOREGROUND)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class PageAction:
    """One action of the page: its QAction, and when it applies to the document shown."""

    action: QAction
    applies: Callable[[DocumentDetail], bool]


class DocumentPage(RecordTab):
    """Base of the two pages. `open_document(kind, id)` asks the Orders tab to show a linked document."""

    KIND = ""  # "quotation" | "sales_order", as queries/sales/detail.py names them
    STATUSES: tuple[str, ...] = ()
    open_document = Signal(str, str)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        self.detail_doc: DocumentDetail | None = None
        self.page_actions: list[PageAction] = []
        super().__init__(env, parent)
        self.new_button.setToolTip(self.new_tip())
        self.toolbar = QToolBar()
        self.toolbar.setObjectName(f"{self.NAME}Actions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)
        self.build_actions()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.toolbar)
        self.table.setItemDelegate(LateRowDelegate(self.table))
        if self.env.prefs.sort(self.NAME) is None:  # newest first until the user sorts otherwise
            self.table.sortByColumn(self.model.column_index("issued_on"), Qt.SortOrder.DescendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._update_actions()

    # --- hooks ----------------------------------------------------------------------------

    def new_tip(self) -> str:
        return ""

    def build_actions(self) -> None:
        """Add the page's actions with `add_action`."""

    # --- actions --------------------------------------------------------------------------

    def add_action(self, name: str, text: str, slot: Callable[[], object], applies: Callable[[DocumentDetail], bool],
                   *, shortcut: str = "", icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip or text} ({shown})"
        if tip:
            action.setToolTip(tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.toolbar.addAction(action)
        self.page_actions.append(PageAction(action, applies))
        return action

    def action(self, name: str) -> QAction:
        return next(a.action for a in self.page_actions if a.action.objectName() == name)

    def _update_actions(self) -> None:
        doc = self.detail_doc
        for item in self.page_actions:
            item.action.setEnabled(doc is not None and item.applies(doc))

    def update_buttons(self) -> None:
        super().update_buttons()
        if hasattr(self, "page_actions"):
            self._update_actions()

    def _context_menu(self, pos: QPoint) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("documentMenu")
        menu.addAction(self.tr("Edit…"), lambda: self.edit_record())
        index = self.table.indexAt(pos)
        row = self.model.row_at(index.row()) if index.isValid() else None
        customer = ("account", row.account_id) if row and row.account_id else ("contact", row and row.contact_id)
        if customer[1]:
            menu.addAction(self.tr("Customer 360"), lambda: self.open_360.emit(*customer))
        menu.addSeparator()
        for item in self.page_actions:
            if item.action.isEnabled():
                menu.addAction(item.action)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete…"), self.delete_selected)
        delete.setEnabled(self.delete_button.isEnabled())
        menu.popup(self.table.viewport().mapToGlobal(pos))
        return menu

    def run(self, call: Callable[[Any], ChangeSet], description: str) -> ChangeSet | None:
        """One service call on a fresh unit of work; errors in a dialog; every screen hears its ChangeSet."""
        return perform(self, self.env.bus, self.env.lang, lambda: call(self.env.ctx.uow()), description=description)

    def _one(self, call: Callable[[Any, str], ChangeSet], description: str) -> ChangeSet | None:
        """`call(uow, id)` on the document shown; `description` names it as %1."""
        doc = self.detail_doc
        if doc is None:
            return None
        return self.run(lambda uow: call(uow, doc.id), description.replace("%1", self.shown_number()))

    def current_filter(self) -> DocumentFilter:
        raise NotImplementedError

    def keys(self, sort: str, descending: bool) -> list[str]:
        return document_keys(self.env.db, self.KIND, self.current_filter(), sort, descending, self.env.today())

    def head(self, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
        return document_head(self.env.db, self.KIND, self.current_filter(), sort, descending, limit, self.env.today())

    def rows(self, keys: Sequence[str]) -> Sequence[DocumentRow]:
        return document_rows(self.env.db, self.KIND, keys, self.env.today())

    def shown_id(self) -> str | None:
        return self.detail_doc.id if self.detail_doc is not None else None

    def shown_number(self) -> str:
        doc = self.detail_doc
        return number_text(doc.number, doc.revision) if doc is not None else ""

    # --- filters --------------------------------------------------------------------------

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in self.STATUSES:
            self.status_filter.addItem(status_label(self.KIND, status), status)
        self.customer_filter = RecordPicker(
            lambda text: customer_choices(self.env, text), placeholder=self.tr("Customer…"),
            no_match_text=self.tr("No matching customer"))
        self.customer_filter.setObjectName("customerFilter")
        self.customer_filter.setMinimumWidth(150)
        self.customer_filter.popup.chosen.connect(self._customer_chosen)
        self.customer_filter.picked.connect(lambda value: value is None and self.filter_changed())
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.channel_filter = QComboBox()
        self.channel_filter.setObjectName("channelFilter")
        self.channel_filter.addItem(self.tr("All channels"), "")
        for key in CHANNELS:
            self.channel_filter.addItem(channel_label(key), key)
        self.month_filter = QComboBox()
        self.month_filter.setObjectName("monthFilter")
        self.month_filter.setToolTip(self.tr("Month of the document's date"))
        self.month_filter.setMaxVisibleItems(26)
        self.month_filter.addItem(self.tr("Any month"), "")
        today = self.env.today()
        for shift in range(1, -2 * MONTHS_AROUND - 1, -1):  # next month, this month, then back two years
            key = month_key(today, shift)
            year, month = (int(p) for p in key.split("-"))
            label = format_date_long(date(year, month, 1), self.env.lang, self.env.buddhist).split(" ", 1)[1]
            self.month_filter.addItem(label, key)
        self.refresh_filter_choices()
        bar.addWidget(self.customer_filter, 1)
        for combo in self._filter_combos():
            combo.currentIndexChanged.connect(self.filter_changed)
            bar.addWidget(combo)
        self.build_extra_filters(bar)

    def build_extra_filters(self, bar: QHBoxLayout) -> None:
        """Filters only one page has (late only)."""

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.status_filter, self.owner_filter, self.channel_filter, self.month_filter)

    def _customer_chosen(self, _choice: Choice) -> None:
        self.filter_changed()

    def refresh_filter_choices(self) -> None:
        combo = self.owner_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All reps"), "")
        for user in users(self.env.db):
            combo.addItem(user.name, user.id)
        select_data(combo, current or "")
        combo.blockSignals(False)

    def clear_filters(self) -> None:
        super().clear_filters()
        self.customer_filter.blockSignals(True)
        self.customer_filter.set_value(None)
        self.customer_filter.blockSignals(False)
        for combo in self._filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def state(self) -> dict[str, object]:
        state = super().state()
        state["filters"] = tuple(combo.currentData() for combo in self._filter_combos())
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        filters = state.get("filters")
        if isinstance(filters, tuple):
            for combo, value in zip(self._filter_combos(), filters, strict=False):
                combo.blockSignals(True)
                select_data(combo, value)
                combo.blockSignals(False)
            self.apply_filter()
        super().restore_state(state)

    # --- changes --------------------------------------------------------------------------

    def related_changed(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.USER, Entity.SETTING):
            self.refresh_filter_choices()
            self.model.clear_cache()
        elif changes[Entity.ACCOUNT].updated or changes[Entity.CONTACT].updated:
            self.model.clear_cache()  # customer names shown in the rows
        if changes.touches(Entity.QUOTATION, Entity.SALES_ORDER, Entity.ACCOUNT, Entity.CONTACT, Entity.OPPORTUNITY):
            self.show_detail(self.table.current_id())  # a linked document or name may have changed

    # --- detail pane ----------------------------------------------------------------------

    def line_headers(self) -> list[str]:
        return [self.tr("#"), self.tr("Description"), self.tr("Quantity"), self.tr("Unit"), self.tr("Unit price"),
                self.tr("Discount"), self.tr("Amount")]

    NUMERIC_COLUMNS: frozenset[int] = frozenset({2, 4, 5, 6})  # of line_cells: aligned right
    DESCRIPTION_COLUMN = 1  # takes the spare width

    def line_description(self, line: DetailLine) -> str:
        return f"{line.sku} {line.description}".strip() if line.sku else line.description

    def line_cells(self, line: DetailLine) -> list[str]:
        if line.discount_bp:
            discount = f"{line.discount_bp / 100:g} %"
        else:
            discount = money(line.discount_satang) if line.discount_satang else ""
        return [str(line.position + 1), self.line_description(line), quantity(line.quantity_milli), line.unit,
                money(line.unit_price_satang), discount, money(line.net_satang)]

    def build_detail(self) -> QWidget:
        pane = QWidget()
        pane.setObjectName(f"{self.NAME}Detail")
        layout = QVBoxLayout(pane)
        self.add_detail_header(layout)
        self.new_activity_button.hide()  # activities belong to the customer and the deal
        self.detail = DetailForm()
        self.fill_detail_form(self.detail)
        for key in ("deal", "links"):
            label = self.detail.values.get(key)
            if label is not None:
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                label.linkActivated.connect(self._link)
        layout.addWidget(self.detail)
        self.lines_label = QLabel(self.tr("Lines"))
        self.lines_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.lines_label)
        self.lines_table = row_table("detailLines", self.line_headers(), stretch=self.DESCRIPTION_COLUMN)
        self.lines_table.setWordWrap(False)
        # Every column as wide as its text (a squeezed description was unreadable); the spare width
        # goes to the description, and a narrow pane scrolls sideways.
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.lines_table.setMinimumHeight(140)
        layout.addWidget(self.lines_table, 1)
        self.totals_view = QLabel()
        self.totals_view.setObjectName("detailTotals")
        self.totals_view.setTextFormat(Qt.TextFormat.RichText)
        self.totals_view.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.totals_view)
        self.empty_label = QLabel(self.empty_text())
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        return pane

    def empty_text(self) -> str:
        return ""

    def fill_detail_form(self, d: DetailForm) -> None:
        d.add("customer", self.tr("Customer"))
        d.add("contact", self.tr("Attention"))
        d.add("deal", self.tr("Deal"))
        d.add("owner", self.tr("Sales rep"))
        d.add("issued", self.tr("Date"))
        self.add_dates(d)
        d.add("channel", self.tr("Sales channel"))
        d.add("vat", self.tr("Prices"))
        d.add("payment_terms", self.tr("Payment terms"))
        d.add("remarks", self.tr("Remarks (printed)"))
        d.add("notes", self.tr("Internal notes"))
        d.add("links", self.links_label())

    def add_dates(self, d: DetailForm) -> None:
        """The page's own dates and fields after the document date."""

    def links_label(self) -> str:
        return ""

    def show_detail(self, record_id: str | None) -> None:
        doc = document_detail(self.env.db, self.KIND, record_id, self.env.today()) if record_id else None
        self.detail_doc = doc
        shown = doc is not None
        for widget in (self.detail_title, self.detail_subtitle, self.detail, self.lines_label, self.lines_table,
                       self.totals_view):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self._update_actions()
        if doc is None:
            self.detail_title.clear()
            self.detail.clear()
            self.lines_table.setRowCount(0)
            self.totals_view.clear()
            return
        env = self.env
        self.detail_title.setText(number_text(doc.number, doc.revision))
        self.detail_subtitle.setText(" · ".join(p for p in (
            status_label(self.KIND, doc.status), doc.customer.name, money(doc.totals.grand_total)) if p))
        d = self.detail
        c = doc.customer
        tax = " · ".join(p for p in (
            self.tr("Tax ID %1").replace("%1", format_tax_id(c.tax_id)) if c.tax_id else "",
            branch_text(c.branch_code)) if p)
        reach = " · ".join(p for p in (format_phone(c.phone), c.email) if p)
        d.set("customer", "\n".join(p for p in (c.name, tax, reach, c.address) if p))
        d.set("contact", c.contact_name)
        d.set("deal", f'<a href="opportunity:{html.escape(doc.opportunity_id)}">{html.escape(doc.opportunity_name)}</a>'
              if doc.opportunity_id and doc.opportunity_name else "")
        d.set("owner", doc.owner_name)
        d.set("issued", env.date_text(doc.issued_on))
        d.set("channel", channel_label(doc.channel) if doc.channel else "")
        d.set("vat", self.tr("include VAT") if doc.prices_include_vat else self.tr("exclude VAT"))
        d.set("payment_terms", doc.payment_terms)
        d.set("remarks", doc.remarks)
        d.set("notes", doc.notes)
        self.show_dates(doc)
        d.set("links", self.links_html(doc))
        self._show_lines(doc)
        self._show_totals(doc)

    def show_dates(self, doc: DocumentDetail) -> None:
        """The page's own fields."""

    def links_html(self, doc: DocumentDetail) -> str:
        return ""

    def link(self, kind: str, doc_id: str, text: str) -> str:
        return f'<a href="{kind}:{html.escape(doc_id)}">{html.escape(text)}</a>'

    def linked_number(self, kind: str, doc_id: str) -> str:
        found = document_detail(self.env.db, kind, doc_id, self.env.today())
        return number_text(found.number, found.revision) if found is not None else ""

    def _link(self, href: str) -> None:
        kind, _, record_id = href.partition(":")
        if record_id:
            self.open_document.emit(kind, record_id)

    def _show_lines(self, doc: DocumentDetail) -> None:
        table = self.lines_table
        table.setRowCount(len(doc.lines))
        numeric = self.NUMERIC_COLUMNS
        for r, line in enumerate(doc.lines):
            for col, text in enumerate(self.line_cells(line)):
                item = QTableWidgetItem(text)
                if col in numeric:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if line.late:
                    item.setBackground(LATE_BACKGROUND)
                    item.setForeground(LATE_FOREGROUND)
                table.setItem(r, col, item)
        header = table.horizontalHeader()
        spare = table.viewport().width() - header.length()
        description = self.DESCRIPTION_COLUMN
        header.setSectionResizeMode(description, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(description)
        if spare > 0:
            table.setColumnWidth(description, table.columnWidth(description) + spare)

    def _show_totals(self, doc: DocumentDetail) -> None:
        t = doc.totals
        rows = [(self.tr("Subtotal"), money(t.subtotal))]
        if t.line_discounts:
            rows.insert(0, (self.tr("Before line discounts"), money(t.gross)))
            rows.insert(1, (self.tr("Line discounts"), "−" + money(t.line_discounts)))
        if t.bill_discount:
            rows.append((self.tr("Bill discount"), "−" + money(t.bill_discount)))
        rows.append((self.tr("Amount before VAT"), money(t.before_vat)))
        rows.append((self.tr("VAT %1 %").replace("%1", f"{doc.vat_bp / 100:g}"), money(t.vat)))
        body = "".join(f"<tr><td>{html.escape(a)}</td><td align='right'>{html.escape(b)}</td></tr>" for a, b in rows)
        body += (f"<tr><td><b>{html.escape(self.tr('Grand total'))}</b></td>"
                 f"<td align='right'><b>{html.escape(money(t.grand_total))}</b></td></tr>")
        self.totals_view.setText(f"<table cellspacing='0' cellpadding='2'>{body}</table>")
        self.totals_rows = [*rows, (self.tr("Grand total"), money(t.grand_total))]

    def line_texts(self) -> list[list[str]]:
        """The lines table as shown (tests read it)."""
        table: QTableWidget = self.lines_table
        return [[(table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())]
                for r in range(table.rowCount())]
