"""The options the program takes before any command (--db, --lang, --demo), and the desktop app's start
without the command line; also a sync file to open (`crm-desktop FILE.crmsync`, what a double-click on
one runs through the file association of the Windows installer and the macOS app).

Starting the desktop app is the common case, and it needs only these three options: reading them here
spares it the command line's modules (the import and export formats, erasure, backups, search), 0.1 s
of every start. Anything else (a command, --help, a mistake) goes to `crm_desktop.cli`, which adds its
commands to the same options and explains what it cannot parse.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

SYNC_FILE_SUFFIX = ".crmsync"
"""The sync file's own name ending (a zip inside, DESIGN §5): the installers register it so a double-click
opens the import preview. Files named .zip (what older copies wrote) are sync files to open as well, but
only .crmsync is registered: the program must not take over every zip file."""
SYNC_FILE_SUFFIXES = (SYNC_FILE_SUFFIX, ".zip")


def is_sync_file_name(value: str) -> bool:
    """A lone argument that names a sync file (by its ending; it may not exist: the preview says so)."""
    return not value.startswith("-") and Path(value).suffix.lower() in SYNC_FILE_SUFFIXES


def add_program_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH|URL",
                        help="database file, or an office server's URL (postgresql://user@host/name) "
                             "(default: $CRM_DESKTOP_DB or the user data folder)")
    parser.add_argument("--lang", choices=("th", "en"), help="language of messages (default: from the system)")
    parser.add_argument("--demo", action="store_true", help="desktop app: fill an empty database with sample data")


class _NotTheApp(Exception):
    """The arguments are not a plain start of the desktop app."""


class _DesktopParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheApp(message)


def desktop_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed options when `argv` starts the desktop app (only the program's options, each valid
    text, and at most one sync file to open: `open_file`), else None: the command line then parses it
    and says what is wrong."""
    parser = _DesktopParser(add_help=False)
    add_program_options(parser)
    try:
        for value in argv:
            value.encode("utf-8")  # a name that is not text: the command line refuses it in one line
        args, rest = parser.parse_known_args(list(argv))
    except (_NotTheApp, UnicodeEncodeError):
        return None
    args.open_file = None
    if len(rest) == 1 and is_sync_file_name(rest[0]):
        args.open_file = Path(rest[0])
    elif rest:
        return None
    args.command = None
    return args
