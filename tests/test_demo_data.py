"""Sample data: deterministic, valid by our own rules, searchable, logged, and all-or-nothing."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.db import bulk
from crm_desktop.db.kept import sqlite_statements
from crm_desktop.db.live_counts import COUNTED
from crm_desktop.db.search_index import INDEXED, create_statements
from crm_desktop.demo.generate import OFFICE_STAFF, SIZES, _Generator, load_demo
from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import AccountFilter, account_keys
from crm_desktop.queries.cases import CaseFilter, case_keys
from crm_desktop.queries.search import search_all
from crm_desktop.services import validation
from crm_desktop.services.app import AppContext, open_app
from tests.server_helpers import fetch
from tests.sync_helpers import dump
from tests.test_core_data import table_dump
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server


@pytest.fixture
def app(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]) -> Iterator[AppContext]:
    ctx = open_app(new_database(tmp_path / "crm.sqlite3"), clock=clock)
    yield ctx
    ctx.close()


def test_small_demo_is_valid_searchable_and_logged(ctx: AppContext) -> None:
    app = ctx
    added = load_demo(app.database, "small", app.user_id)
    size = SIZES["small"]
    counts = {t: fetch(app, f"SELECT count(*) FROM {t}")[0][0]
              for t in ("account", "contact", "lead", "opportunity", "stage_history", "target", "campaign", "activity",
                        "activity_exception", "anniversary", "product", "quotation", "quotation_line", "sales_order",
                        "sales_order_line", '"case"', "case_status_history", "campaign_member", "segment")}
    assert (counts["account"], counts["contact"], counts["lead"], counts["opportunity"], counts['"case"']) == (
        size.accounts, size.contacts, size.leads, size.deals, size.cases)
    assert added == sum(counts.values()) + size.reps + OFFICE_STAFF
    accounts = fetch(app, "SELECT name, tax_id, phone, province, postcode FROM account")
    assert len(accounts) == size.accounts
    for name, tax_id, phone, province, postcode in accounts:
        assert name
        assert tax_id == "" or validation.is_valid_tax_id(tax_id)
        assert validation.phone(phone) == phone  # stored form is already E.164
        assert validation.province(province) == province
        assert len(postcode) == 5
    mobiles = [r[0] for r in fetch(app, "SELECT mobile FROM contact")]
    assert all(validation.phone(m, mobile_only=True) == m for m in mobiles)
    # Every record is in the change log, like data typed by hand.
    logged = fetch(app, "SELECT count(DISTINCT row_id) FROM change WHERE entity IN ('account', 'contact')")
    assert logged == [(size.accounts + size.contacts,)]
    # And in the search index.
    first_name = fetch(app, "SELECT first_name FROM contact WHERE nickname != '' LIMIT 1")[0][0]
    assert any(first_name in hit.title for hit in search_all(app.database, first_name, limit=50))
    assert len(account_keys(app.database, AccountFilter())) == size.accounts
    # Cases too, indexed by the load set-wise: the list's filter finds each case whose subject has the word.
    cases = fetch(app, 'SELECT id, subject FROM "case"')
    word = cases[0][1].split()[0]
    assert sorted(case_keys(app.database, CaseFilter(text=word))) == sorted(i for i, s in cases if word in s)


def test_generation_is_deterministic() -> None:
    def names() -> list[str]:
        batches = _Generator(seed=2026, size=SIZES["small"], today=TODAY).batches()
        next(batches)  # users
        return [row["name"] for row in next(batches)[1]]

    assert names() == names()


def journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def everything(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a file; a server's synced rows and change log."""
    if ctx.database.server is None:
        return table_dump(ctx.database.path)
    return {**dump(ctx), "change": fetch(ctx, "SELECT * FROM change ORDER BY seq")}


