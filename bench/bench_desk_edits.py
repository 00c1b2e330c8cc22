"""Issue 17: two desktops (processes) editing the same records at once for a minute, lost updates counted.

    python bench/bench_desk_edits.py --server postgresql://crm@127.0.0.1:5432/crm_bench \\
        [--seconds 60] [--records 20]

`--server` names a database of ours on a server (bench_server.py --keep leaves the large demo in
`crm_bench`, whose companies' notes this edits). The file is a new small demo: an edit of one row costs
the same in a bigger file, and the large demo's file is revisions behind (its upgrade, with the backup
before it, takes minutes and 4 GB). On each, two desks (child processes, each through the app's open
path, on a server each with its own folder, so its own site id) take turns over the same `--records`
companies, as fast as they can for `--seconds`: each save adds a line naming the desk and the save to
the company's notes, on the version its form read. A save told of a conflict reads the newer version
and is made again, as the conflict box's "keep editing" does. At the end every line each desk was told
was saved must be in the notes: a missing one is a lost update.

Beside them, the floor: plain SQL's read-then-conditional-update loop (the version column compared in
the UPDATE's WHERE) by two processes on the same rows, on the same engine.

Figures (2026-12-07, 2 cores shared with the test runs of three other workers, 20 companies, 60 s):
see the closing note of issue 17 (session 9).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import percentiles  # noqa: E402

TAGS = ("a", "b")


def desk(target: str, tag: str, seconds: float, ids: list[str]) -> dict[str, object]:
    """One desk's minute: saves, conflicts, and the save times (what the child process prints)."""
    from crm_desktop.main import SystemClock
    from tests.desk_helpers import add_note_line, open_desk

    ctx = open_desk(target, SystemClock())  # (a second desk on one file: its instance lock left out)
    saved: list[str] = []
    conflicts = 0
    took: list[float] = []
    step = 1 if tag == TAGS[0] else 3  # the desks walk the companies at different strides: they meet often
    try:
        end = time.monotonic() + seconds
        i = 0
        while time.monotonic() < end:
            line = f"{tag}{i}"
            start = time.perf_counter()
            conflicts += add_note_line(ctx, ids[(i * step) % len(ids)], line)
            took.append(time.perf_counter() - start)
            saved.append(line)
            i += 1
    finally:
        ctx.close()
    return {"saved": saved, "conflicts": conflicts, "took": took}


def plain_desk(target: str, tag: str, seconds: float, ids: list[str]) -> dict[str, object]:
    """The floor: read the row, then update it only if its version is still the one read, in plain SQL."""
    conn, mark = _plain(target)
    saved: list[str] = []
    conflicts = 0
    took: list[float] = []
    step = 1 if tag == TAGS[0] else 3
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        account_id, line = ids[(i * step) % len(ids)], f"{tag}{i}"
        start = time.perf_counter()
        while True:
            cur = conn.cursor()
            cur.execute(f"SELECT notes, hlc FROM account WHERE id = {mark}", (account_id,))
            notes, hlc = cur.fetchone()
            cur.execute(f"UPDATE account SET notes = {mark}, hlc = {mark} WHERE id = {mark} AND hlc = {mark}",
                        (f"{notes}\n{line}".strip(), hlc + 1, account_id, hlc))
            done = cur.rowcount == 1
            conn.commit()
            if done:
                break
            conflicts += 1
        took.append(time.perf_counter() - start)
        saved.append(line)
        i += 1
    conn.close()
    return {"saved": saved, "conflicts": conflicts, "took": took}


def _plain(target: str) -> tuple[object, str]:
    if target.startswith("postgresql"):
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(target).set(drivername="postgresql").render_as_string(hide_password=False)
        return psycopg.connect(url), "%s"
    return sqlite3.connect(target, timeout=30, isolation_level=None), "?"  # each statement its own transaction


def notes_of(target: str, ids: list[str]) -> list[str]:
    """Every line of the companies' notes."""
    conn, mark = _plain(target)
    cur = conn.cursor()  # type: ignore[attr-defined]
    lines: list[str] = []
    for account_id in ids:
        cur.execute(f"SELECT notes FROM account WHERE id = {mark}", (account_id,))
        lines += (cur.fetchone()[0] or "").split("\n")
    conn.close()  # type: ignore[attr-defined]
    return lines


def run(target: str, ids: list[str], seconds: float, plain: bool) -> str:
    """Both desks at once on `target`; one line of figures."""
    children = [subprocess.Popen([sys.executable, __file__, "--desk", target, tag, str(seconds),
                                  *(["--plain"] if plain else []), *ids], stdout=subprocess.PIPE, text=True)
                for tag in TAGS]
    results = [json.loads(child.communicate()[0]) for child in children]
    found = set(notes_of(target, ids))
    saved = [line for r in results for line in r["saved"]]
    lost = [line for line in saved if line not in found]
    p50, p95 = percentiles([t for r in results for t in r["took"]])
    conflicts = sum(r["conflicts"] for r in results)
    return (f"{len(saved):6d} saves ({len(saved) / seconds:6.1f}/s), {conflicts:5d} conflicts caught and saved "
            f"again, lost: {len(lost)}; a save p50 {p50 * 1000:6.1f} ms, p95 {p95 * 1000:6.1f} ms")


def companies(target: str, count: int) -> list[str]:
    """The companies the desks edit, their notes emptied first: the lines of earlier runs would outgrow
    what a note holds (10,000 characters)."""
    conn, mark = _plain(target)
    cur = conn.cursor()  # type: ignore[attr-defined]
    cur.execute(f"SELECT id FROM account WHERE deleted_at IS NULL ORDER BY id LIMIT {int(count)}")
    ids = [i for (i,) in cur.fetchall()]
    cur.executemany(f"UPDATE account SET notes = '' WHERE id = {mark}", [(i,) for i in ids])
    conn.commit()  # type: ignore[attr-defined]
    conn.close()  # type: ignore[attr-defined]
    return ids


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--desk":
        target, tag, seconds, *rest = sys.argv[2:]
        plain = rest[:1] == ["--plain"]
        work = plain_desk if plain else desk
        print(json.dumps(work(target, tag, float(seconds), rest[1:] if plain else rest)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--records", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "crm.sqlite3"
        subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(copy), "demo", "--size", "small"],
                       check=True, stdout=subprocess.DEVNULL)
        for name, where in (("server", args.server), ("file", str(copy))):
            for plain in (False, True):
                ids = companies(where, args.records)
                print(f"{name:6} {'plain' if plain else 'app'}: {run(where, ids, args.seconds, plain)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
