"""A window over a short list of settings records (scoring rules, stages) edited one at a time."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.changes import Changes
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog


class ListEditorDialog(QDialog):
    """Subclasses set ENTITY, build the list and implement `reload` and `make_editor`.

    One editor at a time; the list reloads whenever its kind of record changes (here or elsewhere),
    and closing the window closes a half-filled editor without asking twice.
    """

    ENTITY = ""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.editor: RecordDialog | None = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        env.bus.changed.connect(self._on_changes)

    def reload(self) -> None:
        raise NotImplementedError

    def make_editor(self, record_id: str | None) -> RecordDialog:
        raise NotImplementedError

    def build_list(
        self,
        layout: QVBoxLayout,
        headers: list[str],
        noun: str,
        on_add: Callable[[], object],
        on_edit: Callable[[], object],
        on_delete: Callable[[], object],
    ) -> QHBoxLayout:
        """The read-only, one-row-at-a-time table and its Add / Edit / Delete row (returned, to extend).

        Widgets are named after `noun` (`{noun}sTable`, `add{Noun}Button`…) for tests and styling.
        """
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(f"{noun}sTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemDoubleClicked.connect(lambda *_: on_edit())
        self.table.itemSelectionChanged.connect(self.update_buttons)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        name = noun[0].upper() + noun[1:]
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName(f"add{name}Button")
        self.add_button.clicked.connect(lambda: on_add())
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName(f"edit{name}Button")
        self.edit_button.clicked.connect(lambda: on_edit())
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName(f"delete{name}Button")
        self.delete_button.clicked.connect(lambda: on_delete())
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        return buttons

    def update_buttons(self) -> None:
        """Enable the buttons that fit the selection."""
        raise NotImplementedError

    def add_close_button(self, row: QHBoxLayout) -> None:
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        row.addWidget(close)

    def open_editor(self, record_id: str | None) -> RecordDialog:
        if self.editor is not None and self.editor.isVisible():
            self.editor.raise_()
            return self.editor
        editor = self.make_editor(record_id)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.destroyed.connect(lambda *_: self._editor_gone(editor))
        self.editor = editor
        editor.open()
        return editor

    def _editor_gone(self, editor: RecordDialog) -> None:
        if self.editor is editor:
            self.editor = None

    def _on_changes(self, changes: Changes) -> None:
        if changes.entity == self.ENTITY:
            self.reload()

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.env.bus.changed.disconnect(self._on_changes)
        if self.editor is not None:
            self.editor.discard()
        super().done(result)
