"""File > Import… through the real wizard: a Thai workbook and a cp874 CSV, saved mappings chosen
again, the preview's counts, duplicates updated / skipped / created, errors that stop everything,
Cancel, and Edit > Undo of the whole import."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from crm_desktop.services import imports
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui import tasks
from crm_desktop.ui.fonts import install_app_font
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.imports import wizard as wizard_module
from crm_desktop.views.imports.wizard import MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE, RUN_PAGE, ImportWizard
from crm_desktop.views.main_window import MainWindow
from tests.sync_helpers import dump
from tests.time_helpers import TODAY
from tests.ui_helpers import opened_window

THAI_HEADER = ["ชื่อ-นามสกุล", "มือถือ", "อีเมล", "จังหวัด", "หน้าที่"]  # "หน้าที่" (duty): no guess
THAI_ROWS = [
    ["นายสมชาย ใจดี", "0812345678", "somchai@example.com", "กรุงเทพ", "จัดซื้อ"],
    ["นางสาวมาลี รักงาน", "0891112222", "", "เชียงใหม่", "บัญชี"],
]
CP874_CSV = ("ชื่อ,นามสกุล,มือถือ,วันเกิด\n"
             "อนันต์,กล้าหาญ,0861234567,15/03/2530\n"
             "สมศรี,มีสุข,0812345678,1/1/2535\n")  # Somsri has the mobile of an existing contact


@pytest.fixture
def window(qtbot, ctx: AppContext, prefs: Prefs) -> MainWindow:
    return opened_window(qtbot, ctx, prefs)


def write_xlsx(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "ปก"
    cover.append(["รายชื่อลูกค้า ประจำเดือน"])
    sheet = book.create_sheet("ลูกค้า")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def open_wizard(qtbot, window: MainWindow) -> ImportWizard:
    window.act_import.trigger()
    wizard = window.import_wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    return wizard


def choose_file(wizard: ImportWizard, kind: str, path: Path, sheet: str | None = None) -> None:
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData(kind))
    page.path_edit.setText(str(path))
    if sheet is not None:
        page.sheet.setCurrentText(sheet)
        page.sheet.activated.emit(page.sheet.currentIndex())


def to_preview(qtbot, wizard: ImportWizard) -> None:
    while wizard.currentId() != PREVIEW_PAGE:
        wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)


def run_import(qtbot, wizard: ImportWizard) -> imports.ImportResult:
    wizard.next()  # the preview's Import button
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=10_000)
    assert wizard.state.result is not None
    return wizard.state.result


def live_contacts(ctx: AppContext) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute("SELECT first_name, last_name, mobile, position FROM contact WHERE deleted_at IS NULL "
                            "ORDER BY first_name").fetchall()


def combo_fields(wizard: ImportWizard) -> list[str | None]:
    return wizard.mapping_page.chosen_fields()


def hold_import(monkeypatch: pytest.MonkeyPatch, at_row: int) -> tuple[threading.Event, threading.Event]:
    """The wizard's import waits at row `at_row` (`reached` is set) until the test sets `go_on`."""
    monkeypatch.setattr(imports, "PROGRESS_EVERY", 1)
    reached, go_on = threading.Event(), threading.Event()
    real = wizard_module.import_with_backup

    def held(*args: object, **options: object) -> imports.ImportResult:
        progress = options.pop("progress")

        def hold(done: int, total: int) -> bool:
            if done == at_row:
                reached.set()
                go_on.wait(10)  # the test looks (or presses Cancel) meanwhile
            return progress(done, total)  # type: ignore[operator]

        return real(*args, progress=hold, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(wizard_module, "import_with_backup", held)
    return reached, go_on


def test_thai_workbook_sheet_mapping_saved_and_chosen_again_import_then_undo(qtbot, window, ctx, tmp_path) -> None:
    before = live_contacts(ctx)
    path = write_xlsx(tmp_path / "customers.xlsx", THAI_HEADER, THAI_ROWS)
    wizard = open_wizard(qtbot, window)
    assert [wizard.file_page.kind.itemData(i) for i in range(wizard.file_page.kind.count())] == list(
        imports.IMPORT_KINDS)
    choose_file(wizard, "contacts", path, sheet="ลูกค้า")
    assert wizard.file_page.sheet.isVisible()
    assert "ลูกค้า" in wizard.file_page.format_label.text()
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    page = wizard.mapping_page
    assert page.table.item(0, 1).text().startswith("นายสมชาย ใจดี · นางสาวมาลี")
    assert combo_fields(wizard) == ["full_name", "mobile", "email", "province", None]
    page.combo(4).setCurrentIndex(page.combo(4).findData("position"))
    dialog = page.ask_name()
    dialog.setTextValue("ลูกค้ารายเดือน")
    dialog.accept()
    assert page.saved_combo.currentText() == "ลูกค้ารายเดือน"

    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert preview.model.rowCount() == 2
    assert "2 rows: 2 new" in preview.counts_label.text()
    assert preview.model.index(0, 2).data() == "นาย สมชาย ใจดี"
    result = run_import(qtbot, wizard)
    assert (result.created, result.written) == (2, True)
    assert "2 new" in wizard.result_page.counts_label.text()
    assert not wizard.result_page.save_button.isVisible()
    assert live_contacts(ctx) == sorted([*before, ("มาลี", "รักงาน", "+66891112222", "บัญชี"),
                                         ("สมชาย", "ใจดี", "+66812345678", "จัดซื้อ")])
    assert window.counts_label.text().endswith("Contacts: 2")  # the window heard the Changes
    wizard.accept()

    # Edit > Undo takes the whole import back, in one step.
    assert window.act_undo.isEnabled()
    assert window.act_undo.text() == "Undo import of customers.xlsx (2 records)"
    assert window.undo_button.isVisible()
    window.act_undo.trigger()  # in the background: a large import takes seconds to undo
    qtbot.waitUntil(lambda: live_contacts(ctx) == before and not window.tasks, timeout=10_000)
    assert window.last_action_label.text() == "Undone: Imported customers.xlsx (2 records)"
    assert window.counts_label.text().endswith("Contacts: 0")
    assert window.act_undo.text() == "&Undo delete" and not window.act_undo.isEnabled()

    # Next month: the same sheet with its columns moved; the saved mapping is chosen by itself.
    moved = [THAI_HEADER[4], *THAI_HEADER[:4]]
    again = write_xlsx(tmp_path / "customers-december.xlsx", moved, [[r[4], *r[:4]] for r in THAI_ROWS])
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", again, sheet="ลูกค้า")
    wizard.next()
    assert wizard.mapping_page.saved_combo.currentText() == "ลูกค้ารายเดือน"
    assert combo_fields(wizard) == ["position", "full_name", "mobile", "email", "province"]


@pytest.mark.parametrize(("choice", "expected"), [
    ("update", {"created": 1, "updated": 1, "skipped": 0, "contacts": 2}),
    ("skip", {"created": 1, "updated": 0, "skipped": 1, "contacts": 2}),
    ("create", {"created": 2, "updated": 0, "skipped": 0, "contacts": 3}),
])
def test_cp874_csv_and_what_a_duplicate_does(qtbot, window, ctx, tmp_path, choice, expected) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="Somsri", mobile="081-234-5678"), TODAY)
    path = tmp_path / "สมาชิก.csv"
    path.write_bytes(CP874_CSV.encode("cp874"))
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    assert "cp874" in wizard.file_page.format_label.text() and "commas" in wizard.file_page.format_label.text()
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert "1 new, 0 update a record, 1 likely duplicates, 0 with errors" in preview.counts_label.text()
    assert preview.model.index(1, 1).data() == "Duplicate"
    assert preview.model.index(1, 3).data() == "Duplicate of Somsri (same phone)"
    preview.duplicates[2][choice].setChecked(True)
    result = run_import(qtbot, wizard)
    assert {"created": result.created, "updated": result.updated, "skipped": result.skipped,
            "contacts": len(live_contacts(ctx))} == expected
    if choice == "update":  # the existing Somsri took the file's names; her mobile is the one she had
        assert live_contacts(ctx) == [("สมศรี", "มีสุข", "+66812345678", ""), ("อนันต์", "กล้าหาญ", "+66861234567", "")]


