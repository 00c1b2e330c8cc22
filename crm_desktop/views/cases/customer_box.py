"""A customer's service cases on the Customer 360 page: open ones first, late ones in red, and
"New case…" for this customer."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.cases import CaseRow
from crm_desktop.ui.tables import row_table
from crm_desktop.views.cases.dialog import CaseDialog
from crm_desktop.views.cases.labels import priority_labels, status_labels
from crm_desktop.views.cases.tab import LATE_COLOUR
from crm_desktop.views.common import ViewEnv

ID_ROLE = Qt.ItemDataRole.UserRole


class CustomerCasesBox(QGroupBox):
    open_case = Signal(str)

    def __init__(self, env: ViewEnv, kind: str, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("c360CasesBox")
        self.env, self.kind, self.record_id = env, kind, record_id
        self.dialog: CaseDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("c360CasesSummary")
        top.addWidget(self.summary, 1)
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.setObjectName("c360NewCase")
        self.new_button.clicked.connect(self.new_case)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.table = row_table("c360Cases", [self.tr("Number"), self.tr("Subject"), self.tr("Status"),
                                             self.tr("Priority"), self.tr("Resolution due")], stretch=1)
        self.table.setWordWrap(False)
        self.table.setToolTip(self.tr("Double-click to open. Cases past their SLA are in red."))
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self.open_case.emit(str(self.table.item(row, 0).data(ID_ROLE))))
        layout.addWidget(self.table)
        self.setTitle(self.tr("Service cases"))

    def show_cases(self, open_count: int, rows: list[CaseRow], now: datetime) -> None:
        statuses, priorities = status_labels(), priority_labels()
        self.summary.setText(self.tr("%n open case(s)", "", open_count) if rows else self.tr("No cases yet."))
        self.table.setVisible(bool(rows))
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            late = row.breached(now) and row.status not in ("closed",)
            for column, text in enumerate((row.number, row.subject, statuses.get(row.status, row.status),
                                           priorities.get(row.priority, row.priority),
                                           self.env.datetime_text(row.sla_due_at))):
                item = QTableWidgetItem(text)
                if late:
                    item.setForeground(QBrush(LATE_COLOUR))
                if column == 0:
                    item.setData(ID_ROLE, row.id)
                self.table.setItem(i, column, item)
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 4 +
                                  sum(self.table.rowHeight(r) for r in range(min(len(rows), 6))))

    def new_case(self) -> CaseDialog:
        dialog = CaseDialog(self.env, None, parent=self, preset={f"{self.kind}_id": self.record_id})
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog
