"""What every printed document shares: the A4 page with its margins and footer band, building a story
into PDF bytes with "page N of M" (the total is only known at the end, so pages wait), and saving
the bytes by the rules of every output file."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from crm_desktop.db.output import write_output

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 12 * mm
FOOT = 8 * mm  # the band under the text where the footer sits
WIDTH = PAGE_WIDTH - 2 * MARGIN

Footer = Callable[[Canvas, int, int], None]  # (canvas, page, pages): draws one page's footer


class NumberedCanvas(Canvas):
    """Keeps each page until the end so that every footer can say "page N of M"."""

    def __init__(self, *args: Any, footer: Footer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._footer(self, number, len(self._pages))
            super().showPage()
        super().save()


def build_pdf(story: list[Any], footer: Footer, *, title: str, author: str) -> bytes:
    """`story` laid out on A4 pages with our margins, `footer` drawn on each, as PDF bytes. The frame
    has no padding of its own, so that a flowable WIDTH wide ends at the right margin."""
    out = io.BytesIO()
    doc = BaseDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN + FOOT, title=title, author=author, creator="crm_desktop")
    frame = Frame(MARGIN, MARGIN + FOOT, WIDTH, PAGE_HEIGHT - 2 * MARGIN - FOOT, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer=footer))
    return out.getvalue()


def save_pdf(pdf: bytes, dest: Path, db_path: Path, *, force: bool = False) -> Path:
    """Write `pdf` to `dest` by the rules of every output file (db/output.py: never over the database,
    a file we did not make only with `force`, whole or not at all)."""
    return write_output(dest, db_path, pdf, force=force)
