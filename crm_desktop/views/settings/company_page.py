"""Settings › Company: the details printed on quotations (names, addresses, tax id and branch,
phone, e-mail, logo). The settings dialog checks them with everything else and saves them on Save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError
from crm_desktop.services.company import CompanyInput, company, logo_png
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.errors import show_error
from crm_desktop.views.common import ViewEnv

PICTURE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;* (*)"


class CompanyPage(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("companyPage")
        self.saved = company(env.ctx.uow())
        self.logo = self.saved.logo
        form = QFormLayout()
        self.name_th = self._line("companyNameThEdit", self.saved.name_th)
        self.name_th.setPlaceholderText(self.tr("as on the General page"))
        form.addRow(self.tr("Name in Thai"), self.name_th)
        self.name_en = self._line("companyNameEnEdit", self.saved.name_en)
        form.addRow(self.tr("Name in English"), self.name_en)
        self.address_th = self._text("companyAddressThEdit", self.saved.address_th)
        form.addRow(self.tr("Address in Thai"), self.address_th)
        self.address_en = self._text("companyAddressEnEdit", self.saved.address_en)
        form.addRow(self.tr("Address in English"), self.address_en)
        self.tax_id = self._line("companyTaxIdEdit", self.saved.tax_id)
        form.addRow(self.tr("Tax ID"), self.tax_id)
        self.branch_code = self._line("companyBranchEdit", self.saved.branch_code)
        self.branch_code.setPlaceholderText(self.tr("00000 = head office"))
        form.addRow(self.tr("Branch"), self.branch_code)
        self.phone = self._line("companyPhoneEdit", format_phone(self.saved.phone))
        form.addRow(self.tr("Phone"), self.phone)
        self.email = self._line("companyEmailEdit", self.saved.email)
        form.addRow(self.tr("E-mail"), self.email)
        self.logo_label = QLabel()
        self.logo_label.setObjectName("companyLogoPreview")
        self.logo_label.setFixedSize(240, 96)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setStyleSheet("QLabel { border: 1px solid palette(mid); }")
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseLogoButton")
        choose.clicked.connect(self.choose_logo)
        self.remove_logo = QPushButton(self.tr("Remove"))
        self.remove_logo.setObjectName("removeLogoButton")
        self.remove_logo.clicked.connect(lambda: self._set_logo(b""))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label)
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.remove_logo)
        buttons.addStretch(1)
        logo_row.addLayout(buttons)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo"), logo_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("Printed at the top of quotations. The Thai name falls back to the company name "
                              "of the General page."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self._set_logo(self.logo)

    def _line(self, name: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        return edit

    def _text(self, name: str, value: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return edit

    def fields(self) -> dict[str, QWidget]:
        """Field name (as in ValidationError.field) → widget, for the dialog's error display."""
        return {"name_th": self.name_th, "name_en": self.name_en, "address_th": self.address_th,
                "address_en": self.address_en, "tax_id": self.tax_id, "branch_code": self.branch_code,
                "phone": self.phone, "email": self.email, "logo": self.logo_label}

    def data(self) -> CompanyInput:
        return CompanyInput(
            name_th=self.name_th.text(), name_en=self.name_en.text(), address_th=self.address_th.toPlainText(),
            address_en=self.address_en.toPlainText(), tax_id=self.tax_id.text(),
            branch_code=self.branch_code.text(), phone=self.phone.text(), email=self.email.text(), logo=self.logo,
        )

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), str(Path.home()), PICTURE_FILTER)
        if name:
            self.load_logo(Path(name))

    def load_logo(self, path: Path) -> None:
        """Shrink the picture to the stored PNG now, so a bad file is said at once, not on Save."""
        try:
            self._set_logo(logo_png(path.read_bytes()))
        except (DomainError, OSError) as err:
            show_error(self, err, self.env.lang)

    def _set_logo(self, png: bytes) -> None:
        self.logo = png
        self.remove_logo.setEnabled(bool(png))
        if not png:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.logo_label.setPixmap(pixmap.scaled(self.logo_label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))
