"""Mark an activity done with its outcome, and plan the next step in the same dialog.

Both are one transaction (`complete_activity(..., follow_up=...)`): the done activity and the next
one are saved together or not at all. The next step starts as a copy of the done one (kind,
subject, customer links, assignee, time of day) on the next day.
"""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.queries.activities.occurrences import Occurrence
from crm_desktop.queries.lookups import users
from crm_desktop.services.activities.edit import ActivityInput, complete_activity
from crm_desktop.services.changes import ChangeSet
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import DateEdit, FormErrors, select_data
from crm_desktop.views.activities.labels import kind_labels
from crm_desktop.views.common import ViewEnv

OUTCOME_MAX = 300  # Activity.outcome
DEFAULT_TIME = time(9, 0)  # the next step of an activity without a time


class CompleteDialog(QDialog):
    """`CompleteDialog(env, row)`: `row` is the activity (or occurrence) being marked done."""

    def __init__(self, env: ViewEnv, row: Occurrence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.row = row
        self.changes: ChangeSet | None = None
        self.setObjectName("completeDialog")
        self.setWindowTitle(self.tr("Mark as done"))
        outer = QVBoxLayout(self)
        customer = f"<br>{html.escape(row.customer)}" if row.customer else ""
        heading = QLabel(f"<b>{html.escape(row.subject)}</b>{customer}")
        heading.setWordWrap(True)
        outer.addWidget(heading)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, env.lang)
        outer.addWidget(self.banner)

        form = QFormLayout()
        self.outcome = QPlainTextEdit()
        self.outcome.setObjectName("outcome")
        self.outcome.setPlaceholderText(self.tr("What came of it, e.g. “Customer wants a quotation for 20 units”"))
        self.outcome.setFixedHeight(self.outcome.fontMetrics().lineSpacing() * 4)
        form.addRow(self.tr("Outcome"), self.outcome)
        outer.addLayout(form)
        self.errors.register("outcome", self.outcome)

        self.next_box = QGroupBox(self.tr("Plan the next step"))
        self.next_box.setObjectName("nextStep")
        self.next_box.setCheckable(True)
        self.next_box.setChecked(False)
        next_form = QFormLayout(self.next_box)
        self.subject = QLineEdit(row.subject)
        self.subject.setObjectName("nextSubject")
        self.subject.setMaxLength(200)
        next_form.addRow(self.tr("Subject"), self.subject)
        self.kind = QComboBox()
        self.kind.setObjectName("nextKind")
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        select_data(self.kind, row.kind)
        next_form.addRow(self.tr("Kind"), self.kind)
        when = QHBoxLayout()
        self.day = DateEdit("due_on", buddhist=env.buddhist, lang=env.lang)
        self.day.setObjectName("nextDate")
        self.day.setDate(env.today() + timedelta(days=1))
        self.time = QTimeEdit()
        self.time.setObjectName("nextTime")
        self.time.setDisplayFormat("HH:mm")
        start = row.starts_at.time() if row.starts_at is not None else DEFAULT_TIME
        self.time.setTime(QTime(start.hour, start.minute))
        self.all_day = QCheckBox(self.tr("All day"))
        self.all_day.setObjectName("nextAllDay")
        self.all_day.setChecked(row.starts_at is None)
        self.all_day.toggled.connect(lambda on: self.time.setEnabled(not on))
        self.time.setEnabled(not self.all_day.isChecked())
        when.addWidget(self.day, 1)
        when.addWidget(self.time)
        when.addWidget(self.all_day)
        next_form.addRow(self.tr("When"), when)
        self.assignee = QComboBox()
        self.assignee.setObjectName("nextAssignee")
        for user in users(env.db):
            self.assignee.addItem(user.name, user.id)
        select_data(self.assignee, row.assignee_id or env.ctx.user_id)
        next_form.addRow(self.tr("Assigned to"), self.assignee)
        outer.addWidget(self.next_box)
        for key, widget in (("subject", self.subject), ("kind", self.kind), ("due_on", self.day),
                            ("starts_at", self.time), ("assignee_id", self.assignee)):
            self.errors.register(key, widget)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark as done"))
        self.ok_button.setObjectName("okButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def follow_up(self) -> ActivityInput | None:
        """The next step as typed, None when not asked for; raises ValidationError for a bad date."""
        if not self.next_box.isChecked():
            return None
        day = self.day.date()
        if day is None:
            raise ValidationError("due_on", "This field is required.")
        row = self.row
        timed = not self.all_day.isChecked()
        starts = ends = None
        if timed:
            chosen = self.time.time()
            starts = datetime.combine(day, time(chosen.hour(), chosen.minute()))
            if row.starts_at is not None and row.ends_at is not None:
                ends = starts + (row.ends_at - row.starts_at)
        return ActivityInput(
            kind=str(self.kind.currentData()),
            subject=self.subject.text(),
            all_day=not timed,
            starts_at=starts,
            ends_at=ends,
            due_on=None if timed else day,
            owner_id=self.env.ctx.user_id,
            assignee_id=self.assignee.currentData(),
            priority=row.priority,
            account_id=row.account_id,
            contact_id=row.contact_id,
            lead_id=row.lead_id,
            opportunity_id=row.opportunity_id,
        )

    def save(self) -> bool:
        self.errors.clear()
        try:
            follow_up = self.follow_up()
        except DomainError as err:
            self.errors.show_error(err)
            return False
        row, outcome = self.row, self.outcome.toPlainText().strip()
        changes = perform(
            self, self.env.bus, self.env.lang,
            lambda: complete_activity(self.env.ctx.uow(), row.activity_id, outcome, row.occurrence,
                                      follow_up=follow_up),
            description=self.tr("Done: %1").replace("%1", row.subject),
            on_domain_error=self.errors.show_error,
        )
        if changes is None:
            return False
        self.changes = changes
        self.accept()
        return True
