"""The sales forecast's model: plain arithmetic a shop owner can follow, no statistics package.

*Baseline* (what history says a month will bring), by how much history there is:
- 12 months or more (`seasonal_trend`): the *shape of the year* and a *trend*. Each calendar month's
  seasonal index is the average, over the years, of that month's sales divided by the trend line at
  that month (1.30: the month sells 30 % above an ordinary month); the indices average 1. The trend
  is the least-squares straight line through the months with the season taken out (sales ÷ index).
  The two depend on each other, so they are refined in turn until they settle (a few rounds). A month
  ahead is the line continued, times that month's index.
- 6 to 11 months (`trend`): the least-squares line through the months, continued (no season: not
  one whole year to learn it from).
- 3 to 5 months (`average`): the average month.
- Fewer than 3 months (`none`): no number.
History starts the month after the first sale: months before it are not months without sales, and the
month of the first recorded sale is usually recorded only from part-way through (a new install, a new
rep). A baseline is never below zero.

*Forecast* = baseline + the part of the open deals' weighted amount (amount × probability, by expected
close month) beyond the baseline, i.e. the larger of the two: an ordinary month already brings its
ordinary share of deals, so only a pipeline bigger than the usual month raises the figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SEASONAL_MIN = 12  # months of history for seasonal indices
TREND_MIN = 6  # months of history for a trend line
AVERAGE_MIN = 3  # months of history for any number at all
HISTORY_MAX = 36  # months of history used at most (three years: recent enough to be the same shop)
_ROUNDS = 50  # refinements of indices and trend at most (they settle in a handful)


def month_add(month: str, months: int) -> str:
    """"YYYY-MM" moved by `months` (negative: back)."""
    year, mon = (int(p) for p in month.split("-"))
    index = year * 12 + mon - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_span(first: str, count: int) -> list[str]:
    """`count` consecutive months from `first`."""
    return [month_add(first, i) for i in range(count)]


def _line(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares (intercept, slope) through (x, y) points; flat through the mean with fewer than two xs."""
    n = len(points)
    if n == 0:
        return 0.0, 0.0
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return mean_y, 0.0
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_y - slope * mean_x, slope


@dataclass(frozen=True)
class Model:
    """A fitted baseline: `trend` and `level` in satang, `seasonal` by calendar month (January first)."""

    method: str  # "seasonal_trend", "trend", "average" or "none"
    history_from: str | None  # the first month used ("YYYY-MM"), None with no sale at all
    months_used: int
    start: str  # the first month forecast
    intercept: float  # the trend line at the first month used (x = 0)
    trend: float  # satang per month
    seasonal: tuple[float, ...]  # 12 indices, all 1.0 unless `seasonal_trend`

    def baseline(self, month: str) -> int | None:
        """What history says `month` (the start or later) brings, in satang; None without enough history."""
        if self.method == "none" or self.history_from is None:
            return None
        x = months_between(self.history_from, month)
        value = (self.intercept + self.trend * x) * self.seasonal[int(month[5:]) - 1]
        return max(0, round(value))


def months_between(first: str, later: str) -> int:
    """How many months `later` ("YYYY-MM") is after `first`."""
    return (int(later[:4]) - int(first[:4])) * 12 + int(later[5:]) - int(first[5:])


def fit(history: Sequence[int], first: str, start: str) -> Model:
    """The baseline model from monthly sales `history` (satang, oldest first, consecutive months from
    `first` up to the month before `start`): the last HISTORY_MAX months after the month of the first sale."""
    skip = next((i + 1 for i, v in enumerate(history) if v), len(history))
    skip = max(skip, len(history) - HISTORY_MAX)
    values = [float(v) for v in history[skip:]]
    n = len(values)
    origin = month_add(first, skip) if n else None
    flat = (1.0,) * 12
    if n < AVERAGE_MIN or origin is None:
        return Model("none", origin, n, start, 0.0, 0.0, flat)
    if n < TREND_MIN:
        return Model("average", origin, n, start, sum(values) / n, 0.0, flat)
    if n < SEASONAL_MIN:
        intercept, slope = _line(list(enumerate(values)))
        return Model("trend", origin, n, start, intercept, slope, flat)
    first_cal = int(origin[5:]) - 1
    calendar = [(first_cal + t) % 12 for t in range(n)]
    seasonal = list(flat)
    intercept, slope = _line(list(enumerate(values)))
    for _ in range(_ROUNDS):
        ratios: list[list[float]] = [[] for _ in range(12)]
        for t, y in enumerate(values):
            level = intercept + slope * t
            if level > 0:
                ratios[calendar[t]].append(y / level)
        raw = [sum(r) / len(r) if r else None for r in ratios]
        known = [r for r in raw if r is not None]
        mean = sum(known) / len(known) if known else 0.0
        fresh = [r / mean if r is not None and mean > 0 else 1.0 for r in raw]
        # A month that never sells (index 0) says nothing about the level: leave it out of the line.
        intercept, slope = _line([(t, y / fresh[calendar[t]]) for t, y in enumerate(values) if fresh[calendar[t]] > 0])
        settled = max(abs(a - b) for a, b in zip(fresh, seasonal, strict=True)) < 1e-9
        seasonal = fresh
        if settled:
            break
    return Model("seasonal_trend", origin, n, start, intercept, slope, tuple(seasonal))


def combine(baseline: int | None, weighted_pipeline: int) -> tuple[int | None, int | None]:
    """(pipeline part, forecast): the weighted pipeline beyond the baseline, and the baseline plus it;
    (None, None) when the baseline has no number."""
    if baseline is None:
        return None, None
    extra = max(0, weighted_pipeline - baseline)
    return extra, baseline + extra


@dataclass(frozen=True)
class Errors:
    """Forecasts against actuals, as percentages of the actual (months with no sales left out)."""

    count: int
    mape: float | None  # mean absolute percentage error
    bias: float | None  # mean signed percentage error: positive when forecasts ran high


def percent_error(forecast: int, actual: int) -> float | None:
    """(forecast − actual) / actual in percent; None when nothing was sold (no percentage of zero)."""
    return None if actual <= 0 else (forecast - actual) * 100.0 / actual


def errors(pairs: Sequence[tuple[int, int]], minimum: int) -> Errors:
    """MAPE and bias over (forecast, actual) pairs; no figure from fewer than `minimum` usable months."""
    found = [e for f, a in pairs if (e := percent_error(f, a)) is not None]
    if len(found) < minimum:
        return Errors(len(found), None, None)
    return Errors(len(found), sum(abs(e) for e in found) / len(found), sum(found) / len(found))


def band(forecast: int | None, mape: float | None) -> tuple[int | None, int | None]:
    """(low, high): the forecast ± its typical past error (MAPE); low never below zero."""
    if forecast is None or mape is None:
        return None, None
    spread = forecast * mape / 100.0
    return max(0, round(forecast - spread)), round(forecast + spread)


@dataclass(frozen=True)
class MonthFigure:
    """One month's forecast of one rep (`owner_id`; None: the whole business), as it is kept (frozen)."""

    month: str
    owner_id: str | None
    amount_satang: int
    baseline_satang: int
    pipeline_satang: int  # the weighted open pipeline expected to close in the month
    method: str
    history_months: int
    kind: str  # "frozen": made as the month started; "backtest": made later from the data before the month
