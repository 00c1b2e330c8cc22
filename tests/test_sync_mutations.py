"""Valid sync files mutated at random: values, clocks, sizes, nesting, field and entity names, lines,
manifest fields. Every import either refuses with a message in both languages and leaves the database
dump-identical, or succeeds and leaves a copy that keeps every rule and still takes a local edit."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import String

from crm_desktop.clock import FixedClock
from crm_desktop.errors import DomainError
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, move_to_stage
from crm_desktop.services.stages import StageInput, update_stage
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.records import synced_tables
from tests.sync_helpers import make_template
from tests.test_sync import full_dump
from tests.time_helpers import TEST_NOW, TODAY

SITES = {"office": "00000000000000a1", "rep": "00000000000000b2", "new": "00000000000000c3"}
PLACEHOLDER = "\u2063raw\u2063"  # stands for raw JSON text spliced in after encoding (deep nesting)


def copy_db(src: Path, dst: Path, site: str | None = None) -> Path:
    shutil.copyfile(src, dst)
    if site is not None:
        with sqlite3.connect(dst) as conn:
            conn.execute("UPDATE local_state SET value = ? WHERE key = 'site_id'", (site,))
    return dst


def checkpointed(ctx: AppContext) -> Path:
    """Close a copy with everything in its main file, so the file alone can be copied."""
    path = ctx.database.path
    ctx.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def office_day(office: AppContext) -> None:
    """What an office does in a day: companies, a person, a lead, a deal moved along the pipeline."""
    stages = {r[0]: r[1] for r in sqlite3.connect(office.database.path).execute("SELECT name, id FROM stage")}
    account = create_account(office.uow(), AccountInput(name="บริษัท ล้านนาฟู้ดส์ จำกัด", phone="053111222",
                                                        province="เชียงใหม่"), TODAY).created[0]
    create_account(office.uow(), AccountInput(name="Siam Tools", email="sales@siamtools.co.th"), TODAY)
    create_contact(office.uow(), ContactInput(first_name="สมศรี", nickname="ศรี", account_id=account,
                                              mobile="0812345678"), TODAY)
    create_lead(office.uow(), LeadInput(first_name="อนันต์", source="referral", budget_satang=10_000_000))
    deal = create_opportunity(office.uow(), OpportunityInput(name="แอร์ 5 เครื่อง", stage_id=stages["Prospecting"],
                                                             amount_satang=5_000_000, account_id=account),
                              office.now()).created[0]
    move_to_stage(office.uow(), deal, stages["Negotiation"], office.now())


def office_edits(office: AppContext) -> None:
    """The next day's edits, sent as a file of updates and deletes to a copy that has the records."""
    conn = sqlite3.connect(office.database.path)
    account = conn.execute("SELECT id FROM account ORDER BY name LIMIT 1").fetchone()[0]
    contact = conn.execute("SELECT id FROM contact LIMIT 1").fetchone()[0]
    stage = conn.execute("SELECT id FROM stage WHERE name = 'Quotation'").fetchone()[0]
    conn.close()
    data = account_input(office.uow(), account)
    data.phone, data.notes = "053999888", "ลูกค้าประจำ"
    update_account(office.uow(), account, data, TODAY)
    update_stage(office.uow(), stage, StageInput(name="เสนอราคา", probability=40, kind="open"))
    delete_contacts(office.uow(), [contact])


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Two valid files and the copies they go to: everything into a new copy, edits into a copy
    that has the records."""
    folder = tmp_path_factory.mktemp("mutations")
    template = make_template(folder)
    clock = FixedClock(TEST_NOW, step=timedelta(milliseconds=1))
    office = open_app(copy_db(template, folder / "office.sqlite3", SITES["office"]), clock=clock)
    rep = open_app(copy_db(template, folder / "rep.sqlite3", SITES["rep"]), clock=clock)
    empty = copy_db(template, folder / "new.sqlite3", SITES["new"])
    office_day(office)
    export_bundle(office.database, folder / "all.zip", everything=True, user_id=office.user_id)
    import_bundle(rep.database, rep.user_id, folder / "all.zip")
    export_bundle(rep.database, folder / "back.zip", for_site=SITES["office"], user_id=rep.user_id)
    import_bundle(office.database, office.user_id, folder / "back.zip")  # now the office knows what rep has
    office_edits(office)
    export_bundle(office.database, folder / "edits.zip", for_site=SITES["rep"], user_id=office.user_id)
    checkpointed(office)
    return {"all": (folder / "all.zip", empty), "edits": (folder / "edits.zip", checkpointed(rep))}


# --- mutations --------------------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(1 << 70), max_value=1 << 70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20),
)
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                                          max_size=3), max_leaves=6)
TRICKY = st.sampled_from([
    "", " ", "zzz", "owner", "staff", "open", "won", "lost", "referral", "qualified", "x" * 101, "ก" * 201,
    -1, 0, 100, 101, -500, 1 << 63, 10**40, 1.5, True, "2026-02-30", "2026-11-23", "2026-11-23T03:00:00",
    "2026-11-23 03:00:00", "+66812345678", "0812345678", "\ud800", "\x00", [], {}, "00000000-0000-7000-8000-0000",
])
LONG_TEXT = st.integers(min_value=90, max_value=3_000_000).map(lambda n: "ก" * n)
VALUES = st.one_of(JSON, TRICKY, LONG_TEXT, LONG_TEXT)
NESTING = st.integers(min_value=2, max_value=50_000).map(lambda d: "[" * d + "]" * d)
CLOCKS = st.one_of(st.integers(min_value=-(1 << 65), max_value=1 << 65), st.sampled_from([0, 1, (1 << 63) - 1]),
                   JSON)
ENTITIES = st.one_of(st.sampled_from(sorted(synced_tables())), st.text(max_size=12),
                     st.sampled_from(["change", "local_state", "sqlite_master", "alembic_version", "sync_peer"]))
FIELD_NAMES = st.one_of(st.sampled_from(sorted({c.key for t in synced_tables().values() for c in t.columns})),
                        st.text(max_size=12))


def encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def spliced(record: dict[str, Any], raw: str | None) -> str:
    text = encode(record)
    return text.replace(encode(PLACEHOLDER), raw) if raw is not None else text


@st.composite
def mutated_line(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """One line changed: a value, a field's name, the entity, a clock, a part dropped or added."""
    index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    record = json.loads(lines[index])
    raw = None
    what = draw(st.sampled_from(["value", "value", "value", "nested", "field", "new-field", "entity", "clock", "base",
                                 "drop", "extra"]))
    fields: dict[str, Any] = record["f"]
    if what in ("value", "nested", "field") and fields:
        name = draw(st.sampled_from(sorted(fields)))
        if what == "value":
            fields[name] = draw(VALUES)
        elif what == "nested":
            fields[name], raw = PLACEHOLDER, draw(NESTING)
        else:
            fields[draw(FIELD_NAMES)] = fields.pop(name)
    elif what == "new-field":
        fields[draw(FIELD_NAMES)] = draw(VALUES)
    elif what == "entity":
        record["e"] = draw(ENTITIES)
    elif what in ("clock", "base"):
        record["h" if what == "clock" else "b"] = draw(CLOCKS)
    elif what == "drop":
        record.pop(draw(st.sampled_from(sorted(record))))
    else:
        record[draw(st.text(min_size=1, max_size=3))] = draw(VALUES)
    return [*lines[:index], spliced(record, raw), *lines[index + 1:]]


