"""Service cases: a customer's problem from the first call to its close, with the history of its
status and the SLA's due times (services/cases.py keeps them)."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, TextClause
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin, partial_index
from crm_desktop.models.rules import NOTES_MAX, rules

# new → assigned → in progress → waiting for the customer → resolved → closed (reopened: back to in progress)
CASE_STATUSES = ("new", "assigned", "in_progress", "waiting", "resolved", "closed")
OPEN_STATUSES = ("new", "assigned", "in_progress", "waiting")
CASE_PRIORITIES = ("low", "normal", "high", "urgent")
CASE_CHANNELS = ("", "phone", "line", "email", "walk_in", "web", "other")

_LIVE = "deleted_at IS NULL"
# The cases still open (queries/alerts.py spells its terms the same: a partial index serves only then).
OPEN_CASES = "deleted_at IS NULL AND status NOT IN ('resolved', 'closed')"


def _live_index(name: str, *columns: str | TextClause) -> Index:
    return partial_index(name, *columns, where=_LIVE)


class Case(SyncMixin, Base):
    __tablename__ = "case"
    __table_args__ = (
        _live_index("ix_case_live_opened", "opened_at", "id"),  # the list's default order and key
        _live_index("ix_case_live_status", "status", "opened_at"),
        _live_index("ix_case_live_owner", "owner_id", "status", "opened_at"),
        _live_index("ix_case_live_due", "sla_due_at"),  # overdue cases, the alert scan
        _live_index("ix_case_live_account", "account_id", "opened_at"),
        _live_index("ix_case_live_contact", "contact_id", "opened_at"),
        # The alert scan: open cases by their resolution's due time, and those not answered yet by their
        # first response's (0031).
        partial_index("ix_case_open_resolution_due", "sla_due_at", where=OPEN_CASES),
        partial_index("ix_case_open_response_due", "response_due_at",
                      where=f"{OPEN_CASES} AND first_response_at IS NULL"),
    )

    number: Mapped[str] = mapped_column(String(40), index=True)
    provisional_number: Mapped[str] = mapped_column(String(40), default="")  # the first number, when renumbered
    subject: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    description: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"), default=None)
    order_id: Mapped[str | None] = mapped_column(ForeignKey("sales_order.id"), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    channel: Mapped[str] = mapped_column(String(16), default="", info=rules(choices=CASE_CHANNELS))
    category: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[str] = mapped_column(String(16), default="new", info=rules(choices=CASE_STATUSES))
    priority: Mapped[str] = mapped_column(String(10), default="normal", info=rules(choices=CASE_PRIORITIES))
    opened_at: Mapped[datetime] = mapped_column(DateTime)  # when the SLA's clock starts
    response_due_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    sla_due_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # resolution due
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class CaseStatusHistory(SyncMixin, Base):
    """One move of a case's status; the time in each status is the gap to the next move."""

    __tablename__ = "case_status_history"

    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(16), default="", info=rules(choices=("", *CASE_STATUSES)))
    to_status: Mapped[str] = mapped_column(String(16), info=rules(choices=CASE_STATUSES))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
