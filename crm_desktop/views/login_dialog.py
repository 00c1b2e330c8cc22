"""The login at start (when this copy asks for one) and the dialog that sets a password.

A password is checked on the GUI thread: argon2 takes 0.1–0.15 s (services/logins.py), less than a
click's feedback needs. A person whose password the owner set chooses their own right after logging in.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.queries.lookups import users
from crm_desktop.services.app import AppContext
from crm_desktop.services.logins import log_in, set_first_password, set_password
from crm_desktop.ui.forms import FormErrors


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """Who (the active people) and their password; accepted once the password is right (and, when the
    owner set it, once they chose their own). `user_id` is who logged in."""

    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user_id = ""
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in"))
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, lang)
        layout.addWidget(self.banner)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setObjectName("personCombo")
        for person in users(ctx.database):
            self.person.addItem(person.name, person.id)
        form.addRow(self.tr("Who"), self.person)
        self.password = password_edit("passwordEdit")
        form.addRow(self.tr("Password"), self.password)
        self.new_password = password_edit("newPasswordEdit")
        self.repeat = password_edit("repeatPasswordEdit")
        self.new_label = QLabel(self.tr("The owner set your password: choose your own now."))
        self.new_label.setWordWrap(True)
        form.addRow(self.new_label)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("New password again"), self.repeat)
        self.new_rows = (self.new_label, self.new_password, self.repeat)
        for widget in self.new_rows:
            form.setRowVisible(widget, False)
        self.form = form
        layout.addLayout(form)
        self.errors.register("password", self.password)
        self.errors.register("new_password", self.new_password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("loginButton")
        self.ok_button.setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.log_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password.setFocus()

    def log_in(self) -> bool:
        self.errors.clear()
        if self.user_id:  # the password was right; the owner had set it
            return self._choose_own()
        person = str(self.person.currentData() or "")
        try:
            done = log_in(self.ctx.database, person, self.password.text())
        except DomainError as err:
            self.password.clear()
            self.errors.show_text("password", err.text(self.errors.lang))
            return False
        self.user_id = person
        if done.must_change:
            self.person.setEnabled(False)
            self.password.setEnabled(False)
            for widget in self.new_rows:
                self.form.setRowVisible(widget, True)
            self.new_password.setFocus()
            return False
        self.accept()
        return True

    def _choose_own(self) -> bool:
        if self.new_password.text() != self.repeat.text():
            self.errors.show_text("new_password", self.tr("The two new passwords differ; type them again."))
            return False
        self.ctx.user_id = self.user_id
        try:
            set_password(self.ctx, self.user_id, self.new_password.text(), current=self.password.text())
        except DomainError as err:
            self.errors.show_text("new_password", err.text(self.errors.lang))
            return False
        self.accept()
        return True


class PasswordDialog(QDialog):
    """Set a password: one's own (the current one first, if there is one) or, for the owner, another
    person's, who then chooses their own at their next login."""

    def __init__(self, ctx: AppContext, lang: str, user_id: str, name: str, *, ask_current: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.user_id = ctx, user_id
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Password of %1").replace("%1", name))
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, lang)
        layout.addWidget(self.banner)
        form = QFormLayout()
        self.current = password_edit("currentPasswordEdit")
        if ask_current:
            form.addRow(self.tr("Current password"), self.current)
        self.new_password = password_edit("newPasswordEdit")
        form.addRow(self.tr("New password"), self.new_password)
        self.repeat = password_edit("repeatPasswordEdit")
        form.addRow(self.tr("New password again"), self.repeat)
        if user_id != ctx.user_id:
            note = QLabel(self.tr("%1 chooses their own password at their next login.").replace("%1", name))
            note.setWordWrap(True)
            form.addRow(note)
        layout.addLayout(form)
        for key, widget in (("current", self.current), ("password", self.new_password)):
            self.errors.register(key, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.errors.clear()
        if self.new_password.text() != self.repeat.text():
            self.errors.show_text("password", self.tr("The two new passwords differ; type them again."))
            return False
        try:
            self.store(self.new_password.text())
        except DomainError as err:
            self.errors.show_error(err)
            return False
        self.accept()
        return True

    def store(self, password: str) -> None:
        set_password(self.ctx, self.user_id, password, current=self.current.text())


class FirstPasswordDialog(PasswordDialog):
    """The first start of a database that asks everyone to log in (an office server) while no owner has
    a password: the person setting it up chooses the owner's, and works as the owner from then on."""

    def __init__(self, ctx: AppContext, lang: str, parent: QWidget | None = None) -> None:
        owner = next(p for p in users(ctx.database) if p.role == "owner")
        super().__init__(ctx, lang, owner.id, owner.name, ask_current=False, parent=parent)
        self.setObjectName("firstPasswordDialog")
        self.setMinimumWidth(460)  # the Thai explanation in a few lines, not many
        intro = QLabel(self.tr("Everyone logs in to this office server. Choose the password of %1, the owner: "
                               "the owner then gives the others theirs in Settings › Users.").replace("%1", owner.name))
        intro.setWordWrap(True)
        self.layout().insertWidget(0, intro)

    def store(self, password: str) -> None:
        set_first_password(self.ctx, self.user_id, password)
