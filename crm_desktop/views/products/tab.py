"""The Products tab: the price list with its filters, and each product's details and price history
beside it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import ValidationError
from crm_desktop.queries.products import (
    ProductDetail,
    ProductFilter,
    ProductRow,
    categories,
    price_history,
    product_detail,
    product_keys,
    product_rows,
)
from crm_desktop.services.changes import Changes, Entity
from crm_desktop.services.formatting import format_money
from crm_desktop.services.products import delete_products, restore_products, set_products_active
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import INVALID_STYLE, MoneyEdit, select_data
from crm_desktop.ui.table_model import CENTER, RIGHT, Column
from crm_desktop.views.common import DetailForm, ViewEnv
from crm_desktop.views.list_export import baht_cell, local_cell
from crm_desktop.views.products.dialog import ProductDialog
from crm_desktop.views.record_tab import RecordTab


def baht(satang: int) -> str:
    """A price as the lists show it: "15,900.00" (the column header says baht)."""
    return format_money(satang, with_symbol=False)


def margin_text(price: int, cost: int) -> str:
    """Gross margin on the price before VAT, "3,900.00 (24.5 %)"; empty without a price or cost."""
    if not price or not cost:
        return ""
    gain = price - cost
    tenths = (gain * 1000 * 2 + price) // (2 * price)  # per mille, rounded half up
    sign = "-" if tenths < 0 else ""
    return f"{format_money(gain)} ({sign}{abs(tenths) // 10}.{abs(tenths) % 10} %)"


class ProductsTab(RecordTab):
    ENTITY = Entity.PRODUCT
    DELETE = staticmethod(delete_products)
    RESTORE = staticmethod(restore_products)
    NAME = "products"

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        self._detail: ProductDetail | None = None
        super().__init__(env, parent)

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        yes, no = self.tr("Yes"), self.tr("No")
        return [
            Column("sku", self.tr("SKU"), lambda r: r.sku, width=90, kind="code"),
            Column("name_th", self.tr("Name"), lambda r: r.name_th, width=240),
            Column("name_en", self.tr("English name"), lambda r: r.name_en, width=150),
            Column("category", self.tr("Category"), lambda r: r.category, width=110),
            Column("unit", self.tr("Unit"), lambda r: r.unit, CENTER, width=55),
            Column("price_satang", self.tr("Price (baht)"), lambda r: baht(r.price_satang), RIGHT, width=95,
                   cell=lambda r: baht_cell(r.price_satang), kind="money"),
            Column("cost_satang", self.tr("Cost (baht)"), lambda r: baht(r.cost_satang), RIGHT, width=95,
                   cell=lambda r: baht_cell(r.cost_satang), kind="money"),
            Column("vatable", self.tr("VAT"), lambda r: yes if r.vatable else no, CENTER, width=45),
            Column("active", self.tr("Active"), lambda r: yes if r.active else no, CENTER, width=60),
            Column("updated_at", self.tr("Updated"), lambda r: self.env.datetime_text(r.updated_at), width=130,
                   visible=False, cell=lambda r: local_cell(r.updated_at), kind="datetime"),
        ]

    def current_filter(self) -> ProductFilter:
        return ProductFilter(
            text=self.filter_text.text().strip(),
            category=str(self.category_filter.currentData() or ""),
            active=self.active_filter.currentData(),
            vatable=self.vat_filter.currentData(),
            price_min=self._price_bound(self.price_min),
            price_max=self._price_bound(self.price_max),
        )

    @staticmethod
    def _price_bound(edit: MoneyEdit) -> int | None:
        """The typed bound, or None; unreadable text is marked on the field and ignored."""
        try:
            value = edit.satang()
        except ValidationError:
            edit.setStyleSheet(f"QLineEdit {{ {INVALID_STYLE} }}")
            return None
        edit.setStyleSheet("")
        return value

    def keys(self, sort: str, descending: bool) -> list[str]:
        return product_keys(self.env.db, self.current_filter(), sort, descending)

    def rows(self, keys: Sequence[str]) -> Sequence[ProductRow]:
        return product_rows(self.env.db, keys)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("categoryFilter")
        self.active_filter = QComboBox()
        self.active_filter.setObjectName("activeFilter")
        for label, value in ((self.tr("Active"), True), (self.tr("Inactive"), False),
                             (self.tr("Active and inactive"), None)):
            self.active_filter.addItem(label, value)
        self.vat_filter = QComboBox()
        self.vat_filter.setObjectName("vatFilter")
        for label, value in ((self.tr("With and without VAT"), None), (self.tr("With VAT"), True),
                             (self.tr("VAT exempt"), False)):
            self.vat_filter.addItem(label, value)
        self.price_min = MoneyEdit("price_min")
        self.price_min.setObjectName("priceMin")
        self.price_min.setPlaceholderText(self.tr("Price from"))
        self.price_max = MoneyEdit("price_max")
        self.price_max.setObjectName("priceMax")
        self.price_max.setPlaceholderText(self.tr("to"))
        for edit in (self.price_min, self.price_max):
            edit.setMaximumWidth(100)
            edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.refresh_filter_choices()
        for combo in (self.category_filter, self.active_filter, self.vat_filter):
            combo.currentIndexChanged.connect(self.filter_changed)
        for widget in (self.category_filter, self.active_filter, self.vat_filter, self.price_min, self.price_max):
            bar.addWidget(widget)

    def refresh_filter_choices(self) -> None:
        combo = self.category_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All categories"), "")
        for value in categories(self.env.db):
            combo.addItem(value, value)
        select_data(combo, current or "")
        combo.blockSignals(False)

    def clear_filters(self) -> None:
        super().clear_filters()
        for combo in (self.category_filter, self.active_filter, self.vat_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.price_min, self.price_max):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)

    def show_record(self, record_id: str) -> bool:
        """An inactive product opened from search: show inactive ones too."""
        detail = product_detail(self.env.db, record_id)
        if detail is not None and not detail.active and self.active_filter.currentData() is True:
            self.active_filter.blockSignals(True)
            select_data(self.active_filter, None)
            self.active_filter.blockSignals(False)
            self.model.reload()
        return super().show_record(record_id)

    def filter_placeholder(self) -> str:
        return self.tr("Filter by SKU or name…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n product(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Products")

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n product(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n product(s)", "", count)

    def open_dialog(self, record_id: str | None) -> QDialog:
        return ProductDialog(self.env, record_id, parent=self)

    def own_changed(self, changes: Changes) -> None:
        self.refresh_filter_choices()  # a new or renamed category
        super().own_changed(changes)

    def state(self) -> dict[str, object]:
        state = super().state()
        state["filters"] = (self.category_filter.currentData(), self.active_filter.currentIndex(),
                            self.vat_filter.currentIndex(), self.price_min.text(), self.price_max.text())
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        filters = state.get("filters")
        if isinstance(filters, tuple):
            widgets = (self.category_filter, self.active_filter, self.vat_filter, self.price_min, self.price_max)
            for widget in widgets:
                widget.blockSignals(True)
            select_data(self.category_filter, filters[0])
            self.active_filter.setCurrentIndex(int(filters[1]))
            self.vat_filter.setCurrentIndex(int(filters[2]))
            self.price_min.setText(str(filters[3]))
            self.price_max.setText(str(filters[4]))
            for widget in widgets:
                widget.blockSignals(False)
            self.apply_filter()
        super().restore_state(state)

    # --- detail pane ----------------------------------------------------------------------

    def build_detail(self) -> QWidget:
        pane = QWidget()
        pane.setObjectName("productDetail")
        layout = QVBoxLayout(pane)
        self.add_detail_header(layout)
        self.new_activity_button.hide()  # activities belong to customers and deals, not to products

        self.detail = DetailForm()
        d = self.detail
        d.add("name_en", self.tr("English name"))
        d.add("category", self.tr("Category"))
        d.add("unit", self.tr("Unit"))
        d.add("price", self.tr("Price"))
        d.add("cost", self.tr("Cost"))
        d.add("margin", self.tr("Margin"))
        d.add("vat", self.tr("VAT"))
        d.add("status", self.tr("Status"))
        d.add("description", self.tr("Description"))
        d.add("updated", self.tr("Updated"))
        layout.addWidget(d)

        row = QHBoxLayout()
        row.addStretch(1)
        self.active_button = QPushButton()
        self.active_button.setObjectName("activeButton")
        self.active_button.clicked.connect(self._toggle_active)
        row.addWidget(self.active_button)
        layout.addLayout(row)

        self.history_label = QLabel(self.tr("Price history"))
        self.history_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.history_label)
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("priceHistory")
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("By"), self.tr("Price (baht)"),
                                                self.tr("Cost (baht)")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.history, 1)

        self.empty_label = QLabel(self.tr("Select a product to see its details."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        return pane

    def show_detail(self, record_id: str | None) -> None:
        detail = product_detail(self.env.db, record_id) if record_id else None
        self._detail = detail
        shown = detail is not None
        for widget in (self.detail_title, self.detail_subtitle, self.detail, self.active_button,
                       self.history_label, self.history):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self.history.setRowCount(0)
        if detail is None:
            self.detail_title.clear()
            self.detail.clear()
            return
        self.detail_title.setText(detail.name_th)
        self.detail_subtitle.setText(" · ".join(p for p in (detail.sku, detail.category) if p))
        d = self.detail
        d.set("name_en", detail.name_en)
        d.set("category", detail.category)
        d.set("unit", detail.unit)
        d.set("price", format_money(detail.price_satang))
        d.set("cost", format_money(detail.cost_satang) if detail.cost_satang else "")
        d.set("margin", margin_text(detail.price_satang, detail.cost_satang))
        d.set("vat", self.tr("VAT 7 %") if detail.vatable else self.tr("VAT exempt"))
        d.set("status", self.tr("Active") if detail.active else self.tr("Inactive: not offered for new lines"))
        d.set("description", detail.description)
        d.set("updated", self.env.datetime_text(detail.updated_at))
        self.active_button.setText(self.tr("Deactivate") if detail.active else self.tr("Activate"))
        changes = price_history(self.env.db, detail.id)
        self.history.setRowCount(len(changes))
        for row, change in enumerate(changes):
            texts = [self.env.datetime_text(change.changed_at), change.user_name,
                     _moved(change.old_price_satang, change.price_satang),
                     _moved(change.old_cost_satang, change.cost_satang)]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                self.history.setItem(row, column, item)

    def history_texts(self) -> list[list[str]]:
        """What the price history table shows, row by row (tests read it)."""
        return [[self.history.item(r, c).text() for c in range(self.history.columnCount())]
                for r in range(self.history.rowCount())]

    def _toggle_active(self) -> None:
        detail = self._detail
        if detail is None:
            return
        text = (self.tr("Deactivated product %1") if detail.active else self.tr("Activated product %1")).replace(
            "%1", detail.name_th)
        perform(self, self.env.bus, self.env.lang,
                lambda: set_products_active(self.env.ctx.uow(), [detail.id], not detail.active), description=text)


def _moved(old: int | None, new: int) -> str:
    """ "15,900.00 → 14,500.00" when the value changed, else the value."""
    if old is None or old == new:
        return baht(new)
    return f"{baht(old)} → {baht(new)}"
