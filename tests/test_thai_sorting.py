"""Names sort as a Thai reader expects (issue 16, item 6): the stored key, every writer keeping it, the
lists reading their order from its index, and the migration that fills it in."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCollator, QLocale

from crm_desktop.collation import _word, sort_key
from crm_desktop.db import engine, migrate
from crm_desktop.demo import vocab
from crm_desktop.queries.accounts import AccountFilter, account_head, account_keys, account_rows
from crm_desktop.queries.contacts import ContactFilter, contact_head, contact_keys, contact_rows
from crm_desktop.queries.leads import LeadFilter, lead_keys, lead_rows
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, contact_input, create_contact, update_contact
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.plan_helpers import query_plans

pytestmark = pytest.mark.server

TODAY = date(2026, 11, 23)
# A dictionary's order: เ แ โ ใ ไ sort under the consonant after them, a tone mark only between equal letters.
DICTIONARY = ["กล้วย", "กา", "ก่า", "ก้า", "เกม", "แก้ว", "ไก่", "ขนม", "ตะกร้า", "โต๊ะ", "อ่างทอง", "อำนาจ", "ฮาวาย"]


def _demo_names() -> list[str]:
    firsts = [*vocab.THAI_MALE_FIRST_NAMES, *vocab.THAI_FEMALE_FIRST_NAMES, *vocab.EN_FIRST_NAMES]
    lasts = [*vocab.THAI_SURNAMES, *vocab.EN_SURNAMES]
    draw = random.Random(16)
    pairs = {f"{f} {last}" for f, last in zip(draw.choices(firsts, k=2000), draw.choices(lasts, k=2000), strict=True)}
    return sorted({*firsts, *lasts, *(stem for stem, _ in vocab.THAI_COMPANY_STEMS), *vocab.EN_COMPANY_WORDS, *pairs})


def test_the_key_orders_the_demo_names_as_the_thai_collator_does() -> None:
    names = _demo_names()
    thai = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    assert len(names) > 2000
    assert sorted(names, key=sort_key) == sorted(names, key=thai.sortKey)


def test_dictionary_order_digits_thai_then_latin_without_case() -> None:
    shuffled = [*DICTIONARY, "Zed", "anna", "Bob", "12 สาขา", "๑๓ สาขา"]
    random.Random(1).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == ["12 สาขา", "๑๓ สาขา", *DICTIONARY, "anna", "Bob", "Zed"]


thai_letters = st.text(alphabet="กขคงจชซดตทนบปพมยรลวสหอฮะาิีึืุูเแโใไ ", min_size=1, max_size=8)


@given(thai_letters, thai_letters)
def test_tone_marks_count_only_between_equal_letters(a: str, b: str) -> None:
    toned = "".join(c + "\u0e48" if c in "กขคง" else c for c in a)  # ่ after some consonants
    if sort_key(a) < sort_key(b) and not sort_key(b).startswith(sort_key(a)):
        assert sort_key(toned) < sort_key(b)  # the letters decide first
    assert sort_key(a) <= sort_key(toned)  # then the unmarked name comes first


# Thai letters, leading vowels, tone and other marks, Latin with case and accents (as combining marks
# and precomposed), digits of both scripts, punctuation, and spaces where words meet.
name_text = st.text(alphabet="กขงเแโใไาำิ่้๊๋็์ํ๑ AaZzÉéñ\u0301\u0e4d1-. ", max_size=12)


@given(name_text)
def test_a_name_made_word_by_word_has_the_key_of_the_whole_text(text: str) -> None:
    """The key is made a word at a time (names repeat their words); the stored keys stay what the
    whole text worked out at once gives, or lists would mix two orders."""
    primary, marks = _word(text)  # the whole text as one word: how the key was made until 2026-12-07
    assert sort_key(text) == (primary + "\x01" + marks if marks else primary)


def _names(rows: object) -> list[str]:
    return [r.name for r in rows]  # type: ignore[attr-defined]


def test_the_lists_show_names_in_dictionary_order(ctx: AppContext) -> None:
    for name in reversed(DICTIONARY):
        create_account(ctx.uow(), AccountInput(name=name), TODAY)
        create_contact(ctx.uow(), ContactInput(first_name=name), TODAY)
        create_lead(ctx.uow(), LeadInput(first_name=name))
    db = ctx.database
    assert _names(account_rows(db, account_keys(db, AccountFilter(), "name"))) == DICTIONARY
    assert _names(contact_rows(db, contact_keys(db, ContactFilter(), "name"))) == DICTIONARY
    assert _names(contact_rows(db, contact_keys(db, ContactFilter(), "name", True))) == DICTIONARY[::-1]
    assert _names(lead_rows(db, lead_keys(db, LeadFilter(), "name"))) == DICTIONARY


def test_a_renamed_contact_moves_to_its_new_place(ctx: AppContext) -> None:
    ids = [create_contact(ctx.uow(), ContactInput(first_name=n), TODAY).created[0] for n in ("กา", "ขนม", "ฮาวาย")]
    data = contact_input(ctx.uow(), ids[2])
    update_contact(ctx.uow(), ids[2], data.__class__(**{**data.__dict__, "first_name": "เกม"}), TODAY)
    db = ctx.database
    assert _names(contact_rows(db, contact_keys(db, ContactFilter(), "name"))) == ["กา", "เกม", "ขนม"]


@pytest.mark.sqlite_only  # SQLite's query plan
def test_the_first_page_reads_the_order_from_the_sort_key_index(ctx: AppContext) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="เกม"), TODAY)
    plans = query_plans(ctx.database.engine, lambda: contact_head(ctx.database, ContactFilter(), "name", False, 50),
                        lambda sql: "FROM contact" in sql)
    assert plans and all("ix_contact_live_name" in p and "TEMP B-TREE" not in p for p in plans), plans


@pytest.mark.sqlite_only  # SQLite's query plan
def test_a_list_filtered_by_province_reads_its_order_from_an_index(ctx: AppContext) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="เกม", province="ตาก"), TODAY)
    create_account(ctx.uow(), AccountInput(name="เกม", province="ตาก"), TODAY)
    db = ctx.database
    for head, flt, table in ((contact_head, ContactFilter(province="ตาก"), "contact"),
                             (account_head, AccountFilter(province="ตาก"), "account")):
        plans = query_plans(db.engine, lambda h=head, f=flt: h(db, f, "name", False, 50),
                            lambda sql, t=table: f"FROM {t}" in sql)
        assert plans and all(f"ix_{table}_live_province" in p and "TEMP B-TREE" not in p for p in plans), plans


def test_another_copy_derives_the_keys_of_what_it_receives(copies: list[AppContext], tmp_path: Path) -> None:
    office, rep = copies[0], copies[1]
    for name in ("ไก่", "ขนม", "กา"):
        create_contact(office.uow(), ContactInput(first_name=name), TODAY)
    export_bundle(office.database, tmp_path / "office.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "office.zip")
    db = rep.database
    assert _names(contact_rows(db, contact_keys(db, ContactFilter(), "name"))) == ["กา", "ไก่", "ขนม"]


@pytest.mark.sqlite_only  # a file's migration of existing records
def test_migration_0021_fills_the_keys_of_existing_records(ctx: AppContext) -> None:
    from alembic import command
    from alembic.config import Config

    for name in ("ไก่", "กา", "Anna"):
        create_contact(ctx.uow(), ContactInput(first_name=name, last_name="ใจดี"), TODAY)
        create_lead(ctx.uow(), LeadInput(first_name=name))
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(ctx.database.path)
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0020")
        lead_index = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'ix_lead_live_name'").scalar()
        command.upgrade(config, "0021")
        keys = dict(conn.exec_driver_sql("SELECT first_name, sort_key FROM contact").fetchall())
    eng.dispose()
    assert "first_name || ' ' || last_name" in str(lead_index)  # 0020's index is back after the downgrade
    assert keys == {name: sort_key(f"{name} ใจดี") for name in ("ไก่", "กา", "Anna")}
