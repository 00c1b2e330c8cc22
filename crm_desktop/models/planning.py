"""Sales targets per rep and month, alert rules and the alerts they raise."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin


class Target(SyncMixin, Base):
    __tablename__ = "target"

    owner_id: Mapped[str] = mapped_column(ForeignKey("user.id"), index=True)
    month: Mapped[str] = mapped_column(String(7))
    amount_satang: Mapped[int] = mapped_column(BigInteger, default=0)
    commission_bp: Mapped[int] = mapped_column(Integer, default=0)


class AlertRule(SyncMixin, Base):
    __tablename__ = "alert_rule"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    params_json: Mapped[str] = mapped_column(Text, default="{}")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Alert(SyncMixin, Base):
    __tablename__ = "alert"

    rule_id: Mapped[str] = mapped_column(ForeignKey("alert_rule.id"), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    message: Mapped[str] = mapped_column(String(300))
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
