"""Create or edit a contact: a person at an account (B2B) or a customer on their own (B2C)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.accounts import account_names
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.contacts import (
    GENDERS,
    INCOME_BANDS,
    ContactInput,
    contact_input,
    create_contact,
    update_contact,
)
from crm_desktop.services.duplicates import DuplicateProbe
from crm_desktop.ui.forms import (
    DateEdit,
    EmailEdit,
    PhoneEdit,
    RecordPicker,
    select_data,
)
from crm_desktop.views.accounts.dialog import owner_combo
from crm_desktop.views.common import AddressBox, ViewEnv, account_choices
from crm_desktop.views.consent import ConsentEditor
from crm_desktop.views.contacts.labels import gender_label, income_label
from crm_desktop.views.dialog_base import RecordDialog

PREFIXES = ("นาย", "นาง", "นางสาว", "คุณ", "ดร.", "Mr", "Mrs", "Ms", "Dr")
GENDER_VALUES = GENDERS


class ContactDialog(RecordDialog):
    """New contact (record_id None, optionally for an account) or edit one."""

    entity = Entity.CONTACT

    def __init__(
        self,
        env: ViewEnv,
        record_id: str | None = None,
        parent: QWidget | None = None,
        *,
        account: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("New contact") if record_id is None else self.tr("Edit contact"))
        self.resize(980, 620)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        person = QGroupBox(self.tr("Person"))
        form = QFormLayout(person)
        self.prefix = QComboBox()
        self.prefix.setEditable(True)
        self.prefix.addItem("")
        self.prefix.addItems(list(PREFIXES))
        self.prefix.setEditText("")
        form.addRow(self.tr("Title"), self.prefix)
        self.first_name = QLineEdit()
        self.first_name.setMaxLength(100)
        form.addRow(self.tr("First name *"), self.first_name)
        self.last_name = QLineEdit()
        self.last_name.setMaxLength(100)
        form.addRow(self.tr("Last name"), self.last_name)
        self.nickname = QLineEdit()
        self.nickname.setMaxLength(50)
        self.nickname.setPlaceholderText(self.tr("e.g. ต้อม"))
        form.addRow(self.tr("Nickname"), self.nickname)
        self.account = RecordPicker(
            lambda text: account_choices(env, text),
            placeholder=self.tr("Type part of the company's name (empty for a private customer)…"),
            no_match_text=self.tr("No matching account"),
        )
        self.account.setObjectName("accountPicker")
        form.addRow(self.tr("Company"), self.account)
        self.position = QLineEdit()
        self.position.setMaxLength(100)
        form.addRow(self.tr("Position"), self.position)
        self.birthday = DateEdit("birthday", buddhist=env.buddhist, lang=env.lang)
        form.addRow(self.tr("Birthday"), self.birthday)
        self.gender = QComboBox()
        for value in GENDER_VALUES:
            self.gender.addItem(gender_label(value), value)
        form.addRow(self.tr("Gender"), self.gender)
        self.income_band = QComboBox()
        for value in INCOME_BANDS:
            self.income_band.addItem(income_label(value), value)
        form.addRow(self.tr("Income"), self.income_band)
        self.interests = QLineEdit()
        self.interests.setPlaceholderText(self.tr("comma-separated, e.g. กอล์ฟ, ท่องเที่ยว"))
        form.addRow(self.tr("Interests"), self.interests)
        left.addWidget(person)
        columns.addLayout(left, 1)

        right = QVBoxLayout()
        reach = QGroupBox(self.tr("Contact details"))
        rform = QFormLayout(reach)
        self.mobile = PhoneEdit("mobile", mobile=True)
        rform.addRow(self.tr("Mobile"), self.mobile)
        self.phone = PhoneEdit("phone")
        rform.addRow(self.tr("Phone"), self.phone)
        self.email = EmailEdit()
        rform.addRow(self.tr("E-mail"), self.email)
        self.line_id = QLineEdit()
        self.line_id.setMaxLength(60)
        self.line_id.setPlaceholderText("@lineid")
        rform.addRow(self.tr("LINE ID"), self.line_id)
        self.consent = ConsentEditor(env)
        self.marketing_consent, self.consent_on = self.consent.given, self.consent.since
        rform.addRow(self.tr("Consent"), self.consent)
        self.owner = owner_combo(env, self.tr("(nobody)"))
        rform.addRow(self.tr("Owner"), self.owner)
        self.tags = QLineEdit()
        rform.addRow(self.tr("Tags"), self.tags)
        right.addWidget(reach)

        address = self.address = AddressBox(env.lang)
        right.addWidget(address)
        columns.addLayout(right, 1)
        self.body.addLayout(columns)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Notes"))
        self.notes.setMaximumHeight(90)
        self.body.addWidget(self.notes)

        for key, widget in (
            ("prefix", self.prefix), ("first_name", self.first_name), ("last_name", self.last_name),
            ("nickname", self.nickname), ("position", self.position), ("account_id", self.account),
            ("owner_id", self.owner), ("mobile", self.mobile), ("phone", self.phone), ("email", self.email),
            ("line_id", self.line_id), ("birthday", self.birthday), ("gender", self.gender),
            ("income_band", self.income_band), ("interests", self.interests),
            ("marketing_consent", self.marketing_consent), ("consent_on", self.consent_on),
            ("consent_channel", self.consent.channel), ("consent_wording", self.consent.wording),
            ("tags", self.tags), ("notes", self.notes), *self.address.fields(),
        ):
            self.errors.register(key, widget)

        if record_id is not None:
            self.fill(self.stored())
        else:
            select_data(self.owner, env.ctx.user_id)
            if account is not None:
                self.account.set_value(*account)
        self.remember_initial()
        self.first_name.setFocus()

    def load_input(self) -> ContactInput:
        return contact_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: ContactInput) -> None:
        self.prefix.setEditText(data.prefix)
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.nickname.setText(data.nickname)
        self.position.setText(data.position)
        if data.account_id:
            names = account_names(self.env.db, [data.account_id])
            self.account.set_value(data.account_id, names.get(data.account_id, ""))
        select_data(self.owner, data.owner_id or "")
        self.mobile.setPhone(data.mobile)
        self.phone.setPhone(data.phone)
        self.email.setText(data.email)
        self.line_id.setText(data.line_id)
        self.birthday.setDate(data.birthday)
        select_data(self.gender, data.gender)
        select_data(self.income_band, data.income_band)
        self.interests.setText(data.interests)
        self.consent.fill(data.marketing_consent, data.consent_on)
        self.address.fill(data)
        self.tags.setText(data.tags)
        self.notes.setPlainText(data.notes)

    def duplicate_probe(self, data: ContactInput) -> DuplicateProbe:
        return DuplicateProbe("contact", first_name=data.first_name, last_name=data.last_name,
                              phones=(data.mobile, data.phone), email=data.email, exclude_id=self.record_id)

    def form_input(self) -> ContactInput:
        return ContactInput(
            prefix=self.prefix.currentText(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            nickname=self.nickname.text(),
            position=self.position.text(),
            account_id=self.account.value(),
            owner_id=str(self.owner.currentData() or "") or None,
            mobile=self.mobile.phone(),
            phone=self.phone.phone(),
            email=self.email.text(),
            line_id=self.line_id.text(),
            birthday=self.birthday.date(),
            gender=str(self.gender.currentData() or ""),
            income_band=str(self.income_band.currentData() or ""),
            interests=self.interests.text(),
            marketing_consent=self.marketing_consent.isChecked(),
            consent_on=self.consent.since_date(),
            **self.address.values(),
            tags=self.tags.text(),
            notes=self.notes.toPlainText(),
        )

    def check_form(self) -> tuple[str, str] | None:
        if self.account.has_unchosen_text():
            return "account_id", self.tr("Choose the company from the list that appears while you type, "
                                         "or clear the field for a private customer.")
        return None

    def save_action(self, data: ContactInput) -> ChangeSet:
        if self.record_id is None:
            return create_contact(self.env.ctx.uow(), data, self.env.today(), self.consent.said())
        return update_contact(self.uow(), self.record_id, data, self.env.today(), self.consent.said())

    def saved_description(self, data: ContactInput) -> str:
        name = " ".join(p for p in (data.first_name.strip(), data.last_name.strip()) if p)
        if self.record_id is None:
            return self.tr("Added contact %1").replace("%1", name)
        return self.tr("Saved contact %1").replace("%1", name)
