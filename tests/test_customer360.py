"""The customer 360 figures on a small fixed data set, each checked against an independent SQL
computation (plain sqlite3, the rounding rule written out again) or a value worked out by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop import money
from crm_desktop.errors import ValidationError
from crm_desktop.models import Activity, Anniversary, ContactLink, Product, Quotation, SalesOrder, SalesOrderLine
from crm_desktop.queries.customer360 import customer_360, next_best, order_totals, usual_interval
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contact_links import (
    ContactLinkInput,
    add_contact_link,
    remove_contact_links,
    restore_contact_links,
)
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity
from crm_desktop.services.stages import default_stage_id
from tests.server_helpers import raw_sql
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

SOLD = "('confirmed', 'partly_delivered', 'delivered', 'invoiced')"


@dataclass
class Shop:
    """Ids of the fixed data set."""

    products: dict[str, str] = field(default_factory=dict)
    accounts: dict[str, str] = field(default_factory=dict)
    contacts: dict[str, str] = field(default_factory=dict)
    orders: dict[str, str] = field(default_factory=dict)


def line(product: str | None, qty_milli: int, price: int, *, bp: int = 0, off: int = 0, vatable: bool = True,
         deleted: bool = False, promised: date | None = None, delivered: int = 0) -> dict[str, object]:
    return {"product": product, "quantity_milli": qty_milli, "unit_price_satang": price, "discount_bp": bp,
            "discount_satang": off, "vatable": vatable, "deleted": deleted, "promised_on": promised,
            "delivered_milli": delivered}


def add_order(ctx: AppContext, shop: Shop, name: str, issued: date, status: str, lines: list[dict[str, object]], *,
              account: str | None = None, contact: str | None = None, bill: int = 0, inclusive: bool = False) -> None:
    with ctx.uow() as uow:
        order = uow.orders.add(SalesOrder(
            number=f"SO-{name}", issued_on=issued, status=status, account_id=shop.accounts.get(account or ""),
            contact_id=shop.contacts.get(contact or ""), bill_discount_satang=bill, prices_include_vat=inclusive))
        uow.session.flush()
        for position, spec in enumerate(lines):
            product = spec["product"]
            row = uow.order_lines.add(SalesOrderLine(
                order_id=order.id, product_id=shop.products[str(product)] if product else None,
                description=str(product or "ค่าขนส่ง"), quantity_milli=spec["quantity_milli"],
                unit_price_satang=spec["unit_price_satang"], discount_bp=spec["discount_bp"],
                discount_satang=spec["discount_satang"], vatable=spec["vatable"], position=position,
                promised_on=spec["promised_on"], delivered_milli=spec["delivered_milli"]))
            if spec["deleted"]:
                row.deleted_at = uow.now()
        uow.commit()
        shop.orders[name] = order.id


@pytest.fixture
def shop(ctx: AppContext) -> Shop:
    s = Shop()
    with ctx.uow() as uow:
        for key, price, active in (("P1", 20_000, True), ("P2", 4_550, True), ("P3", 1_590_000, True),
                                   ("P4", 89_000, True), ("P5", 120_000, True), ("P6", 5_000, False),
                                   ("P7", 1_234, True)):
            p = uow.products.add(Product(sku=key, name_th=f"สินค้า {key}", unit="ชิ้น", price_satang=price, active=active))
            uow.session.flush()
            s.products[key] = p.id
        uow.commit()
    today = ctx.today()
    acc = s.accounts
    acc["group"] = create_account(ctx.uow(), AccountInput(name="Siam Group"), today).created[0]
    acc["A"] = create_account(ctx.uow(), AccountInput(name="Siam Rice", parent_id=acc["group"], segment="ค้าส่ง",
                                                      founded_on=date(2010, 12, 10)), today).created[0]
    acc["north"] = create_account(ctx.uow(), AccountInput(name="Siam Rice North", parent_id=acc["A"]), today).created[0]
    for key in ("B", "D", "E"):
        acc[key] = create_account(ctx.uow(), AccountInput(name=f"Customer {key}"), today).created[0]
    people = s.contacts
    people["somchai"] = create_contact(ctx.uow(), ContactInput("Somchai", account_id=acc["A"],
                                                               birthday=date(1980, 1, 20)), today).created[0]
    people["suda"] = create_contact(ctx.uow(), ContactInput("Suda", account_id=acc["A"],
                                                            birthday=date(1990, 1, 23)), today).created[0]
    people["wipa"] = create_contact(ctx.uow(), ContactInput("Wipa", birthday=date(1985, 11, 23)), today).created[0]
    people["C"] = create_contact(ctx.uow(), ContactInput("Chai"), today).created[0]

    # Siam Rice: three sales of P1 90 days apart, VAT excluded and included, discounts of both kinds,
    # a bill discount, an exempt line, a deleted line, a cancelled order, a draft, and a late open order.
    add_order(ctx, s, "O1", date(2026, 1, 10), "invoiced",
              [line("P1", 10_000, 20_000), line("P2", 5_000, 4_550, bp=1000)], account="A")
    add_order(ctx, s, "O2", date(2026, 4, 10), "delivered",
              [line("P1", 12_000, 20_000, off=5_000), line("P3", 1_000, 1_590_000),
               line("P7", 3_500, 1_234, vatable=False)], account="A", bill=10_000, inclusive=True)
    add_order(ctx, s, "O3", date(2026, 7, 9), "invoiced", [line("P1", 8_000, 21_000), line("P4", 1_000, 89_000,
                                                                                           deleted=True)], account="A")
    add_order(ctx, s, "O4", date(2026, 8, 1), "cancelled", [line("P5", 100_000, 120_000)], account="A")
    add_order(ctx, s, "O5", date(2026, 10, 1), "draft", [line("P4", 1_000, 89_000)], account="A")
    add_order(ctx, s, "O6", date(2026, 11, 1), "confirmed",
              [line("P2", 2_000, 4_550, promised=date(2026, 11, 15)), line(None, 1_000, 15_000)], account="A",
              contact="somchai")
    # Wipa (B2C): P4 due exactly on today + 14, P5 on today + 15.
    add_order(ctx, s, "W1", date(2026, 10, 8), "delivered", [line("P4", 1_000, 89_000)], contact="wipa")
    add_order(ctx, s, "W2", date(2026, 10, 9), "delivered", [line("P5", 1_000, 120_000)], contact="wipa")
    add_order(ctx, s, "W3", date(2026, 11, 7), "delivered", [line("P4", 1_000, 89_000)], contact="wipa")
    add_order(ctx, s, "W4", date(2026, 11, 8), "delivered", [line("P5", 1_000, 120_000)], contact="wipa")
    # Other customers, for "bought together".
    add_order(ctx, s, "B1", date(2026, 3, 1), "invoiced", [line("P4", 1_000, 89_000), line("P1", 1_000, 20_000)],
              account="B")
    add_order(ctx, s, "C1", date(2026, 3, 2), "invoiced", [line("P4", 1_000, 89_000), line("P1", 1_000, 20_000)],
              contact="C")
    add_order(ctx, s, "C2", date(2026, 5, 2), "delivered", [line("P3", 1_000, 1_590_000), line("P6", 1_000, 5_000)],
              contact="C")
    add_order(ctx, s, "D1", date(2026, 3, 3), "confirmed", [line("P5", 1_000, 120_000), line("P1", 1_000, 20_000)],
              account="D")
    add_order(ctx, s, "D2", date(2026, 3, 4), "draft", [line("P3", 1_000, 1_590_000)], account="D")
    add_order(ctx, s, "E1", date(2026, 3, 5), "invoiced", [line("P4", 1_000, 89_000)], account="E")

    with ctx.uow() as uow:
        for kind, status, starts, due in (
            ("call", "done", datetime(2026, 11, 10, 3), None),
            ("meeting", "planned", datetime(2026, 11, 20, 3), None),  # held, never marked done
            ("task", "done", None, date(2026, 11, 21)),
            ("visit", "cancelled", datetime(2026, 11, 22, 3), None),
            ("meeting", "planned", datetime(2026, 11, 30, 3), None),
            ("task", "planned", None, date(2026, 11, 22)),
        ):
            uow.activities.add(Activity(kind=kind, subject=kind, status=status, starts_at=starts, due_on=due,
                                        contact_id=people["somchai"] if kind == "call" else None,
                                        account_id=None if kind == "call" else acc["A"]))
        uow.contact_links.add(ContactLink(contact_id=people["somchai"], other_contact_id=people["suda"],
                                          kind="colleague"))
        uow.contact_links.add(ContactLink(contact_id=people["wipa"], other_contact_id=people["somchai"],
                                          kind="referred_by", note="ลูกค้าแนะนำ"))
        uow.anniversaries.add(Anniversary(kind="custom", title="ครบรอบร้าน", month=12, day=1, year=2016,
                                          account_id=acc["A"]))
        uow.anniversaries.add(Anniversary(kind="custom", title="Far away", month=6, day=1, contact_id=people["suda"]))
        for number, revision, status, superseded, valid in (
            ("QT-1", 1, "sent", True, date(2026, 11, 10)), ("QT-1", 2, "sent", False, date(2026, 11, 20)),
            ("QT-2", 1, "draft", False, date(2026, 12, 20)), ("QT-3", 1, "accepted", False, date(2026, 12, 20)),
        ):
            uow.quotations.add(Quotation(number=number, revision=revision, status=status, superseded=superseded,
                                         valid_until=valid, issued_on=date(2026, 11, 1), account_id=acc["A"]))
        uow.commit()
    create_opportunity(ctx.uow(), OpportunityInput("Rice mill line", default_stage_id("negotiation"), 5_000_000,
                                                   account_id=acc["A"], expected_close=date(2026, 11, 1)), ctx.now())
    create_opportunity(ctx.uow(), OpportunityInput("Won one", default_stage_id("won"), 100, account_id=acc["A"]),
                       ctx.now())
    return s


# The rounding rule written out again in plain SQL, over every order: the grand total of each.
GRAND_TOTALS = """
WITH ln AS (
  SELECT order_id, vatable, (2 * quantity_milli * unit_price_satang + 1000) / 2000 AS gross, discount_bp,
         discount_satang
  FROM sales_order_line WHERE deleted_at IS NULL),
