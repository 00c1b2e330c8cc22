"""The sales forecast and its track record, by rep and overall (issue 14 §4, DESIGN §5).

How it is made (the model, `crm_desktop/forecast.py`): history says what an ordinary month of that kind
brings (the shape of the year and the trend of past sales); open deals expected to close in the month,
each counted at its probability, raise the figure only where they promise more than that.

- *History*: the sales of the complete months before the current one (the one definition of a sale,
  `measure.py`), up to three years, summed per day in SQL and put in months here (so the SQL stays
  plain for PostgreSQL). A rep's history is the orders they own; the whole business counts orders
  without an owner too.
- *Pipeline*: live deals in an open stage whose expected close falls in a forecast month, amount ×
  the deal's probability; a rep's are the deals they own. Deals whose expected close has already
  passed are left out (nobody knows when, or whether, they close).
- *Months*: the current month (`today`'s) and the next ones, 3 to 6 in all.
- *Track record*: the forecasts kept (frozen) as each of the last 6 complete months started
  (`forecast_snapshot`, written by services/forecasts.py), against what was sold. A month without a
  kept forecast shows no figure: a forecast computed afterwards would be a backfit. Sample data keep
  back-tests, computed from the data before each month, and say so (`kind`). MAPE (mean absolute
  percentage error) and bias (mean signed error: positive when forecasts ran high) need at least 3
  months; the range shown around the months ahead is the forecast ± MAPE.

The history of complete months is what costs (every order line of three and a half years: seconds on
500,000 lines). Past months rarely change, so each month's sales are read once and kept, in this process
and in `local_state` (a derived figure of this copy, never synced), as of the newest change then; a later
read reads again only the months that orders and lines changed since are in or were in (the change log
holds every date an order ever had), and the month just ended.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, func, select

from crm_desktop.db.database import Database
from crm_desktop.db.migrate import SCHEMA_HEAD
from crm_desktop.db.spelling import total
from crm_desktop.forecast import (
    HISTORY_MAX,
    MonthFigure,
    band,
    combine,
    errors,
    fit,
    month_add,
    month_span,
    months_between,
    percent_error,
)
from crm_desktop.models import Change, ForecastSnapshot, Opportunity, SalesOrder, SalesOrderLine, Stage, User
from crm_desktop.queries.reports.measure import TOUCHED_MAX, ReportFilter, line_sales, satang, sold, touched_days
from crm_desktop.queries.reports.table import Chart, Column, ReportTable

MONTHS_DEFAULT = 3
MONTHS_MAX = 6
TRACK_MONTHS = 6  # months of track record
MIN_COMPARED = 3  # months compared before MAPE, bias and a range are shown
READ_MONTHS = HISTORY_MAX + TRACK_MONTHS  # a back-test of the track record's first month sees what a freeze would

Owner = str | None  # a rep's id; None: no owner
Scope = str | None  # ReportFilter.owner_id: None the whole business, "" sales without an owner, else a rep


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 1)


# --- History (read once per state of the sales data) ------------------------------------------------


@dataclass(frozen=True)
class _History:
    """Sales per month and owner (fractional satang) of the READ_MONTHS months [first, start)."""

    first: str
    start: str
    by_owner: dict[tuple[str, Owner], float]

    def series(self, scope: Scope) -> list[int]:
        """The months' sales of `scope`, oldest first, each rounded once."""
        months = month_span(self.first, READ_MONTHS)
        if scope is None:
            totals: dict[str, float] = defaultdict(float)
            for (month, _owner), value in self.by_owner.items():
                totals[month] += value
            return [satang(totals.get(m, 0.0)) for m in months]
        owner = scope or None
        return [satang(self.by_owner.get((m, owner), 0.0)) for m in months]

    def owners(self) -> set[str]:
        return {owner for _m, owner in self.by_owner if owner is not None}


Months = dict[str, dict[str, float]]  # month -> owner ("" for none) -> sales (fractional satang)
# The months' sales as last read are kept in db.memo (this process) and in local_state (the next one).
HISTORY_KEY = "forecast_history"


