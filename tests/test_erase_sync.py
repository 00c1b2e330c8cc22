"""An erase travels by sync as an erase (format 2): three copies with fixed codes, files in any order."""

from __future__ import annotations

import itertools
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.errors import DomainError
from crm_desktop.models import Activity
from crm_desktop.models.privacy import erase_mark
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact, update_contact
from crm_desktop.services.erase import erase_person, reclaim_space
from crm_desktop.sync import bundle
from crm_desktop.sync.bundle import BundleRefused
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.sync_helpers import dump, new_copy
from tests.time_helpers import TODAY

NAME, LAST, PHONE, EMAIL = "มาลีทดลอง", "สุขสันต์ดี", "0865554433", "malee.secret@example.com"
LATE_PHONE, LATE_EMAIL = "0867778899", "malee.new@example.com"
SECRETS = (NAME, LAST, PHONE[1:], LATE_PHONE[1:], EMAIL, LATE_EMAIL, "ถนนลับ")


@pytest.fixture
def abc(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[list[AppContext]]:
    """Three copies with fixed codes: A (the office), B, C."""
    made = [new_copy(template, tmp_path, name, clock, site=name * 16) for name in "ABC"]
    try:
        yield made
    finally:
        for ctx in made:
            ctx.close()


def malee(**extra: object) -> ContactInput:
    values: dict[str, object] = dict(first_name=NAME, last_name=LAST, mobile=PHONE, email=EMAIL,
                                     address_line="1 ถนนลับ", notes="ลูกค้าประจำ")
    values.update(extra)
    return ContactInput(**values)  # type: ignore[arg-type]


def send(src: AppContext, dst: AppContext, folder: Path) -> None:
    path = folder / f"{src.database.site_id[0]}-to-{dst.database.site_id[0]}-{len(list(folder.iterdir()))}.zip"
    export_bundle(src.database, path, everything=True)
    import_bundle(dst.database, dst.user_id, path)


def log_of(ctx: AppContext) -> list[tuple[object, ...]]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute("SELECT entity, row_id, hlc, site_id, fields FROM change ORDER BY site_id, hlc").fetchall()


def leaks(ctx: AppContext) -> list[str]:
    """Secrets found in the rows or the change log (what a user or a later sync file could see)."""
    text = json.dumps(dump(ctx), default=str, ensure_ascii=False) + json.dumps(log_of(ctx), ensure_ascii=False)
    return [s for s in SECRETS if s in text]


def setup(abc: list[AppContext], folder: Path) -> str:
    a, b, c = abc
    contact_id = create_contact(a.uow(), malee(), TODAY).created[0]
    with a.uow() as uow:
        uow.session.add(Activity(subject=f"นัดคุณ{NAME}", due_on=TODAY, contact_id=contact_id))
        uow.commit()
    send(a, b, folder)
    send(a, c, folder)
    return contact_id


def test_an_erase_reaches_every_copy_through_another(abc: list[AppContext], tmp_path: Path) -> None:
    a, b, c = abc
    contact_id = setup(abc, tmp_path)
    erase_person(a.uow(), "contact", contact_id)
    send(a, b, tmp_path)
    send(b, c, tmp_path)  # C hears of it from B, not from the copy that erased
    for ctx in abc:
        assert leaks(ctx) == []
        with sqlite3.connect(ctx.database.path) as conn:
            assert conn.execute("SELECT first_name, mobile FROM contact WHERE id = ?", (contact_id,)).fetchone() == (
                erase_mark(contact_id), "")
            assert conn.execute("SELECT subject FROM activity").fetchone()[0] == f"นัดคุณ{erase_mark(contact_id)}"
    assert dump(a) == dump(b) == dump(c)
    assert log_of(a) == log_of(b) == log_of(c)
    with pytest.raises(DomainError, match="erased"):  # B cannot type her phone in again either
        update_contact(b.uow(), contact_id, ContactInput(first_name=erase_mark(contact_id), mobile=PHONE), TODAY)


ORDERS = list(itertools.permutations("ABC"))


@pytest.mark.parametrize("order", ORDERS, ids=["".join(o) for o in ORDERS])
def test_late_changes_never_bring_the_data_back(abc: list[AppContext], tmp_path: Path,
                                                order: tuple[str, ...]) -> None:
    """C edits her phone before the erase, B her e-mail after it (not having seen it): whichever
    files arrive first, no copy ends with either value, and all end the same."""
    a, b, c = abc
    by_code = dict(zip("ABC", abc, strict=True))
    contact_id = setup(abc, tmp_path)
    update_contact(c.uow(), contact_id, malee(mobile=LATE_PHONE), TODAY)  # clock before the erase
    erase_person(a.uow(), "contact", contact_id)
    update_contact(b.uow(), contact_id, malee(email=LATE_EMAIL), TODAY)  # clock after the erase
    files: dict[str, Path] = {}
    for code, ctx in by_code.items():  # each copy's file, made before it heard of the others
        files[code] = tmp_path / f"{code}.zip"
        export_bundle(ctx.database, files[code], everything=True)
    for receiver in order:  # deliveries in an order unrelated to the clocks
        for sender in reversed(order):
            if sender != receiver:
                import_bundle(by_code[receiver].database, by_code[receiver].user_id, files[sender])
    for sender, receiver in itertools.permutations(order, 2):  # then everyone hears from everyone
        send(by_code[sender], by_code[receiver], tmp_path)
    for ctx in abc:
        assert leaks(ctx) == [], ctx.database.site_id
    assert dump(a) == dump(b) == dump(c)
    assert log_of(a) == log_of(b) == log_of(c)


def test_a_file_that_arrives_before_the_record_does(abc: list[AppContext], tmp_path: Path) -> None:
    """C never had her: the erase reaches it first, her record later from B's older file."""
    a, b, c = abc
    contact_id = create_contact(a.uow(), malee(), TODAY).created[0]
    send(a, b, tmp_path)
    old = tmp_path / "b-old.zip"
    export_bundle(b.database, old, everything=True)  # still holds her data
    erase_person(a.uow(), "contact", contact_id)
    send(a, c, tmp_path)
    import_bundle(c.database, c.user_id, old)
    assert leaks(c) == []
    with sqlite3.connect(c.database.path) as conn:
        assert conn.execute("SELECT first_name FROM contact WHERE id = ?", (contact_id,)).fetchone() == (
            erase_mark(contact_id),)


def test_the_receiving_file_and_its_later_sync_files_hold_no_trace(abc: list[AppContext], tmp_path: Path) -> None:
    a, b, _c = abc
    contact_id = setup(abc, tmp_path)
    for n in range(3):
        update_contact(b.uow(), contact_id, malee(notes=f"โทร {PHONE} รอบ {n}"), TODAY)
    erase_person(a.uow(), "contact", contact_id)
    send(a, b, tmp_path)
    reclaim_space(b.database)
    raw = b.database.path.read_bytes()
    wal = b.database.path.with_name(b.database.path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert [s for s in SECRETS if s.encode() in raw] == []
    out = tmp_path / "from-b.zip"
    export_bundle(b.database, out, everything=True)
    with zipfile.ZipFile(out) as zf:
        payload = zf.read("changes.ndjson").decode()
    assert [s for s in SECRETS if s in payload] == []


def test_files_without_erasures_stay_format_1_and_older_copies_refuse_an_erase(
        abc: list[AppContext], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, _c = abc
    contact_id = create_contact(a.uow(), malee(), TODAY).created[0]
    plain = tmp_path / "plain.zip"
    export_bundle(a.database, plain, everything=True)
    with zipfile.ZipFile(plain) as zf:
        assert json.loads(zf.read("manifest.json"))["version"] == 1
    erase_person(a.uow(), "contact", contact_id)
    erasing = tmp_path / "erasing.zip"
    export_bundle(a.database, erasing, everything=True)
    monkeypatch.setattr(bundle, "VERSION", 1)  # a copy of the previous version
    with pytest.raises(BundleRefused, match="newer version"):
        import_bundle(b.database, b.user_id, erasing)
    assert import_bundle(b.database, b.user_id, plain).report.of("contact").new == 1


def test_a_forged_erasure_line_is_refused(abc: list[AppContext], tmp_path: Path) -> None:
    a, b, _c = abc
    contact_id = create_contact(a.uow(), malee(), TODAY).created[0]
    erase_person(a.uow(), "contact", contact_id)
    good = tmp_path / "good.zip"
    export_bundle(a.database, good, everything=True)
    with zipfile.ZipFile(good) as zf:
        payload = zf.read("changes.ndjson").replace(b'{"entity":"contact"}', b'{"entity":"account"}')
        manifest = json.loads(zf.read("manifest.json"))
    import hashlib
    manifest["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("changes.ndjson", payload)
        zf.writestr("manifest.json", json.dumps(manifest))
    before = log_of(b)
    with pytest.raises(BundleRefused, match="erasure"):
        import_bundle(b.database, b.user_id, bad)
    assert log_of(b) == before


def test_conflicts_about_her_keep_no_value_of_hers(abc: list[AppContext], tmp_path: Path) -> None:
    """B and C changed her phone concurrently (a conflict on B, listed with both values); B erases her."""
    _a, b, c = abc
    contact_id = setup(abc, tmp_path)
    update_contact(b.uow(), contact_id, malee(mobile="0861239999"), TODAY)
    update_contact(c.uow(), contact_id, malee(mobile=LATE_PHONE), TODAY)
    send(c, b, tmp_path)
    with sqlite3.connect(b.database.path) as conn:
        assert conn.execute("SELECT count(*) FROM sync_conflict WHERE field = 'mobile'").fetchone()[0] == 1
    erase_person(b.uow(), "contact", contact_id)
    with sqlite3.connect(b.database.path) as conn:
        values = json.dumps(conn.execute("SELECT * FROM sync_conflict").fetchall(), ensure_ascii=False)
    assert "1239999" not in values and LATE_PHONE[1:] not in values
    assert leaks(b) == []


def late_activity(abc: list[AppContext], tmp_path: Path) -> str:
    """C, not having seen A's erase, plans a call naming her; then every copy hears from every copy."""
    a, _b, c = abc
    contact_id = setup(abc, tmp_path)
    erase_person(a.uow(), "contact", contact_id)
    with c.uow() as uow:
        uow.session.add(Activity(subject=f"โทรหา {NAME} {LAST} ที่ {PHONE}", due_on=TODAY, contact_id=contact_id))
        uow.commit()
    late = tmp_path / "c-late.zip"
    export_bundle(c.database, late, everything=True)
    import_bundle(a.database, a.user_id, late)  # A had already forgotten her: it cannot see her name in it
    for _ in range(2):
        for sender, receiver in itertools.permutations(abc, 2):
            send(sender, receiver, tmp_path)
    return contact_id


def test_a_text_naming_her_from_a_copy_that_had_not_seen_the_erase(abc: list[AppContext], tmp_path: Path) -> None:
    """The copy that still knew her (C) replaces her name when the erase reaches it, as an edit that
    wins everywhere: the copies agree and no row shows her name."""
    contact_id = late_activity(abc, tmp_path)
    mark = erase_mark(contact_id)
    for ctx in abc:
        rows = dump(ctx)
        assert [s for s in SECRETS if s in json.dumps(rows, default=str, ensure_ascii=False)] == []
        with sqlite3.connect(ctx.database.path) as conn:
            subjects = sorted(s for (s,) in conn.execute("SELECT subject FROM activity"))
        assert subjects == [f"นัดคุณ{mark}", f"โทรหา {mark} ที่ {mark}"]
    assert dump(abc[0]) == dump(abc[1]) == dump(abc[2])


@pytest.mark.xfail(strict=True, reason="left as is: the copy that erased first keeps the late change's old "
                                       "text in its log (it no longer knows her name); rows agree (test above)")
def test_the_late_text_leaves_every_log(abc: list[AppContext], tmp_path: Path) -> None:
    late_activity(abc, tmp_path)
    assert all(leaks(ctx) == [] for ctx in abc)
