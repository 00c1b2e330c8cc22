"""Members by hand: find people by name, phone or e-mail and add the ones ticked to the campaign."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.campaign_members import add_members
from crm_desktop.ui.actions import perform
from crm_desktop.views.common import ViewEnv, record_choices
from crm_desktop.views.marketing.widgets import add_buttons

FOUND = 50


class AddPeopleDialog(QDialog):
    def __init__(self, env: ViewEnv, campaign_id: str, campaign_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.campaign_id = campaign_id
        self.setObjectName("addPeopleDialog")
        self.setWindowTitle(self.tr("Add people to %1").replace("%1", campaign_name))
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("addPeopleSearch")
        self.search.setPlaceholderText(self.tr("Name, nickname, phone or e-mail"))
        self.search.textChanged.connect(self.find)
        layout.addWidget(self.search)
        self.found = QListWidget()
        self.found.setObjectName("addPeopleFound")
        layout.addWidget(self.found, 1)
        self.note = QLabel(self.tr("Tick the people to add; people already in the campaign stay as they are."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.add_button, _close = add_buttons(buttons, (("addPeopleAdd", self.tr("Add"), self.add),
                                                        ("addPeopleClose", self.tr("Close"), self.reject)))
        layout.addLayout(buttons)

    def find(self, text: str) -> None:
        self.found.clear()
        if len(text.strip()) < 2:
            return
        for choice in record_choices(self.env, "contact", text.strip(), FOUND):
            item = QListWidgetItem(" · ".join(p for p in (choice.title, choice.subtitle) if p))
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.found.addItem(item)

    def ticked(self) -> list[str]:
        return [str(self.found.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.found.count())
                if self.found.item(i).checkState() == Qt.CheckState.Checked]

    def add(self) -> None:
        ids = self.ticked()
        result = perform(self, self.env.bus, self.env.lang, lambda: add_members(self.env.ctx.uow(), self.campaign_id,
                                                                                ids),
                         description=self.tr("%1 people added").replace("%1", str(len(ids))))
        if result is not None:
            self.search.clear()
