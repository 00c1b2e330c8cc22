"""Quotations built as the detail query returns them, for the PDF tests, the preview and the bench."""

from __future__ import annotations

from datetime import date

from crm_desktop import money
from crm_desktop.queries.sales.detail import DetailLine, DocumentDetail, PartyBlock
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.company import CompanyInput
from crm_desktop.services.sales.documents import QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.quotations import create_quotation

COMPANY = CompanyInput(
    name_th="บริษัท สยามแอร์ แอนด์ เซอร์วิส จำกัด", name_en="Siam Air & Service Co., Ltd.",
    address_th="99/1 อาคารศรีสยาม ชั้น 12 ถนนพระรามที่ 4 แขวงสุริยวงศ์ เขตบางรัก กรุงเทพมหานคร 10500",
    address_en="99/1 Sri Siam Building, 12th floor, Rama IV Road, Suriyawong, Bang Rak, Bangkok 10500",
    tax_id="0105536061479", branch_code="00000", phone="+6621234567", email="sales@siamair.co.th",
)
CUSTOMER = PartyBlock(name="บริษัท ไทยรุ่งเรืองพาณิชย์ จำกัด (มหาชน)", tax_id="1101700230732", branch_code="00001",
                      address="55/5 หมู่ 3 ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120", phone="+66812345678",
                      email="buyer@thairung.co.th", contact_name="คุณสมศรี ใจดี")
NAMES = (
    "เครื่องปรับอากาศแบบติดผนังระบบอินเวอร์เตอร์ขนาด 18,000 บีทียู พร้อมติดตั้งและรับประกันคอมเพรสเซอร์ห้าปี",
    "ท่อน้ำยาแอร์ทองแดงหุ้มฉนวนกันความร้อน",
    "ค่าบริการล้างทำความสะอาดเครื่องปรับอากาศประจำปีโดยช่างผู้ชำนาญการ",
    "Daikin FTKC18 Inverter remote controller replacement",
    "ชุดรางครอบท่อสีขาว",
)
UNITS = ("เครื่อง", "เมตร", "ครั้ง", "ชิ้น", "ชุด")


def sample_lines(count: int) -> tuple[DetailLine, ...]:
    lines = []
    for i in range(count):
        quantity, price = (1 + i % 4) * 1000 + (500 if i % 7 == 3 else 0), 1_250_00 + i * 37_25
        bp = 500 if i % 3 == 0 else 0
        amount = 100_00 if i % 5 == 1 and not bp else 0  # a line has one kind of discount
        net = money.line_amounts(quantity, price, bp, amount).net
        lines.append(DetailLine(id=f"line{i}", position=i, product_id=None, sku=f"AC-{1000 + i}" if i % 2 else "",
                                description=NAMES[i % len(NAMES)], unit=UNITS[i % len(UNITS)], quantity_milli=quantity,
                                unit_price_satang=price, discount_bp=bp, discount_satang=amount,
                                vatable=i % 9 != 8, net_satang=net))
    return tuple(lines)


def sample_quotation(count: int = 5, *, revision: int = 1, language: str = "th", bill_discount: int = 500_00,
                     include_vat: bool = False, remarks: str = "") -> DocumentDetail:
    lines = sample_lines(count)
    totals = money.totals((money.Line(x.quantity_milli, x.unit_price_satang, x.discount_bp, x.discount_satang,
                                      x.vatable) for x in lines), bill_discount, 700, include_vat)
    return DocumentDetail(
        kind="quotation", id="q1", number="QT2569-0007", revision=revision, provisional_number="", status="sent",
        issued_on=date(2026, 11, 23), valid_until=date(2026, 12, 23), customer=CUSTOMER, account_id="a1",
        contact_id=None, opportunity_id=None, opportunity_name="", owner_name="สมชาย ขายเก่ง", channel="",
        prices_include_vat=include_vat, vat_bp=700, bill_discount_satang=bill_discount, language=language,
        payment_terms="ชำระเงินมัดจำร้อยละห้าสิบเมื่อสั่งซื้อ ส่วนที่เหลือชำระภายในสามสิบวันหลังติดตั้งเสร็จ",
        remarks=remarks or ("ราคานี้รวมค่าขนส่งและค่าติดตั้งในเขตกรุงเทพมหานครและปริมณฑลแล้ว "
                            "การติดตั้งนอกพื้นที่มีค่าใช้จ่ายเพิ่มเติมตามระยะทางจริง\nกรุณาลงนามยืนยันและส่งกลับภายในวันที่กำหนด"),
        notes="", lines=lines, totals=totals)


def stored_customer(ctx: AppContext) -> str:
    """The account of CUSTOMER."""
    return create_account(ctx.uow(), AccountInput(
        name=CUSTOMER.name, tax_id=CUSTOMER.tax_id, branch_code=CUSTOMER.branch_code, phone="0812345678",
        address_line="55/5 หมู่ 3", province="นนทบุรี", postcode="11120"), ctx.today()).created[0]


def stored_quotation(ctx: AppContext, account: str, count: int = 3, *, language: str = "th",
                     names: tuple[str, ...] = NAMES) -> str:
    """A new quotation (QT2569-0001 first) with `count` lines for `account`, through the sales services."""
    lines = [LineInput(description=names[i % len(names)], unit=x.unit, quantity_milli=x.quantity_milli,
                       unit_price_satang=x.unit_price_satang, discount_bp=x.discount_bp,
                       discount_satang=x.discount_satang, vatable=x.vatable) for i, x in enumerate(sample_lines(count))]
    data = QuotationInput(account_id=account, language=language, remarks="ราคานี้รวมค่าขนส่งแล้ว", lines=lines)
    return create_quotation(ctx.uow(), data, ctx.today()).created[0]
