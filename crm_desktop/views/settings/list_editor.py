"""A window over a short list of settings records (scoring rules, stages, campaigns) edited one at a time."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.tables import row_table
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog

ID_ROLE = Qt.ItemDataRole.UserRole


class ListEditorDialog(QDialog):
    """Subclasses set ENTITY, build the list and implement `reload` and `make_editor`.

    One editor at a time; the list reloads whenever its kind of record changes (its own deletes and
    moves at once, the rest when their change set comes on the bus),
    and closing the window closes a half-filled editor without asking twice.
    """

    ENTITY: ClassVar[Entity]

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
        self.table = row_table(f"{noun}sTable", headers)
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

    def set_rows(
        self, rows: Sequence[tuple[str, Sequence[str]]], align: Mapping[int, Qt.AlignmentFlag] | None = None
    ) -> None:
        """Show one row per (record id, cell texts), keeping the selected record selected."""
        current = self.current_id()
        self.table.setRowCount(len(rows))
        for row, (record_id, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, record_id)
                if align and column in align:
                    item.setTextAlignment(align[column])
                self.table.setItem(row, column, item)
        if current is not None:
            self.select_id(current)
        self.update_buttons()

    def current_id(self) -> str | None:
        """The id of the selected record, or None."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(ID_ROLE))

    def select_id(self, record_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == record_id:
                self.table.selectRow(row)
                return

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
        """Open the editor (one at a time); the record it saves is selected in the list."""
        if self.editor is not None and self.editor.isVisible():
            self.editor.raise_()
            return self.editor
        editor = self.make_editor(record_id)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._saved(editor))
        editor.destroyed.connect(lambda *_: self._editor_gone(editor))
        self.editor = editor
        editor.open()
        return editor

    def _saved(self, editor: RecordDialog) -> None:
        if editor.record_id is not None:
            self.select_id(editor.record_id)

    def _editor_gone(self, editor: RecordDialog) -> None:
        if self.editor is editor:
            self.editor = None

    def _on_changes(self, changes: ChangeSet) -> None:
        """Another window's edit of this kind (this dialog shows its own at once, with its selection)."""
        if self.ENTITY in changes and not changes.made_by(self):
            self.reload()

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.env.bus.changed.disconnect(self._on_changes)
        if self.editor is not None:
            self.editor.discard()
        super().done(result)
