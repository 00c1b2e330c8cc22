"""The desktop app starts from the program's own options without the command line's modules; anything
else (a command, help, a mistake) still reaches the command line, which explains it in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.db.server import Server
from crm_desktop.main import main
from crm_desktop.options import desktop_options
from crm_desktop.services.app import database_path
from tests.time_helpers import make_clock


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--db", "office.sqlite3", "--lang", "th"], ["--db=x.sqlite3"],
                                  ["--lang", "en", "--demo", "--db", "ร้าน.sqlite3"]])
def test_a_start_of_the_app_is_read_here(argv: list[str]) -> None:
    args = desktop_options(argv)
    assert args is not None and args.command is None
    assert args.demo == ("--demo" in argv)


def test_the_options_are_the_ones_given() -> None:
    args = desktop_options(["--db", "ร้าน.sqlite3", "--lang", "th", "--demo"])
    assert args is not None
    assert (args.db, args.lang, args.demo) == ("ร้าน.sqlite3", "th", True)  # a file's name or a server's URL
    assert database_path(args.db) == Path("ร้าน.sqlite3")
    server = database_path(desktop_options(["--db", "postgresql://crm@office/crm"]).db)  # type: ignore[union-attr]
    assert isinstance(server, Server) and server.shown == "postgresql://crm@office/crm"


@pytest.mark.parametrize("argv", [["search", "x"], ["--help"], ["-h"], ["--lang", "fr"], ["--db"], ["--colour"],
                                  ["--db", "\udcff.sqlite3"], ["--lang", "en", "backup"]])
def test_anything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert desktop_options(argv) is None


def test_a_wrong_option_is_still_one_line_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--colour"], make_clock()) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--colour" in err[0]


def test_the_app_starts_without_the_command_lines_modules(tmp_path: Path) -> None:
    code = f"""
import sys
import crm_desktop.views.app as app
app.launch = lambda args, clock, load_demo=None: print(args.db, args.lang, args.demo) or 0
from crm_desktop.main import main
from tests.time_helpers import make_clock
status = main(["--db", {str(tmp_path / "office.sqlite3")!r}, "--lang", "th"], make_clock())
print(status, ",".join(m for m in ("crm_desktop.cli", "crm_desktop.services.imports", "crm_desktop.services.erase",
                                     "crm_desktop.exchange.rejected") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.splitlines() == [f"{tmp_path / 'office.sqlite3'} th False", "0 "]
