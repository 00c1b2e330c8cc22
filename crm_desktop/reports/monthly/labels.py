"""The words of the monthly report in Thai and English: the document's own words, and the keys the
analyses return (table keys, column keys, the values of "key" columns, notes), as listed by their
authors. A key nobody translated yet prints readably ("new_key" → "New key")
rather than failing: a new analysis must not stop the owner's report."""

from __future__ import annotations

from crm_desktop.services.formatting import BE_OFFSET, ENGLISH_MONTHS, THAI_MONTHS

THAI_SHORT_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")

# Titles of the document, its sections and the analyses (table keys). key: (English, Thai)
TITLES: dict[str, tuple[str, str]] = {
    "report_title": ("Monthly sales report", "รายงานยอดขายประจำเดือน"),
    "made": ("Made {date}", "จัดทำเมื่อ {date}"),
    "page": ("Page {page} of {pages}", "หน้า {page}/{pages}"),
    "total": ("Total", "รวม"),
    "no_rows": ("Nothing to show for this month.", "ไม่มีข้อมูลของเดือนนี้"),
    "others": ("Others", "อื่น ๆ"),
    # --- sections ---
    "section_cover": ("The month at a glance", "ภาพรวมของเดือน"),
    "section_reps": ("Sales by rep", "ยอดขายตามพนักงานขาย"),
    "section_customers": ("Top customers", "ลูกค้าที่มียอดซื้อสูงสุด"),
    "section_breakdown": ("Where the sales came from", "ยอดขายแยกตามกลุ่ม"),
    "section_pipeline": ("Pipeline", "ไปป์ไลน์"),
    "section_deals": ("Deals won and lost", "ดีลที่ปิดได้และไม่สำเร็จ"),
    "section_leads": ("New leads", "ลีดใหม่"),
    "section_activities": ("Activities", "กิจกรรม"),
    "section_deliveries": ("Late deliveries", "การส่งของล่าช้า"),
    "section_forecast": ("Forecast", "พยากรณ์ยอดขาย"),
    "section_cases": ("Service cases", "เรื่องบริการลูกค้า"),
    # --- tables ---
    "key_figures": ("Key figures", "ตัวเลขสำคัญ"),
    "sales_by_rep": ("Sales by rep against target", "ยอดขายของพนักงานเทียบเป้า"),
    "top_customers": ("Top customers", "ลูกค้าที่มียอดซื้อสูงสุด"),
    "sales_by_segment": ("Sales by segment", "ยอดขายตามกลุ่มลูกค้า"),
    "sales_by_product": ("Sales by product", "ยอดขายตามสินค้า"),
    "sales_by_category": ("Sales by category", "ยอดขายตามหมวดสินค้า"),
    "sales_by_channel": ("Sales by channel", "ยอดขายตามช่องทาง"),
    "sales_by_province": ("Sales by province", "ยอดขายตามจังหวัด"),
    "margin_by_customer": ("Gross margin by customer", "กำไรขั้นต้นตามลูกค้า"),
    "margin_by_product": ("Gross margin by product", "กำไรขั้นต้นตามสินค้า"),
    "margin_by_rep": ("Gross margin by rep", "กำไรขั้นต้นตามพนักงานขาย"),
    "rfm": ("Customer ranking (RFM)", "การจัดอันดับลูกค้า (RFM)"),
    "pipeline_by_stage": ("Pipeline by stage", "ไปป์ไลน์ตามขั้นตอนการขาย"),
    "weighted_pipeline": ("Weighted pipeline", "มูลค่าโอกาสการขายถ่วงน้ำหนัก"),
    "deals_won_lost": ("Deals won and lost by rep", "ดีลที่ปิดได้และไม่สำเร็จ ตามพนักงานขาย"),
    "activities_by_rep": ("Activities per rep", "กิจกรรมของพนักงานขายแต่ละคน"),
    "late_deliveries": ("Late deliveries", "การส่งของล่าช้า"),
    "case_figures": ("Service cases by priority", "เรื่องบริการลูกค้าตามระดับความสำคัญ"),
    "forecast": ("Sales forecast for the coming months", "พยากรณ์ยอดขายเดือนถัดไป"),
    "forecast_accuracy": ("How accurate the past forecasts were", "ความแม่นยำของการพยากรณ์ที่ผ่านมา"),
    "new_leads_by_source": ("New leads by source", "ลีดใหม่ตามแหล่งที่มา"),
    "new_leads_by_campaign": ("New leads by campaign", "ลีดใหม่ตามแคมเปญ"),
    "lost_by_reason": ("Why deals were lost", "เหตุผลที่ดีลไม่สำเร็จ"),
    "lost_by_competitor": ("Deals lost to competitors", "ดีลที่เสียให้คู่แข่ง"),
}

