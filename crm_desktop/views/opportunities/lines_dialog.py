"""The product lines of one deal, edited from the Deals tab's pane without the whole deal form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from crm_desktop.errors import DomainError
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.opportunities import opportunity_input, set_deal_lines
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.sales.lines_editor import LinesEditor


class DealLinesDialog(RecordDialog):
    """Save replaces the deal's lines in one action; the deal's amount becomes their grand total. The
    save is checked against the deal's version: lines changed elsewhere change the deal's amount."""

    entity = Entity.OPPORTUNITY

    def __init__(self, env: ViewEnv, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(env, record_id, parent)
        self.setObjectName("dealLinesDialog")
        data = opportunity_input(env.ctx.uow(), record_id)
        self.deal_name = data.name
        self.setWindowTitle(self.tr("Products of %1").replace("%1", data.name))
        self.resize(960, 520)
        self.editor = LinesEditor(env, document_options=False)
        self.fill(self.stored())
        self.body.addWidget(self.editor)
        self.errors.register("lines", self.editor.table)
        self.remember_initial()

    def load_input(self) -> list[LineInput]:
        assert self.record_id is not None
        return opportunity_input(self.env.ctx.uow(), self.record_id).lines or []

    def fill(self, data: list[LineInput]) -> None:
        self.editor.set_lines(data)

    def form_input(self) -> list[LineInput]:
        return self.editor.lines()

    def show_domain_error(self, err: DomainError) -> None:
        super().show_domain_error(err)
        self.editor.show_error(err, self.env.lang)

    def save_action(self, data: list[LineInput]) -> ChangeSet:
        assert self.record_id is not None
        return set_deal_lines(self.uow(), self.record_id, data)

    def saved_description(self, data: list[LineInput]) -> str:
        return self.tr("Saved the products of %1").replace("%1", self.deal_name)
