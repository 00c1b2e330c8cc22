"""The monthly sales report as an A4 PDF, in Thai or English.

A title with the company, the month and the first section (the key figures against last month and
the same month last year), then one section after another, each a heading and its analyses: a
title, the chart the analysis asks for, the table (split across pages, header repeated) and the
analysis's note. The footer says when the report was made (Buddhist Era in Thai) and "page N of M".

The analyses are given as (section title key, analysis) pairs, so the report prints whatever the
catalog of analyses holds, in the order given, and knows nothing of how a figure is computed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
from reportlab.platypus.flowables import HRFlowable

from crm_desktop.clock import office_time
from crm_desktop.db.database import Database
from crm_desktop.errors import DomainError
from crm_desktop.queries.reports.forecast import ForecastExplanation
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.parallel import side_by_side
from crm_desktop.queries.reports.table import ReportTable
from crm_desktop.reports.fonts import REGULAR, TextLines, Wrapped, Writer, shorten, style
from crm_desktop.reports.monthly.charts import chart_drawing
from crm_desktop.reports.monthly.cover import key_figures_cover
from crm_desktop.reports.monthly.labels import month_name, title, word
from crm_desktop.reports.monthly.method import Explain, method_lines
from crm_desktop.reports.monthly.tables import INK, render_table
from crm_desktop.reports.pages import FOOT, MARGIN, WIDTH, build_pdf
from crm_desktop.services.app import AppContext
from crm_desktop.services.company import CompanyInput, printed_company
from crm_desktop.services.formatting import format_date_long

Analysis = Callable[[Database, ReportFilter, date], ReportTable]
Section = tuple[str, Analysis]  # (section title key, the analysis printed under it)
# A printed table shows the analysis's first rows, the ones that matter most (rows come sorted), and
# says how many it left out: on the large demo a month has 15,000 late deliveries and 1,900 products
# sold, pages nobody reads that would take a minute to lay out. The Reports tab has every row.
MAX_ROWS = 30
KEEP_WHOLE = 8  # rows: a table this short moves to the next page whole with its title, chart and notes


@dataclass(frozen=True)
class MonthlyData:
    """Everything the report prints, computed before any layout."""

    company: CompanyInput
    month: str  # "YYYY-MM"
    made: datetime  # office time
    tables: tuple[tuple[str, ReportTable], ...]  # (section title key, table), in print order
    forecast_method: ForecastExplanation | None = None  # printed under the "forecast" table


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    wrapped: tuple[Wrapped, ...]  # every text the layout broke into lines


def last_month(today: date) -> str:
    """The month before `today`'s, "YYYY-MM": the report the owner wants on the first of a month."""
    previous = today.replace(day=1) - timedelta(days=1)
    return f"{previous.year:04d}-{previous.month:02d}"


def check_report_month(month: str, today: date) -> None:
    """Refuse a month that has not begun on `today` (its report would be empty)."""
    if month > f"{today.year:04d}-{today.month:02d}":
        raise DomainError("{month} has not begun yet; give this month or an earlier one.", month=month)


def monthly_data(ctx: AppContext, month: str, sections: Sequence[Section], explain: Explain | None = None
                 ) -> MonthlyData:
    """Run every analysis of `sections` (and `explain`, how the forecast was made) on `month`
    ("YYYY-MM"), as of the context's clock."""
    flt, today = ReportFilter.month(month), ctx.today()
    check_report_month(month, today)
    results = side_by_side([partial(analysis, ctx.database, flt, today) for _, analysis in sections])
    tables = tuple((title, table) for (title, _), table in zip(sections, results, strict=True))
    method = explain(ctx.database, flt, today) if explain is not None else None
    return MonthlyData(printed_company(ctx.uow()), month, office_time(ctx.now()), tables, method)


def monthly_report(ctx: AppContext, month: str, lang: str, sections: Sequence[Section],
                   explain: Explain | None = None) -> RenderedReport:
    """The report of `month` ("YYYY-MM") in `lang`, with `sections` and `explain` (reports/monthly/
    sections.py's in the app)."""
    return render_monthly(monthly_data(ctx, month, sections, explain), lang)


def render_monthly(data: MonthlyData, lang: str, *, max_rows: int = MAX_ROWS) -> RenderedReport:
    """The PDF of `data` in "th" or "en", each table cut to its first `max_rows` rows."""
    layout = _Layout(data, "th" if lang == "th" else "en", max_rows)
    pdf = build_pdf(layout.story(), layout.footer, title=f"{layout.title} {layout.month}", author=layout.company)
    return RenderedReport(pdf, tuple(layout.writer.wrapped))


