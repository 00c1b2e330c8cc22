"""Totals kept on records by triggers (db/kept.py): each person's and company's last contact, each sale's
lines' net. Every writer keeps them (the services, undo, set-wise writers with a child before its parent,
a bulk load that drops the indexes, a sync, an erasure, a restore), and they always equal the values
computed from the activities and lines themselves (SQL written from the raw tables, or Python)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db import bulk
from crm_desktop.db.writer import Writer
from crm_desktop.models import Activity, Base, Contact, SalesOrder, SalesOrderLine, new_id
from crm_desktop.queries.segments import Who, segment_ids
from crm_desktop.segment_filter import Bought, SegmentFilter
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.activities.edit import (
    ActivityInput,
    activity_input,
    complete_activity,
    create_activity,
    delete_activity,
    restore_activities,
    update_activity,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.backups import back_up_now, restore_backup
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.erase import erase_person
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput
from crm_desktop.services.sales.orders import (
    confirm_order,
    create_order,
    delete_orders,
    order_input,
    restore_orders,
    update_order,
)
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.server_helpers import fetch
from tests.sync_helpers import new_copy
from tests.time_helpers import TEST_NOW, TODAY

pytestmark = pytest.mark.server

# A line's net written out from the raw columns (test_segments.NET, the discount cut to the gross).
GROSS = "((2 * l.quantity_milli * l.unit_price_satang + 1000) / 2000)"
DISCOUNT = (f"(CASE WHEN l.discount_bp > 0 THEN ({GROSS} / 10000) * l.discount_bp + (2 * ({GROSS} % 10000) * "
            f"l.discount_bp + 10000) / 20000 ELSE l.discount_satang END)")
NET = f"({GROSS} - CASE WHEN {DISCOUNT} > {GROSS} THEN {GROSS} ELSE {DISCOUNT} END)"


def _day(value: object) -> date | None:
    return None if value is None else value if isinstance(value, date) else date.fromisoformat(str(value))


def last_contact(ctx: AppContext, table: str, row_id: str) -> date | None:
    return _day(fetch(ctx, f"SELECT last_contact_on FROM {table} WHERE id = ?", (row_id,))[0][0])


def from_scratch(ctx: AppContext, table: str, row_id: str) -> date | None:
    """The last contact worked out in Python from the activities: the Bangkok day of each live, done,
    non-series activity's start, else its due day."""
    rows = fetch(ctx, f"SELECT starts_at, due_on FROM activity WHERE {table}_id = ? AND deleted_at IS NULL AND "
                      "status = 'done' AND rrule = ''", (row_id,))
    days = []
    for starts_at, due_on in rows:
        if starts_at is not None:
            moment = starts_at if isinstance(starts_at, datetime) else datetime.fromisoformat(str(starts_at))
            days.append(office_time(moment).date())
        elif due_on is not None:
            days.append(_day(due_on))
    return max(days, default=None)


def order_total(ctx: AppContext, order_id: str) -> tuple[int, int]:
    """(kept, summed from the order's live lines by hand)."""
    kept = fetch(ctx, "SELECT lines_net_satang FROM sales_order WHERE id = ?", (order_id,))[0][0]
    summed = fetch(ctx, f"SELECT coalesce(sum({NET}), 0) FROM sales_order_line l WHERE l.order_id = ? "
                        "AND l.deleted_at IS NULL", (order_id,))[0][0]
    return int(kept), int(summed)  # type: ignore[call-overload]


