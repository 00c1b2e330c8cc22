"""Thai word breaking (crm_desktop/thai_words.py): lossless, only between words, never before a mark."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.thai_words import break_points, dictionary, segments, wrap

MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
NEVER_FIRST = MARKS + "ะาำๅๆฯ"
LEADING = "เแโใไ"
ALPHABET = "กขคงจชซดตทนบปผพฟมยรลวสหอฮ" + MARKS + "ะาำเแโใไๆฯ" + "AbZ09 -(),.฿%\n"
WORDS = ("เครื่องปรับอากาศ", "ติดตั้ง", "ราคา", "สัมพันธ์", "ลูกค้า", "บริษัท", "จำกัด", "ใบเสนอราคา", "ภาษี",
         "มูลค่า", "เพิ่ม", "รับประกัน", "ส่วนลด", "พร้อม", "บริการ", "ขาย", "กล่อง", "ชุด", "เดือน")


@given(st.text(alphabet=ALPHABET, max_size=60))
@settings(max_examples=400, deadline=None)
def test_breaking_is_lossless_and_never_splits_a_cluster(text: str) -> None:
    pieces = segments(text)
    assert "".join(pieces) == text
    for piece in pieces[1:]:
        assert piece[0] not in NEVER_FIRST  # no break before a combining mark, a following vowel, ๆ or ฯ
    for piece in pieces[:-1]:
        assert piece[-1] not in LEADING  # no break after a leading vowel
    points = break_points(text)
    assert points == sorted(set(points)) and all(0 < p < len(text) for p in points)


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_known_words_in_a_row_break_only_between_words(words: list[str]) -> None:
    text = "".join(words)
    known = set(dictionary())
    assert all(piece in known for piece in segments(text))  # no break inside a word, no piece left unknown


def test_a_product_name_breaks_into_words() -> None:
    text = "เครื่องปรับอากาศแบบติดผนังอินเวอร์เตอร์ 18,000 บีทียู พร้อมติดตั้ง (รวมค่าขนส่ง) กรุงเทพฯ ดีๆ"
    assert segments(text) == ["เครื่องปรับอากาศ", "แบบ", "ติด", "ผนัง", "อินเวอร์เตอร์ ", "18,000 ", "บีทียู ",
                              "พร้อม", "ติดตั้ง ", "(รวม", "ค่าขนส่ง) ", "กรุงเทพฯ ", "ดีๆ"]


def test_latin_breaks_after_spaces_and_beside_thai() -> None:
    assert segments("Daikin FTKC18 แอร์ Inverter") == ["Daikin ", "FTKC18 ", "แอร์ ", "Inverter"]
    assert segments("รุ่นABC") == ["รุ่น", "ABC"]


@given(st.lists(st.sampled_from([*WORDS, "Daikin ", "18,000 ", " "]), max_size=30), st.integers(16, 40))
@settings(max_examples=200, deadline=None)
def test_wrapped_lines_fit_and_start_at_break_points(parts: list[str], width: int) -> None:
    text = "".join(parts)  # no word is longer than 16 characters, so none needs cutting
    lines = wrap(text, width, len)
    allowed = set(break_points(text))
    position = 0
    for number, line in enumerate(lines):
        assert len(line) <= width
        while position < len(text) and text[position] == " " and not text.startswith(line, position):
            position += 1  # the spaces a line break dropped
        assert text.startswith(line, position)
        if number and line:
            assert position in allowed
        position += len(line)
    assert text[position:].strip() == ""


def test_a_word_longer_than_the_line_is_cut_between_clusters() -> None:
    lines = wrap("เครื่องปรับอากาศ", 5, len)
    assert "".join(lines) == "เครื่องปรับอากาศ"
    assert all(line[0] not in NEVER_FIRST for line in lines[1:])