@pytest.mark.parametrize("alone", [False, True], ids=["beside-readers", "alone"])
def test_cancel_leaves_the_database_exactly_as_it_was(ctx: AppContext, alone: bool) -> None:
    app = ctx
    before = everything(app)
    with pytest.raises(bulk.Cancelled):
        load_demo(app.database, "small", app.user_id, progress=lambda done, total: done < 300, alone=alone)
    assert everything(app) == before
    if app.database.server is None:
        assert journal_mode(app.database.path) == "wal"  # a load alone went without it, and gave it back
    # The search triggers dropped for the load came back with the rollback: new rows are indexed.
    from datetime import date

    from crm_desktop.services.accounts import AccountInput, create_account

    create_account(app.uow(), AccountInput(name="ร้านหลังยกเลิก"), date(2026, 11, 23))
    assert [h.title for h in search_all(app.database, "หลังยกเลิก")] == ["ร้านหลังยกเลิก"]


def test_a_load_alone_goes_without_the_wal_unless_someone_reads_beside_it(app: AppContext) -> None:
    """Alone, the load writes with a rollback journal (its -journal file is there during the load);
    with a reader open it cannot switch, and stays in WAL mode. WAL mode is back either way."""
    journal = Path(f"{app.database.path}-journal")
    seen: list[bool] = []

    def first_batch(_done: int, _total: int) -> bool:
        seen.append(journal.exists())
        return False

    reader = sqlite3.connect(app.database.path)
    reader.execute("SELECT count(*) FROM account").fetchone()
    with pytest.raises(bulk.Cancelled):
        load_demo(app.database, "small", app.user_id, progress=first_batch, alone=True)
    reader.close()
    with pytest.raises(bulk.Cancelled):
        load_demo(app.database, "small", app.user_id, progress=first_batch, alone=True)
    assert seen == [False, True] and journal_mode(app.database.path) == "wal" and not journal.exists()


def test_index_triggers_are_restored_after_a_load(app: AppContext) -> None:
    def triggers() -> list[tuple[str, str]]:
        conn = sqlite3.connect(app.database.path)
        try:
            return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
        finally:
            conn.close()

    before = triggers()
    load_demo(app.database, "small", app.user_id)
    # search, live counts, kept totals
    assert triggers() == before and len(before) == 3 * len(INDEXED) + 3 * len(COUNTED) + len(sqlite_statements())


def test_migration_index_ddl_matches_the_code(app: AppContext) -> None:
    """The bulk loader re-indexes with the code's text expression: it must equal the migrated one."""
    conn = sqlite3.connect(app.database.path)
    stored = {r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE name LIKE '%_fts%' AND sql IS NOT NULL")}
    conn.close()
    expected = {s for e in INDEXED for s in create_statements(e) if s.startswith("CREATE")}
    assert expected <= stored


def test_demo_refuses_a_database_with_data(tmp_path: Path) -> None:
    db = tmp_path / "crm.sqlite3"
    run = [sys.executable, "-m", "crm_desktop", "--db", str(db), "--lang", "en", "demo", "--size", "small"]
    assert subprocess.run(run, capture_output=True, text=True).returncode == 0
    again = subprocess.run(run, capture_output=True, text=True)
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1 and "empty" in again.stderr and "Traceback" not in again.stderr


def test_cli_search_prints_matches(tmp_path: Path) -> None:
    db = tmp_path / "crm.sqlite3"
    subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(db), "demo"], check=True, capture_output=True)
    conn = sqlite3.connect(db)
    nick, mobile = conn.execute("SELECT nickname, mobile FROM contact WHERE nickname != '' LIMIT 1").fetchone()
    conn.close()
    national = "0" + mobile[3:]
    typed = f"{national[:3]}-{national[3:6]}-{national[6:]}"
    out = subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(db), "search", typed],
                         capture_output=True, text=True, check=True).stdout
    assert f"({nick})" in out and f"{national[:3]} {national[3:6]} {national[6:]}" in out


def test_cli_error_is_one_line_in_thai(clock: FixedClock, tmp_path: Path) -> None:
    db = tmp_path / "future.sqlite3"
    open_app(db, clock=clock).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    conn.commit()
    conn.close()
    out = subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(db), "--lang", "th", "search", "x"],
                         capture_output=True, text=True)
    assert out.returncode == 1 and "ใหม่กว่า" in out.stderr and out.stderr.count("\n") == 1


def test_domain_error_never_escapes_as_a_traceback() -> None:
    assert issubclass(bulk.Cancelled, DomainError)


