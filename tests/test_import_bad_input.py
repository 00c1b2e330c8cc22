"""Bad input for an import (issue 15, item 7): each gets a clear message in Thai and English and writes
nothing, through the import's own path (read_import_file -> preview -> services.imports) and the CLI.

Whole files that cannot be read are refused before the database is opened: an empty file, a binary
file renamed .csv, an xlsx showing a formula error, a 50 MB vCard with a 40 MB photo (read in flat
memory), a row with 10,000 columns. Rows that cannot be imported (a date 31/02/2569, a tax id whose
check digit is wrong) are named with the reason; with --stop-on-error nothing is written at all.
"""

from __future__ import annotations

import base64
import os
import re
import sqlite3
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from crm_desktop import cli
from crm_desktop.clock import FixedClock
from crm_desktop.db.backup import list_backups
from crm_desktop.errors import DomainError
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.queries.imports import preview_rows
from crm_desktop.services.app import AppContext
from crm_desktop.services.imports import import_rows
from crm_desktop.sync.records import synced_tables
from tests.server_helpers import command_db, fetch
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

MB = 1024 * 1024


def dump(ctx: AppContext) -> list[str]:
    """Everything the database holds: a file's whole SQL dump; a server's user data (its schema is
    PostgreSQL's, which an import never changes)."""
    if ctx.database.server is not None:
        return [repr(user_data(ctx))]
    conn = sqlite3.connect(ctx.database.path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def user_data(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    """Every synced table's rows and the change log: what an import may write (opening a database
    for writing also keeps its daily backup, which is no user data)."""
    out = {name: fetch(ctx, f'SELECT * FROM "{name}" ORDER BY id') for name in synced_tables()}
    out["change"] = fetch(ctx, "SELECT * FROM change ORDER BY 1")
    return out


def state(ctx: AppContext) -> tuple[list[str], int]:
    """Everything the database holds, and how many backups it has."""
    return dump(ctx), len(list_backups(ctx.database.path))


def empty_file(folder: Path) -> Path:
    path = folder / "customers.csv"
    path.write_bytes(b"")
    return path


def binary_renamed_csv(folder: Path) -> Path:
    path = folder / "customers.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(20_000))
    return path


def xlsx_with_a_formula_error(folder: Path) -> Path:
    """A workbook as Excel saves it: the formula and its cached error value (t="e")."""
    plain = folder / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["ชื่อ", "นามสกุล", "ยอดซื้อ"])
    book.active.append(["สมชาย", "ใจดี", 1200])
    book.active.append(["สมหญิง", "รักงาน", "=C2/0"])
    book.save(plain)
    path = folder / "customers.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, found = re.subn(rb'<c r="C3"([^>]*)><f>C2/0</f><v\s*/?>(</v>)?</c>',
                                      rb'<c r="C3"\1 t="e"><f>C2/0</f><v>#DIV/0!</v></c>', data)
                assert found == 1
            out.writestr(item, data)
    return path


def vcard_with_a_40_mb_photo(folder: Path) -> Path:
    """50 MB: a thousand small cards, one with a folded 40 MB photo, and padding cards after it."""
    path = folder / "phone.vcf"
    line = base64.b64encode(os.urandom(54))  # 72 characters
    with path.open("wb") as out:
        for i in range(1000):
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:คนที่ {i}\r\nN:ที่ {i};คน;;;\r\n"
                      f"TEL;TYPE=CELL:08{i:08d}\r\nEND:VCARD\r\n".encode())
        out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:" + line)
        block = b"".join(b"\r\n " + line for _ in range(10_000))
        while out.tell() < 41 * MB:
            out.write(block)
        out.write(b"\r\nEND:VCARD\r\n")
        note = "x" * 900
        while out.tell() < 50 * MB:
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tail\r\nNOTE:{note}\r\nEND:VCARD\r\n".encode())
    return path


def row_with_10000_columns(folder: Path) -> Path:
    path = folder / "customers.csv"
    path.write_text("ชื่อ,นามสกุล,มือถือ\nสมชาย,ใจดี,0812345678\nสมหญิง," + ",".join(["x"] * 10_000) + "\n",
                    encoding="utf-8")
    return path


