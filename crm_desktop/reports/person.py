"""One person's data (queries/person.py) as a readable A4 PDF for a PDPA access request, in Thai or English:
Sarabun, Thai wrapped between words and shaped (reports/fonts.py), tables in the monthly report's style,
dates in the Buddhist Era in Thai, moments in office time, "page N of M" in the footer.

`export_person` writes the PDF and, beside it, the same data as JSON (exchange/person.py): what the
contact and lead screens' "Export personal data…" and `crm-desktop export person` make. (reports/ reaches
exchange/ only here, so that both files of one request are written by one function.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.flowables import HRFlowable

from crm_desktop.clock import office_time
from crm_desktop.db.output import check_output
from crm_desktop.errors import NotFound
from crm_desktop.exchange.person import write_person_json
from crm_desktop.queries.person import PersonData, find_person
from crm_desktop.reports.fonts import REGULAR, TextLines, Wrapped, Writer, shorten, style
from crm_desktop.reports.monthly.tables import INK, grid
from crm_desktop.reports.pages import FOOT, MARGIN, WIDTH, build_pdf, save_pdf
from crm_desktop.services.app import AppContext
from crm_desktop.services.company import printed_company
from crm_desktop.services.formatting import format_date_long, format_money

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # the change log holds dates and times as ISO text
_ISO_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+")
SHOWN_VALUE = 120  # characters of one logged value printed in the record's history (the JSON has it whole)
LONG_CELL = 400  # characters: a longer text is printed whole after its table (see _Layout.table)
LONG_LINES = 24  # lines: the same for a text of many lines

# (English, Thai) of every word the document prints; a key without words prints as the key.
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Personal data", "ข้อมูลส่วนบุคคล"),
    "contact": ("Contact", "ผู้ติดต่อ"),
    "lead": ("Lead", "ผู้สนใจ (ลีด)"),
    "made": ("Exported on {date}", "ส่งออกเมื่อ {date}"),
    "page": ("Page {page} of {pages}", "หน้า {page} จาก {pages}"),
    "none": ("None recorded.", "ไม่มีข้อมูล"),
    "yes": ("Yes", "ใช่"),
    "no": ("No", "ไม่ใช่"),
    # sections
    "details": ("Details", "ข้อมูลที่บันทึกไว้"),
    "consent": ("Marketing consent", "ความยินยอมรับข่าวสารการตลาด"),
    "consent_now_given": ("Given on {date}.", "ให้ความยินยอมเมื่อ {date}"),
    "consent_now_not": ("Not given.", "ไม่ได้ให้ความยินยอม"),
    "consent_history": ("History of consent", "ประวัติความยินยอม"),
    "origin": ("Where the data came from", "ที่มาของข้อมูล"),
    "activities": ("Activities", "กิจกรรม"),
    "deals": ("Deals", "ดีล (โอกาสการขาย)"),
    "quotations": ("Quotations", "ใบเสนอราคา"),
    "orders": ("Sales orders", "ใบสั่งขาย"),
    "anniversaries": ("Special dates", "วันสำคัญ"),
    "relationships": ("Relationships", "ความสัมพันธ์กับบุคคลอื่น"),
    "campaigns": ("Campaigns", "แคมเปญ"),
    "record_changes": ("History of the record", "ประวัติการแก้ไขข้อมูล"),
    # columns
    "field": ("Field", "รายการ"),
    "value": ("Value", "ข้อมูล"),
    "when": ("When", "เมื่อ"),
    "change": ("Change", "การเปลี่ยนแปลง"),
    "how": ("How", "วิธี"),
    "channel": ("Channel", "ช่องทาง"),
    "by": ("By", "ผู้บันทึก"),
    "details_col": ("Wording / file", "ข้อความ / ไฟล์"),
    "date": ("Date", "วันที่"),
    "kind": ("Kind", "ประเภท"),
    "subject": ("Subject", "เรื่อง"),
    "status": ("Status", "สถานะ"),
    "notes": ("Notes", "รายละเอียด"),
    "name": ("Name", "ชื่อ"),
    "stage": ("Stage", "ขั้นตอน"),
    "amount": ("Amount", "มูลค่า"),
    "expected_close": ("Expected close", "คาดว่าจะปิด"),
    "number": ("Number", "เลขที่"),
    "issued_on": ("Issued", "วันที่ออก"),
    "grand_total": ("Grand total", "ยอดรวมสุทธิ"),
    "title_col": ("Title", "ชื่อวัน"),
    "person": ("Person", "บุคคล"),
    "relation": ("Relationship", "ความสัมพันธ์"),
    "campaign": ("Campaign", "แคมเปญ"),
    "response": ("Response", "การตอบรับ"),
    "copy": ("Copy", "เครื่อง"),
    "fields_written": ("Values written", "ข้อมูลที่บันทึก"),
    # consent history
    "given": ("Given", "ให้ความยินยอม"),
    "withdrawn": ("Withdrawn", "ถอนความยินยอม"),
    "form": ("Form", "แบบฟอร์ม"),
    "import": ("Import", "นำเข้าไฟล์"),
    "convert": ("Lead converted", "แปลงจากลีด"),
    "merge": ("Merge of duplicates", "รวมรายการซ้ำ"),
    "sync": ("Sync (other copy's value kept)", "ซิงค์ (ใช้ค่าจากอีกเครื่อง)"),
    "erase": ("Erase", "ลบข้อมูลส่วนบุคคล"),
    "edit": ("Edit", "แก้ไข"),
    "in_person": ("In person", "พบด้วยตนเอง"),
    "phone": ("Phone", "โทรศัพท์"),
    "email": ("E-mail", "อีเมล"),
    "line": ("LINE", "LINE"),
    "website": ("Website", "เว็บไซต์"),
    "paper": ("Paper form", "แบบฟอร์มกระดาษ"),
    # origin
    "created": ("Created", "สร้างเมื่อ"),
    "created_by": ("Created by", "สร้างโดย"),
    "created_on_copy": ("On copy", "บนเครื่อง"),
    "lead_source": ("Lead source", "แหล่งที่มาของลีด"),
    "converted_from": ("Converted from lead", "แปลงมาจากลีด"),
    "converted_to": ("Converted into", "แปลงเป็น"),
    "imported_from": ("Imported from", "นำเข้าจากไฟล์"),
    "account": ("Company", "บริษัท"),
    "opportunity": ("Deal", "ดีล"),
    # stored values: activities, documents, leads, people
    "task": ("Task", "งาน"), "meeting": ("Meeting", "ประชุม"), "call": ("Call", "โทร"), "visit": ("Visit", "เยี่ยม"),
    "note": ("Note", "บันทึก"), "planned": ("Planned", "วางแผนไว้"), "done": ("Done", "เสร็จแล้ว"),
    "cancelled": ("Cancelled", "ยกเลิก"), "draft": ("Draft", "ฉบับร่าง"), "sent": ("Sent", "ส่งแล้ว"),
    "accepted": ("Accepted", "ตอบรับ"), "rejected": ("Rejected", "ปฏิเสธ"), "expired": ("Expired", "หมดอายุ"),
    "confirmed": ("Confirmed", "ยืนยันแล้ว"), "partly_delivered": ("Partly delivered", "ส่งของบางส่วน"),
    "delivered": ("Delivered", "ส่งของแล้ว"), "invoiced": ("Invoiced", "ออกใบแจ้งหนี้แล้ว"),
    "new": ("New", "ใหม่"), "contacted": ("Contacted", "ติดต่อแล้ว"), "qualified": ("Qualified", "ผ่านการคัดกรอง"),
    "disqualified": ("Disqualified", "ตัดออก"), "converted": ("Converted", "แปลงเป็นลูกค้าแล้ว"),
    "walk_in": ("Walk-in", "เดินเข้าร้าน"), "facebook": ("Facebook", "เฟซบุ๊ก"), "referral": ("Referral", "มีผู้แนะนำ"),
    "trade_show": ("Trade show", "งานแสดงสินค้า"), "female": ("Female", "หญิง"), "male": ("Male", "ชาย"),
    "other": ("Other", "อื่น ๆ"), "knows": ("Knows", "รู้จัก"), "family": ("Family", "ครอบครัว"),
    "colleague": ("Colleague", "เพื่อนร่วมงาน"), "referred_by": ("Referred by", "ได้รับการแนะนำจาก"),
    "reports_to": ("Reports to", "รายงานต่อ"),
}
ENUMERATED = frozenset({"gender", "status", "source", "timeframe"})  # fields whose stored keys have words

# The record's fields in print order, (English, Thai); fields not listed print after them by key.
FIELD_WORDS: dict[str, tuple[str, str]] = {
    "prefix": ("Title", "คำนำหน้า"), "first_name": ("First name", "ชื่อ"), "last_name": ("Last name", "นามสกุล"),
    "nickname": ("Nickname", "ชื่อเล่น"), "company_name": ("Company", "บริษัท"),
    "account_name": ("Company", "บริษัท"), "position": ("Position", "ตำแหน่ง"), "mobile": ("Mobile", "มือถือ"),
    "phone": ("Phone", "โทรศัพท์"), "email": ("E-mail", "อีเมล"), "line_id": ("LINE ID", "ไลน์ไอดี"),
    "tax_id": ("Tax ID", "เลขประจำตัวผู้เสียภาษี"), "birthday": ("Birthday", "วันเกิด"),
    "gender": ("Gender", "เพศ"), "income_band": ("Income", "รายได้"), "interests": ("Interests", "ความสนใจ"),
    "interest": ("Interest", "ความสนใจ"), "budget_satang": ("Budget", "งบประมาณ"),
    "timeframe": ("Timeframe", "ระยะเวลาตัดสินใจ"), "address_line": ("Address", "ที่อยู่"),
    "subdistrict": ("Subdistrict", "ตำบล/แขวง"), "district": ("District", "อำเภอ/เขต"),
    "province": ("Province", "จังหวัด"), "postcode": ("Postcode", "รหัสไปรษณีย์"), "tags": ("Tags", "แท็ก"),
    "source": ("Lead source", "แหล่งที่มา"), "status": ("Status", "สถานะ"), "score": ("Score", "คะแนน"),
    "disqualify_reason": ("Disqualified because", "เหตุผลที่ตัดออก"),
    "marketing_consent": ("Marketing consent", "ยินยอมรับข่าวสาร"),
    "consent_on": ("Consent date", "วันที่ให้ความยินยอม"), "owner_name": ("Owner", "ผู้ดูแล"),
    "notes": ("Notes", "บันทึก"), "created_at": ("Created", "สร้างเมื่อ"), "updated_at": ("Last changed", "แก้ไขล่าสุด"),
    "id": ("Record id", "รหัสรายการ"),
}
LINK_FIELDS = frozenset({"account_id", "owner_id", "campaign_id", "duplicate_of_id", "converted_account_id",
                         "converted_contact_id", "converted_opportunity_id"})  # ids: names are printed instead


@dataclass(frozen=True)
class RenderedPerson:
    pdf: bytes
    wrapped: tuple[Wrapped, ...]  # every text the layout broke into lines, for tests


def person_pdf(data: PersonData, company: str, lang: str) -> RenderedPerson:
    layout = _Layout(data, company, "th" if lang == "th" else "en")
    pdf = build_pdf(layout.story(), layout.footer, title=f"{layout.w('title')}: {data.name}", author=company)
    return RenderedPerson(pdf, tuple(layout.writer.wrapped))


def file_stem(data: PersonData) -> str:
    """The files' name without extension: the person's name (characters no file system allows taken
    out) and the start of the id, which tells apart two people of one name."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "", data.name).strip(" .") or data.kind
    return f"{name[:60]}-{data.id[:8]}"


