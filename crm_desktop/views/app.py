"""Starting the desktop app: QApplication, fonts, language, main window, first-run sample data,
and the start-up check of the database with its daily backup (both in the background, after the
window is shown: the quick check alone takes 1–2 s on a 900 MB database)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.clock import Clock
from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.services.app import AppContext, Location, open_app
from crm_desktop.services.diagnostics import Reporter, gather_facts, user_reporter
from crm_desktop.services.logins import login_required
from crm_desktop.ui.crash import install
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.fonts import install_app_font
from crm_desktop.ui.forms import icon
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs, configure_application, default_language
from crm_desktop.ui.tasks import ProgressFn, Task, run_task
from crm_desktop.ui.versions import qt_version
from crm_desktop.views.common import datetime_text
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.server.start import desk_location

if TYPE_CHECKING:
    from crm_desktop.services.backups import StartOfDay
    from crm_desktop.sync.repair import ClockRepair
    from crm_desktop.views.file_inbox import FileInbox

LoadDemo = Callable[[ProgressFn], object]
"""Fills the open (empty) database with sample data; calls progress(done, total) and stops when
it returns False."""


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (created once), named for QSettings, with the app's icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    configure_application(app)
    if app.windowIcon().isNull():
        app.setWindowIcon(icon("app"))  # the windows' and (on Linux) the task bar's; the bundles set their own
    return app


def is_empty(ctx: AppContext) -> bool:
    return account_count(ctx.database) == 0 and contact_count(ctx.database) == 0


def build_main_window(
    ctx: AppContext,
    argv: Sequence[str] = (),
    *,
    prefs: Prefs | None = None,
    lang: str | None = None,
) -> MainWindow:
    """Everything `run_app` does before the event loop: app, fonts, translator, window (not shown)."""
    app = create_application(argv or sys.argv[:1])
    install_app_font(app)
    prefs = prefs or Prefs()
    if lang in ("th", "en"):
        prefs.language = lang
    language = UiLanguage(app)
    language.apply(prefs.language)
    return MainWindow(ctx, prefs, language=language)  # the window keeps `language` (and its translators)


def run_app(
    ctx: AppContext,
    argv: Sequence[str],
    *,
    load_demo: LoadDemo | None = None,
    demo: bool = False,
    prefs: Prefs | None = None,
    lang: str | None = None,
    open_file: Path | None = None,
    opener: SyncFileOpener | None = None,
) -> int:
    """Run the desktop app on an open database until the window closes; returns the exit code.

    With `load_demo`, an empty database gets sample data: at once when `demo` (started with
    --demo), otherwise after asking the user. `open_file`: a sync file to preview for import (the
    program started by a double-click on one); macOS hands files over as QFileOpenEvents instead, which
    `opener` (installed by `launch` before the login, else here) receives.
    """
    app = create_application(argv)
    window = build_main_window(ctx, argv, prefs=prefs, lang=lang)
    installed_here = opener is None
    opener = opener or SyncFileOpener(window)
    if installed_here:
        app.installEventFilter(opener)
    opener.attach(window)
    if opener.inbox:
        window.after_first_paint(opener.listen)
    window.show()
    if open_file is not None:
        opener.open_path(open_file)
    window.after_first_paint(lambda: start_checks(window))
    window.after_first_paint(lambda: warn_if_clock_ahead(window))
    if load_demo is not None and is_empty(ctx):
        if demo:
            window.after_first_paint(lambda: start_sample_data(window, load_demo))
        else:
            window.after_first_paint(lambda: offer_sample_data(window, load_demo))
    smoke = smoke_mode()
    if smoke:
        from crm_desktop.views.smoke import start_smoke  # only in the bundle's smoke test and the start-up bench

        window.after_first_paint(lambda: start_smoke(window, smoke, expect_file=open_file is not None))
    code = app.exec()
    if installed_here:
        app.removeEventFilter(opener)
    for task in list(window.tasks):
        task.cancel()
    QThreadPool.globalInstance().waitForDone()
    return int(code)


class SyncFileOpener(QObject):
    """Opens the sync files handed to the running app: by macOS (a double-click in Finder, a file dropped on
    the Dock icon: a QFileOpenEvent) and, with `inbox`, by another start of the program with a file while
    this window is open (Windows' double-click: views/file_inbox.py). The same preview as `crm-desktop
    FILE`, once the window has painted. Installed on the QApplication from the start (`launch`), so that a
    file handed over while the login dialog is open waits for the window (`attach`)."""

    def __init__(self, parent: QObject | None = None, *, inbox: bool = False, db_argument: str | None = None) -> None:
        super().__init__(parent)
        self.window: MainWindow | None = None
        self.waiting: list[Path] = []
        self.inbox = inbox
        self.db_argument = db_argument
        self.listener: FileInbox | None = None

    def attach(self, window: MainWindow) -> None:
        self.window = window
        waiting, self.waiting = self.waiting, []
        for path in waiting:
            self.open_path(path)

    def open_path(self, path: Path) -> None:
        window = self.window
        if window is None:
            self.waiting.append(path)
        else:
            window.after_first_paint(lambda: window.open_sync_file(path))

    def hand_over(self, path: Path) -> bool:
        """Give `path` to a window of this program already open on the same database; True if one took it."""
        from crm_desktop.views.file_inbox import hand_over, inbox_name  # QtNetwork: only with a file to open

        return hand_over(inbox_name(self.db_argument), path)

    def listen(self) -> None:
        """Take the files other starts of the program hand over (after the first paint: QtNetwork's import)."""
        from crm_desktop.views.file_inbox import FileInbox, inbox_name

        self.listener = FileInbox(inbox_name(self.db_argument), self.open_path, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.open_path(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def smoke_mode() -> str:
    """CRM_DESKTOP_SMOKE (views/smoke.py): "ready" or "tabs", for the bundle's smoke test and the start-up
    bench; empty for everyone else."""
    return os.environ.get("CRM_DESKTOP_SMOKE", "").strip().lower()


def offer_sample_data(window: MainWindow, load_demo: LoadDemo) -> QMessageBox:
    """First run on an empty database: ask whether to load sample data (non-blocking)."""
    box = QMessageBox(window)
    box.setObjectName("sampleDataBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FirstRun", "Welcome"))
    box.setText(QCoreApplication.translate("FirstRun", "This database is empty. Load sample data to try the program?"))
    box.setInformativeText(QCoreApplication.translate("FirstRun",
        "Sample data adds Thai and English companies and contacts so you can see how everything works. "
        "For real work, start with an empty database file."
    ))
    load = box.addButton(QCoreApplication.translate("FirstRun", "Load sample data"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("FirstRun", "Start empty"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(load)

    def finished(_result: int) -> None:
        if box.clickedButton() is load:
            start_sample_data(window, load_demo)

    box.finished.connect(finished)
    window.sample_data_box = box
    box.open()
    return box


def start_sample_data(window: MainWindow, load_demo: LoadDemo) -> Task:
    """Load sample data in the background with a progress dialog; the lists reload afterwards."""
    task = Task(
        window,
        load_demo,
        title=QCoreApplication.translate("FirstRun", "Sample data"),
        label=QCoreApplication.translate("FirstRun", "Creating sample companies and contacts…"),
        min_duration_ms=0,
    )

    def done(_result: object) -> None:
        window.reload_everything()
        window.last_action_label.setText(QCoreApplication.translate("FirstRun", "Sample data loaded"))

    def cancelled() -> None:
        window.reload_everything()
        window.last_action_label.setText(QCoreApplication.translate("FirstRun", "Loading sample data was cancelled"))

    def failed(exc: object) -> None:
        window.reload_everything()
        if isinstance(exc, BaseException):
            show_error(window, exc, window.env.lang)

    task.finished.connect(done)
    task.cancelled.connect(cancelled)
    task.failed.connect(failed)
    window.keep_task(task)
    return task.start()


def launch(
    args: argparse.Namespace, clock: Clock, load_demo: Callable[[AppContext, ProgressFn], object] | None = None
) -> int:
    """Entry used by `crm_desktop.main`: open the database named by --db (or the default) and run.

    `load_demo(ctx, progress)` comes from the composition root (views do not import the demo
    package); without it there is no sample-data offer.
    """
    argv = sys.argv[:1]
    app = create_application(argv)
    opener = SyncFileOpener(app, inbox=True, db_argument=getattr(args, "db", None))
    app.installEventFilter(opener)  # macOS may hand over a file as soon as the app runs events (the login)
    lang = getattr(args, "lang", None)
    prefs = Prefs()
    open_file = getattr(args, "open_file", None)
    if open_file is not None and opener.hand_over(open_file):
        return 0  # the window already open on this database shows the file's preview
    message_lang = lang or prefs.language or default_language()
    location = desk_location(getattr(args, "db", None), prefs)
    reporter = install_crash_reporting(app, clock, location)
    ctx = open_or_recover(app, location, message_lang, clock)
    if ctx is None:
        return 1
    opened = ctx.database
    reporter.facts = lambda: gather_facts(database=opened, qt=qt_version())
    try:
        if login_required(ctx.database) and not log_in_at_start(app, ctx, message_lang):
            return 1
        loader: LoadDemo | None = None
        if load_demo is not None:
            def loader(progress: ProgressFn) -> object:
                return load_demo(ctx, progress)
        return run_app(ctx, argv, load_demo=loader, demo=bool(getattr(args, "demo", False)), lang=lang,
                       open_file=open_file, opener=opener)
    finally:
        ctx.close()


def install_crash_reporting(app: QApplication, clock: Clock, location: Location) -> Reporter:
    """Errors nothing caught show a dialog with a report and go to the user log (ui/crash.py)."""
    reporter = user_reporter(clock, location, qt=qt_version())
    install(app, reporter)
    return reporter


def log_in_at_start(app: QApplication, ctx: AppContext, lang: str) -> bool:
    """The login dialog, before the window; False when the person quits. Who logged in works from then
    on (never stored as the copy's current person: the next start asks again). A database that asks for
    a login while no owner has a password (a server just set up) asks for the owner's first one."""
    from crm_desktop.services.logins import needs_first_password
    from crm_desktop.views.login_dialog import FirstPasswordDialog, LoginDialog

    install_app_font(app)
    language = UiLanguage(app)
    language.apply(lang)
    dialog = FirstPasswordDialog(ctx, lang) if needs_first_password(ctx.database) else LoginDialog(ctx, lang)
    accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
    language.apply("en")  # the window installs its own translators
    if accepted:
        ctx.user_id = dialog.user_id
    return accepted


# --- the database's health at start ---------------------------------------------------------


def start_checks(window: MainWindow) -> Task:
    """Quick check and the day's backup in the background; a failed check offers a good backup."""
    ctx = window.env.ctx
    task = Task(window, lambda progress: start_day(ctx, progress), show_progress=False)

    def done(result: StartOfDay) -> None:
        if result.damage is not None:
            offer_restore(window, result)
        elif result.daily_backup is not None and not window.last_action_label.text():
            window.last_action_label.setText(QCoreApplication.translate("StartChecks", "Daily backup saved"))

    def failed(exc: object) -> None:
        if isinstance(exc, BaseException) and not task.cancel_requested:  # cancelled: the window closed
            show_error(window, exc, window.env.lang)

    task.finished.connect(done)
    task.failed.connect(failed)
    window.keep_task(task)
    return task.start()


def start_day(ctx: AppContext, progress: ProgressFn) -> StartOfDay:
    """The day's check and backup, then, on a sound database, this month's forecast frozen if no copy
    has yet (DESIGN §5: what was predicted when the month started; a later start in the month reads
    one row and stops). The forecast's modules load here, off the start's path (0.05 s)."""
    from crm_desktop.queries.reports.forecast import month_forecasts
    from crm_desktop.services.backups import start_of_day
    from crm_desktop.services.forecasts import freeze_forecasts

    result = start_of_day(ctx, ctx.today(), progress)
    if result.damage is None:
        today = ctx.today()
        freeze_forecasts(ctx.uow(), month_forecasts(ctx.database, today), today)
    return result


def warn_if_clock_ahead(window: MainWindow) -> QMessageBox | None:
    """A copy that took in changes dated in the future (before files were checked for them) says so
    and offers the repair: its edits would keep losing elsewhere, and other copies refuse its files."""
    from crm_desktop.sync.clocks import clock_warning  # with the sync file's format: after the first paint

    problem = clock_warning(window.env.ctx.database)
    if problem is None:
        return None
    box = QMessageBox(window)
    box.setObjectName("clockAheadBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("StartChecks", "Dates from the future"))
    box.setText(problem.text(window.env.lang))
    box.setInformativeText(QCoreApplication.translate(
        "StartChecks", "Repair now? A backup is made first; the records stay as they are, and their changes get "
                       "today's date."))
    repair = box.addButton(QCoreApplication.translate("StartChecks", "Repair now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("StartChecks", "Later"), QMessageBox.ButtonRole.RejectRole)

    def finished(_result: int) -> None:
        if box.clickedButton() is repair:
            start_clock_repair(window)

    box.finished.connect(finished)
    box.open()
    return box


def start_clock_repair(window: MainWindow) -> Task:
    """Run the clock repair in the background (one transaction, after a backup), then reload."""
    from crm_desktop.sync.repair import repair_clock  # loaded only when a copy needs it

    ctx = window.env.ctx

    def done(result: ClockRepair) -> None:
        window.reload_everything()
        window.last_action_label.setText(
            QCoreApplication.translate("StartChecks", "Clock repaired: %1 records got today's date")
            .replace("%1", f"{result.rows:,}"))

    return run_task(
        window,
        lambda _progress: repair_clock(ctx.database, ctx.user_id),
        title=QCoreApplication.translate("StartChecks", "Repair"),
        label=QCoreApplication.translate("StartChecks", "Repairing the dates…"),
        on_done=done,
        on_error=lambda exc: show_error(window, exc, window.env.lang),
        cancellable=False,
    )


def offer_restore(window: MainWindow, result: StartOfDay) -> QMessageBox:
    """The open database failed its check: offer the newest good backup (non-blocking).

    Declining keeps the app open: most records usually still read, and the data can be copied
    out; the question comes again at the next start.
    """
    box = QMessageBox(window)
    box.setObjectName("damagedBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("StartChecks", "Database check"))
    box.setText(
        QCoreApplication.translate("StartChecks", "The database failed its check: some of its data may be damaged.")
    )
    if result.damage is not None:
        box.setDetailedText("\n".join(result.damage.problems[:20]))
    good = result.good_backup
    if good is None:
        box.setInformativeText(
            QCoreApplication.translate(
                "StartChecks",
                "No backup passes the check either. You can keep working; make a copy of the database file "
                "and ask whoever supports this program for help.",
            )
        )
        box.addButton(QMessageBox.StandardButton.Ok)
    else:
        box.setInformativeText(
            QCoreApplication.translate(
                "StartChecks",
                "Restore the newest good backup, made %1? A backup of the current data is made first. "
                "If you keep working instead, some records may fail to open or save.",
            ).replace("%1", window.env.datetime_text(good.made_at))
        )
        restore = box.addButton(
            QCoreApplication.translate("StartChecks", "Restore backup"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QCoreApplication.translate("StartChecks", "Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)

        def finished(_result: int) -> None:
            if box.clickedButton() is restore:
                from crm_desktop.views.settings.backups_page import start_restore

                start_restore(window, window.env, good.path, window.reload_after_restore)

        box.finished.connect(finished)
    box.open()
    return box


def open_or_recover(app: QApplication, path: Location, lang: str, clock: Clock) -> AppContext | None:
    """Open the database; when that fails on a damaged file, offer the newest good backup first.

    Declining (or no good backup) shows why the database cannot be opened and returns None: the
    app quits cleanly, changing nothing. An office server that cannot be opened (the network, a
    password) offers to try again or to connect elsewhere (`reach_server`).
    """
    try:
        return open_app(path, clock=clock)
    except DomainError as err:
        error = err
    install_app_font(app)
    language = UiLanguage(app)
    language.apply(lang)
    if not isinstance(path, Path):
        from crm_desktop.views.server.start import reach_server

        return reach_server(error, lang, clock)
    try:
        if restore_before_opening(path, lang, clock):
            return open_app(path, clock=clock)
    except DomainError as err:
        error = err
    QMessageBox.critical(None, "CRM", error.text(lang))
    return None


def restore_before_opening(path: Path, lang: str, clock: Clock) -> bool:
    """Ask, and restore the newest good backup into a database that fails its check; True if done."""
    from crm_desktop.services.backups import check_database, newest_good_backup, restore_database
    from crm_desktop.views.settings.backups_page import tell_if_settings_lost

    if not path.is_file() or check_database(path, quick=True).ok:
        return False  # not damaged: the error was something else (e.g. another window has it open)
    good = newest_good_backup(path)
    if good is None:
        return False
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("StartChecks", "Database check"),
        QCoreApplication.translate(
            "StartChecks",
            "The database cannot be opened: it failed its check. Restore the newest good backup, "
            "made %1? The damaged file is kept as a backup first.",
        ).replace("%1", datetime_text(good.made_at, lang, Prefs().buddhist_era)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        done = restore_database(path, good.path, now=clock.now())
    finally:
        QApplication.restoreOverrideCursor()
    tell_if_settings_lost(None, done, modal=True)
    return True
