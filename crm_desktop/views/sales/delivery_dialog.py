"""Record a delivery: the order's lines still to deliver, how much goes now, the day and the delivery
note. One `record_delivery` call; more than ordered is refused with the service's message and the
dialog stays open with nothing saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QTableWidgetItem, QWidget

from crm_desktop.queries.sales.detail import DocumentDetail
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.sales.documents import quantity
from crm_desktop.services.sales.orders import Delivery, record_delivery
from crm_desktop.ui.forms import DateEdit
from crm_desktop.ui.tables import row_table
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.sales.labels import late_text, number_text
from crm_desktop.views.sales.lines_editor import Unreadable, parse_quantity

NOTE_MAX = 300
QUANTITY_COLUMN = 5


def now_milli(text: str) -> int | None:
    """The quantity typed for "deliver now" (empty is 0), or None when it is no quantity."""
    if not text.strip():
        return 0
    try:
        return parse_quantity(text)
    except Unreadable:
        return None


class DeliveryDialog(RecordDialog):
    def __init__(self, env: ViewEnv, order: DocumentDetail, parent: QWidget | None = None) -> None:
        super().__init__(env, order.id, parent)
        self.order = order
        self.setObjectName("deliveryDialog")
        self.setWindowTitle(self.tr("Record delivery for %1").replace("%1", number_text(order.number)))
        self.resize(900, 460)
        self.save_button.setText(self.tr("Record delivery"))
        intro = QLabel(self.tr("Type how much of each line is handed over now. Lines left at 0 are not touched."))
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.open_lines = [line for line in order.lines if line.delivered_milli < line.quantity_milli]
        self.table = row_table("deliveryLines", [
            self.tr("Line"), self.tr("Ordered"), self.tr("Delivered so far"), self.tr("Still to deliver"),
            self.tr("Promised"), self.tr("Deliver now")], stretch=0)
        self.table.setRowCount(len(self.open_lines))
        self.quantities: list[QLineEdit] = []
        for r, line in enumerate(self.open_lines):
            promised = env.date_text(line.promised_on)
            cells = [line.description, f"{quantity(line.quantity_milli)} {line.unit}".strip(),
                     quantity(line.delivered_milli), quantity(line.quantity_milli - line.delivered_milli),
                     late_text(promised) if line.late else promised]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            edit = QLineEdit()
            edit.setObjectName(f"deliverNow{r}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setPlaceholderText("0")
            self.table.setCellWidget(r, QUANTITY_COLUMN, edit)
            self.quantities.append(edit)
            self.errors.register(f"line {line.position + 1}", edit)
        self.table.resizeColumnsToContents()
        self.body.addWidget(self.table, 1)
        form = QFormLayout()
        self.on = DateEdit("on", buddhist=env.buddhist, lang=env.lang)
        self.on.setObjectName("deliveredOnEdit")
        self.on.setDate(env.today())
        form.addRow(self.tr("Delivered on"), self.on)
        self.note = QLineEdit()
        self.note.setObjectName("deliveryNoteEdit")
        self.note.setMaxLength(NOTE_MAX + 50)
        self.note.setPlaceholderText(self.tr("e.g. delivery note DN-0456, received by คุณสมศรี"))
        form.addRow(self.tr("Delivery note"), self.note)
        self.body.addLayout(form)
        self.errors.register("on", self.on)
        self.errors.register("note", self.note)
        if self.quantities:
            self.all_button = self.buttons.addButton(self.tr("Everything still open"),
                                                     self.buttons.ButtonRole.ActionRole)
            self.all_button.setObjectName("deliverAllButton")
            self.all_button.clicked.connect(self.fill_everything)
        self.remember_initial()

    def fill_everything(self) -> None:
        for line, edit in zip(self.open_lines, self.quantities, strict=True):
            edit.setText(quantity(line.quantity_milli - line.delivered_milli))

    def check_form(self) -> tuple[str, str] | None:
        nothing = True
        for line, edit in zip(self.open_lines, self.quantities, strict=True):
            milli = now_milli(edit.text())
            if milli is None:
                return f"line {line.position + 1}", self.tr("Line %1: %2 is not a quantity.").replace(
                    "%1", str(line.position + 1)).replace("%2", edit.text().strip())
            nothing = nothing and milli == 0
        if nothing:
            return "", self.tr("Type the quantity delivered now on at least one line.")
        return None

    def form_input(self) -> list[Delivery]:
        on = self.on.date() or self.env.today()
        return [Delivery(line.id, milli, on, self.note.text().strip())
                for line, edit in zip(self.open_lines, self.quantities, strict=True)
                if (milli := now_milli(edit.text()) or 0)]

    def save_action(self, data: list[Delivery]) -> ChangeSet:
        return record_delivery(self.env.ctx.uow(), self.order.id, data, self.env.today())

    def saved_description(self, data: list[Delivery]) -> str:
        return self.tr("Recorded a delivery for %1").replace(
            "%1", number_text(self.order.number))
