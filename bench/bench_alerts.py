"""Alert scan benchmark (issue 18): every rule kind over the large demo's volumes, beside raw sqlite3.

    python bench/bench_alerts.py [--db PATH] [--scale 1.0]

Generates its own database (raw inserts into a migrated schema; no change log: only the read side is
timed) at the large demo's sizes: 100,000 accounts, 300,000 contacts (60 % with a birthday), 60 reps,
~500,000 order lines over 24 months (some promised and still open), 10,000 deals with their stage
moves, 20,000 quotations, 1,000,000 activities and 50,000 cases with their response and resolution
due times (as the demo's: most closed, a fifth of the last 60 days' still open). Then times, warm,
best of 5: ranking the top customers (once an office day), the whole scan of the seven default rules
(`queries.alerts.find_alerts`: the day's first round; this month's sales per day kept from the scan
before, as the app keeps them, and again with them read anew as at the first round after a start),
the 5-minute round (the four rules that can find something new within a day), each kind alone, and
hand-written SQL answering the same questions through sqlite3 in the same run (the top customers in a
temporary table, as the app keeps them for the day), from the activities and lines themselves, and
reading the values kept on the records (db/kept.py: each sale's lines' net, each customer's last contact).
The raw connection has the app's page cache (32 MB). Then the Alerts tab's list (its keys, sorted) and
the badge's count over what the scan found, kept as alerts, with one rep's dismissals and snoozes (a
tenth dismissed, a twentieth snoozed till tomorrow): the owner's whole list and a rep's own, each as
the person sees it and as the office-wide filter alone (the query before dismissals were each
person's), beside raw SQL.
The database is kept at --db (default bench/data/bench-alerts.sqlite3).

Figures (`python bench/bench_alerts.py --db /tmp/alerts.sqlite3`, generated with the kept totals'
triggers, 2026-12-08 00:08-00:11 UTC, three runs, load 0.7-0.95 on 2 CPUs shared with other work;
"before": the same bench on the code before the kept totals, a quiet machine, raw with sqlite3's own
2 MB cache):

    figure                                crm_desktop        raw sqlite3     before: app (raw)
    top customers ranked (once a day)     257-317 ms         494-611 ms      about 1 s
    whole alert scan, 7 rules              69-83 ms           89-100 ms      99.7-104.7 ms (77-81 ms)
      raw reading the kept values                            129-145 ms
      the first after start (month read)   89-95 ms           89-100 ms      165 ms
    a 5-minute round, 4 rules              31-34 ms           35-38 ms
      big_spender                         10-17 ms            30 ms (kept: 2.7 ms)
      quiet_top_customer                  12-13 ms            32 ms (kept: 102 ms, the rows read; see below)
      case_sla, late_order, stuck_deal, top_birthday, quotation_expiring: 10, 7, 13, 10, 2 ms (not changed)

    The Alerts tab over 5,303 kept alerts (2026-12-07 23:30 UTC, before the kept totals; a rep with a
    tenth dismissed and a twentieth snoozed): the whole list's keys 7.1 ms as the owner and 8.0 ms as
    the rep (the office-wide filter alone: 7.0 / 7.4 ms; raw 4.4 / 5.0 ms); the badge 0.9 / 1.5 ms (raw
    1.0 / 1.6 ms); a rep's own list 1.9 ms (raw 1.7 ms).

The quiet top customers read each one's kept last contact from its row (found by id, no activity read:
25-30 ms before); this month's and the year's sales per customer are summed per order from the kept
lines' net (only orders whose prices include VAT read their VAT-able lines), so ranking the top fifth
reads a year's orders instead of their lines, and the first round after a start reads this month's
sales from the index by day alone, which covers what a sale is worth (109 ms while it read the orders'
rows). The raw quiet query on the kept values looks the 5,000 top people and companies up by id and
reads each one's row (100 ms; the app's statement, through a JSON set of the ids, takes 12 ms: not
looked into further); the from-scratch one walks the partial indexes of contacts.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DIR, best_of, ms, row

from crm_desktop.clock import FixedClock
from crm_desktop.db.database import Database
from crm_desktop.models import Base, new_ids
from crm_desktop.models.planning import AlertFinding, dismissal_id
from crm_desktop.queries.alerts import (
    DAILY_KINDS,
    MONTH_KEY,
    alert_keys,
    alert_rules,
    find_alerts,
    forget_top_customers,
    open_alert_count,
    top_customers,
)
from crm_desktop.services.app import OWNER_ID, open_app
from crm_desktop.services.stages import default_stage_id

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 3, 0)
STAMP = "2026-11-23 03:00:00.000000"
SOLD = "('confirmed', 'partly_delivered', 'delivered', 'invoiced')"


def insert(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, object]]) -> int:
    """Rows into `table`, every column the model has filled from the row or the column's default."""
    columns = list(Base.metadata.tables[table].columns)
    defaults = {c.name: (c.default.arg if c.default is not None and not callable(c.default.arg) else None)
                for c in columns}
    defaults.update(created_at=STAMP, updated_at=STAMP, hlc=0, site_id="")
    names = [c.name for c in columns]
    sql = f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
    listed = list(rows)
    ids = iter(new_ids(len(listed)))
    values = [tuple(r.get(n, defaults[n]) if n != "id" else r.get("id") or next(ids) for n in names) for r in listed]
    conn.executemany(sql, values)
    return len(values)


