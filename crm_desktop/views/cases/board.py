"""The cases board: a column per status, the most urgent first; drag a card to another column to
move the case (the flow's rules decide: a refused move says why and the card goes back)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.cases import CaseRow
from crm_desktop.services.cases.cases import CASE_STATUSES
from crm_desktop.views.cases.labels import priority_labels, status_labels

MIME = "application/x-crm-case"
ID_ROLE = Qt.ItemDataRole.UserRole
LATE = QColor("#c62828")


class CaseColumn(QListWidget):
    """One status's cards; a card dropped here asks to move its case to this status."""

    dropped = Signal(str, str)  # case id, status

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.move_menu)
        self.setObjectName(f"caseColumn_{status}")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)  # the cards apart
        self.setMinimumWidth(170)

    def move_menu(self, pos: QPoint) -> QMenu | None:
        """Right-click on a card: "Move to" each other status, for those who would rather not drag."""
        item = self.itemAt(pos)
        if item is None:
            return None
        case_id = str(item.data(ID_ROLE))
        menu = QMenu(self)
        menu.setObjectName("caseMoveMenu")
        for status, label in status_labels().items():
            if status != self.status:
                action = menu.addAction(self.tr("Move to %1").replace("%1", label))
                action.triggered.connect(lambda _c=False, s=status: self.dropped.emit(case_id, s))
        menu.popup(self.viewport().mapToGlobal(pos))
        return menu

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if items:
            data.setData(MIME, str(items[0].data(ID_ROLE)).encode())
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.setAccepted(event.mimeData().hasFormat(MIME) and event.source() is not self)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.setAccepted(event.mimeData().hasFormat(MIME) and event.source() is not self)

    def dropEvent(self, event: QDropEvent) -> None:
        case_id = bytes(event.mimeData().data(MIME).data()).decode()
        event.ignore()  # the board reloads from the database; Qt must not move the item itself
        if case_id:
            self.dropped.emit(case_id, self.status)


class CaseBoard(QWidget):
    """Columns of cards; `load` fills them from the board query's result."""

    move_requested = Signal(str, str)  # case id, status
    open_requested = Signal(str)

    def __init__(self, datetime_text: Callable[[datetime | None], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseBoard")
        self.datetime_text = datetime_text
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.headers: dict[str, QLabel] = {}
        self.columns: dict[str, CaseColumn] = {}
        for status in CASE_STATUSES:
            box = QVBoxLayout()
            header = QLabel()
            header.setStyleSheet("font-weight: bold;")
            column = CaseColumn(status)
            column.dropped.connect(self.move_requested)
            column.itemDoubleClicked.connect(lambda item: self.open_requested.emit(str(item.data(ID_ROLE))))
            box.addWidget(header)
            box.addWidget(column, 1)
            layout.addLayout(box, 1)
            self.headers[status] = header
            self.columns[status] = column

    def load(self, data: dict[str, tuple[int, list[CaseRow]]], now: datetime) -> None:
        labels, priorities = status_labels(), priority_labels()
        for status, column in self.columns.items():
            count, rows = data.get(status, (0, []))
            self.headers[status].setText(f"{labels[status]} ({count:,})")
            column.clear()
            for row in rows:
                lines = [f"{row.number} · {priorities.get(row.priority, row.priority)}", row.subject, row.customer]
                if row.owner:
                    lines.append(row.owner)
                if row.sla_due_at is not None and status not in ("resolved", "closed"):
                    lines.append(self.tr("Due %1").replace("%1", self.datetime_text(row.sla_due_at)))
                item = QListWidgetItem("\n".join(lines))
                item.setData(ID_ROLE, row.id)
                if row.breached(now):
                    item.setForeground(QBrush(LATE))
                    item.setToolTip(self.tr("Past its SLA"))
                column.addItem(item)

    def card_texts(self, status: str) -> list[str]:
        """The cards of one column (tests read them)."""
        column = self.columns[status]
        return [column.item(i).text() for i in range(column.count())]
