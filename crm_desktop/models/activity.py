"""Activities (tasks, meetings, calls, e-mails, visits, notes), their series, reminders and anniversaries.

A recurring activity is one row with an RRULE (`rrule`, without DTSTART: the row's own start is the
first occurrence); its occurrences are computed for the range shown, never stored. An occurrence
that was moved, edited, done or cancelled on its own becomes an ordinary row (`series_id` points at
the series, `occurrence` is the start it replaces) and the series skips that start through an
`ActivityException`, which syncs like every other row.
"""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin, fixed_id, partial_index, sparse_index
from crm_desktop.models.rules import NOTES_MAX, rules

ACTIVITY_KINDS = ("task", "meeting", "call", "email", "visit", "note")
ACTIVITY_STATUSES = ("planned", "done", "cancelled")
PRIORITIES = ("low", "normal", "high")
ANNIVERSARY_KINDS = ("birthday", "founding", "custom")
ANNIVERSARY_REMIND_DAYS = 3  # the reminder of an anniversary comes this many days before, unless set
ANNIVERSARY_REMIND_MAX = 60  # days: as far ahead as an activity's reminder goes
REMIND_MAX_MINUTES = 60 * 24 * 60  # sixty days before: the longest lead time a form offers
RRULE_MAX = 300
CLASH_DAYS_SETTING = "activity_clash_days"  # the office's "someone else is on this customer" window, in days
CLASH_DAYS_DEFAULT = 3
REMINDING = "remind_minutes IS NOT NULL AND deleted_at IS NULL"  # the rows the reminder scan reads
# The rows of the partial indexes of a customer's contacts: done, or a call, meeting or visit not
# cancelled (the 360 page's last contact, customer360.CONTACT_KINDS). The kept last contact (db/kept.py)
# reads them through these indexes, counting the done ones only.
CONTACTED = ("deleted_at IS NULL AND rrule = '' AND status != 'cancelled'"
             " AND (status = 'done' OR kind IN ('call', 'meeting', 'visit'))")


class Activity(SyncMixin, Base):
    __tablename__ = "activity"
    __table_args__ = (
        # My day: one person's (or everyone's) planned work by time or by due date.
        Index("ix_activity_assignee_start", "assignee_id", "status", "starts_at"),
        Index("ix_activity_assignee_due", "assignee_id", "status", "due_on"),
        # By status and time; covering who they were with (segments' last contact, 0030).
        Index("ix_activity_status_start", "status", "starts_at", "contact_id", "account_id", "deleted_at"),
        Index("ix_activity_status_due", "status", "due_on", "contact_id", "account_id", "deleted_at"),
        sparse_index("ix_activity_series_rule", "rrule"),
        # The reminder scan (queries/activities/reminders.py): only live rows with a reminder, covering
        # (`deleted_at` too: SQLite reads the table for a term of the condition it does not hold).
        partial_index("ix_activity_remind_start", "assignee_id", "status", "starts_at", "remind_minutes", "deleted_at",
                      where=REMINDING),
        partial_index("ix_activity_remind_due", "assignee_id", "status", "due_on", "remind_minutes", "deleted_at",
                      where=REMINDING),
        partial_index("ix_activity_remind_series", "assignee_id", "status", where=f"rrule != '' AND {REMINDING}"),
        # A customer's last contact by time and by day, each one step into an index (0031; the kept last
        # contact's recompute, db/kept.py).
        partial_index("ix_activity_account_contacted_at", "account_id", "starts_at", where=CONTACTED),
        partial_index("ix_activity_account_contacted_on", "account_id", "due_on", where=CONTACTED),
        partial_index("ix_activity_contact_contacted_at", "contact_id", "starts_at", where=CONTACTED),
        partial_index("ix_activity_contact_contacted_on", "contact_id", "due_on", where=CONTACTED),
    )

    kind: Mapped[str] = mapped_column(String(10), default="task", info=rules(choices=ACTIVITY_KINDS))
    subject: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))  # "details" on screen
    location: Mapped[str] = mapped_column(String(200), default="")
    # A timed activity has starts_at (UTC; ends_at optional); an all-day one or a task has due_on.
    starts_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(10), default="planned", info=rules(choices=ACTIVITY_STATUSES))
    outcome: Mapped[str] = mapped_column(String(300), default="")
    priority: Mapped[str] = mapped_column(String(10), default="normal", info=rules(choices=PRIORITIES))
    remind_minutes: Mapped[int | None] = mapped_column(Integer, default=None,
                                                       info=rules(low=0, high=REMIND_MAX_MINUTES))
    rrule: Mapped[str] = mapped_column(String(RRULE_MAX), default="")
    series_id: Mapped[str | None] = mapped_column(ForeignKey("activity.id"), default=None, index=True)
    occurrence: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
    handover_note: Mapped[str] = mapped_column(String(300), default="")
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None, index=True)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"), default=None, index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None, index=True)


class ActivityException(SyncMixin, Base):
    """One start of a series that the rule no longer produces (an EXDATE): deleted, or replaced by
    its own row. Its id is fixed by (series, start), so two copies skipping the same start agree."""

    __tablename__ = "activity_exception"

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    occurrence: Mapped[datetime] = mapped_column(DateTime)


class Reminder(SyncMixin, Base):
    """What one person did with one reminder: snoozed until, or dismissed.

    `target` names what is announced ("activity:<id>", "anniversary:<id>", "contact:<id>" for a
    birthday, "account:<id>" for a founding day) and `occurs_at` which occurrence (UTC). The id is
    fixed by (target, occurrence, person), so a dismissal on one copy dismisses on every copy.
    """

    __tablename__ = "reminder"
    __table_args__ = (
        # A person's snoozed reminders, whatever their occurrence (the scan's second read).
        partial_index("ix_reminder_snoozed", "user_id", "snoozed_until", where="snoozed_until IS NOT NULL"),
    )

    target: Mapped[str] = mapped_column(String(60), index=True)
    occurs_at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None, index=True)
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


def reminder_id(target: str, occurs_at: datetime, user_id: str) -> str:
    """The id of a person's Reminder row for one occurrence (`occurs_at` naive UTC): the same on every copy."""
    return fixed_id("reminder", f"{target}|{occurs_at.isoformat()}|{user_id}")


class Anniversary(SyncMixin, Base):
    """A custom yearly date on a contact or an account (wedding, first order, membership).

    Birthdays and founding days are read from the contact's and the account's own dates."""

    __tablename__ = "anniversary"
    __table_args__ = (
        # The anniversary calendar: the live dates of a range of months.
        partial_index("ix_anniversary_live_month_day", "month", "day", where="deleted_at IS NULL"),
    )

    kind: Mapped[str] = mapped_column(String(10), default="custom", info=rules(choices=ANNIVERSARY_KINDS))
    title: Mapped[str] = mapped_column(String(200))
    month: Mapped[int] = mapped_column(Integer, info=rules(low=1, high=12))
    day: Mapped[int] = mapped_column(Integer, info=rules(low=1, high=31))
    year: Mapped[int | None] = mapped_column(Integer, default=None)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
    remind_days_before: Mapped[int] = mapped_column(Integer, default=3)


def anniversary_remind_key(kind: str) -> str:
    """The Setting key of a kind's "remind N days before" (birthday, founding, custom)."""
    return f"anniversary_remind_{kind}"
