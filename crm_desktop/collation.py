"""A sort key that orders names as a Thai reader expects, for a stored, indexed column.

SQLite has no Thai collation (THAI.md, "Sorting"): comparing code points puts every name that starts
with เ แ โ ใ ไ after ฮ. The key follows the order of the Thai locale's ICU collator (which the tests
check against Qt's QCollator), without depending on ICU:
- a leading vowel changes places with the consonant after it, so เกม sorts under ก, as in dictionaries;
- tone marks and other marks (and Latin accents) count only when the letters are equal: ก่า after กา;
- spaces and punctuation come first, then digits (Thai numerals as their values), then Thai, then
  Latin letters without regard to case, then any other script.
The key is compared as plain text (byte order of UTF-8 is code point order), so an index on it serves
ORDER BY.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_THAI_FIRST, _THAI_LAST = 0x0E01, 0x0E5B
_MARKS = frozenset(range(0x0E47, 0x0E4F))  # ็ ่ ้ ๊ ๋ ์ ํ ๎: secondary in Thai collation
_LEADING_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_THAI_BASE = 0xE000  # Thai letters move to the private use area, above every other BMP letter but Latin's
_LATIN_BASE = 0xE100  # a-z after Thai
_OTHER_BASE = 0xF0000  # other scripts after both (supplementary private use area)
_LEVELS = "\x01"  # below every primary character: a shorter primary sorts first


class _Primary(dict[int, str]):
    """The primary weight of each character, as the code point it stands for, made when first met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if 0x0E50 <= code <= 0x0E59:  # Thai numerals sort as their values
            weight = chr(code - 0x0E50 + 0x30)
        elif _THAI_FIRST <= code <= _THAI_LAST:
            weight = chr(_THAI_BASE + code - 0x0E00)
        elif "a" <= char <= "z":
            weight = chr(_LATIN_BASE + code)
        elif code < 0x80:
            weight = char  # spaces, punctuation and digits keep their order, below the letters
        else:
            weight = chr(_OTHER_BASE + code) if code < 0x10000 else char
        self[code] = weight
        return weight


_PRIMARY = _Primary()


def _thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def sort_key(text: str) -> str:
    """The stored sort key of a name ("" for none).

    Made a word at a time: a space is a character of its own in every step (normalization, case,
    leading vowels, marks), so a name's key is its words' primary weights joined by spaces, then
    their marks. Names repeat their words (a few hundred first and last names make 60,000 people),
    and each word is worked out once."""
    primary, marks = zip(*map(_word, text.split(" ")), strict=True)  # pairs: two columns
    second = "".join(marks)
    return " ".join(primary) + _LEVELS + second if second else " ".join(primary)


@lru_cache(maxsize=65_536)
def _word(word: str) -> tuple[str, str]:
    """A word's primary weights and its marks' (the second level), apart."""
    if word.isascii():
        return word.lower().translate(_PRIMARY), ""
    spelled = _LEADING_VOWEL.sub(r"\2\1", unicodedata.normalize("NFD", word).casefold())
    marks = "".join(c for c in spelled if ord(c) in _MARKS or (unicodedata.combining(c) and not _thai(c)))
    if not marks:
        return spelled.translate(_PRIMARY), ""
    base = "".join(c for c in spelled if c not in marks)
    return base.translate(_PRIMARY), marks.translate(_PRIMARY)
