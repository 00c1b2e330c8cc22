"""Quotations and sales orders: every status transition, every refusal (which saves nothing), the
deal moves they cause, revisions, numbers, deliveries at their boundaries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Product
from crm_desktop.queries.sales.detail import DocumentDetail, document_detail
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import Entity
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, move_to_stage
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput, QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.orders import (
    Delivery,
    cancel_order,
    confirm_order,
    create_order,
    delete_orders,
    mark_invoiced,
    new_order_input,
    order_from_quotation,
    order_input,
    record_delivery,
    restore_orders,
    update_order,
)
from crm_desktop.services.sales.quotations import (
    accept_quotation,
    create_quotation,
    delete_quotations,
    expire_quotations,
    new_quotation_input,
    quotation_input,
    reject_quotation,
    restore_quotations,
    revise_quotation,
    send_quotation,
    update_quotation,
)
from crm_desktop.services.stages import default_stage_id
from tests.server_helpers import fetch
from tests.sync_helpers import dump
from tests.time_helpers import TEST_NOW, TODAY

pytestmark = pytest.mark.server

NOW = TEST_NOW
PROSPECTING, QUOTATION, NEGOTIATION, WON = (default_stage_id(k) for k in ("prospecting", "quotation", "negotiation",
                                                                             "won"))
AIRCON = LineInput("เครื่องปรับอากาศ 12000 BTU", quantity_milli=2_000, unit_price_satang=1_890_000, unit="เครื่อง")
INSTALL = LineInput("ค่าติดตั้ง", quantity_milli=2_000, unit_price_satang=150_000, unit="งาน")


# --- helpers --------------------------------------------------------------------------------


def account(ctx: AppContext) -> str:
    return create_account(ctx.uow(), AccountInput(name="บริษัท เย็นสบาย จำกัด"), TODAY).created[0]


def deal(ctx: AppContext, customer: str, stage: str = PROSPECTING) -> str:
    return create_opportunity(ctx.uow(), OpportunityInput(name="แอร์สำนักงาน", stage_id=stage, account_id=customer,
                                                          amount_satang=4_000_000), NOW).created[0]


def product(ctx: AppContext, deleted: bool = False) -> str:
    with ctx.uow() as uow:
        row = uow.products.add(Product(sku="AC-12", name_th="แอร์ 12000 BTU", price_satang=1_890_000,
                                       deleted_at=ctx.now() if deleted else None))
        uow.commit()
    return row.id


def quotation(ctx: AppContext, customer: str, *lines: LineInput, **header: object) -> str:
    data = QuotationInput(account_id=customer, lines=list(lines or (AIRCON,)), **header)  # type: ignore[arg-type]
    return create_quotation(ctx.uow(), data, TODAY).created[0]


def sent(ctx: AppContext, customer: str, **header: object) -> str:
    q = quotation(ctx, customer, **header)
    send_quotation(ctx.uow(), q, TODAY, NOW)
    return q


def accepted(ctx: AppContext, customer: str, **header: object) -> str:
    q = sent(ctx, customer, **header)
    accept_quotation(ctx.uow(), q, TODAY)
    return q


def order(ctx: AppContext, customer: str, *lines: OrderLineInput, **header: object) -> str:
    wanted = list(lines or (OrderLineInput(**vars(AIRCON)),))
    return create_order(ctx.uow(), OrderInput(account_id=customer, lines=wanted, **header), TODAY).created[0]  # type: ignore[arg-type]


def confirmed(ctx: AppContext, customer: str, *lines: OrderLineInput, **header: object) -> str:
    o = order(ctx, customer, *lines, **header)
    confirm_order(ctx.uow(), o, TODAY, NOW)
    return o


def detail(ctx: AppContext, kind: str, doc_id: str) -> DocumentDetail:
    found = document_detail(ctx.database, kind, doc_id, TODAY)
    assert found is not None
    return found


def snapshot(ctx: AppContext) -> tuple[object, ...]:
    """Every synced row and the change log's length: a refused action changes neither."""
    return dump(ctx), fetch(ctx, "SELECT count(*) FROM change")


