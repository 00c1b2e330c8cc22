"""The quotation (ใบเสนอราคา) as an A4 PDF, in Thai or English.

Company header with logo, address, tax id and branch; the customer block; number (with "rev N"),
date (Buddhist Era in Thai) and validity; the lines in a table that splits across pages and repeats
its header; totals, VAT and the amount in words; remarks, payment terms and three signature boxes;
"page N of M" at the foot of every page. Thai is shaped by HarfBuzz and wrapped between words
(reports/fonts.py). Amounts come from the stored lines by money.py's rule (queries/sales/detail.py).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, KeepTogether, Spacer, Table, TableStyle

from crm_desktop.amount_words import amount_in_words
from crm_desktop.errors import DomainError, NotFound
from crm_desktop.queries.sales.detail import DocumentDetail, PartyBlock, document_detail, quotation_id_by_number
from crm_desktop.reports.fonts import REGULAR, TextLines, Wrapped, Writer, style
from crm_desktop.reports.pages import FOOT, MARGIN, WIDTH, build_pdf
from crm_desktop.services.app import AppContext
from crm_desktop.services.company import CompanyInput, printed_company
from crm_desktop.services.formatting import format_date_long, format_money
from crm_desktop.services.sales.documents import quantity
from crm_desktop.services.validation import format_phone

PAD = 4  # points of cell padding left and right
LOGO_SIZE = (50 * mm, 20 * mm)
LINE_COLUMNS = (30, 0, 44, 42, 62, 50, 72)  # no., description (the rest), qty, unit, unit price, discount, amount
GRID = colors.HexColor("#9e9e9e")
SHADE = colors.HexColor("#eef2f7")
INK = "#1a237e"

LABELS: dict[str, dict[str, str]] = {
    "th": {
        "title": "ใบเสนอราคา", "number": "เลขที่", "date": "วันที่", "valid": "ยืนราคาถึง", "rep": "พนักงานขาย",
        "customer": "ลูกค้า", "attention": "ผู้ติดต่อ", "tax_id": "เลขประจำตัวผู้เสียภาษี", "head_office": "สำนักงานใหญ่",
        "branch": "สาขาที่ {code}", "phone": "โทร", "email": "อีเมล", "no": "ลำดับ", "description": "รายการ",
        "qty": "จำนวน", "unit": "หน่วย", "price": "ราคาต่อหน่วย", "discount": "ส่วนลด", "amount": "จำนวนเงิน",
        "subtotal": "รวมเป็นเงิน", "bill_discount": "หักส่วนลด", "before_vat": "ราคาก่อนภาษีมูลค่าเพิ่ม",
        "vat": "ภาษีมูลค่าเพิ่ม {rate}%", "grand_total": "จำนวนเงินรวมทั้งสิ้น", "words": "จำนวนเงินตัวอักษร",
        "includes_vat": "ราคาสินค้ารวมภาษีมูลค่าเพิ่มแล้ว", "exempt": "* ไม่มีภาษีมูลค่าเพิ่ม",
        "remarks": "หมายเหตุ", "terms": "เงื่อนไขการชำระเงิน", "quoted_by": "ผู้เสนอราคา",
        "approved_by": "ผู้อนุมัติ", "accepted_by": "ลูกค้า", "sign_date": "วันที่ ........../........../..........",
        "page": "หน้า {page}/{pages}", "currency": "บาท",
    },
    "en": {
        "title": "QUOTATION", "number": "No.", "date": "Date", "valid": "Valid until", "rep": "Sales rep",
        "customer": "Customer", "attention": "Attention", "tax_id": "Tax ID", "head_office": "Head office",
        "branch": "Branch {code}", "phone": "Tel.", "email": "E-mail", "no": "No.", "description": "Description",
        "qty": "Qty", "unit": "Unit", "price": "Unit price", "discount": "Discount", "amount": "Amount",
        "subtotal": "Subtotal", "bill_discount": "Discount", "before_vat": "Amount before VAT",
        "vat": "VAT {rate}%", "grand_total": "Grand total", "words": "Amount in words",
        "includes_vat": "Prices include VAT.", "exempt": "* VAT exempt",
        "remarks": "Remarks", "terms": "Payment terms", "quoted_by": "Quoted by",
        "approved_by": "Approved by", "accepted_by": "Customer", "sign_date": "Date ........../........../..........",
        "page": "Page {page} of {pages}", "currency": "THB",
    },
}


@dataclass(frozen=True)
class RenderedQuotation:
    pdf: bytes
    wrapped: tuple[Wrapped, ...]  # every text the layout broke into lines


def printed_number(number: str, revision: int) -> str:
    """The number as printed and as typed on the command line: "QT2569-0001", "QT2569-0001 rev 2"."""
    return f"{number} rev {revision}" if revision > 1 else number


_PRINTED_NUMBER = re.compile(r"\s*(\S+?)(?:\s*\brev\.?\s*([0-9]{1,3}))?\s*", re.IGNORECASE)


def find_quotation(ctx: AppContext, printed: str) -> str:
    """The id of the quotation printed as `printed` ("QT2569-0001": its newest revision; "QT2569-0001
    rev 2": that one; a copy's provisional number finds it too). Raises NotFound or DomainError."""
    match = _PRINTED_NUMBER.fullmatch(printed)
    if match is None:
        raise DomainError("Write the number as printed, for example QT2569-0001 or \"QT2569-0001 rev 2\".")
    number, revision = match.group(1), int(match.group(2)) if match.group(2) else None
    found = quotation_id_by_number(ctx.database, number, revision)
    if found is None:
        if revision is not None and quotation_id_by_number(ctx.database, number) is not None:
            raise NotFound("There is no revision {revision} of quotation {number}.", revision=revision, number=number)
        raise NotFound("There is no quotation {number}.", number=number)
    return found


def quotation_pdf(ctx: AppContext, quotation_id: str, lang: str | None = None) -> bytes:
    """The live quotation `quotation_id` as PDF bytes, in `lang` or, when None, the language chosen on
    it. Raises NotFound when it was deleted or never existed."""
    detail = document_detail(ctx.database, "quotation", quotation_id, ctx.today())
    if detail is None:
        raise NotFound("The quotation was deleted or never existed.")
    return render_quotation(detail, printed_company(ctx.uow()), lang or detail.language).pdf


def render_quotation(detail: DocumentDetail, company: CompanyInput, lang: str) -> RenderedQuotation:
    """The PDF of `detail` with `company`'s header, in "th" or "en"."""
    lang = "th" if lang == "th" else "en"
    layout = _Layout(detail, company, lang)
    pdf = build_pdf(layout.story(), layout.footer, title=f"{LABELS[lang]['title']} {layout.number}",
                    author=layout.company_name)
    return RenderedQuotation(pdf, tuple(layout.writer.wrapped))


def _percent(bp: int) -> str:
    whole, part = divmod(bp, 100)
    return f"{whole}" + (f".{part:02d}".rstrip("0") if part else "")


class _Layout:
    def __init__(self, detail: DocumentDetail, company: CompanyInput, lang: str) -> None:
        self.detail, self.company, self.lang = detail, company, lang
        self.label = LABELS[lang]
        self.writer = Writer()
        self.any_exempt = any(not line.vatable for line in detail.lines)
        self.number = printed_number(detail.number, detail.revision)
        english = lang == "en"
        self.company_name = (company.name_en if english and company.name_en else company.name_th) or company.name_en
        self.company_address = (company.address_en if english and company.address_en else company.address_th) \
            or company.address_en
        self.text = style("text")
        self.small = style("small", 8, colour="#424242")
        self.bold = style("bold", bold=True)
        self.head = style("head", 8, bold=True, align=TA_CENTER, colour="#ffffff")
        self.right = style("right", align=TA_RIGHT)
        self.right_bold = style("right_bold", bold=True, align=TA_RIGHT)
        self.centre = style("centre", align=TA_CENTER)
        self.caption = style("caption", 8, bold=True, colour=INK)

    def p(self, text: str, width: float, st: Any = None) -> TextLines:
        return self.writer.para(text, st or self.text, width)

    def story(self) -> list[Any]:
        return [self.header(), Spacer(1, 3 * mm), self.parties(), Spacer(1, 3 * mm), self.lines(),
                Spacer(1, 2 * mm), self.totals(), Spacer(1, 2 * mm), *self.notes(),
                Spacer(1, 3 * mm), KeepTogether(self.signatures())]

    # --- header: the company left, the title and the document's facts right ---

    def tax_line(self, tax_id: str, branch_code: str) -> str:
        if not tax_id:
            return ""
        branch = self.label["head_office"] if branch_code in ("", "00000") else \
            self.label["branch"].format(code=branch_code)
        return f"{self.label['tax_id']} {tax_id} ({branch})"

    def contact_line(self, phone: str, email: str) -> str:
        parts = [f"{self.label['phone']} {format_phone(phone)}" if phone else "",
                 f"{self.label['email']} {email}" if email else ""]
        return "   ".join(p for p in parts if p)

    def header(self) -> Table:
        left_width, right_width = WIDTH * 0.58, WIDTH * 0.42
        left: list[Any] = []
        if self.company.logo:
            left += [self.logo(), Spacer(1, 2 * mm)]
        left.append(self.p(self.company_name, left_width, style("company", 13, bold=True, colour=INK)))
        for text in (self.company_address, self.tax_line(self.company.tax_id, self.company.branch_code),
                     self.contact_line(self.company.phone, self.company.email)):
            if text:
                left.append(self.p(text, left_width - PAD, self.small))
        d = self.detail
        facts = [(self.label["number"], self.number), (self.label["date"], self.date(d.issued_on))]
        if d.valid_until is not None:
            facts.append((self.label["valid"], self.date(d.valid_until)))
        if d.owner_name:
            facts.append((self.label["rep"], d.owner_name))
        box = Table([[self.p(k, 30 * mm, self.bold), self.p(v, right_width - 30 * mm - 2 * PAD)] for k, v in facts],
                    colWidths=[30 * mm, right_width - 30 * mm - 2 * PAD])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("BACKGROUND", (0, 0), (0, -1), SHADE),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
        title = self.p(self.label["title"], right_width, style("title", 20, bold=True, align=TA_RIGHT, colour=INK,
                                                               leading=28))
        table = Table([[left, [title, Spacer(1, 2 * mm), box]]], colWidths=[left_width, right_width])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    def logo(self) -> Image:
        reader = ImageReader(io.BytesIO(self.company.logo))
        width, height = reader.getSize()
        scale = min(LOGO_SIZE[0] / width, LOGO_SIZE[1] / height)
        image = Image(io.BytesIO(self.company.logo), width * scale, height * scale)
        image.hAlign = "LEFT"
        return image

    def date(self, day: Any) -> str:
        return format_date_long(day, self.lang, buddhist=self.lang == "th")

    # --- the customer ---

    def parties(self) -> Table:
        """Who and where on the left; tax id, phone and e-mail, and the person to address on the right."""
        c: PartyBlock = self.detail.customer
        left_width, right_width = WIDTH * 0.56, WIDTH * 0.44
        left: list[Any] = [self.p(self.label["customer"], left_width - 2 * PAD, self.caption),
                           self.p(c.name, left_width - 2 * PAD, style("customer_name", 10.5, bold=True))]
        if c.address:
            left.append(self.p(c.address, left_width - 2 * PAD))
        right = [self.p(text, right_width - 2 * PAD) for text in (
            self.tax_line(c.tax_id, c.branch_code), self.contact_line(c.phone, c.email),
            f"{self.label['attention']} {c.contact_name}" if c.contact_name else "") if text]
        table = Table([[left, [Spacer(1, 9), *right]]], colWidths=[left_width, right_width])
        table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                                   ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD)]))
        return table

    # --- the lines ---

    def lines(self) -> Table:
        widths = list(LINE_COLUMNS)
        widths[1] = WIDTH - sum(widths)
        names = ("no", "description", "qty", "unit", "price", "discount", "amount")
        rows: list[list[Any]] = [[self.p(self.label[n], w - 2 * PAD, self.head) for n, w in zip(names, widths,
                                                                                                 strict=True)]]
        for number, line in enumerate(self.detail.lines, 1):
            describe: list[Any] = []
            if line.sku:
                describe.append(self.p(line.sku, widths[1] - 2 * PAD, self.small))
            describe.append(self.p(line.description, widths[1] - 2 * PAD))
            discount = f"{_percent(line.discount_bp)}%" if line.discount_bp else \
                format_money(line.discount_satang, with_symbol=False) if line.discount_satang else ""
            amount = format_money(line.net_satang, with_symbol=False) + ("" if line.vatable else " *")
            # Digits need no shaping: plain strings, drawn by the table itself, are much cheaper than paragraphs.
            rows.append([str(number), describe, quantity(line.quantity_milli),
                         self.p(line.unit, widths[3] - 2 * PAD, self.centre),
                         format_money(line.unit_price_satang, with_symbol=False), discount, amount])
        table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(INK)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("FONT", (0, 1), (-1, -1), REGULAR, 9), ("LEADING", (0, 1), (-1, -1), 13),
            ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ("ALIGN", (3, 1), (3, -1), "CENTER"), ("TOPPADDING", (0, 1), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (0, 0), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    # --- totals, words, remarks ---

    def totals(self) -> Table:
        t, d, label = self.detail.totals, self.detail, self.label
        rows = [(label["subtotal"], t.subtotal)]
        if t.bill_discount:
            rows.append((label["bill_discount"], t.bill_discount))
        rows += [(label["before_vat"], t.before_vat), (label["vat"].format(rate=_percent(d.vat_bp)), t.vat)]
        label_width, value_width = 44 * mm, 30 * mm
        figures = [[self.p(k, label_width - 2 * PAD, self.right), self.p(format_money(v, with_symbol=False),
                                                                            value_width - 2 * PAD, self.right)]
                   for k, v in rows]
        figures.append([self.p(label["grand_total"], label_width - 2 * PAD, self.right_bold),
                        self.p(format_money(t.grand_total, with_symbol=False), value_width - 2 * PAD,
                               self.right_bold)])
        numbers = Table(figures, colWidths=[label_width, value_width])
        numbers.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, GRID),
                                     ("BACKGROUND", (0, -1), (-1, -1), SHADE),
                                     ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        words_width = WIDTH - label_width - value_width - 4 * mm
        words: list[Any] = [self.p(label["words"], words_width - 2 * PAD, self.caption),
                            self.p(f"({amount_in_words(t.grand_total, self.lang)})", words_width - 2 * PAD,
                                   style("words", 10, bold=True))]
        notes = ([label["includes_vat"]] if d.prices_include_vat else []) + \
            ([label["exempt"]] if self.any_exempt else [])
        words += [self.p(n, words_width - 2 * PAD, self.small) for n in notes]
        table = Table([[words, "", numbers]], colWidths=[words_width, 4 * mm, label_width + value_width])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (0, 0), 0.6, GRID),
                                   ("BACKGROUND", (0, 0), (0, 0), SHADE),
                                   ("LEFTPADDING", (1, 0), (-1, -1), 0), ("RIGHTPADDING", (1, 0), (-1, -1), 0)]))
        return table

    def notes(self) -> list[Any]:
        found: list[Any] = []
        for key, text in (("terms", self.detail.payment_terms), ("remarks", self.detail.remarks)):
            if text.strip():
                found += [KeepTogether([self.p(self.label[key], WIDTH, self.bold), self.p(text.strip(), WIDTH)]),
                          Spacer(1, 1 * mm)]
        return found

    def signatures(self) -> list[Any]:
        box = (WIDTH - 8 * mm) / 3
        small, bold = style("sign", 8, align=TA_CENTER), style("sign_bold", 8.5, bold=True, align=TA_CENTER)
        cells = []
        for key, name in (("quoted_by", self.detail.owner_name), ("approved_by", ""), ("accepted_by", "")):
            cells.append([Spacer(1, 7 * mm), self.p("." * 52, box - 2 * PAD, small),
                          self.p(f"({name or '.' * 44})", box - 2 * PAD, small),
                          self.p(self.label[key], box - 2 * PAD, bold),
                          self.p(self.label["sign_date"], box - 2 * PAD, small)])
        table = Table([[cells[0], "", cells[1], "", cells[2]]], colWidths=[box, 4 * mm, box, 4 * mm, box])
        table.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 0.6, GRID), ("BOX", (2, 0), (2, 0), 0.6, GRID),
                                   ("BOX", (4, 0), (4, 0), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [table]

    def footer(self, canvas: Canvas, page: int, pages: int) -> None:
        text = f"{self.number}   ·   {self.label['page'].format(page=page, pages=pages)}"
        lines = TextLines([text], style("footer", 8, align=TA_RIGHT, colour="#616161"))
        _, height = lines.wrap(WIDTH, FOOT)
        lines.drawOn(canvas, MARGIN, MARGIN + FOOT / 2 - height)