def test_the_last_contact_is_the_bangkok_day_of_the_latest_done_activity_through_every_edit(ctx: AppContext) -> None:
    """A meeting at 06:30 in Bangkok (23:30 UTC the day before) counts on its Bangkok day; a planned task
    does not count until done; deleting the latest contact goes back to the one before, its undo brings
    it back; moving it to another person moves it; a segment "contacted in the last N days" follows."""
    person = create_contact(ctx.uow(), ContactInput(first_name="อนงค์", mobile="0811111111"), TODAY).created[0]
    other = create_contact(ctx.uow(), ContactInput(first_name="บุญ", mobile="0822222222"), TODAY).created[0]
    firm = create_account(ctx.uow(), AccountInput(name="บริษัท เก่าแก่ จำกัด"), TODAY).created[0]
    early = datetime.combine(TODAY - timedelta(days=30), time(6, 30))  # office time, as the form takes it
    met = create_activity(ctx.uow(), ActivityInput(kind="meeting", subject="ประชุม", starts_at=early,
                                                   ends_at=early + timedelta(hours=1), contact_id=person,
                                                   account_id=firm)).created[0]
    assert last_contact(ctx, "contact", person) is None  # planned: no contact yet
    complete_activity(ctx.uow(), met, "ตกลง")
    assert last_contact(ctx, "contact", person) == last_contact(ctx, "account", firm) == TODAY - timedelta(days=30)
    task = create_activity(ctx.uow(), ActivityInput(subject="โทรติดตาม", due_on=TODAY - timedelta(days=3),
                                                    contact_id=person)).created[0]
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=30)
    complete_activity(ctx.uow(), task, "คุยแล้ว")
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=3)
    assert last_contact(ctx, "account", firm) == TODAY - timedelta(days=30)  # the task is not the company's
    lately = Who("contacts", SegmentFilter(contacted_within_days=3))
    assert person in segment_ids(ctx.database, lately, TODAY)
    delete_activity(ctx.uow(), task)
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=30)
    assert person not in segment_ids(ctx.database, lately, TODAY)
    restore_activities(ctx.uow(), (task,))  # the delete undone
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=3)
    with ctx.uow() as uow:
        moved = activity_input(uow, task)
    moved.contact_id = other
    update_activity(ctx.uow(), task, moved)
    assert (last_contact(ctx, "contact", person), last_contact(ctx, "contact", other)) == \
        (TODAY - timedelta(days=30), TODAY - timedelta(days=3))
    for table, row_id in (("contact", person), ("contact", other), ("account", firm)):
        assert last_contact(ctx, table, row_id) == from_scratch(ctx, table, row_id)


def test_a_sales_total_is_its_live_lines_net_through_every_edit(ctx: AppContext) -> None:
    """Lines with a percentage and a baht discount, one discounted beyond its price (cut to it); an edit
    of the lines, a delete and its undo: the kept total is the lines' net summed by hand, and "bought for
    at least" finds the customer at exactly that amount."""
    person = create_contact(ctx.uow(), ContactInput(first_name="ชัย", mobile="0833333333"), TODAY).created[0]
    lines = [OrderLineInput("กาแฟ", quantity_milli=2_500, unit_price_satang=12_345, discount_bp=750),
             OrderLineInput("ถ้วย", quantity_milli=3_000, unit_price_satang=9_999, discount_satang=1_001),
             OrderLineInput("ของแถม", quantity_milli=1_000, unit_price_satang=100, price_zero_confirmed=True)]
    order = create_order(ctx.uow(), OrderInput(contact_id=person, issued_on=TODAY, lines=lines), TODAY).created[0]
    full, summed = order_total(ctx, order)
    assert full == summed > 0
    with ctx.uow() as uow:
        data = order_input(uow, order)
    data.lines = [data.lines[0], data.lines[2]]
    update_order(ctx.uow(), order, data, TODAY)
    kept, summed = order_total(ctx, order)
    assert kept == summed < full
    confirm_order(ctx.uow(), order, TODAY, ctx.now())
    for amount, found in ((kept, True), (kept + 1, False)):
        who = Who("contacts", SegmentFilter(bought=Bought(months=1, min_satang=amount)))
        assert (person in segment_ids(ctx.database, who, TODAY)) is found
    delete_orders(ctx.uow(), [order])
    restore_orders(ctx.uow(), [order])
    assert order_total(ctx, order) == (kept, kept)


