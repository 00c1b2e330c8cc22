"""Segments: the count of a filter is the count an independent SQL query finds on the small demo, bad
filters are refused naming the condition, and a segment becomes a static list, campaign members and an
export that leaves out people without consent."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.exchange.segments import export_segment
from crm_desktop.models import SalesOrder
from crm_desktop.queries.campaign_results import response_counts
from crm_desktop.queries.consent import consent_history
from crm_desktop.queries.reports.customers import rfm_ranking
from crm_desktop.queries.reports.measure import ReportFilter, customer_id, order_sales, satang, sold
from crm_desktop.queries.reports.sales import sales_orders
from crm_desktop.queries.segments import Who, rfm_groups, saved_segments, segment_count, segment_ids
from crm_desktop.segment_filter import Bought, SegmentFilter, parse_filter, years_before
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.activities.edit import ActivityInput, complete_activity, create_activity
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaign_members import add_members, set_response
from crm_desktop.services.campaigns import CampaignInput, create_campaign
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput
from crm_desktop.services.sales.orders import confirm_order, create_order
from crm_desktop.services.segments import SegmentInput, delete_segment, freeze_segment, restore_segment, save_segment
from tests.server_helpers import engines, fetch, small_demo
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

LIVE_SOLD = "o.deleted_at IS NULL AND o.status IN ('confirmed', 'partly_delivered', 'delivered', 'invoiced')"


@pytest.fixture(scope="module", params=engines())
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    with small_demo(request, tmp_path_factory.mktemp("segments")) as ctx:
        yield ctx


def _count(demo: AppContext, where: str, *params: object) -> int:
    rows = fetch(demo, f"SELECT count(*) FROM contact c WHERE c.deleted_at IS NULL AND {where}", params)
    return int(rows[0][0])  # type: ignore[call-overload]


def _category(demo: AppContext) -> str:
    rows = fetch(demo, "SELECT p.category FROM sales_order_line l JOIN product p ON p.id = l.product_id "
                       "GROUP BY p.category ORDER BY count(*) DESC, p.category")
    return str(rows[0][0])


def _product(demo: AppContext) -> str:
    rows = fetch(demo, "SELECT product_id FROM sales_order_line WHERE product_id IS NOT NULL GROUP BY product_id "
                       "ORDER BY count(*) DESC, product_id")
    return str(rows[0][0])


def test_counts_match_an_independent_sql_count(demo: AppContext) -> None:
    """The owner's example (women aged 30-45 in Bangkok and Nonthaburi who agreed to marketing) and each
    kind of condition, against SQL written out by hand. Boundaries: the age bounds are inclusive."""
    young, old = years_before(TODAY, 30), years_before(TODAY, 46)
    cases: list[tuple[SegmentFilter, str, tuple[object, ...]]] = [
        (SegmentFilter(age_min=30, age_max=45, genders=("female",), provinces=("กรุงเทพมหานคร", "นนทบุรี"),
                       consent=True),
         "c.birthday <= ? AND c.birthday > ? AND c.gender = 'female' AND c.province IN ('กรุงเทพมหานคร', "
         "'นนทบุรี') AND c.marketing_consent", (young, old)),
        (SegmentFilter(regions=("central",), income_bands=("30k-50k", "50k-100k")),
         "c.province IN ('กรุงเทพมหานคร','สมุทรปราการ','นนทบุรี','ปทุมธานี','พระนครศรีอยุธยา','อ่างทอง','ลพบุรี',"
         "'สิงห์บุรี','ชัยนาท','สระบุรี','นครนายก','นครสวรรค์','อุทัยธานี','กำแพงเพชร','สุโขทัย','พิษณุโลก','พิจิตร',"
         "'เพชรบูรณ์','สุพรรณบุรี','นครปฐม','สมุทรสาคร','สมุทรสงคราม') AND c.income_band IN ('30k-50k','50k-100k')",
         ()),
        (SegmentFilter(interests=("โยคะ",)),
         "(c.interests = 'โยคะ' OR c.interests LIKE 'โยคะ, %' OR c.interests LIKE '%, โยคะ' "
         "OR c.interests LIKE '%, โยคะ, %')", ()),
        (SegmentFilter(lead_sources=("facebook", "line")),
         "EXISTS (SELECT 1 FROM lead l WHERE l.converted_contact_id = c.id AND l.deleted_at IS NULL "
         "AND l.source IN ('facebook', 'line'))", ()),
        (SegmentFilter(bought=Bought(months=6, categories=(_category(demo),))),
         f"EXISTS (SELECT 1 FROM sales_order o JOIN sales_order_line sl ON sl.order_id = o.id "
         f"JOIN product p ON p.id = sl.product_id WHERE o.contact_id = c.id AND {LIVE_SOLD} AND "
         f"sl.deleted_at IS NULL AND p.category = ? AND o.issued_on >= ? AND o.issued_on <= ?)",
         (_category(demo), date(2026, 5, 23), TODAY)),
        (SegmentFilter(bought=Bought(months=6, product_ids=(_product(demo),))),
         f"EXISTS (SELECT 1 FROM sales_order o JOIN sales_order_line sl ON sl.order_id = o.id WHERE o.contact_id = "
         f"c.id AND {LIVE_SOLD} AND sl.deleted_at IS NULL AND sl.product_id = ? AND o.issued_on >= ? AND "
         f"o.issued_on <= ?)", (_product(demo), date(2026, 5, 23), TODAY)),
        (SegmentFilter(quiet_for_days=60),  # a timed activity on its Bangkok day: from 17:00 UTC the day before
         "NOT EXISTS (SELECT 1 FROM activity a WHERE a.contact_id = c.id AND a.deleted_at IS NULL AND a.rrule = '' "
         "AND a.status = 'done' AND (a.starts_at >= ? OR a.starts_at IS NULL AND a.due_on >= ?))",
         (datetime(2026, 9, 23, 17), date(2026, 9, 24))),
    ]
    for flt, where, params in cases:
        expected = _count(demo, where, *params)
        counted = segment_count(demo.database, Who("contacts", flt), TODAY)
        assert counted.total == expected, flt
        assert len(segment_ids(demo.database, Who("contacts", flt), TODAY)) == expected
    assert all(_count(demo, where, *params) for _, where, params in cases[1:]), "each case must find someone"


# A line's amount after its own discount, written out (the discount cut to the line's gross).
GROSS = "((2 * sl.quantity_milli * sl.unit_price_satang + 1000) / 2000)"
DISCOUNT = (f"(CASE WHEN sl.discount_bp > 0 THEN ({GROSS} / 10000) * sl.discount_bp + (2 * ({GROSS} % 10000) * "
            f"sl.discount_bp + 10000) / 20000 ELSE sl.discount_satang END)")
NET = f"({GROSS} - CASE WHEN {DISCOUNT} > {GROSS} THEN {GROSS} ELSE {DISCOUNT} END)"


def _spent(demo: AppContext, link: str, category: str | None = None) -> dict[str, int]:
    """Each customer's (`link`: contact_id or account_id) sum of line amounts in the 12 months to TODAY."""
    narrow = "AND sl.product_id IN (SELECT id FROM product WHERE category = ?)" if category else ""
    rows = fetch(demo, f"SELECT o.{link}, sum({NET}) FROM sales_order o JOIN sales_order_line sl ON "
                       f"sl.order_id = o.id AND sl.deleted_at IS NULL {narrow} WHERE o.{link} IS NOT NULL AND "
                       f"{LIVE_SOLD} AND o.issued_on >= ? AND o.issued_on <= ? GROUP BY o.{link}",
                 (*([category] if category else []), date(2025, 11, 23), TODAY))
    return {str(r[0]): int(r[1]) for r in rows}  # type: ignore[call-overload]


