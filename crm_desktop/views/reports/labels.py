"""The words of the Reports tab: analysis groups, table titles, column headers, the fixed words some
cells hold (kind "key") and the notes, for the keys the analysis modules use (their authors list
them in the issue notes, key | English | Thai). A key missing here shows as itself in words
("sales_by_rep" → "Sales by rep"), never as a blank."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

GROUPS = ("overview", "sales", "customers", "pipeline", "leads", "activities", "deliveries", "forecast",
          "profitability")
# Where each analysis module's tables go; a table listed in GROUP_OF_TABLE goes there instead.
GROUP_OF_MODULE = {"sales": "sales", "customers": "customers", "margins": "profitability", "pipeline": "pipeline",
                   "leads": "leads", "activities": "activities", "deliveries": "deliveries", "forecast": "forecast"}
GROUP_OF_TABLE = {
    "key_figures": "overview",
    "top_customers": "customers", "rfm": "customers", "rfm_top": "customers", "rfm_at_risk": "customers",
    "sales_by_segment": "customers", "sales_by_province": "customers",
    "margin_by_customer": "profitability", "margin_by_product": "profitability", "margin_by_rep": "profitability",
    "deals_won_lost": "pipeline", "loss_reasons": "pipeline", "competitors": "pipeline",
    "forecast_accuracy": "forecast",
}


def in_words(key: str) -> str:
    """An untranslated key as words: "sales_by_rep" → "Sales by rep"."""
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def group_label(group: str) -> str:
    labels = {
        "overview": translate("ReportLabels", "Overview"),
        "sales": translate("ReportLabels", "Sales"),
        "customers": translate("ReportLabels", "Customers"),
        "pipeline": translate("ReportLabels", "Pipeline"),
        "leads": translate("ReportLabels", "Leads"),
        "activities": translate("ReportLabels", "Activities"),
        "deliveries": translate("ReportLabels", "Deliveries"),
        "forecast": translate("ReportLabels", "Forecast"), "profitability": translate("ReportLabels", "Profitability"),
    }
    return labels.get(group, in_words(group))


def group_of(table_key: str, module: str) -> str:
    return GROUP_OF_TABLE.get(table_key) or GROUP_OF_MODULE.get(module, module)


def table_title(key: str) -> str:
    titles = {
        "key_figures": translate("ReportLabels", "Key figures"),
        "sales_by_rep": translate("ReportLabels", "Sales by rep against target"),
        "top_customers": translate("ReportLabels", "Top customers"),
        "sales_by_segment": translate("ReportLabels", "Sales by segment"),
        "sales_by_product": translate("ReportLabels", "Sales by product"),
        "sales_by_category": translate("ReportLabels", "Sales by category"),
        "sales_by_channel": translate("ReportLabels", "Sales by channel"),
        "sales_by_province": translate("ReportLabels", "Sales by province"),
        "sales_by_month": translate("ReportLabels", "Sales by month"),
        "margin_by_customer": translate("ReportLabels", "Gross margin by customer"),
        "margin_by_product": translate("ReportLabels", "Gross margin by product"),
        "margin_by_rep": translate("ReportLabels", "Gross margin by rep"),
        "rfm": translate("ReportLabels", "Customer ranking (RFM)"),
        "rfm_top": translate("ReportLabels", "Best customers (RFM)"),
        "rfm_at_risk": translate("ReportLabels", "Customers at risk (RFM)"),
        "pipeline_by_stage": translate("ReportLabels", "Pipeline by stage"),
        "weighted_pipeline": translate("ReportLabels", "Weighted pipeline"),
        "deals_won_lost": translate("ReportLabels", "Deals won and lost"),
        "loss_reasons": translate("ReportLabels", "Loss reasons"),
        "competitors": translate("ReportLabels", "Deals lost to competitors"),
        "leads_by_source": translate("ReportLabels", "New leads by source"),
        "leads_by_campaign": translate("ReportLabels", "New leads by campaign"),
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
        "this_month": translate("ReportLabels", "This month"),
        "previous_month": translate("ReportLabels", "Previous month"),
        "last_month": translate("ReportLabels", "Last month"),
        "same_month_last_year": translate("ReportLabels", "Same month last year"),
        "change_previous": translate("ReportLabels", "Change vs previous month"),
        "change_last_year": translate("ReportLabels", "Change vs last year"),
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
        "orders": translate("ReportLabels", "Orders"),
        "share": translate("ReportLabels", "Share"),
        "target": translate("ReportLabels", "Target"),
        "attainment": translate("ReportLabels", "Attainment"),
        "commission": translate("ReportLabels", "Commission"),
        "average_order": translate("ReportLabels", "Average order"),
        "average_deal": translate("ReportLabels", "Average deal"),
        "quantity": translate("ReportLabels", "Quantity"),
        "cost": translate("ReportLabels", "Cost"),
        "margin": translate("ReportLabels", "Gross margin"),
        "margin_percent": translate("ReportLabels", "Margin %"),
        "recency": translate("ReportLabels", "Days since last order"),
        "frequency": translate("ReportLabels", "Orders"),
        "monetary": translate("ReportLabels", "Sales"),
        "score": translate("ReportLabels", "Score"),
        "rank": translate("ReportLabels", "Rank"),
        "last_order": translate("ReportLabels", "Last order"),
        "stage": translate("ReportLabels", "Stage"),
        "deals": translate("ReportLabels", "Deals"),
        "amount": translate("ReportLabels", "Amount"),
        "probability": translate("ReportLabels", "Probability"),
        "weighted": translate("ReportLabels", "Weighted amount"),
        "won": translate("ReportLabels", "Won"),
        "lost": translate("ReportLabels", "Lost"),
        "win_rate": translate("ReportLabels", "Win rate"),
        "reason": translate("ReportLabels", "Reason"),
        "competitor": translate("ReportLabels", "Competitor"),
        "source": translate("ReportLabels", "Source"),
        "campaign": translate("ReportLabels", "Campaign"),
        "leads": translate("ReportLabels", "New leads"),
        "converted": translate("ReportLabels", "Converted"),
        "conversion_rate": translate("ReportLabels", "Conversion rate"),
        "done": translate("ReportLabels", "Done"),
        "overdue": translate("ReportLabels", "Overdue"),
        "overdue_today": translate("ReportLabels", "Overdue today"),
        "order": translate("ReportLabels", "Order"),
        "promised_on": translate("ReportLabels", "Promised on"),
        "days_late": translate("ReportLabels", "Days late"),
        "lines": translate("ReportLabels", "Lines"), "delivered": translate("ReportLabels", "Delivered"),
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
        "new_customers": translate("ReportLabels", "New customers"),
        "value": translate("ReportLabels", "Value"),
        "change": translate("ReportLabels", "Change"),
    }
    return labels.get(key, in_words(key))


def key_label(key: str) -> str:
    """A cell of a "key" column: a figure's name, a stage kind, "none"."""
    labels = {
        "none": translate("ReportLabels", "(none)"),
        "total": translate("ReportLabels", "Total"),
        "other": translate("ReportLabels", "Other"),
        "sales": translate("ReportLabels", "Sales"),
        "orders": translate("ReportLabels", "Orders"),
        "new_customers": translate("ReportLabels", "New customers"),
        "win_rate": translate("ReportLabels", "Win rate"),
        "average_deal": translate("ReportLabels", "Average deal"),
        "average_order": translate("ReportLabels", "Average order"),
        "open": translate("ReportLabels", "Open"),
        "won": translate("ReportLabels", "Won"),
        "lost": translate("ReportLabels", "Lost"),
        "prospecting": translate("ReportLabels", "Prospecting"),
        "qualification": translate("ReportLabels", "Qualification"),
        "quotation": translate("ReportLabels", "Quotation"),
        "negotiation": translate("ReportLabels", "Negotiation"),
        "direct": translate("ReportLabels", "Direct sale"),
        "line": translate("ReportLabels", "LINE"),
        "facebook": translate("ReportLabels", "Facebook"),
        "website": translate("ReportLabels", "Website"),
        "dealer": translate("ReportLabels", "Dealer"),
        "no_rep": translate("ReportLabels", "(no rep)"),
        "no_segment": translate("ReportLabels", "(no company)"),
        "no_channel": translate("ReportLabels", "(not known)"),
        "no_province": translate("ReportLabels", "(no province)"),
        "free_text": translate("ReportLabels", "(not a product)"),
        "mape": translate("ReportLabels", "MAPE"),
        "bias": translate("ReportLabels", "Bias"),
        "actual": translate("ReportLabels", "Actual"),
        "forecast": translate("ReportLabels", "Forecast"),
    }
    return labels.get(key, in_words(key))


def note_text(key: str) -> str:
    """Why a figure is missing or what was left out."""
    notes = {
        "history_too_short": translate("ReportLabels", "Not enough past months to say how accurate the forecast is."),
        "no_targets": translate("ReportLabels", "No targets are set for this period."),
        "no_costs": translate("ReportLabels", "Lines without a cost price are left out of the margins."),
    }
    return notes.get(key, in_words(key))
