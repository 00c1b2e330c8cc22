"""What the Accounts, Contacts, Leads and Deals tabs share: filter bar, lazy list, detail pane,
New/Edit/Delete with Undo, "New activity" for the record shown, and refreshing just the rows a
change names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.lookups import OWNERS_ASKED, record_key
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import Changes, ChangeSet, Entity
from crm_desktop.services.desks import OTHER_DESKS
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm, show_unexpected_error, show_warning
from crm_desktop.ui.record_table import RecordTable
from crm_desktop.ui.table_model import Column, LazyTableModel
from crm_desktop.ui.tasks import Task
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.list_export import ListSource, export_to_file, table_source

if TYPE_CHECKING:
    from crm_desktop.services.activities.edit import ActivityInput

SELECT_CREATED_MAX = 50  # after a create or undo, select the new rows when there are this few



class RecordTab(QWidget):
    """Base of a list tab. Subclasses fill in the entity-specific parts (see the abstract hooks)."""

    ENTITY: ClassVar[Entity]
    NAME = ""
    # The services that soft-delete and restore this tab's records: (unit of work, ids) -> ChangeSet.
    DELETE: ClassVar[Callable[[Any, Iterable[str]], ChangeSet]]
    RESTORE: ClassVar[Callable[[Any, Iterable[str]], ChangeSet]]
    counts_changed = Signal()
    # "New quotation…" on the detail pane (accounts, contacts, deals): new_quotation_input's keyword
    # arguments for the record shown; the main window opens the form on the Orders tab.
    QUOTES = False
    new_quotation_for = Signal(object)
    open_360 = Signal(str, str)  # ("account" | "contact", id): the customer 360 page, opened by the main window

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self._select_created = True  # select the rows an action of this window created
        self.setObjectName(f"{self.NAME}Tab")
        self.dialog: QDialog | None = None
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_filter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        self.filter_text = QLineEdit()
        self.filter_text.setObjectName("filterText")
        self.filter_text.setClearButtonEnabled(True)
        self.filter_text.setMinimumWidth(180)
        self.filter_text.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter_text.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.filter_text, 2)
        self.build_filters(bar)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        bar.addWidget(self.count_label)
        style = self.style()
        self.new_button = self._tool_button(
            QCoreApplication.translate("RecordTab", "New"), style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        )
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = self._tool_button(
            QCoreApplication.translate("RecordTab", "Edit"),
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
        )
        self.edit_button.clicked.connect(lambda: self.edit_record())
        self.delete_button = self._tool_button(
            QCoreApplication.translate("RecordTab", "Delete"), style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon)
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = self._tool_button(
            QCoreApplication.translate("RecordTab", "Export…"),
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(QCoreApplication.translate(
            "RecordTab", "Write the rows shown, with the columns shown, to an Excel or CSV file"))
        self.export_button.clicked.connect(lambda: self.export_list())
        self.export_task: Task | None = None
        for button in (self.new_button, self.edit_button, self.delete_button, self.export_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.model = LazyTableModel(self.columns(), self.keys, self.rows, head_fn=self.head, parent=self)
        self.table = RecordTable(self.NAME, self.model, env.prefs)
        self.table.current_changed.connect(self._current_changed)
        self.table.activated_id.connect(self.edit_record)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)

        self.detail_area = QScrollArea()
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setMinimumWidth(260)
        self.detail_area.setWidget(self.build_detail())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{self.NAME}Splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        state = env.prefs.splitter_state(self.NAME)
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([700, 400])
        self.splitter.splitterMoved.connect(
            lambda *_: env.prefs.set_splitter_state(self.NAME, self.splitter.saveState())
        )
        layout.addWidget(self.splitter, 1)

        self.retranslate_base()
        env.bus.changed.connect(self.on_changes)
        # The list queries its keys when the tab is first shown (showEvent): a hidden tab with
        # 300,000 contacts costs nothing at start-up.
        self.update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.model.loaded:
            try:
                self.model.reload()
            except Exception as exc:  # e.g. a damaged file: an exception escaping a Qt event crashes later
                show_unexpected_error(self, exc)
                return
            self._after_reload()

    def _tool_button(self, text: str, icon: Any) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setIcon(icon)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    def retranslate_base(self) -> None:
        self.filter_text.setPlaceholderText(self.filter_placeholder())

    # --- hooks (subclasses) ---------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def keys(self, sort: str, descending: bool) -> list[str]:
        raise NotImplementedError

    def rows(self, keys: Sequence[str]) -> Sequence[Any]:
        raise NotImplementedError

    def head(self, sort: str, descending: bool, limit: int) -> tuple[int, list[str]] | None:
        """The count and first `limit` keys, for a list whose first page is cheaper read alone
        (None: the list reads all its keys at once)."""
        return None

    def build_filters(self, bar: QHBoxLayout) -> None:
        """Add the entity's filter widgets to the bar; call `filter_changed` when they change."""

    def clear_filters(self) -> None:
        self.filter_text.blockSignals(True)
        self.filter_text.clear()
        self.filter_text.blockSignals(False)

    def filters_active(self) -> bool:
        return bool(self.filter_text.text().strip())

    def filter_placeholder(self) -> str:
        return QCoreApplication.translate("RecordTab", "Filter…")

    def add_detail_header(self, layout: QVBoxLayout) -> None:
        """The detail pane's heading: the record's name, large and bold, and a line under it."""
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.detail_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.detail_title.setFont(font)
        layout.addWidget(self.detail_title)
        row = QHBoxLayout()
        self.detail_subtitle = QLabel()
        self.detail_subtitle.setObjectName("detailSubtitle")
        self.detail_subtitle.setWordWrap(True)
        row.addWidget(self.detail_subtitle, 1)
        self.new_activity_button = QPushButton(QCoreApplication.translate("RecordTab", "New activity…"))
        self.new_activity_button.setObjectName("newActivityButton")
        self.new_activity_button.setToolTip(QCoreApplication.translate(
            "RecordTab", "Plan a call, meeting, visit or task with this record"))
        self.new_activity_button.clicked.connect(lambda: self.new_activity())
        row.addWidget(self.new_activity_button, 0, Qt.AlignmentFlag.AlignTop)
        self.new_quotation_button = QPushButton(QCoreApplication.translate("RecordTab", "New quotation…"))
        self.new_quotation_button.setObjectName("newQuotationButton")
        self.new_quotation_button.setToolTip(QCoreApplication.translate(
            "RecordTab", "A quotation for this customer or deal, filled in from it"))
        self.new_quotation_button.clicked.connect(self.new_quotation)
        self.new_quotation_button.setVisible(self.QUOTES)
        row.addWidget(self.new_quotation_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.detail_buttons = row  # where a subclass adds its own buttons beside "New activity…"

    def build_detail(self) -> QWidget:
        raise NotImplementedError

    def show_detail(self, record_id: str | None) -> None:
        raise NotImplementedError

    def open_dialog(self, record_id: str | None) -> QDialog:
        raise NotImplementedError

    def activity_preset(self) -> ActivityInput | None:
        """A new activity linked to the record shown (None when none is shown)."""
        return None

    def quotation_preset(self) -> dict[str, str] | None:
        """The record shown as new_quotation_input's keyword arguments (None when none is shown)."""
        return None

    def new_quotation(self) -> None:
        preset = self.quotation_preset()
        if preset is not None:
            self.new_quotation_for.emit(preset)

    def delete_ids(self, ids: list[str]) -> ChangeSet:
        return type(self).DELETE(self.env.ctx.uow(), ids)

    @classmethod
    def restore_records(cls, ctx: AppContext, ids: tuple[str, ...]) -> ChangeSet:
        """Undo a delete. A class method: Undo may run after this tab was rebuilt (language switch)."""
        return cls.RESTORE(ctx.uow(), ids)

    def count_text(self, shown: int) -> str:
        return QCoreApplication.translate("RecordTab", "%n record(s)", None, shown)

    def list_title(self) -> str:
        """The list's name in an export (the sheet's name and the file's)."""
        return QCoreApplication.translate("RecordTab", "Records")

    def export_source(self) -> ListSource:
        """What Export… writes: the list as shown (a tab adds vCards where it can)."""
        return table_source(self.list_title(), self.table, self.rows)

    def export_list(self) -> Task | None:
        """Export…: ask for a file and write the list, as filtered, sorted and with its columns shown."""
        self.export_task = export_to_file(self, self.env, self.export_source())
        return self.export_task

    def delete_question(self, names: list[str], count: int) -> str:
        return QCoreApplication.translate("RecordTab", "Delete %n record(s)?", None, count)

    def deleted_label(self, count: int) -> str:
        return QCoreApplication.translate("RecordTab", "Deleted %n record(s)", None, count)

    def related_changed(self, changes: ChangeSet) -> None:
        """An action touched other kinds than this tab's: refresh what this tab shows of them
        (default: nothing). The whole change set: match on its parts' kinds."""

    def refresh_filter_choices(self) -> None:
        """Reload pick lists of the filter bar (values in use, users)."""

    # --- filter and list ------------------------------------------------------------------

    def filter_changed(self, *_args: object) -> None:
        self._filter_timer.start(0)

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.reload()
        self._after_reload()

    def focus_filter(self) -> None:
        self.filter_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_text.selectAll()

    def refresh(self) -> None:
        """F5: query the list again (e.g. after another program changed the file)."""
        self.refresh_filter_choices()
        self.model.reload()
        self._after_reload()

    def _after_reload(self) -> None:
        self._update_count()
        first = self.model.key_at(0)  # not `keys[0]`: that reads every key of a list showing its head
        if self.table.current_id() is None and first is not None:
            self.table.select_keys([first])  # the new current row shows its detail
            if self.table.current_id() is not None:
                self.update_buttons()
                return
        self.show_detail(self.table.current_id())
        self.update_buttons()

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(self.model.rowCount()))

    def update_buttons(self) -> None:
        rows = len(self.table.selectionModel().selectedRows())
        writable = self.env.may_write(self.ENTITY)  # a form still opens to read; saving would be refused
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(self.table.current_id() is not None)
        chosen = self.table.selected_ids() if rows and writable and rows <= OWNERS_ASKED else []
        self.delete_button.setEnabled(bool(rows) and writable and self.env.may_change(self.ENTITY, chosen))

    def _current_changed(self, record_id: str | None) -> None:
        self.show_detail(record_id)
        self.update_buttons()

    def current_id(self) -> str | None:
        return self.table.current_id()

    def show_record(self, record_id: str) -> bool:
        """Select the record in the list (clearing the filters when they hide it) and show it."""
        key = record_key(self.env.db, self.ENTITY, record_id)
        if key is None:
            show_warning(self, QCoreApplication.translate(
                "RecordTab", "This record was deleted meanwhile; it is no longer in the list."
            ))
            return False
        if self.model.position_of_key(key) < 0:
            self.clear_filters()
            self.model.reload()
            self._update_count()
        found = self.table.select_key(key)
        self.show_detail(record_id)
        self.update_buttons()
        return found

    def row_actions(self, menu: QMenu, record_id: str) -> None:
        """Hook: add the entity's own entries to a row's context menu (after Edit and New activity)."""

    def _row_menu(self, pos: QPoint) -> QMenu | None:
        """A row's context menu: Edit, New activity and the entity's own entries."""
        index = self.table.indexAt(pos)
        found = self.model.row_at(index.row()) if index.isValid() else None
        if found is None:
            return None
        record_id = str(found.id)
        menu = QMenu(self)
        menu.setObjectName("rowMenu")
        menu.addAction(QCoreApplication.translate("RecordTab", "Edit…"), lambda: self.edit_record(record_id))
        if self.activity_preset() is not None:
            menu.addAction(QCoreApplication.translate("RecordTab", "New activity…"), lambda: self.new_activity())
        self.row_actions(menu, record_id)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("RecordTab", "Export list…"), lambda: self.export_list())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        return menu

    # --- actions --------------------------------------------------------------------------

    def new_record(self) -> QDialog:
        return self._open(None)

    def edit_record(self, record_id: str | None = None) -> QDialog | None:
        record_id = record_id or self.table.current_id()
        if record_id is None:
            return None
        return self._open(record_id)

    def new_activity(self, preset: ActivityInput | None = None) -> QDialog | None:
        """The activity form with the shown record linked (or with `preset`)."""
        preset = preset or self.activity_preset()
        if preset is None:
            return None
        from crm_desktop.views.activities.dialog import ActivityDialog  # off the start's path (12 ms)

        return self._show_dialog(lambda: ActivityDialog(self.env, self, preset=preset))

    def _open(self, record_id: str | None) -> QDialog:
        return self._show_dialog(lambda: self.open_dialog(record_id))

    def _show_dialog(self, make: Callable[[], QDialog]) -> QDialog:
        """One form at a time: raise the open one, or open the new one and forget it on close."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._dialog_gone(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def close_dialogs(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def delete_selected(self) -> None:
        ids = self.table.selected_ids()
        if not ids:
            return
        names = []
        for row in self.table.selected_rows()[:5]:
            found = self.model.row_at(row)
            if found is not None:
                names.append(found.name)
        more = len(ids) - len(names)
        listing = "\n".join(f"• {n}" for n in names)
        if more > 0:
            listing += "\n" + QCoreApplication.translate("RecordTab", "…and %n more", None, more)
        confirm(
            self,
            QCoreApplication.translate("RecordTab", "Delete"),
            self.delete_question(names, len(ids)),
            lambda: self._delete(ids),
            yes_text=QCoreApplication.translate("RecordTab", "Delete"),
            informative=listing + "\n\n" + QCoreApplication.translate(
                "RecordTab", "You can undo this with Ctrl+Z or the Undo button in the status bar."
            ),
        )

    def _delete(self, ids: list[str]) -> None:
        label = self.deleted_label(len(ids))
        changes = perform(
            self, self.env.bus, self.env.lang, lambda: self.delete_ids(ids), description=label
        )
        if changes is not None:
            ctx, ids_deleted, restore = self.env.ctx, changes[self.ENTITY].deleted, type(self).restore_records
            self.env.undo.offer(self.ENTITY, ids_deleted, lambda: restore(ctx, ids_deleted), label)

    # --- changes --------------------------------------------------------------------------

    def on_changes(self, changes: ChangeSet) -> None:
        """Once per action: this tab's own rows, then what it shows of the other kinds touched."""
        if self.ENTITY in changes:
            self._select_created = not changes.made_by(OTHER_DESKS)  # never move the user's selection
            self.own_changed(changes[self.ENTITY])
        if any(entity != self.ENTITY for entity in changes.entities):
            self.related_changed(changes)

    def own_changed(self, changes: Changes) -> None:
        """Records of this tab's kind were created, updated or deleted: re-read just those."""
        if changes.created or changes.deleted:
            current_row = self.table.currentIndex().row()
            self.model.reload()
            if changes.created and self._select_created and len(changes.created) <= SELECT_CREATED_MAX:
                keys = [record_key(self.env.db, self.ENTITY, rid) for rid in changes.created]
                found = [k for k in keys if k is not None and self.model.position_of_key(k) >= 0]
                if found:
                    self.table.select_keys(found, found[0])
            if self.table.current_id() is None and self.model.rowCount():
                row = min(max(current_row, 0), self.model.rowCount() - 1)
                key = self.model.key_at(row)
                if key is not None:
                    self.table.select_keys([key])
            self._update_count()
            self.counts_changed.emit()
        if changes.updated:
            old_rows = self.model.cached_rows(changes.updated)
            self.model.refresh_ids(changes.updated)
            self.after_update(changes.updated, old_rows)
        self.show_detail(self.table.current_id())
        self.update_buttons()

    def after_update(self, ids: tuple[str, ...], old_rows: list[Any]) -> None:
        """Hook: refresh rows of other records showing the updated ones (e.g. a parent's name).
        `old_rows` are the updated records' rows as they were cached before the change."""

    def save_state(self) -> None:
        self.table.save_columns()
        self.env.prefs.set_splitter_state(self.NAME, self.splitter.saveState())

    def state(self) -> dict[str, object]:
        return {"text": self.filter_text.text(), "selected": self.table.selected_keys(),
                "current": self.table.currentIndex().row()}

    def restore_state(self, state: dict[str, object]) -> None:
        text = str(state.get("text") or "")
        if text:
            self.filter_text.setText(text)
            self.apply_filter()
        selected = state.get("selected")
        if isinstance(selected, list) and selected:
            self.table.select_keys([str(k) for k in selected])
