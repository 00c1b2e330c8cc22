"""The sales analyses of the monthly report on a small fixed data set made through the services, each
figure checked against an independent computation: the stored rows read back with plain SQL (either engine) and
worked out in Python with exact fractions (the rounding rule of `crm_desktop.money` written out again).

October 2026 is the month under test. Its boundaries: orders on 1 and 31 October count, 30 September
and 1 November do not; a draft, a cancelled and a deleted order and a deleted line are left out; a
bill discount, prices including VAT with an exempt line, a free-text line, a product without a cost
price and a customer who is a contact without a company are all in it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction

import pytest

from crm_desktop.errors import ValidationError
from crm_desktop.queries.reports import customers, margins, sales
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.scope import percent
from crm_desktop.queries.reports.table import ReportTable
from crm_desktop.rfm import Weights, parse_weights
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, move_to_stage
from crm_desktop.services.products import ProductInput, create_product
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput
from crm_desktop.services.sales.orders import (
    Delivery,
    cancel_order,
    confirm_order,
    create_order,
    delete_orders,
    mark_invoiced,
    order_input,
    record_delivery,
    update_order,
)
from crm_desktop.services.settings import rfm_weights, set_rfm_weights
from crm_desktop.services.stages import default_stage_id
from crm_desktop.services.targets import set_target
from crm_desktop.services.users import UserInput, create_user
from tests.reports.helpers import midnight
from tests.server_helpers import StoredRows
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server  # the `ctx` tests run on both engines

MONTH = "2026-10"
OCT = ReportFilter.month(MONTH)
SOLD = ("confirmed", "partly_delivered", "delivered", "invoiced")
OPEN, WON, LOST = (default_stage_id(k) for k in ("prospecting", "won", "lost"))


@dataclass
class Shop:
    reps: dict[str, str] = field(default_factory=dict)
    products: dict[str, str] = field(default_factory=dict)
    customers: dict[str, str] = field(default_factory=dict)
    orders: dict[str, str] = field(default_factory=dict)


def _line(shop: Shop, product: str | None, qty: int, price: int, *, bp: int = 0, off: int = 0,
          vatable: bool = True) -> OrderLineInput:
    return OrderLineInput(product or "ค่าขนส่ง", quantity_milli=qty, unit_price_satang=price,
                          product_id=shop.products[product] if product else None, discount_bp=bp,
                          discount_satang=off, vatable=vatable)


def _order(ctx: AppContext, shop: Shop, name: str, customer: str, rep: str, issued: date,
           lines: list[OrderLineInput], *, status: str = "confirmed", channel: str = "", bill: int = 0,
           inclusive: bool = False) -> str:
    key = "account_id" if customer.startswith("A") else "contact_id"
    data = OrderInput(**{key: shop.customers[customer]}, owner_id=shop.reps[rep], issued_on=issued, channel=channel,
                      bill_discount_satang=bill, prices_include_vat=inclusive, lines=lines)
    order_id = create_order(ctx.uow(), data, TODAY).created[0]
    shop.orders[name] = order_id
    if status != "draft":
        confirm_order(ctx.uow(), order_id, TODAY, ctx.now())
    if status in ("delivered", "invoiced"):
        stored = ctx.uow()
        with stored:
            deliveries = [Delivery(x.id, x.quantity_milli, issued) for x in stored.order_lines.live_of(order_id)]
        record_delivery(ctx.uow(), order_id, deliveries, TODAY)
    if status == "invoiced":
        mark_invoiced(ctx.uow(), order_id, TODAY)
    if status == "cancelled":
        cancel_order(ctx.uow(), order_id, "ลูกค้าเปลี่ยนใจ", TODAY)
    return order_id


def _deal(ctx: AppContext, shop: Shop, rep: str, customer: str, amount: int, stage: str, at: datetime,
          *, product: str | None = None) -> str:
    lines = [_line(shop, product, 1000, amount)] if product else None
    deal = create_opportunity(ctx.uow(), OpportunityInput(
        name=f"ดีล {amount}", stage_id=OPEN, amount_satang=amount, account_id=shop.customers[customer],
        owner_id=shop.reps[rep], lines=lines), at - timedelta(days=20)).created[0]
    move_to_stage(ctx.uow(), deal, stage, at, loss_reason="ราคาสูงกว่าคู่แข่ง" if stage == LOST else None)
    return deal


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A Bangkok wall-clock moment as the UTC the stage history stores."""
    return midnight(day) + timedelta(hours=hour, minutes=minute)


