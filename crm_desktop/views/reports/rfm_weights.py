"""The customer ranking's weights (RFM: recency, frequency, money), as the owner sets them: stored for
the whole office by `services.settings.set_rfm_weights`, so every copy ranks its customers alike."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from crm_desktop import rfm
from crm_desktop.services.settings import rfm_weights, set_rfm_weights
from crm_desktop.ui.actions import perform
from crm_desktop.views.common import ViewEnv


class RfmWeightsDialog(QDialog):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("rfmWeightsDialog")
        self.setWindowTitle(self.tr("Customer ranking weights"))
        about = QLabel(self.tr(
            "How much each measure counts in a customer's score, from 0 (not at all) to %1. Recency: how "
            "lately they bought; frequency: how many orders; money: how much they bought.").replace(
            "%1", str(rfm.MAX_WEIGHT)))
        about.setWordWrap(True)
        current = rfm_weights(env.ctx.uow())
        self.spins: list[QSpinBox] = []
        form = QFormLayout()
        for name, label, value in (("recency", self.tr("Recency"), current.recency),
                                   ("frequency", self.tr("Frequency"), current.frequency),
                                   ("monetary", self.tr("Money"), current.monetary)):
            spin = QSpinBox()
            spin.setObjectName(f"{name}Weight")
            spin.setRange(0, rfm.MAX_WEIGHT)
            spin.setValue(value)
            form.addRow(label, spin)
            self.spins.append(spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def weights(self) -> rfm.Weights:
        return rfm.Weights(*(spin.value() for spin in self.spins))

    def save(self) -> None:
        """Store the weights (a refusal, such as all three at 0, is shown and keeps the dialog open)."""
        weights, env = self.weights(), self.env
        done = perform(self, env.bus, env.lang, lambda: set_rfm_weights(env.ctx.uow(), weights),
                       description=self.tr("Customer ranking weights saved"))
        if done is not None:
            self.accept()
