"""Sales targets per rep and month, the sales forecasts kept as each month started, alert rules, the
alerts they raise and what each person did with an alert (dismissed, snoozed)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin, fixed_id, partial_index
from crm_desktop.models.rules import MAX_AMOUNT_SATANG, rules

MAX_COMMISSION_BP = 10_000  # 100 %
# "YYYY-MM", years 2000 to 2200 (services.targets.month_key says why a year is refused)
MONTH = r"(?:20[0-9]{2}|21[0-9]{2}|2200)-(?:0[1-9]|1[0-2])"


class Target(SyncMixin, Base):
    __tablename__ = "target"

    owner_id: Mapped[str] = mapped_column(ForeignKey("user.id"), index=True)
    month: Mapped[str] = mapped_column(String(7), info=rules(required=True, pattern=MONTH))
    amount_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    commission_bp: Mapped[int] = mapped_column(Integer, default=0, info=rules(low=0, high=MAX_COMMISSION_BP))


FORECAST_METHODS = ("seasonal_trend", "trend", "average")  # crm_desktop.forecast: how a baseline was made
FORECAST_KINDS = ("frozen", "backtest")  # kept as the month started / made later from the data before it


class ForecastSnapshot(SyncMixin, Base):
    """A month's sales forecast as it was made (DESIGN §5): kept, never recomputed, so that the forecast's
    track record compares what was really predicted. One row per month and rep (no owner: the whole
    business), and per copy where two froze the month before they saw each other's (services/forecasts.py)."""

    __tablename__ = "forecast_snapshot"

    month: Mapped[str] = mapped_column(String(7), info=rules(required=True, pattern=MONTH))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
    amount_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    baseline_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    pipeline_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    method: Mapped[str] = mapped_column(String(16), default="seasonal_trend", info=rules(choices=FORECAST_METHODS))
    history_months: Mapped[int] = mapped_column(Integer, default=0, info=rules(low=0, high=1200))
    kind: Mapped[str] = mapped_column(String(8), default="frozen", info=rules(choices=FORECAST_KINDS))
    made_on: Mapped[date] = mapped_column(Date)


ALERT_KINDS = (  # what an alert rule watches (services/alerts.py says what each one's parameters are)
    "big_spender",  # a customer who bought over an amount this month
    "quiet_top_customer",  # a top customer (top fifth by last 12 months' sales) with no contact for N days
    "stuck_deal",  # an open deal in the same stage for N days
    "quotation_expiring",  # a sent quotation whose validity ends within N days
    "late_order",  # an order with a line past its promised delivery day
    "case_sla",  # an open case within N hours of its SLA, or past it
    "top_birthday",  # a top customer's (contact's) birthday within N days
)
# Each kind's parameters: (name, lowest, highest, default). Days and hours start at 1 (0 would fire for
# everything at once or never); an amount is in satang, up to a billion baht (more is a typing mistake).
ALERT_AMOUNT_MAX = 100_000_000_000
ALERT_PARAMS: dict[str, tuple[tuple[str, int, int, int], ...]] = {
    "big_spender": (("amount_satang", 1, ALERT_AMOUNT_MAX, 10_000_000),),  # 100,000 baht
    "quiet_top_customer": (("days", 1, 3650, 60),),
    "stuck_deal": (("days", 1, 3650, 30),),
    "quotation_expiring": (("days", 1, 365, 3),),
    "late_order": (("days", 1, 365, 1),),
    "case_sla": (("hours", 1, 720, 4),),
    "top_birthday": (("days", 1, 60, 7),),
}
ALERT_ENTITIES = ("account", "contact", "opportunity", "quotation", "sales_order", "case")
# The alerts still to show (the list, the badge, the command): live and not dismissed office-wide (a
# dismissal made before dismissals were each person's, schema 0033; a person's own are `AlertDismissal`s).
OPEN_ALERTS = "dismissed_at IS NULL AND deleted_at IS NULL"
# A person's dismissals and snoozes that are not undone (what hides an alert from that person).
LIVE_DISMISSALS = "deleted_at IS NULL"


