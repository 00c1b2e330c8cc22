"""Sample sales: the counts of each size, the same for a seed and a day, seasons and repeat buyers that
show, every line within the line rules, every document's totals computable, and the office's numbers.
One small demo database for the module; the shapes are checked on a medium-sized set made in memory."""

from __future__ import annotations

import random
import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import select

from crm_desktop import money
from crm_desktop.db import bulk
from crm_desktop.demo import sales_vocab as S
from crm_desktop.demo.activities import Customers
from crm_desktop.demo.generate import SIZES, demo_batches
from crm_desktop.demo.sales import SalesGenerator
from crm_desktop.models import Quotation, QuotationLine, SalesOrder, SalesOrderLine
from crm_desktop.services.app import AppContext
from crm_desktop.services.picklists import PRODUCT_UNITS
from crm_desktop.services.sales.lines import clean_line, line_input, money_line
from crm_desktop.services.sales.numbers import next_number
from tests.server_helpers import engines, small_demo, stored_rows
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

SALES = ("product", "quotation", "quotation_line", "sales_order", "sales_order_line")


@pytest.fixture(scope="module", params=engines())
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    with small_demo(request, tmp_path_factory.mktemp("sales")) as ctx:
        yield ctx


rows = stored_rows


def test_the_small_size_has_its_products_order_lines_and_quotations(demo: AppContext) -> None:
    size = SIZES["small"]
    counts = {t: rows(demo, f"SELECT count(*) FROM {t}")[0][0] for t in SALES}
    assert counts["product"] == size.products
    assert size.order_lines <= counts["sales_order_line"] < size.order_lines + len(S.CATEGORIES)
    assert counts["quotation"] >= size.quotations and counts["quotation_line"] >= counts["quotation"]
    assert counts["sales_order"] * 1.5 < counts["sales_order_line"]
    assert {r[0] for r in rows(demo, "SELECT unit FROM product")} <= set(PRODUCT_UNITS)
    assert rows(demo, "SELECT count(DISTINCT sku) FROM product")[0][0] == size.products
    assert rows(demo, "SELECT count(*) FROM product WHERE cost_satang >= price_satang OR price_satang <= 0") == [(0,)]
    # Every record is in the change log, like data typed by hand.
    logged = rows(demo, "SELECT count(DISTINCT row_id) FROM change WHERE entity IN ('sales_order', 'sales_order_line')")
    assert logged[0][0] == counts["sales_order"] + counts["sales_order_line"]


def test_orders_lie_in_the_24_months_before_today_and_their_status_follows_their_age(demo: AppContext) -> None:
    first, last = rows(demo, "SELECT min(issued_on), max(issued_on) FROM sales_order")[0]
    assert date.fromisoformat(first) >= TODAY - timedelta(days=731) and date.fromisoformat(last) <= TODAY
    by_status = dict(rows(demo, "SELECT status, count(*) FROM sales_order GROUP BY status"))
    assert {"invoiced", "delivered", "cancelled", "confirmed"} <= set(by_status)
    old = TODAY - timedelta(days=60)
    open_old = rows(demo, "SELECT count(*) FROM sales_order WHERE issued_on < ? AND status IN ('draft', 'confirmed', "
                          "'partly_delivered')", old.isoformat())
    assert open_old == [(0,)]
    assert by_status["invoiced"] > sum(by_status.values()) / 2
    late = rows(demo, "SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id "
                      "WHERE o.status IN ('confirmed', 'partly_delivered') AND l.promised_on < ? "
                      "AND l.delivered_milli < l.quantity_milli", TODAY.isoformat())
    assert late[0][0] > 0
    # Delivered is delivered in full, invoiced after its deliveries, nothing delivered in a draft or a cancelled one.
    assert rows(demo, "SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id "
                      "WHERE (o.status IN ('delivered', 'invoiced') AND (l.delivered_milli != l.quantity_milli "
                      "OR l.delivered_on > o.invoiced_on OR l.delivered_on < o.issued_on)) "
                      "OR (o.status IN ('draft', 'cancelled') AND l.delivered_milli > 0) "
                      "OR l.delivered_on > ?", TODAY.isoformat()) == [(0,)]
    partly = rows(demo, "SELECT o.id, sum(CASE WHEN l.delivered_milli > 0 THEN 1 ELSE 0 END), "
                        "sum(CASE WHEN l.delivered_milli < l.quantity_milli THEN 1 ELSE 0 END) "
                        "FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id "
                        "WHERE o.status = 'partly_delivered' GROUP BY o.id")
    assert all(some > 0 and rest > 0 for _, some, rest in partly)
    # Most B2B prices exclude VAT; most B2C ones (no company) include it.
    vat = dict(((b2c, inc), n) for b2c, inc, n in rows(
        demo, "SELECT account_id IS NULL, prices_include_vat, count(*) FROM sales_order GROUP BY 1, 2"))
    assert vat[(0, 0)] > 10 * vat.get((0, 1), 0) and vat[(1, 1)] > vat.get((1, 0), 0)


