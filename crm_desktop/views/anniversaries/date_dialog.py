"""The form that adds or edits one custom yearly date (wedding, first order, membership…), apart from
the small list on a detail pane (dates_box.py), which the first screen shows: the form and its saving
load when it is first opened."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from crm_desktop.queries.anniversaries import remind_days
from crm_desktop.services.anniversaries import (
    CustomDateInput,
    add_custom_date,
    custom_date_input,
    parse_year,
    update_custom_date,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.formatting import BE_OFFSET
from crm_desktop.ui.forms import editable_combo
from crm_desktop.views.anniversaries.texts import month_names
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

    entity = Entity.ANNIVERSARY

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
            self.fill(self.stored())
        else:
            today = env.today()
            self.day.setValue(today.day)
            self.month.setCurrentIndex(today.month - 1)
            self.remind.setValue(remind_days(env.db)["custom"])
        self.remember_initial()

    def load_input(self) -> CustomDateInput:
        return custom_date_input(self.env.ctx.uow(), self.record_id or "")

    def fill(self, data: CustomDateInput) -> None:
        self.contact_id, self.account_id = data.contact_id, data.account_id
        self.title.setEditText(data.title)
        self.day.setValue(data.day)
        self.month.setCurrentIndex(data.month - 1)
        self.year.setText("" if data.year is None else str(data.year + BE_OFFSET if self.env.buddhist else data.year))
        self.remind.setValue(data.remind_days if data.remind_days is not None else 0)

    def form_input(self) -> CustomDateInput:
        return CustomDateInput(self.title.currentText(), int(self.month.currentData()), self.day.value(),
                               parse_year(self.year.text()), self.contact_id, self.account_id, self.remind.value())

    def save_action(self, data: CustomDateInput) -> ChangeSet:
        if self.record_id is None:
            return add_custom_date(self.env.ctx.uow(), data, self.env.today())
        return update_custom_date(self.uow(), self.record_id, data, self.env.today())

    def saved_description(self, data: CustomDateInput) -> str:
        return self.tr("Saved: %1").replace("%1", data.title.strip())
