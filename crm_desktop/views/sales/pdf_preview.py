"""PDFs previewed in the app, printed and saved: the quotation's dialog, and the pieces any PDF uses
(`PdfPages`, `print_pages`, `save_pdf_as`; the monthly report's page reuses them).

The PDF is made by reports/quotation.py, the same one `crm-desktop quote pdf` writes; its pages are
drawn to images by pdfium (pypdfium2: Qt's own PDF module is not in PySide6-Essentials) for the
preview and, at the printer's resolution, for printing, so what prints is what the PDF shows.
pdfium and reportlab are imported when a PDF is first made or shown, not when the window starts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
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
from crm_desktop.ui.errors import show_error
from crm_desktop.views.common import ViewEnv

PREVIEW_DPI = 96
PRINT_DPI_MAX = 300  # enough for text on paper; a 1200 dpi printer would get 16x the pixels for nothing
LANGUAGE_NAMES = (("ไทย", "th"), ("English", "en"))  # each in its own language, never translated


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi`."""
    import pypdfium2 as pdfium

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


class PdfPages(QScrollArea):
    """Any PDF's pages, one under the other on a grey ground (the quotation's preview, the monthly report)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QWidget()
        self.pages.setObjectName("pdfPages")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.pages)
        self.setWidgetResizable(True)
        self.setStyleSheet("QScrollArea { background: #808080; }")

    def show_pdf(self, pdf: bytes) -> int:
        """Show the pages of `pdf` (none for b""); returns how many. Raises what pdfium raises for a bad PDF."""
        ratio = self.devicePixelRatioF()  # sharp on high-density screens
        images = page_images(pdf, PREVIEW_DPI * ratio) if pdf else []
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
        return len(images)

    def page_count(self) -> int:
        return self.pages_layout.count()


def save_pdf_as(parent: QWidget, env: ViewEnv, pdf: bytes, caption: str, suggested_name: str) -> Path | None:
    """Ask for a file name (suggested in the home folder) and write `pdf` there; None when not saved."""
    suggested = str(Path.home() / suggested_name)
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    from crm_desktop.reports.pages import save_pdf

    try:
        save_pdf(pdf, path, env.db.path, force=True)  # the file dialog asked before replacing
    except Exception as exc:
        show_error(parent, exc, env.lang)
        return None
    return path


def print_pages(pdf: bytes, printer: QPrinter) -> None:
    """Each page drawn at the printer's resolution (at most PRINT_DPI_MAX), fitted to the paper."""
    images = page_images(pdf, min(printer.resolution(), PRINT_DPI_MAX))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("PdfPreviewDialog", "The printer could not be started."))
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
    finally:
        painter.end()


def ask_printer(parent: QWidget, doc_name: str) -> QPrinter | None:
    """The system's print dialog; the printer chosen, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


class PdfPreviewDialog(QDialog):
    def __init__(self, env: ViewEnv, quotation_id: str, parent: QWidget | None = None) -> None:
        from crm_desktop.reports.quotation import printed_number

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
        self.pages = PdfPages()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    def lang(self) -> str:
        return str(self.language.currentData())

    def render(self) -> bool:
        """Make the PDF again and show its pages; False (after an error dialog) when it cannot be made."""
        from crm_desktop.reports.quotation import quotation_pdf

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pdf = quotation_pdf(self.env.ctx, self.quotation_id, self.lang())
            shown = self.pages.show_pdf(self.pdf)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            self.pdf = b""
            show_error(self, exc, self.env.lang)
            return False
        QGuiApplication.restoreOverrideCursor()
        self.print_button.setEnabled(bool(shown))
        self.save_button.setEnabled(bool(shown))
        return True

    def page_count(self) -> int:
        return self.pages.page_count()

    def save_as(self) -> None:
        save_pdf_as(self, self.env, self.pdf, self.tr("Save the quotation as PDF"),
                    f"{self.number.replace(' ', '-')}.pdf")

    def print_pdf(self) -> None:
        printer = ask_printer(self, self.number)
        if printer is None:
            return
        try:
            self.print_to(printer)
        except Exception as exc:
            show_error(self, exc, self.env.lang)

    def print_to(self, printer: QPrinter) -> None:
        print_pages(self.pdf, printer)


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
