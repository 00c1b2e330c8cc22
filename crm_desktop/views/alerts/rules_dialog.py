"""The alert rules' editor, for the owner and managers: the rules on the left, one rule's form on the
right (name, what it watches, its number, on or off, "also make a task for the record's owner").

A kind's number is typed as text (baht, days or hours), so that a negative, a zero or an absurd value
reaches the service and gets its message (services/alerts.py); nothing is saved then."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.alerts import Rule, alert_rules
from crm_desktop.services.alerts import (
    KINDS,
    RuleInput,
    create_rule,
    delete_rule,
    kind_name,
    param_of,
    param_text,
    params_from_text,
    update_rule,
)
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.views.common import ViewEnv


class AlertRulesDialog(QDialog):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("alertRulesDialog")
        self.setWindowTitle(self.tr("Alert rules"))
        self.resize(820, 420)
        self.rules: list[Rule] = []
        self.current: Rule | None = None
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("ruleList")
        self.list.currentRowChanged.connect(self._show_rule)
        left.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("New rule"))
        self.new_button.setObjectName("newRule")
        self.new_button.clicked.connect(self.new_rule)
        left.addWidget(self.new_button)
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("ruleName")
        self.kind = QComboBox()
        self.kind.setObjectName("ruleKind")
        for kind in KINDS:
            self.kind.addItem(kind_name(kind, env.lang), kind)
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        self.value = QLineEdit()
        self.value.setObjectName("ruleValue")
        self.value_label = QLabel()
        self.active = QCheckBox(self.tr("Checked at start and every 5 minutes"))
        self.active.setObjectName("ruleActive")
        self.make_task = QCheckBox(self.tr("Also make a task for the record's owner"))
        self.make_task.setObjectName("ruleTask")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Watch for"), self.kind)
        form.addRow(self.value_label, self.value)
        form.addRow(self.tr("Active"), self.active)
        form.addRow("", self.make_task)
        right.addLayout(form)
        self.hint = QLabel()
        self.hint.setObjectName("ruleHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.hint, 1)
        row = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete rule"))
        self.delete_button.setObjectName("deleteRule")
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button = QPushButton(self.tr("Save rule"))
        self.save_button.setObjectName("saveRule")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        right.addWidget(close)
        layout.addLayout(right, 3)
        allowed = env.may_write(Entity.ALERT_RULE)
        for widget in (self.new_button, self.save_button, self.delete_button):
            widget.setEnabled(allowed)
        if not allowed:
            self.hint.setText(self.tr("Only the owner or a manager can change alert rules."))
        self.reload()

    # --- the list ---------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.rules = alert_rules(self.env.db)
        self.list.blockSignals(True)
        self.list.clear()
        for rule in self.rules:
            item = QListWidgetItem(rule.name if rule.active else self.tr("%1 (off)").replace("%1", rule.name))
            item.setToolTip(kind_name(rule.kind, self.env.lang))
            self.list.addItem(item)
        self.list.blockSignals(False)
        chosen = next((i for i, r in enumerate(self.rules) if r.id == select), 0)
        if self.rules:
            self.list.setCurrentRow(chosen)
            self._show_rule(chosen)
        else:
            self.new_rule()

    def _show_rule(self, number: int) -> None:
        if not 0 <= number < len(self.rules):
            return
        rule = self.current = self.rules[number]
        self.name.setText(rule.name)
        self.kind.setCurrentIndex(self.kind.findData(rule.kind))
        self.kind.setEnabled(False)  # a rule keeps its kind: make another rule for another kind
        self.value.setText(param_text(rule.kind, rule.params))
        self.active.setChecked(rule.active)
        self.make_task.setChecked(rule.make_task)
        self._kind_changed()

    def new_rule(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.name.clear()
        self.kind.setEnabled(True)
        self.kind.setCurrentIndex(0)
        self.active.setChecked(True)
        self.make_task.setChecked(False)
        self._kind_changed(fill=True)
        self.name.setFocus()

    def _kind_changed(self, fill: bool = False) -> None:
        kind = self.kind.currentData()
        name = param_of(kind)
        labels = {"amount_satang": self.tr("Over (baht)"), "days": self.tr("Days"), "hours": self.tr("Hours")}
        self.value_label.setText(labels[name])
        hints = {
            "big_spender": self.tr("A customer whose sales this month are over this amount (before VAT)."),
            "quiet_top_customer": self.tr("A customer in the top fifth by sales over the last 12 months with no "
                                          "activity marked done with them for this many days."),
            "stuck_deal": self.tr("An open deal that has not moved to another stage for this many days."),
            "quotation_expiring": self.tr("A sent quotation whose validity ends within this many days."),
            "late_order": self.tr("An order with a line still not delivered this many days after the promised day."),
            "case_sla": self.tr("An open case due within this many hours, or already past its due time."),
            "top_birthday": self.tr("The birthday of a top customer (or of someone at a top company) within this "
                                    "many days."),
        }
        if self.env.may_write(Entity.ALERT_RULE):
            self.hint.setText(hints[kind])
        if fill or self.current is None:
            self.value.setText(param_text(kind, {}))
            named = {kind_name(k, self.env.lang) for k in KINDS}
            if fill or self.name.text().strip() in named | {""}:  # a name the user typed stays
                self.name.setText(kind_name(kind, self.env.lang))

    # --- saving -----------------------------------------------------------------------------

    def form_input(self) -> RuleInput:
        kind = self.kind.currentData()
        return RuleInput(kind=kind, name=self.name.text(), params=params_from_text(kind, self.value.text()),
                         active=self.active.isChecked(), make_task=self.make_task.isChecked())

    def save(self) -> ChangeSet | None:
        env = self.env
        current = self.current

        def action() -> ChangeSet:
            data = self.form_input()  # bad text raises here: the same message, nothing saved
            if current is None:
                return create_rule(env.ctx.uow(), data)
            return update_rule(env.ctx.uow().expecting(Entity.ALERT_RULE, current.id, current.version), current.id,
                               data)

        done = perform(self, env.bus, env.lang, action, description=self.tr("Alert rule saved"))
        if done is not None:
            self.reload(select=(done.created or done.updated or (None,))[0])
        return done

    def delete_current(self) -> None:
        current = self.current
        if current is None:
            return
        question = self.tr("Delete the rule “%1”? Its alerts stay in the list until dismissed.")
        confirm(self, self.tr("Delete alert rule"), question.replace("%1", current.name),
                lambda: self.delete_rule(current.id))

    def delete_rule(self, rule_id: str) -> ChangeSet | None:
        env = self.env
        done = perform(self, env.bus, env.lang, lambda: delete_rule(env.ctx.uow(), rule_id),
                       description=self.tr("Alert rule deleted"))
        if done is not None:
            self.reload()
        return done
