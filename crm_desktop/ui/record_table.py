"""The list widget of every tab: a QTableView over a LazyTableModel that keeps the selection
across reloads and re-sorts, and remembers visible columns, widths and sort in the preferences."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.prefs import Prefs
from crm_desktop.ui.table_model import LazyTableModel


class RecordTable(QTableView):
    """`current_changed(id or None)` when the current record changes; `activated_id(id)` on
    double-click or Enter."""

    current_changed = Signal(object)
    activated_id = Signal(str)

    def __init__(self, name: str, model: LazyTableModel, prefs: Prefs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.prefs = prefs
        self.setObjectName(f"{name}Table")
        self.setModel(model)
        self._model = model
        self._stash: tuple[list[str], str | None] = ([], None)
        self._current_id: str | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.verticalHeader()
        vheader.hide()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring: 300k rows stay cheap
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(False)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_columns)
        self._restore_columns()
        saved_sort = prefs.sort(name)
        if saved_sort is not None:
            column = next(
                (i for i, c in enumerate(model.columns) if c.sortable and c.key == saved_sort[0]), -1
            )
            if column >= 0:
                model.sort_key = model.columns[column].sort_by
                model.descending = saved_sort[1]
        sort_col = model.sort_column()
        header.setSortIndicator(
            max(sort_col, 0), Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
        )
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.sectionResized.connect(lambda *_: self._save_timer.start())
        model.modelAboutToBeReset.connect(self._stash_selection)
        model.modelReset.connect(self._restore_selection)
        model.layoutAboutToBeChanged.connect(self._stash_selection)
        model.layoutChanged.connect(self._restore_selection)
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.doubleClicked.connect(self._double_clicked)

    @property
    def lazy_model(self) -> LazyTableModel:
        return self._model

    # --- selection ------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    def selected_keys(self) -> list[str]:
        keys = [self._model.key_at(r) for r in self.selected_rows()]
        return [k for k in keys if k is not None]

    def selected_ids(self) -> list[str]:
        return self._model.ids_at(self.selected_rows())

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self._model.id_at(index.row())

    def select_keys(self, keys: list[str], current: str | None = None) -> None:
        model = self._model
        selection = QItemSelection()
        last = model.columnCount() - 1
        for key in keys:
            pos = model.position_of_key(key)
            if pos >= 0:
                selection.select(model.index(pos, 0), model.index(pos, last))
        sel = self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        sel.select(selection, flags)
        target = current if current is not None else (keys[0] if keys else None)
        pos = model.position_of_key(target) if target is not None else -1
        if pos >= 0:
            index = model.index(pos, max(self.horizontalHeader().logicalIndexAt(0), 0))
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._emit_current()

    def select_key(self, key: str) -> bool:
        if self._model.position_of_key(key) < 0:
            return False
        self.select_keys([key], key)
        return True

    def _stash_selection(self) -> None:
        index = self.currentIndex()
        current = self._model.key_at(index.row()) if index.isValid() else None
        self._stash = (self.selected_keys(), current)

    def _restore_selection(self) -> None:
        keys, current = self._stash
        self._stash = ([], None)
        if keys or current is not None:
            self.select_keys(keys, current)
        else:
            self._emit_current()

    def _current_row_changed(self, *_args: object) -> None:
        self._emit_current()

    def _emit_current(self) -> None:
        current = self.current_id()
        if current != self._current_id:
            self._current_id = current
            self.current_changed.emit(current)

    def _double_clicked(self, index: object) -> None:
        rid = self.current_id()
        if rid is not None:
            self.activated_id.emit(rid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            rid = self.current_id()
            if rid is not None:
                self.activated_id.emit(rid)
                return
        super().keyPressEvent(event)

    # --- sorting --------------------------------------------------------------------------

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        model = self._model
        if not model.columns[column].sortable:
            # Not sortable in SQL: put the indicator back where the data is really sorted.
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                model.sort_column(),
                Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self.prefs.set_sort(self.name, model.columns[column].key, order == Qt.SortOrder.DescendingOrder)

    # --- columns --------------------------------------------------------------------------

    def _restore_columns(self) -> None:
        columns = self._model.columns
        hidden = self.prefs.hidden_columns(self.name, tuple(c.key for c in columns if not c.visible))
        widths = self.prefs.column_widths(self.name)
        for i, col in enumerate(columns):
            self.setColumnWidth(i, widths.get(col.key, col.width))
            self.setColumnHidden(i, col.key in hidden)
        if all(self.isColumnHidden(i) for i in range(len(columns))) and columns:
            self.setColumnHidden(0, False)

    def save_columns(self) -> None:
        columns = self._model.columns
        self.prefs.set_hidden_columns(self.name, {c.key for i, c in enumerate(columns) if self.isColumnHidden(i)})
        widths = {c.key: self.columnWidth(i) for i, c in enumerate(columns) if not self.isColumnHidden(i)}
        old = self.prefs.column_widths(self.name)
        old.update(widths)
        self.prefs.set_column_widths(self.name, old)

    def visible_column_keys(self) -> list[str]:
        return [c.key for i, c in enumerate(self._model.columns) if not self.isColumnHidden(i)]

    def set_column_visible(self, key: str, visible: bool) -> None:
        index = self._model.column_index(key)
        if index < 0:
            return
        if not visible and len(self.visible_column_keys()) <= 1:
            return  # keep at least one column
        self.setColumnHidden(index, not visible)
        if visible and self.columnWidth(index) < 20:
            self.setColumnWidth(index, self._model.columns[index].width)
        self.save_columns()

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for i, col in enumerate(self._model.columns):
            action = menu.addAction(col.header)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(i))
            action.toggled.connect(lambda checked, key=col.key: self.set_column_visible(key, checked))
        menu.addSeparator()
        menu.addAction(self.tr("Columns…"), self.choose_columns)
        menu.popup(self.horizontalHeader().mapToGlobal(pos))

    def choose_columns(self) -> ColumnsDialog:
        dialog = ColumnsDialog(self)
        dialog.open()
        return dialog


class ColumnsDialog(QDialog):
    """View > Columns…: tick the columns to show."""

    def __init__(self, table: RecordTable) -> None:
        super().__init__(table)
        self.table = table
        self.setObjectName("columnsDialog")
        self.setWindowTitle(self.tr("Columns"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Show these columns:")))
        self.boxes: dict[str, QCheckBox] = {}
        for i, col in enumerate(table.lazy_model.columns):
            box = QCheckBox(col.header)
            box.setChecked(not table.isColumnHidden(i))
            layout.addWidget(box)
            self.boxes[col.key] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        chosen = [key for key, box in self.boxes.items() if box.isChecked()]
        if not chosen:
            return
        for key, box in self.boxes.items():
            index = self.table.lazy_model.column_index(key)
            self.table.setColumnHidden(index, not box.isChecked())
            if box.isChecked() and self.table.columnWidth(index) < 20:
                self.table.setColumnWidth(index, self.table.lazy_model.columns[index].width)
        self.table.save_columns()
        super().accept()
