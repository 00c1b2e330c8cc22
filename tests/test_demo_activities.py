"""Sample activities: every kind, done in the past and planned ahead of the clock's today, series with
exceptions, reminders, custom anniversaries, staff with phones and colours; every value within the
field rules; the same for the same seed and day. One small demo database for the module."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text

from crm_desktop.clock import FixedClock, office_time
from crm_desktop.db import bulk
from crm_desktop.db.changelog import decode_value
from crm_desktop.demo.activities import RECENT_OVERDUE_DAYS
from crm_desktop.demo.generate import SIZES, _Generator
from crm_desktop.models import Account, Activity, synced_models
from crm_desktop.models.base import SyncMixin
from crm_desktop.models.rules import rule_of
from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.recurrence import expand
from crm_desktop.services.app import AppContext, open_app
from tests.server_helpers import engines, small_demo, stored_rows
from tests.time_helpers import TEST_NOW, TODAY

pytestmark = pytest.mark.server


@pytest.fixture(scope="module", params=engines())
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    with small_demo(request, tmp_path_factory.mktemp("demo")) as ctx:
        yield ctx


rows = stored_rows


def office_day(starts_at: str | None, due_on: str | None) -> date:
    if starts_at is not None:
        return office_time(datetime.fromisoformat(starts_at)).date()
    assert due_on is not None
    return date.fromisoformat(due_on)


def test_every_kind_is_there_done_in_the_past_and_planned_ahead_of_today(demo: AppContext) -> None:
    one_off = rows(demo, "SELECT kind, status, outcome, starts_at, due_on, remind_minutes FROM activity "
                         "WHERE rrule = '' AND series_id IS NULL")
    assert len(one_off) == SIZES["small"].activities
    assert {r[0] for r in one_off} == {"task", "meeting", "call", "email", "visit", "note"}
    statuses: dict[str, set[str]] = {"past": set(), "recent": set(), "ahead": set()}
    for kind, status, outcome, starts_at, due_on, _remind in one_off:
        day = office_day(starts_at, due_on)
        when = "ahead" if day > TODAY else "recent" if day >= TODAY - timedelta(days=RECENT_OVERDUE_DAYS) else "past"
        statuses[when].add(status)
        if status == "done" and kind != "note":
            assert outcome, (kind, day)
        if status == "planned":
            assert outcome == ""
        if kind == "note":
            assert status == "done" and day <= TODAY
    assert statuses["ahead"] == {"planned"}
    assert statuses["past"] == {"done", "cancelled"}
    assert "planned" in statuses["recent"]  # a few of the last days' tasks are still open: overdue
    days = {office_day(s, d) for _k, _st, _o, s, d, _r in one_off}
    assert min(days) < TODAY - timedelta(days=365) and max(days) > TODAY + timedelta(days=30)
    ahead_reminders = [r for *_, s, d, r in one_off if r is not None and office_day(s, d) > TODAY]
    assert ahead_reminders and all(0 < r <= 1440 for r in ahead_reminders)
    english = [r for r in rows(demo, "SELECT subject, outcome FROM activity WHERE status = 'done' AND kind != 'note'")
               if r[0].isascii()]
    assert english and all(outcome.isascii() for _subject, outcome in english)  # one language per activity
    outcomes = {r[2] for r in one_off}
    assert any(re.search("[ก-๙]", o) for o in outcomes) and any(re.fullmatch("[A-Za-z ,.'%0-9-]+", o) for o in outcomes)


def test_series_skip_their_exceptions_and_a_moved_occurrence_is_its_own_row(demo: AppContext) -> None:
    series = {r[0]: r for r in rows(demo, "SELECT id, subject, rrule, starts_at, due_on, assignee_id FROM activity "
                                          "WHERE rrule != ''")}
    staff = {r[0] for r in rows(demo, 'SELECT id FROM "user" WHERE role != ?', "owner")}
    weekly = [s for s in series.values() if s[2] == "FREQ=WEEKLY;BYDAY=MO"]
    assert {s[5] for s in weekly} == staff  # one weekly meeting per person
    assert any(s[2].startswith("FREQ=MONTHLY;BYDAY=") for s in series.values())
    skipped = rows(demo, "SELECT activity_id, occurrence FROM activity_exception")
    assert {sid for sid, _ in skipped} & {s[0] for s in weekly} and len(skipped) >= len(weekly)
    for series_id, moment in skipped:
        _id, _subject, rule, starts_at, _due, _a = series[series_id]
        first = office_time(datetime.fromisoformat(starts_at))
        at = office_time(datetime.fromisoformat(moment))
        assert expand(rule, first, at, at + timedelta(seconds=1)) == [at]  # the rule produces what is skipped
    moved = rows(demo, "SELECT series_id, occurrence, starts_at, status FROM activity WHERE series_id IS NOT NULL")
    assert moved and {(m[0], m[1]) for m in moved} <= set(skipped)
    # The calendar's query: New Year's week has no sales meeting, the week after has one per person.
    new_year = date(TODAY.year + 1, 1, 1)
    monday = new_year - timedelta(days=new_year.weekday())
    met = [o for o in occurrences(demo.database, monday, monday + timedelta(days=14)) if o.series_id in series
           and series[o.series_id][2] == "FREQ=WEEKLY;BYDAY=MO"]
    assert sorted(o.day for o in met) == [monday + timedelta(days=7)] * len(weekly)


def test_staff_have_phones_and_colours_and_customers_have_custom_anniversaries(demo: AppContext) -> None:
    people = rows(demo, 'SELECT role, phone, colour FROM "user" WHERE role != ?', "owner")
    assert {p[0] for p in people} == {"manager", "sales", "staff"}
    assert all(p[1] and p[2] for p in people) and len({p[2] for p in people}) == len(people)
    anniversaries = rows(demo, "SELECT kind, title, contact_id, account_id, remind_days_before FROM anniversary")
    assert len(anniversaries) == SIZES["small"].anniversaries and {a[0] for a in anniversaries} == {"custom"}
    assert any(a[2] for a in anniversaries) and any(a[3] for a in anniversaries)
    assert {"วันครบรอบแต่งงาน", "วันครบรอบสั่งซื้อครั้งแรก"} & {a[1] for a in anniversaries}


def _breaks(column: Any, value: Any) -> bool:
    """Whether a stored value breaks its column's field rule."""
    rule = rule_of(column)
    if value is None:
        return not column.nullable and column.default is None
    if isinstance(column.type, String | Text) and not isinstance(column.type, DateTime | Date):
        return ((rule.max_len is not None and len(value) > rule.max_len) or (rule.required and not value.strip())
                or (rule.choices is not None and value not in rule.choices)
                or (rule.pattern is not None and value != "" and not re.fullmatch(rule.pattern, value)))
    if isinstance(column.type, Integer) and not isinstance(column.type, Boolean):
        return not rule.allows_number(value)
    return False


