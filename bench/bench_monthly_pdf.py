"""Monthly report PDF benchmark (issue 14): the whole report of a month on a database, Thai and English.

    python bench/bench_monthly_pdf.py --db PATH [--month YYYY-MM] [--runs N]

Opens PATH read-only (the large demo: open it, never copy it) and times `monthly_report_pdf` end to
end, then its two halves apart: running the analyses (`monthly_data`, each analysis timed too) and
laying out the PDF (`render_monthly`). Beside the layout, in the same run, the bare reportlab floor:
every printed cell of the same tables drawn with drawString on a bare canvas (no shaping, no wrapping,
no tables, no charts). Shaped Thai is forgotten before each timed report, as in the one report of
a fresh process. Target: 1.5 s for the whole PDF (aim 1 s). The first report of the process is
shown separately: it also loads the word list and the fonts, and reads the database cold.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import ms, row
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from crm_desktop.main import SystemClock
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.reports.fonts import REGULAR, register_fonts, shaped_runs
from crm_desktop.reports.monthly import monthly_report_pdf
from crm_desktop.reports.monthly.document import MAX_ROWS, MonthlyData, monthly_data, render_monthly
from crm_desktop.reports.monthly.sections import monthly_sections, report_analyses
from crm_desktop.reports.monthly.tables import cell_text
from crm_desktop.services.app import open_app


def bare_pdf(data: MonthlyData) -> bytes:
    """The floor: the cells the report prints, one table row per line, on a bare canvas."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont(REGULAR, 8.5)
    y = 800.0
    for _section, table in data.tables:
        for cells in table.rows[:MAX_ROWS]:
            y -= 12
            if y < 60:
                canvas.showPage()
                canvas.setFont(REGULAR, 8.5)
                y = 800
            canvas.drawString(34, y, "  ".join(cell_text(v, c, "en") for v, c in zip(cells, table.columns,
                                                                                          strict=True)))
    canvas.save()
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the database (opened read-only)")
    parser.add_argument("--month", default="2026-11")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ctx = open_app(args.db, clock=SystemClock(), read_only=True)
    try:
        sections = monthly_sections(report_analyses())
        register_fonts()
        start = time.perf_counter()
        pdf = monthly_report_pdf(ctx, args.month, "th")
        first = time.perf_counter() - start
        flt, today = ReportFilter.month(args.month), ctx.today()
        each = []
        for _section, analysis in sections:
            start = time.perf_counter()
            table = analysis(ctx.database, flt, today)
            each.append((table.key, len(table.rows), time.perf_counter() - start))
        samples: dict[str, list[float]] = {"th": [], "en": [], "data": [], "render": [], "bare": []}
        for _ in range(args.runs):
            for lang in ("th", "en"):
                shaped_runs.cache_clear()  # as the one report of a fresh process
                start = time.perf_counter()
                monthly_report_pdf(ctx, args.month, lang)
                samples[lang].append(time.perf_counter() - start)
            start = time.perf_counter()
            data = monthly_data(ctx, args.month, sections)
            samples["data"].append(time.perf_counter() - start)
            shaped_runs.cache_clear()
            start = time.perf_counter()
            render_monthly(data, "th")
            samples["render"].append(time.perf_counter() - start)
            start = time.perf_counter()
            bare_pdf(data)
            samples["bare"].append(time.perf_counter() - start)
    finally:
        ctx.close()
    p50 = {key: statistics.median(values) for key, values in samples.items()}
    print(f"monthly report {args.month} of {args.db}: {len(pdf):,} bytes, {len(sections)} analyses; "
          f"{args.runs} runs")
    row("figure", "ours (p50)", "bare (p50)", "target")
    row("monthly PDF, Thai, whole", ms(p50["th"]), "", "<= 1500 ms")
    row("monthly PDF, English, whole", ms(p50["en"]), "", "<= 1500 ms")
    row("  the analyses", ms(p50["data"]), "", "")
    row("  the layout (Thai)", ms(p50["render"]), ms(p50["bare"]), "")
    row("  first report of the process", ms(first), "", "")
    for key, rows, seconds in each:
        row(f"    {key} ({rows:,} rows)", ms(seconds), "", "<= 300 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
