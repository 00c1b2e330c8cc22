"""Backups and restore of an office server (issue 17): pg_dump's file or, on a desk without pg_dump, our
own export (a crm_desktop database file); either restored by the owner from a desk, in one transaction,
the other desks told to start again. These tests need CRM_TEST_SERVER (tests/server_helpers.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from crm_desktop.clock import FixedClock
from crm_desktop.db import server_backup, server_restore
from crm_desktop.db.migrate import SCHEMA_HEAD
from crm_desktop.db.server import Server
from crm_desktop.db.server_restore import restore_program
from crm_desktop.errors import RestoredElsewhere, StorageError
from crm_desktop.main import main
from crm_desktop.queries.search import search_all
from crm_desktop.roles import Refused
from crm_desktop.services import backups as backups_service
from crm_desktop.services.accounts import AccountInput, create_account, update_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.backups import (
    EXPORT,
    PG_DUMP,
    back_up_now,
    backup_kind,
    backups,
    check_database,
    restore_backup,
)
from crm_desktop.services.desks import OtherDesks
from crm_desktop.services.logins import set_first_password
from tests.people_helpers import add_user
from tests.server_helpers import fetch, server_copy, server_url

pytestmark = pytest.mark.skipif(server_url() is None, reason="CRM_TEST_SERVER names no PostgreSQL server")
needs_pg_tools = pytest.mark.skipif(server_backup.dump_program() is None or restore_program() is None,
                                    reason="pg_dump and pg_restore are not installed")


@pytest.fixture
def desk(request: pytest.FixtureRequest, db_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A desk on a fresh server database (copied from the migrated template)."""
    url = server_url()
    assert url is not None
    with server_copy(url, request.getfixturevalue("server_template"), db_path.parent, clock) as ctx:
        yield ctx


