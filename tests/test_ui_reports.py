"""The Reports tab through real widgets, on fake analyses registered here (the real ones have their own
tests): the list, a chosen analysis' rows and chart, filters re-running it in the background, export
to xlsx and CSV, the monthly report page, and last month's report offered once a month."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from reportlab.pdfgen.canvas import Canvas

from crm_desktop.queries.reports.catalog import Entry, catalog
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.table import Chart, Column, ReportTable
from crm_desktop.services.changes import Entity, change
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.reports.filter_bar import period_range
from crm_desktop.views.reports.model import ReportTableModel, cell_text, for_display
from crm_desktop.views.reports.month_offer import month_to_offer
from crm_desktop.views.reports.tab import ReportsTab
from tests.time_helpers import TODAY
from tests.ui_helpers import shown_tab

CALLS: list[tuple[str, ReportFilter, threading.Thread]] = []


def fake_customers(db, flt: ReportFilter, today: date) -> ReportTable:
    CALLS.append(("top_customers", flt, threading.current_thread()))
    rows = (("บริษัท สยามค้าไม้ จำกัด", "won", 123456789, 12, 62.5, date(2026, 11, 3)),
            ("ห้างหุ้นส่วนจำกัด เชียงใหม่การค้า", "none", 74000000, 5, None, None))
    if flt.owner_id is not None:
        rows = rows[:1]
    return ReportTable(
        "top_customers",
        (Column("customer", "text"), Column("stage", "key"), Column("sales", "money"), Column("orders", "count"),
         Column("share", "percent"), Column("last_order", "date")),
        rows, total=("", None, sum(r[2] for r in rows), sum(r[3] for r in rows), 100.0, None),
        chart=Chart("hbar", "customer", ("sales",)))


def fake_months(db, flt: ReportFilter, today: date) -> ReportTable:
    CALLS.append(("sales_by_month", flt, threading.current_thread()))
    return ReportTable("sales_by_month", (Column("month", "month"), Column("sales", "money")),
                       (("2026-10", 500000), ("2026-11", 700000)), chart=Chart("line", "month", ("sales",)))


def failing(db, flt: ReportFilter, today: date) -> ReportTable:
    raise RuntimeError("no such table")


ENTRIES = [Entry("top_customers", "customers", fake_customers), Entry("sales_by_month", "sales", fake_months),
           Entry("key_figures", "sales", failing)]


def small_pdf(ctx, month: str, lang: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, f"Monthly report {month} {lang}")
    canvas.showPage()
    canvas.drawString(72, 720, "page 2")
    canvas.save()
    return out.getvalue()


@pytest.fixture
def thai(qapp) -> Iterator[None]:
    language = UiLanguage(qapp)
    assert language.apply("th")
    yield
    language.apply("en")


@pytest.fixture
def tab(qtbot, ctx, prefs, thai) -> ReportsTab:
    CALLS.clear()
    prefs.language = "th"
    return shown_tab(qtbot, lambda env: ReportsTab(env, entries=ENTRIES, make_pdf=small_pdf), ctx, prefs,
                     (1300, 800))


def wait_for(qtbot, tab: ReportsTab, key: str) -> ReportTable:
    qtbot.waitUntil(lambda: tab.view.shown is not None and tab.view.shown.key == key and tab.task is None)
    assert tab.view.shown is not None
    return tab.view.shown


def texts(tab: ReportsTab) -> list[list[str]]:
    model = tab.view.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_list_is_grouped_and_the_first_analysis_shows_its_rows_and_chart(qtbot, tab) -> None:
    groups = [tab.list.topLevelItem(i).text(0) for i in range(tab.list.topLevelItemCount())]
    assert groups == ["ภาพรวม", "ยอดขาย", "ลูกค้า"]  # key figures first, top customers under Customers
    assert tab.current_key() == "key_figures"
    qtbot.waitUntil(lambda: "ไม่สำเร็จ" in tab.view.state.text())
    assert tab.view.state.text() == "คำนวณการวิเคราะห์นี้ไม่สำเร็จ: RuntimeError: no such table"
    assert tab.choose("top_customers")
    table = wait_for(qtbot, tab, "top_customers")
    assert CALLS[-1][2] is not threading.main_thread()  # made off the GUI thread
    assert texts(tab) == [
        ["บริษัท สยามค้าไม้ จำกัด", "ปิดการขายได้", "฿1,234,567.89", "12", "62.5 %", "03/11/2569"],
        ["ห้างหุ้นส่วนจำกัด เชียงใหม่การค้า", "(ไม่ระบุ)", "฿740,000.00", "5", "–", "–"],
        ["รวม", "–", "฿1,974,567.89", "17", "100.0 %", "–"],
    ]
    assert tab.view.model.headerData(2, Qt.Orientation.Horizontal) == "ยอดขาย (ก่อน VAT)"
    assert tab.view.model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    chart = tab.view.chart
    assert chart.isVisible() and chart.data is not None and chart.data.kind == "hbar"
    assert chart.data.series[0].values == (1234567.89, 740000.0)
    assert table.rows[0][0] in chart.data.labels
    assert tab.view.title.text() == "ลูกค้ายอดซื้อสูงสุด"
    assert tab.view.state.text() == "พฤศจิกายน 2569"


def test_a_filter_change_runs_the_shown_analysis_again(qtbot, tab, ctx) -> None:
    tab.choose("sales_by_month")
    wait_for(qtbot, tab, "sales_by_month")
    assert texts(tab)[0] == ["ตุลาคม 2569", "฿5,000.00"]
    assert CALLS[-1][1] == ReportFilter(date(2026, 11, 1), date(2026, 12, 1))
    before = len(CALLS)
    tab.filters.period.setCurrentIndex(tab.filters.period.findData("this_year"))
    qtbot.waitUntil(lambda: len(CALLS) == before + 1 and tab.task is None)
    assert CALLS[-1][0] == "sales_by_month"  # only the analysis shown
    assert CALLS[-1][1] == ReportFilter(date(2026, 1, 1), date(2027, 1, 1))
    tab.choose("top_customers")
    wait_for(qtbot, tab, "top_customers")
    owner = tab.filters.owner.findData(ctx.user_id)
    tab.filters.owner.setCurrentIndex(owner)
    qtbot.waitUntil(lambda: CALLS[-1][1].owner_id == ctx.user_id and tab.task is None)
    assert len(texts(tab)) == 2  # one customer and the totals
    tab.filters.channel.setCurrentIndex(tab.filters.channel.findData("line"))
    qtbot.waitUntil(lambda: CALLS[-1][1].channel == "line" and tab.task is None)
    assert CALLS[-1][1].owner_id == ctx.user_id and CALLS[-1][1].start == date(2026, 1, 1)
    before = len(CALLS)
    tab.filters.period.setCurrentIndex(tab.filters.period.findData("custom"))
    tab.filters.start.setDate(date(2026, 11, 5))
    tab.filters.end.setDate(date(2026, 11, 20))
    # Three quick changes, three runs; an earlier one may still be running on another thread when the
    # last starts (its result is dropped), so the calls may end in any order.
    qtbot.waitUntil(lambda: tab.task is None and any(
        flt.start == date(2026, 11, 5) and flt.end == date(2026, 11, 21) for _, flt, _ in CALLS[before:]))
    before = len(CALLS)
    tab.on_changes(change(Entity.SALES_ORDER, updated=("x",)))  # the data moved: the figures again
    qtbot.waitUntil(lambda: len(CALLS) == before + 1)


def test_periods() -> None:
    assert period_range("this_month", TODAY) == (date(2026, 11, 1), date(2026, 12, 1))
    assert period_range("last_month", TODAY) == (date(2026, 10, 1), date(2026, 11, 1))
    assert period_range("this_quarter", TODAY) == (date(2026, 10, 1), date(2027, 1, 1))
    assert period_range("this_year", TODAY) == (date(2026, 1, 1), date(2027, 1, 1))
    assert period_range("2025-12", TODAY) == (date(2025, 12, 1), date(2026, 1, 1))
    assert period_range("last_month", date(2027, 1, 15)) == (date(2026, 12, 1), date(2027, 1, 1))


def test_export_writes_the_table_shown_to_xlsx_and_csv(qtbot, tab, tmp_path, monkeypatch) -> None:
    tab.choose("top_customers")
    table = wait_for(qtbot, tab, "top_customers")
    target = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(tab.view.xlsx_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(target.with_suffix(".xlsx")).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["ลูกค้า", "ขั้นตอน", "ยอดขาย (ก่อน VAT)", "จำนวนคำสั่งซื้อ", "สัดส่วน", "สั่งซื้อล่าสุด"]
    assert rows[1][:5] == [table.rows[0][0], "ปิดการขายได้", 1234567.89, 12, 0.625]
    assert rows[1][5].date() == date(2026, 11, 3)
    assert rows[3][:3] == ["รวม", None, 1974567.89] and sheet["C2"].number_format == "#,##0.00"
    qtbot.mouseClick(tab.view.csv_button, Qt.MouseButton.LeftButton)
    data = target.with_suffix(".csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[1] == ["บริษัท สยามค้าไม้ จำกัด", "ปิดการขายได้", "1234567.89", "12", "62.5", "2026-11-03"]
    assert lines[2][0] == "ห้างหุ้นส่วนจำกัด เชียงใหม่การค้า"


def test_the_monthly_report_previews_prints_and_saves(qtbot, tab, tmp_path, monkeypatch) -> None:
    page = tab.monthly
    tab.pages.setCurrentWidget(page)
    assert page.choice() == ("2026-10", "th")  # last month first
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pages.page_count() == 2 and page.task is None)
    assert "2026-10 th" in PdfReader(io.BytesIO(page.pdf)).pages[0].extract_text()
    target = tmp_path / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # made again, in English, then saved
    qtbot.waitUntil(lambda: target.with_suffix(".pdf").exists())
    assert "2026-10 en" in PdfReader(target.with_suffix(".pdf")).pages[0].extract_text()
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        dialog.printer().setResolution(60)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(printed).pages) == 2


def test_the_catalog_lists_every_analysis_once_under_its_own_key(ctx) -> None:
    entries = catalog()
    assert len({e.key for e in entries}) == len(entries) > 20
    flt = ReportFilter.month("2026-10")
    for entry in entries:  # each runs on an empty database and names its table as the catalog does
        assert entry.run(ctx.database, flt, TODAY).key == entry.key


def test_last_months_report_is_offered_once_a_month(qtbot, ctx, prefs, clock, monkeypatch) -> None:
    assert month_to_offer(prefs, TODAY) is None  # the first start ever: nothing behind it yet
    assert prefs.report_offered_month() == "2026-11"
    prefs.set_report_offered_month("2026-10")
    monkeypatch.setattr(ReportsTab, "__init__", _light_tab(ReportsTab.__init__))
    window = MainWindow(ctx, prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.month_offer is not None)
    bar = window.month_offer
    assert bar.text.text() == "The monthly report for October 2569 is ready to view and print."
    qtbot.mouseClick(bar.later_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.month_offer is None)
    assert window.offer_monthly_report() is None  # not again this month
    again = MainWindow(ctx, prefs)
    qtbot.addWidget(again)
    qtbot.wait(20)
    assert again.month_offer is None
    clock.set(datetime(2026, 12, 2, 3, 0))  # a new month: offered again, for November
    bar = again.offer_monthly_report()
    assert bar is not None and bar.month == "2026-11"
    qtbot.mouseClick(bar.open_button, Qt.MouseButton.LeftButton)
    assert again.tabs.currentWidget() is again.reports_tab
    assert again.reports_tab.pages.currentWidget() is again.reports_tab.monthly
    assert again.reports_tab.monthly.choice()[0] == "2026-11"
    qtbot.waitUntil(lambda: again.reports_tab.monthly.task is None)


def _light_tab(original):
    """The window's Reports tab with the fake analyses and PDF (the real ones are tested on their own)."""

    def init(self, env, parent=None, **_kwargs):
        original(self, env, parent, entries=ENTRIES, make_pdf=small_pdf)

    return init


