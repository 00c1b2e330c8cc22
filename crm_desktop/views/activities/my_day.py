"""The Activities tab ("My day"): overdue, today and the next 7 days, for me or for anyone.

Filters sit above the list; the list has a header per section with its count; the buttons act on
the selected activity (or occurrence of a series): done with an outcome and the next step, hand
over, cancel, reopen, delete with Undo. The sections are read again (a bounded query, a few
milliseconds) when an activity changes, when a name it shows changes, and when the day turns or
a planned activity of today becomes late.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.clock import office_time
from crm_desktop.errors import DomainError
from crm_desktop.exchange.lists import ListColumn
from crm_desktop.queries.activities.my_day import MyDayFilter, Section, my_day
from crm_desktop.queries.activities.occurrences import Occurrence
from crm_desktop.queries.lookups import users
from crm_desktop.queries.search import search_all
from crm_desktop.services.activities.edit import (
    ActivityInput,
    Scope,
    cancel_activity,
    delete_activity,
    reopen_activity,
    restore_activities,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.formatting import format_date_long
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm, show_unexpected_error
from crm_desktop.ui.forms import DateEdit, FormErrors, RecordPicker, icon, select_data
from crm_desktop.ui.i18n import LOCALES
from crm_desktop.ui.search_popup import Choice
from crm_desktop.ui.tasks import Task
from crm_desktop.views.activities.complete_dialog import CompleteDialog
from crm_desktop.views.activities.dialog import ActivityDialog
from crm_desktop.views.activities.handover_dialog import HandOverDialog
from crm_desktop.views.activities.labels import kind_labels, priority_labels, status_labels
from crm_desktop.views.activities.scope import ask_scope
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.list_export import CHARS_PER_PIXEL, ListSource, export_to_file, shown_sections

ME = "me"  # the person filter's first choice: whoever uses this copy
ANYONE = ""
COLUMNS = 6
LATE = QColor("#c62828")
LINKED_KINDS = ("account", "contact", "lead", "opportunity")


def kind_icon(kind: str) -> object:
    return icon(f"activity-{kind}")


def subject_text(row: Occurrence) -> str:
    """The subject as the list shows it, with the status when it is not planned: "Call (done)"."""
    return row.subject + ("" if row.status == "planned" else f" ({status_labels().get(row.status, row.status)})")


class MyDayTab(QWidget):
    """`MyDayTab(env)`; the main window adds it beside the record tabs."""

    NAME = "activities"
    ENTITY = Entity.ACTIVITY

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("activitiesTab")
        self.dialog: QDialog | None = None
        self.sections: list[Section] = []
        self._today: date | None = None
        self._stale = True
        self._shown_ids: set[str] = set()
        self._found_kinds: dict[str, str] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_filters())
        self.banner = QLabel()  # a date the filter cannot use, shown here rather than in a box at every refresh
        self.errors = FormErrors(self.banner, env.lang)
        self.errors.register("start", self.date_from)
        self.errors.register("end", self.date_to)
        layout.addWidget(self.banner)
        layout.addLayout(self._build_buttons())
        self.tree = QTreeWidget()
        self.tree.setObjectName("myDayList")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Subject"), self.tr("Customer"),
                                   self.tr("Assigned to"), self.tr("Priority")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.edit_record(self._occurrence(item)))
        layout.addWidget(self.tree, 1)

        self.timer = QTimer(self)  # the day turns, or a planned activity of today becomes late
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.reload)
        env.bus.changed.connect(self.on_changes)
        self._update_buttons()

    # --- construction ---------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.person = QComboBox()
        self.person.setObjectName("personFilter")
        self.person.setToolTip(self.tr("Whose activities"))
        self._fill_people()
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem(self.tr("All kinds"), "")
        for kind, label in kind_labels().items():
            self.kind.addItem(kind_icon(kind), label, kind)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        for status, label in status_labels().items():
            self.status.addItem(label, status)
        self.status.addItem(self.tr("Any status"), "")
        self.date_from = DateEdit("start", buddhist=self.env.buddhist, lang=self.env.lang)
        self.date_from.setObjectName("dateFrom")
        self.date_from.setPlaceholderText(self.tr("From date"))
        self.date_to = DateEdit("end", buddhist=self.env.buddhist, lang=self.env.lang)
        self.date_to.setObjectName("dateTo")
        self.date_to.setPlaceholderText(self.tr("To date"))
        self.linked = RecordPicker(self._search_records, placeholder=self.tr("Customer or deal…"),
                                   no_match_text=self.tr("Nothing found"))
        self.linked.setObjectName("linkedFilter")
        self.linked.setMinimumWidth(200)
        for combo in (self.person, self.kind, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.reload())  # a valid date typed or picked
            edit.editingFinished.connect(self._check_dates)  # one that is not: say so
        self.linked.picked.connect(lambda _id: self.reload())
        for widget in (self.person, self.kind, self.status, self.date_from, self.date_to, self.linked):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _fill_people(self) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("My activities"), ME)
        self.person.addItem(self.tr("Everyone"), ANYONE)
        for user in users(self.env.db):
            if user.id != self.env.ctx.user_id:
                self.person.addItem(user.name, user.id)
        select_data(self.person, current if current is not None else ME)
        self.person.blockSignals(False)

    def _button(self, name: str, text: str, slot: object, std: QStyle.StandardPixmap | None = None) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        if std is not None:
            button.setIcon(self.style().standardIcon(std))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def _build_buttons(self) -> QHBoxLayout:
        sp = QStyle.StandardPixmap
        bar = QHBoxLayout()
        self.new_button = self._button("newButton", self.tr("New activity"), self.new_record, sp.SP_FileIcon)
        self.done_button = self._button("doneButton", self.tr("Done…"), self.mark_done, sp.SP_DialogApplyButton)
        self.hand_over_button = self._button("handOverButton", self.tr("Hand over…"), self.hand_over,
                                             sp.SP_ArrowForward)
        self.cancel_button = self._button("cancelButton", self.tr("Cancel activity"), self.cancel_selected,
                                          sp.SP_DialogCancelButton)
        self.reopen_button = self._button("reopenButton", self.tr("Reopen"), self.reopen_selected,
                                          sp.SP_BrowserReload)
        self.delete_button = self._button("deleteButton", self.tr("Delete"), self.delete_selected, sp.SP_TrashIcon)
        self.export_button = self._button("exportButton", self.tr("Export…"), self.export_list, sp.SP_DialogSaveButton)
        self.export_button.setToolTip(self.tr("Write the activities shown to an Excel or CSV file"))
        self.export_task: Task | None = None
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        for button in (self.new_button, self.done_button, self.hand_over_button, self.cancel_button,
                       self.reopen_button, self.delete_button, self.export_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        return bar

    def _search_records(self, text: str) -> list[Choice]:
        hits = search_all(self.env.db, text, 8, kinds=LINKED_KINDS)
        self._found_kinds.update((h.id, h.kind) for h in hits)  # ids are unique across kinds
        return [Choice(h.id, h.title, h.subtitle, h.kind) for h in hits]

    # --- reading --------------------------------------------------------------------------

    def current_filter(self) -> MyDayFilter:
        """The filter bar as a query filter; raises ValidationError for a date typed wrong."""
        person = self.person.currentData()
        kind = self.kind.currentData()
        status = self.status.currentData()
        picked = self.linked.value()
        link = (self._found_kinds[picked], picked) if picked in self._found_kinds else None
        return MyDayFilter(
            assignee_id=self.env.ctx.user_id if person == ME else (person or None),
            kinds=(kind,) if kind else (),
            statuses=(status,) if status else ("planned", "done", "cancelled"),
            start=self.date_from.date(),
            end=self.date_to.date(),
            link=link,
        )

    def _check_dates(self) -> None:
        try:
            self.date_from.date()
            self.date_to.date()
        except DomainError as err:
            self.errors.show_error(err)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or self._today != self.env.today():
            self.reload()

    def reload(self) -> None:
        """Read the sections again, keeping the selected activity selected where it still shows."""
        if not self.isVisible():
            self._stale = True
            return
        try:
            sections = my_day(self.env.db, self.env.now(), self.current_filter())
        except DomainError as err:  # a date typed wrong, or a range the query refuses: the list stays as it was
            self.errors.show_error(err)
            return
        except Exception as exc:  # a damaged file: an exception escaping a Qt slot crashes later
            show_unexpected_error(self, exc)
            return
        self.errors.clear()
        self._stale = False
        self._today = self.env.today()
        selected = self.selected()
        self.sections = sections
        self._fill(sections, selected)
        self._arm_timer()

    def _arm_timer(self) -> None:
        """Wake at the office's next midnight, or earlier when a planned activity of today starts."""
        now = office_time(self.env.now())
        wake = datetime.combine(now.date() + timedelta(days=1), time())
        for section in self.sections:
            if section.key == "today":
                starts = [r.starts_at for r in section.rows if r.status == "planned" and r.starts_at is not None]
                later = [s for s in starts if s > now]
                if later:
                    wake = min(wake, min(later) + timedelta(seconds=1))
        self.timer.start(max(1000, int((wake - now).total_seconds() * 1000)))

    def section_title(self, section: Section) -> str:
        titles = {
            "overdue": self.tr("Overdue"),
            "today": self.tr("Today, %1").replace("%1", self._long_date(section.start)),
            "week": self.tr("Next 7 days"),
            "range": self.tr("%1 to %2").replace("%1", self.env.date_text(section.start)).replace(
                "%2", self.env.date_text(section.end - timedelta(days=1) if section.end else None)),
        }
        title = titles[section.key]
        if section.more:
            text = (self.tr("%1 (%2, the newest %3 shown)") if section.key == "overdue"
                    else self.tr("%1 (%2, the first %3 shown)"))
            count = self.tr("more than %1") if section.at_least else "%1"
            return text.replace("%1", title).replace("%2", count.replace("%1", f"{section.total:,}")).replace(
                "%3", f"{len(section.rows):,}")
        return f"{title} ({section.total:,})"

    def _long_date(self, day: date | None) -> str:
        return format_date_long(day, self.env.lang, self.env.buddhist)

    def _fill(self, sections: list[Section], selected: Occurrence | None) -> None:
        self.tree.clear()
        self._shown_ids = set()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        chosen: QTreeWidgetItem | None = None
        for section in sections:
            head = QTreeWidgetItem([self.section_title(section)])
            head.setData(0, Qt.ItemDataRole.UserRole + 1, section.key)
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for row in section.rows:
                item = self._item(row, section.key)
                head.addChild(item)
                self._shown_ids.update(i for i in (row.activity_id, row.series_id, row.assignee_id, row.account_id,
                                                   row.contact_id, row.lead_id) if i)
                if selected is not None and _same(row, selected):
                    chosen = item
            if not section.rows:
                empty = QTreeWidgetItem([self.tr("Nothing here")])
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                empty.setForeground(0, QBrush(QColor("#757575")))
                head.addChild(empty)
                empty.setFirstColumnSpanned(True)
            head.setExpanded(True)
        if chosen is None:  # as the lists do: the first row is current, so the buttons can act on it
            chosen = next((self.tree.topLevelItem(i).child(0) for i in range(self.tree.topLevelItemCount())
                           if self._occurrence(self.tree.topLevelItem(i).child(0)) is not None), None)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        total = sum(s.total for s in sections)
        self.count_label.setText(self.tr("%n activities", None, total))
        self._update_buttons()

    def _item(self, row: Occurrence, section: str) -> QTreeWidgetItem:
        kinds, priorities = kind_labels(), priority_labels()
        item = QTreeWidgetItem([
            self.when_text(row, section),
            kinds.get(row.kind, row.kind),
            subject_text(row),
            row.customer,
            row.assignee_name,
            priorities.get(row.priority, row.priority),
        ])
        item.setIcon(1, kind_icon(row.kind))
        item.setData(0, Qt.ItemDataRole.UserRole, row)
        if section == "overdue":
            item.setForeground(0, QBrush(LATE))
        if row.priority == "high":
            item.setForeground(5, QBrush(LATE))
        if row.status != "planned":
            font = item.font(2)
            font.setStrikeOut(row.status == "cancelled")
            item.setFont(2, font)
        if row.recurring:
            item.setToolTip(2, self.tr("Part of a repeating series"))
        return item

    def when_text(self, row: Occurrence, section: str) -> str:
        """Today: the time; elsewhere the weekday and date too. All-day ones and tasks say so."""
        if row.starts_at is None:
            moment = self.tr("all day") if row.all_day else self.tr("due")
        else:
            moment = f"{row.starts_at:%H:%M}"
            if row.ends_at is not None and row.ends_at.date() == row.starts_at.date():
                moment += f"–{row.ends_at:%H:%M}"
        if section == "today":
            return moment
        locale = LOCALES.get(self.env.lang, QLocale())
        weekday = locale.dayName(row.day.isoweekday(), QLocale.FormatType.ShortFormat)
        return f"{weekday} {self.env.date_text(row.day)} {moment}"

    # --- selection ------------------------------------------------------------------------

    @staticmethod
    def _occurrence(item: QTreeWidgetItem | None) -> Occurrence | None:
        if item is None:
            return None
        row = item.data(0, Qt.ItemDataRole.UserRole)
        return row if isinstance(row, Occurrence) else None

    def selected(self) -> Occurrence | None:
        return self._occurrence(self.tree.currentItem())

    def select(self, activity_id: str, occurrence: datetime | None = None) -> bool:
        """Make the activity (or the series' occurrence) the current row; False when it is not shown."""
        for index in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(index)
            for child in range(head.childCount()):
                item = head.child(child)
                row = self._occurrence(item)
                if row is not None and row.activity_id == activity_id and row.occurrence == occurrence:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def rows(self, key: str) -> list[Occurrence]:
        """The rows a section shows (tests, the screenshots)."""
        for section in self.sections:
            if section.key == key:
                return list(section.rows)
        return []

    def export_source(self) -> ListSource:
        """The activities shown, section by section, with the list's columns; "When" as a real time."""
        shown = [(row, section.key) for section in self.sections for row in section.rows]
        kinds, priorities = kind_labels(), priority_labels()
        cells: list[tuple[Callable[[tuple[Occurrence, str]], object], str]] = [
            (lambda item: item[0].starts_at or item[0].day, "datetime"),
            (lambda item: kinds.get(item[0].kind, item[0].kind), "text"),
            (lambda item: subject_text(item[0]), "text"),
            (lambda item: item[0].customer, "text"),
            (lambda item: item[0].assignee_name, "text"),
            (lambda item: priorities.get(item[0].priority, item[0].priority), "text"),
        ]
        header = self.tree.headerItem()
        columns = [ListColumn(header.text(i), cells[i][0], cells[i][1], int(self.tree.columnWidth(i) * CHARS_PER_PIXEL))
                   for i in shown_sections(self.tree.header())]
        return ListSource(self.tr("Activities"), range(len(shown)),
                          lambda keys: {k: shown[k] for k in keys}, columns)

    def export_list(self) -> Task | None:
        """Export…: the activities shown to a file (a bounded list: a few hundred rows)."""
        self.export_task = export_to_file(self, self.env, self.export_source())
        return self.export_task

    def _update_buttons(self) -> None:
        row = self.selected()
        planned = row is not None and row.status == "planned"
        self.done_button.setEnabled(planned)
        self.hand_over_button.setEnabled(planned)
        self.cancel_button.setEnabled(planned)
        self.reopen_button.setEnabled(row is not None and row.status != "planned")
        self.delete_button.setEnabled(row is not None)

    # --- actions --------------------------------------------------------------------------

    def close_dialogs(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_record(self) -> QDialog:
        """Ctrl+N (the main window's New): a new activity, for the person and the customer the filters show."""
        person = self.person.currentData()
        preset = ActivityInput(kind="meeting", assignee_id=None if person in (ME, ANYONE) else person)
        picked = self.linked.value()
        if picked in self._found_kinds:
            setattr(preset, f"{self._found_kinds[picked]}_id", picked)
        return self._open(ActivityDialog(self.env, self, preset=preset))

    def edit_record(self, row: Occurrence | None = None) -> QDialog | None:
        """Double-click: the activity's form (for a series, opened at the occurrence clicked)."""
        row = row or self.selected()
        if row is None:
            return None
        return self._open(ActivityDialog(self.env, self, activity_id=row.activity_id, occurrence=row.occurrence))

    def mark_done(self) -> QDialog | None:
        row = self.selected()
        if row is None or row.status != "planned":
            return None
        return self._open(CompleteDialog(self.env, row, self))

    def hand_over(self) -> QDialog | None:
        row = self.selected()
        if row is None or row.status != "planned":
            return None
        return self._open(HandOverDialog(self.env, row, self))

    def cancel_selected(self) -> ChangeSet | None:
        row = self.selected()
        if row is None or row.status != "planned":
            return None
        return perform(self, self.env.bus, self.env.lang,
                       lambda: cancel_activity(self.env.ctx.uow(), row.activity_id, row.occurrence),
                       description=self.tr("Cancelled: %1").replace("%1", row.subject))

    def reopen_selected(self) -> ChangeSet | None:
        row = self.selected()
        if row is None or row.status == "planned":
            return None
        return perform(self, self.env.bus, self.env.lang,
                       lambda: reopen_activity(self.env.ctx.uow(), row.activity_id),
                       description=self.tr("Reopened: %1").replace("%1", row.subject))

    def delete_selected(self) -> None:
        """Ask first: for an occurrence of a series, which ones (as the activity form does)."""
        row = self.selected()
        if row is None:
            return
        question = self.tr("Delete the activity “%1”?").replace("%1", row.subject)
        if row.recurring:
            ask_scope(self, question, lambda scope: self.delete(row, scope))
            return
        confirm(self, self.tr("Delete"), question, lambda: self.delete(row), yes_text=self.tr("Delete"),
                informative=QCoreApplication.translate(
                    "RecordTab", "You can undo this with Ctrl+Z or the Undo button in the status bar."))

    def delete(self, row: Occurrence, scope: Scope = "all") -> ChangeSet | None:
        """Delete the activity (or, in a series, this occurrence, this and the following ones, or all);
        a deleted row can be restored with Undo."""
        label = self.tr("Deleted: %1").replace("%1", row.subject)
        changes = perform(self, self.env.bus, self.env.lang,
                          lambda: delete_activity(self.env.ctx.uow(), row.activity_id, scope, row.occurrence),
                          description=label)
        ids = () if changes is None else changes[self.ENTITY].deleted
        if ids:
            ctx = self.env.ctx
            self.env.undo.offer(self.ENTITY, ids, lambda: restore_activities(ctx.uow(), ids), label)
        return changes

    # --- changes --------------------------------------------------------------------------

    def on_changes(self, changes: ChangeSet) -> None:
        """Read again when an activity changed, or a person or customer the list names."""
        if Entity.USER in changes:
            self._fill_people()
        named = (Entity.USER, Entity.ACCOUNT, Entity.CONTACT, Entity.LEAD)
        if Entity.ACTIVITY in changes or self._shown_ids.intersection(i for e in named for i in changes[e].ids):
            self.reload()


def _same(row: Occurrence, other: Occurrence) -> bool:
    return row.activity_id == other.activity_id and row.occurrence == other.occurrence
