"""The words a lead's status, source and buying timeframe show as, apart from the lead screens' actions
so that a record's timeline on the first screen does not import them (and the lead services with them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

STATUSES = ("new", "contacted", "qualified", "disqualified", "converted")


def status_labels() -> dict[str, str]:
    return {
        "new": QCoreApplication.translate("LeadLabels", "New"),
        "contacted": QCoreApplication.translate("LeadLabels", "Contacted"),
        "qualified": QCoreApplication.translate("LeadLabels", "Qualified"),
        "disqualified": QCoreApplication.translate("LeadLabels", "Disqualified"),
        "converted": QCoreApplication.translate("LeadLabels", "Converted"),
    }


def source_labels() -> dict[str, str]:
    return {
        "walk_in": QCoreApplication.translate("LeadLabels", "Walk-in"),
        "phone": QCoreApplication.translate("LeadLabels", "Phone call"),
        "line": QCoreApplication.translate("LeadLabels", "LINE"),
        "facebook": QCoreApplication.translate("LeadLabels", "Facebook"),
        "website": QCoreApplication.translate("LeadLabels", "Website"),
        "referral": QCoreApplication.translate("LeadLabels", "Referral"),
        "trade_show": QCoreApplication.translate("LeadLabels", "Trade show"),
        "campaign": QCoreApplication.translate("LeadLabels", "Campaign"),
    }


def timeframe_labels() -> dict[str, str]:
    return {
        "immediate": QCoreApplication.translate("LeadLabels", "Immediately"),
        "1_month": QCoreApplication.translate("LeadLabels", "Within 1 month"),
        "3_months": QCoreApplication.translate("LeadLabels", "Within 3 months"),
        "6_months": QCoreApplication.translate("LeadLabels", "Within 6 months"),
        "12_months": QCoreApplication.translate("LeadLabels", "Within 12 months"),
        "later": QCoreApplication.translate("LeadLabels", "Later than 12 months"),
    }


def status_label(key: str) -> str:
    return status_labels().get(key, key)


def source_label(key: str) -> str:
    """The label of a known source key; a source users added to the list shows as typed."""
    return source_labels().get(key, key)


def timeframe_label(key: str) -> str:
    return timeframe_labels().get(key, key)
