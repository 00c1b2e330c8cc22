"""Dates in Buddhist Era and money in satang survive display and typing unchanged."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.errors import ValidationError
from crm_desktop.messages import THAI
from crm_desktop.services import formatting as f

THAI_CHARS = re.compile(r"[\u0E00-\u0E7F]")
D = date(2026, 11, 23)


def _assert_thai(err: pytest.ExceptionInfo[ValidationError], field: str) -> None:
    assert err.value.field == field
    assert err.value.template in THAI, err.value.template
    thai = err.value.text("th")
    assert THAI_CHARS.search(thai), thai
    assert thai != err.value.text("en")


# --- Dates -----------------------------------------------------------------------------------


def test_be_offset() -> None:
    assert f.BE_OFFSET == 543


def test_format_date_short() -> None:
    assert f.format_date(D, "th", True) == "23/11/2569"
    assert f.format_date(D, "en", True) == "23/11/2569"
    assert f.format_date(D, "th", False) == "23/11/2026"
    assert f.format_date(date(2026, 1, 5), "en", False) == "05/01/2026"
    assert f.format_date(None, "th", True) == ""


def test_format_date_long() -> None:
    assert f.format_date_long(D, "th", True) == "23 พฤศจิกายน 2569"
    assert f.format_date_long(D, "th", False) == "23 พฤศจิกายน 2026"
    assert f.format_date_long(D, "en", False) == "23 November 2026"
    assert f.format_date_long(D, "en", True) == "23 November 2569"
    assert f.format_date_long(date(2027, 2, 1), "th", True) == "1 กุมภาพันธ์ 2570"
    assert f.format_date_long(None, "en", False) == ""
    assert "พ.ศ." not in f.format_date_long(D, "th", True)


def test_all_thai_months() -> None:
    longs = [f.format_date_long(date(2026, m, 1), "th", True) for m in range(1, 13)]
    assert longs[0] == "1 มกราคม 2569"
    assert longs[11] == "1 ธันวาคม 2569"
    assert len({s.split()[1] for s in longs}) == 12


@pytest.mark.parametrize(
    "typed",
    [
        "23/11/2026",
        "23/11/2569",
        "23-11-2569",
        "23.11.2026",
        "2026-11-23",
        "2569-11-23",
        " 23/11/2569 ",
        "๒๓/๑๑/๒๕๖๙",
    ],
)
def test_parse_date_forms(typed: str) -> None:
    assert f.parse_date(typed) == D


def test_parse_date_short_day_month() -> None:
    assert f.parse_date("5/1/2569") == date(2026, 1, 5)
    assert f.parse_date("05/01/2026") == date(2026, 1, 5)


def test_be_threshold() -> None:
    assert f.parse_date("01/01/2400") == date(1857, 1, 1)
    assert f.parse_date("01/01/2399") == date(2399, 1, 1)
    assert f.parse_date("01/01/2569") == date(2026, 1, 1)


@pytest.mark.parametrize(
    "impossible", ["31/02/2026", "29/02/2025", "29/02/2568", "32/01/2026", "00/01/2026", "15/13/2026"]
)
def test_impossible_dates_rejected_with_thai_message(impossible: str) -> None:
    with pytest.raises(ValidationError) as err:
        f.parse_date(impossible)
    _assert_thai(err, "date")
    assert impossible in err.value.text("th")


def test_leap_day_is_fine() -> None:
    assert f.parse_date("29/02/2024") == date(2024, 2, 29)
    assert f.parse_date("29/02/2567") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "bad", ["23/11/69", "23/11/26", "", "   ", "tomorrow", "23/11-2026", "2026/11/23", "23/11/20269"]
)
def test_bad_date_text_rejected(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        f.parse_date(bad)
    _assert_thai(err, "date")


def test_two_digit_year_gets_its_own_message() -> None:
    with pytest.raises(ValidationError) as err:
        f.parse_date("23/11/69")
    assert "4" in err.value.text("th")


def test_parse_date_field_name() -> None:
    with pytest.raises(ValidationError) as err:
        f.parse_date("31/02/2026", field="birthday")
    assert err.value.field == "birthday"


@given(st.dates(min_value=date(1857, 1, 1), max_value=date(9456, 12, 31)))
def test_buddhist_dates_round_trip(d: date) -> None:
    assert f.parse_date(f.format_date(d, "th", True)) == d


@given(st.dates(min_value=date(1, 1, 1), max_value=date(2399, 12, 31)))
def test_ce_dates_round_trip(d: date) -> None:
    assert f.parse_date(f.format_date(d, "en", False)) == d
    assert f.parse_date(d.isoformat()) == d


# --- Money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("satang", "shown"),
    [
        (123450, "฿1,234.50"),
        (-123450, "-฿1,234.50"),
        (0, "฿0.00"),
        (5, "฿0.05"),
        (-5, "-฿0.05"),
        (100, "฿1.00"),
        (123456789012, "฿1,234,567,890.12"),
    ],
)
def test_format_money(satang: int, shown: str) -> None:
    assert f.format_money(satang) == shown
    assert f.format_money(satang, with_symbol=False) == shown.replace("฿", "")


def test_format_money_refuses_float() -> None:
    with pytest.raises(TypeError):
        f.format_money(12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        f.format_money(True)


@pytest.mark.parametrize(
    ("typed", "satang"),
    [
        ("1,234.5", 123450),
        ("฿1234", 123400),
        ("1234.50 บาท", 123450),
        ("1234.50บาท", 123450),
        ("-฿1,234.50", -123450),
        ("฿-1,234.50", -123450),
        ("0.01", 1),
        ("0.1", 10),
        ("  12 ", 1200),
        ("๑,๒๓๔.๕๐", 123450),
        ("THB 99.99", 9999),
        ("1,000,000", 100000000),
        ("-0", 0),
    ],
)
def test_parse_money(typed: str, satang: int) -> None:
    result = f.parse_money(typed)
    assert result == satang
    assert type(result) is int


@pytest.mark.parametrize(
    "bad",
    ["", "abc", "1.234", "1,5", "12,34.00", "1.2.3", "--5", "-฿-5", "1234.", ".5", "1 234", "฿", "1e3", "nan", "inf"],
)
def test_parse_money_rejects(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        f.parse_money(bad)
    _assert_thai(err, "amount")


def test_three_decimals_gets_its_own_message() -> None:
    with pytest.raises(ValidationError) as err:
        f.parse_money("1.005")
    assert err.value.template.startswith("An amount has at most 2 decimals")


def test_money_limit() -> None:
    assert f.parse_money(f.format_money(f.MAX_SATANG)) == f.MAX_SATANG
    with pytest.raises(ValidationError) as err:
        f.parse_money("9" * 40)
    _assert_thai(err, "amount")
    with pytest.raises(ValidationError):
        f.parse_money(f.format_money(f.MAX_SATANG + 1))


def test_no_float_rounding() -> None:
    """0.29 * 100 is 28.999999999999996 in float; a float-based parser would give 28."""
    assert f.parse_money("0.29") == 29
    assert f.parse_money("1.15") == 115
    assert f.parse_money("4.35") == 435
    assert f.parse_money("92233720368547758.07") == f.MAX_SATANG


money = st.integers(min_value=-f.MAX_SATANG, max_value=f.MAX_SATANG)


@given(money, st.booleans())
def test_money_round_trip(satang: int, with_symbol: bool) -> None:
    parsed = f.parse_money(f.format_money(satang, with_symbol=with_symbol))
    assert parsed == satang
    assert type(parsed) is int


def test_formatting_module_uses_no_float() -> None:
    """Money and dates never go through float: no float() calls or float literals in the module."""
    tree = ast.parse(Path(f.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), ast.dump(node)
        assert not (isinstance(node, ast.Name) and node.id == "float"), ast.dump(node)


def test_every_formatting_template_has_thai() -> None:
    tree = ast.parse(Path(f.__file__).read_text(encoding="utf-8"))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    templates = {
        n.args[1].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and getattr(n.func, "id", None) == "ValidationError"
        and len(n.args) > 1
        and isinstance(n.args[1], ast.Constant)
    }
    templates.add(f._DATE_FORMAT_HELP)
    assert len(templates) >= 7
    assert {t for t in templates if t not in THAI} == set()
    assert templates <= strings
