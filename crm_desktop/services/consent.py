"""Marketing consent (PDPA) as the contact and lead forms set it, and how the change is recorded.

The history rows themselves are written by the unit of work whenever the flag changes (db/consent.py);
the services say how: `note_form` for the forms (with the channel and wording the person agreed to,
when the form asked), "import", "convert", "merge", "sync" and "erase" elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.models import ConsentEvent
from crm_desktop.models.consent import CONSENT_CHANNELS
from crm_desktop.services import validation


@dataclass(frozen=True)
class ConsentSaid:
    """How the person gave consent, as the form records it; both may stay empty."""

    channel: str = ""  # models.consent.CONSENT_CHANNELS
    wording: str = ""  # what they agreed to


def consent_values(given: bool, consent_on: date | None, today: date) -> dict[str, object]:
    """The two stored columns: consent given on a day (today when none was typed, never in the future);
    without consent there is no day."""
    day = validation.not_future(consent_on, today, "consent_on")
    return {"marketing_consent": given, "consent_on": (day or today) if given else None}


def note_form(uow: UnitOfWork, said: ConsentSaid | None) -> None:
    """Record that this unit of work's consent changes come from the form, with what it said."""
    said = said or ConsentSaid()
    if said.channel not in CONSENT_CHANNELS:
        raise ValidationError("consent_channel", "Unknown consent channel {value}.", value=said.channel)
    wording = validation.column_text(said.wording, ConsentEvent.wording, "consent_wording")
    uow.note_consent("form", channel=said.channel, wording=wording)