def _sales_per_day(conn: Connection, first: date, after: date) -> Iterable[Any]:
    line = SalesOrderLine
    return conn.execute(
        select(SalesOrder.issued_on, SalesOrder.owner_id, func.sum(line_sales()))
        .select_from(SalesOrder)
        .join(line, and_(line.order_id == SalesOrder.id, line.deleted_at.is_(None)))
        .where(*sold(ReportFilter(first, after)))
        .group_by(SalesOrder.issued_on, SalesOrder.owner_id))


def _touched(conn: Connection, since: int) -> set[str] | None:
    """The months whose sales the changes after `since` may have changed (None: too many to trace)."""
    days = touched_days(conn, since, TOUCHED_MAX)
    return None if days is None else {day[:7] for day in days}


def _stored(db: Database) -> tuple[int, Months]:
    """This process's last read, else the file's (another process's): either is right as of its change."""
    mine: tuple[int, Months] | None = db.memo.get(HISTORY_KEY)
    if mine is not None:
        return mine
    text = db.local(HISTORY_KEY)
    if text is None:
        return 0, {}
    kept = json.loads(text)
    if kept.get("schema") != SCHEMA_HEAD:  # a migration may rewrite rows without logging them
        return 0, {}
    return int(kept["seq"]), kept["months"]


def _history(db: Database, start: str) -> _History:
    """The READ_MONTHS months before `start`. Past months rarely change, so each month's sales are read
    once and kept (in this process and in local_state) as of the newest change then; a later read only
    reads again the months that later changes to orders and lines touched, and the months not read yet."""
    first = month_add(start, -READ_MONTHS)
    window = month_span(first, READ_MONTHS)
    stamp, months = _stored(db)
    with db.engine.connect() as conn:
        newest = conn.execute(select(func.max(Change.seq))).scalar() or 0  # before reading: a later change is seen
        if stamp > newest:  # another file now (a restore): nothing kept applies
            months = {}
        elif stamp < newest and months:
            touched = _touched(conn, stamp)
            months = {} if touched is None else {m: v for m, v in months.items() if m not in touched}
        missing = [m for m in window if m not in months]
        months = {m: months[m] for m in window if m in months}
        for run in _runs(missing):
            fresh: Months = {m: {} for m in run}
            for day, owner, amount in _sales_per_day(conn, _first_day(run[0]), _first_day(month_add(run[-1], 1))):
                sales = fresh[month_of(day)]
                sales[owner or ""] = sales.get(owner or "", 0.0) + (amount or 0.0)
            months.update(fresh)
    db.memo[HISTORY_KEY] = (newest, months)
    if (stamp != newest or missing) and not db.read_only:
        db.set_local(HISTORY_KEY, json.dumps({"schema": SCHEMA_HEAD, "seq": newest, "months": months},
                                             sort_keys=True))
    return _History(first, start, {(m, o or None): v for m, sales in months.items() for o, v in sales.items()})


def _runs(months: list[str]) -> list[list[str]]:
    """Consecutive months in runs (one query each)."""
    runs: list[list[str]] = []
    for month in months:
        if runs and month_add(runs[-1][-1], 1) == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


def _pipeline(conn: Connection, months: list[str]) -> dict[tuple[str, Owner], int]:
    """Σ amount × probability (percent, not yet divided) of open deals by expected close month and owner."""
    rows = conn.execute(
        select(Opportunity.expected_close, Opportunity.owner_id,
               total(Opportunity.amount_satang * Opportunity.probability))
        .join(Stage, Stage.id == Opportunity.stage_id)
        .where(Opportunity.deleted_at.is_(None), Stage.kind == "open",
               Opportunity.expected_close >= _first_day(months[0]),
               Opportunity.expected_close < _first_day(month_add(months[-1], 1)))
        .group_by(Opportunity.expected_close, Opportunity.owner_id))
    out: dict[tuple[str, Owner], int] = defaultdict(int)
    for day, owner, product in rows:
        out[(month_of(day), owner)] += int(product or 0)
    return out


def _weighted(pipeline: dict[tuple[str, Owner], int], month: str, scope: Scope) -> int:
    """The weighted pipeline of `scope` in `month`, rounded half up once (as queries.opportunities)."""
    if scope is None:
        product = sum(v for (m, _o), v in pipeline.items() if m == month)
    else:
        product = pipeline.get((month, scope or None), 0)
    return (product + 50) // 100


