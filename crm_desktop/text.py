"""Pure text helpers shared by every layer (no imports from the rest of the package)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def ascii_digits(text: str) -> str:
    """Thai numerals to ASCII, so one regex (always [0-9], never \\d) checks both."""
    # ASCII text has no Thai numeral: isascii reads a flag, translate costs 1 µs (an import asks 500,000 times)
    return text if text.isascii() else text.translate(_THAI_DIGITS)


_PHONE_QUERY = re.compile(r"\+?[0-9\s().\-]*")


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def typed_query(text: str) -> str:
    """What a search or a filter looks for: the text as typed, without the control characters a paste
    can bring (a NUL, which no server's text may hold and no record does), its ends trimmed."""
    return _CONTROLS.sub("", text).strip()


def query_phone_digits(text: str) -> str | None:
    """Turn a phone-like search query into the digit form `phone_search_digits` indexes.

    None when the query is not phone-like (needs 3+ digits and only digits, spaces, + - ( ) .),
    so the caller searches names instead. "+66 81 23" and "66812" become "08123"/"0812".
    """
    query = ascii_digits(text).strip()
    if _PHONE_QUERY.fullmatch(query) is None:
        return None
    digits = re.sub(r"[^0-9]", "", query)
    if len(digits) < 3:
        return None
    if digits.startswith("0066") and not query.startswith("+"):
        digits = digits[2:]
    elif not digits.startswith("66") and query.startswith("+"):
        return digits
    if digits.startswith("66"):
        rest = digits[2:]
        # "+66 (0) 81…" already has the trunk 0; 1xxx service numbers never get one.
        return rest if rest.startswith(("0", "1")) else "0" + rest
    return digits


# --- Name normalization for duplicate matching (THAI.md, "Name normalization") ----------------------
#
# Names are compared after: Unicode NFKC, Latin case folding, punctuation turned into spaces, spaces
# collapsed, then titles (people) or company forms (companies) stripped, repeatedly, from the ends.
# A Thai title is often written attached ("นายสมชาย"); it is stripped only when what follows can
# start a Thai syllable (a consonant or a leading vowel), so "คุณากร" (a name) keeps its "คุณ".
# Nothing is stripped when it would leave the name empty ("นาง" alone stays "นาง").

_THAI_START = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e44]")  # consonants and leading vowels
_THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")

# Written after punctuation removal ("ดร." is "ดร", "น.ส." is "น ส"), longest first.
PERSON_TITLES_THAI = ("นางสาว", "นาย", "นาง", "คุณ", "ดร", "น ส", "ด ช", "ด ญ")
PERSON_TITLES_LATIN = ("mr", "mrs", "ms", "miss", "dr", "khun")
COMPANY_PREFIXES_THAI = ("ห้างหุ้นส่วนจำกัด", "ห้างหุ้นส่วนสามัญ", "บริษัท", "บมจ", "หจก", "บจก")
COMPANY_SUFFIXES_THAI = ("จำกัด มหาชน", "จำกัดมหาชน", "จำกัด", "มหาชน")
COMPANY_FORMS_LATIN = ("co", "ltd", "limited", "pcl", "plc", "public", "company", "inc", "corp", "corporation")

SIMILARITY_THRESHOLD = 0.85  # difflib ratio of two name keys at or above which names are "close"
MATCH_KEY_LENGTH = 200  # the match_key column's size


