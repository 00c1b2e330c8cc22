"""File > Import… with a calendar (.ics) through the real wizard: no column page, the file's and the
events' warnings on the preview in the UI language, a calendar chosen for another kind a message; the
mapping page's labels for every field of every kind, in Thai and English."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from crm_desktop.exchange.fields import importable_fields
from crm_desktop.services.app import AppContext
from crm_desktop.services.imports import IMPORT_KINDS
from crm_desktop.ui.fonts import install_app_font
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.imports.source_pages import FILE_FILTER
from crm_desktop.views.imports.state import import_field_labels
from crm_desktop.views.imports.wizard import FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE
from crm_desktop.views.main_window import MainWindow
from tests.sync_helpers import dump
from tests.test_ui_import_wizard import choose_file, open_wizard, run_import, window, write_xlsx  # noqa: F401

# A weekly call kept in London time crosses the start of summer time (29 March 2026): it cannot be one
# series in Bangkok time. A zone nobody knows, and a property the app does not keep.
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:weekly-london@test\r\nDTSTART;TZID=Europe/London:20260301T100000\r\n"
    "DTEND;TZID=Europe/London:20260301T110000\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nSUMMARY:Weekly call with London\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:mars@test\r\nDTSTART;TZID=Mars/Olympus:20261125T140000\r\n"
    "DTEND;TZID=Mars/Olympus:20261125T150000\r\nSUMMARY:ประชุมลูกค้า\r\nX-SOMETHING:foo\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
SHOTS = os.environ.get("CRM_WIZARD_SHOTS")  # a folder: the preview is saved there as PNG to look at


@pytest.fixture
def window_in(qtbot, ctx: AppContext, prefs: Prefs) -> Iterator[Callable[[str], MainWindow]]:
    """A main window in the language asked for (the app's Thai font and translations); English after."""
    app = QApplication.instance()
    install_app_font(app)  # type: ignore[arg-type]
    language = UiLanguage(app)  # type: ignore[arg-type]

    def make(lang: str) -> MainWindow:
        language.apply(lang)
        prefs.language = lang
        main = MainWindow(ctx, prefs)
        qtbot.addWidget(main)
        return main

    yield make
    language.apply("en")


def activities(ctx: AppContext) -> list[str]:
    with sqlite3.connect(ctx.database.path) as conn:
        rows = conn.execute("SELECT subject FROM activity WHERE deleted_at IS NULL ORDER BY starts_at").fetchall()
    return [subject for (subject,) in rows]


def warning_lines(wizard) -> list[str]:
    found = wizard.preview_page.warnings
    return [found.item(i).text() for i in range(found.count())]


def test_a_calendar_skips_the_columns_and_its_warnings_are_shown(qtbot, window, ctx, tmp_path) -> None:  # noqa: F811
    assert "*.ics" in FILE_FILTER.split()
    path = tmp_path / "calendar.ics"
    path.write_text(CALENDAR, encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "activities", path)
    assert wizard.file_page.format_label.text().startswith("Calendar file:")
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE  # no columns to match
    page = wizard.preview_page
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert page.warnings_box.isVisible() and page.warnings_box.title() == "Warnings (4)"
    assert warning_lines(wizard) == [
        "Not imported: X-SOMETHING.",
        "Event 1, RRULE: The repeat rule cannot be kept as one series here (summer time, or a rule the app does "
        "not offer); its 6 dates from 2026-03-01 to 2026-04-05 were imported one by one.",
        "Event 2, DTSTART: Unknown time zone Mars/Olympus; the time was read as office time.",
        "Event 2, DTEND: Unknown time zone Mars/Olympus; the time was read as office time.",
    ]
    whys = {page.model.index(r, 3).data() for r in range(page.model.rowCount())}
    assert any("Unknown time zone Mars/Olympus" in why for why in whys)  # said on its row too
    result = run_import(qtbot, wizard)
    assert result.created == 7 and not result.rejected
    assert activities(ctx).count("Weekly call with London") == 6 and "ประชุมลูกค้า" in activities(ctx)


def test_a_table_without_warnings_shows_no_warning_box(qtbot, window, tmp_path) -> None:  # noqa: F811
    path = write_xlsx(tmp_path / "people.xlsx", ["ชื่อ", "มือถือ"], [["สมชาย", "0812345678"]])
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path, sheet="ลูกค้า")
    while wizard.currentId() != PREVIEW_PAGE:
        wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    assert not wizard.preview_page.warnings_box.isVisible()


@pytest.mark.parametrize("kind", ["contacts", "companies"])
def test_a_calendar_chosen_for_another_kind_is_a_message(qtbot, window, ctx, tmp_path, kind) -> None:  # noqa: F811
    path = tmp_path / "calendar.ics"
    path.write_text(CALENDAR, encoding="utf-8")
    before = dump(ctx)
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, kind, path)
    expected = "A calendar file (.ics) holds activities: import it as activities."
    assert wizard.file_page.format_label.text() == expected
    wizard.next()
    assert wizard.currentId() == FILE_PAGE
    box = wizard.findChild(QMessageBox, "domainErrorBox")
    assert box is not None and box.text() == expected
    box.accept()
    # Choosing activities afterwards is enough: the page looks again when the kind changes.
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("activities"))
    page.kind.activated.emit(page.kind.currentIndex())
    assert page.format_label.text().startswith("Calendar file:")
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE
    assert dump(ctx) == before


