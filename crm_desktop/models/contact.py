"""Contacts: people, either working at an account (B2B) or customers on their own (B2C)."""

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.account import AddressMixin
from crm_desktop.models.base import SORT_KEY, Base, SyncMixin, month_day_index, partial_index, sparse_index
from crm_desktop.models.rules import EMAIL, EMAIL_MAX, NOTES_MAX, PHONE, rules

GENDERS = ("", "female", "male", "other")
INCOME_BANDS = ("", "<15k", "15k-30k", "30k-50k", "50k-100k", "100k+")


class Contact(SyncMixin, AddressMixin, Base):
    __tablename__ = "contact"
    __table_args__ = (
        partial_index("ix_contact_live_name", "sort_key", "id", where="deleted_at IS NULL"),
        # the list filtered by province, in its order
        partial_index("ix_contact_live_province", "province", "sort_key", "id", where="deleted_at IS NULL"),
        # Duplicate matching (services/duplicates.py): equality lookups on the blocking keys.
        Index("ix_contact_match_key", "match_key"),
        sparse_index("ix_contact_mobile", "mobile"),
        sparse_index("ix_contact_email", "email"),
        month_day_index("ix_contact_birthday_md", "birthday"),  # the anniversary calendar
        # A segment's conditions on the person (0030): gender and an age range from an index range, the
        # rest read from the index too; covering (`deleted_at` too: SQLite reads the table for a term of
        # the condition it does not hold), so a segment that must pass every person reads the index.
        partial_index("ix_contact_live_segment", "gender", "birthday", "province", "marketing_consent",
                      "income_band", "owner_id", "interests", "tags", "last_contact_on", "id", "deleted_at",
                      where="deleted_at IS NULL"),
        # The people by last contact, with their consent: "no contact for N days", "contacted lately", read
        # from the index alone (0032). Not partial: a partial index of the live rows this narrow would be
        # the planner's pick for scanning the live people for any other condition.
        Index("ix_contact_last_contact", "last_contact_on", "marketing_consent", "deleted_at"),
        # Which of a set of people (the buyers of a period, those a lead became) are live and agreed, from
        # the index alone: a segment count probes it by id, where each probe read the person's row (0032).
        Index("ix_contact_id_consent", "id", "marketing_consent", "deleted_at"),
    )

    prefix: Mapped[str] = mapped_column(String(30), default="")
    first_name: Mapped[str] = mapped_column(String(100), info=rules(required=True))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    nickname: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[str] = mapped_column(String(100), default="")
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    mobile: Mapped[str] = mapped_column(String(20), default="", info=rules(pattern=PHONE))
    phone: Mapped[str] = mapped_column(String(20), default="", info=rules(pattern=PHONE))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="", info=rules(pattern=EMAIL))
    line_id: Mapped[str] = mapped_column(String(60), default="")
    birthday: Mapped[date | None] = mapped_column(Date, default=None)
    gender: Mapped[str] = mapped_column(String(10), default="", info=rules(choices=GENDERS))
    income_band: Mapped[str] = mapped_column(String(20), default="", info=rules(choices=INCOME_BANDS))
    interests: Mapped[str] = mapped_column(String(300), default="")
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_on: Mapped[date | None] = mapped_column(Date, default=None)
    tags: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    # Derived from the names (crm_desktop.text.person_key) by db/derived.py; never logged.
    match_key: Mapped[str] = mapped_column(String(200), default="")
    # Thai dictionary order of the first and last name (crm_desktop/collation.py), kept by db/derived.py; never logged.
    sort_key: Mapped[str] = mapped_column(SORT_KEY, default="")
    # The office day of the latest activity marked done with them, kept by triggers (db/kept.py); never
    # logged, never written by the ORM.
    last_contact_on: Mapped[date | None] = mapped_column(Date, default=None)


CONTACT_LINK_KINDS = ("knows", "family", "colleague", "referred_by", "reports_to")


class ContactLink(SyncMixin, Base):
    """Who knows whom: a relationship between two people, read from `contact_id` ("is … of")."""

    __tablename__ = "contact_link"
    __table_args__ = (
        partial_index("ix_contact_link_contact", "contact_id", where="deleted_at IS NULL"),
        partial_index("ix_contact_link_other", "other_contact_id", where="deleted_at IS NULL"),
    )

    contact_id: Mapped[str] = mapped_column(ForeignKey("contact.id"), info=rules(pins_parent=True))
    other_contact_id: Mapped[str] = mapped_column(ForeignKey("contact.id"), info=rules(pins_parent=True))
    kind: Mapped[str] = mapped_column(String(20), default="knows", info=rules(choices=CONTACT_LINK_KINDS))
    note: Mapped[str] = mapped_column(String(300), default="")
