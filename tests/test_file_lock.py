"""The OS lock beside a database and its backups: one holder at a time, a timeout, freed on release."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.db.file_lock import FileLock, LockTimeout


def test_a_held_lock_refuses_a_second_holder_until_released(tmp_path: Path) -> None:
    path = str(tmp_path / "crm.sqlite3.lock")
    first, second = FileLock(path), FileLock(path)
    first.acquire(timeout=0)
    with pytest.raises(LockTimeout):
        second.acquire(timeout=0.1)
    assert first.is_locked and not second.is_locked
    first.release()
    with second:
        assert second.is_locked
    assert not second.is_locked


def test_another_process_sees_the_lock_and_the_os_frees_it_when_that_process_ends(tmp_path: Path) -> None:
    path = str(tmp_path / "crm.sqlite3.lock")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from crm_desktop.db.file_lock import FileLock; "
                               "FileLock(sys.argv[1]).acquire(0); print('held', flush=True); time.sleep(30)", path],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockTimeout):
            FileLock(path).acquire(timeout=0)
    finally:
        holder.kill()
        holder.wait()
    lock = FileLock(path)
    lock.acquire(timeout=1)  # the killed holder's lock went with it
    lock.release()


def test_a_lock_whose_file_was_removed_by_its_last_holder_is_taken_on_the_new_file(tmp_path: Path) -> None:
    """A backup removes its lock file as it lets go; a waiter then holds the new file, not the removed one."""
    path = tmp_path / "backup.sqlite3.lock"
    first = FileLock(str(path))
    first.acquire(timeout=0)
    first.release()
    path.unlink()
    second, third = FileLock(str(path)), FileLock(str(path))
    second.acquire(timeout=0)
    with pytest.raises(LockTimeout):
        third.acquire(timeout=0)
    second.release()