@pytest.mark.parametrize("lang", ["th", "en"])
def test_calendar_warnings_render_in_thai_and_english(qtbot, window_in, tmp_path, lang) -> None:
    path = tmp_path / "ปฏิทิน.ics"
    path.write_text(CALENDAR, encoding="utf-8")
    wizard = open_wizard(qtbot, window_in(lang))
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    choose_file(wizard, "activities", path)
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert wizard.grab().save(str(folder / f"import-ics-preview-{lang}.png"))
    lines = warning_lines(wizard)
    if lang == "th":
        assert wizard.preview_page.warnings_box.title() == "คำเตือน (4)"
        assert lines[0] == "ข้อมูลที่ไม่ได้นำเข้า: X-SOMETHING"
        assert lines[2] == "นัดหมายที่ 2 (DTSTART): ไม่รู้จักเขตเวลา Mars/Olympus จึงอ่านเป็นเวลาของสำนักงาน"
    else:
        assert lines[0] == "Not imported: X-SOMETHING."


THAI = re.compile("[\u0e01-\u0e5b]")


@pytest.mark.parametrize("lang", ["en", "th"])
def test_every_field_of_every_kind_has_a_label(qtbot, lang) -> None:
    """A kind or field added to the import without a label in both languages fails here."""
    app = QApplication.instance()
    language = UiLanguage(app)  # type: ignore[arg-type]
    language.apply(lang)
    try:
        labels = import_field_labels()
        for kind in IMPORT_KINDS:
            for name in importable_fields(kind):
                assert name in labels, f"{kind}: {name} has no label"
                text = labels[name]
                assert "_" not in text and text != name, f"{kind}: {name} is shown as {text!r}"
                if lang == "th":
                    assert THAI.search(text) or text == "LINE ID", f"{kind}: {name} has no Thai label ({text!r})"
    finally:
        language.apply("en")


def test_the_mapping_page_shows_labels_not_field_names(qtbot, window, tmp_path) -> None:  # noqa: F811
    path = write_xlsx(tmp_path / "calls.xlsx", ["วันที่", "เวลา", "ถึงเวลา", "ลูกค้า", "ผู้รับผิดชอบ", "ประเภท", "เรื่อง"],
                      [["25/11/2569", "10:00", "11:00", "บริษัท ก", "สมชาย", "โทร", "ติดตามใบเสนอราคา"]])
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "activities", path, sheet="ลูกค้า")
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    page = wizard.mapping_page
    shown = [page.combo(c).currentText() for c in range(page.table.rowCount())]
    assert shown == ["Date", "Start time", "End time", "Customer (name of a company, contact, lead or deal)",
                     "Owner (name or e-mail)", "Type", "Subject"]
    every = {page.combo(0).itemText(i) for i in range(page.combo(0).count())}
    assert not any("_" in text for text in every)


@pytest.mark.parametrize("lang", ["en", "th"])
def test_a_column_left_unmatched_though_its_header_names_a_field_says_why(qtbot, window_in, tmp_path, lang) -> None:
    """Thunderbird's address book: the e-mails are not ASCII (the app cannot store them), and the second
    address column loses to the first."""
    path = tmp_path / "thunderbird.csv"
    path.write_text("First Name,Last Name,Primary Email,Home Address,Work Address,Custom 1\n"
                    "権兵衛,名無し,名無しの権兵衛@host.invalid,1 Main St,2 Side St,x\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window_in(lang))
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    choose_file(wizard, "contacts", path)
    wizard.next()
    page = wizard.mapping_page
    folder = Path(SHOTS) if SHOTS else tmp_path
    assert wizard.grab().save(str(folder / f"import-mapping-notes-{lang}.png"))
    notes = [page.note(c) for c in range(page.table.rowCount())]
    if lang == "en":
        assert notes == [
            "", "",
            "Not matched, though the header names “E-mail”: most values do not fit it, e.g. "
            "名無しの権兵衛@host.invalid is not an email address.",
            "", "Not matched, though the header names “Address”: Column Home Address fits this field better.",
            "",  # the header names nothing: nothing to explain beyond the tooltip
        ]
    else:
        assert notes[2].startswith("ไม่ได้จับคู่") and "อีเมล" in notes[2] and "名無しの権兵衛@host.invalid" in notes[2]
    page.combo(2).setCurrentIndex(page.combo(2).findData("email"))  # the user's choice: the note goes
    assert page.note(2) == ""


@pytest.mark.parametrize("kind", ["leads", "products"])
def test_a_vcard_chosen_for_another_kind_is_a_message(qtbot, window, tmp_path, kind) -> None:  # noqa: F811
    path = tmp_path / "phone.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:ใจดี;สมชาย;;;\r\nEND:VCARD\r\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, kind, path)
    assert wizard.file_page.format_label.text() == "A vCard file holds contacts: import it as contacts."
    wizard.next()
    assert wizard.currentId() == FILE_PAGE
    box = wizard.findChild(QMessageBox, "domainErrorBox")
    assert box is not None and box.text() == wizard.file_page.format_label.text()
    box.accept()
