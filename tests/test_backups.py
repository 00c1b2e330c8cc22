"""Backups: rotation, the daily backup, check, restore (round trip and refusals) and the commands."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.db.backup import backup_before, list_backups
from crm_desktop.db.migrate import MIGRATIONS, SCHEMA_HEAD, known_revisions, stored_revision
from crm_desktop.errors import DomainError, StorageError
from crm_desktop.main import main
from crm_desktop.services.accounts import AccountInput, create_account, delete_accounts
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.backups import (
    DamagedDatabase,
    back_up_now,
    backups,
    backups_to_keep,
    check_and_back_up,
    check_database,
    newest_good_backup,
    restore_backup,
    restore_database,
    set_backups_to_keep,
    start_of_day,
)
from tests.backup_helpers import corrupt_table, names
from tests.time_helpers import TEST_NOW, make_clock

TODAY = date(2026, 11, 23)
NOON = datetime(2026, 11, 23, 12, 0, 0)


def add_account(ctx: AppContext, name: str) -> str:
    return create_account(ctx.uow(), AccountInput(name=name), TODAY).created[0]


@pytest.fixture
def closed_db(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]) -> Iterator[Path]:
    """A database with one account, closed (so its file is complete without a -wal)."""
    path = new_database(tmp_path / "crm.sqlite3")
    ctx = open_app(path, clock=clock)
    add_account(ctx, "บริษัท สยามการค้า จำกัด")
    ctx.close()
    yield path


# --- rotation and the daily backup --------------------------------------------------------------


def test_rotation_keeps_the_newest_automatic_backups_and_every_manual_one(ctx: AppContext) -> None:
    path = ctx.database.path
    set_backups_to_keep(ctx, 3)
    manual = back_up_now(path, now=TEST_NOW)
    made = [
        backup_before(path, reason, NOON + timedelta(hours=i))
        for i, reason in enumerate(("daily", "before-upgrade", "sync-import", "daily", "import"))
    ]
    listed = backups(path)
    assert [b.path for b in listed if b.automatic] == made[:-4:-1]  # the newest three, newest first
    assert manual in [b.path for b in listed]
    assert not made[0].exists() and not made[1].exists()
    assert [b.reason for b in listed if b.automatic] == ["import", "daily", "sync-import"]


def test_lowering_the_number_to_keep_applies_at_once_and_is_checked(ctx: AppContext) -> None:
    path = ctx.database.path
    for i in range(4):
        backup_before(path, "daily", NOON + timedelta(days=i))
    assert backups_to_keep(ctx) == 10
    removed = set_backups_to_keep(ctx, 2)
    assert len(removed) == 2 and len(backups(path)) == 2
    assert backups_to_keep(ctx) == 2
    with pytest.raises(DomainError):
        set_backups_to_keep(ctx, 0)


def test_two_backups_in_the_same_second_both_stay(ctx: AppContext) -> None:
    first = backup_before(ctx.database.path, "import", NOON)
    second = backup_before(ctx.database.path, "import", NOON)
    assert first != second and first.exists() and second.exists()


def test_daily_backup_is_made_once_a_day(ctx: AppContext) -> None:
    first = check_and_back_up(ctx, TODAY)
    assert first is not None and first.exists()
    assert check_and_back_up(ctx, TODAY) is None
    assert check_and_back_up(ctx, TODAY + timedelta(days=1)) is not None
    assert [b.reason for b in backups(ctx.database.path)] == ["daily", "daily"]


def test_backup_is_a_self_contained_copy_made_while_the_app_writes(ctx: AppContext, tmp_path: Path) -> None:
    add_account(ctx, "ร้านสมใจ")
    out = back_up_now(ctx.database.path, tmp_path / "copy.sqlite3", now=TEST_NOW)
    add_account(ctx, "After the backup")
    assert names(out) == ["ร้านสมใจ"]
    assert not out.with_name("copy.sqlite3-wal").exists()
    with pytest.raises(StorageError, match="already exists"):
        back_up_now(ctx.database.path, out, now=TEST_NOW)


def test_cancelled_backup_leaves_no_file(ctx: AppContext) -> None:
    with pytest.raises(DomainError, match="Cancelled"):
        back_up_now(ctx.database.path, progress=lambda done, total: False, now=TEST_NOW)
    assert backups(ctx.database.path) == []
    assert list((ctx.database.path.parent / "backups").iterdir()) == []


# --- check -----------------------------------------------------------------------------------------


def test_check_finds_a_damaged_page(closed_db: Path) -> None:
    assert check_database(closed_db).ok
    corrupt_table(closed_db)
    full, quick = check_database(closed_db), check_database(closed_db, quick=True)
    assert full.damage and quick.damage and not full.ok


def test_check_finds_a_row_pointing_nowhere(closed_db: Path) -> None:
    conn = sqlite3.connect(closed_db)  # foreign keys are off in a plain connection
    conn.execute("UPDATE account SET owner_id = 'nobody'")
    conn.commit()
    conn.close()
    result = check_database(closed_db)
    assert not result.damage and not result.ok
    assert result.broken_links == ("account row 1 refers to a missing user row",)


def test_start_check_refuses_to_back_up_a_damaged_database(clock: FixedClock, closed_db: Path) -> None:
    ctx = open_app(closed_db, clock=clock)
    try:
        good = check_and_back_up(ctx, TODAY)
        ctx.database.engine.dispose()  # so the bytes below reach the file SQLite reads next
        corrupt_table(closed_db)
        with pytest.raises(DamagedDatabase):
            check_and_back_up(ctx, TODAY + timedelta(days=1))
        assert [b.path for b in backups(closed_db)] == [good]  # no backup of damaged data
        start = start_of_day(ctx, TODAY + timedelta(days=1))
        assert start.damage is not None and start.good_backup is not None and start.good_backup.path == good
    finally:
        ctx.close()


def test_newest_good_backup_skips_damaged_backups(closed_db: Path) -> None:
    older = backup_before(closed_db, "daily", NOON)
    newer = backup_before(closed_db, "daily", NOON + timedelta(days=1))
    corrupt_table(newer)
    good = newest_good_backup(closed_db)
    assert good is not None and good.path == older


# --- restore ---------------------------------------------------------------------------------------


def test_round_trip_backup_change_restore_brings_the_data_back(ctx: AppContext) -> None:
    siam = add_account(ctx, "บริษัท สยามการค้า จำกัด")
    saved = back_up_now(ctx.database.path, now=TEST_NOW)
    site, clock = ctx.database.site_id, ctx.database.clock.last
    delete_accounts(ctx.uow(), [siam])
    add_account(ctx, "Added later")
    done = restore_backup(ctx, saved)
    assert names(ctx.database.path) == ["บริษัท สยามการค้า จำกัด"]
    assert done.safety_backup is not None and names(done.safety_backup) == ["Added later"]
    assert ctx.database.local("site_id") == site  # this copy stays itself
    assert ctx.database.clock.last >= clock
    add_account(ctx, "Works after the restore")  # the open app keeps working on the restored data
    assert len(names(ctx.database.path)) == 2
    assert check_database(ctx.database.path).ok
    assert saved.exists()


def test_restore_keeps_this_copys_backup_settings(ctx: AppContext) -> None:
    saved = back_up_now(ctx.database.path, now=TEST_NOW)
    set_backups_to_keep(ctx, 4)
    restore_backup(ctx, saved)
    assert backups_to_keep(ctx) == 4


def test_restore_upgrades_a_backup_from_an_older_version(clock: FixedClock, tmp_path: Path, closed_db: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    older = tmp_path / "old.sqlite3"
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(f"sqlite:///{older}")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, known_revisions()[1])  # the revision before the newest
    engine.dispose()
    done = restore_database(closed_db, older, now=TEST_NOW)
    assert done.upgraded and stored_revision(closed_db) == SCHEMA_HEAD
    assert names(closed_db) == []
    open_app(closed_db, clock=clock).close()


def write_newer_schema(path: Path) -> None:
    ctx = open_app(path, clock=make_clock())
    ctx.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


def bad_backups(folder: Path, good: Path) -> dict[str, Path]:
    """One of each kind of file that must never be restored."""
    corrupt = folder / "corrupt.sqlite3"
    corrupt.write_bytes(good.read_bytes())
    corrupt_table(corrupt)
    truncated = folder / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    text = folder / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    newer = folder / "newer.sqlite3"
    write_newer_schema(newer)
    foreign = folder / "foreign.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return {"corrupt": corrupt, "truncated": truncated, "text": text, "newer": newer, "foreign": foreign}


@pytest.mark.parametrize("kind", ["corrupt", "truncated", "text", "newer", "foreign"])
def test_restore_refuses_a_bad_file_and_changes_nothing(tmp_path: Path, closed_db: Path, kind: str) -> None:
    good = back_up_now(closed_db, tmp_path / "good.sqlite3", now=TEST_NOW)
    source = bad_backups(tmp_path, good)[kind]
    before = closed_db.read_bytes()
    with pytest.raises(StorageError) as raised:
        restore_database(closed_db, source, now=TEST_NOW)
    assert str(source) in raised.value.text("en") or kind == "newer"
    assert closed_db.read_bytes() == before
    assert backups(closed_db) == []  # refused before the safety backup
    folder = closed_db.parent / "backups"
    assert not folder.exists() or list(folder.iterdir()) == []  # no scratch copy left behind


def test_restore_is_refused_while_another_program_has_the_database(ctx: AppContext, tmp_path: Path) -> None:
    saved = back_up_now(ctx.database.path, tmp_path / "saved.sqlite3", now=TEST_NOW)
    add_account(ctx, "Stays")
    with pytest.raises(StorageError, match="already open"):
        restore_database(ctx.database.path, saved, now=TEST_NOW)
    assert names(ctx.database.path) == ["Stays"]


def test_restore_replaces_a_file_that_is_not_a_database_any_more(closed_db: Path, tmp_path: Path) -> None:
    saved = back_up_now(closed_db, tmp_path / "saved.sqlite3", now=TEST_NOW)
    closed_db.write_bytes(b"\0" * 8192)  # the header is gone: SQLite cannot open it at all
    done = restore_database(closed_db, saved, now=TEST_NOW)
    assert names(closed_db) == ["บริษัท สยามการค้า จำกัด"]
    assert done.safety_backup is not None and done.safety_backup.read_bytes() == b"\0" * 8192
    assert check_database(closed_db).ok


def test_restoring_the_oldest_backup_does_not_rotate_it_away(ctx: AppContext) -> None:
    path = ctx.database.path
    set_backups_to_keep(ctx, 2)
    oldest = backup_before(path, "daily", NOON)
    backup_before(path, "daily", NOON + timedelta(days=1))
    restore_backup(ctx, oldest)
    assert oldest.exists()
    assert [b.reason for b in list_backups(path)].count("before-restore") == 1


# --- the commands ----------------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv], make_clock())
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_backup_check_and_restore(closed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(closed_db)
    code, out, _ = run_cli(capsys, "--db", db, "backup")
    assert code == 0 and Path(out.strip()).exists() and "-manual" in out
    target = tmp_path / "mine.sqlite3"
    code, out, _ = run_cli(capsys, "--db", db, "backup", "--out", str(target))
    assert code == 0 and out.strip() == str(target)
    code, _, err = run_cli(capsys, "--db", db, "backup", "--out", str(target))
    assert code == 1 and err.count("\n") == 1 and "already exists" in err
    assert run_cli(capsys, "--db", db, "check") == (0, "ok\n", "")

    conn = sqlite3.connect(closed_db)
    conn.execute("UPDATE account SET name = 'Changed'")
    conn.commit()
    conn.close()
    code, out, _ = run_cli(capsys, "--db", db, "restore", str(target))
    assert code == 0 and "Restored" in out and "before-restore" in out
    assert names(closed_db) == ["บริษัท สยามการค้า จำกัด"]


def test_cli_errors_are_one_line(closed_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(closed_db)
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    for argv in (("restore", str(text)), ("restore", str(tmp_path / "missing.sqlite3")), ("restore", db)):
        code, out, err = run_cli(capsys, "--db", db, *argv)
        assert code == 1 and out == "" and err.count("\n") == 1 and err.startswith("crm-desktop: ")
    code, _, err = run_cli(capsys, "--db", str(tmp_path / "none.sqlite3"), "check")
    assert code == 1 and "There is no database" in err


def test_cli_check_lists_problems_and_write_commands_refuse_a_damaged_database(
    closed_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt_table(closed_db)
    code, out, err = run_cli(capsys, "--db", str(closed_db), "check")
    assert code == 1 and out.strip() and out.strip() != "ok" and err == ""
    code, out, err = run_cli(capsys, "--db", str(closed_db), "demo")
    assert code == 1 and err.count("\n") == 1 and "failed its check" in err and "crm-desktop restore" in err