@pytest.fixture
def no_pg_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk like most office desktops: no PostgreSQL client programs on the PATH."""
    monkeypatch.setattr(server_backup, "dump_program", lambda: None)


def _server(ctx: AppContext) -> Server:
    assert ctx.database.server is not None
    return ctx.database.server


def _add(ctx: AppContext, name: str) -> str:
    done = create_account(ctx.uow(), AccountInput(name=name), ctx.today())
    return done[next(iter(done.parts)).entity].created[0]


def _data(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    """What a user would compare: the companies with their versions, the people, the change log."""
    return {"account": fetch(ctx, "SELECT id, name, hlc FROM account ORDER BY id"),
            "user": fetch(ctx, 'SELECT id, name, role FROM "user" ORDER BY id'),
            "change": fetch(ctx, "SELECT seq, entity, row_id, hlc FROM change ORDER BY seq")}


def _newest_seq(ctx: AppContext) -> int:
    return int(fetch(ctx, "SELECT max(seq) FROM change")[0][0])  # type: ignore[call-overload]


def test_without_pg_dump_a_desk_backs_the_server_up_into_a_database_file(
        desk: AppContext, no_pg_dump: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(desk, "ศรีสยามรุ่งเรือง")
    made = back_up_now(_server(desk), now=desk.now())
    assert made.suffix == ".sqlite3" and backup_kind(made) == EXPORT
    assert [b.path for b in backups(_server(desk).anchor)] == [made]  # listed and rotated with pg_dump's
    assert check_database(made).ok
    copy = open_app(made, read_only=True, clock=desk.database.time)  # the app opens it as a file
    try:
        assert [h.title for h in search_all(copy.database, "ศรีสยาม", 5)] == ["ศรีสยามรุ่งเรือง"]
        assert fetch(copy, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    finally:
        copy.close()
    set_first_password(desk, desk.user_id, "owner-secret")
    monkeypatch.setenv("CRM_DESKTOP_USER", "Owner")
    monkeypatch.setenv("CRM_DESKTOP_PASSWORD", "owner-secret")
    assert main(["--lang", "en", "--db", _server(desk).url, "backup"], desk.database.time) == 0
    out, err = capsys.readouterr()
    assert backup_kind(Path(out.strip())) == EXPORT and "own export" in err


def test_a_restore_from_our_export_brings_the_data_back_and_the_desk_works_on(desk: AppContext,
                                                                             no_pg_dump: None) -> None:
    kept = _add(desk, "Siam Trading")
    set_first_password(desk, desk.user_id, "owner-secret")
    backup = back_up_now(_server(desk), now=desk.now())
    saved = _data(desk)
    update_account(desk.uow(), kept, AccountInput(name="Siam Trading (renamed)"), desk.today())
    _add(desk, "Added after the backup")
    last_before = _newest_seq(desk)

    done = restore_backup(desk, backup)

    assert _data(desk) == saved
    assert done.safety_backup is not None and backup_kind(done.safety_backup) == EXPORT
    assert fetch(desk, "SELECT count(*) FROM credential") == [(1,)]  # the owner's password stays
    again = _add(desk, "After the restore")  # the restoring desk goes on, its changes after all seen
    assert fetch(desk, "SELECT min(seq) FROM change WHERE row_id = ?", (again,))[0][0] > last_before  # type: ignore[operator]
    assert OtherDesks(desk.database).poll() is None


@needs_pg_tools
def test_a_restore_from_pg_dump_brings_the_data_back(desk: AppContext) -> None:
    _add(desk, "Siam Trading")
    backup = back_up_now(_server(desk), now=desk.now())
    assert backup_kind(backup) == PG_DUMP
    saved = _data(desk)
    _add(desk, "Added after the backup")
    last_before = _newest_seq(desk)
    restore_backup(desk, backup)
    assert _data(desk) == saved
    again = _add(desk, "After the restore")
    assert fetch(desk, "SELECT min(seq) FROM change WHERE row_id = ?", (again,))[0][0] > last_before  # type: ignore[operator]


def test_a_restore_that_fails_halfway_leaves_the_server_as_it_was(desk: AppContext, no_pg_dump: None) -> None:
    _add(desk, "Siam Trading")
    backup = back_up_now(_server(desk), now=desk.now())
    conn = sqlite3.connect(backup)  # a file SQLite takes, and the server refuses (name: 200 characters at most)
    conn.execute("UPDATE account SET name = ?", ("x" * 300,))
    conn.commit()
    conn.close()
    _add(desk, "Added after the backup")
    before = _data(desk)
    with pytest.raises(StorageError, match="Nothing was restored"):
        restore_backup(desk, backup)
    assert _data(desk) == before
    assert fetch(desk, "SELECT count(*) FROM local_state WHERE key = 'restore_generation'") == [(0,)]
    _add(desk, "Still working")


def test_a_restore_that_fails_after_emptying_the_tables_leaves_the_server_as_it_was(
        desk: AppContext, no_pg_dump: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _add(desk, "Siam Trading")
    backup = back_up_now(_server(desk), now=desk.now())
    _add(desk, "Added after the backup")
    before = _data(desk)

    def fails(conn: Connection, _table: object) -> None:  # the last step, after TRUNCATE and the rows moved
        conn.exec_driver_sql("SELECT 1 / 0")

    monkeypatch.setattr(server_restore, "_continue_sequence", fails)
    with pytest.raises(StorageError, match="Nothing was restored: division by zero"):
        restore_backup(desk, backup)
    assert _data(desk) == before
    _add(desk, "Still working")


def test_the_other_desks_are_told_to_start_again(desk: AppContext, no_pg_dump: None, tmp_path: Path) -> None:
    other = open_app(Server(_server(desk).url, tmp_path / "other-desk"), clock=desk.database.time)
    try:
        their_poll = OtherDesks(other.database)
        backup = back_up_now(_server(desk), now=desk.now())
        restore_backup(desk, backup)
        with pytest.raises(RestoredElsewhere):
            their_poll.poll()
        with pytest.raises(RestoredElsewhere, match="start it again"):
            _add(other, "Written on data that is gone")
        assert OtherDesks(desk.database).poll() is None
    finally:
        other.close()


def test_the_restoring_desks_own_poll_during_its_restore_does_not_tell_it_to_start_again(
        desk: AppContext, no_pg_dump: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's poll timer runs while the restore's background task works: a poll that reads the new
    restore generation before this desk has noted it as its own must not take it for another desk's."""
    _add(desk, "Siam Trading")
    backup = back_up_now(_server(desk), now=desk.now())
    watch = OtherDesks(desk.database)
    watch.poll()
    real_load = backups_service.load_backup

    def load_then_poll(*args: object, **kwargs: object) -> server_restore.Loaded:
        loaded = real_load(*args, **kwargs)
        watch.poll()  # committed, not yet noted as this desk's own
        return loaded

    monkeypatch.setattr(backups_service, "load_backup", load_then_poll)
    restore_backup(desk, backup)
    watch.poll()
    _add(desk, "Added after the restore")  # refused with RestoredElsewhere when the desk thinks it is stale
    assert len(search_all(desk.database, "Added after")) == 1