def _row(table: str, **values: Any) -> dict[str, Any]:
    stamp = TEST_NOW
    return {"id": new_id(), "created_at": stamp, "updated_at": stamp, "hlc": 1, "site_id": "0ff1ce0000000001",
            **values}


def test_a_record_written_after_its_children_computes_its_own(ctx: AppContext) -> None:
    """A set-wise writer (the sync import's) may bring the activities and lines before the person and the
    order they name: the person's and the order's insert computes the value from them."""
    person, order = new_id(), new_id()
    moment = utc_time(datetime.combine(TODAY - timedelta(days=9), time(0, 5)))  # 00:05 in Bangkok
    with ctx.database.engine.begin() as conn:
        writer = Writer(conn, ctx.database)
        writer.defer_links()
        writer.insert(Activity.__table__, [_row("activity", kind="call", subject="โทร", status="done",
                                                starts_at=moment, contact_id=person)])
        writer.insert(SalesOrderLine.__table__, [_row("sales_order_line", order_id=order, description="ข้าวสาร",
                                                      quantity_milli=2_000, unit_price_satang=50_000, position=1)])
        writer.insert(Contact.__table__, [_row("contact", id=person, first_name="ดาว")])
        writer.insert(SalesOrder.__table__, [_row("sales_order", id=order, number="SO-9", issued_on=TODAY,
                                                  contact_id=person)])
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=9)
    assert order_total(ctx, order) == (100_000, 100_000)


def test_a_sync_an_erasure_and_a_restore_keep_the_values(ctx: AppContext, tmp_path: Path) -> None:
    """Another copy computes the same values from what it receives; an erasure keeps the dates and
    amounts (the value is not personal data); a restore brings back the values of the backup's rows."""
    if ctx.database.server is not None:
        pytest.skip("a file's sync and restore")
    person = create_contact(ctx.uow(), ContactInput(first_name="เอก", mobile="0844444444"), TODAY).created[0]
    task = create_activity(ctx.uow(), ActivityInput(subject="โทรหาเอก", due_on=TODAY - timedelta(days=5),
                                                    contact_id=person)).created[0]
    complete_activity(ctx.uow(), task, "คุยแล้ว")
    saved = back_up_now(ctx.database.path, now=TEST_NOW)
    rep = new_copy(ctx.database.path, tmp_path, "rep", ctx.clock)
    try:
        bundle = tmp_path / "all.zip"
        export_bundle(ctx.database, bundle, everything=True, force=True)
        import_bundle(rep.database, rep.user_id, bundle)
        assert last_contact(rep, "contact", person) == TODAY - timedelta(days=5)
    finally:
        rep.close()
    delete_activity(ctx.uow(), task)
    assert last_contact(ctx, "contact", person) is None
    restore_backup(ctx, saved)
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=5)
    erase_person(ctx.uow(), "contact", person)
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=5) == from_scratch(ctx, "contact", person)