# name -> (make the file, the kind imported, words of the English message, words of the Thai one)
REFUSED: dict[str, tuple[Callable[[Path], Path], str, str, str]] = {
    "empty": (empty_file, "contacts", "The file is empty", "ไฟล์นี้ว่างเปล่า"),
    "binary renamed .csv": (binary_renamed_csv, "contacts", "not a text table", "ไม่ใช่ตารางข้อความ"),
    "formula error": (xlsx_with_a_formula_error, "contacts", "Cell C3 of sheet Sheet shows the formula error #DIV/0!",
                      "C3"),
    "40 MB photo": (vcard_with_a_40_mb_photo, "contacts", "has a PHOTO larger than 10 MB", "ใหญ่เกิน 10 MB"),
    "10,000 columns": (row_with_10000_columns, "contacts", "Row 3 has 10001 columns; at most 1000",
                       "แถวที่ 3 มี 10001 คอลัมน์"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_file_that_cannot_be_read_is_refused_in_both_languages_and_nothing_is_written(
        ctx: AppContext, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str], case: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    make, kind, english, thai = REFUSED[case]
    path = make(tmp_path)
    db = command_db(ctx, monkeypatch)
    before = state(ctx)
    with pytest.raises(DomainError) as refused:
        loaded = read_import_file(path, kind)
        import_rows(ctx.uow(), kind, loaded.rows, preview_rows(ctx.database, kind, loaded.rows), TODAY)
    assert english in refused.value.text("en")
    assert thai in refused.value.text("th")
    ctx.close()
    for lang, words in (("en", english), ("th", thai)):
        code = cli.run(cli.parse_args(["--db", db, "--lang", lang, "import", kind, str(path)]), clock)
        out, err = capsys.readouterr()
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert state(ctx) == before


def test_a_50_mb_vcard_with_a_40_mb_photo_is_read_in_flat_memory(tmp_path: Path) -> None:
    path = vcard_with_a_40_mb_photo(tmp_path)
    assert path.stat().st_size >= 50 * MB
    tracemalloc.start()
    try:
        with pytest.raises(DomainError):
            read_import_file(path, "contacts")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * MB  # measured: about 1 MB (the photo's lines are counted, never kept)


ROWS: dict[str, tuple[str, str, str, str, str]] = {  # kind, file, the bad value, English, Thai
    "date 31/02/2569": ("contacts", "ชื่อ,นามสกุล,วันเกิด\nสมชาย,ใจดี,15/03/2530\nมาลี,ศรีสุข,31/02/2569\n",
                        "31/02/2569", "is not a real date", "ไม่ใช่วันที่ที่มีอยู่จริง"),
    "only a date 31/02/2569": ("contacts", "ชื่อ,วันเกิด\nมาลี,31/02/2569\n", "31/02/2569",
                               "is not a real date", "ไม่ใช่วันที่ที่มีอยู่จริง"),
    "tax id check digit": ("companies", "ชื่อบริษัท,เลขประจำตัวผู้เสียภาษี\nบริษัท ก จำกัด,0105536061479\n"
                           "บริษัท ข จำกัด,0105536061478\n", "0105536061478", "its last digit does not match",
                           "หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ"),
}


@pytest.mark.parametrize("case", list(ROWS))
def test_a_row_that_cannot_be_imported_is_named_with_the_reason_and_stop_on_error_writes_nothing(
        ctx: AppContext, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str], case: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    kind, text, value, english, thai = ROWS[case]
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    db = command_db(ctx, monkeypatch)
    before = state(ctx)
    rows = read_import_file(path, kind).rows
    result = import_rows(ctx.uow(), kind, rows, preview_rows(ctx.database, kind, rows), TODAY, stop_on_error=True)
    (rejected,) = result.rejected
    assert rejected.source_row == len(rows) + 1
    assert value in rejected.text("en") and english in rejected.text("en")
    assert value in rejected.text("th") and thai in rejected.text("th")
    assert (result.written, result.changes.ids) == (False, ())
    assert dump(ctx) == before[0]
    data = user_data(ctx)
    ctx.close()
    errors = tmp_path / "errors.csv"
    argv = ["--db", db, "--lang", "th", "import", kind, str(path), "--stop-on-error", "--errors", str(errors)]
    assert cli.run(cli.parse_args(argv), clock) == 1
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "Traceback" not in err
    assert thai in errors.read_text(encoding="utf-8-sig")  # the reason, for the user to fix and import again
    assert user_data(ctx) == data
    # Without --stop-on-error the good rows go in and the bad one still writes nothing.
    assert cli.run(cli.parse_args([*argv[:-3], "--force"]), clock) == 1
    capsys.readouterr()
    after = "\n".join(dump(ctx))
    assert value not in after and ("มาลี" not in after if kind == "contacts" else "บริษัท ข" not in after)


def test_the_rows_of_a_large_csv_are_held_compactly(tmp_path: Path) -> None:
    """20,000 contacts: the file's cells stream past (only the rows read from them are held) and a text
    repeating down a column (province, prefix, surname) is kept once. Measured 15 MB (was 35)."""
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8-sig") as out:
        out.write("คำนำหน้า,ชื่อ,นามสกุล,มือถือ,อีเมล,จังหวัด,ที่อยู่\n")
        for i in range(20_000):
            out.write(f"{('นาย', 'นาง', 'นางสาว')[i % 3]},สมชาย{i},ใจดี{i % 8},08{i:08d},user{i}@example.co.th,"
                      f"เชียงใหม่,{i % 999} ถนนสุขุมวิท แขวงคลองเตย\n")
    tracemalloc.start()
    try:
        rows = read_import_file(path, "contacts").rows
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(rows) == 20_000 and rows[-1].values["province"] == "เชียงใหม่"
    assert rows[0].values["province"] is rows[-1].values["province"]
    assert peak < 20 * MB, peak
