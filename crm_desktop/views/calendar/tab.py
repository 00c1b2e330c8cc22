"""The activity calendar tab: day, week, work week, month and agenda views of the activities,
with today / previous / next, a date picker, colours by kind or by person, and people side by side.

Each view reads only the dates it shows (`occurrences(db, start, end, ...)`), again after every
change to an activity. Dragging moves or resizes an activity in one action; for an occurrence of a
series the user first says which ones (this one, this and the following ones, all).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from crm_desktop.clock import office_time
from crm_desktop.queries.activities.occurrences import Occurrence, occurrences
from crm_desktop.queries.lookups import users
from crm_desktop.services.activities.edit import ActivityInput, Scope, move_activity
from crm_desktop.services.activities.holidays import holidays_between
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.tasks import ProgressFn, run_task
from crm_desktop.views.activities.dialog import ActivityDialog
from crm_desktop.views.activities.scope import ask_scope
from crm_desktop.views.calendar.agenda_view import AgendaView
from crm_desktop.views.calendar.event import ColourBy
from crm_desktop.views.calendar.layout import MODES, Mode, shown_range, step, title
from crm_desktop.views.calendar.month_view import MonthView
from crm_desktop.views.calendar.time_grid import Column, TimeGridView
from crm_desktop.views.common import ViewEnv

if TYPE_CHECKING:
    from crm_desktop.exchange.ics import IcsExport

FIRST_HOUR = 8  # the day and week views open scrolled to the working day


class CalendarTab(QWidget):
    NAME = "calendar"

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarTab")
        self.env = env
        self.mode: Mode = "week"
        self.anchor = env.today()
        self.colour_by: ColourBy = "kind"
        self.people: list[str] = []  # chosen person ids; none: everyone
        self.dialog: QDialog | None = None
        self.rows: list[Occurrence] = []
        self.stale = True  # read when shown: at start-up the tab is hidden, and its week costs nothing
        self.scrolled = False  # the grid starts at the working day's first hour, once laid out

        self.today_button = QToolButton(objectName="calToday")
        self.today_button.clicked.connect(self.go_today)
        self.prev_button = QToolButton(objectName="calPrev", arrowType=Qt.ArrowType.LeftArrow)
        self.prev_button.clicked.connect(lambda: self.go(step(self.mode, self.anchor, -1)))
        self.next_button = QToolButton(objectName="calNext", arrowType=Qt.ArrowType.RightArrow)
        self.next_button.clicked.connect(lambda: self.go(step(self.mode, self.anchor, 1)))
        self.picker = QCalendarWidget(objectName="calPicker")
        self.picker.setGridVisible(True)
        self.picker.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.picker.clicked.connect(self._picked)
        self.pick_button = QPushButton(objectName="calPick")  # a push button leaves room for the menu arrow
        pick_menu = QMenu(self.pick_button)
        holder = QWidgetAction(pick_menu)
        holder.setDefaultWidget(self.picker)
        pick_menu.addAction(holder)
        self.pick_button.setMenu(pick_menu)
        self.title_label = QLabel(objectName="calTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)

        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QToolButton] = {}
        for mode in MODES:
            button = QToolButton(objectName=f"calMode_{mode}", checkable=True)
            button.setAutoRaise(True)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
        self.colour_combo = QComboBox(objectName="calColourBy")
        self.colour_combo.currentIndexChanged.connect(self._colour_changed)
        self.people_button = QPushButton(objectName="calPeople")
        self.people_menu = QMenu(self.people_button)
        self.people_menu.aboutToShow.connect(self._fill_people_menu)
        self.people_button.setMenu(self.people_menu)
        self.export_button = QPushButton(objectName="calExport")
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("The dates shown…"), lambda: self.export_ics(months=0))
        export_menu.addAction(self.tr("The next 12 months…"), lambda: self.export_ics(months=12))
        self.export_button.setMenu(export_menu)
        self.side_by_side = QCheckBox(objectName="calSideBySide")
        self.side_by_side.toggled.connect(lambda _on: self.reload())

        bar = QHBoxLayout()
        for widget in (self.today_button, self.prev_button, self.next_button, self.pick_button):
            bar.addWidget(widget)
        bar.addWidget(self.title_label, 1)
        for mode in MODES:
            bar.addWidget(self.mode_buttons[mode])
        bar.addSpacing(12)
        bar.addWidget(self.people_button)
        bar.addWidget(self.side_by_side)
        bar.addWidget(self.colour_combo)
        bar.addWidget(self.export_button)

        self.grid = TimeGridView()
        self.month = MonthView()
        self.agenda = AgendaView()
        self.stack = QStackedWidget()
        for view in (self.grid, self.month, self.agenda):
            self.stack.addWidget(view)
        for view in (self.grid, self.month):
            view.moved.connect(self.move)
            view.redated.connect(self.move_to_day)
            view.create_requested.connect(self.new_activity)
        for view in (self.grid, self.month, self.agenda):
            view.open_requested.connect(self.open_activity)
        self.month.day_chosen.connect(self._day_chosen)
        self.grid.day_chosen.connect(self._day_chosen)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        env.bus.changed.connect(self.on_changes)
        self._retranslate()
        self.mode_buttons[self.mode].setChecked(True)

    def _retranslate(self) -> None:
        self.today_button.setText(self.tr("Today"))
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button.setToolTip(self.tr("Next"))
        self.pick_button.setText(self.tr("Go to date"))
        texts = {"day": self.tr("Day"), "week": self.tr("Week"), "workweek": self.tr("Work week"),
                 "month": self.tr("Month"), "agenda": self.tr("Agenda")}
        for mode, text in texts.items():
            self.mode_buttons[mode].setText(text)
        self.colour_combo.blockSignals(True)
        self.colour_combo.clear()
        self.colour_combo.addItem(self.tr("Colour by kind"), "kind")
        self.colour_combo.addItem(self.tr("Colour by person"), "person")
        self.colour_combo.blockSignals(False)
        self.side_by_side.setText(self.tr("Side by side"))
        self.export_button.setText(self.tr("Export .ics"))
        self.export_button.setToolTip(self.tr("A calendar file for Google Calendar, Outlook or Apple Calendar: the "
                                              "chosen person's activities (everyone's when none or several are "
                                              "chosen). Exporting again updates the same events."))
        self.side_by_side.setToolTip(self.tr("In the day view, one column for each chosen person"))
        self._people_text()

    # --- what is shown ----------------------------------------------------------------------

    def shown_range(self) -> tuple[date, date]:
        return shown_range(self.mode, self.anchor)

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.reload()

    def go(self, day: date) -> None:
        self.anchor = day
        self.reload()

    def go_today(self) -> None:
        self.go(self.env.today())

    def _picked(self, picked: QDate) -> None:
        self.pick_button.menu().hide()
        self.go(picked.toPython())

    def _day_chosen(self, day: date) -> None:
        self.anchor = day
        self.set_mode("day")

    def _colour_changed(self) -> None:
        self.colour_by = self.colour_combo.currentData() or "kind"
        self.reload()

    def person_columns(self) -> bool:
        return self.mode == "day" and self.side_by_side.isChecked() and len(self.people) > 1

    def reload(self) -> None:
        """Read the shown dates (and only those) and show them in the current view."""
        self.stale = False
        env = self.env
        start, end = self.shown_range()
        self.rows = occurrences(env.db, start, end, assignees=self.people or None)
        holidays = holidays_between(start, end)
        self.title_label.setText(title(self.mode, self.anchor, env.lang, env.buddhist))
        self.picker.setSelectedDate(QDate(self.anchor))
        self.side_by_side.setEnabled(self.mode == "day" and len(self.people) > 1)
        today, now = env.today(), office_time(env.now())
        if self.mode == "month":
            self.month.show_month(start, self.anchor.month, self.rows, holidays, lang=env.lang, today=today,
                                  colour_by=self.colour_by)
            self.stack.setCurrentWidget(self.month)
        elif self.mode == "agenda":
            self.agenda.show_days(start, end, self.rows, holidays, lang=env.lang, buddhist=env.buddhist,
                                  colour_by=self.colour_by)
            self.stack.setCurrentWidget(self.agenda)
        else:
            if self.person_columns():
                people = {u.id: u for u in users(env.db, active_only=False)}
                columns = [Column(start, pid, people[pid].name if pid in people else "") for pid in self.people]
            else:
                columns = [Column(start + timedelta(days=i)) for i in range((end - start).days)]
            self.grid.show_columns(columns, self.rows, holidays, lang=env.lang, today=today, now=now,
                                   colour_by=self.colour_by)
            self.stack.setCurrentWidget(self.grid)

    def on_changes(self, changes: ChangeSet) -> None:
        """Read again now if shown, else when next shown (edits on other tabs cost nothing here)."""
        if changes.touches(Entity.ACTIVITY, Entity.USER):
            if self.isVisible():
                self.reload()
            else:
                self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()
        if not self.scrolled:
            self.scrolled = True
            self.grid.scroll_to_hour(FIRST_HOUR)

    # --- people -----------------------------------------------------------------------------

    def set_people(self, person_ids: list[str]) -> None:
        self.people = list(person_ids)
        self._people_text()
        self.reload()

    def _people_text(self) -> None:
        if not self.people:
            self.people_button.setText(self.tr("Everyone"))
            return
        names = {u.id: u.name for u in users(self.env.db, active_only=False)}
        chosen = [names.get(pid, "") for pid in self.people]
        self.people_button.setText(chosen[0] if len(chosen) == 1 else self.tr("%1 people").replace(
            "%1", str(len(chosen))))

    def _fill_people_menu(self) -> None:
        menu = self.people_menu
        menu.clear()
        everyone = menu.addAction(self.tr("Everyone"))
        everyone.setCheckable(True)
        everyone.setChecked(not self.people)
        everyone.triggered.connect(lambda: self.set_people([]))
        menu.addSeparator()
        for person in users(self.env.db, active_only=True):
            action = menu.addAction(person.name)
            action.setCheckable(True)
            action.setChecked(person.id in self.people)
            action.toggled.connect(lambda on, pid=person.id: self._toggle_person(pid, on))

    def _toggle_person(self, person_id: str, on: bool) -> None:
        chosen = [pid for pid in self.people if pid != person_id]
        self.set_people([*chosen, person_id] if on else chosen)

    # --- actions ----------------------------------------------------------------------------

    def move(self, occ: Occurrence, start: datetime, end: datetime | None) -> None:
        """A drag or a resize: one action; an occurrence of a series asks which ones first."""
        self._move(occ, lambda scope: move_activity(self.env.ctx.uow(), occ.activity_id, start, end,
                                                    occurrence=occ.occurrence, scope=scope))

    def move_to_day(self, occ: Occurrence, day: date) -> None:
        """An all-day activity or a task dragged to another day."""
        self._move(occ, lambda scope: move_activity(self.env.ctx.uow(), occ.activity_id, None, None,
                                                    occurrence=occ.occurrence, scope=scope, due_on=day))

    def _move(self, occ: Occurrence, action: Callable[[Scope], ChangeSet]) -> None:
        def apply(scope: Scope) -> None:
            perform(self, self.env.bus, self.env.lang, lambda: action(scope),
                    description=self.tr("Moved: %1").replace("%1", occ.subject))

        if occ.recurring:
            ask_scope(self, self.tr("Move “%1”").replace("%1", occ.subject), apply)
        else:
            apply("this")

    def new_activity(self, start: datetime, end: datetime, person_id: str | None, all_day: bool) -> QDialog:
        """The activity form, filled with the slot clicked or dragged over (and its person)."""
        if all_day:
            preset = ActivityInput(kind="task", subject="", all_day=True, due_on=start.date(), assignee_id=person_id)
        else:
            preset = ActivityInput(kind="meeting", subject="", starts_at=start, ends_at=end, assignee_id=person_id)
        if person_id is None and len(self.people) == 1:
            preset.assignee_id = self.people[0]
        return self._show_dialog(ActivityDialog(self.env, self, preset=preset))

    def open_activity(self, occ: Occurrence) -> QDialog:
        return self._show_dialog(ActivityDialog(self.env, self, activity_id=occ.activity_id,
                                                occurrence=occ.occurrence))

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        self.close_dialogs()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None) if self.dialog is dialog else None)
        self.dialog = dialog
        dialog.open()
        return dialog

    def close_dialogs(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    # --- calendar file ------------------------------------------------------------------------

    def export_ics(self, *, months: int) -> None:
        """The shown dates (`months` 0) or the coming months as an .ics file, written off the GUI thread."""
        start, end = self.shown_range()
        if months:
            start = self.env.today()
            end = start + timedelta(days=365)
        suggested = str(Path.home() / f"crm-calendar-{start:%Y%m%d}.ics")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export .ics"), suggested,
                                              self.tr("Calendar files (*.ics)"))
        if not path:
            return
        db, lang = self.env.db, self.env.lang
        person = self.people[0] if len(self.people) == 1 else None

        from crm_desktop.exchange import ics  # icalendar is loaded when a calendar file is first written

        def work(progress: ProgressFn) -> IcsExport:
            # The save dialog asked before an existing file was chosen; the database and its backups
            # are refused even so (db/output.py).
            return ics.export_ics(db, Path(path), start=start, end=end, person_id=person, lang=lang, force=True,
                              progress=progress)

        run_task(self, work, title=self.tr("Export .ics"), label=self.tr("Writing the calendar file…"),
                 on_done=self._exported, on_error=lambda exc: show_error(self, exc, self.env.lang))

    def _exported(self, done: IcsExport) -> None:
        self.env.bus.action_done.emit(self.tr("%1 activities written to %2")
                                      .replace("%1", f"{done.events:,}").replace("%2", done.path.name))
