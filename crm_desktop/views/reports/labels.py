"""The words of the Reports tab: analysis groups, table titles, column headers, the fixed words some
cells hold (kind "key") and the notes, for the keys the analysis modules use (their authors list
them in the issue notes, key | English | Thai). Lead sources, sales channels and stage kinds are the
words the rest of the app uses for them. A key missing everywhere shows as itself in words
("sales_by_rep" → "Sales by rep"), never as a blank."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desktop.views.leads.actions import source_labels
from crm_desktop.views.opportunities.dialog import channel_labels, stage_labels

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

GROUPS = (
    "overview", "sales", "customers", "pipeline", "leads", "activities",
    "deliveries", "forecast", "profitability",
)
# Where each analysis module's tables are listed, unless GROUP_OF_TABLE says otherwise.
GROUP_OF_MODULE = {"sales": "sales", "customers": "customers", "margins": "profitability", "pipeline": "pipeline",
                   "leads": "leads", "activities": "activities", "deliveries": "deliveries", "forecast": "forecast"}
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
        "lost_by_reason": translate("ReportLabels", "Deals lost, by reason"),
        "lost_by_competitor": translate("ReportLabels", "Deals lost, by competitor"),
        "new_leads_by_source": translate("ReportLabels", "New leads by source"),
        "new_leads_by_campaign": translate("ReportLabels", "New leads by campaign"),
        "activities_by_rep": translate("ReportLabels", "Activities per rep"),
        "late_deliveries": translate("ReportLabels", "Late deliveries"),
        "forecast": translate("ReportLabels", "Sales forecast"),
        "forecast_by_rep": translate("ReportLabels", "Sales forecast by rep"),
        "forecast_accuracy": translate("ReportLabels", "Forecast accuracy"),
    }
    return titles.get(key, in_words(key))


def column_label(key: str) -> str:
    labels = {
        "figure": translate("ReportLabels", "Figure"),
        "period": translate("ReportLabels", "Period"),
        "start": translate("ReportLabels", "From"),
        "end": translate("ReportLabels", "To"),
        "rep": translate("ReportLabels", "Rep"),
        "customer": translate("ReportLabels", "Customer"),
        "segment": translate("ReportLabels", "Segment"),
        "product": translate("ReportLabels", "Product"),
        "sku": translate("ReportLabels", "SKU"),
        "category": translate("ReportLabels", "Category"),
        "channel": translate("ReportLabels", "Channel"),
        "province": translate("ReportLabels", "Province"),
        "month": translate("ReportLabels", "Month"),
        "sales": translate("ReportLabels", "Sales"),
        "sales_change": translate("ReportLabels", "Sales change"),
        "orders": translate("ReportLabels", "Orders"),
        "orders_change": translate("ReportLabels", "Orders change"),
        "new_customers": translate("ReportLabels", "New customers"),
        "new_customers_change": translate("ReportLabels", "New customers change"),
        "win_rate": translate("ReportLabels", "Win rate"),
        "win_rate_change": translate("ReportLabels", "Win rate change"),
        "average_deal": translate("ReportLabels", "Average deal"),
        "average_deal_change": translate("ReportLabels", "Average deal change"),
        "share": translate("ReportLabels", "Share"),
        "target": translate("ReportLabels", "Target"),
        "attainment": translate("ReportLabels", "Attainment"),
        "commission": translate("ReportLabels", "Commission"),
        "quantity": translate("ReportLabels", "Quantity"),
        "cost": translate("ReportLabels", "Cost"),
        "costed_sales": translate("ReportLabels", "Sales with a cost price"),
        "uncosted_sales": translate("ReportLabels", "Sales without a cost price"),
        "uncosted_lines": translate("ReportLabels", "Lines without a cost price"),
        "margin": translate("ReportLabels", "Gross margin"),
        "margin_percent": translate("ReportLabels", "Margin %"),
        "rank": translate("ReportLabels", "Rank"),
        "rfm_group": translate("ReportLabels", "Group"),
        "rfm_score": translate("ReportLabels", "Score"),
        "recency": translate("ReportLabels", "Days since last order"),
        "recency_score": translate("ReportLabels", "R"),
        "frequency_score": translate("ReportLabels", "F"),
        "monetary_score": translate("ReportLabels", "M"),
        "last_order": translate("ReportLabels", "Last order"),
        "stage": translate("ReportLabels", "Stage"),
        "deals": translate("ReportLabels", "Deals"),
        "amount": translate("ReportLabels", "Amount"),
        "probability": translate("ReportLabels", "Probability"),
        "weighted": translate("ReportLabels", "Weighted amount"),
        "won": translate("ReportLabels", "Won"),
        "lost": translate("ReportLabels", "Lost"),
        "won_deals": translate("ReportLabels", "Deals won"),
        "won_amount": translate("ReportLabels", "Amount won"),
        "lost_amount": translate("ReportLabels", "Amount lost"),
        "share_of_lost": translate("ReportLabels", "Share of lost"),
        "reason": translate("ReportLabels", "Reason"),
        "competitor": translate("ReportLabels", "Competitor"),
        "source": translate("ReportLabels", "Source"),
        "campaign": translate("ReportLabels", "Campaign"),
        "leads": translate("ReportLabels", "New leads"),
        "converted": translate("ReportLabels", "Converted"),
        "conversion_rate": translate("ReportLabels", "Conversion rate"),
        "done": translate("ReportLabels", "Done"),
        "overdue": translate("ReportLabels", "Overdue"),
        "order": translate("ReportLabels", "Order"),
        "promised": translate("ReportLabels", "Promised on"),
        "delivered": translate("ReportLabels", "Delivered on"),
        "quantity_open": translate("ReportLabels", "Still to deliver"),
        "days_late": translate("ReportLabels", "Days late"),
        "forecast": translate("ReportLabels", "Forecast"),
        "low": translate("ReportLabels", "Low"),
        "high": translate("ReportLabels", "High"),
        "actual": translate("ReportLabels", "Actual"),
        "pipeline": translate("ReportLabels", "Weighted pipeline"),
        "trend": translate("ReportLabels", "Trend and season"),
        "error": translate("ReportLabels", "Error"),
        "error_percent": translate("ReportLabels", "Error %"),
        "mape": translate("ReportLabels", "MAPE"),
        "bias": translate("ReportLabels", "Bias"),
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
        "unassigned": translate("ReportLabels", "(no rep)"),
        "phone": translate("ReportLabels", "Phone"),
        "email": translate("ReportLabels", "E-mail"),
        "walk_in": translate("ReportLabels", "Walk-in"),
        "marketplace": translate("ReportLabels", "Marketplace"),
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
        "filters_not_applied": translate(
            "ReportLabels", "Some of the chosen filters do not apply to this table; it shows the rest."),
        "period_not_over": translate("ReportLabels", "The period is not over yet: its figures are so far."),
        "target_needs_all_sales": translate(
            "ReportLabels", "Targets are compared with all sales: the chosen filters leave them out."),
        "as_of_period_end": translate("ReportLabels", "As at the end of the period."),
        "history_too_short": translate("ReportLabels", "Not enough past months to say how accurate the forecast is."),
    }
    return notes.get(key, in_words(key))