@st.composite
def mutated_lines(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """The lines reordered, repeated, cut or joined by garbage."""
    what = draw(st.sampled_from(["shuffle", "repeat", "drop", "cut", "garbage", "empty"]))
    index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    if what == "shuffle":
        return draw(st.permutations(lines))
    if what == "repeat":
        return [*lines, lines[index]]
    if what == "drop":
        return lines[:index] + lines[index + 1:]
    if what == "cut":
        return [*lines[:index], lines[index][: draw(st.integers(0, len(lines[index]) - 1))], *lines[index + 1:]]
    if what == "garbage":
        return [*lines[:index], draw(st.text(max_size=40)), *lines[index:]]
    return []


@st.composite
def mutated_manifest(draw: st.DrawFn, manifest: dict[str, Any]) -> dict[str, Any]:
    """A manifest field set to anything (a key of its own or a made-up one), or dropped."""
    out = dict(manifest)
    key = draw(st.one_of(st.sampled_from(sorted(manifest)), st.text(max_size=8)))
    if draw(st.booleans()) and key in out:
        out.pop(key)
    elif key == "vector" and draw(st.booleans()):
        out["vector"] = {**manifest["vector"], draw(st.text(max_size=20)): draw(CLOCKS)}
    else:
        out[key] = draw(st.one_of(VALUES, st.integers(1, 6_000_000).map(lambda n: "x" * n)))
    return out


def read(path: Path) -> tuple[dict[str, Any], list[str]]:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json")), zf.read("changes.ndjson").decode().splitlines()


def written(path: Path, manifest: dict[str, Any], lines: list[str], reseal: bool) -> Path:
    payload = ("\n".join(lines) + "\n" if lines else "").encode("utf-8", "surrogatepass")
    if reseal:
        manifest = {**manifest, "payload_sha256": hashlib.sha256(payload).hexdigest()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest).encode())
        zf.writestr("changes.ndjson", payload)
    return path


