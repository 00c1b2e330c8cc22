"""On the first start in a new month the main window offers last month's report, once: a bar above
the tabs with Open and Not now (never a dialog in the way at start). The month it was offered in is
kept in the preferences, so neither answer, nor closing the app, brings it back that month. The
very first start of the app offers nothing: there is no month behind it yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.months import month_key, month_text


def month_to_offer(prefs: Prefs, today: date) -> str | None:
    """Last month ("YYYY-MM") when its report is due to be offered now, and remember it was."""
    this_month = month_key(today)
    offered = prefs.report_offered_month()
    if offered >= this_month:  # offered this month already (or the clock went back)
        return None
    prefs.set_report_offered_month(this_month)
    return month_key(today, -1) if offered else None


class MonthOfferBar(QFrame):
    """ "The report for October 2569 is ready." [Open] [Not now]"""

    open_report = Signal(str)

    def __init__(self, month: str, lang: str, buddhist: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = month
        self.setObjectName("monthOfferBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#monthOfferBar { background: #e8f1fb; border: 1px solid #9bbbe0; }"
                           "#monthOfferBar QLabel { color: #1b3a5c; }")
        self.text = QLabel(self.tr("The monthly report for %1 is ready to view and print.")
                           .replace("%1", month_text(month, lang, buddhist)))
        self.text.setObjectName("monthOfferText")
        self.open_button = QPushButton(self.tr("Open the report"))
        self.open_button.setObjectName("monthOfferOpen")
        self.open_button.setDefault(True)
        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.setObjectName("monthOfferLater")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.later_button)
        self.open_button.clicked.connect(self._open)
        self.later_button.clicked.connect(self.close_bar)

    def _open(self) -> None:
        self.close_bar()
        self.open_report.emit(self.month)

    def close_bar(self) -> None:
        self.hide()
        self.deleteLater()
