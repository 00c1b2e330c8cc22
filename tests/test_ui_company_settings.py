"""Settings › Company through real widgets: details and a logo saved, bad ones refused with nothing saved."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from crm_desktop.services.company import company
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.settings.dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, ctx, prefs) -> SettingsDialog:
    shown = SettingsDialog(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.pages.setCurrentWidget(shown.company_page)
    return shown


def test_company_details_and_logo_are_saved(qtbot, type_text, dialog, ctx, tmp_path, monkeypatch) -> None:
    page = dialog.company_page
    type_text(page.name_th, "บริษัท สยามแอร์ จำกัด")
    type_text(page.name_en, "Siam Air Co., Ltd.")
    page.address_th.setPlainText("99/1 ถนนพระราม 4 กรุงเทพฯ 10500")
    type_text(page.tax_id, "0105536061479")
    type_text(page.branch_code, "00001")
    type_text(page.phone, "021234567")
    picture = tmp_path / "logo.jpg"
    Image.new("RGB", (1200, 400), "navy").save(picture)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(picture), ""))
    qtbot.mouseClick(page.findChild(type(page.remove_logo), "chooseLogoButton"), Qt.MouseButton.LeftButton)
    assert page.remove_logo.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = company(ctx.uow())
    assert (stored.name_th, stored.tax_id, stored.branch_code, stored.phone) == (
        "บริษัท สยามแอร์ จำกัด", "0105536061479", "00001", "+6621234567")
    with Image.open(io.BytesIO(stored.logo)) as logo:
        assert logo.size == (600, 200)


def test_a_bad_tax_id_is_shown_on_the_company_page_and_nothing_is_saved(qtbot, type_text, dialog, ctx) -> None:
    dialog.pages.setCurrentIndex(0)
    page = dialog.company_page
    type_text(page.name_en, "Siam Air")
    type_text(page.tax_id, "0105536061478")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.pages.currentWidget() is page
    assert page.tax_id.property("invalid") is True
    assert "Tax ID" in dialog.banner.text()
    assert company(ctx.uow()).name_en == ""


def test_a_file_that_is_not_a_picture_is_refused_at_once(qtbot, dialog, tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("crm_desktop.views.settings.company_page.show_error",
                        lambda parent, err, lang: shown.append(err.text("en")))
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not a picture")
    dialog.company_page.load_logo(bad)
    assert shown and "not a picture" in shown[0]
    assert not dialog.company_page.remove_logo.isEnabled()
