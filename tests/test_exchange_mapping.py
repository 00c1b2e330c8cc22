"""Import mapping: column guesses (Thai and English headers, values), saved mappings, and cells read
into the neutral row (names split the Thai way, phones, Buddhist Era dates, money, tax ids)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.exchange.activity_rows import activity_row
from crm_desktop.exchange.fields import (
    KINDS,
    Options,
    PersonName,
    ValueKind,
    importable_fields,
    parse_day,
    parse_moment,
    parse_phones,
    parse_satang,
    split_full_name,
)
from crm_desktop.exchange.mapping import Guess, RowReader, guess_columns
from crm_desktop.import_plans.cells import CellError
from crm_desktop.import_plans.mappings import Mapping, find_saved, header_key, header_signature
from crm_desktop.messages import THAI
from crm_desktop.services.formatting import ENGLISH_MONTHS, THAI_MONTHS
from crm_desktop.services.validation import is_valid_tax_id, make_tax_id
from tests.samples import sample_folder

SAMPLES = sample_folder("csv")


def mapped(guesses: list[Guess]) -> dict[str, str]:
    return {g.header: g.field for g in guesses if g.field is not None}


# --- Fields ------------------------------------------------------------------------------------


def test_importable_fields_come_from_the_forms_and_columns() -> None:
    companies = importable_fields("companies")
    assert companies["tax_id"].kind is ValueKind.TAX_ID
    assert companies["branch_code"].kind is ValueKind.BRANCH
    assert companies["postcode"].kind is ValueKind.POSTCODE
    assert companies["province"].kind is ValueKind.PROVINCE
    assert companies["founded_on"].kind is ValueKind.DATE
    assert companies["name"].rule.required and companies["name"].rule.max_len == 200
    assert "parent_id" not in companies and "owner_id" not in companies  # links are resolved, not typed
    contacts = importable_fields("contacts")
    assert contacts["mobile"].kind is ValueKind.PHONE and contacts["email"].kind is ValueKind.EMAIL
    assert contacts["gender"].kind is ValueKind.CHOICE and contacts["marketing_consent"].kind is ValueKind.YES_NO
    assert contacts["full_name"].kind is ValueKind.FULL_NAME and "company" in contacts
    assert importable_fields("leads")["budget_satang"].kind is ValueKind.MONEY
    assert importable_fields("products")["price_satang"].kind is ValueKind.MONEY
    activities = importable_fields("activities")
    assert activities["starts_at"].kind is ValueKind.DATETIME and activities["details"].rule.max_len == 10_000
    assert activities["remind_minutes"].kind is ValueKind.NUMBER
    assert set(KINDS) == {"companies", "contacts", "leads", "products", "activities"}


# --- Header guesses ----------------------------------------------------------------------------


def test_header_key_ignores_case_spaces_and_punctuation() -> None:
    assert header_key(" E-mail 1 - Value ") == header_key("email1value")
    assert header_key("เบอร์ โทร.") == "เบอร์โทร"
    assert header_key("ＭＯＢＩＬＥ") == "mobile"  # full-width Latin from Thai Excel


def test_thai_headers() -> None:
    headers = ["คำนำหน้า", "ชื่อ", "นามสกุล", "ชื่อเล่น", "เบอร์โทร", "เบอร์มือถือ", "อีเมล์", "ไลน์", "ตำแหน่ง",
               "บริษัท", "ที่อยู่", "ตำบล/แขวง", "อำเภอ/เขต", "จังหวัด", "รหัสไปรษณีย์", "วันเกิด", "หมายเหตุ"]
    assert mapped(guess_columns("contacts", headers)) == dict(zip(headers, [
        "prefix", "first_name", "last_name", "nickname", "phone", "mobile", "email", "line_id", "position",
        "company", "address_line", "subdistrict", "district", "province", "postcode", "birthday", "notes"],
        strict=True))
    company = ["ชื่อบริษัท", "เลขประจำตัวผู้เสียภาษี", "สาขา", "โทรศัพท์", "อีเมล", "LINE ID"]
    assert mapped(guess_columns("companies", company)) == {
        "ชื่อบริษัท": "name", "เลขประจำตัวผู้เสียภาษี": "tax_id", "สาขา": "branch_code", "โทรศัพท์": "phone",
        "อีเมล": "email"}
    lead = ["ชื่อ-นามสกุล", "ชื่อบริษัท", "มือถือ", "เลขผู้เสียภาษี", "งบประมาณ"]
    assert mapped(guess_columns("leads", lead)) == {
        "ชื่อ-นามสกุล": "full_name", "ชื่อบริษัท": "company_name", "มือถือ": "mobile",
        "เลขผู้เสียภาษี": "tax_id", "งบประมาณ": "budget_satang"}
    product = ["รหัสสินค้า", "ชื่อสินค้า", "หน่วย", "ราคา", "ต้นทุน"]
    assert list(mapped(guess_columns("products", product)).values()) == [
        "sku", "name_th", "unit", "price_satang", "cost_satang"]


def test_english_headers_and_one_column_per_field() -> None:
    headers = ["Full Name", "E-mail Address", "E-mail 2 Address", "Mobile Phone", "Business Phone", "Home Phone",
               "Company", "Job Title", "Province/State", "Postal Code"]
    guesses = guess_columns("contacts", headers)
    assert mapped(guesses) == {"Full Name": "full_name", "E-mail Address": "email", "Mobile Phone": "mobile",
                               "Business Phone": "phone", "Company": "company", "Job Title": "position",
                               "Province/State": "province", "Postal Code": "postcode"}
    second = guesses[2]
    assert second.field is None and second.explain("en") == "Column E-mail Address fits this field better."
    assert "E-mail Address" in second.explain("th")


def test_a_second_phone_column_goes_to_the_other_phone_field() -> None:
    headers = ["Phone 1 - Value", "Phone 2 - Value", "Phone 3 - Value"]
    assert [g.field for g in guess_columns("contacts", headers)] == ["phone", "mobile", None]
    # Mostly mobiles in the first column: it is the mobile.
    rows = [["081 234 5678", "02 123 4567", ""], ["0912345678", "", ""]]
    assert [g.field for g in guess_columns("contacts", headers, rows)] == ["mobile", "phone", None]
    assert [g.field for g in guess_columns("companies", headers)] == ["phone", None, None]  # one phone only


def test_split_names_win_over_a_full_name_column() -> None:
    guesses = guess_columns("contacts", ["Name", "Given Name", "Family Name"])
    assert [g.field for g in guesses] == [None, "first_name", "last_name"]
    assert guesses[0].explain("en") == "The first and last names come from their own columns."


def test_values_decide_when_the_header_says_nothing() -> None:
    tax = make_tax_id("010553606147")
    rows = [[tax, "somchai@example.co.th", "081-234-5678", "15/03/2569", "hello"],
            [make_tax_id("110170023073"), "a@b.th", "0912345678", "2026-01-02", "world"]]
    guesses = guess_columns("leads", ["col1", "col2", "col3", "col4", "col5"], rows)
    assert [g.field for g in guesses] == ["tax_id", "email", "mobile", None, None]  # no consent date from values
    assert guesses[0].explain("en") == "100 % of the values look like this field."
    assert 0 < guesses[0].confidence < 0.95
    assert guess_columns("contacts", ["x"], [["15/03/2569"], ["1 ม.ค. 2500"]])[0].field == "birthday"
    broken = [[tax[:-1] + str((int(tax[-1]) + 1) % 10)]]
    assert guess_columns("leads", ["x"], broken)[0].field is None


def test_values_that_contradict_the_header_drop_the_guess() -> None:
    guesses = guess_columns("contacts", ["Birth Day", "Email"], [["12", "not an address"], ["3", "x"]])
    assert [g.field for g in guesses] == [None, None]
    assert guesses[0].explain("th") == THAI["The header names a field, but most values do not fit it."]


def read_csv_header(path: Path, encoding: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode(encoding))))
    return rows[0], rows[1:]


SAMPLE_EXPECTED = {
    "google-legacy.csv": ("utf-8", {"Given Name": "first_name", "Family Name": "last_name", "Name Prefix": "prefix",
                                    "Nickname": "nickname", "Birthday": "birthday", "E-mail 1 - Value": "email",
                                    "Phone 1 - Value": "phone", "Address 1 - Street": "address_line",
                                    "Address 1 - Region": "province", "Address 1 - Postal Code": "postcode",
                                    "Organization 1 - Name": "company", "Notes": "notes"}),
    "outlook-email-columns.csv": ("utf-8", {"E-mail Address": "email"}),
    "roundcube-generic-utf8bom.csv": ("utf-8-sig", {"Title": "prefix", "First Name": "first_name",
                                                    "Last Name": "last_name", "Company": "company",
                                                    "Job Title": "position", "Email Home": "email",
                                                    "Home Mobile": "mobile", "Birthday": "birthday"}),
    "thunderbird-shiftjis.csv": ("shift_jis", {"First Name": "first_name", "Last Name": "last_name",
                                               "Mobile Number": "mobile", "Work Phone": "phone",
                                               "Organization": "company", "Job Title": "position"}),
}


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is absent")
@pytest.mark.parametrize("name", sorted(SAMPLE_EXPECTED))
def test_sample_csv_headers(name: str) -> None:
    encoding, expected = SAMPLE_EXPECTED[name]
    headers, rows = read_csv_header(SAMPLES / name, encoding)
    found = mapped(guess_columns("contacts", headers, rows))
    assert {h: found.get(h) for h in expected} == expected
    assert len(set(found.values())) == len(found)  # no field twice
    assert "Additional Name" not in found and "E-mail 1 - Type" not in found and "Middle Name" not in found


# --- Saved mappings ----------------------------------------------------------------------------

HEADERS = ["ชื่อ", "นามสกุล", "มือถือ", "อีเมล", "หมายเหตุ"]


def test_a_saved_mapping_round_trips_and_finds_the_same_sheet() -> None:
    mapping = Mapping.from_guesses("contacts", "ลูกค้าร้าน", HEADERS,
                                   ["first_name", "last_name", "mobile", "email", None])
    again = Mapping.from_json(mapping.to_json())
    assert again == mapping
    other = Mapping.from_guesses("contacts", "other", ["A", "B"], ["first_name", None])
    leads = Mapping.from_guesses("leads", "leads", HEADERS, ["first_name", "last_name", "mobile", "email", None])
    saved = [other, leads, again]
    assert find_saved("contacts", HEADERS, saved) is again
    moved = ["อีเมล ", "ชื่อ", "นามสกุล", "หมายเหตุ", "มือถือ"]  # next month: columns moved, a space typed
    assert find_saved("contacts", moved, saved) is again
    contacts = importable_fields("contacts")
    assert again.fields_for(moved, contacts) == ["email", "first_name", "last_name", None, "mobile"]
    assert find_saved("contacts", [*HEADERS, "ไลน์"], saved) is again  # a column added
    assert find_saved("contacts", ["ชื่อ", "นามสกุล", "อีเมล", "หมายเหตุ"], saved) is None  # a mapped one gone
    assert find_saved("contacts", ["ชื่อ", "นามสกุล", "มือถือ", "อีเมล", "a", "b", "c"], saved) is None


def test_repeated_headers_keep_their_order() -> None:
    headers = ["Phone", "Phone", "", "Name"]
    assert header_signature(headers) == ("phone", "phone#2", "name")
    mapping = Mapping.from_guesses("contacts", "n", headers, ["phone", "mobile", None, "full_name"])
    assert mapping.fields_for(headers, importable_fields(mapping.kind)) == ["phone", "mobile", None, "full_name"]


@pytest.mark.parametrize("text", ["", "[]", "{}", '{"version": 1, "kind": "ships", "name": "x", "signature": [],'
                                  ' "columns": {}}', '{"version": 1, "kind": "leads", "name": "x", "signature": [1],'
                                  ' "columns": {}}', '{"version": 2, "kind": "leads", "name": "x", "signature": [],'
                                  ' "columns": {}}'])
def test_a_broken_saved_mapping_is_a_clear_error(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        Mapping.from_json(text)
    assert caught.value.text("th") == THAI["A saved column mapping cannot be read; choose the columns again."]


# --- Names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("นายสมชาย ใจดี", ("นาย", "สมชาย", "ใจดี")),
    ("นาย สมชาย  ใจดี", ("นาย", "สมชาย", "ใจดี")),
    ("นางสาวสมหญิง รักไทย", ("นางสาว", "สมหญิง", "รักไทย")),
    ("นางสมศรี มีสุข", ("นาง", "สมศรี", "มีสุข")),
    ("น.ส.วิไล แก้วตา", ("น.ส.", "วิไล", "แก้วตา")),
    ("นส. วิไล แก้วตา", ("น.ส.", "วิไล", "แก้วตา")),
    ("คุณสมชาย", ("คุณ", "สมชาย", "")),
    ("คุณากร วงศ์ใหญ่", ("", "คุณากร", "วงศ์ใหญ่")),  # a name that starts like a title
    ("ดร.ประเสริฐ ศรีวงศ์", ("ดร.", "ประเสริฐ", "ศรีวงศ์")),
    ("ดร ประเสริฐ", ("ดร.", "ประเสริฐ", "")),
    ("ผศ.ดร.อรุณ แสงทอง", ("ผศ.ดร.", "อรุณ", "แสงทอง")),
    ("รศ. สุนีย์ ทองดี", ("รศ.", "สุนีย์", "ทองดี")),
    ("ศ.นพ.ธีระ วงศ์", ("ศ. นพ.", "ธีระ", "วงศ์")),
    ("พ.ต.อ.ประยุทธ จันทร์", ("พ.ต.อ.", "ประยุทธ", "จันทร์")),
    ("ศรีสุดา ดวงดี", ("", "ศรีสุดา", "ดวงดี")),  # ศ. needs its dot or a space
    ("สมชาย", ("", "สมชาย", "")),
    ("นาง", ("", "นาง", "")),  # a title alone stays (a one-word name)
    ("Mr. John Smith", ("Mr.", "John", "Smith")),
    ("mrs jane van der berg", ("Mrs.", "jane", "van der berg")),
    ("Dr.Somchai Jaidee", ("Dr.", "Somchai", "Jaidee")),
    ("Drake Bell", ("", "Drake", "Bell")),
    ("Ms Anna", ("Ms.", "Anna", "")),
    ("", ("", "", "")),
])
def test_full_names_split_the_thai_way(text: str, expected: tuple[str, str, str]) -> None:
    assert split_full_name(text) == PersonName(*expected)


# --- Dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-15", date(2026, 3, 15)),
    ("15/03/2569", date(2026, 3, 15)),
    ("15/3/2026", date(2026, 3, 15)),
    ("15.3.2569", date(2026, 3, 15)),
    ("15/3/69", date(2026, 3, 15)),
    ("๑๕/๓/๒๕๖๙", date(2026, 3, 15)),
    ("2569/3/15", date(2026, 3, 15)),
    ("15 มี.ค. 2569", date(2026, 3, 15)),
    ("15 มีนาคม พ.ศ. 2569", date(2026, 3, 15)),
    ("15 มีค 69", date(2026, 3, 15)),
    ("15 March 2026", date(2026, 3, 15)),
    ("March 15, 2026", date(2026, 3, 15)),
    ("15-Mar-26", date(2026, 3, 15)),
    ("29/02/2567", date(2024, 2, 29)),  # BE 2567 = 2024, a leap year
    (date(2026, 3, 15), date(2026, 3, 15)),
    (datetime(2026, 3, 15, 9, 30), date(2026, 3, 15)),
])
def test_dates(text: object, expected: date) -> None:
    assert parse_day(text, "birthday") == expected


def test_short_years_can_be_read_as_ce() -> None:
    assert parse_day("15/3/26", "d", Options(short_years_be=False)) == date(2026, 3, 15)
    assert parse_day("15/3/26", "d") == date(1983, 3, 15)  # BE 2526


@pytest.mark.parametrize("text", ["29/02/2566", "31/02/2569", "31 เม.ย. 2569", "2026-13-01", "hello", "15/3",
                                  "15 Foo 2026"])
def test_impossible_dates_are_errors(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_day(text, "birthday")
    assert caught.value.field == "birthday"
    assert caught.value.template in THAI


def test_moments() -> None:
    assert parse_moment("15/3/2569 14:30", "starts_at") == datetime(2026, 3, 15, 14, 30)
    assert parse_moment("2026-03-15T09:05:10", "starts_at") == datetime(2026, 3, 15, 9, 5, 10)
    assert parse_moment("15 มี.ค. 2569 9.30 น.", "starts_at") == datetime(2026, 3, 15, 9, 30)
    assert parse_moment("15/3/2569", "starts_at") == datetime(2026, 3, 15)
    with pytest.raises(ValidationError):
        parse_moment("15/3/2569 25:00", "starts_at")


def _written(d: date, style: int, be: bool) -> str:
    year = d.year + 543 if be else d.year
    return [
        d.isoformat(),
        f"{d.day}/{d.month}/{year}",
        f"{d.day:02d}-{d.month:02d}-{year}",
        f"{d.day} {THAI_MONTHS[d.month - 1]} {year}",
        f"{d.day} {ENGLISH_MONTHS[d.month - 1][:3]} {year}",
        f"{ENGLISH_MONTHS[d.month - 1]} {d.day}, {year}",
    ][style]


@settings(max_examples=300, deadline=None)
@given(d=st.dates(date(1900, 1, 1), date(2299, 12, 31)), style=st.integers(0, 5), be=st.booleans())
def test_any_supported_form_reads_back_to_the_date(d: date, style: int, be: bool) -> None:
    assert parse_day(_written(d, style, be), "d") == d


@settings(max_examples=100, deadline=None)
@given(d=st.dates(date(1957, 1, 1), date(2056, 12, 31)))
def test_short_be_years_read_back(d: date) -> None:
    assert parse_day(f"{d.day}/{d.month}/{(d.year + 543) % 100:02d}", "d") == d


# --- Phones, money, tax ids --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("081-234-5678", ["+66812345678"]),
    ("081 234 5678", ["+66812345678"]),
    ("+66 81 234 5678", ["+66812345678"]),
    ("(02) 123-4567", ["+6621234567"]),
    ("081-234-5678, 02-123-4567", ["+66812345678", "+6621234567"]),
    ("081-234-5678 / 089-876-5432", ["+66812345678", "+66898765432"]),
    ("02-123-4567/8", ["+6621234567", "+6621234568"]),
    ("๐๘๑๒๓๔๕๖๗๘", ["+66812345678"]),
    (812345678, ["+66812345678"]),  # a spreadsheet dropped the leading 0
])
def test_phones(text: object, expected: list[str]) -> None:
    assert parse_phones(text, "mobile") == expected


@pytest.mark.parametrize("text", ["0212345678", "081-234-567", "call me", "081-234-5678 ext 12"])
def test_bad_phones(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_phones(text, "mobile")
    assert caught.value.field == "mobile"


@pytest.mark.parametrize(("value", "satang"), [
    ("1,234.50", 123450), ("฿1,234.50", 123450), ("1234.5 บาท", 123450), (1234.5, 123450), (99, 9900),
])
def test_money(value: object, satang: int) -> None:
    assert parse_satang(value, "price_satang") == satang


@pytest.mark.parametrize("value", ["1.234,50", "1,5", "12.345", 0.001])
def test_ambiguous_or_fractional_money_is_refused(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_satang(value, "price_satang")
    assert caught.value.field == "price_satang"


@settings(max_examples=200, deadline=None)
@given(first12=st.text("0123456789", min_size=12, max_size=12), position=st.integers(0, 12),
       change=st.integers(1, 9))
def test_tax_ids_with_the_checksum_are_recognised_and_a_changed_digit_is_not(
        first12: str, position: int, change: int) -> None:
    tax = make_tax_id(first12)
    assert guess_columns("leads", ["x"], [[tax]])[0].field == "tax_id"
    wrong = tax[:position] + str((int(tax[position]) + change) % 10) + tax[position + 1:]
    # The checksum's known blind spots (validation.is_valid_tax_id says so): the 3rd digit has weight
    # 11 (≡ 0 mod 11), and check digit 1 stands for two remainders (0 and 10).
    if position != 2 and not (position < 12 and tax[12] == "1"):
        assert not is_valid_tax_id(wrong)
        assert guess_columns("leads", ["x"], [[wrong]])[0].field is None


# --- Rows --------------------------------------------------------------------------------------


def test_rows_read_into_neutral_form_with_errors_naming_the_cell() -> None:
    headers = ["ชื่อ-นามสกุล", "มือถือ", "อีเมล", "จังหวัด", "วันเกิด", "รหัสไปรษณีย์", "เพศ", "ยินยอม", "ว่าง"]
    fields = ["full_name", "mobile", "email", "province", "birthday", "postcode", "gender", "marketing_consent",
              None]
    reader = RowReader("contacts", headers, fields)
    row = reader.read(["นายสมชาย ใจดี", "081-234-5678, 02-123-4567", "Somchai@Example.COM", "กทม.", "1/2/2530",
                       10110, "Male", "ใช่", "anything"], source_row=2)
    assert row.errors == [] and row.warnings == []
    assert row.values == {"prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "mobile": "+66812345678",
                          "phone": "+6621234567", "email": "Somchai@example.com", "province": "กรุงเทพมหานคร",
                          "birthday": date(1987, 2, 1), "postcode": "10110", "gender": "male",
                          "marketing_consent": True}
    bad = reader.read(["สมหญิง", "", "  ", "Atlantis", "31/02/2569", "1011", "robot", "maybe"], source_row=3)
    assert bad.values == {"first_name": "สมหญิง"}  # blank cells are left out: an update keeps them
    assert [e.column for e in bad.errors] == ["จังหวัด", "วันเกิด", "รหัสไปรษณีย์", "เพศ", "ยินยอม"]
    date_error = bad.errors[1]
    assert isinstance(date_error, CellError) and date_error.row == 3
    assert date_error.text("en") == "Row 3, column วันเกิด: 31/02/2569 is not a real date: check the day and month."
    assert date_error.text("th") == "แถวที่ 3 คอลัมน์ วันเกิด: 31/02/2569 ไม่ใช่วันที่ที่มีอยู่จริง โปรดตรวจสอบวันและเดือน"
    assert all(e.text("th") != e.text("en") for e in bad.errors)


def test_own_name_columns_win_and_extra_phones_warn() -> None:
    reader = RowReader("contacts", ["Name", "Last", "Phones", "Tel"], ["full_name", "last_name", "mobile", "phone"])
    row = reader.read(["คุณ สมชาย ใจดี", "ใจงาม", "081-234-5678/9", "02 123 4567"], source_row=5)
    assert row.values == {"prefix": "คุณ", "first_name": "สมชาย", "last_name": "ใจงาม",
                          "mobile": "+66812345678", "phone": "+6621234567"}
    assert [w.text("en") for w in row.warnings] == ["Row 5, column Phones: Only 1 of the 2 phone numbers were kept."]


def test_companies_tax_ids_from_spreadsheets_and_errors() -> None:
    reader = RowReader("companies", ["ชื่อบริษัท", "เลขผู้เสียภาษี", "สาขา"], ["name", "tax_id", "branch_code"])
    row = reader.read(["บริษัท ตัวอย่าง จำกัด", 105536061479, 0], source_row=2)  # Excel lost the leading 0s
    assert row.values == {"name": "บริษัท ตัวอย่าง จำกัด", "tax_id": "0105536061479", "branch_code": "00000"}
    bad = reader.read(["x" * 201, "0105536061478", "1"], source_row=3)
    assert [e.problem.template for e in bad.errors] == [
        "Too long: at most {max_len} characters, this has {length}.",
        "Tax ID {value} is not valid: its last digit does not match. Check for a typing mistake.",
        "A branch code has 5 digits, for example 00000 for the head office."]


def test_products_and_activities() -> None:
    products = RowReader("products", ["SKU", "ราคา", "VAT"], ["sku", "price_satang", "vatable"])
    assert products.read([1001.0, "฿1,234.50", "no"], 2).values == {
        "sku": "1001", "price_satang": 123450, "vatable": False}
    activities = RowReader("activities", ["เรื่อง", "เริ่ม", "ประเภท", "เตือน"],
                           ["subject", "starts_at", "kind", "remind_minutes"])
    # Kinds are words ("Call", "ประชุม"): exchange/activity_rows.py turns them into codes.
    row = activity_row(activities.read(["โทรหาลูกค้า", "15/3/2569 14:30", "Call", "15"], 2), {})
    assert row.values == {"subject": "โทรหาลูกค้า", "starts_at": datetime(2026, 3, 15, 14, 30), "kind": "call",
                          "remind_minutes": 15}
    errors = activity_row(activities.read(["x", "", "party", "soon"], 3), {"kind": "ประเภท"}).errors
    assert errors[-1].text("en") == (
        "Row 3, column ประเภท: party is not one of: task, meeting, call, email, visit, note.")


def test_every_message_here_has_thai() -> None:
    from crm_desktop.exchange import mapping
    reasons = [v for k, v in vars(mapping).items()
               if k.startswith("_") and not k.startswith("__") and isinstance(v, str) and " " in v and v[0].isupper()]
    assert reasons and all(r in THAI for r in reasons)
    for template in ("{text} is not a time of day.", "{text} is not a whole number.",
                     "{text} is neither yes nor no.", "{text} is not one of: {allowed}.",
                     "Row {row}, column {column}: {problem}", "Only {kept} of the {count} phone numbers were kept."):
        assert template in THAI


@pytest.mark.parametrize("empty", [None, "", "  "])
def test_an_empty_column_keeps_the_field_its_header_names(empty: object) -> None:
    """A workbook gives None for an empty cell: a column nobody filled in is still the e-mail column."""
    guesses = guess_columns("contacts", ["Email", "Consent Date"], samples=[(empty, empty)] * 3)
    assert [g.field for g in guesses] == ["email", "consent_on"]


@given(start=st.times(), minutes=st.integers(0, 24 * 60 - 1))
@settings(max_examples=80, deadline=None)
def test_a_sheets_date_and_times_make_a_start_and_an_end_past_midnight(start: time, minutes: int) -> None:
    """วันที่ + เวลา + เวลาสิ้นสุด: the end is the next day when it is earlier than the start."""
    start = start.replace(second=0, microsecond=0)
    day = date(2028, 2, 29)
    begin = datetime.combine(day, start)
    end = begin + timedelta(minutes=minutes)
    reader = RowReader("activities", ["หัวข้อ", "วันที่", "เวลา", "เวลาสิ้นสุด"],
                       ["subject", "date", "start_time", "end_time"])
    row = activity_row(reader.read(["ประชุม", "29/2/2571", f"{start:%H.%M} น.", f"{end:%H:%M}"], 2), {})
    assert not row.errors
    assert (row.values["starts_at"], row.values["ends_at"]) == (begin, end)


# Cells that repeat down a column (some of them broken, guarded, foreign, typed as numbers or workbook dates).
_REPEATED_CELLS = st.sampled_from(["นาย", "น.ส.", "เชียงใหม่", "Chiang Mai", "จ.เชียงใหม่", "ไม่มีจังหวัดนี้", "15/3/2569",
                                   "31/02/2569", "2026-03-15", "081-234-5678", "(650) 555-1212", "'+66812345678",
                                   "'=1+1", "a@b.co.th", "not mail", "  ", "", 1, 1.0, True, 812345678,
                                   date(2026, 3, 15), datetime(2026, 3, 15, 9, 30), datetime(2026, 3, 15)])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_REPEATED_CELLS, min_size=6, max_size=6), min_size=1, max_size=40))
def test_remembered_cells_read_as_a_fresh_reader_reads_them(rows: list[list[object]]) -> None:
    """The reader's per-column memo of parsed cells changes nothing: each row reads as a new
    reader (nothing remembered) reads it -- values, errors and warnings."""
    headers = ["คำนำหน้า", "จังหวัด", "วันเกิด", "มือถือ", "อีเมล", "ที่อยู่"]
    fields = ["prefix", "province", "birthday", "mobile", "email", "address_line"]
    reader = RowReader("contacts", headers, fields)
    for number, cells in enumerate(rows * 2, start=2):
        remembered = reader.read(cells, number)
        fresh = RowReader("contacts", headers, fields).read(cells, number)
        assert remembered.values == fresh.values
        assert [e.text() for e in remembered.errors] == [e.text() for e in fresh.errors]
        assert [w.text() for w in remembered.warnings] == [w.text() for w in fresh.warnings]
        assert all(type(remembered.values[k]) is type(fresh.values[k]) for k in fresh.values)