def refused(ctx: AppContext, action: Callable[[], object], words: str, error: type[DomainError] = DomainError) -> str:
    """`action` raises a readable error containing `words`, in English and Thai, and saves nothing."""
    before = snapshot(ctx)
    with pytest.raises(error) as caught:
        action()
    assert words in caught.value.text("en")
    assert caught.value.text("th") != caught.value.text("en")
    assert snapshot(ctx) == before
    return caught.value.text("en")


def stage_of(ctx: AppContext, deal_id: str) -> str:
    return str(fetch(ctx, "SELECT stage_id FROM opportunity WHERE id = ?", (deal_id,))[0][0])


def moves(ctx: AppContext, deal_id: str) -> list[tuple[str | None, str]]:
    rows = fetch(ctx, "SELECT from_stage_id, to_stage_id FROM stage_history WHERE opportunity_id = ? "
                      "ORDER BY changed_at, id", (deal_id,))
    return [(str(a) if a is not None else None, str(b)) for a, b in rows]


# --- quotations -----------------------------------------------------------------------------


def test_numbers_follow_the_buddhist_year_and_a_revision_keeps_its_number(ctx: AppContext) -> None:
    customer = account(ctx)
    first, second = quotation(ctx, customer), sent(ctx, customer)
    assert detail(ctx, "quotation", first).number == "QT2569-0001"
    assert detail(ctx, "quotation", second).number == "QT2569-0002"
    revision = revise_quotation(ctx.uow(), second, TODAY).created[0]
    assert (detail(ctx, "quotation", revision).number, detail(ctx, "quotation", revision).revision) == (
        "QT2569-0002", 2)
    assert detail(ctx, "quotation", quotation(ctx, customer)).number == "QT2569-0003"


def test_new_quotation_from_a_deal_takes_its_customer_owner_and_validity(ctx: AppContext) -> None:
    customer = account(ctx)
    deal_id = deal(ctx, customer)
    data = new_quotation_input(ctx.uow(), opportunity_id=deal_id, today=TODAY)
    assert (data.account_id, data.opportunity_id, data.owner_id) == (customer, deal_id, ctx.user_id)
    assert data.valid_until == TODAY + timedelta(days=30)
    data.lines = [AIRCON]
    q = create_quotation(ctx.uow(), data, TODAY).created[0]
    assert detail(ctx, "quotation", q).opportunity_name == "แอร์สำนักงาน"
    assert quotation_input(ctx.uow(), q).lines[0].description == AIRCON.description


def test_a_draft_is_edited_in_place(ctx: AppContext) -> None:
    q = quotation(ctx, account(ctx), AIRCON, INSTALL)
    data = quotation_input(ctx.uow(), q)
    data.lines = [INSTALL]
    data.remarks = "ราคารวมค่าขนส่ง"
    update_quotation(ctx.uow(), q, data, TODAY)
    shown = detail(ctx, "quotation", q)
    assert [x.description for x in shown.lines] == ["ค่าติดตั้ง"] and shown.remarks == "ราคารวมค่าขนส่ง"
    assert shown.totals.grand_total == 321_000  # 3,000.00 + 7 % VAT


def test_sending_moves_an_earlier_deal_to_the_quotation_stage_with_history(ctx: AppContext) -> None:
    customer = account(ctx)
    deal_id = deal(ctx, customer)
    q = quotation(ctx, customer, opportunity_id=deal_id)
    done = send_quotation(ctx.uow(), q, TODAY, NOW)
    assert done.entities == (Entity.QUOTATION, Entity.OPPORTUNITY) and done[Entity.OPPORTUNITY].updated == (deal_id,)
    assert detail(ctx, "quotation", q).status == "sent"
    assert stage_of(ctx, deal_id) == QUOTATION
    assert moves(ctx, deal_id) == [(None, PROSPECTING), (PROSPECTING, QUOTATION)]


