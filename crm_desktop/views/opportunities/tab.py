"""The Deals tab (opportunities): the sales pipeline as a list or as a board, its weighted total,
and each deal's stage timeline beside the list."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.money import line_amounts
from crm_desktop.queries.campaigns import campaign_names
from crm_desktop.queries.lookups import record_key, users
from crm_desktop.queries.opportunities import (
    OpportunityFilter,
    OpportunityRow,
    opportunity_head,
    opportunity_keys,
    opportunity_rows,
    pipeline_totals,
    stage_timeline,
)
from crm_desktop.queries.stages import StageRow, stages
from crm_desktop.services.activities.edit import ActivityInput
from crm_desktop.services.changes import Changes, ChangeSet, Entity
from crm_desktop.services.formatting import format_date_long, format_money
from crm_desktop.services.opportunities import (
    OpportunityInput,
    delete_opportunities,
    opportunity_input,
    restore_opportunities,
)
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.ui.forms import select_data
from crm_desktop.ui.table_model import CENTER, RIGHT, Column
from crm_desktop.views.common import DetailForm, ViewEnv, money_text
from crm_desktop.views.list_export import baht_cell
from crm_desktop.views.months import MONTHS_AROUND, month_key
from crm_desktop.views.opportunities.board import PipelineBoard
from crm_desktop.views.opportunities.dialog import (
    CHANNELS,
    OpportunityDialog,
    channel_label,
    contact_name,
    stage_label,
)
from crm_desktop.views.opportunities.lines_dialog import DealLinesDialog
from crm_desktop.views.opportunities.stages_dialog import StagesDialog
from crm_desktop.views.opportunities.targets_dialog import TargetsDialog
from crm_desktop.views.record_tab import RecordTab
from crm_desktop.views.sales.lines_editor import quantity_text
from crm_desktop.views.timeline import TimelineView


class OpportunitiesTab(RecordTab):
    ENTITY = Entity.OPPORTUNITY
    DELETE = staticmethod(delete_opportunities)
    RESTORE = staticmethod(restore_opportunities)
    NAME = "opportunities"
    QUOTES = True

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        self._stages: dict[str, StageRow] = {}
        self._current: OpportunityRow | None = None
        self.stages_dialog: StagesDialog | None = None
        self.targets_dialog: TargetsDialog | None = None
        self._loaded_stages(env)
        super().__init__(env, parent)
        # Second row: List / Board, and the pipeline's totals for the current filter.
        row = QHBoxLayout()
        self.list_button = self._view_button(self.tr("List"), QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.list_button.setObjectName("listViewButton")
        self.board_button = self._view_button(self.tr("Board"), QStyle.StandardPixmap.SP_FileDialogListView)
        self.board_button.setObjectName("boardViewButton")
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_group.addButton(self.list_button, 0)
        self.view_group.addButton(self.board_button, 1)
        row.addWidget(self.list_button)
        row.addWidget(self.board_button)
        row.addSpacing(16)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("pipelineTotals")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(self.totals_label)
        row.addStretch(1)
        self.stages_button = QPushButton(self.tr("Stages…"))
        self.stages_button.setObjectName("stagesButton")
        self.stages_button.setToolTip(self.tr("Add, rename, reorder or delete the pipeline stages"))
        self.stages_button.clicked.connect(lambda: self.open_stages())
        row.addWidget(self.stages_button)
        self.targets_button = QPushButton(self.tr("Targets…"))
        self.targets_button.setObjectName("targetsButton")
        self.targets_button.setToolTip(self.tr("Monthly sales targets, attainment and commission per rep"))
        self.targets_button.clicked.connect(lambda: self.open_targets())
        row.addWidget(self.targets_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, row)

        self.board = PipelineBoard(env, self.current_filter)
        self.board.open_deal.connect(lambda deal_id: self.edit_record(deal_id))
        self.stack = QStackedWidget()
        self.stack.setObjectName("opportunityViews")
        layout.removeWidget(self.splitter)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.board)
        layout.addWidget(self.stack, 1)
        self.list_button.setChecked(True)
        self.view_group.idToggled.connect(self._view_toggled)

    def showEvent(self, event: QShowEvent) -> None:
        if not self.model.loaded:  # the totals come with the list, when the tab is first shown
            self._update_totals()
        super().showEvent(event)

    def _view_button(self, text: str, pixmap: QStyle.StandardPixmap) -> QToolButton:
        button = self._tool_button(text, self.style().standardIcon(pixmap))
        button.setCheckable(True)
        return button

    def _loaded_stages(self, env: ViewEnv) -> None:
        self._stages = {s.id: s for s in stages(env.db)}

    # --- list / board ---------------------------------------------------------------------

    def show_board(self) -> None:
        self.board_button.setChecked(True)

    def show_list(self) -> None:
        self.list_button.setChecked(True)

    def board_shown(self) -> bool:
        return self.stack.currentWidget() is self.board

    def _view_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        self.stack.setCurrentIndex(button_id)
        if button_id == 1:
            self.board.reload()

    def _reload_board(self) -> None:
        if self.board_shown():
            self.board.reload()
        else:
            self.board.loaded = False

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        env = self.env
        return [
            Column("name", self.tr("Deal"), lambda r: r.name, width=200),
            Column("account_name", self.tr("Customer"), lambda r: r.account_name, width=190),
            Column("amount_satang", self.tr("Amount (฿)"), lambda r: money_text(r.amount_satang), RIGHT, width=110,
                   cell=lambda r: baht_cell(r.amount_satang), kind="money"),
            Column("probability", self.tr("Probability"), lambda r: f"{r.probability}%", RIGHT, width=80,
                   cell=lambda r: r.probability, kind="percent"),
            Column("weighted_satang", self.tr("Weighted (฿)"), lambda r: money_text(r.weighted_satang), RIGHT,
                   width=110, cell=lambda r: baht_cell(r.weighted_satang), kind="money"),
            Column("expected_close", self.tr("Expected close"), lambda r: env.date_text(r.expected_close), CENTER,
                   width=110, cell=lambda r: r.expected_close, kind="date"),
            Column("stage_name", self.tr("Stage"), self._row_stage, width=135),
            Column("owner_name", self.tr("Owner"), lambda r: r.owner_name, width=110),
            Column("channel", self.tr("Channel"), lambda r: channel_label(r.channel) if r.channel else "",
                   width=100),
            Column("days_in_stage", self.tr("Days in stage"), lambda r: str(r.days_in_stage), RIGHT, width=90,
                   cell=lambda r: r.days_in_stage, kind="days"),
        ]

    def _row_stage(self, row: OpportunityRow) -> str:
        stage = self._stages.get(row.stage_id)
        return stage_label(stage) if stage is not None else row.stage_name

    def current_filter(self) -> OpportunityFilter:
        return OpportunityFilter(
            text=self.filter_text.text().strip(),
            owner_id=str(self.owner_filter.currentData() or ""),
            stage_id=str(self.stage_filter.currentData() or ""),
            close_month=str(self.month_filter.currentData() or ""),
            channel=str(self.channel_filter.currentData() or ""),
        )

    def keys(self, sort: str, descending: bool) -> list[str]:
        return opportunity_keys(self.env.db, self.current_filter(), sort, descending)

    def head(self, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
        return opportunity_head(self.env.db, self.current_filter(), sort, descending, limit)

    def rows(self, keys: Sequence[str]) -> Sequence[OpportunityRow]:
        return opportunity_rows(self.env.db, keys, self.env.today())

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        self.month_filter = QComboBox()
        self.month_filter.setObjectName("closeMonthFilter")
        self.month_filter.setToolTip(self.tr("Expected close month"))
        self.month_filter.setMaxVisibleItems(26)
        self.channel_filter = QComboBox()
        self.channel_filter.setObjectName("channelFilter")
        self.month_filter.addItem(self.tr("Any close month"), "")
        today = self.env.today()
        for shift in range(-MONTHS_AROUND, MONTHS_AROUND + 1):
            key = month_key(today, shift)
            year, month = (int(p) for p in key.split("-"))
            label = format_date_long(date(year, month, 1), self.env.lang, self.env.buddhist).split(" ", 1)[1]
            self.month_filter.addItem(label, key)
        self.channel_filter.addItem(self.tr("All channels"), "")
        for key in CHANNELS:
            self.channel_filter.addItem(channel_label(key), key)
        self.refresh_filter_choices()
        for combo in self._filter_widgets():
            combo.currentIndexChanged.connect(self.filter_changed)
            bar.addWidget(combo)

    def refresh_filter_choices(self) -> None:
        self._loaded_stages(self.env)
        for combo, items in (
            (self.owner_filter, [(self.tr("All owners"), "")] + [(u.name, u.id) for u in users(self.env.db)]),
            (self.stage_filter, [(self.tr("All stages"), "")]
             + [(stage_label(s), s.id) for s in self._stages.values()]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            select_data(combo, current or "")
            combo.blockSignals(False)

    def _filter_widgets(self) -> tuple[QComboBox, ...]:
        return (self.owner_filter, self.stage_filter, self.month_filter, self.channel_filter)

    def apply_filter(self) -> None:
        super().apply_filter()
        self._update_totals()
        self._reload_board()

    def refresh(self) -> None:
        super().refresh()
        self._update_totals()
        self._reload_board()

    def clear_filters(self) -> None:
        super().clear_filters()
        for combo in self._filter_widgets():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def filters_active(self) -> bool:
        return super().filters_active() or self.current_filter() != OpportunityFilter(
            text=self.filter_text.text().strip())

    def filter_placeholder(self) -> str:
        return self.tr("Filter by deal or customer…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n deal(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Deals")

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n deal(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n deal(s)", "", count)

    def open_dialog(self, record_id: str | None) -> QDialog:
        return OpportunityDialog(self.env, record_id, parent=self)

    def close_dialogs(self) -> None:
        super().close_dialogs()
        self.board.close_dialogs()
        if self.targets_dialog is not None:
            self.targets_dialog.discard()  # unsaved target edits are dropped without asking
        if self.stages_dialog is not None:
            self.stages_dialog.reject()  # discards an open stage editor too

    # --- settings dialogs -----------------------------------------------------------------

    def open_stages(self) -> StagesDialog:
        """The stages dialog; the list, filters and board follow its changes through the bus."""
        if self.stages_dialog is not None and self.stages_dialog.isVisible():
            self.stages_dialog.raise_()
            return self.stages_dialog
        dialog = StagesDialog(self.env, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._settings_gone("stages_dialog", dialog))
        self.stages_dialog = dialog
        dialog.open()
        return dialog

    def open_targets(self) -> TargetsDialog:
        if self.targets_dialog is not None and self.targets_dialog.isVisible():
            self.targets_dialog.raise_()
            return self.targets_dialog
        dialog = TargetsDialog(self.env, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._settings_gone("targets_dialog", dialog))
        self.targets_dialog = dialog
        dialog.open()
        return dialog

    def _settings_gone(self, name: str, dialog: QDialog) -> None:
        if getattr(self, name, None) is dialog:
            setattr(self, name, None)

    def show_record(self, record_id: str) -> bool:
        self.show_list()  # the search opens a deal in the list, where its detail shows
        return super().show_record(record_id)

    def state(self) -> dict[str, object]:
        state = super().state()
        state["filters"] = tuple(combo.currentData() for combo in self._filter_widgets())
        state["board"] = self.board_shown()
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        filters = state.get("filters")
        if isinstance(filters, tuple):
            for combo, value in zip(self._filter_widgets(), filters, strict=False):
                combo.blockSignals(True)
                select_data(combo, value)
                combo.blockSignals(False)
            self.apply_filter()
        super().restore_state(state)
        if state.get("board"):
            self.show_board()

    # --- totals ---------------------------------------------------------------------------

    def _update_totals(self) -> None:
        totals = pipeline_totals(self.env.db, self.current_filter())
        self.weighted_total = totals.open_weighted_satang
        self.amount_total = totals.open_total_satang
        weighted = html.escape(money_text(totals.open_weighted_satang) or "฿0")
        total = html.escape(money_text(totals.open_total_satang) or "฿0")
        self.totals_label.setText(
            html.escape(self.tr("Open pipeline: %n deal(s)", "", totals.open_count)) + " · "
            + html.escape(self.tr("total %1")).replace("%1", f"<b>{total}</b>") + " · "
            + html.escape(self.tr("weighted %1")).replace("%1", f"<b style='color:#2e7d32'>{weighted}</b>")
        )

    # --- changes --------------------------------------------------------------------------

    def own_changed(self, changes: Changes) -> None:
        super().own_changed(changes)
        self._update_totals()
        self._reload_board()

    def related_changed(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.STAGE, Entity.PICK_LIST, Entity.USER, Entity.SETTING):
            self.refresh_filter_choices()
            self.model.reload()  # stage names and owners shown in the rows
            self._update_count()
            self._update_totals()
            self._reload_board()
        elif changes[Entity.ACCOUNT].updated or changes[Entity.CONTACT].updated:
            self._reload_board()
            self.show_detail(self.table.current_id())

    # --- detail pane ----------------------------------------------------------------------

    def build_detail(self) -> QWidget:
        pane = QWidget()
        pane.setObjectName("opportunityDetail")
        layout = QVBoxLayout(pane)
        self.add_detail_header(layout)

        self.detail = DetailForm()
        d = self.detail
        d.add("stage", self.tr("Stage"))
        d.add("loss_reason", self.tr("Loss reason"))
        d.add("competitor", self.tr("Competitor"))
        d.add("customer", self.tr("Customer"))
        d.add("contact", self.tr("Contact"))
        d.add("amount", self.tr("Amount"))
        d.add("probability", self.tr("Probability"))
        d.add("weighted", self.tr("Weighted amount"))
        d.add("expected_close", self.tr("Expected close"))
        d.add("owner", self.tr("Owner"))
        d.add("channel", self.tr("Sales channel"))
        d.add("campaign", self.tr("Campaign"))
        d.add("days", self.tr("Days in stage"))
        d.add("notes", self.tr("Notes"))
        layout.addWidget(d)

        products_bar = QHBoxLayout()
        self.lines_label = QLabel(self.tr("Products"))
        self.lines_label.setStyleSheet("font-weight: bold;")
        products_bar.addWidget(self.lines_label)
        products_bar.addStretch(1)
        self.edit_lines_button = QPushButton(self.tr("Edit products…"))
        self.edit_lines_button.setObjectName("editLinesButton")
        self.edit_lines_button.clicked.connect(self.edit_lines)
        products_bar.addWidget(self.edit_lines_button)
        layout.addLayout(products_bar)
        self.lines_view = QLabel()
        self.lines_view.setObjectName("dealLines")
        self.lines_view.setTextFormat(Qt.TextFormat.RichText)
        self.lines_view.setWordWrap(True)
        self.lines_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.lines_view)

        self.timeline_label = QLabel(self.tr("Stage history"))
        self.timeline_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.timeline_label)
        self.timeline_view = QLabel()
        self.timeline_view.setObjectName("detailTimeline")
        self.timeline_view.setTextFormat(Qt.TextFormat.RichText)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.timeline_view)
        self.timeline = TimelineView(self.env, self.ENTITY)
        layout.addWidget(self.timeline)
        layout.addStretch(1)

        self.empty_label = QLabel(self.tr("Select a deal to see its details."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.timeline_rows: list[tuple[str, str, str, str, str, str]] = []
        return pane

    def quotation_preset(self) -> dict[str, str] | None:
        return {"opportunity_id": self._current.id} if self._current else None

    def row_actions(self, menu: QMenu, record_id: str) -> None:
        deal = opportunity_input(self.env.ctx.uow(), record_id)
        customer = ("account", deal.account_id) if deal.account_id else ("contact", deal.contact_id)
        if customer[1]:
            menu.addAction(self.tr("Customer 360"), lambda: self.open_360.emit(*customer))

    def activity_preset(self) -> ActivityInput | None:
        """The deal, and the customer and contact it is with: a clash is judged by the customer."""
        if self._current is None:
            return None
        deal = opportunity_input(self.env.ctx.uow(), self._current.id)
        return ActivityInput(kind="call", subject="", opportunity_id=self._current.id, account_id=deal.account_id,
                             contact_id=deal.contact_id)

    def show_detail(self, record_id: str | None) -> None:
        row: OpportunityRow | None = None
        data: OpportunityInput | None = None
        if record_id:
            key = record_key(self.env.db, self.ENTITY, record_id)
            found = opportunity_rows(self.env.db, [key], self.env.today()) if key is not None else []
            if found:
                row = found[0]
                data = opportunity_input(self.env.ctx.uow(), record_id)
        self._current = row
        shown = row is not None and data is not None
        self.timeline.show_record(row.id if row is not None and shown else None)
        for widget in (self.detail_title, self.detail_subtitle, self.detail, self.timeline_label,
                       self.timeline_view, self.new_activity_button, self.new_quotation_button, self.lines_label,
                       self.edit_lines_button, self.lines_view):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        if row is None or data is None:
            self.detail_title.clear()
            self.detail.clear()
            self.timeline_view.clear()
            self.lines_view.clear()
            self.timeline_rows = []
            return
        env = self.env
        stage = self._row_stage(row)
        self.detail_title.setText(row.name)
        self.detail_subtitle.setText(" · ".join(p for p in (row.account_name, stage, money_text(row.amount_satang))
                                                if p))
        d = self.detail
        d.set("stage", stage)
        lost = row.stage_kind == "lost"
        d.set("loss_reason", data.loss_reason if lost else "")
        d.set("competitor", data.competitor)
        d.set("customer", row.account_name)
        d.set("contact", contact_name(env, data.contact_id) if data.contact_id else "")
        d.set("amount", money_text(row.amount_satang) or "฿0")
        d.set("probability", f"{row.probability}%")
        d.set("weighted", money_text(row.weighted_satang) or "฿0")
        d.set("expected_close", env.date_text(row.expected_close))
        d.set("owner", row.owner_name)
        d.set("channel", channel_label(row.channel) if row.channel else "")
        campaign = data.campaign_id or ""
        d.set("campaign", campaign_names(env.db, [campaign]).get(campaign, "") if campaign else "")
        d.set("days", str(row.days_in_stage))
        d.set("notes", data.notes)
        self._show_lines(data.lines or [])
        self._show_timeline(row.id)

    def _show_lines(self, lines: list[LineInput]) -> None:
        """The deal's lines as a small read-only table: quantity, unit, description, amount."""
        self.lines_view.setVisible(bool(lines))
        if not lines:
            self.lines_label.setText(self.tr("Products (none)"))
            self.lines_view.clear()
            return
        self.lines_label.setText(self.tr("Products (%n)", "", len(lines)))
        body = []
        for line in lines:
            net = line_amounts(line.quantity_milli, line.unit_price_satang, line.discount_bp,
                               line.discount_satang).net
            cells = (f"{quantity_text(line.quantity_milli)} {line.unit}".strip(), line.description,
                     format_money(net, with_symbol=False))
            body.append("<tr>" + "".join(f"<td{' align=right' if i != 1 else ''}>{html.escape(c)}</td>"
                                         for i, c in enumerate(cells)) + "</tr>")
        self.lines_view.setText('<table cellspacing="0" cellpadding="3">' + "".join(body) + "</table>")

    def edit_lines(self) -> QDialog | None:
        """The deal's product lines alone, in the lines editor."""
        if self._current is None:
            return None
        deal_id = self._current.id
        return self._show_dialog(lambda: DealLinesDialog(self.env, deal_id, self))

    def _show_timeline(self, opp_id: str) -> None:
        env = self.env
        rows = []
        for entry in stage_timeline(env.db, opp_id, env.now()):
            stage = self._stages.get(entry.stage_id)
            name = stage_label(stage) if stage is not None else entry.stage_name
            left = env.datetime_text(entry.left_at) if entry.left_at else self.tr("(now)")
            rows.append((name, env.datetime_text(entry.entered_at), left,
                         self.tr("%n day(s)", "", entry.days), entry.changed_by_name,
                         money_text(entry.amount_satang) or "฿0"))
        self.timeline_rows = rows
        heads = (self.tr("Stage"), self.tr("Entered"), self.tr("Left"), self.tr("Time"), self.tr("By"),
                 self.tr("Amount"))
        cells = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in heads)
        body = [f"<tr>{cells}</tr>"]
        for values in rows:
            body.append("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in values) + "</tr>")
        self.timeline_view.setText('<table cellspacing="0" cellpadding="3">' + "".join(body) + "</table>")
