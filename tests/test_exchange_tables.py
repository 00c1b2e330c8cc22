"""Reading CSV/TSV and xlsx files for import (exchange/tables.py): files as Thai Excel, Google and
Thunderbird write them, and the bad ones refused with a clear message."""

from __future__ import annotations

import csv
import io
import os
import tracemalloc
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.exchange.tables import (
    MAX_COLUMNS,
    CellTooLarge,
    EmptyFile,
    FormulaErrorCell,
    NotText,
    NotXlsx,
    OldExcel,
    SheetNotFound,
    SheetTooLarge,
    Table,
    TooManyColumns,
    read_table,
    sniff,
)
from tests.samples import sample_folder

SAMPLES = sample_folder("csv")

THAI_ROWS = [
    ["ชื่อ", "นามสกุล", "เบอร์โทร", "จังหวัด"],
    ["สมชาย", "ใจดี", "0812345678", "กรุงเทพมหานคร"],
    ["สมหญิง", "รักไทย", "021234567", "เชียงใหม่"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",", newline: str = "\r\n") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def contents(table: Table) -> list[list[object]]:
    return [table.header, *[list(row.cells) for row in table.rows]]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874"), ("utf-16", "utf-16"),
     ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")],
)
def test_thai_csv_in_each_encoding(tmp_path: Path, encoding: str, expected: str) -> None:
    path = write_csv(tmp_path / "c.csv", THAI_ROWS, encoding)
    assert sniff(path).encoding == expected
    assert contents(read_table(path)) == THAI_ROWS


def test_unicode_text_as_thai_excel_saves_it(tmp_path: Path) -> None:
    """Excel's "Unicode Text": UTF-16 LE with a BOM, tab-separated, CRLF."""
    path = tmp_path / "ลูกค้า.txt"
    path.write_bytes(b"\xff\xfe" + "".join("\t".join(r) + "\r\n" for r in THAI_ROWS).encode("utf-16-le"))
    fmt = sniff(path)
    assert (fmt.encoding, fmt.delimiter, fmt.header_row) == ("utf-16", "\t", 1)
    assert contents(read_table(path)) == THAI_ROWS


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(tmp_path: Path, delimiter: str) -> None:
    rows = [["Name", "Note", "Amount"], ["A, B; C | D", "x", "1,5"], ["E", "y", "2,5"]]
    path = write_csv(tmp_path / "d.csv", rows, "utf-8", delimiter)
    assert sniff(path).delimiter == delimiter
    assert contents(read_table(path)) == rows


def test_quoted_newlines_and_mixed_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes('ชื่อ,ที่อยู่\r\nสมชาย,"99 ถนนสุขุมวิท\nแขวงคลองเตย"\nสมหญิง,"1 ""บ้าน"",\r\nซอย 2"\rมานี,3\r\n'.encode())
    table = read_table(path)
    assert table.header == ["ชื่อ", "ที่อยู่"]
    rows = list(table.rows)
    assert [r.cells for r in rows] == [
        ("สมชาย", "99 ถนนสุขุมวิท\nแขวงคลองเตย"), ("สมหญิง", '1 "บ้าน",\r\nซอย 2'), ("มานี", "3")]
    assert [r.number for r in rows] == [2, 3, 4]  # Excel's rows: a quoted newline stays in its row


def test_title_rows_above_the_header(tmp_path: Path) -> None:
    rows = [["รายชื่อลูกค้า ปี 2569", "", "", ""], ["", "", "", ""], ["พิมพ์เมื่อ", "5/12/2569 โดย สมชาย"], *THAI_ROWS]
    path = write_csv(tmp_path / "t.csv", rows, "cp874")
    assert sniff(path).header_row == 4
    table = read_table(path)
    assert table.header == THAI_ROWS[0]
    assert [(r.number, list(r.cells)) for r in table.rows] == [(5, THAI_ROWS[1]), (6, THAI_ROWS[2])]


