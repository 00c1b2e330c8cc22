"""`crm-desktop export orders`: one row per order line, CSV with a BOM that Excel reads as Thai,
an .xlsx that opens with real numbers and dates, and errors as one line on stderr."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crm_desktop.main import main
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput
from crm_desktop.services.sales.orders import confirm_order, create_order, delete_orders
from tests.server_helpers import engines, module_database
from tests.time_helpers import TEST_NOW, TODAY, make_clock

pytestmark = pytest.mark.server

TAX_ID = "0105556123453"


@pytest.fixture(scope="module", params=engines())
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two orders this month (a company with its tax id, a B2C customer), one last month, one deleted; on
    each engine."""
    with module_database(request, tmp_path_factory.mktemp("export"), make_clock()) as (ctx, db):
        siam = create_account(ctx.uow(), AccountInput(name="บริษัท สยามพาณิชย์ จำกัด", tax_id=TAX_ID,
                                                      branch_code="00000"), TODAY).created[0]
        malee = create_contact(ctx.uow(), ContactInput(first_name="มาลี", last_name="ศรีสุข"), TODAY).created[0]
        aircon = OrderLineInput("เครื่องปรับอากาศ ๑๒๐๐๐ BTU", quantity_milli=2_500, unit_price_satang=1_890_050,
                                unit="เครื่อง", discount_bp=500, promised_on=TODAY)
        gift = OrderLineInput("ชุดของขวัญปีใหม่", quantity_milli=1_000, unit_price_satang=59_000, unit="ชุด",
                              discount_satang=4_000, vatable=False)
        first = create_order(ctx.uow(), OrderInput(account_id=siam, lines=[aircon, gift], channel="LINE",
                                                   bill_discount_satang=10_000), TODAY).created[0]
        confirm_order(ctx.uow(), first, TODAY, TEST_NOW)
        create_order(ctx.uow(), OrderInput(contact_id=malee, lines=[gift]), TODAY)
        create_order(ctx.uow(), OrderInput(contact_id=malee, lines=[gift], issued_on=TODAY - timedelta(days=30)),
                     TODAY)
        gone = create_order(ctx.uow(), OrderInput(contact_id=malee, lines=[gift]), TODAY).created[0]
        delete_orders(ctx.uow(), [gone])
        ctx.close()  # (a file's lock: the commands open it)
        yield db


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str, lang: str = "en") -> tuple[int, str, str]:
    code = main(["--lang", lang, "--db", db, *argv], make_clock())
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("crm-desktop: ") and "Traceback" not in err


def test_csv_has_a_bom_and_one_row_per_line(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "orders.csv"
    code, printed, err = run(capsys, office, "export", "orders", "--format", "csv", "--out", str(out),
                             "--month", "2026-11")
    assert (code, err) == (0, "") and "3 order lines" in printed
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # what makes Excel read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["Order number"], r["Line"], r["Customer"]) for r in rows] == [
        ("SO2569-0001", "1", "บริษัท สยามพาณิชย์ จำกัด"), ("SO2569-0001", "2", "บริษัท สยามพาณิชย์ จำกัด"),
        ("SO2569-0002", "1", "มาลี ศรีสุข")]
    first = rows[0]
    assert (first["Tax ID"], first["Status"], first["Channel"], first["Order date"]) == (
        TAX_ID, "Confirmed", "LINE", "2026-11-23")
    assert (first["Description"], first["Quantity"], first["Unit"], first["Unit price"]) == (
        "เครื่องปรับอากาศ ๑๒๐๐๐ BTU", "2.5", "เครื่อง", "18900.50")
    assert (first["Discount %"], first["Line net"], first["Promised on"]) == ("5.00", "44888.69", "2026-11-23")
    assert (rows[1]["Discount (baht)"], rows[1]["VAT-able"], rows[1]["Line net"]) == ("40.00", "No", "550.00")
    # 44,888.69 + 550.00 − 100.00 bill discount, of which 98.79 (100 × 44,888.69 / 45,438.69) comes off the
    # VAT-able line: VAT = 7 % of 44,789.90 = 3,135.293 → 3,135.29
    assert (first["Order before VAT"], first["Order VAT"], first["Order grand total"]) == (
        "45338.69", "3135.29", "48473.98")


def test_thai_headers_and_all_months(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "orders.csv"
    code, printed, _ = run(capsys, office, "export", "orders", "--format", "csv", "--out", str(out), lang="th")
    assert code == 0 and "บันทึกรายการสั่งขาย 4 รายการ" in printed
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["เลขที่ใบสั่งขาย", "เลขที่ชั่วคราว", "วันที่สั่งขาย"]
    assert rows[1][0] == "SO2569-0003" and "ยืนยันคำสั่งซื้อแล้ว" in rows[2]  # last month's order comes first


def test_buddhist_year_month(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "orders.csv"
    assert run(capsys, office, "export", "orders", "--format", "csv", "--out", str(out), "--month", "2569-10")[0] == 0
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 2


def test_xlsx_opens_with_numbers_and_dates(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "orders.xlsx"
    code, _, err = run(capsys, office, "export", "orders", "--format", "xlsx", "--out", str(out), "--month",
                       "2026-11")
    assert (code, err) == (0, "")
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    first = dict(zip(header, rows[1], strict=True))
    assert len(rows) == 4 and first["Customer"] == "บริษัท สยามพาณิชย์ จำกัด"
    assert first["Order date"].date() == TODAY and first["Quantity"] == 2.5
    assert Decimal(str(first["Order grand total"])) == Decimal("48473.98")
    assert sheet.cell(2, header.index("Unit price") + 1).number_format == "#,##0.00"


@pytest.mark.parametrize(("argv", "status", "words"), [
    (("--month", "2026-13"), 1, "YYYY-MM"),
    (("--month", "พ.ย."), 1, "YYYY-MM"),
    (("--format", "pdf"), 2, "invalid choice"),
    ((), 2, "--format"),
])
def test_bad_arguments_are_one_line(office: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    argv: tuple[str, ...], status: int, words: str) -> None:
    out = tmp_path / "orders.csv"
    args = ["export", "orders", "--out", str(out), *argv]
    if "--format" not in argv and argv:
        args += ["--format", "csv"]
    code, _, err = run(capsys, office, *args)
    assert code == status and one_line(err) and words in err
    assert not out.exists()


def test_an_existing_file_or_the_database_is_never_overwritten(office: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "orders.csv"
    out.write_text("keep")
    code, _, err = run(capsys, office, "export", "orders", "--format", "csv", "--out", str(out))
    assert code == 1 and one_line(err) and "--force" in err and out.read_text() == "keep"
    if office.endswith(".sqlite3"):  # (a server has no file to write over)
        code, _, err = run(capsys, office, "export", "orders", "--format", "xlsx", "--out", office, "--force")
        assert code == 1 and one_line(err) and "database itself" in err
    assert run(capsys, office, "export", "orders", "--format", "csv", "--out", str(out), "--force")[0] == 0
