"""The Marketing tab: campaigns (list, new, edit, delete with Undo; the chosen one's figures, ROI with
its method, and its members, paged lazily and filtered by response, responses set in bulk; the mail
merge) and the saved segments (new, open in the editor, delete)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.campaign_results import (
    RESPONSE_KEYS,
    MemberRow,
    campaign_roi,
    member_keys,
    member_rows,
    response_counts,
)
from crm_desktop.queries.campaigns import CampaignRow, campaigns
from crm_desktop.queries.segments import saved_segments
from crm_desktop.services.campaign_members import remove_members, set_response
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.company import company
from crm_desktop.services.segments import delete_segment, restore_segment
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm, show_error, show_warning
from crm_desktop.ui.record_table import RecordTable
from crm_desktop.ui.table_model import Column, LazyTableModel
from crm_desktop.ui.tasks import Task, run_task
from crm_desktop.views.common import ViewEnv, money_text
from crm_desktop.views.leads.campaigns_dialog import CampaignDialog, ask_to_delete_campaign, status_labels
from crm_desktop.views.leads.labels import source_label
from crm_desktop.views.marketing.add_people import AddPeopleDialog
from crm_desktop.views.marketing.segment_editor import SegmentEditor
from crm_desktop.views.marketing.widgets import add_buttons, headline


def response_labels() -> dict[str, str]:
    return {
        "added": QCoreApplication.translate("Marketing", "Added"),
        "sent": QCoreApplication.translate("Marketing", "Sent"),
        "opened": QCoreApplication.translate("Marketing", "Opened"),
        "replied": QCoreApplication.translate("Marketing", "Replied"),
        "interested": QCoreApplication.translate("Marketing", "Interested"),
        "bought": QCoreApplication.translate("Marketing", "Bought"),
        "unsubscribed": QCoreApplication.translate("Marketing", "Unsubscribed"),
    }


def _item(text: str, key: str | None = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MarketingTab(QWidget):
    NAME = "marketing"

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("marketingTab")
        self.campaign_rows: list[CampaignRow] = []
        self.last_message = ""  # what the last export or mail merge said (tests read it)
        self.merge_task: Task | None = None
        layout = QVBoxLayout(self)
        self.pages = QTabWidget()
        self.pages.setObjectName("marketingPages")
        layout.addWidget(self.pages)
        self.pages.addTab(self._campaigns_page(), self.tr("Campaigns"))
        self.pages.addTab(self._segments_page(), self.tr("Segments"))
        env.bus.changed.connect(self._on_changes)
        self.reload()

    # --- campaigns ------------------------------------------------------------------------------

    def _campaigns_page(self) -> QWidget:
        page = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal, page)
        box = QVBoxLayout(page)
        box.addWidget(split)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.campaign_table = QTableWidget(0, 4)
        self.campaign_table.setObjectName("campaignList")
        self.campaign_table.setHorizontalHeaderLabels([self.tr("Campaign"), self.tr("Channel"), self.tr("Status"),
                                                       self.tr("Cost (฿)")])
        self.campaign_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.campaign_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.campaign_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.campaign_table.verticalHeader().hide()
        self.campaign_table.horizontalHeader().setStretchLastSection(True)
        self.campaign_table.setColumnWidth(0, 220)
        self.campaign_table.itemSelectionChanged.connect(self.show_campaign)
        left_box.addWidget(self.campaign_table)
        buttons = QHBoxLayout()
        self.campaign_buttons = add_buttons(buttons, (("campaignNew", self.tr("New campaign…"), self.new_campaign),
                                                      ("campaignEdit", self.tr("Edit…"), self.edit_campaign),
                                                      ("campaignDelete", self.tr("Delete…"), self.delete_campaign)))
        self.campaign_buttons[2].setToolTip(self.tr("Delete the campaign with its members and their responses "
                                                    "(Undo brings it back)"))
        left_box.addLayout(buttons)
        split.addWidget(left)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.title = headline("campaignTitle", 1.3)
        right_box.addWidget(self.title)
        self.roi_label = QLabel()
        self.roi_label.setObjectName("campaignRoi")
        self.roi_label.setWordWrap(True)
        self.roi_label.setTextFormat(Qt.TextFormat.RichText)
        right_box.addWidget(self.roi_label)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Members:")))
        self.response_filter = QComboBox()
        self.response_filter.setObjectName("memberFilter")
        self.response_filter.addItem(self.tr("all responses"), "")
        for key in RESPONSE_KEYS:
            self.response_filter.addItem(response_labels()[key], key)
        self.response_filter.currentIndexChanged.connect(lambda *_: self.members_model.reload())
        filters.addWidget(self.response_filter)
        filters.addStretch(1)
        add_buttons(filters, (("memberAdd", self.tr("Add people…"), self.add_people),
                              ("memberResponse", self.tr("Set response…"), self.set_response),
                              ("memberRemove", self.tr("Remove"), self.remove_members),
                              ("campaignMerge", self.tr("Mail merge…"), self.mail_merge)))
        right_box.addLayout(filters)
        columns = [
            Column("name", self.tr("Name"), lambda r: r.name, width=180),
            Column("nickname", self.tr("Nickname"), lambda r: r.nickname, sortable=False, width=80),
            Column("company", self.tr("Company"), lambda r: r.company, width=160),
            Column("email", self.tr("E-mail"), lambda r: r.email, sortable=False, width=170),
            Column("status", self.tr("Response"), lambda r: response_labels().get(r.status, r.status), width=100),
            Column("responded_on", self.tr("On"), lambda r: self.env.date_text(r.responded_on), width=90),
            Column("consent", self.tr("Consent"), lambda r: self.tr("yes") if r.consent else self.tr("no"),
                   sortable=False, width=60),
        ]
        self.members_model = LazyTableModel(columns, self._member_keys, self._member_rows, sort="name")
        self.members = RecordTable("campaignMembers", self.members_model, self.env.prefs)
        right_box.addWidget(self.members, 1)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([430, 1000])
        return page

    def current_campaign(self) -> str | None:
        row = self.campaign_table.currentRow()
        item = self.campaign_table.item(row, 0) if row >= 0 else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _member_keys(self, sort: str, descending: bool) -> list[str]:
        campaign = self.current_campaign()
        if campaign is None:
            return []
        return member_keys(self.env.db, campaign, str(self.response_filter.currentData() or ""), sort, descending)

    def _member_rows(self, ids: Any) -> list[MemberRow]:
        return member_rows(self.env.db, list(ids))

    def reload(self) -> None:
        chosen = self.current_campaign()
        self.campaign_rows = campaigns(self.env.db, lead_counts=False)
        table = self.campaign_table
        table.blockSignals(True)
        table.setRowCount(len(self.campaign_rows))
        for i, c in enumerate(self.campaign_rows):
            table.setItem(i, 0, _item(c.name, c.id))
            table.setItem(i, 1, _item(source_label(c.channel)))
            table.setItem(i, 2, _item(status_labels().get(c.status, c.status)))
            table.setItem(i, 3, _item(money_text(c.cost_satang), right=True))
        ids = [c.id for c in self.campaign_rows]
        table.blockSignals(False)
        if ids:
            table.selectRow(ids.index(chosen) if chosen in ids else 0)
        _new, edit, delete = self.campaign_buttons
        edit.setEnabled(bool(ids))
        delete.setEnabled(bool(ids) and self.env.may_write(Entity.CAMPAIGN))  # the owner's and managers'
        self.show_campaign()
        self.reload_segments()

    def show_campaign(self) -> None:
        campaign = self.current_campaign()
        self.members_model.reload()
        if campaign is None:
            self.title.setText(self.tr("No campaign yet: add one with New campaign."))
            self.roi_label.setText("")
            return
        row = next(c for c in self.campaign_rows if c.id == campaign)
        dates = " – ".join(self.env.date_text(d) for d in (row.starts_on, row.ends_on) if d)
        self.title.setText(f"{row.name}  {dates}")
        self.roi_label.setText(self._roi_text(campaign))

    def _roi_text(self, campaign_id: str) -> str:
        roi = campaign_roi(self.env.db, campaign_id, self.env.today())
        counts = response_counts(self.env.db, campaign_id)
        labels = response_labels()
        responses = " · ".join(f"{labels[k]} {counts[k]:,}" for k in RESPONSE_KEYS if counts.get(k))
        roi_text = "—" if roi.roi is None else f"{roi.roi * 100:,.1f}%"
        parts = [
            self.tr("Members %1 (%2) · Leads %3 · Deals %4 · Orders %5").replace("%1", f"{roi.members:,}")
            .replace("%2", responses or "—").replace("%3", f"{roi.leads:,}").replace("%4", f"{roi.deals:,}")
            .replace("%5", f"{roi.orders:,}"),
            self.tr("Budget %1 · Cost %2 · Sales %3 · Margin %4 · <b>ROI %5</b>")
            .replace("%1", money_text(roi.budget)).replace("%2", money_text(roi.cost))
            .replace("%3", money_text(roi.sales)).replace("%4", money_text(roi.margin)).replace("%5", roi_text),
            "<small>" + self.tr("ROI = (margin from attributed orders − cost) / cost. Attributed: sales orders of "
                                "the campaign's deals, and orders of members marked Bought from the campaign's "
                                "start to 30 days after its end. Margin = sales before VAT less the products' "
                                "cost prices.") + "</small>",
        ]
        if roi.uncosted_lines:
            parts.append("<small>" + self.tr("%1 order lines (%2 of sales) have no cost price and are left out "
                                             "of the margin.").replace("%1", f"{roi.uncosted_lines:,}")
                         .replace("%2", money_text(roi.uncosted_sales)) + "</small>")
        if roi.roi is None:
            parts.append("<small>" + self.tr("Enter the campaign's cost to see its ROI.") + "</small>")
        return "<br>".join(parts)

    def new_campaign(self) -> None:
        CampaignDialog(self.env, None, parent=self).open()

    def edit_campaign(self) -> None:
        campaign = self.current_campaign()
        if campaign is not None:
            CampaignDialog(self.env, campaign, parent=self).open()

    def delete_campaign(self) -> QMessageBox | None:
        """Delete the chosen campaign after a question saying what goes with it; Undo brings it back."""
        campaign = self.current_campaign()
        if campaign is None:
            return None
        name = next(c.name for c in self.campaign_rows if c.id == campaign)
        return ask_to_delete_campaign(self, self.env, campaign, name)

    def add_people(self) -> AddPeopleDialog | None:
        campaign = self.current_campaign()
        if campaign is None:
            return None
        name = next(c.name for c in self.campaign_rows if c.id == campaign)
        dialog = AddPeopleDialog(self.env, campaign, name, self)
        dialog.open()
        return dialog

    def set_response(self) -> None:
        ids = self.members.selected_ids()
        if not ids:
            show_warning(self, self.tr("Select the members first."))
            return
        labels = response_labels()
        names = [labels[k] for k in RESPONSE_KEYS]
        name, ok = QInputDialog.getItem(self, self.tr("Set response"),
                                        self.tr("Response of the %1 selected members:").replace("%1", str(len(ids))),
                                        names, 1, False)
        if ok:
            status = RESPONSE_KEYS[names.index(name)]
            perform(self, self.env.bus, self.env.lang,
                    lambda: set_response(self.env.ctx.uow(), ids, status, self.env.today()),
                    description=self.tr("Responses saved"))

    def remove_members(self) -> None:
        ids = self.members.selected_ids()
        if ids:
            confirm(self, self.tr("Remove members"),
                    self.tr("Remove the %1 selected members from the campaign?").replace("%1", str(len(ids))),
                    lambda: perform(self, self.env.bus, self.env.lang,
                                    lambda: remove_members(self.env.ctx.uow(), ids),
                                    description=self.tr("Members removed")),
                    yes_text=self.tr("Remove"))

    def mail_merge(self) -> None:
        campaign = self.current_campaign()
        if campaign is None:
            return
        kinds = [self.tr("E-mail: one .eml file per member in a new folder"),
                 self.tr("LINE Official Account: one CSV for a broadcast")]
        kind, ok = QInputDialog.getItem(self, self.tr("Mail merge"), self.tr("Write:"), kinds, 0, False)
        if not ok:
            return
        from crm_desktop.exchange.mail_merge import write_eml_folder, write_line_csv

        name = next(c.name for c in self.campaign_rows if c.id == campaign)
        db, now = self.env.db, self.env.now()
        if kind == kinds[0]:
            parent = QFileDialog.getExistingDirectory(self, self.tr("Folder to write the messages in"))
            if not parent:
                return
            dest = Path(parent) / f"{name} {self.env.today().isoformat()}"
            shop = company(self.env.ctx.uow())
            sender = (shop.name_th or shop.name_en, shop.email)

            def work(progress: Any) -> Any:
                return write_eml_folder(db, campaign, dest, sender, now, progress)
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("LINE broadcast file"), f"{name}.csv", "CSV (*.csv)")
            if not path:
                return

            def work(progress: Any) -> Any:
                return write_line_csv(db, campaign, Path(path), progress, force=True)

        self.merge_task = run_task(self, work, title=self.tr("Mail merge"), label=self.tr("Writing the messages…"),
                                   on_done=self._merged, on_error=self._merge_failed)

    def _merge_failed(self, exc: BaseException) -> None:
        """A failure is shown; Cancel (the work stopped with nothing written) is not a failure."""
        if self.merge_task is None or not self.merge_task.cancel_requested:
            show_error(self, exc, self.env.lang)

    def _merged(self, result: Any) -> None:
        perform(self, self.env.bus, self.env.lang,
                lambda: set_response(self.env.ctx.uow(), result.member_ids, "sent", self.env.today(),
                                     only_from="added"))
        text = self.tr("%1 messages written to %2. Left out: %3 without marketing consent, %4 without an address."
                       ).replace("%1", f"{result.written:,}").replace("%2", str(result.path)) \
            .replace("%3", f"{result.no_consent:,}").replace("%4", f"{result.no_address:,}")
        self.last_message = text
        show_warning(self, text, title=self.tr("Mail merge"))

    # --- segments --------------------------------------------------------------------------------

    def _segments_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        intro = QLabel(self.tr("A segment is a saved filter of contacts or companies: who they are, where they "
                               "live, what they bought and when they were last contacted. Open one to see how "
                               "many it holds, add them to a campaign or export them."))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.segment_table = QTableWidget(0, 3)
        self.segment_table.setObjectName("segmentList")
        self.segment_table.setHorizontalHeaderLabels([self.tr("Segment"), self.tr("Of"), self.tr("Kind")])
        self.segment_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.segment_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.segment_table.verticalHeader().hide()
        self.segment_table.horizontalHeader().setStretchLastSection(True)
        self.segment_table.setColumnWidth(0, 320)
        self.segment_table.doubleClicked.connect(lambda *_: self.open_segment())
        box.addWidget(self.segment_table, 1)
        buttons = QHBoxLayout()
        add_buttons(buttons, (("segmentNew", self.tr("New segment…"), self.new_segment),
                              ("segmentOpen", self.tr("Open…"), self.open_segment),
                              ("segmentDelete", self.tr("Delete"), self.delete_segment)))
        buttons.addStretch(1)
        box.addLayout(buttons)
        return page

    def reload_segments(self) -> None:
        self.segments = saved_segments(self.env.db)
        table = self.segment_table
        table.setRowCount(len(self.segments))
        for i, s in enumerate(self.segments):
            table.setItem(i, 0, _item(s.name, s.id))
            table.setItem(i, 1, _item(self.tr("Contacts") if s.kind == "contacts" else self.tr("Companies")))
            table.setItem(i, 2, _item(self.tr("Static list") if s.static else self.tr("Dynamic filter")))

    def _current_segment(self) -> Any:
        row = self.segment_table.currentRow()
        return self.segments[row] if 0 <= row < len(self.segments) else None

    def new_segment(self) -> SegmentEditor:
        editor = SegmentEditor(self.env, None, self)
        editor.open()
        return editor

    def open_segment(self) -> SegmentEditor | None:
        segment = self._current_segment()
        if segment is None:
            return None
        editor = SegmentEditor(self.env, segment, self)
        editor.open()
        return editor

    def delete_segment(self) -> None:
        segment = self._current_segment()
        if segment is None:
            return
        text = self.tr("Deleted segment %1").replace("%1", segment.name)
        if perform(self, self.env.bus, self.env.lang, lambda: delete_segment(self.env.ctx.uow(), segment.id),
                   description=text) is not None:
            ctx = self.env.ctx
            self.env.undo.offer(Entity.SEGMENT, (segment.id,), lambda: restore_segment(ctx.uow(), segment.id), text)

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.CAMPAIGN, Entity.CAMPAIGN_MEMBER, Entity.SEGMENT, Entity.SALES_ORDER,
                           Entity.OPPORTUNITY, Entity.LEAD):
            self.reload()
