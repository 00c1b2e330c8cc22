"""ReportTables shaped as the analyses return them, for rendering the monthly report without a
database: every section, Thai and Latin names, a name full of markup characters, a 300-character
word, a figure that is missing (None) and, on request, a very long table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from crm_desktop.queries.reports.table import Chart, Column, ReportTable
from crm_desktop.reports.monthly.document import MonthlyData
from crm_desktop.services.company import CompanyInput

MONTH = "2026-11"
MADE = datetime(2026, 12, 1, 8, 30)  # office time
COMPANY = CompanyInput(name_th="บริษัท สยามเทรดดิ้ง จำกัด", name_en="Siam Trading Co., Ltd.")
MARKUP_NAME = "<b>&amp;\"'< Bold & Sons </para>"
LONG_WORD = "Supercalifragilistic" * 15  # 300 characters, no space
SALES_TOTAL = 1_234_567_89  # satang: 1,234,567.89 baht


def _money(*columns: str) -> tuple[Column, ...]:
    return tuple(Column(c, "money") for c in columns)


def key_figures() -> ReportTable:
    columns = (Column("period", "key"), Column("start", "date"), Column("end", "date"),
               Column("sales", "money"), Column("sales_change", "percent"),
               Column("orders", "count"), Column("orders_change", "percent"),
               Column("new_customers", "count"), Column("new_customers_change", "percent"),
               Column("win_rate", "percent"), Column("win_rate_change", "percent"),
               Column("average_deal", "money"), Column("average_deal_change", "percent"))
    rows = (("this_month", date(2026, 11, 1), date(2026, 11, 30), SALES_TOTAL, None, 70, None, 5, None, 40.0, None,
             45_000_00, None),
            ("previous_month", date(2026, 10, 1), date(2026, 10, 31), 1_100_000_00, 12.2, 80, -12.5, 5, 0.0, None,
             None, 41_000_00, 9.8),
            ("same_month_last_year", date(2025, 11, 1), date(2025, 11, 30), 0, None, 0, None, 0, None, None, None,
             None, None))
    return ReportTable("key_figures", columns, rows)


def sales_by_rep() -> ReportTable:
    columns = (Column("rep", "text"), *_money("sales", "target"), Column("attainment", "percent"),
               Column("commission", "money"))
    rows = (("สมชาย ใจดี", 600_000_00, 500_000_00, 120.0, 18_000_00),
            ("Jane Smith", 400_000_00, 500_000_00, 80.0, 12_000_00),
            ("วิภาวรรณ ศรีสุวรรณ", 234_567_89, None, None, 7_037_04))
    return ReportTable("sales_by_rep", columns, rows, ("", SALES_TOTAL, 1_000_000_00, None, 37_037_04),
                       Chart("hbar", "rep", ("sales", "target")))


def top_customers(count: int = 10) -> ReportTable:
    names = ["บริษัท ไทยพัฒนาอุตสาหกรรมการเกษตรและอาหารแปรรูปเพื่อการส่งออก จำกัด (มหาชน)", MARKUP_NAME,
             LONG_WORD, "ห้างหุ้นส่วนจำกัด เชียงใหม่ก่อสร้าง"]
    names += [f"Customer {n:03d}" for n in range(len(names), count)]
    columns = (Column("customer", "text"), Column("province", "text"), Column("orders", "count"),
               Column("sales", "money"), Column("share", "percent"))
    rows = tuple((name, "กรุงเทพมหานคร" if n % 2 else "Chiang Mai", 1 + n % 7, 90_000_00 - n * 300_00,
                  round(100 * (90_000_00 - n * 300_00) / SALES_TOTAL, 1)) for n, name in enumerate(names))
    return ReportTable("top_customers", columns, rows, None, Chart("hbar", "customer", ("sales",)))


def sales_by_segment() -> ReportTable:
    columns = (Column("segment", "text"), Column("orders", "count"), Column("sales", "money"),
               Column("share", "percent"))
    rows = (("ค้าปลีก", 40, 600_000_00, 48.6), ("Wholesale", 20, 400_000_00, 32.4),
            ("โรงแรมและร้านอาหาร", 8, 200_000_00, 16.2), ("", 2, 34_567_89, 2.8))
    return ReportTable("sales_by_segment", columns, rows, ("", 70, SALES_TOTAL, 100.0),
                       Chart("pie", "segment", ("sales",)))


def sales_by_channel() -> ReportTable:
    columns = (Column("channel", "text"), Column("sales", "money"))
    rows = (("หน้าร้าน", 700_000_00), ("Online", 534_567_89))
    return ReportTable("sales_by_channel", columns, rows, ("", SALES_TOTAL), Chart("bar", "channel", ("sales",)))


def pipeline_by_stage() -> ReportTable:
    columns = (Column("stage", "text"), Column("deals", "count"), *_money("amount"), Column("probability", "percent"),
               *_money("weighted"))
    rows = (("ติดต่อครั้งแรก", 120, 5_000_000_00, 10.0, 500_000_00), ("Proposal", 40, 3_000_000_00, 50.0,
                                                                        1_500_000_00),
            ("เจรจาต่อรอง", 12, 1_000_000_00, 80.0, 800_000_00))
    return ReportTable("pipeline_by_stage", columns, rows, ("", 172, 9_000_000_00, None, 2_800_000_00),
                       Chart("bar", "stage", ("amount", "weighted")))


def lost_by_reason() -> ReportTable:
    columns = (Column("reason", "text"), Column("deals", "count"), *_money("amount"),
               Column("share_of_lost", "percent"))
    rows = (("ราคาสูงกว่าคู่แข่ง", 7, 800_000_00, 77.8), ("", 2, 50_000_00, 22.2))
    return ReportTable("lost_by_reason", columns, rows, (None, 9, 850_000_00, 100.0),
                       Chart("pie", "reason", ("deals",)))


def new_leads_by_source() -> ReportTable:
    columns = (Column("source", "key"), Column("leads", "count"), Column("open", "count"), Column("qualified", "count"),
               Column("converted", "count"), Column("disqualified", "count"), Column("conversion_rate", "percent"))
    rows = (("facebook", 120, 80, 20, 12, 8, 10.0), ("trade_show", 30, 10, 8, 9, 3, 30.0),
            ("website", 0, 0, 0, 0, 0, None))
    return ReportTable("new_leads_by_source", columns, rows, (None, 150, 90, 28, 21, 11, 14.0),
                       Chart("bar", "source", ("leads", "converted")))


def activities_by_rep() -> ReportTable:
    columns = (Column("rep", "text"), Column("done", "count"), Column("overdue", "count"))
    rows = (("สมชาย ใจดี", 80, 3), ("Jane Smith", 65, 12))
    return ReportTable("activities_by_rep", columns, rows, ("", 145, 15), Chart("bar", "rep", ("done", "overdue")))


def late_deliveries(count: int = 3) -> ReportTable:
    columns = (Column("order", "text"), Column("customer", "text"), Column("product", "text"),
               Column("promised", "date"), Column("delivered", "date"), Column("days_late", "days"),
               Column("quantity_open", "quantity"), Column("unit", "text"))
    rows = tuple((f"SO2569-{n + 1:04d}", "ร้านสมใจพาณิชย์" if n % 3 else f"Late customer {n}",
                  "เครื่องปรับอากาศ 12000 BTU", date(2026, 11, 1 + n % 28), None if n % 2 else date(2026, 11, 29),
                  5 + n % 40, 0 if n % 2 == 0 else 2500, "เครื่อง") for n in range(count))
    return ReportTable("late_deliveries", columns, rows)


def forecast() -> ReportTable:
    columns = (Column("month", "month"), *_money("weighted_pipeline", "baseline", "pipeline_part", "forecast", "low",
                                                 "high"))
    rows = (("2026-12", 500_000_00, 1_200_000_00, 100_000_00, 1_300_000_00, 1_100_000_00, 1_500_000_00),
            ("2027-01", 200_000_00, 1_000_000_00, 0, 1_000_000_00, None, None),
            ("2027-02", 0, 900_000_00, 0, 900_000_00, None, None))
    return ReportTable("forecast", columns, rows, (None, 700_000_00, 3_100_000_00, 100_000_00, 3_200_000_00, None,
                                                    None),
                       Chart("line", "month", ("forecast", "low", "high")), note="forecast_no_track_record")


def forecast_accuracy() -> ReportTable:
    columns = (Column("month", "month"), Column("made_on", "date"), Column("kind", "key"),
               *_money("forecast", "actual"), Column("error", "percent"), Column("abs_error", "percent"))
    rows = (("2026-09", date(2026, 9, 1), "frozen", 950_000_00, 1_000_000_00, -5.0, 5.0),
            ("2026-10", None, "backtest", 1_150_000_00, 1_100_000_00, 4.5, 4.5),
            ("2026-11", None, "none", None, SALES_TOTAL, None, None))
    return ReportTable("forecast_accuracy", columns, rows, (None, None, "average", None, None, -0.3, 4.8),
                       Chart("bar", "month", ("forecast", "actual")))


@dataclass(frozen=True)
class Method:
    """Shaped as queries/reports/forecast.py's ForecastExplanation."""

    method: str = "seasonal_trend"
    history_from: str | None = "2024-11"
    history_months: int = 24
    trend_per_month: int = 12_345_67
    seasonal_pct: tuple[float, ...] = (90.0, 85.0, 95.0, 100.0, 105.0, 98.0, 97.0, 99.0, 101.0, 103.0, 110.0, 117.0)
    months_compared: int = 2
    mape: float | None = 4.8
    bias: float | None = -0.3


def sample_data(*, customers: int = 10, deliveries: int = 3) -> MonthlyData:
    tables = (("section_cover", key_figures()), ("section_reps", sales_by_rep()),
              ("section_customers", top_customers(customers)), ("section_breakdown", sales_by_segment()),
              ("section_breakdown", sales_by_channel()), ("section_pipeline", pipeline_by_stage()),
              ("section_deals", lost_by_reason()), ("section_leads", new_leads_by_source()),
              ("section_activities", activities_by_rep()), ("section_deliveries", late_deliveries(deliveries)),
              ("section_forecast", forecast()), ("section_forecast", forecast_accuracy()))
    return MonthlyData(COMPANY, MONTH, MADE, tables, Method())
