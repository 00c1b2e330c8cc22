"""Several desktops at once on one database: a save never overwrites a change it did not see.

The other desktop is a child process (tests/desk_helpers.py); the database comes from the `ctx`
fixture, so these tests can run against a server database too.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.errors import VersionConflict
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.models import Account
from crm_desktop.queries.accounts import account_detail
from crm_desktop.queries.imports import preview_rows
from crm_desktop.queries.timeline import edits_after, record_version
from crm_desktop.services.accounts import (
    AccountInput,
    account_input,
    create_account,
    delete_accounts,
    update_account,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.backups import check_and_back_up
from crm_desktop.services.changes import Entity
from crm_desktop.services.desks import OTHER_DESKS, OtherDesks
from crm_desktop.services.import_undo import undo_import
from crm_desktop.services.imports import import_rows
from crm_desktop.services.sales.documents import QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.quotations import create_quotation, quotation_input, update_quotation
from tests.desk_helpers import desk_target, finished, other_desk, start_other_desk

pytestmark = pytest.mark.server


def _account(ctx: AppContext, name: str = "Siam Trading") -> str:
    return create_account(ctx.uow(), AccountInput(name=name, phone="021234567"), ctx.today()).created[0]


def _name(ctx: AppContext, account_id: str) -> str:
    detail = account_detail(ctx.database, account_id)
    assert detail is not None
    return detail.name


def _save_name(ctx: AppContext, account_id: str, name: str, version: int) -> None:
    data = account_input(ctx.uow(), account_id)
    data.name = name
    update_account(ctx.uow().expecting(Entity.ACCOUNT, account_id, version), account_id, data, ctx.today())


def test_the_second_save_is_refused_and_the_first_kept(ctx: AppContext) -> None:
    account_id = _account(ctx)
    seen = record_version(ctx.database, Entity.ACCOUNT, account_id)
    assert seen is not None
    other_desk(desk_target(ctx), "rename", account_id, "Siam Trading (Other desk)")
    with pytest.raises(VersionConflict):
        _save_name(ctx, account_id, "Siam Trading (Mine)", seen)
    assert _name(ctx, account_id) == "Siam Trading (Other desk)"
    [edit] = edits_after(ctx.database, Entity.ACCOUNT, account_id, seen)
    assert edit.action == "updated" and edit.who == "Owner"
    assert [(f.field, f.old, f.new) for f in edit.fields] == [("name", "Siam Trading", "Siam Trading (Other desk)")]


def test_a_commit_between_the_read_and_the_write_is_caught(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other desktop commits after this save loaded the row: the UPDATE's version clause fails it."""
    account_id = _account(ctx)
    seen = record_version(ctx.database, Entity.ACCOUNT, account_id)
    assert seen is not None
    from crm_desktop.db.repositories import AccountRepository

    loaded = AccountRepository.get

    def get_then_other_desk(self: AccountRepository, key: str, **kw: Any) -> Any:
        row = loaded(self, key, **kw)
        if row is not None and row.name == "Siam Trading":
            other_desk(desk_target(ctx), "rename", account_id, "Siam Trading (Other desk)")
        return row

    data = account_input(ctx.uow(), account_id)
    data.name = "Siam Trading (Mine)"
    monkeypatch.setattr(AccountRepository, "get", get_then_other_desk)
    with pytest.raises(VersionConflict):
        update_account(ctx.uow().expecting(Entity.ACCOUNT, account_id, seen), account_id, data, ctx.today())
    monkeypatch.undo()
    assert _name(ctx, account_id) == "Siam Trading (Other desk)"


def test_a_save_on_the_current_version_goes_through(ctx: AppContext) -> None:
    account_id = _account(ctx)
    other_desk(desk_target(ctx), "rename", account_id, "Siam Trading (Other desk)")
    seen = record_version(ctx.database, Entity.ACCOUNT, account_id)
    assert seen is not None
    _save_name(ctx, account_id, "Siam Trading (Mine)", seen)
    assert _name(ctx, account_id) == "Siam Trading (Mine)"


def test_our_own_save_in_another_dialog_is_a_conflict_too(ctx: AppContext) -> None:
    """Two forms of one window loaded the record; the first saves: the second one is stale."""
    account_id = _account(ctx)
    first = second = record_version(ctx.database, Entity.ACCOUNT, account_id)
    assert first is not None and second is not None
    _save_name(ctx, account_id, "Siam Trading (first form)", first)
    with pytest.raises(VersionConflict):
        _save_name(ctx, account_id, "Siam Trading (second form)", second)
    assert _name(ctx, account_id) == "Siam Trading (first form)"


def test_a_stale_form_that_writes_no_header_is_refused(ctx: AppContext) -> None:
    """The quotation's header moved on elsewhere (a remark written and taken back); this form changes a
    line alone, so its save writes no header: the header's version is still checked, after the writes."""
    customer = _account(ctx)
    lines = [LineInput("แอร์ 12000 BTU", unit_price_satang=1_890_000)]
    quotation_id = create_quotation(ctx.uow(), QuotationInput(account_id=customer, lines=lines), ctx.today()).created[0]
    seen = record_version(ctx.database, Entity.QUOTATION, quotation_id)
    assert seen is not None
    form = quotation_input(ctx.uow(), quotation_id)
    for remarks in ("ส่งของภายใน 7 วัน", ""):
        elsewhere = replace(form, remarks=remarks)
        update_quotation(ctx.uow(), quotation_id, elsewhere, ctx.today())
    form.lines[0] = replace(form.lines[0], description="แอร์ 12000 BTU อินเวอร์เตอร์")
    with pytest.raises(VersionConflict):
        update_quotation(ctx.uow().expecting(Entity.QUOTATION, quotation_id, seen), quotation_id, form, ctx.today())
    assert quotation_input(ctx.uow(), quotation_id).lines[0].description == "แอร์ 12000 BTU"