class _Layout:
    def __init__(self, data: MonthlyData, lang: str, max_rows: int) -> None:
        self.data, self.lang, self.max_rows = data, lang, max_rows
        self.writer = Writer()
        company = data.company
        english = lang == "en"
        self.company = (company.name_en if english and company.name_en else company.name_th) or company.name_en
        self.title = title("report_title", lang)
        self.month = month_name(data.month, lang)
        made = format_date_long(data.made.date(), lang, buddhist=lang == "th")
        self.made = title("made", lang).format(date=f"{made} {data.made:%H:%M}")
        self.section = style("section", 14, bold=True, colour=INK)
        self.heading = style("heading", 10.5, bold=True, colour="#263238")
        self.note = style("note", 8, colour="#546e7a")
        self.text = style("text", 9)

    def p(self, text: str, st: Any, width: float = WIDTH) -> TextLines:
        return self.writer.para(text, st, width)

    def story(self) -> list[Any]:
        story = self.cover()
        for number, (section, table) in enumerate(self.data.tables):
            first = number == 0 or section != self.data.tables[number - 1][0]
            story += self.analysis(table, section, first=first, gap=first and number > 0)
        return story

    def cover(self) -> list[Any]:
        story: list[Any] = [Spacer(1, 6 * mm)]
        if self.company:
            story.append(self.p(self.company, style("cover_company", 16, bold=True, colour="#37474f")))
        story += [Spacer(1, 3 * mm), self.p(self.title, style("cover_title", 26, bold=True, colour=INK, leading=36)),
                  self.p(self.month, style("cover_month", 20, colour=INK, leading=30)), Spacer(1, 2 * mm),
                  self.p(self.made, self.note), Spacer(1, 4 * mm),
                  HRFlowable(width="100%", thickness=1.2, color=colors.HexColor(INK)), Spacer(1, 8 * mm)]
        return story

    def section_heading(self, section: str) -> list[Any]:
        heading = self.p(title(section, self.lang), self.section)
        rule = HRFlowable(width="100%", thickness=0.6, color=colors.HexColor(INK), spaceAfter=2 * mm)
        return [heading, rule]

    def analysis(self, table: ReportTable, section: str, *, first: bool, gap: bool) -> list[Any]:
        """The section's heading when `first` (after a `gap`), the analysis's title (unless the
        section's title says it already), chart, table and notes; a new page first unless the
        headings, the chart and a few rows fit on this one."""
        name = title(table.key, self.lang)
        parts: list[Any] = [Spacer(1, 4 * mm)] if gap else []
        if first:
            parts += self.section_heading(section)
        if name != title(section, self.lang):
            parts.append(self.p(name, self.heading))
        chart = chart_drawing(table, self.lang, WIDTH)  # all rows: a pie's "others" slice sums the rest
        if chart is not None:
            parts += [Spacer(1, 1 * mm), chart]
        needed = sum(part.wrap(WIDTH, 0)[1] for part in parts) + 20 * mm  # the title, chart and a few rows
        shown = replace(table, rows=table.rows[: self.max_rows], ids=table.ids[: self.max_rows])
        body: list[Any] = (key_figures_cover(table, self.lang, self.writer, WIDTH)
                           or [render_table(shown, self.lang, self.writer, WIDTH) if table.rows
                               else self.p(word("no_rows", self.lang), self.note)])
        notes = [word(table.note, self.lang)] if table.note else []
        if len(shown.rows) < len(table.rows):
            notes.append(word("rows_left_out", self.lang).format(shown=len(shown.rows), rows=f"{len(table.rows):,}"))
        if table.key == "forecast" and self.data.forecast_method is not None:
            notes += method_lines(self.data.forecast_method, self.lang)
        body += [Spacer(1, 1.5 * mm)] * bool(notes) + [self.p(note, self.note) for note in notes]
        whole = [*parts, Spacer(1, 1.5 * mm), *body]
        if len(shown.rows) <= KEEP_WHOLE:  # a short table is not worth splitting from its chart or notes
            return [KeepTogether(whole), Spacer(1, 5 * mm)]
        return [CondPageBreak(needed), *whole, Spacer(1, 5 * mm)]

    def footer(self, canvas: Canvas, page: int, pages: int) -> None:
        """The report and month on the left, when it was made and the page on the right, over a rule."""
        y = MARGIN + FOOT / 2
        left = f"{self.company}  ·  {self.title} {self.month}" if self.company else f"{self.title} {self.month}"
        right = TextLines([f"{self.made}  ·  {title('page', self.lang).format(page=page, pages=pages)}"],
                          style("footer_right", 7.5, align=TA_RIGHT, colour="#616161"))
        room = WIDTH - sum(w for _, w in right.runs[0]) - 12
        for lines in (TextLines([shorten(left, REGULAR, 7.5, room)], style("footer_left", 7.5, colour="#616161")),
                      right):
            _, height = lines.wrap(WIDTH, FOOT)
            lines.drawOn(canvas, MARGIN, y - height)
        canvas.setStrokeColor(colors.HexColor("#cfd8dc"))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 2, MARGIN + WIDTH, y + 2)
