"""Read side of the editable choice lists (lead sources, disqualify and loss reasons)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from crm_desktop.db.database import Database
from crm_desktop.models import PickList


@dataclass(frozen=True)
class PickValue:
    id: str
    kind: str
    value: str
    position: int


def pick_list(db: Database, kind: str) -> list[PickValue]:
    """The live entries of one list, in the order users arranged them."""
    stmt = (
        select(PickList.id, PickList.kind, PickList.value, PickList.position)
        .where(PickList.kind == kind, PickList.deleted_at.is_(None))
        .order_by(PickList.position, PickList.value)
    )
    with db.engine.connect() as conn:
        return [PickValue(*r) for r in conn.execute(stmt)]


def pick_values(db: Database, kind: str) -> list[str]:
    return [entry.value for entry in pick_list(db, kind)]
