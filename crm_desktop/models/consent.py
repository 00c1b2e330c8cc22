"""Consent history (PDPA): each change of a person's marketing consent, kept as its own record.

The contact's and the lead's `marketing_consent` / `consent_on` say where consent stands now; these rows
say how it got there: when, how (the form, an import, a conversion, a merge, a sync conflict taken the
other way, an erase), by whom, given or withdrawn, and the channel and wording where they were known.
Rows are written by the unit of work whenever the flag changes (db/consent.py), never edited, and sync
like any record, so every copy can show the same history.
"""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_desktop.models.base import Base, SyncMixin
from crm_desktop.models.contact import Contact
from crm_desktop.models.lead import Lead
from crm_desktop.models.rules import rules

# How a change of consent came about. "edit" is any write whose service did not say (a data repair).
CONSENT_METHODS = ("form", "import", "convert", "merge", "sync", "erase", "edit")
# Where the person said it, when the form asks ("" = not said).
CONSENT_CHANNELS = ("", "in_person", "phone", "email", "line", "website", "paper")


class ConsentEvent(SyncMixin, Base):
    """One change of one person's marketing consent: a contact's or a lead's (exactly one of the two)."""

    __tablename__ = "consent_event"

    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None, index=True)
    given: Mapped[bool] = mapped_column(Boolean, default=False)  # False: withdrawn
    consent_on: Mapped[date | None] = mapped_column(Date, default=None)  # the day the person gave it, as stated
    changed_at: Mapped[datetime] = mapped_column(DateTime)  # when it was recorded (the application clock)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
    method: Mapped[str] = mapped_column(String(10), default="edit", info=rules(choices=CONSENT_METHODS))
    channel: Mapped[str] = mapped_column(String(10), default="", info=rules(choices=CONSENT_CHANNELS))
    wording: Mapped[str] = mapped_column(String(500), default="")  # what the person agreed to, if recorded
    source: Mapped[str] = mapped_column(String(260), default="")  # an import's file name

    # Never read (lazy="raise"): they only tell the flush to insert the person before the row naming
    # them, since the row is added in the same flush as a new contact or lead (db/consent.py).
    contact: Mapped[Contact | None] = relationship(lazy="raise")
    lead: Mapped[Lead | None] = relationship(lazy="raise")
