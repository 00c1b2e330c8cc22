"""Edit the reason lists (why leads are disqualified, why deals are lost): add, remove, reorder.

Removing a reason only hides it from new choices: records that already use it keep their text
(the services soft-delete the entry), and Undo brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.picklists import pick_list
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.picklists import (
    DISQUALIFY_REASON,
    ENTITY,
    LOSS_REASON,
    add_pick_value,
    move_pick_value,
    remove_pick_value,
    restore_pick_value,
)
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import FormErrors
from crm_desktop.views.common import ViewEnv


def list_labels() -> dict[str, str]:
    return {
        DISQUALIFY_REASON: QCoreApplication.translate("PicklistDialog", "Disqualify reasons (leads)"),
        LOSS_REASON: QCoreApplication.translate("PicklistDialog", "Loss reasons (deals)"),
    }


class PicklistDialog(QDialog):
    """One list at a time (chosen in a combo); every button is one service call through perform()."""

    def __init__(self, env: ViewEnv, kind: str = DISQUALIFY_REASON, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("picklistDialog")
        self.setWindowTitle(self.tr("Reasons"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(460, 440)
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, env.lang)
        outer.addWidget(self.banner)

        self.kind = QComboBox()
        self.kind.setObjectName("picklistKind")
        for key, label in list_labels().items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        outer.addWidget(self.kind)

        hint = QLabel(self.tr("Removing a reason keeps it on the records that already use it."))
        hint.setWordWrap(True)
        outer.addWidget(hint)

        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("picklistValues")
        self.list.currentRowChanged.connect(self._update_buttons)
        body.addWidget(self.list, 1)
        side = QVBoxLayout()
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeReasonButton")
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("moveUpButton")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("moveDownButton")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        body.addLayout(side)
        outer.addLayout(body, 1)

        add_row = QHBoxLayout()
        self.new_value = QLineEdit()
        self.new_value.setObjectName("newReason")
        self.new_value.setMaxLength(200)
        self.new_value.setPlaceholderText(self.tr("A new reason…"))
        self.new_value.returnPressed.connect(self.add_value)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addReasonButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_value)
        add_row.addWidget(self.new_value, 1)
        add_row.addWidget(self.add_button)
        outer.addLayout(add_row)
        self.errors.register("value", self.new_value)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        env.bus.changed.connect(self._on_changes)
        self.reload()

    # --- list -----------------------------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def values(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def reload(self, select_id: str | None = None) -> None:
        if select_id is None:
            item = self.list.currentItem()
            select_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        for entry in pick_list(self.env.db, self.current_kind()):
            item = QListWidgetItem(entry.value)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
            if entry.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_buttons()

    def select_value(self, value: str) -> None:
        self.list.setCurrentRow(self.values().index(value))

    def _kind_changed(self, *_args: object) -> None:
        self.errors.clear()
        self.reload()

    def _on_changes(self, changes: ChangeSet) -> None:
        if ENTITY in changes and not changes.made_by(self):  # its own edits it shows at once
            self.reload()

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_buttons(self, *_args: object) -> None:
        row = self.list.currentRow()
        chosen = row >= 0
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < self.list.count() - 1)

    # --- actions --------------------------------------------------------------------------

    def add_value(self) -> None:
        self.errors.clear()
        kind, text = self.current_kind(), self.new_value.text()
        changes = perform(self, self.env.bus, self.env.lang, lambda: add_pick_value(self.env.ctx.uow(), kind, text),
                          description=self.tr("Reason added"), on_domain_error=self.errors.show_error)
        if changes is not None:
            self.new_value.clear()
            self.reload(changes[ENTITY].created[0])

    def remove_current(self) -> None:
        entry_id = self._current_id()
        if entry_id is None:
            return
        self.errors.clear()
        name = self.list.currentItem().text()
        label = self.tr("Removed reason %1").replace("%1", name)
        changes = perform(self, self.env.bus, self.env.lang, lambda: remove_pick_value(self.env.ctx.uow(), entry_id),
                          description=label, on_domain_error=self.errors.show_error)
        if changes is not None:
            ctx, ids = self.env.ctx, changes[ENTITY].deleted
            self.env.undo.offer(ENTITY, ids, lambda: restore_pick_value(ctx.uow(), ids[0]), label)
            self.reload()

    def move_current(self, offset: int) -> None:
        entry_id = self._current_id()
        if entry_id is None:
            return
        self.errors.clear()
        changes = perform(self, self.env.bus, self.env.lang,
                          lambda: move_pick_value(self.env.ctx.uow(), entry_id, offset),
                          on_domain_error=self.errors.show_error)
        if changes is not None:
            self.reload(entry_id)
