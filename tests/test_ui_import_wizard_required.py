"""A new record without a field its form requires (a phone book's card with only a surname or only an
e-mail): refused already in the preview, and named by the field's label and the row in the preview,
the result and the errors CSV, in Thai and English. A row that updates a record needs no such field."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.import_plans.problems import problem_text, rejected_text
from crm_desktop.messages import translate
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.imports import RejectedRow
from tests.sync_helpers import dump
from tests.test_import_samples import SAMPLES
from tests.test_ui_import_wizard import choose_file, live_contacts, open_wizard, run_import, to_preview
from tests.test_ui_import_wizard_ics import window, window_in  # noqa: F401 (the fixtures)
from tests.time_helpers import TODAY

CARDS = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:ใจดี;;;;\r\nTEL;CELL:0812345678\r\nEND:VCARD\r\n"
         "BEGIN:VCARD\r\nVERSION:2.1\r\nEMAIL;PREF:malee@example.com\r\nEND:VCARD\r\n"
         "BEGIN:VCARD\r\nVERSION:2.1\r\nN:รักงาน;มาลี;;;\r\nTEL;CELL:0891112222\r\nEND:VCARD\r\n")
ANDROID = (SAMPLES or Path("/nonexistent")) / "vcard" / "android-v21-qp-utf8-multi.vcf"


def whys(wizard) -> list[tuple[str, str]]:
    model = wizard.preview_page.model
    return [(model.index(r, 1).data(), model.index(r, 3).data()) for r in range(model.rowCount())]


@pytest.mark.parametrize(("lang", "required", "row"), [("en", "First name: This field is required.", "Row"),
                                                       ("th", "ชื่อ: กรุณากรอกข้อมูลช่องนี้", "แถว")])
def test_cards_without_a_first_name_are_errors_naming_the_field(qtbot, ctx, window_in, tmp_path, lang,  # noqa: F811
                                                                 required, row) -> None:
    path = tmp_path / "phone.vcf"
    path.write_text(CARDS, encoding="utf-8")
    wizard = open_wizard(qtbot, window_in(lang))
    choose_file(wizard, "contacts", path)
    to_preview(qtbot, wizard)
    error, new = wizard.preview_page.status_text("error"), wizard.preview_page.status_text("new")
    assert whys(wizard) == [(error, required), (error, required), (new, "")]
    result = run_import(qtbot, wizard)
    assert (result.created, [r.source_row for r in result.rejected]) == (1, [1, 2])
    assert wizard.result_page.rejected_model.stringList() == [f"{row} 1: {required}", f"{row} 2: {required}"]
    errors = tmp_path / "phone-errors.csv"
    assert wizard.result_page.save_errors(errors) == 2
    with errors.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    field, problem = required.split(": ")
    expected = f"Row {{n}}, {field}: {problem}" if lang == "en" else f"แถวที่ {{n}} {field}: {problem}"
    assert [(r["last_name"], r["email"], r[translate("Problem", lang)]) for r in table] == [
        ("ใจดี", "", expected.format(n=1)), ("", "malee@example.com", expected.format(n=2))]
    assert live_contacts(ctx) == [("มาลี", "รักงาน", "+66891112222", "")]


def test_a_row_without_a_first_name_updates_the_record_it_matches(qtbot, window, ctx, tmp_path) -> None:  # noqa: F811
    create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", email="somchai@example.com"), TODAY)
    path = tmp_path / "update.csv"
    path.write_text("อีเมล,มือถือ\nsomchai@example.com,0812345678\nnobody@example.com,0899999999\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    to_preview(qtbot, wizard)
    assert [status for status, _why in whys(wizard)] == ["Update", "Error"]
    assert whys(wizard)[1][1] == "First name: This field is required."
    result = run_import(qtbot, wizard)
    assert (result.updated, result.created, len(result.rejected)) == (1, 0, 1)
    assert live_contacts(ctx) == [("สมชาย", "ใจดี", "+66812345678", "")]


def test_a_duplicate_created_anyway_without_a_first_name_names_the_field(qtbot, window, ctx, tmp_path) -> None:  # noqa: F811
    """The form's own refusal at the write (a likely duplicate, created anyway) names the field as well."""
    create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", mobile="0812345678"), TODAY)
    path = tmp_path / "again.csv"
    path.write_text("นามสกุล,มือถือ\nมั่นคง,0812345678\n", encoding="utf-8")
    before = dump(ctx)
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    to_preview(qtbot, wizard)
    assert whys(wizard)[0][0] == "Duplicate"
    wizard.preview_page.duplicates[2]["create"].setChecked(True)
    result = run_import(qtbot, wizard)
    assert (result.created, result.rejected[0].source_row) == (0, 2)
    assert wizard.result_page.rejected_model.stringList() == ["Row 2: First name: This field is required."]
    assert dump(ctx) == before


@pytest.mark.skipif(not ANDROID.is_file(), reason="the shared samples are not here")
def test_the_android_sample_names_its_five_cards_without_a_first_name(qtbot, window, ctx) -> None:  # noqa: F811
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", ANDROID)
    to_preview(qtbot, wizard)
    assert "6 rows: 1 new, 0 update a record, 0 likely duplicates, 5 with errors." in (
        wizard.preview_page.counts_label.text())
    refused = [why for status, why in whys(wizard) if status == "Error"]
    assert len(refused) == 5 and all(why.startswith("First name: This field is required.") for why in refused)
    assert refused[0].endswith("Row 1, column vCard: Not imported: CATEGORIES.")  # and the card's warning


def test_texts_without_the_app_labels_for_the_command_line() -> None:
    refused = RejectedRow(7, (ValidationError("first_name", "This field is required."),
                              DomainError("The matching record was deleted meanwhile; preview the file again.")))
    assert refused.text("en") == ("First name: This field is required.; The matching record was deleted meanwhile; "
                                  "preview the file again.")
    assert rejected_text(refused, "th", {"first_name": "ชื่อ"}.get, row=True).startswith(  # type: ignore[arg-type]
        "แถวที่ 7 ชื่อ: กรุณากรอกข้อมูลช่องนี้; ")
    assert problem_text(DomainError("The calendar holds no events."), "en") == "The calendar holds no events."


def test_a_new_product_without_its_thai_name_names_the_field(qtbot, window, tmp_path) -> None:  # noqa: F811
    path = tmp_path / "products.csv"
    path.write_text("รหัสสินค้า,ราคา\nAC-1,15900\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "products", path)
    to_preview(qtbot, wizard)
    assert whys(wizard) == [("Error", "Name (Thai): This field is required.")]
