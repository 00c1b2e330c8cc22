"""Which column of an imported file goes to which field, and the rows read into neutral form.

A guess comes from the header (Thai and English names, as Google, Outlook, Thunderbird and Thai
offices write them) and, when the header says nothing, from the values. The user corrects the guess
in the wizard and may save it by name; a saved mapping is keyed by the header's column names, so the
same sheet next month (even with its columns moved) maps itself.

A row is read into a `NeutralRow`: field → value for the non-blank cells only (an update then changes
only what the file has), the problems of each cell in the user's language, and the source row number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.exchange.fields import (
    DEFAULT_OPTIONS,
    FieldSpec,
    Options,
    PersonName,
    ValueKind,
    cell_parser,
    importable_fields,
    parse_birthday,
    parse_day,
)
from crm_desktop.exchange.sheet import unguard_text
from crm_desktop.import_plans.cells import CellError, NeutralRow
from crm_desktop.import_plans.mappings import header_key
from crm_desktop.messages import translate
from crm_desktop.services import validation
from crm_desktop.text import ascii_digits

# --- Headers -----------------------------------------------------------------------------------


def _generic(key: str) -> str:
    """Without digits: "Phone 2 - Value" and "Phone 1 - Value" are the same kind of column."""
    return re.sub(r"[0-9]+", "", key)


# Header words → fields in order of preference; the first field the kind has is taken, the next ones
# when it is already taken (a second phone column goes to the other phone). "" means "ignore": a
# column other programs write that would otherwise match a word inside it.
_SYNONYMS: dict[str, tuple[str, ...]] = {}


def _say(fields: str, *headers: str) -> None:
    for header in headers:
        _SYNONYMS[_generic(header_key(header))] = tuple(fields.split()) if fields else ()


_say("full_name name name_th subject", "ชื่อ-นามสกุล", "ชื่อนามสกุล", "ชื่อ นามสกุล", "ชื่อลูกค้า", "ชื่อผู้ติดต่อ",
     "Name", "Full Name", "Display Name", "Contact Name", "ชื่อ-สกุล", "ชื่อสกุล")
_say("first_name name name_th subject", "ชื่อ", "ชื่อจริง", "First Name", "Given Name", "Firstname")
_say("last_name", "นามสกุล", "สกุล", "Last Name", "Family Name", "Surname", "Lastname")
_say("prefix", "คำนำหน้า", "คำนำหน้าชื่อ", "Title", "Name Prefix", "Prefix", "Salutation")
_say("nickname", "ชื่อเล่น", "Nickname", "Nick Name")
_say("company company_name name", "บริษัท", "ชื่อบริษัท", "Company", "Organization", "Organization - Name",
     "Company Name", "Organisation", "องค์กร", "หน่วยงาน")
_say("name company_name", "ชื่อนิติบุคคล", "Account Name", "Account")
_say("position", "ตำแหน่ง", "Job Title", "Organization - Title", "Position", "Occupation")
_say("mobile phone", "มือถือ", "เบอร์มือถือ", "โทรศัพท์มือถือ", "Mobile", "Mobile Phone", "Mobile Number", "Cell",
     "Cell Phone", "Home Mobile", "Primary Mobile")
_say("phone mobile", "เบอร์โทร", "เบอร์โทรศัพท์", "โทรศัพท์", "เบอร์", "โทร", "Phone", "Phone - Value",
     "Telephone", "Tel", "Business Phone", "Work Phone", "Home Phone", "Primary Phone", "Company Main Phone",
     "Other Phone", "Phone Number")
_say("email", "อีเมล", "อีเมล์", "อี-เมล", "อีเมลล์", "Email", "E-mail", "E-mail - Value", "E-mail Address",
     "Email Address", "Primary Email", "Email Home", "Email Work", "Work Email", "Home Email", "Mail")
_say("line_id", "ไลน์", "ไอดีไลน์", "LINE ID", "Line", "ไลน์ไอดี", "Line ID")
_say("tax_id", "เลขประจำตัวผู้เสียภาษี", "ผู้เสียภาษี", "เลขประจำตัวผู้เสียภาษีอากร", "เลขผู้เสียภาษี", "เลขประจำตัวประชาชน",
     "เลขบัตรประชาชน", "Tax ID", "Tax Number", "VAT Number", "Taxpayer ID")
# A contact's own column for its company's tax id (a plain "Tax ID" on a person may be their own id card).
_say("company_tax_id", "เลขประจำตัวผู้เสียภาษีบริษัท", "เลขผู้เสียภาษีบริษัท", "Company Tax ID", "Organization Tax ID")
_say("branch_code", "สาขา", "รหัสสาขา", "Branch", "Branch Code")
_say("address_line", "ที่อยู่", "Address", "Street", "Address - Street", "Business Street", "Home Street",
     "Home Address", "Work Address", "Address Line")
_say("subdistrict", "ตำบล", "แขวง", "ตำบล/แขวง", "แขวง/ตำบล", "Subdistrict", "Tambon")
_say("district", "อำเภอ", "เขต", "อำเภอ/เขต", "เขต/อำเภอ", "District", "Amphoe", "City", "Address - City",
     "Work City", "Home City")
_say("province", "จังหวัด", "Province", "State", "Province/State", "Region", "Address - Region",
     "Home State", "Work State", "Business State")
_say("postcode", "รหัสไปรษณีย์", "ไปรษณีย์", "Postal Code", "Postcode", "ZIP", "ZIP Code", "ZipCode",
     "Address - Postal Code", "Home Zip", "Work Zip", "Home ZipCode", "Work ZipCode", "Business Postal Code")
_say("birthday", "วันเกิด", "วันเดือนปีเกิด", "Birthday", "Birth Date", "Date of Birth", "DOB")
_say("founded_on", "วันก่อตั้ง", "วันที่จดทะเบียน", "Founded", "Founded On")
_say("gender", "เพศ", "Gender", "Sex")
_say("website", "เว็บไซต์", "Website", "Web Page", "Website - Value", "Web Site", "Website Work")
_say("industry", "อุตสาหกรรม", "ประเภทธุรกิจ", "Industry")
_say("notes details description", "หมายเหตุ", "บันทึก", "Notes", "Note", "Comments", "Remarks")
_say("description notes details", "รายละเอียด", "Description", "Details")
_say("tags", "แท็ก", "กลุ่ม", "Tags", "Categories", "Group Membership", "Labels")
_say("interest interests", "ความสนใจ", "สนใจ", "Interest", "Interests")
_say("budget_satang", "งบประมาณ", "Budget")
_say("income_band", "ช่วงรายได้", "รายได้", "Income Band", "Income")
_say("marketing_consent", "ยินยอมรับข่าวสาร", "ความยินยอม", "Marketing Consent", "Consent")
_say("consent_on", "วันที่ให้ความยินยอม", "วันที่ยินยอม", "Consent Date", "Consent On")
_say("segment", "กลุ่มลูกค้า", "Segment", "Customer Segment")
_say("timeframe", "กรอบเวลา", "Timeframe", "Time Frame")
_say("vatable", "มีภาษีมูลค่าเพิ่ม", "VAT-able", "Vatable")
_say("vatable", "ภาษี", "ภาษีมูลค่าเพิ่ม", "VAT", "VAT 7%")
_say("active", "ใช้งานอยู่", "Active")
_say("owner", "ผู้ดูแล", "เจ้าของ", "ผู้รับผิดชอบ", "พนักงานขาย", "เซลส์", "Owner", "Account Owner", "Contact Owner",
     "Lead Owner", "Sales Rep", "Salesperson", "Assigned To")
_say("source", "แหล่งที่มา", "ที่มา", "Source", "Lead Source")
_say("sku", "รหัสสินค้า", "SKU", "Product Code", "Item Code")
_say("name_th name", "ชื่อสินค้า", "Product Name", "Item", "สินค้า")
_say("name_en", "ชื่อภาษาอังกฤษ", "ชื่อสินค้าภาษาอังกฤษ", "English Name", "Name (English)")
_say("category", "หมวดหมู่", "ประเภทสินค้า", "Category")
_say("unit", "หน่วย", "หน่วยนับ", "Unit", "UOM")
_say("price_satang budget_satang", "ราคา", "ราคาขาย", "Price", "Unit Price", "Sale Price")
_say("cost_satang", "ต้นทุน", "ราคาทุน", "Cost")
_say("subject", "เรื่อง", "หัวข้อ", "Subject", "Summary")
_say("location", "สถานที่", "Location")
_say("starts_at", "เริ่ม", "วันเวลาเริ่ม", "Start", "Start Date", "Starts")
_say("ends_at", "สิ้นสุด", "Ends", "End", "End Date")
_say("due_on", "กำหนดส่ง", "วันครบกำหนด", "Due", "Due Date")
# ical helper: the columns of an activities sheet (exchange/activity_rows.py reads them).
_say("kind", "ประเภท", "ประเภทกิจกรรม", "ชนิด", "Type", "Activity Type", "Kind")
_say("related_to", "ลูกค้า", "เกี่ยวข้องกับ", "เกี่ยวกับ", "Related to", "Regarding", "Customer")
_say("owner", "ผู้รับผิดชอบ", "ผู้ดูแล", "เจ้าของ", "Owner", "Assigned To", "Responsible")
_say("date due_on", "วันที่", "Date")
_say("start_time", "เวลา", "เวลาเริ่ม", "Time", "Start Time")
_say("end_time", "เวลาสิ้นสุด", "เวลาเลิก", "ถึงเวลา", "End Time")
_say("status", "สถานะ", "Status")
_say("priority", "ความสำคัญ", "ลำดับความสำคัญ", "Priority")
_say("remind_minutes", "เตือนก่อน", "แจ้งเตือนก่อน", "Reminder", "Remind Minutes")
_say("all_day", "ทั้งวัน", "All Day", "All-day Event", "All day")
_say("", "Reminder on/off", "Reminder Date", "Reminder Time", "Meeting Organizer", "Required Attendees",
     "Optional Attendees", "Meeting Resources", "Show time as", "Sensitivity", "Billing Information", "Mileage")
_say("", "Additional Name", "Middle Name", "Yomi Name", "Given Name Yomi", "Family Name Yomi",
     "Additional Name Yomi", "Maiden Name", "Name Suffix", "Suffix", "Initials", "Short Name",
     "E-mail - Type", "Phone - Type", "Address - Type", "Organization - Type", "Website - Type",
     "Relation - Type", "Organization - Yomi Name", "Address - Formatted", "Address - PO Box",
     "Address - Country", "Address - Extended Address", "Country", "Home Country", "Work Country",
     "Fax", "Home Fax", "Business Fax", "Fax Number", "Pager", "Pager Number", "Department",
     "Organization - Department", "Organization - Symbol", "Organization - Location",
     "Organization - Job Description", "Screen Name", "Birth Year", "Birth Month",
     "Manager's Name", "Assistant's Name", "Spouse", "Anniversary")

# Longest first: "Home Mobile" finds "mobile" before "home"; "ignored" words win over shorter ones.
_CONTAINED = sorted(_SYNONYMS, key=len, reverse=True)
_MIN_CONTAINED = 3  # shorter words would match inside too many headers

HEADER_EXACT = 0.95
HEADER_CONTAINS = 0.7
VALUES_ONLY = 0.6  # times the share of values that fit
VALUES_NEEDED = 0.8  # share of the sampled values that must fit for a guess from values alone


@dataclass(frozen=True, slots=True)
class Guess:
    """One column's proposed field (None: not imported) and why, for the wizard to show."""

    column: int
    header: str
    field: str | None
    confidence: float  # 0..1
    reason: str  # an English template translated by `explain`
    params: tuple[tuple[str, Any], ...] = ()
    # Left unmatched although the header names a field: that field, and the first sampled value that
    # does not fit it (None when another column took the field); the wizard says so on the column.
    named: str | None = None
    misfit: object = None

    def explain(self, lang: str) -> str:
        return translate(self.reason, lang).format(**dict(self.params))


