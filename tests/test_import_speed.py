"""The import's speed measures change nothing a user or another copy sees (bench/bench_import_contacts.py
measures them): the indexes an import into a small database drops while its rows go in come back, and
the fast paths of the rules give what the rules give."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.db import bulk
from crm_desktop.errors import ValidationError
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.import_plans.cells import NeutralRow
from crm_desktop.queries.imports import RowKeys, _decide, _Found, _plan, preview_rows
from crm_desktop.queries.search import search_all
from crm_desktop.services import validation
from crm_desktop.services.app import AppContext
from crm_desktop.services.imports import import_rows
from crm_desktop.text import ascii_digits
from tests.server_helpers import fetch
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

ROWS = bulk.DEFER_MIN + 500  # more than the batches, enough to defer the indexes of an empty table


def _indexes(ctx: AppContext) -> list[tuple[str, str]]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()


@pytest.mark.sqlite_only  # (a server keeps its indexes: other desks read them meanwhile)
def test_an_import_that_doubles_a_table_defers_its_indexes_and_builds_them_again(
        ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "many.csv"
    path.write_text("ชื่อ,นามสกุล,มือถือ,จังหวัด\n" + "".join(
        f"สมชาย{i},ใจดี,08{i:08d},เชียงใหม่\n" for i in range(ROWS)), encoding="utf-8")
    before = _indexes(ctx)
    deferred: list[str] = []
    defer = bulk.DeferredIndexes._defer
    monkeypatch.setattr(bulk.DeferredIndexes, "_defer",
                        lambda self, table: (deferred.append(table), defer(self, table)))
    rows = read_import_file(path, "contacts").rows
    result = import_rows(ctx.uow(), "contacts", rows, preview_rows(ctx.database, "contacts", rows), TODAY)
    assert result.created == ROWS
    assert {"contact", "change"} <= set(deferred)  # the batches are smaller than DEFER_MIN; the import is not
    assert _indexes(ctx) == before
    with sqlite3.connect(ctx.database.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert search_all(ctx.database, "สมชาย4321")  # the search index holds the rows inserted in bulk


def test_an_import_that_grows_a_table_many_fold_refreshes_what_the_planner_knows_of_it(
        ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner picks a table's indexes by its size: an import that at least doubles it analyzes it
    again, in the import's own transaction (a server's statistics of an empty table would have it
    read 100,000 contacts in full for each duplicate key)."""
    monkeypatch.setattr(bulk, "DEFER_MIN", 40)
    path = tmp_path / "some.csv"
    path.write_text("ชื่อ,มือถือ\n" + "".join(f"สมชาย{i},08{i:08d}\n" for i in range(60)), encoding="utf-8")
    rows = read_import_file(path, "contacts").rows
    assert import_rows(ctx.uow(), "contacts", rows, preview_rows(ctx.database, "contacts", rows), TODAY).created == 60
    if ctx.database.server is not None:
        assert fetch(ctx, "SELECT reltuples FROM pg_class WHERE relname = 'contact'") == [(60,)]
    else:
        stats = fetch(ctx, "SELECT stat FROM sqlite_stat1 WHERE tbl = 'contact'")
        assert stats and all(str(stat).split()[0] == "60" for (stat,) in stats)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙ +-()abcกข\u0e4d")))
def test_ascii_digits_fast_path_agrees_with_translating(text: str) -> None:
    """ASCII text is returned as it is (it has no Thai numeral to turn), anything else translated."""
    assert ascii_digits(text) == text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


@settings(deadline=None)
@given(st.sampled_from(["เชียงใหม่", "จ.เชียงใหม่", "Chiang Mai", "กทม", "bkk", " Bangkok ", "ไม่มี", "", "โคราช",
                        "Chiang Mai Province", "อยุธยา"]))
def test_remembered_provinces_read_as_the_rule_reads_them(text: str) -> None:
    """The province rule remembers its answers (an import asks for the same few names 100,000
    times); a refused name is refused again, every time."""
    def verdict(check: object) -> object:
        try:
            return check(text)  # type: ignore[operator]
        except ValidationError as error:
            return error.template, error.params
    assert verdict(validation.province) == verdict(validation.province) == verdict(validation.province.__wrapped__)


def _reasons_sorting_every_name(keys: RowKeys, found: _Found) -> dict[str, list[str]]:
    """The reasons as first written (every record of the row's name sorted for each row), kept here
    as the reference the faster ones must agree with."""
    reasons: dict[str, list[str]] = {}
    for key in [*keys.strong(), ("same_name", keys.name)]:
        for row_id in sorted(found.by_key.get(key, ())):
            reasons.setdefault(row_id, [])
            if key[0] not in reasons[row_id]:
                reasons[row_id].append(key[0])
    return reasons


_IDS = st.sampled_from([f"id{i}" for i in range(8)])
_NAMES = st.sampled_from(["", "somchai", "malee"])


@settings(max_examples=300, deadline=None)
@given(records=st.lists(st.tuples(_IDS, _NAMES, st.sampled_from(["", "+66811111111", "+66822222222"]),
                                  st.sampled_from(["", "a@x.th", "b@x.th"])), max_size=10),
       row=st.tuples(_NAMES, st.sampled_from(["", "+66811111111", "+66822222222"]),
                     st.sampled_from(["", "a@x.th", "b@x.th"])),
       earlier=st.dictionaries(st.sampled_from([("phone", "+66811111111"), ("email", "b@x.th")]),
                               st.integers(2, 9)))
def test_plans_agree_with_sorting_every_record_of_the_name(
        records: list[tuple[str, str, str, str]], row: tuple[str, str, str],
        earlier: dict[tuple[str, object], int]) -> None:
    """A row's plan (update / duplicate of which record, for which reasons / new) is the one the
    first implementation gave, which sorted every record sharing the row's name for every row."""
    found = _Found()
    for row_id, name, phone, email in records:
        if name:
            found.add("same_name", name, row_id, name)
        if phone:
            found.add("phone", phone, row_id, name)
        if email:
            found.add("email", email, row_id, name)
    name, phone, email = row
    keys = RowKeys((phone,) if phone else (), email, None, name)
    source = NeutralRow(10)
    reference = _decide(source, keys, found, earlier, _reasons_sorting_every_name(keys, found))
    assert _plan(source, keys, found, earlier) == reference


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["id", "first_name", "mobile", "birthday"]),
                                st.one_of(st.none(), st.integers(0, 3), st.text(max_size=2)), max_size=4),
                max_size=6))
def test_rows_turn_into_the_columns_a_row_at_a_time_gives(rows: list[dict[str, object]]) -> None:
    """The bulk insert's columns (all at once when every row has every key) are those built key by
    key with each missing value taking the column's blank."""
    blank = {"first_name": "", "birthday": None}
    keys = dict.fromkeys(k for row in rows for k in row)
    expected = {k: [row.get(k, blank.get(k)) for row in rows] for k in keys}
    columns = bulk.as_columns(rows, blank)
    assert columns == expected
    assert list(columns) == list(expected)
