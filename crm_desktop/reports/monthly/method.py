"""How the forecast was made, in words under the forecast's table: the method, the history it
learned from, the trend and the seasonal pattern, how the pipeline adds to it, and how far off the
past months' forecasts were (MAPE and bias), from the forecast's own explanation
(queries/reports/forecast.py's ForecastExplanation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from crm_desktop.db.database import Database
from crm_desktop.queries.reports.forecast import ForecastExplanation
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.reports.monthly.labels import THAI_SHORT_MONTHS, month_name, word
from crm_desktop.services.formatting import ENGLISH_MONTHS, format_money

Explain = Callable[[Database, ReportFilter, date], ForecastExplanation]


def method_lines(m: ForecastExplanation, lang: str) -> list[str]:
    """The explanation as short paragraphs in `lang`."""
    lines = [word("method_line", lang).format(method=word(f"method_{m.method}", lang))]
    if m.method == "none":
        return lines
    if m.history_from:
        lines[0] += " " + word("history_line", lang).format(start=month_name(m.history_from, lang, short=True),
                                                            months=m.history_months)
    lines.append(word("method_how", lang).format(months=m.history_months))
    if m.trend_per_month:
        sign = "+" if m.trend_per_month > 0 else ""
        lines.append(word("trend_line", lang).format(amount=sign + format_money(m.trend_per_month, with_symbol=False)))
    if m.seasonal_pct:
        months = THAI_SHORT_MONTHS if lang == "th" else tuple(name[:3] for name in ENGLISH_MONTHS)
        index = ", ".join(f"{name} {pct:.0f}" for name, pct in zip(months, m.seasonal_pct, strict=False))
        lines.append(f"{word('seasonal_pct', lang)}: {index}")
    if m.mape is not None:  # without one, the accuracy table's note says why
        bias = "" if m.bias is None else f"{m.bias:+.1f}%"
        lines.append(word("accuracy_line", lang).format(months=m.months_compared, mape=f"{m.mape:.1f}", bias=bias))
    return lines
