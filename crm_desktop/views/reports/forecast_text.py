"""How the forecast was made, in words under its table: the method, the history it rests on, the
trend, and how far past forecasts were off (the forecast module's `forecast_explained`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from crm_desktop.services.formatting import format_money
from crm_desktop.views.months import month_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def method_label(method: str) -> str:
    labels = {
        "seasonal_trend": translate("ForecastText", "Seasonal average with trend"),
        "trend": translate("ForecastText", "Trend only"),
        "average": translate("ForecastText", "Average month"),
        "none": translate("ForecastText", "Not enough history"),
    }
    return labels.get(method, method)


def explanation_text(how: Any, lang: str, buddhist: bool) -> str:
    """A few sentences from a ForecastExplanation (method, history_from, history_months, trend_per_month,
    months_compared, mape)."""
    parts = [translate("ForecastText", "How it was made: %1.").replace("%1", method_label(how.method))]
    if how.history_from:
        parts.append(translate("ForecastText", "History: %1 months of sales since %2.")
                     .replace("%1", str(how.history_months))
                     .replace("%2", month_text(how.history_from, lang, buddhist)))
    if how.method != "none":
        if how.trend_per_month:
            trend = format_money(how.trend_per_month)
            parts.append(translate("ForecastText", "Trend: %1 a month.")
                         .replace("%1", trend if how.trend_per_month < 0 else f"+{trend}"))
        parts.append(translate(
            "ForecastText", "The usual shape of the year and the trend say what an ordinary month brings (baseline); "
            "open deals expected to close in the month, each counted at its probability, only add what goes "
            "beyond that."))
    if how.mape is not None:
        parts.append(translate("ForecastText", "Past forecasts were off by %1 % on average (MAPE, %2 months); "
                               "the range is that much either way.")
                     .replace("%1", f"{how.mape:.1f}").replace("%2", str(how.months_compared)))
    return " ".join(parts)
