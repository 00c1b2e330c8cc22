"""The quotation preview (views/sales/pdf_preview.py) through real widgets: pages shown, language
switched, Save as… writes the PDF, Print goes through a (mocked) print dialog, errors in a dialog."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.sales import pdf_preview
from crm_desktop.views.sales.pdf_preview import open_quotation_preview
from tests.quotation_samples import stored_customer, stored_quotation


@pytest.fixture
def env(ctx, prefs) -> ViewEnv:
    return ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())


@pytest.fixture
def preview(qtbot, env):
    quotation = stored_quotation(env.ctx, stored_customer(env.ctx), 40)
    dialog = open_quotation_preview(env, None, quotation)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_shows_every_page_and_switches_language(qtbot, preview) -> None:
    assert preview.windowTitle().endswith("QT2569-0001")
    assert preview.page_count() == len(PdfReader(io.BytesIO(preview.pdf)).pages) >= 2
    first = preview.pages.findChild(QLabel, "pdfPage1")
    assert first.pixmap().width() > 700  # an A4 page at 96 dpi is 794 pixels wide
    thai = preview.pdf
    preview.language.setCurrentIndex(preview.language.findData("en"))
    assert preview.pdf != thai
    assert "QUOTATION" in PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text()


def test_save_as_writes_the_pdf(qtbot, preview, tmp_path, monkeypatch) -> None:
    target = tmp_path / "out" / "quotation"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".pdf")
    assert written.read_bytes() == preview.pdf
    assert "QT2569-0001" in PdfReader(written).pages[0].extract_text()


def test_print_draws_every_page_through_the_print_dialog(qtbot, preview, tmp_path, monkeypatch) -> None:
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        dialog.printer().setResolution(100)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(printed).pages) == preview.page_count()


def test_cancelled_print_prints_nothing(qtbot, preview, monkeypatch) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "print_to", lambda self, printer: pytest.fail("printed"))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)


def test_a_missing_quotation_shows_an_error_and_no_preview(qtbot, env, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(pdf_preview, "show_error", lambda parent, exc, lang: shown.append(exc))
    assert open_quotation_preview(env, None, "no-such-id") is None
    assert "deleted or never existed" in shown[0].text("en")
