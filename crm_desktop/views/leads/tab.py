"""The Leads tab: enquiries not yet customers, their score explained rule by rule, and the lead flow
(mark contacted, qualify, disqualify, reopen, follow-up tasks) beside the list."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import ValidationError
from crm_desktop.queries.campaigns import campaigns
from crm_desktop.queries.leads import LeadDetail, LeadFilter, LeadRow, lead_detail, lead_head, lead_keys, lead_rows
from crm_desktop.queries.lookups import users
from crm_desktop.roles import ERASE
from crm_desktop.services.activities.edit import ActivityInput
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.leads import delete_leads, mark_contacted, reopen, restore_leads
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import DateEdit, select_data
from crm_desktop.ui.table_model import CENTER, RIGHT, Column
from crm_desktop.views.common import DetailForm, ViewEnv, format_tax_id, money_text
from crm_desktop.views.consent import (
    ConsentHistoryBox,
    add_personal_data_action,
    consent_text,
    export_personal_data,
    personal_data_button,
)
from crm_desktop.views.erase import EraseFlow
from crm_desktop.views.leads.actions import (
    ActionDialog,
    DisqualifyDialog,
    QualifyDialog,
    allowed,
    can_add_task,
    source_keys,
)
from crm_desktop.views.leads.campaigns_dialog import CampaignsDialog
from crm_desktop.views.leads.convert_dialog import ConvertDialog
from crm_desktop.views.leads.dialog import LeadDialog
from crm_desktop.views.leads.labels import STATUSES, source_label, status_label, timeframe_label
from crm_desktop.views.leads.scoring_dialog import ScoringRulesDialog, rule_campaign_names, rule_text
from crm_desktop.views.list_export import local_cell
from crm_desktop.views.record_tab import RecordTab
from crm_desktop.views.settings.picklist_dialog import PicklistDialog
from crm_desktop.views.timeline import TimelineView

SCORE_LIMIT = 10_000  # the score spin boxes' range; their lowest value means "no bound"
D = TypeVar("D", bound=QDialog)


class LeadsTab(RecordTab):
    ENTITY = Entity.LEAD
    DELETE = staticmethod(delete_leads)
    RESTORE = staticmethod(restore_leads)
    NAME = "leads"

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        self._detail: LeadDetail | None = None
        self.action_dialog: QDialog | None = None
        self.rules_dialog: ScoringRulesDialog | None = None
        self.reasons_dialog: PicklistDialog | None = None
        self.campaigns_dialog: CampaignsDialog | None = None
        super().__init__(env, parent)
        # Second row of the filter bar: score and creation date ranges, and the lead settings windows.
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Score")))
        row.addWidget(self.min_score)
        row.addWidget(QLabel("–"))
        row.addWidget(self.max_score)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Created")))
        row.addWidget(self.created_from)
        row.addWidget(QLabel("–"))
        row.addWidget(self.created_to)
        row.addStretch(1)
        self.rules_button = QPushButton(self.tr("Scoring rules…"))
        self.rules_button.setObjectName("scoringRulesButton")
        self.rules_button.clicked.connect(self.open_scoring_rules)
        row.addWidget(self.rules_button)
        self.reasons_button = QPushButton(self.tr("Reasons…"))
        self.reasons_button.setObjectName("reasonsButton")
        self.reasons_button.setToolTip(self.tr("Edit the disqualify reasons and the loss reasons"))
        self.reasons_button.clicked.connect(self.open_reasons)
        row.addWidget(self.reasons_button)
        self.campaigns_button = QPushButton(self.tr("Campaigns…"))
        self.campaigns_button.setObjectName("campaignsButton")
        self.campaigns_button.setToolTip(self.tr("Add and edit the marketing campaigns leads come from"))
        self.campaigns_button.clicked.connect(self.open_campaigns)
        row.addWidget(self.campaigns_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, row)

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        env = self.env
        return [
            Column("name", self.tr("Name"), lambda r: r.name, width=200),
            Column("company_name", self.tr("Company"), lambda r: r.company_name, width=200),
            Column("mobile", self.tr("Mobile"), lambda r: format_phone(r.mobile), width=120, kind="code"),
            Column("source", self.tr("Source"), lambda r: source_label(r.source), width=110),
            Column("campaign_name", self.tr("Campaign"), lambda r: r.campaign_name, width=160, visible=False),
            Column("status", self.tr("Status"), lambda r: status_label(r.status), width=110),
            Column("score", self.tr("Score"), lambda r: str(r.score), RIGHT, width=70, cell=lambda r: r.score,
                   kind="count"),
            Column("owner_name", self.tr("Owner"), lambda r: r.owner_name, width=110),
            Column("province", self.tr("Province"), lambda r: r.province, width=120),
            Column("email", self.tr("E-mail"), lambda r: r.email, width=180, visible=False),
            Column("created_at", self.tr("Created"), lambda r: env.datetime_text(r.created_at), CENTER, width=130,
                   cell=lambda r: local_cell(r.created_at), kind="datetime"),
        ]

    def current_filter(self) -> LeadFilter:
        low, high = self.min_score.value(), self.max_score.value()
        return LeadFilter(
            text=self.filter_text.text().strip(),
            status=str(self.status_filter.currentData() or ""),
            source=str(self.source_filter.currentData() or ""),
            owner_id=str(self.owner_filter.currentData() or ""),
            campaign_id=str(self.campaign_filter.currentData() or ""),
            min_score=None if low == self.min_score.minimum() else low,
            max_score=None if high == self.max_score.minimum() else high,
            created_from=self._date_of(self.created_from),
            created_to=self._date_of(self.created_to),
        )

    @staticmethod
    def _date_of(edit: DateEdit) -> date | None:
        try:
            return edit.date()
        except ValidationError:
            return None  # half typed: no bound until it reads as a date

    def keys(self, sort: str, descending: bool) -> list[str]:
        return lead_keys(self.env.db, self.current_filter(), sort, descending)

    def head(self, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
        return lead_head(self.env.db, self.current_filter(), sort, descending, limit)

    def rows(self, keys: Sequence[str]) -> Sequence[LeadRow]:
        return lead_rows(self.env.db, keys)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for key in STATUSES:
            self.status_filter.addItem(status_label(key), key)
        self.source_filter = QComboBox()
        self.source_filter.setObjectName("sourceFilter")
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.campaign_filter = QComboBox()
        self.campaign_filter.setObjectName("campaignFilter")
        self.campaign_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_filter.setMinimumContentsLength(14)  # long campaign names do not widen the bar
        self.refresh_filter_choices()
        for combo in self._filter_combos():
            combo.currentIndexChanged.connect(self.filter_changed)
            bar.addWidget(combo)
        # Built here (the filter reads them), placed on the second row in __init__.
        self.min_score = self._score_box("minScore", self.tr("lowest"))
        self.max_score = self._score_box("maxScore", self.tr("highest"))
        self.created_from = DateEdit("created_from", buddhist=self.env.buddhist, lang=self.env.lang)
        self.created_from.setObjectName("createdFrom")
        self.created_to = DateEdit("created_to", buddhist=self.env.buddhist, lang=self.env.lang)
        self.created_to.setObjectName("createdTo")
        for edit in (self.created_from, self.created_to):
            edit.setMaximumWidth(150)
            edit.dateChanged.connect(self.filter_changed)

    def _score_box(self, name: str, none_text: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(-SCORE_LIMIT - 1, SCORE_LIMIT)
        box.setSpecialValueText(none_text)  # shown at the minimum: no bound
        box.setValue(box.minimum())
        box.setMinimumWidth(90)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(self.filter_changed)
        return box

    def refresh_filter_choices(self) -> None:
        for combo, items in (
            (self.source_filter, [(self.tr("All sources"), "")]
             + [(source_label(k), k) for k in source_keys(self.env)]),
            (self.owner_filter, [(self.tr("All owners"), "")] + [(u.name, u.id) for u in users(self.env.db)]),
            (self.campaign_filter, [(self.tr("All campaigns"), "")]
             + [(c.name, c.id) for c in campaigns(self.env.db, lead_counts=False)]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            select_data(combo, current or "")
            combo.blockSignals(False)

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.status_filter, self.source_filter, self.owner_filter, self.campaign_filter)

    def _filter_widgets(self) -> tuple[QWidget, ...]:
        return (*self._filter_combos(), self.min_score, self.max_score, self.created_from, self.created_to)

    def clear_filters(self) -> None:
        super().clear_filters()
        for widget in self._filter_widgets():
            widget.blockSignals(True)
        for combo in self._filter_combos():
            combo.setCurrentIndex(0)
        for box in (self.min_score, self.max_score):
            box.setValue(box.minimum())
        for edit in (self.created_from, self.created_to):
            edit.clear()
        for widget in self._filter_widgets():
            widget.blockSignals(False)

    def filters_active(self) -> bool:
        return super().filters_active() or self.current_filter() != LeadFilter(text=self.filter_text.text().strip())

    def filter_placeholder(self) -> str:
        return self.tr("Filter by name, company, phone or e-mail…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n lead(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Leads")

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n lead(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n lead(s)", "", count)

    def open_dialog(self, record_id: str | None) -> QDialog:
        return LeadDialog(self.env, record_id, parent=self)

    def close_dialogs(self) -> None:
        super().close_dialogs()
        for dialog in (self.action_dialog, self.rules_dialog, self.reasons_dialog, self.campaigns_dialog):
            if dialog is not None:
                dialog.reject()
        self.action_dialog = None
        self.rules_dialog = None
        self.reasons_dialog = None
        self.campaigns_dialog = None

    def state(self) -> dict[str, object]:
        state = super().state()
        state["filters"] = (*(combo.currentData() for combo in self._filter_combos()), self.min_score.value(),
                            self.max_score.value(), self.created_from.text(), self.created_to.text())
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        filters = state.get("filters")
        if isinstance(filters, tuple):
            for widget in self._filter_widgets():
                widget.blockSignals(True)
            combos = self._filter_combos()
            for combo, value in zip(combos, filters, strict=False):
                select_data(combo, value)
            low, high, created_from, created_to = filters[len(combos):]
            self.min_score.setValue(int(low))
            self.max_score.setValue(int(high))
            self.created_from.setText(str(created_from))
            self.created_to.setText(str(created_to))
            for widget in self._filter_widgets():
                widget.blockSignals(False)
            self.apply_filter()
        super().restore_state(state)

    # --- finding a lead's list key --------------------------------------------------------

    def related_changed(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.ACTIVITY, Entity.LEAD_SCORING_RULE) and self._detail is not None:
            self.show_detail(self._detail.id)  # its tasks, or the explanation of its score
        if changes.touches(Entity.CAMPAIGN):
            self.refresh_filter_choices()
            self.apply_filter()  # rows show campaign names, and the chosen campaign may be gone
        elif changes.touches(Entity.PICK_LIST, Entity.USER, Entity.SETTING):
            self.refresh_filter_choices()

    # --- detail pane ----------------------------------------------------------------------

    def build_detail(self) -> QWidget:
        pane = QWidget()
        pane.setObjectName("leadDetail")
        layout = QVBoxLayout(pane)
        self.add_detail_header(layout)

        actions = QGridLayout()
        self.contacted_button = QPushButton(self.tr("Mark contacted"))
        self.contacted_button.setObjectName("markContactedButton")
        self.contacted_button.clicked.connect(self.mark_contacted)
        self.qualify_button = QPushButton(self.tr("Qualify…"))
        self.qualify_button.setObjectName("qualifyButton")
        self.qualify_button.clicked.connect(self.qualify)
        self.disqualify_button = QPushButton(self.tr("Disqualify…"))
        self.disqualify_button.setObjectName("disqualifyButton")
        self.disqualify_button.clicked.connect(self.disqualify)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(self.reopen)
        self.task_button = QPushButton(self.tr("Add follow-up task…"))
        self.task_button.setObjectName("followUpButton")
        self.task_button.clicked.connect(self.add_task)
        self.convert_button = QPushButton(self.tr("Convert…"))
        self.convert_button.setObjectName("convertButton")
        self.convert_button.setToolTip(self.tr("Turn this qualified lead into a company, a contact and a deal"))
        self.convert_button.clicked.connect(self.convert)
        self.action_buttons = (self.contacted_button, self.qualify_button, self.disqualify_button,
                               self.reopen_button, self.task_button, self.convert_button)
        for i, button in enumerate(self.action_buttons):
            actions.addWidget(button, i // 3, i % 3)
        layout.addLayout(actions)
        self.eraser = EraseFlow(self, self.env, self.ENTITY)
        self.erase_button = QPushButton(self.eraser.action_text())
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(self.env.may(ERASE))  # erase_person refuses the others anyway
        self.erase_button.clicked.connect(lambda: self._detail is not None and self._ask_erase(self._detail.id))
        self.detail_buttons.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignTop)

        self.detail = DetailForm()
        d = self.detail
        d.add("status", self.tr("Status"))
        d.add("disqualify_reason", self.tr("Disqualify reason"))
        d.add("owner", self.tr("Owner"))
        d.add("company", self.tr("Company"))
        d.add("position", self.tr("Position"))
        d.add("mobile", self.tr("Mobile"))
        d.add("phone", self.tr("Phone"))
        d.add("email", self.tr("E-mail"))
        d.add("line_id", self.tr("LINE ID"))
        d.add("tax_id", self.tr("Tax ID"))
        d.add("province", self.tr("Province"))
        d.add("interest", self.tr("Interested in"))
        d.add("budget", self.tr("Budget"))
        d.add("timeframe", self.tr("Buying timeframe"))
        d.add("source", self.tr("Source"))
        d.add("campaign", self.tr("Campaign"))
        d.add("converted", self.tr("Converted to"))
        d.add("consent", self.tr("Marketing"))
        d.add("notes", self.tr("Notes"))
        d.add("created", self.tr("Created"))
        layout.addWidget(d)
        self.consent_box = ConsentHistoryBox(self.env, "lead")
        layout.addWidget(self.consent_box)
        self.person_export_button = personal_data_button(self, lambda: self._detail and export_personal_data(
            self, self.env, self._detail.id))
        self.detail_buttons.insertWidget(1, self.person_export_button, 0, Qt.AlignmentFlag.AlignTop)

        self.score_label = QLabel(self.tr("Score"))
        self.score_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.score_label)
        self.score_view = QLabel()
        self.score_view.setObjectName("detailScore")
        self.score_view.setTextFormat(Qt.TextFormat.RichText)
        self.score_view.setWordWrap(True)
        self.score_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.score_view)

        self.tasks_label = QLabel(self.tr("Follow-up tasks"))
        self.tasks_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.tasks_label)
        self.tasks_view = QLabel()
        self.tasks_view.setObjectName("detailTasks")
        self.tasks_view.setWordWrap(True)
        self.tasks_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.tasks_view)
        self.timeline = TimelineView(self.env, self.ENTITY)
        layout.addWidget(self.timeline)
        layout.addStretch(1)

        self.empty_label = QLabel(self.tr("Select a lead to see its details."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        return pane

    def show_detail(self, record_id: str | None) -> None:
        detail = lead_detail(self.env.db, record_id) if record_id else None
        self._detail = detail
        shown = detail is not None
        self.timeline.show_record(detail.id if detail else None)
        self.consent_box.show_for(detail.id if detail else None)
        for widget in (self.detail_title, self.detail_subtitle, self.detail, self.score_label, self.score_view,
                       self.new_activity_button, self.erase_button, self.person_export_button, *self.action_buttons):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self._update_actions()
        if detail is None:
            self.detail_title.clear()
            self.detail.clear()
            self.score_view.clear()
            self.tasks_view.clear()
            self.tasks_label.hide()
            self.tasks_view.hide()
            return
        env = self.env
        self.detail_title.setText(detail.name or detail.company_name)
        self.detail_subtitle.setText(" · ".join(
            p for p in (status_label(detail.status), self.tr("Score %1").replace("%1", str(detail.score))) if p
        ))
        d = self.detail
        d.set("status", status_label(detail.status))
        d.set("disqualify_reason", detail.disqualify_reason if detail.status == "disqualified" else "")
        d.set("owner", detail.owner_name)
        d.set("company", detail.company_name if detail.name else "")
        d.set("position", detail.position)
        d.set("mobile", format_phone(detail.mobile))
        d.set("phone", format_phone(detail.phone))
        d.set("email", detail.email)
        d.set("line_id", detail.line_id)
        d.set("tax_id", format_tax_id(detail.tax_id))
        d.set("province", detail.province)
        d.set("interest", detail.interest)
        d.set("budget", money_text(detail.budget_satang))
        d.set("timeframe", timeframe_label(detail.timeframe) if detail.timeframe else "")
        d.set("source", source_label(detail.source) if detail.source else "")
        d.set("campaign", detail.campaign_name)
        d.set("converted", "\n".join(p for p in (detail.converted_account_name, detail.converted_contact_name,
                                                 detail.converted_opportunity_name) if p))
        d.set("consent", consent_text(env, detail.marketing_consent, detail.consent_on))
        d.set("notes", detail.notes)
        d.set("created", env.datetime_text(detail.created_at))
        self.score_view.setText(self._score_html(detail))
        tasks = [self._task_text(t) for t in detail.tasks]
        self.tasks_view.setText("\n".join(tasks))
        self.tasks_label.setVisible(bool(tasks))
        self.tasks_view.setVisible(bool(tasks))

    def _task_text(self, task: object) -> str:
        due = self.env.date_text(task.due_on)  # type: ignore[attr-defined]
        mark = "☑" if task.done else "☐"  # type: ignore[attr-defined]
        parts = [task.subject, due, task.owner_name]  # type: ignore[attr-defined]
        return f"{mark} " + " · ".join(p for p in parts if p)

    def score_lines(self) -> list[str]:
        """The explanation as plain lines ("✓ label +20"), then the total: what the pane shows."""
        detail = self._detail
        if detail is None:
            return []
        lines = [f"{'✓' if line.matched else '—'} {text} {line.weight:+d}"
                 for line, text in zip(detail.score_lines, self._rule_texts(detail), strict=True)]
        lines.append(self.tr("Total: %1").replace("%1", str(self._total(detail))))
        return lines

    @staticmethod
    def _total(detail: LeadDetail) -> int:
        return sum(line.weight for line in detail.score_lines if line.matched)

    def _rule_texts(self, detail: LeadDetail) -> list[str]:
        """What each score line calls its rule: the rule's label, or the rule in words when it has none."""
        unlabeled = [line for line in detail.score_lines if not line.label]
        names = rule_campaign_names(self.env, unlabeled)
        return [line.label or rule_text(line.field, line.condition, line.value, names) for line in detail.score_lines]

    def _score_html(self, detail: LeadDetail) -> str:
        if not detail.score_lines:
            return html.escape(self.tr("No active scoring rules."))
        rows = []
        for line, text in zip(detail.score_lines, self._rule_texts(detail), strict=True):
            if line.matched:
                mark, style = '<span style="color:#2e7d32">✓</span>', ""
            else:
                mark, style = '<span style="color:#9e9e9e">—</span>', ' style="color:#757575"'
            rows.append(f"<tr><td>{mark}</td><td{style}>{html.escape(text)}</td>"
                        f'<td align="right"{style}>{line.weight:+d}</td></tr>')
        total = html.escape(self.tr("Total"))
        rows.append(f'<tr><td></td><td><b>{total}</b></td><td align="right"><b>{self._total(detail)}</b></td></tr>')
        return '<table cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>"

    # --- the lead flow --------------------------------------------------------------------

    def _update_actions(self) -> None:
        status = self._detail.status if self._detail is not None else ""
        self.contacted_button.setEnabled(allowed(status, "contacted"))
        self.qualify_button.setEnabled(allowed(status, "qualified"))
        self.disqualify_button.setEnabled(allowed(status, "disqualified"))
        self.reopen_button.setEnabled(allowed(status, "new"))
        self.task_button.setEnabled(bool(status) and can_add_task(status))
        self.convert_button.setEnabled(allowed(status, "converted"))

    def _lead_name(self) -> str:
        detail = self._detail
        return "" if detail is None else (detail.name or detail.company_name)

    def mark_contacted(self) -> None:
        if self._detail is not None:
            lead_id = self._detail.id
            perform(self, self.env.bus, self.env.lang, lambda: mark_contacted(self.env.ctx.uow(), lead_id),
                    description=self.tr("Marked %1 as contacted").replace("%1", self._lead_name()))

    def reopen(self) -> None:
        if self._detail is not None:
            lead_id = self._detail.id
            perform(self, self.env.bus, self.env.lang, lambda: reopen(self.env.ctx.uow(), lead_id),
                    description=self.tr("Reopened %1").replace("%1", self._lead_name()))

    def _open_window(self, attr: str, make: Callable[[], D]) -> D:
        """One window of a kind at a time: raise the open one, or open a new one and forget it on close."""
        dialog = getattr(self, attr)
        if dialog is not None and dialog.isVisible():
            dialog.raise_()
            return dialog
        made = make()
        made.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        made.destroyed.connect(lambda *_: self._gone(attr, made))
        setattr(self, attr, made)
        made.open()
        return made

    def _open_action(self, kind: type[ActionDialog]) -> QDialog | None:
        detail = self._detail
        if detail is None:
            return None
        return self._open_window(
            "action_dialog", lambda: kind(self.env, detail.id, self._lead_name(), parent=self)  # type: ignore[call-arg]
        )

    def _gone(self, attr: str, dialog: QDialog) -> None:
        if getattr(self, attr) is dialog:
            setattr(self, attr, None)

    def qualify(self) -> QDialog | None:
        return self._open_action(QualifyDialog)

    def disqualify(self) -> QDialog | None:
        return self._open_action(DisqualifyDialog)

    def activity_preset(self) -> ActivityInput | None:
        return ActivityInput(kind="call", subject="", lead_id=self._detail.id) if self._detail is not None else None

    def row_actions(self, menu: QMenu, record_id: str) -> None:
        add_personal_data_action(self, menu, record_id)
        menu.addAction(self.eraser.action_text(), lambda: self._ask_erase(record_id))

    def _ask_erase(self, record_id: str) -> None:
        detail = lead_detail(self.env.db, record_id)
        if detail is not None:
            self.eraser.ask(record_id, detail.name or detail.company_name)

    def add_task(self) -> QDialog | None:
        """A follow-up task on the lead, for the lead's owner (an ordinary activity)."""
        detail = self._detail
        if detail is None:
            return None
        return self.new_activity(ActivityInput(kind="task", subject="", lead_id=detail.id,
                                               assignee_id=detail.owner_id))

    def convert(self) -> QDialog | None:
        return self._open_action(ConvertDialog)

    def open_reasons(self) -> PicklistDialog:
        return self._open_window("reasons_dialog", lambda: PicklistDialog(self.env, parent=self))

    def open_scoring_rules(self) -> ScoringRulesDialog:
        return self._open_window("rules_dialog", lambda: ScoringRulesDialog(self.env, parent=self))

    def open_campaigns(self) -> CampaignsDialog:
        return self._open_window("campaigns_dialog", lambda: CampaignsDialog(self.env, parent=self))