@pytest.mark.parametrize(("kind", "link", "by_category"), [("contacts", "contact_id", False),
                                                           ("accounts", "account_id", False),
                                                           ("contacts", "contact_id", True)])
def test_who_spent_at_least_an_amount_counts_the_customer_at_exactly_that_amount(
        demo: AppContext, kind: str, link: str, by_category: bool) -> None:
    """ "Bought for at least X in 12 months": a customer whose year's lines sum to exactly X is in, X + 1
    satang leaves them out (the same set as SQL summing the lines by hand; live records only)."""
    category = _category(demo) if by_category else None
    spent = _spent(demo, link, category)
    table = "contact" if kind == "contacts" else "account"
    live = {str(r[0]) for r in fetch(demo, f"SELECT id FROM {table} WHERE deleted_at IS NULL")}
    amounts = sorted({v for k, v in spent.items() if k in live}, reverse=True)
    assert len(amounts) > 5, "the demo must have customers to rank"
    for threshold in (amounts[4], amounts[4] + 1):
        bought = Bought(months=12, min_satang=threshold, categories=(category,) if category else ())
        who = Who(kind, SegmentFilter(kind=kind, bought=bought))
        expected = {k for k, v in spent.items() if v >= threshold and k in live}
        assert set(segment_ids(demo.database, who, TODAY)) == expected
        assert segment_count(demo.database, who, TODAY).total == len(expected)
    at_fifth = {k for k, v in spent.items() if v == amounts[4] and k in live}
    assert at_fifth <= set(segment_ids(demo.database, Who(kind, SegmentFilter(
        kind=kind, bought=Bought(months=12, min_satang=amounts[4], categories=(category,) if category else ()))),
        TODAY))


