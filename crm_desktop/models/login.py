"""Logins on this copy: password hashes and the record of security events. Plain tables, like
local_state: never synced and never in the change log, so a hash never travels in a sync file
(docs/ARCHITECTURE.md, "Logins and roles")."""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base

SECURITY_EVENTS = ("login_ok", "login_failed", "locked_out", "password_set", "password_reset", "logins_on",
                   "logins_off", "refused")


class Credential(Base):
    """One person's password on this copy: its argon2 hash, the failed attempts in a row, until when
    they are locked out, and whether they must choose a new password at their next login."""

    __tablename__ = "credential"

    user_id: Mapped[str] = mapped_column(ForeignKey("user.id"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    must_change: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class SecurityEvent(Base):
    """Who logged in, failed, was locked out, had a password set or was refused an action, and when."""

    __tablename__ = "security_event"
    __table_args__ = (Index("ix_security_event_at", "at"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    event: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str | None] = mapped_column(String(36))  # whom it concerns (the person logging in)
    by_user_id: Mapped[str | None] = mapped_column(String(36))  # who acted (the owner resetting), if another
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
