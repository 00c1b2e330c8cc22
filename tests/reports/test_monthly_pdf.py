"""The monthly sales report PDF (reports/monthly/) read back with pypdf, and `crm-desktop report monthly`.

The tables come from tests/reports/monthly_samples.py, shaped as the analyses return them, so the
layout is checked apart from the figures (the analyses' own tests check those). Shaped Thai extracts
with private-use code points where marks moved (THAI.md): Thai is compared by its consonants.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import String
from reportlab.pdfbase.ttfonts import ShapedStr

from crm_desktop.errors import DomainError
from crm_desktop.main import main
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.table import Chart, Column, ReportTable
from crm_desktop.reports.monthly.charts import chart_drawing
from crm_desktop.reports.monthly.document import last_month, monthly_report, render_monthly
from crm_desktop.reports.monthly.labels import TITLES, WORDS
from crm_desktop.reports.monthly.sections import monthly_sections
from crm_desktop.reports.monthly.tables import cell_text
from crm_desktop.reports.pages import WIDTH
from crm_desktop.services.company import CompanyInput, set_company
from crm_desktop.thai_words import is_thai
from tests.reports.monthly_samples import (
    COMPANY,
    LONG_WORD,
    MARKUP_NAME,
    forecast,
    sales_by_rep,
    sales_by_segment,
    sample_data,
    top_customers,
)
from tests.server_helpers import command_db
from tests.time_helpers import TODAY, make_clock

pytestmark = pytest.mark.server  # the `ctx` tests run on both engines


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def consonants(text: str) -> str:
    """Thai consonants only (ก–ฮ), the part of shaped Thai that extracts unchanged."""
    return re.sub(r"[^\u0e01-\u0e2e]", "", text)


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def english() -> list[str]:
    return pages(render_monthly(sample_data(), "en").pdf)


def test_the_english_report_holds_the_headings_the_totals_and_the_month(english: list[str]) -> None:
    text = "\n".join(english)
    assert "Siam Trading Co., Ltd." in english[0]
    assert "Monthly sales report" in english[0] and "November 2026" in english[0]
    assert "Made 1 December 2026 08:30" in english[0]
    for heading in ("Key figures", "Sales by rep against target", "Top customers", "Sales by segment",
                    "Sales by channel", "Pipeline by stage", "Why deals were lost", "New leads by source",
                    "Trade show",
                    "Activities per rep", "Late deliveries", "Sales forecast for the coming months",
                    "How accurate the past forecasts were"):
        assert heading in text, heading
    assert "1,234,567.89" in text  # the sales total, on the cover and under the reps
    assert "2,800,000.00" in text  # the weighted pipeline
    assert "+12.2%" in text  # a change against last month
    assert "Dec 2026" in text and "Feb 2027" in text  # the forecast's months
    assert "How it was made: seasonal average with trend." in text and "Trend: +12,345.67 baht a month." in text
    assert "MAPE 4.8%, bias -0.3%" in " ".join(text.split())  # its accuracy, in words


def test_every_page_says_page_n_of_m(english: list[str]) -> None:
    for number, text in enumerate(english, 1):
        assert f"Page {number} of {len(english)}" in text


def test_markup_characters_and_a_300_character_word_print_as_typed() -> None:
    rendered = render_monthly(sample_data(), "en")
    text = "\n".join(pages(rendered.pdf))
    assert MARKUP_NAME in text  # reportlab read no markup in it
    assert LONG_WORD in squeezed(text)  # broken over lines, nothing lost
    lines = next(w.lines for w in rendered.wrapped if w.text == LONG_WORD)
    assert len(lines) > 1 and "".join(lines) == LONG_WORD


def test_a_table_of_200_rows_splits_across_pages_and_repeats_its_header() -> None:
    data = sample_data(deliveries=200)
    texts = pages(render_monthly(data, "en", max_rows=200).pdf)
    holding = [t for t in texts if "SO2569-" in t]
    assert len(holding) >= 4
    for text in holding:
        assert "Days" in text and "Promised" in text and "Order" in text  # the header, on every page
    numbers = {int(n) for t in holding for n in re.findall(r"SO2569-(\d{4})", t)}
    assert numbers == set(range(1, 201))


def test_a_long_table_prints_its_first_rows_and_says_how_many_it_left_out() -> None:
    text = "\n".join(pages(render_monthly(sample_data(deliveries=1234), "en", max_rows=50).pdf))
    assert "SO2569-0050" in text and "SO2569-0051" not in text
    assert "The first 50 of 1,234 rows" in text


def test_the_thai_report_renders_with_buddhist_era_years() -> None:
    texts = pages(render_monthly(sample_data(), "th").pdf)
    text = "\n".join(texts)
    assert consonants("รายงานยอดขายประจำเดือน") in consonants(texts[0])
    assert "2569" in texts[0] and "2026" not in text  # พฤศจิกายน 2569, made on 1 ธันวาคม 2569
    assert "01/11/2569" in text  # a date in a table
    assert "1,234,567.89" in text
    assert consonants("ยอดขายของพนักงานเทียบเป้า") in consonants(text)
    for number, page in enumerate(texts, 1):
        assert f"{number}/{len(texts)}" in page


def test_cells_print_by_their_kind() -> None:
    percent, money = Column("share", "percent"), Column("sales", "money")
    assert cell_text(None, percent, "en") == "–"
    assert cell_text(12.25, Column("change_month", "percent"), "en") == "+12.2%"
    assert cell_text(-4.0, Column("change_month", "percent"), "en") == "-4.0%"
    assert cell_text(123_456_78, money, "th") == "123,456.78"
    assert cell_text(date(2026, 11, 5), Column("due", "date"), "th") == "05/11/2569"
    assert cell_text("2026-11", Column("month", "month"), "th") == "พ.ย. 2569"
    assert cell_text("win_rate", Column("figure", "key"), "en") == "Win rate"
    assert cell_text("no_such_key", Column("figure", "key"), "en") == "No such key"
    assert cell_text("none", Column("kind", "key"), "en") == "Not kept"  # the forecast's own wording
    assert cell_text("none", Column("source", "key"), "th") == "(ไม่ระบุ)"
    assert cell_text("Quotation", Column("stage", "text"), "th") == "เสนอราคา"  # a default stage, not renamed
    assert cell_text("Quotation", Column("product", "text"), "th") == "Quotation"  # text is printed as typed


def test_every_sample_key_has_both_wordings() -> None:
    for _section, table in sample_data().tables:
        assert table.key in TITLES
        for column in table.columns:
            assert column.key in WORDS, column.key


def test_an_analysis_without_rows_or_chart_figures_says_so() -> None:
    empty = ReportTable("sales_by_rep", sales_by_rep().columns, (), None, Chart("bar", "rep", ("sales",)))
    data = replace(sample_data(), tables=(("section_cover", empty), ("section_reps", empty)))
    assert "Nothing to show for this month." in "\n".join(pages(render_monthly(data, "en").pdf))


def test_many_customers_and_a_pie_of_many_slices_render() -> None:
    texts = pages(render_monthly(sample_data(customers=60), "en").pdf)
    assert "Customer 029" in "\n".join(texts) and "The first 30 of 60 rows" in "\n".join(texts)


def test_the_report_runs_each_analysis_on_the_month_as_of_the_clock(ctx) -> None:
    set_company(ctx.uow(), COMPANY)
    seen: list[tuple[ReportFilter, date]] = []

    def analysis(db: object, flt: ReportFilter, today: date) -> ReportTable:
        seen.append((flt, today))
        return top_customers(3)

    rendered = monthly_report(ctx, "2026-10", "en", [("section_cover", analysis), ("section_customers", analysis)])
    assert seen == [(ReportFilter.month("2026-10"), TODAY)] * 2
    text = "\n".join(pages(rendered.pdf))
    assert "October 2026" in text and "Siam Trading Co., Ltd." in text and MARKUP_NAME in text
    assert "Made 23 November 2026 10:00" in text  # the clock's 03:00 UTC, in Bangkok
    with pytest.raises(DomainError):
        monthly_report(ctx, "2026-12", "en", [])  # not begun on TODAY


def test_last_month() -> None:
    assert last_month(date(2026, 11, 23)) == "2026-10"
    assert last_month(date(2027, 1, 1)) == "2026-12"


def test_cli_writes_last_months_report_by_default(ctx, tmp_path: Path, monkeypatch, capsys) -> None:
    db = command_db(ctx, monkeypatch)
    ctx.close()
    monkeypatch.chdir(tmp_path)
    assert main(["--db", db, "report", "monthly", "--lang", "en"], make_clock()) == 0
    out = tmp_path / "monthly-report-2026-10.pdf"
    assert str(out.name) in capsys.readouterr().out
    assert "October 2026" in pages(out.read_bytes())[0]
    assert main(["--db", db, "report", "monthly", "--month", "2569-09", "--out", "sept.pdf", "--lang", "th"],
                make_clock()) == 0
    assert "2569" in pages((tmp_path / "sept.pdf").read_bytes())[0]


def test_cli_errors_are_one_line(ctx, tmp_path: Path, capsys, monkeypatch) -> None:
    db = command_db(ctx, monkeypatch)
    ctx.close()
    out = tmp_path / "report.pdf"
    out.write_bytes(b"mine")
    for argv, words in ((["--month", "2026-13"], "YYYY-MM"), (["--month", "2027-01"], "not begun"),
                        ([], "exists")):
        assert main(["--lang", "en", "--db", db, "report", "monthly", "--out", str(out), *argv], make_clock()) == 1
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1 and err.startswith("crm-desktop: ")
    assert out.read_bytes() == b"mine"  # never replaced without --force
    assert main(["--db", db, "report", "monthly", "--out", str(out), "--force"], make_clock()) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_the_sections_keep_their_order_and_leave_out_what_the_catalog_lacks() -> None:
    def one(db: object, flt: ReportFilter, today: date) -> ReportTable:
        return top_customers(1)

    def two(db: object, flt: ReportFilter, today: date) -> ReportTable:
        return sales_by_rep()

    found = monthly_sections({"sales_by_rep": two, "key_figures": one, "no_such_analysis": one})
    assert found == [("section_cover", one), ("section_reps", two)]


def strings(node: object) -> list[String]:
    found = []
    for child in getattr(node, "contents", ()):
        found += [child] if isinstance(child, String) else strings(child)
    return found


def test_thai_chart_labels_are_shaped_and_latin_ones_left_alone() -> None:
    drawing = chart_drawing(sales_by_rep(), "th", WIDTH)
    texts = strings(drawing)
    for text in (s.text for s in texts):  # each String one script: Thai shaped apart from Latin
        assert not (any(is_thai(ch) for ch in text) and re.search("[A-Za-z0-9]", text)), text
    shaped = [s.text for s in texts if isinstance(s.text, ShapedStr)]
    assert consonants("วิภาวรรณ") in consonants(" ".join(shaped))  # a rep's name on the axis
    assert consonants("เป้ายอดขาย") in consonants(" ".join(shaped))  # the legend
    assert "Jane Smith" in [s.text for s in texts]


def test_a_pie_of_many_slices_groups_the_rest_as_others() -> None:
    rows = tuple((f"Segment {n}", 1, 100_00 * (30 - n), 1.0) for n in range(20))
    table = replace(sales_by_segment(), rows=rows, total=None)
    labels = [s.text for s in strings(chart_drawing(table, "en", WIDTH))]
    assert any(text.startswith("Others") for text in labels)
    assert any(text.startswith("Segment 6 ") for text in labels) and not any("Segment 7 " in t for t in labels)


def test_a_line_chart_leaves_gaps_for_missing_figures_and_out_a_line_without_any() -> None:
    assert chart_drawing(forecast(), "en", WIDTH) is not None  # no range after the first month
    no_range = replace(forecast(), rows=tuple((*row[:5], None, None) for row in forecast().rows))
    labels = [s.text for s in strings(chart_drawing(no_range, "en", WIDTH))]
    assert "Forecast" in labels and "Low" not in labels


def test_a_company_name_of_markup_and_a_long_word_stays_on_the_title_and_in_the_footer() -> None:
    data = replace(sample_data(), company=CompanyInput(name_en=f"{MARKUP_NAME} {LONG_WORD}"))
    texts = pages(render_monthly(data, "en").pdf)
    assert MARKUP_NAME in texts[0] and LONG_WORD in squeezed(texts[0])  # the title wraps it whole
    for text in texts:
        footer = text.strip().splitlines()[-2:]
        assert any("…" in line for line in footer)  # the footer shortens it to one line
