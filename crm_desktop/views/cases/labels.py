"""Statuses, priorities and channels of cases in the UI language (functions: the language can change)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("CaseLabels", text)


def status_labels() -> dict[str, str]:
    return {"new": _t("New"), "assigned": _t("Assigned"), "in_progress": _t("In progress"),
            "waiting": _t("Waiting for customer"), "resolved": _t("Resolved"), "closed": _t("Closed")}


def priority_labels() -> dict[str, str]:
    return {"urgent": _t("Urgent"), "high": _t("High"), "normal": _t("Normal"), "low": _t("Low")}


def channel_labels() -> dict[str, str]:
    return {"": _t("(not known)"), "phone": _t("Phone"), "line": _t("LINE"), "email": _t("E-mail"),
            "walk_in": _t("Walk-in"), "web": _t("Website"), "other": _t("Other")}


def duration_text(spent: timedelta) -> str:
    """ "2 d 3 h", "5 h 20 min", "12 min" (the time a case spent in a status)."""
    minutes = int(spent.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _t("%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return _t("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    return _t("%1 min").replace("%1", str(minutes))