def test_every_line_passes_the_line_rules_and_every_document_has_totals(demo: AppContext) -> None:
    with demo.uow() as uow:
        for model, parent in ((QuotationLine, "quotation_id"), (SalesOrderLine, "order_id")):
            by_doc: dict[str, list[Any]] = defaultdict(list)
            for line in uow.session.scalars(select(model)):
                by_doc[getattr(line, parent)].append(line)
            docs = {d.id: d for d in uow.session.scalars(select(Quotation if model is QuotationLine else SalesOrder))}
            assert set(by_doc) == set(docs)  # no document without lines
            for doc_id, lines in by_doc.items():
                lines.sort(key=lambda x: x.position)
                assert [x.position for x in lines] == list(range(len(lines)))
                for number, line in enumerate(lines, 1):
                    clean_line(uow, line_input(line), number)
                doc = docs[doc_id]
                totals = money.totals([money_line(x) for x in lines], doc.bill_discount_satang, doc.vat_bp,
                                      doc.prices_include_vat)
                assert totals.grand_total > 0


def test_numbers_are_the_offices_per_buddhist_year_in_date_order_and_revisions_share_theirs(
        demo: AppContext) -> None:
    for table, prefix in (("sales_order", "SO"), ("quotation", "QT")):
        where = "revision = 1" if prefix == "QT" else "1 = 1"
        found = rows(demo, f"SELECT number, issued_on FROM {table} WHERE {where}")
        assert len({n for n, _ in found}) == len(found)
        by_year: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for number, issued in found:
            match = re.fullmatch(prefix + r"(\d{4})-(\d{4,})", number)
            assert match is not None, number
            assert int(match.group(1)) == date.fromisoformat(issued).year + 543
            by_year[int(match.group(1))].append((int(match.group(2)), issued))
        for year in by_year.values():
            year.sort()
            assert [seq for seq, _ in year] == list(range(1, len(year) + 1))
            assert [d for _, d in year] == sorted(d for _, d in year)
    revisions = rows(demo, "SELECT q.number, q.revision, p.number, p.revision, p.superseded, q.superseded "
                           "FROM quotation q JOIN quotation p ON p.id = q.previous_id")
    assert revisions and all(n == pn and r == pr + 1 and old and not new for n, r, pn, pr, old, new in revisions)
    assert rows(demo, "SELECT count(*) FROM (SELECT number, revision FROM quotation GROUP BY 1, 2 "
                      "HAVING count(*) > 1) AS twice") == [(0,)]
    # The next document numbered by the services continues the demo's sequence.
    top = rows(demo, "SELECT max(CAST(substr(number, 9) AS INTEGER)) FROM sales_order WHERE number LIKE ?",
               f"SO{TODAY.year + 543}-%")[0][0]
    with demo.uow() as uow:
        assert next_number(uow, "order", TODAY) == f"SO{TODAY.year + 543}-{top + 1:04d}"


def test_quotations_follow_their_deals(demo: AppContext) -> None:
    stages = dict(rows(demo, "SELECT id, kind FROM stage"))
    linked = rows(demo, "SELECT o.stage_id, q.status FROM quotation q JOIN opportunity o ON o.id = q.opportunity_id "
                        "WHERE NOT q.superseded")
    assert linked
    for stage, status in linked:
        kind = stages[stage]
        assert status == {"won": "accepted", "lost": "rejected"}.get(kind, status)
        assert kind in ("won", "lost") or status in ("sent", "expired")
    orders = rows(demo, "SELECT count(*) FROM sales_order o JOIN quotation q ON q.id = o.quotation_id "
                        "WHERE q.status = 'accepted' AND o.opportunity_id IS NOT DISTINCT FROM q.opportunity_id")
    assert orders[0][0] == rows(demo, "SELECT count(*) FROM quotation WHERE status = 'accepted'")[0][0]


