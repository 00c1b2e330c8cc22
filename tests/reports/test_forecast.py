"""The sales forecast: the model recovers what a series is made of, the figures add up from the orders and
deals, each month's forecast is frozen once and syncs, and the track record is what was really predicted."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.errors import ValidationError
from crm_desktop.forecast import MonthFigure, band, combine, errors, fit, month_add, month_span
from crm_desktop.models import Account, SalesOrder, SalesOrderLine, User
from crm_desktop.queries.reports import forecast as fc
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.services.app import AppContext
from crm_desktop.services.forecasts import freeze_forecasts, snapshot_id
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity
from crm_desktop.services.stages import default_stage_id
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.server_helpers import StoredRows
from tests.sync_helpers import dump, new_copy
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server  # the `ctx` tests run on both engines

MONTH = "2026-11"  # TODAY's
FLT = ReportFilter.month("2026-10")
SHAPE = (0.80, 0.85, 1.00, 1.10, 1.20, 1.15, 0.95, 0.90, 0.85, 0.95, 1.05, 1.20)  # January first


def shape(values: tuple[float, ...]) -> list[float]:
    mean = sum(values) / len(values)
    return [v / mean for v in values]


def synthetic(first: str, count: int, level: float, slope: float, season: list[float]) -> list[int]:
    """(level + slope·t) × the season's index of month t, in satang."""
    first_cal = int(first[5:]) - 1
    return [round((level + slope * t) * season[(first_cal + t) % 12]) for t in range(count)]


# --- The model -----------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.lists(st.floats(0.4, 1.6), min_size=12, max_size=12), st.integers(24, 36), st.integers(0, 11),
       st.integers(1_000_000, 10**10), st.floats(-0.01, 0.03))
def test_a_seasonal_series_with_a_trend_gives_back_its_shape_and_trend(
        raw: list[float], count: int, first_cal: int, level: int, growth: float) -> None:
    season = shape(tuple(raw))
    first = f"2022-{first_cal + 1:02d}"
    history = synthetic(first, count, level, level * growth, season)
    start = month_add(first, count)
    model = fit(history, first, start)
    assert model.method == "seasonal_trend" and model.months_used == min(count - 1, 36)
    assert model.seasonal == pytest.approx(season, abs=1e-4)
    assert model.trend == pytest.approx(level * growth, abs=level * 1e-5 + 2)
    for ahead in range(6):
        month = month_add(start, ahead)
        expected = (level + level * growth * (count + ahead)) * season[int(month[5:]) - 1]
        assert model.baseline(month) == pytest.approx(max(0.0, expected), rel=1e-4, abs=2)


def test_with_noise_the_shape_and_trend_are_close() -> None:
    rnd = random.Random(14)
    season = shape(SHAPE)
    history = [round(v * rnd.uniform(0.95, 1.05)) for v in synthetic("2023-11", 36, 5_000_000, 40_000, season)]
    model = fit(history, "2023-11", "2026-11")
    assert max(abs(a - b) for a, b in zip(model.seasonal, season, strict=True)) < 0.05
    assert model.trend == pytest.approx(40_000, rel=0.15)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**12), st.integers(3, 40), st.integers(0, 5))
def test_a_flat_series_forecasts_flat(value: int, count: int, zeros: int) -> None:
    history = [0] * zeros + [value] * count  # months before the first sale, and its month, do not count
    model = fit(history, "2023-01", month_add("2023-01", zeros + count))
    used = count - 1
    if value == 0 or used < 3:
        assert model.method == "none"
        return
    assert model.method == ("average" if used < 6 else "trend" if used < 12 else "seasonal_trend")
    assert model.months_used == min(used, 36)
    assert model.history_from == month_add("2023-01", zeros + 1 + max(0, used - 36))
    assert [model.baseline(month_add(model.start, i)) for i in range(6)] == [value] * 6


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 10**9), max_size=3), st.integers(0, 30))
def test_short_history_gives_no_number(history: list[int], zeros: int) -> None:
    model = fit([0] * zeros + history, "2024-01", month_add("2024-01", zeros + len(history)))
    assert model.method == "none" and model.baseline(model.start) is None
    assert combine(model.baseline(model.start), 5_000_000) == (None, None)