def test_cells_read_as_elsewhere_in_the_app() -> None:
    def text(kind: str, value) -> str:
        return cell_text(Column("x", kind), value, "th", True)

    assert text("money", -123450) == "-฿1,234.50"
    assert text("quantity", 1234500) == "1,234.5" and text("quantity", 2000) == "2"
    assert text("percent", 7.0) == "7.0 %" and text("percent", None) == "–"
    assert text("date", date(2026, 1, 2)) == "02/01/2569" and text("month", "2026-01") == "มกราคม 2569"
    assert text("days", 1200) == "1,200" and text("text", "") == ""


def test_the_words_the_analyses_leave_to_the_screen(thai) -> None:
    stages = ReportTable("pipeline_by_stage", (Column("stage", "text"), Column("deals", "count")),
                         (("Won", 3), ("ขั้นของร้านเอง", 1), ("", 2)), total=(None, 6),
                         chart=Chart("bar", "stage", ("deals",)))
    shown = for_display(stages)
    assert shown.rows == (("ปิดการขายได้", 3), ("ขั้นของร้านเอง", 1), ("(ไม่ระบุ)", 2))  # a default stage translated
    assert shown.total == ("รวม", 6)
    channels = ReportTable("sales_by_channel", (Column("channel", "key"), Column("sales", "money")),
                           (("", 5), ("email", 7)), total=("", 12))
    model = ReportTableModel("th", True)
    model.set_table(for_display(channels))
    assert [model.index(r, 0).data() for r in range(3)] == ["(ไม่ระบุ)", "อีเมล", "รวม"]


