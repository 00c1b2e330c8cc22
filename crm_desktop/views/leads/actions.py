"""What the lead screens share: labels for the stored keys (status, source, timeframe, rule fields),
and the small dialogs of the lead flow (qualify, disqualify)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.queries.lookups import users
from crm_desktop.queries.picklists import pick_values
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.leads import REP_ROLES, TRANSITIONS, disqualify, qualify
from crm_desktop.services.picklists import DISQUALIFY_REASON, LEAD_SOURCE
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import FormErrors
from crm_desktop.views.common import ViewEnv


def source_keys(env: ViewEnv) -> list[str]:
    """The live lead sources, in the order of the editable list."""
    return pick_values(env.db, LEAD_SOURCE)


def allowed(status: str, target: str) -> bool:
    """May a lead in `status` move to `target` (the service checks again)?"""
    return target in TRANSITIONS.get(status, frozenset())


def can_add_task(status: str) -> bool:
    return status not in ("disqualified", "converted")


# --- flow dialogs ----------------------------------------------------------------------------


class ActionDialog(QDialog):
    """A small form (OK/Cancel) running one service call; field errors stay in the dialog."""

    def __init__(self, env: ViewEnv, lead_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.lead_id = lead_id
        self.changes: ChangeSet | None = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, env.lang)
        outer.addWidget(self.banner)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(QCoreApplication.translate("RecordDialog", "Cancel"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def action(self) -> Callable[[], ChangeSet]:
        raise NotImplementedError

    def description(self) -> str:
        return ""

    def run(self) -> bool:
        self.errors.clear()
        try:
            action = self.action()
        except DomainError as err:
            self.errors.show_error(err)
            return False
        changes = perform(self, self.env.bus, self.env.lang, action, description=self.description(),
                          on_domain_error=self.errors.show_error)
        if changes is None:
            return False
        self.changes = changes
        self.accept()
        return True


class QualifyDialog(ActionDialog):
    def __init__(self, env: ViewEnv, lead_id: str, lead_name: str, parent: QWidget | None = None) -> None:
        super().__init__(env, lead_id, parent)
        self.setObjectName("qualifyDialog")
        self.setWindowTitle(self.tr("Qualify lead"))
        self.ok_button.setText(self.tr("Qualify"))
        intro = QLabel(self.tr("Hand %1 to a sales rep:").replace("%1", lead_name))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.owner = QComboBox()
        self.owner.setObjectName("qualifyOwner")
        self.owner.addItem(self.tr("Round-robin (the next rep in turn)"), "")
        for user in users(env.db):
            if user.role in REP_ROLES:
                self.owner.addItem(user.name, user.id)
        self.form.addRow(self.tr("Sales rep"), self.owner)
        self.errors.register("owner_id", self.owner)

    def action(self) -> Callable[[], ChangeSet]:
        owner_id = str(self.owner.currentData() or "") or None
        return lambda: qualify(self.env.ctx.uow(), self.lead_id, owner_id)

    def description(self) -> str:
        return self.tr("Lead qualified")


class DisqualifyDialog(ActionDialog):
    def __init__(self, env: ViewEnv, lead_id: str, lead_name: str, parent: QWidget | None = None) -> None:
        super().__init__(env, lead_id, parent)
        self.setObjectName("disqualifyDialog")
        self.setWindowTitle(self.tr("Disqualify lead"))
        self.ok_button.setText(self.tr("Disqualify"))
        intro = QLabel(self.tr("Why is %1 disqualified?").replace("%1", lead_name))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.reason = QComboBox()
        self.reason.setObjectName("disqualifyReason")
        self.reason.addItem(self.tr("(choose a reason)"), "")
        for value in pick_values(env.db, DISQUALIFY_REASON):
            self.reason.addItem(value, value)
        self.form.addRow(self.tr("Reason *"), self.reason)
        self.errors.register("reason", self.reason)

    def action(self) -> Callable[[], ChangeSet]:
        reason = str(self.reason.currentData() or "")
        return lambda: disqualify(self.env.ctx.uow(), self.lead_id, reason)

    def description(self) -> str:
        return self.tr("Lead disqualified")
