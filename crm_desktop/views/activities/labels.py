"""Activity kinds, priorities and statuses in the UI language (functions: the language can change)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "task": t("ActivityLabels", "Task"),
        "meeting": t("ActivityLabels", "Meeting"),
        "call": t("ActivityLabels", "Call"),
        "email": t("ActivityLabels", "E-mail"),
        "visit": t("ActivityLabels", "Visit"),
        "note": t("ActivityLabels", "Note"),
    }


def priority_labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"low": t("ActivityLabels", "Low"), "normal": t("ActivityLabels", "Normal"),
            "high": t("ActivityLabels", "High")}


def status_labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"planned": t("ActivityLabels", "Planned"), "done": t("ActivityLabels", "Done"),
            "cancelled": t("ActivityLabels", "Cancelled")}