_BY_HEADER = "The header names this field."
_BY_HEADER_WORD = "The header contains a word for this field."
_BY_VALUES = "{share} % of the values look like this field."
_IGNORED = "Other programs use this column for something we do not import."
_MISFIT = "The header names a field, but most values do not fit it."
_UNKNOWN = "Neither the header nor the values say what this column holds."
_TAKEN = "Column {other} fits this field better."
_SPLIT_NAMES = "The first and last names come from their own columns."


def _candidates_by_header(key: str) -> tuple[tuple[str, ...] | None, float]:
    generic = _generic(key)
    if generic in _SYNONYMS:
        return _SYNONYMS[generic], HEADER_EXACT
    for word in _CONTAINED:
        if len(word) >= _MIN_CONTAINED and word in generic:
            return _SYNONYMS[word], HEADER_CONTAINS
    return None, 0.0


def _is_email(value: object) -> bool:
    try:
        return bool(validation.email(str(value)))
    except DomainError:
        return False


def _parses(parse: Callable[[object, str], object], field: str) -> Callable[[object], bool]:
    """Whether a value reads with `parse` (a date, or a birthday with or without its year)."""
    def check(value: object) -> bool:
        try:
            parse(value, field)
        except DomainError:
            return False
        return True

    return check


_is_date = _parses(parse_day, "date")
_is_birthday = _parses(parse_birthday, "birthday")
_DATES = (ValueKind.BIRTHDAY, ValueKind.DATE, ValueKind.DATETIME)