# --- the poll for other desktops' changes ----------------------------------------------------------


def test_the_poll_publishes_what_others_committed_and_never_our_own(ctx: AppContext) -> None:
    desks = OtherDesks(ctx.database)
    assert desks.poll() is None
    mine = _account(ctx, "Mine")
    assert desks.poll() is None  # our own action published itself
    theirs = other_desk(desk_target(ctx), "add", "Theirs")
    _save_name(ctx, mine, "Mine, renamed", record_version(ctx.database, Entity.ACCOUNT, mine) or 0)
    other_desk(desk_target(ctx), "rename", mine, "Mine, renamed by them")
    changes = desks.poll()
    assert changes is not None and changes.made_by(OTHER_DESKS)
    assert changes[Entity.ACCOUNT].created == (theirs,) and changes[Entity.ACCOUNT].updated == (mine,)
    assert desks.poll() is None
    delete_accounts(ctx.uow(), [theirs])
    assert desks.poll() is None


@pytest.mark.sqlite_only
def test_a_rolled_back_number_written_again_by_another_desktop_is_theirs(ctx: AppContext) -> None:
    desks = OtherDesks(ctx.database)
    with pytest.raises(RuntimeError), ctx.uow() as uow:
        uow.accounts.add(Account(name="Never saved"))
        uow.session.flush()  # numbered in the log, noted as ours, then rolled back
        raise RuntimeError("cancelled")
    theirs = other_desk(desk_target(ctx), "add", "Theirs")
    changes = desks.poll()
    assert changes is not None and changes[Entity.ACCOUNT].created == (theirs,)


def test_many_changes_at_once_name_only_their_kind(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("crm_desktop.services.desks.MOST_ROWS", 0)
    desks = OtherDesks(ctx.database)
    other_desk(desk_target(ctx), "add", "Theirs")
    changes = desks.poll()
    assert changes is not None and changes.entities == (Entity.ACCOUNT,) and changes.ids == ()


@pytest.mark.sqlite_only
def test_the_check_at_start_leaves_this_desktop_its_locks(ctx: AppContext) -> None:
    """The start's check once read the file's header through a file of its own; closing it dropped
    this process's SQLite locks, so the next desktop to close took the WAL (and the changes after)
    away from under this one."""
    account_id = _account(ctx)
    check_and_back_up(ctx, ctx.today())
    for name in ("Siam Trading (one)", "Siam Trading (two)"):
        other_desk(desk_target(ctx), "rename", account_id, name)
        assert _name(ctx, account_id) == name


# --- long writers never block the others ----------------------------------------------------------


@pytest.mark.sqlite_only
def test_an_import_lets_other_desktops_save_while_it_checks_its_rows(ctx: AppContext, tmp_path: Path) -> None:
    """The write lock is taken at the import's first write: another desktop saves while the rows are
    checked (before, it waited, then was refused as busy); the import's undo leaves that save alone."""
    account_id = _account(ctx)
    path = tmp_path / "customers.csv"
    path.write_text("First Name,Last Name,Mobile\nMalee,Rakngan,0891112222\nAnan,Kla,0861234567\n", encoding="utf-8")
    rows = read_import_file(path, "contacts").rows

    def progress(done: int, _total: int) -> bool:
        if done == 0:
            other_desk(desk_target(ctx), "rename", account_id, "Siam Trading (Other desk)")
        return True

    result = import_rows(ctx.uow(), "contacts", rows, preview_rows(ctx.database, "contacts", rows), ctx.today(),
                         progress=progress)
    assert result.created == 2 and _name(ctx, account_id) == "Siam Trading (Other desk)"
    undo_import(ctx.uow(), result.log_from, result.log_to)
    assert _name(ctx, account_id) == "Siam Trading (Other desk)"


def test_an_edit_sorts_after_the_version_it_replaces_whatever_our_clock_says(ctx: AppContext) -> None:
    """The other desktop's clock runs five minutes ahead of ours: our later edit of the record it wrote
    still gets a later clock, or a sync would let their older change win on every other copy."""
    account_id = _account(ctx)
    other_desk(desk_target(ctx), "rename", account_id, "Siam Trading (Other desk)")
    theirs = record_version(ctx.database, Entity.ACCOUNT, account_id)
    assert theirs is not None and theirs > ctx.database.clock.last
    _save_name(ctx, account_id, "Siam Trading (Mine)", theirs)
    mine = record_version(ctx.database, Entity.ACCOUNT, account_id)
    assert mine is not None and mine > theirs


def test_two_desktops_saving_one_record_at_once_lose_nothing(ctx: AppContext) -> None:
    """Two processes each save the record 100 times as fast as they can, each save adding a line to its
    notes on the version it read: every line is there, none lost to the other's save."""
    account_id = _account(ctx)
    desks = [start_other_desk(desk_target(ctx), "note", account_id, tag, "100") for tag in ("a", "b")]
    for desk in desks:
        finished(desk)  # (it prints how many of its saves were told of a conflict and saved again)
    notes = account_input(ctx.uow(), account_id).notes.split("\n")
    assert sorted(notes) == sorted(f"{tag}{i}" for tag in "ab" for i in range(100))
