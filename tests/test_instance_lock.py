"""One window per database file, whatever name it is opened by (a hard link, a symbolic link)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.db.file_lock import FileLock
from crm_desktop.db.lock import identity_lock_file
from crm_desktop.errors import DomainError, StorageError
from crm_desktop.services.app import open_app
from crm_desktop.services.backups import back_up_now, restore_database
from tests.time_helpers import TEST_NOW


@pytest.mark.parametrize("kind", ["hard link", "symbolic link"])
def test_a_second_name_of_the_same_file_cannot_open_it_twice(tmp_path: Path, clock: FixedClock, kind: str) -> None:
    db = tmp_path / "crm.sqlite3"
    other = tmp_path / "elsewhere" / "same.sqlite3"
    other.parent.mkdir()
    ctx = open_app(db, clock=clock)  # a new database: it has an identity only once created
    try:
        (os.link if kind == "hard link" else os.symlink)(db, other)
        with pytest.raises(StorageError) as refused:
            open_app(other, clock=clock)
        assert "already open in another crm_desktop window" in refused.value.text("en")
        assert "เปิดอยู่ในหน้าต่าง" in refused.value.text("th")
        with pytest.raises(StorageError, match="already open"):
            restore_database(other, back_up_now(db, now=TEST_NOW), now=TEST_NOW)
    finally:
        ctx.close()
    second = open_app(other, clock=clock)  # once the first window is closed
    try:
        with pytest.raises(StorageError, match="already open"):
            open_app(db, clock=clock)
    finally:
        second.close()


def test_the_lock_by_name_still_holds_on_its_own(tmp_path: Path, clock: FixedClock) -> None:
    """On a shared folder, the other computer sees only the lock beside the file."""
    db = tmp_path / "crm.sqlite3"
    open_app(db, clock=clock).close()
    with FileLock(str(db) + ".lock"), pytest.raises(DomainError, match="already open"):
        open_app(db, clock=clock)


@pytest.mark.skipif(sys.platform == "win32", reason="the runtime folder and its permissions are POSIX's")
def test_the_lock_by_identity_is_one_per_file_in_a_folder_only_this_user_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    db, other = tmp_path / "crm.sqlite3", tmp_path / "other.sqlite3"
    db.write_bytes(b"")
    other.write_bytes(b"")
    os.link(db, tmp_path / "link.sqlite3")
    lock = identity_lock_file(db)
    assert lock is not None and lock.parent.parent == runtime
    assert identity_lock_file(tmp_path / "link.sqlite3") == lock != identity_lock_file(other)
    assert identity_lock_file(tmp_path / "missing.sqlite3") is None
    lock.parent.chmod(0o777)  # another user could have made it, or may write to it: not used
    assert identity_lock_file(db) is None