def test_errors_stop_everything_or_are_left_out_and_saved_as_csv(qtbot, window, ctx, tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(CP874_CSV + "ดำ,ดี,0812,31/02/2569\n", encoding="utf-8")
    before = dump(ctx)
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    to_preview(qtbot, wizard)
    assert "3 rows: 2 new" in wizard.preview_page.counts_label.text()
    assert wizard.preview_page.model.index(2, 1).data() == "Error"
    assert "Row 4" in wizard.preview_page.model.index(2, 3).data()
    wizard.preview_page.errors[2]["stop"].setChecked(True)
    result = run_import(qtbot, wizard)
    assert not result.written
    assert wizard.result_page.counts_label.text().startswith("Nothing was imported: 1 rows have errors.")
    assert dump(ctx) == before
    wizard.accept()

    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    to_preview(qtbot, wizard)
    result = run_import(qtbot, wizard)
    assert (result.created, len(result.rejected)) == (2, 1)
    page = wizard.result_page
    assert page.rejected_model.stringList()[0].startswith("Row 4: ")
    assert page.save_button.isVisible()
    errors = tmp_path / "bad-errors.csv"
    assert page.save_errors(errors) == 1
    lines = errors.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("ชื่อ,นามสกุล,มือถือ,วันเกิด,") and lines[1].startswith("ดำ,ดี,0812,31/02/2569,")


def test_cancel_leaves_the_database_exactly_as_it_was(qtbot, window, ctx, tmp_path, monkeypatch) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="คน0", mobile="0800000000"), TODAY)
    path = tmp_path / "many.csv"
    path.write_text("ชื่อ,มือถือ,ตำแหน่ง\n" + "".join(f"คน{i},08{i:08d},พนักงาน\n" for i in range(20)),
                    encoding="utf-8")
    monkeypatch.setattr(imports, "FLUSH_EVERY", 1)  # the update of row 2 (คน0) is written before Cancel
    reached, go_on = hold_import(monkeypatch, at_row=10)
    before = dump(ctx)
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    to_preview(qtbot, wizard)
    assert "20 rows: 19 new, 1 update a record" in wizard.preview_page.counts_label.text()
    wizard.next()
    assert wizard.currentId() == RUN_PAGE
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    qtbot.mouseClick(wizard.run_page.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: not wizard.run_page.running, timeout=10_000)
    assert wizard.run_page.label.text() == "The import was cancelled; nothing was written."
    assert wizard.state.result is None and wizard.currentId() == RUN_PAGE
    assert dump(ctx) == before
    assert not window.act_undo.isEnabled()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02PK\xff" * 50])