def test_every_value_passes_the_field_rules(demo: AppContext) -> None:
    broken = []
    for model in synced_models().values():
        table = model.__table__
        names = ", ".join(f'"{c.key}"' for c in table.columns)
        for row in rows(demo, f'SELECT {names} FROM "{table.name}"'):
            for column, value in zip(table.columns, row, strict=True):
                if _breaks(column, value):
                    broken.append((table.name, column.key, value))
    assert broken == []
    # And the change log holds what the rows hold (the column batches log each value once per distinct value).
    table = Activity.__table__
    with demo.uow() as uow:
        for row_id, fields in rows(demo, "SELECT row_id, fields FROM change WHERE entity = 'activity' LIMIT 500"):
            activity = uow.session.get(Activity, row_id)
            for key, value in json.loads(fields).items():
                assert decode_value(table, key, json.dumps(value)) == getattr(activity, key)


def _content(seed_today: date) -> list[tuple[Any, ...]]:
    """The activities a generator makes, without the random row ids (links to generated rows included)."""
    out = []
    for batch in _Generator(seed=2026, size=SIZES["small"], today=seed_today).batches():
        if isinstance(batch, bulk.Columns) and batch.model is Activity:
            cols = batch.columns
            out += zip(cols["kind"], cols["subject"], cols["starts_at"], cols["due_on"], cols["status"],
                       cols["outcome"], cols["owner_id"], cols["remind_minutes"], strict=True)
    return out


