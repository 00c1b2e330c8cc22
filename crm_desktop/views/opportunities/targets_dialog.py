"""Sales targets and attainment: one month at a time, a row per rep with the target and commission
rate (editable) beside what the rep won that month, the attainment and the commission earned.

Won, attainment and commission come from `queries.opportunities.attainment`; Save applies
`set_target` (or `delete_target` for a cleared target) to each changed row, one action per row."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.queries.lookups import users
from crm_desktop.queries.opportunities import AttainmentRow, attainment
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.formatting import format_date_long, format_money, parse_money
from crm_desktop.services.targets import MAX_COMMISSION_BP, delete_target, set_target
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.views.common import ViewEnv

MONTHS_BACK = 12  # the month picker offers this many months before the current one…
MONTHS_AHEAD = 3  # …and this many after it
REP, TARGET, RATE, WON, COUNT, PERCENT, EARNED = range(7)
EDITABLE = (TARGET, RATE)
RELOAD_ON = (Entity.TARGET, Entity.OPPORTUNITY, Entity.STAGE, Entity.USER)
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def shifted_month(day: date, shift: int) -> str:
    """"YYYY-MM" of the month `shift` months from the one of `day` (Gregorian, as stored)."""
    index = day.year * 12 + day.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def target_text(satang: int) -> str:
    return format_money(satang, with_symbol=False) if satang else ""


def rate_text(bp: int) -> str:
    return f"{Decimal(bp) / 100:.2f}"


def percent_text(percent: float | None) -> str:
    if percent is None:
        return "—"
    return f"{percent:,.1f}".rstrip("0").rstrip(".") + "%"


def parse_rate(text: str) -> int | None:
    """Basis points from "3", "3.00", "3 %", "๓.๕"; None when unreadable or out of 0–100 %."""
    raw = text.strip().translate(_THAI_DIGITS).rstrip("%").strip()
    if not raw:
        return 0
    try:
        value = Decimal(raw) * 100
    except InvalidOperation:
        return None
    if value != value.to_integral_value() or not 0 <= value <= MAX_COMMISSION_BP:
        return None
    return int(value)


@dataclass
class RepLine:
    owner_id: str | None
    name: str
    target: str  # as shown when loaded, to tell which rows the user changed
    rate: str
    has_target: bool


class TargetsDialog(QDialog):
    """Pick a month; edit targets and commission rates per rep; Save; see the attainment."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.lines: list[RepLine] = []
        self.rows: dict[str | None, AttainmentRow] = {}
        self._discard_ok = False
        self.setObjectName("targetsDialog")
        self.setWindowTitle(self.tr("Targets and attainment"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(900, 440)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        self.month = QComboBox()
        self.month.setObjectName("targetMonth")
        self.month.setMaxVisibleItems(MONTHS_BACK + MONTHS_AHEAD + 1)
        today = env.today()
        for shift in range(-MONTHS_BACK, MONTHS_AHEAD + 1):
            key = shifted_month(today, shift)
            year, month = (int(p) for p in key.split("-"))
            label = format_date_long(date(year, month, 1), env.lang, env.buddhist).split(" ", 1)[1]
            self.month.addItem(label, key)
        self.month.setCurrentIndex(MONTHS_BACK)
        self._month_key = str(self.month.currentData())
        self.month.currentIndexChanged.connect(self._month_changed)
        top.addWidget(self.month)
        top.addStretch(1)
        layout.addLayout(top)

        intro = QLabel(self.tr("Type a target in baht and a commission rate in percent, then Save. Won counts the "
                               "deals moved into a won stage during the month."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.banner = QLabel()
        self.banner.setObjectName("targetsError")
        self.banner.setStyleSheet("color: #c62828; font-weight: bold;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("targetsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Sales rep"), self.tr("Target (฿)"), self.tr("Commission %"), self.tr("Won (฿)"),
            self.tr("Deals won"), self.tr("Attainment"), self.tr("Commission earned (฿)"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(REP, QHeaderView.ResizeMode.Stretch)
        for column in range(TARGET, EARNED + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveTargetsButton")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        env.bus.changed.connect(self._on_changes)
        self.reload()

    # --- loading --------------------------------------------------------------------------

    def month_key(self) -> str:
        return str(self.month.currentData())

    def select_month(self, key: str) -> bool:
        index = self.month.findData(key)
        if index >= 0:
            self.month.setCurrentIndex(index)
        return index >= 0

    def _on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*RELOAD_ON) and not changes.made_by(self) and not self.is_modified():
            self.reload()

    def reload(self) -> None:
        rows = {r.owner_id: r for r in attainment(self.env.db, self.month_key())}
        lines: list[RepLine] = []
        for user in users(self.env.db):
            row = rows.get(user.id)
            lines.append(self._line(user.id, user.name, row))
        shown = {line.owner_id for line in lines}
        for owner_id, row in rows.items():  # inactive reps with a target or a win, and unowned wins
            if owner_id not in shown:
                name = row.rep_name if owner_id else self.tr("(no owner)")
                lines.append(self._line(owner_id, name, row))
        self.rows = rows
        self.lines = lines
        self.table.blockSignals(True)
        self.table.setRowCount(len(lines))
        for index, line in enumerate(lines):
            self._fill_row(index, line, rows.get(line.owner_id))
        self.table.blockSignals(False)
        self._update_modified()

    def _line(self, owner_id: str | None, name: str, row: AttainmentRow | None) -> RepLine:
        has_target = row is not None and (row.target_satang > 0 or row.commission_bp > 0)
        target = target_text(row.target_satang) if row is not None else ""
        rate = rate_text(row.commission_bp) if has_target and row is not None else ""
        return RepLine(owner_id, name, target, rate, has_target)

    def _fill_row(self, index: int, line: RepLine, row: AttainmentRow | None) -> None:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        texts = {
            REP: line.name,
            TARGET: line.target,
            RATE: line.rate,
            WON: format_money(row.won_satang, with_symbol=False) if row is not None else "0.00",
            COUNT: str(row.won_count) if row is not None else "0",
            PERCENT: percent_text(row.percent if row is not None else None),
            EARNED: format_money(row.commission_satang, with_symbol=False) if row is not None else "0.00",
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if column in EDITABLE and line.owner_id is not None:
                flags |= Qt.ItemFlag.ItemIsEditable
                item.setToolTip(self.tr("Double-click or start typing to change it."))
            item.setFlags(flags)
            if column != REP:
                item.setTextAlignment(right)
            self.table.setItem(index, column, item)

    # --- editing --------------------------------------------------------------------------

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text().strip()

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Type into an editable cell (as the user's edit would end)."""
        item = self.table.item(row, column)
        if item is not None:
            item.setText(text)

    def row_of(self, owner_id: str | None) -> int:
        return next((i for i, line in enumerate(self.lines) if line.owner_id == owner_id), -1)

    def changed_rows(self) -> list[int]:
        return [
            i for i, line in enumerate(self.lines)
            if line.owner_id is not None
            and (self.cell_text(i, TARGET) != line.target or self.cell_text(i, RATE) != line.rate)
        ]

    def is_modified(self) -> bool:
        return bool(self.changed_rows())

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in EDITABLE:
            self._update_modified()

    def _update_modified(self) -> None:
        changed = set(self.changed_rows())
        bold = self.font()
        bold.setBold(True)
        self.table.blockSignals(True)
        for index in range(self.table.rowCount()):
            for column in EDITABLE:
                item = self.table.item(index, column)
                if item is not None:
                    item.setFont(bold if index in changed else self.font())
        self.table.blockSignals(False)
        self.save_button.setEnabled(bool(changed))

    def _month_changed(self, *_args: object) -> None:
        key = self.month_key()
        if key == self._month_key:
            return
        if not self.is_modified():
            self._month_key = key
            self.reload()
            return
        previous = self._month_key
        self.month.blockSignals(True)
        self.select_month(previous)  # back until the user agrees to drop the edits
        self.month.blockSignals(False)
        confirm(self, self.tr("Discard changes?"),
                self.tr("You changed targets of this month. Switch month without saving?"),
                lambda: self._switch_month(key), yes_text=self.tr("Discard"))

    def _switch_month(self, key: str) -> None:
        self.month.blockSignals(True)
        self.select_month(key)
        self.month.blockSignals(False)
        self._month_key = key
        self.reload()

    # --- saving ---------------------------------------------------------------------------

    def _show_problem(self, row: int, column: int, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()
        item = self.table.item(row, column)
        if item is not None:
            self.table.blockSignals(True)
            item.setBackground(QBrush(QColor("#ffebee")))
            self.table.blockSignals(False)
            self.table.setCurrentItem(item)

    def _clear_problems(self) -> None:
        self.banner.hide()
        self.table.blockSignals(True)
        for index in range(self.table.rowCount()):
            for column in EDITABLE:
                item = self.table.item(index, column)
                if item is not None:
                    item.setBackground(QBrush())
        self.table.blockSignals(False)

    def save(self) -> bool:
        """Check every changed row, then save each one; False when nothing was saved for a problem."""
        self._clear_problems()
        month = self.month_key()
        plans: list[tuple[RepLine, int | None, int]] = []  # (line, target or None to delete, rate)
        for index in self.changed_rows():
            line = self.lines[index]
            target_raw, rate_raw = self.cell_text(index, TARGET), self.cell_text(index, RATE)
            rate = parse_rate(rate_raw)
            if rate is None:
                self._show_problem(index, RATE, self.tr(
                    "%1: a commission rate is a percentage from 0 to 100 with at most 2 decimals, "
                    "for example 3.00.").replace("%1", line.name))
                return False
            if not target_raw and not rate_raw:
                if line.has_target:
                    plans.append((line, None, 0))
                continue
            try:
                target = parse_money(target_raw) if target_raw else 0
            except DomainError as err:
                self._show_problem(index, TARGET, f"{line.name}: {err.text(self.env.lang)}")
                return False
            if target < 0:
                self._show_problem(index, TARGET, self.tr("%1: a target cannot be negative.").replace(
                    "%1", line.name))
                return False
            plans.append((line, target, rate))
        label = self.month.currentText()
        done: ChangeSet | None = None
        for line, target, rate in plans:
            owner_id = str(line.owner_id)
            if target is None:
                description = self.tr("Removed the target of %1 for %2").replace("%1", line.name).replace(
                    "%2", label)
                done = perform(self, self.env.bus, self.env.lang,
                               lambda o=owner_id: delete_target(self.env.ctx.uow(), o, month),
                               description=description)
            else:
                description = self.tr("Saved the target of %1 for %2").replace("%1", line.name).replace(
                    "%2", label)
                done = perform(self, self.env.bus, self.env.lang,
                               lambda o=owner_id, t=target, r=rate: set_target(self.env.ctx.uow(), o, month,
                                                                               t, r),
                               description=description)
            if done is None:
                break  # the error is shown; rows saved before it stay saved
        if plans and done is None:
            return False  # the edits stay on screen (saving a row again is harmless)
        self.reload()
        return True

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        if self._discard_ok or not self.isVisible() or not self.is_modified():
            super().reject()
            return
        confirm(self, self.tr("Discard changes?"), self.tr("You changed targets without saving. Close anyway?"),
                self.discard, yes_text=self.tr("Discard"))

    def discard(self) -> None:
        """Close without saving and without asking (e.g. before the language is switched)."""
        self._discard_ok = True
        super().reject()

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.env.bus.changed.disconnect(self._on_changes)
        super().done(result)
