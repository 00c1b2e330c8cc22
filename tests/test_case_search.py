"""Service cases in search: Ctrl+K and `crm-desktop search` find a case by its number or a Thai word of its
subject, the Cases tab's text filter and board go through the same index, an edit or a deletion is followed,
and a case that came in by sync is found under its number and under the one its copy gave it. The data
tests run on SQLite and on an office server."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crm_desktop.db.database import open_database
from crm_desktop.main import main
from crm_desktop.queries.cases import CaseFilter, board, case_keys
from crm_desktop.queries.search import search_all
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.cases.cases import CaseInput, case_input, create_case, delete_cases, update_case
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.ui.prefs import Prefs
from tests.server_helpers import fetch
from tests.time_helpers import make_clock
from tests.ui_helpers import opened_window

LEAK = "แอร์ไม่เย็น มีน้ำหยด"
NOISE = "เครื่องมีเสียงดังผิดปกติ"


def open_cases(ctx: AppContext) -> tuple[str, str]:
    account = create_account(ctx.uow(), AccountInput(name="บริษัท สยามแอร์ จำกัด"), ctx.today()).created[0]
    return tuple(create_case(ctx.uow(), CaseInput(subject=s, account_id=account)).case_id  # type: ignore[return-value]
                 for s in (LEAK, NOISE))


def found(ctx: AppContext, text: str) -> list[str]:
    return [h.id for h in search_all(ctx.database, text, kinds=("case",))]


def listed(ctx: AppContext, text: str) -> list[str]:
    return case_keys(ctx.database, CaseFilter(text=text))


@pytest.mark.server
def test_a_case_is_found_by_number_and_thai_word_and_follows_an_edit_and_a_deletion(ctx: AppContext) -> None:
    if ctx.database.engine.dialect.name == "sqlite":  # without its index search would scan, and still find
        assert ctx.database.has_search_index and fetch(ctx, "SELECT count(*) FROM case_fts_key") == [(0,)]
    else:
        (made,) = fetch(ctx, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_case_search'")
        assert "gin_trgm_ops" in made[0] and "subject" in made[0]
    leak, noise = open_cases(ctx)
    hits = search_all(ctx.database, "CS2569-0001")
    assert [(h.kind, h.id, h.title, h.subtitle) for h in hits] == [
        ("case", leak, f"CS2569-0001 {LEAK}", "บริษัท สยามแอร์ จำกัด")]
    assert found(ctx, "น้ำหยด") == [leak] and listed(ctx, "น้ำหยด") == [leak]
    assert found(ctx, "0002") == [noise] and listed(ctx, "cs2569-0002") == [noise]  # a number in any case
    assert found(ctx, "หย") == [leak] and listed(ctx, "หย") == [leak]  # two characters: no trigram
    assert found(ctx, "CS2569") == [leak, noise] and listed(ctx, "100%") == []  # LIKE's wildcards as typed
    columns = board(ctx.database, CaseFilter(text="น้ำหยด"))
    assert sum(count for count, _ in columns.values()) == 1 and columns["new"][1][0].id == leak

    edited = case_input(ctx.uow(), leak)
    edited.subject = "ขอย้ายจุดติดตั้ง"
    update_case(ctx.uow(), leak, edited)
    assert found(ctx, "น้ำหยด") == [] and listed(ctx, "น้ำหยด") == []
    assert found(ctx, "ย้ายจุด") == [leak] and listed(ctx, "ย้ายจุด") == [leak]
    delete_cases(ctx.uow(), [leak])
    assert found(ctx, "ย้ายจุด") == [] and listed(ctx, "ย้ายจุด") == [] and found(ctx, "CS2569") == [noise]


def test_a_case_that_came_by_sync_is_found_under_both_its_numbers(copies: list[AppContext], tmp_path: Path) -> None:
    office, rep, _ = copies
    leak, _ = open_cases(office)
    export_bundle(office.database, tmp_path / "1.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "1.zip")
    assert found(rep, "น้ำหยด") == [leak] and listed(rep, "มีเสียงดัง") == found(office, "มีเสียงดัง")
    edited = case_input(office.uow(), leak)
    edited.subject = "ขอย้ายจุดติดตั้ง"
    update_case(office.uow(), leak, edited)
    export_bundle(office.database, tmp_path / "edit.zip")
    import_bundle(rep.database, rep.user_id, tmp_path / "edit.zip")  # an edit that came in is indexed again
    assert found(rep, "น้ำหยด") == [] and found(rep, "ย้ายจุด") == [leak] == listed(rep, "ย้ายจุด")

    account = create_account(rep.uow(), AccountInput(name="ร้านสมใจการช่าง"), rep.today()).created[0]
    theirs = create_case(rep.uow(), CaseInput(subject="คอมเพรสเซอร์ตัดบ่อย", account_id=account)).case_id
    (given,) = [h.title.split()[0] for h in search_all(rep.database, "คอมเพรสเซอร์", kinds=("case",))]
    export_bundle(rep.database, tmp_path / "2.zip", everything=True)
    import_bundle(office.database, office.user_id, tmp_path / "2.zip")
    assert found(office, "คอมเพรสเซอร์") == [theirs]
    assert found(office, given) == [theirs] and listed(office, given) == [theirs]  # the copy's number
    assert [h.title for h in search_all(office.database, "CS2569-0003")] == ["CS2569-0003 คอมเพรสเซอร์ตัดบ่อย"]


def test_cli_search_prints_cases(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    open_cases(ctx)
    ctx.close()
    assert main(["--db", str(ctx.database.path), "--lang", "en", "search", "น้ำหยด"], make_clock()) == 0
    assert capsys.readouterr().out == f"case\tCS2569-0001 {LEAK}\tบริษัท สยามแอร์ จำกัด\t\n"


def test_a_file_without_the_cases_index_is_searched_for_the_other_kinds(ctx: AppContext) -> None:
    """As a benchmark reads a demo made before the cases' index (0029): the other kinds through theirs."""
    open_cases(ctx)
    ctx.close()
    with closing(sqlite3.connect(ctx.database.path)) as conn, conn:
        for statement in ("DROP TRIGGER case_fts_ai", "DROP TRIGGER case_fts_au", "DROP TRIGGER case_fts_ad",
                          "DROP TABLE case_fts", "DROP TABLE case_fts_key"):
            conn.execute(statement)
    db = open_database(ctx.database.path, clock=make_clock(), read_only=True)
    try:
        assert db.has_search_index and [h.kind for h in search_all(db, "สยามแอร์")] == ["account"]
        assert [h.kind for h in search_all(db, "สย")] == ["account"]  # short: through the vocabulary
    finally:
        db.close()


def test_ctrl_k_finds_a_case_and_opens_it_in_the_cases_tab(qtbot, type_text, ctx: AppContext, prefs: Prefs) -> None:
    leak, _ = open_cases(ctx)
    window = opened_window(qtbot, ctx, prefs)
    window.focus_search()
    with qtbot.waitSignal(window.search_popup.searched):
        type_text(window.search_edit, "น้ำหยด")
    choices = window.search_popup.choices()
    assert [(c.kind, c.title) for c in choices] == [("case", f"CS2569-0001 {LEAK}")]
    assert not window.search_popup.list.item(0).icon().isNull()
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.cases_tab
    assert window.cases_tab.table.current_id() == leak
