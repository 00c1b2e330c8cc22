"""The command line (DESIGN §4): parse arguments, call one library function, print.

Every error prints one readable line to stderr, never a traceback: status 2 when the command line
cannot be understood (argparse), 1 when a command refuses or fails. Anything unexpected also ends
as one line (1), with the traceback only when CRM_DESKTOP_DEBUG is set. `crm_desktop.main` (the
composition root) dispatches here or to the desktop app.

Only what parsing and the import need is imported at start: a command that prints a PDF, talks
iCalendar, syncs or makes sample data imports its modules when it runs (reportlab, icalendar, the
sync and demo code were 0.4 s of every command's 1.6 s start).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import NoReturn

from crm_desktop.clock import Clock, office_time
from crm_desktop.db.output import check_output
from crm_desktop.db.paths import backups_dir
from crm_desktop.db.server import Server
from crm_desktop.demo.sizes import SIZES
from crm_desktop.errors import DomainError, StorageError
from crm_desktop.exchange.records import FILTERS, VCARD_VERSIONS
from crm_desktop.exchange.records import FORMATS as RECORD_FORMATS
from crm_desktop.exchange.records import KINDS as RECORD_KINDS
from crm_desktop.exchange.rejected import write_rejected
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.exchange.sheet import FORMATS
from crm_desktop.import_plans.mappings import Mapping
from crm_desktop.messages import translate
from crm_desktop.options import add_program_options
from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.queries.imports import preview_rows
from crm_desktop.queries.lookups import user_named
from crm_desktop.queries.search import search_all
from crm_desktop.roles import BACKUP, RESTORE, Action
from crm_desktop.services.app import AppContext, Location, database_path, has_database, open_app, readable_failure
from crm_desktop.services.backups import (
    EXPORT,
    PG_DUMP,
    back_up_now,
    backup_kind,
    check_and_back_up,
    check_database,
    restore_backup,
    restore_database,
)
from crm_desktop.services.erase import ERASABLE, erase_person, reclaim_space
from crm_desktop.services.formatting import parse_date
from crm_desktop.services.import_mappings import mapping_named
from crm_desktop.services.imports import IMPORT_KINDS, import_counts, import_with_backup
from crm_desktop.services.logins import act_as
from crm_desktop.services.validation import format_phone

DEBUG_ENV = "CRM_DESKTOP_DEBUG"  # set (to anything) to see the traceback of an unexpected error
USER_ENV = "CRM_DESKTOP_USER"  # who acts, when --user is not given
PASSWORD_ENV = "CRM_DESKTOP_PASSWORD"  # their password, for scripts; otherwise it is asked for


class UsageError(DomainError):
    """The command line cannot be understood: exit status 2, as usual for command-line tools."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line instead of argparse's usage block; `main` prints it in the chosen language."""
        raise UsageError("{reason} (see {prog} --help)", reason=message, prog=self.prog)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="crm-desktop", description="Offline-first CRM for small Thai businesses.")
    add_program_options(parser)
    parser.add_argument("--user", metavar="NAME", help=f"act as this person (default: ${USER_ENV}, else the copy's "
                        "current person); with logins on, the password is asked for, or read from "
                        f"${PASSWORD_ENV}")
    parser.add_argument("--version", action="store_true", help="print the version of the program, Python, Qt and "
                        "SQLite, the database and the data, backup and log folders, and stop")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="fill an empty database (made if missing) with Thai/English sample data")
    demo.add_argument("--size", choices=tuple(SIZES), default="small")
    search = sub.add_parser("search", help="print the accounts, contacts, leads, deals, products, documents "
                            "and cases matching TEXT")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20, help="at most this many of each kind (1 or more)")
    backup = sub.add_parser("backup", help="copy the database into its backups folder, or to FILE; prints the path")
    backup.add_argument("--out", metavar="FILE", type=Path, help="write the backup to this file instead")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    restore = sub.add_parser("restore", help="replace the data with a backup (the current data is backed up first)")
    restore.add_argument("file", metavar="FILE", type=Path)
    sub.add_parser("check", help='check the database file: prints "ok" or the problems (exit status 1)')
    add_sync_parser(sub)
    add_calendar_parsers(sub)
    add_quote_parser(sub)
    add_report_parser(sub)
    add_import_parser(sub)
    add_erase_parser(sub)
    return parser


