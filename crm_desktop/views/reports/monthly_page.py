"""The Reports tab's "Monthly report" page: pick a month and a language, then preview the printed
report in the app, print it through the system's dialog or save it. The PDF is made in the
background (with a progress dialog), by the same function as `crm-desktop report monthly`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crm_desktop.services.app import AppContext
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.tasks import Task
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.months import month_key, month_text
from crm_desktop.views.reports.filter_bar import MONTHS_BACK
from crm_desktop.views.sales.pdf_preview import LANGUAGE_NAMES, PdfPages, ask_printer, print_pages, save_pdf_as

MakePdf = Callable[[AppContext, str, str], bytes]


def monthly_report_pdf(ctx: AppContext, month: str, lang: str) -> bytes:
    """The printed monthly report (reports/monthly), imported only when a report is made."""
    from crm_desktop.reports.monthly import monthly_report_pdf as make

    return make(ctx, month, lang)


class MonthlyReportPage(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None, make_pdf: MakePdf = monthly_report_pdf) -> None:
        super().__init__(parent)
        self.env = env
        self.make_pdf = make_pdf
        self.setObjectName("monthlyReportPage")
        self.pdf = b""
        self.made_for: tuple[str, str] | None = None  # (month, language) of self.pdf
        self.task: Task | None = None
        today = env.today()
        self.month = QComboBox()
        self.month.setObjectName("reportMonthCombo")
        self.month.setMaxVisibleItems(MONTHS_BACK)
        for shift in range(-1, -MONTHS_BACK - 1, -1):  # last month first: this month is not over yet
            key = month_key(today, shift)
            self.month.addItem(month_text(key, env.lang, env.buddhist), key)
        self.month.addItem(self.tr("%1 (so far)").replace("%1", month_text(month_key(today), env.lang,
                                                                            env.buddhist)), month_key(today))
        self.language = QComboBox()
        self.language.setObjectName("reportLanguageCombo")
        for label, code in LANGUAGE_NAMES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(self.language.findData(env.lang))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("previewReportButton")
        self.preview_button.clicked.connect(lambda: self.make(None))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printReportButton")
        self.print_button.clicked.connect(lambda: self.make(self.print_pdf))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveReportButton")
        self.save_button.clicked.connect(lambda: self.make(self.save_as))
        self.status = QLabel(self.tr("Choose a month and press Preview to see the report as it prints."))
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month")))
        bar.addWidget(self.month)
        bar.addWidget(QLabel(self.tr("Language")))
        bar.addWidget(self.language)
        bar.addWidget(self.preview_button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        self.pages = PdfPages()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)

    def choice(self) -> tuple[str, str]:
        return str(self.month.currentData()), str(self.language.currentData())

    def show_month(self, month: str) -> None:
        index = self.month.findData(month)
        if index >= 0:
            self.month.setCurrentIndex(index)

    def make(self, then: Callable[[], Any] | None) -> Task | None:
        """Make the PDF of the month and language chosen (unless it is made already) and show it;
        then call `then` (print, save). One PDF is made at a time."""
        if self.task is not None:
            return self.task
        month, lang = self.choice()
        if self.made_for == (month, lang) and self.pdf:
            if then is not None:
                then()
            return None
        ctx, make_pdf = self.env.ctx, self.make_pdf
        task = Task(self, lambda _progress: make_pdf(ctx, month, lang), title=self.tr("Monthly report"),
                    label=self.tr("Making the report for %1…").replace("%1", self.month.currentText()),
                    cancellable=False, min_duration_ms=200)

        def done(pdf: object) -> None:
            assert isinstance(pdf, bytes)
            try:
                pages = self.pages.show_pdf(pdf)
            except Exception as exc:
                show_error(self, exc, self.env.lang)
                return
            self.pdf, self.made_for = pdf, (month, lang)
            self.status.setText(self.tr("%1: %2 pages").replace("%1", self.month.currentText())
                                .replace("%2", str(pages)))
            if then is not None:
                then()

        def failed(exc: object) -> None:
            if isinstance(exc, BaseException):
                show_error(self, exc, self.env.lang)

        def ended() -> None:
            self.task = None
            task.deleteLater()

        task.finished.connect(done)
        task.failed.connect(failed)
        task.ended.connect(ended)
        self.task = task
        return task.start()

    def file_name(self) -> str:
        month, lang = self.made_for or self.choice()
        return self.tr("Monthly report %1").replace("%1", month) + (" (en)" if lang == "en" else "") + ".pdf"

    def save_as(self) -> None:
        save_pdf_as(self, self.env, self.pdf, self.tr("Save the monthly report as PDF"), self.file_name())

    def print_pdf(self) -> None:
        printer = ask_printer(self, self.file_name().removesuffix(".pdf"))
        if printer is None:
            return
        try:
            print_pages(self.pdf, printer)
        except Exception as exc:
            show_error(self, exc, self.env.lang)
