"""A contact's gender and income band in the UI language: the contact form, the list, the detail pane
and the timeline show them, so they live apart from the form and its imports."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def gender_label(value: str) -> str:
    labels = {
        "": QCoreApplication.translate("ContactDialog", "(not given)"),
        "female": QCoreApplication.translate("ContactDialog", "Female"),
        "male": QCoreApplication.translate("ContactDialog", "Male"),
        "other": QCoreApplication.translate("ContactDialog", "Other"),
    }
    return labels.get(value, value)


def income_label(value: str) -> str:
    """ "15k-30k" -> "฿15,000–30,000 a month"; unknown values are shown as stored."""
    # QCoreApplication.translate in full: lupdate does not follow an alias such as `t = ...`.
    if not value:
        return QCoreApplication.translate("ContactDialog", "(not given)")
    if value.startswith("<"):
        amount = _thousands(value[1:])
        if not amount:
            return value
        return QCoreApplication.translate("ContactDialog", "under ฿%1 a month").replace("%1", amount)
    if value.endswith("+"):
        amount = _thousands(value[:-1])
        if not amount:
            return value
        return QCoreApplication.translate("ContactDialog", "฿%1 or more a month").replace("%1", amount)
    low, sep, high = value.partition("-")
    if sep and _thousands(low) and _thousands(high):
        return QCoreApplication.translate("ContactDialog", "฿%1–%2 a month").replace("%1", _thousands(low)).replace(
            "%2", _thousands(high))
    return value


def _thousands(text: str) -> str:
    text = text.strip().lower()
    if text.endswith("k") and text[:-1].isdigit():
        return f"{int(text[:-1]) * 1000:,}"
    return f"{int(text):,}" if text.isdigit() else ""
