"""The timeline on a detail pane: what happened with the record shown, newest first, a page at a time.

Each entry is one line of what happened (an activity, a stage move, an edit with old → new values)
and one line of when (office time, Buddhist Era when chosen) and who. "Show more" reads the next
page before the last entry shown; a kind filter narrows the list; changes of the record, its
activities or its deals reload what is shown.
"""

from __future__ import annotations

import html
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm_desktop.queries.timeline import (
    KINDS,
    PAGE_SIZE,
    ActivityEntry,
    ChangeEntry,
    Cursor,
    Entry,
    FieldChange,
    StageMoveEntry,
    timeline,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.labels import WrappedLabel
from crm_desktop.views.activities.labels import kind_labels
from crm_desktop.views.common import ViewEnv, money_text
from crm_desktop.views.contacts.labels import gender_label, income_label
from crm_desktop.views.field_labels import field_label
from crm_desktop.views.leads.labels import source_label, status_label, timeframe_label
from crm_desktop.views.opportunities.labels import channel_label, stage_label

VALUE_MAX = 60  # characters of a long text (notes) shown in an edit; the rest is elided
COLOURS = {"activity": "#1f6fb2", "stage": "#7a4fb0", "change": "#5f6b73"}


def activity_status_label(status: str) -> str:
    labels = {
        "planned": QCoreApplication.translate("ActivityLabels", "planned"),
        "done": QCoreApplication.translate("ActivityLabels", "done"),
        "cancelled": QCoreApplication.translate("ActivityLabels", "cancelled"),
    }
    return labels.get(status, status)


class TimelineView(QWidget):
    """A record's timeline; `show_record(id)` picks the record (None hides the timeline)."""

    customer_chosen = Signal(str, str)  # an entry's customer ("account" | "contact", id): open its 360 page

    def __init__(self, env: ViewEnv, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.env = env
        self.entity = entity
        self.record_id: str | None = None
        self.entries: list[Entry] = []
        self._cursor: Cursor | None = None
        self._stale = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.title = QLabel(self.tr("Timeline"))
        self.title.setStyleSheet("font-weight: bold;")
        bar.addWidget(self.title)
        bar.addStretch(1)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("timelineKind")
        kinds = [(self.tr("Everything"), KINDS), (self.tr("Activities"), ("activity",)),
                 (self.tr("Stage moves"), ("stage",)), (self.tr("Edits"), ("change",))]
        for label, value in kinds:
            if value != ("stage",) or entity != "lead":  # a lead has no deals yet
                self.kind_filter.addItem(label, value)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload(keep=False))
        bar.addWidget(self.kind_filter)
        layout.addLayout(bar)

        self.list = QVBoxLayout()
        self.list.setSpacing(8)
        layout.addLayout(self.list)
        self.empty_label = QLabel(self.tr("Nothing recorded yet."))
        self.empty_label.setStyleSheet("color: gray;")
        layout.addWidget(self.empty_label)
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.setObjectName("timelineMore")
        self.more_button.clicked.connect(self.show_more)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        env.bus.changed.connect(self.on_changes)
        self.setVisible(False)

    # --- what is shown --------------------------------------------------------------------

    def show_record(self, record_id: str | None) -> None:
        """Show the timeline of `record_id` (the first page; as much as was shown when it is the record
        shown already), or nothing."""
        same = record_id == self.record_id
        self.record_id = record_id
        self.setVisible(record_id is not None)
        self.env.later(lambda: self.reload(keep=same))  # at start, once the window has painted (0.08 s)

    def kinds(self) -> tuple[str, ...]:
        return tuple(self.kind_filter.currentData() or KINDS)

    def reload(self, keep: bool = True) -> None:
        """The newest entries again: a page, or as many as were shown when `keep`."""
        self._stale = False
        count = max(PAGE_SIZE, len(self.entries) if keep else 0)
        self._clear()
        if self.record_id is not None:
            self._fetch(count)
        self._update()

    def show_more(self) -> None:
        if self.record_id is not None and self._cursor is not None:
            self._fetch(PAGE_SIZE)
        self._update()

    def _fetch(self, count: int) -> None:
        assert self.record_id is not None
        page = timeline(self.env.db, self.entity, self.record_id, limit=count, before=self._cursor,
                        kinds=self.kinds())
        for entry in page.entries:
            self.list.addWidget(self._entry_label(entry))
        self.entries.extend(page.entries)
        self._cursor = page.cursor

    def _clear(self) -> None:
        self.entries = []
        self._cursor = None
        while self.list.count():
            item = self.list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once; deleted when the event loop runs
                widget.deleteLater()

    def _update(self) -> None:
        self.empty_label.setVisible(self.record_id is not None and not self.entries)
        self.more_button.setVisible(self._cursor is not None)

    def entry_texts(self) -> list[str]:
        """The entries' text as shown (without markup), for tests and screen readers."""
        return [self.list.itemAt(i).widget().accessibleName() for i in range(self.list.count())]

    # --- changes --------------------------------------------------------------------------

    def on_changes(self, changes: ChangeSet) -> None:
        """Activities and deals change this timeline; the record's own edits come through the tab,
        which shows the record again. A hidden timeline reloads when it is shown."""
        related = (Entity.ACTIVITY, *((Entity.OPPORTUNITY,) if self.entity in (Entity.ACCOUNT, Entity.CONTACT) else ()))
        if self.record_id is None or not changes.touches(*related):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # --- one entry ------------------------------------------------------------------------

    def _entry_label(self, entry: Entry) -> QLabel:
        kind, text = self._what(entry)
        when = (self.env.date_text(entry.at.date()) if isinstance(entry, ActivityEntry) and entry.all_day
                else self.env.datetime_text(entry.at))
        meta = " · ".join(p for p in (when, entry.who) if p)
        customer = entry.customer if isinstance(entry, ActivityEntry | StageMoveEntry) else None
        link = ""
        if customer is not None and customer != (self.entity, self.record_id):
            caption = self.tr("Customer 360")
            link = f' · <a href="{customer[0]}:{html.escape(customer[1])}">{html.escape(caption)}</a>'
        label = WrappedLabel(
            f'<span style="color:{COLOURS[entry.kind]}; font-weight:bold;">{html.escape(kind)}</span>'
            f'{" " + html.escape(text) if text else ""}<br><span style="color:gray;">{html.escape(meta)}</span>{link}'
        )
        label.setObjectName(f"timeline_{entry.kind}")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        label.linkActivated.connect(self._customer_link)
        label.setAccessibleName(" · ".join((f"{kind} {text}" if text else kind, meta)))
        return label

    def _customer_link(self, href: str) -> None:
        kind, _, record_id = href.partition(":")
        if kind in ("account", "contact") and record_id:
            self.customer_chosen.emit(kind, record_id)

    def _what(self, entry: Entry) -> tuple[str, str]:
        """The entry's kind as a label, and what happened."""
        if isinstance(entry, ActivityEntry):
            parts = [entry.subject]
            if entry.status != "done" or not entry.outcome:
                parts.append(f"({activity_status_label(entry.status)})")
            if entry.outcome:
                parts.append(f"— {entry.outcome}")
            text = " ".join(parts)
            if entry.related:
                text = self.tr("%1 · with %2").replace("%1", text).replace("%2", entry.related)
            return kind_labels().get(entry.activity_kind, entry.activity_kind), text
        if isinstance(entry, StageMoveEntry):
            if entry.from_stage is None:
                text = self.tr("Opened in %1").replace("%1", stage_label(entry.to_stage))
            else:
                text = f"{stage_label(entry.from_stage)} → {stage_label(entry.to_stage)}"
            if self.entity != Entity.OPPORTUNITY:
                text = f"{entry.deal}: {text}"
            return self.tr("Stage"), text
        return self._change_text(entry)

    def _change_text(self, entry: ChangeEntry) -> tuple[str, str]:
        if entry.action == "created":
            return self.tr("Created"), ""
        if entry.action == "deleted":
            return self.tr("Deleted"), ""
        if entry.action == "restored":
            return self.tr("Restored"), ""
        edits = [f"{field_label(f.field)} {value_text(f, f.old, self.env)} → {value_text(f, f.new, self.env)}"
                 for f in entry.fields]
        return self.tr("Edited"), "; ".join(edits)


def value_text(change: FieldChange, value: object, env: ViewEnv) -> str:
    """A logged value the way the forms and detail panes show it."""
    if value is None or value == "":
        return QCoreApplication.translate("TimelineView", "(empty)")
    form, field = change.form, change.field
    if form == "phone" and isinstance(value, str):
        return format_phone(value)
    if form == "date" and isinstance(value, date):
        return env.date_text(value)
    if form == "datetime" and isinstance(value, datetime):
        return env.datetime_text(value)
    if form == "money" and isinstance(value, int):
        return money_text(value)
    if field == "probability":
        return f"{value}%"
    if form == "bool":
        return (QCoreApplication.translate("TimelineView", "yes") if value
                else QCoreApplication.translate("TimelineView", "no"))
    text = str(value)
    choice = {"gender": gender_label, "income_band": income_label, "status": status_label, "source": source_label,
              "timeframe": timeframe_label, "channel": channel_label}.get(field)
    if choice is not None:
        text = choice(text)
    return text if len(text) <= VALUE_MAX else text[: VALUE_MAX - 1] + "…"