def test_a_listed_word_matches_whole_items_in_any_case_and_takes_like_signs_literally(ctx: AppContext) -> None:
    """Tags and interests match a whole item of the list, whatever the case of its Latin letters; "%" and
    "_" in a word are the signs themselves, not LIKE's wildcards (with a region, read in one pass)."""
    people = {name: _person(ctx, name, consent=True, tags=tags) for name, tags in (
        ("Anong", "VIP, ลูกค้าใหม่"), ("Boon", "vip"), ("Chai", "VIPs"), ("Dao", "50%"), ("Ek", "a_b"))}
    def found(*tags: str) -> set[str]:
        return set(segment_ids(ctx.database, Who("contacts", SegmentFilter(regions=("north",), tags=tags)), TODAY))
    assert found("Vip") == {people["Anong"], people["Boon"]}
    assert found("ลูกค้าใหม่") == {people["Anong"]}
    assert found("%") == set() and found("50%") == {people["Dao"]}
    assert found("a_b") == {people["Ek"]} and found("a%b") == set() and found("axb") == set()


def test_rfm_classes_are_the_reports_tabs_ranking(demo: AppContext) -> None:
    """The classes a segment reads (without every customer's name) are the groups of the Reports tab's
    ranking of the same 12 months, the ten best by name where scores and sales tie."""
    table = rfm_ranking(demo.database, ReportFilter(date(2025, 11, 24), TODAY + timedelta(days=1)), TODAY)
    group = table.column("rfm_group")
    ranked: dict[str, set[str]] = {"top": set(), "at_risk": set(), "other": set()}
    for row, key in zip(table.rows, table.ids, strict=True):
        if key is not None:
            ranked[str(row[group])].add(key)
    assert {k: set(v) for k, v in rfm_groups(demo.database, TODAY).items()} == ranked
    assert len(ranked["top"]) + sum(1 for r in table.rows[:10] if r[group] == "at_risk") == 10


