"""Create or edit a lead: every field of LeadInput, the campaign it came from included."""

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

from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.duplicates import DuplicateProbe
from crm_desktop.services.leads import TIMEFRAMES, LeadInput, create_lead, lead_input, update_lead
from crm_desktop.ui.forms import EmailEdit, MoneyEdit, PhoneEdit, ProvinceCombo, editable_combo, select_data
from crm_desktop.views.accounts.dialog import owner_combo
from crm_desktop.views.common import ViewEnv, fill_campaigns
from crm_desktop.views.consent import ConsentEditor
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.leads.actions import source_keys
from crm_desktop.views.leads.labels import source_label, timeframe_label

PREFIXES = ("นาย", "นาง", "นางสาว", "คุณ", "ดร.")


class LeadDialog(RecordDialog):
    """New lead (record_id None) or edit one."""

    entity = Entity.LEAD

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("leadDialog")
        self.setWindowTitle(self.tr("New lead") if record_id is None else self.tr("Edit lead"))
        self.resize(920, 560)
        self._source_kept = ""

        columns = QHBoxLayout()
        person = QGroupBox(self.tr("Person and company"))
        form = QFormLayout(person)
        self.prefix = editable_combo(list(PREFIXES))
        form.addRow(self.tr("Prefix"), self.prefix)
        self.first_name = QLineEdit()
        self.first_name.setMaxLength(100)
        form.addRow(self.tr("First name"), self.first_name)
        self.last_name = QLineEdit()
        self.last_name.setMaxLength(100)
        form.addRow(self.tr("Last name"), self.last_name)
        self.company_name = QLineEdit()
        self.company_name.setMaxLength(200)
        self.company_name.setPlaceholderText(self.tr("e.g. บริษัท สยามการค้า จำกัด"))
        form.addRow(self.tr("Company"), self.company_name)
        self.position = QLineEdit()
        self.position.setMaxLength(100)
        form.addRow(self.tr("Position"), self.position)
        self.mobile = PhoneEdit("mobile", mobile=True)
        form.addRow(self.tr("Mobile"), self.mobile)
        self.phone = PhoneEdit("phone")
        form.addRow(self.tr("Phone"), self.phone)
        self.email = EmailEdit()
        form.addRow(self.tr("E-mail"), self.email)
        self.line_id = QLineEdit()
        self.line_id.setMaxLength(60)
        self.line_id.setPlaceholderText("@somchai")
        form.addRow(self.tr("LINE ID"), self.line_id)
        self.tax_id = QLineEdit()
        self.tax_id.setMaxLength(20)
        self.tax_id.setPlaceholderText("0-1055-36061-47-9")
        form.addRow(self.tr("Tax ID"), self.tax_id)
        self.province = ProvinceCombo(env.lang)
        form.addRow(self.tr("Province"), self.province)
        columns.addWidget(person, 1)

        deal = QGroupBox(self.tr("Interest"))
        dform = QFormLayout(deal)
        self.interest = QLineEdit()
        self.interest.setPlaceholderText(self.tr("comma-separated, e.g. แอร์, ติดตั้ง"))
        dform.addRow(self.tr("Interested in"), self.interest)
        self.budget = MoneyEdit("budget_satang")
        dform.addRow(self.tr("Budget (baht)"), self.budget)
        self.timeframe = QComboBox()
        self.timeframe.addItem(self.tr("(not known)"), "")
        for key in TIMEFRAMES:
            self.timeframe.addItem(timeframe_label(key), key)
        dform.addRow(self.tr("Buying timeframe"), self.timeframe)
        self.source = QComboBox()
        self.source.addItem(self.tr("(not known)"), "")
        for key in source_keys(env):
            self.source.addItem(source_label(key), key)
        dform.addRow(self.tr("Source"), self.source)
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaignCombo")
        self.campaign.setToolTip(self.tr("The campaign that brought this lead"))
        dform.addRow(self.tr("Campaign"), self.campaign)
        self.owner = owner_combo(env, self.tr("(nobody)"))
        dform.addRow(self.tr("Owner"), self.owner)
        self.consent = ConsentEditor(env)
        dform.addRow(self.tr("Consent"), self.consent)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        dform.addRow(self.tr("Notes"), self.notes)
        columns.addWidget(deal, 1)
        self.body.addLayout(columns)
        self.body.addWidget(QLabel(self.tr("Enter at least the person's first name or the company name.")))

        for key, widget in (
            ("prefix", self.prefix), ("first_name", self.first_name), ("last_name", self.last_name),
            ("company_name", self.company_name), ("position", self.position), ("mobile", self.mobile),
            ("phone", self.phone), ("email", self.email), ("line_id", self.line_id), ("tax_id", self.tax_id),
            ("province", self.province), ("interest", self.interest), ("budget_satang", self.budget),
            ("timeframe", self.timeframe), ("source", self.source), ("campaign_id", self.campaign),
            ("owner_id", self.owner), ("notes", self.notes), ("marketing_consent", self.consent.given),
            ("consent_on", self.consent.since), ("consent_channel", self.consent.channel),
            ("consent_wording", self.consent.wording),
        ):
            self.errors.register(key, widget)

        data = self.stored() if record_id is not None else None
        self._load_campaigns(data.campaign_id if data is not None else None)
        if data is not None:
            self.fill(data)
        else:
            select_data(self.owner, env.ctx.user_id)
        self.campaign.currentIndexChanged.connect(self._campaign_chosen)
        self.remember_initial()
        self.first_name.setFocus()

    def _load_campaigns(self, kept_id: str | None) -> None:
        """Live campaigns, plus the lead's own one if it was deleted since (the link is kept)."""
        rows = fill_campaigns(self.campaign, self.env, kept_id, self.tr("(no campaign)"))
        self._channels = {row.id: row.channel for row in rows}

    def _campaign_chosen(self, *_args: object) -> None:
        """A lead from a campaign came through the campaign's channel: fill an empty source with it."""
        campaign_id = str(self.campaign.currentData() or "")
        if not campaign_id or self.source.currentData():
            return
        channel = self._channels.get(campaign_id, "")
        found = self.source.findData(channel) if channel else -1
        self.source.setCurrentIndex(found if found >= 0 else max(0, self.source.findData("campaign")))

    def load_input(self) -> LeadInput:
        return lead_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: LeadInput) -> None:
        self.prefix.setEditText(data.prefix)
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.company_name.setText(data.company_name)
        self.position.setText(data.position)
        self.mobile.setPhone(data.mobile)
        self.phone.setPhone(data.phone)
        self.email.setText(data.email)
        self.line_id.setText(data.line_id)
        self.tax_id.setText(data.tax_id)
        self.province.setProvince(data.province)
        self.interest.setText(data.interest)
        self.budget.setSatang(data.budget_satang)
        select_data(self.timeframe, data.timeframe)
        if data.source and self.source.findData(data.source) < 0:
            # A source since removed from the list: keep it selectable for this lead.
            self.source.addItem(source_label(data.source), data.source)
        select_data(self.source, data.source)
        select_data(self.campaign, data.campaign_id or "")
        select_data(self.owner, data.owner_id or "")
        self.notes.setPlainText(data.notes)
        self.consent.fill(data.marketing_consent, data.consent_on)

    def duplicate_probe(self, data: LeadInput) -> DuplicateProbe:
        return DuplicateProbe("lead", first_name=data.first_name, last_name=data.last_name,
                              company_name=data.company_name, phones=(data.mobile, data.phone), email=data.email,
                              tax_id=data.tax_id, exclude_id=self.record_id)

    def form_input(self) -> LeadInput:
        return LeadInput(
            prefix=self.prefix.currentText().strip(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            company_name=self.company_name.text(),
            position=self.position.text(),
            mobile=self.mobile.phone(),
            phone=self.phone.phone(),
            email=self.email.text(),
            line_id=self.line_id.text(),
            tax_id=self.tax_id.text(),
            province=self.province.province(),
            interest=self.interest.text(),
            budget_satang=self.budget.satang(),
            timeframe=str(self.timeframe.currentData() or ""),
            source=str(self.source.currentData() or ""),
            campaign_id=str(self.campaign.currentData() or "") or None,
            owner_id=str(self.owner.currentData() or "") or None,
            notes=self.notes.toPlainText(),
            marketing_consent=self.consent.given.isChecked(),
            consent_on=self.consent.since_date(),
        )

    def save_action(self, data: LeadInput) -> ChangeSet:
        if self.record_id is None:
            return create_lead(self.env.ctx.uow(), data, self.consent.said())
        return update_lead(self.uow(), self.record_id, data, self.consent.said())

    def saved_description(self, data: LeadInput) -> str:
        name = " ".join(p for p in (data.first_name.strip(), data.last_name.strip()) if p)
        name = name or data.company_name.strip()
        if self.record_id is None:
            return self.tr("Added lead %1").replace("%1", name)
        return self.tr("Saved lead %1").replace("%1", name)
