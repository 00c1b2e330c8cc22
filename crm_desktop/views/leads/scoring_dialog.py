"""The lead scoring rules: a list with Add / Edit / Delete, and the editor of one rule.

Every change rescores all leads in the same transaction (the service does it); the Leads tab
refreshes from the change set it publishes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import ValidationError
from crm_desktop.queries.campaigns import campaign_names
from crm_desktop.queries.leads import RuleRow, scoring_rules
from crm_desktop.scoring import split_list
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.leads import TIMEFRAMES
from crm_desktop.services.scoring import (
    MAX_WEIGHT,
    RuleInput,
    create_rule,
    delete_rule,
    restore_rule,
    rule_input,
    update_rule,
)
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.views.common import ViewEnv, fill_campaigns
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.leads.actions import source_keys
from crm_desktop.views.leads.labels import source_label, timeframe_label
from crm_desktop.views.settings.list_editor import ListEditorDialog

ENTITY = Entity.LEAD_SCORING_RULE
PROVINCE_GROUPS = ("bangkok_area",)
CAMPAIGN = "campaign_id"
# A rule on the campaign compares it with one campaign picked by name ("contains" or "is one of"
# make no sense for a picked id). A stored rule with another condition keeps it, and its typed value.
CAMPAIGN_CONDITIONS = ("eq", "ne", "empty", "not_empty")
PICKED_CONDITIONS = ("eq", "ne")


def field_labels() -> dict[str, str]:
    return {
        "source": QCoreApplication.translate("ScoringLabels", "Source"),
        "budget": QCoreApplication.translate("ScoringLabels", "Budget (baht)"),
        "province": QCoreApplication.translate("ScoringLabels", "Province"),
        "timeframe": QCoreApplication.translate("ScoringLabels", "Buying timeframe"),
        "position": QCoreApplication.translate("ScoringLabels", "Position"),
        "company_name": QCoreApplication.translate("ScoringLabels", "Company"),
        "email": QCoreApplication.translate("ScoringLabels", "E-mail"),
        "phone": QCoreApplication.translate("ScoringLabels", "Any phone"),
        "mobile": QCoreApplication.translate("ScoringLabels", "Mobile"),
        "interest": QCoreApplication.translate("ScoringLabels", "Interested in"),
        "campaign_id": QCoreApplication.translate("ScoringLabels", "Campaign"),
        "tax_id": QCoreApplication.translate("ScoringLabels", "Tax ID"),
    }


def condition_labels() -> dict[str, str]:
    return {
        "eq": QCoreApplication.translate("ScoringLabels", "equals"),
        "ne": QCoreApplication.translate("ScoringLabels", "does not equal"),
        "gte": QCoreApplication.translate("ScoringLabels", "at least"),
        "lte": QCoreApplication.translate("ScoringLabels", "at most"),
        "contains": QCoreApplication.translate("ScoringLabels", "contains"),
        "in": QCoreApplication.translate("ScoringLabels", "is one of"),
        "empty": QCoreApplication.translate("ScoringLabels", "is empty"),
        "not_empty": QCoreApplication.translate("ScoringLabels", "is given"),
    }


def group_labels() -> dict[str, str]:
    return {"bangkok_area": QCoreApplication.translate("ScoringLabels", "Bangkok and vicinity")}


def value_text(field: str, value: str, campaigns: Mapping[str, str] | None = None) -> str:
    """A stored rule value as users read it: labels for keys, baht with separators, campaign names
    (from `campaigns`, id -> name)."""
    if field == "budget":
        try:
            amount = Decimal(value)
        except InvalidOperation:
            return value
        return f"฿{amount:,}"
    items = [item.strip() for item in value.split(",") if item.strip()]
    if field == "source":
        return ", ".join(source_label(item) for item in items)
    if field == "timeframe":
        return ", ".join(timeframe_label(item) for item in items)
    if field == "province":
        groups = group_labels()
        return ", ".join(groups.get(item, item) for item in items)
    if field == CAMPAIGN and campaigns:
        return ", ".join(campaigns.get(item, item) for item in items)
    return value


def rule_text(field: str, condition: str, value: str, campaigns: Mapping[str, str] | None = None) -> str:
    """A rule in words, as the rules list shows it: field, condition and value ("Source equals
    Referral", "Budget (baht) at least ฿100,000"); what a rule without a label is called."""
    words = [field_labels().get(field, field), condition_labels().get(condition, condition)]
    if condition not in ("empty", "not_empty"):
        words.append(value_text(field, value, campaigns))
    return " ".join(word for word in words if word)


class RuleLike(Protocol):
    """A rule as the rules list (`RuleRow`) or a lead's score explanation (`ScoreLine`) holds it."""

    @property
    def field(self) -> str: ...

    @property
    def value(self) -> str: ...


def rule_campaign_names(env: ViewEnv, rules: Iterable[RuleLike]) -> dict[str, str]:
    """Id -> name of the campaigns that rules on the campaign name (what `value_text` shows)."""
    return campaign_names(env.db, [item for rule in rules if rule.field == CAMPAIGN for item in split_list(rule.value)])


class RuleDialog(RecordDialog):
    """Add a rule (rule_id None) or edit one."""

    entity = Entity.LEAD_SCORING_RULE

    def __init__(self, env: ViewEnv, rule_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, rule_id, parent)
        self.setObjectName("ruleDialog")
        self.setWindowTitle(self.tr("New scoring rule") if rule_id is None else self.tr("Edit scoring rule"))
        form = QFormLayout()
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("e.g. มาจากการแนะนำ"))
        self.label.setMinimumWidth(320)
        form.addRow(self.tr("Label"), self.label)
        self.field = QComboBox()
        self.field.setObjectName("ruleField")
        for key, text in field_labels().items():
            self.field.addItem(text, key)
        form.addRow(self.tr("Lead field"), self.field)
        self.condition = QComboBox()
        self.condition.setObjectName("ruleCondition")
        form.addRow(self.tr("Condition"), self.condition)
        self.value = QComboBox()
        self.value.setObjectName("ruleValue")
        self.value.setEditable(True)
        self.value.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.value.setToolTip(self.tr("For \"is one of\", separate the values with commas."))
        self.campaign = QComboBox()  # the value of a rule on the campaign: picked by name, stored as the id
        self.campaign.setObjectName("ruleCampaign")
        self.campaign.setPlaceholderText(self.tr("(choose a campaign)"))
        self.value_editors = QStackedWidget()
        self.value_editors.addWidget(self.value)
        self.value_editors.addWidget(self.campaign)
        form.addRow(self.tr("Value"), self.value_editors)
        self.weight = QSpinBox()
        self.weight.setObjectName("ruleWeight")
        self.weight.setRange(-MAX_WEIGHT, MAX_WEIGHT)
        self.weight.setToolTip(self.tr("Points added to the score when the rule matches (negative: taken off)."))
        form.addRow(self.tr("Weight"), self.weight)
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        form.addRow("", self.active)
        self.body.addLayout(form)
        self.body.addWidget(QLabel(self.tr("Saving rescores every lead.")))
        for key, widget in (("label", self.label), ("field", self.field), ("condition", self.condition),
                            ("value", self.value), ("amount", self.value), ("weight", self.weight)):
            self.errors.register(key, widget)
        self._stored: RuleInput | None = self.stored() if rule_id is not None else None
        fill_campaigns(self.campaign, env, self._stored_campaign())
        self.campaign.setCurrentIndex(-1)  # a new rule's campaign is chosen, never assumed
        self.field.currentIndexChanged.connect(self._field_changed)
        self.condition.currentIndexChanged.connect(self._condition_changed)
        self._field_changed()
        if self._stored is not None:
            self.fill(self._stored)
        self.remember_initial()
        self.label.setFocus()

    def _value_choices(self, field: str) -> list[tuple[str, str]]:
        if field == "source":
            return [(source_label(k), k) for k in source_keys(self.env)]
        if field == "timeframe":
            return [(timeframe_label(k), k) for k in TIMEFRAMES]
        if field == "province":
            return [(text, key) for key, text in group_labels().items()]
        return []

    def _stored_campaign(self) -> str | None:
        """The campaign id of the rule being edited, when it compares the campaign with one."""
        data = self._stored
        if data is None or data.field != CAMPAIGN or data.condition not in PICKED_CONDITIONS:
            return None
        return data.value.strip() or None

    def _conditions(self, field: str) -> list[str]:
        """The conditions offered for `field`, the edited rule's own one always among them."""
        keys = list(CAMPAIGN_CONDITIONS if field == CAMPAIGN else condition_labels())
        data = self._stored
        if data is not None and data.field == field and data.condition not in keys:
            keys.append(data.condition)
        return keys

    def _picks_campaign(self) -> bool:
        return self.field.currentData() == CAMPAIGN and self.condition.currentData() in PICKED_CONDITIONS

    def _field_changed(self, *_args: object) -> None:
        field = str(self.field.currentData())
        chosen = self.condition.currentData()
        labels = condition_labels()
        self.condition.blockSignals(True)
        self.condition.clear()
        for key in self._conditions(field):
            self.condition.addItem(labels.get(key, key), key)
        self.condition.setCurrentIndex(max(0, self.condition.findData(chosen)))
        self.condition.blockSignals(False)
        text = self.value.currentText()
        self.value.blockSignals(True)
        self.value.clear()
        for label, key in self._value_choices(str(self.field.currentData())):
            self.value.addItem(label, key)
        self.value.setEditText(text if self.value.findText(text) >= 0 or not self.value.count() else "")
        self.value.blockSignals(False)
        self._condition_changed()

    def _condition_changed(self, *_args: object) -> None:
        """Show the value editor the field and condition need: the campaign picker or the text."""
        editor = self.campaign if self._picks_campaign() else self.value
        self.value_editors.setCurrentWidget(editor)
        self.errors.register("value", editor)
        self.value_editors.setEnabled(self.condition.currentData() not in ("empty", "not_empty"))

    def load_input(self) -> RuleInput:
        assert self.record_id is not None
        self._stored = rule_input(self.env.ctx.uow(), self.record_id)
        return self._stored

    def fill(self, data: RuleInput) -> None:
        self.label.setText(data.label)
        select_value(self.field, data.field)
        select_value(self.condition, data.condition)
        if self._picks_campaign():
            select_value(self.campaign, data.value.strip())
        else:
            self.value.setEditText(value_text(data.field, data.value) if data.field != "budget" else data.value)
        self.weight.setValue(data.weight)
        self.active.setChecked(data.active)

    def rule_value(self) -> str:
        """The value as stored: the picked campaign's id, the key of each chosen label, or the text as typed."""
        if self._picks_campaign():
            return str(self.campaign.currentData() or "")
        keys = {self.value.itemText(i): str(self.value.itemData(i)) for i in range(self.value.count())}
        items = [item.strip() for item in self.value.currentText().split(",") if item.strip()]
        return ", ".join(keys.get(item, item) for item in items)

    def form_input(self) -> RuleInput:
        return RuleInput(
            field=str(self.field.currentData()),
            condition=str(self.condition.currentData()),
            value=self.rule_value(),
            weight=self.weight.value(),
            label=self.label.text(),
            active=self.active.isChecked(),
        )

    def save_action(self, data: RuleInput) -> ChangeSet:
        """Save the rule; its change set names the rule and the rescored leads."""
        try:
            if self.record_id is None:
                result = create_rule(self.env.ctx.uow(), data)
            else:
                result = update_rule(self.uow(), self.record_id, data)
        except ValidationError as err:
            if err.field == "amount":  # a budget value that is not an amount: point at the value
                raise ValidationError("value", err.template, **err.params) from None
            raise
        return result

    def saved_description(self, data: RuleInput) -> str:
        return self.tr("Scoring rule saved; every lead was rescored")


