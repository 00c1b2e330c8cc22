"""The words of the Reports tab: analysis groups, table titles, column headers, the fixed words some
cells hold (kind "key") and the notes, for the keys the analysis modules use (their authors list
them in the issue notes, key | English | Thai). A key missing here shows as itself in words
("sales_by_rep" → "Sales by rep"), never as a blank."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportLabels", text)


def in_words(key: str) -> str:
    """An untranslated key as words: "sales_by_rep" → "Sales by rep"."""
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def group_label(group: str) -> str:
    labels = {
        "overview": _t("Overview"), "sales": _t("Sales"), "customers": _t("Customers"), "pipeline": _t("Pipeline"),
        "leads": _t("Leads"), "activities": _t("Activities"), "deliveries": _t("Deliveries"),
        "forecast": _t("Forecast"), "profitability": _t("Profitability"),
    }
    return labels.get(group, in_words(group))


def group_of(table_key: str, module: str) -> str:
    return GROUP_OF_TABLE.get(table_key) or GROUP_OF_MODULE.get(module, module)


def table_title(key: str) -> str:
    titles = {
        "key_figures": _t("Key figures"),
        "sales_by_rep": _t("Sales by rep against target"),
        "top_customers": _t("Top customers"),
        "sales_by_segment": _t("Sales by segment"),
        "sales_by_product": _t("Sales by product"),
        "sales_by_category": _t("Sales by category"),
        "sales_by_channel": _t("Sales by channel"),
        "sales_by_province": _t("Sales by province"),
        "sales_by_month": _t("Sales by month"),
        "margin_by_customer": _t("Gross margin by customer"),
        "margin_by_product": _t("Gross margin by product"),
        "margin_by_rep": _t("Gross margin by rep"),
        "rfm": _t("Customer ranking (RFM)"),
        "rfm_top": _t("Best customers (RFM)"),
        "rfm_at_risk": _t("Customers at risk (RFM)"),
        "pipeline_by_stage": _t("Pipeline by stage"),
        "weighted_pipeline": _t("Weighted pipeline"),
        "deals_won_lost": _t("Deals won and lost"),
        "loss_reasons": _t("Loss reasons"),
        "competitors": _t("Deals lost to competitors"),
        "leads_by_source": _t("New leads by source"),
        "leads_by_campaign": _t("New leads by campaign"),
        "activities_by_rep": _t("Activities per rep"),
        "late_deliveries": _t("Late deliveries"),
        "forecast": _t("Sales forecast"),
        "forecast_by_rep": _t("Sales forecast by rep"),
        "forecast_accuracy": _t("Forecast accuracy"),
    }
    return titles.get(key, in_words(key))


def column_label(key: str) -> str:
    labels = {
        "figure": _t("Figure"), "this_month": _t("This month"), "previous_month": _t("Previous month"),
        "last_month": _t("Last month"), "same_month_last_year": _t("Same month last year"),
        "change_previous": _t("Change vs previous month"), "change_last_year": _t("Change vs last year"),
        "rep": _t("Rep"), "customer": _t("Customer"), "segment": _t("Segment"), "product": _t("Product"),
        "sku": _t("SKU"), "category": _t("Category"), "channel": _t("Channel"), "province": _t("Province"),
        "month": _t("Month"), "sales": _t("Sales"), "orders": _t("Orders"), "share": _t("Share"),
        "target": _t("Target"), "attainment": _t("Attainment"), "commission": _t("Commission"),
        "average_order": _t("Average order"), "average_deal": _t("Average deal"), "quantity": _t("Quantity"),
        "cost": _t("Cost"), "margin": _t("Gross margin"), "margin_percent": _t("Margin %"),
        "recency": _t("Days since last order"), "frequency": _t("Orders"), "monetary": _t("Sales"),
        "score": _t("Score"), "rank": _t("Rank"), "last_order": _t("Last order"),
        "stage": _t("Stage"), "deals": _t("Deals"), "amount": _t("Amount"), "probability": _t("Probability"),
        "weighted": _t("Weighted amount"), "won": _t("Won"), "lost": _t("Lost"), "win_rate": _t("Win rate"),
        "reason": _t("Reason"), "competitor": _t("Competitor"), "source": _t("Source"), "campaign": _t("Campaign"),
        "leads": _t("New leads"), "converted": _t("Converted"), "conversion_rate": _t("Conversion rate"),
        "done": _t("Done"), "overdue": _t("Overdue"), "overdue_today": _t("Overdue today"),
        "order": _t("Order"), "promised_on": _t("Promised on"), "days_late": _t("Days late"),
        "lines": _t("Lines"), "delivered": _t("Delivered"),
        "forecast": _t("Forecast"), "low": _t("Low"), "high": _t("High"), "actual": _t("Actual"),
        "pipeline": _t("Weighted pipeline"), "trend": _t("Trend and season"), "error": _t("Error"),
        "error_percent": _t("Error %"), "mape": _t("MAPE"), "bias": _t("Bias"),
        "new_customers": _t("New customers"), "value": _t("Value"), "change": _t("Change"),
    }
    return labels.get(key, in_words(key))


def key_label(key: str) -> str:
    """A cell of a "key" column: a figure's name, a stage kind, "none"."""
    labels = {
        "none": _t("(none)"), "total": _t("Total"), "other": _t("Other"),
        "sales": _t("Sales"), "orders": _t("Orders"), "new_customers": _t("New customers"),
        "win_rate": _t("Win rate"), "average_deal": _t("Average deal"), "average_order": _t("Average order"),
        "open": _t("Open"), "won": _t("Won"), "lost": _t("Lost"),
        "prospecting": _t("Prospecting"), "qualification": _t("Qualification"), "quotation": _t("Quotation"),
        "negotiation": _t("Negotiation"),
        "direct": _t("Direct sale"), "line": _t("LINE"), "facebook": _t("Facebook"), "website": _t("Website"),
        "dealer": _t("Dealer"), "no_rep": _t("(no rep)"), "no_segment": _t("(no company)"),
        "no_channel": _t("(not known)"), "no_province": _t("(no province)"), "free_text": _t("(not a product)"),
        "mape": _t("MAPE"), "bias": _t("Bias"), "actual": _t("Actual"), "forecast": _t("Forecast"),
    }
    return labels.get(key, in_words(key))


def note_text(key: str) -> str:
    """Why a figure is missing or what was left out."""
    notes = {
        "history_too_short": _t("Not enough past months to say how accurate the forecast is."),
        "no_targets": _t("No targets are set for this period."),
        "no_costs": _t("Lines without a cost price are left out of the margins."),
    }
    return notes.get(key, in_words(key))