def add_erase_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    erase = sub.add_parser("erase", help="erase a person under PDPA: their personal data leaves the record, its "
                                         "history and, at their next sync, the other copies; cannot be undone")
    erase.add_argument("kind", choices=ERASABLE)
    erase.add_argument("id", metavar="ID")
    erase.add_argument("--yes", action="store_true", help="confirm the erase (required: it cannot be undone)")
    erase.add_argument("--no-vacuum", action="store_true",
                       help="do not rebuild the file afterwards (VACUUM: traces of edits made before the erase "
                            "stay in the file's free space until it is rebuilt)")


def add_import_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="bring contacts, companies, leads or products in from a CSV/TSV, xlsx "
                         "or vCard file, or activities from a CSV/xlsx or iCalendar (.ics) file, all or nothing "
                         "(after a backup)")
    imp.add_argument("import_kind", metavar="KIND", choices=IMPORT_KINDS, help=", ".join(IMPORT_KINDS))
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--sheet", metavar="NAME", help="the xlsx sheet to read (default: as detected)")
    imp.add_argument("--mapping", metavar="NAME",
                     help="use the column mapping saved under this name (in the import wizard) instead of the guess")
    imp.add_argument("--dry-run", action="store_true", help="print what would happen; write nothing")
    decide = imp.add_mutually_exclusive_group()
    decide.add_argument("--update", dest="decision", action="store_const", const="update",
                        help="a likely duplicate updates the record it matches (only the fields the file has)")
    decide.add_argument("--skip", dest="decision", action="store_const", const="skip",
                        help="a likely duplicate is left out (the default)")
    decide.add_argument("--create", dest="decision", action="store_const", const="create",
                        help="a likely duplicate becomes a new record anyway")
    imp.set_defaults(decision="skip")
    imp.add_argument("--stop-on-error", action="store_true", help="import nothing when any row has an error")
    imp.add_argument("--errors", metavar="FILE.csv", type=Path,
                     help="write the rows left out, with the reasons, as CSV to fix and import again")
    imp.add_argument("--force", action="store_true", help="replace the --errors file if it exists")


def add_report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="printed reports")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    monthly = kinds.add_parser("monthly", help="write the monthly sales report as PDF")
    monthly.add_argument("--month", metavar="YYYY-MM", help="the month (2026-11 or 2569-11; default: last month)")
    monthly.add_argument("--out", metavar="FILE", type=Path,
                         help="the PDF to write (default: monthly-report-YYYY-MM.pdf in the current folder)")
    monthly.add_argument("--lang", dest="pdf_lang", choices=("th", "en"),
                         help="language of the report (default: that of messages)")
    monthly.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")


def add_quote_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quote = sub.add_parser("quote", help="quotations")
    actions = quote.add_subparsers(dest="quote_command", metavar="ACTION", required=True)
    pdf = actions.add_parser("pdf", help='write a quotation as PDF: NUMBER as printed, e.g. QT2569-0001 (the newest '
                                         'revision) or "QT2569-0001 rev 2"')
    pdf.add_argument("number", metavar="NUMBER", nargs="+")
    pdf.add_argument("--out", metavar="FILE", type=Path, required=True)
    pdf.add_argument("--lang", dest="pdf_lang", choices=("th", "en"),
                     help="language of the document (default: the one chosen on the quotation)")
    pdf.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")


