"""Campaigns with their members and responses, and saved customer segments (dynamic or static lists)."""

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin, fixed_id, partial_index
from crm_desktop.models.rules import MAX_AMOUNT_SATANG, NOTES_MAX, rules

CAMPAIGN_STATUSES = ("planned", "active", "done")
# A member's response, in the order a campaign goes: added, then the mail merge marks "sent".
RESPONSES = ("added", "sent", "opened", "replied", "interested", "bought", "unsubscribed")
SEGMENT_KINDS = ("contacts", "accounts")
TEMPLATE_MAX = 20_000


class Campaign(SyncMixin, Base):
    __tablename__ = "campaign"

    name: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    channel: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(16), default="planned", info=rules(choices=CAMPAIGN_STATUSES))
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)
    budget_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    cost_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    # The mail merge's message ({ชื่อ}, {ชื่อเล่น}, {บริษัท}… replaced per member; exchange/mail_merge.py).
    template_subject: Mapped[str] = mapped_column(String(300), default="")
    template_body: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=TEMPLATE_MAX))


class CampaignMember(SyncMixin, Base):
    """One person in a campaign and their response; the id is fixed by (campaign, contact), so two
    copies adding the same person make one row."""

    __tablename__ = "campaign_member"
    __table_args__ = (
        # A campaign's members by response (the detail's filter and its counts).
        partial_index("ix_campaign_member_live_status", "campaign_id", "status", "contact_id",
                      where="deleted_at IS NULL"),
    )

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None, index=True)
    status: Mapped[str] = mapped_column(String(16), default="added", info=rules(choices=RESPONSES))
    responded_on: Mapped[date | None] = mapped_column(Date, default=None)
    response: Mapped[str] = mapped_column(String(300), default="")


def member_id(campaign_id: str, contact_id: str) -> str:
    return fixed_id("campaign_member", f"{campaign_id}|{contact_id}")


class Segment(SyncMixin, Base):
    """A saved filter (`filter_json`, crm_desktop/segment_filter.py); a static one keeps the members it
    had when it was frozen (`SegmentMember`) instead."""

    __tablename__ = "segment"

    name: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    kind: Mapped[str] = mapped_column(String(10), default="contacts", info=rules(choices=SEGMENT_KINDS))
    filter_json: Mapped[str] = mapped_column(Text, default="{}")
    static: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))


class SegmentMember(SyncMixin, Base):
    """A record of a static list: a contact or (a list of companies) an account."""

    __tablename__ = "segment_member"
    __table_args__ = (Index("ix_segment_member_segment", "segment_id", "contact_id", "account_id"),)

    segment_id: Mapped[str] = mapped_column(ForeignKey("segment.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)


def segment_member_id(segment_id: str, record_id: str) -> str:
    return fixed_id("segment_member", f"{segment_id}|{record_id}")
