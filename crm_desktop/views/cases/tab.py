"""The Cases tab: the list (filters by status, priority, owner, overdue, "my open cases") or the board
by status, and the case shown beside it with its due times, late ones in red."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.cases import CaseFilter, CaseRow, board, case_detail, case_head, case_keys, case_rows
from crm_desktop.queries.lookups import users
from crm_desktop.roles import CASE_RULES
from crm_desktop.services.cases.cases import CASE_PRIORITIES, CASE_STATUSES, delete_cases, move_case, restore_cases
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import select_data
from crm_desktop.ui.table_model import CENTER, Column
from crm_desktop.views.cases.board import CaseBoard
from crm_desktop.views.cases.dialog import LATE, CaseDialog
from crm_desktop.views.cases.labels import channel_labels, priority_labels, status_labels
from crm_desktop.views.common import DetailForm, ViewEnv
from crm_desktop.views.list_export import local_cell
from crm_desktop.views.record_tab import RecordTab

LATE_COLOUR = QColor("#c62828")


class CasesTab(RecordTab):
    ENTITY = Entity.CASE
    DELETE = staticmethod(delete_cases)
    RESTORE = staticmethod(restore_cases)
    NAME = "cases"

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.board = CaseBoard(env.datetime_text)
        self.board.move_requested.connect(self.move)
        self.board.open_requested.connect(self.edit_record)
        self.views = QStackedWidget()
        self.views.setObjectName("caseViews")
        self.splitter.replaceWidget(0, self.views)
        self.views.addWidget(self.table)
        self.views.addWidget(self.board)
        if env.prefs.sort(self.NAME) is None:  # until the user sorts otherwise: the newest case first
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            self.model.sort_key, self.model.descending = "opened_at", True
            header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
            header.blockSignals(False)

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        statuses, priorities, channels = status_labels(), priority_labels(), channel_labels()
        now = self.env.now
        late = self.tr("late")

        def due(value: object, is_late: bool) -> str:
            text = self.env.datetime_text(value)  # type: ignore[arg-type]
            return f"{text} · {late}" if is_late and text else text

        return [
            Column("number", self.tr("Number"), lambda r: r.number, width=120, kind="code"),
            Column("subject", self.tr("Subject"), lambda r: r.subject, width=220),
            Column("customer", self.tr("Customer"), lambda r: r.customer, width=170, sortable=False),
            Column("status", self.tr("Status"), lambda r: statuses.get(r.status, r.status), width=135),
            Column("priority", self.tr("Priority"), lambda r: priorities.get(r.priority, r.priority), CENTER,
                   width=80),
            Column("response_due_at", self.tr("Response due"),
                   lambda r: due(r.response_due_at, r.response_late(now())), width=150,
                   cell=lambda r: local_cell(r.response_due_at), kind="datetime",
                   foreground=lambda r: LATE_COLOUR if r.response_late(now()) else None),
            Column("sla_due_at", self.tr("Resolution due"),
                   lambda r: due(r.sla_due_at, r.resolution_late(now())), width=150,
                   cell=lambda r: local_cell(r.sla_due_at), kind="datetime",
                   foreground=lambda r: LATE_COLOUR if r.resolution_late(now()) else None),
            Column("category", self.tr("Category"), lambda r: r.category, width=110),
            Column("channel", self.tr("Channel"), lambda r: channels.get(r.channel, r.channel), width=80,
                   visible=False),
            Column("owner", self.tr("Owner"), lambda r: r.owner, width=110),
            Column("opened_at", self.tr("Opened"), lambda r: self.env.datetime_text(r.opened_at), width=130,
                   cell=lambda r: local_cell(r.opened_at), kind="datetime"),
        ]

    def current_filter(self) -> CaseFilter:
        mine = self.mine.isChecked()
        return CaseFilter(
            text=self.filter_text.text().strip(),
            status="open" if mine else str(self.status_filter.currentData() or ""),
            priority=str(self.priority_filter.currentData() or ""),
            owner_id=(self.env.ctx.user_id if mine else str(self.owner_filter.currentData() or "")),
            overdue=self.overdue.isChecked(),
            now=self.env.now(),
        )

    def keys(self, sort: str, descending: bool) -> list[str]:
        return case_keys(self.env.db, self.current_filter(), sort, descending)

    def head(self, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
        return case_head(self.env.db, self.current_filter(), sort, descending, limit)

    def rows(self, keys: Sequence[str]) -> Sequence[CaseRow]:
        return case_rows(self.env.db, keys)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Open cases"), "open")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in CASE_STATUSES:
            self.status_filter.addItem(status_labels()[status], status)
        self.priority_filter = QComboBox()
        self.priority_filter.setObjectName("priorityFilter")
        self.priority_filter.addItem(self.tr("All priorities"), "")
        for priority in reversed(CASE_PRIORITIES):
            self.priority_filter.addItem(priority_labels()[priority], priority)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.mine = QCheckBox(self.tr("My open cases"))
        self.mine.setObjectName("mineCheck")
        self.overdue = QCheckBox(self.tr("Overdue"))
        self.overdue.setObjectName("overdueCheck")
        self.overdue.setToolTip(self.tr("Open cases past their resolution due time"))
        self.refresh_filter_choices()
        for combo in (self.status_filter, self.priority_filter, self.owner_filter):
            combo.currentIndexChanged.connect(self.filter_changed)
        for check in (self.mine, self.overdue):
            check.toggled.connect(self.filter_changed)
        self.mine.toggled.connect(lambda on: (self.status_filter.setEnabled(not on),
                                              self.owner_filter.setEnabled(not on)))
        self.board_button = QPushButton(self.tr("Board"))
        self.board_button.setObjectName("boardButton")
        self.board_button.setCheckable(True)
        self.board_button.setToolTip(self.tr("Show the cases as columns by status; drag a card to move it"))
        self.board_button.toggled.connect(self.show_board)
        self.rules_button = QPushButton(self.tr("SLA and routing…"))
        self.rules_button.setObjectName("rulesButton")
        self.rules_button.setEnabled(self.env.may(CASE_RULES))
        self.rules_button.clicked.connect(self.open_rules)
        for widget in (self.status_filter, self.priority_filter, self.owner_filter, self.mine, self.overdue,
                       self.board_button, self.rules_button):
            bar.addWidget(widget)

    def refresh_filter_choices(self) -> None:
        combo = self.owner_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Anyone"), "")
        combo.addItem(self.tr("Nobody yet"), "-")
        for user in users(self.env.db, active_only=False):
            combo.addItem(user.name, user.id)
        select_data(combo, current or "")
        combo.blockSignals(False)

    def filters_active(self) -> bool:
        return (super().filters_active() or self.status_filter.currentData() != "open" or self.mine.isChecked()
                or bool(self.priority_filter.currentData()) or bool(self.owner_filter.currentData())
                or self.overdue.isChecked())

    def clear_filters(self) -> None:
        super().clear_filters()
        for widget in (self.status_filter, self.priority_filter, self.owner_filter, self.mine, self.overdue):
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(1)  # every status: a record asked for is shown whatever its state
        self.priority_filter.setCurrentIndex(0)
        self.owner_filter.setCurrentIndex(0)
        self.mine.setChecked(False)
        self.overdue.setChecked(False)
        self.status_filter.setEnabled(True)
        self.owner_filter.setEnabled(True)
        for widget in (self.status_filter, self.priority_filter, self.owner_filter, self.mine, self.overdue):
            widget.blockSignals(False)

    def apply_filter(self) -> None:
        super().apply_filter()
        if self.board_button.isChecked():
            self.load_board()

    def filter_placeholder(self) -> str:
        return self.tr("Filter by number or subject…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n case(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Cases")

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n case(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n case(s)", "", count)

    def open_dialog(self, record_id: str | None) -> QDialog:
        return CaseDialog(self.env, record_id, parent=self)

    def new_case_for(self, kind: str, record_id: str) -> QDialog:
        """A new case for a customer (the Customer 360 page's "New case…")."""
        return self._show_dialog(lambda: CaseDialog(self.env, None, parent=self, preset={f"{kind}_id": record_id}))

    # --- board ----------------------------------------------------------------------------

    def show_board(self, on: bool) -> None:
        self.views.setCurrentWidget(self.board if on else self.table)
        if on:
            self.load_board()

    def load_board(self) -> None:
        self.board.load(board(self.env.db, self.current_filter()), self.env.now())

    def move(self, case_id: str, status: str) -> ChangeSet | None:
        """A card dropped on a column: the move, or the reason it is refused."""
        labels = status_labels()
        return perform(self, self.env.bus, self.env.lang, lambda: move_case(self.env.ctx.uow(), case_id, status),
                       description=self.tr("Moved a case to %1").replace("%1", labels.get(status, status)))

    def on_changes(self, changes: ChangeSet) -> None:
        super().on_changes(changes)
        if self.board_button.isChecked() and changes.touches(Entity.CASE, Entity.CASE_STATUS_HISTORY):
            self.load_board()

    def open_rules(self) -> QDialog:
        from crm_desktop.views.cases.rules_dialog import CaseRulesDialog

        return self._show_dialog(lambda: CaseRulesDialog(self.env, parent=self))

    # --- detail pane ----------------------------------------------------------------------

    def build_detail(self) -> QWidget:
        pane = QWidget()
        pane.setObjectName("caseDetail")
        layout = QVBoxLayout(pane)
        self.add_detail_header(layout)
        self.new_activity_button.hide()
        self.detail = DetailForm()
        d = self.detail
        for key, label in (("customer", self.tr("Customer")), ("status", self.tr("Status")),
                           ("priority", self.tr("Priority")), ("category", self.tr("Category")),
                           ("channel", self.tr("Channel")), ("owner", self.tr("Owner")),
                           ("product", self.tr("Product")), ("order", self.tr("Order")),
                           ("opened", self.tr("Opened")), ("response", self.tr("First response due")),
                           ("resolution", self.tr("Resolution due")), ("description", self.tr("Description"))):
            d.add(key, label)
        layout.addWidget(d)
        self.empty_label = QLabel(self.tr("Select a case to see its details."))
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addStretch(1)
        return pane

    def show_detail(self, record_id: str | None) -> None:
        detail = case_detail(self.env.db, record_id) if record_id else None
        shown = detail is not None
        for widget in (self.detail_title, self.detail_subtitle, self.detail):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        if detail is None:
            self.detail_title.clear()
            self.detail.clear()
            return
        row, now = detail.row, self.env.now()
        self.detail_title.setText(row.subject)
        self.detail_subtitle.setText(row.number)
        d = self.detail
        d.set("customer", row.customer)
        d.set("status", status_labels().get(row.status, row.status))
        d.set("priority", priority_labels().get(row.priority, row.priority))
        d.set("category", row.category)
        d.set("channel", channel_labels().get(row.channel, row.channel))
        d.set("owner", row.owner or self.tr("(nobody yet)"))
        d.set("product", detail.product)
        d.set("order", detail.order_number)
        d.set("opened", self.env.datetime_text(row.opened_at))
        for key, when, late in (("response", row.response_due_at, row.response_late(now)),
                                ("resolution", row.sla_due_at, row.resolution_late(now))):
            d.set(key, self.env.datetime_text(when) + (" · " + self.tr("late") if late else ""))
            d.values[key].setStyleSheet(LATE if late else "")
        d.set("description", detail.description)

    def state(self) -> dict[str, object]:
        state = super().state()
        state["filters"] = (self.status_filter.currentIndex(), self.priority_filter.currentIndex(),
                            self.owner_filter.currentData(), self.mine.isChecked(), self.overdue.isChecked(),
                            self.board_button.isChecked())
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        """The filters and the board as they were (the window is rebuilt when the language changes)."""
        filters = state.get("filters")
        if isinstance(filters, tuple):
            widgets = (self.status_filter, self.priority_filter, self.owner_filter, self.mine, self.overdue)
            for widget in widgets:
                widget.blockSignals(True)
            self.status_filter.setCurrentIndex(int(filters[0]))
            self.priority_filter.setCurrentIndex(int(filters[1]))
            select_data(self.owner_filter, filters[2] or "")
            self.mine.setChecked(bool(filters[3]))
            self.overdue.setChecked(bool(filters[4]))
            self.status_filter.setEnabled(not self.mine.isChecked())
            self.owner_filter.setEnabled(not self.mine.isChecked())
            for widget in widgets:
                widget.blockSignals(False)
            self.apply_filter()
            self.board_button.setChecked(bool(filters[5]))
        super().restore_state(state)
