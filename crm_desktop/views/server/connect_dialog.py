"""File › Connect to an office server…: where the server is, a test of the connection, and the choice
remembered for this desk's next start (the address in the user's settings, the password in the
system's keyring, or asked at each start where no keyring works).

The app keeps one database for as long as it runs, so the new choice takes effect when it starts
again: the dialog offers to restart it now.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.services.connections import (
    DEFAULT_PORT,
    ServerInput,
    forget_password,
    keep_password,
    keyring_works,
    saved_password,
    server_address,
    server_input,
    test_connection,
)
from crm_desktop.ui.forms import FormErrors
from crm_desktop.ui.prefs import Prefs
from crm_desktop.ui.tasks import Task
from crm_desktop.views.login_dialog import password_edit


class ConnectDialog(QDialog):
    """The server's address and password; Connect tests them and remembers them. `address` is the
    address chosen ("" when the desk went back to its own file)."""

    def __init__(self, prefs: Prefs, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.address = prefs.office_server
        self.task: Task | None = None
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to an office server"))
        self.setMinimumWidth(480)  # the keyring's line in Thai
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every desk of the office works on the same data at once. Ask whoever set up the "
                               "server (PostgreSQL) for these details."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.banner = QLabel()
        self.banner.setObjectName("connectBanner")
        self.banner.setWordWrap(True)
        self.errors = FormErrors(self.banner, lang)
        layout.addWidget(self.banner)
        typed = server_input(self.address) if self.address else ServerInput("")
        form = QFormLayout()
        self.host = self._line("hostEdit", typed.host, "office-server")
        form.addRow(self.tr("Server"), self.host)
        self.port = QSpinBox()
        self.port.setObjectName("portSpin")
        self.port.setRange(1, 65535)
        self.port.setValue(typed.port or DEFAULT_PORT)
        form.addRow(self.tr("Port"), self.port)
        self.database = self._line("databaseEdit", typed.database or "crm", "crm")
        form.addRow(self.tr("Database"), self.database)
        self.user = self._line("userEdit", typed.user or "crm", "crm")
        form.addRow(self.tr("User name"), self.user)
        self.password = password_edit("serverPasswordEdit")
        self.password.setText((saved_password(self.address) or "") if self.address else "")
        form.addRow(self.tr("Password"), self.password)
        self.encrypted = QCheckBox(self.tr("Encrypted connection (TLS)"))
        self.encrypted.setObjectName("encryptedCheck")
        self.encrypted.setChecked(typed.encrypted)
        form.addRow("", self.encrypted)
        self.remember = QCheckBox(self.tr("Keep the password in this computer's keyring"))
        self.remember.setObjectName("rememberCheck")
        works = keyring_works()
        self.remember.setChecked(works)
        self.remember.setEnabled(works)
        if not works:
            self.remember.setToolTip(self.tr("This computer has no keyring: the password is asked at each start."))
        form.addRow("", self.remember)
        layout.addLayout(form)
        for key, widget in (("host", self.host), ("database", self.database), ("user", self.user),
                            ("port", self.port)):
            self.errors.register(key, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.setObjectName("testButton")
        self.test_button.clicked.connect(lambda: self._check(connect=False))
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(lambda: self._check(connect=True))
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.file_button = QPushButton(self.tr("Use this computer's file"))
        self.file_button.setObjectName("useFileButton")
        self.file_button.clicked.connect(self.use_file)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.file_button.setVisible(bool(self.address))  # after addButton, which shows it
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _line(self, name: str, value: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def typed(self) -> ServerInput:
        return ServerInput(self.host.text(), self.database.text(), self.user.text(), self.port.value(),
                           self.encrypted.isChecked())

    def _check(self, *, connect: bool) -> None:
        """Test the address in the background (an unreachable server takes seconds to give up)."""
        self.errors.clear()
        try:
            address = server_address(self.typed())
        except DomainError as err:
            self.errors.show_error(err)
            return
        password = self.password.text()
        self._busy(True)
        self.banner.setText(self.tr("Connecting…"))
        self.task = Task(self, lambda _progress: test_connection(address, password), show_progress=False)
        self.task.finished.connect(lambda ours: self._tested(address, password, bool(ours), connect))
        self.task.failed.connect(self._failed)
        self.task.ended.connect(lambda: self._busy(False))
        self.task.start()

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.connect_button):
            button.setEnabled(not busy)

    def _failed(self, exc: object) -> None:
        if isinstance(exc, DomainError):
            self.errors.show_error(exc)
        else:
            self.banner.setText(str(exc))

    def _tested(self, address: str, password: str, ours: bool, connect: bool) -> None:
        if ours:
            self.banner.setText(self.tr("Connected: the server holds this office's data."))
        else:
            self.banner.setText(self.tr("Connected: the database is empty; the first desk that opens it sets it up."))
        if not connect:
            return
        if self.address and self.address != address:
            forget_password(self.address)
        if self.remember.isChecked() and password:
            keep_password(address, password)
        else:
            forget_password(address)
        self.prefs.office_server = address
        self.address = address
        self.accept()

    def use_file(self) -> None:
        """Go back to the database file in this user's data folder at the next start."""
        forget_password(self.address)
        self.prefs.office_server = ""
        self.address = ""
        self.accept()