def test_fewer_than_twelve_months_follow_the_trend_and_say_so() -> None:
    model = fit([50, 200, 300, 400, 500, 600, 700, 800], "2026-01", "2026-09")  # January: the first, partly
    assert (model.method, model.trend, model.seasonal) == ("trend", pytest.approx(100), (1.0,) * 12)
    assert (model.history_from, model.months_used, model.baseline("2026-11")) == ("2026-02", 7, 1100)
    average = fit([0, 20, 300, 200, 400], "2026-04", "2026-09")
    assert (average.method, average.baseline("2026-12")) == ("average", 300)


@given(st.integers(0, 10**12), st.integers(0, 10**12))
def test_the_pipeline_counts_only_beyond_the_baseline(baseline: int, weighted: int) -> None:
    part, total = combine(baseline, weighted)
    assert (part, total) == (max(0, weighted - baseline), max(baseline, weighted))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**10), st.integers(0, 10**10)), max_size=8))
def test_mape_and_bias_equal_an_independent_computation(pairs: list[tuple[int, int]]) -> None:
    found = errors(pairs, 3)
    usable = [Fraction(f - a, a) * 100 for f, a in pairs if a > 0]
    assert found.count == len(usable)
    if len(usable) < 3:
        assert (found.mape, found.bias) == (None, None)
        return
    assert found.mape == pytest.approx(float(sum(abs(e) for e in usable) / len(usable)))
    assert found.bias == pytest.approx(float(sum(usable) / len(usable)))


def test_the_range_is_the_forecast_plus_or_minus_the_typical_error() -> None:
    assert band(1_000_000, 12.5) == (875_000, 1_125_000)
    assert band(1_000_000, 150.0) == (0, 2_500_000)
    assert band(1_000_000, None) == band(None, 10.0) == (None, None)


# --- From the database ---------------------------------------------------------------------------


def add_rep(ctx: AppContext, name: str) -> str:
    with ctx.uow() as uow:
        user = uow.users.add(User(name=name, role="sales"))
        uow.commit()
    return user.id


_numbers = itertools.count(1)


def sell(ctx: AppContext, owner: str | None, issued: date, amount: int, status: str = "invoiced") -> None:
    """One order of one line worth `amount` before VAT."""
    with ctx.uow() as uow:
        account = uow.accounts.add(Account(name=f"ร้านที่ {next(_numbers)}"))
        uow.session.flush()
        order = uow.orders.add(SalesOrder(number=f"SO-{next(_numbers)}", issued_on=issued, status=status,
                                          account_id=account.id, owner_id=owner))
        uow.session.flush()
        uow.order_lines.add(SalesOrderLine(order_id=order.id, description="สินค้า", quantity_milli=1000,
                                           unit_price_satang=amount))
        uow.commit()


def open_deal(ctx: AppContext, owner: str | None, amount: int, probability: int, close: date) -> None:
    create_opportunity(ctx.uow(), OpportunityInput("ดีล", default_stage_id("negotiation"), amount, probability,
                                                   owner_id=owner, expected_close=close), datetime(2026, 11, 1))


def _day(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 10)


