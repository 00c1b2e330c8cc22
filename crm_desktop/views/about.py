"""Help > About: the version of the program, Python, Qt and SQLite (and the office server's PostgreSQL),
where the database is, the data, backup and log folders with "Open folder", and "Copy" for the same
facts as text (what `crm-desktop --version` prints: services/diagnostics.py builds both)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.app import AppContext
from crm_desktop.services.diagnostics import Facts, gather_facts
from crm_desktop.ui.versions import qt_version

OpenUrl = Callable[[QUrl], bool]


class AboutDialog(QDialog):
    """`open_url`: how a folder is opened (the system's file manager; tests give their own)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 open_url: OpenUrl = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle(self.tr("About"))
        self.open_url = open_url
        self.facts: Facts = gather_facts(database=ctx.database, qt=qt_version())
        self.open_buttons: dict[str, QPushButton] = {}
        facts = self.facts
        title = QLabel(self.tr("CRM Desktop %1").replace("%1", facts.version))
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(self.tr(
            "An offline-first CRM for small Thai businesses: accounts, contacts and more, kept in one file "
            "on this computer.\n\nThai text uses the Sarabun font (SIL Open Font License)."
        ))
        blurb.setObjectName("aboutBlurb")
        blurb.setWordWrap(True)
        form = QFormLayout()  # product names stay as they are, in both languages
        form.addRow("Python", self._value(facts.python))
        form.addRow("Qt", self._value(facts.qt))
        form.addRow("SQLite", self._value(facts.sqlite))
        if facts.on_server:
            form.addRow("PostgreSQL", self._value(facts.postgresql or self.tr("not connected")))
            form.addRow(self.tr("Office server"), self._value(facts.database))
        else:
            assert facts.database_file is not None
            form.addRow(self.tr("Database"), self._folder_row("database", facts.database_file,
                                                             facts.database_file.parent))
        form.addRow(self.tr("Data folder"), self._folder_row("data", facts.data_folder))
        form.addRow(self.tr("Backup folder"), self._folder_row("backups", facts.backup_folder))
        form.addRow(self.tr("Log folder"), self._folder_row("log", facts.log_folder))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyFacts")
        self.copy_button.setToolTip(self.tr("Copy these facts as text, to send to whoever supports this program"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _folder_row(self, key: str, shown: Path, folder: Path | None = None) -> QWidget:
        """The path (with "not created yet" when missing) and "Open folder" for `folder` (default: it)."""
        folder = folder or shown
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        text = str(shown) if shown.exists() else self.tr("%1 (not created yet)").replace("%1", str(shown))
        label = self._value(text)
        label.setObjectName(f"{key}Path")
        label.setWordWrap(True)
        box.addWidget(label, 1)
        button = QPushButton(self.tr("Open folder"))
        button.setObjectName(f"open_{key}")
        button.setEnabled(folder.is_dir())
        button.clicked.connect(lambda: self.open_folder(folder))
        box.addWidget(button)
        self.open_buttons[key] = button
        return row

    def open_folder(self, folder: Path) -> bool:
        return bool(self.open_url(QUrl.fromLocalFile(str(folder))))

    def text(self) -> str:
        """The facts as text: what "Copy" copies and `crm-desktop --version` prints."""
        return self.facts.text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))
