"""SLA and routing of cases (the owner or a manager): hours per priority, the office's working hours,
and the routing rules in order. Each part is saved on its own; a refused value keeps the dialog open
with the reason, and nothing of that part is saved."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.lookups import users
from crm_desktop.services.cases.cases import CASE_PRIORITIES
from crm_desktop.services.cases.routing import RoutingRule, routing_rules, set_routing_rules
from crm_desktop.services.cases.sla import MAX_SLA_HOURS, OfficeHours, SlaHours, set_sla_settings, sla_settings
from crm_desktop.ui.actions import perform
from crm_desktop.views.cases.labels import priority_labels
from crm_desktop.views.common import ViewEnv

ID_ROLE = Qt.ItemDataRole.UserRole


class CaseRulesDialog(QDialog):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("caseRulesDialog")
        self.setWindowTitle(self.tr("SLA and routing of cases"))
        self.resize(760, 720)
        layout = QVBoxLayout(self)
        policy, hours = sla_settings(env.ctx.uow())
        self.people = {u.id: u.name for u in users(env.db, active_only=False)}
        self.active_people = [(u.id, u.name) for u in users(env.db)]

        sla = QGroupBox(self.tr("SLA in working hours"))
        grid = QGridLayout(sla)
        grid.addWidget(QLabel(self.tr("First response")), 0, 1)
        grid.addWidget(QLabel(self.tr("Resolution")), 0, 2)
        self.hours: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        for i, priority in enumerate(CASE_PRIORITIES[::-1], start=1):
            grid.addWidget(QLabel(priority_labels()[priority]), i, 0)
            pair = []
            for column, value in ((1, policy[priority].response), (2, policy[priority].resolution)):
                spin = QDoubleSpinBox()
                spin.setObjectName(f"sla_{priority}_{column}")
                spin.setRange(0, MAX_SLA_HOURS)  # 0 is typed and refused with the reason
                spin.setDecimals(1)
                spin.setSuffix(" " + self.tr("h"))
                spin.setValue(value)
                grid.addWidget(spin, i, column)
                pair.append(spin)
            self.hours[priority] = (pair[0], pair[1])
        office = QHBoxLayout()
        office.addWidget(QLabel(self.tr("Office hours")))
        self.opens = QTimeEdit(QTime(hours.start.hour, hours.start.minute))
        self.opens.setObjectName("opensEdit")
        self.closes = QTimeEdit(QTime(hours.end.hour, hours.end.minute))
        self.closes.setObjectName("closesEdit")
        office.addWidget(self.opens)
        office.addWidget(QLabel("–"))
        office.addWidget(self.closes)
        self.days: list[QCheckBox] = []
        for day, name in enumerate((self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                                    self.tr("Sat"), self.tr("Sun"))):
            check = QCheckBox(name)
            check.setChecked(day in hours.weekdays)
            self.days.append(check)
            office.addWidget(check)
        office.addStretch(1)
        grid.addLayout(office, len(CASE_PRIORITIES) + 1, 0, 1, 3)
        note = QLabel(self.tr("Weekends off the office's days and the Thai public holidays of the calendar do not "
                              "count. Cases already open keep their due times."))
        note.setWordWrap(True)
        grid.addWidget(note, len(CASE_PRIORITIES) + 2, 0, 1, 3)
        self.save_sla_button = QPushButton(self.tr("Save SLA"))
        self.save_sla_button.setObjectName("saveSlaButton")
        self.save_sla_button.clicked.connect(self.save_sla)
        grid.addWidget(self.save_sla_button, len(CASE_PRIORITIES) + 3, 2)
        layout.addWidget(sla)

        routing = QGroupBox(self.tr("Routing rules (the first that matches decides)"))
        box = QVBoxLayout(routing)
        self.rules_table = QTableWidget(0, 3)
        self.rules_table.setObjectName("routingTable")
        self.rules_table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Goes to"), self.tr("Team")])
        self.rules_table.verticalHeader().hide()
        self.rules_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rules_table.currentCellChanged.connect(lambda row, *_: self._edit_row(row))
        box.addWidget(self.rules_table, 1)
        editor = QGridLayout()
        self.field = QComboBox()
        self.field.setObjectName("ruleField")
        self.field.addItem(self.tr("Category is"), "category")
        self.field.addItem(self.tr("Province is"), "province")
        self.value = QLineEdit()
        self.value.setObjectName("ruleValue")
        self.value.setPlaceholderText(self.tr("e.g. ซ่อมแอร์, or เชียงใหม่"))
        self.team = QLineEdit()
        self.team.setObjectName("ruleTeam")
        self.team.setPlaceholderText(self.tr("Team name, when several people share the cases"))
        self.members = QListWidget()
        self.members.setObjectName("ruleMembers")
        self.members.setMaximumHeight(110)
        for person_id, name in self.active_people:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(item)
        editor.addWidget(self.field, 0, 0)
        editor.addWidget(self.value, 0, 1)
        editor.addWidget(QLabel(self.tr("People (several: taken in turn)")), 1, 0)
        editor.addWidget(self.members, 1, 1)
        editor.addWidget(self.team, 2, 1)
        box.addLayout(editor)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add rule"))
        self.add_button.setObjectName("addRuleButton")
        self.add_button.clicked.connect(self.add_rule)
        self.replace_button = QPushButton(self.tr("Change rule"))
        self.replace_button.clicked.connect(self.replace_rule)
        self.remove_button = QPushButton(self.tr("Remove rule"))
        self.remove_button.clicked.connect(self.remove_rule)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda: self._shift(-1))
        self.save_rules_button = QPushButton(self.tr("Save rules"))
        self.save_rules_button.setObjectName("saveRulesButton")
        self.save_rules_button.clicked.connect(self.save_rules)
        for button in (self.add_button, self.replace_button, self.remove_button, self.up_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_rules_button)
        box.addLayout(buttons)
        layout.addWidget(routing, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout.addWidget(close)
        self.rules = routing_rules(env.ctx.uow())
        self._show_rules()

    # --- SLA --------------------------------------------------------------------------------

    def sla_input(self) -> tuple[dict[str, SlaHours], OfficeHours]:
        policy = {p: SlaHours(r.value(), s.value()) for p, (r, s) in self.hours.items()}
        opens, closes = self.opens.time(), self.closes.time()
        hours = OfficeHours(time(opens.hour(), opens.minute()), time(closes.hour(), closes.minute()),
                            frozenset(i for i, check in enumerate(self.days) if check.isChecked()))
        return policy, hours

    def save_sla(self) -> bool:
        policy, hours = self.sla_input()
        return perform(self, self.env.bus, self.env.lang, lambda: set_sla_settings(self.env.ctx.uow(), policy, hours),
                       description=self.tr("Saved the SLA of cases")) is not None

    # --- routing ----------------------------------------------------------------------------

    def _show_rules(self) -> None:
        self.rules_table.setRowCount(len(self.rules))
        fields = {"category": self.tr("Category is %1"), "province": self.tr("Province is %1")}
        for row, rule in enumerate(self.rules):
            names = ", ".join(self.people.get(p, "?") for p in rule.people)
            for column, text in enumerate((fields[rule.field].replace("%1", rule.value), names, rule.team)):
                self.rules_table.setItem(row, column, QTableWidgetItem(text))

    def rule_texts(self) -> list[list[str]]:
        """What the rules table shows (tests read it)."""
        return [[self.rules_table.item(r, c).text() for c in range(3)] for r in range(self.rules_table.rowCount())]

    def _edit_row(self, row: int) -> None:
        if not 0 <= row < len(self.rules):
            return
        rule = self.rules[row]
        self.field.setCurrentIndex(0 if rule.field == "category" else 1)
        self.value.setText(rule.value)
        self.team.setText(rule.team)
        for i in range(self.members.count()):
            item = self.members.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in rule.people else Qt.CheckState.Unchecked)

    def edited_rule(self) -> RoutingRule:
        people = tuple(str(self.members.item(i).data(ID_ROLE)) for i in range(self.members.count())
                       if self.members.item(i).checkState() == Qt.CheckState.Checked)
        return RoutingRule(self.field.currentData(), self.value.text(), people, self.team.text())

    def add_rule(self) -> None:
        self.rules.append(self.edited_rule())
        self._show_rules()

    def replace_rule(self) -> None:
        row = self.rules_table.currentRow()
        if 0 <= row < len(self.rules):
            self.rules[row] = self.edited_rule()
            self._show_rules()

    def remove_rule(self) -> None:
        row = self.rules_table.currentRow()
        if 0 <= row < len(self.rules):
            del self.rules[row]
            self._show_rules()

    def _shift(self, step: int) -> None:
        row = self.rules_table.currentRow()
        if 0 < row < len(self.rules):
            self.rules[row + step], self.rules[row] = self.rules[row], self.rules[row + step]
            self._show_rules()
            self.rules_table.selectRow(row + step)

    def save_rules(self) -> bool:
        rules = list(self.rules)
        done = perform(self, self.env.bus, self.env.lang, lambda: set_routing_rules(self.env.ctx.uow(), rules),
                       description=self.tr("Saved the routing of cases"))
        if done is not None:
            self.rules = routing_rules(self.env.ctx.uow())  # as stored: provinces by their Thai names
            self._show_rules()
        return done is not None
