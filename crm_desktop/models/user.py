"""People who use the CRM; owners of records, reps with targets."""

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin
from crm_desktop.models.rules import EMAIL, EMAIL_MAX, PHONE, rules

ROLES = ("owner", "manager", "sales", "staff")
COLOUR = r"#[0-9a-f]{6}"  # how the calendar tells people apart; empty: a colour from the id


class User(SyncMixin, Base):
    __tablename__ = "user"

    name: Mapped[str] = mapped_column(String(120), info=rules(required=True))
    email: Mapped[str] = mapped_column(String(EMAIL_MAX), default="", info=rules(pattern=EMAIL))
    role: Mapped[str] = mapped_column(String(16), default="sales", info=rules(choices=ROLES))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str] = mapped_column(String(20), default="", info=rules(pattern=PHONE))
    colour: Mapped[str] = mapped_column(String(7), default="", info=rules(pattern=COLOUR))
