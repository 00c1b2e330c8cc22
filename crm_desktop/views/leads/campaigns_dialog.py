"""The marketing campaigns leads are attributed to: a list with Add / Edit / Delete, and the editor of
one campaign (name, channel, status, dates, cost, notes).

Every change goes out on the bus as a change set of campaigns; the Leads tab reloads its campaign filter
and the campaign names its rows show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.campaign_results import response_counts
from crm_desktop.queries.campaigns import CampaignRow, campaigns
from crm_desktop.services.campaigns import (
    ENTITY,
    CampaignInput,
    campaign_input,
    create_campaign,
    delete_campaign,
    restore_campaign,
    update_campaign,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.ui.forms import DateEdit, MoneyEdit, select_data
from crm_desktop.views.common import ViewEnv, money_text
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.leads.actions import source_keys
from crm_desktop.views.leads.labels import source_label
from crm_desktop.views.settings.list_editor import ListEditorDialog

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def status_labels() -> dict[str, str]:
    return {
        "planned": QCoreApplication.translate("CampaignLabels", "Planned"),
        "active": QCoreApplication.translate("CampaignLabels", "Active"),
        "done": QCoreApplication.translate("CampaignLabels", "Done"),
    }


class CampaignDialog(RecordDialog):
    """Add a campaign (campaign_id None) or edit one."""

    entity = Entity.CAMPAIGN

    def __init__(self, env: ViewEnv, campaign_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, campaign_id, parent)
        self.setObjectName("campaignDialog")
        self.setWindowTitle(self.tr("New campaign") if campaign_id is None else self.tr("Edit campaign"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("campaignName")
        self.name.setMaxLength(200)
        self.name.setMinimumWidth(340)
        self.name.setPlaceholderText(self.tr("e.g. งานบ้านและสวนแฟร์ 2569"))
        form.addRow(self.tr("Name *"), self.name)
        self.channel = QComboBox()
        self.channel.setObjectName("campaignChannel")
        self.channel.setEditable(True)
        self.channel.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.channel.addItem("", "")
        for key in source_keys(env):
            if key != "campaign":  # the lead source that means "a campaign", not a channel
                self.channel.addItem(source_label(key), key)
        self.channel.setToolTip(self.tr("Where the campaign runs: pick a lead source or type your own"))
        form.addRow(self.tr("Channel"), self.channel)
        self.status = QComboBox()
        self.status.setObjectName("campaignStatus")
        for key, text in status_labels().items():
            self.status.addItem(text, key)
        form.addRow(self.tr("Status"), self.status)
        self.starts_on = DateEdit("starts_on", buddhist=env.buddhist, lang=env.lang)
        self.starts_on.setObjectName("campaignStarts")
        form.addRow(self.tr("Starts"), self.starts_on)
        self.ends_on = DateEdit("ends_on", buddhist=env.buddhist, lang=env.lang)
        self.ends_on.setObjectName("campaignEnds")
        form.addRow(self.tr("Ends"), self.ends_on)
        self.cost = MoneyEdit("cost_satang")
        self.cost.setObjectName("campaignCost")
        form.addRow(self.tr("Cost (baht)"), self.cost)
        self.budget = MoneyEdit("budget_satang")
        self.budget.setObjectName("campaignBudget")
        form.addRow(self.tr("Budget (baht)"), self.budget)
        self.subject = QLineEdit()
        self.subject.setObjectName("campaignSubject")
        self.subject.setMaxLength(300)
        self.subject.setPlaceholderText(self.tr("e.g. ข่าวดีสำหรับคุณ{ชื่อ}"))
        form.addRow(self.tr("Message subject"), self.subject)
        self.body_text = QPlainTextEdit()
        self.body_text.setObjectName("campaignBody")
        self.body_text.setTabChangesFocus(True)
        self.body_text.setMaximumHeight(120)
        self.body_text.setPlaceholderText(self.tr("Fields: {ชื่อ} {ชื่อเล่น} {บริษัท} {นามสกุล} {จังหวัด} "
                                                  "(or {first_name} {nickname} {company}…)"))
        form.addRow(self.tr("Message"), self.body_text)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("campaignNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(100)
        form.addRow(self.tr("Notes"), self.notes)
        self.body.addLayout(form)
        for key, widget in (
            ("name", self.name),
            ("channel", self.channel),
            ("status", self.status),
            ("starts_on", self.starts_on),
            ("ends_on", self.ends_on),
            ("cost_satang", self.cost),
            ("notes", self.notes),
            ("budget_satang", self.budget),
            ("template_subject", self.subject),
            ("template_body", self.body_text),
        ):
            self.errors.register(key, widget)
        if campaign_id is not None:
            self.fill(self.stored())
        self.remember_initial()
        self.name.setFocus()

    def load_input(self) -> CampaignInput:
        return campaign_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: CampaignInput) -> None:
        self.name.setText(data.name)
        found = self.channel.findData(data.channel)
        if found >= 0:
            self.channel.setCurrentIndex(found)
        else:
            self.channel.setEditText(data.channel)
        select_data(self.status, data.status)
        self.starts_on.setDate(data.starts_on)
        self.ends_on.setDate(data.ends_on)
        self.cost.setSatang(data.cost_satang)
        self.notes.setPlainText(data.notes)
        self.budget.setSatang(data.budget_satang)
        self.subject.setText(data.template_subject)
        self.body_text.setPlainText(data.template_body)

    def channel_value(self) -> str:
        """The source key of a chosen label, or the text as typed."""
        text = self.channel.currentText().strip()
        found = self.channel.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        return str(self.channel.itemData(found) or "") if found >= 0 else text

    def form_input(self) -> CampaignInput:
        return CampaignInput(
            name=self.name.text(),
            channel=self.channel_value(),
            status=str(self.status.currentData()),
            starts_on=self.starts_on.date(),
            ends_on=self.ends_on.date(),
            cost_satang=self.cost.satang() or 0,
            notes=self.notes.toPlainText(),
            budget_satang=self.budget.satang() or 0,
            template_subject=self.subject.text(),
            template_body=self.body_text.toPlainText(),
        )

    def save_action(self, data: CampaignInput) -> ChangeSet:
        if self.record_id is None:
            return create_campaign(self.env.ctx.uow(), data)
        return update_campaign(self.uow(), self.record_id, data)

    def saved_description(self, data: CampaignInput) -> str:
        return self.tr("Campaign %1 saved").replace("%1", data.name.strip())


class CampaignsDialog(ListEditorDialog):
    """The campaigns, undated ones first and then the newest; Add / Edit / Delete."""

    ENTITY = ENTITY

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.campaigns: list[CampaignRow] = []
        self.setObjectName("campaignsDialog")
        self.setWindowTitle(self.tr("Campaigns"))
        self.resize(900, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a lead's campaign in the lead form; the Leads tab can filter by campaign. A campaign "
                "still linked to leads or deals cannot be deleted: mark it as done instead."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        headers = [
            self.tr("Campaign"),
            self.tr("Channel"),
            self.tr("Status"),
            self.tr("Starts"),
            self.tr("Ends"),
            self.tr("Cost (฿)"),
            self.tr("Leads"),
        ]
        buttons = self.build_list(
            layout, headers, "campaign", self.add_campaign, self.edit_campaign, self.delete_campaign
        )
        self.add_close_button(buttons)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.campaigns = campaigns(self.env.db)
        self.set_rows([(c.id, self._cells(c)) for c in self.campaigns], {5: RIGHT, 6: RIGHT})

    def _cells(self, row: CampaignRow) -> list[str]:
        date_text = self.env.date_text
        return [
            row.name,
            source_label(row.channel),
            status_labels().get(row.status, row.status),
            date_text(row.starts_on),
            date_text(row.ends_on),
            money_text(row.cost_satang),
            str(row.lead_count),
        ]

    def update_buttons(self) -> None:
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def make_editor(self, record_id: str | None) -> CampaignDialog:
        return CampaignDialog(self.env, record_id, parent=self)

    def add_campaign(self) -> RecordDialog:
        return self.open_editor(None)

    def edit_campaign(self) -> RecordDialog | None:
        campaign_id = self.current_id()
        return None if campaign_id is None else self.open_editor(campaign_id)

    def delete_campaign(self) -> QMessageBox | None:
        campaign_id = self.current_id()
        if campaign_id is None:
            return None
        name = next((c.name for c in self.campaigns if c.id == campaign_id), "")
        return ask_to_delete_campaign(self, self.env, campaign_id, name, self.reload)


def ask_to_delete_campaign(parent: QWidget, env: ViewEnv, campaign_id: str, name: str,
                           after: Callable[[], None] | None = None) -> QMessageBox:
    """Ask, saying what goes with the campaign (its members and their responses; orders stay, a campaign
    leads or deals point at is refused by the service), then delete it with Undo; `after` runs once done.
    The Leads tab's campaign list and the Marketing tab both delete through here."""
    members = sum(response_counts(env.db, campaign_id).values())
    text = QCoreApplication.translate("CampaignsDialog", "Deleted campaign %1").replace("%1", name)

    def delete() -> None:
        if perform(parent, env.bus, env.lang, lambda: delete_campaign(env.ctx.uow(), campaign_id),
                   description=text) is None:
            return
        if after is not None:
            after()
        ctx = env.ctx
        env.undo.offer(ENTITY, (campaign_id,), lambda: restore_campaign(ctx.uow(), campaign_id), text)

    return confirm(
        parent,
        QCoreApplication.translate("CampaignsDialog", "Delete campaign"),
        QCoreApplication.translate("CampaignsDialog", "Delete the campaign %1?").replace("%1", name),
        delete,
        yes_text=QCoreApplication.translate("CampaignsDialog", "Delete"),
        informative=QCoreApplication.translate(
            "CampaignsDialog", "Its %n member(s) and their responses go with it; orders stay as they are. Undo "
            "brings it all back. A campaign still linked to leads or deals cannot be deleted: mark it as done "
            "instead.", "", members),
    )