def _frozen(conn: Connection, scope: Scope, months: list[str]) -> dict[str, tuple[int, date, str]]:
    """Kept forecasts of `scope` by month: (amount, made on, kind). Where copies froze the same month
    before they saw each other's (services/forecasts.py), the earliest made counts, then the lowest copy
    code, so every copy reads the same one."""
    if scope == "":
        return {}
    owner = ForecastSnapshot.owner_id
    rows = conn.execute(
        select(ForecastSnapshot.month, ForecastSnapshot.amount_satang, ForecastSnapshot.made_on, ForecastSnapshot.kind)
        .where(ForecastSnapshot.deleted_at.is_(None), ForecastSnapshot.month.in_(months),
               owner.is_(None) if scope is None else owner == scope)
        .order_by(ForecastSnapshot.made_on.desc(), ForecastSnapshot.site_id.desc()))
    return {m: (amount, made, kind) for m, amount, made, kind in rows}  # the last written per month wins


# --- The figures ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrackMonth:
    month: str
    made_on: date | None
    kind: str  # "frozen", "backtest", or "none" (no forecast was kept)
    forecast: int | None
    actual: int
    error: float | None  # (forecast − actual) / actual, percent


@dataclass(frozen=True)
class ForecastMonth:
    month: str
    weighted_pipeline: int
    baseline: int | None
    pipeline_part: int | None
    forecast: int | None
    low: int | None
    high: int | None


@dataclass(frozen=True)
class ForecastExplanation:
    """How the forecast was made, for the PDF and the Reports tab ("how it was made")."""

    method: str  # seasonal_trend, trend, average, none (crm_desktop.forecast)
    history_from: str | None  # the first month of history used
    history_months: int
    trend_per_month: int  # satang a month (0 without a trend)
    seasonal_pct: tuple[float, ...]  # by calendar month, January first, 100 = an ordinary month; () if none
    months_compared: int  # past months with a kept forecast and sales
    mape: float | None
    bias: float | None


@dataclass(frozen=True)
class Forecast:
    months: tuple[ForecastMonth, ...]
    track: tuple[TrackMonth, ...]
    explanation: ForecastExplanation