def test_activities_are_the_same_for_a_seed_and_a_day_and_move_with_the_day() -> None:
    first = _content(TODAY)
    assert first == _content(TODAY)
    later = _content(TODAY + timedelta(days=7))
    week = timedelta(days=7)
    assert [(k, s, st and st - week, d and d - week) for k, s, st, d, *_ in later] == [r[:4] for r in first]


ROWS: dict[type[SyncMixin], list[dict[str, Any]]] = {
    Activity: [{"subject": "โทรติดตาม", "kind": "call", "starts_at": datetime(2026, 11, 23, 3, 0), "all_day": False,
                "remind_minutes": 15, "owner_id": None},
               {"subject": "Send the quotation", "kind": "email", "due_on": date(2026, 11, 24), "all_day": True,
                "remind_minutes": None, "owner_id": None},
               {"subject": "ส่งของ", "kind": "task", "starts_at": None, "all_day": False, "remind_minutes": 0,
                "owner_id": None}],
    Account: [{"name": "บริษัท สยามเย็น จำกัด", "tax_id": "", "phone": "+6621234567"},
              {"name": "ร้านใจดี", "founded_on": date(2001, 5, 6)},
              {"name": "Siam Cool Co., Ltd.", "segment": None}],
}


@pytest.mark.parametrize("model", list(ROWS), ids=lambda m: m.__tablename__)
def test_a_bulk_load_stores_and_logs_what_the_orm_does(
    tmp_path: Path, model: type[SyncMixin], new_database: Callable[[Path], Path]
) -> None:
    """Rows and column batches go in by executemany; the rows, their derived match keys and their change
    log must be what adding the same records one by one through a unit of work gives."""
    made = ROWS[model]
    keys = sorted({k for r in made for k in r})
    table = model.__table__
    names = ", ".join(f'"{c.key}"' for c in table.columns)
    skip = {i for i, c in enumerate(table.columns) if c.key in ("id", "hlc", "site_id")}
    order = "name" if model is Account else "subject"
    stored = []
    for name in ("orm", "rows", "columns"):
        # A clock standing still: the rows' clocks go by count.
        ctx = open_app(new_database(tmp_path / f"{name}.sqlite3"), clock=FixedClock(TEST_NOW))
        try:
            if name == "orm":
                with ctx.uow() as uow:
                    for r in made:
                        uow.session.add(model(**r))
                    uow.commit()
            else:
                batch = (model, made) if name == "rows" else bulk.Columns(model, {k: [r.get(k, getattr(
                    table.c[k].default, "arg", None)) for r in made] for k in keys})
                assert bulk.load(ctx.database, ctx.user_id, [batch], 3) == 3
            data = rows(ctx, f"SELECT {names} FROM {table.name} ORDER BY {order}")
            log = rows(ctx, f"SELECT t.{order}, c.fields, c.entity, c.user_id, c.changed_at FROM change c "
                            f"JOIN {table.name} t ON t.id = c.row_id AND t.hlc = c.hlc ORDER BY t.{order}")
            with ctx.uow() as uow:  # what comes after a batch sorts after all of it
                uow.session.add(model(**{order: "หลังโหลด"}))
                uow.commit()
            assert len({r[0] for r in rows(ctx, f"SELECT hlc FROM {table.name}")}) == 4
            assert rows(ctx, f"SELECT {order} FROM {table.name} ORDER BY hlc DESC")[0] == ("หลังโหลด",)
        finally:
            ctx.close()
        stored.append(([tuple(v for i, v in enumerate(r) if i not in skip) for r in data],
                       [(s, json.loads(f), e, u, t) for s, f, e, u, t in log]))
    assert stored[0] == stored[1] == stored[2] and len(stored[0][1]) == 3
