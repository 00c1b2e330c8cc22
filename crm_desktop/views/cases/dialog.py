"""Open or edit a service case. An open case also shows its due times (late ones in red), the
buttons that move it along, and its status history with the time spent in each status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_names
from crm_desktop.queries.cases import CaseDetail, case_detail, categories, linked_title, time_in_status
from crm_desktop.services.cases.cases import (
    CASE_CHANNELS,
    CASE_PRIORITIES,
    MOVES,
    CaseInput,
    case_input,
    create_case,
    move_case,
    record_first_response,
    reopen_case,
    update_case,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import show_warning
from crm_desktop.ui.forms import RecordPicker, editable_combo, select_data
from crm_desktop.ui.tables import row_table
from crm_desktop.views.accounts.dialog import owner_combo
from crm_desktop.views.cases.labels import channel_labels, duration_text, priority_labels, status_labels
from crm_desktop.views.common import ViewEnv, record_choices
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.opportunities.dialog import contact_name

LATE = "color: #c62828; font-weight: bold;"
ROUTED = "__routed__"  # the owner choice "by the routing rules" (a new case)


class CaseDialog(RecordDialog):
    """New case (record_id None) or edit one; `preset`: account_id / contact_id of a new one."""

    entity = Entity.CASE

    def __init__(self, env: ViewEnv, record_id: str | None = None, parent: QWidget | None = None,
                 preset: dict[str, str] | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("caseDialog")
        self.setWindowTitle(self.tr("New case") if record_id is None else self.tr("Edit case"))
        self.resize(760, 640 if record_id is None else 820)
        self.notices: tuple[DomainError, ...] = ()
        form = QFormLayout()
        self.subject = QLineEdit()
        self.subject.setObjectName("subjectEdit")
        self.subject.setMaxLength(200)
        self.subject.setPlaceholderText(self.tr("e.g. แอร์ไม่เย็น ห้องประชุมชั้น 3"))
        form.addRow(self.tr("Subject *"), self.subject)
        pickers: dict[str, RecordPicker] = {}
        for kind, label, placeholder, no_match in (
            ("account", self.tr("Company"), self.tr("Type part of the company's name…"),
             self.tr("No matching account")),
            ("contact", self.tr("Contact"), self.tr("The person who called, or the private customer…"),
             self.tr("No matching contact")),
            ("product", self.tr("Product"), self.tr("The product concerned (optional)…"),
             self.tr("No matching product")),
            ("sales_order", self.tr("Order"), self.tr("The order number (optional)…"), self.tr("No matching order")),
        ):
            picker = RecordPicker(lambda text, k=kind: record_choices(env, k, text), placeholder=placeholder,
                                  no_match_text=no_match)
            picker.setObjectName(f"{kind.split('_')[-1]}Picker")
            form.addRow(label, picker)
            pickers[kind] = picker
        self.account, self.contact = pickers["account"], pickers["contact"]
        self.product, self.order = pickers["product"], pickers["sales_order"]
        row = QHBoxLayout()
        self.channel = QComboBox()
        self.channel.setObjectName("channelCombo")
        for key in CASE_CHANNELS:
            self.channel.addItem(channel_labels()[key], key)
        self.priority = QComboBox()
        self.priority.setObjectName("priorityCombo")
        for key in reversed(CASE_PRIORITIES):
            self.priority.addItem(priority_labels()[key], key)
        select_data(self.priority, "normal")
        row.addWidget(self.channel)
        row.addWidget(QLabel(self.tr("Priority")))
        row.addWidget(self.priority)
        form.addRow(self.tr("Channel"), row)
        self.category = editable_combo(categories(env.db))
        self.category.setObjectName("categoryCombo")
        form.addRow(self.tr("Category"), self.category)
        self.owner = owner_combo(env, self.tr("(nobody)"))
        self.owner.setObjectName("ownerCombo")
        if record_id is None:
            self.owner.insertItem(0, self.tr("By the routing rules"), ROUTED)
            self.owner.setCurrentIndex(0)
        form.addRow(self.tr("Owner"), self.owner)
        self.description = QPlainTextEdit()
        self.description.setObjectName("descriptionEdit")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        form.addRow(self.tr("Description"), self.description)
        self.body.addLayout(form)

        self.progress = QGroupBox(self.tr("Progress"))
        self.progress.setObjectName("progressBox")
        self._build_progress()
        self.body.addWidget(self.progress, 1)
        self.progress.setVisible(record_id is not None)

        for key, widget in (("subject", self.subject), ("account_id", self.account), ("contact_id", self.contact),
                            ("product_id", self.product), ("order_id", self.order), ("channel", self.channel),
                            ("priority", self.priority), ("category", self.category), ("owner_id", self.owner),
                            ("description", self.description), ("status", self.progress)):
            self.errors.register(key, widget)
        if record_id is not None:
            self.fill(self.stored())
            self.show_progress()
        elif preset:
            self.fill(CaseInput(subject="", account_id=preset.get("account_id"), contact_id=preset.get("contact_id")))
        self.remember_initial()
        self.subject.setFocus()

    # --- progress: due times, moves, history ----------------------------------------------

    def _build_progress(self) -> None:
        layout = QVBoxLayout(self.progress)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.response_label = QLabel()
        self.response_label.setObjectName("responseDue")
        self.resolution_label = QLabel()
        self.resolution_label.setObjectName("resolutionDue")
        for label in (self.status_label, self.response_label, self.resolution_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        self.move_buttons: dict[str, QPushButton] = {}
        self.respond_button = QPushButton(self.tr("Responded"))
        self.respond_button.setObjectName("respondButton")
        self.respond_button.setToolTip(self.tr("The customer got a first answer now"))
        self.respond_button.clicked.connect(lambda: self._act(record_first_response))
        buttons.addWidget(self.respond_button)
        for status, text in (("in_progress", self.tr("Start work")), ("waiting", self.tr("Waiting for customer")),
                             ("resolved", self.tr("Resolved")), ("closed", self.tr("Close"))):
            button = QPushButton(text)
            button.setObjectName(f"move_{status}")
            button.clicked.connect(lambda _c=False, s=status: self._act(lambda uow, cid: move_case(uow, cid, s)))
            self.move_buttons[status] = button
            buttons.addWidget(button)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(lambda: self._act(reopen_case))
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.history = row_table("caseHistory", [self.tr("When"), self.tr("Status"), self.tr("Time in status"),
                                                 self.tr("By")], stretch=3)
        layout.addWidget(self.history, 1)
        self.totals = QLabel()
        self.totals.setObjectName("statusTotals")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)

    def show_progress(self) -> None:
        detail = case_detail(self.env.db, self.record_id or "")
        if detail is None:
            return
        self.detail: CaseDetail = detail
        row, now, labels = detail.row, self.env.now(), status_labels()
        self.status_label.setText(self.tr("Status: %1").replace("%1", labels.get(row.status, row.status)))
        response = self.tr("First response due %1").replace("%1", self.env.datetime_text(row.response_due_at))
        if row.first_response_at is not None:
            response += " · " + self.tr("answered %1").replace("%1", self.env.datetime_text(row.first_response_at))
        resolution = self.tr("Resolution due %1").replace("%1", self.env.datetime_text(row.sla_due_at))
        if row.resolved_at is not None:
            resolution += " · " + self.tr("resolved %1").replace("%1", self.env.datetime_text(row.resolved_at))
        late_response, late_resolution = row.response_late(now), row.resolution_late(now)
        self.response_label.setText(response + (" · " + self.tr("late") if late_response else ""))
        self.resolution_label.setText(resolution + (" · " + self.tr("late") if late_resolution else ""))
        self.response_label.setStyleSheet(LATE if late_response else "")
        self.resolution_label.setStyleSheet(LATE if late_resolution else "")
        allowed = MOVES[row.status]
        for status, button in self.move_buttons.items():
            button.setEnabled((status in allowed and row.status not in ("resolved", "closed")) or
                              (status == "closed" and row.status == "resolved"))
        self.reopen_button.setEnabled(row.status in ("resolved", "closed"))
        self.respond_button.setEnabled(row.first_response_at is None)
        if not self.env.may_change(Entity.CASE, [row.id]):  # another rep's case: read only (the services decide)
            for button in (*self.move_buttons.values(), self.reopen_button, self.respond_button):
                button.setEnabled(False)
        history = detail.history
        self.history.setRowCount(len(history))
        for i, move in enumerate(history):
            until = history[i + 1].changed_at if i + 1 < len(history) else now
            texts = (self.env.datetime_text(move.changed_at), labels.get(move.to_status, move.to_status),
                     duration_text(until - move.changed_at), move.by)
            for column, text in enumerate(texts):
                self.history.setItem(i, column, QTableWidgetItem(text))
        spent = time_in_status(history, now)
        self.totals.setText(" · ".join(f"{labels.get(s, s)} {duration_text(t)}" for s, t in spent.items()))

    def _act(self, action: object) -> None:
        """A progress button: one service call on the stored case, then the pane shows the result."""
        case_id = self.record_id or ""
        done = perform(self, self.env.bus, self.env.lang,
                       lambda: action(self.env.ctx.uow(), case_id))  # type: ignore[operator]
        if done is not None:
            self.show_progress()
            self.version = None  # the progress changed the record: the form's next save is on top of it
            self.stored()

    def history_texts(self) -> list[list[str]]:
        """What the history table shows, row by row (tests read it)."""
        return [[self.history.item(r, c).text() for c in range(self.history.columnCount())]
                for r in range(self.history.rowCount())]

    # --- the form ---------------------------------------------------------------------------

    def load_input(self) -> CaseInput:
        return case_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: CaseInput) -> None:
        env = self.env
        self.subject.setText(data.subject)
        if data.account_id:
            self.account.set_value(data.account_id, account_names(env.db, [data.account_id]).get(data.account_id, ""))
        if data.contact_id:
            self.contact.set_value(data.contact_id, contact_name(env, data.contact_id))
        for picker, kind, record_id in ((self.product, "product", data.product_id),
                                        (self.order, "sales_order", data.order_id)):
            if record_id:
                picker.set_value(record_id, _title(env, kind, record_id))
        select_data(self.channel, data.channel)
        select_data(self.priority, data.priority)
        self.category.setEditText(data.category)
        if self.record_id is not None:
            select_data(self.owner, data.owner_id or "")
        self.description.setPlainText(data.description)

    def check_form(self) -> tuple[str, str] | None:
        for key, picker, what in (("account_id", self.account, self.tr("company")),
                                  ("contact_id", self.contact, self.tr("contact")),
                                  ("product_id", self.product, self.tr("product")),
                                  ("order_id", self.order, self.tr("order"))):
            if picker.has_unchosen_text():
                return key, self.tr("Choose the %1 from the list, or clear the field.").replace("%1", what)
        return None

    def form_input(self) -> CaseInput:
        owner = self.owner.currentData()
        return CaseInput(
            subject=self.subject.text(), account_id=self.account.value(), contact_id=self.contact.value(),
            product_id=self.product.value(), order_id=self.order.value(),
            channel=str(self.channel.currentData() or ""), category=self.category.currentText(),
            priority=str(self.priority.currentData() or "normal"), description=self.description.toPlainText(),
            owner_id=None if owner in (ROUTED, "", None) else str(owner))

    def save_action(self, data: CaseInput) -> ChangeSet:
        if self.record_id is None:
            result = create_case(self.env.ctx.uow(), data)
        else:
            result = update_case(self.uow(), self.record_id, data)
        self.notices = result.notices
        return result.changes

    def save(self) -> bool:
        saved = super().save()
        if saved and self.notices:
            show_warning(self.parentWidget(), "\n".join(n.text(self.env.lang) for n in self.notices),
                         title=self.tr("Routing"))
        return saved

    def saved_description(self, data: CaseInput) -> str:
        if self.record_id is None:
            return self.tr("Opened case %1").replace("%1", data.subject.strip())
        return self.tr("Saved case %1").replace("%1", data.subject.strip())


def _title(env: ViewEnv, kind: str, record_id: str) -> str:
    """A linked product's or order's name as its picker shows it."""
    return linked_title(env.db, kind, record_id)