def test_sending_leaves_a_deal_that_is_further_along(ctx: AppContext) -> None:
    customer = account(ctx)
    deal_id = deal(ctx, customer, NEGOTIATION)
    q = quotation(ctx, customer, opportunity_id=deal_id)
    assert send_quotation(ctx.uow(), q, TODAY, NOW).entities == (Entity.QUOTATION,)  # the deal did not move
    assert stage_of(ctx, deal_id) == NEGOTIATION and len(moves(ctx, deal_id)) == 1


def test_editing_a_sent_quotation_needs_a_revision(ctx: AppContext) -> None:
    q = sent(ctx, account(ctx))
    data = quotation_input(ctx.uow(), q)
    data.lines = [INSTALL]
    refused(ctx, lambda: update_quotation(ctx.uow(), q, data, TODAY), "make a revision")


def test_a_revision_keeps_the_sent_version_and_its_lines(ctx: AppContext) -> None:
    q = sent(ctx, account(ctx))
    new = revise_quotation(ctx.uow(), q, TODAY).created[0]
    data = quotation_input(ctx.uow(), new)
    data.lines = [AIRCON, INSTALL]
    update_quotation(ctx.uow(), new, data, TODAY)
    old, fresh = detail(ctx, "quotation", q), detail(ctx, "quotation", new)
    assert old.superseded and not fresh.superseded
    assert (old.status, [x.description for x in old.lines]) == ("sent", [AIRCON.description])
    assert (fresh.status, len(fresh.lines)) == ("draft", 2)
    assert fresh.revisions == ((q, 1, "sent"), (new, 2, "draft"))
    refused(ctx, lambda: accept_quotation(ctx.uow(), q, TODAY), "newer revision")
    refused(ctx, lambda: revise_quotation(ctx.uow(), q, TODAY), "newer revision")
    refused(ctx, lambda: revise_quotation(ctx.uow(), new, TODAY), "still a draft")


def test_deleting_the_newest_revision_makes_the_previous_one_current_again(ctx: AppContext) -> None:
    q = sent(ctx, account(ctx))
    new = revise_quotation(ctx.uow(), q, TODAY).created[0]
    delete_quotations(ctx.uow(), [new])
    assert not detail(ctx, "quotation", q).superseded
    accept_quotation(ctx.uow(), q, TODAY)
    restore_quotations(ctx.uow(), [new])  # undo: both come back as they were
    assert detail(ctx, "quotation", new).status == "draft"
    assert detail(ctx, "quotation", q).status == "accepted"


def test_answers_and_their_refusals(ctx: AppContext) -> None:
    customer = account(ctx)
    draft = quotation(ctx, customer)
    refused(ctx, lambda: accept_quotation(ctx.uow(), draft, TODAY), "not been sent")
    refused(ctx, lambda: reject_quotation(ctx.uow(), draft, TODAY), "not been sent")
    yes, no = sent(ctx, customer), sent(ctx, customer)
    accept_quotation(ctx.uow(), yes, TODAY)
    reject_quotation(ctx.uow(), no, TODAY)
    assert (detail(ctx, "quotation", yes).status, detail(ctx, "quotation", no).status) == ("accepted", "rejected")
    refused(ctx, lambda: reject_quotation(ctx.uow(), yes, TODAY), "already accepted or rejected")
    refused(ctx, lambda: send_quotation(ctx.uow(), no, TODAY, NOW), "already sent")


def test_a_quotation_without_lines_is_not_sent(ctx: AppContext) -> None:
    q = create_quotation(ctx.uow(), QuotationInput(account_id=account(ctx)), TODAY).created[0]
    refused(ctx, lambda: send_quotation(ctx.uow(), q, TODAY, NOW), "at least one line")


