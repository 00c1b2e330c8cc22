"""Start-up of the packaged app beside the same start from source, in the same run (issue 19).

    pyinstaller build.spec --noconfirm --distpath /tmp/crm-build/dist --workpath /tmp/crm-build/work
    python bench/startup.py --bundle /tmp/crm-build/dist/crm-desktop/crm-desktop [--runs 9] [--size small]

Each run starts a process and times, from just before the process is created, until the app says its
main window has painted ("ready" on stdout: CRM_DESKTOP_SMOKE=ready, views/smoke.py; the window's first
paint and the start-up work queued behind it have run), then until the process has exited. The source
start is this interpreter with `-m crm_desktop` (the project compiled first, as an installed copy is);
the bundle start is the built executable. Both open the same demo database (made once, in a temporary
folder, by the source), with a private home folder (preferences, data folder), runs interleaved so that
the machine's load falls on both alike; the first run of each is a warm-up and is not counted. Prints the
median, the fastest and the slowest, and the bundle's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import compile_project

TIMEOUT = 120


def private_env(home: Path) -> dict[str, str]:
    """The environment with a home of its own (as scripts/smoke_bundle.py), offscreen, the smoke run on."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CRM_DESKTOP_", "XDG_"))}
    for folder in ("data", "config", "cache", "state"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), USERPROFILE=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_STATE_HOME=str(home / "state"), APPDATA=str(home / "AppData" / "Roaming"),
               LOCALAPPDATA=str(home / "AppData" / "Local"), QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", CRM_DESKTOP_SMOKE="ready")
    return env


def start_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from creating the process to its "ready" line, and to its exit."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    ready = None
    for line in process.stdout:
        if line.strip() == "ready":
            ready = time.perf_counter() - started
    code = process.wait(TIMEOUT)
    ended = time.perf_counter() - started
    if code != 0 or ready is None:
        raise SystemExit(f"{command[0]} did not start (exit status {code}, ready: {ready})")
    return ready, ended


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the built crm-desktop executable")
    parser.add_argument("--runs", type=int, default=9, help="counted runs of each (default 9)")
    parser.add_argument("--size", default="small", choices=("small", "medium", "large"),
                        help="the demo database both open (default small)")
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    compile_project()
    with tempfile.TemporaryDirectory(prefix="crm-startup-") as tmp:
        root = Path(tmp)
        db = root / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(db), "demo", "--size", args.size],
                       check=True, stdout=subprocess.DEVNULL, env={**os.environ, "HOME": str(root)})
        starts = {
            "source": [sys.executable, "-m", "crm_desktop", "--db", str(db), "--lang", "th"],
            "bundle": [str(bundle), "--db", str(db), "--lang", "th"],
        }
        envs = {name: private_env(root / f"home-{name}") for name in starts}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in starts}
        for run in range(args.runs + 1):
            for name, command in starts.items():
                measured = start_once(command, envs[name])
                if run:  # the first run of each is a warm-up (file cache, the day's first backup)
                    times[name].append(measured)
        load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""  # not on Windows
        print(f"start-up to the main window painted ({args.runs} runs each, {args.size} demo{load}):")
        print(f"    {'':8} {'median':>8} {'fastest':>8} {'slowest':>8}   {'to exit (median)':>16}")
        for name, measured in times.items():
            ready = [r for r, _ in measured]
            ended = [e for _, e in measured]
            print(f"    {name:8} {statistics.median(ready) * 1000:6.0f} ms {min(ready) * 1000:5.0f} ms "
                  f"{max(ready) * 1000:5.0f} ms   {statistics.median(ended) * 1000:13.0f} ms")
        print(f"bundle: {folder_size(bundle.parent) / 2**20:.0f} MiB of files in {bundle.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