class _PunctuationToSpace(dict[int, str]):
    """A str.translate table, filled as characters are met: punctuation and symbols (categories
    P*, S*) become spaces, everything else (Thai marks included) stays. Bulk loads and sync imports
    normalize 100k names; a character-by-character loop took most of that time."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = " " if unicodedata.category(char)[0] in "PS" else char
        return self[code]


_PUNCTUATION_TO_SPACE = _PunctuationToSpace()


def _basic_normalize(text: str) -> str:
    # NFKC folds full-width Latin but splits SARA AM (ำ) into NIKHAHIT + SARA AA: put it back.
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u0e4d\u0e32", "\u0e33")
    return " ".join(text.translate(_PUNCTUATION_TO_SPACE).split())


def _strip_thai_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    if not text.startswith(prefixes):  # most names: one C-level test instead of a loop
        return text
    for prefix in prefixes:
        if not text.startswith(prefix):
            continue
        rest = text[len(prefix):]
        if rest.startswith(" "):
            rest = rest.lstrip()
        elif not rest or (_THAI_START.match(rest) is None and _THAI_CHAR.match(rest)):
            continue  # "คุณากร": the prefix is part of the word
        if rest:
            return rest
    return text


def _strip_thai_suffix(text: str, suffixes: tuple[str, ...]) -> str:
    if not text.endswith(suffixes):
        return text
    for suffix in suffixes:
        if text.endswith(suffix):
            rest = text[: -len(suffix)].rstrip()
            if rest:
                return rest
    return text


def _strip_tokens(text: str, forms: tuple[str, ...], *, front: bool, back: bool) -> str:
    if not ((front and text.startswith(forms)) or (back and text.endswith(forms))):
        return text  # no form at either end (text comes single-spaced from _basic_normalize)
    tokens = text.split()
    while front and len(tokens) > 1 and tokens[0] in forms:
        tokens.pop(0)
    while back and len(tokens) > 1 and tokens[-1] in forms:
        tokens.pop()
    return " ".join(tokens)


def _until_stable(text: str, step: Callable[[str], str]) -> str:
    while True:
        stripped = step(text)
        if stripped == text:
            return text
        text = stripped


def normalize_person_name(text: str) -> str:
    """A person's name without titles (นาย, นางสาว, คุณ, ดร., Mr, Mrs, Dr…), lower-case Latin, single spaces."""

    def step(value: str) -> str:
        value = _strip_tokens(value, PERSON_TITLES_LATIN, front=True, back=False)
        return _strip_thai_prefix(value, PERSON_TITLES_THAI)

    return _until_stable(_basic_normalize(text), step)


def normalize_company_name(text: str) -> str:
    """A company's name without its legal form (บริษัท … จำกัด (มหาชน), บมจ., หจก., Co., Ltd., PCL…)."""

    def step(value: str) -> str:
        value = _strip_tokens(value, COMPANY_FORMS_LATIN, front=False, back=True)
        value = _strip_thai_prefix(value, COMPANY_PREFIXES_THAI)
        return _strip_thai_suffix(value, COMPANY_SUFFIXES_THAI)

    return _until_stable(_basic_normalize(text), step)


def name_key(normalized: str) -> str:
    """The blocking key of a normalized name: no spaces ("สมชาย ใจดี" and "สมชายใจดี" meet), capped."""
    return normalized.replace(" ", "")[:MATCH_KEY_LENGTH]


def person_key(first_name: str, last_name: str = "") -> str:
    """Blocking key of a person (contacts, leads with a person's name); "" when there is no name."""
    return name_key(normalize_person_name(f"{first_name} {last_name}"))


@lru_cache(maxsize=8_192)
def company_key(name: str) -> str:
    """Blocking key of a company (accounts, leads with only a company name). Remembered: the same few
    hundred companies come back on every row of an import of their staff (three keys a row, 300,000 in all)."""
    return name_key(normalize_company_name(name))


def similarity(a: str, b: str) -> float:
    """How close two names are, 0..1, compared as blocking keys; "close" means >= SIMILARITY_THRESHOLD."""
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def email_key(value: str) -> str:
    """An e-mail as stored and matched: trimmed, the domain in lower case (the local part keeps its case)."""
    local, at, domain = value.strip().rpartition("@")
    return f"{local}@{domain.lower()}" if at else value.strip()


def is_e164(text: str) -> bool:
    """A phone in its stored form: "+" and ASCII digits only (the import's fast paths skip the rules)."""
    return text[:1] == "+" and text[1:].isascii() and text[1:].isdigit()


def phone_key(text: str) -> str:
    """A phone as E.164 for matching: "+66 81 234 5678", "081-234-5678" and "66812345678" are equal."""
    if is_e164(text):
        return text  # stored already (every phone an import reads): nothing to strip
    digits = re.sub(r"[^0-9]", "", ascii_digits(text))
    if not digits:
        return ""
    if text.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return "+66" + digits[1:]
    if digits.startswith("66"):
        return "+" + digits
    return digits


def join_address(line: str, subdistrict: str, district: str, province: str, postcode: str) -> str:
    """A Thai postal address as printed on envelopes: the street line, then the area and postcode.

    Two explicit lines also keep the detail pane from clipping a long address: a word-wrapped
    label in a scroll area is not always given the height its wrapped text needs.
    """
    area = " ".join(p for p in (subdistrict, district, province, postcode) if p)
    return "\n".join(p for p in (line, area) if p)
