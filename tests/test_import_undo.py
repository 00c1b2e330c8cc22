"""Undo of an import as one step: created records gone, updated fields back, the undo in the change log."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.db.server import Server
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.queries.imports import preview_rows
from crm_desktop.queries.search import search_all
from crm_desktop.services import imports
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.contacts import ContactInput, contact_input, create_contact, update_contact
from crm_desktop.services.import_undo import undo_import
from crm_desktop.services.imports import ImportResult, import_rows
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.server_helpers import fetch, raw_sql
from tests.sync_helpers import dump
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

# Somchai exists (same mobile, same name): his row updates him; the other two are new.
CSV = ("First Name,Last Name,Mobile,Email,Position\n"
       "Somchai,Jaidee,081 234 5678,somchai@example.com,Boss\n"
       "Malee,Rakngan,0891112222,,Buyer\n"
       "Anan,Kla,0861234567,anan@example.com,\n")
_VOLATILE = {"updated_at", "hlc", "site_id"}  # the undo is a new change: its clock and time move on


def _import(ctx: AppContext, tmp_path: Path) -> ImportResult:
    path = tmp_path / "customers.csv"
    path.write_text(CSV, encoding="utf-8")
    rows = read_import_file(path, "contacts").rows
    return import_rows(ctx.uow(), "contacts", rows, preview_rows(ctx.database, "contacts", rows), TODAY,
                       decision="update")


def _somchai(ctx: AppContext) -> str:
    data = ContactInput(first_name="Somchai", last_name="Jaidee", mobile="0812345678", position="Owner")
    return create_contact(ctx.uow(), data, TODAY).created[0]


def _live(ctx: AppContext) -> list[dict[str, object]]:
    """The live contacts, every column but the ones any change moves."""
    with raw_sql(ctx) as conn:
        rows = conn.execute("SELECT * FROM contact WHERE deleted_at IS NULL ORDER BY id").mappings().all()
    return [{k: v for k, v in row.items() if k not in _VOLATILE} for row in rows]


def _log_after(ctx: AppContext, seq: int) -> list[tuple[str, dict[str, object]]]:
    rows = fetch(ctx, "SELECT row_id, fields FROM change WHERE seq > ? ORDER BY seq", (seq,))
    return [(str(row_id), json.loads(str(fields))) for row_id, fields in rows]


def test_undo_restores_exactly_created_gone_updated_fields_back(ctx: AppContext, tmp_path: Path) -> None:
    _somchai(ctx)
    before = _live(ctx)
    result = _import(ctx, tmp_path)
    assert (result.created, result.updated) == (2, 1)
    assert result.log_to > result.log_from

    changes = undo_import(ctx.uow(), result.log_from, result.log_to)

    assert _live(ctx) == before  # Somchai's position and e-mail are back, Malee and Anan are gone
    (done,) = changes.parts
    assert set(done.deleted) == set(result.changes.created)
    assert done.updated == result.changes.updated


def test_the_undo_is_in_the_change_log_so_it_syncs(ctx: AppContext, tmp_path: Path) -> None:
    somchai = _somchai(ctx)
    result = _import(ctx, tmp_path)
    undo_import(ctx.uow(), result.log_from, result.log_to)
    logged = dict(_log_after(ctx, result.log_to))
    assert logged[somchai] == {"email": "", "position": "Owner"}
    for created in result.changes.created:
        assert logged[created]["deleted_at"]  # a tombstone, as a delete writes


def test_a_later_edit_by_the_user_is_kept(ctx: AppContext, tmp_path: Path) -> None:
    """A field changed after the import keeps that change; the import's other fields go back."""
    somchai = _somchai(ctx)
    result = _import(ctx, tmp_path)
    edited = replace(contact_input(ctx.uow(), somchai), position="Director")
    update_contact(ctx.uow(), somchai, edited, TODAY)

    undo_import(ctx.uow(), result.log_from, result.log_to)

    after = contact_input(ctx.uow(), somchai)
    assert (after.position, after.email) == ("Director", "")


