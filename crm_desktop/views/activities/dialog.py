"""Create or edit an activity (task, meeting, call, e-mail, visit, note), one occurrence of a
series included.

Before saving it asks which occurrences a change to a series means (this one, this and the
following ones, all) and warns when someone else already plans something with the same
customer within the office's clash window; the service checks the rest, and any error keeps
the dialog open with what was typed.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import office_time
from crm_desktop.errors import ValidationError
from crm_desktop.queries.activities.occurrences import Customer, Occurrence, activity_row, clash_days, clashes
from crm_desktop.queries.lookups import users
from crm_desktop.queries.search import find_record
from crm_desktop.services.activities.edit import (
    ActivityInput,
    Scope,
    activity_input,
    create_activity,
    delete_activity,
    restore_activities,
    update_activity,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.ui.forms import DateEdit, RecordPicker, data_combo, select_data
from crm_desktop.views.activities.labels import kind_labels, priority_labels, status_labels
from crm_desktop.views.activities.recurrence_editor import RecurrenceEditor
from crm_desktop.views.activities.scope import ask_scope
from crm_desktop.views.common import ViewEnv, record_choices
from crm_desktop.views.dialog_base import RecordDialog

LINKS = ("account", "contact", "lead", "opportunity")
DEFAULT_LENGTH = timedelta(hours=1)
CLASHES_SHOWN = 5
# The reminder's unit and its length in minutes; None: no reminder.
REMIND_UNITS: tuple[int | None, ...] = (None, 1, 60, 24 * 60)
REMIND_MAX = {1: 24 * 60, 60: 24 * 60, 24 * 60: 60}  # what each unit's spin box goes up to


def reminder_parts(minutes: int | None) -> tuple[int | None, int]:
    """A stored reminder as (unit, amount): 2880 minutes are 2 days, 90 minutes stay 90 minutes."""
    if minutes is None:
        return None, 0
    for unit in (24 * 60, 60):
        if minutes and minutes % unit == 0:
            return unit, minutes // unit
    return 1, minutes


def next_hour(now_utc: datetime) -> datetime:
    """The next whole hour on the office's clock: where a new timed activity starts."""
    local = office_time(now_utc)
    return local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class ActivityDialog(RecordDialog):
    """A new activity (`preset` fills the form: a customer's link, a kind, an assignee) or an
    existing one; `occurrence` is the office-local start of the series occurrence opened."""

    entity = Entity.ACTIVITY

    def __init__(self, env: ViewEnv, parent: QWidget | None = None, *, activity_id: str | None = None,
                 occurrence: datetime | None = None, preset: ActivityInput | None = None) -> None:
        super().__init__(env, activity_id, parent)
        self.setObjectName("activityDialog")
        self.setWindowTitle(self.tr("New activity") if activity_id is None else self.tr("Edit activity"))
        self.resize(980, 620)
        self.occurrence = occurrence
        self.scope: Scope | None = None
        self._clashes_accepted = False
        self._series = False
        self.scope_box: QMessageBox | None = None
        self.clash_box: QMessageBox | None = None
        self.other_dialog: ActivityDialog | None = None
        self._start_shown: datetime | None = None
        self._kept_rule = ""  # a stored rule this version cannot edit

        columns = QHBoxLayout()
        what = QGroupBox(self.tr("Activity"))
        form = QFormLayout(what)
        self.kind = data_combo([(label, key) for key, label in kind_labels().items()])
        self.kind.setObjectName("kindCombo")
        form.addRow(self.tr("Kind"), self.kind)
        self.subject = QLineEdit()
        self.subject.setObjectName("subjectEdit")
        self.subject.setMaxLength(200)
        self.subject.setPlaceholderText(self.tr("e.g. โทรติดตามใบเสนอราคา, นัดดูหน้างาน"))
        form.addRow(self.tr("Subject *"), self.subject)
        self.all_day = QCheckBox()  # "All day", or for a task "No set time"
        self.all_day.setObjectName("allDayCheck")
        form.addRow("", self.all_day)
        self.start_date = DateEdit("starts_at", buddhist=env.buddhist, lang=env.lang)
        self.start_date.setObjectName("startDate")
        self.start_time = QTimeEdit()
        self.start_time.setObjectName("startTime")
        self.start_time.setDisplayFormat("HH:mm")
        self.start_label = QLabel()
        form.addRow(self.start_label, self._pair(self.start_date, self.start_time))
        self.end_date = DateEdit("ends_at", buddhist=env.buddhist, lang=env.lang)
        self.end_date.setObjectName("endDate")
        self.end_time = QTimeEdit()
        self.end_time.setObjectName("endTime")
        self.end_time.setDisplayFormat("HH:mm")
        self.end_row = self._pair(self.end_date, self.end_time)
        form.addRow(self.tr("Ends"), self.end_row)
        self.location = QLineEdit()
        self.location.setObjectName("locationEdit")
        self.location.setMaxLength(200)
        form.addRow(self.tr("Location"), self.location)
        self.remind_amount = QSpinBox()
        self.remind_amount.setObjectName("remindAmount")
        self.remind_unit = data_combo([
            (self.tr("No reminder"), None), (self.tr("minutes before"), 1), (self.tr("hours before"), 60),
            (self.tr("days before"), 24 * 60)])
        self.remind_unit.setObjectName("remindUnit")
        self.reminder = self._pair(self.remind_amount, self.remind_unit, stretch=False)
        form.addRow(self.tr("Reminder"), self.reminder)
        self.details = QPlainTextEdit()
        self.details.setObjectName("detailsEdit")
        self.details.setTabChangesFocus(True)
        form.addRow(self.tr("Details"), self.details)
        self.when_form = form
        columns.addWidget(what, 1)

        right = QVBoxLayout()
        who = QGroupBox(self.tr("People and customer"))
        wform = QFormLayout(who)
        self.owner = QComboBox()
        self.owner.setObjectName("ownerCombo")
        wform.addRow(self.tr("Owner"), self.owner)
        self.assignee = QComboBox()
        self.assignee.setObjectName("assigneeCombo")
        self.assignee.setToolTip(self.tr("Who does it"))
        wform.addRow(self.tr("Assigned to"), self.assignee)
        self.priority = data_combo([(label, key) for key, label in priority_labels().items()])
        self.priority.setObjectName("priorityCombo")
        wform.addRow(self.tr("Priority"), self.priority)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        wform.addRow(self.tr("Status"), self.status)
        self.people_form = wform
        self.pickers: dict[str, RecordPicker] = {}
        for kind, label, placeholder, none in (
            ("account", self.tr("Company"), self.tr("Type part of the company's name…"),
             self.tr("No matching account")),
            ("contact", self.tr("Contact"), self.tr("Type part of the contact's name…"),
             self.tr("No matching contact")),
            ("lead", self.tr("Lead"), self.tr("Type part of the lead's name…"), self.tr("No matching lead")),
            ("opportunity", self.tr("Deal"), self.tr("Type part of the deal's name…"), self.tr("No matching deal")),
        ):
            picker = RecordPicker(lambda text, k=kind: record_choices(env, k, text), placeholder=placeholder,
                                  no_match_text=none)
            picker.setObjectName(f"{kind}Picker")
            wform.addRow(label, picker)
            self.pickers[kind] = picker
        right.addWidget(who)
        self.recurrence = RecurrenceEditor(buddhist=env.buddhist, lang=env.lang)
        right.addWidget(self.recurrence)
        right.addStretch(1)
        columns.addLayout(right, 1)
        self.body.addLayout(columns)

        for key, widget in (
            ("kind", self.kind), ("subject", self.subject), ("all_day", self.all_day),
            ("starts_at", self.start_date), ("due_on", self.start_date), ("ends_at", self.end_date),
            ("location", self.location), ("remind_minutes", self.remind_amount), ("details", self.details),
            ("owner_id", self.owner), ("assignee_id", self.assignee), ("priority", self.priority),
            ("rrule", self.recurrence.freq), ("until", self.recurrence.until),
            *((f"{kind}_id", picker) for kind, picker in self.pickers.items()),
        ):
            self.errors.register(key, widget)

        self.delete_button: QPushButton | None = None
        if activity_id is not None:
            self.delete_button = self.buttons.addButton(self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.setObjectName("deleteButton")
            self.delete_button.clicked.connect(self.delete)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.save)

        self.fill(self._initial_input(preset))
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        self.all_day.toggled.connect(lambda *_: self._update_when())
        self.remind_unit.currentIndexChanged.connect(lambda *_: self._update_reminder())
        self.start_date.dateChanged.connect(lambda *_: self._start_moved())
        self.start_time.timeChanged.connect(lambda *_: self._start_moved())
        self._update_when()
        self._update_reminder()
        self.remember_initial()
        self.subject.setFocus()

    @staticmethod
    def _pair(first: QWidget, second: QWidget, *, stretch: bool = True) -> QWidget:
        """Two fields on one form row: the first one widens with the form unless `stretch` is off."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first, 1 if stretch else 0)
        layout.addWidget(second)
        if not stretch:
            layout.addStretch(1)
        return row

    # --- filling ---------------------------------------------------------------------------

    def _initial_input(self, preset: ActivityInput | None) -> ActivityInput:
        """What the form shows first: the stored activity (moved to the occurrence opened), or the
        preset completed with the current user and the next whole hour."""
        env = self.env
        if self.record_id is not None:
            return self.stored()
        data = preset or ActivityInput(kind="meeting", subject="")
        if data.owner_id is None:
            data.owner_id = env.ctx.user_id
        if data.assignee_id is None:
            data.assignee_id = env.ctx.user_id
        if data.starts_at is None and data.due_on is None:
            if data.kind == "task" or data.all_day:
                data.due_on = env.today()
            else:
                data.starts_at = next_hour(env.now())
        if data.starts_at is not None and data.ends_at is None:
            data.ends_at = data.starts_at + DEFAULT_LENGTH
        return data

    @staticmethod
    def _at_occurrence(data: ActivityInput, occurrence: datetime) -> ActivityInput:
        """The series' input as the occurrence opened: its date, the series' times and length."""
        if data.starts_at is None:
            data.due_on = occurrence.date()
            return data
        shift = occurrence - data.starts_at
        data.starts_at = occurrence
        if data.ends_at is not None:
            data.ends_at += shift
        return data

    def load_input(self) -> ActivityInput:
        """The stored activity, moved to the occurrence opened."""
        data = activity_input(self.env.ctx.uow(), self.record_id or "")
        self._series = bool(data.rrule)
        if self.occurrence is not None and self._series:
            return self._at_occurrence(data, self.occurrence)
        return data

    def fill(self, data: ActivityInput) -> None:
        select_data(self.kind, data.kind)
        self.subject.setText(data.subject)
        self.details.setPlainText(data.details)
        self.location.setText(data.location)
        self.all_day.setChecked(data.all_day or (data.kind == "task" and data.starts_at is None))
        start = data.starts_at
        self.start_date.setDate(start.date() if start is not None else data.due_on)
        self.start_time.setTime(to_qtime(start.time() if start is not None else time(9, 0)))
        end = data.ends_at
        self.end_date.setDate(end.date() if end is not None else None)
        self.end_time.setTime(to_qtime(end.time() if end is not None else time(10, 0)))
        self._start_shown = self._start_value()
        self._fill_people(self.owner, data.owner_id)
        self._fill_people(self.assignee, data.assignee_id)
        select_data(self.priority, data.priority)
        unit, amount = reminder_parts(data.remind_minutes)
        select_data(self.remind_unit, unit)
        self._update_reminder()
        self.remind_amount.setValue(amount)
        for kind, picker in self.pickers.items():
            record_id = getattr(data, f"{kind}_id")
            if record_id:
                hit = find_record(self.env.db, kind, record_id)
                picker.set_value(record_id, hit.title if hit is not None else self.tr("(deleted)"))
        self.recurrence.set_start(self._start_day() or self.env.today())
        self._kept_rule = ""
        try:
            self.recurrence.set_rule(data.rrule)
        except ValidationError as err:  # a rule from a newer version: kept as it is, not editable here
            self._kept_rule = data.rrule
            self.recurrence.setEnabled(False)
            self.errors.show_error(err)
        self._show_status()

    def _fill_people(self, combo: QComboBox, kept_id: str | None) -> None:
        """Active people; one deactivated since who is already on this activity stays listed."""
        combo.clear()
        combo.addItem(self.tr("(nobody)"), "")
        everyone = users(self.env.db, active_only=False)
        for user in everyone:
            if user.active:
                combo.addItem(user.name, user.id)
            elif user.id == kept_id:
                combo.addItem(self.tr("%1 (no longer active)").replace("%1", user.name), user.id)
        select_data(combo, kept_id or "")

    def _show_status(self) -> None:
        row = activity_row(self.env.db, self.record_id) if self.record_id is not None else None
        self.people_form.setRowVisible(self.status, row is not None)
        if row is not None:
            self.status.setText(" · ".join(p for p in (status_labels().get(row.status, row.status), row.outcome) if p))

    # --- what the form shows -----------------------------------------------------------------

    def _dated_only(self) -> bool:
        """An all-day activity, or a task with no set time, has a date and no times."""
        return self.all_day.isChecked()

    def _kind_changed(self) -> None:
        """A new task starts with a due date only; other new activities with times."""
        if self.record_id is None:
            self.all_day.setChecked(self.kind.currentData() == "task")
        self._update_when()

    def _update_when(self) -> None:
        task = self.kind.currentData() == "task"
        dated = self._dated_only()
        self.all_day.setText(self.tr("No set time") if task else self.tr("All day"))
        self.start_time.setVisible(not dated)
        self.when_form.setRowVisible(self.end_row, not dated)
        self.start_label.setText(self.tr("Due") if task else self.tr("Date") if dated else self.tr("Starts"))

    def _update_reminder(self) -> None:
        unit = self.remind_unit.currentData()
        self.remind_amount.setVisible(unit is not None)
        if unit is not None:
            self.remind_amount.setRange(0 if unit == 1 else 1, REMIND_MAX[unit])

    def _start_day(self) -> date | None:
        try:
            return self.start_date.date()
        except ValidationError:
            return None

    def _start_value(self) -> datetime | None:
        day = self._start_day()
        return datetime.combine(day, from_qtime(self.start_time.time())) if day is not None else None

    def _end_value(self) -> datetime | None:
        try:
            day = self.end_date.date()
        except ValidationError:
            return None
        return datetime.combine(day, from_qtime(self.end_time.time())) if day is not None else None

    def _start_moved(self) -> None:
        """The end follows the start, keeping the length (as in a paper diary, moving a meeting
        moves all of it); the repeat options are named after the new date."""
        start, before, end = self._start_value(), self._start_shown, self._end_value()
        if start is not None and before is not None and end is not None and start != before:
            moved = end + (start - before)
            self.end_date.setDate(moved.date())
            self.end_time.setTime(to_qtime(moved.time()))
        if start is not None:
            self._start_shown = start
            self.recurrence.set_start(start.date())

    # --- the input -----------------------------------------------------------------------------

    def form_input(self) -> ActivityInput:
        dated = self._dated_only()
        day = self.start_date.date()  # ValidationError("starts_at") for a date that cannot be read
        end_day = None if dated else self.end_date.date()
        unit = self.remind_unit.currentData()
        links = {f"{kind}_id": picker.value() for kind, picker in self.pickers.items()}
        return ActivityInput(
            kind=str(self.kind.currentData()),
            subject=self.subject.text(),
            details=self.details.toPlainText(),
            location=self.location.text(),
            all_day=self.kind.currentData() != "task" and self.all_day.isChecked(),
            starts_at=None if dated or day is None else datetime.combine(day, from_qtime(self.start_time.time())),
            ends_at=None if end_day is None else datetime.combine(end_day, from_qtime(self.end_time.time())),
            due_on=day if dated else None,
            owner_id=str(self.owner.currentData() or "") or None,
            assignee_id=str(self.assignee.currentData() or "") or None,
            priority=str(self.priority.currentData()),
            remind_minutes=None if unit is None else self.remind_amount.value() * int(unit),
            rrule=self._kept_rule or self.recurrence.rule(),
            **links,
        )

    def check_form(self) -> tuple[str, str] | None:
        for kind, picker in self.pickers.items():
            if picker.has_unchosen_text():
                return f"{kind}_id", self.tr("Choose the record from the list that appears while you type, "
                                             "or clear the field.")
        return None

    # --- before saving: which occurrences, and clashes -------------------------------------------

    def _asks_scope(self) -> bool:
        return self._series and self.occurrence is not None

    def save(self) -> bool:
        """The user's Save: the questions are asked afresh."""
        self.scope = None
        self._clashes_accepted = False
        return super().save()

    def _resume(self) -> None:
        super().save()

    def before_save(self, data: ActivityInput) -> bool:
        if self._asks_scope() and self.scope is None:
            self.scope_box = ask_scope(self, self.tr("Save the changes to this repeating activity?"),
                                       self._scope_chosen)
            return True
        if self._clashes_accepted:
            return False
        day = data.first_day
        customer = Customer(data.account_id, data.contact_id, data.lead_id)
        found = [] if day is None else clashes(self.env.db, customer, day, assignee_id=data.assignee_id,
                                                days=clash_days(self.env.db), exclude_id=self.record_id)
        if not found:
            return False
        self._warn_about_clashes(found)
        return True

    def _scope_chosen(self, scope: Scope) -> None:
        self.scope = scope
        self._resume()

    def clash_text(self, occurrence: Occurrence) -> str:
        """Who, what and when: "Nok · Call: ติดตามใบเสนอราคา · 24/11/2569 14:00 · ร้านสมศรีแอร์"."""
        when = self.env.date_text(occurrence.day)
        if occurrence.starts_at is not None:
            when += f" {occurrence.starts_at:%H:%M}"
        what = f"{kind_labels().get(occurrence.kind, occurrence.kind)}: {occurrence.subject}"
        who = occurrence.assignee_name or self.tr("(nobody)")
        return " · ".join(p for p in (who, what, when, occurrence.customer) if p)

    def _warn_about_clashes(self, found: list[Occurrence]) -> None:
        lines = [f"• {self.clash_text(o)}" for o in found[:CLASHES_SHOWN]]
        if len(found) > CLASHES_SHOWN:
            lines.append(QCoreApplication.translate("RecordDialog", "…and %n more", None,
                                                    len(found) - CLASHES_SHOWN))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Someone else is on it"),
                          self.tr("Someone else already has an open activity with this customer:"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("clashBox")
        box.setInformativeText("\n".join(lines))
        save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("saveAnyway")
        other = box.addButton(self.tr("Open it"), QMessageBox.ButtonRole.ActionRole)
        other.setObjectName("openClash")
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("goBack")
        box.setDefaultButton(back)
        box.setEscapeButton(back)

        def finished(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is save:
                self._clashes_accepted = True
                self._resume()
            elif clicked is other:
                self.open_other(found[0])

        box.finished.connect(finished)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.clash_box = box
        box.open()

    def open_other(self, occurrence: Occurrence) -> ActivityDialog:
        """The clashing activity in its own form; this one stays open behind it."""
        dialog = ActivityDialog(self.env, self, activity_id=occurrence.series_id or occurrence.activity_id,
                                occurrence=occurrence.occurrence)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.other_dialog = dialog
        dialog.open()
        return dialog

    # --- saving and deleting -------------------------------------------------------------------

    def save_action(self, data: ActivityInput) -> ChangeSet:
        uow = self.uow()
        if self.record_id is None:
            return create_activity(uow, data)
        if self._asks_scope():
            return update_activity(uow, self.record_id, data, scope=self.scope or "all", occurrence=self.occurrence)
        return update_activity(uow, self.record_id, data)

    def saved_description(self, data: ActivityInput) -> str:
        if self.record_id is None:
            return self.tr("Added activity %1").replace("%1", data.subject.strip())
        return self.tr("Saved activity %1").replace("%1", data.subject.strip())

    def delete(self) -> None:
        """Delete after asking: which occurrences for a series, else a plain yes or no."""
        if self._asks_scope():
            self.scope_box = ask_scope(self, self.tr("Delete this repeating activity?"), self._delete)
            return
        confirm(self, self.tr("Delete activity"), self.tr("Delete this activity?"), lambda: self._delete("all"),
                yes_text=self.tr("Delete"))

    def _delete(self, scope: Scope) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        occurrence = self.occurrence if self._asks_scope() else None
        label = self.tr("Deleted activity %1").replace("%1", self.subject.text().strip())
        ctx = self.env.ctx
        changes = perform(self, self.env.bus, self.env.lang,
                          lambda: delete_activity(ctx.uow(), record_id, scope=scope, occurrence=occurrence),
                          description=label, on_domain_error=self.errors.show_error)
        if changes is None:
            return
        ids = changes[Entity.ACTIVITY].deleted
        if ids:
            self.env.undo.offer(Entity.ACTIVITY, ids, lambda: restore_activities(ctx.uow(), ids), label)
        self.changes = changes
        self.discard()