@pytest.fixture
def shop(ctx: AppContext) -> dict[str, str]:
    """24 months of sales before TODAY's month, seasonal with a trend, 60 % by one rep and 40 % by another."""
    reps = {"somchai": add_rep(ctx, "สมชาย"), "malee": add_rep(ctx, "มาลี")}
    months = month_span(month_add(MONTH, -24), 24)
    season = shape(SHAPE)
    for month, amount in zip(months, synthetic(months[0], 24, 10_000_000, 200_000, season), strict=True):
        sell(ctx, reps["somchai"], _day(month), amount * 3 // 5)
        sell(ctx, reps["malee"], _day(month), amount - amount * 3 // 5)
    sell(ctx, reps["somchai"], _day(months[5]), 999_999, status="cancelled")  # not a sale
    sell(ctx, reps["malee"], TODAY, 5_000_000)  # this month: not history
    return reps


def expected_baseline(month: str, share: float = 1.0) -> float:
    season = shape(SHAPE)
    t = 24 + (int(month[:4]) - 2026) * 12 + int(month[5:]) - 11
    return share * (10_000_000 + 200_000 * t) * season[int(month[5:]) - 1]


def test_the_forecast_table_from_orders_and_open_deals(ctx: AppContext, shop: dict[str, str]) -> None:
    open_deal(ctx, shop["somchai"], 30_000_000, 80, date(2026, 12, 15))  # weighted 24,000,000
    open_deal(ctx, shop["malee"], 1_000_000, 50, date(2026, 12, 1))  # weighted 500,000
    open_deal(ctx, shop["malee"], 9_000_000, 90, date(2026, 10, 30))  # its close has passed: left out
    table = fc.forecast(ctx.database, FLT, TODAY)
    assert [r[0] for r in table.rows] == ["2026-11", "2026-12", "2027-01"]
    col = table.column
    for r in table.rows:
        assert r[col("baseline")] == pytest.approx(expected_baseline(r[0]), abs=50)
    december = table.rows[1]
    assert december[col("weighted_pipeline")] == 24_500_000
    assert december[col("pipeline_part")] == max(0, 24_500_000 - december[col("baseline")])
    assert december[col("forecast")] == max(24_500_000, december[col("baseline")])
    assert (december[col("low")], table.note) == (None, "forecast_no_track_record")  # nothing kept yet
    assert table.total is not None and table.total[col("forecast")] == sum(r[col("forecast")] for r in table.rows)
    rep = fc.forecast(ctx.database, ReportFilter(FLT.start, FLT.end, owner_id=shop["somchai"]), TODAY, months=6)
    assert len(rep.rows) == 6
    assert rep.rows[0][col("baseline")] == pytest.approx(expected_baseline(MONTH, 0.6), abs=50)
    assert rep.rows[1][col("weighted_pipeline")] == 24_000_000
    how = fc.forecast_explained(ctx.database, FLT, TODAY)
    assert (how.method, how.history_from, how.history_months) == ("seasonal_trend", "2024-12", 23)
    assert how.trend_per_month == pytest.approx(200_000, abs=2)
    assert how.seasonal_pct == pytest.approx([round(s * 100, 1) for s in shape(SHAPE)], abs=0.11)


def fresh_series(ctx: AppContext, scope: str | None = None) -> list[int]:
    """The history read from scratch, nothing kept."""
    ctx.database.memo.clear()
    ctx.database.set_local(fc.HISTORY_KEY, json.dumps({"seq": 0, "months": {}}))
    return fc._history(ctx.database, MONTH).series(scope)


def test_kept_history_is_reused_until_orders_of_its_months_change(ctx: AppContext, shop: dict[str, str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    kept = fc._history(ctx.database, MONTH).series(None)
    reads: list[tuple[date, date]] = []
    real = fc._sales_per_day
    monkeypatch.setattr(fc, "_sales_per_day", lambda conn, first, after: reads.append((first, after)) or real(
        conn, first, after))
    with ctx.uow() as uow:
        uow.accounts.add(Account(name="ไม่ได้ซื้ออะไร"))
        uow.commit()
    sell(ctx, shop["malee"], TODAY, 70_000)  # this month's sale: no past month changes
    ctx.database.memo.clear()  # another process: what the file keeps
    assert fc._history(ctx.database, MONTH).series(None) == kept and reads == []
    stored = json.loads(ctx.database.local(fc.HISTORY_KEY) or "")
    ctx.database.set_local(fc.HISTORY_KEY, json.dumps({**stored, "schema": "0001"}))  # kept before a migration
    ctx.database.memo.clear()
    assert fc._history(ctx.database, MONTH).series(None) == kept and len(reads) == 1
    reads.clear()
    sell(ctx, shop["malee"], date(2026, 10, 3), 50_000_000)
    history = fc._history(ctx.database, MONTH).series(None)
    assert reads == [(date(2026, 10, 1), date(2026, 11, 1))]  # that month alone is read again
    assert history[:-1] == kept[:-1] and history[-1] == kept[-1] + 50_000_000
    reads.clear()
    fc._history(ctx.database, "2026-12")  # a new month: only the month just ended is read
    assert reads == [(date(2026, 11, 1), date(2026, 12, 1))]


def test_kept_history_follows_every_kind_of_change(ctx: AppContext, shop: dict[str, str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(2026)
    months = month_span(month_add(MONTH, -24), 25)  # and this month
    for step in range(40):
        fc._history(ctx.database, MONTH)  # kept as of now
        if step == 30:
            monkeypatch.setattr(fc, "TOUCHED_MAX", 0)  # too much to trace: everything is read again
        with ctx.uow() as uow:
            orders = list(uow.session.scalars(select(SalesOrder).order_by(SalesOrder.number)))
            order = rnd.choice(orders)
            lines = list(uow.session.scalars(select(SalesOrderLine).where(SalesOrderLine.order_id == order.id)))
            what = rnd.choice(["move", "cancel", "owner", "delete", "line", "price", "new"])
            if what == "move":
                order.issued_on = _day(rnd.choice(months))
            elif what == "cancel":
                order.status = "cancelled" if order.status != "cancelled" else "invoiced"
            elif what == "owner":
                order.owner_id = rnd.choice([None, *shop.values()])
            elif what == "delete":
                order.deleted_at = uow.now() if order.deleted_at is None else None
            elif what == "line":
                lines[0].deleted_at = uow.now() if lines[0].deleted_at is None else None
            elif what == "price":
                lines[0].unit_price_satang = rnd.randrange(1, 10**8)
            uow.commit()
        if what == "new":
            sell(ctx, rnd.choice(list(shop.values())), _day(rnd.choice(months)), rnd.randrange(1, 10**8))
        for scope in (None, *shop.values()):
            assert fc._history(ctx.database, MONTH).series(scope) == fresh_series(ctx, scope), (step, what)


def test_a_rep_or_a_business_with_under_three_months_gets_no_number(ctx: AppContext) -> None:
    rep = add_rep(ctx, "ใหม่")
    sell(ctx, rep, date(2026, 9, 5), 1_000_000)
    sell(ctx, rep, date(2026, 10, 5), 1_000_000)
    open_deal(ctx, rep, 4_000_000, 50, date(2026, 11, 30))
    table = fc.forecast(ctx.database, FLT, TODAY)
    assert table.note == "forecast_history_short"
    assert table.rows[0] == ("2026-11", 2_000_000, None, None, None, None, None)
    assert table.total is None
    assert fc.month_forecasts(ctx.database, TODAY) == []


def test_freezing_is_once_a_month_and_goes_through_the_change_log(ctx: AppContext, shop: dict[str, str]) -> None:
    gone = add_rep(ctx, "ลาออกแล้ว")
    for month in month_span("2026-01", 8):
        sell(ctx, gone, _day(month), 100_000)
    with ctx.uow() as uow:
        user = uow.users.get(gone)
        assert user is not None
        user.active = False
        uow.commit()
    figures = fc.month_forecasts(ctx.database, TODAY)
    assert {f.owner_id for f in figures} == {None, *shop.values()}  # not the rep who left
    overall = next(f for f in figures if f.owner_id is None)
    assert overall.amount_satang == fc.forecast(ctx.database, FLT, TODAY).rows[0][4]
    made = freeze_forecasts(ctx.uow(), figures, TODAY)
    assert sorted(made.created) == sorted(snapshot_id(MONTH, f.owner_id, ctx.database.site_id) for f in figures)
    sell(ctx, shop["malee"], date(2026, 10, 3), 50_000_000)  # the data change; the kept forecast does not
    assert fc.month_forecasts(ctx.database, TODAY) == []
    again = fc._figures(ctx.database, MONTH, TODAY, "frozen")
    assert again != figures
    assert freeze_forecasts(ctx.uow(), again, date(2026, 11, 30)).created == ()
    conn = StoredRows(ctx)
    try:
        kept = conn.execute("SELECT amount_satang, made_on, kind FROM forecast_snapshot "
                            "WHERE owner_id IS NULL").fetchall()
        logged = conn.execute("SELECT count(*) FROM change WHERE entity = 'forecast_snapshot'").fetchone()[0]
    finally:
        conn.close()
    assert kept == [(overall.amount_satang, TODAY.isoformat(), "frozen")]
    assert logged == len(figures)


def test_only_the_current_month_is_frozen_and_only_past_months_back_tested(ctx: AppContext) -> None:
    for month, kind in (("2026-10", "frozen"), ("2026-11", "backtest"), ("2026-12", "frozen")):
        with pytest.raises(ValidationError):
            freeze_forecasts(ctx.uow(), [MonthFigure(month, None, 1, 1, 0, "trend", 8, kind)], TODAY)


def test_the_track_record_compares_kept_forecasts_with_sales(ctx: AppContext, shop: dict[str, str]) -> None:
    history = fc._history(ctx.database, MONTH).series(None)
    actual = dict(zip(month_span(month_add(MONTH, -fc.READ_MONTHS), fc.READ_MONTHS), history, strict=True))
    past = month_span(month_add(MONTH, -6), 6)
    kept = {m: actual[m] + (i - 2) * 1_000_000 for i, m in enumerate(past) if i != 1}  # one month never kept
    freeze_forecasts(ctx.uow(), [MonthFigure(m, None, v, v, 0, "seasonal_trend", 20, "backtest")
                                 for m, v in kept.items()], TODAY)
    table = fc.forecast_accuracy(ctx.database, FLT, TODAY)
    col = table.column
    assert [r[0] for r in table.rows] == past
    missing = table.rows[1]
    assert (missing[col("kind")], missing[col("forecast")], missing[col("error")]) == ("none", None, None)
    assert missing[col("actual")] == actual[past[1]]
    signed = [Fraction(kept[m] - actual[m], actual[m]) * 100 for m in kept]
    for r in table.rows:
        if r[0] in kept:
            assert r[col("kind")] == "backtest" and r[col("made_on")] == TODAY
            assert r[col("error")] == round(float(Fraction(kept[r[0]] - actual[r[0]], actual[r[0]]) * 100), 1)
    mape = float(sum(abs(e) for e in signed) / len(signed))
    assert table.total is not None
    assert table.total[col("abs_error")] == round(mape, 1)
    assert table.total[col("error")] == round(float(sum(signed) / len(signed)), 1)
    ahead = fc.forecast(ctx.database, FLT, TODAY)
    first = ahead.rows[0]
    assert (first[5], first[6]) == band(first[4], mape)
    assert ahead.note == ""
    other = fc.forecast_accuracy(ctx.database, ReportFilter(FLT.start, FLT.end, owner_id=shop["malee"]), TODAY)
    assert other.total is None and other.note == "forecast_accuracy_too_few"  # nothing kept for the rep


# --- Two copies, and the sample data -----------------------------------------------------------------


@pytest.fixture
def two_copies(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[tuple[AppContext, AppContext]]:
    office = new_copy(template, tmp_path, "office", clock, site="0ff1ce0000000001")
    rep = new_copy(template, tmp_path, "rep", clock, site="7f3a000000000002")
    try:
        yield office, rep
    finally:
        office.close()
        rep.close()


def test_two_copies_freezing_the_same_month_converge(two_copies: tuple[AppContext, AppContext],
                                                      tmp_path: Path) -> None:
    office, rep = two_copies
    sell(office, None, date(2026, 9, 9), 1_000_000)
    before = fc._history(office.database, MONTH).series(None)  # kept: an import must make it read September again
    sell(rep, None, date(2026, 9, 19), 2_500_000)
    for ctx, amount, day in ((office, 7_000_000, TODAY), (rep, 6_500_000, TODAY - timedelta(days=1))):
        made = freeze_forecasts(ctx.uow(), [MonthFigure(MONTH, None, amount, amount, 0, "trend", 9, "frozen")], day)
        assert made.created == (snapshot_id(MONTH, None, ctx.database.site_id),)
    for n, (src, dst) in enumerate(((office, rep), (rep, office), (office, rep))):
        export_bundle(src.database, tmp_path / f"f{n}.zip", everything=True)
        result = import_bundle(dst.database, dst.user_id, tmp_path / f"f{n}.zip")
        assert sum(c.conflicts for c in result.report.entities.values()) == 0
    kept = dump(office)["forecast_snapshot"]
    assert kept == dump(rep)["forecast_snapshot"] and len(kept) == 2
    # Both copies count the forecast made first (the rep's, a day earlier), whatever order the files came in.
    for ctx in (office, rep):
        assert fc._frozen(ctx.database.engine.connect(), None, [MONTH])[MONTH][0] == 6_500_000
    after = fc._history(office.database, MONTH).series(None)
    assert after[-2] == before[-2] + 2_500_000 and after == fresh_series(office)
    assert freeze_forecasts(office.uow(), fc.month_forecasts(office.database, TODAY), TODAY).created == ()


@pytest.mark.sqlite_only  # the sample data's bulk loader on a server is another step of issue 17
def test_sample_data_keep_back_tested_forecasts_of_the_last_six_months(ctx: AppContext) -> None:
    from crm_desktop.cli import fill_demo

    fill_demo(ctx, "small")
    table = fc.forecast_accuracy(ctx.database, FLT, TODAY)
    assert [r[0] for r in table.rows] == month_span("2026-05", 6)
    assert all(r[table.column("kind")] == "backtest" and r[table.column("forecast")] for r in table.rows)
    assert table.total is not None and table.total[table.column("abs_error")] is not None
    assert fc.forecast(ctx.database, FLT, TODAY).rows[0][5] is not None  # a range from the track record
