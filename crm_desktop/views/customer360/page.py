"""The customer 360 page: one account or B2C contact seen whole, as a closable tab of the main window.

Header and figures (lifetime value, average order, last order, last contact), what is open (deals,
quotations, orders; late ones in red), what they bought and how often, what to offer next and why,
upcoming anniversaries, their people and who knows whom, and the timeline. The figures are read in a
background task (queries/customer360.py can take tens of milliseconds on a large file) and again
after a change that can touch them.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.cases import CaseRow, customer_cases
from crm_desktop.queries.customer360 import (
    ANNIVERSARY_DAYS,
    Customer360,
    DocumentRow,
    HistoryRow,
    Kind,
    Suggestion,
    customer_360,
    next_best,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.contact_links import remove_contact_links, restore_contact_links
from crm_desktop.services.formatting import format_money
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import show_unexpected_error
from crm_desktop.ui.tasks import Task
from crm_desktop.views.cases.customer_box import CustomerCasesBox
from crm_desktop.views.common import ViewEnv, branch_text, format_tax_id, join_address
from crm_desktop.views.consent import ConsentHistoryBox, export_personal_data, personal_data_button
from crm_desktop.views.customer360.link_dialog import LinkDialog, link_kind_label
from crm_desktop.views.opportunities.labels import stage_label
from crm_desktop.views.timeline import TimelineView

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
LATE = QColor("#b71c1c")
DUE = QColor("#fff3cd")
# Changes of these kinds can move a figure on the page.
WATCHED = (Entity.ACCOUNT, Entity.CONTACT, Entity.CONTACT_LINK, Entity.OPPORTUNITY, Entity.QUOTATION,
           Entity.SALES_ORDER, Entity.ACTIVITY, Entity.ANNIVERSARY, Entity.PRODUCT, Entity.CASE)


def document_status_label(kind: str, status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("Customer360", "draft"),
        "sent": QCoreApplication.translate("Customer360", "sent"),
        "confirmed": QCoreApplication.translate("Customer360", "confirmed"),
        "partly_delivered": QCoreApplication.translate("Customer360", "partly delivered"),
    }
    return labels.get(status, status)


def quantity_text(milli: int) -> str:
    """Thousandths as a quantity: 12, 3.5, 0.125."""
    whole, rest = divmod(milli, 1000)
    return f"{whole:,}" if not rest else f"{whole:,}.{rest:03d}".rstrip("0")


def money(satang: int) -> str:
    return format_money(satang)


def fit_rows(table: QTableWidget, most: int) -> None:
    """As tall as its rows (up to `most`, then it scrolls): a short list leaves no empty box."""
    shown = max(1, min(table.rowCount(), most))
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + shown * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2)


def fit_list(widget: QListWidget, most: int) -> None:
    """As tall as its items (up to `most` of them)."""
    shown = max(1, min(widget.count(), most))
    height = sum(max(widget.sizeHintForRow(i), widget.fontMetrics().height() + 4) for i in range(shown))
    widget.setFixedHeight(height + 2 * widget.frameWidth() + 6)


class Customer360Page(QWidget):
    """`Customer360Page(env, kind, id)`; the host connects the signals to its own openers."""

    open_record = Signal(str, str)  # (kind, id): a deal, quotation or order in its tab
    open_customer = Signal(str, str)  # another customer's 360 page
    close_requested = Signal()
    loaded = Signal()  # the figures are shown (tests wait for it)

    def __init__(self, env: ViewEnv, kind: Kind, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer360Page")
        self.env = env
        self.kind: Kind = kind
        self.record_id = record_id
        self.data: Customer360 | None = None
        self.suggestions: tuple[Suggestion, ...] = ()
        self.task: Task | None = None
        self._again = False
        self._stale = False
        self.link_dialog: LinkDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(12, 10, 12, 10)
        self.layout_.setSpacing(10)
        self._build_header()
        self._build_figures()
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._build_open())
        self.cases_box = CustomerCasesBox(env, kind, record_id)
        self.cases_box.open_case.connect(lambda case_id: self.open_record.emit("case", case_id))
        left.addWidget(self.cases_box)
        left.addWidget(self._build_history())
        self.timeline = TimelineView(env, kind)
        self.timeline.customer_chosen.connect(self.open_customer)
        left.addWidget(self.timeline)
        left.addStretch(1)
        right.addWidget(self._build_next_best())
        right.addWidget(self._build_anniversaries())
        right.addWidget(self._build_people())
        self.consent_box = ConsentHistoryBox(env, "contact")  # a person's page: their consent (PDPA)
        self.consent_box.setVisible(False)
        right.addWidget(self.consent_box)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        self.layout_.addLayout(grid)
        self.layout_.addStretch(1)
        QShortcut(QKeySequence("Ctrl+W"), self, activated=self.close_requested.emit)
        env.bus.changed.connect(self.on_changes)
        self.reload()

    # --- building -------------------------------------------------------------------------

    def _build_header(self) -> None:
        row = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("c360Title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        titles.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("c360Subtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.subtitle.linkActivated.connect(self._link)
        titles.addWidget(self.subtitle)
        row.addLayout(titles, 1)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("c360Status")
        self.status.setStyleSheet("color: gray;")
        row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.record_button = QPushButton(self.tr("Open record"))
        self.record_button.setObjectName("c360OpenRecord")
        self.record_button.setToolTip(self.tr("Show this customer in its list, with its details"))
        self.record_button.clicked.connect(lambda: self.open_record.emit(self.kind, self.record_id))
        row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        if self.kind == "contact":
            row.addWidget(personal_data_button(self, lambda: export_personal_data(self, self.env, self.record_id)),
                          0, Qt.AlignmentFlag.AlignTop)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("c360Refresh")
        self.refresh_button.clicked.connect(self.reload)
        row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row)

    def _build_figures(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(10)
        self.figures: dict[str, QLabel] = {}
        self.figure_notes: dict[str, QLabel] = {}
        for key, caption, tip in (
            ("value", self.tr("Lifetime value"), self.tr("All confirmed, delivered and invoiced orders, VAT "
                                                         "included; drafts and cancelled orders do not count")),
            ("average", self.tr("Average order"), ""),
            ("last_order", self.tr("Last order"), ""),
            ("last_contact", self.tr("Last contact"), self.tr("The latest activity done with this customer, or a "
                                                               "call, meeting or visit held with them")),
        ):
            card = QFrame()
            card.setObjectName(f"c360Card_{key}")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setToolTip(tip)
            box = QVBoxLayout(card)
            box.setContentsMargins(10, 6, 10, 6)
            label = QLabel(caption)
            label.setStyleSheet("color: gray;")
            box.addWidget(label)
            value = QLabel("—")
            value.setObjectName(f"c360_{key}")
            font = QFont(value.font())
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            value.setFont(font)
            box.addWidget(value)
            note = QLabel()
            note.setStyleSheet("color: gray;")
            box.addWidget(note)
            self.figures[key] = value
            self.figure_notes[key] = note
            row.addWidget(card, 1)
        self.layout_.addLayout(row)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_open(self) -> QGroupBox:
        box = QGroupBox(self.tr("Open deals, quotations and orders"))
        box.setObjectName("c360OpenBox")
        layout = QVBoxLayout(box)
        self.open_table = self._table("c360Open", [self.tr("What"), self.tr("Number or name"), self.tr("Status"),
                                                  self.tr("Date"), self.tr("Amount"), self.tr("Due")])
        self.open_table.setToolTip(self.tr("Double-click to open. Late ones are in red."))
        self.open_table.cellDoubleClicked.connect(self._open_row)
        layout.addWidget(self.open_table)
        self.open_empty = QLabel(self.tr("Nothing open."))
        self.open_empty.setStyleSheet("color: gray;")
        layout.addWidget(self.open_empty)
        return box

    def _build_history(self) -> QGroupBox:
        box = QGroupBox(self.tr("Purchase history"))
        box.setObjectName("c360HistoryBox")
        layout = QVBoxLayout(box)
        self.history_table = self._table("c360History", [
            self.tr("SKU"), self.tr("Product"), self.tr("Times"), self.tr("Quantity"), self.tr("Amount"),
            self.tr("Last bought"), self.tr("Usually every")])
        self.history_table.setToolTip(self.tr("Amounts after line discounts, before VAT. Highlighted: due to be "
                                              "bought again within two weeks."))
        layout.addWidget(self.history_table)
        self.history_empty = QLabel(self.tr("No purchases yet."))
        self.history_empty.setStyleSheet("color: gray;")
        layout.addWidget(self.history_empty)
        return box

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setWordWrap(True)
        return widget

    def _build_next_best(self) -> QGroupBox:
        box = QGroupBox(self.tr("Next best offer"))
        box.setObjectName("c360NextBox")
        layout = QVBoxLayout(box)
        caption = QLabel(self.tr("Customers who bought the same things also bought:"))
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.next_list = self._list("c360NextBest")
        layout.addWidget(self.next_list)
        due = QLabel(self.tr("Due to be bought again (their own rhythm):"))
        due.setWordWrap(True)
        layout.addWidget(due)
        self.due_list = self._list("c360Due")
        layout.addWidget(self.due_list)
        return box

    def _build_people(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contacts and relationships"))
        box.setObjectName("c360PeopleBox")
        layout = QVBoxLayout(box)
        self.companies = QLabel()
        self.companies.setObjectName("c360Companies")
        self.companies.setWordWrap(True)
        self.companies.setTextFormat(Qt.TextFormat.RichText)
        self.companies.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.companies.linkActivated.connect(self._link)
        layout.addWidget(self.companies)
        self.people_list = self._list("c360People")
        self.people_list.setToolTip(self.tr("Double-click a person to open them in the Contacts tab."))
        self.people_list.itemDoubleClicked.connect(lambda item: self.open_record.emit("contact", item.data(ID_ROLE)))
        layout.addWidget(self.people_list)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Who knows whom")))
        bar.addStretch(1)
        self.add_link_button = QPushButton(self.tr("Add link…"))
        self.add_link_button.setObjectName("c360AddLink")
        self.add_link_button.clicked.connect(self.add_link)
        bar.addWidget(self.add_link_button)
        self.remove_link_button = QPushButton(self.tr("Remove"))
        self.remove_link_button.setObjectName("c360RemoveLink")
        self.remove_link_button.clicked.connect(self.remove_link)
        bar.addWidget(self.remove_link_button)
        layout.addLayout(bar)
        self.links_list = self._list("c360Links")
        self.links_list.itemSelectionChanged.connect(self._update_link_buttons)
        layout.addWidget(self.links_list)
        return box

    def _build_anniversaries(self) -> QGroupBox:
        box = QGroupBox(self.tr("Anniversaries in the next %1 days").replace("%1", str(ANNIVERSARY_DAYS)))
        box.setObjectName("c360DatesBox")
        layout = QVBoxLayout(box)
        self.dates_list = self._list("c360Dates")
        layout.addWidget(self.dates_list)
        return box

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the figures again in a background task (one at a time; a change meanwhile reads again)."""
        self._stale = False
        if self.task is not None:
            self._again = True
            return
        db, kind, record_id = self.env.db, self.kind, self.record_id
        today, now = self.env.today(), self.env.now()

        def work(_progress: object) -> tuple[Customer360 | None, tuple[Suggestion, ...], tuple[int, list[CaseRow]]]:
            return (customer_360(db, kind, record_id, today, now), next_best(db, kind, record_id),
                    customer_cases(db, kind, record_id))

        self.status.setText(self.tr("Loading…"))
        task = Task(self, work, show_progress=False)
        task.finished.connect(self._loaded)
        task.failed.connect(self._failed)
        task.ended.connect(self._ended)
        self.task = task.start()
        self.timeline.show_record(record_id)

    def _ended(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, exc: object) -> None:
        self.status.setText("")
        if isinstance(exc, BaseException):
            show_unexpected_error(self, exc)

    def _loaded(self, result: object) -> None:
        data, suggestions, (open_cases, cases) = result  # type: ignore[misc]
        self.data, self.suggestions = data, suggestions
        self.status.setText("")
        if data is None:
            self.title.setText(self.tr("This customer was deleted."))
            self.subtitle.clear()
            self.loaded.emit()
            return
        self._show_header(data)
        self._show_open(data)
        self.cases_box.show_cases(open_cases, cases, self.env.now())
        self._show_history(data.history, {h.product_id or h.name for h in data.due})
        self._show_next(suggestions, data.due)
        self._show_people(data)
        self._show_dates(data)
        self.consent_box.show_for(self.record_id if self.kind == "contact" else None)
        self.loaded.emit()

    def title_text(self) -> str:
        """What the tab is called."""
        return self.data.profile.name if self.data is not None else ""

    # --- showing --------------------------------------------------------------------------

    def _show_header(self, data: Customer360) -> None:
        p, env = data.profile, self.env
        self.title.setText(p.name)
        parts: list[str] = []
        if p.kind == "contact":
            if p.account_id:
                parts.append(self.tr("at %1").replace(
                    "%1", f'<a href="account:{html.escape(p.account_id)}">{html.escape(p.account_name)}</a>'))
            else:
                parts.append(html.escape(self.tr("Private customer")))
        if p.tax_id:
            tax = self.tr("Tax ID %1").replace("%1", format_tax_id(p.tax_id))
            branch = branch_text(p.branch_code)
            parts.append(html.escape(f"{tax} ({branch})" if branch else tax))
        for text in (p.segment, p.industry):
            if text:
                parts.append(html.escape(text))
        if p.owner_name:
            parts.append(html.escape(self.tr("Owner: %1").replace("%1", p.owner_name)))
        for text in (format_phone(p.phone), p.email, p.line_id and f"LINE {p.line_id}"):
            if text:
                parts.append(html.escape(text))
        address = join_address(*p.address).replace("\n", " ")
        if address:
            parts.append(html.escape(address))
        self.subtitle.setText(" · ".join(parts))
        f = data.figures
        self.figures["value"].setText(money(f.lifetime_value_satang))
        self.figure_notes["value"].setText(self.tr("%n order(s)", "", f.orders))
        self.figures["average"].setText(money(f.average_order_satang) if f.orders else "—")
        self.figure_notes["average"].setText("")
        self.figures["last_order"].setText(env.date_text(f.last_order_on) or "—")
        self.figure_notes["last_order"].setText(self._ago(f.last_order_on))
        self.figures["last_contact"].setText(env.date_text(f.last_contact_on) or "—")
        self.figure_notes["last_contact"].setText(self._ago(f.last_contact_on))

    def _ago(self, day: date | None) -> str:
        if day is None:
            return ""
        days = (self.env.today() - day).days
        return self.tr("today") if days == 0 else self.tr("%n day(s) ago", "", days)

    def _cell(self, table: QTableWidget, row: int, column: int, text: str, *, right: bool = False,
              late: bool = False, fill: QColor | None = None) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if late:
            item.setForeground(QBrush(LATE))
        if fill is not None:
            item.setBackground(QBrush(fill))
        table.setItem(row, column, item)
        return item

    def _show_open(self, data: Customer360) -> None:
        env, table = self.env, self.open_table
        rows: list[tuple[str, str, str, str, str, date | None, int | None, bool]] = []
        for deal in data.deals:
            rows.append(("opportunity", deal.id, self.tr("Deal"), deal.name, stage_label(deal.stage), None,
                         deal.amount_satang, deal.late))
        for doc in (*data.quotations, *data.orders):
            rows.append((doc.kind, doc.id, self._doc_kind(doc), self._doc_number(doc),
                         document_status_label(doc.kind, doc.status), doc.issued_on, doc.grand_total_satang, doc.late))
        due_of = {d.id: d.expected_close for d in data.deals} | {d.id: d.due_on for d in (*data.quotations,
                                                                                         *data.orders)}
        table.setRowCount(len(rows))
        for r, (kind, row_id, what, name, status, issued, amount, late) in enumerate(rows):
            first = self._cell(table, r, 0, what, late=late)
            first.setData(ID_ROLE, row_id)
            first.setData(KIND_ROLE, kind)
            self._cell(table, r, 1, name, late=late)
            self._cell(table, r, 2, status, late=late)
            self._cell(table, r, 3, env.date_text(issued), late=late)
            self._cell(table, r, 4, money(amount) if amount is not None else "", right=True, late=late)
            due = env.date_text(due_of.get(row_id))
            self._cell(table, r, 5, self.tr("%1 (late)").replace("%1", due) if late and due else due, late=late)
        fit_rows(table, 8)
        table.setVisible(bool(rows))
        self.open_empty.setVisible(not rows)

    def _doc_kind(self, doc: DocumentRow) -> str:
        return self.tr("Quotation") if doc.kind == "quotation" else self.tr("Order")

    def _doc_number(self, doc: DocumentRow) -> str:
        if doc.kind == "quotation" and doc.revision > 1:
            return self.tr("%1 rev %2").replace("%1", doc.number).replace("%2", str(doc.revision))
        return doc.number

    def _show_history(self, history: tuple[HistoryRow, ...], due: set[str]) -> None:
        env, table = self.env, self.history_table
        table.setRowCount(len(history))
        for r, h in enumerate(history):
            fill = DUE if (h.product_id or h.name) in due else None
            self._cell(table, r, 0, h.sku, fill=fill)
            self._cell(table, r, 1, h.name, fill=fill)
            self._cell(table, r, 2, f"{h.orders:,}", right=True, fill=fill)
            self._cell(table, r, 3, f"{quantity_text(h.quantity_milli)} {h.unit}".strip(), right=True, fill=fill)
            self._cell(table, r, 4, money(h.amount_satang), right=True, fill=fill)
            self._cell(table, r, 5, env.date_text(h.last_on), fill=fill)
            every = self.tr("%n day(s)", "", h.interval_days) if h.interval_days else "—"
            self._cell(table, r, 6, every, right=True, fill=fill)
        fit_rows(table, 12)
        table.setVisible(bool(history))
        self.history_empty.setVisible(not history)

    def suggestion_text(self, s: Suggestion) -> str:
        return (self.tr("%1 — bought by %2 of %3 customers who bought %4")
                .replace("%1", s.name).replace("%2", f"{s.together:,}").replace("%3", f"{s.buyers:,}")
                .replace("%4", s.because_name))

    def _show_next(self, suggestions: tuple[Suggestion, ...], due: tuple[HistoryRow, ...]) -> None:
        self.next_list.clear()
        for s in suggestions:
            item = QListWidgetItem(self.suggestion_text(s))
            item.setData(ID_ROLE, s.product_id)
            self.next_list.addItem(item)
        if not suggestions:
            self._placeholder(self.next_list, self.tr("No suggestions yet: too few sales to compare."))
        self.due_list.clear()
        for h in due:
            assert h.due_on is not None and h.interval_days is not None
            days = (h.due_on - self.env.today()).days
            when = (self.tr("due in %n day(s)", "", days) if days > 0 else self.tr("due today") if days == 0
                    else self.tr("%n day(s) overdue", "", -days))
            text = (self.tr("%1 — usually every %2 days, last bought %3: %4")
                    .replace("%1", h.name).replace("%2", str(h.interval_days))
                    .replace("%3", self.env.date_text(h.last_on)).replace("%4", when))
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, h.product_id)
            if days < 0:
                item.setForeground(QBrush(LATE))
            self.due_list.addItem(item)
        if not due:
            self._placeholder(self.due_list, self.tr("Nothing due in the next two weeks."))
        fit_list(self.next_list, 6)
        fit_list(self.due_list, 6)

    def _placeholder(self, widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setForeground(QBrush(QColor("gray")))
        widget.addItem(item)

    def _show_people(self, data: Customer360) -> None:
        rel = data.relations
        parts = []
        if rel.parent is not None:
            parts.append(self.tr("Parent company: %1").replace("%1", self._customer_link("account", *rel.parent)))
        if rel.subsidiaries:
            links = ", ".join(self._customer_link("account", i, n) for i, n in rel.subsidiaries)
            parts.append(self.tr("Branches and subsidiaries: %1").replace("%1", links))
        self.companies.setText("<br>".join(parts))
        self.companies.setVisible(bool(parts))
        self.people_list.clear()
        for person in rel.contacts:
            text = " · ".join(p for p in (person.name, person.position, format_phone(person.mobile), person.email) if p)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, person.id)
            self.people_list.addItem(item)
        self.people_list.setVisible(self.kind == "account")
        if self.kind == "account" and not rel.contacts:
            self._placeholder(self.people_list, self.tr("No contacts yet."))
        self.links_list.clear()
        for link in rel.links:
            text = f"{link.name} — {link_kind_label(link.kind)} — {link.other_name}"
            if link.note:
                text += f" ({link.note})"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, link.id)
            self.links_list.addItem(item)
        fit_list(self.people_list, 8)
        fit_list(self.links_list, 6)
        self.add_link_button.setEnabled(bool(self._people()))
        self._update_link_buttons()

    def _customer_link(self, kind: str, record_id: str, name: str) -> str:
        return f'<a href="360:{kind}:{html.escape(record_id)}">{html.escape(name)}</a>'

    def _show_dates(self, data: Customer360) -> None:
        labels = {"birthday": self.tr("Birthday"), "founding": self.tr("Founding day")}
        self.dates_list.clear()
        for u in data.anniversaries:
            what = u.title or labels.get(u.kind, u.kind)
            text = f"{self.env.date_text(u.on)} — {what}: {u.who}"
            if u.years:
                text += " " + self.tr("(%n year(s))", "", u.years)
            self.dates_list.addItem(QListWidgetItem(text))
        if not data.anniversaries:
            self._placeholder(self.dates_list, self.tr("None coming up."))
        fit_list(self.dates_list, 6)

    # --- actions --------------------------------------------------------------------------

    def _link(self, href: str) -> None:
        parts = href.split(":")
        if parts[0] == "360" and len(parts) == 3:
            self.open_customer.emit(parts[1], parts[2])
        elif parts[0] == "account" and len(parts) == 2:
            self.open_customer.emit("account", parts[1])

    def _open_row(self, row: int, _column: int) -> None:
        item = self.open_table.item(row, 0)
        if item is None:
            return
        self.open_record.emit(str(item.data(KIND_ROLE)), str(item.data(ID_ROLE)))

    def _people(self) -> list[tuple[str, str]]:
        if self.data is None:
            return []
        if self.kind == "contact":
            return [(self.record_id, self.data.profile.name)]
        return [(p.id, p.name) for p in self.data.relations.contacts]

    def add_link(self) -> LinkDialog | None:
        people = self._people()
        if not people:
            return None
        if self.link_dialog is not None and self.link_dialog.isVisible():
            self.link_dialog.raise_()
            return self.link_dialog
        dialog = LinkDialog(self.env, people, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "link_dialog", None))
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def remove_link(self) -> None:
        item = self.links_list.currentItem()
        link_id = item.data(ID_ROLE) if item is not None else None
        if not link_id:
            return
        label = self.tr("Relationship removed")
        changes = perform(self, self.env.bus, self.env.lang,
                          lambda: remove_contact_links(self.env.ctx.uow(), [link_id]), description=label)
        if changes is not None:
            ctx, ids = self.env.ctx, changes[Entity.CONTACT_LINK].deleted
            self.env.undo.offer(Entity.CONTACT_LINK, ids, lambda: restore_contact_links(ctx.uow(), ids), label)

    def _update_link_buttons(self) -> None:
        item = self.links_list.currentItem()
        self.remove_link_button.setEnabled(item is not None and bool(item.data(ID_ROLE)))

    # --- changes --------------------------------------------------------------------------

    def on_changes(self, changes: ChangeSet) -> None:
        if not changes.touches(*WATCHED):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # --- for tests and screen readers ------------------------------------------------------

    def table_texts(self, table: QTableWidget) -> list[list[str]]:
        return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
                for r in range(table.rowCount())]

    @staticmethod
    def list_texts(widget: QListWidget) -> list[str]:
        return [widget.item(i).text() for i in range(widget.count())]
