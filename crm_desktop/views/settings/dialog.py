"""Settings in pages: General (language, Buddhist Era dates, company name, who is working on
this computer, how far apart two people's activities for one customer are flagged as a clash),
Company (the details printed on quotations, company_page.py), Users (the office's people,
users_page.py), Backups (see backups_page.py) and Documents (how quotation and order numbers look,
documents_page.py).

Every field is checked before anything is saved, so a bad value never leaves half the settings
changed. The main window applies a new language or date style after the dialog closed. A restore
closes the dialog without saving: its fields showed the data that was just replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.queries.activities.occurrences import clash_days
from crm_desktop.queries.lookups import users
from crm_desktop.roles import SETTINGS
from crm_desktop.services import validation
from crm_desktop.services.activities.edit import CLASH_DAYS_MAX, set_clash_days
from crm_desktop.services.app import switch_user
from crm_desktop.services.backups import Restored, set_backups_to_keep
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.company import clean_company, set_company
from crm_desktop.services.logins import login_required
from crm_desktop.services.settings import company_name, set_company_name
from crm_desktop.sync.state import office_key, set_office_key
from crm_desktop.ui.errors import show_unexpected_error
from crm_desktop.ui.forms import FormErrors, select_data
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.settings.backups_page import BackupsPage
from crm_desktop.views.settings.company_page import CompanyPage
from crm_desktop.views.settings.documents_page import DocumentsPage
from crm_desktop.views.settings.users_page import UsersPage

LANGUAGE_NAMES = (("ไทย", "th"), ("English", "en"))  # each in its own language, never translated
COMPANY_MAX = 200


@dataclass(frozen=True)
class SettingsOutcome:
    language_changed: bool = False
    era_changed: bool = False
    company_changed: bool = False
    user_changed: bool = False


class SettingsDialog(QDialog):
    """`restored(Restored)`: a backup replaced the data (the dialog then closes)."""

    restored = Signal(object)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.outcome = SettingsOutcome()
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(640, 440)
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, env.lang)
        layout.addWidget(self.banner)
        self.pages = QTabWidget()
        self.pages.setObjectName("settingsPages")
        general = QWidget()
        general.setObjectName("generalPage")
        general_layout = QVBoxLayout(general)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for label, code in LANGUAGE_NAMES:
            self.language.addItem(label, code)
        select_data(self.language, env.lang)
        form.addRow(self.tr("Language"), self.language)
        self.buddhist = QCheckBox(self.tr("Show years in the Buddhist Era (e.g. 2569 instead of 2026)"))
        self.buddhist.setObjectName("buddhistCheck")
        self.buddhist.setChecked(env.buddhist)
        form.addRow(self.tr("Dates"), self.buddhist)
        self.company = QLineEdit()
        self.company.setObjectName("companyEdit")
        self.company.setMaxLength(COMPANY_MAX + 50)  # longer text is refused with a message, not cut
        self._company = company_name(env.ctx.uow())
        self.company.setText(self._company)
        form.addRow(self.tr("Company name"), self.company)
        self.user = QComboBox()
        self.user.setObjectName("userCombo")
        self._fill_people(env.ctx.user_id)
        form.addRow(self.tr("I am"), self.user)
        self.office_key = QLineEdit()
        self.office_key.setObjectName("officeKeyEdit")
        self.office_key.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self._office_key = office_key(env.db) or ""
        self.office_key.setText(self._office_key)
        self.office_key.setPlaceholderText(self.tr("empty: sync files are not signed"))
        self.office_key.setToolTip(self.tr("The same secret on every copy of this office. Sync files are signed "
                                           "with it, and files not signed with it are refused."))
        form.addRow(self.tr("Office key for sync"), self.office_key)
        self.clash_days = QSpinBox()
        self.clash_days.setObjectName("clashDaysSpin")
        self.clash_days.setRange(0, CLASH_DAYS_MAX)
        self.clash_days.setSpecialValueText(self.tr("the same day only"))
        self.clash_days.setSuffix(self.tr(" day(s)"))
        self._clash_days = clash_days(env.db)
        self.clash_days.setValue(self._clash_days)
        self.clash_days.setToolTip(self.tr("Before an activity is saved, warn when someone else already has an "
                                           "open activity with the same customer within this many days."))
        form.addRow(self.tr("Warn about clashes within"), self.clash_days)
        general_layout.addLayout(form)
        general_layout.addStretch(1)
        self.pages.addTab(general, self.tr("General"))
        self.company_page = CompanyPage(env)
        self.pages.addTab(self.company_page, self.tr("Company"))
        self.users_page = UsersPage(env)
        env.bus.changed.connect(self._people_changed)
        self.pages.addTab(self.users_page, self.tr("Users"))
        self.backups = BackupsPage(env)
        self.backups.restored.connect(self._restored)
        self.pages.addTab(self.backups, self.tr("Backups"))
        self.documents = DocumentsPage(env)
        self.pages.addTab(self.documents, self.tr("Documents"))
        layout.addWidget(self.pages, 1)
        owner = env.may(SETTINGS)  # the office's settings: the services refuse them to the others anyway
        for widget in (self.company, self.office_key, self.clash_days, self.company_page, self.documents):
            widget.setEnabled(owner)
        self.user.setEnabled(not login_required(env.db))  # with logins on, who works is who logged in
        self.errors.register("language", self.language)
        self.errors.register("backups_keep", self.backups.keep)
        self.errors.register("company_name", self.company)
        self.errors.register("user_id", self.user)
        self.errors.register("clash_days", self.clash_days)
        for field, widget in self.company_page.fields().items():
            self.errors.register(field, widget)
        for kind, edit in self.documents.patterns.items():
            self.errors.register(f"{kind}_pattern", edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.errors.clear()
        lang = str(self.language.currentData() or "")
        user_id = str(self.user.currentData() or "")
        # 1. Check everything.
        if lang not in ("th", "en"):
            self.errors.show_text("language", self.tr("Choose a language."))
            return False
        try:
            name = validation.optional_text(self.company.text(), "company_name", COMPANY_MAX)
            details = clean_company(self.company_page.data())
        except DomainError as err:
            if isinstance(err, ValidationError) and err.field in self.company_page.fields():
                self.pages.setCurrentWidget(self.company_page)
            self.errors.show_error(err)
            return False
        refused = self.documents.problem()
        if refused is not None:
            self.errors.show_text(f"{refused[0]}_pattern", refused[1])
            return False
        known = {u.id for u in users(self.env.db)}
        if user_id and user_id not in known:
            self.errors.show_text("user_id", self.tr("This user no longer exists; choose another."))
            return False
        # 2. Save.
        company_changed = name != self._company
        user_changed = bool(user_id) and user_id != self.env.ctx.user_id
        keep = self.backups.keep.value()
        done, said = ChangeSet(), ""  # OK is one action: what it saved goes out once, even after an error
        try:
            if company_changed:
                done, said = done | set_company_name(self.env.ctx.uow(), name), self.tr("Company name saved")
            if details != clean_company(self.company_page.saved):
                done, said = done | set_company(self.env.ctx.uow(), details), self.tr("Company details saved")
            if user_changed:
                switch_user(self.env.ctx, user_id)
            if keep != self.backups.keep_saved:
                set_backups_to_keep(self.env.ctx, keep)
            if self.office_key.text().strip() != self._office_key:
                set_office_key(self.env.db, self.office_key.text(), by=self.env.ctx.user_id)
            if self.clash_days.value() != self._clash_days:
                done, said = done | set_clash_days(self.env.ctx.uow(), self.clash_days.value()), self.tr(
                    "Clash warning saved")
            patterns = self.documents.save()
            if patterns.parts:
                done, said = done | patterns, self.tr("Document numbers saved")
        except DomainError as err:
            self.errors.show_error(err)
            return False
        except Exception as exc:
            show_unexpected_error(self, exc)
            return False
        finally:
            if done.parts:
                self.env.bus.publish(done.by(self), said)
        prefs = self.env.prefs
        language_changed = lang != prefs.language
        era_changed = self.buddhist.isChecked() != prefs.buddhist_era
        prefs.language = lang
        prefs.buddhist_era = self.buddhist.isChecked()
        self.outcome = SettingsOutcome(language_changed, era_changed, company_changed, user_changed)
        self.accept()
        return True

    def _fill_people(self, chosen: str | None) -> None:
        self.user.clear()
        for user in users(self.env.db):
            self.user.addItem(user.name, user.id)
        select_data(self.user, chosen)

    def _people_changed(self, changes: ChangeSet) -> None:
        if Entity.USER in changes:
            self._fill_people(str(self.user.currentData() or self.env.ctx.user_id))

    def _restored(self, done: Restored) -> None:
        self.restored.emit(done)
        self.reject()
