"""Validators accept what Thai users really type and store one canonical form."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.db.search_index import search_terms
from crm_desktop.errors import ValidationError
from crm_desktop.messages import THAI
from crm_desktop.services import validation as v
from crm_desktop.text import query_phone_digits

THAI_CHARS = re.compile(r"[\u0E00-\u0E7F]")
first12 = st.text(alphabet="0123456789", min_size=12, max_size=12)


def _reference_check_digit(first: str) -> int:
    """Independent restatement of the rule in THAI.md."""
    total = sum(int(first[i]) * (13 - i) for i in range(12))
    return (11 - total % 11) % 10


def _assert_thai(err: pytest.ExceptionInfo[ValidationError], field: str) -> None:
    assert err.value.field == field
    assert err.value.template in THAI, err.value.template
    thai = err.value.text("th")
    assert THAI_CHARS.search(thai), thai
    assert "{" not in thai


# --- Tax id --------------------------------------------------------------------------------


@pytest.mark.parametrize("good", ["1101700230732", "0105536061479"])
def test_known_valid_tax_ids(good: str) -> None:
    assert v.is_valid_tax_id(good)
    assert v.tax_id(good) == good


def test_tax_id_strips_separators_and_thai_digits() -> None:
    assert v.tax_id(" 1-1017-00230-73-2 ") == "1101700230732"
    assert v.tax_id("0 1055 36061 47 9") == "0105536061479"
    assert v.tax_id("๑๑๐๑๗๐๐๒๓๐๗๓๒") == "1101700230732"


def test_tax_id_blank_is_optional() -> None:
    assert v.tax_id("") == ""
    assert v.tax_id("  - ") == ""


@pytest.mark.parametrize(
    "bad", ["1101700230733", "0105536061470", "110170023073", "11017002307321", "11017OO230732", "abc"]
)
def test_bad_tax_ids_rejected(bad: str) -> None:
    assert not v.is_valid_tax_id(bad)
    with pytest.raises(ValidationError) as err:
        v.tax_id(bad, field="national_id")
    _assert_thai(err, "national_id")


def test_tax_id_error_names_digit_count() -> None:
    with pytest.raises(ValidationError) as err:
        v.tax_id("12345")
    assert err.value.params["count"] == 5
    assert "5" in err.value.text("th")


@given(first12)
def test_make_tax_id_is_always_valid(first: str) -> None:
    made = v.make_tax_id(first)
    assert made[:12] == first
    assert int(made[12]) == _reference_check_digit(first)
    assert v.is_valid_tax_id(made)
    assert v.tax_id(made) == made


@given(first12, st.integers(min_value=1, max_value=9))
def test_changing_the_check_digit_always_invalidates(first: str, delta: int) -> None:
    made = v.make_tax_id(first)
    wrong = made[:12] + str((int(made[12]) + delta) % 10)
    assert not v.is_valid_tax_id(wrong)
    with pytest.raises(ValidationError):
        v.tax_id(wrong)


@given(
    first12,
    st.integers(min_value=0, max_value=11).filter(lambda i: i != 2),
    st.integers(min_value=1, max_value=9),
)
def test_changing_one_body_digit_invalidates_except_known_blind_spots(first: str, pos: int, delta: int) -> None:
    """The Thai checksum is mod 11 squeezed into one digit: remainders 0 and 10 share
    check digit 1, so a typo that moves the remainder between them is not caught. Every
    other single-digit change must be."""
    made = v.make_tax_id(first)
    changed = made[:pos] + str((int(made[pos]) + delta) % 10) + made[pos + 1 :]

    def remainder(s: str) -> int:
        return sum(int(s[i]) * (13 - i) for i in range(12)) % 11

    blind_spot = {remainder(made), remainder(changed)} == {0, 10}
    assert v.is_valid_tax_id(changed) == blind_spot


@given(first12, st.integers(min_value=1, max_value=9))
def test_third_digit_has_weight_11_and_is_never_checked(first: str, delta: int) -> None:
    """Documented property of the official algorithm (weight 11 ≡ 0 mod 11)."""
    made = v.make_tax_id(first)
    changed = made[:2] + str((int(made[2]) + delta) % 10) + made[3:]
    assert v.is_valid_tax_id(changed)


@pytest.mark.parametrize("bad", ["12345678901", "1234567890123", "12345678901a"])
def test_make_tax_id_needs_12_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        v.make_tax_id(bad)


# --- Branch, postcode ------------------------------------------------------------------------


def test_branch_code() -> None:
    assert v.branch_code("00000") == "00000"
    assert v.branch_code(" 00012 ") == "00012"
    assert v.branch_code("") == ""
    for bad in ["0", "0001", "000001", "0000a"]:
        with pytest.raises(ValidationError) as err:
            v.branch_code(bad)
        _assert_thai(err, "branch_code")


def test_postcode() -> None:
    assert v.postcode("10110") == "10110"
    assert v.postcode(" ๑๐๑๑๐ ") == "10110"
    assert v.postcode("") == ""
    for bad in ["1011", "101100", "1O110", "10 110"]:
        with pytest.raises(ValidationError) as err:
            v.postcode(bad, field="billing_postcode")
        _assert_thai(err, "billing_postcode")


# --- Email -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Somchai.J@Example.CO.TH ", "Somchai.J@example.co.th"),
        ("a+tag@mail.example.com", "a+tag@mail.example.com"),
        ("info@ตัวอย่าง.ไทย", "info@ตัวอย่าง.ไทย"),
        ("", ""),
    ],
)
def test_email_accepted(typed: str, stored: str) -> None:
    assert v.email(typed) == stored


@pytest.mark.parametrize(
    "bad",
    ["plain", "a@b", "a@b.c", "a b@example.com", "a..b@example.com", "@example.com", "a@-x.com", "a@x..com"],
)
def test_email_rejected(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.email(bad)
    _assert_thai(err, "email")


# --- Phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("081-234-5678", "+66812345678"),
        ("0812345678", "+66812345678"),
        ("+66 81 234 5678", "+66812345678"),
        ("+66 (0) 81 234 5678", "+66812345678"),
        ("0066 81 234 5678", "+66812345678"),
        ("๐๘๑๒๓๔๕๖๗๘", "+66812345678"),
        ("02 123 4567", "+6621234567"),
        ("(02) 123-4567", "+6621234567"),
        ("053-123-456", "+6653123456"),
        ("+1 650 253 0000", "+16502530000"),
        ("001 44 20 7946 0018", "+442079460018"),
        ("", ""),
    ],
)
def test_phone_normalizes_to_e164(typed: str, e164: str) -> None:
    assert v.phone(typed) == e164


@pytest.mark.parametrize(
    "bad",
    ["0212345678", "02-123-45678", "abc", "081", "12345", "081234567", "0812345678x", "081 234 5678 ext 12"],
)
def test_phone_rejected(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.phone(bad, field="mobile")
    _assert_thai(err, "mobile")


def test_bangkok_ten_digits_gets_the_thai_explanation() -> None:
    with pytest.raises(ValidationError) as err:
        v.phone("02 1234 5678")
    assert "02 xxx xxxx" in err.value.text("en")


def test_mobile_only() -> None:
    assert v.phone("0912345678", mobile_only=True) == "+66912345678"
    with pytest.raises(ValidationError) as err:
        v.phone("02 123 4567", mobile_only=True)
    _assert_thai(err, "phone")
    assert err.value.template == "{value} is not a mobile number."


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+66812345678", "081 234 5678"),
        ("+6621234567", "02 123 4567"),
        ("+6653123456", "053 123 456"),
        ("+16502530000", "+1 650-253-0000"),
        ("+442079460018", "+44 20 7946 0018"),
        ("", ""),
        ("garbage", "garbage"),
    ],
)
def test_format_phone(e164: str, shown: str) -> None:
    assert v.format_phone(e164) == shown


thai_mobiles = st.builds(
    lambda head, rest: f"0{head}{rest}",
    st.sampled_from(["6", "8", "9"]),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
)
bangkok = st.text(alphabet="0123456789", min_size=7, max_size=7).map(lambda r: "02" + r)
separators = st.sampled_from(["", " ", "-", "."])


@given(st.one_of(thai_mobiles, bangkok), separators)
def test_phone_round_trip_is_stable(national: str, sep: str) -> None:
    typed = sep.join([national[:3], national[3:6], national[6:]])
    try:
        stored = v.phone(typed)
    except ValidationError:
        return  # some generated ranges are not allocated; stability is about accepted numbers
    shown = v.format_phone(stored)
    assert v.phone(shown) == stored
    assert v.format_phone(v.phone(shown)) == shown
    assert v.phone_search_digits(stored) == national


def test_most_generated_mobiles_are_accepted() -> None:
    """Guard for the round-trip test above: it must not pass by rejecting everything."""
    assert v.phone("0612345678") and v.phone("0987654321") and v.phone("021234567")


@pytest.mark.parametrize(
    ("e164", "digits"),
    [
        ("+66812345678", "0812345678"),
        ("+6621234567", "021234567"),
        ("+661800123456", "1800123456"),
        ("+16502530000", "16502530000"),
        ("", ""),
    ],
)
def test_phone_search_digits(e164: str, digits: str) -> None:
    assert v.phone_search_digits(e164) == digits


@pytest.mark.parametrize(
    ("query", "digits"),
    [
        ("081-234", "081234"),
        ("+66 81 23", "08123"),
        ("66812", "0812"),
        ("+66 (0) 81", "081"),
        ("0066 81", "081"),
        ("(02) 123", "02123"),
        ("081.234", "081234"),
        ("๐๘๑", "081"),
        ("+1 650", "1650"),
        ("234", "234"),
    ],
)
def test_query_phone_digits(query: str, digits: str) -> None:
    assert query_phone_digits(query) == digits


@pytest.mark.parametrize("query", ["", "08", "+66", "สมชาย", "abc123", "081 abc", "a081234", "08/12/2569", "08+12"])
def test_query_not_phone_like(query: str) -> None:
    assert query_phone_digits(query) is None


@given(st.one_of(thai_mobiles, bangkok), st.integers(min_value=0, max_value=6), st.integers(3, 10))
def test_query_fragment_of_stored_number_is_found(national: str, start: int, length: int) -> None:
    try:
        stored = v.phone(national)
    except ValidationError:
        return
    fragment = national[start : start + length]
    if len(fragment) < 3:
        return
    # Search looks for the text as typed and its phone form ("66…" may be a country code or just
    # digits inside a number): one of them must be in the indexed digits.
    terms = search_terms(fragment)
    assert query_phone_digits(fragment) in terms
    assert any(term in v.phone_search_digits(stored) for term in terms)
    international = "+66 " + national[1 : start + length] if start == 0 else None
    if international is not None:
        q = query_phone_digits(international)
        assert q is not None and v.phone_search_digits(stored).startswith(q)


# --- Provinces -------------------------------------------------------------------------------


def test_exactly_77_provinces_sorted_by_thai_name() -> None:
    ps = v.provinces()
    assert len(ps) == 77
    assert len({p.code for p in ps}) == 77
    assert len({p.name_th for p in ps}) == 77
    assert all(isinstance(p, v.Province) for p in ps)
    assert ps[0].name_th == "กระบี่"
    names = [p.name_th for p in ps]
    # dictionary order: เชียงใหม่ sorts under ช, before ตรัง, not after every consonant
    assert names.index("ชุมพร") < names.index("เชียงใหม่") < names.index("ตรัง")
    assert names[-1] == "อุบลราชธานี"


def test_provinces_list_cannot_be_corrupted_by_a_caller() -> None:
    v.provinces().clear()
    assert len(v.provinces()) == 77


def test_province_is_frozen() -> None:
    p = v.provinces()[0]
    with pytest.raises(AttributeError):
        p.name_th = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("เชียงใหม่", "เชียงใหม่"),
        ("Chiang Mai", "เชียงใหม่"),
        ("  chiang mai  ", "เชียงใหม่"),
        ("CHIANGMAI", "เชียงใหม่"),
        ("จ.เชียงใหม่", "เชียงใหม่"),
        ("จังหวัดเชียงใหม่", "เชียงใหม่"),
        ("Bangkok", "กรุงเทพมหานคร"),
        ("bangkok", "กรุงเทพมหานคร"),
        ("กทม", "กรุงเทพมหานคร"),
        ("กทม.", "กรุงเทพมหานคร"),
        ("กรุงเทพฯ", "กรุงเทพมหานคร"),
        ("Ayutthaya", "พระนครศรีอยุธยา"),
        ("Lopburi", "ลพบุรี"),
        ("Phang Nga", "พังงา"),
        ("Nakhon Si Thammarat", "นครศรีธรรมราช"),
        ("", ""),
    ],
)
def test_province_names(typed: str, canonical: str) -> None:
    assert v.province(typed) == canonical


def test_every_english_name_maps_to_its_thai_name() -> None:
    for p in v.provinces():
        assert v.province(p.name_en) == p.name_th
        assert v.province(p.name_en.upper()) == p.name_th
        assert v.province(p.name_th) == p.name_th


@pytest.mark.parametrize("bad", ["Atlantis", "เชียง", "Chiang"])
def test_unknown_province(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.province(bad)
    _assert_thai(err, "province")


# --- Text and dates --------------------------------------------------------------------------


def test_required_text() -> None:
    assert v.required_text("  บริษัท ตัวอย่าง จำกัด ", "name") == "บริษัท ตัวอย่าง จำกัด"
    with pytest.raises(ValidationError) as err:
        v.required_text("   ", "name")
    _assert_thai(err, "name")
    assert v.required_text("x" * 10, "name", max_len=10) == "x" * 10
    with pytest.raises(ValidationError) as err:
        v.required_text("x" * 11, "name", max_len=10)
    _assert_thai(err, "name")
    assert err.value.params == {"max_len": 10, "length": 11}


def test_optional_text() -> None:
    assert v.optional_text("  ", "note") == ""
    assert v.optional_text(" hi ", "note") == "hi"
    with pytest.raises(ValidationError) as err:
        v.optional_text("y" * 201, "note")
    _assert_thai(err, "note")
    assert v.optional_text("y" * 5000, "note", max_len=5000) == "y" * 5000


def test_not_future() -> None:
    today = date(2026, 11, 23)
    assert v.not_future(None, today, "birthday") is None
    assert v.not_future(today, today, "birthday") == today
    assert v.not_future(date(1800, 1, 1), today, "founded") == date(1800, 1, 1)
    with pytest.raises(ValidationError) as err:
        v.not_future(date(2026, 11, 24), today, "birthday")
    _assert_thai(err, "birthday")
    with pytest.raises(ValidationError) as err:
        v.not_future(date(1799, 12, 31), today, "founded")
    _assert_thai(err, "founded")


def templates_raised_in(path: str) -> list[str]:
    """Every literal template passed to ValidationError in a module (ast joins split strings)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ValidationError":
            found += [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
    return found


def test_every_validation_template_has_thai() -> None:
    """Catch a template added to validation.py without a translation."""
    templates = templates_raised_in(v.__file__)
    assert len(templates) >= 15
    assert [t for t in templates if t not in THAI] == []


def _phonenumbers_verdict(typed: str, mobile_only: bool) -> str | None:
    """What phonenumbers alone says of a typed number: its E.164 form, or None when refused."""
    import phonenumbers

    try:
        number = phonenumbers.parse(typed, "TH")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if mobile_only and phonenumbers.number_type(number) not in (
            phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


national_numbers = st.builds(lambda trunk, head, rest: trunk + head + rest, st.sampled_from(["0", "+66", "+660", "+6"]),
                             st.sampled_from("0123456789"), st.text(alphabet="0123456789", min_size=6, max_size=10))


@given(national_numbers, separators, st.booleans())
def test_phone_fast_path_agrees_with_phonenumbers(national: str, sep: str, mobile_only: bool) -> None:
    """The quick check of plain Thai numbers (an import reads 100,000 of them) stores what
    phonenumbers would, and refuses what it refuses."""
    typed = sep.join([national[:3], national[3:6], national[6:]])
    try:
        stored: str | None = v.phone(typed, mobile_only=mobile_only)
    except ValidationError:
        stored = None
    assert stored == _phonenumbers_verdict(typed, mobile_only)


def _phonenumbers_display(e164: str) -> str:
    """What phonenumbers alone shows for a stored number (national for Thai ones)."""
    import phonenumbers

    number = phonenumbers.parse(e164, "TH")
    shape = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 66 else \
        phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, shape)


@pytest.mark.parametrize("number", ["+66812345678", "+66612345678", "+66991234567", "+6621234567", "+6653123456",
                                    "+6673961111", "+6638123456", "+661800123456", "+16502530000", "+6612345"])
def test_the_fast_thai_shapes_are_phonenumbers_form(number: str) -> None:
    assert v.format_phone(number) == _phonenumbers_display(number)
    assert v.format_phone("") == ""


def test_thai_numbers_take_the_fast_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(v, "_parse_stored", lambda _n: pytest.fail("parsed"))
    assert [v.format_phone(n) for n in ("+66812345678", "+6621234567", "+6653123456")] == [
        "081 234 5678", "02 123 4567", "053 123 456"]