# --- what must hold after an import -----------------------------------------------------------------


def text_lengths_within_limits(conn: sqlite3.Connection) -> None:
    for name, table in synced_tables().items():
        for column in table.columns:
            if isinstance(column.type, String) and column.type.length:
                longest = conn.execute(f'SELECT max(length("{column.key}")) FROM "{name}"').fetchone()[0] or 0
                assert longest <= column.type.length, (name, column.key, longest)


def rules_hold(ctx: AppContext) -> None:
    """The invariants the forms keep: an active owner, valid stages, no live deal in a deleted stage,
    texts within their columns, a clock this copy can go on from, and a local edit that works."""
    with sqlite3.connect(ctx.database.path) as conn:
        assert conn.execute("SELECT count(*) FROM user WHERE role = 'owner' AND active = 1 "
                            "AND deleted_at IS NULL").fetchone()[0] >= 1
        for kind, probability in conn.execute("SELECT kind, probability FROM stage WHERE deleted_at IS NULL"):
            assert kind in ("open", "won", "lost") and 0 <= probability <= 100
        assert conn.execute("SELECT count(*) FROM opportunity o LEFT JOIN stage s ON s.id = o.stage_id "
                            "WHERE o.deleted_at IS NULL AND (s.id IS NULL OR s.deleted_at IS NOT NULL)"
                            ).fetchone()[0] == 0
        text_lengths_within_limits(conn)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert ctx.database.clock.last <= ctx.database.clock.horizon()
    made = create_account(ctx.uow(), AccountInput(name="ร้านใหม่หลังนำเข้า"), ctx.today()).created[0]
    data = account_input(ctx.uow(), made)
    data.phone = "021234567"
    update_account(ctx.uow(), made, data, ctx.today())


@pytest.fixture
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@pytest.mark.parametrize("which", ["all", "edits"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_a_mutated_file_is_refused_unchanged_or_leaves_every_rule_kept(files, workdir, which, data) -> None:
    source, receiver_file = files[which]
    manifest, lines = read(source)
    part = data.draw(st.sampled_from(["line", "line", "line", "line", "lines", "manifest"]))
    if part == "line":
        lines = data.draw(mutated_line(lines))
    elif part == "lines":
        lines = data.draw(mutated_lines(lines))
    else:
        manifest = data.draw(mutated_manifest(manifest))
    path = written(workdir / "mutated.zip", manifest, lines, reseal=part != "manifest")
    db = copy_db(receiver_file, workdir / f"receiver-{data.draw(st.integers(0, 10**9))}.sqlite3")
    receiver = open_app(db, clock=FixedClock(TEST_NOW + timedelta(hours=1), step=timedelta(milliseconds=1)))
    try:
        before = full_dump(receiver)
        try:
            import_bundle(receiver.database, receiver.user_id, path)
        except DomainError as err:
            event(f"refused: {type(err).__name__}")
            assert err.text("en").strip() and err.text("th").strip()
            assert full_dump(receiver) == before
        else:
            event("imported")
            rules_hold(receiver)
    finally:
        receiver.close()
