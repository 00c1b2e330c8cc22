"""Words the sales screens share: document statuses, numbers with their revision, delivery progress
and the look of a late delivery (a colour plus a text marker, never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

QUOTATION_STATUSES = ("draft", "sent", "accepted", "rejected", "expired")
ORDER_STATUSES = ("draft", "confirmed", "partly_delivered", "delivered", "invoiced", "cancelled")
# A late row: dark red text on a pale red ground; both are set, so it reads in light and dark palettes.
LATE_BACKGROUND = QColor("#fde2e1")
LATE_FOREGROUND = QColor("#8e1b12")
LATE_MARK = "⚠"


def quotation_status_label(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("SalesLabels", "Draft"),
        "sent": QCoreApplication.translate("SalesLabels", "Sent"),
        "accepted": QCoreApplication.translate("SalesLabels", "Accepted"),
        "rejected": QCoreApplication.translate("SalesLabels", "Rejected"),
        "expired": QCoreApplication.translate("SalesLabels", "Expired"),
    }
    return labels.get(status, status)


def order_status_label(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("SalesLabels", "Draft"),
        "confirmed": QCoreApplication.translate("SalesLabels", "Confirmed"),
        "partly_delivered": QCoreApplication.translate("SalesLabels", "Partly delivered"),
        "delivered": QCoreApplication.translate("SalesLabels", "Delivered"),
        "invoiced": QCoreApplication.translate("SalesLabels", "Invoiced"),
        "cancelled": QCoreApplication.translate("SalesLabels", "Cancelled"),
    }
    return labels.get(status, status)


def status_label(kind: str, status: str) -> str:
    return quotation_status_label(status) if kind == "quotation" else order_status_label(status)


def number_text(number: str, revision: int = 1) -> str:
    """ "QT2569-0001", or "QT2569-0001 rev 2" for a revision."""
    if revision <= 1:
        return number
    return QCoreApplication.translate("SalesLabels", "%1 rev %2").replace("%1", number).replace("%2", str(revision))


def progress_text(delivered_lines: int, lines: int, percent: int) -> str:
    """Delivery progress of an order: "3/5 lines, 60 %"."""
    return (QCoreApplication.translate("SalesLabels", "%1/%2 lines, %3 %").replace("%1", str(delivered_lines))
            .replace("%2", str(lines)).replace("%3", str(percent)))


def late_text(text: str) -> str:
    """A late row or line says so in words too (colour alone is lost on some screens and eyes)."""
    late = QCoreApplication.translate("SalesLabels", "late")
    return f"{LATE_MARK} {late} · {text}" if text else f"{LATE_MARK} {late}"