def test_a_bulk_load_that_drops_the_indexes_refills_the_values_and_keeps_the_triggers(
        ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Activities loaded so many that the table's indexes wait for the end: the triggers wait too, the
    values are refilled set-wise, and the triggers are back afterwards."""
    if ctx.database.server is not None:
        pytest.skip("a file's deferred indexes")
    monkeypatch.setattr(bulk, "DEFER_MIN", 3)
    people = [create_contact(ctx.uow(), ContactInput(first_name=f"คน{i}", mobile=f"08555555{i:02d}"),
                             TODAY).created[0] for i in range(4)]
    rows = [{"kind": "task", "subject": f"งาน {i}", "status": "done" if i % 3 else "planned",
             "due_on": TODAY - timedelta(days=i), "contact_id": people[i % 4]} for i in range(12)]
    bulk.load(ctx.database, ctx.user_id, [(Activity, rows)], len(rows))
    for person in people:
        assert last_contact(ctx, "contact", person) == from_scratch(ctx, "contact", person)
    assert {last_contact(ctx, "contact", p) for p in people} != {None}
    names = {r[0] for r in fetch(ctx, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kept%'")}
    assert len(names) == 9
    # Fewer than there are: the insert triggers wait, and the people the new rows name are recomputed.
    later = [{"kind": "call", "subject": "โทร", "status": "done", "contact_id": people[1],
              "starts_at": utc_time(datetime.combine(TODAY + timedelta(days=1), time(0, 30)))},
             {"kind": "task", "subject": "เก่า", "status": "done", "due_on": TODAY - timedelta(days=99),
              "contact_id": people[2]},
             *({"kind": "note", "subject": "บันทึก", "status": "planned", "contact_id": people[3]} for _ in range(3))]
    before = last_contact(ctx, "contact", people[2])
    bulk.load(ctx.database, ctx.user_id, [(Activity, later)], len(later))
    assert last_contact(ctx, "contact", people[1]) == TODAY + timedelta(days=1)  # 00:30 in Bangkok
    assert last_contact(ctx, "contact", people[2]) == before
    for person in people:
        assert last_contact(ctx, "contact", person) == from_scratch(ctx, "contact", person)
    assert {r[0] for r in fetch(ctx, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kept%'")} \
        == names
    task = create_activity(ctx.uow(), ActivityInput(subject="ล่าสุด", due_on=TODAY, contact_id=people[0])).created[0]
    complete_activity(ctx.uow(), task, "")
    assert last_contact(ctx, "contact", people[0]) == TODAY


# --- any sequence of raw writes -----------------------------------------------------------------

PEOPLE, FIRMS, ORDERS = ("p1", "p2", "p3"), ("f1", "f2"), ("o1", "o2")
_moments = st.datetimes(datetime(2026, 11, 20), datetime(2026, 11, 24))
_activity = st.fixed_dictionaries({
    "status": st.sampled_from(["done", "done", "planned", "cancelled"]),
    "rrule": st.sampled_from(["", "", "FREQ=DAILY"]),
    "starts_at": st.none() | _moments, "due_on": st.none() | st.dates(date(2026, 11, 19), date(2026, 11, 24)),
    "contact_id": st.none() | st.sampled_from(PEOPLE), "account_id": st.none() | st.sampled_from(FIRMS),
    "deleted_at": st.none() | st.just(datetime(2026, 11, 23))})
_line = st.fixed_dictionaries({
    "order_id": st.sampled_from(ORDERS), "quantity_milli": st.integers(0, 9_000),
    "unit_price_satang": st.integers(0, 99_999), "discount_bp": st.sampled_from([0, 0, 333, 10_000]),
    "discount_satang": st.integers(0, 200_000), "deleted_at": st.none() | st.just(datetime(2026, 11, 23))})
_step = st.tuples(st.sampled_from(["insert", "update", "delete"]), st.sampled_from(["activity", "line"]),
                  st.integers(0, 7), _activity, _line)


def _insert(conn: sqlite3.Connection, table: str, **values: Any) -> None:
    """A raw row of `table`: the given values, every other column its model's default."""
    row = {c.name: c.default.arg for c in Base.metadata.tables[table].columns
           if c.default is not None and not callable(c.default.arg)}
    row.update(created_at="2026-01-01", updated_at="2026-01-01", hlc=0, site_id="", **values)
    conn.execute(f'INSERT INTO "{table}" ({", ".join(row)}) VALUES ({", ".join("?" * len(row))})', list(row.values()))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory, fresh_database: Path) -> sqlite3.Connection:
    """A migrated file with the people, companies and orders the random writes name."""
    path = tmp_path_factory.mktemp("kept") / "kept.sqlite3"
    path.write_bytes(fresh_database.read_bytes())
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for i in PEOPLE:
        _insert(conn, "contact", id=i, first_name=i)
    for i in FIRMS:
        _insert(conn, "account", id=i, name=i)
    for i in ORDERS:
        _insert(conn, "sales_order", id=i, number=i, issued_on="2026-11-01")
    conn.execute("COMMIT")
    return conn


