"""The small dialog of the pipeline: why a deal was lost (asked when it is dropped on Lost)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.opportunities import move_to_stage
from crm_desktop.ui.actions import perform
from crm_desktop.ui.forms import FormErrors
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.opportunities.dialog import loss_reasons


class LossDialog(QDialog):
    """Move a deal into a lost stage: the reason is required, the competitor optional.
    Cancel leaves the deal where it was."""

    def __init__(self, env: ViewEnv, opp_id: str, stage_id: str, deal_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.opp_id = opp_id
        self.stage_id = stage_id
        self.changes: ChangeSet | None = None
        self.setObjectName("lossDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Deal lost"))
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.errors = FormErrors(self.banner, env.lang)
        outer.addWidget(self.banner)
        intro = QLabel(self.tr("Why was %1 lost?").replace("%1", deal_name))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.setObjectName("lossReason")
        self.reason.addItem(self.tr("(choose a reason)"), "")
        for value in loss_reasons(env):
            self.reason.addItem(value, value)
        form.addRow(self.tr("Reason *"), self.reason)
        self.competitor = QLineEdit()
        self.competitor.setObjectName("lossCompetitor")
        self.competitor.setMaxLength(200)
        self.competitor.setMinimumWidth(300)
        self.competitor.setPlaceholderText(self.tr("Who won the deal, if you know"))
        form.addRow(self.tr("Competitor"), self.competitor)
        outer.addLayout(form)
        self.errors.register("loss_reason", self.reason)
        self.errors.register("competitor", self.competitor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(self.tr("Mark as lost"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(QCoreApplication.translate("RecordDialog", "Cancel"))
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def run(self) -> bool:
        self.errors.clear()
        reason = str(self.reason.currentData() or "")
        competitor = self.competitor.text()
        changes = perform(
            self, self.env.bus, self.env.lang,
            lambda: move_to_stage(self.env.ctx.uow(), self.opp_id, self.stage_id, self.env.now(), reason, competitor),
            description=self.tr("Deal marked as lost"),
            on_domain_error=self.errors.show_error,
        )
        if changes is None:
            return False
        self.changes = changes
        self.accept()
        return True
