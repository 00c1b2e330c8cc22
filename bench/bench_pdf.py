"""Quotation PDF benchmark (issue 13): a 40-line quotation with long Thai names, Thai and English.

    python bench/bench_pdf.py [--db PATH] [--runs N]

Writes a 40-line quotation (and the company's details with a logo) into a new database, or into
a copy of PATH (e.g. the large demo, so the detail query runs among its rows), then times
`quotation_pdf` end to end: the detail query, the company settings, Thai word breaking, HarfBuzz
shaping, the table layout and the PDF. Beside it, in the same run, the raw baseline: the same rows
read with plain sqlite3 and the same texts drawn on a bare reportlab canvas with drawString (no
shaping, no wrapping, no tables). Target: 300 ms for the PDF. The first call of the process is
shown separately: it also loads the word list and the fonts.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import ms, row
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from crm_desktop.main import SystemClock
from crm_desktop.reports.fonts import REGULAR, register_fonts
from crm_desktop.reports.quotation import quotation_pdf
from crm_desktop.services.app import open_app
from crm_desktop.services.company import logo_png, set_company
from tests.quotation_samples import COMPANY, stored_customer, stored_quotation

LINES = 40


def raw_pdf(db_path: Path, quotation_id: str) -> bytes:
    """The baseline: plain sqlite3 and a bare canvas, the same texts, one line each, unshaped."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT position, description, unit, quantity_milli, unit_price_satang FROM quotation_line "
            "WHERE quotation_id = ? AND deleted_at IS NULL ORDER BY position", (quotation_id,)).fetchall()
        head = conn.execute("SELECT number, remarks FROM quotation WHERE id = ?", (quotation_id,)).fetchone()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    y = 800.0
    canvas.setFont(REGULAR, 9)
    canvas.drawString(40, y, f"{head[0]} {head[1]}")
    for position, description, unit, quantity, price in rows:
        y -= 16
        if y < 60:
            canvas.showPage()
            canvas.setFont(REGULAR, 9)
            y = 800
        canvas.drawString(40, y, f"{position + 1}  {description}  {quantity / 1000:g} {unit}  {price / 100:,.2f}")
    canvas.save()
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database to copy and add the quotation to (default: a new one)")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        path = Path(folder) / "bench.sqlite3"
        if args.db:
            shutil.copyfile(args.db, path)
        ctx = open_app(path, clock=SystemClock(), create=not args.db)
        try:
            picture = io.BytesIO()
            Image.new("RGB", (900, 300), "#1a237e").save(picture, "PNG")
            set_company(ctx.uow(), replace(COMPANY, logo=logo_png(picture.getvalue())))
            quotation = stored_quotation(ctx, stored_customer(ctx), LINES)
            register_fonts()
            first = time.perf_counter()
            pdf = quotation_pdf(ctx, quotation, "th")
            first = time.perf_counter() - first
            samples = {"th": [], "en": [], "raw": []}
            for _ in range(args.runs):
                for lang in ("th", "en"):
                    start = time.perf_counter()
                    quotation_pdf(ctx, quotation, lang)
                    samples[lang].append(time.perf_counter() - start)
                start = time.perf_counter()
                raw = raw_pdf(path, quotation)
                samples["raw"].append(time.perf_counter() - start)
        finally:
            ctx.close()
    print(f"quotation of {LINES} lines: {len(pdf):,} bytes (raw {len(raw):,}); {args.runs} runs; "
          f"sqlite {sqlite3.sqlite_version}")
    row("figure", "ours (p50)", "raw (p50)", "target")
    raw_p50 = statistics.median(samples["raw"])
    row("quotation PDF, Thai, 40 lines", ms(statistics.median(samples["th"])), ms(raw_p50), "<= 300 ms")
    row("quotation PDF, English, 40 lines", ms(statistics.median(samples["en"])), ms(raw_p50), "<= 300 ms")
    row("  best of runs (Thai)", ms(min(samples["th"])), ms(min(samples["raw"])), "")
    row("  slowest run (Thai)", ms(max(samples["th"])), ms(max(samples["raw"])), "")
    row("  first call (word list, fonts)", ms(first), "", "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