@pytest.fixture
def shop(ctx: AppContext) -> Shop:
    s = Shop()
    for key, name in (("anan", "อนันต์ ขายเก่ง"), ("busaba", "Busaba <&> \"B\"")):
        s.reps[key] = create_user(ctx.uow(), UserInput(name=name)).created[0]
    for sku, cost, category in (("P1", 12_000, "แอร์"), ("P2", 3_000, "แอร์"), ("P3", 0, "บริการ"),
                                ("P4", 50_000, "")):
        s.products[sku] = create_product(ctx.uow(), ProductInput(sku=sku, name_th=f"สินค้า {sku}", price_satang=20_000,
                                                                 cost_satang=cost, category=category)).created[0]
    for key, segment, province in (("A1", "SME", "กรุงเทพมหานคร"), ("A2", "องค์กรใหญ่", "เชียงใหม่"), ("A3", "", "")):
        s.customers[key] = create_account(ctx.uow(), AccountInput(name=f"บริษัท {key} จำกัด", segment=segment,
                                                                  province=province), TODAY).created[0]
    s.customers["C1"] = create_contact(ctx.uow(), ContactInput("สมหญิง", prefix="คุณ", last_name="ใจดี",
                                                               province="ภูเก็ต"), TODAY).created[0]
    p = s
    # October: the first and the last day, VAT excluded and included, discounts of both kinds.
    _order(ctx, s, "O1", "A1", "anan", date(2026, 10, 1), [
        _line(p, "P1", 2_000, 20_000, bp=1000), _line(p, "P3", 1_000, 5_000)], status="invoiced", channel="line")
    _order(ctx, s, "O2", "A2", "busaba", date(2026, 10, 31), [
        _line(p, "P2", 1_500, 10_700), _line(p, None, 1_000, 1_070), _line(p, "P4", 1_000, 100_000, vatable=False)],
        channel="direct", bill=2_000, inclusive=True)
    _order(ctx, s, "O3", "C1", "anan", date(2026, 10, 15), [_line(p, "P1", 1_000, 20_000, off=1_000)],
           status="delivered", channel="line")
    # A line deleted while the order was a draft.
    o6 = _order(ctx, s, "O6", "A1", "busaba", date(2026, 10, 5), [_line(p, "P2", 3_000, 4_550),
                                                                  _line(p, "P4", 1_000, 90_000)], status="draft")
    data = order_input(ctx.uow(), o6)
    data.lines = data.lines[:1]
    update_order(ctx.uow(), o6, data, TODAY)
    confirm_order(ctx.uow(), o6, TODAY, ctx.now())
    # Left out of October.
    _order(ctx, s, "draft", "A1", "anan", date(2026, 10, 20), [_line(p, "P1", 5_000, 20_000)], status="draft")
    _order(ctx, s, "cancelled", "A3", "busaba", date(2026, 10, 10), [_line(p, "P1", 5_000, 20_000)],
           status="cancelled")
    deleted = _order(ctx, s, "deleted", "A2", "anan", date(2026, 10, 12), [_line(p, "P1", 7_000, 20_000)])
    delete_orders(ctx.uow(), [deleted])
    _order(ctx, s, "next", "A2", "anan", date(2026, 11, 1), [_line(p, "P2", 1_000, 9_000)])
    # The month before (A2 bought then, so it is not new in October) and a year before.
    _order(ctx, s, "sep", "A2", "busaba", date(2026, 9, 30), [_line(p, "P1", 4_000, 20_000)], status="invoiced")
    _order(ctx, s, "sep2", "A3", "anan", date(2026, 9, 3), [_line(p, "P4", 1_000, 80_000)], status="invoiced")
    _order(ctx, s, "last_year", "A3", "anan", date(2025, 10, 15), [_line(p, "P1", 3_000, 19_000)],
           status="invoiced", channel="line")
    # Deals: won and lost in October (office time), just outside it, and one won then reopened.
    _deal(ctx, s, "anan", "A1", 500_000, WON, local(date(2026, 10, 1), 0, 30), product="P1")
    _deal(ctx, s, "anan", "A2", 300_000, LOST, local(date(2026, 10, 31), 23, 59))
    _deal(ctx, s, "busaba", "A2", 200_000, WON, local(date(2026, 10, 20), 9))
    _deal(ctx, s, "busaba", "A1", 100_000, LOST, local(date(2026, 10, 9), 9), product="P2")
    _deal(ctx, s, "anan", "A3", 700_000, WON, local(date(2026, 11, 1), 0, 0))  # November in Bangkok
    _deal(ctx, s, "anan", "A3", 650_000, WON, local(date(2026, 9, 30), 23, 59))  # September in Bangkok
    reopened = _deal(ctx, s, "busaba", "A3", 900_000, WON, local(date(2026, 10, 3), 10))
    move_to_stage(ctx.uow(), reopened, OPEN, local(date(2026, 10, 4), 10))
    _deal(ctx, s, "anan", "A1", 400_000, WON, local(date(2026, 9, 10), 10))
    _deal(ctx, s, "busaba", "A1", 100_000, LOST, local(date(2025, 10, 10), 10))
    _deal(ctx, s, "anan", "A1", 80_000, WON, local(date(2025, 10, 11), 10))
    set_target(ctx.uow(), s.reps["anan"], MONTH, 40_000, 300)
    set_target(ctx.uow(), s.reps["busaba"], MONTH, 150_000, 250)
    set_target(ctx.uow(), s.reps["busaba"], "2026-11", 999_999, 100)  # not October's
    return s


