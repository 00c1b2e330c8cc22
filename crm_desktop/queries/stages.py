"""The pipeline's stages, for pickers, the board, the settings screen and a record's timeline.

Apart from queries/opportunities.py so that the timeline of the first screen does not import the
deals list and board queries with it (12 ms of the start).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from crm_desktop.db.database import Database
from crm_desktop.db.repositories.pipeline import DEFAULT_STAGES
from crm_desktop.models import Stage, fixed_id

_DEFAULT_KEYS = {fixed_id("stage", key): key for key, *_ in DEFAULT_STAGES}


@dataclass(frozen=True)
class StageRow:
    id: str
    name: str
    position: int
    probability: int
    kind: str
    default_key: str  # "prospecting"… for a default stage (the UI translates it while unrenamed), else ""


def default_stage_key(stage_id: str) -> str:
    """ "prospecting"… for a default stage's id (the UI translates its name while unrenamed), else ""."""
    return _DEFAULT_KEYS.get(stage_id, "")


def stage_rows(conn: Connection, kinds: Sequence[str] = ()) -> list[StageRow]:
    stmt = (
        select(Stage.id, Stage.name, Stage.position, Stage.probability, Stage.kind)
        .where(Stage.deleted_at.is_(None))
        .order_by(Stage.position, Stage.name)
    )
    if kinds:
        stmt = stmt.where(Stage.kind.in_(list(kinds)))
    return [StageRow(*r, default_key=_DEFAULT_KEYS.get(r.id, "")) for r in conn.execute(stmt)]


def stages(db: Database, kinds: Sequence[str] = ()) -> list[StageRow]:
    """Live stages in the owner's order, for pickers and the settings screen (optionally by kind)."""
    with db.engine.connect() as conn:
        return stage_rows(conn, kinds)
