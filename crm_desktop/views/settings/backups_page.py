"""Settings › Backups: this database's backups, Back up now, Restore, how many to keep.

Backing up and restoring run in the background with a progress dialog. A restore replaces every
record, so the page says so first, and afterwards the main window rebuilds its screens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.roles import BACKUP, RESTORE, RESTORE_SERVER, SETTINGS
from crm_desktop.services.backups import (
    KEEP_MAX,
    KEEP_MIN,
    PG_DUMP,
    Restored,
    back_up_now,
    backup_kind,
    backups,
    backups_folder,
    backups_to_keep,
    restore_backup,
)
from crm_desktop.ui.errors import confirm, show_error, show_warning
from crm_desktop.ui.tables import row_table
from crm_desktop.ui.tasks import ProgressFn, Task, run_task
from crm_desktop.views.common import ViewEnv

PATH_ROLE = Qt.ItemDataRole.UserRole
BACKUP_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;* (*)"
SERVER_BACKUP_FILTER = "pg_dump (*.dump);;SQLite (*.sqlite3);;* (*)"  # an office server's two kinds


def reason_text(reason: str) -> str:
    """How each occasion of a backup is named on screen; an unknown one as it is written."""
    texts = {
        "daily": QCoreApplication.translate("BackupsPage", "Daily"),
        "manual": QCoreApplication.translate("BackupsPage", "Made by hand"),
        "before-upgrade": QCoreApplication.translate("BackupsPage", "Before an upgrade"),
        "before-restore": QCoreApplication.translate("BackupsPage", "Before a restore"),
        "import": QCoreApplication.translate("BackupsPage", "Before an import"),
        "sync-import": QCoreApplication.translate("BackupsPage", "Before a sync import"),
    }
    return texts.get(reason, reason)


def start_restore(parent: QWidget, env: ViewEnv, source: Path, on_done: Callable[[Restored], None]) -> Task:
    """Restore `source` into the open database in the background (no Cancel: it is one transaction)."""

    def work(progress: ProgressFn) -> Restored:
        return restore_backup(env.ctx, source, progress)

    return run_task(
        parent,
        work,
        title=QCoreApplication.translate("BackupsPage", "Restore"),
        label=QCoreApplication.translate("BackupsPage", "Restoring the backup…"),
        on_done=on_done,
        on_error=lambda exc: show_error(parent, exc, env.lang),
        cancellable=False,
    )


def tell_if_settings_lost(parent: QWidget | None, done: Restored, *, modal: bool = False) -> None:
    """A restore over a database that could not be read could not keep this copy's own settings."""
    if done.own_settings_lost:
        show_warning(parent, QCoreApplication.translate(
            "BackupsPage", "This copy's own settings could not be read from the damaged database, so those saved "
            "in the backup are in use. Check the office key on the Sync tab and the number of backups to keep."),
            title=QCoreApplication.translate("BackupsPage", "Restore"), modal=modal)