def test_no_contact_for_n_days_counts_from_the_day_n_days_ago(ctx: AppContext) -> None:
    """Quiet for 90 days: an activity done on the 90th day before today (a task due then, or a meeting
    at the first moment of that day in Bangkok, 17:00 UTC the day before, as the form takes it) still
    counts as contact; one the day before does not (a meeting a minute before midnight in Bangkok); a
    planned one never does. For companies the same, through the company's own activities."""
    since = TODAY - timedelta(days=90)
    first_moment = datetime.combine(since, time(0))  # office time: 17:00 UTC the day before
    done = {"due on the day": {"due_on": since}, "met at its start": {"starts_at": first_moment},
            "due the day before": {"due_on": since - timedelta(days=1)},
            "met just before": {"starts_at": first_moment - timedelta(minutes=1)}}
    people, firms = {}, {}
    for i, (name, when) in enumerate({**done, "planned only": {"due_on": TODAY}}.items()):
        people[name] = _person(ctx, f"P{i}", consent=True)
        firms[name] = create_account(ctx.uow(), AccountInput(name=f"บริษัท {i} จำกัด"), TODAY).created[0]
        for link in ({"contact_id": people[name]}, {"account_id": firms[name]}):
            activity = create_activity(ctx.uow(), ActivityInput(subject="โทรติดตาม", **when, **link)).created[0]
            if name in done:
                complete_activity(ctx.uow(), activity, "คุยแล้ว")
    quiet = {"due the day before", "met just before", "planned only"}
    found = set(segment_ids(ctx.database, Who("contacts", SegmentFilter(quiet_for_days=90)), TODAY))
    assert {n for n, i in people.items() if i in found} == quiet
    narrowed = Who("contacts", SegmentFilter(quiet_for_days=90, provinces=("เชียงใหม่",)))  # probed by id
    assert set(segment_ids(ctx.database, narrowed, TODAY)) == found
    accounts = Who("accounts", SegmentFilter(kind="accounts", quiet_for_days=90))
    assert set(segment_ids(ctx.database, accounts, TODAY)) == {firms[n] for n in quiet}
    assert segment_count(ctx.database, accounts, TODAY).total == len(quiet)


def test_rfm_top_ten_among_equal_customers_goes_by_name(ctx: AppContext) -> None:
    """Twelve customers with the same one sale tie on score and sales: the ten first by name are "top",
    as the ranking has them, though they were created (and got their ids) in the opposite order."""
    ids = {}
    for i, letter in enumerate("LKJIHGFEDCBA"):
        ids[letter] = create_contact(ctx.uow(), ContactInput(first_name=letter, mobile=f"08333333{i:02d}"),
                                     TODAY).created[0]
        line = OrderLineInput("กระเช้าปีใหม่", quantity_milli=1000, unit_price_satang=150_000)
        order = create_order(ctx.uow(), OrderInput(contact_id=ids[letter], issued_on=TODAY, lines=[line]),
                             TODAY).created[0]
        confirm_order(ctx.uow(), order, TODAY, ctx.now())
    groups = rfm_groups(ctx.database, TODAY)
    assert groups["top"] == {ids[x] for x in "ABCDEFGHIJ"} and groups["other"] == {ids["K"], ids["L"]}


def test_rfm_classes_split_the_contacts_without_overlap_by_company(demo: AppContext) -> None:
    """Every contact is in "none" or in a class of the ranking (people of a ranked company are in its class;
    a person who buys on their own and works at a ranked company may be in two)."""
    groups = rfm_groups(demo.database, TODAY)
    assert groups["top"] and groups["other"]
    total = segment_count(demo.database, Who("contacts", SegmentFilter(consent=True)), TODAY).total
    parts = [segment_count(demo.database, Who("contacts", SegmentFilter(consent=True, rfm=(c,))), TODAY, groups).total
             for c in ("top", "at_risk", "other", "none")]
    assert 0 < parts[-1] < total <= sum(parts)


