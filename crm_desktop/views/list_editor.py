"""A window over a short list of settings records (scoring rules, stages) edited one at a time."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QWidget

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
