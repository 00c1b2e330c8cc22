"""Bookkeeping tables: the field-level change log, shared settings and this copy's local state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin


class ChangeLog(Base):
    """One row per changed field: the audit trail, the stage-history source and the sync payload."""

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_row", "entity", "row_id"),
        Index("ix_change_log_site_hlc", "site_id", "hlc"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    value: Mapped[str | None] = mapped_column(Text)
    hlc: Mapped[int] = mapped_column(BigInteger)
    site_id: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str | None] = mapped_column(String(36))
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class Setting(SyncMixin, Base):
    """Office-wide settings (company name…); ids are fixed per key so copies agree."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")


class LocalState(Base):
    """Facts about this copy only (site id, current user): never synced, never logged."""

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