@pytest.mark.parametrize(("text", "field"), [
    ('{"agee_min": 3}', "agee_min"),
    ('{"genders": ["woman"]}', "genders"),
    ('{"age_min": 50, "age_max": 40}', "age_min"),
    ('{"kind": "accounts", "genders": ["female"]}', "genders"),
    ('{"bought": {"month": 3}}', "bought"),
    ('[1, 2]', "filter"),
])
def test_a_filter_it_does_not_know_is_refused_naming_the_condition(text: str, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_filter(text)
    assert err.value.field == field
    assert err.value.text("th") != err.value.text("en")


def test_saved_filters_read_back_as_written() -> None:
    flt = SegmentFilter(age_min=30, regions=("north",), bought=Bought(months=3, min_satang=500_000), rfm=("top",))
    assert parse_filter(flt.to_json()) == flt


def _person(ctx: AppContext, first: str, *, consent: bool, province: str = "เชียงใหม่", tags: str = "VIP") -> str:
    data = ContactInput(first_name=first, mobile=f"08{abs(hash(first)) % 10**8:08d}", email=f"{first}@example.com",
                        province=province, tags=tags, marketing_consent=consent)
    return create_contact(ctx.uow(), data, TODAY).created[0]


def test_a_segment_becomes_a_list_campaign_members_and_an_export(ctx: AppContext, tmp_path: Path) -> None:
    anong, boon = _person(ctx, "Anong", consent=True), _person(ctx, "Boon", consent=False)
    _person(ctx, "Chai", consent=True, tags="ลูกค้าใหม่")
    _person(ctx, "Dao", consent=True, province="ภูเก็ต")
    vip_north = SegmentFilter(regions=("north",), tags=("vip",))
    save_segment(ctx.uow(), SegmentInput("VIP ภาคเหนือ", vip_north))
    (saved,) = saved_segments(ctx.database)
    who = Who.of(saved)
    counted = segment_count(ctx.database, who, TODAY)
    assert (counted.total, counted.without_consent) == (2, 1)
    freeze_segment(ctx.uow(), "VIP ภาคเหนือ พ.ย.", "contacts", segment_ids(ctx.database, who, TODAY))
    frozen = next(s for s in saved_segments(ctx.database) if s.static)
    assert sorted(segment_ids(ctx.database, Who.of(frozen), TODAY)) == sorted([anong, boon])

    campaign = create_campaign(ctx.uow(), CampaignInput(name="ลดราคาปลายปี")).created[0]
    add_members(ctx.uow(), campaign, segment_ids(ctx.database, who, TODAY))
    add_members(ctx.uow(), campaign, [anong])  # already in: one row per person
    assert response_counts(ctx.database, campaign) == {"added": 2}

    export = export_segment(ctx.database, who, TODAY, tmp_path / "vip.csv", "csv")
    with export.export.path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[rows[0].index("First Name")] for r in rows[1:]] == ["Anong"] and export.left_out == 1


def test_an_empty_segment_is_refused_with_a_message_and_nothing_changes(ctx: AppContext, tmp_path: Path) -> None:
    _person(ctx, "Anong", consent=True)
    with pytest.raises(ValidationError, match="at least one condition"):
        save_segment(ctx.uow(), SegmentInput("ทุกคน", SegmentFilter()))
    nobody = Who("contacts", SegmentFilter(provinces=("ยะลา",)))
    campaign = create_campaign(ctx.uow(), CampaignInput(name="ยะลา")).created[0]
    for action in (lambda: freeze_segment(ctx.uow(), "ว่าง", "contacts", segment_ids(ctx.database, nobody, TODAY)),
                   lambda: add_members(ctx.uow(), campaign, segment_ids(ctx.database, nobody, TODAY)),
                   lambda: export_segment(ctx.database, nobody, TODAY, tmp_path / "none.csv", "csv")):
        with pytest.raises(DomainError) as err:
            action()
        assert "no one" in err.value.text("en") and err.value.text("th") != err.value.text("en")
    assert saved_segments(ctx.database) == [] and response_counts(ctx.database, campaign) == {}
    assert not (tmp_path / "none.csv").exists()


def test_a_segment_deleted_twice_gets_the_message_every_record_gets_and_undo_brings_it_back(ctx: AppContext) -> None:
    segment = save_segment(ctx.uow(), SegmentInput("ภาคเหนือ", SegmentFilter(regions=("north",)))).created[0]
    assert delete_segment(ctx.uow(), segment).deleted == (segment,)
    assert saved_segments(ctx.database) == []
    with pytest.raises(NotFound) as err:  # another window or desk deleted it first
        delete_segment(ctx.uow(), segment)
    assert err.value.text("en") == "The record was already deleted by someone else. Refresh the list."
    assert err.value.text("th") != err.value.text("en")
    restore_segment(ctx.uow(), segment)
    assert [s.name for s in saved_segments(ctx.database)] == ["ภาคเหนือ"]