net AS (
  SELECT order_id, vatable, gross - CASE WHEN discount_bp > 0 THEN (2 * gross * discount_bp + 10000) / 20000
                                         ELSE discount_satang END AS net
  FROM ln),
doc AS (
  SELECT o.id, o.bill_discount_satang AS bill, o.vat_bp, o.prices_include_vat AS inc,
         COALESCE(SUM(net.net), 0) AS subtotal, COALESCE(SUM(CASE WHEN net.vatable THEN net.net END), 0) AS vnet
  FROM sales_order o LEFT JOIN net ON net.order_id = o.id GROUP BY o.id),
v AS (
  SELECT id, subtotal - bill AS amount, vat_bp, inc,
         vnet - CASE WHEN subtotal > 0 THEN (2 * bill * vnet + subtotal) / (2 * subtotal) ELSE 0 END AS vatable
  FROM doc)
SELECT id, CASE WHEN inc THEN amount ELSE amount + (2 * vatable * vat_bp + 10000) / 20000 END FROM v
"""


def sql_grand_totals(ctx: AppContext) -> dict[str, int]:
    with raw_sql(ctx) as conn:
        return dict(conn.execute(GRAND_TOTALS).fetchall())


@pytest.mark.sqlite_only  # the independent SQL is written in SQLite's integer arithmetic
def test_figures_equal_an_independent_sql_computation(ctx: AppContext, shop: Shop) -> None:
    page = customer_360(ctx.database, "account", shop.accounts["A"], TODAY, ctx.now())
    assert page is not None
    grand = sql_grand_totals(ctx)
    with raw_sql(ctx) as conn:
        sales = [r[0] for r in conn.execute(
            f"SELECT id FROM sales_order WHERE account_id = ? AND deleted_at IS NULL AND status IN {SOLD}",
            (shop.accounts["A"],))]
    assert sorted(sales) == sorted(shop.orders[k] for k in ("O1", "O2", "O3", "O6"))
    value = sum(grand[o] for o in sales)
    f = page.figures
    assert f.lifetime_value_satang == value and f.orders == 4
    assert f.average_order_satang == (2 * value + 4) // 8
    assert f.last_order_on == date(2026, 11, 1)
    assert f.last_contact_on == date(2026, 11, 21)  # the done task; the cancelled visit and later plans do not count
    # By hand: 10 × 200.00 + 5 × 45.50 − 10 % = 2,000.00 + 204.75; VAT 7 % of 2,204.75 = 154.3325 → 154.33.
    assert grand[shop.orders["O1"]] == 220_475 + 15_433


def test_order_totals_equal_money_totals_over_the_lines(ctx: AppContext, shop: Shop) -> None:
    with ctx.database.engine.connect() as conn:
        totals = {order_id: total for order_id, _on, total in order_totals(conn, "account", shop.accounts["A"])}
    with raw_sql(ctx) as conn:
        for order_id, total in totals.items():
            bill, vat_bp, inc = conn.execute("SELECT bill_discount_satang, vat_bp, prices_include_vat FROM sales_order "
                                             "WHERE id = ?", (order_id,)).fetchone()
            lines = [money.Line(*r) for r in conn.execute(
                "SELECT quantity_milli, unit_price_satang, discount_bp, discount_satang, vatable FROM sales_order_line "
                "WHERE order_id = ? AND deleted_at IS NULL", (order_id,))]
            assert total == money.totals(lines, bill, vat_bp, bool(inc)).grand_total


@pytest.mark.sqlite_only  # the independent SQL is written in SQLite's integer arithmetic
def test_purchase_history_by_product(ctx: AppContext, shop: Shop) -> None:
    page = customer_360(ctx.database, "account", shop.accounts["A"], TODAY, ctx.now())
    assert page is not None
    with raw_sql(ctx) as conn:
        expected = conn.execute(f"""
            SELECT COALESCE(l.product_id, l.description), COUNT(DISTINCT o.id), SUM(l.quantity_milli),
                   SUM((2 * l.quantity_milli * l.unit_price_satang + 1000) / 2000
                       - CASE WHEN l.discount_bp > 0
                              THEN (2 * ((2 * l.quantity_milli * l.unit_price_satang + 1000) / 2000) * l.discount_bp
                                    + 10000) / 20000
                              ELSE l.discount_satang END),
                   MIN(o.issued_on), MAX(o.issued_on)
            FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
            WHERE o.account_id = ? AND o.deleted_at IS NULL AND o.status IN {SOLD}
            GROUP BY 1""", (shop.accounts["A"],)).fetchall()
    got = {(h.product_id or h.name, h.orders, h.quantity_milli, h.amount_satang, h.first_on.isoformat(),
            h.last_on.isoformat()) for h in page.history}
    assert got == set(expected)
    by_sku = {h.sku: h for h in page.history}
    assert set(by_sku) == {"P1", "P2", "P3", "P7", ""}  # the deleted P4 line and the cancelled P5 order are out
    assert by_sku["P1"].orders == 3 and by_sku["P1"].interval_days == 90  # 10 Jan, 10 Apr, 9 Jul
    assert by_sku["P2"].interval_days == 295 and by_sku["P3"].interval_days is None
    assert page.history[0].sku == "P1"
    assert [h.sku for h in page.due] == ["P1"]  # due on 7 Oct, overdue; P2 only in August 2027


def test_usual_interval_is_the_median_gap() -> None:
    d = date(2026, 1, 1)
    assert usual_interval([d]) is None
    assert usual_interval([d, d]) is None
    assert usual_interval([d, d + timedelta(days=10), d + timedelta(days=40)]) == 20  # gaps 10, 30
    assert usual_interval([d, d + timedelta(days=10), d + timedelta(days=15), d + timedelta(days=45)]) == 10  # 10,5,30
    assert usual_interval([d, d + timedelta(days=1), d + timedelta(days=3), d + timedelta(days=5),
                           d + timedelta(days=12)]) == 2  # 1, 2, 2, 7


@pytest.mark.sqlite_only  # the independent SQL is written in SQLite's integer arithmetic
def test_repurchase_due_on_today_plus_14_shows_plus_15_does_not(ctx: AppContext, shop: Shop) -> None:
    page = customer_360(ctx.database, "contact", shop.contacts["wipa"], TODAY, ctx.now())
    assert page is not None
    by_sku = {h.sku: h for h in page.history}
    assert by_sku["P4"].due_on == TODAY + timedelta(days=14)
    assert by_sku["P5"].due_on == TODAY + timedelta(days=15)
    assert [h.sku for h in page.due] == ["P4"]
    assert page.profile.name == "Wipa" and page.profile.account_id is None
    assert page.figures.orders == 4 and page.figures.lifetime_value_satang == sum(
        sql_grand_totals(ctx)[shop.orders[k]] for k in ("W1", "W2", "W3", "W4"))


def sql_co_purchase(ctx: AppContext, seeds: list[str], own: str) -> dict[tuple[str, str], int]:
    """(seed, product) → other customers who bought both, written straight in SQL over every order."""
    marks = ",".join("?" * len(seeds))
    with raw_sql(ctx) as conn:
        rows = conn.execute(f"""
            WITH bought AS (
              SELECT DISTINCT COALESCE(o.account_id, o.contact_id) AS customer, l.product_id AS product
              FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
              WHERE o.deleted_at IS NULL AND o.status IN {SOLD} AND l.product_id IS NOT NULL)
            SELECT s.product, t.product, COUNT(*) FROM bought s JOIN bought t ON t.customer = s.customer
            WHERE s.product IN ({marks}) AND s.customer != ? AND t.product != s.product
            GROUP BY 1, 2""", (*seeds, own)).fetchall()
    return {(a, b): n for a, b, n in rows}


def test_bought_together_with_reasons(ctx: AppContext, shop: Shop) -> None:
    p = shop.products
    wipa = next_best(ctx.database, "contact", shop.contacts["wipa"])
    counts = sql_co_purchase(ctx, [p["P4"], p["P5"]], shop.contacts["wipa"])
    assert [(s.sku, s.together, s.because_name, s.buyers) for s in wipa] == [
        ("P1", 2, "สินค้า P4", 3),  # bought by 2 of the 3 other customers who bought P4
        ("P3", 1, "สินค้า P4", 3),  # P6 was bought with P4 too, but it is no longer sold
    ]
    assert counts[(p["P4"], p["P1"])] == 2 and counts[(p["P4"], p["P3"])] == 1 and counts[(p["P4"], p["P6"])] == 1
    siam = next_best(ctx.database, "account", shop.accounts["A"])
    counts = sql_co_purchase(ctx, [p["P1"]], shop.accounts["A"])
    assert [(s.sku, s.together, s.because_id, s.buyers) for s in siam] == [("P4", 2, p["P1"], 3), ("P5", 1, p["P1"], 3)]
    assert counts[(p["P1"], p["P4"])] == 2 and counts[(p["P1"], p["P5"])] == 1
    assert next_best(ctx.database, "account", shop.accounts["north"]) == ()  # bought nothing yet


@pytest.mark.sqlite_only  # the independent SQL is written in SQLite's integer arithmetic
def test_relations_open_documents_and_anniversaries(ctx: AppContext, shop: Shop) -> None:
    page = customer_360(ctx.database, "account", shop.accounts["A"], TODAY, ctx.now())
    assert page is not None
    rel = page.relations
    assert rel.parent == (shop.accounts["group"], "Siam Group")
    assert rel.subsidiaries == ((shop.accounts["north"], "Siam Rice North"),)
    assert [c.name for c in rel.contacts] == ["Somchai", "Suda"]
    assert [(x.name, x.kind, x.other_name) for x in rel.links] == [("Somchai", "colleague", "Suda"),
                                                                   ("Wipa", "referred_by", "Somchai")]
    assert [(d.name, d.late) for d in page.deals] == [("Rice mill line", True)]
    assert [(q.number, q.revision, q.status, q.late) for q in page.quotations] == [
        ("QT-1", 2, "sent", True), ("QT-2", 1, "draft", False)]
    orders = {o.number: o for o in page.orders}
    assert set(orders) == {"SO-O5", "SO-O6"}
    assert orders["SO-O6"].late and orders["SO-O6"].due_on == date(2026, 11, 15) and not orders["SO-O5"].late
    assert orders["SO-O6"].grand_total_satang == sql_grand_totals(ctx)[shop.orders["O6"]]
    assert [(u.kind, u.on, u.who, u.years) for u in page.anniversaries] == [
        ("custom", date(2026, 12, 1), "Siam Rice", 10),
        ("founding", date(2026, 12, 10), "Siam Rice", 16),
        ("birthday", date(2027, 1, 20), "Somchai", 47),  # day 58; Suda's on day 61 is not listed
    ]
    wipa = customer_360(ctx.database, "contact", shop.contacts["wipa"], TODAY, ctx.now())
    assert wipa is not None
    assert [(u.kind, u.on, u.years) for u in wipa.anniversaries] == [("birthday", TODAY, 41)]
    assert [(x.name, x.other_name) for x in wipa.relations.links] == [("Wipa", "Somchai")]


def test_a_deleted_customer_has_no_page(ctx: AppContext, shop: Shop) -> None:
    from crm_desktop.services.accounts import delete_accounts

    delete_accounts(ctx.uow(), [shop.accounts["E"]])
    assert customer_360(ctx.database, "account", shop.accounts["E"], TODAY, ctx.now()) is None
    assert customer_360(ctx.database, "contact", "no-such-id", TODAY, ctx.now()) is None


def test_contact_links_refuse_oneself_and_duplicates_and_reach_the_change_log(ctx: AppContext, shop: Shop) -> None:
    somchai, suda, wipa = (shop.contacts[k] for k in ("somchai", "suda", "wipa"))
    with pytest.raises(ValidationError) as err:
        add_contact_link(ctx.uow(), ContactLinkInput(wipa, wipa, "family"))
    assert err.value.text("th") == "เชื่อมโยงบุคคลกับตัวเองไม่ได้"
    with pytest.raises(ValidationError):  # the colleague link exists the other way round
        add_contact_link(ctx.uow(), ContactLinkInput(suda, somchai, "colleague"))
    with pytest.raises(ValidationError):
        add_contact_link(ctx.uow(), ContactLinkInput(suda, somchai, "friend"))
    with raw_sql(ctx) as conn:
        before = conn.execute("SELECT COUNT(*) FROM contact_link").fetchone()[0]
    assert before == 2  # nothing saved by the refusals

    link = add_contact_link(ctx.uow(), ContactLinkInput(suda, wipa, "family", " ลูกพี่ลูกน้อง ")).created[0]
    with raw_sql(ctx) as conn:
        logged = conn.execute("SELECT fields FROM change WHERE entity = 'contact_link' AND row_id = ?",
                              (link,)).fetchall()
    assert len(logged) == 1 and "ลูกพี่ลูกน้อง" in logged[0][0]
    page = customer_360(ctx.database, "contact", wipa, TODAY, ctx.now())
    assert page is not None
    assert [(x.name, x.kind, x.other_name, x.note) for x in page.relations.links] == [
        ("Suda", "family", "Wipa", "ลูกพี่ลูกน้อง"), ("Wipa", "referred_by", "Somchai", "ลูกค้าแนะนำ")]
    remove_contact_links(ctx.uow(), [link])
    page = customer_360(ctx.database, "contact", wipa, TODAY, ctx.now())
    assert page is not None and len(page.relations.links) == 1
    restore_contact_links(ctx.uow(), [link])
    add_contact_link(ctx.uow(), ContactLinkInput(somchai, suda, "knows"))  # another kind is another link


LINES = st.lists(st.tuples(st.integers(1, 50_000), st.integers(0, 5_000_000),
                           st.sampled_from([0, 0, 500, 1_250, 10_000]), st.integers(0, 3), st.booleans()),
                 min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES, inclusive=st.booleans(), bill_share=st.integers(0, 100))
def test_order_totals_equal_money_totals_for_any_lines(ctx: AppContext, lines: list[tuple[int, int, int, int, bool]],
                                                       inclusive: bool, bill_share: int) -> None:
    """The SQL sums finished by money.document_totals give money.totals' grand total, whatever the lines."""
    customer = create_account(ctx.uow(), AccountInput(name="Any customer"), TODAY).created[0]
    money_lines = []
    for qty, price, bp, off_share, vatable in lines:
        gross = money.line_amounts(qty, price).gross
        off = 0 if bp else gross * off_share // 4  # an amount discount of up to three quarters
        money_lines.append(money.Line(qty, price, bp, off, vatable))
    subtotal = sum(money.line_amounts(x.quantity_milli, x.unit_price_satang, x.discount_bp, x.discount_satang).net
                   for x in money_lines)
    bill = subtotal * bill_share // 100
    with ctx.uow() as uow:
        order = uow.orders.add(SalesOrder(number="SO-ANY", issued_on=TODAY, status="invoiced", account_id=customer,
                                          bill_discount_satang=bill, prices_include_vat=inclusive))
        uow.session.flush()
        for position, x in enumerate(money_lines):
            uow.order_lines.add(SalesOrderLine(order_id=order.id, description="x", quantity_milli=x.quantity_milli,
                                               unit_price_satang=x.unit_price_satang, discount_bp=x.discount_bp,
                                               discount_satang=x.discount_satang, vatable=x.vatable, position=position))
        uow.commit()
    with ctx.database.engine.connect() as conn:
        [(_id, _on, total)] = order_totals(conn, "account", customer)
    assert total == money.totals(money_lines, bill, 700, inclusive).grand_total
