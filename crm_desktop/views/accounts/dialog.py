"""Create or edit an account: every field of AccountInput, saved in one action."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crm_desktop.queries.accounts import account_names
from crm_desktop.queries.lookups import account_values, users
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.duplicates import DuplicateProbe
from crm_desktop.ui.forms import (
    DateEdit,
    EmailEdit,
    PhoneEdit,
    RecordPicker,
    editable_combo,
    select_data,
)
from crm_desktop.views.common import AddressBox, ViewEnv, account_choices
from crm_desktop.views.dialog_base import RecordDialog

DEFAULT_INDUSTRIES = ("ค้าปลีก", "ค้าส่ง", "การผลิต", "บริการ", "ก่อสร้าง", "อาหารและเครื่องดื่ม", "ไอที")
DEFAULT_SEGMENTS = ("SME", "Enterprise", "ภาครัฐ")


def owner_combo(env: ViewEnv, none_text: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(none_text, "")
    for user in users(env.db):
        combo.addItem(user.name, user.id)
    return combo


def merged(in_use: list[str], defaults: tuple[str, ...]) -> list[str]:
    return sorted(set(in_use) | set(defaults))


class AccountDialog(RecordDialog):
    """New account (record_id None) or edit one."""

    entity = Entity.ACCOUNT

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("New account") if record_id is None else self.tr("Edit account"))
        self.resize(920, 560)
        db = env.db

        columns = QHBoxLayout()
        company = QGroupBox(self.tr("Company"))
        form = QFormLayout(company)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. บริษัท สยามการค้า จำกัด"))
        self.name.setMaxLength(200)
        form.addRow(self.tr("Name *"), self.name)
        self.tax_id = QLineEdit()
        self.tax_id.setPlaceholderText("0-1055-36061-47-9")
        self.tax_id.setMaxLength(20)
        form.addRow(self.tr("Tax ID"), self.tax_id)
        self.branch_code = QLineEdit()
        self.branch_code.setPlaceholderText(self.tr("00000 = head office"))
        self.branch_code.setToolTip(self.tr("5 digits from the tax registration; 00000 is the head office "
                                            "(สำนักงานใหญ่). Left empty with a tax ID, it means the head office."))
        self.branch_code.setMaxLength(5)
        form.addRow(self.tr("Branch code"), self.branch_code)
        self.industry = editable_combo(merged(account_values(db, "industry"), DEFAULT_INDUSTRIES))
        form.addRow(self.tr("Industry"), self.industry)
        self.segment = editable_combo(merged(account_values(db, "segment"), DEFAULT_SEGMENTS))
        form.addRow(self.tr("Segment"), self.segment)
        self.phone = PhoneEdit("phone")
        form.addRow(self.tr("Phone"), self.phone)
        self.email = EmailEdit()
        form.addRow(self.tr("E-mail"), self.email)
        self.website = QLineEdit()
        self.website.setPlaceholderText("www.example.co.th")
        form.addRow(self.tr("Website"), self.website)
        self.founded_on = DateEdit("founded_on", buddhist=env.buddhist, lang=env.lang)
        form.addRow(self.tr("Founded"), self.founded_on)
        self.parent_account = RecordPicker(
            lambda text: account_choices(env, text, exclude=self.record_id),
            placeholder=self.tr("Type part of the parent company's name…"),
            no_match_text=self.tr("No matching account"),
        )
        self.parent_account.setObjectName("parentPicker")
        form.addRow(self.tr("Parent company"), self.parent_account)
        self.owner = owner_combo(env, self.tr("(nobody)"))
        form.addRow(self.tr("Owner"), self.owner)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. VIP, ลูกค้าประจำ"))
        form.addRow(self.tr("Tags"), self.tags)
        columns.addWidget(company, 1)

        address = self.address = AddressBox(env.lang)
        aform = address.form
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        aform.addRow(self.tr("Notes"), self.notes)
        columns.addWidget(address, 1)
        self.body.addLayout(columns)
        self.body.addWidget(QLabel(self.tr("* required")))

        for key, widget in (
            ("name", self.name), ("tax_id", self.tax_id), ("branch_code", self.branch_code),
            ("industry", self.industry), ("segment", self.segment), ("phone", self.phone), ("email", self.email),
            ("website", self.website), ("founded_on", self.founded_on), ("parent_id", self.parent_account),
            ("owner_id", self.owner), ("tags", self.tags), ("notes", self.notes),
            *self.address.fields(),
        ):
            self.errors.register(key, widget)

        if record_id is not None:
            self.fill(self.stored())
        else:
            select_data(self.owner, env.ctx.user_id)
        self.remember_initial()
        self.name.setFocus()

    def load_input(self) -> AccountInput:
        return account_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: AccountInput) -> None:
        self.name.setText(data.name)
        self.tax_id.setText(data.tax_id)
        self.branch_code.setText(data.branch_code)
        self.industry.setEditText(data.industry)
        self.segment.setEditText(data.segment)
        self.phone.setPhone(data.phone)
        self.email.setText(data.email)
        self.website.setText(data.website)
        self.founded_on.setDate(data.founded_on)
        if data.parent_id:
            names = account_names(self.env.db, [data.parent_id])
            self.parent_account.set_value(data.parent_id, names.get(data.parent_id, ""))
        select_data(self.owner, data.owner_id or "")
        self.tags.setText(data.tags)
        self.address.fill(data)
        self.notes.setPlainText(data.notes)

    def duplicate_probe(self, data: AccountInput) -> DuplicateProbe:
        return DuplicateProbe("account", company_name=data.name, phones=(data.phone,), email=data.email,
                              tax_id=data.tax_id, branch_code=data.branch_code, exclude_id=self.record_id)

    def form_input(self) -> AccountInput:
        return AccountInput(
            name=self.name.text(),
            tax_id=self.tax_id.text(),
            branch_code=self.branch_code.text(),
            industry=self.industry.currentText(),
            segment=self.segment.currentText(),
            phone=self.phone.phone(),
            email=self.email.text(),
            website=self.website.text(),
            **self.address.values(),
            founded_on=self.founded_on.date(),
            parent_id=self.parent_account.value(),
            owner_id=str(self.owner.currentData() or "") or None,
            tags=self.tags.text(),
            notes=self.notes.toPlainText(),
        )

    def check_form(self) -> tuple[str, str] | None:
        if self.parent_account.has_unchosen_text():
            return "parent_id", self.tr("Choose the parent company from the list that appears while you type, "
                                        "or clear the field.")
        return None

    def save_action(self, data: AccountInput) -> ChangeSet:
        if self.record_id is None:
            return create_account(self.env.ctx.uow(), data, self.env.today())
        return update_account(self.uow(), self.record_id, data, self.env.today())

    def saved_description(self, data: AccountInput) -> str:
        name = data.name.strip()
        if self.record_id is None:
            return self.tr("Added account %1").replace("%1", name)
        return self.tr("Saved account %1").replace("%1", name)