# --- the independent computation -------------------------------------------------------------


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def _round(x: Fraction) -> int:
    """Half away from zero."""
    return int(x + Fraction(1, 2)) if x >= 0 else -int(-x + Fraction(1, 2))


def _pct(part: Fraction | int, whole: Fraction | int) -> float | None:
    if whole == 0:
        return None
    tenths = _round(Fraction(part) * 1000 / Fraction(whole))
    return tenths / 10


@dataclass
class Sold:
    """One live line of a live sold order, as stored, with its amount worked out here."""

    order: str
    customer: str
    owner: str | None
    issued: date
    channel: str
    product: str | None
    quantity: int
    amount: Fraction  # before VAT, after every discount
    cost: Fraction | None  # None: no cost price


def stored_sales(ctx: AppContext, start: date = OCT.start, end: date = OCT.end) -> list[Sold]:
    conn = StoredRows(ctx)
    orders = {r[0]: r[1:] for r in conn.execute(
        "SELECT id, coalesce(account_id, contact_id), owner_id, issued_on, channel, status, deleted_at, "
        "bill_discount_satang, prices_include_vat, vat_bp FROM sales_order")}
    costs = dict(conn.execute("SELECT id, cost_satang FROM product"))
    lines = conn.execute("SELECT order_id, product_id, quantity_milli, unit_price_satang, discount_bp, "
                         "discount_satang, vatable FROM sales_order_line WHERE deleted_at IS NULL").fetchall()
    conn.close()
    nets: dict[str, list[tuple[str | None, int, int, bool]]] = defaultdict(list)
    for order, product, qty, price, bp, off, vatable in lines:
        gross = _half_up(qty * price, 1000)
        nets[order].append((product, qty, gross - (_half_up(gross * bp, 10_000) if bp else off), bool(vatable)))
    out = []
    for order, (customer, owner, issued, channel, status, deleted, bill, inclusive, vat) in orders.items():
        day = date.fromisoformat(issued)
        if deleted or status not in SOLD or not start <= day < end:
            continue
        subtotal = sum(net for _, _, net, _ in nets[order])
        for product, qty, net, vatable in nets[order]:
            amount = Fraction(net) * (1 - Fraction(bill, subtotal))
            if inclusive and vatable:
                amount = amount * 10_000 / (10_000 + vat)
            cost = costs.get(product) if product else None
            out.append(Sold(order, customer, owner, day, channel, product, qty, amount,
                            Fraction(qty * cost, 1000) if cost else None))
    return out


def _money(lines: list[Sold]) -> int:
    return _round(sum((x.amount for x in lines), Fraction(0)))


def _orders(lines: list[Sold]) -> int:
    return len({x.order for x in lines})


def _column(table: ReportTable, key: str) -> list[object]:
    i = table.column(key)
    return [row[i] for row in table.rows]


# --- the data set is what the tests think it is ------------------------------------------------


def test_the_month_holds_what_the_boundaries_say(ctx: AppContext, shop: Shop) -> None:
    lines = stored_sales(ctx)
    names = {v: k for k, v in shop.orders.items()}
    assert sorted({names[x.order] for x in lines}) == ["O1", "O2", "O3", "O6"]
    assert len([x for x in lines if names[x.order] == "O6"]) == 1  # the deleted line is gone


# --- key figures ------------------------------------------------------------------------------