def test_demo_deals_have_consistent_stage_history_and_leads_their_scores(app: AppContext) -> None:
    from crm_desktop.queries.leads import lead_detail
    from crm_desktop.queries.opportunities import stage_timeline

    load_demo(app.database, "small", app.user_id)
    conn = sqlite3.connect(app.database.path)
    deals = conn.execute("SELECT id, stage_id, loss_reason FROM opportunity").fetchall()
    lost_stage = conn.execute("SELECT id FROM stage WHERE kind = 'lost'").fetchone()[0]
    for deal_id, stage, loss_reason in deals[:60]:
        chain = conn.execute("SELECT from_stage_id, to_stage_id FROM stage_history WHERE opportunity_id = ? "
                             "ORDER BY changed_at", (deal_id,)).fetchall()
        assert chain[0][0] is None and chain[-1][1] == stage
        assert all(a[1] == b[0] for a, b in itertools.pairwise(chain))
        assert (loss_reason != "") == (stage == lost_stage)
        assert len(stage_timeline(app.database, deal_id)) == len(chain)
    lead_ids = [r[0] for r in conn.execute("SELECT id FROM lead LIMIT 40")]
    conn.close()
    for lead_id in lead_ids:
        detail = lead_detail(app.database, lead_id)
        assert detail is not None
        assert detail.score == sum(line.weight for line in detail.score_lines if line.matched)


def test_demo_campaigns_are_valid_and_bring_in_leads(app: AppContext) -> None:
    from crm_desktop.queries.campaigns import campaigns
    from crm_desktop.queries.leads import LeadFilter, lead_keys

    load_demo(app.database, "small", app.user_id)
    rows = campaigns(app.database)
    assert 10 <= len(rows) <= 30 and len({r.name for r in rows}) == len(rows)
    for row in rows:
        assert row.starts_on is not None and row.ends_on is not None and row.starts_on <= row.ends_on
        assert (TODAY - row.starts_on).days <= 730 and row.cost_satang > 0
        assert row.status == ("planned" if row.starts_on > TODAY else "active" if row.ends_on >= TODAY else "done")
    assert {"planned", "done"} <= {r.status for r in rows}  # and "active" when today falls in one
    assert sum(r.lead_count for r in rows) > 0
    assert all(r.lead_count == 0 for r in rows if r.status == "planned")
    conn = sqlite3.connect(app.database.path)
    unlinked = conn.execute("SELECT count(*) FROM lead WHERE source = 'campaign' AND campaign_id IS NULL").fetchone()
    linked = dict(conn.execute("SELECT source, count(*) FROM lead WHERE campaign_id IS NOT NULL GROUP BY source"))
    mismatched = conn.execute(
        "SELECT count(*) FROM lead JOIN campaign ON campaign.id = lead.campaign_id "
        "WHERE lead.source != 'campaign' AND lead.source != campaign.channel"
    ).fetchone()
    conn.close()
    assert unlinked == (0,) and mismatched == (0,)
    assert set(linked) <= {"campaign", "trade_show", "facebook", "line"} and linked.get("campaign", 0) > 0
    busiest = max(rows, key=lambda r: r.lead_count)
    assert len(lead_keys(app.database, LeadFilter(campaign_id=busiest.id))) == busiest.lead_count


def test_demo_leads_came_in_over_two_years_and_new_ones_lately(app: AppContext) -> None:
    from crm_desktop.queries.reports.leads import new_leads_by_source
    from crm_desktop.queries.reports.measure import ReportFilter

    load_demo(app.database, "small", app.user_id)
    conn = sqlite3.connect(app.database.path)
    months = dict(conn.execute("SELECT substr(created_at, 1, 7), count(*) FROM lead GROUP BY 1"))
    newest_old = conn.execute("SELECT min(created_at) FROM lead WHERE status = 'new'").fetchone()[0]
    latest = conn.execute("SELECT max(created_at) FROM lead").fetchone()[0]
    conn.close()
    assert len(months) >= 20 and min(months) >= f"{TODAY.year - 2}-{TODAY.month:02d}"
    assert newest_old >= (TODAY - timedelta(days=31)).isoformat() and latest < TODAY.isoformat()
    last_month = new_leads_by_source(app.database, ReportFilter.month("2026-10"), TODAY)
    assert sum(row[1] for row in last_month.rows) == months["2026-10"] > 0
