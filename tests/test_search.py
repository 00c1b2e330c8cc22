"""Search: Thai and English substrings, phone digits in any format, short queries, kept in step."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.clock import FixedClock
from crm_desktop.queries.contacts import ContactFilter, contact_keys
from crm_desktop.queries.search import search_all
from crm_desktop.services.accounts import AccountInput, create_account, update_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts
from tests.time_helpers import make_clock

TODAY = date(2026, 11, 23)
NAME = "บริษัท ศรีสยามรุ่งเรือง จำกัด"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    ctx = open_app(tmp_path_factory.mktemp("search") / "crm.sqlite3", clock=make_clock())
    account = create_account(
        ctx.uow(),
        AccountInput(name=NAME, tax_id="0105536061479", phone="02 123 4567", email="sales@srisiam.co.th"),
        TODAY,
    ).created[0]
    create_contact(
        ctx.uow(),
        ContactInput(prefix="นาย", first_name="สมชาย", last_name="ใจดี", nickname="ต้น", mobile="081-234-5678",
                     email="somchai@example.com", line_id="ton_1987", account_id=account),
        TODAY,
    )
    create_contact(ctx.uow(), ContactInput(first_name="John", last_name="Smith", mobile="+66 89 765 4321"), TODAY)
    create_contact(ctx.uow(), ContactInput(first_name="ตั้ม", line_id="ตั้ม_99"), TODAY)
    yield ctx
    ctx.close()


def titles(app: AppContext, text: str) -> list[str]:
    return [h.title for h in search_all(app.database, text)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ศรีสยาม", NAME),  # Thai substring inside a space-free run
        ("รุ่งเรือง", NAME),
        ("0105536061479", NAME),  # tax id
        ("6061", NAME),
        ("02-123-4567", NAME),  # phone as typed with dashes
        ("+66 2 123", NAME),
        ("srisiam", NAME),  # e-mail domain
        ("SALES@", NAME),  # Latin is case-insensitive
        ("สมชาย", "นายสมชาย ใจดี (ต้น)"),
        ("ต้น", "นายสมชาย ใจดี (ต้น)"),  # a two-letter nickname: not searchable by trigram alone
        ("ใจ", "นายสมชาย ใจดี (ต้น)"),
        ("081 234", "นายสมชาย ใจดี (ต้น)"),
        ("0812345678", "นายสมชาย ใจดี (ต้น)"),
        ("+66812345678", "นายสมชาย ใจดี (ต้น)"),
        ("ton_19", "นายสมชาย ใจดี (ต้น)"),
        ("smi", "John Smith"),
        ("089-765", "John Smith"),
    ],
)
def test_finds_by_any_part(app: AppContext, query: str, expected: str) -> None:
    assert expected in titles(app, query)


def test_contact_hit_shows_its_company(app: AppContext) -> None:
    hit = next(h for h in search_all(app.database, "สมชาย") if h.kind == "contact")
    assert hit.subtitle == NAME and hit.phone == "+66812345678"


def test_nothing_for_text_that_is_not_there(app: AppContext) -> None:
    assert titles(app, "ไม่มีชื่อนี้") == []
    assert titles(app, '"; DROP TABLE account; --') == []  # operators and quotes are literal text
    assert titles(app, "   ") == []


def test_index_follows_edits_and_deletes(
    clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]
) -> None:
    ctx = open_app(new_database(tmp_path / "crm.sqlite3"), clock=clock)
    try:
        account = create_account(ctx.uow(), AccountInput(name="ร้านกาแฟดอยช้าง"), TODAY).created[0]
        assert titles(ctx, "ดอยช้าง") == ["ร้านกาแฟดอยช้าง"]
        update_account(ctx.uow(), account, AccountInput(name="ร้านกาแฟดอยตุง"), TODAY)
        assert titles(ctx, "ดอยช้าง") == []
        assert titles(ctx, "ดอยตุง") == ["ร้านกาแฟดอยตุง"]
        contact = create_contact(ctx.uow(), ContactInput(first_name="มานี", nickname="นี"), TODAY).created[0]
        assert "มานี (นี)" in titles(ctx, "มานี")
        delete_contacts(ctx.uow(), [contact])
        assert titles(ctx, "มานี") == []
        assert contact_keys(ctx.database, ContactFilter(text="มานี")) == []
    finally:
        ctx.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_substring_of_a_name_finds_it(app: AppContext, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from([NAME, "สมชาย", "ใจดี", "John", "Smith"]))
    start = data.draw(st.integers(0, len(name) - 1))
    end = data.draw(st.integers(start + 1, len(name)))
    fragment = name[start:end]
    if not fragment.strip():
        return
    hits = search_all(app.database, fragment, limit=50)
    assert any(name.replace(" ", "") in h.title.replace(" ", "") for h in hits), fragment


def test_leads_and_deals_are_found_too(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]) -> None:
    from crm_desktop.models import Lead, Opportunity, Stage

    ctx = open_app(new_database(tmp_path / "crm.sqlite3"), clock=clock)
    try:
        with ctx.uow() as uow:
            stage = uow.stages.add(Stage(name="Prospecting", position=0, probability=10))
            uow.leads.add(Lead(first_name="ปรีชา", company_name="ร้านข้าวมันไก่เจ๊หมวย", mobile="+66861234567"))
            uow.session.flush()
            uow.opportunities.add(Opportunity(name="ตู้แช่ 3 ตู้ ร้านเจ๊หมวย", stage_id=stage.id))
            uow.commit()
        hits = {(h.kind, h.title) for h in search_all(ctx.database, "เจ๊หมวย")}
        assert ("lead", "ปรีชา") in hits
        assert ("opportunity", "ตู้แช่ 3 ตู้ ร้านเจ๊หมวย") in hits
        assert [h.kind for h in search_all(ctx.database, "086-123", kinds=("lead",))] == ["lead"]
        assert all(h.kind == "account" for h in search_all(ctx.database, "เจ๊หมวย", kinds=("account",)))
    finally:
        ctx.close()


# --- the fast paths find what a plain reading of every row finds --------------------------------------

# "_" is a LIKE wildcard; É has case outside ASCII; the Kelvin sign K is "k" in the trigram index, not for LIKE.
PIECES = ("กข", "ขก", "ก่", "ข้", "Ab", "aB", "x", "-", " ", "_", "É", "\u212a")


def _ascii_lower(text: str) -> str:
    """As SQLite's lower() and LIKE fold: ASCII letters only."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """Accounts whose names repeat a few pieces, so that short and long queries match many of them;
    some edited (a new search key: key order is not creation order) and some deleted."""
    import random

    from crm_desktop.services.accounts import delete_accounts

    rnd = random.Random(16)
    ctx = open_app(tmp_path_factory.mktemp("crowd") / "crm.sqlite3", clock=make_clock())
    ids = []
    for n in range(60):
        name = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(2, 6))).strip() or "กข"
        phone = "08" + "".join(rnd.choice("0812") for _ in range(8))
        ids.append(create_account(ctx.uow(), AccountInput(name=f"{name}{n}", phone=phone), TODAY).created[0])
    for account in ids[5:15]:
        update_account(ctx.uow(), account, AccountInput(name=f"ขก{account[:4]}Ab", phone="0812345678"), TODAY)
    delete_accounts(ctx.uow(), ids[20:25])
    yield ctx
    ctx.close()


def _expected(ctx: AppContext, query: str, limit: int) -> list[str]:
    """Every live account whose indexed text holds the query (or its phone digits), in key order."""
    import sqlite3

    from crm_desktop.db.search_index import search_terms

    with sqlite3.connect(ctx.database.path) as conn:
        rows = conn.execute("SELECT k.key, a.id, a.name, a.tax_id, a.email, a.website, a.phone FROM account a "
                            "JOIN account_fts_key k ON k.id = a.id WHERE a.deleted_at IS NULL "
                            "ORDER BY k.key").fetchall()
    terms = [_ascii_lower(t) for t in search_terms(query)]
    found = []
    for _key, id_, name, tax_id, email, website, phone in rows:
        national = "0" + phone[3:] if phone.startswith("+66") else phone.replace("+", "")
        body = _ascii_lower(" ".join((name, tax_id, email, website, national)))
        if any(t in body for t in terms):
            found.append(id_)
    return found[:limit]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.lists(st.sampled_from((*PIECES, "0812", "081-2", "12", "1", "ก", "A", "b", "%", "é", "k")), min_size=1,
                      max_size=3).map("".join), limit=st.integers(1, 12), cap=st.sampled_from((1, 4, 2000)))
def test_search_finds_exactly_the_first_matches_in_key_order(crowd: AppContext, monkeypatch: pytest.MonkeyPatch,
                                                             query: str, limit: int, cap: int) -> None:
    """Short queries (from the vocabulary when rare, `cap` deciding, else a scan), trigram ones, LIKE's
    wildcards typed, phone digits (two terms, each limited before their union), Latin in any case: the
    same records, in the same order, as reading every row."""
    from crm_desktop.db import search_index

    monkeypatch.setattr(search_index, "SHORT_CAP", cap)
    found = [h.id for h in search_all(crowd.database, query, limit=limit, kinds=("account",))]
    assert found == _expected(crowd, query, limit), query


def test_an_index_without_padding_scans_for_short_queries(crowd: AppContext, tmp_path: Path) -> None:
    """A file at 0023 (the read-only demo) has texts without the two spaces: a short query there scans,
    and finds what the vocabulary finds at 0024; down and up again, the index answers the same."""
    from alembic import command
    from alembic.config import Config

    from crm_desktop.db import engine, migrate
    from crm_desktop.db.search_index import pads_texts

    shorts = ("ก", "ข้", "กข", "b", "Ab", "2", "x", "_", "k")
    before = {q: [h.id for h in search_all(crowd.database, q, limit=50, kinds=("account",))] for q in shorts}
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(crowd.database.path)
    try:
        with eng.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0023")
            assert not pads_texts(conn)
        crowd.database.memo.clear()
        for query, ids in before.items():
            assert [h.id for h in search_all(crowd.database, query, limit=50, kinds=("account",))] == ids, query
        with eng.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            assert pads_texts(conn)
    finally:
        eng.dispose()
        crowd.database.memo.clear()
    for query, ids in before.items():
        assert [h.id for h in search_all(crowd.database, query, limit=50, kinds=("account",))] == ids, query


def test_a_list_filter_with_an_underscore_finds_the_line_id(app: AppContext) -> None:
    """'ม_99' has no three characters without a LIKE wildcard, so the text is scanned: FTS5's LIKE
    with the wildcard in found nothing after Thai ('%ม_99%'), though it did after Latin ('%n_19%')."""
    for text in ("ม_99", "ตั้ม_99", "n_19"):
        assert len(contact_keys(app.database, ContactFilter(text=text))) == 1, text
    assert "ตั้ม" in titles(app, "ม_99")


def test_without_the_index_the_same_records_are_found(crowd: AppContext) -> None:
    """An old SQLite without trigram scans the tables' own columns: slower, the same records."""
    from dataclasses import replace

    plain = replace(crowd.database, has_search_index=False)
    for query in ("กข", "ก่", "ab", "AB x", "0812", "081-2", "2", "_", "%", "é"):
        found = {h.id for h in search_all(plain, query, limit=100, kinds=("account",))}
        assert found == set(_expected(crowd, query, 100)), query
