"""Deals in the pipeline, the stages they move through, and the history of each move."""

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import SORT_KEY, Base, SyncMixin, partial_index
from crm_desktop.models.rules import MAX_AMOUNT_SATANG, NOTES_MAX, rules

STAGE_KINDS = ("open", "won", "lost")


class Stage(SyncMixin, Base):
    __tablename__ = "stage"

    name: Mapped[str] = mapped_column(String(100), info=rules(required=True))
    position: Mapped[int] = mapped_column(Integer, default=0)
    probability: Mapped[int] = mapped_column(Integer, default=0, info=rules(low=0, high=100))
    kind: Mapped[str] = mapped_column(String(8), default="open", info=rules(choices=STAGE_KINDS))


class Opportunity(SyncMixin, Base):
    __tablename__ = "opportunity"
    __table_args__ = (
        # Board columns list a stage's live deals by close date, page by page.
        partial_index("ix_opportunity_live_stage_close", "stage_id", "expected_close", where="deleted_at IS NULL"),
        partial_index("ix_opportunity_live_name", "sort_key", "id", where="deleted_at IS NULL"),
    )

    name: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    stage_id: Mapped[str] = mapped_column(ForeignKey("stage.id"), index=True, info=rules(pins_parent=True))
    amount_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    probability: Mapped[int] = mapped_column(Integer, default=0, info=rules(low=0, high=100))
    expected_close: Mapped[date | None] = mapped_column(Date, default=None)
    channel: Mapped[str] = mapped_column(String(30), default="")
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaign.id"), default=None,
                                                   info=rules(pins_parent=True))
    competitor: Mapped[str] = mapped_column(String(200), default="")
    loss_reason: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    # Thai dictionary order of the name (crm_desktop/collation.py), kept by db/derived.py; never logged.
    sort_key: Mapped[str] = mapped_column(SORT_KEY, default="")


class StageHistory(SyncMixin, Base):
    __tablename__ = "stage_history"
    __table_args__ = (
        Index("ix_stage_history_deal_time", "opportunity_id", "changed_at"),  # a deal's latest move: one seek
        Index("ix_stage_history_changed_at", "changed_at"),  # wins per month (attainment, reports)
    )

    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunity.id"))
    from_stage_id: Mapped[str | None] = mapped_column(ForeignKey("stage.id"), default=None)
    to_stage_id: Mapped[str] = mapped_column(ForeignKey("stage.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
    amount_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