def add_calendar_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="write data to a file for other programs")
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    ics = kinds.add_parser("ics", help="activities (and anniversaries) as an iCalendar file for Google Calendar, "
                                       "Outlook or Apple Calendar; exporting again updates the same events")
    ics.add_argument("--out", metavar="FILE", type=Path, required=True)
    ics.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    ics.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD), office time")
    ics.add_argument("--to", dest="end", metavar="DATE", help="last day, included (YYYY-MM-DD)")
    ics.add_argument("--owner", metavar="NAME", help="only what this person does, and their customers' dates")
    ics.add_argument("--anniversaries", action="store_true",
                     help="add birthdays, founding days and custom dates as yearly all-day events")
    orders = kinds.add_parser("orders", help="sales order lines as a spreadsheet (CSV with BOM, or xlsx)")
    orders.add_argument("--format", choices=FORMATS, required=True)
    orders.add_argument("--out", metavar="FILE", type=Path, required=True)
    orders.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    orders.add_argument("--month", metavar="YYYY-MM", help="only orders dated in this month (2026-11 or 2569-11)")
    add_record_export_parsers(kinds)
    person = kinds.add_parser("person", help="everything about one contact or lead (PDPA access request): a PDF "
                                             "to read and a JSON file for programs, written into DIR")
    person.add_argument("person_id", metavar="ID", help="the contact's or lead's id")
    person.add_argument("--out", metavar="DIR", type=Path, required=True)
    person.add_argument("--lang", dest="pdf_lang", choices=("th", "en"),
                        help="language of the PDF (default: the language of messages)")
    person.add_argument("--force", action="store_true", help="replace the files if they exist (never the database)")
    alerts = sub.add_parser("alerts", help="print what the alert rules find now, one alert per line (those the "
                            "person acting dismissed or snoozed left out)")
    alerts.add_argument("--owner", metavar="NAME", help="only the alerts about this person's records")
    agenda = sub.add_parser("agenda", help="print the coming activities and anniversaries, one per line")
    agenda.add_argument("--days", metavar="N", type=int, default=7,
                        help="today and the days after it, N in all (1 to 366; default 7)")
    agenda.add_argument("--owner", metavar="NAME", help="only what this person does, and their customers' dates")


_RECORD_HELP = {"contacts": "contacts as CSV (BOM, Excel reads Thai), xlsx or vCard (vcf)",
                "companies": "companies (accounts) as CSV or xlsx", "leads": "leads as CSV or xlsx",
                "products": "products as CSV or xlsx"}