_MOBILE = re.compile(r"(?:\+?66|0)[689][0-9]{8}")
_LANDLINE = re.compile(r"(?:\+?66|0)[2-7][0-9]{7}")


def _filled(values: Sequence[object]) -> list[object]:
    """The first 50 values that say something: an empty cell (None from a workbook, "" from CSV) does not."""
    return [v for v in values if v is not None and str(v).strip()][:50]


def _value_guess(kind_fields: dict[str, FieldSpec], values: Sequence[object]) -> tuple[str | None, float]:
    """The field most of the values fit, with the share that fits: tax ids (checksum), e-mails,
    mobiles (0[689] + 8 digits), landlines, dates."""
    sample = _filled(values)
    if not sample:
        return None, 0.0
    digits = [re.sub(r"[\s().\-]", "", str(v)) for v in sample]
    tests: list[tuple[str, float]] = [
        ("tax_id", sum(validation.is_valid_tax_id(str(v)) for v in sample) / len(sample)),
        ("email", sum(_is_email(v) for v in sample) / len(sample)),
        ("mobile", sum(_MOBILE.fullmatch(d) is not None for d in digits) / len(sample)),
        ("phone", sum(_LANDLINE.fullmatch(d) is not None or _MOBILE.fullmatch(d) is not None
                      for d in digits) / len(sample)),
    ]
    # A consent date is never read into a column by its values alone: consent is stated, not guessed.
    dates = [name for name, spec in kind_fields.items() if spec.kind in _DATES and name != "consent_on"]
    if dates:
        tests.append((dates[0], sum(_is_date(v) for v in sample) / len(sample)))
    for name, share in tests:
        if share >= VALUES_NEEDED and name in kind_fields:
            return name, share
    return None, 0.0


