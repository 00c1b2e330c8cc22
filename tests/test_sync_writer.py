"""The row writer (db/writer.py) as a sync import uses it: derived columns and the search index stay
current for the rows it inserts and updates, as the ORM keeps them for a form's edit."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from crm_desktop.queries.search import search_all
from crm_desktop.services.accounts import (
    AccountInput,
    account_input,
    create_account,
    delete_accounts,
    update_account,
)
from crm_desktop.services.app import AppContext
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.text import company_key

TODAY = date(2026, 11, 23)


def send(src: AppContext, dst: AppContext, path: Path) -> None:
    export_bundle(src.database, path, everything=True, force=True)
    import_bundle(dst.database, dst.user_id, path)


def match_key(ctx: AppContext, name: str) -> str | None:
    with sqlite3.connect(ctx.database.path) as conn:
        found = conn.execute("SELECT match_key FROM account WHERE name = ?", (name,)).fetchone()
    return None if found is None else found[0]


def found(ctx: AppContext, text: str) -> list[str]:
    return [hit.title for hit in search_all(ctx.database, text, kinds=("account",))]


def test_an_imported_row_gets_its_derived_columns_and_search_entry_and_keeps_them_when_edited(
        copies: list[AppContext], tmp_path: Path) -> None:
    office, rep, _ = copies
    create_account(office.uow(), AccountInput(name="Siam Foods Co., Ltd."), TODAY)
    send(office, rep, tmp_path / "new.zip")
    assert match_key(rep, "Siam Foods Co., Ltd.") == company_key("Siam Foods Co., Ltd.") != ""
    assert found(rep, "Siam Foods") == ["Siam Foods Co., Ltd."]

    with sqlite3.connect(office.database.path) as conn:
        (account_id,) = conn.execute("SELECT id FROM account WHERE name = 'Siam Foods Co., Ltd.'").fetchone()
    data = account_input(office.uow(), account_id)
    update_account(office.uow(), account_id, replace(data, name="Lanna Crafts"), TODAY)
    send(office, rep, tmp_path / "edit.zip")
    assert match_key(rep, "Lanna Crafts") == company_key("Lanna Crafts") == match_key(office, "Lanna Crafts")
    assert found(rep, "Lanna Craf") == ["Lanna Crafts"]
    assert found(rep, "Siam Foods") == []


def search_key(ctx: AppContext, account_id: str) -> int | None:
    with sqlite3.connect(ctx.database.path) as conn:
        found = conn.execute("SELECT key FROM account_fts_key WHERE id = ?", (account_id,)).fetchone()
    return None if found is None else found[0]


def test_an_imported_edit_re_indexes_a_row_only_when_a_searched_field_is_set(copies: list[AppContext],
                                                                           tmp_path: Path) -> None:
    """As the index triggers do for a form's edit: notes leave the entry (and its key) alone; a phone
    (searched as the digits typed) and a deletion do not."""
    office, rep, _ = copies
    account_id = create_account(office.uow(), AccountInput(name="Siam Foods", phone="021234567"), TODAY).created[0]
    create_account(office.uow(), AccountInput(name="Lanna Crafts"), TODAY)  # a re-indexed row gets a new key
    send(office, rep, tmp_path / "new.zip")
    key = search_key(rep, account_id)
    data = account_input(office.uow(), account_id)
    update_account(office.uow(), account_id, replace(data, notes="โทรก่อนบ่ายสอง"), TODAY)
    send(office, rep, tmp_path / "notes.zip")
    assert search_key(rep, account_id) == key is not None and found(rep, "021234567") == ["Siam Foods"]
    update_account(office.uow(), account_id, replace(account_input(office.uow(), account_id), phone="053999000"),
                   TODAY)
    send(office, rep, tmp_path / "phone.zip")
    assert found(rep, "053999000") == ["Siam Foods"] and found(rep, "021234567") == []
    assert search_key(rep, account_id) != key
    delete_accounts(office.uow(), [account_id])
    send(office, rep, tmp_path / "gone.zip")
    assert found(rep, "Siam Foods") == [] and search_key(rep, account_id) is None
