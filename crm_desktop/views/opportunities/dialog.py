"""Create or edit a deal (opportunity)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_names
from crm_desktop.queries.contacts import contact_rows
from crm_desktop.queries.lookups import record_key
from crm_desktop.queries.picklists import pick_values
from crm_desktop.queries.stages import StageRow, stages
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.opportunities import (
    OpportunityInput,
    create_opportunity,
    opportunity_input,
    update_opportunity,
)
from crm_desktop.services.picklists import LOSS_REASON
from crm_desktop.ui.forms import DateEdit, MoneyEdit, RecordPicker, select_data
from crm_desktop.views.accounts.dialog import owner_combo
from crm_desktop.views.common import ViewEnv, account_choices, fill_campaigns, record_choices
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.opportunities.labels import CHANNELS, channel_label, stage_label
from crm_desktop.views.sales.lines_editor import LinesEditor


def loss_reasons(env: ViewEnv) -> list[str]:
    return pick_values(env.db, LOSS_REASON)


def contact_name(env: ViewEnv, contact_id: str) -> str:
    key = record_key(env.db, "contact", contact_id)
    rows = contact_rows(env.db, [key]) if key is not None else []
    return rows[0].name if rows else ""


class OpportunityDialog(RecordDialog):
    """New deal (record_id None) or edit one."""

    entity = Entity.OPPORTUNITY

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("opportunityDialog")
        self.setWindowTitle(self.tr("New deal") if record_id is None else self.tr("Edit deal"))
        self.resize(980, 820)
        self._kept = OpportunityInput(name="", stage_id="")  # fields the form does not show

        columns = QHBoxLayout()
        deal = QGroupBox(self.tr("Deal"))
        form = QFormLayout(deal)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. แอร์ 10 เครื่อง สำนักงานใหม่"))
        form.addRow(self.tr("Deal name *"), self.name)
        self.account = RecordPicker(
            lambda text: account_choices(env, text),
            placeholder=self.tr("Type part of the company's name (empty for a private customer)…"),
            no_match_text=self.tr("No matching account"),
        )
        self.account.setObjectName("accountPicker")
        form.addRow(self.tr("Customer"), self.account)
        self.contact = RecordPicker(
            lambda text: record_choices(env, "contact", text),
            placeholder=self.tr("Type part of the contact's name (optional)…"),
            no_match_text=self.tr("No matching contact"),
        )
        self.contact.setObjectName("contactPicker")
        form.addRow(self.tr("Contact"), self.contact)
        self.owner = owner_combo(env, self.tr("(nobody)"))
        form.addRow(self.tr("Owner"), self.owner)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("(not known)"), "")
        for key in CHANNELS:
            self.channel.addItem(channel_label(key), key)
        form.addRow(self.tr("Sales channel"), self.channel)
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaignCombo")
        self.campaign.setToolTip(self.tr("The marketing campaign this deal is credited to"))
        form.addRow(self.tr("Campaign"), self.campaign)
        self.competitor = QLineEdit()
        self.competitor.setMaxLength(200)
        form.addRow(self.tr("Competitor"), self.competitor)
        columns.addWidget(deal, 1)

        money = QGroupBox(self.tr("Stage and value"))
        mform = QFormLayout(money)
        self.stage_rows = stages(env.db)
        self.stage = QComboBox()
        self.stage.setObjectName("stageCombo")
        for stage in self.stage_rows:
            self.stage.addItem(stage_label(stage), stage.id)
        mform.addRow(self.tr("Stage *"), self.stage)
        self.loss_reason = QComboBox()
        self.loss_reason.setObjectName("lossReason")
        self.loss_reason.addItem(self.tr("(choose a reason)"), "")
        for value in loss_reasons(env):
            self.loss_reason.addItem(value, value)
        self.loss_label = self.tr("Loss reason *")
        mform.addRow(self.loss_label, self.loss_reason)
        self.amount = MoneyEdit("amount_satang")
        self.amount.setObjectName("amountEdit")
        mform.addRow(self.tr("Amount (baht)"), self.amount)
        self.probability = QSpinBox()
        self.probability.setObjectName("probabilitySpin")
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.probability.setToolTip(self.tr("Set from the stage when the stage changes; you may adjust it."))
        mform.addRow(self.tr("Probability"), self.probability)
        self.expected_close = DateEdit("expected_close", buddhist=env.buddhist, lang=env.lang)
        mform.addRow(self.tr("Expected close"), self.expected_close)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        mform.addRow(self.tr("Notes"), self.notes)
        self.money_form = mform
        columns.addWidget(money, 1)
        self.body.addLayout(columns)
        products = QGroupBox(self.tr("Products"))
        products.setToolTip(self.tr("With product lines, the deal's amount is their grand total."))
        plane = QVBoxLayout(products)
        self.lines_editor = LinesEditor(env, document_options=False)
        self.lines_editor.changed.connect(self._lines_changed)
        plane.addWidget(self.lines_editor)
        self.body.addWidget(products, 1)

        for key, widget in (
            ("name", self.name), ("account_id", self.account), ("contact_id", self.contact),
            ("owner_id", self.owner), ("channel", self.channel), ("campaign_id", self.campaign),
            ("competitor", self.competitor),
            ("stage_id", self.stage), ("loss_reason", self.loss_reason), ("amount_satang", self.amount),
            ("probability", self.probability), ("expected_close", self.expected_close), ("notes", self.notes),
            ("lines", self.lines_editor.table),
        ):
            self.errors.register(key, widget)

        data = self.stored() if record_id is not None else None
        fill_campaigns(self.campaign, env, data.campaign_id if data is not None else None, self.tr("(no campaign)"))
        if data is not None:
            self.fill(data)
        else:
            select_data(self.owner, env.ctx.user_id)
            self._stage_changed()
        self.stage.currentIndexChanged.connect(lambda *_: self._stage_changed())
        self._update_loss_row()
        self.remember_initial()
        self.name.setFocus()

    def _lines_changed(self) -> None:
        """With lines, the amount is theirs (read-only); without, it is typed."""
        has_lines = self.lines_editor.table.rowCount() > 0
        self.amount.setReadOnly(has_lines)
        totals = self.lines_editor.current_totals
        if has_lines and totals is not None:
            self.amount.setSatang(totals.grand_total)

    def _stage_row(self) -> StageRow | None:
        stage_id = self.stage.currentData()
        return next((s for s in self.stage_rows if s.id == stage_id), None)

    def _stage_changed(self) -> None:
        stage = self._stage_row()
        if stage is not None:
            self.probability.setValue(stage.probability)  # the stage's default; the user may change it
        self._update_loss_row()

    def _update_loss_row(self) -> None:
        stage = self._stage_row()
        self.money_form.setRowVisible(self.loss_reason, stage is not None and stage.kind == "lost")

    def load_input(self) -> OpportunityInput:
        return opportunity_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: OpportunityInput) -> None:
        self._kept = data
        self.name.setText(data.name)
        if data.account_id:
            names = account_names(self.env.db, [data.account_id])
            self.account.set_value(data.account_id, names.get(data.account_id, ""))
        if data.contact_id:
            self.contact.set_value(data.contact_id, contact_name(self.env, data.contact_id))
        select_data(self.owner, data.owner_id or "")
        if data.channel and self.channel.findData(data.channel) < 0:
            self.channel.addItem(channel_label(data.channel), data.channel)  # a channel outside the list
        select_data(self.channel, data.channel)
        select_data(self.campaign, data.campaign_id or "")
        self.competitor.setText(data.competitor)
        select_data(self.stage, data.stage_id)
        if data.loss_reason and self.loss_reason.findData(data.loss_reason) < 0:
            self.loss_reason.addItem(data.loss_reason, data.loss_reason)  # since removed from the list
        select_data(self.loss_reason, data.loss_reason)
        self.amount.setSatang(data.amount_satang)
        self.lines_editor.set_lines(data.lines or [])
        if data.probability is not None:
            self.probability.setValue(data.probability)
        self.expected_close.setDate(data.expected_close)
        self.notes.setPlainText(data.notes)

    def form_input(self) -> OpportunityInput:
        stage = self._stage_row()
        lost = stage is not None and stage.kind == "lost"
        return OpportunityInput(
            name=self.name.text(),
            stage_id=str(self.stage.currentData() or ""),
            amount_satang=self.amount.satang() or 0,
            probability=self.probability.value(),
            account_id=self.account.value(),
            contact_id=self.contact.value(),
            owner_id=str(self.owner.currentData() or "") or None,
            lead_id=self._kept.lead_id,
            campaign_id=str(self.campaign.currentData() or "") or None,
            expected_close=self.expected_close.date(),
            channel=str(self.channel.currentData() or ""),
            competitor=self.competitor.text(),
            loss_reason=str(self.loss_reason.currentData() or "") if lost else "",
            notes=self.notes.toPlainText(),
            lines=self.lines_editor.lines(),
        )

    def check_form(self) -> tuple[str, str] | None:
        if self.account.has_unchosen_text():
            return "account_id", self.tr("Choose the customer from the list that appears while you type, "
                                         "or clear the field.")
        if self.contact.has_unchosen_text():
            return "contact_id", self.tr("Choose the contact from the list that appears while you type, "
                                         "or clear the field.")
        return None

    def show_domain_error(self, err: DomainError) -> None:
        super().show_domain_error(err)
        self.lines_editor.show_error(err, self.env.lang)

    def save_action(self, data: OpportunityInput) -> ChangeSet:
        if self.record_id is None:
            return create_opportunity(self.env.ctx.uow(), data, self.env.now())
        return update_opportunity(self.uow(), self.record_id, data, self.env.now())

    def saved_description(self, data: OpportunityInput) -> str:
        if self.record_id is None:
            return self.tr("Added deal %1").replace("%1", data.name.strip())
        return self.tr("Saved deal %1").replace("%1", data.name.strip())
