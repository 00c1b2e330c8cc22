"""The lines of a deal, quotation or order: a table to edit them and the totals under it.

Used by the deal form and by the quotation and order forms. A line is a product picked by SKU or
name (its name, unit, price and VAT flag copied as a snapshot, then editable) or free text. The
totals are `crm_desktop.money.totals` of the lines as shown, the same arithmetic the services,
the lists and the printed documents use. Text that cannot be read (a quantity with 4 decimals, a
discount over the line) is marked on its cell and named under the table; `lines()` refuses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import money
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.queries.products import ProductPick, pick_products, product_skus
from crm_desktop.services.formatting import format_money, parse_money
from crm_desktop.services.products import MAX_PRICE_SATANG
from crm_desktop.services.sales.lines import LineInput, money_line
from crm_desktop.ui.errors import confirm
from crm_desktop.ui.forms import INVALID_STYLE, MoneyEdit
from crm_desktop.ui.search_popup import Choice, SearchPopup
from crm_desktop.views.common import ViewEnv

SKU, DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, VAT, NET = range(8)
EDITABLE = (DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT)
BAD = QBrush(QColor("#ffcdd2"))
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMBER = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")
_LINE_FIELD = re.compile(r"line ([0-9]+)")  # how services/sales/lines.py names a refused line


class Unreadable(ValueError):
    """Text a cell cannot hold; the message is already in the UI language."""


def parse_quantity(text: str) -> int:
    """Thousandths from "2", "1.5", "1,000.125" (Thai digits too); raises Unreadable."""
    found = _NUMBER.fullmatch(text.strip().translate(_THAI_DIGITS))
    if found is None:
        raise Unreadable("number")
    if len(found[2] or "") > 3:
        raise Unreadable("decimals")
    return int(Decimal(f"{found[1].replace(',', '')}.{found[2] or '0'}") * money.MILLI)


def quantity_text(milli: int) -> str:
    """ "2", "1.5", "1,000.125": no trailing zeros."""
    whole, part = divmod(milli, money.MILLI)
    return f"{whole:,}" + (f".{part:03d}".rstrip("0") if part else "")


def parse_discount(text: str) -> tuple[int, int]:
    """(basis points, satang) from "10 %", "12.5%" or an amount in baht ("500", "฿1,250.50");
    empty is no discount. Raises Unreadable."""
    raw = text.strip()
    if not raw:
        return 0, 0
    if raw.endswith("%"):
        found = _NUMBER.fullmatch(raw[:-1].strip().translate(_THAI_DIGITS))
        if found is None or len(found[2] or "") > 2:
            raise Unreadable("percent")
        bp = int(Decimal(f"{found[1].replace(',', '')}.{found[2] or '0'}") * 100)
        if bp > money.BP:
            raise Unreadable("percent")
        return bp, 0
    try:
        satang = parse_money(raw)
    except ValidationError:
        raise Unreadable("amount") from None
    if satang < 0:
        raise Unreadable("amount")
    return 0, satang


def discount_text(bp: int, satang: int) -> str:
    if bp:
        whole, part = divmod(bp, 100)
        return f"{whole}" + (f".{part:02d}".rstrip("0") if part else "") + " %"
    return format_money(satang, with_symbol=False) if satang else ""


@dataclass
class _Row:
    data: LineInput
    sku: str = ""
    bad: dict[int, str] = field(default_factory=dict)  # column -> why its text was refused
    refused: str = ""  # why the last save refused this line (until it is edited)


class LinesEditor(QWidget):
    """`set_lines`/`lines()`, `set_prices_include_vat`, `set_bill_discount`; `changed` after every edit.

    `document_options=False` (a deal) hides the bill discount and the VAT-inclusive switch: a deal
    has neither, its lines are priced before VAT.
    """

    changed = Signal()

    def __init__(self, env: ViewEnv, parent: QWidget | None = None, *, document_options: bool = True,
                 vat_bp: int = 700) -> None:
        super().__init__(parent)
        self.setObjectName("linesEditor")
        self.env = env
        self.vat_bp = vat_bp
        self._rows: list[_Row] = []
        self._filling = False
        self._picks: dict[str, ProductPick] = {}
        self.free_box: QMessageBox | None = None  # the open "free of charge?" question
        self.current_totals: money.Totals | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.picker = QLineEdit()
        self.picker.setObjectName("productPicker")
        self.picker.setClearButtonEnabled(True)
        self.picker.setPlaceholderText(self.tr("Add a product: type its SKU or name…"))
        self.picker_popup = SearchPopup(self.picker, self._search, no_match_text=self.tr("No active product matches"))
        self.picker_popup.chosen.connect(self._picked)
        bar.addWidget(self.picker, 1)
        self.add_button = QPushButton(self.tr("Add text line"))
        self.add_button.setObjectName("addLineButton")
        self.add_button.setToolTip(self.tr("A line without a product: a service, a fee, anything typed"))
        self.add_button.clicked.connect(lambda: self.add_line(LineInput(description="")))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeLineButton")
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(self.tr("Move the line up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(self.tr("Move the line down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.table = QTableWidget(0, 8)
        self.table.setObjectName("linesTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("SKU"), self.tr("Description"), self.tr("Qty"), self.tr("Unit"), self.tr("Unit price"),
            self.tr("Discount"), self.tr("VAT"), self.tr("Amount"),
        ])
        self.table.horizontalHeaderItem(DISCOUNT).setToolTip(
            self.tr("A percentage (10 %) or an amount in baht (500) off this line"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SKU, 90), (QUANTITY, 70), (UNIT, 70), (PRICE, 100), (DISCOUNT, 80), (VAT, 40),
                              (NET, 110)):
            self.table.setColumnWidth(column, width)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)

        self.problem_label = QLabel()
        self.problem_label.setObjectName("linesProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b71c1c;")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)

        footer = QHBoxLayout()
        options = QVBoxLayout()
        self.include_vat = QCheckBox(self.tr("Prices include VAT"))
        self.include_vat.setObjectName("includeVat")
        self.include_vat.toggled.connect(lambda _on: self._recompute())
        options.addWidget(self.include_vat)
        bill_row = QHBoxLayout()
        self.bill_label = QLabel(self.tr("Bill discount (baht)"))
        bill_row.addWidget(self.bill_label)
        self.bill_discount_edit = MoneyEdit("bill_discount_satang")
        self.bill_discount_edit.setObjectName("billDiscount")
        self.bill_discount_edit.setPlaceholderText("0")
        self.bill_discount_edit.setMaximumWidth(120)
        self.bill_discount_edit.textChanged.connect(lambda _t: self._recompute())
        bill_row.addWidget(self.bill_discount_edit)
        options.addLayout(bill_row)
        options.addStretch(1)
        footer.addLayout(options)
        footer.addStretch(1)
        sums = QFormLayout()
        sums.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_labels: dict[str, QLabel] = {}
        for key, label in (("subtotal", self.tr("Subtotal")), ("bill_discount", self.tr("Bill discount")),
                           ("before_vat", self.tr("Amount before VAT")),
                           ("vat", self.tr("VAT %1 %").replace("%1", _percent(vat_bp))),
                           ("grand_total", self.tr("Grand total"))):
            value = QLabel()
            value.setObjectName(f"total_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setMinimumWidth(120)
            self.total_labels[key] = value
            sums.addRow(label, value)
        bold = self.total_labels["grand_total"].font()
        bold.setBold(True)
        self.total_labels["grand_total"].setFont(bold)
        self.sums = sums
        footer.addLayout(sums)
        layout.addLayout(footer)
        if not document_options:
            for widget in (self.include_vat, self.bill_label, self.bill_discount_edit):
                widget.hide()
            sums.setRowVisible(self.total_labels["bill_discount"], False)
        self._recompute()

    # --- the contract ---------------------------------------------------------------------

    def set_lines(self, lines: list[LineInput]) -> None:
        """Show these lines (replacing any); stored lines come with their price confirmed."""
        skus = product_skus(self.env.db, [line.product_id for line in lines if line.product_id])
        self._rows = [_Row(replace(line), skus.get(line.product_id or "", "")) for line in lines]
        self._render_all()

    def lines(self) -> list[LineInput]:
        """The lines as edited; raises ValidationError("lines", …) while a cell holds unreadable text."""
        for number, row in enumerate(self._rows, 1):
            if row.bad:
                why = next(iter(row.bad.values()))
                raise ValidationError("lines", self.tr("Line %1: %2").replace("%1", str(number)).replace("%2", why))
        return [replace(row.data) for row in self._rows]

    def set_prices_include_vat(self, on: bool) -> None:
        self.include_vat.setChecked(on)

    def prices_include_vat(self) -> bool:
        return self.include_vat.isChecked()

    def set_bill_discount(self, satang: int) -> None:
        self.bill_discount_edit.setSatang(satang or None)

    def bill_discount(self) -> int:
        """The bill discount typed (0 when empty); raises ValidationError naming the field."""
        return self.bill_discount_edit.satang() or 0

    # --- editing --------------------------------------------------------------------------

    def add_line(self, line: LineInput, sku: str = "") -> int:
        """Append a line and select its description; returns its row."""
        self._rows.append(_Row(line, sku))
        self._render_all()
        row = len(self._rows) - 1
        self.table.setCurrentCell(row, DESCRIPTION)
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            del self._rows[row]
            self._render_all()
            self.table.setCurrentCell(min(row, len(self._rows) - 1), DESCRIPTION)

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if 0 <= row < len(self._rows) and 0 <= target < len(self._rows):
            self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
            self._render_all()
            self.table.setCurrentCell(target, self.table.currentColumn())

    def _search(self, text: str) -> list[Choice]:
        picks = pick_products(self.env.db, text)
        self._picks = {p.id: p for p in picks}
        return [Choice(p.id, f"{p.sku}  {p.name_th}",
                       " · ".join(x for x in (format_money(p.price_satang), p.unit) if x), "product")
                for p in picks]

    def _picked(self, choice: Choice) -> None:
        pick = self._picks.get(choice.id)
        self.picker.clear()
        if pick is None:
            return
        row = self.add_line(LineInput(description=pick.name_th, unit_price_satang=pick.price_satang,
                                      product_id=pick.id, unit=pick.unit, vatable=pick.vatable), pick.sku)
        self.table.setCurrentCell(row, QUANTITY)
        if pick.price_satang == 0:
            self._ask_free(row)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = item.row(), item.column()
        line = self._rows[row]
        data = line.data
        text = item.text()
        line.bad.pop(column, None)
        line.refused = ""
        try:
            if column == DESCRIPTION:
                data.description = text
            elif column == UNIT:
                data.unit = text
            elif column == QUANTITY:
                data.quantity_milli = self._read_quantity(text)
            elif column == PRICE:
                price = self._read_price(text)
                if price != data.unit_price_satang:
                    data.unit_price_satang = price
                    data.price_zero_confirmed = False
                    if price == 0:
                        self._ask_free(row)
            elif column == DISCOUNT:
                data.discount_bp, data.discount_satang = self._read_discount(text)
            elif column == VAT:
                data.vatable = item.checkState() == Qt.CheckState.Checked
        except Unreadable as why:
            line.bad[column] = str(why)
        self._render_row(row)
        self._recompute()

    def _read_quantity(self, text: str) -> int:
        try:
            quantity = parse_quantity(text)
        except Unreadable as err:
            raise Unreadable(self.tr("a quantity has at most 3 decimals.") if str(err) == "decimals"
                             else self.tr("the quantity is not a number.")) from None
        if quantity <= 0:
            raise Unreadable(self.tr("the quantity must be more than 0."))
        return quantity

    def _read_price(self, text: str) -> int:
        try:
            price = parse_money(text) if text.strip() else 0
        except ValidationError:
            raise Unreadable(self.tr("the unit price is not an amount of money.")) from None
        if not 0 <= price <= MAX_PRICE_SATANG:
            raise Unreadable(self.tr("the unit price must be from 0 to 10,000,000 baht."))
        return price

    def _read_discount(self, text: str) -> tuple[int, int]:
        try:
            return parse_discount(text)
        except Unreadable:
            raise Unreadable(self.tr("write the discount as a percentage (10 %) or an amount in baht (500).")
                             ) from None

    def _ask_free(self, row: int) -> None:
        """A line priced 0: ask whether it is given free; Yes confirms it, otherwise the price waits."""
        def yes() -> None:
            if row < len(self._rows) and self._rows[row].data.unit_price_satang == 0:
                self._rows[row].data.price_zero_confirmed = True
                self._render_row(row)
                self._recompute()

        self.free_box = confirm(
            self, self.tr("Free of charge?"),
            self.tr("Line %1 has the price 0. Is it given free of charge?").replace("%1", str(row + 1)),
            yes, yes_text=self.tr("Yes, free"))

    # --- showing --------------------------------------------------------------------------

    def _render_all(self) -> None:
        self._filling = True
        self.table.setRowCount(len(self._rows))
        self._filling = False
        for row in range(len(self._rows)):
            self._render_row(row)
        self._recompute()
        self._update_buttons()

    def _render_row(self, row: int) -> None:
        line = self._rows[row]
        data = line.data
        self._filling = True
        try:
            texts = {SKU: line.sku, DESCRIPTION: data.description, QUANTITY: quantity_text(data.quantity_milli),
                     UNIT: data.unit, PRICE: format_money(data.unit_price_satang, with_symbol=False),
                     DISCOUNT: discount_text(data.discount_bp, data.discount_satang), VAT: "", NET: ""}
            for column, text in texts.items():
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                if column not in line.bad:
                    item.setText(text)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column in EDITABLE:
                    flags |= Qt.ItemFlag.ItemIsEditable
                if column == VAT:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(Qt.CheckState.Checked if data.vatable else Qt.CheckState.Unchecked)
                item.setFlags(flags)
                if column in (QUANTITY, PRICE, DISCOUNT, NET):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                refused = column == DESCRIPTION and bool(line.refused)
                item.setBackground(BAD if column in line.bad or refused else QBrush())
                item.setToolTip(line.bad.get(column, line.refused if refused else ""))
            self._show_net(row)
        finally:
            self._filling = False

    def _show_net(self, row: int) -> None:
        line = self._rows[row]
        data = line.data
        net = self.table.item(row, NET)
        discount = self.table.item(row, DISCOUNT)
        price = self.table.item(row, PRICE)
        if line.bad:
            net.setText("—")
            return
        try:
            amounts = money.line_amounts(data.quantity_milli, data.unit_price_satang, data.discount_bp,
                                         data.discount_satang)
        except ValueError:
            net.setText("—")
            discount.setBackground(BAD)
            discount.setToolTip(self.tr("The discount is more than the line's amount."))
            return
        net.setText(format_money(amounts.net, with_symbol=False))
        unconfirmed = data.unit_price_satang == 0 and not data.price_zero_confirmed
        price.setToolTip(self.tr("No price yet: enter it, or confirm the line is free.") if unconfirmed else "")
        price.setBackground(BAD if unconfirmed else QBrush())

    def _problems(self) -> list[str]:
        found = []
        for number, line in enumerate(self._rows, 1):
            data = line.data
            prefix = self.tr("Line %1: %2").replace("%1", str(number))
            if line.bad:
                found.append(prefix.replace("%2", next(iter(line.bad.values()))))
                continue
            try:
                money.line_amounts(data.quantity_milli, data.unit_price_satang, data.discount_bp, data.discount_satang)
            except ValueError:
                found.append(prefix.replace("%2", self.tr("the discount is more than the line's amount.")))
        return found

    def _recompute(self) -> None:
        """Totals of the readable lines by money.totals, or dashes and the reason."""
        problems = self._problems()
        self.bill_discount_edit.setStyleSheet("")
        totals = None
        if not problems:
            try:
                bill = self.bill_discount()
            except ValidationError:
                bill = None
                problems.append(self.tr("The bill discount is not an amount of money."))
            if bill is not None:
                try:
                    totals = money.totals((money_line(r.data) for r in self._rows), bill, self.vat_bp,
                                          self.prices_include_vat())
                except ValueError:
                    problems.append(self.tr("The bill discount is more than the lines' total."))
            if totals is None:
                self.bill_discount_edit.setStyleSheet(f"QLineEdit {{ {INVALID_STYLE} }}")
        self.current_totals = totals
        problems += [line.refused for line in self._rows if line.refused]  # shown, but totals still add up
        for key, label in self.total_labels.items():
            label.setText("—" if totals is None else format_money(getattr(totals, key)))
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        has = 0 <= row < len(self._rows)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._rows) - 1)

    def show_error(self, err: DomainError, lang: str) -> bool:
        """Mark the line a save refused (services name it "line N"): its row is selected, its
        description cell marked and the reason shown under the table. False when `err` is not about
        one line."""
        found = _LINE_FIELD.fullmatch(err.field) if isinstance(err, ValidationError) else None
        if found is None or not 1 <= int(found[1]) <= len(self._rows):
            return False
        row = int(found[1]) - 1
        self._rows[row].refused = err.text(lang)
        self._render_row(row)
        self._recompute()
        self.table.setCurrentCell(row, DESCRIPTION)
        return True

    def problems(self) -> list[str]:
        """What is shown under the table (tests and forms read it)."""
        text = self.problem_label.text()
        return text.split("\n") if text else []


def _percent(bp: int) -> str:
    whole, part = divmod(bp, 100)
    return f"{whole}" + (f".{part:02d}".rstrip("0") if part else "")
