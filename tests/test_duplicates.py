"""Duplicate matching: name normalization (Thai and English), blocking keys, the check on save, the review."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.clock import FixedClock
from crm_desktop.db import bulk
from crm_desktop.models import Account, Contact, Lead
from crm_desktop.queries.duplicates import duplicate_groups
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.duplicates import DuplicateProbe, find_duplicates_for
from crm_desktop.text import (
    COMPANY_FORMS_LATIN,
    SIMILARITY_THRESHOLD,
    company_key,
    name_key,
    normalize_company_name,
    normalize_person_name,
    person_key,
    phone_key,
    similarity,
)


@pytest.fixture
def app(clock: FixedClock, tmp_path: Path) -> Iterator[AppContext]:
    ctx = open_app(tmp_path / "crm.sqlite3", clock=clock)
    yield ctx
    ctx.close()


# --- normalization -------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("นายสมชาย ใจดี", "สมชาย ใจดี"),
    ("นาย  สมชาย   ใจดี", "สมชาย ใจดี"),
    ("นางสาวสมศรี มีสุข", "สมศรี มีสุข"),
    ("นาง สมศรี มีสุข", "สมศรี มีสุข"),
    ("น.ส. สมศรี มีสุข", "สมศรี มีสุข"),
    ("คุณสมศรี", "สมศรี"),
    ("ดร.สมชาย ใจดี", "สมชาย ใจดี"),
    ("คุณากร ศรีสุข", "คุณากร ศรีสุข"),  # a name beginning with คุณ keeps it
    ("นาง", "นาง"),  # nothing left to strip to
    ("Mr. John Smith", "john smith"),
    ("MRS JANE SMITH", "jane smith"),
    ("Ms.Jane Smith", "jane smith"),
    ("Dr John  O'Neil", "john o neil"),
    ("Mr. Dr. John Smith", "john smith"),
])
def test_person_names_lose_titles_case_and_punctuation(raw: str, expected: str) -> None:
    assert normalize_person_name(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("บริษัท ไทยเบฟเวอเรจ จำกัด (มหาชน)", "ไทยเบฟเวอเรจ"),
    ("บริษัทไทยเบฟเวอเรจจำกัด(มหาชน)", "ไทยเบฟเวอเรจ"),
    ("บมจ. ไทยเบฟเวอเรจ", "ไทยเบฟเวอเรจ"),
    ("บริษัท สยามการค้า จำกัด", "สยามการค้า"),
    ("หจก. สมใจการค้า", "สมใจการค้า"),
    ("ห้างหุ้นส่วนจำกัด สมใจการค้า", "สมใจการค้า"),
    ("Siam Trading Co., Ltd.", "siam trading"),
    ("SIAM TRADING CO.,LTD.", "siam trading"),
    ("Thai Beverage PCL", "thai beverage"),
    ("Thai Beverage Public Company Limited", "thai beverage"),
    ("Ｓｉａｍ Trading", "siam trading"),  # full-width Latin
])
def test_company_names_lose_legal_forms(raw: str, expected: str) -> None:
    assert normalize_company_name(raw) == expected


def test_keys_ignore_spaces_and_titles() -> None:
    assert person_key("นายสมชาย", "ใจดี") == person_key("สมชาย", "ใจดี") == "สมชายใจดี"
    assert name_key("สมชาย ใจดี") == "สมชายใจดี"
    assert company_key("บริษัท สยาม การค้า จำกัด") == company_key("สยามการค้า") == "สยามการค้า"
    assert company_key("Siam Trading Co., Ltd.") == company_key("siam trading") == "siamtrading"


@pytest.mark.parametrize("typed", ["+66812345678", "081-234-5678", "081 234 5678", "66812345678",
                                   "+66 81 234 5678", "๐๘๑๒๓๔๕๖๗๘"])
def test_phone_forms_are_equal(typed: str) -> None:
    assert phone_key(typed) == "+66812345678"


def test_similarity_threshold_separates_typos_from_other_names() -> None:
    assert similarity(person_key("สมชาย", "ใจดี"), person_key("สมชาย", "ใจดีย์")) >= SIMILARITY_THRESHOLD
    assert similarity(person_key("John", "Smith"), person_key("Jon", "Smith")) >= SIMILARITY_THRESHOLD
    assert similarity(person_key("สมชาย", "ใจดี"), person_key("สมศรี", "มีสุข")) < SIMILARITY_THRESHOLD
    assert similarity("", "abc") == 0.0


_THAI = st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), min_size=1, max_size=12)
_LATIN = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ .,-()'"), min_size=1, max_size=15)
_ANY = st.text(max_size=30)
_TITLES = st.sampled_from(["นาย", "นาง", "นางสาว", "คุณ", "ดร.", "Mr", "Mrs", "Ms", "Dr", "Mr.", "ดร"])
_FORMS = st.sampled_from([
    ("บริษัท ", " จำกัด"), ("บริษัท ", " จำกัด (มหาชน)"), ("บมจ. ", ""), ("หจก. ", ""),
    ("ห้างหุ้นส่วนจำกัด ", ""), ("", " Co., Ltd."), ("", " PCL"), ("", " Co.,Ltd."),
])
# Names as people type them: words of Thai consonants and vowels or Latin letters.
# Thai words start with a consonant or a leading vowel; a vowel or tone mark never starts one.
_THAI_WORD = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("กขคงจสมชยศรดปอใแเโ"),
    st.text(alphabet=st.sampled_from("กขคงจสมชยศรีดใปอแเโะาิุ"), min_size=1, max_size=7),
)
_WORD = st.one_of(
    _THAI_WORD,
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=2, max_size=8),
)
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
# A company "name" made only of legal-form words ("co", "co ltd") has no name left to keep.
_COMPANY_NAME = _NAME.filter(lambda name: not set(name.split()) <= set(COMPANY_FORMS_LATIN))


@given(st.one_of(_THAI, _LATIN, _ANY))
def test_normalizing_is_idempotent(text: str) -> None:
    for normalize in (normalize_person_name, normalize_company_name):
        once = normalize(text)
        assert normalize(once) == once


@given(_TITLES, _NAME)
def test_a_title_does_not_change_the_person_key(title: str, name: str) -> None:
    base = person_key(name)
    assert person_key(f"{title} {name}") == base
    starts_a_syllable = "\u0e01" <= name[0] <= "\u0e2e" or name[0] in "เแโใไ"  # consonant or leading vowel
    if any("\u0e01" <= c <= "\u0e7f" for c in title) and starts_a_syllable:
        assert person_key(f"{title}{name}") == base  # Thai titles are often written attached


@given(_FORMS, _COMPANY_NAME)
def test_a_company_form_does_not_change_the_company_key(form: tuple[str, str], name: str) -> None:
    prefix, suffix = form
    assert company_key(f"{prefix}{name}{suffix}") == company_key(name)


# --- the check on save and the review --------------------------------------------------------------


def _load(app: AppContext, model: type, rows: list[dict[str, object]]) -> None:
    bulk.load(app.database, app.user_id, [(model, rows)], len(rows))


@pytest.fixture
def people(app: AppContext) -> AppContext:
    _load(app, Account, [
        {"id": "a1", "name": "บริษัท สยามการค้า จำกัด", "tax_id": "0105536061479", "branch_code": "00000",
         "phone": "+6621234567"},
        {"id": "a2", "name": "Siam Trading Co., Ltd.", "email": "info@siamtrading.co.th"},
        {"id": "a3", "name": "หจก. สมใจพาณิชย์"},
    ])
    _load(app, Contact, [
        {"id": "c1", "prefix": "นาย", "first_name": "สมชาย", "last_name": "ใจดี", "mobile": "+66812345678"},
        {"id": "c2", "first_name": "John", "last_name": "Smith", "email": "john@Example.com"},
        {"id": "c3", "first_name": "สมศรี", "last_name": "มีสุข"},
        {"id": "c4", "first_name": "สมชาย", "last_name": "ใจดีมาก"},
        {"id": "c5", "first_name": "สมชาย", "last_name": "ใจดีย์"},
    ])
    _load(app, Lead, [
        {"id": "l1", "first_name": "สมชาย", "last_name": "ใจดี", "company_name": "สยามการค้า"},
        {"id": "l2", "company_name": "บมจ. สมใจพาณิชย์", "mobile": "+66898765432"},
    ])
    return app


def _hits(app: AppContext, **probe: object) -> dict[str, tuple[str, ...]]:
    found = find_duplicates_for(app.database, DuplicateProbe(**probe))  # type: ignore[arg-type]
    return {h.id: h.reasons for h in found}


def test_match_keys_are_filled_by_bulk_loads_and_the_orm(people: AppContext) -> None:
    conn = sqlite3.connect(people.database.path)
    keys = dict(conn.execute("SELECT id, match_key FROM contact UNION ALL SELECT id, match_key FROM account "
                             "UNION ALL SELECT id, match_key FROM lead").fetchall())
    assert keys["c1"] == "สมชายใจดี" and keys["a1"] == "สยามการค้า" and keys["l2"] == "สมใจพาณิชย์"
    fields = {r[0] for r in conn.execute("SELECT DISTINCT j.key FROM change, json_each(change.fields) j")}
    assert "match_key" not in fields  # derived, never logged


def test_same_person_with_title_and_phone_in_another_form(people: AppContext) -> None:
    hits = _hits(people, kind="contact", first_name="นายสมชาย", last_name="ใจดี", phones=("081-234-5678",))
    assert set(hits["c1"]) == {"phone", "same_name"}
    assert hits["l1"] == ("same_name",)  # leads are searched too
    assert hits["c5"] == ("similar_name",)  # one extra character: close


def test_company_forms_and_tax_id(people: AppContext) -> None:
    hits = _hits(people, kind="account", company_name="Siam Trading", tax_id="", email="info@SIAMTRADING.co.th")
    assert set(hits["a2"]) == {"email", "same_name"}
    hits = _hits(people, kind="account", company_name="บมจ. อื่น", tax_id="0105536061479", branch_code="00000")
    assert hits == {"a1": ("tax_id",)}
    hits = _hits(people, kind="account", company_name="ห้างหุ้นส่วนจำกัด สมใจพาณิชย์")
    assert hits.keys() == {"a3", "l2"}


def test_swapped_names_and_english_case(people: AppContext) -> None:
    assert "c2" in _hits(people, kind="lead", first_name="SMITH", last_name="Mr. john")
    assert "c2" in _hits(people, kind="lead", first_name="Mr. Smith", last_name="John")


def test_the_record_being_edited_and_deleted_records_are_not_hits(people: AppContext) -> None:
    assert "c1" not in _hits(people, kind="contact", first_name="สมชาย", last_name="ใจดี", exclude_id="c1")
    conn = sqlite3.connect(people.database.path)
    conn.execute("UPDATE contact SET deleted_at = '2026-11-23 00:00:00' WHERE id = 'c1'")
    conn.commit()
    conn.close()
    assert "c1" not in _hits(people, kind="contact", first_name="สมชาย", last_name="ใจดี")


def test_nothing_to_match_finds_nothing(people: AppContext) -> None:
    assert _hits(people, kind="contact") == {}
    assert _hits(people, kind="contact", first_name="ไม่มีใคร", last_name="เลย") == {}


def test_review_groups_by_blocking_keys(people: AppContext) -> None:
    _load(people, Contact, [{"id": "c6", "first_name": "คุณสมศรี", "last_name": "มีสุข", "mobile": "+66812345678"}])
    groups = {(g.reason, g.key): {m.id for m in g.members} for g in duplicate_groups(people.database, "contact")}
    assert groups[("phone", "+66812345678")] == {"c1", "c6"}
    assert groups[("same_name", "สมศรีมีสุข")] == {"c3", "c6"}
    assert all(len(ids) > 1 for ids in groups.values())
    assert duplicate_groups(people.database, "contact", limit=1)[0].reason == "phone"
    account_groups = duplicate_groups(people.database, "account")
    assert account_groups == []


def test_upgrade_to_0003_backfills_match_keys_and_matches_the_models(clock: FixedClock, tmp_path: Path) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.migration import MigrationContext

    from crm_desktop.db import engine, migrate
    from crm_desktop.models import Base

    path = tmp_path / "crm.sqlite3"
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(path)
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.exec_driver_sql(
            "INSERT INTO account (id, name, tax_id, branch_code, industry, segment, phone, email, website, tags, "
            "notes, address_line, subdistrict, district, province, postcode, created_at, updated_at, hlc, site_id) "
            "VALUES "
            "('a1', 'บริษัท สยามการค้า จำกัด', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '2026-01-01', "
            "'2026-01-01', 1, 's')"
        )
    eng.dispose()
    ctx = open_app(path, clock=clock)
    try:
        with ctx.database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT match_key FROM account").scalar() == "สยามการค้า"
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert [d for d in diff if "merge_log" in repr(d) or "match_key" in repr(d)] == []
        hits = find_duplicates_for(ctx.database, DuplicateProbe("account", company_name="สยามการค้า"))
        assert [h.id for h in hits] == ["a1"]
    finally:
        ctx.close()