def export_person(ctx: AppContext, person_id: str, dest: Path, lang: str, *,
                  force: bool = False) -> tuple[Path, Path]:
    """Write the PDF and JSON of the contact or lead `person_id`: into the folder `dest`, named by
    `file_stem`, or as the PDF file `dest` with the JSON beside it (same name, .json). Returns both paths.
    NotFound when there is no such live record; nothing is written then."""
    data = find_person(ctx.database, person_id, ctx.now())
    if data is None:
        raise NotFound("There is no contact or lead with id {id}.", id=person_id)
    company = printed_company(ctx.uow())
    name = (company.name_en if lang != "th" and company.name_en else company.name_th) or company.name_en
    pdf_path = dest / f"{file_stem(data)}.pdf" if dest.is_dir() else dest
    json_path = pdf_path.with_suffix(".json")
    check_output(json_path, ctx.database.path, force=force)  # refused before the PDF is written, not after
    pdf = save_pdf(person_pdf(data, name, lang).pdf, pdf_path, ctx.database.path, force=force)
    return pdf, write_person_json(data, json_path, ctx.database.path, force=force)


class _Layout:
    def __init__(self, data: PersonData, company: str, lang: str) -> None:
        self.data, self.company, self.lang = data, company, lang
        self.writer = Writer()
        self.section = style("person_section", 13, bold=True, colour=INK)
        self.text = style("person_text", 9.5)
        self.note = style("person_note", 8, colour="#546e7a")
        made = office_time(data.made_at)
        self.made = self.w("made").format(date=f"{self.day(made.date())} {made:%H:%M}")

    def w(self, key: str) -> str:
        found = WORDS.get(key) or FIELD_WORDS.get(key)
        return key if found is None else found[1 if self.lang == "th" else 0]

    def day(self, d: date | None) -> str:
        return format_date_long(d, self.lang, buddhist=self.lang == "th")

    def moment(self, at: datetime | None) -> str:
        if at is None:
            return ""
        local = office_time(at)
        return f"{self.day(local.date())} {local:%H:%M}"

    def value(self, key: str, value: Any) -> str:
        if isinstance(value, bool):
            return self.w("yes" if value else "no")
        if isinstance(value, datetime):
            return self.moment(value)
        if isinstance(value, date):
            return self.day(value)
        if value is None:
            return ""
        if key.endswith("_satang") and isinstance(value, int):
            return format_money(value)
        if key in ENUMERATED and value in WORDS:
            return self.w(str(value))
        return str(value)

    def p(self, text: str, st: Any, width: float = WIDTH) -> TextLines:
        return self.writer.para(text, st, width)

    # --- the document -----------------------------------------------------------------------------

    def story(self) -> list[Any]:
        d = self.data
        story: list[Any] = [self.p(self.company, style("person_company", 12, bold=True, colour="#37474f"))] * bool(
            self.company)
        story += [self.p(self.w("title"), style("person_title", 22, bold=True, colour=INK, leading=32)),
                  self.p(f"{d.name}  ·  {self.w(d.kind)}", style("person_name", 16, colour=INK, leading=24)),
                  self.p(self.made, self.note), Spacer(1, 2 * mm),
                  HRFlowable(width="100%", thickness=1.2, color=colors.HexColor(INK)), Spacer(1, 4 * mm)]
        story += self.block("details", self.details())
        story += self.block("consent", self.consent())
        story += self.block("origin", self.origin())
        story += self.block("activities", self.table(
            ("date", "kind", "subject", "status", "notes"),
            [(self.moment(a.starts_at) if a.starts_at else self.day(a.due_on), self.w(a.kind), a.subject,
              self.w(a.status), " ".join(p for p in (a.location, a.notes, a.outcome) if p)) for a in d.activities],
            wide=(2, 4)))
        story += self.block("deals", self.table(
            ("name", "stage", "amount", "expected_close"),
            [(x.name, x.stage, format_money(x.amount_satang), self.day(x.expected_close)) for x in d.deals],
            wide=(0,), numeric=(2,)))
        for key, docs in (("quotations", d.quotations), ("orders", d.orders)):
            story += self.block(key, self.table(
                ("number", "issued_on", "status", "grand_total"),
                [(x.number if x.revision <= 1 else f"{x.number} R{x.revision}", self.day(x.issued_on),
                  self.w(x.status), format_money(x.grand_total_satang)) for x in docs], numeric=(3,)))
        story += self.block("anniversaries", self.table(
            ("title_col", "date"),
            [(x.title, f"{x.day}/{x.month}" + (f"/{x.year + 543 if self.lang == 'th' else x.year}" if x.year else ""))
             for x in d.dates], wide=(0,)))
        story += self.block("relationships", self.table(
            ("person", "relation", "notes"),
            [(x.other_name, self.w(x.kind) + (" ←" if x.reversed else ""), x.note) for x in d.links], wide=(0, 2)))
        story += self.block("campaigns", self.table(
            ("campaign", "status", "response"), [(x.campaign, x.status, x.response) for x in d.campaigns],
            wide=(0, 2)))
        story += self.block("record_changes", self.table(
            ("when", "by", "fields_written"),
            [(self.moment(c.changed_at), c.user_name, self.written(c.fields)) for c in d.changes], wide=(2,)))
        return story

    def block(self, key: str, body: list[Any]) -> list[Any]:
        heading = [self.p(self.w(key), self.section),
                   HRFlowable(width="100%", thickness=0.6, color=colors.HexColor(INK), spaceAfter=1.5 * mm)]
        first, rest = body[:1], body[1:]
        return [KeepTogether([*heading, *first]), *rest, Spacer(1, 5 * mm)]  # a heading never ends a page

    def table(self, header: tuple[str, ...], rows: list[tuple[str, ...]], *, wide: tuple[int, ...] = (),
              numeric: tuple[int, ...] = ()) -> list[Any]:
        """A grid whose `wide` columns (free text) share what the others, as wide as their content, leave.
        A table row cannot break across pages, so a long text (notes run to 10,000 characters) is cut in
        its cell and printed whole after the table, where it flows over as many pages as it needs."""
        if not rows:
            return [self.p(self.w("none"), self.note)]
        columns = range(len(header))
        below: list[Any] = []
        shown = []
        for row in rows:
            cells = []
            for i, text in enumerate(row):
                if len(text) > LONG_CELL or text.count("\n") >= LONG_LINES:
                    mark = f"[{len(below) // 2 + 1}]"
                    cells.append(" ".join(text[:LONG_CELL].splitlines()[:LONG_LINES // 2]) + f" … {mark}")
                    below += [self.p(f"{mark} {row[0]} · {self.w(header[i])}", self.note), self.p(text, self.text)]
                else:
                    cells.append(text)
            shown.append(tuple(cells))
        table = grid([self.w(h) for h in header], shown, [i in numeric for i in columns], self.writer, WIDTH,
                     fixed=[i not in wide for i in columns])
        return [table, *([Spacer(1, 2 * mm)] if below else []), *below]

    def details(self) -> list[Any]:
        fields = self.data.fields
        order = [k for k in FIELD_WORDS if k in fields] + sorted(k for k in fields if k not in FIELD_WORDS)
        rows = [(self.w(k), self.value(k, fields[k])) for k in order
                if k not in LINK_FIELDS and fields[k] not in (None, "")]
        return self.table(("field", "value"), rows, wide=(1,))

    def consent(self) -> list[Any]:
        d = self.data
        now = (self.w("consent_now_given").format(date=self.day(d.consent_on)) if d.consent_given
               else self.w("consent_now_not"))
        rows = [(self.moment(r.changed_at), self.w("given" if r.given else "withdrawn"), self.w(r.method),
                 self.w(r.channel) if r.channel else "", r.user_name, r.wording or r.source)
                for r in reversed(d.consent_history)]
        return [self.p(now, self.text), Spacer(1, 2 * mm),
                self.p(self.w("consent_history"), style("person_sub", 10.5, bold=True, colour="#263238")),
                *self.table(("when", "change", "how", "channel", "by", "details_col"), rows, wide=(5,))]

    def origin(self) -> list[Any]:
        o = self.data.origin
        rows = [(self.w("created"), self.moment(o.created_at)), (self.w("created_by"), o.created_by),
                (self.w("created_on_copy"), o.created_on_copy),
                (self.w("lead_source"), self.w(o.lead_source) if o.lead_source else ""),
                (self.w("campaign"), o.campaign)]
        if o.converted_from is not None:
            rows.append((self.w("converted_from"), o.converted_from[1] or o.converted_from[0]))
        rows += [(self.w("converted_to"), f"{self.w(kind)}: {name or target}") for kind, target, name in o.converted_to]
        rows += [(self.w("imported_from"), name) for name in o.imported_from]
        return self.table(("field", "value"), [r for r in rows if r[1]], wide=(1,))

    def written(self, fields: dict[str, Any]) -> str:
        """A change's values as "field: value" lines, long values cut (the JSON has them whole)."""
        parts = []
        for key, value in fields.items():
            if isinstance(value, str) and _ISO_DAY.fullmatch(value):
                value = date.fromisoformat(value)
            elif isinstance(value, str) and _ISO_MOMENT.fullmatch(value):
                value = datetime.fromisoformat(value)
            text = self.value(key, value)
            text = text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE] + "…"
            parts.append(f"{self.w(key)}: {text}")
        return "\n".join(parts)

    def footer(self, canvas: Canvas, page: int, pages: int) -> None:
        """The document and person on the left, when it was made and the page on the right, over a rule."""
        y = MARGIN + FOOT / 2
        right = TextLines([f"{self.made}  ·  {self.w('page').format(page=page, pages=pages)}"],
                          style("person_footer_right", 7.5, align=TA_RIGHT, colour="#616161"))
        room = WIDTH - sum(w for _, w in right.runs[0]) - 12
        left_text = f"{self.w('title')}: {self.data.name}"
        left = TextLines([shorten(left_text, REGULAR, 7.5, room)], style("person_footer_left", 7.5, colour="#616161"))
        for lines in (left, right):
            _, height = lines.wrap(WIDTH, FOOT)
            lines.drawOn(canvas, MARGIN, y - height)
        canvas.setStrokeColor(colors.HexColor("#cfd8dc"))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 2, MARGIN + WIDTH, y + 2)
