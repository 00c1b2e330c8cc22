"""Service cases with status history and SLA due times."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin
from crm_desktop.models.rules import NOTES_MAX, rules

CASE_STATUSES = ("new", "in_progress", "waiting", "resolved", "closed")


class Case(SyncMixin, Base):
    __tablename__ = "case"

    number: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    status: Mapped[str] = mapped_column(String(16), default="new", info=rules(choices=CASE_STATUSES))
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    sla_due_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class CaseStatusHistory(SyncMixin, Base):
    __tablename__ = "case_status_history"

    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(16), default="", info=rules(choices=("", *CASE_STATUSES)))
    to_status: Mapped[str] = mapped_column(String(16), info=rules(choices=CASE_STATUSES))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
