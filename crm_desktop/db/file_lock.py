"""An exclusive lock on a lock file, held until released; the OS frees it if the process dies.

The same OS locks the filelock package takes (flock on POSIX, one locked byte on Windows), so a lock
taken by either is seen by the other; without that package's import, 15 ms of every start.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType

POLL_S = 0.05


class LockTimeout(TimeoutError):
    """Another process holds the lock."""


class FileLock:
    """`FileLock(path)`: `acquire(timeout)` (seconds; negative waits as long as it takes), `release()`;
    as a context manager it waits as long as it takes. Not re-entrant."""

    def __init__(self, lock_file: str) -> None:
        self.lock_file = lock_file
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = -1) -> None:
        """Creates the lock file's folder if need be (a backup's lock comes before its folder)."""
        os.makedirs(os.path.dirname(self.lock_file) or ".", exist_ok=True)
        deadline = time.monotonic() + timeout
        while not self._try_lock():
            if timeout >= 0 and deadline <= time.monotonic():
                raise LockTimeout(self.lock_file)
            time.sleep(POLL_S)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()

    def _try_lock(self) -> bool:
        if self._fd is not None:
            raise RuntimeError(f"{self.lock_file} is held already")
        try:
            fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        except PermissionError:
            if _HELD_ON_OPEN:  # Windows refuses to open a file whose byte another process has locked
                return False
            raise
        try:
            locked = _lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if locked and os.fstat(fd).st_nlink == 0:  # its holder removed the file as it let go: lock the new one
            _unlock(fd)
            locked = False
        if not locked:
            os.close(fd)
            return False
        self._fd = fd
        return True


if sys.platform == "win32":
    import msvcrt

    _HELD_ON_OPEN = True

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:  # EACCES: another process holds the byte
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    _HELD_ON_OPEN = False  # a refused open is a folder we may not write in

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # EWOULDBLOCK: another open file holds it
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