_DATE_SHAPE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


def _date_shaped(value: object) -> bool:
    """A date (or a birthday without its year), or text written as one even if no such day exists:
    31/02/2569 in a birthday column is that row's error to report, not a sign that the column holds
    something else."""
    return _is_birthday(value) or _DATE_SHAPE.fullmatch(str(value).strip()) is not None


_CHECKED = {ValueKind.EMAIL: _is_email, ValueKind.DATE: _date_shaped, ValueKind.DATETIME: _date_shaped,
            ValueKind.BIRTHDAY: _date_shaped}
MISFIT_BELOW = 0.5  # a header guess is dropped when fewer of the sampled values fit it



def _misfit(spec: FieldSpec, values: Sequence[object]) -> bool:
    """Values that contradict the header: Thunderbird's "Birth Day" (a day number) is "birthday"."""
    check = _CHECKED.get(spec.kind)
    sample = _filled(values)
    return check is not None and bool(sample) and sum(map(check, sample)) < MISFIT_BELOW * len(sample)


def guess_columns(kind: str, headers: Sequence[str], samples: Sequence[Sequence[object]] = ()) -> list[Guess]:
    """A guess per column from its header and the first rows' values (`samples`, rows of cells).

    Each field goes to one column, the most confident (the leftmost on a tie); the others are left
    unmapped and say which column took the field. Phones move to the other phone field when theirs
    is taken. A full-name column is dropped when first and last names have columns of their own.
    """
    kind_fields = importable_fields(kind)
    proposals: list[tuple[float, int, tuple[str, ...], str]] = []
    misfits: dict[int, tuple[str, object]] = {}  # column → (the field its header names, a value that does not fit)
    for column, header in enumerate(headers):
        values = [row[column] for row in samples if column < len(row)]
        candidates, confidence = _candidates_by_header(header_key(header))
        reason = _BY_HEADER if confidence == HEADER_EXACT else _BY_HEADER_WORD
        if candidates is not None and candidates == ():
            proposals.append((confidence, column, (), _IGNORED))
            continue
        fields = tuple(f for f in candidates or () if f in kind_fields)
        if not fields:
            by_values, share = _value_guess(kind_fields, values)
            if by_values:
                fields, confidence, reason = (by_values,), VALUES_ONLY * share, _BY_VALUES
            else:
                fields, confidence, reason = (), 0.0, _UNKNOWN
        elif _misfit(kind_fields[fields[0]], values):
            check = _CHECKED[kind_fields[fields[0]].kind]
            misfits[column] = (fields[0], next(v for v in _filled(values) if not check(v)))
            fields, confidence, reason = (), 0.0, _MISFIT
        elif fields[0] == "phone" and "mobile" in fields and _value_guess(kind_fields, values)[0] == "mobile":
            fields = ("mobile", "phone")  # Google's "Phone 1" is usually a mobile
        proposals.append((confidence, column, fields, reason))

    # First choices first, then the alternatives of what is left: an explicit "Mobile" column keeps
    # mobile even when a second "Phone" column, more to the left, could fall back to it.
    ordered = sorted(proposals, key=lambda p: (-p[0], p[1]))
    taken: dict[str, int] = {}
    guesses: dict[int, Guess] = {}
    for choice in (0, 1):
        for confidence, column, fields, reason in ordered:
            if column in guesses or (choice == 0 and fields and fields[0] in taken):
                continue
            free = next((f for f in fields if f not in taken), None)
            if fields and free is None:
                guesses[column] = Guess(column, headers[column], None, 0.0, _TAKEN,
                                        (("other", headers[taken[fields[0]]]),), fields[0])
                continue
            if free is not None:
                taken[free] = column
            params = (("share", round(confidence / VALUES_ONLY * 100)),) if reason == _BY_VALUES else ()
            named, misfit = misfits.get(column, (None, None))
            guesses[column] = Guess(column, headers[column], free, confidence if free else 0.0, reason, params,
                                    named, misfit)
    if "full_name" in taken and "first_name" in taken:
        column = taken.pop("full_name")
        guesses[column] = Guess(column, headers[column], None, 0.0, _SPLIT_NAMES, named="full_name")
    return [guesses[c] for c in range(len(headers))]


