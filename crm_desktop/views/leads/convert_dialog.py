"""Convert a qualified lead: the dialog shows what will be created (company, contact, optional deal)
and runs `convert_lead` as one action; the tabs refresh through the change bus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.leads import LeadDetail, lead_detail
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.convert import ConvertOptions, convert_lead
from crm_desktop.ui.forms import DateEdit, MoneyEdit, RecordPicker
from crm_desktop.views.common import ViewEnv, account_choices
from crm_desktop.views.leads.actions import ActionDialog

NEW, EXISTING, NONE = "new", "existing", "none"


def person_name(detail: LeadDetail) -> str:
    return " ".join(p for p in (detail.prefix, detail.first_name, detail.last_name) if p)


def deal_name(detail: LeadDetail) -> str:
    """ "<interest> – <company or person>", or just the company or person without an interest."""
    who = detail.company_name or " ".join(p for p in (detail.first_name, detail.last_name) if p)
    return " – ".join(p for p in (detail.interest, who) if p)


class ConvertDialog(ActionDialog):
    """Shows the company, contact and (optional) deal the lead becomes; OK converts in one action."""

    def __init__(self, env: ViewEnv, lead_id: str, lead_name: str, parent: QWidget | None = None) -> None:
        super().__init__(env, lead_id, parent)
        self.setObjectName("convertDialog")
        self.setWindowTitle(self.tr("Convert lead"))
        self.ok_button.setText(self.tr("Convert"))
        self.setMinimumWidth(520)
        detail = lead_detail(env.db, lead_id)
        assert detail is not None, "the tab only opens the dialog for a shown lead"
        self.detail = detail
        self.lead_name = lead_name
        intro = QLabel(self.tr("Converting %1 creates these customer records:").replace("%1", lead_name))
        intro.setWordWrap(True)
        self.form.addRow(intro)

        # Company: a new one from the lead's company name, an existing one, or none (private customer).
        company = QGroupBox(self.tr("Company"))
        company_layout = QVBoxLayout(company)
        self.company_choice = QButtonGroup(self)
        if detail.company_name:
            self.new_company = QRadioButton(self.tr("New company: %1").replace("%1", detail.company_name))
        else:
            self.new_company = QRadioButton(self.tr("No company (a private customer)"))
        self.new_company.setObjectName("newCompanyOption")
        self.existing_company = QRadioButton(self.tr("Attach to an existing company"))
        self.existing_company.setObjectName("existingCompanyOption")
        self.account = RecordPicker(
            lambda text: account_choices(env, text),
            placeholder=self.tr("Type part of the company's name…"),
            no_match_text=self.tr("No matching account"),
        )
        self.account.setObjectName("convertAccountPicker")
        for button in (self.new_company, self.existing_company):
            self.company_choice.addButton(button)
            company_layout.addWidget(button)
        company_layout.addWidget(self.account)
        self.new_company.setChecked(True)
        self.existing_company.toggled.connect(self._update_enabled)
        self.account.picked.connect(self._account_picked)
        self.form.addRow(company)

        # Contact: always, from the person on the lead.
        contact = QGroupBox(self.tr("Contact"))
        contact_layout = QVBoxLayout(contact)
        if detail.first_name:
            text = self.tr("New contact: %1").replace("%1", person_name(detail))
        else:
            text = self.tr("The lead has no person's first name: add it to the lead before converting.")
        self.contact_label = QLabel(text)
        self.contact_label.setObjectName("convertContact")
        self.contact_label.setWordWrap(True)
        contact_layout.addWidget(self.contact_label)
        self.form.addRow(contact)

        # Deal: optional, prefilled from the lead's interest and budget.
        deal = QGroupBox(self.tr("Deal"))
        deal_layout = QVBoxLayout(deal)
        self.create_deal = QCheckBox(self.tr("Also create a deal"))
        self.create_deal.setObjectName("createDeal")
        deal_layout.addWidget(self.create_deal)
        deal_form = QFormLayout()
        self.deal_name = QLineEdit(deal_name(detail))
        self.deal_name.setObjectName("dealName")
        self.deal_name.setMaxLength(200)
        deal_form.addRow(self.tr("Name *"), self.deal_name)
        self.amount = MoneyEdit("amount_satang")
        self.amount.setSatang(detail.budget_satang)
        self.amount.setObjectName("dealAmount")
        deal_form.addRow(self.tr("Amount (฿)"), self.amount)
        self.expected_close = DateEdit("expected_close", buddhist=env.buddhist, lang=env.lang)
        self.expected_close.setObjectName("dealExpectedClose")
        deal_form.addRow(self.tr("Expected close"), self.expected_close)
        deal_layout.addLayout(deal_form)
        self.create_deal.toggled.connect(self._update_enabled)
        self.create_deal.setChecked(bool(detail.interest or detail.budget_satang))
        self.form.addRow(deal)

        for key, widget in (("account_id", self.account), ("opportunity_name", self.deal_name),
                            ("amount", self.amount), ("amount_satang", self.amount),
                            ("expected_close", self.expected_close)):
            self.errors.register(key, widget)
        self._update_enabled()

    def _account_picked(self, account_id: object) -> None:
        if account_id:
            self.existing_company.setChecked(True)

    def _update_enabled(self, *_args: object) -> None:
        self.account.setEnabled(self.existing_company.isChecked())
        on = self.create_deal.isChecked()
        for widget in (self.deal_name, self.amount, self.expected_close):
            widget.setEnabled(on)

    def options(self) -> ConvertOptions:
        """The form as the service's options; raises ValidationError for an unreadable amount or date."""
        account_id = self.account.value() if self.existing_company.isChecked() else None
        if not self.create_deal.isChecked():
            return ConvertOptions(account_id=account_id)
        return ConvertOptions(
            account_id=account_id,
            create_opportunity=True,
            opportunity_name=self.deal_name.text(),
            amount_satang=self.amount.satang() or 0,
            expected_close=self.expected_close.date(),
        )

    def run(self) -> bool:
        if self.existing_company.isChecked() and self.account.value() is None:
            self.errors.show_text("account_id", self.tr("Choose the company from the list, or create a new one."))
            return False
        return super().run()

    def action(self) -> Callable[[], ChangeSet]:
        opts = self.options()
        return lambda: convert_lead(self.env.ctx.uow(), self.lead_id, opts, self.env.today())

    def description(self) -> str:
        return self.tr("Converted %1").replace("%1", self.lead_name)