def test_quotations_expire_the_day_after_their_validity(ctx: AppContext) -> None:
    customer = account(ctx)
    today_last = sent(ctx, customer, issued_on=TODAY - timedelta(days=30), valid_until=TODAY)
    yesterday_last = sent(ctx, customer, issued_on=TODAY - timedelta(days=31), valid_until=TODAY - timedelta(days=1))
    changes = expire_quotations(ctx.uow(), TODAY)
    assert changes.updated == (yesterday_last,)
    assert detail(ctx, "quotation", today_last).status == "sent"
    refused(ctx, lambda: accept_quotation(ctx.uow(), yesterday_last, TODAY), "has expired")
    renewed = revise_quotation(ctx.uow(), yesterday_last, TODAY).created[0]
    assert detail(ctx, "quotation", renewed).valid_until == TODAY + timedelta(days=30)  # the same validity length


@pytest.mark.parametrize(("line", "words"), [
    (LineInput("ของ", quantity_milli=-1_000, unit_price_satang=100), "more than 0"),
    (LineInput("ของ", unit_price_satang=10_000, discount_satang=10_001), "more than the line's amount"),
    (LineInput("ของแถม", unit_price_satang=0), "has no price"),
])
def test_bad_lines_save_nothing(ctx: AppContext, line: LineInput, words: str) -> None:
    customer = account(ctx)
    refused(ctx, lambda: quotation(ctx, customer, line), words, ValidationError)
    refused(ctx, lambda: order(ctx, customer, OrderLineInput(**vars(line))), words, ValidationError)


def test_boundaries_that_are_allowed(ctx: AppContext) -> None:
    customer = account(ctx)
    whole_line_off = quotation(ctx, customer, LineInput("ของ", unit_price_satang=10_000, discount_satang=10_000),
                               LineInput("ของแถม", unit_price_satang=0, price_zero_confirmed=True))
    assert detail(ctx, "quotation", whole_line_off).totals.grand_total == 0
    line = LineInput("ของ", unit_price_satang=10_000)
    exact = quotation(ctx, customer, line, bill_discount_satang=10_000)
    assert detail(ctx, "quotation", exact).totals.amount == 0


def test_a_bill_discount_over_the_subtotal_is_refused(ctx: AppContext) -> None:
    customer = account(ctx)
    line = LineInput("ของ", unit_price_satang=10_000, discount_bp=1_000)  # 100.00 less 10 %: 90.00
    message = refused(ctx, lambda: quotation(ctx, customer, line, bill_discount_satang=9_001), "bill discount",
                      ValidationError)
    assert "90.01" in message and "90.00" in message
    q = quotation(ctx, customer, line)
    data = quotation_input(ctx.uow(), q)
    data.bill_discount_satang = 9_001
    refused(ctx, lambda: update_quotation(ctx.uow(), q, data, TODAY), "bill discount", ValidationError)


@pytest.mark.parametrize(("change", "words"), [
    (lambda d: setattr(d, "account_id", None), "Choose a customer"),
    (lambda d: setattr(d, "valid_until", TODAY - timedelta(days=1)), "expire before"),
    (lambda d: setattr(d, "vat_bp", 10_001), "VAT"),
    (lambda d: setattr(d, "language", "de"), "Thai or in English"),
    (lambda d: setattr(d, "bill_discount_satang", -1), "bill discount"),
    (lambda d: setattr(d, "owner_id", "nobody"), "owner no longer exists"),
])
def test_bad_headers_save_nothing(ctx: AppContext, change: Callable[[QuotationInput], None], words: str) -> None:
    data = QuotationInput(account_id=account(ctx), lines=[AIRCON])
    change(data)
    refused(ctx, lambda: create_quotation(ctx.uow(), data, TODAY), words, ValidationError)


def test_deleted_quotation_is_not_found_and_undo_brings_it_back(ctx: AppContext) -> None:
    q = quotation(ctx, account(ctx))
    delete_quotations(ctx.uow(), [q])
    refused(ctx, lambda: send_quotation(ctx.uow(), q, TODAY, NOW), "deleted by someone else", NotFound)
    restore_quotations(ctx.uow(), [q])
    assert detail(ctx, "quotation", q).status == "draft"


# --- orders ---------------------------------------------------------------------------------