def _deals(ctx: AppContext, start: date, end: date) -> tuple[int, int, int]:
    """(won, lost, won amount) of deals now won or lost whose latest move was in [start, end) Bangkok."""
    conn = StoredRows(ctx)
    kinds = dict(conn.execute("SELECT id, kind FROM stage"))
    latest: dict[str, str] = {}
    for deal, changed in conn.execute("SELECT opportunity_id, changed_at FROM stage_history WHERE deleted_at IS NULL"):
        latest[deal] = max(latest.get(deal, ""), changed)
    won = lost = amount = 0
    for deal, stage, value in conn.execute("SELECT id, stage_id, amount_satang FROM opportunity "
                                           "WHERE deleted_at IS NULL"):
        moved = datetime.fromisoformat(latest[deal]) + timedelta(hours=7)
        if start <= moved.date() < end:
            if kinds[stage] == "won":
                won, amount = won + 1, amount + value
            elif kinds[stage] == "lost":
                lost += 1
    conn.close()
    return won, lost, amount


def _first_sales(ctx: AppContext) -> dict[str, date]:
    everything = stored_sales(ctx, date(2000, 1, 1), date(2100, 1, 1))
    first: dict[str, date] = {}
    for x in everything:
        first[x.customer] = min(first.get(x.customer, x.issued), x.issued)
    return first


def test_key_figures_against_the_month_before_and_a_year_before(ctx: AppContext, shop: Shop) -> None:
    table = sales.key_figures(ctx.database, MONTH, TODAY)
    periods = ((date(2026, 10, 1), date(2026, 11, 1)), (date(2026, 9, 1), date(2026, 10, 1)),
               (date(2025, 10, 1), date(2025, 11, 1)))
    first = _first_sales(ctx)
    expected = []
    for start, end in periods:
        lines = stored_sales(ctx, start, end)
        won, lost, amount = _deals(ctx, start, end)
        new = len({x.customer for x in lines if start <= first[x.customer] < end})
        rate = Fraction(won, won + lost) if won + lost else None
        average = Fraction(amount, won) if won else None
        expected.append((_money(lines), _orders(lines), new, rate, average))
    assert _column(table, "period") == ["this_month", "previous_month", "same_month_last_year"]
    assert _column(table, "start") == [s for s, _ in periods]
    assert _column(table, "end") == [e - timedelta(days=1) for _, e in periods]
    this = expected[0]
    for row, (money, orders, new, rate, average) in zip(table.rows, expected, strict=True):
        cells = dict(zip((c.key for c in table.columns), row, strict=True))
        assert cells["sales"] == money
        assert cells["orders"] == orders
        assert cells["new_customers"] == new
        assert cells["win_rate"] == (None if rate is None else _pct(rate, 1))
        assert cells["average_deal"] == (None if average is None else _round(average))
        first_row = row is table.rows[0]
        for key, now, base in (("sales", this[0], money), ("orders", this[1], orders), ("new_customers", this[2], new),
                               ("win_rate", this[3], rate), ("average_deal", this[4], average)):
            want = None if first_row or base is None or now is None else _pct(Fraction(now) - base, base)
            assert cells[f"{key}_change"] == want, key
    # Worked by hand, so the independent computation is itself checked: A1 and the contact are new;
    # October's deals: 2 won (535,000: a deal with lines is worth their total with VAT, + 200,000
    # satang), 2 lost; last year: 1 won, 1 lost.
    assert table.rows[0][table.column("new_customers")] == 2
    assert table.rows[0][table.column("win_rate")] == 50.0
    assert table.rows[0][table.column("average_deal")] == 367_500
    assert table.rows[1][table.column("win_rate")] == 100.0  # September: two wins (one on the 30th at 23:59)
    assert table.rows[2][table.column("average_deal")] == 80_000
    assert table.note == ""


def test_key_figures_of_a_period_compare_as_many_months_before_and_a_year_before(ctx: AppContext,
                                                                                  shop: Shop) -> None:
    flt = ReportFilter(date(2026, 9, 1), date(2026, 11, 1))
    table = sales.key_figures_period(ctx.database, flt, TODAY)
    assert _column(table, "period") == ["this_period", "previous_period", "same_period_last_year"]
    assert _column(table, "start") == [date(2026, 9, 1), date(2026, 7, 1), date(2025, 9, 1)]
    assert _column(table, "sales")[0] == _money(stored_sales(ctx, flt.start, flt.end))
    days = sales.key_figures_period(ctx.database, ReportFilter(date(2026, 10, 10), date(2026, 10, 20)), TODAY)
    assert _column(days, "start") == [date(2026, 10, 10), date(2026, 9, 30), date(2025, 10, 10)]
    assert _column(days, "end") == [date(2026, 10, 19), date(2026, 10, 9), date(2025, 10, 19)]
    running = sales.key_figures_period(ctx.database, ReportFilter.month("2026-11"), TODAY)
    assert running.note == "period_not_over"


