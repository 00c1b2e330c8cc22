"""Settings → Users: the office's people. Each add, edit or (de)activation is saved at once, as its own
action, like the backups page; the Settings dialog's Save is for the General page only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.queries.activities.occurrences import PALETTE
from crm_desktop.queries.users import PersonRow, staff
from crm_desktop.roles import USERS
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.logins import has_password, login_required, set_login_required
from crm_desktop.services.users import ROLES, UserInput, create_user, set_active, update_user, user_input
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.forms import select_data
from crm_desktop.ui.tables import row_table
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.login_dialog import PasswordDialog


def role_labels() -> dict[str, str]:
    return {
        "owner": QCoreApplication.translate("UsersPage", "Owner"),
        "manager": QCoreApplication.translate("UsersPage", "Manager"),
        "sales": QCoreApplication.translate("UsersPage", "Sales"),
        "staff": QCoreApplication.translate("UsersPage", "Staff"),
    }


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class UserDialog(RecordDialog):
    """Add a person (user_id None) or edit one: name, role, colour, e-mail, phone."""

    entity = Entity.USER

    def __init__(self, env: ViewEnv, user_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, user_id, parent)
        self.setObjectName("userDialog")
        self.setWindowTitle(self.tr("New person") if user_id is None else self.tr("Edit person"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("nameEdit")
        form.addRow(self.tr("Name"), self.name)
        self.role = QComboBox()
        self.role.setObjectName("roleCombo")
        for role in ROLES:
            self.role.addItem(role_labels()[role], role)
        form.addRow(self.tr("Role"), self.role)
        self.colour = QComboBox()
        self.colour.setObjectName("colourCombo")
        self.colour.addItem(self.tr("Automatic"), "")
        for colour in PALETTE:
            self.colour.addItem(swatch(colour), colour, colour)
        form.addRow(self.tr("Colour in the calendar"), self.colour)
        self.email = QLineEdit()
        self.email.setObjectName("emailEdit")
        form.addRow(self.tr("E-mail"), self.email)
        self.phone = QLineEdit()
        self.phone.setObjectName("phoneEdit")
        form.addRow(self.tr("Phone"), self.phone)
        self.body.addLayout(form)
        for key, widget in (("name", self.name), ("role", self.role), ("colour", self.colour),
                            ("email", self.email), ("phone", self.phone)):
            self.errors.register(key, widget)
        if user_id is not None:
            self.fill(self.stored())
        else:
            select_data(self.role, "sales")
        self.resize(420, self.sizeHint().height())
        self.remember_initial()

    def form_input(self) -> UserInput:
        return UserInput(self.name.text(), str(self.role.currentData()), self.email.text(), self.phone.text(),
                         str(self.colour.currentData() or ""))

    def load_input(self) -> UserInput:
        assert self.record_id is not None
        return user_input(self.env.ctx.uow(), self.record_id)

    def fill(self, data: UserInput) -> None:
        self.name.setText(data.name)
        select_data(self.role, data.role)
        if data.colour and self.colour.findData(data.colour) < 0:
            self.colour.addItem(swatch(data.colour), data.colour, data.colour)
        select_data(self.colour, data.colour)
        self.email.setText(data.email)
        self.phone.setText(format_phone(data.phone))

    def save_action(self, data: UserInput) -> ChangeSet:
        if self.record_id is None:
            return create_user(self.env.ctx.uow(), data)
        return update_user(self.uow(), self.record_id, data)


class UsersPage(QWidget):
    """The people list with Add, Edit and Deactivate / Reactivate."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("usersPage")
        self.dialog: UserDialog | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Everyone who works with the CRM. Someone who leaves is deactivated: their "
                               "records and history keep their name, and they no longer appear in lists "
                               "to choose from."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = row_table("usersTable", [self.tr("Name"), self.tr("Role"), self.tr("E-mail"), self.tr("Phone"),
                                              self.tr("Status")])
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add person…"))
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editUserButton")
        self.edit_button.clicked.connect(self.edit)
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.setObjectName("activeUserButton")
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button = QPushButton(self.tr("Set password…"))
        self.password_button.setObjectName("passwordButton")
        self.password_button.clicked.connect(self.set_password)
        for button in (self.add_button, self.edit_button, self.active_button, self.password_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.login_check = QCheckBox(self.tr("Require a login on this copy"))
        self.login_check.setObjectName("loginCheck")
        self.login_check.setToolTip(self.tr("Everyone then logs in with their password when the program starts. "
                                            "Give yourself a password first."))
        self.login_check.setChecked(login_required(env.db))
        self.login_check.toggled.connect(self._login_toggled)
        layout.addWidget(self.login_check)
        self.password_dialog: PasswordDialog | None = None
        self.rows: list[PersonRow] = []
        env.bus.changed.connect(self._changed)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        keep = keep or (self.current.id if self.current else None)
        self.rows = staff(self.env.db)
        labels = role_labels()
        self.table.setRowCount(len(self.rows))
        for i, person in enumerate(self.rows):
            name = QTableWidgetItem(swatch(person.colour), person.name)
            status = self.tr("Active") if person.active else self.tr("Deactivated")
            cells = [name, QTableWidgetItem(labels.get(person.role, person.role)), QTableWidgetItem(person.email),
                     QTableWidgetItem(format_phone(person.phone)), QTableWidgetItem(status)]
            for column, item in enumerate(cells):
                if not person.active:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(i, column, item)
        index = next((i for i, p in enumerate(self.rows) if p.id == keep), 0 if self.rows else -1)
        self.table.selectRow(index)
        self._selected()

    @property
    def current(self) -> PersonRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> None:
        person = self.current
        owner = self.env.may(USERS)  # the services refuse the others anyway
        for button in (self.edit_button, self.active_button):
            button.setEnabled(owner and person is not None)
        self.add_button.setEnabled(owner)
        self.login_check.setEnabled(owner)
        mine = person is not None and person.id == self.env.ctx.user_id
        self.password_button.setEnabled(person is not None and person.active and (owner or mine))
        self.password_button.setText(self.tr("Change my password…") if mine else self.tr("Set password…"))
        self.active_button.setText(self.tr("Reactivate") if person and not person.active else self.tr("Deactivate"))

    def _changed(self, changes: ChangeSet) -> None:
        if Entity.USER in changes:
            created = changes[Entity.USER].created
            self.reload(created[0] if created else None)

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        if self.current is not None:
            self._open(self.current.id)

    def _open(self, user_id: str | None) -> None:
        self.dialog = UserDialog(self.env, user_id, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()

    def set_password(self) -> None:
        person = self.current
        if person is None:
            return
        mine = person.id == self.env.ctx.user_id
        self.password_dialog = PasswordDialog(self.env.ctx, self.env.lang, person.id, person.name,
                                              ask_current=mine and has_password(self.env.db, person.id), parent=self)
        self.password_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog.open()

    def _login_toggled(self, on: bool) -> None:
        try:
            set_login_required(self.env.ctx, on)
        except DomainError as err:
            with QSignalBlocker(self.login_check):
                self.login_check.setChecked(not on)
            show_error(self, err, self.env.lang)

    def toggle_active(self) -> None:
        person = self.current
        if person is None:
            return
        done = self.tr("%1 reactivated") if not person.active else self.tr("%1 deactivated")
        perform(self, self.env.bus, self.env.lang, lambda: set_active(self.env.ctx.uow(), person.id, not person.active),
                description=done.replace("%1", person.name))
