"""The bundled Sarabun (Thai and Latin in one font) registered with reportlab, and text laid out
the Thai way: wrapped by us between words (crm_desktop.thai_words), because reportlab cuts
space-free Thai anywhere, and the Thai in each line shaped by HarfBuzz (reportlab's uharfbuzz
support) so that tone marks and vowels sit where the font puts them. Thai is shaped apart from the
other scripts in a line: one buffer guesses one script for all of it, and a Latin guess leaves Thai
marks unplaced.
Our own flowable draws the lines, which also spares reportlab's paragraph engine re-breaking them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from reportlab.lib.abag import ABag
from reportlab.lib.colors import Color, toColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord
from reportlab.platypus import Flowable

from crm_desktop.bundled import resource_path
from crm_desktop.thai_words import wrap

REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
SLACK = 1.5  # points kept free on each wrapped line: shaped widths may differ a little from the font's advances
BASELINE = 1.05  # the first baseline sits this many font sizes below a line's top (Thai marks stack high)
_SCRIPT_RUNS = re.compile(r"[\u0e00-\u0e7f]+|[^\u0e00-\u0e7f]+")


@cache
def register_fonts() -> None:
    """Once per process: reportlab keeps registered fonts globally."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "Sarabun-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "Sarabun-Bold.ttf"))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


def style(name: str, size: float = 9, *, bold: bool = False, align: int = 0, colour: str = "#000000",
          leading: float | None = None) -> ParagraphStyle:
    """Font, size, leading, alignment and colour of a text (a ParagraphStyle only as a container)."""
    register_fonts()
    return ParagraphStyle(name, fontName=BOLD if bold else REGULAR, fontSize=size, leading=leading or size * 1.45,
                          alignment=align, textColor=_colour(colour))


@cache
def _colour(code: str) -> Color:
    """A colour parsed once: reportlab parses a colour string anew at each use, a tenth of a report's time."""
    return toColor(code)


@lru_cache(maxsize=4096)
def shaped_runs(text: str, font: str, size: float) -> tuple[tuple[str, float], ...]:
    """`text` as (string, width) runs, one per script, ready for canvas.drawString: Thai runs shaped,
    the others as they are (Latin needs no shaping to be legible; it was a third of the PDF's time).
    Remembered: a report prints the same names and headings many times."""
    runs = []
    for run in _SCRIPT_RUNS.findall(text):
        width = pdfmetrics.stringWidth(run, font, size)
        if "\u0e00" <= run[0] <= "\u0e7f":
            word = shapeFragWord([width, (ABag(fontName=font, fontSize=size), run)])
            runs.append((word[1][1], float(word[0])))
        else:
            runs.append((run, width))
    return tuple(runs)


class TextLines(Flowable):
    """Lines already broken, each shaped and drawn as it is; splits between lines across pages."""

    def __init__(self, lines: list[str], st: ParagraphStyle) -> None:
        super().__init__()
        self.lines, self.st = lines, st
        self.runs = [shaped_runs(line, st.fontName, st.fontSize) for line in lines]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = len(self.lines) * self.st.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        fits = int(available_height // self.st.leading)
        if fits <= 0 or fits >= len(self.lines):
            return [] if fits <= 0 else [self]
        return [TextLines(self.lines[:fits], self.st), TextLines(self.lines[fits:], self.st)]

    def draw(self) -> None:
        canvas, st = self.canv, self.st
        canvas.setFillColor(st.textColor)
        canvas.setFont(st.fontName, st.fontSize)
        for number, runs in enumerate(self.runs):
            width = sum(w for _, w in runs)
            x = {TA_RIGHT: self.width - width, TA_CENTER: (self.width - width) / 2}.get(st.alignment, 0.0)
            y = self.height - number * st.leading - BASELINE * st.fontSize
            for text, run_width in runs:
                canvas.drawString(x, y, text)
                x += run_width


@dataclass(frozen=True)
class Wrapped:
    """One text as the layout broke it into lines (kept so tests can check every break)."""

    text: str
    lines: tuple[str, ...]


@dataclass
class Writer:
    """Makes text flowables whose lines we broke ourselves, and remembers every text it wrapped."""

    wrapped: list[Wrapped] = field(default_factory=list)

    def para(self, text: str, st: ParagraphStyle, width: float) -> TextLines:
        """`text` wrapped between words to `width` points."""
        def measure(part: str) -> float:
            return pdfmetrics.stringWidth(part, st.fontName, st.fontSize)

        if "\n" not in text and measure(text) <= width - SLACK:
            return TextLines([text], st)  # one line: no need to look for words
        lines = wrap(text, width - SLACK, measure)
        self.wrapped.append(Wrapped(text, tuple(lines)))
        return TextLines(lines, st)


def shorten(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line of `width` points: whole, or cut between words (between letter clusters
    inside one long word) with "…" — for chart labels and footers, where a second line has no room."""
    def measure(part: str) -> float:
        return pdfmetrics.stringWidth(part, font, size)

    if measure(text) <= width:
        return text
    ellipsis = measure("…")
    return wrap(text, max(width - ellipsis, 1.0), measure)[0].rstrip() + "…"
