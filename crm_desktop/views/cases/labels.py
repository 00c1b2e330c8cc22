"""Statuses, priorities and channels of cases in the UI language (functions: the language can change)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def status_labels() -> dict[str, str]:
    return {
        "new": translate("CaseLabels", "New"),
        "assigned": translate("CaseLabels", "Assigned"),
        "in_progress": translate("CaseLabels", "In progress"),
        "waiting": translate("CaseLabels", "Waiting for customer"),
        "resolved": translate("CaseLabels", "Resolved"),
        "closed": translate("CaseLabels", "Closed"),
    }


def priority_labels() -> dict[str, str]:
    return {
        "urgent": translate("CaseLabels", "Urgent"),
        "high": translate("CaseLabels", "High"),
        "normal": translate("CaseLabels", "Normal"),
        "low": translate("CaseLabels", "Low"),
    }


def channel_labels() -> dict[str, str]:
    return {
        "": translate("CaseLabels", "(not known)"),
        "phone": translate("CaseLabels", "Phone"),
        "line": translate("CaseLabels", "LINE"),
        "email": translate("CaseLabels", "E-mail"),
        "walk_in": translate("CaseLabels", "Walk-in"),
        "web": translate("CaseLabels", "Website"),
        "other": translate("CaseLabels", "Other"),
    }


def duration_text(spent: timedelta) -> str:
    """ "2 d 3 h", "5 h 20 min", "12 min" (the time a case spent in a status)."""
    minutes = int(spent.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return translate("CaseLabels", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return translate("CaseLabels", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    return translate("CaseLabels", "%1 min").replace("%1", str(minutes))