def test_repeat_buyers_reorder_the_same_products_at_their_own_interval(demo: AppContext) -> None:
    bought = rows(demo, "SELECT coalesce(o.account_id, o.contact_id), l.product_id, o.issued_on FROM sales_order o "
                        "JOIN sales_order_line l ON l.order_id = o.id WHERE o.quotation_id IS NULL ORDER BY 3")
    days: dict[tuple[str, str], list[date]] = defaultdict(list)
    for customer, product, issued in bought:
        days[(customer, product)].append(date.fromisoformat(issued))
    regular = []
    for seen in days.values():
        gaps = [(b - a).days for a, b in pairwise(seen)]
        if len(gaps) >= 4 and max(gaps) <= 1.5 * min(gaps):
            regular.append(statistics.median(gaps))
    assert len(regular) >= 5 and len({round(g) for g in regular}) > 1  # each with an interval of their own


def _sales_content(today: date) -> list[Any]:
    """The sales batches of the small demo without ids (new every run)."""
    out: list[Any] = []
    for batch in demo_batches("small", today):
        if isinstance(batch, bulk.Columns):
            if batch.model.__tablename__ in SALES:
                out.append({k: v for k, v in batch.columns.items() if not k.endswith("_id")})
        elif batch[0].__tablename__ in SALES:
            out.append([{k: v for k, v in row.items() if k != "id" and not k.endswith("_id")} for row in batch[1]])
    return out


def test_sales_are_the_same_for_a_seed_and_a_day() -> None:
    first = _sales_content(TODAY)
    assert first and first == _sales_content(TODAY)


def _line_shares(generator: SalesGenerator, lines: int) -> tuple[dict[int, dict[str, int]], dict[str, int]]:
    """Order lines by (month, category key) and by category key."""
    generator.make_products(400)
    by_month: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    total: dict[str, int] = defaultdict(int)
    for doc in generator.orders(generator.quotations(0), lines):
        for product, *_ in doc.lines:
            key = S.CATEGORIES[product.category].key
            by_month[doc.issued_on.month][key] += 1
            total[key] += 1
    return by_month, total


def test_aircon_peaks_in_the_hot_season_and_gifts_in_december() -> None:
    accounts = [(f"a{i}", f"c{i}", f"r{i % 5}") for i in range(2_000)]
    people = [(f"p{i}", f"r{i % 5}") for i in range(1_000)]
    customers = Customers(accounts, people, [], [])
    generator = SalesGenerator(random.Random(7), TODAY, [f"r{i}" for i in range(5)], customers, [])
    by_month, total = _line_shares(generator, 25_000)
    everything = sum(total.values())

    def share(key: str, months: tuple[int, ...]) -> float:
        return sum(by_month[m][key] for m in months) / sum(sum(by_month[m].values()) for m in months)

    assert share("aircon", (3, 4, 5)) > 1.5 * total["aircon"] / everything
    assert share("gift", (12,)) > 2 * total["gift"] / everything
    assert share("gift", (3, 4, 5)) < total["gift"] / everything


def test_the_sales_vocabulary_is_complete_and_clean() -> None:
    assert len({c.key for c in S.CATEGORIES}) == len({c.sku for c in S.CATEGORIES}) == len(S.CATEGORIES)
    for category in S.CATEGORIES:
        assert len(category.months) == 12 and min(category.months) > 0 and category.share > 0
        assert re.search(r"[\u0e01-\u0e4e]", category.th) and category.en.isascii()
        assert len({i.th for i in category.items}) == len({i.en for i in category.items}) == len(category.items)
        for item in category.items:
            assert item.unit in PRODUCT_UNITS and item.price > 0 and 1 <= item.quantity[0] <= item.quantity[1]
            assert re.search(r"[\u0e01-\u0e4e]", item.th) and item.en.isascii()
            assert item.th == item.th.strip() and "  " not in item.th
    consumables = [c.key for c in S.CATEGORIES if c.repurchase_days]
    assert {"office", "cleaning", "pantry"} <= set(consumables)
