"""Activity kinds, priorities and statuses in the UI language (functions: the language can change)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_labels() -> dict[str, str]:
    return {
        "task": QCoreApplication.translate("ActivityLabels", "Task"),
        "meeting": QCoreApplication.translate("ActivityLabels", "Meeting"),
        "call": QCoreApplication.translate("ActivityLabels", "Call"),
        "email": QCoreApplication.translate("ActivityLabels", "E-mail"),
        "visit": QCoreApplication.translate("ActivityLabels", "Visit"),
        "note": QCoreApplication.translate("ActivityLabels", "Note"),
    }


def priority_labels() -> dict[str, str]:
    return {
        "low": QCoreApplication.translate("ActivityLabels", "Low"),
        "normal": QCoreApplication.translate("ActivityLabels", "Normal"),
        "high": QCoreApplication.translate("ActivityLabels", "High"),
    }


def status_labels() -> dict[str, str]:
    return {
        "planned": QCoreApplication.translate("ActivityLabels", "Planned"),
        "done": QCoreApplication.translate("ActivityLabels", "Done"),
        "cancelled": QCoreApplication.translate("ActivityLabels", "Cancelled"),
    }
