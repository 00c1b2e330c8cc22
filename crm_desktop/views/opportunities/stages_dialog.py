"""The pipeline stages the owner configures: a list in board order with Add / Edit / Delete and
Move up / Move down, and the editor of one stage.

Every change goes out on the bus as a change set of stages; the Deals tab reloads its list, filters and
board columns from it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import NotFound
from crm_desktop.queries.stages import StageRow, stages
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.stages import (
    StageInput,
    create_stage,
    delete_stage,
    reorder_stages,
    restore_stage,
    update_stage,
)
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.dialog_base import RecordDialog
from crm_desktop.views.opportunities.labels import stage_label
from crm_desktop.views.settings.list_editor import ListEditorDialog

ENTITY = Entity.STAGE
KINDS = ("open", "won", "lost")


def kind_labels() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("StageLabels", "Open"),
        "won": QCoreApplication.translate("StageLabels", "Won"),
        "lost": QCoreApplication.translate("StageLabels", "Lost"),
    }


class StageDialog(RecordDialog):
    """Add a stage (stage_id None) or edit one: name, default probability, kind."""

    entity = Entity.STAGE

    def __init__(self, env: ViewEnv, stage_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(env, stage_id, parent)
        self.setObjectName("stageDialog")
        self.setWindowTitle(self.tr("New stage") if stage_id is None else self.tr("Edit stage"))
        self.stage: StageRow | None = None
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("stageName")
        self.name.setMaxLength(100)
        self.name.setMinimumWidth(280)
        form.addRow(self.tr("Name"), self.name)
        self.probability = QSpinBox()
        self.probability.setObjectName("stageProbability")
        self.probability.setRange(0, 100)
        self.probability.setSuffix("%")
        self.probability.setToolTip(self.tr("The probability a deal gets when it is moved into this stage."))
        form.addRow(self.tr("Default probability"), self.probability)
        self.kind = QComboBox()
        self.kind.setObjectName("stageKind")
        for key, text in kind_labels().items():
            self.kind.addItem(text, key)
        self.kind.setToolTip(self.tr("Won and lost stages close a deal; a deal in an open stage is in the pipeline."))
        form.addRow(self.tr("Kind"), self.kind)
        self.body.addLayout(form)
        note = QLabel(self.tr("A new default probability applies to deals moved into the stage from now on."))
        note.setWordWrap(True)
        self.body.addWidget(note)
        for key, widget in (("name", self.name), ("probability", self.probability), ("kind", self.kind)):
            self.errors.register(key, widget)
        if stage_id is not None:
            self.fill(self.stored())
        self.remember_initial()
        self.name.setFocus()

    def load_input(self) -> StageInput:
        self.stage = next((s for s in stages(self.env.db) if s.id == self.record_id), None)
        if self.stage is None:
            raise NotFound("The stage was deleted by someone else. Refresh the list.")
        return StageInput(self.stage.name, self.stage.probability, self.stage.kind)

    def fill(self, data: StageInput) -> None:
        stage = self.stage  # an unrenamed default stage shows its name in the user's language
        self.name.setText(stage_label(stage) if stage is not None and data.name == stage.name else data.name)
        self.probability.setValue(data.probability)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))

    def form_input(self) -> StageInput:
        name = self.name.text().strip()
        stage = self.stage
        if stage is not None and name == stage_label(stage):
            name = stage.name  # an unrenamed default stage keeps its stored (English) name
        return StageInput(name=name, probability=self.probability.value(), kind=str(self.kind.currentData()))

    def save_action(self, data: StageInput) -> ChangeSet:
        if self.record_id is None:
            return create_stage(self.env.ctx.uow(), data)
        return update_stage(self.uow(), self.record_id, data)

    def saved_description(self, data: StageInput) -> str:
        return self.tr("Stage %1 saved").replace("%1", self.name.text().strip())


class StagesDialog(ListEditorDialog):
    """The stages in board order; Add / Edit / Delete / Move up / Move down."""

    ENTITY = ENTITY

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.stages: list[StageRow] = []
        self.setObjectName("stagesDialog")
        self.setWindowTitle(self.tr("Pipeline stages"))
        self.resize(620, 400)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The board shows open stages as columns in this order; won and lost stages "
                               "are where deals are closed."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        headers = [self.tr("Stage"), self.tr("Default probability"), self.tr("Kind")]
        buttons = self.build_list(layout, headers, "stage", self.add_stage, self.edit_stage, self.delete_stage)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("moveStageUpButton")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("moveStageDownButton")
        self.down_button.clicked.connect(lambda: self.move(1))
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        self.add_close_button(buttons)
        layout.addLayout(buttons)

        self.reload()

    def reload(self) -> None:
        self.stages = stages(self.env.db)
        kinds = kind_labels()
        self.set_rows(
            [(s.id, [stage_label(s), f"{s.probability}%", kinds.get(s.kind, s.kind)]) for s in self.stages],
            {1: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter},
        )

    def _index(self, stage_id: str | None) -> int:
        return next((i for i, s in enumerate(self.stages) if s.id == stage_id), -1)

    def update_buttons(self) -> None:
        index = self._index(self.current_id())
        selected = index >= 0
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(selected and index < len(self.stages) - 1)

    # --- add / edit -----------------------------------------------------------------------

    def make_editor(self, record_id: str | None) -> StageDialog:
        return StageDialog(self.env, record_id, parent=self)

    def add_stage(self) -> StageDialog:
        return self.open_editor(None)

    def edit_stage(self) -> StageDialog | None:
        stage_id = self.current_id()
        return None if stage_id is None else self.open_editor(stage_id)

    # --- delete ---------------------------------------------------------------------------

    def delete_stage(self) -> None:
        index = self._index(self.current_id())
        if index < 0:
            return
        stage = self.stages[index]
        name = stage_label(stage)
        confirm(self, self.tr("Delete stage"), self.tr("Delete the stage %1?").replace("%1", name),
                lambda: self._delete(stage.id, name), yes_text=self.tr("Delete"))

    def _delete(self, stage_id: str, name: str) -> None:
        text = self.tr("Deleted stage %1").replace("%1", name)
        result = perform(self, self.env.bus, self.env.lang, lambda: delete_stage(self.env.ctx.uow(), stage_id),
                         description=text)
        if result is not None:
            self.reload()
            ctx = self.env.ctx
            self.env.undo.offer(ENTITY, (stage_id,), lambda: restore_stage(ctx.uow(), stage_id), text)

    # --- order ----------------------------------------------------------------------------

    def move(self, step: int) -> bool:
        """Move the selected stage one place up (-1) or down (+1); True when it moved."""
        stage_id = self.current_id()
        index = self._index(stage_id)
        other = index + step
        if index < 0 or not 0 <= other < len(self.stages):
            return False
        ids = [s.id for s in self.stages]
        ids[index], ids[other] = ids[other], ids[index]
        result = perform(self, self.env.bus, self.env.lang, lambda: reorder_stages(self.env.ctx.uow(), ids),
                         description=self.tr("Stage order changed"))
        if result is None:
            return False
        self.reload()
        if stage_id is not None:
            self.select_id(stage_id)
        return True