def test_a_few_periods_of_many_figures_read_across(thai) -> None:
    figures = ("sales", "orders", "new_customers", "win_rate", "average_deal", "sales_change")
    kinds = ("money", "count", "count", "percent", "money", "percent")
    columns = (Column("period", "key"), *(Column(k, c) for k, c in zip(figures, kinds, strict=True)))
    table = ReportTable("key_figures", columns,
                        (("this_month", 150000, 3, 1, 50.0, None, None),
                         ("previous_month", 100000, 2, 0, None, 40000, 50.0)))
    model = ReportTableModel("th", True)
    model.set_table(for_display(table))
    assert model.turned and (model.rowCount(), model.columnCount()) == (6, 2)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["เดือนนี้", "เดือนก่อน"]
    assert model.headerData(0, Qt.Orientation.Vertical) == "ยอดขาย (ก่อน VAT)"
    assert [model.index(0, c).data() for c in range(2)] == ["฿1,500.00", "฿1,000.00"]
    assert [model.index(4, c).data() for c in range(2)] == ["–", "฿400.00"]
    assert model.headers()[0] == "ช่วงเวลา"  # an export keeps the table's own way round


def test_the_forecast_says_how_it_was_made(qtbot, ctx, prefs, monkeypatch) -> None:
    def forecast(db, flt, today):
        return ReportTable("forecast", (Column("month", "month"), Column("forecast", "money")),
                           (("2026-11", 1000000), ("2026-12", None)), chart=Chart("line", "month", ("forecast",)))

    how = SimpleNamespace(method="seasonal_trend", history_from="2024-11", history_months=24, trend_per_month=-250000,
                          months_compared=6, mape=12.34)
    monkeypatch.setattr("crm_desktop.views.reports.tab.forecast_explained", lambda db, flt, today: how)
    prefs.language = "en"
    tab = shown_tab(qtbot, lambda env: ReportsTab(env, entries=[Entry("forecast", "forecast", forecast)]),
                    ctx, prefs, (1200, 800))
    wait_for(qtbot, tab, "forecast")
    note = tab.view.note.text()
    assert "only the rep applies" in note
    assert "How it was made: Seasonal average with trend. History: 24 months of sales since November 2567." in note
    assert "Trend: -฿2,500.00 a month." in note and "off by 12.3 % on average (MAPE, 6 months)" in note
    assert tab.view.chart.data is not None and tab.view.chart.data.series[0].values == (10000.0, None)


