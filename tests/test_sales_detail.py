"""The detail of a quotation or an order: the printed customer block, lines, totals and late deliveries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from crm_desktop import money
from crm_desktop.models import Quotation, QuotationLine, SalesOrder, SalesOrderLine
from crm_desktop.queries.sales.detail import document_detail, quotation_id_by_number
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

TAX_ID = "0105556123453"


def customer(ctx: AppContext) -> tuple[str, str]:
    account = create_account(ctx.uow(), AccountInput(
        name="บริษัท สยามพาณิชย์ จำกัด", tax_id=TAX_ID, branch_code="00001", phone="021234567",
        email="buy@siam.co.th", address_line="99 ถนนพระราม 4", subdistrict="สีลม", district="บางรัก",
        province="กรุงเทพมหานคร", postcode="10500"), TODAY).created[0]
    contact = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", prefix="คุณ",
                                                     account_id=account), TODAY).created[0]
    return account, contact


def test_quotation_detail_prints_the_account_and_its_contact(ctx: AppContext) -> None:
    account, contact = customer(ctx)
    with ctx.uow() as uow:
        q = uow.quotations.add(Quotation(number="QT2569-0001", account_id=account, contact_id=contact,
                                         issued_on=TODAY, valid_until=TODAY + timedelta(days=30),
                                         bill_discount_satang=1_000))
        uow.session.flush()
        for position, (qty, price, pct) in enumerate(((2_000, 150_000, 0), (1_500, 99_99, 1_000))):
            uow.quotation_lines.add(QuotationLine(quotation_id=q.id, description=f"สินค้า {position}", position=position,
                                                  quantity_milli=qty, unit_price_satang=price, discount_bp=pct))
        uow.commit()
    detail = document_detail(ctx.database, "quotation", q.id, TODAY)
    assert detail is not None
    assert detail.customer.name == "บริษัท สยามพาณิชย์ จำกัด"
    assert (detail.customer.tax_id, detail.customer.branch_code) == (TAX_ID, "00001")
    assert detail.customer.address == "99 ถนนพระราม 4\nสีลม บางรัก กรุงเทพมหานคร 10500"
    assert detail.customer.contact_name == "คุณสมชาย ใจดี"
    assert [line.description for line in detail.lines] == ["สินค้า 0", "สินค้า 1"]
    assert detail.totals == money.totals([money.Line(2_000, 150_000), money.Line(1_500, 99_99, 1_000)], 1_000)
    assert detail.lines[1].net_satang == 13_499  # 149.985 → 149.99, less 10 % (14.999 → 15.00)
    assert detail.revisions == ((q.id, 1, "draft"),)
    assert quotation_id_by_number(ctx.database, "QT2569-0001") == q.id
    assert quotation_id_by_number(ctx.database, "QT2569-0002") is None


def test_b2c_contact_is_the_customer(ctx: AppContext) -> None:
    person = create_contact(ctx.uow(), ContactInput(first_name="มาลี", mobile="0812345678", province="เชียงใหม่"),
                            TODAY).created[0]
    with ctx.uow() as uow:
        order = uow.orders.add(SalesOrder(number="SO2569-0001", contact_id=person, issued_on=TODAY))
        uow.commit()
    detail = document_detail(ctx.database, "sales_order", order.id, TODAY)
    assert detail is not None
    assert (detail.customer.name, detail.customer.phone, detail.customer.contact_name) == ("มาลี", "+66812345678", "")
    assert detail.customer.address == "เชียงใหม่"
    assert detail.lines == () and detail.totals.grand_total == 0


def _order_with_promises(ctx: AppContext, status: str, promises: list[tuple[date, int]]) -> str:
    with ctx.uow() as uow:
        order = uow.orders.add(SalesOrder(number="SO2569-0007", issued_on=TODAY, status=status))
        uow.session.flush()
        for position, (promised, delivered) in enumerate(promises):
            uow.order_lines.add(SalesOrderLine(order_id=order.id, description="แอร์", position=position,
                                               quantity_milli=2_000, unit_price_satang=1_500_000,
                                               promised_on=promised, delivered_milli=delivered))
        uow.commit()
    return order.id


def test_a_line_is_late_from_the_day_after_its_promise(ctx: AppContext) -> None:
    yesterday, today = TODAY - timedelta(days=1), TODAY
    order = _order_with_promises(ctx, "confirmed", [(today, 0), (yesterday, 0), (yesterday, 2_000), (yesterday, 1_999)])
    detail = document_detail(ctx.database, "sales_order", order, TODAY)
    assert detail is not None
    assert [line.late for line in detail.lines] == [False, True, False, True]


def test_a_cancelled_order_is_never_late(ctx: AppContext) -> None:
    order = _order_with_promises(ctx, "cancelled", [(TODAY - timedelta(days=9), 0)])
    detail = document_detail(ctx.database, "sales_order", order, TODAY)
    assert detail is not None and not detail.lines[0].late


def test_deleted_document_has_no_detail(ctx: AppContext) -> None:
    with ctx.uow() as uow:
        q = uow.quotations.add(Quotation(number="QT2569-0001", issued_on=TODAY, deleted_at=ctx.now()))
        uow.commit()
    assert document_detail(ctx.database, "quotation", q.id, TODAY) is None
    assert quotation_id_by_number(ctx.database, "QT2569-0001") is None


def test_a_discount_over_the_lines_after_a_sync_is_shown_clamped(ctx: AppContext) -> None:
    """Two copies each made a valid edit; merged, the bill discount exceeds the lines."""
    with ctx.uow() as uow:
        q = uow.quotations.add(Quotation(number="QT2569-0003", issued_on=TODAY, bill_discount_satang=50_000))
        uow.session.flush()
        uow.quotation_lines.add(QuotationLine(quotation_id=q.id, description="ชุดของขวัญ", quantity_milli=1_000,
                                              unit_price_satang=30_000, discount_satang=40_000))
        uow.commit()
    detail = document_detail(ctx.database, "quotation", q.id, TODAY)
    assert detail is not None and detail.totals_clamped
    assert detail.lines[0].net_satang == 0
    assert detail.totals.grand_total == 0 and detail.totals.bill_discount == 0
