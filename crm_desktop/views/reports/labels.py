"""The words of the Reports tab: analysis groups, table titles, column headers, the fixed words some
cells hold (kind "key") and the notes, for the keys the analysis modules use (their authors list
them in the issue notes, key | English | Thai). Lead sources, sales channels and stage kinds are the
words the rest of the app uses for them. A key missing everywhere shows as itself in words
("sales_by_rep" → "Sales by rep"), never as a blank."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desktop.views.leads.labels import source_labels
from crm_desktop.views.opportunities.labels import channel_labels, stage_labels

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

GROUPS = (
    "overview", "sales", "customers", "pipeline", "leads", "activities",
    "deliveries", "cases", "forecast", "profitability",
)
# Where each analysis module's tables are listed, unless GROUP_OF_TABLE says otherwise.
GROUP_OF_MODULE = {"sales": "sales", "customers": "customers", "margins": "profitability", "pipeline": "pipeline",
                   "leads": "leads", "activities": "activities", "deliveries": "deliveries", "cases": "cases",
                   "forecast": "forecast"}
GROUP_OF_TABLE = {"key_figures": "overview"}


def in_words(key: str) -> str:
    """An untranslated key as words: "sales_by_rep" → "Sales by rep"."""
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def group_of(table_key: str, module: str) -> str:
    return GROUP_OF_TABLE.get(table_key) or GROUP_OF_MODULE.get(module, module)


def group_label(group: str) -> str:
    labels = {
        "overview": translate("ReportLabels", "Overview"),
        "sales": translate("ReportLabels", "Sales"),
        "customers": translate("ReportLabels", "Customers"),
        "pipeline": translate("ReportLabels", "Pipeline"),
        "leads": translate("ReportLabels", "Leads"),
        "activities": translate("ReportLabels", "Activities"),
        "deliveries": translate("ReportLabels", "Deliveries"),
        "cases": translate("ReportLabels", "Service cases"),
        "forecast": translate("ReportLabels", "Forecast"),
        "profitability": translate("ReportLabels", "Profitability"),
    }
    return labels.get(group, in_words(group))


def table_title(key: str) -> str:
    titles = {
        "key_figures": translate("ReportLabels", "Key figures"),
        "sales_by_rep": translate("ReportLabels", "Sales by rep against target"),
        "sales_by_segment": translate("ReportLabels", "Sales by segment"),
        "sales_by_product": translate("ReportLabels", "Sales by product"),
        "sales_by_category": translate("ReportLabels", "Sales by category"),
        "sales_by_channel": translate("ReportLabels", "Sales by channel"),
        "sales_by_province": translate("ReportLabels", "Sales by province"),
        "top_customers": translate("ReportLabels", "Top customers"),
        "rfm": translate("ReportLabels", "Customer ranking (RFM)"),
        "margin_by_customer": translate("ReportLabels", "Gross margin by customer"),
        "margin_by_product": translate("ReportLabels", "Gross margin by product"),
        "margin_by_rep": translate("ReportLabels", "Gross margin by rep"),
        "pipeline_by_stage": translate("ReportLabels", "Pipeline by stage"),
        "deals_won_lost": translate("ReportLabels", "Deals won and lost"),
        "lost_by_reason": translate("ReportLabels", "Why deals were lost"),
        "lost_by_competitor": translate("ReportLabels", "Deals lost to competitors"),
        "new_leads_by_source": translate("ReportLabels", "New leads by source"),
        "new_leads_by_campaign": translate("ReportLabels", "New leads by campaign"),
        "activities_by_rep": translate("ReportLabels", "Activities per rep"),
        "late_deliveries": translate("ReportLabels", "Late deliveries"),
        "case_figures": translate("ReportLabels", "Service cases by priority"),
        "forecast": translate("ReportLabels", "Sales forecast"),
        "forecast_accuracy": translate("ReportLabels", "Forecast accuracy"),
    }
    return titles.get(key, in_words(key))


def column_label(key: str) -> str:
    labels = {
        "period": translate("ReportLabels", "Period"),
        "start": translate("ReportLabels", "From"),
        "end": translate("ReportLabels", "To"),
        "sales": translate("ReportLabels", "Sales (before VAT)"),
        "sales_change": translate("ReportLabels", "Sales change"),
        "orders": translate("ReportLabels", "Orders"),
        "orders_change": translate("ReportLabels", "Orders change"),
        "new_customers": translate("ReportLabels", "New customers"),
        "new_customers_change": translate("ReportLabels", "New customers change"),
        "win_rate": translate("ReportLabels", "Win rate"),
        "win_rate_change": translate("ReportLabels", "Win rate change"),
        "average_deal": translate("ReportLabels", "Average deal"),
        "average_deal_change": translate("ReportLabels", "Average deal change"),
        "rep": translate("ReportLabels", "Sales rep"),
        "won_deals": translate("ReportLabels", "Deals won"),
        "won_amount": translate("ReportLabels", "Amount won"),
        "target": translate("ReportLabels", "Target"),
        "attainment": translate("ReportLabels", "Attainment"),
        "commission": translate("ReportLabels", "Commission"),
        "customer": translate("ReportLabels", "Customer"),
        "share": translate("ReportLabels", "Share"),
        "last_order": translate("ReportLabels", "Last order"),
        "segment": translate("ReportLabels", "Segment"),
        "channel": translate("ReportLabels", "Channel"),
        "province": translate("ReportLabels", "Province"),
        "category": translate("ReportLabels", "Category"),
        "product": translate("ReportLabels", "Product"),
        "sku": translate("ReportLabels", "SKU"),
        "quantity": translate("ReportLabels", "Quantity"),
        "costed_sales": translate("ReportLabels", "Sales with a cost"),
        "cost": translate("ReportLabels", "Cost"),
        "margin": translate("ReportLabels", "Gross margin"),
        "margin_percent": translate("ReportLabels", "Margin %"),
        "uncosted_sales": translate("ReportLabels", "Sales without a cost"),
        "uncosted_lines": translate("ReportLabels", "Lines without a cost"),
        "rank": translate("ReportLabels", "Rank"),
        "rfm_group": translate("ReportLabels", "Group"),
        "recency": translate("ReportLabels", "Days since last order"),
        "recency_score": translate("ReportLabels", "R (recency)"),
        "frequency_score": translate("ReportLabels", "F (frequency)"),
        "monetary_score": translate("ReportLabels", "M (money)"),
        "rfm_score": translate("ReportLabels", "Score (of 100)"),
        "stage": translate("ReportLabels", "Stage"),
        "deals": translate("ReportLabels", "Deals"),
        "amount": translate("ReportLabels", "Amount"),
        "probability": translate("ReportLabels", "Probability"),
        "weighted": translate("ReportLabels", "Weighted amount"),
        "won": translate("ReportLabels", "Won"),
        "lost": translate("ReportLabels", "Lost"),
        "lost_amount": translate("ReportLabels", "Amount lost"),
        "reason": translate("ReportLabels", "Loss reason"),
        "competitor": translate("ReportLabels", "Competitor"),
        "share_of_lost": translate("ReportLabels", "Share of deals lost"),
        "source": translate("ReportLabels", "Source"),
        "campaign": translate("ReportLabels", "Campaign"),
        "leads": translate("ReportLabels", "New leads"),
        "open": translate("ReportLabels", "Still open"),
        "qualified": translate("ReportLabels", "Qualified"),
        "converted": translate("ReportLabels", "Converted"),
        "disqualified": translate("ReportLabels", "Disqualified"),
        "conversion_rate": translate("ReportLabels", "Conversion rate"),
        "done_task": translate("ReportLabels", "Tasks done"),
        "done_meeting": translate("ReportLabels", "Meetings"),
        "done_call": translate("ReportLabels", "Calls"),
        "done_email": translate("ReportLabels", "E-mails"),
        "done_visit": translate("ReportLabels", "Visits"),
        "done_note": translate("ReportLabels", "Notes"),
        "done": translate("ReportLabels", "Done in all"),
        "overdue": translate("ReportLabels", "Overdue"),
        "planned": translate("ReportLabels", "Planned"),
        "order": translate("ReportLabels", "Order"),
        "promised": translate("ReportLabels", "Promised"),
        "delivered": translate("ReportLabels", "Delivered"),
        "days_late": translate("ReportLabels", "Days late"),
        "priority": translate("ReportLabels", "Priority"),
        "cases_opened": translate("ReportLabels", "Opened"),
        "cases_closed": translate("ReportLabels", "Closed"),
        "cases_breached": translate("ReportLabels", "Past SLA"),
        "median_hours_to_resolve": translate("ReportLabels", "Median hours to resolve"),
        "quantity_open": translate("ReportLabels", "Still to deliver"),
        "unit": translate("ReportLabels", "Unit"),
        "month": translate("ReportLabels", "Month"),
        "weighted_pipeline": translate("ReportLabels", "Weighted pipeline"),
        "baseline": translate("ReportLabels", "Baseline (history)"),
        "pipeline_part": translate("ReportLabels", "From the pipeline"),
        "forecast": translate("ReportLabels", "Forecast"),
        "low": translate("ReportLabels", "Low"),
        "high": translate("ReportLabels", "High"),
        "made_on": translate("ReportLabels", "Made on"),
        "kind": translate("ReportLabels", "Kept as"),
        "actual": translate("ReportLabels", "Actual"),
        "error": translate("ReportLabels", "Error"),
        "abs_error": translate("ReportLabels", "Absolute error"),
    }
    return labels.get(key, in_words(key))


def key_label(key: str) -> str:
    """A cell of a "key" column: a period's or a group's name, a lead source, a channel, a stage, "none"."""
    labels = {
        "none": translate("ReportLabels", "(none)"),
        "total": translate("ReportLabels", "Total"),
        "other": translate("ReportLabels", "Other"),
        "this_month": translate("ReportLabels", "This month"),
        "previous_month": translate("ReportLabels", "Previous month"),
        "same_month_last_year": translate("ReportLabels", "Same month last year"),
        "this_period": translate("ReportLabels", "This period"),
        "previous_period": translate("ReportLabels", "Previous period"),
        "same_period_last_year": translate("ReportLabels", "Same period last year"),
        "top": translate("ReportLabels", "Top customer"),
        "at_risk": translate("ReportLabels", "At risk"),
        "phone": translate("ReportLabels", "Phone"),
        "email": translate("ReportLabels", "E-mail"),
        "walk_in": translate("ReportLabels", "Walk-in"),
        "marketplace": translate("ReportLabels", "Marketplace"),
        "frozen": translate("ReportLabels", "Frozen at month start"),
        "backtest": translate("ReportLabels", "Back-test (computed later)"),
        "average": translate("ReportLabels", "Average (bias / MAPE)"),
        "priority_urgent": translate("ReportLabels", "Urgent"),
        "priority_high": translate("ReportLabels", "High"),
        "priority_normal": translate("ReportLabels", "Normal"),
        "priority_low": translate("ReportLabels", "Low"),
    }
    if not key:
        return labels["none"]
    for known in (labels, source_labels(), channel_labels(), stage_labels()):
        if key in known:
            return known[key]
    return in_words(key)


def note_text(key: str) -> str:
    """Why a figure is missing or what was left out."""
    notes = {
        "period_not_over": translate("ReportLabels", "The period is not over yet: its figures are so far."),
        "target_needs_all_sales": translate(
            "ReportLabels", "Targets and commission need all of a rep's sales: clear the segment, channel, product, category and province filters to see them."),  # noqa: E501 (one literal, for lupdate)
        "total_all_customers": translate("ReportLabels", "The total is every customer's, not only those listed."),
        "uncosted_left_out": translate(
            "ReportLabels", "Lines without a cost price (free-text lines, products without a cost) are left out of the margin and shown apart."),  # noqa: E501 (one literal, for lupdate)
        "as_of_period_end": translate(
            "ReportLabels", "As the pipeline stood at the end of the period (rebuilt from the stage history)."),
        "as_of_today": translate("ReportLabels", "The pipeline as it is today."),
        "filters_not_applied": translate(
            "ReportLabels", "Some of the chosen filters do not apply to this table and were left out."),
        "forecast_history_short": translate("ReportLabels", "Under 3 months of sales history: no forecast yet."),
        "forecast_average_only": translate(
            "ReportLabels", "Under 6 months of history: the forecast is the average month."),
        "forecast_trend_only": translate(
            "ReportLabels", "Under 12 months of history: trend only, no seasonal pattern."),
        "forecast_no_track_record": translate(
            "ReportLabels", "No range yet: fewer than 3 past months have a kept forecast."),
        "forecast_accuracy_too_few": translate(
            "ReportLabels", "Fewer than 3 months with a kept forecast: no MAPE yet."),
    }
    return notes.get(key, in_words(key))