def test_unsubscribed_withdraws_marketing_consent_with_its_history(ctx: AppContext) -> None:
    anong = _person(ctx, "Anong", consent=True)
    campaign = create_campaign(ctx.uow(), CampaignInput(name="จดหมายข่าว")).created[0]
    member = add_members(ctx.uow(), campaign, [anong]).created[0]
    set_response(ctx.uow(), [member], "opened", TODAY)
    changed = set_response(ctx.uow(), [member], "unsubscribed", TODAY)
    assert anong in changed.updated
    newest, given = consent_history(ctx.database, "contact", anong)
    assert (newest.given, given.given) == (False, True) and "จดหมายข่าว" in newest.source
    assert response_counts(ctx.database, campaign) == {"unsubscribed": 1}


def test_age_bounds_are_inclusive_on_the_apps_today(ctx: AppContext) -> None:
    """30-45: in from the 30th birthday (today) to the day before the 46th; a 29 February birthday
    counts on 1 March in a common year."""
    born = {"turns 30 today": years_before(TODAY, 30), "29 until tomorrow": date(1996, 11, 24),
            "45, 46 tomorrow": date(1980, 11, 24), "turns 46 today": years_before(TODAY, 46)}
    ids = {name: create_contact(ctx.uow(), ContactInput(first_name=f"P{i}", mobile=f"08222222{i:02d}", birthday=day),
                                TODAY).created[0] for i, (name, day) in enumerate(born.items())}
    found = set(segment_ids(ctx.database, Who("contacts", SegmentFilter(age_min=30, age_max=45)), TODAY))
    assert found == {ids["turns 30 today"], ids["45, 46 tomorrow"]}
    leap = create_contact(ctx.uow(), ContactInput(first_name="Leap", mobile="0822222299", birthday=date(2000, 2, 29)),
                          TODAY).created[0]
    twenty_six = Who("contacts", SegmentFilter(age_min=26, age_max=26))
    assert leap not in segment_ids(ctx.database, twenty_six, date(2026, 2, 28))
    assert leap in segment_ids(ctx.database, twenty_six, date(2026, 3, 1))


def test_sales_summed_per_order_from_the_kept_totals_are_the_lines_sums(demo: AppContext) -> None:
    """Each customer's year of sales as the alerts sum them (per order, from the net kept on it, the
    bill discount and the VAT of prices that include it worked out per order) is the Reports tab's sum
    of the lines, to the satang; and every order's kept net is its live lines' net summed by hand."""
    period = ReportFilter(date(2025, 11, 24), TODAY + timedelta(days=1))
    by_lines = sales_orders(period)
    lines_stmt = select(customer_id(by_lines.c), func.sum(by_lines.c.amount)).group_by(customer_id(by_lines.c))
    orders_stmt = (select(customer_id(SalesOrder), func.sum(order_sales(SalesOrder))).where(*sold(period))
                   .group_by(customer_id(SalesOrder)))
    with demo.database.engine.connect() as conn:
        expected = {c: satang(a) for c, a in conn.execute(lines_stmt)}
        found = {c: satang(a) for c, a in conn.execute(orders_stmt)}
    assert len(expected) > 20 and found == expected
    with_vat = fetch(demo, "SELECT count(*) FROM sales_order WHERE prices_include_vat AND bill_discount_satang > 0")
    assert with_vat[0][0], "the demo must have orders with prices including VAT and a bill discount"
    wrong = fetch(demo, f"SELECT count(*) FROM sales_order o WHERE o.lines_net_satang != (SELECT "
                        f"coalesce(sum({NET}), 0) FROM sales_order_line sl WHERE sl.order_id = o.id AND "
                        "sl.deleted_at IS NULL)")
    assert wrong[0][0] == 0
