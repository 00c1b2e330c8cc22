"""Activities (tasks, meetings, calls, e-mails, notes) and yearly anniversaries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin
from crm_desktop.models.rules import NOTES_MAX, rules

ACTIVITY_KINDS = ("task", "meeting", "call", "email", "note")
ANNIVERSARY_KINDS = ("birthday", "founding", "custom")


class Activity(SyncMixin, Base):
    __tablename__ = "activity"

    kind: Mapped[str] = mapped_column(String(10), default="task", info=rules(choices=ACTIVITY_KINDS))
    subject: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    starts_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str] = mapped_column(String(300), default="")
    remind_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    rrule: Mapped[str] = mapped_column(String(200), default="")
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None, index=True)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"), default=None, index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None, index=True)


class Anniversary(SyncMixin, Base):
    __tablename__ = "anniversary"

    kind: Mapped[str] = mapped_column(String(10), default="custom", info=rules(choices=ANNIVERSARY_KINDS))
    title: Mapped[str] = mapped_column(String(200))
    month: Mapped[int] = mapped_column(Integer, info=rules(low=1, high=12))
    day: Mapped[int] = mapped_column(Integer, info=rules(low=1, high=31))
    year: Mapped[int | None] = mapped_column(Integer, default=None)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    remind_days_before: Mapped[int] = mapped_column(Integer, default=3)
