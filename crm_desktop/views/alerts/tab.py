"""The Alerts tab: what the rules found (message, record, when), newest first; open the record,
dismiss, snooze for an hour, until tomorrow or next week (each for the person acting only, with Undo);
"Rules…" for the owner and managers.

The list is the lazy table of the record tabs (keys sorted in SQL, rows read a page at a time). Sales
and staff see the alerts about their own records and those without an owner ("Only my records",
which a manager may tick too)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.alerts import AlertRow, alert_keys, alert_rows
from crm_desktop.roles import LIMITED
from crm_desktop.services.alerts import (
    SNOOZES,
    Snooze,
    alert_text,
    bring_back,
    dismiss_alerts,
    snooze_alerts,
    snooze_until,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import Undoable, perform
from crm_desktop.ui.table_model import Column, LazyTableModel
from crm_desktop.views.common import ViewEnv

WATCHED = (Entity.ALERT, Entity.ALERT_DISMISSAL, Entity.ALERT_RULE, Entity.USER)


class AlertsTab(QWidget):
    NAME = "alerts"
    open_record = Signal(str, str)  # (entity, id): the record an alert is about
    open_rules = Signal()

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("alertsTab")
        self.moment = env.now()  # the list's "now": snoozed alerts come back after it
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("alertCount")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.mine = QCheckBox(self.tr("Only my records"))
        self.mine.setObjectName("onlyMine")
        self.mine.setChecked(env.role in LIMITED)
        self.mine.toggled.connect(lambda _on: self.reload())
        self.open_button = QPushButton(self.tr("Open record"))
        self.open_button.setObjectName("openAlertRecord")
        self.open_button.clicked.connect(self.open_selected)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismissAlert")
        self.dismiss_button.setToolTip(self.tr("Remove the selected alerts from your list (others still see them), "
                                               "on every copy after a sync"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.snooze_button = QPushButton(self.tr("Snooze"))
        self.snooze_button.setObjectName("snoozeAlert")
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_texts = {"1h": self.tr("For 1 hour"), "tomorrow": self.tr("Until tomorrow 09:00"),
                             "next_week": self.tr("Until next Monday 09:00")}
        for choice in SNOOZES:
            action = self.snooze_menu.addAction(self.snooze_texts[choice])
            action.setObjectName(f"snooze_{choice}")
            action.triggered.connect(lambda _checked=False, c=choice: self.snooze_selected(c))
        self.snooze_button.setMenu(self.snooze_menu)
        self.rules_button = QPushButton(self.tr("Rules…"))
        self.rules_button.setObjectName("alertRules")
        self.rules_button.setToolTip(self.tr("What the alerts watch for (the owner and managers change them)"))
        self.rules_button.clicked.connect(self.open_rules.emit)
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        bar.addWidget(self.mine)
        bar.addStretch(1)
        for button in (self.open_button, self.dismiss_button, self.snooze_button, self.rules_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.model = LazyTableModel(self.columns(), self._keys, self._rows, sort="raised_at", descending=True,
                                    parent=self)
        self.table = QTableView()
        self.table.setObjectName("alertList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for number, column in enumerate(self.model.columns):
            self.table.setColumnWidth(number, column.width)
        self.table.doubleClicked.connect(lambda *_: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty_label = QLabel(self.tr("Nothing needs attention now. The rules are checked at start and "
                                          "every 5 minutes."))
        self.empty_label.setObjectName("noAlerts")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        env.bus.changed.connect(self.on_changes)
        self.stale = True
        self._update_buttons()

    def columns(self) -> list[Column]:
        kinds = {"account": self.tr("Company"), "contact": self.tr("Contact"), "opportunity": self.tr("Deal"),
                 "quotation": self.tr("Quotation"), "sales_order": self.tr("Order"), "case": self.tr("Case")}
        env = self.env
        return [
            Column("raised_at", self.tr("When"), lambda r: env.datetime_text(r.raised_at), width=130),
            Column("kind", self.tr("Alert"), lambda r: alert_text(r.kind, r.params, env.lang, env.buddhist),
                   width=560),
            Column("entity", self.tr("Record"), lambda r: kinds.get(r.entity, r.entity), width=100),
            Column("owner", self.tr("Owner"), lambda r: r.owner_name, sortable=False, width=140),
        ]

    def _owner_filter(self) -> str | None:
        return self.env.ctx.user_id if self.mine.isChecked() else None

    def _keys(self, sort: str, descending: bool) -> list[str]:
        return alert_keys(self.env.db, self.moment, self._owner_filter(), sort, descending, person=self.env.ctx.user_id)

    def _rows(self, ids: list[str]) -> list[AlertRow]:
        return alert_rows(self.env.db, ids)

    # --- showing ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self, moment: datetime | None = None) -> None:
        self.stale = False
        self.moment = moment or self.env.now()
        self.model.reload()
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n open alert(s)", "", count))
        self.table.setVisible(count > 0)
        self.empty_label.setVisible(count == 0)
        self._update_buttons()

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(*WATCHED):
            self.refresh_when_shown()

    def refresh_when_shown(self) -> None:
        """Read the list again now if it is shown, else when it is next shown."""
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def retranslate(self) -> None:
        self.reload()

    # --- acting -----------------------------------------------------------------------------

    def selected(self) -> list[AlertRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        found = [self.model.row_at(r) for r in rows]
        return [r for r in found if r is not None]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(len(chosen) == 1)
        self.dismiss_button.setEnabled(bool(chosen))
        self.snooze_button.setEnabled(bool(chosen))
        self.rules_button.setEnabled(self.env.may_write(Entity.ALERT_RULE))

    def open_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        account = row.params.get("account_id")
        if row.entity == "case" and isinstance(account, str):  # the case's customer (until cases have a tab)
            self.open_record.emit("account", account)
        else:
            self.open_record.emit(row.entity, row.row_id)

    def dismiss_selected(self) -> ChangeSet | None:
        ids = [r.id for r in self.selected()]
        if not ids:
            return None
        env = self.env
        return self._hide(lambda: dismiss_alerts(env.ctx.uow(), ids), ids,
                          self.tr("%n alert(s) dismissed", "", len(ids)), self.tr("&Undo dismiss"))

    def snooze_selected(self, choice: Snooze) -> ChangeSet | None:
        ids = [r.id for r in self.selected()]
        if not ids:
            return None
        env = self.env
        until = snooze_until(choice, env.now())
        return self._hide(lambda: snooze_alerts(env.ctx.uow(), ids, until), ids,
                          self.tr("Snoozed until %1").replace("%1", env.datetime_text(until)), self.tr("&Undo snooze"))

    def _hide(self, action: Callable[[], ChangeSet], ids: list[str], text: str, undo_text: str) -> ChangeSet | None:
        """Dismiss or snooze for the person acting; Edit > Undo (Ctrl+Z) puts the alerts back on their list."""
        env = self.env
        done = perform(self, env.bus, env.lang, action, description=text)
        if done is not None:
            ctx = env.ctx
            env.undo.offer_action(Undoable(Entity.ALERT_DISMISSAL, tuple(ids), lambda: bring_back(ctx.uow(), ids), text,
                                           undo_text))
        return done
