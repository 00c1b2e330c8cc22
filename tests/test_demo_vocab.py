"""The demo word lists: big enough, free of duplicates, and made of clean Thai and ASCII text."""

from __future__ import annotations

import re
import unicodedata

import pytest

from crm_desktop.demo import vocab
from crm_desktop.models.contact import GENDERS

THAI_ONLY = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+(?: [\u0e01-\u0e3a\u0e40-\u0e4e]+)*")
HAS_THAI = re.compile(r"[\u0e01-\u0e4e]")
LINE_ID = re.compile(r"[a-z0-9._-]{1,20}")
ASCII_NAME = re.compile(r"(?:Mc)?[A-Z][a-z]+")

CONSTANTS = {name: value for name, value in vars(vocab).items() if name.isupper()}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("THAI_MALE_FIRST_NAMES", 150),
        ("THAI_FEMALE_FIRST_NAMES", 150),
        ("THAI_SURNAMES", 300),
        ("THAI_NICKNAMES", 120),
        ("EN_FIRST_NAMES", 80),
        ("EN_SURNAMES", 80),
        ("THAI_COMPANY_STEMS", 150),
        ("EN_COMPANY_WORDS", 60),
        ("INDUSTRIES", 20),
        ("JOB_POSITIONS", 30),
        ("INTERESTS", 25),
        ("TAGS", 20),
        ("CUSTOMER_SEGMENTS", 5),
        ("INCOME_BANDS", 5),
        ("THAI_NAME_PREFIXES", 5),
        ("PERSONAL_EMAIL_DOMAINS", 4),
        ("THAI_ROAD_NAMES", 20),
        ("THAI_SOI_NAMES", 20),
    ],
)
def test_list_is_big_enough(name: str, minimum: int) -> None:
    assert len(CONSTANTS[name]) >= minimum


@pytest.mark.parametrize("name", sorted(CONSTANTS))
def test_constant_is_a_nonempty_tuple_without_duplicates(name: str) -> None:
    value = CONSTANTS[name]
    assert isinstance(value, tuple) and value
    assert all(isinstance(item, str | tuple) for item in value)
    duplicates = {item for item in value if value.count(item) > 1}
    assert not duplicates


@pytest.mark.parametrize("name", sorted(CONSTANTS))
def test_text_is_clean(name: str) -> None:
    for text in _strings(CONSTANTS[name]):
        if not text and name.endswith("_PREFIXES"):
            continue  # the gender of a prefix that tells none
        assert text and text == text.strip() and "  " not in text, repr(text)
        assert unicodedata.normalize("NFC", text) == text, repr(text)
        assert "\ufffd" not in text and "à¸" not in text, repr(text)  # mojibake of UTF-8 Thai
        assert not re.search(r"\bTODO\b|xxx|lorem", text, re.IGNORECASE), repr(text)


@pytest.mark.parametrize(
    "words",
    [
        vocab.THAI_MALE_FIRST_NAMES,
        vocab.THAI_FEMALE_FIRST_NAMES,
        vocab.THAI_SURNAMES,
        tuple(thai for thai, _ in vocab.THAI_NICKNAMES),
        tuple(thai for thai, _ in vocab.THAI_COMPANY_STEMS),
        vocab.THAI_VILLAGE_NAMES,
        vocab.THAI_BUILDING_NAMES,
    ],
    ids=["male", "female", "surnames", "nicknames", "company_stems", "villages", "buildings"],
)
def test_thai_name_lists_hold_thai_letters_only(words: tuple[str, ...]) -> None:
    bad = [w for w in words if not THAI_ONLY.fullmatch(w)]
    assert not bad


def test_thai_name_lists_do_not_overlap() -> None:
    male, female = set(vocab.THAI_MALE_FIRST_NAMES), set(vocab.THAI_FEMALE_FIRST_NAMES)
    assert not male & female
    assert not (male | female) & set(vocab.THAI_SURNAMES)
    assert not set(vocab.EN_MALE_FIRST_NAMES) & set(vocab.EN_FEMALE_FIRST_NAMES)
    assert not set(vocab.EN_FIRST_NAMES) & set(vocab.EN_SURNAMES)


def test_nickname_lists() -> None:
    assert vocab.THAI_NICKNAMES == (
        vocab.THAI_MALE_NICKNAMES + vocab.THAI_FEMALE_NICKNAMES + vocab.THAI_UNISEX_NICKNAMES
    )
    thai = [t for t, _ in vocab.THAI_NICKNAMES]
    roman = [r for _, r in vocab.THAI_NICKNAMES]
    assert len(set(thai)) == len(thai)
    assert len(set(roman)) == len(roman)
    for text, romanised in vocab.THAI_NICKNAMES:
        assert romanised.isascii() and LINE_ID.fullmatch(romanised), (text, romanised)
        assert re.search(r"[a-z]", romanised), (text, romanised)