def _one(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def compute(db: Database, scope: Scope, today: date, months: int = MONTHS_DEFAULT) -> Forecast:
    """The forecast of `scope` (a rep's id, "" for no owner, None for the whole business) from `today`'s month."""
    months = min(max(months, MONTHS_DEFAULT), MONTHS_MAX)
    start = month_of(today)
    ahead = month_span(start, months)
    track_months = month_span(month_add(start, -TRACK_MONTHS), TRACK_MONTHS)
    history = _history(db, start)
    with db.engine.connect() as conn:
        pipeline = _pipeline(conn, ahead)
        frozen = _frozen(conn, scope, track_months)
    series = history.series(scope)
    actual = dict(zip(month_span(history.first, READ_MONTHS), series, strict=True))
    track = []
    for month in track_months:
        amount, made, kind = frozen.get(month, (None, None, "none"))
        error = None if amount is None else percent_error(amount, actual[month])
        track.append(TrackMonth(month, made, kind, amount, actual[month], error))
    past = errors([(t.forecast, t.actual) for t in track if t.forecast is not None], MIN_COMPARED)
    model = fit(series, history.first, start)
    rows = []
    for month in ahead:
        weighted = _weighted(pipeline, month, scope)
        baseline = model.baseline(month)
        part, total = combine(baseline, weighted)
        rows.append(ForecastMonth(month, weighted, baseline, part, total, *band(total, past.mape)))
    seasonal = tuple(round(s * 100, 1) for s in model.seasonal) if model.method == "seasonal_trend" else ()
    explanation = ForecastExplanation(model.method, model.history_from, model.months_used, round(model.trend),
                                      seasonal, past.count, _one(past.mape), _one(past.bias))
    return Forecast(tuple(rows), tuple(track), explanation)


def forecast_explained(db: Database, flt: ReportFilter, today: date) -> ForecastExplanation:
    return compute(db, flt.owner_id, today).explanation


_METHOD_NOTES = {"none": "forecast_history_short", "average": "forecast_average_only", "trend": "forecast_trend_only"}


def forecast(db: Database, flt: ReportFilter, today: date, months: int = MONTHS_DEFAULT) -> ReportTable:
    """The months ahead: weighted pipeline, baseline, pipeline part, forecast and its range. Only the rep
    of `flt` narrows it (the forecast is by rep and overall); its period does not (it starts at `today`)."""
    result = compute(db, flt.owner_id, today, months)
    rows = tuple((m.month, m.weighted_pipeline, m.baseline, m.pipeline_part, m.forecast, m.low, m.high)
                 for m in result.months)
    known = [m for m in result.months if m.forecast is not None]
    total = None
    if known:
        total = (None, sum(m.weighted_pipeline for m in result.months), sum(m.baseline or 0 for m in known),
                 sum(m.pipeline_part or 0 for m in known), sum(m.forecast or 0 for m in known), None, None)
    method = result.explanation.method
    note = _METHOD_NOTES.get(method, "" if result.explanation.mape is not None else "forecast_no_track_record")
    return ReportTable(
        key="forecast",
        columns=(Column("month", "month"), Column("weighted_pipeline", "money"), Column("baseline", "money"),
                 Column("pipeline_part", "money"), Column("forecast", "money"), Column("low", "money"),
                 Column("high", "money")),
        rows=rows, total=total, chart=Chart("line", "month", ("forecast", "low", "high")), note=note)


def forecast_accuracy(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """The last 6 complete months: the forecast kept as each started, what was sold, the error; the total
    row holds the bias (mean error) and the MAPE (mean absolute error)."""
    result = compute(db, flt.owner_id, today)
    rows = tuple((t.month, t.made_on, t.kind, t.forecast, t.actual, _one(t.error),
                  None if t.error is None else _one(abs(t.error))) for t in result.track)
    exp = result.explanation
    total = None if exp.mape is None else (None, None, "average", None, None, exp.bias, exp.mape)
    note = "" if exp.mape is not None else "forecast_accuracy_too_few"
    return ReportTable(
        key="forecast_accuracy",
        columns=(Column("month", "month"), Column("made_on", "date"), Column("kind", "key"),
                 Column("forecast", "money"), Column("actual", "money"), Column("error", "percent"),
                 Column("abs_error", "percent")),
        rows=rows, total=total, chart=Chart("bar", "month", ("forecast", "actual")), note=note)


# --- What to freeze -----------------------------------------------------------------------------------


def _figures(db: Database, month: str, today: date, kind: str) -> list[MonthFigure]:
    """The forecast of `month` for the whole business and each rep with a number, as made on `today`."""
    history = _history(db, month_of(today))
    with db.engine.connect() as conn:
        active = set(conn.scalars(select(User.id).where(User.active.is_(True), User.deleted_at.is_(None))))
        # The pipeline as it stood when a past month began is not known: a back-test has none.
        pipeline = _pipeline(conn, [month]) if kind == "frozen" else {}
    out = []
    cut = READ_MONTHS - months_between(month, history.start)  # the months before `month`
    # The reps still working here, with some history (without, there is no number).
    for scope in [None, *sorted(history.owners() & active)]:
        series = history.series(scope)[:cut]
        model = fit(series, history.first, month)
        weighted = _weighted(pipeline, month, scope)
        baseline = model.baseline(month)
        _part, total = combine(baseline, weighted)
        if baseline is not None and total is not None:
            out.append(MonthFigure(month, scope, total, baseline, weighted, model.method, model.months_used, kind))
    return out


def month_forecasts(db: Database, today: date) -> list[MonthFigure]:
    """The current month's forecasts to freeze (services.forecasts.freeze_forecasts); none once the
    month's overall forecast is kept (the month was frozen)."""
    month = month_of(today)
    with db.engine.connect() as conn:
        if _frozen(conn, None, [month]):
            return []
    return _figures(db, month, today, "frozen")


def backtest_forecasts(db: Database, today: date, months: int = TRACK_MONTHS) -> list[MonthFigure]:
    """Back-tests of the last `months` complete months, each from the sales before it (no pipeline): what
    sample data keep so that their track record is not empty."""
    past = month_span(month_add(month_of(today), -months), months)
    return [figure for month in past for figure in _figures(db, month, today, "backtest")]


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "forecast": forecast,
    "forecast_accuracy": forecast_accuracy,
}
