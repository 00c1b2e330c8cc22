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

from crm_desktop.clock import Clock
from crm_desktop.demo.generate import SIZES, load_demo
from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.queries.search import search_all
from crm_desktop.services.app import AppContext, database_path, open_app
from crm_desktop.services.backups import back_up_now, check_and_back_up, check_database, restore_database
from crm_desktop.services.validation import format_phone
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.report import import_summary, sync_status_text
from crm_desktop.sync.state import set_office_key


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
    backup = sub.add_parser("backup", help="copy the database into its backups folder, or to FILE; prints the path")
    backup.add_argument("--out", metavar="FILE", help="write the backup to this new file instead")
    restore = sub.add_parser("restore", help="replace the data with a backup (the current data is backed up first)")
    restore.add_argument("file", metavar="FILE")
    sub.add_parser("check", help='check the database file: prints "ok" or the problems (exit status 1)')
    add_sync_parser(sub)
    return parser


def add_sync_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="exchange changes with other copies by file")
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write a sync file with the changes other copies lack")
    export.add_argument("--out", metavar="FILE", required=True)
    whom = export.add_mutually_exclusive_group()
    whom.add_argument("--for", dest="for_site", metavar="SITE", help="only what copy SITE lacks")
    whom.add_argument("--all", dest="everything", action="store_true", help="every change (starts a new copy)")
    imp = actions.add_parser("import", help="apply a sync file from another copy (after a backup)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="only say what would change")
    actions.add_parser("status", help="this copy's site id, the copies heard from, waiting rows and conflicts")
    key = actions.add_parser("key", help="set the office key that signs and checks sync files ('' removes it)")
    key.add_argument("key", metavar="KEY")


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


def open_for_writing(args: argparse.Namespace, clock: Clock) -> AppContext:
    """Commands that write open with the lock, check the file and make the day's backup first."""
    ctx = open_app(db_path(args), clock=clock)
    try:
        check_and_back_up(ctx, ctx.today())
    except BaseException:
        ctx.close()
        raise
    return ctx


def _cmd_demo(args: argparse.Namespace, clock: Clock) -> int:
    ctx = open_for_writing(args, clock)
    try:
        def report(done: int, total: int) -> bool:
            print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)
            return True

        count = fill_demo(ctx, args.size, report if sys.stderr.isatty() else None)
    finally:
        ctx.close()
    print(f"Added {count:,} sample records ({args.size}) to {ctx.database.path}")
    return 0


def _cmd_search(args: argparse.Namespace, clock: Clock) -> int:
    ctx = open_app(db_path(args), clock=clock, read_only=True)
    try:
        hits = search_all(ctx.database, args.text, args.limit)
    finally:
        ctx.close()
    for hit in hits:
        print("\t".join((hit.kind, hit.title, hit.subtitle, format_phone(hit.phone))))
    return 0


def _cmd_backup(args: argparse.Namespace, clock: Clock) -> int:
    print(back_up_now(db_path(args), Path(args.out).expanduser() if args.out else None, now=clock.now()))
    return 0


def _cmd_restore(args: argparse.Namespace, clock: Clock) -> int:
    done = restore_database(db_path(args), Path(args.file).expanduser(), now=clock.now())
    print(f"Restored {done.source} into {done.database}.")
    if done.upgraded:
        print("The backup came from an older version and was brought up to date.")
    if done.safety_backup is not None:
        print(f"The data it replaced is kept in {done.safety_backup}")
    return 0


def _cmd_check(args: argparse.Namespace, clock: Clock) -> int:
    result = check_database(db_path(args))
    print("\n".join(result.problems) or "ok")
    return 0 if result.ok else 1


def _cmd_sync(args: argparse.Namespace, clock: Clock) -> int:
    if args.sync_command == "status":
        ctx = open_app(db_path(args), clock=clock, read_only=True)
        try:
            print(sync_status_text(ctx))
        finally:
            ctx.close()
        return 0
    ctx = open_for_writing(args, clock)
    try:
        if args.sync_command == "export":
            out = export_bundle(ctx.database, Path(args.out).expanduser(), for_site=args.for_site,
                                everything=args.everything, user_id=ctx.user_id)
            print(f"Wrote {out.changes:,} changes to {out.path}")
        elif args.sync_command == "import":
            result = import_bundle(ctx.database, ctx.user_id, Path(args.file).expanduser(), dry_run=args.dry_run)
            print(import_summary(result))
        else:
            set_office_key(ctx.database, args.key)
            print("Office key set." if args.key.strip() else "Office key removed.")
    finally:
        ctx.close()
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Clock], int]] = {
    "demo": _cmd_demo,
    "search": _cmd_search,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "sync": _cmd_sync,
}


def run(args: argparse.Namespace, clock: Clock) -> int:
    """Run one command; a DomainError becomes one line on stderr and exit status 1."""
    try:
        return COMMANDS[args.command](args, clock)
    except DomainError as err:
        print(f"crm-desktop: {err.text(message_language(args))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("crm-desktop: interrupted; nothing was saved.", file=sys.stderr)
        return 130