# --- Saved mappings ----------------------------------------------------------------------------


# --- Rows --------------------------------------------------------------------------------------


_PHONE_FIELDS = ("mobile", "phone")


_THAI_PREFIX = ("0", "+66", "66")


def _foreign_phone(value: object) -> bool:
    """A phone we cannot read that is no Thai number typed wrong (those start 0 or +66: the user fixes
    them): a foreign one without its country code, an extension, a word where a number should be."""
    return not re.sub(r"[^0-9+]", "", ascii_digits(str(value))).startswith(_THAI_PREFIX)


WORD_CHARS = 40  # texts this short may repeat down a column
WORDS_KEPT = 20_000  # distinct ones the reader shares; past that (names, e-mails) each row keeps its own
_UNSEEN = object()
# Cells remembered: texts, and the dates a workbook gives (birthdays). Not numbers: 1, 1.0 and True are one
# dictionary key but read differently (a phone, an amount, yes).
_REMEMBERED = (str, date, datetime)
_SKIP = object()  # a blank cell, or one that failed (its row holds the error or warning)


@dataclass(slots=True, eq=False)
class _Column:
    """One mapped column as the reader goes down it: its rule looked up once, its memo of parsed cells."""

    index: int
    spec: FieldSpec
    header: str
    parse: Callable[[object], object]
    plain: bool  # its value is stored under its field (a full name is split, phones may spill over)
    memo: dict[object, object] | None = field(default_factory=dict)
    hits: int = 0