def test_short_rows_padded_blank_rows_skipped_extra_cells_warned(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "s.csv", [["a", "b", "c"], ["1"], [], ["", "", ""], ["1", "2", "3", "4"]], "utf-8")
    rows = list(read_table(path).rows)
    assert [(r.number, r.cells) for r in rows] == [(2, ("1", None, None)), (5, ("1", "2", "3"))]
    assert rows[1].warnings[0].text("th").startswith("แถวที่ 5")


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
@pytest.mark.parametrize(
    ("name", "columns", "first_header", "first_cells"),
    [
        ("google-legacy.csv", 81, "Name", ("Prefix Firstname Middle Lastname Suffix", "Firstname")),
        ("outlook-email-columns.csv", 3, "E-mail Address", ("test1@domain.tld", "test2@domain.tld")),
        ("roundcube-generic-utf8bom.csv", 61, "Display Name", ("Display Name", "Prefix")),
        ("thunderbird-shiftjis.csv", 37, "First Name", ("権兵衛", "名無し")),
    ],
)
def test_shared_samples(name: str, columns: int, first_header: str, first_cells: tuple[str, str]) -> None:
    table = read_table(SAMPLES / name)
    rows = list(table.rows)
    assert (len(table.header), table.header[0]) == (columns, first_header)
    assert rows[0].cells[:2] == first_cells
    assert all(len(r.cells) == columns for r in rows)


# Whole words: a legacy code page is told from others by the shape of its text, and a tone mark
# alone at the start of a cell is no Thai anyone writes.
cell_text = st.lists(
    st.sampled_from(["สมชาย", "ใจดี", "กรุงเทพฯ", "บริษัท", "จำกัด", "น้ำ", "Somchai", "0812345678", " ", ",",
                     ";", "|", "\t", '"', "'", "\n", "\r\n", "."]),
    max_size=5,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp874", "utf-16", "utf-16-le"]),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
)
def test_round_trip_of_what_csv_writer_wrote(
    tmp_path: Path, body: list[list[str]], encoding: str, delimiter: str
) -> None:
    rows = [["ชื่อ", "เบอร์โทร", "Note"], *body]
    path = write_csv(tmp_path / "r.csv", rows, encoding, delimiter)
    fmt = sniff(path)
    assert (fmt.delimiter, fmt.header_row) == (delimiter, 1)
    expected = [tuple(c or None for c in r) for r in body if any(r)]
    assert [r.cells for r in read_table(path, fmt=fmt).rows] == expected


# --- xlsx --------------------------------------------------------------------------------------------


def thai_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ลูกค้า"
    ws.append(["รายชื่อลูกค้า"])
    ws.append(["ชื่อ", "เบอร์โทร", "เลขประจำตัวผู้เสียภาษี", "วันเกิด", "นัดหมาย", "ยอดซื้อ", "จำนวน"])
    ws.append(["สมชาย", "0812345678", "0105546012345", date(1985, 3, 1), datetime(2026, 12, 5, 9, 30), 1234.5, 3])
    ws.append(["สมหญิง", 812345678, 105546012345, None, None, 0.1 + 0.2, 2.0])
    ws["B4"].number_format = "0000000000"  # a phone typed as a number, shown with its 0
    wb.create_sheet("หมายเหตุ")["A1"] = "ว่าง"
    wb.save(path)
    return path


def test_xlsx_with_thai_headers_text_numbers_and_dates(tmp_path: Path) -> None:
    path = thai_workbook(tmp_path / "ลูกค้า.xlsx")
    fmt = sniff(path)
    assert (fmt.kind, fmt.sheets, fmt.sheet, fmt.header_row) == ("xlsx", ("ลูกค้า", "หมายเหตุ"), "ลูกค้า", 2)
    table = read_table(path)
    assert table.header == ["ชื่อ", "เบอร์โทร", "เลขประจำตัวผู้เสียภาษี", "วันเกิด", "นัดหมาย", "ยอดซื้อ", "จำนวน"]
    rows = list(table.rows)
    assert [r.number for r in rows] == [3, 4]
    assert rows[0].cells == (
        "สมชาย", "0812345678", "0105546012345", date(1985, 3, 1), datetime(2026, 12, 5, 9, 30), Decimal("1234.5"), 3)
    assert rows[1].cells == ("สมหญิง", 812345678, 105546012345, None, None, Decimal("0.3"), 2)


def test_xlsx_other_sheet_and_missing_sheet(tmp_path: Path) -> None:
    path = thai_workbook(tmp_path / "w.xlsx")
    assert read_table(path, sheet="หมายเหตุ").header == ["ว่าง"]
    with pytest.raises(SheetNotFound) as error:
        read_table(path, sheet="Sheet9")
    assert "ลูกค้า, หมายเหตุ" in error.value.text("th")


