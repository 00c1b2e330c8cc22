"""Find duplicates: groups of records that share a phone, e-mail, tax id or name; merge two; undo.

The search runs in the background (a full pass over 300,000 contacts takes seconds); a merge is one
service call, and the last merge can be undone from the same window.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.duplicates import DuplicateGroup, duplicate_groups
from crm_desktop.services.accounts import account_input
from crm_desktop.services.contacts import contact_input
from crm_desktop.services.duplicates import MergeResult, merge, undo_merge
from crm_desktop.services.leads import lead_input
from crm_desktop.ui.actions import perform
from crm_desktop.ui.tasks import ProgressFn, run_task
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import kind_text, reason_text

GROUP_LIMIT = 500
INPUTS = {"account": account_input, "contact": contact_input, "lead": lead_input}
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


class DuplicatesDialog(QDialog):
    """Review likely duplicates of one kind and merge them pair by pair."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(980, 620)
        self.groups: list[DuplicateGroup] = []
        self.last_merge: MergeResult | None = None
        self.values: dict[str, dict[str, Any]] = {}

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for key, text in kind_text().items():
            self.kind.addItem(text, key)
        top.addWidget(QLabel(self.tr("Look among")))
        top.addWidget(self.kind)
        self.find_button = QPushButton(self.tr("Find duplicates"))
        self.find_button.clicked.connect(self.find)
        top.addWidget(self.find_button)
        top.addStretch(1)
        self.status = QLabel()
        top.addWidget(self.status)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.group_list = QListWidget()
        self.group_list.currentItemChanged.connect(lambda *_: self.show_group())
        split.addWidget(self.group_list)
        right = QWidget()
        rlayout = QVBoxLayout(right)
        pick = QHBoxLayout()
        self.winner = QComboBox()
        self.loser = QComboBox()
        self.winner.currentIndexChanged.connect(lambda *_: self.show_fields())
        self.loser.currentIndexChanged.connect(lambda *_: self.show_fields())
        pick.addWidget(QLabel(self.tr("Keep")))
        pick.addWidget(self.winner, 1)
        pick.addWidget(QLabel(self.tr("and merge into it")))
        pick.addWidget(self.loser, 1)
        rlayout.addLayout(pick)
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Kept record"), self.tr("Merged record")])
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().hide()
        rlayout.addWidget(QLabel(self.tr("Tick a value of the merged record to keep it instead:")))
        rlayout.addWidget(self.fields, 1)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.clicked.connect(self.merge)
        self.undo_button = QPushButton(self.tr("Undo last merge"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setEnabled(False)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.merge_button)
        rlayout.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([340, 640])
        layout.addWidget(split, 1)
        self._update_buttons()

    @property
    def kind_key(self) -> str:
        return str(self.kind.currentData())

    # --- finding --------------------------------------------------------------------------

    def find(self) -> None:
        kind, db = self.kind_key, self.env.db

        def work(_progress: ProgressFn) -> list[DuplicateGroup]:
            return duplicate_groups(db, kind, GROUP_LIMIT)

        self.find_button.setEnabled(False)
        run_task(self, work, title=self.tr("Find duplicates"), label=self.tr("Looking for duplicates…"),
                 on_done=self.show_groups, on_error=lambda _e: self.find_button.setEnabled(True),
                 on_cancel=lambda: self.find_button.setEnabled(True), cancellable=False)

    def show_groups(self, groups: object) -> None:
        self.find_button.setEnabled(True)
        self.groups = list(groups)  # type: ignore[call-overload]
        self.group_list.clear()
        reasons = reason_text()
        for group in self.groups:
            text = self.tr("%1: %2 (%n records)", "", len(group.members)).replace(
                "%1", reasons.get(group.reason, group.reason)).replace("%2", group.key)
            item = QListWidgetItem(text)
            item.setData(GROUP_ROLE, group)
            self.group_list.addItem(item)
        self.status.setText(self.tr("%n group(s) found", "", len(self.groups)))
        if self.groups:
            self.group_list.setCurrentRow(0)
        self._update_buttons()

    def show_group(self) -> None:
        item = self.group_list.currentItem()
        group: DuplicateGroup | None = item.data(GROUP_ROLE) if item is not None else None
        for combo in (self.winner, self.loser):
            combo.blockSignals(True)
            combo.clear()
            for member in group.members if group else ():
                combo.addItem(member.title, member.id)
            combo.blockSignals(False)
        if group is not None and len(group.members) > 1:
            self.loser.setCurrentIndex(1)
        self.values = {}
        if group is not None:
            read = INPUTS[self.kind_key]
            self.values = {m.id: asdict(read(self.env.ctx.uow(), m.id)) for m in group.members}
        self.show_fields()

    def show_fields(self) -> None:
        winner, loser = self.values.get(self.winner.currentData()), self.values.get(self.loser.currentData())
        self.fields.setRowCount(0)
        if winner is None or loser is None or self.winner.currentData() == self.loser.currentData():
            self._update_buttons()
            return
        for name in winner:
            kept, other = winner[name], loser[name]
            if kept == other or other in (None, ""):
                continue
            row = self.fields.rowCount()
            self.fields.insertRow(row)
            label = QTableWidgetItem(self.field_label(name))
            label.setData(Qt.ItemDataRole.UserRole, name)
            self.fields.setItem(row, 0, label)
            self.fields.setItem(row, 1, QTableWidgetItem("" if kept is None else str(kept)))
            take = QTableWidgetItem("" if other is None else str(other))
            take.setFlags(take.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            take.setCheckState(Qt.CheckState.Checked if kept in (None, "") else Qt.CheckState.Unchecked)
            self.fields.setItem(row, 2, take)
        self._update_buttons()

    def field_label(self, name: str) -> str:
        labels = {
            "name": self.tr("Name"), "first_name": self.tr("First name"), "last_name": self.tr("Last name"),
            "prefix": self.tr("Prefix"), "nickname": self.tr("Nickname"), "company_name": self.tr("Company"),
            "position": self.tr("Position"), "mobile": self.tr("Mobile"), "phone": self.tr("Phone"),
            "email": self.tr("E-mail"), "line_id": self.tr("LINE ID"), "tax_id": self.tr("Tax ID"),
            "branch_code": self.tr("Branch"), "website": self.tr("Website"), "address_line": self.tr("Address"),
            "subdistrict": self.tr("Subdistrict"), "district": self.tr("District"), "province": self.tr("Province"),
            "postcode": self.tr("Postcode"), "birthday": self.tr("Birthday"), "tags": self.tr("Tags"),
            "notes": self.tr("Notes"), "industry": self.tr("Industry"), "segment": self.tr("Segment"),
            "interest": self.tr("Interest"), "owner_id": self.tr("Owner"), "account_id": self.tr("Company"),
        }
        return labels.get(name, name)

    def choices(self) -> dict[str, str]:
        """Field -> "loser" for every ticked value of the merged record."""
        out = {}
        for row in range(self.fields.rowCount()):
            if self.fields.item(row, 2).checkState() == Qt.CheckState.Checked:
                out[str(self.fields.item(row, 0).data(Qt.ItemDataRole.UserRole))] = "loser"
        return out

    # --- merging --------------------------------------------------------------------------

    def merge(self) -> None:
        winner, loser = str(self.winner.currentData()), str(self.loser.currentData())
        kind, choices = self.kind_key, self.choices()
        result = perform(self, self.env.bus, self.env.lang,
                         lambda: merge(self.env.ctx.uow(), kind, winner, loser, choices),
                         description=self.tr("Merged %1 into %2").replace("%1", self.loser.currentText())
                         .replace("%2", self.winner.currentText()))
        if result is None:
            return
        self.last_merge = result
        self.status.setText(self.tr("Merged. You can undo it."))
        self._drop_member(loser)
        self._update_buttons()

    def undo(self) -> None:
        if self.last_merge is None:
            return
        merge_id = self.last_merge.merge_id
        done = perform(self, self.env.bus, self.env.lang, lambda: undo_merge(self.env.ctx.uow(), merge_id),
                       description=self.tr("Merge undone"))
        if done is not None:
            self.last_merge = None
            self.status.setText(self.tr("Merge undone. Find duplicates again to see the group."))
        self._update_buttons()

    def _drop_member(self, record_id: str) -> None:
        """The merged record is gone: take it out of its group (and the group, once one is left)."""
        item = self.group_list.currentItem()
        if item is None:
            return
        group: DuplicateGroup = item.data(GROUP_ROLE)
        left = tuple(m for m in group.members if m.id != record_id)
        if len(left) < 2:
            self.group_list.takeItem(self.group_list.row(item))
        else:
            item.setData(GROUP_ROLE, DuplicateGroup(group.key, group.reason, left))
            self.show_group()

    def _update_buttons(self) -> None:
        pair = (self.winner.currentData() is not None and self.loser.currentData() is not None
                and self.winner.currentData() != self.loser.currentData())
        self.merge_button.setEnabled(pair)
        self.undo_button.setEnabled(self.last_merge is not None)


def open_duplicates(env: ViewEnv, parent: QWidget) -> DuplicatesDialog:
    dialog = DuplicatesDialog(env, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog



