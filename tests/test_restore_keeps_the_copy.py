"""A restore brings back data, not the copy's identity: LocalState (office key, copy code, backup
settings, who works here) stays this copy's, and the copies exchange afterwards what each lacks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock, epoch_ms
from crm_desktop.db.hlc import LOGICAL_BITS
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError
from crm_desktop.main import main
from crm_desktop.models import User
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.app import OWNER_ID, AppContext, open_app, switch_user
from crm_desktop.services.backups import (
    back_up_now,
    backups_to_keep,
    restore_backup,
    restore_database,
    set_backups_to_keep,
)
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.state import office_key, set_office_key
from tests.backup_helpers import names
from tests.sync_helpers import dump, new_copy
from tests.time_helpers import TEST_NOW, TODAY

OFFICE, REP = "0ff1ce0000000001", "4e70000000000002"  # fixed copy codes


def add_account(ctx: AppContext, name: str) -> str:
    return create_account(ctx.uow(), AccountInput(name=name), TODAY).created[0]


def rename(ctx: AppContext, account_id: str, name: str) -> None:
    update_account(ctx.uow(), account_id, replace(account_input(ctx.uow(), account_id), name=name), TODAY)


def local_state(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM local_state"))


@pytest.fixture
def office(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    ctx = new_copy(template, tmp_path, "office", clock, site=OFFICE)
    yield ctx
    ctx.close()


@pytest.fixture
def rep(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    ctx = new_copy(template, tmp_path, "rep", clock, site=REP)
    yield ctx
    ctx.close()


def send(src: AppContext, dst: AppContext, path: Path, **how: object) -> int:
    """Export from `src` and import into `dst`; how many of the file's changes were new there."""
    export_bundle(src.database, path, user_id=src.user_id, **how)  # type: ignore[arg-type]
    report = import_bundle(dst.database, dst.user_id, path).report
    return report.received - report.already_had


@pytest.mark.parametrize("how", ["in the app", "command"])
def test_the_office_key_survives_restoring_a_backup_made_before_it_was_set(
    office: AppContext, rep: AppContext, tmp_path: Path, clock: FixedClock, how: str
) -> None:
    saved = back_up_now(office.database.path, now=TEST_NOW)  # no office key yet
    set_office_key(office.database, "ความลับของสำนักงาน", by=office.user_id)
    add_account(rep, "ร้านไม่ได้ลงนาม")
    unsigned = tmp_path / "unsigned.zip"
    export_bundle(rep.database, unsigned, everything=True)
    if how == "in the app":
        restore_backup(office, saved)
    else:
        path = office.database.path
        office.close()
        restore_database(path, saved, now=TEST_NOW)
        office.database = open_app(path, clock=clock).database
    assert office_key(office.database) == "ความลับของสำนักงาน"
    with pytest.raises(DomainError, match="not signed"):
        import_bundle(office.database, office.user_id, unsigned)
    assert names(office.database.path) == []


def test_a_removed_office_key_stays_removed_after_a_restore(office: AppContext) -> None:
    set_office_key(office.database, "old secret", by=office.user_id)
    saved = back_up_now(office.database.path, now=TEST_NOW)
    set_office_key(office.database, "", by=office.user_id)
    restore_backup(office, saved)
    assert office_key(office.database) is None


def add_user(ctx: AppContext, user_id: str, name: str) -> str:
    with UnitOfWork(ctx.database, OWNER_ID) as uow:  # only the owner adds people
        uow.users.add(User(id=user_id, name=name, role="manager"))  # a manager may restore
        uow.commit()
    return user_id


def test_every_setting_of_the_copy_is_kept_and_its_user_if_the_data_has_them(office: AppContext) -> None:
    nok = add_user(office, "user-nok", "Nok")
    saved = back_up_now(office.database.path, now=TEST_NOW)
    set_backups_to_keep(office, 4)  # a setting: the owner's
    switch_user(office, nok)
    office.database.set_local("backup_daily_on", "2026-11-23")
    restore_backup(office, saved)
    kept = local_state(office.database.path)
    assert kept["site_id"] == OFFICE and kept["user_id"] == nok and kept["backup_daily_on"] == "2026-11-23"
    assert backups_to_keep(office) == 4 and office.user_id == nok

    switch_user(office, add_user(office, "user-ploy", "Ploy"))  # not in the backup's data
    restore_backup(office, saved)
    assert "user_id" not in local_state(office.database.path)  # the backup had none: the owner works
    assert office.user_id == OWNER_ID
    add_account(office, "Works as the backup's user")


def test_a_restore_over_an_unreadable_database_says_that_the_backups_settings_are_in_use(
    office: AppContext, tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = back_up_now(office.database.path, tmp_path / "saved.sqlite3", now=TEST_NOW)
    path = office.database.path
    office.close()
    path.write_bytes(b"\0" * 8192)
    assert main(["--lang", "en", "--db", str(path), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "could not be read" in out and "office key" in out
    assert local_state(path)["site_id"] == OFFICE  # the backup's: this copy's own, most likely
    office.database = open_app(path, clock=clock).database


def test_after_a_restore_each_copy_gets_what_it_lacks_and_new_edits_win(
    office: AppContext, rep: AppContext, tmp_path: Path, clock: FixedClock
) -> None:
    shop = add_account(office, "ร้านสมใจ")
    send(office, rep, tmp_path / "1.zip", everything=True)
    send(rep, office, tmp_path / "2.zip", everything=True)
    saved = back_up_now(office.database.path, now=TEST_NOW)
    # The office's clock runs an hour ahead of this computer's after seeing a copy whose clock was fast.
    office.database.clock.observe((epoch_ms(clock.now()) + 3_600_000) << LOGICAL_BITS)
    rename(office, shop, "ร้านสมใจ (before the restore)")
    add_account(office, "Made before the restore")
    assert send(office, rep, tmp_path / "3.zip", for_site=REP) == 2

    path = office.database.path
    office.close()
    restore_database(path, saved, now=TEST_NOW)
    office.database = open_app(path, clock=clock).database
    assert names(path) == ["ร้านสมใจ"]
    rename(office, shop, "ร้านสมใจ (after the restore)")  # must win: it is the newest edit
    # A file the rep wrote before it heard of the restore brings nothing back...
    assert send(rep, office, tmp_path / "3b.zip", for_site=OFFICE) == 0
    assert send(office, rep, tmp_path / "4.zip", for_site=REP) == 1  # ...but the office's next file tells it
    assert send(rep, office, tmp_path / "5.zip", for_site=OFFICE) == 2  # what the restore took away
    assert names(path) == names(rep.database.path) == ["Made before the restore", "ร้านสมใจ (after the restore)"]
    assert dump(office) == dump(rep)
    # The rep has seen an edit made after the restore: the office's files say again all it holds,
    # and the rep's next file for it carries nothing the office has.
    assert send(office, rep, tmp_path / "6.zip", for_site=REP) == 0
    assert export_bundle(rep.database, tmp_path / "7.zip", for_site=OFFICE).changes == 0




def test_a_clock_floor_beyond_what_any_copy_may_send_is_not_taken(office: AppContext, clock: FixedClock) -> None:
    """The floor must never make the clock unusable (say the computer's date went back by days)."""
    path = office.database.path
    newest = office.database.clock.last
    office.database.set_local("clock_floor", str((epoch_ms(clock.now()) + 3 * 86_400_000) << LOGICAL_BITS))
    office.close()
    office.database = open_app(path, clock=clock).database
    assert office.database.clock.last == newest
    add_account(office, "Still works")