def test_xlsx_saved_as_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    path = thai_workbook(tmp_path / "w.xlsx").rename(tmp_path / "w.csv")
    assert read_table(path).header[0] == "ชื่อ"


def test_xlsx_formula_error_names_the_cell_before_any_row(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["ชื่อ", "ยอด"])
    wb.active.append(["ก", 1])
    wb.active.append(["ข", "#DIV/0!"])  # openpyxl stores an error string as an error cell (t="e")
    wb.save(tmp_path / "e.xlsx")
    with pytest.raises(FormulaErrorCell) as error:
        read_table(tmp_path / "e.xlsx")
    assert "B3" in error.value.text("th") and "#DIV/0!" in str(error.value)


# --- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\r\n\r\n", b",,,\r\n,,,\r\n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "e.csv").write_bytes(content)
    with pytest.raises(EmptyFile):
        read_table(tmp_path / "e.csv")


def test_empty_xlsx(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "e.xlsx")
    with pytest.raises(EmptyFile):
        read_table(tmp_path / "e.xlsx")


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, b"\x7fELF\x02\x01\x01" + os.urandom(5000)],
)
def test_binary_renamed_csv(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "b.csv").write_bytes(content)
    with pytest.raises(NotText) as error:
        read_table(tmp_path / "b.csv")
    assert error.value.text("th").startswith("ไฟล์นี้ไม่ใช่ตาราง")


def test_nul_bytes_after_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_bytes(b"a,b\r\n" + b"1,2\r\n" * 20_000 + b"3,\x00\r\n")
    with pytest.raises(NotText):
        list(read_table(path).rows)


@pytest.mark.parametrize("content", [b"name,phone\r\n", b"PK\x03\x04broken zip", b""])
def test_not_xlsx(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "x.xlsx").write_bytes(content)
    with pytest.raises(EmptyFile if not content else NotXlsx):
        read_table(tmp_path / "x.xlsx")


def test_old_xls(tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(OldExcel):
        sniff(tmp_path / "old.csv")


def test_ten_thousand_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("a,b\n1,2\n" + ",".join(["x"] * 10_000) + "\n", encoding="utf-8")
    rows = read_table(path).rows
    assert next(rows).cells == ("1", "2")
    with pytest.raises(TooManyColumns) as error:
        next(rows)
    assert error.value.params == {"row": 3, "count": 10_000, "limit": MAX_COLUMNS}


def test_ten_thousand_columns_in_xlsx(tmp_path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    sheet = wb.create_sheet("wide")
    sheet.append(["a", "b"])
    sheet.append(["x"] * 10_000)
    wb.save(tmp_path / "wide.xlsx")
    with pytest.raises(TooManyColumns):
        read_table(tmp_path / "wide.xlsx")


def test_cell_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("a,b\n1," + "ก" * 40_000 + "\n", encoding="utf-8")
    with pytest.raises(CellTooLarge):
        list(read_table(path).rows)


def test_latin1_text_is_not_taken_for_thai(tmp_path: Path) -> None:
    """cp874 is tried first, but a tone mark on a Latin letter is no Thai. (Which Latin code page the
    detector then picks is its business: on three lines è/č of cp1252/cp1250 cannot be told apart.)"""
    rows = [["Name", "City"], ["René Müller", "Zürich"], ["Zoë Bauer", "Köln"]]
    path = write_csv(tmp_path / "l.csv", rows, "cp1252")
    assert sniff(path).encoding != "cp874"
    assert contents(read_table(path)) == rows


def test_rows_stream_without_holding_the_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big.csv", [THAI_ROWS[0]] + [THAI_ROWS[1]] * 60_000, "cp874")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        table = read_table(path)
        assert sum(1 for _ in table.rows) == 60_000
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000 < size, f"peak {peak} bytes for a {size}-byte file"  # the sample, not the file


def test_sheet_larger_than_memory_allows_is_refused_before_loading(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["ชื่อ", "เบอร์โทร"])
    wb.active["J300001"] = "x"  # declares A1:J300001 (3,000,010 cells) without writing them
    wb.save(tmp_path / "huge.xlsx")
    with pytest.raises(SheetTooLarge) as error:
        sniff(tmp_path / "huge.xlsx")
    assert "300,001" in error.value.text("th")
