"""The command line (DESIGN §4): parse arguments, call one library function, print.

Errors a user can fix print one readable line to stderr and exit with status 1; no tracebacks
for bad input. `crm_desktop.main` (the composition root) dispatches here or to the desktop app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from crm_desktop.demo.generate import SIZES, load_demo
from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.queries.search import search_all
from crm_desktop.services.app import AppContext, database_path, open_app
from crm_desktop.services.validation import format_phone


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crm-desktop", description="Offline-first CRM for small Thai businesses.")
    parser.add_argument("--db", metavar="PATH", help="database file (default: $CRM_DESKTOP_DB or the user data folder)")
    parser.add_argument("--lang", choices=("th", "en"), help="language of messages (default: from the system)")
    parser.add_argument("--demo", action="store_true", help="desktop app: fill an empty database with sample data")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="fill an empty database with realistic Thai/English sample data")
    demo.add_argument("--size", choices=tuple(SIZES), default="small")
    search = sub.add_parser("search", help="print accounts, contacts, leads and deals matching TEXT")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20, help="at most this many of each kind")
    return parser


def message_language(args: argparse.Namespace) -> str:
    if args.lang:
        return str(args.lang)
    return "th" if os.environ.get("LANG", "").lower().startswith("th") else "en"


def db_path(args: argparse.Namespace) -> Path:
    return database_path(args.db)


def is_empty(ctx: AppContext) -> bool:
    return account_count(ctx.database) == 0 and contact_count(ctx.database) == 0


def fill_demo(ctx: AppContext, size: str, progress: Callable[[int, int], bool] | None = None) -> int:
    """Load sample data into an empty database; refuses one that already holds records."""
    if not is_empty(ctx):
        raise DomainError(
            "The database already has accounts or contacts; sample data only goes into an empty one. "
            "Use --db to choose a new file."
        )
    return load_demo(ctx.database, size, ctx.user_id, progress)


def _cmd_demo(args: argparse.Namespace) -> int:
    ctx = open_app(db_path(args))
    try:
        def report(done: int, total: int) -> bool:
            print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)
            return True

        count = fill_demo(ctx, args.size, report if sys.stderr.isatty() else None)
    finally:
        ctx.close()
    print(f"Added {count:,} sample records ({args.size}) to {ctx.database.path}")
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    ctx = open_app(db_path(args), exclusive=False)
    try:
        hits = search_all(ctx.database, args.text, args.limit)
    finally:
        ctx.close()
    for hit in hits:
        print("\t".join((hit.kind, hit.title, hit.subtitle, format_phone(hit.phone))))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"demo": _cmd_demo, "search": _cmd_search}


def run(args: argparse.Namespace) -> int:
    """Run one command; a DomainError becomes one line on stderr and exit status 1."""
    try:
        return COMMANDS[args.command](args)
    except DomainError as err:
        print(f"crm-desktop: {err.text(message_language(args))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("crm-desktop: interrupted; nothing was saved.", file=sys.stderr)
        return 130
