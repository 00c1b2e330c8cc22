"""Peak memory of whole imports, each in its own process as a user runs it: `crm-desktop import contacts
FILE` into a new database (read, preview with the duplicate checks, one transaction with the change log,
match keys and search index). Peak = that process's own high-water RSS (VmHWM, read as it exits: the
maxrss of getrusage/wait4 would count this script's memory, copied at fork), beside the bare interpreter
with the command line imported, in the same run. Target (issue 15): under 300 MB for each of CSV 100,000
rows, xlsx 100,000 rows and vCard 10,000 cards.

    python bench/bench_import_memory.py [--rows 100000] [--cards 10000]

The files are those of bench_import_read.py (CSV and xlsx, Thai headers, kept in bench/data) and of
bench_import_vcard.py (2.1 / 3.0 / 4.0 cards, a tenth with a ~30 KB photo).

Measured 2026-12-07 (2 CPUs shared with five other jobs, so the times are high):
    interpreter + CLI imported            1.4 s  peak    82 MB
    import CSV 100,000 rows              21.3 s  peak   249 MB  (was 423 MB before the reader streamed
                                                                 and the waiting records became tuples)
    import xlsx 100,000 rows             22.8 s  peak   251 MB
    import vCard 10,000 cards             7.3 s  peak   119 MB
Again 01:05 UTC after the kinds (companies made for the contacts' company column: 700) and the consent
history had landed, load average 2.1 (main e1fa7d6 | this branch, one run each, same minute):
    interpreter + CLI imported            1.8 s | 2.1 s  peak    84 MB
    import CSV 100,000 rows              19.6 s | 20.6 s  peak   335 MB  OVER
    import xlsx 100,000 rows             21.2 s | 23.7 s  peak   339 MB  OVER
    import vCard 10,000 cards             9.6 s | 11.3 s  peak   128 MB
The CSV import's CPU time, two runs each alternating: main 25.0 / 22.5 s, this branch 24.6 / 20.6 s.
01:17 UTC, load average 1.0, main 4fcff7f | this branch (with the yearless birthdays' lookups unflushed):
    interpreter + CLI imported            2.8 s | 1.6 s  peak    84 MB
    import CSV 100,000 rows              27.2 s | 20.4 s  peak   335 MB  OVER
    import xlsx 100,000 rows             23.4 s | 20.5 s  peak   340 MB  OVER
    import vCard 10,000 cards             9.8 s |  9.0 s  peak   135 MB  (3,333 yearless birthdays:
                                                                          an ORM date each)
The peak went over 300 MB with those merges: the bulk insert turned all its waiting rows into dicts at
once, and the preview built every row's links before planning any. Both go one batch / one row at a
time again (01:36 UTC, load average 1.4-2.1):
    import CSV 100,000 rows              peak   255 MB
    import xlsx 100,000 rows             peak   260 MB
    import vCard 10,000 cards            peak   132 MB
03:01 UTC, load average 1.7, --rows 1000 --cards 10000, main 97b2c5e -> branch h-vcard (commands import
their own modules, icalendar only for calendars, a faster vCard reader, no last collection at exit):
    interpreter + CLI imported            1.8 -> 1.1 s  peak    84 ->  63 MB
    import CSV 1,000 rows                 2.3 -> 1.5 s  peak    92 ->  71 MB
    import vCard 10,000 cards             5.4 -> 3.8 s  peak   132 -> 111 MB
03:12 UTC, load average 0.8, main cfc1fa6, the project compiled first (as installed):
    interpreter + CLI imported            0.9 s  peak    61 MB
    import CSV 100,000 rows              10.9 s  peak   233 MB
    import xlsx 100,000 rows             12.0 s  peak   234 MB  (target < 15 s: met)
    import vCard 10,000 cards             2.7 s  peak   107 MB  (target < 3 s: met)
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_import_read import write_files
from bench_import_vcard import card
from common import DEFAULT_DIR

from crm_desktop.services.app import open_app
from tests.time_helpers import make_clock

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 300


# Runs the command line in a fresh interpreter and prints its peak RSS (kB) last, as it exits.
CHILD = ("import atexit, runpy, sys\n"
         "def peak():\n"
         "    status = open('/proc/self/status').read()\n"
         "    print('VmHWM', status.split('VmHWM:')[1].split()[0], file=sys.stderr)\n"
         "atexit.register(peak)\n"
         "sys.argv = ['crm-desktop', *sys.argv[1:]]\n"
         "if sys.argv[1:]:\n"
         "    runpy.run_module('crm_desktop', run_name='__main__')\n"
         "else:\n"
         "    import crm_desktop.cli\n")


def run(argv: list[str]) -> tuple[float, float, str]:
    """Seconds, peak MB of that process alone, and the last line it printed before its peak."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, env=env)
    took = time.perf_counter() - started
    lines = (done.stdout + done.stderr).strip().splitlines()
    peak = next(int(line.split()[1]) for line in reversed(lines) if line.startswith("VmHWM"))
    said = [line for line in lines if not line.startswith("VmHWM")]
    return took, peak / 1024, said[-1] if said else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=10_000)
    args = parser.parse_args()
    files = write_files(DEFAULT_DIR, args.rows, fresh=False)
    # Bytecode first, as an installed copy has it (without it every run compiles the project: 0.2 s).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "crm_desktop")], check=True)
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as folder:
        vcf = Path(folder) / f"contacts-{args.cards}.vcf"
        vcf.write_text("".join(card(i, rng, 0.1) for i in range(args.cards)), encoding="utf-8", newline="")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        took, peak, _line = run([])
        print(f"{'interpreter + CLI imported':34} {took:6.1f} s  peak {peak:5.0f} MB")
        cases = {f"CSV {args.rows:,} rows": files["csv"], f"xlsx {args.rows:,} rows": files["xlsx"],
                 f"vCard {args.cards:,} cards": vcf}
        for name, path in cases.items():
            db = Path(folder) / f"{path.name}.sqlite3"  # a new database each: the CSV and xlsx share a stem
            open_app(db, clock=make_clock()).close()
            took, peak, line = run(["--lang", "en", "--db", str(db), "import", "contacts", str(path)])
            verdict = "ok" if peak < TARGET_MB else f"OVER {TARGET_MB} MB"
            print(f"{'import ' + name:34} {took:6.1f} s  peak {peak:5.0f} MB  {verdict}  ({line[:100]})")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
