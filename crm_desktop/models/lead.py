"""Leads: enquiries not yet customers, with their scoring rules."""

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import SORT_KEY, Base, SyncMixin, partial_index, sparse_index
from crm_desktop.models.rules import EMAIL, EMAIL_MAX, NOTES_MAX, PHONE, TAX_ID, rules
from crm_desktop.scoring import CONDITIONS, FIELDS, TIMEFRAMES

LEAD_STATUSES = ("new", "contacted", "qualified", "disqualified", "converted")
MAX_WEIGHT = 1000  # a scoring rule adds or takes at most this many points


class Lead(SyncMixin, Base):
    __tablename__ = "lead"
    __table_args__ = (
        # Duplicate matching (services/duplicates.py): equality lookups on the blocking keys.
        Index("ix_lead_match_key", "match_key"),
        sparse_index("ix_lead_mobile", "mobile"),
        sparse_index("ix_lead_phone", "phone"),
        sparse_index("ix_lead_email", "email"),
        sparse_index("ix_lead_tax_id", "tax_id"),
        # The list's default order (the name's sort key) and key, live leads only.
        partial_index("ix_lead_live_name", "sort_key", "id", where="deleted_at IS NULL"),
        # A person's lead source (segments, 0030): the lead they were converted from.
        partial_index("ix_lead_converted_contact", "converted_contact_id", "source",
                      where="converted_contact_id IS NOT NULL AND deleted_at IS NULL"),
        partial_index("ix_lead_converted_account", "converted_account_id", "source",
                      where="converted_account_id IS NOT NULL AND deleted_at IS NULL"),
    )

    prefix: Mapped[str] = mapped_column(String(30), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    company_name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(20), default="", info=rules(pattern=PHONE))
    phone: Mapped[str] = mapped_column(String(20), default="", info=rules(pattern=PHONE))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="", info=rules(pattern=EMAIL))
    line_id: Mapped[str] = mapped_column(String(60), default="")
    tax_id: Mapped[str] = mapped_column(String(13), default="", info=rules(pattern=TAX_ID))
    province: Mapped[str] = mapped_column(String(100), default="")
    interest: Mapped[str] = mapped_column(String(300), default="")
    budget_satang: Mapped[int | None] = mapped_column(BigInteger, default=None, info=rules(low=0))
    timeframe: Mapped[str] = mapped_column(String(30), default="", info=rules(choices=("", *TIMEFRAMES)))
    source: Mapped[str] = mapped_column(String(30), default="")
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaign.id"), default=None, index=True,
                                                   info=rules(pins_parent=True))
    status: Mapped[str] = mapped_column(String(16), default="new", index=True, info=rules(choices=LEAD_STATUSES))
    score: Mapped[int] = mapped_column(Integer, default=0)
    disqualify_reason: Mapped[str] = mapped_column(String(200), default="")
    duplicate_of_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    converted_account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    converted_contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    converted_opportunity_id: Mapped[str | None] = mapped_column(
        ForeignKey("opportunity.id", use_alter=True), default=None
    )
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    # Marketing consent (PDPA), as a contact's: converting the lead carries it over (migration 0019).
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_on: Mapped[date | None] = mapped_column(Date, default=None)
    # Derived by db/derived.py: the person's key, or the company's when there is no person name.
    match_key: Mapped[str] = mapped_column(String(200), default="")
    # Thai dictionary order of the first and last name (crm_desktop/collation.py), kept by db/derived.py; never logged.
    sort_key: Mapped[str] = mapped_column(SORT_KEY, default="")


class LeadScoringRule(SyncMixin, Base):
    __tablename__ = "lead_scoring_rule"

    label: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(40), info=rules(choices=FIELDS))
    condition: Mapped[str] = mapped_column(String(20), info=rules(choices=CONDITIONS))
    value: Mapped[str] = mapped_column(String(200), default="")
    weight: Mapped[int] = mapped_column(Integer, default=0, info=rules(low=-MAX_WEIGHT, high=MAX_WEIGHT))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
