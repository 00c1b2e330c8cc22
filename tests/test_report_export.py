"""A Reports tab table to xlsx and CSV (exchange/report_tables.py): every cell as the table holds it,
money in baht with two decimals, percents as percents, Thai through the byte order mark."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from crm_desktop.errors import StorageError
from crm_desktop.exchange.report_tables import export_table
from crm_desktop.queries.reports.table import Chart, Column, ReportTable

TABLE = ReportTable(
    key="sales_by_customer",
    columns=(Column("customer", "text"), Column("stage", "key"), Column("sales", "money"),
             Column("orders", "count"), Column("share", "percent"), Column("last", "date"), Column("month", "month"),
             Column("quantity", "quantity")),  # the kind comes with the sales analyses
    rows=(("บริษัท สยามค้าไม้ จำกัด", "won", 123456789, 12, 62.5, date(2026, 11, 3), "2026-11", 12500),
          ('A "quoted" <name> & co', "none", -50, 1, None, None, "2026-10", 1000)),
    total=("Total", None, 123456739, 13, 100.0, None, None, 13500),
    chart=Chart("hbar", "customer", ("sales",)),
)
HEADERS = ["ลูกค้า", "Stage", "ยอดขาย", "Orders", "Share", "Last", "Month", "Qty"]
KEYS = {"won": "ชนะ", "none": "–"}


def write(tmp_path, fmt, **kwargs):
    return export_table(TABLE, tmp_path / f"t.{fmt}", tmp_path / "crm.db", fmt, title="ยอดขาย: ลูกค้า*",
                        headers=HEADERS, key_text=KEYS.__getitem__, **kwargs)


def test_xlsx_cells_equal_the_table(tmp_path) -> None:
    sheet = load_workbook(write(tmp_path, "xlsx")).active
    assert sheet.title == "ยอดขาย  ลูกค้า"
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0] == HEADERS
    assert values[1][:5] == ["บริษัท สยามค้าไม้ จำกัด", "ชนะ", 1234567.89, 12, 0.625]  # read back as floats
    assert values[1][5].date() == date(2026, 11, 3) and values[1][6:] == ["2026-11", 12.5]
    assert values[2] == ['A "quoted" <name> & co', "–", -0.5, 1, None, None, "2026-10", 1]
    assert values[3][:5] == ["Total", None, 1234567.39, 13, 1]
    assert sheet["C2"].number_format == "#,##0.00" and sheet["E2"].number_format == "0.0%"
    assert sheet["A4"].font.bold and sheet["A1"].font.bold and not sheet["A2"].font.bold


def test_csv_starts_with_the_bom_and_round_trips_thai(tmp_path) -> None:
    path = write(tmp_path, "csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == HEADERS
    assert rows[1] == ["บริษัท สยามค้าไม้ จำกัด", "ชนะ", "1234567.89", "12", "62.5", "2026-11-03", "2026-11", "12.5"]
    assert rows[2] == ['A "quoted" <name> & co', "–", "-0.50", "1", "", "", "2026-10", "1"]
    assert rows[3] == ["Total", "", "1234567.39", "13", "100.0", "", "", "13.5"]


def test_an_existing_file_or_the_database_is_never_overwritten(tmp_path) -> None:
    write(tmp_path, "csv")
    with pytest.raises(StorageError):
        write(tmp_path, "csv")
    write(tmp_path, "csv", force=True)
    (tmp_path / "crm.db").write_bytes(b"data")
    with pytest.raises(StorageError):
        export_table(TABLE, tmp_path / "crm.db", tmp_path / "crm.db", "csv", title="x", headers=HEADERS,
                     key_text=KEYS.__getitem__, force=True)
    assert (tmp_path / "crm.db").read_bytes() == b"data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.db", "t.csv"]
