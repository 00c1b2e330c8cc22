"""How many days before a birthday, a founding day or a custom date its reminder comes (office-wide)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from crm_desktop.queries.anniversaries import remind_days
from crm_desktop.services.anniversaries import set_remind_days
from crm_desktop.services.changes import ChangeSet
from crm_desktop.ui.actions import perform
from crm_desktop.views.anniversaries.date_dialog import days_before_spin
from crm_desktop.views.common import ViewEnv


class RemindDialog(QDialog):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("remindDialog")
        self.setWindowTitle(self.tr("Anniversary reminders"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Remind the customer's owner this many days before each date."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        labels = {"birthday": self.tr("Birthdays"), "founding": self.tr("Founding days"),
                  "custom": self.tr("New special dates")}
        self.spins: dict[str, QSpinBox] = {}
        current = remind_days(env.db)
        for kind, label in labels.items():
            spin = days_before_spin(self.tr("%1 days before"))
            spin.setObjectName(f"remind_{kind}")
            spin.setValue(current[kind])
            form.addRow(label, spin)
            self.spins[kind] = spin
        self.spins["custom"].setToolTip(self.tr("Each special date keeps its own number; this is what a new one "
                                                "starts with."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> ChangeSet | None:
        env = self.env
        days = {kind: spin.value() for kind, spin in self.spins.items()}
        done = perform(self, env.bus, env.lang, lambda: set_remind_days(env.ctx.uow(), days),
                       description=self.tr("Reminder days saved"))
        if done is not None:
            self.accept()
        return done