# Column keys, the values of "key" columns and notes. key: (English, Thai)
WORDS: dict[str, tuple[str, str]] = {
    "priority": ("Priority", "ความสำคัญ"),
    "priority_urgent": ("Urgent", "ด่วนมาก"),
    "priority_high": ("High", "สูง"),
    "priority_normal": ("Normal", "ปกติ"),
    "priority_low": ("Low", "ต่ำ"),
    "cases_opened": ("Opened", "เปิดใหม่"),
    "cases_closed": ("Closed", "ปิดแล้ว"),
    "cases_breached": ("Past SLA", "เกิน SLA"),
    "median_hours_to_resolve": ("Median hours to resolve", "ค่ามัธยฐานชั่วโมงที่ใช้แก้ไข"),
    "figure": ("Figure", "ตัวเลข"),
    "this_month": ("This month", "เดือนนี้"),
    "previous_month": ("Last month", "เดือนก่อน"),
    "change": ("Change", "เปลี่ยนแปลง"),
    "change_month": ("vs last month", "เทียบเดือนก่อน"),
    "same_month_last_year": ("Same month last year", "เดือนเดียวกันปีก่อน"),
    "rep": ("Sales rep", "พนักงานขาย"),
    "target": ("Target", "เป้ายอดขาย"),
    "attainment": ("Attainment", "% ทำได้ตามเป้า"),
    "commission": ("Commission", "ค่าคอมมิชชัน"),
    "customer": ("Customer", "ลูกค้า"),
    "sales": ("Sales (before VAT)", "ยอดขาย (ก่อน VAT)"),
    "orders": ("Orders", "จำนวนคำสั่งซื้อ"),
    "share": ("Share", "สัดส่วน"),
    "segment": ("Segment", "กลุ่มลูกค้า"),
    "product": ("Product", "สินค้า"),
    "sku": ("SKU", "รหัสสินค้า"),
    "category": ("Category", "หมวดสินค้า"),
    "channel": ("Channel", "ช่องทางการขาย"),
    "province": ("Province", "จังหวัด"),
    "quantity": ("Quantity", "จำนวน"),
    "cost": ("Cost", "ต้นทุน"),
    "margin": ("Gross margin", "กำไรขั้นต้น"),
    "margin_percent": ("Margin %", "% กำไรขั้นต้น"),
    "stage": ("Stage", "ขั้นตอน"),
    "deals": ("Deals", "ดีล"),
    "amount": ("Amount", "มูลค่า"),
    "probability": ("Probability", "โอกาสปิดการขาย"),
    "weighted": ("Weighted amount", "มูลค่าถ่วงน้ำหนัก"),
    "won": ("Won", "ปิดได้"),
    "lost": ("Lost", "ไม่สำเร็จ"),
    "won_amount": ("Amount won", "มูลค่าที่ปิดได้"),
    "lost_amount": ("Amount lost", "มูลค่าที่ไม่สำเร็จ"),
    "win_rate": ("Win rate", "อัตราปิดการขาย"),
    "reason": ("Loss reason", "เหตุผลที่ไม่สำเร็จ"),
    "competitor": ("Competitor", "คู่แข่ง"),
    "count": ("Count", "จำนวน"),
    "source": ("Source", "แหล่งที่มา"),
    "campaign": ("Campaign", "แคมเปญ"),
    "leads": ("New leads", "ลีดใหม่"),
    "converted": ("Converted", "เป็นลูกค้าแล้ว"),
    "done": ("Done in all", "เสร็จทั้งหมด"),
    "overdue": ("Overdue", "เลยกำหนด"),
    "open": ("Still open", "ยังดำเนินการ"),
    "order": ("Order", "ใบสั่งขาย"),
    "due": ("Due", "กำหนดส่ง"),
    "promised": ("Promised", "กำหนดส่ง"),
    "delivered": ("Delivered", "ส่งครบเมื่อ"),
    "days_late": ("Days late", "ล่าช้า (วัน)"),
    "month": ("Month", "เดือน"),
    "actual": ("Actual", "ยอดจริง"),
    "low": ("Low", "ต่ำสุด"),
    "high": ("High", "สูงสุด"),
    "error": ("Error", "ความคลาดเคลื่อน"),
    "frozen": ("Frozen at month start", "บันทึกเมื่อต้นเดือน"),
    "backtest": ("Back-test (computed later)", "ทดสอบย้อนหลัง (คำนวณภายหลัง)"),
    "average": ("Average (bias / MAPE)", "เฉลี่ย (ความเอนเอียง / MAPE)"),
    "kind:none": ("Not kept", "ไม่มีการบันทึก"),
    # the default stages are stored with their English names (db/repositories/pipeline.py) and shown
    # translated while the owner has not renamed them, as on the board
    "stage:Prospecting": ("Prospecting", "หาลูกค้า"),
    "stage:Qualification": ("Qualification", "คัดกรอง"),
    "stage:Quotation": ("Quotation", "เสนอราคา"),
    "stage:Negotiation": ("Negotiation", "เจรจาต่อรอง"),
    "forecast": ("Forecast", "ยอดพยากรณ์"),
    "weighted_pipeline": ("Weighted pipeline", "มูลค่าดีลถ่วงน้ำหนัก"),
    "baseline": ("Baseline (history)", "ยอดฐาน (จากประวัติ)"),
    "pipeline_part": ("From the pipeline", "ส่วนเพิ่มจากดีล"),
    "made_on": ("Made on", "วันที่บันทึก"),
    "kind": ("Kept as", "ประเภท"),
    "abs_error": ("Absolute error", "ความคลาดเคลื่อนสัมบูรณ์"),
    "unit": ("Unit", "หน่วย"),
    "recency": ("Days since last order", "วันนับจากซื้อครั้งล่าสุด"),
    "won_deals": ("Deals won", "ดีลที่ปิดได้"),
    "last_order": ("Last order", "สั่งซื้อล่าสุด"),
    "costed_sales": ("Sales with a cost", "ยอดขายที่มีต้นทุน"),
    "uncosted_sales": ("Sales without a cost", "ยอดขายที่ไม่มีต้นทุน"),
    "uncosted_lines": ("Lines without a cost", "รายการที่ไม่มีต้นทุน"),
    "rank": ("Rank", "อันดับ"),
    "rfm_group": ("Group", "กลุ่ม"),
    "recency_score": ("R (recency)", "R (ความใหม่)"),
    "frequency_score": ("F (frequency)", "F (ความถี่)"),
    "monetary_score": ("M (money)", "M (ยอดเงิน)"),
    "rfm_score": ("Score (of 100)", "คะแนน (เต็ม 100)"),
    "share_of_lost": ("Share of deals lost", "สัดส่วนของดีลที่ไม่สำเร็จ"),
    "conversion_rate": ("Conversion rate", "อัตราการเปลี่ยนเป็นลูกค้า"),
    "start": ("From", "ตั้งแต่"),
    "end": ("To", "ถึง"),
    "period": ("Period", "ช่วงเวลา"),
    "sales_change": ("Sales change", "ยอดขายเปลี่ยนแปลง"),
    "orders_change": ("Orders change", "คำสั่งซื้อเปลี่ยนแปลง"),
    "new_customers_change": ("New customers change", "ลูกค้าใหม่เปลี่ยนแปลง"),
    "win_rate_change": ("Win rate change", "อัตราการปิดการขายเปลี่ยนแปลง"),
    "average_deal_change": ("Average deal change", "มูลค่าเฉลี่ยต่อดีลเปลี่ยนแปลง"),
    "qualified": ("Qualified", "ผ่านการคัดกรอง"),
    "disqualified": ("Disqualified", "ตัดออก"),
    "planned": ("Planned", "วางแผนไว้"),
    "done_task": ("Tasks done", "งานที่เสร็จ"),
    "done_meeting": ("Meetings", "ประชุม"),
    "done_call": ("Calls", "โทร"),
    "done_email": ("E-mails", "อีเมล"),
    "done_visit": ("Visits", "เยี่ยมลูกค้า"),
    "done_note": ("Notes", "บันทึก"),
    "quantity_open": ("Still to deliver", "ค้างส่ง"),
    # --- values of "key" columns ---
    # the Reports tab's key figures of any period: in this report the period is always a month
    "this_period": ("This month", "เดือนนี้"),
    "previous_period": ("Last month", "เดือนก่อน"),
    "same_period_last_year": ("Same month last year", "เดือนเดียวกันปีก่อน"),
    "vs_previous_month": ("vs last month", "เทียบเดือนก่อน"),
    "vs_same_month_last_year": ("vs a year ago", "เทียบปีก่อน"),
    "vs_previous_period": ("vs last month", "เทียบเดือนก่อน"),
    "vs_same_period_last_year": ("vs a year ago", "เทียบปีก่อน"),
    "walk_in": ("Walk-in", "หน้าร้าน"),
    "phone": ("Phone", "โทรศัพท์"),
    "line": ("LINE", "LINE"),
    "facebook": ("Facebook", "Facebook"),
    "website": ("Website", "เว็บไซต์"),
    "referral": ("Referral", "มีผู้แนะนำ"),
    "trade_show": ("Trade show", "งานแสดงสินค้า"),
    "direct": ("Direct sale", "ขายตรง"),
    "dealer": ("Dealer", "ตัวแทนจำหน่าย"),
    "top": ("Top customer", "ลูกค้าชั้นนำ"),
    "at_risk": ("At risk", "เสี่ยงหาย"),
    "other": ("Other", "อื่น ๆ"),
    "email": ("E-mail", "อีเมล"),
    "marketplace": ("Marketplace", "มาร์เก็ตเพลส"),
    "new_customers": ("New customers", "ลูกค้าใหม่"),
    "average_deal": ("Average deal", "มูลค่าดีลเฉลี่ย"),
    "none": ("(none)", "(ไม่ระบุ)"),
    # --- notes ---
    "period_not_over": ("The month is not over yet: these are the figures so far.",
                        "เดือนนี้ยังไม่สิ้นสุด ตัวเลขเป็นยอด ณ วันที่จัดทำรายงาน"),
    "target_needs_all_sales": ("Target and commission are only shown for all sales.",
                               "เป้าหมายและค่าคอมมิชชันแสดงเฉพาะเมื่อดูยอดขายทั้งหมด"),
    "as_of_period_end": ("As the pipeline stood at the end of the month (rebuilt from the stage history).",
                         "ไปป์ไลน์ ณ สิ้นเดือน (คำนวณย้อนจากประวัติการเปลี่ยนขั้นตอน)"),
    "total_all_customers": ("The total is every customer's, not only those listed.",
                            "ยอดรวมเป็นของลูกค้าทุกราย ไม่ใช่เฉพาะที่แสดง"),
    "uncosted_left_out": ("Lines without a cost price (free-text lines, products without a cost) are left out of "
                          "the margin and shown apart.",
                          "รายการที่ไม่มีราคาทุน (รายการพิมพ์เอง สินค้าที่ไม่ได้ใส่ต้นทุน) ไม่นำมาคิดกำไรขั้นต้น "
                          "และแสดงแยกไว้"),
    "as_of_today": ("The pipeline as it is today.", "ไปป์ไลน์ ณ วันนี้"),
    "forecast_history_short": ("Under 3 months of sales history: no forecast yet.",
                               "มีประวัติยอดขายไม่ถึง 3 เดือน จึงยังพยากรณ์ไม่ได้"),
    "forecast_average_only": ("Under 6 months of history: the forecast is the average month.",
                              "มีประวัติไม่ถึง 6 เดือน ยอดพยากรณ์ใช้ค่าเฉลี่ยต่อเดือน"),
    "forecast_trend_only": ("Under 12 months of history: trend only, no seasonal pattern.",
                            "มีประวัติไม่ถึง 12 เดือน ใช้เฉพาะแนวโน้ม ไม่คิดฤดูกาล"),
    "forecast_no_track_record": ("No range yet: fewer than 3 past months have a kept forecast.",
                                 "ยังไม่มีช่วงคาดการณ์ เพราะมีการพยากรณ์ที่บันทึกไว้ไม่ถึง 3 เดือน"),
    "forecast_accuracy_too_few": ("Fewer than 3 months with a kept forecast: no MAPE yet.",
                                  "มีการพยากรณ์ที่บันทึกไว้ไม่ถึง 3 เดือน จึงยังไม่คำนวณ MAPE"),
    # --- how the forecast was made (method.py) ---
    "method_line": ("How it was made: {method}.", "วิธีพยากรณ์: {method}"),
    "method_seasonal_trend": ("seasonal average with trend", "ค่าเฉลี่ยตามฤดูกาลร่วมกับแนวโน้ม"),
    "method_trend": ("trend only", "แนวโน้มเท่านั้น"),
    "method_average": ("the average month", "ค่าเฉลี่ยต่อเดือน"),
    "method_none": ("not enough history yet", "ประวัติยังไม่พอ"),
    "history_line": ("History from {start}, {months} months.", "ใช้ประวัติตั้งแต่ {start} รวม {months} เดือน"),
    "method_how": ("History: the usual shape of the year and the trend of the last {months} months say what an "
                   "ordinary month brings (baseline). Open deals expected to close in the month, each counted at "
                   "its probability, only add what goes beyond that (pipeline part).",
                   "ยอดฐานคำนวณจากรูปแบบตามฤดูกาลของแต่ละเดือนและแนวโน้มยอดขาย {months} เดือนที่ผ่านมา "
                   "ดีลที่เปิดอยู่และคาดว่าจะปิดในเดือนนั้น (คิดตามความน่าจะเป็น) จะเพิ่มเฉพาะส่วนที่เกินยอดฐาน"),
    "trend_line": ("Trend: {amount} baht a month.", "แนวโน้ม: {amount} บาทต่อเดือน"),
    "seasonal_pct": ("Seasonal index (100 = an ordinary month)", "ดัชนีฤดูกาล (100 = เดือนปกติ)"),
    "accuracy_line": ("Accuracy over the last {months} months: MAPE {mape}%, bias {bias} (+ = forecasts ran high). "
                      "The range is ± that average error.",
                      "ความแม่นยำ {months} เดือนที่ผ่านมา: MAPE {mape}% ความเอนเอียง {bias} (+ = พยากรณ์สูงเกินจริง) "
                      "ช่วงคาดการณ์คือ ± ค่าคลาดเคลื่อนเฉลี่ยนี้"),
    "rows_left_out": ("The first {shown} of {rows} rows; the Reports tab shows them all.",
                      "แสดง {shown} แถวแรกจากทั้งหมด {rows} แถว ดูครบทุกแถวได้ที่แท็บรายงาน"),
    "filters_not_applied": ("Some of the chosen filters do not apply to this table.",
                            "ตัวกรองบางตัวที่เลือกไม่มีผลกับตารางนี้"),
}


