"""People who use the CRM; owners of records, reps with targets."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin

ROLES = ("owner", "manager", "sales", "staff")


class User(SyncMixin, Base):
    __tablename__ = "user"

    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16), default="sales")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
