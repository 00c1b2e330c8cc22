"""Merging two duplicate records: fields chosen per field, every reference re-linked, undo restores."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Account, Activity, Contact, Lead, Opportunity, Stage
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.changes import Entity
from crm_desktop.services.duplicates import merge, merge_fields, references_to, undo_merge
from crm_desktop.services.records import restore
from tests.log_helpers import logged_fields
from tests.test_messages import THAI

# Columns that every write stamps anew: compared apart from the data.
STAMPS = {"updated_at", "hlc", "site_id"}
TABLES = ("account", "contact", "lead", "opportunity", "activity")


@pytest.fixture
def app(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]) -> Iterator[AppContext]:
    ctx = open_app(new_database(tmp_path / "crm.sqlite3"), clock=clock)
    yield ctx
    ctx.close()


@pytest.fixture
def data(app: AppContext) -> AppContext:
    with app.uow() as uow:
        s = uow.session
        s.add_all([
            Account(id="win", name="บริษัท สยามการค้า จำกัด", phone="+6621234567", founded_on=date(2001, 2, 3)),
            Account(id="lose", name="สยามการค้า", email="info@siam.co.th", tax_id="0105536061479",
                    branch_code="00000", founded_on=date(1999, 1, 1), notes="จากงานแสดงสินค้า"),
            Account(id="child", name="สยามการค้า สาขาเชียงใหม่", parent_id="lose"),
            Stage(id="st", name="Prospecting"),
        ])
        s.flush()
        s.add_all([
            Contact(id="c1", first_name="สมชาย", account_id="lose"),
            Contact(id="c2", first_name="สมศรี", account_id="win"),
            Contact(id="c3", first_name="ลบแล้ว", account_id="lose", deleted_at=date(2026, 1, 1)),
            Lead(id="l1", company_name="สยามการค้า", converted_account_id="lose"),
        ])
        s.flush()
        s.add_all([
            Opportunity(id="o1", name="ดีลใหญ่", account_id="lose", contact_id="c1", stage_id="st"),
            Activity(id="a1", kind="call", subject="โทรหา", account_id="lose", contact_id="c1"),
            Activity(id="a2", kind="call", subject="โทรอีก", account_id="win"),
        ])
        uow.commit()
    return app


def rows(app: AppContext) -> dict[str, dict[str, tuple[object, ...]]]:
    """Every row of the tables a merge touches, without the stamps every write changes."""
    conn = sqlite3.connect(app.database.path)
    try:
        out: dict[str, dict[str, tuple[object, ...]]] = {}
        for table in TABLES:
            cur = conn.execute(f'SELECT * FROM "{table}" ORDER BY id')
            names = [d[0] for d in cur.description]
            keep = [i for i, n in enumerate(names) if n not in STAMPS]
            out[table] = {r[0]: tuple(r[i] for i in keep) for r in cur}
        return out
    finally:
        conn.close()


def one(app: AppContext, sql: str, *params: object) -> object:
    conn = sqlite3.connect(app.database.path)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def logged(app: AppContext, row_id: str) -> list[tuple[str, str | None]]:
    return [(name, value) for name, value, _ in logged_fields(app.database.path, row_id)]


def test_references_are_found_from_the_metadata() -> None:
    refs = {(m.__tablename__, a) for m, a in references_to(Account.__table__)}  # type: ignore[arg-type]
    assert {("contact", "account_id"), ("opportunity", "account_id"), ("activity", "account_id"),
            ("account", "parent_id"), ("lead", "converted_account_id")} <= refs
    assert "match_key" not in merge_fields("account") and "deleted_at" not in merge_fields("account")


def test_merge_copies_chosen_fields_relinks_everything_and_deletes_the_loser(data: AppContext) -> None:
    result = merge(data.uow(), "account", "win", "lose",
                   {"email": "loser", "tax_id": "loser", "branch_code": "loser", "founded_on": "loser",
                    "phone": "winner", "name": "winner"})
    win = one(data, "SELECT name, phone, email, tax_id, branch_code, founded_on, notes, match_key FROM account "
                    "WHERE id = 'win'")
    assert win == ("บริษัท สยามการค้า จำกัด", "+6621234567", "info@siam.co.th", "0105536061479", "00000",
                   "1999-01-01", "", "สยามการค้า")
    assert one(data, "SELECT deleted_at IS NOT NULL FROM account WHERE id = 'lose'") == (1,)
    for sql in ("SELECT account_id FROM contact WHERE id = 'c1'", "SELECT account_id FROM contact WHERE id = 'c3'",
                "SELECT account_id FROM opportunity WHERE id = 'o1'", "SELECT account_id FROM activity WHERE id = 'a1'",
                "SELECT parent_id FROM account WHERE id = 'child'",
                "SELECT converted_account_id FROM lead WHERE id = 'l1'"):
        assert one(data, sql) == ("win",), sql
    assert one(data, "SELECT count(*) FROM account WHERE parent_id = 'lose' OR id = 'lose' AND deleted_at IS NULL") \
        == (0,)
    main, *others = result.changes
    assert main.entity == "account" and main.updated == ("win",) and main.deleted == ("lose",)
    assert {c.entity for c in others} == {"activity", "contact", "lead", "opportunity"}
    # The change log holds the merge: the winner's new values, the re-links, the loser's tombstone.
    assert ("email", '"info@siam.co.th"') in logged(data, "win")
    assert ("account_id", '"win"') in logged(data, "o1")
    assert [f for f, _ in logged(data, "lose")][-1] == "deleted_at"
    assert logged(data, result.merge_id)  # the merge record itself is logged too


def test_undo_restores_exactly_and_the_log_keeps_both(data: AppContext) -> None:
    before = rows(data)
    result = merge(data.uow(), "account", "win", "lose", {"email": "loser", "founded_on": "loser", "notes": "loser"})
    assert rows(data) != before
    changes = undo_merge(data.uow(), result.merge_id)
    assert rows(data) == before
    assert changes[Entity.ACCOUNT].created == ("lose",) and changes[Entity.ACCOUNT].updated == ("win",)
    win_log = logged(data, "win")
    assert ("email", '"info@siam.co.th"') in win_log and win_log[-1][0] in {"email", "founded_on", "notes"}
    assert ("founded_on", '"2001-02-03"') in win_log  # restored value, logged
    assert [v for f, v in logged(data, "c1") if f == "account_id"] == ['"lose"', '"win"', '"lose"']
    assert ("deleted_at", None) in logged(data, "lose")
    with pytest.raises(DomainError) as err:
        undo_merge(data.uow(), result.merge_id)
    assert err.value.template == "This merge was already undone."


def test_a_winner_pointing_at_the_loser_does_not_point_at_itself(data: AppContext) -> None:
    before = rows(data)
    result = merge(data.uow(), "account", "child", "lose", {})
    assert one(data, "SELECT parent_id FROM account WHERE id = 'child'") == (None,)
    undo_merge(data.uow(), result.merge_id)
    assert rows(data) == before


def test_undo_is_refused_after_the_merged_fields_were_edited(data: AppContext) -> None:
    result = merge(data.uow(), "account", "win", "lose", {"email": "loser"})
    with data.uow() as uow:
        uow.session.get(Account, "win").email = "new@siam.co.th"  # type: ignore[union-attr]
        uow.commit()
    with pytest.raises(DomainError) as err:
        undo_merge(data.uow(), result.merge_id)
    assert "edited after the merge" in err.value.text("en") and err.value.text("th") != err.value.text("en")


def test_merging_contacts_and_leads(data: AppContext) -> None:
    result = merge(data.uow(), "contact", "c2", "c1", {"first_name": "loser"})
    assert one(data, "SELECT contact_id FROM opportunity WHERE id = 'o1'") == ("c2",)
    assert one(data, "SELECT first_name, match_key FROM contact WHERE id = 'c2'") == ("สมชาย", "สมชาย")
    undo_merge(data.uow(), result.merge_id)
    assert one(data, "SELECT contact_id FROM activity WHERE id = 'a1'") == ("c1",)
    with data.uow() as uow:
        uow.session.add(Lead(id="l2", first_name="Somchai", duplicate_of_id="l1"))
        uow.commit()
    merge(data.uow(), "lead", "l1", "l2", {"first_name": "loser"})
    assert one(data, "SELECT first_name, company_name FROM lead WHERE id = 'l1'") == ("Somchai", "สยามการค้า")


def test_bad_merges_are_refused_and_change_nothing(data: AppContext) -> None:
    before = rows(data)
    with pytest.raises(DomainError):
        merge(data.uow(), "account", "win", "win", {})
    with pytest.raises(ValidationError):
        merge(data.uow(), "account", "win", "lose", {"hlc": "loser"})
    with pytest.raises(ValidationError):
        merge(data.uow(), "account", "win", "lose", {"email": "both"})
    with pytest.raises(NotFound):
        merge(data.uow(), "account", "win", "gone", {})
    with pytest.raises(DomainError):
        merge(data.uow(), "opportunity", "o1", "o2", {})
    with pytest.raises(NotFound):
        undo_merge(data.uow(), "no-such-merge")
    assert rows(data) == before
    assert restore  # records.restore stays the way to undo a plain delete
    assert "The merged record was edited after the merge ({field}); the merge cannot be undone." in THAI
