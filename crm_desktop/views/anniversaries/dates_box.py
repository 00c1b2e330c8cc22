"""Custom yearly dates (wedding, first order, membership…) of one contact or account: the small list
on its detail pane; the form that adds or edits one is date_dialog.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.anniversaries import custom_dates
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.views.anniversaries.texts import yearly_date_text
from crm_desktop.views.common import ViewEnv

if TYPE_CHECKING:
    from crm_desktop.views.anniversaries.date_dialog import CustomDateDialog


class CustomDatesBox(QGroupBox):
    """The special dates of the contact or account a detail pane shows, with Add / Edit / Delete."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("customDatesBox")
        self.setTitle(self.tr("Special dates"))
        self.contact_id: str | None = None
        self.account_id: str | None = None
        self.dialog: CustomDateDialog | None = None
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("customDatesList")
        self.list.setMaximumHeight(90)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_date())
        self.list.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addDateButton")
        self.add_button.clicked.connect(self.add_date)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editDateButton")
        self.edit_button.clicked.connect(self.edit_date)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteDateButton")
        self.delete_button.clicked.connect(self.delete_date)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        env.bus.changed.connect(self._on_changes)
        self._selection_changed()

    def show_for(self, *, contact_id: str | None = None, account_id: str | None = None) -> None:
        """List the dates of this contact or account (both None: nothing is shown)."""
        self.contact_id, self.account_id = contact_id, account_id
        self.setVisible(contact_id is not None or account_id is not None)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.contact_id is None and self.account_id is None:
            return
        env = self.env
        for row in custom_dates(env.db, contact_id=self.contact_id, account_id=self.account_id):
            text = f"{yearly_date_text(row.month, row.day, row.year, env.lang, env.buddhist)} — {row.title}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if self.list.count() == 0:
            empty = QListWidgetItem(self.tr("None yet: add a wedding, first order or membership date."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._selection_changed()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_changes(self, changes: ChangeSet) -> None:
        if Entity.ANNIVERSARY in changes and self.isVisible():
            self.reload()

    def _open(self, dialog: CustomDateDialog) -> CustomDateDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_date(self) -> CustomDateDialog:
        from crm_desktop.views.anniversaries.date_dialog import CustomDateDialog

        return self._open(CustomDateDialog(self.env, None, self, contact_id=self.contact_id,
                                           account_id=self.account_id))

    def edit_date(self) -> CustomDateDialog | None:
        from crm_desktop.views.anniversaries.date_dialog import CustomDateDialog

        date_id = self.selected_id()
        return None if date_id is None else self._open(CustomDateDialog(self.env, date_id, self))

    def delete_date(self) -> None:
        date_id = self.selected_id()
        item = self.list.currentItem()
        if date_id is None or item is None:
            return
        label = item.text()
        confirm(self, self.tr("Delete special date"), self.tr("Delete %1?").replace("%1", label),
                lambda: self._delete(date_id, label), yes_text=self.tr("Delete"))

    def _delete(self, date_id: str, label: str) -> None:
        from crm_desktop.services.anniversaries import delete_custom_dates, restore_custom_dates

        env = self.env
        done = perform(self, env.bus, env.lang, lambda: delete_custom_dates(env.ctx.uow(), [date_id]),
                       description=self.tr("Deleted: %1").replace("%1", label))
        if done is not None:
            env.undo.offer(Entity.ANNIVERSARY, [date_id], lambda: restore_custom_dates(env.ctx.uow(), [date_id]), label)