def test_key_figures_follow_the_filter(ctx: AppContext, shop: Shop) -> None:
    p1 = sales.key_figures_period(ctx.database, ReportFilter.month(MONTH, product_id=shop.products["P1"]), TODAY)
    mine = [x for x in stored_sales(ctx) if x.product == shop.products["P1"]]
    row = dict(zip((c.key for c in p1.columns), p1.rows[0], strict=True))
    assert (row["sales"], row["orders"]) == (_money(mine), _orders(mine))
    assert (row["win_rate"], row["average_deal"]) == (100.0, 535_000)  # the one deal with a P1 line
    busaba = sales.key_figures_period(ctx.database, ReportFilter.month(MONTH, owner_id=shop.reps["busaba"]), TODAY)
    row = dict(zip((c.key for c in busaba.columns), busaba.rows[0], strict=True))
    # New: A1 (Busaba sold it O6; its first sale ever, Anan's O1, is in October too), not A2 (September).
    assert (row["win_rate"], row["average_deal"], row["new_customers"]) == (50.0, 200_000, 1)
    sme = sales.key_figures_period(ctx.database, ReportFilter.month(MONTH, segment="SME"), TODAY)
    assert sme.rows[0][sme.column("win_rate")] == 50.0  # A1's deals: 535,000 won, 100,000 lost
    nobody = sales.key_figures_period(ctx.database, ReportFilter.month(MONTH, owner_id=""), TODAY)
    assert nobody.rows[0][nobody.column("sales")] == 0 and nobody.rows[0][nobody.column("win_rate")] is None


# --- sales by rep -----------------------------------------------------------------------------


def test_sales_by_rep_with_target_attainment_and_commission(ctx: AppContext, shop: Shop) -> None:
    table = sales.sales_by_rep(ctx.database, OCT, TODAY)
    lines = stored_sales(ctx)
    targets = {shop.reps["anan"]: (40_000, 300), shop.reps["busaba"]: (150_000, 250)}
    won = {shop.reps["anan"]: (1, 535_000), shop.reps["busaba"]: (1, 200_000)}
    assert set(table.ids) == set(targets)
    for rep, row in zip(table.ids, table.rows, strict=True):
        mine = [x for x in lines if x.owner == rep]
        exact = sum((x.amount for x in mine), Fraction(0))
        target, rate = targets[rep]
        cells = dict(zip((c.key for c in table.columns), row, strict=True))
        assert cells["sales"] == _round(exact)
        assert cells["orders"] == _orders(mine)
        assert (cells["won_deals"], cells["won_amount"]) == won[rep]
        assert cells["target"] == target
        assert cells["attainment"] == _pct(_round(exact), target)
        assert cells["commission"] == _round(exact * rate / 10_000)
    assert _column(table, "sales") == sorted(_column(table, "sales"), reverse=True)
    assert set(_column(table, "rep")) == {"Busaba <&> \"B\"", "อนันต์ ขายเก่ง"}
    total = dict(zip((c.key for c in table.columns), table.total or (), strict=True))
    assert total["sales"] == _money(lines)
    assert total["target"] == 190_000
    assert total["commission"] == sum(_column(table, "commission"))
    assert table.note == ""


def test_sales_by_rep_prorates_a_partly_covered_month_and_drops_targets_when_narrowed(ctx: AppContext,
                                                                                      shop: Shop) -> None:
    half = ReportFilter(date(2026, 10, 16), date(2026, 11, 1))  # 16 of October's 31 days
    table = sales.sales_by_rep(ctx.database, half, TODAY)
    by_rep = dict(zip(table.ids, table.rows, strict=True))
    assert by_rep[shop.reps["anan"]][table.column("target")] == _round(Fraction(40_000 * 16, 31))
    narrowed = sales.sales_by_rep(ctx.database, ReportFilter.month(MONTH, channel="line"), TODAY)
    assert narrowed.note == "target_needs_all_sales"
    assert set(_column(narrowed, "target")) == {None} and set(_column(narrowed, "commission")) == {None}
    line_sales = [x for x in stored_sales(ctx) if x.channel == "line"]
    assert sum(_column(narrowed, "sales")) == _money(line_sales)


