"""Pipeline stages the owner configures: name, order, default probability and kind (open/won/lost).

Default stages get fixed ids (`fixed_id("stage", key)`), so copies installed apart agree after a
sync. Their names are stored in English, the same on every copy whatever its UI language (a Thai
name on one copy and an English one on another would be a sync conflict on the same row); the UI
shows the translation of a default stage by its key (`queries.opportunities.StageRow.default_key`)
while the owner has not renamed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crm_desktop.db.repositories.pipeline import DEFAULT_STAGES
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Stage, fixed_id
from crm_desktop.models.opportunity import STAGE_KINDS
from crm_desktop.models.rules import rule_of
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.STAGE


def default_stage_id(key: str) -> str:
    """The fixed id of a default stage ("prospecting", "qualification", …, "won", "lost")."""
    return fixed_id("stage", key)


def ensure_default_stages(uow: UnitOfWork) -> int:
    """Inside an open unit of work: add the default stages this database never had; commits them.

    Idempotent. A default stage that exists (even renamed, re-ordered or deleted: its tombstone
    counts) is left alone, so the owner's changes are never undone on the next start.
    Returns how many stages were added.
    """
    added = 0
    present = uow.stages.present([default_stage_id(key) for key, *_ in DEFAULT_STAGES])
    for position, (key, name, probability, kind) in enumerate(DEFAULT_STAGES, start=1):
        stage_id = default_stage_id(key)
        if stage_id not in present:
            uow.stages.add(Stage(id=stage_id, name=name, position=position, probability=probability, kind=kind))
            added += 1
    if added:
        uow.commit()
    return added


@dataclass
class StageInput:
    name: str
    probability: int = 0
    kind: str = "open"


def _clean(uow: UnitOfWork, data: StageInput, stage_id: str | None) -> dict[str, object]:
    name = validation.column_text(data.name, Stage.name)
    for other in uow.stages.live_ordered():
        if other.id != stage_id and other.name.casefold() == name.casefold():
            raise ValidationError("name", "There is already a stage named {name}.", name=other.name)
    probability = data.probability
    if not rule_of(Stage.probability).allows_number(probability):
        raise ValidationError("probability", "A probability is a whole percentage from 0 to 100.")
    if data.kind not in STAGE_KINDS:
        raise ValidationError("kind", "A stage is open, won or lost.")
    return {"name": name, "probability": probability, "kind": data.kind}


def _check_kinds_remain(kinds: Iterable[str]) -> None:
    """At least one open, one won and one lost stage must stay, or deals could not be closed."""
    left = set(kinds)
    if "open" not in left:
        raise DomainError("The pipeline needs at least one open stage; this change would leave none.")
    if "won" not in left:
        raise DomainError("The pipeline needs at least one won stage; this change would leave none.")
    if "lost" not in left:
        raise DomainError("The pipeline needs at least one lost stage; this change would leave none.")


def create_stage(uow: UnitOfWork, data: StageInput) -> ChangeSet:
    """A new stage at the end of the order."""
    with uow:
        values = _clean(uow, data, None)
        stage = uow.stages.add(Stage(position=uow.stages.max_position() + 1, **values))
        uow.commit()
    return change(ENTITY, created=(stage.id,))


def update_stage(uow: UnitOfWork, stage_id: str, data: StageInput) -> ChangeSet:
    """Rename, set the default probability or the kind.

    A new default probability applies to deals moved into the stage from now on; deals already in
    it keep theirs (a rep may have adjusted it). A stage holding deals keeps its kind: turning an
    open stage into a lost one would "lose" deals without a loss reason.
    """
    with uow:
        stage = uow.stages.get(stage_id)
        if stage is None:
            raise NotFound("The stage was deleted by someone else. Refresh the list.")
        values = _clean(uow, data, stage_id)
        if values["kind"] != stage.kind:
            if uow.opportunities.live_count_in_stage(stage_id):
                raise DomainError(
                    "Stage {name} holds deals, so it cannot change between open, won and lost. "
                    "Move its deals to another stage first.",
                    name=stage.name,
                )
            others = [s.kind for s in uow.stages.live_ordered() if s.id != stage_id]
            _check_kinds_remain([*others, str(values["kind"])])
        for key, value in values.items():
            setattr(stage, key, value)
        uow.commit()
    return change(ENTITY, updated=(stage_id,))


def reorder_stages(uow: UnitOfWork, ordered_ids: Sequence[str]) -> ChangeSet:
    """Put the stages in the given order (every live stage, each once)."""
    with uow:
        stages = {s.id: s for s in uow.stages.live_ordered()}
        if sorted(ordered_ids) != sorted(stages):
            raise DomainError("The stages changed meanwhile. Refresh the list and try again.")
        changed = []
        for position, stage_id in enumerate(ordered_ids, start=1):
            if stages[stage_id].position != position:
                stages[stage_id].position = position
                changed.append(stage_id)
        uow.commit()
    return change(ENTITY, updated=tuple(changed))


def delete_stage(uow: UnitOfWork, stage_id: str) -> ChangeSet:
    """Delete a stage no live deal uses; the history of deleted deals keeps pointing at it."""
    with uow:
        stage = uow.stages.get(stage_id)
        if stage is None:
            raise NotFound("The stage was deleted by someone else. Refresh the list.")
        in_use = uow.opportunities.live_count_in_stage(stage_id)
        if in_use:
            # Not naming the stage: a default stage's stored name is English, the user may read Thai.
            raise DomainError(
                "This stage still holds {count} deal(s). Move them to another stage before deleting it.",
                count=in_use,
            )
        _check_kinds_remain(s.kind for s in uow.stages.live_ordered() if s.id != stage_id)
        uow.stages.soft_delete(stage, uow.now())
        uow.commit()
    return change(ENTITY, deleted=(stage_id,))


def restore_stage(uow: UnitOfWork, stage_id: str) -> ChangeSet:
    """Undo a delete (its name must still be free)."""
    with uow:
        stage = uow.stages.get(stage_id, include_deleted=True)
        if stage is None:
            raise NotFound("The record no longer exists.")
        for other in uow.stages.live_ordered():
            if other.id != stage_id and other.name.casefold() == stage.name.casefold():
                raise ValidationError("name", "There is already a stage named {name}.", name=other.name)
        uow.stages.restore(stage)
        uow.commit()
    return change(ENTITY, created=(stage_id,))
