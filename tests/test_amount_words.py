"""Amounts in words (crm_desktop/amount_words.py) against the independent `bahttext` package and a table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bahttext import bahttext
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crm_desktop.amount_words import baht_text, baht_text_en

LARGEST = 999_999_999_999_99  # 999,999,999,999.99 baht in satang


def reference(satang: int) -> str:
    """bahttext, except that one satang alone is หนึ่ง (bahttext reads 0.01 as เอ็ดสตางค์: เอ็ด needs a
    digit before it, and "01" has none)."""
    text = bahttext(Decimal(satang) / 100)
    return text.replace("บาทเอ็ดสตางค์", "บาทหนึ่งสตางค์") if satang % 100 == 1 else text


@given(st.integers(1, LARGEST))
@example(1)
@example(100)
@example(21_00)
@example(101_00)
@example(1_000_001_00)
@example(10_000_001_00)
@example(21_000_000_00)
@example(1_000_000_01)
@example(LARGEST)
@settings(max_examples=2000, deadline=None)
def test_thai_words_match_an_independent_reference(satang: int) -> None:
    assert baht_text(satang) == reference(satang)


@pytest.mark.parametrize(("satang", "words"), [
    (1, "ศูนย์บาทหนึ่งสตางค์"),
    (50, "ศูนย์บาทห้าสิบสตางค์"),
    (0, "ศูนย์บาทถ้วน"),
    (21_00, "ยี่สิบเอ็ดบาทถ้วน"),
    (101_00, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (1_000_001_00, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (20_021_00, "สองหมื่นยี่สิบเอ็ดบาทถ้วน"),
    (1_234_50, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
    (11_11, "สิบเอ็ดบาทสิบเอ็ดสตางค์"),
    (LARGEST, "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาท"
              "เก้าสิบเก้าสตางค์"),
    (1_000_000_000_000_00, "หนึ่งล้านล้านบาทถ้วน"),
    (2_000_000_000_001_00, "สองล้านล้านเอ็ดบาทถ้วน"),
    (21_000_000_000_000_00, "ยี่สิบเอ็ดล้านล้านบาทถ้วน"),
])
def test_thai_words_table(satang: int, words: str) -> None:
    assert baht_text(satang) == words


@pytest.mark.parametrize(("satang", "words"), [
    (0, "Zero Baht Only"),
    (1, "Zero Baht and One Satang"),
    (21_00, "Twenty-One Baht Only"),
    (101_00, "One Hundred One Baht Only"),
    (1_000_001_00, "One Million One Baht Only"),
    (1_234_50, "One Thousand Two Hundred Thirty-Four Baht and Fifty Satang"),
    (LARGEST, "Nine Hundred Ninety-Nine Billion Nine Hundred Ninety-Nine Million Nine Hundred Ninety-Nine "
              "Thousand Nine Hundred Ninety-Nine Baht and Ninety-Nine Satang"),
])
def test_english_words_table(satang: int, words: str) -> None:
    assert baht_text_en(satang) == words


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValueError):
        baht_text(-1)
    with pytest.raises(ValueError):
        baht_text_en(-100)
