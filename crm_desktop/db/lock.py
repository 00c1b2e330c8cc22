"""One running app per database file: a second instance is refused instead of corrupting data.

Two OS locks, both freed by the OS if the app crashes:
- by name, `<database>.lock` beside the file: it also holds on a shared folder, where two computers
  see the same name (a lock on one computer's own disk would not stop the other one);
- by identity, a lock file named after the file's device and inode number in a folder of this
  user's: a second name for the same file (a hard link) is refused too. (A symbolic link is
  resolved to the file's real name before either lock.) The database file itself is not locked:
  POSIX byte-range locks belong to the process, and closing any descriptor of the file, SQLite's
  or ours, drops them all, SQLite's own locks included.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from crm_desktop.db.file_lock import FileLock, LockTimeout
from crm_desktop.errors import StorageError

WAIT_S = 0.2


class InstanceLock:
    """The locks one open database holds; `release` frees them."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path
        self._locks: list[FileLock] = []
        self._identity_held = False

    def acquire(self) -> None:
        self._take(FileLock(str(self.path) + ".lock"))
        try:
            self.hold_identity()
        except BaseException:
            self.release()
            raise

    def hold_identity(self) -> None:
        """Lock the file's identity, once it exists: a new database gets one only when it is created."""
        if self._identity_held:
            return
        lock_file = identity_lock_file(self.path)
        if lock_file is None:
            return
        try:
            self._take(FileLock(str(lock_file)))
        except OSError:
            return  # the private folder is not writable: the lock by name still holds
        self._identity_held = True

    def release(self) -> None:
        while self._locks:
            self._locks.pop().release()
        self._identity_held = False

    def _take(self, lock: FileLock) -> None:
        try:
            lock.acquire(timeout=WAIT_S)
        except LockTimeout:
            raise StorageError(
                "The database {path} is already open in another crm_desktop window. Close that window first.",
                path=str(self.path),
            ) from None
        self._locks.append(lock)


def acquire_instance_lock(db_path: Path) -> InstanceLock:
    """Hold this database's locks; refused with a message while another program holds them."""
    lock = InstanceLock(db_path)
    lock.acquire()
    return lock


def identity_lock_file(db_path: Path) -> Path | None:
    """The lock file of the file at `db_path` (whatever its name), or None when there is no file yet,
    the file system gives no inode numbers, or no folder of this user's can hold it."""
    try:
        st = db_path.stat()
    except OSError:
        return None
    folder = _private_folder()
    if st.st_ino == 0 or folder is None:
        return None
    return folder / f"db-{st.st_dev:x}-{st.st_ino:x}.lock"


def _private_folder() -> Path | None:
    """A folder only this user writes to: the runtime folder where there is one (Linux), else one in
    the temporary folder, which is per user on Windows and macOS already."""
    if sys.platform == "win32":
        folder = Path(tempfile.gettempdir()) / "crm-desktop-locks"
        try:
            folder.mkdir(exist_ok=True)
        except OSError:
            return None
        return folder
    base = os.environ.get("XDG_RUNTIME_DIR") or ""
    if not (base and os.path.isabs(base) and os.path.isdir(base)):
        base = tempfile.gettempdir()
    folder = Path(base) / f"crm-desktop-locks-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        st = folder.lstat()
    except OSError:
        return None
    # In a shared /tmp, another user could have made the folder first: then it is not used.
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
        return None
    return folder