# --- breakdowns -------------------------------------------------------------------------------


def _check_breakdown(table: ReportTable, lines: list[Sold], key_of: object, label: str) -> None:
    groups: dict[object, list[Sold]] = defaultdict(list)
    for x in lines:
        groups[key_of(x)].append(x)  # type: ignore[operator]
    total = _money(lines)
    got = {row[0]: row for row in table.rows}
    assert set(got) == set(groups), label
    for name, mine in groups.items():
        row = dict(zip((c.key for c in table.columns), got[name], strict=True))
        assert row["sales"] == _money(mine), (label, name)
        assert row["orders"] == _orders(mine), (label, name)
        assert row["share"] == _pct(_money(mine), total), (label, name)
    assert _column(table, "sales") == sorted(_column(table, "sales"), reverse=True)
    totals = dict(zip((c.key for c in table.columns), table.total or (), strict=True))
    assert totals["sales"] == total and totals["orders"] == _orders(lines)


def test_sales_by_segment_channel_province_category_and_product(ctx: AppContext, shop: Shop) -> None:
    lines = stored_sales(ctx)
    conn = StoredRows(ctx)
    segment = dict(conn.execute("SELECT id, segment FROM account"))
    province = {**dict(conn.execute("SELECT id, province FROM contact")), **dict(conn.execute(
        "SELECT id, province FROM account"))}
    category = dict(conn.execute("SELECT id, category FROM product"))
    name = dict(conn.execute("SELECT id, name_th FROM product"))
    conn.close()
    db = ctx.database
    _check_breakdown(sales.sales_by_segment(db, OCT, TODAY), lines, lambda x: segment.get(x.customer, ""), "segment")
    _check_breakdown(sales.sales_by_channel(db, OCT, TODAY), lines, lambda x: x.channel, "channel")
    _check_breakdown(sales.sales_by_province(db, OCT, TODAY), lines, lambda x: province[x.customer], "province")
    _check_breakdown(sales.sales_by_category(db, OCT, TODAY), lines, lambda x: category.get(x.product, ""),
                     "category")
    products = sales.sales_by_product(db, OCT, TODAY)
    _check_breakdown(products, lines, lambda x: name.get(x.product, ""), "product")
    quantity = {n: sum(x.quantity for x in lines if name.get(x.product, "") == n) for n in set(name.values()) | {""}}
    for row, product_id in zip(products.rows, products.ids, strict=True):
        assert row[products.column("quantity")] == quantity[row[0]]
        assert row[products.column("sku")] == ("" if product_id is None else name[product_id].split()[-1])
    assert products.ids.count(None) == 1  # the free-text lines, as one row
    assert sales.sales_by_channel(db, OCT, TODAY).chart.kind == "pie"  # type: ignore[union-attr]
    assert products.chart is not None and products.chart.kind == "hbar"


def test_a_filter_narrows_every_breakdown_alike(ctx: AppContext, shop: Shop) -> None:
    flt = ReportFilter.month(MONTH, segment="SME")
    table = sales.sales_by_product(ctx.database, flt, TODAY)
    mine = [x for x in stored_sales(ctx) if x.customer == shop.customers["A1"]]
    assert table.total is not None and table.total[table.column("sales")] == _money(mine)
    person = ReportFilter.month(MONTH, segment="", province="ภูเก็ต")
    people = customers.top_customers(ctx.database, person, TODAY)
    assert people.ids == (shop.customers["C1"],) and people.rows[0][0] == "คุณสมหญิง ใจดี"


# --- customers --------------------------------------------------------------------------------


def test_top_customers(ctx: AppContext, shop: Shop) -> None:
    table = customers.top_customers(ctx.database, OCT, TODAY)
    lines = stored_sales(ctx)
    total = _money(lines)
    for customer, row in zip(table.ids, table.rows, strict=True):
        mine = [x for x in lines if x.customer == customer]
        assert row[1:] == (_money(mine), _orders(mine), _pct(_money(mine), total), max(x.issued for x in mine))
    assert set(table.ids) == {x.customer for x in lines}
    assert table.total is not None and table.total[1:3] == (total, _orders(lines))


