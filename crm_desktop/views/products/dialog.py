"""Create or edit a product: every field of ProductInput, saved in one action."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from crm_desktop.queries.picklists import pick_values
from crm_desktop.queries.products import categories
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.picklists import PRODUCT_UNIT
from crm_desktop.services.products import ProductInput, create_product, product_input, update_product
from crm_desktop.ui.forms import MoneyEdit, editable_combo
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog


class ProductDialog(RecordDialog):
    """New product (record_id None) or edit one."""

    entity = Entity.PRODUCT

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("productDialog")
        self.setWindowTitle(self.tr("New product") if record_id is None else self.tr("Edit product"))
        self.resize(560, 520)
        form = QFormLayout()
        self.sku = QLineEdit()
        self.sku.setObjectName("skuEdit")
        self.sku.setMaxLength(40)
        self.sku.setPlaceholderText(self.tr("e.g. AC-12000"))
        self.sku.setToolTip(self.tr("The product's code; no two products in the list share one."))
        form.addRow(self.tr("SKU *"), self.sku)
        self.name_th = QLineEdit()
        self.name_th.setMaxLength(200)
        self.name_th.setPlaceholderText(self.tr("e.g. แอร์ติดผนัง 12,000 BTU"))
        form.addRow(self.tr("Name (Thai) *"), self.name_th)
        self.name_en = QLineEdit()
        self.name_en.setMaxLength(200)
        self.name_en.setPlaceholderText(self.tr("Printed on English quotations"))
        form.addRow(self.tr("Name (English)"), self.name_en)
        self.category = editable_combo(categories(env.db))
        self.category.setObjectName("categoryCombo")
        form.addRow(self.tr("Category"), self.category)
        self.unit = editable_combo(pick_values(env.db, PRODUCT_UNIT))
        self.unit.setObjectName("unitCombo")
        self.unit.setToolTip(self.tr("Choose a unit from the list or type another one."))
        form.addRow(self.tr("Unit"), self.unit)
        self.price = MoneyEdit("price_satang")
        self.price.setObjectName("priceEdit")
        form.addRow(self.tr("Price (baht)"), self.price)
        self.cost = MoneyEdit("cost_satang")
        self.cost.setObjectName("costEdit")
        form.addRow(self.tr("Cost (baht)"), self.cost)
        self.vatable = QCheckBox(self.tr("Subject to VAT 7 %"))
        self.vatable.setObjectName("vatableCheck")
        self.vatable.setChecked(True)
        form.addRow("", self.vatable)
        self.active = QCheckBox(self.tr("Active (offered when adding lines)"))
        self.active.setObjectName("activeCheck")
        self.active.setChecked(True)
        form.addRow("", self.active)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        form.addRow(self.tr("Description"), self.description)
        self.body.addLayout(form)
        self.body.addWidget(QLabel(self.tr("* required")))

        for key, widget in (
            ("sku", self.sku), ("name_th", self.name_th), ("name_en", self.name_en), ("category", self.category),
            ("unit", self.unit), ("price_satang", self.price), ("cost_satang", self.cost),
            ("description", self.description),
        ):
            self.errors.register(key, widget)
        if record_id is not None:
            self.fill(self.stored())
        self.remember_initial()
        self.sku.setFocus()

    def load_input(self) -> ProductInput:
        return product_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: ProductInput) -> None:
        self.sku.setText(data.sku)
        self.name_th.setText(data.name_th)
        self.name_en.setText(data.name_en)
        self.category.setEditText(data.category)
        self.unit.setEditText(data.unit)
        self.price.setSatang(data.price_satang)
        self.cost.setSatang(data.cost_satang)
        self.vatable.setChecked(data.vatable)
        self.active.setChecked(data.active)
        self.description.setPlainText(data.description)

    def form_input(self) -> ProductInput:
        return ProductInput(
            sku=self.sku.text(),
            name_th=self.name_th.text(),
            name_en=self.name_en.text(),
            category=self.category.currentText(),
            unit=self.unit.currentText(),
            price_satang=self.price.satang() or 0,
            cost_satang=self.cost.satang() or 0,
            vatable=self.vatable.isChecked(),
            active=self.active.isChecked(),
            description=self.description.toPlainText(),
        )

    def save_action(self, data: ProductInput) -> ChangeSet:
        if self.record_id is None:
            return create_product(self.env.ctx.uow(), data)
        return update_product(self.uow(), self.record_id, data)

    def saved_description(self, data: ProductInput) -> str:
        name = data.name_th.strip()
        if self.record_id is None:
            return self.tr("Added product %1").replace("%1", name)
        return self.tr("Saved product %1").replace("%1", name)
