"""Every file written for the user (a backup to a chosen file, a sync file, exports to come) goes through
`output_file`, which keeps two promises:

- never over the database or one of its backups, not even when told to replace a file: a slip in a
  file name must not destroy the data (compared as files, so a hard link, a symbolic link or another
  spelling of the same path is caught too);
- never half a file: the content goes to a temporary file in the same folder and is renamed into
  place only when complete. A failure, a full disk or Cancel removes the temporary file and leaves an
  existing file as it was.

An existing file is replaced only with `force` (the command line's --force; the desktop app's save
dialog has asked the user already).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crm_desktop.db.paths import backups_dir, database_files
from crm_desktop.errors import StorageError

_LEFTOVERS = ("", "-journal", "-wal", "-shm")  # a SQLite writer may leave its journal beside the file


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def check_output(dest: Path, db_path: Path, *, force: bool = False) -> None:
    """Refuse `dest` if it is a folder, one of the database's files or backups, or (without `force`) exists."""
    if dest.is_dir():
        raise StorageError("{path} is a folder; give a file name.", path=str(dest))
    db_path = db_path.resolve()
    if _key(dest) in {_key(p) for p in database_files(db_path)} or any(
        _same_file(dest, p) for p in database_files(db_path)
    ):
        raise StorageError("{path} is the database itself (or one of its files); it was not touched. "
                           "Choose another file name.", path=str(dest))
    if not dest.exists():
        return
    folder = backups_dir(db_path)
    if folder.is_dir() and any(_same_file(dest, p) for p in folder.iterdir()):
        raise StorageError("{path} is one of the database's backups; it was not touched. Choose another file name.",
                           path=str(dest))
    if not force:
        raise StorageError("{path} already exists. Choose another file name, or replace it with --force.",
                           path=str(dest))


@contextmanager
def output_file(dest: Path, db_path: Path, *, force: bool = False) -> Iterator[Path]:
    """Check `dest` (see `check_output`) and yield a new temporary file beside it to write into.

    When the block ends normally the temporary file replaces `dest`; when it raises, the temporary
    file (and any journal beside it) is removed and the exception goes on.
    """
    check_output(dest, db_path, force=force)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = _new_temporary(dest)
    except OSError as exc:
        raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    try:
        yield tmp
        check_output(dest, db_path, force=force)  # again: the name may have been taken meanwhile
        try:
            os.replace(tmp, dest)
        except OSError as exc:
            raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    finally:
        for suffix in _LEFTOVERS:
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)


def write_output(dest: Path, db_path: Path, content: bytes, *, force: bool = False) -> Path:
    """`content` written to `dest` through `output_file` (a PDF, a JSON file made whole in memory)."""
    with output_file(dest, db_path, force=force) as tmp:
        try:
            tmp.write_bytes(content)
        except OSError as exc:
            raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    return dest


def _new_temporary(dest: Path) -> Path:
    """An empty file of our own beside `dest` (created exclusively: never someone else's file)."""
    while True:
        tmp = dest.with_name(f"{dest.name}.{secrets.token_hex(4)}.part")
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return tmp
