"""Composition root: the `crm-desktop` entry point chooses between a command and the desktop app.

It is the one module allowed to import both the command line and the Qt views; it hands the
views the sample-data loader, which they may not import themselves.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from types import ModuleType
from typing import TYPE_CHECKING

from crm_desktop.clock import Clock
from crm_desktop.errors import DomainError
from crm_desktop.options import desktop_options

if TYPE_CHECKING:
    from crm_desktop.services.app import AppContext


class SystemClock:
    """The machine's clock: the only place the program reads it (everything else gets a Clock)."""

    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)

    def today(self) -> date:
        return date.today()  # the computer's own time zone: the office's


GUI_DEMO_SIZE = "medium"  # 5,000 companies and 15,000 people: enough to feel real, loads in seconds


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """`clock`: where now and today come from (the machine's by default; tests fix it). Without `argv`
    this is the program itself (the tests give theirs), and it ends when this returns."""
    clock = clock or SystemClock()
    ending = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    desktop = desktop_options(argv)
    if desktop is not None:
        return _desktop(desktop, clock, ending)
    cli = _command_line()
    try:
        args = cli.parse_args(argv)
    except DomainError as err:  # the command line itself: one line, for the app as for a command
        return cli.fail(err, cli.argv_language(argv))
    if args.version:
        return _version(args, cli)
    if args.command is None:  # the full parser took it for a start of the app after all
        return _desktop(args, clock, ending)
    status = cli.run(args, clock)
    if ending:  # what is left goes with the process: no last collection walks it at exit (0.2 s an import)
        gc.freeze()
    return status


def _desktop(args: argparse.Namespace, clock: Clock, ending: bool) -> int:
    """The desktop app; the command line's modules load only if the user asks for sample data.

    The data layer (SQLAlchemy, the models) is imported before Qt: the other way round the running app
    holds 20 MB more (146 -> 166 MB with two big tabs open, bench/bench_foundation.py). When this is the
    program, what the imports made is then frozen: it lives as long as the program, and the collections
    that building the window set off walked all of it (30 ms of the start)."""
    with _collector_off():
        import crm_desktop.services.app  # noqa: F401 - the order, above
        from crm_desktop.views.app import launch  # Qt is imported only for the desktop app

        if ending:
            gc.freeze()

    def load_demo(ctx: AppContext, progress: Callable[[int, int], bool]) -> object:
        from crm_desktop.cli import fill_demo

        return fill_demo(ctx, GUI_DEMO_SIZE, progress)

    return launch(args, clock, load_demo=load_demo)


def _version(args: argparse.Namespace, cli: ModuleType) -> int:
    """`--version`: the facts of the About window, with the running Qt's version (QtCore only: no
    display, no widgets); nothing is opened or created."""
    from crm_desktop.services.diagnostics import gather_facts
    from crm_desktop.ui.versions import qt_version

    try:
        print(gather_facts(args.db, qt=qt_version()).text())
    except DomainError as err:  # a --db that is no database address
        return cli.fail(err, cli.message_language(args))
    return 0


def _command_line() -> ModuleType:
    """The command line, imported with the cycle collector off (`_collector_off`)."""
    with _collector_off():
        from crm_desktop import cli
    return cli


@contextmanager
def _collector_off() -> Iterator[None]:
    """The cycle collector off while the program's modules are imported: they make objects that live as
    long as the program, and the collector's passes over them while they were being made were a tenth
    of every command's start (80 ms) and 40 ms of the app's."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