def test_a_hidden_tab_runs_nothing_until_shown(qtbot, ctx, prefs) -> None:
    CALLS.clear()
    tab = ReportsTab(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()), entries=ENTRIES[:2])
    qtbot.addWidget(tab)
    tab.on_changes(change(Entity.SALES_ORDER, updated=("x",)))
    qtbot.wait(50)
    assert CALLS == [] and tab.stale  # at start, or while another tab is in front: no query
    tab.show()
    qtbot.waitUntil(lambda: len(CALLS) == 1 and tab.task is None)
    assert CALLS[0][0] == "sales_by_month" and not tab.stale  # the first of the list


def test_a_late_delivery_opens_its_order(qtbot, ctx, prefs) -> None:
    def late(db, flt, today):
        return ReportTable("late_deliveries", (Column("order", "text"), Column("days_late", "days")),
                           (("SO2569-0001", 9), ("SO2569-0002", 3)), ids=("order-1", None))

    tab = shown_tab(qtbot, lambda env: ReportsTab(env, entries=[Entry("late_deliveries", "deliveries", late)]),
                    ctx, prefs, (1000, 700))
    wait_for(qtbot, tab, "late_deliveries")
    opened = []
    tab.open_record.connect(lambda kind, record: opened.append((kind, record)))
    rect = tab.view.table.visualRect(tab.view.model.index(0, 0))
    qtbot.mouseClick(tab.view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does
    qtbot.mouseDClick(tab.view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("sales_order", "order-1")]
    assert not tab.view.open_row(1) and opened == [("sales_order", "order-1")]  # no id: nothing to open


def test_the_real_forecast_shows_its_months_and_total(qtbot, ctx, prefs) -> None:
    from tests.reports.test_forecast import sell

    for month in range(5, 11):  # six months of sales: a trend to go on
        sell(ctx, None, date(2026, month, 10), 1_000_000 * month)
    prefs.language = "en"
    tab = shown_tab(qtbot, lambda env: ReportsTab(env), ctx, prefs, (1300, 800))
    assert tab.choose("forecast")
    wait_for(qtbot, tab, "forecast")
    rows = texts(tab)
    assert [r[0] for r in rows] == ["November 2569", "December 2569", "January 2570", "Total"]
    assert all(cell.startswith("฿") for cell in rows[-1][1:5])