def test_top_customers_keeps_twenty_and_breaks_ties_by_name(ctx: AppContext, shop: Shop) -> None:
    august = ReportFilter.month("2026-08")
    for i in (21, 3, 0, *range(4, 21), 2, 1):  # made out of order; equal sales but for "ร้าน 21"
        shop.customers[f"A{100 + i}"] = create_account(ctx.uow(), AccountInput(name=f"ร้าน {i:02d}"), TODAY).created[0]
        _order(ctx, shop, f"aug{i}", f"A{100 + i}", "anan", date(2026, 8, 1 + i % 28),
               [_line(shop, "P2", 1_000, 90_000 if i == 21 else 10_000)])
    table = customers.top_customers(ctx.database, august, TODAY)
    assert _column(table, "customer") == ["ร้าน 21", *(f"ร้าน {i:02d}" for i in range(19))]
    assert table.total is not None and table.total[1] == 90_000 + 21 * 10_000 and table.total[2] == 22
    assert table.note == "total_all_customers"


def _fifths(values: list[int]) -> list[int]:
    """1 + 5 × (the share of values strictly lower), rounded down, counted pair by pair."""
    return [1 + (5 * sum(1 for w in values if w < v)) // len(values) for v in values]


def test_rfm_scores_groups_and_the_stored_weights(ctx: AppContext, shop: Shop) -> None:
    assert rfm_weights(ctx.uow()) == Weights(1, 1, 1)
    set_rfm_weights(ctx.uow(), Weights(3, 1, 0))
    assert rfm_weights(ctx.uow()) == Weights(3, 1, 0)
    table = customers.rfm_ranking(ctx.database, OCT, TODAY)
    lines = stored_sales(ctx)
    ids = sorted({x.customer for x in lines})
    last = [max(x.issued for x in lines if x.customer == c) for c in ids]
    recency = [(date(2026, 10, 31) - d).days for d in last]
    orders = [_orders([x for x in lines if x.customer == c]) for c in ids]
    money = [_money([x for x in lines if x.customer == c]) for c in ids]
    r, f, m = _fifths([-d for d in recency]), _fifths(orders), _fifths(money)
    score = {c: Fraction(3 * r[i] + f[i], 4) for i, c in enumerate(ids)}
    assert list(table.ids) == sorted(ids, key=lambda c: (-score[c], -money[ids.index(c)]))
    for customer, row in zip(table.ids, table.rows, strict=True):
        i = ids.index(customer)
        cells = dict(zip((c.key for c in table.columns), row, strict=True))
        assert (cells["last_order"], cells["recency"], cells["orders"], cells["sales"]) == (
            last[i], recency[i], orders[i], money[i])
        assert (cells["recency_score"], cells["frequency_score"], cells["monetary_score"]) == (r[i], f[i], m[i])
        assert cells["rfm_score"] == _pct((score[customer] - 1) / 4, 1)
        assert cells["rfm_group"] == "top"  # three customers, all among the 10 best
    assert _column(table, "rank") == [1, 2, 3]
    assert table.note == "rfm_short_period"


def test_percentages_round_halves_away_from_zero() -> None:
    assert percent(1, 16) == 6.3 and percent(-1, 16) == -6.3 and percent(-1, 3) == -33.3
    assert percent(Fraction(1, 3), 1) == 33.3 and percent(0, -5) == 0.0 and percent(5, 0) is None
    assert sales.change(90, 120) == -25.0 and sales.change(5, 0) is None


def test_periods_move_by_whole_months() -> None:
    assert sales.shift_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert sales.shift_months(date(2024, 2, 29), -12) == date(2023, 2, 28)
    assert sales.shift_months(date(2026, 1, 15), -13) == date(2024, 12, 15)
    assert sales.previous_period(ReportFilter(date(2026, 1, 1), date(2026, 4, 1))).start == date(2025, 10, 1)


def test_rfm_names_the_customers_at_risk() -> None:
    # The arithmetic alone: a big, frequent buyer gone quiet.
    from crm_desktop.rfm import at_risk, fifth_scores

    assert fifth_scores([5, 1, 1, 1, 3]) == [5, 1, 1, 1, 4]
    assert at_risk(2, 4, 4) and at_risk(1, 5, 3) and not at_risk(3, 5, 5) and not at_risk(1, 4, 3)


def test_rfm_in_a_long_window_marks_an_old_big_buyer_at_risk(ctx: AppContext, shop: Shop) -> None:
    window = ReportFilter(date(2025, 10, 1), date(2026, 11, 1))
    for i in range(4):  # A3 bought much and often, long ago
        _order(ctx, shop, f"old{i}", "A3", "anan", date(2025, 11, 2 + i), [_line(shop, "P4", 5_000, 90_000)],
               status="invoiced")
    extra = {}
    for i in range(6):  # small recent buyers, so that scores spread
        extra[i] = create_account(ctx.uow(), AccountInput(name=f"ร้านเล็ก {i}"), TODAY).created[0]
        shop.customers[f"A{10 + i}"] = extra[i]
        _order(ctx, shop, f"small{i}", f"A{10 + i}", "anan", date(2026, 10, 20 + i), [_line(shop, "P2", 1_000, 100)])
    table = customers.rfm(ctx.database, window, TODAY, Weights(1, 1, 1))
    groups = dict(zip(table.ids, _column(table, "rfm_group"), strict=True))
    assert groups[shop.customers["A3"]] == "at_risk"  # least recent, most orders, most sales
    assert groups[shop.customers["A2"]] == "top"  # bought on the window's last day
    scores = zip(_column(table, "recency_score"), _column(table, "frequency_score"), _column(table, "monetary_score"),
                 strict=True)
    assert [g == "at_risk" for g in groups.values()] == [r <= 2 and f + m >= 8 for r, f, m in scores]
    assert table.note == ""  # 13 months


def test_weights_are_checked_and_a_bad_stored_value_falls_back(ctx: AppContext) -> None:
    for bad in (Weights(0, 0, 0), Weights(11, 1, 1), Weights(-1, 1, 1)):
        with pytest.raises(ValidationError):
            set_rfm_weights(ctx.uow(), bad)
    assert parse_weights("2,x,1") == Weights() and parse_weights("0,0,0") == Weights()
    assert parse_weights(" 2,0,1") == Weights(2, 0, 1)


# --- margins ----------------------------------------------------------------------------------


def test_margins_by_customer_product_and_rep(ctx: AppContext, shop: Shop) -> None:
    lines = stored_sales(ctx)
    conn = StoredRows(ctx)
    product_name = dict(conn.execute("SELECT id, name_th FROM product"))
    conn.close()
    db = ctx.database
    for table, key_of in ((margins.margin_by_customer(db, OCT, TODAY), lambda x: x.customer),
                          (margins.margin_by_product(db, OCT, TODAY), lambda x: x.product),
                          (margins.margin_by_rep(db, OCT, TODAY), lambda x: x.owner)):
        assert set(table.ids) == {key_of(x) for x in lines}
        for rid, row in zip(table.ids, table.rows, strict=True):
            mine = [x for x in lines if key_of(x) == rid]
            costed = [x for x in mine if x.cost is not None]
            sales_, cost = _money(costed), _round(sum((x.cost for x in costed), Fraction(0)))  # type: ignore[misc]
            cells = dict(zip((c.key for c in table.columns), row, strict=True))
            assert (cells["costed_sales"], cells["cost"], cells["margin"]) == (sales_, cost, sales_ - cost)
            assert cells["margin_percent"] == _pct(sales_ - cost, sales_)
            assert cells["uncosted_sales"] == _money([x for x in mine if x.cost is None])
            assert cells["uncosted_lines"] == len(mine) - len(costed)
        assert _column(table, "margin") == sorted(_column(table, "margin"), reverse=True)
        assert table.note == "uncosted_left_out"
    by_product = margins.margin_by_product(db, OCT, TODAY)
    free = by_product.rows[by_product.ids.index(None)]
    assert free[0] == "" and free[by_product.column("costed_sales")] == 0
    assert by_product.rows[by_product.ids.index(shop.products["P3"])][0] == product_name[shop.products["P3"]]
    # Uncosted: the free-text line and P3 (no cost price): two lines.
    total = dict(zip((c.key for c in by_product.columns), by_product.total or (), strict=True))
    costed = [x for x in lines if x.cost is not None]
    assert total["uncosted_lines"] == 2
    assert total["uncosted_sales"] == _money([x for x in lines if x.cost is None])
    assert (total["costed_sales"], total["cost"]) == (_money(costed), _round(sum(x.cost for x in costed)))  # type: ignore[misc]


def test_every_analysis_is_listed_and_runs_on_an_empty_month(ctx: AppContext) -> None:
    analyses = {**sales.ANALYSES, **customers.ANALYSES, **margins.ANALYSES}
    assert len(analyses) == 12
    for key, analysis in analyses.items():
        table = analysis(ctx.database, OCT, TODAY)
        assert table.key == key and all(len(r) == len(table.columns) for r in table.rows)
        assert table.total is None or len(table.total) == len(table.columns)