class RowReader:
    """Reads the rows of one file with one mapping (the column fields fixed for the whole file)."""

    def __init__(self, kind: str, headers: Sequence[str], fields: Sequence[str | None],
                 options: Options = DEFAULT_OPTIONS) -> None:
        known = importable_fields(kind)
        self.headers = list(headers)
        self._known = known
        self._mapped = {f for f in fields if f is not None}
        self._words: dict[str, str] = {}  # short texts seen, kept once (a province, a prefix, a company)
        self._columns = [_Column(i, known[f], self._header(i), cell_parser(known[f], options),
                                 known[f].kind not in (ValueKind.FULL_NAME, ValueKind.PHONE))
                         for i, f in enumerate(fields) if f is not None]
        self._width = max((c.index + 1 for c in self._columns), default=0)
        # A phone column's numbers: the first to its field, the next to the other phone field if no column has it.
        self._phone_targets = {c.spec.name: [c.spec.name] + [f for f in _PHONE_FIELDS if f != c.spec.name
                                                             and f not in self._mapped and f in known]
                               for c in self._columns if c.spec.kind is ValueKind.PHONE}

    def read(self, cells: Sequence[object], source_row: int) -> NeutralRow:
        """One row. Kept lean, as it runs for every cell of the file: a cell the column has seen is one
        dictionary hit; a new, unremembered or failing one goes through `_parse`."""
        row = NeutralRow(source_row)
        values = row.values
        unread: list[str] = []  # foreign phones we cannot read, kept in the notes as written
        if len(cells) < self._width:
            cells = [*cells, *[None] * (self._width - len(cells))]
        for column in self._columns:
            value = cells[column.index]
            if value is None:
                continue
            memo = column.memo
            if memo is not None and type(value) in _REMEMBERED:
                parsed = memo.get(value, _UNSEEN)
                if parsed is _UNSEEN:
                    parsed = self._remember(column, value, row, unread)
                else:
                    column.hits += 1
            else:
                parsed = self._parse(column, value, row, unread)
            if parsed is _SKIP:
                continue
            if column.plain:
                values[column.spec.name] = parsed
            else:
                self._store(row, column, parsed)
        if unread:
            notes = [str(values["notes"])] if "notes" in values else []
            values["notes"] = "\n".join([*notes, *unread])
        return row

    def _remember(self, column: _Column, value: object, row: NeutralRow, unread: list[str]) -> object:
        """`_parse` of a cell the column has not seen, remembered: a province, a prefix, a birthday or a
        company is parsed once per distinct text or date (the rules are pure functions of the cell), and
        a blank text ("" from a vCard) is skipped at once the next time. A cell that fails is parsed
        again, so each row gets its own error. A column's memo holds up to WORDS_KEPT cells; when it is
        full and fewer than half of its lookups hit (names, phones, e-mails), it is dropped."""
        parsed = self._parse(column, value, row, unread)
        if parsed is _SKIP and (type(value) is not str or value.strip()):
            return parsed  # it failed (it is not blank)
        memo = column.memo
        assert memo is not None
        if len(memo) < WORDS_KEPT:
            memo[value] = parsed
        elif column.hits < WORDS_KEPT:  # as many hits as misses: a column worth remembering
            column.memo = None
        return parsed

    def _parse(self, column: _Column, value: object, row: NeutralRow, unread: list[str]) -> object:
        """A cell as its field stores it, or _SKIP when it is blank or cannot be read (the row then
        holds the error, or for a foreign phone the warning and the number in `unread`)."""
        if isinstance(value, str):
            if not value.strip():
                return _SKIP
            value = unguard_text(value)
        try:
            parsed = column.parse(value)
        except ValidationError as error:
            if column.spec.kind is ValueKind.PHONE and _foreign_phone(value) and "notes" in self._known:
                # A foreign number without its country code ("(650) 555-1212" from an iPhone) does not
                # cost the person their place: imported without it, the number kept in the notes.
                unread.append(f"{column.header}: {value}")
                row.warnings.append(CellError(row.source_row, column.header, DomainError(
                    "{value} could not be read as a phone number; it was kept in the notes.", value=value)))
            else:
                row.errors.append(CellError(row.source_row, column.header, error))
            return _SKIP
        if isinstance(parsed, str) and len(parsed) <= WORD_CHARS:
            parsed = self._word(parsed)
        return parsed

    def _word(self, text: str) -> str:
        """`text` as the one copy the reader keeps: 100,000 rows that all say เชียงใหม่ hold it once
        (a separate copy a row cost 8 MB per such column); new words are kept up to WORDS_KEPT."""
        kept = self._words.get(text)
        if kept is not None:
            return kept
        if len(self._words) < WORDS_KEPT:
            self._words[text] = text
        return text

    def _header(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) and self.headers[index].strip() else str(index + 1)

    def _store(self, row: NeutralRow, column: _Column, parsed: object) -> None:
        if isinstance(parsed, PersonName):
            # Own columns for the parts win over the parts of a full name.
            for part in ("prefix", "first_name", "last_name"):
                if part not in self._mapped and getattr(parsed, part):
                    row.values[part] = getattr(parsed, part)
            return
        assert isinstance(parsed, list)  # phones: the first here, the next to the other phone field
        targets = self._phone_targets[column.spec.name]
        for target, number in zip(targets, parsed, strict=False):
            row.values.setdefault(target, number)
        if len(parsed) > len(targets):
            row.warnings.append(CellError(row.source_row, column.header, DomainError(
                "Only {kept} of the {count} phone numbers were kept.", kept=len(targets), count=len(parsed))))