def add_record_export_parsers(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`export contacts|companies|leads|products`: columns the import maps back to the same fields."""
    for kind in RECORD_KINDS:
        parser = kinds.add_parser(kind, help=_RECORD_HELP[kind])
        formats = RECORD_FORMATS if kind == "contacts" else FORMATS
        parser.add_argument("--format", choices=formats, required=True)
        parser.add_argument("--out", metavar="FILE", type=Path, required=True)
        parser.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
        if "owner_id" in FILTERS[kind]:
            parser.add_argument("--owner", metavar="NAME", help="only the records this person looks after")
        if "province" in FILTERS[kind]:
            parser.add_argument("--province", metavar="NAME", help="only this province (as stored, e.g. กรุงเทพมหานคร)")
        if "segment" in FILTERS[kind]:
            parser.add_argument("--segment", metavar="NAME", help="only this segment")
        if "consent_only" in FILTERS[kind]:
            parser.add_argument("--consent-only", action="store_true",
                                help="leave out people without marketing consent (PDPA)")
        if "vcf" in formats:
            parser.add_argument("--vcard-version", choices=VCARD_VERSIONS, default="3.0",
                                help="vCard version for --format vcf (default 3.0)")


def add_sync_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="exchange changes with other copies by file")
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write a sync file with the changes other copies lack")
    export.add_argument("--out", metavar="FILE", type=Path, required=True)
    export.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    whom = export.add_mutually_exclusive_group()
    whom.add_argument("--for", dest="for_site", metavar="SITE", help="only what copy SITE lacks")
    whom.add_argument("--all", dest="everything", action="store_true", help="every change (starts a new copy)")
    imp = actions.add_parser("import", help="apply a sync file from another copy (after a backup); "
                                            "makes the database if missing")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="only say what would change")
    actions.add_parser("status", help="this copy's site id, the copies heard from, waiting rows and conflicts")
    key = actions.add_parser("key", help="set the office key that signs and checks sync files ('' removes it)")
    key.add_argument("key", metavar="KEY")
    repair = actions.add_parser("repair-clock", help="mend a copy that took in changes dated in the future "
                                "(after a backup)")
    repair.add_argument("--dry-run", action="store_true", help="only say what would change")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; raises UsageError (status 2), or a DomainError (status 1) for an
    argument that is not text: names and values end up in the database and on screen, and bytes
    that are not UTF-8 (possible in a Linux file name) can be neither."""
    for value in argv:
        _require_text(value)
    return build_parser().parse_args(argv)


def _require_text(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        try:
            shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that did not come from a byte
            shown = value.encode("utf-8", "backslashreplace").decode("utf-8")
        raise DomainError("{value} is not valid UTF-8 text; rename the file or retype the argument.",
                          value=shown) from None


def fail(err: DomainError, lang: str) -> int:
    """Print `err` as one line on stderr; the exit status (2 for a usage error, else 1)."""
    print(f"crm-desktop: {' '.join(err.text(lang).split())}", file=sys.stderr)
    return 2 if isinstance(err, UsageError) else 1


def argv_language(argv: Sequence[str]) -> str:
    """The language of messages before (or without) a parsed command line: --lang, else the system's."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in ("th", "en"):
            return value
    return system_language()


def system_language() -> str:
    return "th" if os.environ.get("LANG", "").lower().startswith("th") else "en"


def message_language(args: argparse.Namespace) -> str:
    return str(args.lang) if args.lang else system_language()


def db_path(args: argparse.Namespace) -> Location:
    """--db, else $CRM_DESKTOP_DB, else the default (a file or an office server); refused unless its
    name is text (as any argument)."""
    location = database_path(args.db)
    _require_text(str(location))  # a server's text holds its URL
    return location


def is_empty(ctx: AppContext) -> bool:
    return account_count(ctx.database) == 0 and contact_count(ctx.database) == 0


def fill_demo(ctx: AppContext, size: str, progress: Callable[[int, int], bool] | None = None, *,
              alone: bool = False) -> int:
    """Load sample data into an empty database; refuses one that already holds records. `alone`: nothing
    else reads the database meanwhile (the command, not the app). The forecasts of the last months are
    kept too, back-tested from the sample sales before each month, so the forecast's track record
    is not empty (sample data have no past app starts to have frozen them)."""
    if not is_empty(ctx):
        raise DomainError(
            "The database already has accounts or contacts; sample data only goes into an empty one. "
            "Use --db to choose a new file."
        )
    from crm_desktop.demo.generate import load_demo
    from crm_desktop.queries.reports.forecast import backtest_forecasts
    from crm_desktop.services.forecasts import freeze_forecasts

    added = load_demo(ctx.database, size, ctx.user_id, progress, alone=alone)
    kept = freeze_forecasts(ctx.uow(), backtest_forecasts(ctx.database, ctx.today()), ctx.today())
    return added + len(kept.created)


def open_for_writing(args: argparse.Namespace, clock: Clock, *, create: bool = False) -> AppContext:
    """Commands that write open with the lock, check the file and make the day's backup first.

    Only `create` makes a database where there is none (`demo`, `sync import`); the others refuse.
    """
    ctx = open_as_person(args, clock, create=create)
    try:
        check_and_back_up(ctx, ctx.today())
    except BaseException:
        ctx.close()
        raise
    return ctx


def open_for_reading(args: argparse.Namespace, clock: Clock) -> AppContext:
    """Commands that only read: beside a running app, never creating, migrating or writing anything."""
    return open_as_person(args, clock, read_only=True)


def open_as_person(args: argparse.Namespace, clock: Clock, *, create: bool = False,
                   read_only: bool = False) -> AppContext:
    """Open the database and act as --user (services.logins.act_as: with logins on, after the password)."""
    ctx = open_app(db_path(args), clock=clock, create=create, read_only=read_only)
    try:
        name = args.user or os.environ.get(USER_ENV) or None
        act_as(ctx, name, lambda: os.environ.get(PASSWORD_ENV) or getpass.getpass(f"Password for {name}: "))
    except BaseException:
        ctx.close()
        raise
    return ctx


def require_of_person(args: argparse.Namespace, clock: Clock, action: Action) -> None:
    """For the commands that work on the file without opening it (backup, restore): refuse unless the
    person acting may. A database that cannot be opened to ask (damaged: what a restore is for) passes."""
    try:
        ctx = open_as_person(args, clock, read_only=True)
    except StorageError:
        return
    try:
        ctx.require(action)
    finally:
        ctx.close()


def _cmd_demo(args: argparse.Namespace, clock: Clock) -> int:
    ctx = open_for_writing(args, clock, create=True)
    try:
        def report(done: int, total: int) -> bool:
            print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)
            return True

        count = fill_demo(ctx, args.size, report if sys.stderr.isatty() else None, alone=True)
    finally:
        ctx.close()
    print(f"Added {count:,} sample records ({args.size}) to {ctx.database.shown}")
    return 0


def _cmd_search(args: argparse.Namespace, clock: Clock) -> int:
    ctx = open_for_reading(args, clock)
    try:
        hits = search_all(ctx.database, args.text, args.limit)
    finally:
        ctx.close()
    for hit in hits:
        print("\t".join((hit.kind, hit.title, hit.subtitle, format_phone(hit.phone))))
    return 0


def _cmd_backup(args: argparse.Namespace, clock: Clock) -> int:
    require_of_person(args, clock, BACKUP)
    out = args.out.expanduser() if args.out is not None else None
    location = db_path(args)
    made = back_up_now(location, out, now=clock.now(), force=args.force)
    print(made)
    if isinstance(location, Server):  # which of the two kinds (the path alone goes to stdout)
        print(SERVER_BACKUP_KINDS[backup_kind(made)], file=sys.stderr)
    return 0


SERVER_BACKUP_KINDS = {
    PG_DUMP: "Made by pg_dump.",
    EXPORT: "Made by crm_desktop's own export (pg_dump is not installed here): a crm_desktop database file.",
}


def _cmd_restore(args: argparse.Namespace, clock: Clock) -> int:
    location = db_path(args)
    if isinstance(location, Server):  # from a desk connected to it, as the person acting (the owner)
        ctx = open_as_person(args, clock)
        try:
            done = restore_backup(ctx, args.file.expanduser())
        finally:
            ctx.close()
    else:
        require_of_person(args, clock, RESTORE)
        done = restore_database(location, args.file.expanduser(), now=clock.now())
    print(f"Restored {done.source} into {done.database}.")
    if done.upgraded:
        print("The backup came from an older version and was brought up to date.")
    if done.safety_backup is not None:
        print(f"The data it replaced is kept in {done.safety_backup}")
    if done.own_settings_lost:
        print("This copy's own settings could not be read from the replaced data, so those of the backup "
              "are in use: check the office key (`sync status`) and the number of backups to keep.")
    return 0


def _cmd_check(args: argparse.Namespace, clock: Clock) -> int:
    result = check_database(db_path(args))
    print("\n".join(result.problems) or "ok")
    return 0 if result.ok else 1


def _cmd_sync(args: argparse.Namespace, clock: Clock) -> int:
    from crm_desktop.sync.files import check_export_target, export_bundle, import_bundle
    from crm_desktop.sync.repair import repair_clock
    from crm_desktop.sync.report import import_summary, repair_summary, sync_status_text
    from crm_desktop.sync.state import set_office_key

    if args.sync_command == "status":
        ctx = open_for_reading(args, clock)
        try:
            print(sync_status_text(ctx))
        finally:
            ctx.close()
        return 0
    if args.sync_command == "import" and args.dry_run and not has_database(db_path(args)):
        return _dry_run_into_new_copy(args.file.expanduser(), clock, message_language(args))
    if args.sync_command == "export":
        check_export_target(db_path(args), args.out.expanduser(), force=args.force)
    ctx = open_for_writing(args, clock, create=args.sync_command == "import")  # only an import starts a new copy
    try:
        if args.sync_command == "export":
            out = export_bundle(ctx.database, args.out.expanduser(), for_site=args.for_site,
                                everything=args.everything, user_id=ctx.user_id, force=args.force)
            print(f"Wrote {out.changes:,} changes to {out.path}")
        elif args.sync_command == "import":
            result = import_bundle(ctx.database, ctx.user_id, args.file.expanduser(), dry_run=args.dry_run)
            print(import_summary(result, message_language(args)))
        elif args.sync_command == "repair-clock":
            print(repair_summary(repair_clock(ctx.database, ctx.user_id, dry_run=args.dry_run)))
        else:
            set_office_key(ctx.database, args.key, by=ctx.user_id)
            print("Office key set." if args.key.strip() else "Office key removed.")
    finally:
        ctx.close()
    return 0


def _cmd_export(args: argparse.Namespace, clock: Clock) -> int:
    lang = message_language(args)
    if args.export_kind == "orders":
        return _export_orders(args, clock, lang)
    if args.export_kind in RECORD_KINDS:
        return _export_records(args, clock, lang)
    if args.export_kind == "person":
        return _export_person(args, clock, lang)
    start = parse_date(args.start, "from") if args.start is not None else None
    last = parse_date(args.end, "to") if args.end is not None else None
    if start is not None and last is not None and last < start:
        raise DomainError("The last day ({end}) is before the first day ({start}).", start=start, end=last)
    from crm_desktop.exchange.ics import export_ics

    ctx = open_for_reading(args, clock)
    try:
        person = user_named(ctx.database, args.owner) if args.owner is not None else None
        done = export_ics(ctx.database, args.out.expanduser(), start=start,
                          end=last + timedelta(days=1) if last is not None else None,
                          person_id=person.id if person else None, anniversaries=args.anniversaries,
                          name=f"crm_desktop: {person.name}" if person else "crm_desktop", lang=lang,
                          force=args.force)
    finally:
        ctx.close()
    print(translate("Wrote {count} events to {path}", lang).format(count=f"{done.events:,}", path=done.path))
    return 0


def _export_orders(args: argparse.Namespace, clock: Clock, lang: str) -> int:
    from crm_desktop.exchange.orders import check_month, export_orders

    month = check_month(args.month) if args.month is not None else ""
    ctx = open_for_reading(args, clock)
    try:
        done = export_orders(ctx.database, args.out.expanduser(), args.format, month=month, lang=lang,
                             force=args.force)
    finally:
        ctx.close()
    print(translate("Wrote {count} order lines to {path}", lang).format(count=f"{done.lines:,}", path=done.path))
    return 0


def _export_records(args: argparse.Namespace, clock: Clock, lang: str) -> int:
    from crm_desktop.exchange.records import RecordFilter, export_records

    ctx = open_for_reading(args, clock)
    try:
        owner = getattr(args, "owner", None)
        flt = RecordFilter(owner_id=user_named(ctx.database, owner).id if owner is not None else "",
                           province=getattr(args, "province", None) or "", segment=getattr(args, "segment", None) or "",
                           consent_only=getattr(args, "consent_only", False))
        done = export_records(ctx.database, args.export_kind, args.out.expanduser(), args.format, flt=flt, lang=lang,
                              vcard_version=getattr(args, "vcard_version", "3.0"), force=args.force)
    finally:
        ctx.close()
    print(translate("Wrote {count} records to {path}", lang).format(count=f"{done.records:,}", path=done.path))
    return 0


def _export_person(args: argparse.Namespace, clock: Clock, lang: str) -> int:
    from crm_desktop.reports.person import export_person

    folder = args.out.expanduser()
    if not folder.is_dir():
        raise DomainError("{path} is not a folder.", path=str(folder))
    ctx = open_for_reading(args, clock)
    try:
        pdf, data = export_person(ctx, args.person_id, folder, args.pdf_lang or lang, force=args.force)
    finally:
        ctx.close()
    print(translate("Wrote the personal data to {pdf} and {json}", lang).format(pdf=pdf, json=data))
    return 0


def _cmd_agenda(args: argparse.Namespace, clock: Clock) -> int:
    from crm_desktop.exchange.agenda import agenda_lines

    ctx = open_for_reading(args, clock)
    try:
        person = user_named(ctx.database, args.owner) if args.owner is not None else None
        lines = agenda_lines(ctx.database, ctx.today(), args.days, person_id=person.id if person else None,
                             lang=message_language(args))
    finally:
        ctx.close()
    for line in lines:
        print(line)
    return 0


def _cmd_alerts(args: argparse.Namespace, clock: Clock) -> int:
    """One line per alert open for the person acting (--user; dismissed or snoozed by them, or by the whole
    office before dismissals were each person's, left out), tab-separated: when it was raised (office
    time), its message, the record's owner."""
    from crm_desktop.queries.alerts import current_alerts
    from crm_desktop.services.alerts import alert_text

    lang = message_language(args)
    ctx = open_for_reading(args, clock)
    try:
        person = user_named(ctx.database, args.owner) if args.owner is not None else None
        rows = current_alerts(ctx.database, ctx.now(), person.id if person else None, person=ctx.user_id)
    finally:
        ctx.close()
    for r in rows:
        print("\t".join((office_time(r.raised_at).strftime("%Y-%m-%d %H:%M"),
                         alert_text(r.kind, r.params, lang, buddhist=lang == "th"), r.owner_name)))
    return 0


def _cmd_quote(args: argparse.Namespace, clock: Clock) -> int:
    from crm_desktop.reports.pages import save_pdf
    from crm_desktop.reports.quotation import find_quotation, quotation_pdf

    ctx = open_for_reading(args, clock)
    try:
        pdf = quotation_pdf(ctx, find_quotation(ctx, " ".join(args.number)), args.pdf_lang)
        out = save_pdf(pdf, args.out.expanduser(), ctx.database.path, force=args.force)
    finally:
        ctx.close()
    print(translate("Wrote the quotation to {path}", message_language(args)).format(path=out))
    return 0


def _cmd_report(args: argparse.Namespace, clock: Clock) -> int:
    from crm_desktop.exchange.orders import check_month
    from crm_desktop.reports.monthly import monthly_report_pdf
    from crm_desktop.reports.monthly.document import last_month
    from crm_desktop.reports.pages import save_pdf

    lang = message_language(args)
    month = check_month(args.month) if args.month is not None else last_month(clock.today())
    out = (args.out or Path(f"monthly-report-{month}.pdf")).expanduser()
    ctx = open_for_reading(args, clock)
    try:
        save_pdf(monthly_report_pdf(ctx, month, args.pdf_lang or lang), out, ctx.database.path, force=args.force)
    finally:
        ctx.close()
    print(translate("Wrote the monthly report for {month} to {path}", lang).format(month=month, path=out))
    return 0


def _saved_mapping(args: argparse.Namespace, clock: Clock) -> Mapping | None:
    """The mapping `--mapping NAME` names (NotFound when there is none), read before anything is opened to write."""
    if not args.mapping:
        return None
    ctx = open_for_reading(args, clock)
    try:
        return mapping_named(ctx.uow(), args.import_kind, args.mapping)
    finally:
        ctx.close()


def _cmd_import(args: argparse.Namespace, clock: Clock) -> int:
    lang = message_language(args)
    path, errors_out = args.file.expanduser(), args.errors.expanduser() if args.errors else None
    loaded = read_import_file(path, args.import_kind, sheet=args.sheet, mapping=_saved_mapping(args, clock))
    # A dry run writes nothing, not even the day's backup.
    ctx = open_as_person(args, clock) if args.dry_run else open_for_writing(args, clock)
    try:
        if errors_out is not None:  # before anything is written (the database's path: a server's stand-in too)
            check_output(errors_out, ctx.database.path, force=args.force)
        preview = preview_rows(ctx.database, args.import_kind, loaded.rows)
        result = import_with_backup(ctx, args.import_kind, loaded.rows, preview, decision=args.decision,
                                    stop_on_error=args.stop_on_error, dry_run=args.dry_run, source=path.name)
    finally:
        ctx.close()
    print(import_counts(result, lang))
    print_warnings([*loaded.warnings, *(w for row in loaded.rows for w in row.warnings)], lang)
    if errors_out is not None and result.rejected:
        write_rejected(errors_out, path, loaded, result.rejected, ctx.database.path, lang, sheet=args.sheet,
                       force=args.force)
    if not result.rejected:
        return 0
    template = ("Nothing was imported: {count} rows have errors." if args.stop_on_error
                else "{count} rows with errors were left out.")
    return fail(DomainError(template, count=f"{len(result.rejected):,}"), lang)


WARNINGS_SHOWN = 20


def print_warnings(warnings: Sequence[DomainError], lang: str) -> None:
    """What the import read past (a broken property of a calendar event…), on stderr: the first few."""
    for warning in warnings[:WARNINGS_SHOWN]:
        print(translate("Warning: {text}", lang).format(text=warning.text(lang)), file=sys.stderr)
    if len(warnings) > WARNINGS_SHOWN:
        print(translate("… and {count} more warnings.", lang).format(count=len(warnings) - WARNINGS_SHOWN),
              file=sys.stderr)


def _dry_run_into_new_copy(file: Path, clock: Clock, lang: str) -> int:
    """What importing `file` into a new copy would do, against a scratch database: a dry run creates nothing."""
    from crm_desktop.sync.files import import_bundle
    from crm_desktop.sync.report import import_summary

    with tempfile.TemporaryDirectory(prefix="crm-dry-run-") as folder:
        ctx = open_app(Path(folder) / "new-copy.sqlite3", clock=clock)
        try:
            result = import_bundle(ctx.database, ctx.user_id, file, dry_run=True)
        finally:
            ctx.close()
    print(import_summary(result, lang))
    return 0


def _cmd_erase(args: argparse.Namespace, clock: Clock) -> int:
    if not args.yes:
        raise DomainError("Erasing a person cannot be undone. Run the command again with --yes to confirm.")
    # No day's backup first (open_for_writing would make one): it would be a fresh copy of the data erased.
    ctx = open_as_person(args, clock)
    try:
        result = erase_person(ctx.uow(), args.kind, args.id)
        if not args.no_vacuum:
            reclaim_space(ctx.database)
    finally:
        ctx.close()
    others = len(result.changes.ids) - len(result.erased)
    print(f"Erased {len(result.erased)} record(s) of this person; {max(others, 0)} other record(s) anonymised. "
          "Other copies erase them at their next sync.")
    print(f"Backups made before now still hold the data until they are rotated away: {backups_dir(ctx.database.path)}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Clock], int]] = {
    "demo": _cmd_demo,
    "search": _cmd_search,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "sync": _cmd_sync,
    "export": _cmd_export,
    "agenda": _cmd_agenda,
    "alerts": _cmd_alerts,
    "quote": _cmd_quote,
    "report": _cmd_report,
    "import": _cmd_import,
    "erase": _cmd_erase,
}


def run(args: argparse.Namespace, clock: Clock) -> int:
    """Run one command; every error becomes one line on stderr and exit status 1.

    A DomainError says what to do; a failure of the environment (the disk, the database file) gets
    its readable message; anything else is a bug, reported in one line whose traceback is shown
    only with CRM_DESKTOP_DEBUG set.
    """
    lang = message_language(args)
    try:
        return COMMANDS[args.command](args, clock)
    except DomainError as err:
        return fail(err, lang)
    except KeyboardInterrupt:
        print("crm-desktop: interrupted; nothing was saved.", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        known = readable_failure(exc)
        if known is not None:
            return fail(known, lang)
        from crm_desktop.services.diagnostics import log_unexpected

        logged = log_unexpected(exc, clock, args.db)  # a report without the message (no personal data)
        if logged is None:
            return fail(DomainError(
                "Unexpected error ({reason}). To see where it happened, run the command again with {env}=1 set.",
                reason=f"{type(exc).__name__}: {exc}", env=DEBUG_ENV), lang)
        return fail(DomainError(
            "Unexpected error ({reason}). To see where it happened, run the command again with {env}=1 set; "
            "details in {log}", reason=f"{type(exc).__name__}: {exc}", env=DEBUG_ENV, log=logged), lang)