def test_an_unreadable_file_is_a_message_not_a_crash(qtbot, window, ctx, tmp_path, content) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    assert wizard.file_page.format_label.text()  # the problem, in the UI language
    wizard.next()
    assert wizard.currentId() != MAPPING_PAGE
    box = wizard.findChild(QMessageBox, "domainErrorBox")
    assert box is not None and box.text() == wizard.file_page.format_label.text()
    box.accept()


def test_vcards_skip_the_mapping_page(qtbot, window, ctx, tmp_path) -> None:
    path = tmp_path / "phone.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:ใจดี;สมชาย;;;\r\nFN:สมชาย ใจดี\r\nTEL;TYPE=CELL:0812345678\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    assert run_import(qtbot, wizard).created == 1


SHOTS = os.environ.get("CRM_WIZARD_SHOTS")  # a folder: the pages are saved there as PNG to look at


@pytest.mark.parametrize("lang", ["th", "en"])
def test_pages_render_in_thai_and_english(qtbot, ctx, prefs, tmp_path, monkeypatch, lang) -> None:
    app = QApplication.instance()
    install_app_font(app)  # type: ignore[arg-type]
    language = UiLanguage(app)  # type: ignore[arg-type]
    language.apply(lang)
    prefs.language = lang
    try:
        window = MainWindow(ctx, prefs)
        qtbot.addWidget(window)
        create_contact(ctx.uow(), ContactInput(first_name="สมศรี", mobile="0812345678"), TODAY)
        path = tmp_path / "ลูกค้า.csv"
        path.write_bytes((CP874_CSV + "ดำ,ดี,0812,31/02/2569\n").encode("cp874"))
        wizard = open_wizard(qtbot, window)
        wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        choose_file(wizard, "contacts", path)
        folder = Path(SHOTS) if SHOTS else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        shots = [("1-file", None), ("2-mapping", MAPPING_PAGE), ("3-preview", PREVIEW_PAGE)]
        for name, page_id in shots:
            if page_id is not None:
                wizard.next()
                if page_id == PREVIEW_PAGE:
                    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
            assert wizard.grab().save(str(folder / f"import-{name}-{lang}.png"))
        monkeypatch.setattr(tasks, "PROGRESS_INTERVAL", 0)  # row 1 on the bar at once, not 50 ms later
        reached, go_on = hold_import(monkeypatch, at_row=2)
        wizard.next()
        qtbot.waitUntil(reached.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: wizard.run_page.bar.value() >= 1, timeout=10_000)
        assert wizard.grab().save(str(folder / f"import-4-run-{lang}.png"))
        go_on.set()
        qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=10_000)
        assert wizard.grab().save(str(folder / f"import-5-result-{lang}.png"))
        if lang == "th":
            assert "ใหม่" in wizard.preview_page.counts_label.text()
            assert wizard.preview_page.model.index(1, 1).data() == "ซ้ำ"
    finally:
        language.apply("en")


def test_companies_made_with_the_contacts_appear_in_the_accounts_list(qtbot, window, ctx, tmp_path) -> None:
    """A contact's company column creates the company; the Accounts tab shows it without a refresh."""
    path = tmp_path / "people.csv"
    path.write_text("ชื่อ,นามสกุล,มือถือ,บริษัท\nอนันต์,กล้าหาญ,0861234567,บริษัท ทองไทย จำกัด\n", encoding="utf-8-sig")
    assert window.accounts_tab.model.rowCount() == 0
    wizard = open_wizard(qtbot, window)
    choose_file(wizard, "contacts", path)
    to_preview(qtbot, wizard)
    result = run_import(qtbot, wizard)
    assert (result.created, result.companies_created) == (1, 1)
    qtbot.waitUntil(lambda: window.accounts_tab.model.rowCount() == 1, timeout=5_000)