def test_an_accepted_quotation_becomes_a_draft_order_once(ctx: AppContext) -> None:
    customer = account(ctx)
    q = accepted(ctx, customer, bill_discount_satang=500, payment_terms="30 วัน")
    o = order_from_quotation(ctx.uow(), q, TODAY).created[0]
    made, offered = detail(ctx, "sales_order", o), detail(ctx, "quotation", q)
    assert (made.number, made.status, made.quotation_id) == ("SO2569-0001", "draft", q)
    assert made.totals == offered.totals and made.payment_terms == "30 วัน"
    assert offered.order_ids == (o,)
    refused(ctx, lambda: order_from_quotation(ctx.uow(), q, TODAY), "already made")


def test_only_an_accepted_quotation_becomes_an_order(ctx: AppContext) -> None:
    q = sent(ctx, account(ctx))
    refused(ctx, lambda: order_from_quotation(ctx.uow(), q, TODAY), "not been accepted")


def test_an_order_for_a_deleted_product_is_refused(ctx: AppContext) -> None:
    customer, gone = account(ctx), product(ctx, deleted=True)
    line = OrderLineInput("แอร์ 12000 BTU", unit_price_satang=1_890_000, product_id=gone)
    refused(ctx, lambda: order(ctx, customer, line), "product was deleted", ValidationError)
    q = accepted(ctx, customer)
    with ctx.uow() as uow:  # the product on the accepted quotation is deleted before the order is made
        row = uow.quotation_lines.live_of(q)[0]
        row.product_id = gone
        uow.commit()
    refused(ctx, lambda: order_from_quotation(ctx.uow(), q, TODAY), "product was deleted", ValidationError)


def test_a_draft_order_is_edited_freely_a_confirmed_one_only_in_its_dates_and_address(ctx: AppContext) -> None:
    customer = account(ctx)
    o = order(ctx, customer)
    data = order_input(ctx.uow(), o)
    data.lines.append(OrderLineInput(**vars(INSTALL)))
    update_order(ctx.uow(), o, data, TODAY)
    confirm_order(ctx.uow(), o, TODAY, NOW)
    data = order_input(ctx.uow(), o)
    data.lines[0].promised_on = TODAY + timedelta(days=7)
    data.delivery_address, data.notes = "โกดังบางนา", "โทรก่อนส่ง"
    update_order(ctx.uow(), o, data, TODAY)
    shown = detail(ctx, "sales_order", o)
    assert shown.lines[0].promised_on == TODAY + timedelta(days=7) and shown.delivery_address == "โกดังบางนา"
    for change in (lambda d: setattr(d.lines[0], "quantity_milli", 3_000), lambda d: d.lines.pop(),
                   lambda d: setattr(d, "remarks", "ลดพิเศษ")):
        data = order_input(ctx.uow(), o)
        change(data)
        refused(ctx, lambda data=data: update_order(ctx.uow(), o, data, TODAY), "only the promised dates")


def test_a_confirmed_order_a_sync_left_inconsistent_still_gets_its_dates(ctx: AppContext) -> None:
    """Merged edits pushed the bill discount over the lines: the dates can still be set."""
    o = confirmed(ctx, account(ctx))
    with ctx.uow() as uow:
        stored = uow.orders.get(o)
        assert stored is not None
        stored.bill_discount_satang = 9_000_000  # more than the 37,800.00 of the line
        uow.commit()
    data = order_input(ctx.uow(), o)
    data.lines[0].promised_on = TODAY
    data.lines[0].price_zero_confirmed = False  # as the lines editor gives back a priced line
    update_order(ctx.uow(), o, data, TODAY)
    shown = detail(ctx, "sales_order", o)
    assert shown.lines[0].promised_on == TODAY and shown.totals_clamped


