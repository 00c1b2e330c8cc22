"""Campaigns with their members, and saved customer segments."""

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin
from crm_desktop.models.rules import MAX_AMOUNT_SATANG, NOTES_MAX, rules

CAMPAIGN_STATUSES = ("planned", "active", "done")


class Campaign(SyncMixin, Base):
    __tablename__ = "campaign"

    name: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    channel: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(16), default="planned", info=rules(choices=CAMPAIGN_STATUSES))
    starts_on: Mapped[date | None] = mapped_column(Date, default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)
    cost_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))


class CampaignMember(SyncMixin, Base):
    __tablename__ = "campaign_member"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None, index=True)
    status: Mapped[str] = mapped_column(String(16), default="sent")
    response: Mapped[str] = mapped_column(String(300), default="")


class Segment(SyncMixin, Base):
    __tablename__ = "segment"

    name: Mapped[str] = mapped_column(String(200))
    filter_json: Mapped[str] = mapped_column(Text, default="{}")
