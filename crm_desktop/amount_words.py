"""Amounts in words for printed documents: Thai (…บาทถ้วน / …บาท…สตางค์) and English.

Thai rules: หนึ่ง in the units place becomes เอ็ด when anything stands before it (11 สิบเอ็ด, 101
หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด); 1 and 2 in the tens place are สิบ and ยี่สิบ; past a million
the count of millions is read the same way and ล้าน repeats (1,000,000,000,000 หนึ่งล้านล้าน). Under one
baht the baht are read as ศูนย์บาท (0.50 ศูนย์บาทห้าสิบสตางค์), as the `bahttext` package and THAI.md do;
one satang alone is หนึ่งสตางค์. Amounts are integer satang, never floats. Shared kernel.
"""

from __future__ import annotations

_DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")
MILLION = 1_000_000


def _thai_below_million(n: int, after_more: bool) -> str:
    """0 < n < 1,000,000 in Thai; `after_more`: larger places (millions) come before it."""
    words = []
    digits = str(n)
    for place, char in zip(range(len(digits) - 1, -1, -1), digits, strict=True):
        digit = int(char)
        if digit == 0:
            continue
        if place == 1:
            words.append({1: "", 2: "ยี่"}.get(digit, _DIGITS[digit]) + "สิบ")
        elif place == 0 and digit == 1 and (after_more or n > 9):
            words.append("เอ็ด")
        else:
            words.append(_DIGITS[digit] + _PLACES[place])
    return "".join(words)


def thai_number(n: int) -> str:
    """A whole number n >= 0 in Thai words."""
    if n < 0:
        raise ValueError("amounts in words are never negative")
    if n >= MILLION:
        millions, rest = divmod(n, MILLION)
        return thai_number(millions) + "ล้าน" + (_thai_below_million(rest, True) if rest else "")
    return _thai_below_million(n, False) if n else _DIGITS[0]


def baht_text(satang: int) -> str:
    """1234.50 baht (123450 satang) → หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์; whole baht end with ถ้วน."""
    baht, rest = divmod(satang, 100)
    if satang < 0:
        raise ValueError("amounts in words are never negative")
    if rest == 0:
        return thai_number(baht) + "บาทถ้วน"
    return thai_number(baht) + "บาท" + _thai_below_million(rest, False) + "สตางค์"


_ONES = ("", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
         "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen")
_TENS = ("", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety")
_SCALES = ("", "Thousand", "Million", "Billion", "Trillion", "Quadrillion", "Quintillion")


def _english_below_thousand(n: int) -> list[str]:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_ONES[hundreds], "Hundred"]
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest:
        words.append(_ONES[rest])
    return words


def english_number(n: int) -> str:
    """A whole number 0 <= n < 10**21 in English words (short scale: a billion is 10**9)."""
    if n < 0 or n >= 1000 ** len(_SCALES):
        raise ValueError("number out of range for words")
    if n == 0:
        return "Zero"
    words: list[str] = []
    for scale in range(len(_SCALES) - 1, -1, -1):
        group = n // 1000**scale % 1000
        if group:
            words += _english_below_thousand(group) + ([_SCALES[scale]] if scale else [])
    return " ".join(words)


def baht_text_en(satang: int) -> str:
    """123450 satang → One Thousand Two Hundred Thirty-Four Baht and Fifty Satang; whole baht end with Only."""
    if satang < 0:
        raise ValueError("amounts in words are never negative")
    baht, rest = divmod(satang, 100)
    if rest == 0:
        return f"{english_number(baht)} Baht Only"
    return f"{english_number(baht)} Baht and {english_number(rest)} Satang"


def amount_in_words(satang: int, lang: str) -> str:
    """The amount as printed on a document in `lang` ("th" or "en")."""
    return baht_text(satang) if lang == "th" else baht_text_en(satang)