def test_confirming_marks_the_deal_won_once(ctx: AppContext) -> None:
    customer = account(ctx)
    deal_id = deal(ctx, customer, NEGOTIATION)
    o = order(ctx, customer, opportunity_id=deal_id)
    assert confirm_order(ctx.uow(), o, TODAY, NOW)[Entity.OPPORTUNITY].updated == (deal_id,)
    assert detail(ctx, "sales_order", o).confirmed_on == TODAY
    assert stage_of(ctx, deal_id) == WON and moves(ctx, deal_id)[-1] == (NEGOTIATION, WON)
    second = order(ctx, customer, opportunity_id=deal_id)  # a second order of a won deal moves nothing
    assert confirm_order(ctx.uow(), second, TODAY, NOW).entities == (Entity.SALES_ORDER,)
    assert len(moves(ctx, deal_id)) == 2
    refused(ctx, lambda: confirm_order(ctx.uow(), o, TODAY, NOW), "already confirmed")


def test_confirming_a_deal_from_lost_wins_it(ctx: AppContext) -> None:
    customer = account(ctx)
    deal_id = deal(ctx, customer)
    from crm_desktop.services.picklists import LOSS_REASONS
    move_to_stage(ctx.uow(), deal_id, default_stage_id("lost"), NOW, LOSS_REASONS[0])
    confirmed(ctx, customer, opportunity_id=deal_id)
    assert stage_of(ctx, deal_id) == WON


def test_an_empty_order_is_not_confirmed(ctx: AppContext) -> None:
    o = create_order(ctx.uow(), OrderInput(account_id=account(ctx)), TODAY).created[0]
    refused(ctx, lambda: confirm_order(ctx.uow(), o, TODAY, NOW), "at least one line")


def test_delivering_exactly_what_was_ordered_completes_the_order(ctx: AppContext) -> None:
    customer = account(ctx)
    o = confirmed(ctx, customer, OrderLineInput(**vars(AIRCON)), OrderLineInput(**vars(INSTALL)))
    first, second = (x.id for x in detail(ctx, "sales_order", o).lines)
    record_delivery(ctx.uow(), o, [Delivery(first, 1_500, TODAY - timedelta(days=1), "ส่งรอบแรก")], TODAY)
    assert detail(ctx, "sales_order", o).status == "partly_delivered"
    refused(ctx, lambda: record_delivery(ctx.uow(), o, [Delivery(first, 501, TODAY)], TODAY),
            "2 ordered and 1.5 already delivered; at most 0.5 more", ValidationError)
    record_delivery(ctx.uow(), o, [Delivery(first, 500, TODAY), Delivery(second, 2_000, TODAY, "ติดตั้งแล้ว")], TODAY)
    shown = detail(ctx, "sales_order", o)
    assert shown.status == "delivered"
    assert [(x.delivered_milli, x.delivered_on, x.delivery_note) for x in shown.lines] == [
        (2_000, TODAY, "ส่งรอบแรก"), (2_000, TODAY, "ติดตั้งแล้ว")]


def test_one_thousandth_more_than_ordered_is_refused(ctx: AppContext) -> None:
    o = confirmed(ctx, account(ctx))
    line = detail(ctx, "sales_order", o).lines[0].id
    refused(ctx, lambda: record_delivery(ctx.uow(), o, [Delivery(line, 2_001, TODAY)], TODAY), "at most 2 more",
            ValidationError)
    refused(ctx, lambda: record_delivery(ctx.uow(), o, [Delivery(line, 1_000, TODAY), Delivery(line, 1_001, TODAY)],
                                         TODAY), "at most 1 more", ValidationError)


@pytest.mark.parametrize(("amount", "days", "words"), [(0, 0, "more than 0"), (-5, 0, "more than 0"),
                                                        (1_000, 1, "after today")])
def test_bad_deliveries_save_nothing(ctx: AppContext, amount: int, days: int, words: str) -> None:
    o = confirmed(ctx, account(ctx))
    line = detail(ctx, "sales_order", o).lines[0].id
    refused(ctx, lambda: record_delivery(ctx.uow(), o, [Delivery(line, amount, TODAY + timedelta(days=days))], TODAY),
            words, ValidationError)


