"""Accounts: companies (B2B) with a Thai address, tax id, hierarchy and owner."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import SORT_KEY, Base, SyncMixin, month_day_index, partial_index, sparse_index
from crm_desktop.models.rules import EMAIL, EMAIL_MAX, FIVE_DIGITS, NOTES_MAX, PHONE, TAX_ID, rules


class AddressMixin:
    """A Thai postal address, as printed on tax invoices."""

    address_line: Mapped[str] = mapped_column(String(300), default="")
    subdistrict: Mapped[str] = mapped_column(String(100), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(5), default="", info=rules(pattern=FIVE_DIGITS))


class Account(SyncMixin, AddressMixin, Base):
    __tablename__ = "account"
    __table_args__ = (
        # Partial: lists show live records only, and a lookup by parent or tax id must never be
        # tempted to walk this index instead of its own (a plain (deleted_at, name) index was).
        partial_index("ix_account_live_name", "sort_key", "id", where="deleted_at IS NULL"),
        # The list filtered by province, in its order: a range of this index, however many rows.
        partial_index("ix_account_live_province", "province", "sort_key", "id", where="deleted_at IS NULL"),
        Index("ix_account_tax", "tax_id", "branch_code"),
        Index("ix_account_segment", "segment"),
        Index("ix_account_industry", "industry"),
        # Duplicate matching (services/duplicates.py): equality lookups on the blocking keys.
        Index("ix_account_match_key", "match_key"),
        sparse_index("ix_account_phone", "phone"),
        sparse_index("ix_account_email", "email"),
        month_day_index("ix_account_founded_md", "founded_on"),  # the anniversary calendar
        # The companies by last contact (segments of companies, 0032; not partial: see Contact's).
        Index("ix_account_last_contact", "last_contact_on", "deleted_at"),
    )

    name: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    tax_id: Mapped[str] = mapped_column(String(13), default="", info=rules(pattern=TAX_ID))
    branch_code: Mapped[str] = mapped_column(String(5), default="", info=rules(pattern=FIVE_DIGITS))
    industry: Mapped[str] = mapped_column(String(60), default="")
    segment: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(20), default="", info=rules(pattern=PHONE))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="", info=rules(pattern=EMAIL))
    website: Mapped[str] = mapped_column(String(200), default="")
    founded_on: Mapped[date | None] = mapped_column(Date, default=None)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    tags: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    # Derived from the name (crm_desktop.text.company_key) by db/derived.py; never logged.
    match_key: Mapped[str] = mapped_column(String(200), default="")
    # Thai dictionary order of the name (crm_desktop/collation.py), kept by db/derived.py; never logged.
    sort_key: Mapped[str] = mapped_column(SORT_KEY, default="")
    # The office day of the latest activity marked done with the company, kept by triggers (db/kept.py);
    # never logged, never written by the ORM.
    last_contact_on: Mapped[date | None] = mapped_column(Date, default=None)
