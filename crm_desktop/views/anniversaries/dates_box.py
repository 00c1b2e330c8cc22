"""Custom yearly dates (wedding, first order, membership…) of one contact or account: the small list
on its detail pane and the form that adds or edits one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.anniversaries import custom_dates, remind_days
from crm_desktop.services.anniversaries import (
    CustomDateInput,
    add_custom_date,
    custom_date_input,
    delete_custom_dates,
    parse_year,
    restore_custom_dates,
    update_custom_date,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.formatting import BE_OFFSET
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.ui.forms import editable_combo
from crm_desktop.views.anniversaries.texts import month_names, yearly_date_text
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog

REMIND_MAX_DAYS = 60


def days_before_spin(template: str) -> QSpinBox:
    """A spin box of 0–60 days that reads as `template` says ("%1 days before", "ล่วงหน้า %1 วัน")."""
    spin = QSpinBox()
    spin.setRange(0, REMIND_MAX_DAYS)
    prefix, _, suffix = template.partition("%1")
    spin.setPrefix(prefix)
    spin.setSuffix(suffix)
    return spin


class CustomDateDialog(RecordDialog):
    """`CustomDateDialog(env, date_id, parent, contact_id=…)` or `account_id=…` for a new one."""

    def __init__(self, env: ViewEnv, record_id: str | None, parent: QWidget | None = None, *,
                 contact_id: str | None = None, account_id: str | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("customDateDialog")
        self.setWindowTitle(self.tr("Special date") if record_id is None else self.tr("Edit special date"))
        form = QFormLayout()
        self.body.addLayout(form)
        self.title = editable_combo([self.tr("Wedding anniversary"), self.tr("First order"),
                                     self.tr("Member since"), self.tr("Work anniversary")])
        self.title.setObjectName("titleEdit")
        self.title.lineEdit().setPlaceholderText(self.tr("e.g. Wedding anniversary"))
        self.title.setMinimumWidth(260)
        form.addRow(self.tr("What"), self.title)
        when = QHBoxLayout()
        self.day = QSpinBox()
        self.day.setObjectName("daySpin")
        self.day.setRange(1, 31)
        self.month = QComboBox()
        self.month.setObjectName("monthCombo")
        for number, name in enumerate(month_names(env.lang), start=1):
            self.month.addItem(name, number)
        self.year = QLineEdit()
        self.year.setObjectName("yearEdit")
        self.year.setMaxLength(4)
        self.year.setPlaceholderText(self.tr("Year (if known)"))
        self.year.setToolTip(self.tr("The year it began, Buddhist Era (2560) or Christian Era (2017); "
                                     "leave it empty if you do not know it."))
        for widget in (self.day, self.month, self.year):
            when.addWidget(widget)
        form.addRow(self.tr("Date"), when)
        self.remind = days_before_spin(self.tr("%1 days before"))
        self.remind.setObjectName("remindSpin")
        form.addRow(self.tr("Remind"), self.remind)
        for key, widget in (("title", self.title), ("day", self.day), ("month", self.month), ("year", self.year),
                            ("remind_days", self.remind)):
            self.errors.register(key, widget)

        self.contact_id, self.account_id = contact_id, account_id
        if record_id is not None:
            data = custom_date_input(env.ctx.uow(), record_id)
            self.contact_id, self.account_id = data.contact_id, data.account_id
            self.title.setEditText(data.title)
            self.day.setValue(data.day)
            self.month.setCurrentIndex(data.month - 1)
            if data.year is not None:
                self.year.setText(str(data.year + BE_OFFSET if env.buddhist else data.year))
            self.remind.setValue(data.remind_days if data.remind_days is not None else 0)
        else:
            today = env.today()
            self.day.setValue(today.day)
            self.month.setCurrentIndex(today.month - 1)
            self.remind.setValue(remind_days(env.db)["custom"])
        self.remember_initial()

    def form_input(self) -> CustomDateInput:
        return CustomDateInput(self.title.currentText(), int(self.month.currentData()), self.day.value(),
                               parse_year(self.year.text()), self.contact_id, self.account_id, self.remind.value())

    def save_action(self, data: CustomDateInput) -> ChangeSet:
        if self.record_id is None:
            return add_custom_date(self.env.ctx.uow(), data, self.env.today())
        return update_custom_date(self.env.ctx.uow(), self.record_id, data, self.env.today())

    def saved_description(self, data: CustomDateInput) -> str:
        return self.tr("Saved: %1").replace("%1", data.title.strip())


class CustomDatesBox(QGroupBox):
    """The special dates of the contact or account a detail pane shows, with Add / Edit / Delete."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("customDatesBox")
        self.setTitle(self.tr("Special dates"))
        self.contact_id: str | None = None
        self.account_id: str | None = None
        self.dialog: CustomDateDialog | None = None
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("customDatesList")
        self.list.setMaximumHeight(90)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_date())
        self.list.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addDateButton")
        self.add_button.clicked.connect(self.add_date)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editDateButton")
        self.edit_button.clicked.connect(self.edit_date)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteDateButton")
        self.delete_button.clicked.connect(self.delete_date)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        env.bus.changed.connect(self._on_changes)
        self._selection_changed()

    def show_for(self, *, contact_id: str | None = None, account_id: str | None = None) -> None:
        """List the dates of this contact or account (both None: nothing is shown)."""
        self.contact_id, self.account_id = contact_id, account_id
        self.setVisible(contact_id is not None or account_id is not None)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.contact_id is None and self.account_id is None:
            return
        env = self.env
        for row in custom_dates(env.db, contact_id=self.contact_id, account_id=self.account_id):
            text = f"{yearly_date_text(row.month, row.day, row.year, env.lang, env.buddhist)} — {row.title}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if self.list.count() == 0:
            empty = QListWidgetItem(self.tr("None yet: add a wedding, first order or membership date."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._selection_changed()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_changes(self, changes: ChangeSet) -> None:
        if Entity.ANNIVERSARY in changes and self.isVisible():
            self.reload()

    def _open(self, dialog: CustomDateDialog) -> CustomDateDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_date(self) -> CustomDateDialog:
        return self._open(CustomDateDialog(self.env, None, self, contact_id=self.contact_id,
                                           account_id=self.account_id))

    def edit_date(self) -> CustomDateDialog | None:
        date_id = self.selected_id()
        return None if date_id is None else self._open(CustomDateDialog(self.env, date_id, self))

    def delete_date(self) -> None:
        date_id = self.selected_id()
        item = self.list.currentItem()
        if date_id is None or item is None:
            return
        label = item.text()
        confirm(self, self.tr("Delete special date"), self.tr("Delete %1?").replace("%1", label),
                lambda: self._delete(date_id, label), yes_text=self.tr("Delete"))

    def _delete(self, date_id: str, label: str) -> None:
        env = self.env
        done = perform(self, env.bus, env.lang, lambda: delete_custom_dates(env.ctx.uow(), [date_id]),
                       description=self.tr("Deleted: %1").replace("%1", label))
        if done is not None:
            env.undo.offer(Entity.ANNIVERSARY, [date_id], lambda: restore_custom_dates(env.ctx.uow(), [date_id]), label)
