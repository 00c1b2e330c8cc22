"""The staff list for the Users page: everyone, active first, with what the calendar needs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from crm_desktop.db.database import Database
from crm_desktop.models import User
from crm_desktop.queries.activities.occurrences import person_colour


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    role: str
    email: str
    phone: str
    colour: str  # the person's own colour, or the one the calendar gives them
    own_colour: bool
    active: bool


def staff(db: Database) -> list[PersonRow]:
    stmt = (select(User.id, User.name, User.role, User.email, User.phone, User.colour, User.active)
            .where(User.deleted_at.is_(None)).order_by(User.active.desc(), User.name))
    with db.engine.connect() as conn:
        return [PersonRow(r.id, r.name, r.role, r.email, r.phone, person_colour(r.id, r.colour), bool(r.colour),
                          r.active) for r in conn.execute(stmt)]