def test_line_id_patterns_give_valid_ids() -> None:
    for pattern in vocab.LINE_ID_PATTERNS:
        assert "{nick}" in pattern
        for _, nick in vocab.THAI_NICKNAMES:
            for year in (1955, 1987, 2008):
                line_id = pattern.format(nick=nick, year=year, yy=f"{year % 100:02d}", nn=7)
                assert LINE_ID.fullmatch(line_id), line_id


def test_company_stems_and_forms() -> None:
    for thai, roman in vocab.THAI_COMPANY_STEMS:
        assert re.fullmatch(r"[a-z]+", roman), (thai, roman)
    for forms in (vocab.THAI_COMPANY_FORMS, vocab.EN_COMPANY_FORMS):
        for template, weight in forms:
            assert template.count("{name}") == 1 and weight > 0
    names = {template.format(name="รุ่งเรือง") for template, _ in vocab.THAI_COMPANY_FORMS}
    assert {"บริษัท รุ่งเรือง จำกัด", "บริษัท รุ่งเรือง จำกัด (มหาชน)", "ห้างหุ้นส่วนจำกัด รุ่งเรือง", "หจก. รุ่งเรือง", "ร้านรุ่งเรือง"} == names
    en = {template.format(name="Siam") for template, _ in vocab.EN_COMPANY_FORMS}
    assert {"Siam Co., Ltd.", "Siam Trading", "Siam Group", "Siam (Thailand) Co., Ltd."} <= en
    for word in vocab.EN_COMPANY_WORDS + vocab.EN_COMPANY_SECTOR_WORDS:
        assert re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", word), word


def test_english_names_are_plain_ascii() -> None:
    for name in vocab.EN_FIRST_NAMES + vocab.EN_SURNAMES:
        assert ASCII_NAME.fullmatch(name), name


@pytest.mark.parametrize(
    ("name", "key_length"),
    [("INDUSTRIES", 60), ("CUSTOMER_SEGMENTS", 60), ("INCOME_BANDS", 20)],
)
def test_keyed_choices(name: str, key_length: int) -> None:
    rows = CONSTANTS[name]
    keys = [key for key, _, _ in rows]
    assert len(set(keys)) == len(keys)
    for key, thai, english in rows:
        assert key.isascii() and 0 < len(key) <= key_length
        assert HAS_THAI.search(thai), thai
        assert english and not HAS_THAI.search(english), english


@pytest.mark.parametrize("name", ["JOB_POSITIONS", "INTERESTS"])
def test_thai_english_pairs(name: str) -> None:
    for thai, english in CONSTANTS[name]:
        assert HAS_THAI.search(thai) and not HAS_THAI.search(english), (thai, english)


def test_tags_are_thai() -> None:
    assert "VIP" in vocab.TAGS
    thai_tags = [tag for tag in vocab.TAGS if HAS_THAI.search(tag)]
    assert len(thai_tags) >= 20


def test_prefixes() -> None:
    assert [thai for thai, _, _ in vocab.THAI_NAME_PREFIXES] == ["นาย", "นาง", "นางสาว", "ดร.", "คุณ"]
    for _, english, gender in vocab.THAI_NAME_PREFIXES:
        assert english.isascii() and gender in GENDERS
    for english, gender in vocab.EN_NAME_PREFIXES:
        assert english.isascii() and gender in GENDERS
    assert {gender for _, _, gender in vocab.THAI_NAME_PREFIXES} == {"male", "female", ""}


def test_address_forms_format() -> None:
    for road in vocab.THAI_ROAD_NAMES + vocab.THAI_SOI_NAMES:
        assert re.fullmatch(r"[\u0e01-\u0e4e0-9 -]+", road), road
    for template in vocab.THAI_ADDRESS_LINE_FORMS:
        line = template.format(
            no="99/12",
            moo=4,
            soi=vocab.THAI_SOI_NAMES[0],
            road=vocab.THAI_ROAD_NAMES[0],
            village=vocab.THAI_VILLAGE_NAMES[0],
            building=vocab.THAI_BUILDING_NAMES[0],
            floor=12,
        )
        assert line.startswith("99/12 ") and "{" not in line


def test_email_parts() -> None:
    assert {"gmail.com", "hotmail.com", "yahoo.co.th", "outlook.co.th"} <= set(vocab.PERSONAL_EMAIL_DOMAINS)
    for part in vocab.PERSONAL_EMAIL_DOMAINS + vocab.COMPANY_EMAIL_SUFFIXES + vocab.COMPANY_EMAIL_MAILBOXES:
        assert re.fullmatch(r"[a-z]+(?:\.[a-z]+)*", part), part
