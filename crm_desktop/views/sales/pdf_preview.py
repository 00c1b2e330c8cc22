"""The quotation PDF previewed in the app, printed and saved.

The PDF is made by reports/quotation.py, the same one `crm-desktop quote pdf` writes; its pages are
drawn to images by pdfium (pypdfium2: Qt's own PDF module is not in PySide6-Essentials) for the
preview and, at the printer's resolution, for printing, so what prints is what the PDF shows.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.sales.detail import document_detail
from crm_desktop.reports.pages import save_pdf
from crm_desktop.reports.quotation import printed_number, quotation_pdf
from crm_desktop.ui.errors import show_error
from crm_desktop.views.common import ViewEnv

PREVIEW_DPI = 96
PRINT_DPI_MAX = 300  # enough for text on paper; a 1200 dpi printer would get 16x the pixels for nothing
LANGUAGE_NAMES = (("ไทย", "th"), ("English", "en"))  # each in its own language, never translated


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            picture = page.render(scale=dpi / 72).to_pil().convert("RGB")
            page.close()
            data = picture.tobytes()
            images.append(QImage(data, picture.width, picture.height, 3 * picture.width,
                                 QImage.Format.Format_RGB888).copy())
        return images
    finally:
        document.close()


class PdfPreviewDialog(QDialog):
    def __init__(self, env: ViewEnv, quotation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.quotation_id = env, quotation_id
        self.pdf = b""
        self.setObjectName("pdfPreviewDialog")
        self.resize(900, 1000)
        detail = document_detail(env.db, "quotation", quotation_id, env.today())
        self.number = printed_number(detail.number, detail.revision) if detail else ""
        self.setWindowTitle(self.tr("Quotation %1").replace("%1", self.number))
        self.language = QComboBox()
        self.language.setObjectName("pdfLanguageCombo")
        for label, code in LANGUAGE_NAMES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(self.language.findData(detail.language if detail else env.lang))
        self.language.currentIndexChanged.connect(self.render)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self.save_as)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Language")))
        bar.addWidget(self.language)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        self.pages = QWidget()
        self.pages.setObjectName("pdfPages")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def lang(self) -> str:
        return str(self.language.currentData())

    def render(self) -> bool:
        """Make the PDF again and show its pages; False (after an error dialog) when it cannot be made."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pdf = quotation_pdf(self.env.ctx, self.quotation_id, self.lang())
            ratio = self.devicePixelRatioF()  # sharp on high-density screens
            images = page_images(self.pdf, PREVIEW_DPI * ratio)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            self.pdf = b""
            show_error(self, exc, self.env.lang)
            return False
        QGuiApplication.restoreOverrideCursor()
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for number, image in enumerate(images, 1):
            label = QLabel()
            label.setObjectName(f"pdfPage{number}")
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            self.pages_layout.addWidget(label)
        self.print_button.setEnabled(bool(images))
        self.save_button.setEnabled(bool(images))
        return True

    def page_count(self) -> int:
        return self.pages_layout.count()

    def save_as(self) -> None:
        suggested = str(Path.home() / f"{self.number.replace(' ', '-')}.pdf")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the quotation as PDF"), suggested, "PDF (*.pdf)")
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        try:
            save_pdf(self.pdf, path, self.env.db.path, force=True)  # the file dialog asked before replacing
        except Exception as exc:
            show_error(self, exc, self.env.lang)

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.number)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except Exception as exc:
            show_error(self, exc, self.env.lang)

    def print_to(self, printer: QPrinter) -> None:
        """Each page drawn at the printer's resolution (at most PRINT_DPI_MAX), fitted to the paper."""
        images = page_images(self.pdf, min(printer.resolution(), PRINT_DPI_MAX))
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(self.tr("The printer could not be started."))
        try:
            for number, image in enumerate(images):
                if number:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        finally:
            painter.end()


def open_quotation_preview(env: ViewEnv, parent: QWidget | None, quotation_id: str) -> PdfPreviewDialog | None:
    """Show the quotation's PDF (modeless, so the list stays usable); None, after an error dialog,
    when it cannot be made (deleted meanwhile, a font missing…)."""
    dialog = PdfPreviewDialog(env, quotation_id, parent)
    if not dialog.render():
        dialog.deleteLater()
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