def test_a_draft_takes_no_delivery_and_a_foreign_line_is_refused(ctx: AppContext) -> None:
    customer = account(ctx)
    draft, other = order(ctx, customer), confirmed(ctx, customer)
    line = detail(ctx, "sales_order", draft).lines[0].id
    refused(ctx, lambda: record_delivery(ctx.uow(), draft, [Delivery(line, 1_000, TODAY)], TODAY), "Confirm order")
    refused(ctx, lambda: record_delivery(ctx.uow(), other, [Delivery(line, 1_000, TODAY)], TODAY), "Refresh")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.integers(1, 3_000), min_size=1, max_size=6))
def test_deliveries_add_up_and_never_pass_the_ordered_quantity(ctx: AppContext, parts: list[int]) -> None:
    o = confirmed(ctx, account(ctx), OrderLineInput("ของ", quantity_milli=5_000, unit_price_satang=100))
    line = detail(ctx, "sales_order", o).lines[0].id
    total = 0
    for part in parts:
        if total + part > 5_000:
            refused(ctx, lambda part=part: record_delivery(ctx.uow(), o, [Delivery(line, part, TODAY)], TODAY),
                    "at most", ValidationError)
            continue
        record_delivery(ctx.uow(), o, [Delivery(line, part, TODAY)], TODAY)
        total += part
    shown = detail(ctx, "sales_order", o)
    assert shown.lines[0].delivered_milli == total
    assert shown.status == ("delivered" if total == 5_000 else "partly_delivered")


def test_invoiced_and_cancelled_orders_are_final(ctx: AppContext) -> None:
    customer = account(ctx)
    o = confirmed(ctx, customer)
    refused(ctx, lambda: mark_invoiced(ctx.uow(), o, TODAY), "not fully delivered")
    line = detail(ctx, "sales_order", o).lines[0].id
    record_delivery(ctx.uow(), o, [Delivery(line, 2_000, TODAY)], TODAY)
    refused(ctx, lambda: cancel_order(ctx.uow(), o, "ลูกค้าเปลี่ยนใจ", TODAY), "delivered in full")
    mark_invoiced(ctx.uow(), o, TODAY)
    assert detail(ctx, "sales_order", o).invoiced_on == TODAY
    data = order_input(ctx.uow(), o)
    for action in (lambda: update_order(ctx.uow(), o, data, TODAY), lambda: mark_invoiced(ctx.uow(), o, TODAY),
                   lambda: cancel_order(ctx.uow(), o, "ผิด", TODAY)):
        refused(ctx, action, "is invoiced")
    gone = confirmed(ctx, customer)
    refused(ctx, lambda: delete_orders(ctx.uow(), [gone, o]), "cannot be deleted")  # all or nothing
    refused(ctx, lambda: cancel_order(ctx.uow(), gone, "  ", TODAY), "reason", ValidationError)
    cancel_order(ctx.uow(), gone, "ลูกค้าเปลี่ยนใจ", TODAY)
    assert (detail(ctx, "sales_order", gone).status, detail(ctx, "sales_order", gone).cancel_reason) == (
        "cancelled", "ลูกค้าเปลี่ยนใจ")
    line = detail(ctx, "sales_order", gone).lines[0].id
    for action in (lambda: confirm_order(ctx.uow(), gone, TODAY, NOW),
                   lambda: record_delivery(ctx.uow(), gone, [Delivery(line, 1, TODAY)], TODAY)):
        refused(ctx, action, "is cancelled")


def test_new_order_input_from_a_deal_and_delete_with_undo(ctx: AppContext) -> None:
    customer = account(ctx)
    deal_id = deal(ctx, customer)
    data = new_order_input(ctx.uow(), opportunity_id=deal_id, today=TODAY)
    assert (data.account_id, data.opportunity_id, data.issued_on) == (customer, deal_id, TODAY)
    data.lines = [OrderLineInput(**vars(AIRCON), promised_on=TODAY)]
    o = create_order(ctx.uow(), data, TODAY).created[0]
    delete_orders(ctx.uow(), [o])
    assert document_detail(ctx.database, "sales_order", o, TODAY) is None
    restore_orders(ctx.uow(), [o])
    assert detail(ctx, "sales_order", o).lines[0].promised_on == TODAY