def select_value(combo: QComboBox, value: object) -> None:
    found = combo.findData(value)
    if found >= 0:
        combo.setCurrentIndex(found)


class ScoringRulesDialog(ListEditorDialog):
    """The rules list; Add / Edit / Delete open the editor or ask, then every lead is rescored."""

    ENTITY = ENTITY

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.setObjectName("scoringRulesDialog")
        self.setWindowTitle(self.tr("Lead scoring rules"))
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A lead's score is the sum of the weights of the active rules it matches."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        headers = [self.tr("Label"), self.tr("Lead field"), self.tr("Condition"), self.tr("Value"),
                   self.tr("Weight"), self.tr("Active")]
        buttons = self.build_list(layout, headers, "rule", self.add_rule, self.edit_rule, self.delete_rule)
        self.add_close_button(buttons)
        layout.addLayout(buttons)

        self.reload()

    def reload(self) -> None:
        self.rules: list[RuleRow] = scoring_rules(self.env.db)
        fields, conditions = field_labels(), condition_labels()
        names = rule_campaign_names(self.env, self.rules)
        self.set_rows(
            [(rule.id, [rule.label, fields.get(rule.field, rule.field), conditions.get(rule.condition, rule.condition),
                        value_text(rule.field, rule.value, names), f"{rule.weight:+d}", "✓" if rule.active else "—"])
             for rule in self.rules],
            {4: Qt.AlignmentFlag.AlignCenter, 5: Qt.AlignmentFlag.AlignCenter},
        )

    def _on_changes(self, changes: ChangeSet) -> None:
        if Entity.CAMPAIGN in changes:  # a renamed campaign is shown by its new name
            self.reload()
        else:
            super()._on_changes(changes)

    def update_buttons(self) -> None:
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def make_editor(self, record_id: str | None) -> RuleDialog:
        return RuleDialog(self.env, record_id, parent=self)

    def add_rule(self) -> RuleDialog:
        return self.open_editor(None)

    def edit_rule(self) -> RuleDialog | None:
        rule_id = self.current_id()
        return None if rule_id is None else self.open_editor(rule_id)

    def delete_rule(self) -> None:
        rule_id = self.current_id()
        if rule_id is None:
            return
        rule = next(r for r in self.rules if r.id == rule_id)
        label = rule.label or rule_text(rule.field, rule.condition, rule.value, rule_campaign_names(self.env, [rule]))
        confirm(self, self.tr("Delete rule"), self.tr("Delete the rule %1? Every lead is rescored.").replace(
            "%1", label), lambda: self._delete(rule_id, label), yes_text=self.tr("Delete"))

    def _delete(self, rule_id: str, label: str) -> None:
        text = self.tr("Deleted scoring rule %1").replace("%1", label)
        result = perform(self, self.env.bus, self.env.lang, lambda: delete_rule(self.env.ctx.uow(), rule_id),
                         description=text)
        if result is not None:
            self.reload()
            ctx = self.env.ctx
            self.env.undo.offer(ENTITY, (rule_id,), lambda: restore_rule(ctx.uow(), rule_id), text)