def _stored(value: object) -> object:
    return value.isoformat(sep=" ", timespec="microseconds") if isinstance(value, datetime) else \
        value.isoformat() if isinstance(value, date) else value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_step, min_size=1, max_size=12))
def test_any_sequence_of_writes_leaves_the_values_a_recompute_finds(scratch: sqlite3.Connection,
                                                                    steps: list[Any]) -> None:
    conn = scratch
    conn.execute("BEGIN")
    try:
        made: dict[str, list[str]] = {"activity": [], "line": []}
        for op, kind, pick, activity, line in steps:
            table = "activity" if kind == "activity" else "sales_order_line"
            values = {k: _stored(v) for k, v in (activity if kind == "activity" else line).items()}
            if op == "insert" or not made[kind]:
                row_id = new_id()
                extra = {"kind": "call", "subject": "s"} if kind == "activity" else {"description": "d", "position": 1}
                _insert(conn, table, id=row_id, **values, **extra)
                made[kind].append(row_id)
            elif op == "update":
                row_id = made[kind][pick % len(made[kind])]
                conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                             [*values.values(), row_id])
            else:
                row_id = made[kind].pop(pick % len(made[kind]))
                conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        for table, ids in (("contact", PEOPLE), ("account", FIRMS)):
            for i in ids:
                days = [office_time(datetime.fromisoformat(s)).date() if s else date.fromisoformat(d)
                        for s, d in conn.execute(f"SELECT starts_at, due_on FROM activity WHERE {table}_id = ? AND "
                                                 "deleted_at IS NULL AND status = 'done' AND rrule = '' AND "
                                                 "(starts_at IS NOT NULL OR due_on IS NOT NULL)", (i,))]
                kept = conn.execute(f"SELECT last_contact_on FROM {table} WHERE id = ?", (i,)).fetchone()[0]
                assert _day(kept) == max(days, default=None), (table, i)
        for i in ORDERS:
            kept, summed = conn.execute(
                f"SELECT (SELECT lines_net_satang FROM sales_order WHERE id = ?), (SELECT coalesce(sum({NET}), 0) "
                "FROM sales_order_line l WHERE l.order_id = ? AND l.deleted_at IS NULL)", (i, i)).fetchone()
            assert kept == summed, i
    finally:
        conn.execute("ROLLBACK")


def test_on_a_server_a_recompute_waits_for_a_desk_writing_the_same_persons_activities(ctx: AppContext) -> None:
    """One desk adds an older contact with a person (not the latest: nothing to raise) and has not
    committed; another deletes the person's latest contact meanwhile. The delete's recompute waits for
    the first desk (the person's row is locked), then counts the older contact: the value is its day,
    not "never"."""
    if ctx.database.server is None:
        pytest.skip("a server's concurrent desks")
    import threading

    person = create_contact(ctx.uow(), ContactInput(first_name="ฟ้า", mobile="0866666666"), TODAY).created[0]
    latest = create_activity(ctx.uow(), ActivityInput(subject="ล่าสุด", due_on=TODAY - timedelta(days=2),
                                                      contact_id=person)).created[0]
    complete_activity(ctx.uow(), latest, "")
    engine = ctx.database.engine
    first = engine.connect()
    first.begin()
    first.execute(Activity.__table__.insert().values(_row("activity", kind="task", subject="เก่า", status="done",
                                                          due_on=TODAY - timedelta(days=20), contact_id=person)))
    done = threading.Event()

    def delete_latest() -> None:
        with engine.begin() as conn:
            conn.execute(Activity.__table__.update().where(Activity.id == latest).values(deleted_at=TEST_NOW))
        done.set()

    other = threading.Thread(target=delete_latest)
    other.start()
    try:
        assert not done.wait(0.5), "the second desk's recompute must wait for the first desk's transaction"
        first.commit()
    finally:
        first.close()
        other.join(10)
    assert done.is_set()
    assert last_contact(ctx, "contact", person) == TODAY - timedelta(days=20) == from_scratch(ctx, "contact", person)