def title(key: str, lang: str) -> str:
    """The title `key` (the report's, a section's, an analysis's) in `lang` ("th" or "en")."""
    return _lookup(key, lang, TITLES, WORDS)


def word(key: str, lang: str) -> str:
    """The column, value or note `key` in `lang`."""
    return _lookup(key, lang, WORDS, TITLES)


def _lookup(key: str, lang: str, first: dict[str, tuple[str, str]], then: dict[str, tuple[str, str]]) -> str:
    """`key` from `first`, else `then` (a table and a column may share a key but not a wording); an
    unknown key as readable English."""
    found = first.get(key) or then.get(key)
    if found is None:
        return key.replace("_", " ").strip().capitalize()
    return found[1] if lang == "th" else found[0]


def month_name(month: str, lang: str, *, short: bool = False) -> str:
    """"2026-11" as "November 2026" / "พฤศจิกายน 2569" (Buddhist Era in Thai), or "Nov 2026" /
    "พ.ย. 2569" when `short`."""
    year, number = int(month[:4]), int(month[5:7])
    if lang == "th":
        return f"{(THAI_SHORT_MONTHS if short else THAI_MONTHS)[number - 1]} {year + BE_OFFSET}"
    name = ENGLISH_MONTHS[number - 1]
    return f"{name[:3] if short else name} {year}"
