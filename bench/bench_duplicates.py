"""Duplicate matching at the large demo size: the check on save, the review groups, the migration.

    python bench/bench_duplicates.py [--source bench/data/demo-large.sqlite3] [--work DIR]

The demo database is never changed: it is copied into `--work` (a temporary folder by default) and
the copy is opened through `open_app`, which backs it up and runs migration 0003 (the match-key
backfill) when the copy is older; that upgrade is timed. Our figures sit beside raw sqlite3 doing
the same lookups, the floor any Python code on this database can reach.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DEFAULT_DIR, ensure_demo_db, ms, percentiles, row, timed
from crm_desktop.db.migrate import SCHEMA_HEAD, stored_revision
from crm_desktop.main import SystemClock
from crm_desktop.queries.duplicates import duplicate_groups
from crm_desktop.services.app import open_app
from crm_desktop.services.duplicates import DuplicateProbe, find_duplicates_for
from crm_desktop.text import company_key, person_key, phone_key

PROBES = 200


def _probes(path: Path) -> list[DuplicateProbe]:
    """Half contacts, half accounts, sampled from the data, with titles / forms / typos / phone forms."""
    rnd = random.Random(7)
    conn = sqlite3.connect(path)
    contacts = conn.execute(
        "SELECT first_name, last_name, mobile, email FROM contact WHERE rowid % 1500 = 7 LIMIT 100").fetchall()
    accounts = conn.execute(
        "SELECT name, phone, email, tax_id, branch_code FROM account WHERE rowid % 500 = 3 LIMIT 100").fetchall()
    conn.close()
    probes = []
    for first, last, mobile, email in contacts:
        mobile = "0" + mobile[3:] if mobile.startswith("+66") and rnd.random() < 0.5 else mobile
        last = last + "ย์" if rnd.random() < 0.3 else last
        probes.append(DuplicateProbe("contact", "คุณ" + first, last, phones=(mobile,) if mobile else (),
                                     email=email))
    for name, phone, email, tax_id, branch in accounts:
        name = name + "ส" if rnd.random() < 0.3 else name
        probes.append(DuplicateProbe("account", company_name=name, phones=(phone,) if phone else (), email=email,
                                     tax_id=tax_id, branch_code=branch))
    return probes[:PROBES]


def _raw_probe(conn: sqlite3.Connection, p: DuplicateProbe) -> int:
    """The same indexed equality lookups in plain sqlite3 (no neighbourhood, no Python scoring)."""
    found = 0
    phones = [phone_key(x) for x in p.phones]
    pk, ck = person_key(p.first_name, p.last_name), company_key(p.company_name)
    for table, phone_cols, key in (("account", ("phone",), ck), ("contact", ("mobile",), pk),
                                   ("lead", ("mobile", "phone"), pk or ck)):
        conds, args = ["match_key = ?"], [key]
        for c in phone_cols:
            conds += [f"{c} = ?" for _ in phones]
            args += phones
        if p.email:
            conds.append("email = ?")
            args.append(p.email)
        sql = f"SELECT id FROM {table} WHERE deleted_at IS NULL AND ({' OR '.join(conds)}) LIMIT 50"
        found += len(conn.execute(sql, args).fetchall())
    return found


def _raw_groups(conn: sqlite3.Connection, table: str, cols: tuple[str, ...]) -> int:
    total = 0
    for col in cols:
        total += len(conn.execute(
            f"SELECT {col} FROM {table} WHERE deleted_at IS NULL AND {col} <> '' GROUP BY {col} "
            f"HAVING count(*) > 1").fetchall())
    return total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=DEFAULT_DIR / "demo-large.sqlite3")
    parser.add_argument("--work", type=Path, default=None, help="folder for the migrated copy (kept)")
    args = parser.parse_args()
    made = ensure_demo_db(args.source, "large")
    if made:
        print(f"generated {args.source} in {made:.0f} s")
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-dup-"))
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "demo-large.sqlite3"
    if not copy.exists() or stored_revision(copy) != SCHEMA_HEAD:
        shutil.copyfile(args.source, copy)
    print(f"database: {copy} (schema {stored_revision(copy)})")

    start = time.perf_counter()
    ctx = open_app(copy, clock=SystemClock())
    opened = time.perf_counter() - start
    what = f"backup + migration to {SCHEMA_HEAD}" if ctx.database.migrated else "no migration"
    print(f"open_app: {opened:.1f} s ({what})")
    raw = sqlite3.connect(copy)
    counts = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("account", "contact", "lead")}
    print("rows:", ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    try:
        probes = _probes(copy)
        find_duplicates_for(ctx.database, probes[0])  # warm the caches
        ours = [timed(lambda p=p: find_duplicates_for(ctx.database, p)) for p in probes]
        raws = [timed(lambda p=p: _raw_probe(raw, p)) for p in probes]
        hits = [len(find_duplicates_for(ctx.database, p)) for p in probes]
        o50, o95 = percentiles(ours)
        r50, r95 = percentiles(raws)
        print(f"\n{'':<34} {'ours':>14} {'raw sqlite3':>14}   target")
        row(f"duplicate check p50 ({len(probes)} probes)", ms(o50), ms(r50), "< 50 ms")
        row("duplicate check p95", ms(o95), ms(r95), "< 50 ms")
        print(f"  probes with a hit: {sum(1 for h in hits if h)}/{len(probes)}, mean hits {sum(hits) / len(hits):.1f}")
        for kind, cols in (("contact", ("mobile", "email", "match_key")),
                           ("account", ("phone", "email", "match_key"))):
            groups: list[object] = []
            t = timed(lambda kind=kind, groups=groups: groups.extend(
                duplicate_groups(ctx.database, kind, limit=1_000_000)))
            t_raw = timed(lambda kind=kind, cols=cols: _raw_groups(raw, kind, cols))
            row(f"review groups {kind} ({len(groups):,})", ms(t), ms(t_raw), "< 30 s")
        for kind in ("contact", "account"):
            t = timed(lambda kind=kind: duplicate_groups(ctx.database, kind, limit=500))
            row(f"review first 500 groups {kind}", ms(t), "", "< 30 s")
    finally:
        raw.close()
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