def test_what_other_desks_saved_while_the_import_ran_is_no_part_of_it(ctx: AppContext, tmp_path: Path,
                                                                       clock: FixedClock) -> None:
    """On an office server other desks commit while an import runs, and their changes are numbered
    among the import's: the undo leaves them (a file has one writer at a time)."""
    if ctx.database.server is None:
        pytest.skip("a file has one writer at a time")
    somchai = _somchai(ctx)
    result = _import(ctx, tmp_path)
    other = open_app(Server(ctx.database.server.url, tmp_path / "other desk"), clock=clock)
    try:
        dao = create_contact(other.uow(), ContactInput(first_name="Dao", mobile="0851112222"), TODAY).created[0]
        edited = replace(contact_input(other.uow(), somchai), line_id="somchai.line")
        update_contact(other.uow(), somchai, edited, TODAY)
    finally:
        other.close()
    ((last,),) = fetch(ctx, "SELECT max(seq) FROM change")  # as if the other desk's were inside the range

    undo_import(ctx.uow(), result.log_from, int(last))  # type: ignore[call-overload]

    assert {c["first_name"] for c in _live(ctx)} == {"Somchai", "Dao"} and dao
    after = contact_input(ctx.uow(), somchai)
    assert (after.position, after.line_id) == ("Owner", "somchai.line")


def test_a_field_never_logged_before_gets_the_column_default(ctx: AppContext, tmp_path: Path) -> None:
    """Somchai had no e-mail logged before the import (an empty field is not logged on create)."""
    somchai = _somchai(ctx)
    result = _import(ctx, tmp_path)
    assert contact_input(ctx.uow(), somchai).email == "somchai@example.com"
    undo_import(ctx.uow(), result.log_from, result.log_to)
    assert contact_input(ctx.uow(), somchai).email == ""


def test_undoing_twice_changes_nothing_the_second_time(ctx: AppContext, tmp_path: Path) -> None:
    _somchai(ctx)
    result = _import(ctx, tmp_path)
    undo_import(ctx.uow(), result.log_from, result.log_to)
    once = dump(ctx)
    assert undo_import(ctx.uow(), result.log_from, result.log_to) == ChangeSet()
    assert dump(ctx) == once


def test_a_cancelled_import_writes_nothing_and_logs_nothing(ctx: AppContext, tmp_path: Path, monkeypatch) -> None:
    _somchai(ctx)
    monkeypatch.setattr(imports, "PROGRESS_EVERY", 1)
    monkeypatch.setattr(imports, "FLUSH_EVERY", 1)  # Somchai's update is written before the cancel
    before = dump(ctx)
    path = tmp_path / "customers.csv"
    path.write_text(CSV, encoding="utf-8")
    rows = read_import_file(path, "contacts").rows
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 2

    with pytest.raises(imports.ImportCancelled):
        import_rows(ctx.uow(), "contacts", rows, preview_rows(ctx.database, "contacts", rows), TODAY,
                    decision="update", progress=progress)
    assert seen == [0, 1, 2]
    assert dump(ctx) == before


def _sync(src: AppContext, dst: AppContext, path: Path) -> None:
    export_bundle(src.database, path)
    import_bundle(dst.database, dst.user_id, path)


def test_the_undo_travels_by_sync_and_leaves_the_search_index_right(copies: list[AppContext], tmp_path: Path) -> None:
    office, rep, _branch = copies
    _somchai(office)
    _sync(office, rep, tmp_path / "1.zip")
    result = _import(office, tmp_path)
    _sync(office, rep, tmp_path / "2.zip")
    assert search_all(rep.database, "Malee", 5) and search_all(office.database, "Malee", 5)

    undo_import(office.uow(), result.log_from, result.log_to)
    _sync(office, rep, tmp_path / "3.zip")

    assert _live(rep) == _live(office) and len(_live(office)) == 1
    assert contact_input(rep.uow(), result.changes.updated[0]).position == "Owner"
    assert search_all(office.database, "Malee", 5) == [] and search_all(rep.database, "Malee", 5) == []
    for ctx in (office, rep):  # the index itself, not only the search that skips deleted rows
        with sqlite3.connect(ctx.database.path) as conn:
            assert conn.execute("SELECT rowid FROM contact_fts WHERE body LIKE '%Malee%'").fetchall() == []
