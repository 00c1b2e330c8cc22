"""Thai word breaking and line filling for text we lay out ourselves (the PDFs).

Thai is written without spaces between words, and reportlab cuts a space-free run anywhere (THAI.md),
so we find the words: dictionary-based maximal matching over the bundled word list
(`resources/thai/`, see its README), choosing the split with the fewest characters outside known
words and then the fewest words. Breaks only ever fall on character-cluster boundaries: never before a
combining mark (upper and lower vowels, tone marks, ์), a following vowel (ะ า ำ), ๆ or ฯ, never after a
leading vowel (เ แ โ ใ ไ), and never before a consonant silenced by ์. Text that is not Thai breaks
after spaces and between Thai and other scripts (not inside brackets' edges or before punctuation).
Shared kernel: plain Python, no imports from the rest of the package but the resource path.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise

from crm_desktop.bundled import resource_path

_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_NEVER_FIRST = _MARKS | frozenset("ะาำๅๆฯ")
_NEVER_LAST = frozenset("เแโใไ")
_SILENCER = "\u0e4c"  # ์ thanthakhat: the consonant before it belongs to the previous syllable
_OPENING = frozenset("([{<\"'“‘«฿$#@")
_CLOSING = frozenset(")]}>\"'”’».,:;!?%")
_UNKNOWN, _WORD = 1, 0


def is_thai(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e5b"


def _cluster_start(text: str, i: int) -> bool:
    """May a break fall before text[i] (0 < i < len) as far as the letters go?"""
    char, before = text[i], text[i - 1]
    if char in _NEVER_FIRST or before in _NEVER_LAST:
        return False
    if char.isspace():
        return False  # spaces stay with the word before them
    after = text[i + 1] if i + 1 < len(text) else ""
    return not (after == _SILENCER or (after in _MARKS and text[i + 2 : i + 3] == _SILENCER))


@cache
def dictionary() -> tuple[str, ...]:
    """The sorted word list: the bundled list plus our own additions (business words it lacks)."""
    folder = resource_path("thai")
    words = gzip.decompress((folder / "words_th.txt.gz").read_bytes()).decode("utf-8").split("\n")  # sorted
    extra = folder / "words_extra.txt"
    if extra.is_file():
        for word in extra.read_text(encoding="utf-8").split():
            at = bisect_left(words, word)
            if not word.startswith("#") and (at == len(words) or words[at] != word):
                words.insert(at, word)
    return tuple(words)


def _matches(words: tuple[str, ...], text: str, start: int, end: int) -> Iterator[int]:
    """Ends j of the dictionary words text[start:j] (j <= end), shortest first."""
    low = 0
    for j in range(start + 1, end + 1):
        prefix = text[start:j]
        low = bisect_left(words, prefix, low)
        if low == len(words) or not words[low].startswith(prefix):
            return
        if words[low] == prefix:
            yield j


def _thai_breaks(text: str, start: int, end: int, words: tuple[str, ...]) -> list[int]:
    """Word breaks strictly inside the Thai run text[start:end], by maximal matching."""
    allowed = [i in (start, end) or _cluster_start(text, i) for i in range(start, end + 1)]
    unset = (end + 1, 0)
    best: list[tuple[int, int]] = [unset] * (end - start + 1)
    came: list[tuple[int, int]] = [(0, _WORD)] * (end - start + 1)  # (previous position, kind)
    best[0] = (0, 0)
    for i in range(start, end):
        here = best[i - start]
        if here is unset or not allowed[i - start]:
            continue
        for j in _matches(words, text, i, end):
            if allowed[j - start] and (here[0], here[1] + 1) < best[j - start]:
                best[j - start], came[j - start] = (here[0], here[1] + 1), (i, _WORD)
        j = i + 1
        while not allowed[j - start]:
            j += 1
        cost = (here[0] + j - i, here[1] + 1)
        if cost < best[j - start]:
            best[j - start], came[j - start] = cost, (i, _UNKNOWN)
    breaks: list[int] = []
    position, next_kind = end, _WORD
    while position > start:
        previous, kind = came[position - start]
        if not (kind == _UNKNOWN and next_kind == _UNKNOWN):  # unknown clusters in a row make one word
            breaks.append(position)
        position, next_kind = previous, kind
    return sorted(b for b in breaks if start < b < end)


def break_points(text: str) -> list[int]:
    """Positions 0 < i < len(text) where a line may break before text[i], in order."""
    words = dictionary()
    points: list[int] = []
    i, n = 0, len(text)
    while i < n:
        thai = is_thai(text[i])
        j = i
        while j < n and is_thai(text[j]) == thai:
            j += 1
        if thai:
            points.extend(_thai_breaks(text, i, j, words))
        else:  # after spaces
            points.extend(k for k in range(i + 1, j) if text[k - 1].isspace() and not text[k].isspace())
        if j < n and text[j - 1] not in _OPENING and text[j] not in _CLOSING and _cluster_start(text, j):
            points.append(j)  # where the script changes
        i = j
    return points


def segments(text: str) -> list[str]:
    """`text` cut at its break points: ''.join(segments(text)) == text; spaces end the piece they follow."""
    cuts = [0, *break_points(text), len(text)]
    return [text[a:b] for a, b in pairwise(cuts) if b > a]


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of `text` no wider than `width` by `measure`, broken only between words (and at the
    text's own line breaks). Spaces at a line's end are dropped. A single word wider than the line
    (a long code, an unknown run) is cut between letter clusters, the only case of a break inside a word."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in segments(paragraph):
            if line and measure((line + piece).rstrip()) > width:
                lines.append(line.rstrip())
                line = ""
            line += piece
            while measure(line.rstrip()) > width:
                head = _longest_fitting(line, width, measure)
                if head == line:
                    break
                lines.append(head)
                line = line[len(head) :]
        lines.append(line.rstrip())
    return lines


def _longest_fitting(word: str, width: float, measure: Callable[[str], float]) -> str:
    """The longest start of `word`, ending on a cluster boundary, that fits (at least one cluster)."""
    cut = next((i for i in range(1, len(word)) if _cluster_start(word, i)), len(word))
    for i in range(cut + 1, len(word)):
        if _cluster_start(word, i):
            if measure(word[:i]) > width:
                break
            cut = i
    return word[:cut]