def generate(path: Path, scale: float) -> None:
    ctx = open_app(path, clock=FixedClock(NOW))
    ctx.close()
    rnd = random.Random(18)
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")

    def n(count: int) -> int:
        return max(10, int(count * scale))

    def day(back: int) -> str:
        return (TODAY - timedelta(days=back)).isoformat()

    def moment(back_hours: float) -> str:
        return (NOW - timedelta(hours=back_hours)).isoformat(sep=" ")

    reps = new_ids(60)
    insert(conn, "user", ({"id": r, "name": f"พนักงานขาย {i}", "role": "sales"} for i, r in enumerate(reps)))
    accounts = new_ids(n(100_000))
    insert(conn, "account", ({"id": a, "name": f"บริษัท ลูกค้า {i} จำกัด", "owner_id": rnd.choice(reps)}
                             for i, a in enumerate(accounts)))
    contacts = new_ids(n(300_000))
    insert(conn, "contact", ({"id": c, "first_name": f"ลูกค้า{i}", "last_name": "ใจดี", "owner_id": rnd.choice(reps),
                              "account_id": rnd.choice(accounts) if i % 3 else None,
                              "birthday": date(rnd.randrange(1950, 2004), rnd.randrange(1, 13),
                                               rnd.randrange(1, 29)).isoformat() if rnd.random() < 0.6 else None}
                             for i, c in enumerate(contacts)))
    # Sales: a fifth of the accounts and some people buy, heavy-tailed; ~2.5 lines an order.
    buyers = [(a, None) for a in accounts[: len(accounts) // 5]] + [(None, c) for c in contacts[: len(contacts) // 20]]
    weights = list(accumulate(min(rnd.paretovariate(1.2), 150.0) for _ in buyers))
    orders, lines = [], []
    order_ids, line_ids = iter(new_ids(n(500_000))), iter(new_ids(n(500_000) + 10))
    while len(lines) < n(500_000):
        account_id, contact_id = rnd.choices(buyers, cum_weights=weights)[0]
        order_id = next(order_ids)
        back = rnd.randrange(730)
        status = rnd.choices(["invoiced", "delivered", "confirmed", "partly_delivered", "cancelled", "draft"],
                             [60, 20, 8, 4, 4, 4])[0]
        orders.append({"id": order_id, "number": f"SO{len(orders):07d}", "account_id": account_id,
                       "contact_id": contact_id, "issued_on": day(back), "status": status,
                       "owner_id": rnd.choice(reps), "bill_discount_satang": rnd.choice([0, 0, 0, 5_000])})
        for position in range(rnd.randrange(1, 5)):
            promised = back - rnd.randrange(3, 30)
            still_open = back < 60 and status in ("confirmed", "partly_delivered") and rnd.random() < 0.1
            lines.append({"id": next(line_ids), "order_id": order_id, "description": f"รายการ {position}",
                          "quantity_milli": 1_000 * rnd.randrange(1, 10),
                          "unit_price_satang": rnd.randrange(5_000, 900_000),
                          "discount_bp": rnd.choice([0, 0, 500]), "position": position, "promised_on": day(promised),
                          "delivered_milli": 0 if still_open else 1_000_000_000})
    for line in lines:  # delivered in full: the line's own quantity
        if line["delivered_milli"]:
            line["delivered_milli"] = line["quantity_milli"]
    insert(conn, "sales_order", orders)
    insert(conn, "sales_order_line", lines)
    stages = [default_stage_id(k) for k in ("prospecting", "qualification", "quotation", "negotiation", "won", "lost")]
    deals = new_ids(n(10_000))
    stage_weights = [8, 8, 7, 7, 40, 30]  # three in ten deals open
    insert(conn, "opportunity", ({"id": d, "name": f"ดีล {i}", "stage_id": rnd.choices(stages, stage_weights)[0],
                                  "owner_id": rnd.choice(reps),
                                  "account_id": rnd.choice(accounts), "created_at": moment(24 * rnd.randrange(30, 400))}
                                 for i, d in enumerate(deals)))
    insert(conn, "stage_history", ({"opportunity_id": d, "to_stage_id": rnd.choice(stages),
                                    "changed_at": moment(24 * rnd.expovariate(1 / 25))}  # most move within weeks
                                   for d in deals for _ in range(rnd.randrange(0, 4))))
    insert(conn, "quotation", ({"number": f"QT{i:06d}", "issued_on": day(rnd.randrange(400)),
                                "status": rnd.choice(["draft", "sent", "sent", "accepted", "rejected", "expired"]),
                                "valid_until": day(rnd.randrange(-30, 370)), "account_id": rnd.choice(accounts),
                                "owner_id": rnd.choice(reps)} for i in range(n(20_000))))
    kinds = ["call", "meeting", "visit", "task", "email", "note"]

    def customer(i: int) -> dict[str, str | None]:
        """Half the activities are with buyers (the more they buy, the more contact), half with anyone."""
        if i % 2:
            account_id, contact_id = rnd.choices(buyers, cum_weights=weights)[0]
            return {"account_id": account_id, "contact_id": contact_id}
        return {"account_id": rnd.choice(accounts)} if i % 4 else {"contact_id": rnd.choice(contacts)}

    insert(conn, "activity", ({"kind": rnd.choice(kinds), "subject": "ติดตามลูกค้า",
                               "status": rnd.choice(["done", "done", "done", "planned", "cancelled"]),
                               "starts_at": moment(rnd.uniform(-24 * 60, 24 * 730)) if i % 3 else None,
                               "due_on": None if i % 3 else day(rnd.randrange(-60, 730)),
                               **customer(i), "owner_id": rnd.choice(reps), "assignee_id": rnd.choice(reps)}
                              for i in range(n(1_000_000))))

    def case(i: int) -> dict[str, object]:
        """As the demo's cases: opened over two years, more lately; resolved in 8 to 72 hours, a fifth of
        those of the last 60 days still open (most of them late); one answer in eight after its due time."""
        opened = 24 * 730 * rnd.random() ** 1.3 + 0.1
        respond, resolve = rnd.uniform(2, 24), rnd.uniform(8, 72)
        answer = opened - respond * (0.2 + rnd.random() * (0.7 if rnd.random() < 0.88 else 3))
        open_ = opened < resolve or (opened < 24 * 60 and rnd.random() < 0.2)
        status = rnd.choice(["assigned", "in_progress", "waiting"] if answer > 0 else ["new", "assigned"]) \
            if open_ else rnd.choice(["resolved", "closed", "closed"])
        return {"number": f"CS{i:06d}", "subject": "แอร์ไม่เย็น", "owner_id": rnd.choice(reps),
                "account_id": rnd.choice(accounts), "status": status, "priority": rnd.choice(["low", "normal", "high"]),
                "opened_at": moment(opened), "response_due_at": moment(opened - respond),
                "first_response_at": moment(answer) if answer > 0 else None, "sla_due_at": moment(opened - resolve)}

    insert(conn, "case", (case(i) for i in range(n(50_000))))
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    print(f"generated {len(orders):,} orders, {len(lines):,} lines, {len(accounts):,} accounts, {len(contacts):,} "
          f"contacts, {n(1_000_000):,} activities, {n(50_000):,} cases in {time.perf_counter() - start:.1f} s")


# The same questions in hand-written SQL: the floor the scan's statements are measured against. Amounts
# are each line's net (quantity × price less its discount), without the bill discount and VAT shares.
_NET = ("((2 * l.quantity_milli * l.unit_price_satang + 1000) / 2000) * (10000 - l.discount_bp) / 10000.0")
RAW_TOP = f"""
WITH spend AS (SELECT COALESCE(o.account_id, o.contact_id) AS cid, SUM({_NET}) AS amount
               FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
               WHERE o.deleted_at IS NULL AND o.status IN {SOLD} AND o.issued_on >= :year_ago
                 AND o.issued_on < :tomorrow GROUP BY 1),
ranked AS (SELECT cid, RANK() OVER (ORDER BY amount) - 1 AS below, COUNT(*) OVER () AS everyone FROM spend),
top AS (SELECT cid FROM ranked WHERE 5 * below >= 4 * everyone)
SELECT cid FROM top"""
# A contact: an activity marked done (db/kept.py), spelled with the partial indexes' condition (0031).
CONTACTED = ("a.deleted_at IS NULL AND a.rrule = '' AND a.status != 'cancelled'"
             " AND (a.status = 'done' OR a.kind IN ('call', 'meeting', 'visit')) AND a.status = 'done'")
RAW = {
    "big_spender": f"""SELECT COALESCE(o.account_id, o.contact_id), SUM({_NET}) FROM sales_order o
        JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
        WHERE o.deleted_at IS NULL AND o.status IN {SOLD} AND o.issued_on >= :month AND o.issued_on < :next_month
        GROUP BY 1 HAVING SUM({_NET}) > 10000000""",
    "quiet_top_customer": f"""
        SELECT cid FROM top_ids top
        WHERE NOT EXISTS (SELECT 1 FROM activity a WHERE a.account_id = top.cid AND {CONTACTED}
                            AND a.starts_at >= :quiet_moment)
          AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.account_id = top.cid AND {CONTACTED}
                            AND a.starts_at IS NULL AND a.due_on > :quiet_day)
          AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.contact_id = top.cid AND {CONTACTED}
                            AND a.starts_at >= :quiet_moment)
          AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.contact_id = top.cid AND {CONTACTED}
                            AND a.starts_at IS NULL AND a.due_on > :quiet_day)""",
    "stuck_deal": """SELECT o.id FROM opportunity o JOIN stage s ON s.id = o.stage_id
        WHERE o.deleted_at IS NULL AND s.kind = 'open' AND COALESCE((SELECT MAX(h.changed_at) FROM stage_history h
          WHERE h.opportunity_id = o.id), o.created_at) < :stuck_moment""",
    "quotation_expiring": """SELECT id FROM quotation WHERE deleted_at IS NULL AND status = 'sent' AND superseded = 0
        AND valid_until >= :today AND valid_until <= :expiry""",
    "late_order": f"""SELECT o.id, MIN(l.promised_on) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
        WHERE l.deleted_at IS NULL AND l.delivered_milli < l.quantity_milli AND l.promised_on <= :yesterday
          AND o.deleted_at IS NULL AND o.status IN {SOLD} GROUP BY o.id""",
    "case_sla": """SELECT id, response_due_at FROM "case"
        WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed')
          AND first_response_at IS NULL AND response_due_at <= :sla_moment
        UNION ALL SELECT id, sla_due_at FROM "case"
        WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed') AND sla_due_at <= :sla_moment""",
    "top_birthday": """
        SELECT c.id FROM contact c WHERE c.birthday IS NOT NULL AND c.deleted_at IS NULL
          AND substr(c.birthday, 6, 5) >= '11-23' AND substr(c.birthday, 6, 5) <= '11-30'
          AND (c.id IN (SELECT cid FROM top_ids) OR c.account_id IN (SELECT cid FROM top_ids))""",
}


# The same, reading the values kept on the records (db/kept.py): each sale's lines' net, each customer's
# last contact.
RAW_KEPT = {**RAW,
            "big_spender": f"""SELECT COALESCE(o.account_id, o.contact_id), SUM(o.lines_net_satang) FROM sales_order o
        WHERE o.deleted_at IS NULL AND o.status IN {SOLD} AND o.issued_on >= :month AND o.issued_on < :next_month
        GROUP BY 1 HAVING SUM(o.lines_net_satang) > 10000000""",
            "quiet_top_customer": """
        SELECT a.id FROM top_ids t CROSS JOIN account a ON a.id = t.cid
        WHERE coalesce(a.last_contact_on <= :quiet_day, 1)
        UNION ALL SELECT c.id FROM top_ids t CROSS JOIN contact c ON c.id = t.cid
        WHERE coalesce(c.last_contact_on <= :quiet_day, 1)"""}


def raw_params() -> dict[str, str]:
    return {"today": TODAY.isoformat(), "tomorrow": (TODAY + timedelta(1)).isoformat(), "now": str(NOW),
            "year_ago": date(2025, 11, 24).isoformat(), "month": "2026-11-01", "next_month": "2026-12-01",
            "quiet_day": (TODAY - timedelta(60)).isoformat(),
            "quiet_moment": str(datetime.combine(TODAY - timedelta(60), datetime.min.time()) + timedelta(hours=17)),
            "stuck_moment": "2026-10-24 17:00:00",  # 00:00 in Bangkok on today − 29
            "expiry": (TODAY + timedelta(3)).isoformat(),
            "yesterday": (TODAY - timedelta(1)).isoformat(), "sla_moment": str(NOW + timedelta(hours=4))}


def keep_alerts(path: Path, found: list[AlertFinding]) -> str:
    """The findings kept as alerts (raw, once) and the dismissals and snoozes of the rep with the most:
    that rep's id."""
    rep = Counter(f.owner_id for f in found if f.owner_id is not None).most_common(1)[0][0]
    with sqlite3.connect(path) as conn:
        if conn.execute("SELECT count(*) FROM alert").fetchone()[0] == 0:
            insert(conn, "alert", ({"id": f.id, "rule_id": f.rule_id, "kind": f.kind, "entity": f.entity,
                                    "row_id": f.row_id, "period": f.period, "params_json": json.dumps(f.params),
                                    "owner_id": f.owner_id, "raised_at": STAMP} for f in found))
            conn.execute("ANALYZE alert")
        if conn.execute("SELECT count(*) FROM alert_dismissal").fetchone()[0] == 0:
            mine = [f.id for f in found if f.owner_id in (rep, None)]
            tomorrow = str(NOW + timedelta(days=1))
            insert(conn, "alert_dismissal", [  # a tenth dismissed, another twentieth snoozed till tomorrow
                *({"id": dismissal_id(a, rep), "alert_id": a, "user_id": rep, "dismissed_at": STAMP}
                  for a in mine[::10]),
                *({"id": dismissal_id(a, rep), "alert_id": a, "user_id": rep, "snoozed_until": tomorrow}
                  for a in mine[5::20])])
            conn.execute("ANALYZE alert_dismissal")
    return rep


RAW_OPEN = ("a.dismissed_at IS NULL AND a.deleted_at IS NULL AND (a.snoozed_until IS NULL OR a.snoozed_until <= :now)"
            " AND a.id NOT IN (SELECT d.alert_id FROM alert_dismissal d WHERE d.user_id = :person"
            " AND d.deleted_at IS NULL AND (d.dismissed_at IS NOT NULL OR d.snoozed_until > :now))")
RAW_MINE = " AND (a.owner_id = :person OR a.owner_id IS NULL)"


def list_figures(db: Database, raw: sqlite3.Connection, rep: str) -> None:
    """The Alerts tab's keys and the badge's count, as each person sees them and office-wide."""
    for who, person, owner in (("the owner's whole list", OWNER_ID, None), ("the whole list as the rep", rep, None),
                               ("a rep's own", rep, rep)):
        where = RAW_OPEN + (RAW_MINE if owner else "")
        values = {"now": str(NOW), "person": person}

        def keys(p: str | None = person, o: str | None = owner) -> list[str]:
            return alert_keys(db, NOW, o, person=p)

        def count(p: str | None = person, o: str | None = owner) -> int:
            return open_alert_count(db, NOW, o, person=p)

        def raw_keys(w: str = where, v: dict[str, str] = values) -> object:
            return raw.execute(f"SELECT a.id FROM alert a WHERE {w} ORDER BY a.raised_at DESC, a.id", v).fetchall()

        def raw_count(w: str = where, v: dict[str, str] = values) -> object:
            return raw.execute(f"SELECT count(*) FROM alert a WHERE {w}", v).fetchall()

        row(f"alert list, {who} ({len(keys()):,})", ms(best_of(9, keys)), ms(best_of(9, raw_keys)), "")
        row("  office-wide filter only (before 0033)", ms(best_of(9, lambda o=owner: keys(None, o))), "", "")
        row(f"badge, {who}", ms(best_of(9, count)), ms(best_of(9, raw_count)), "")
        row("  office-wide filter only (before 0033)", ms(best_of(9, lambda o=owner: count(None, o))), "", "")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "bench-alerts.sqlite3")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the large demo's volumes")
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        generate(args.db, args.scale)
    ctx = open_app(args.db, clock=FixedClock(NOW), read_only=True)
    db = ctx.database
    rules = alert_rules(db, active_only=True)
    found = find_alerts(db, rules, NOW)  # warm: the pages in the cache, the statements compiled
    raw = sqlite3.connect(args.db)
    raw.execute("PRAGMA cache_size=-32000")  # the app's page cache (db/engine.py), not sqlite3's 2 MB
    params = raw_params()
    raw.execute("CREATE TEMP TABLE top_ids (cid TEXT PRIMARY KEY)")
    raw.executemany("INSERT INTO top_ids VALUES (?)", raw.execute(RAW_TOP, params).fetchall())
    counts = {kind: len(raw.execute(sql, params).fetchall()) for kind, sql in RAW.items()}
    assert counts["quiet_top_customer"] == len(raw.execute(RAW_KEPT["quiet_top_customer"], params).fetchall())
    by_kind = {kind: sum(f.kind == kind for f in found) for kind in RAW}
    print(f"{len(found):,} alerts found by {len(rules)} rules: {by_kind}\nraw counts: {counts}")
    row("figure", "crm_desktop", "raw sqlite3", "target")

    def ranked() -> object:
        forget_top_customers(db)
        return top_customers(db, TODAY)

    row("top customers ranked (once a day)", ms(best_of(3, ranked)),
        ms(best_of(3, lambda: raw.execute(RAW_TOP, params).fetchall())), "")
    whole = best_of(9, lambda: find_alerts(db, rules, NOW))
    whole_raw = best_of(9, lambda: [raw.execute(sql, params).fetchall() for sql in RAW.values()])
    whole_kept = best_of(9, lambda: [raw.execute(sql, params).fetchall() for sql in RAW_KEPT.values()])
    row("whole alert scan, 7 rules", ms(whole), ms(whole_raw), "≤ 100 ms")
    row("  raw reading the kept values", "", ms(whole_kept), "")

    def first_round() -> object:
        db.memo.pop(MONTH_KEY, None)  # this month's sales not kept yet: read them all
        return find_alerts(db, rules, NOW)

    row("  the first after start (month read)", ms(best_of(5, first_round)), ms(whole_raw), "")
    every_round = [r for r in rules if r.kind not in DAILY_KINDS]
    row("  a 5-minute round, 4 rules", ms(best_of(5, lambda: find_alerts(db, every_round, NOW))),
        ms(best_of(5, lambda: [raw.execute(RAW[r.kind], params).fetchall() for r in every_round])), "")
    for rule in rules:
        ours = best_of(5, lambda rule=rule: find_alerts(db, [rule], NOW))
        theirs = best_of(5, lambda rule=rule: raw.execute(RAW[rule.kind], params).fetchall())
        kept = "" if RAW_KEPT[rule.kind] is RAW[rule.kind] else \
            f" (kept: {ms(best_of(5, lambda rule=rule: raw.execute(RAW_KEPT[rule.kind], params).fetchall())).strip()})"
        row(f"  {rule.kind}", ms(ours), ms(theirs), kept)
    raw.close()
    ctx.close()
    rep = keep_alerts(args.db, found)
    ctx = open_app(args.db, clock=FixedClock(NOW), read_only=True)
    raw = sqlite3.connect(args.db)
    list_figures(ctx.database, raw, rep)
    raw.close()
    ctx.close()


if __name__ == "__main__":
    main()
