"""Shared fixtures. Qt runs headless: the platform is set before anything imports PySide6."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crm_desktop.clock import FixedClock
from crm_desktop.services.app import AppContext
from tests.server_helpers import ENGINES, drop_database, make_server_template, server_url
from tests.server_recycling import Recycler, recycled_copy
from tests.sync_helpers import lay_copy, make_template, new_copy
from tests.time_helpers import make_clock

# The machine's clock is moved far from the tests' own time (tests/time_helpers.py) for the whole
# run, so a test or a code path that reads the machine's clock instead of the app's clock fails
# today, not next month. CRM_TEST_MACHINE_TIME sets another moment (ISO 8601); "real" keeps it.
MACHINE_TIME = os.environ.get("CRM_TEST_MACHINE_TIME", "2031-03-01T00:30:00+07:00")


# A RAM disk for the run's temporary folders where the machine has one (Linux): each test's database is
# copied, written and closed there without waiting for the disk (a test's copy and first save: 37 ms
# there, 72-84 ms on a disk). Used when it has room to spare; the run's folder is removed at its end.
RAM_DISK = Path("/dev/shm")
RAM_TO_SPARE = 2 * 1024**3


def _temporary_folders_in_memory(config: pytest.Config) -> None:
    if config.option.basetemp or hasattr(config, "workerinput") or not RAM_DISK.is_dir():
        return  # a folder asked for, or an xdist worker (it is given its part of the controller's)
    if not os.access(RAM_DISK, os.W_OK) or shutil.disk_usage(RAM_DISK).free < RAM_TO_SPARE:
        return
    folder = tempfile.mkdtemp(prefix="crm-desktop-tests-", dir=RAM_DISK)
    config.option.basetemp = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def pytest_configure(config: pytest.Config) -> None:
    _temporary_folders_in_memory(config)
    if MACHINE_TIME != "real":
        import time_machine

        traveller = time_machine.travel(datetime.fromisoformat(MACHINE_TIME), tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


@pytest.fixture(scope="session", autouse=True)
def runtime_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The per-user runtime folder, where each open database's lock by identity lives (`db.lock`),
    in the run's temporary folder: thousands of test databases leave no lock files behind."""
    folder = tmp_path_factory.mktemp("runtime")
    folder.chmod(0o700)
    previous = os.environ.get("XDG_RUNTIME_DIR")
    os.environ["XDG_RUNTIME_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["XDG_RUNTIME_DIR"]
    else:
        os.environ["XDG_RUNTIME_DIR"] = previous


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file that does not exist yet, in the test's temporary folder."""
    return tmp_path / "crm.sqlite3"


@pytest.fixture
def clock() -> FixedClock:
    """The test's clock (tests/time_helpers.py): every copy a test opens with it shares its time."""
    return make_clock()


@pytest.fixture(scope="session")
def fresh_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database, migrated and seeded once per run: copying it is 15 times faster than
    migrating and seeding a new file for every test."""
    return make_template(tmp_path_factory.mktemp("fresh"))


@pytest.fixture
def new_database(fresh_database: Path) -> Callable[[Path], Path]:
    """`new_database(path)`: a migrated, seeded database of ours laid at `path` (the run's template under a
    new copy code), for a test that opens a file itself; a test of creating or migrating one makes its own."""
    return functools.partial(lay_copy, fresh_database)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module marked `server` runs its `ctx` tests on SQLite and, when CRM_TEST_SERVER names one, on
    an office server too (tests/server_helpers.py); a test marked `sqlite_only` there (a query plan,
    the file itself) on SQLite alone."""
    marked = metafunc.definition.get_closest_marker
    if "db_engine" in metafunc.fixturenames and marked("server") is not None:
        both = server_url() is not None and marked("sqlite_only") is None
        metafunc.parametrize("db_engine", ENGINES if both else ENGINES[:1], indirect=True)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """The database engine a test's `ctx` is on: "sqlite", or "postgresql" (see `pytest_generate_tests`)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def server_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated, seeded database on the test server, copied for each test that runs there."""
    url = server_url()
    assert url is not None
    name = make_server_template(url, tmp_path_factory.mktemp("server-template"))
    yield name
    drop_database(url, name)


@pytest.fixture(scope="session")
def recycler(server_template: str) -> Iterator[Recycler]:
    """The worker's one server database for the `ctx` tests, put back to the template's rows for each."""
    url = server_url()
    assert url is not None
    made = Recycler(url, server_template)
    yield made
    made.close()


@pytest.fixture
def ctx(db_engine: str, request: pytest.FixtureRequest, db_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """The app context on a fresh database (its own copy code), on the test's clock; closed after the
    test. On a server (`db_engine`) the database is the server's and `db_path`'s folder is the desk's."""
    if db_engine == "postgresql":
        url = server_url()
        assert url is not None
        with recycled_copy(request.getfixturevalue("recycler"), db_path.parent, clock) as context:
            yield context
        return
    context = new_copy(request.getfixturevalue("fresh_database"), db_path.parent, db_path.stem, clock)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded database that sync tests copy under new copy codes (one per module)."""
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def copies(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[list[AppContext]]:
    """Three copies of one office (office, rep, branch) on the test's clock."""
    made = [new_copy(template, tmp_path, name, clock) for name in ("office", "rep", "branch")]
    try:
        yield made
    finally:
        for ctx in made:
            ctx.close()


@pytest.fixture
def qsettings(tmp_path: Path) -> Iterator[object]:
    """A QSettings in the test's temporary folder, so tests never touch the user's preferences.

    Every QSettings the code builds with the default format (as `ui.prefs.Prefs` does) lands in
    the same folder while the test runs.
    """
    from PySide6.QtCore import QSettings

    from crm_desktop.ui.prefs import APPLICATION, ORGANIZATION

    folder = str(tmp_path / "qsettings")
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    try:
        yield settings
    finally:
        settings.sync()
        QSettings.setDefaultFormat(previous)


@pytest.fixture
def prefs(qsettings: object) -> object:
    """Preferences in the test's QSettings: English, Buddhist Era dates (what most UI tests expect)."""
    from crm_desktop.ui.prefs import Prefs

    prefs = Prefs(qsettings)  # type: ignore[arg-type]
    prefs.language = "en"
    prefs.buddhist_era = True
    return prefs


@pytest.fixture
def type_text(qtbot: object) -> object:
    """`type_text(widget, text)`: type like a user, Thai included, one key event per character.

    QTest.keyClicks only knows ASCII (it aborts on Thai), so other characters are sent as key
    events carrying the character as their text, which is what a Thai keyboard layout produces.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QWidget

    def type_into(widget: QWidget, text: str) -> None:
        target = widget
        line_edit = getattr(widget, "lineEdit", None)
        if callable(line_edit) and line_edit() is not None:  # an editable combo box
            target = line_edit()
        for char in text:
            if char.isascii() and char.isprintable():
                qtbot.keyClicks(target, char)  # type: ignore[attr-defined]
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                         char))
        QApplication.processEvents()

    return type_into
