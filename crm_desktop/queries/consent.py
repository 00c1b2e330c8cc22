"""A person's consent history (PDPA), newest first, as the contact and lead pages and the personal-data
export show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import func, select

from crm_desktop.db.database import Database
from crm_desktop.models import ConsentEvent, User

Person = Literal["contact", "lead"]


@dataclass(frozen=True)
class ConsentRow:
    changed_at: datetime  # UTC, when it was recorded
    given: bool  # False: withdrawn
    consent_on: date | None  # the day the person gave it, as stated
    method: str  # models.consent.CONSENT_METHODS
    channel: str  # models.consent.CONSENT_CHANNELS
    wording: str
    source: str  # an import's file name
    user_name: str  # who recorded it ("" when unknown)


def consent_history(db: Database, kind: Person, person_id: str) -> tuple[ConsentRow, ...]:
    """Every recorded change of the person's marketing consent, newest first."""
    column = ConsentEvent.contact_id if kind == "contact" else ConsentEvent.lead_id
    stmt = (select(ConsentEvent.changed_at, ConsentEvent.given, ConsentEvent.consent_on, ConsentEvent.method,
                   ConsentEvent.channel, ConsentEvent.wording, ConsentEvent.source, func.coalesce(User.name, ""))
            .outerjoin(User, User.id == ConsentEvent.user_id)
            .where(column == person_id)
            .order_by(ConsentEvent.changed_at.desc(), ConsentEvent.hlc.desc()))
    with db.engine.connect() as conn:
        return tuple(ConsentRow(*row) for row in conn.execute(stmt))
