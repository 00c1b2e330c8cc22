"""The import's speed measures change nothing a user or another copy sees (bench/bench_import_contacts.py
measures them): the indexes an import into a small database drops while its rows go in come back, and
the fast paths of the rules give what the rules give."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.db import bulk
from crm_desktop.errors import ValidationError
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.queries.imports import preview_rows
from crm_desktop.queries.search import search_all
from crm_desktop.services import validation
from crm_desktop.services.app import AppContext
from crm_desktop.services.imports import import_rows
from crm_desktop.text import ascii_digits
from tests.time_helpers import TODAY

ROWS = bulk.DEFER_MIN + 500  # more than the batches, enough to defer the indexes of an empty table


def _indexes(ctx: AppContext) -> list[tuple[str, str]]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()


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


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙ +-()abcกข\u0e4d")))
def test_ascii_digits_fast_path_agrees_with_translating(text: str) -> None:
    """ASCII text is returned as it is (it has no Thai numeral to turn), anything else translated."""
    assert ascii_digits(text) == text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


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