class AlertRule(SyncMixin, Base):
    """A rule the owner or a manager edits: its kind, its parameters (JSON, checked per kind by
    services/alerts.py), whether it runs, and whether each new alert also makes a task for the
    record's owner."""

    __tablename__ = "alert_rule"

    name: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    kind: Mapped[str] = mapped_column(String(40), info=rules(choices=ALERT_KINDS))
    params_json: Mapped[str] = mapped_column(Text, default="{}", info=rules(max_len=2_000))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    make_task: Mapped[bool] = mapped_column(Boolean, default=False)


class Alert(SyncMixin, Base):
    """One thing a rule found about one record in one period (a month, a stage entered, a validity
    end, a due time). Its id is fixed by (rule, record, period) (`alert_id`): two copies scanning
    raise the same row, a re-scan never duplicates it, and a dismissal or snooze made on one copy
    holds on every copy after a sync. `owner_id` is the record's owner: whose list it is on.

    Dismissing and snoozing are each person's (`AlertDismissal`): `dismissed_at` and `snoozed_until`
    here are what an office-wide dismissal or snooze left before schema 0033 (the person who made it
    is not known): such an alert stays hidden from everyone; nothing writes them any more."""

    __tablename__ = "alert"
    __table_args__ = (
        partial_index("ix_alert_open", "owner_id", "raised_at", where=OPEN_ALERTS),
    )

    rule_id: Mapped[str] = mapped_column(ForeignKey("alert_rule.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40), info=rules(choices=ALERT_KINDS))
    entity: Mapped[str] = mapped_column(String(40), info=rules(choices=ALERT_ENTITIES))
    row_id: Mapped[str] = mapped_column(String(36))
    period: Mapped[str] = mapped_column(String(40), default="")
    params_json: Mapped[str] = mapped_column(Text, default="{}", info=rules(max_len=2_000))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class AlertDismissal(SyncMixin, Base):
    """What one person did with one alert: dismissed it, or snoozed it until a time. Its id is fixed by
    (alert, person) (`dismissal_id`): two copies where the same person dismisses the same alert write
    the same row, which a sync merges field by field. Undo deletes the row (the alert is back for that
    person); dismissing again brings the row back. Another person's list is untouched."""

    __tablename__ = "alert_dismissal"
    __table_args__ = (
        # One person's dismissals and snoozes, read once per list or count (an uncorrelated NOT IN).
        partial_index("ix_alert_dismissal_user", "user_id", "alert_id", where=LIVE_DISMISSALS),
    )

    alert_id: Mapped[str] = mapped_column(ForeignKey("alert.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id"))
    snoozed_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


def dismissal_id(alert: str, user_id: str) -> str:
    """The id of a person's dismissal (or snooze) of one alert: the same on every copy."""
    return fixed_id("alert_dismissal", f"{alert}|{user_id}")


def alert_id(rule_id: str, entity: str, row_id: str, period: str) -> str:
    """The id of the alert a rule raises about one record in one period: the same on every copy."""
    return fixed_id("alert", f"{rule_id}|{entity}:{row_id}|{period}")


@dataclass(frozen=True)
class AlertFinding:
    """What a rule found about one record, as the read side (queries/alerts.py) finds it and the write
    side (services/alerts.py) keeps it: the alert's key, whose it is, the message's parameters (JSON
    values), and the records a task made from it is linked to."""

    rule_id: str
    kind: str
    entity: str
    row_id: str
    period: str
    owner_id: str | None
    params: dict[str, Any] = field(default_factory=dict)
    account_id: str | None = None
    contact_id: str | None = None
    opportunity_id: str | None = None
    case_id: str | None = None

    @property
    def id(self) -> str:
        return alert_id(self.rule_id, self.entity, self.row_id, self.period)
