"""Sales targets per rep and month, the sales forecasts kept as each month started, alert rules and
the alerts they raise."""

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin
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
