"""The bundled Sarabun (Thai and Latin in one font) registered with reportlab, and text laid out
the Thai way: shaped by HarfBuzz (reportlab's `shaping`, through uharfbuzz) and wrapped by us
between words (crm_desktop.thai_words), because reportlab cuts space-free Thai anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from crm_desktop.bundled import resource_path
from crm_desktop.thai_words import wrap

REGULAR = "Sarabun"
BOLD = "Sarabun-Bold"
SLACK = 1.5  # points kept free on each wrapped line: shaped widths may differ a little from the font's advances


@cache
def register_fonts() -> None:
    """Once per process: reportlab keeps registered fonts globally."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "Sarabun-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "Sarabun-Bold.ttf"))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


def style(name: str, size: float = 9, *, bold: bool = False, align: int = 0, colour: str = "#000000",
          leading: float | None = None) -> ParagraphStyle:
    """A paragraph style that shapes Thai (`shaping=1`; THAI.md: the default 0 lets marks collide)."""
    register_fonts()
    return ParagraphStyle(name, fontName=BOLD if bold else REGULAR, fontSize=size, leading=leading or size * 1.45,
                          alignment=align, textColor=colour, shaping=1)


@dataclass(frozen=True)
class Wrapped:
    """One text as the layout broke it into lines (kept so tests can check every break)."""

    text: str
    lines: tuple[str, ...]


@dataclass
class Writer:
    """Makes paragraphs whose lines we broke ourselves, and remembers every text it wrapped."""

    wrapped: list[Wrapped] = field(default_factory=list)

    def para(self, text: str, st: ParagraphStyle, width: float) -> Paragraph:
        """`text` wrapped between words to `width` points, each line an explicit break."""
        lines = wrap(text, width - SLACK, lambda s: pdfmetrics.stringWidth(s, st.fontName, st.fontSize))
        if len(lines) > 1 or lines != [text]:
            self.wrapped.append(Wrapped(text, tuple(lines)))
        return Paragraph("<br/>".join(escape(line) for line in lines), st)
