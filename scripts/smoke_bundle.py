"""Smoke test of the BUILT app (the PyInstaller bundle), never of the source: CI runs it after the build.

    python scripts/smoke_bundle.py /tmp/pyi/dist/crm-desktop/crm-desktop       # Linux, macOS
    python scripts/smoke_bundle.py dist\\crm-desktop\\crm-desktop-cli.exe      # Windows: the console twin

Each step runs the executable in a throw-away home and data folder (HOME, XDG_*, APPDATA and
LOCALAPPDATA point into a temporary folder, CRM_DESKTOP_DB is unset), so nothing touches the user's
files, and checks what it wrote with independent readers (pypdf, icalendar), which is why this script
needs the test extras (`pip install -e ".[test]"`). The steps, and what each proves is in the bundle:

    --version                     the program starts at all (its first line: "crm-desktop <version>")
    demo --size small             the migrations (Alembic, loaded from disk), the models, the sample data
    check                         the database check
    search (Thai)                 the search index (FTS5 trigrams) and Thai text through the CLI
    report monthly                reportlab, Sarabun, uharfbuzz: the PDF's Thai text read back with pypdf
    import/export ics             icalendar and the time-zone data: with the machine's tz database hidden
                                  (PYTHONTZPATH), the bundle's own tzdata turns a London meeting into
                                  Bangkok time
    import contacts               a Thai CSV (charset detection) with a foreign number (phonenumbers'
                                  metadata) and a Thai province (geothai), then found by search
    office server driver          psycopg and libpq load: a server that is not there is a refusal from
                                  libpq, not a missing module
    desktop app, every tab        Qt, its plugins, Sarabun for the screens and every screen:
                                  CRM_DESKTOP_SMOKE=tabs (views/smoke.py)
    desktop app with a sync file  the file association's command (`crm-desktop FILE.crmsync`) shows the
                                  import preview of that file
    sync file to the open window  the same command while the app is open hands the file to that window
                                  (QtNetwork's local socket), which shows the preview

A file or module missing from the bundle makes a step fail: the script prints `FAIL <step>: <why>` and
the step's output, and exits with status 1 (0 when every step passed).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TIMEOUT = 90  # seconds a step may take (the demo data and the desktop app with every tab take a few)
THAI_CSV = (
    "ชื่อ-นามสกุล,มือถือ,อีเมล,จังหวัด\n"
    "นางสาวพิมพ์ลดา ทดสอบบันเดิล,0891234567,pimlada@example.com,เชียงใหม่\n"
    "Mr John Bundletest,+44 7911 123456,john@example.com,\n"
)
TABS = ("leads", "opportunities", "products", "orders", "accounts", "contacts", "cases", "activities", "calendar",
        "anniversaries", "marketing", "alerts", "reports", "sync")  # views/main_window.MainWindow._build_tabs


class StepFailed(Exception):
    pass


class Bundle:
    """The executable, run with a private home in `root`."""

    def __init__(self, executable: Path, root: Path) -> None:
        self.executable = executable
        self.root = root
        self.db = root / "smoke.sqlite3"
        home = root / "home"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CRM_DESKTOP_", "XDG_"))}
        env.update(
            HOME=str(home),
            USERPROFILE=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_RUNTIME_DIR=str(home / "runtime"),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            QT_QPA_PLATFORM="offscreen",
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",  # never the user's keyring
            PYTHONUTF8="1",
        )
        for folder in ("data", "config", "cache", "state", "runtime"):
            (home / folder).mkdir(parents=True, exist_ok=True)
        (home / "runtime").chmod(0o700)
        self.env = env

    def run(self, *args: str, extra_env: dict[str, str] | None = None) -> str:
        """Run the executable; its stdout, or StepFailed with what it printed."""
        command = [str(self.executable), *args]
        try:
            done = subprocess.run(command, env={**self.env, **(extra_env or {})}, cwd=self.root,
                                  capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired as err:
            raise StepFailed(f"no answer in {TIMEOUT} s: {' '.join(args)}") from err
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0:
            raise StepFailed(f"exit status {done.returncode}: {' '.join(args)}\n--- stdout\n{out}\n--- stderr\n{err}")
        return out

    def cli(self, *args: str, extra_env: dict[str, str] | None = None) -> str:
        return self.run("--db", str(self.db), "--lang", "th", *args, extra_env=extra_env)

    def fails(self, *args: str) -> str:
        """Run a command that must fail (status 1, one line on stderr); that line."""
        done = subprocess.run([str(self.executable), *args], env=self.env, cwd=self.root, capture_output=True,
                              timeout=TIMEOUT)
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != 1:
            raise StepFailed(f"exit status {done.returncode} (1 expected): {' '.join(args)}\n--- stderr\n{err}")
        return err


def expect(condition: bool, why: str) -> None:
    if not condition:
        raise StepFailed(why)


# --- the steps ------------------------------------------------------------------------------------


def version(app: Bundle) -> None:
    out = app.run("--version")
    first = out.splitlines()[0] if out.strip() else ""
    expect(first.startswith("crm-desktop"), f"--version's first line is {first!r}, not 'crm-desktop <version>'")


def demo(app: Bundle) -> None:
    app.cli("demo", "--size", "small")
    expect(app.db.is_file(), f"demo made no database at {app.db}")


def check(app: Bundle) -> None:
    out = app.cli("check")
    expect(out.strip().splitlines()[-1:] == ["ok"], f"check printed {out!r}, not 'ok'")


def search(app: Bundle) -> None:
    out = app.cli("search", "สมบูรณ์")
    expect("สมบูรณ์" in out, f"searching a Thai fragment found nothing:\n{out}")


def report(app: Bundle) -> None:
    from pypdf import PdfReader

    pdf = app.root / "monthly.pdf"
    app.cli("report", "monthly", "--out", str(pdf))
    expect(pdf.is_file() and pdf.stat().st_size > 1000, "report monthly wrote no PDF")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    expect("ยอดขาย" in text, "the monthly PDF has no Thai text 'ยอดขาย' (font or shaping missing?)")
    expect(re.search(r"\d{1,3}(,\d{3})+\.\d\d", text) is not None, "the monthly PDF has no money figure")


LONDON_ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//crm-desktop smoke//EN\r\n"
    "BEGIN:VEVENT\r\nUID:smoke-london@example.com\r\nDTSTAMP:20270101T000000Z\r\n"
    "DTSTART;TZID=Europe/London:20270715T090000\r\nDTEND;TZID=Europe/London:20270715T100000\r\n"
    "SUMMARY:ประชุมลอนดอน smoketz\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def ics(app: Bundle) -> None:
    """A meeting at 09:00 in London (summer time) is 15:00 in Bangkok, by the bundle's own tz database."""
    import icalendar

    # zoneinfo looks in PYTHONTZPATH before the tzdata package: an empty folder there leaves only the bundle's.
    no_system_zones = app.root / "no-tz-database"
    no_system_zones.mkdir(exist_ok=True)
    hidden = {"PYTHONTZPATH": str(no_system_zones)}
    source = app.root / "london.ics"
    source.write_text(LONDON_ICS, encoding="utf-8", newline="")
    app.cli("import", "activities", str(source), extra_env=hidden)
    out = app.root / "calendar.ics"
    app.cli("export", "ics", "--out", str(out), "--anniversaries", extra_env=hidden)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = calendar.walk("VEVENT")
    expect(len(events) > 1, "the exported iCalendar file holds no events")
    zones = {str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")}
    expect("Asia/Bangkok" in zones, f"no Asia/Bangkok VTIMEZONE (zones: {zones})")
    london = [e for e in events if "smoketz" in str(e.get("SUMMARY"))]
    expect(len(london) == 1, "the imported London meeting is not in the export")
    start = london[0].decoded("DTSTART")
    expect((start.hour, start.minute, start.utcoffset().total_seconds()) == (15, 0, 7 * 3600),
           f"09:00 in London in July should be 15:00 in Bangkok, not {start.isoformat()}")


def import_contacts(app: Bundle) -> None:
    source = app.root / "contacts.csv"
    source.write_text(THAI_CSV, encoding="utf-8-sig")
    out = app.cli("import", "contacts", str(source))
    first_count = re.search(r"\d+", out)  # "2 new, 0 updated, ..." in the language of the messages
    expect(first_count is not None and first_count.group() == "2", f"the import did not take both people:\n{out}")
    out = app.cli("search", "ทดสอบบันเดิล")
    expect("พิมพ์ลดา" in out and "089 123 4567" in out, f"the imported person is not found by search:\n{out}")
    out = app.cli("search", "Bundletest")
    expect("+44 7911 123456" in out, f"the foreign number is not formatted (phonenumbers' data?):\n{out}")


def server_driver(app: Bundle) -> None:
    err = app.fails("--db", "postgresql://smoke@127.0.0.1:9/nothing", "--lang", "en", "check")
    expect("port 9 failed" in err, f"no refusal from libpq, so psycopg did not load:\n{err}")


def smoke_lines(out: str) -> list[str]:
    """What views/smoke.py printed (the app's other output, e.g. Qt's, is left out)."""
    return [line for line in out.splitlines() if line.split(" ", 1)[0] in {"ready", "qt", "tab", "preview",
                                                                            "refused", "done", "FAIL"}]


def gui_tabs(app: Bundle) -> None:
    out = app.run("--db", str(app.db), "--lang", "th", extra_env={"CRM_DESKTOP_SMOKE": "tabs"})
    lines = smoke_lines(out)
    expect(len(lines) > 2 and lines[0] == "ready" and lines[2:] == [*(f"tab {name}" for name in TABS), "done"],
           f"not every tab opened:\n{out}")
    qt = lines[1]  # "qt images=... styles=..."
    plugins = dict(part.split("=", 1) for part in qt.split()[1:] if "=" in part)
    images = set(plugins.get("images", "").split(","))
    expect({"png", "jpeg", "svg", "ico", "gif"} <= images, f"Qt's image plugins are missing: {qt}")
    expect(bool(plugins.get("styles")), f"Qt has no widget style: {qt}")
    expect(plugins.get("font") == "Sarabun", f"the screens are not in Sarabun (the font is not in the bundle?): {qt}")


def gui_sync_file(app: Bundle) -> None:
    """The file association: the app started with a sync file opens the import preview."""
    other = app.root / "other.sqlite3"
    sync_file = app.root / "จากสาขา.crmsync"
    app.run("--db", str(other), "demo", "--size", "small")
    app.run("--db", str(other), "sync", "export", "--all", "--out", str(sync_file))
    out = app.run("--db", str(app.db), "--lang", "en", str(sync_file), extra_env={"CRM_DESKTOP_SMOKE": "tabs"})
    previews = [line for line in smoke_lines(out) if line.startswith(("preview", "refused", "FAIL"))]
    expect(len(previews) == 1 and re.search(r"\bAccounts=\d", previews[0]) is not None,
           f"the sync file did not open the import preview:\n{out}")


def gui_hand_over(app: Bundle) -> None:
    """A sync file double-clicked while the app is open: the second start hands it to the open window
    (views/file_inbox.py: QtNetwork's local socket) and quits; the open window shows the preview."""
    sync_file = app.root / "จากสาขา.crmsync"  # gui_sync_file's
    expect(sync_file.is_file(), "no sync file from the step before")
    env = {**app.env, "CRM_DESKTOP_SMOKE": "preview"}
    first = subprocess.Popen([str(app.executable), "--db", str(app.db), "--lang", "en"], env=env, cwd=app.root,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    try:
        assert first.stdout is not None
        ready = first.stdout.readline()
        while ready and ready.strip() != "ready":
            ready = first.stdout.readline()
        expect(ready.strip() == "ready", "the first window did not start")
        time.sleep(1)  # its inbox opens just after the first paint
        out = app.run("--db", str(app.db), "--lang", "en", str(sync_file))
        expect(not smoke_lines(out), f"the second start opened a window of its own:\n{out}")
        rest, _ = first.communicate(timeout=TIMEOUT)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    previews = [line for line in smoke_lines(rest) if line.startswith(("preview", "refused", "FAIL"))]
    expect(len(previews) == 1 and re.search(r"\bAccounts=\d", previews[0]) is not None,
           f"the open window did not show the handed-over file's preview:\n{rest}")


STEPS: list[tuple[str, Callable[[Bundle], None]]] = [
    ("--version", version),
    ("demo --size small", demo),
    ("check", check),
    ("search (Thai)", search),
    ("report monthly (PDF read back)", report),
    ("import and export ics (time zones)", ics),
    ("import contacts (Thai CSV)", import_contacts),
    ("office server driver (psycopg)", server_driver),
    ("desktop app offscreen, every tab", gui_tabs),
    ("desktop app opening a sync file", gui_sync_file),
    ("sync file handed to the open window", gui_hand_over),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("executable", type=Path, help="the built crm-desktop executable")
    args = parser.parse_args(argv)
    executable = args.executable.resolve()
    if not executable.is_file():
        print(f"FAIL: no executable at {executable}")
        return 1
    if not (executable.parent / "_internal").is_dir():
        print(f"FAIL: {executable} is not a PyInstaller one-folder bundle (no _internal next to it)")
        return 1
    failed = 0
    with tempfile.TemporaryDirectory(prefix="crm-smoke-") as tmp:
        app = Bundle(executable, Path(tmp))
        for name, step in STEPS:
            started = time.perf_counter()
            try:
                step(app)
            except StepFailed as err:
                failed += 1
                print(f"FAIL {name}: {err}", flush=True)
                continue
            print(f"ok   {name} ({time.perf_counter() - started:.1f} s)", flush=True)
    print(f"smoke test of the bundle: {len(STEPS) - failed} of {len(STEPS)} steps passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