class BackupsPage(QWidget):
    """`restored(Restored)` after a restore: every screen must load its data again."""

    restored = Signal(object)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("backupsPage")
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A backup is made every day when the program starts, and before upgrades, imports and restores; "
                "the oldest automatic ones are deleted. Backups you make yourself are kept until you delete them."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = row_table("backupsTable", [self.tr("Made"), self.tr("Kind"), self.tr("Size")], stretch=1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.backup_button = self._button(row, "backupNowButton", self.tr("Back up now"), self.back_up_now)
        self.restore_button = self._button(row, "restoreButton", self.tr("Restore…"), self.restore_selected)
        self.restore_file_button = self._button(
            row, "restoreFileButton", self.tr("Restore from file…"), self.restore_from_file
        )
        row.addStretch(1)
        self.folder_button = self._button(row, "openFolderButton", self.tr("Open folder"), self.open_folder)
        layout.addLayout(row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.keep = QSpinBox()
        self.keep.setObjectName("keepSpin")
        self.keep.setRange(KEEP_MIN, KEEP_MAX)
        self.keep_saved = backups_to_keep(env.ctx)
        self.keep.setValue(self.keep_saved)
        form.addRow(self.tr("Automatic backups to keep"), self.keep)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.status)
        layout.addLayout(form)
        self.reload()

    def _button(self, row: QHBoxLayout, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        row.addWidget(button)
        return button

    @property
    def db_path(self) -> Path:
        return self.env.ctx.database.path

    def reload(self) -> None:
        found = backups(self.db_path)
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            size = self.tr("%1 MB").replace("%1", f"{info.size / 1_000_000:,.1f}")
            for column, text in enumerate((self.env.datetime_text(info.made_at), reason_text(info.reason), size)):
                item = QTableWidgetItem(text)
                item.setData(PATH_ROLE, str(info.path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        busy = self.task is not None
        # The services refuse what the role may not do anyway; an office server is the owner's to restore.
        may_restore = self.env.may(RESTORE if self.env.ctx.database.server is None else RESTORE_SERVER)
        self.restore_button.setEnabled(not busy and may_restore and self.selected_row() is not None)
        self.restore_file_button.setEnabled(not busy and may_restore)
        self.backup_button.setEnabled(not busy and self.env.may(BACKUP))
        self.keep.setEnabled(self.env.may(SETTINGS))

    def _started(self, task: Task) -> Task:
        self.task = task
        task.ended.connect(self._ended)
        self._update_buttons()
        return task

    def _ended(self) -> None:
        self.task = None
        self._update_buttons()

    # --- actions ----------------------------------------------------------------------------

    def back_up_now(self) -> Task:
        now, ctx = self.env.now(), self.env.ctx
        location = ctx.database.server or self.db_path  # a server's backups are written by its desk

        def work(progress: ProgressFn) -> Path:
            ctx.require(BACKUP)
            return back_up_now(location, None, progress, now=now)

        def failed(exc: BaseException) -> None:
            if task.cancel_requested:
                self.status.setText(self.tr("Cancelled: no backup was made."))
            else:
                show_error(self, exc, self.env.lang)

        task = run_task(
            self,
            work,
            title=self.tr("Back up"),
            label=self.tr("Backing up the database…"),
            on_done=self._backed_up,
            on_error=failed,
        )
        return self._started(task)

    def _backed_up(self, path: Path) -> None:
        self.reload()
        if self.env.ctx.database.server is None:
            text = self.tr("Backup saved: %1")
        elif backup_kind(path) == PG_DUMP:
            text = self.tr("Backup of the office server saved by pg_dump: %1")
        else:
            text = self.tr("Backup of the office server saved by this program's own export, as a database file "
                           "(pg_dump is not installed on this computer): %1")
        self.status.setText(text.replace("%1", str(path)))

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is not None and self.task is None:
            item = self.table.item(row, 0)
            self.ask_restore(Path(item.data(PATH_ROLE)), self.tr("the backup of %1").replace("%1", item.text()))

    def restore_from_file(self) -> None:
        kinds = BACKUP_FILTER if self.env.ctx.database.server is None else SERVER_BACKUP_FILTER
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from file"), str(self.db_path.parent), kinds)
        if name:
            self.ask_restore(Path(name), Path(name).name)

    def ask_restore(self, source: Path, what: str) -> None:
        """Say what happens to the current data, then restore on Yes."""
        confirm(
            self,
            self.tr("Restore a backup"),
            self.tr("Replace all the data in this database with %1?").replace("%1", what),
            lambda: self._started(start_restore(self, self.env, source, self._restored)),
            yes_text=self.tr("Restore"),
            informative=self.tr(
                "Everything entered since that backup will be replaced. A backup of the current data is made "
                "first, so you can go back to it the same way."
            ) + ("" if self.env.ctx.database.server is None else " " + self.tr(
                "This is the office server: the data of every desk is replaced, and the other desks are told to "
                "start the program again.")),
        )

    def _restored(self, done: Restored) -> None:
        self.reload()
        self.restored.emit(done)

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups_folder(self.db_path))))