def test_only_the_owner_restores_a_server(desk: AppContext, no_pg_dump: None) -> None:
    backup = back_up_now(_server(desk), now=desk.now())
    manager = AppContext(desk.database, add_user(desk, "Mali", "manager"))
    with pytest.raises(Refused, match="Only the owner can restore the office server"):
        restore_backup(manager, backup)
    assert not [b for b in backups(_server(desk).anchor) if b.reason == "before-restore"]


def test_the_page_says_which_kind_and_the_other_desks_window_says_to_start_again(
        qtbot, desk: AppContext, no_pg_dump: None, prefs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.views.settings import backups_page
    from tests.test_ui_backups import backups_page_of
    from tests.ui_helpers import opened_window

    _add(desk, "Siam Trading")
    window = opened_window(qtbot, desk, prefs)
    _dialog, page = backups_page_of(qtbot, window)
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in page.status.text(), timeout=10000)
    assert "own export" in page.status.text() and page.table.item(0, 1).text() == "Made by hand"
    _add(desk, "Added after the backup")
    other = open_app(Server(_server(desk).url, tmp_path / "other-desk"), clock=desk.database.time)
    try:
        their_window = opened_window(qtbot, other, prefs)
        their_window.other_desks.poll()  # as its timer does
        monkeypatch.setattr(backups_page, "confirm", lambda _p, _t, _text, on_yes, **_kw: on_yes())
        page.table.selectRow(0)
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.settings_dialog is None, timeout=20000)
        qtbot.waitUntil(lambda: window.accounts_tab.model.rowCount() == 1)
        their_window.other_desks.poll()
        box = their_window.findChild(QMessageBox, "domainErrorBox")
        assert box is not None and "start it again" in box.text()
        window.other_desks.poll()
        assert window.findChild(QMessageBox, "domainErrorBox") is None
        their_window.close()
    finally:
        other.close()


def test_a_backup_with_more_changes_than_this_server_had_numbers_the_next_ones_above(
        desk: AppContext, no_pg_dump: None, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    for n in range(30):
        _add(desk, f"Company {n}")
    backup = back_up_now(_server(desk), now=desk.now())
    url = server_url()
    assert url is not None
    with server_copy(url, request.getfixturevalue("server_template"), tmp_path / "fresh", desk.database.time) as fresh:
        restore_backup(fresh, backup)
        assert _data(fresh)["account"] == _data(desk)["account"]
        again = _add(fresh, "After the restore")
        first = fetch(fresh, "SELECT min(seq) FROM change WHERE row_id = ?", (again,))[0][0]
        assert first > _newest_seq(desk)  # type: ignore[operator]
