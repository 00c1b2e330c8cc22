"""Temporary files of an interrupted restore or backup are removed at the next start, and only those."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.db.backup import writing
from crm_desktop.db.leftovers import scratch_path
from crm_desktop.main import main
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import open_app
from crm_desktop.services.backups import back_up_now, restore_database
from tests.backup_helpers import names
from tests.time_helpers import TEST_NOW, TODAY

KILLED = """
import os, sys
from datetime import datetime
from pathlib import Path
from crm_desktop.services.backups import restore_database

def die(done, total):
    os._exit(9)  # killed while the backup is copied to the scratch file

restore_database(Path(sys.argv[1]), Path(sys.argv[2]), progress=die, now=datetime(2026, 11, 23, 3))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the point is a process killed on POSIX")
def test_a_killed_restore_leaves_a_scratch_file_that_the_next_start_removes(
    tmp_path: Path, new_database: Callable[[Path], Path], clock: FixedClock
) -> None:
    db = new_database(tmp_path / "crm.sqlite3")
    ctx = open_app(db, clock=clock)
    create_account(ctx.uow(), AccountInput(name="ร้านสมใจ"), TODAY)
    saved = back_up_now(db, tmp_path / "saved.sqlite3", now=TEST_NOW)
    ctx.close()
    done = subprocess.run([sys.executable, "-c", KILLED, str(db), str(saved)], capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr.decode()
    assert scratch_path(db).exists()
    open_app(db, clock=clock).close()
    assert not scratch_path(db).exists()
    assert names(db) == ["ร้านสมใจ"]


def leftovers_of(db: Path) -> list[Path]:
    """What an interrupted restore, backup and raw copy of `db` leave (stem crm, suffix .sqlite3)."""
    folder = db.parent / "backups"
    daily = "crm-20261123-120000-daily.sqlite3"
    return [scratch_path(db), folder / "crm.sqlite3-restoring.tmp-journal",
            folder / "crm-restoring.tmp",  # the name versions before this one used
            folder / f"{daily}.0a1b2c3d.part", folder / f"{daily}.0a1b2c3d.part-journal", folder / f"{daily}.lock",
            folder / "crm-20261123-130000-before-restore.sqlite3.part",  # a raw copy of a damaged file
            folder / "crm-20261123-130000-before-restore.sqlite3-wal"]  # its log, the main file never made


def others_of(db: Path) -> list[Path]:
    """Files that look alike but belong to another database in the same folder, or are finished backups."""
    folder = db.parent / "backups"
    return [folder / "crm-old.sqlite3-restoring.tmp", folder / "crm.db-restoring.tmp",
            folder / "crm-old-20261123-120000-daily.sqlite3.0a1b2c3d.part",
            folder / "crm-20261123-120000-daily.db.0a1b2c3d.part", folder / "crm-20261123-120000-daily.db.lock",
            folder / "crm-20261123-110000-daily.sqlite3", folder / "crm-20261123-100000-before-restore.sqlite3",
            folder / "crm-20261123-100000-before-restore.sqlite3-wal", folder / "notes.part"]


def make(paths: list[Path]) -> None:
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 1000)


@pytest.mark.parametrize("start", ["app", "write command", "restore command"])
def test_leftovers_of_this_database_are_removed_at_the_next_start_and_nothing_else(
    tmp_path: Path, new_database: Callable[[Path], Path],
    clock: FixedClock, start: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = new_database(tmp_path / "crm.sqlite3")
    open_app(db, clock=clock).close()
    saved = back_up_now(db, tmp_path / "saved.sqlite3", now=TEST_NOW)
    make(leftovers_of(db) + others_of(db))
    if start == "app":
        open_app(db, clock=clock).close()
    elif start == "write command":
        assert main(["--db", str(db), "sync", "key", "secret"]) == 0
    else:
        restore_database(db, saved, now=TEST_NOW)
    assert [p for p in leftovers_of(db) if p.exists()] == []
    assert [p for p in others_of(db) if not p.exists()] == []


def test_a_command_that_only_reads_removes_nothing(
    tmp_path: Path, new_database: Callable[[Path], Path], clock: FixedClock
) -> None:
    db = new_database(tmp_path / "crm.sqlite3")
    open_app(db, clock=clock).close()
    make(leftovers_of(db))
    open_app(db, clock=clock, read_only=True).close()
    assert all(p.exists() for p in leftovers_of(db))


def test_a_backup_being_written_beside_the_app_is_left_alone(
    tmp_path: Path, new_database: Callable[[Path], Path], clock: FixedClock
) -> None:
    db = new_database(tmp_path / "crm.sqlite3")
    open_app(db, clock=clock).close()
    backup = db.parent / "backups" / "crm-20261123-120000-manual.sqlite3"
    part = backup.with_name(backup.name + ".0a1b2c3d.part")
    make([part])
    with writing(backup):  # `crm-desktop backup` in another process, still copying
        open_app(db, clock=clock).close()
        assert part.exists()
    open_app(db, clock=clock).close()
    assert not part.exists() and not backup.with_name(backup.name + ".lock").exists()


def test_a_finished_backup_leaves_no_temporary_and_no_lock_file(
    tmp_path: Path, new_database: Callable[[Path], Path], clock: FixedClock
) -> None:
    db = new_database(tmp_path / "crm.sqlite3")
    open_app(db, clock=clock).close()
    made = back_up_now(db, now=TEST_NOW)
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]
