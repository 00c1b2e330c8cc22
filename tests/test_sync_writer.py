"""The row writer (db/writer.py) as a sync import uses it: derived columns and the search index stay
current for the rows it inserts and updates, as the ORM keeps them for a form's edit."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, event

from crm_desktop.queries.search import search_all
from crm_desktop.services.accounts import (
    AccountInput,
    account_input,
    create_account,
    delete_accounts,
    update_account,
)
from crm_desktop.services.app import AppContext
from crm_desktop.sync import state
from crm_desktop.sync.bundle import BundleRefused
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.text import company_key
from tests.test_sync import full_dump, resealed

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
    for name in ("Lanna Crafts", "Isan Rice", "Korat Silk"):  # a re-indexed row gets a new key (one edited
        create_account(office.uow(), AccountInput(name=name), TODAY)  # row of four: not the whole index anew)
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


def test_an_import_editing_most_searched_rows_indexes_the_table_anew(copies: list[AppContext], tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Half the entries or more re-indexed: the whole index is made anew, the rows the import did
    not touch included, deleted rows left out; a file refused after it leaves the index as it was."""
    office, rep, _ = copies
    ids = [create_account(office.uow(), AccountInput(name=name, phone="021234567"), TODAY).created[0]
           for name in ("Siam Foods", "Lanna Crafts", "Isan Rice", "Korat Silk")]
    send(office, rep, tmp_path / "new.zip")
    for account_id, phone in zip(ids[:2], ("053999000", "053888000"), strict=True):
        update_account(office.uow(), account_id, replace(account_input(office.uow(), account_id), phone=phone), TODAY)
    delete_accounts(office.uow(), [ids[2]])
    export_bundle(office.database, tmp_path / "edits.zip", everything=True)
    before = full_dump(rep)
    with monkeypatch.context() as failing:  # the import fails after the index was made anew
        failing.setattr(state, "record_exchange", lambda *_: (_ for _ in ()).throw(OSError("disk full")))
        with pytest.raises(OSError):
            import_bundle(rep.database, rep.user_id, tmp_path / "edits.zip")
    assert full_dump(rep) == before
    import_bundle(rep.database, rep.user_id, tmp_path / "edits.zip")
    assert found(rep, "053999000") == ["Siam Foods"] and found(rep, "053888000") == ["Lanna Crafts"]
    assert found(rep, "021234567") == ["Korat Silk"]  # not edited, indexed again; Isan Rice is deleted
    assert found(rep, "Isan") == [] and found(rep, "Korat") == ["Korat Silk"]
    with sqlite3.connect(rep.database.path) as conn:
        assert conn.execute("SELECT count(*) FROM account_fts").fetchone()[0] == 3


def test_an_import_commits_with_the_wal_synced_and_puts_the_connection_settings_back(
        copies: list[AppContext], tmp_path: Path) -> None:
    """The import's commit syncs the WAL (synchronous=FULL) and leaves the checkpoint for later; the
    connection then has its own settings again, after a commit as after a file refused half-way."""
    office, rep, _ = copies
    create_account(office.uow(), AccountInput(name="Siam Foods Co., Ltd."), TODAY)
    export_bundle(office.database, tmp_path / "new.zip", everything=True)
    with zipfile.ZipFile(tmp_path / "new.zip") as zf:
        payload = zf.read("changes.ndjson").replace(b'"name":"Siam Foods Co., Ltd."', b'"name":7')
    resealed(tmp_path / "new.zip", tmp_path / "bad.zip", payload)
    ends: list[tuple[str, sqlite3.Connection, tuple[int, int]]] = []

    def settings(raw: sqlite3.Connection) -> tuple[int, int]:
        return (raw.execute("PRAGMA synchronous").fetchone()[0], raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])

    def at(end: str) -> Callable[[Connection], None]:
        def seen(conn: Connection) -> None:  # just before the driver's commit or rollback
            raw = conn.connection.driver_connection
            ends.append((end, raw, settings(raw)))  # type: ignore[arg-type]
        return seen

    event.listen(rep.database.engine, "commit", at("commit"))
    event.listen(rep.database.engine, "rollback", at("rollback"))
    with pytest.raises(BundleRefused):
        import_bundle(rep.database, rep.user_id, tmp_path / "bad.zip")
    import_bundle(rep.database, rep.user_id, tmp_path / "new.zip")
    assert [(end, during) for end, _, during in ends if end == "commit" or during != (1, 1000)] == \
        [("rollback", (2, 0)), ("commit", (2, 0))]
    assert {settings(raw) for _, raw, _ in ends} == {(1, 1000)}  # NORMAL and SQLite's default again
