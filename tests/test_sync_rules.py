"""Sync files pass the forms' rules: field rules refuse the file, broken rules across rows are repaired.

Field rules (models/rules.py) are declared once on the columns; the forms and the import check the
same declaration. Rules across rows (sync/invariants.py) are repaired after the merge, on every copy
alike, and listed on the Sync tab.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.db.changelog import NOT_LOGGED
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.models import Contact, User, synced_models
from crm_desktop.models.rules import rule_of
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.app import OWNER_ID, AppContext
from crm_desktop.services.campaigns import CampaignInput, create_campaign, delete_campaign
from crm_desktop.services.changes import Entity
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, move_to_stage
from crm_desktop.services.stages import StageInput, create_stage, default_stage_id, delete_stage, update_stage
from crm_desktop.sync import records
from crm_desktop.sync.bundle import BundleRefused
from crm_desktop.sync.conflicts import open_conflicts, resolve
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.records import synced_tables
from tests.server_helpers import raw_sql
from tests.sync_helpers import dump
from tests.test_sync import full_dump, resealed

pytestmark = pytest.mark.server  # its ctx tests on both engines

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0)


def send(src: AppContext, dst: AppContext, path: Path) -> Any:
    export_bundle(src.database, path, everything=True)
    return import_bundle(dst.database, dst.user_id, path).report


def mutated(src: Path, dst: Path, change: Callable[[dict[str, Any]], None], *, manifest: bool = False,
            added: tuple[dict[str, Any], ...] = ()) -> Path:
    """`src` with `change` applied to every line's record (or to the manifest) and the `added` changes
    after its lines, checksum fixed up."""
    with zipfile.ZipFile(src) as zf:
        head, lines = json.loads(zf.read("manifest.json")), zf.read("changes.ndjson").decode().splitlines()
    if manifest:
        change(head)
        payload = ("\n".join(lines) + "\n").encode()
        with zipfile.ZipFile(dst, "w") as zf:
            zf.writestr("manifest.json", json.dumps(head))
            zf.writestr("changes.ndjson", payload)
        return dst
    out = []
    for text in lines:
        data = json.loads(text)
        change(data)
        out.append(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    out += [json.dumps(data, ensure_ascii=False, separators=(",", ":")) for data in added]
    resealed(src, dst, ("\n".join(out) + "\n").encode())
    return dst


def refused(ctx: AppContext, path: Path, *needles: str) -> str:
    """The import of `path` is refused with a message holding `needles`, in Thai too; nothing changes."""
    before = full_dump(ctx)
    with pytest.raises(BundleRefused) as err:
        import_bundle(ctx.database, ctx.user_id, path)
    english = err.value.text("en")
    for needle in needles:
        assert needle in english
    assert err.value.text("th") != english
    assert full_dump(ctx) == before
    return english


def invariants_hold(ctx: AppContext) -> None:
    """The rules across rows: an active owner, an open, a won and a lost stage, no live record in a
    deleted stage or campaign."""
    with raw_sql(ctx) as conn:  # a file or a server
        assert conn.execute("""SELECT count(*) FROM "user" WHERE role = 'owner' AND active AND deleted_at IS NULL"""
                            ).scalar_one() >= 1
        kinds = {k for (k,) in conn.execute("SELECT kind FROM stage WHERE deleted_at IS NULL")}
        assert kinds == {"open", "won", "lost"}
        for child, column, parent in (("opportunity", "stage_id", "stage"), ("opportunity", "campaign_id", "campaign"),
                                      ("lead", "campaign_id", "campaign")):
            assert conn.execute(f"SELECT count(*) FROM {child} c JOIN {parent} p ON p.id = c.{column} "
                                "WHERE c.deleted_at IS NULL AND p.deleted_at IS NOT NULL").scalar_one() == 0


def a_local_edit_works(ctx: AppContext) -> None:
    made = create_account(ctx.uow(), AccountInput(name="ร้านหลังนำเข้า"), TODAY).created[0]
    data = account_input(ctx.uow(), made)
    data.phone = "021234567"
    update_account(ctx.uow(), made, data, TODAY)


# --- field rules: the examples of the issue ------------------------------------------------------

@pytest.fixture
def contact_file(copies: list[AppContext], tmp_path: Path) -> Path:
    """A contact and a renamed stage from the office (the other copies share its older, seeded changes)."""
    create_contact(copies[0].uow(), ContactInput(first_name="มาลี", mobile="0812345678"), TODAY)
    update_stage(copies[0].uow(), default_stage_id("prospecting"), StageInput(name="ติดต่อครั้งแรก", probability=10))
    path = tmp_path / "contact.zip"
    export_bundle(copies[0].database, path, everything=True)
    return path


def set_field(entity: str, field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        if data["e"] == entity:
            data["f"][field] = value
    return change


def test_a_ten_megabyte_first_name_is_refused_naming_line_record_field_and_rule(copies, contact_file, tmp_path) -> None:
    # (10 MB of ASCII: 10 MB of Thai is 30 MB of UTF-8, which the 16 MB cap on a line refuses first)
    path = mutated(contact_file, tmp_path / "big.zip", set_field("contact", "first_name", "n" * 10_000_000))
    text = refused(copies[1], path, "big.zip", "is refused: the first_name of contact",
                   "has 10,000,000 characters, more than the 100 allowed")
    assert len(text) < 400  # the value itself is not quoted


def test_a_stage_of_kind_zzz_or_probability_minus_500_is_refused(copies, contact_file, tmp_path) -> None:
    zzz = mutated(contact_file, tmp_path / "zzz.zip", set_field("stage", "kind", "zzz"))
    refused(copies[1], zzz, "the kind of stage", "is 'zzz', which is not one of 'lost', 'open', 'won'")
    minus = mutated(contact_file, tmp_path / "minus.zip", set_field("stage", "probability", -500))
    refused(copies[1], minus, "the probability of stage", "is -500, outside 0–100")


def test_a_five_megabyte_label_and_other_long_manifest_texts_are_refused(copies, contact_file, tmp_path) -> None:
    too_long = "the label in its manifest is not a text of at most 400 characters"
    for size, needles in ((1_250_000, ()), (101, (too_long,))):
        path = mutated(contact_file, tmp_path / f"label{size}.zip",
                       lambda head, n=size: head["extra"].update(label="ร้าน" * n), manifest=True)
        refused(copies[1], path, *needles)  # 5 MB: over the manifest's own cap (1 MB) already
    for field, value in (("created_at", "2026-11-23T09:00:00" * 3), ("from_site", "x" * 17), ("schema", "0001" * 9)):
        path = mutated(contact_file, tmp_path / f"{field}.zip", lambda head, f=field, v=value: head.update({f: v}),
                       manifest=True)
        refused(copies[1], path, f"the {field} in its manifest")
    vector = mutated(contact_file, tmp_path / "vector.zip",
                     lambda head: head["vector"].update({"s" * 100: 1}), manifest=True)
    refused(copies[1], vector, "the vector in its manifest")


def test_a_label_of_the_longest_user_and_company_names_is_accepted(copies, contact_file, tmp_path) -> None:
    def label(head: dict[str, Any]) -> None:
        head["extra"]["label"] = "น" * 120 + " · " + "ร" * 200

    path = mutated(contact_file, tmp_path / "label.zip", label, manifest=True)
    assert import_bundle(copies[1].database, copies[1].user_id, path).report.of("contact").new == 1


def test_the_first_bad_line_is_named_and_a_good_file_after_a_refusal_imports(copies, contact_file, tmp_path) -> None:
    rep = copies[1]
    with zipfile.ZipFile(contact_file) as zf:
        lines = zf.read("changes.ndjson").decode().splitlines()
    number = next(i for i, x in enumerate(lines, start=1) if '"e":"contact"' in x)
    path = mutated(contact_file, tmp_path / "blank.zip", set_field("contact", "first_name", " \u3000 "))
    refused(rep, path, f"Line {number} of blank.zip", "the first_name of contact", "is blank, and it is required")
    assert import_bundle(rep.database, rep.user_id, contact_file).report.of("contact").new == 1


# --- field rules: every declared rule, at its boundaries --------------------------------------------

def checked(entity: str, fields: dict[str, Any]) -> None:
    """The strict check of one change of `entity` carrying `fields` (an update: no required fields)."""
    data = {"e": entity, "r": "0193a000-0000-7000-8000-000000000001", "h": 1 << 50, "s": "f00dfeedcafe0001",
            "b": 0, "u": None, "t": "2026-11-23 09:00:00.000000", "f": fields}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    records.check_lines([records.Line(7, data["s"], data["h"], text)], "f.zip", records.Schema())


def rule_refused(entity: str, fields: dict[str, Any], needle: str) -> None:
    with pytest.raises(BundleRefused) as err:
        checked(entity, fields)
    assert "Line 7 of f.zip is refused" in err.value.text("en") and needle in err.value.text("en")


def columns_with(test: Callable[[Any], bool]) -> list[tuple[str, str]]:
    """(table, field) of every logged column whose rule passes `test`."""
    return [(name, c.key) for name, table in sorted(synced_tables().items()) for c in table.columns
            if c.key not in NOT_LOGGED and test(rule_of(c))]


FORMS = {  # a value in the stored form, and one a person types but the forms never store
    r"\+[1-9][0-9]{4,14}": ("+66812345678", "081-234-5678"),
    r"[^@\s]{1,64}@[^@\s]+": ("nok@example.co.th", "nok at example"),
    r"[0-9]{13}": ("0105551234567", "01055512345-7"),
    r"[0-9]{5}": ("10110", "๑๐๑๑๐"),
    r"#[0-9a-f]{6}": ("#1f77b4", "#1F77B4"),
}


@pytest.mark.parametrize(("entity", "field"), columns_with(lambda r: r.choices is not None))
def test_every_allowed_value_passes_and_another_is_refused(entity: str, field: str) -> None:
    column = synced_tables()[entity].c[field]
    for value in rule_of(column).choices or ():
        checked(entity, {field: value})
    rule_refused(entity, {field: "zzz"}, f"the {field} of {entity}")


@pytest.mark.parametrize(("entity", "field"), columns_with(lambda r: r.low is not None or r.high is not None))
def test_a_whole_number_passes_at_its_bounds_and_is_refused_beyond(entity: str, field: str) -> None:
    rule = rule_of(synced_tables()[entity].c[field])
    for bound, beyond in ((rule.low, -1), (rule.high, 1)):
        if bound is not None:
            checked(entity, {field: bound})
            rule_refused(entity, {field: bound + beyond}, f"is {bound + beyond}, outside")


def test_probabilities_0_and_100_pass_and_minus_1_and_101_do_not() -> None:
    for entity in ("stage", "opportunity"):
        for ok in (0, 100):
            checked(entity, {"probability": ok})
        for bad in (-1, 101):
            rule_refused(entity, {"probability": bad}, "outside 0–100")


@pytest.mark.parametrize(("entity", "field"), columns_with(
    lambda r: r.max_len is not None and r.choices is None and r.pattern is None))
def test_text_of_the_column_length_passes_and_one_more_character_is_refused(entity: str, field: str) -> None:
    limit = rule_of(synced_tables()[entity].c[field]).max_len
    assert limit is not None
    checked(entity, {field: "ก" * limit})
    rule_refused(entity, {field: "ก" * (limit + 1)}, f"more than the {limit:,} allowed")


@pytest.mark.parametrize(("entity", "field"), columns_with(lambda r: r.pattern is not None))
def test_a_value_in_the_stored_form_passes_and_a_typed_one_is_refused(entity: str, field: str) -> None:
    rule = rule_of(synced_tables()[entity].c[field])
    good, bad = FORMS.get(rule.pattern or "", ("2026-11", "2569-11"))
    checked(entity, {field: good})
    rule_refused(entity, {field: bad}, "not written the way this program stores it")
    if not rule.required:
        checked(entity, {field: ""})


@pytest.mark.parametrize(("entity", "field"), columns_with(lambda r: r.required))
def test_a_required_text_may_not_be_blank(entity: str, field: str) -> None:
    rule_refused(entity, {field: "   "}, f"the {field} of {entity} '0193a000-0000-7000-8000-000000000001' is blank")


def test_bookkeeping_json_has_no_length_of_its_own() -> None:
    """A merge of a record with many children writes a long list: only the line size caps it."""
    checked("merge_log", {"relinked_json": json.dumps([["contact", "account_id", "x" * 36]] * 2000)})


def test_the_forms_read_the_same_lengths_as_the_import(ctx) -> None:
    """The contact form takes 100 characters of first name (the column's String(100)), not one more,
    and tags and e-mails (200) are capped like their columns."""
    create_contact(ctx.uow(), ContactInput(first_name="ก" * 100), TODAY)
    checked("contact", {"first_name": "ก" * 100})
    with pytest.raises(ValidationError, match="at most 100"):
        create_contact(ctx.uow(), ContactInput(first_name="ก" * 101), TODAY)
    with pytest.raises(ValidationError, match="at most 300"):
        create_account(ctx.uow(), AccountInput(name="ร้าน", tags=", ".join(f"แท็ก{i:03d}" for i in range(50))), TODAY)
    email = "n" * 64 + "@" + "e" * 50 + "." + "e" * 50 + "." + "e" * 27 + ".co.th"
    assert len(email) == rule_of(Contact.email).max_len == 200
    create_contact(ctx.uow(), ContactInput(first_name="นก", email=email), TODAY)
    checked("contact", {"email": email})
    with pytest.raises(ValidationError, match="at most 200"):
        create_contact(ctx.uow(), ContactInput(first_name="นก", email=email.replace("@", "@e")), TODAY)


def test_every_synced_text_column_declares_a_length_unless_it_is_bookkeeping_json() -> None:
    unbounded = {(name, c.key) for name, model in synced_models().items() for c in model.__table__.columns
                 if rule_of(c).max_len is None and c.key != "deleted_at" and c.type.python_type is str}
    assert unbounded == {("merge_log", "relinked_json"), ("merge_log", "winner_before_json"),
                         ("segment", "filter_json")}


# --- rules across rows: repaired after the merge ----------------------------------------------------

def stage_row(ctx: AppContext, stage_id: str) -> tuple[object, ...]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute("SELECT name, kind, deleted_at IS NULL FROM stage WHERE id = ?", (stage_id,)).fetchone()


def test_a_stage_deleted_while_another_copy_filled_it_with_68_deals_comes_back(copies, tmp_path) -> None:
    office, rep, branch = copies
    stage = create_stage(office.uow(), StageInput(name="สาธิตสินค้า", probability=40)).created[0]
    send(office, rep, tmp_path / "1.zip")
    for i in range(68):
        create_opportunity(rep.uow(), OpportunityInput(name=f"ดีลที่ {i}", stage_id=stage), NOW)
    delete_stage(office.uow(), stage)  # empty on the office: allowed there
    report = send(rep, office, tmp_path / "2.zip")
    assert stage_row(office, stage) == ("สาธิตสินค้า", "open", 1)
    assert report.of("stage").conflicts == 1
    [conflict] = open_conflicts(office.database)
    assert (conflict.entity, conflict.field, conflict.rule, conflict.current.value) == (
        "stage", "deleted_at", "in_use", None)
    assert isinstance(conflict.other.value, datetime) and conflict.other.site == office.database.site_id
    invariants_hold(office)
    # Every copy ends the same, whichever order the files come in; the rep never sees a broken state.
    send(office, rep, tmp_path / "3.zip")
    send(office, branch, tmp_path / "4.zip")
    assert dump(office) == dump(rep) == dump(branch)
    assert open_conflicts(rep.database) == [] and open_conflicts(branch.database) == []
    a_local_edit_works(office)
    delete_stage(office.uow(), default_stage_id("qualification"))  # the rules of the forms still apply
    with pytest.raises(DomainError, match="still holds 68 deal"):
        delete_stage(office.uow(), stage)


def test_a_repair_cannot_be_taken_back_but_can_be_acknowledged(copies, tmp_path) -> None:
    office, rep, _ = copies
    stage = create_stage(office.uow(), StageInput(name="สาธิตสินค้า")).created[0]
    send(office, rep, tmp_path / "1.zip")
    create_opportunity(rep.uow(), OpportunityInput(name="ดีล", stage_id=stage), NOW)
    delete_stage(office.uow(), stage)
    send(rep, office, tmp_path / "2.zip")
    [conflict] = open_conflicts(office.database)
    with pytest.raises(DomainError, match="keep the data valid"):
        resolve(office.database, office.user_id, conflict.id, keep_other=True)
    assert stage_row(office, stage)[2] == 1
    resolve(office.database, office.user_id, conflict.id, keep_other=False)
    assert open_conflicts(office.database) == []


def test_a_campaign_deleted_while_another_copy_attributed_a_lead_and_a_deal_comes_back(copies, tmp_path) -> None:
    office, rep, _ = copies
    campaign = create_campaign(office.uow(), CampaignInput(name="งานแสดงสินค้า")).created[0]
    send(office, rep, tmp_path / "1.zip")
    create_lead(rep.uow(), LeadInput(first_name="สมศรี", campaign_id=campaign))
    create_opportunity(rep.uow(), OpportunityInput(name="ดีล", stage_id=default_stage_id("prospecting"),
                                                   campaign_id=campaign), NOW)
    delete_campaign(office.uow(), campaign)
    send(rep, office, tmp_path / "2.zip")
    assert [(c.entity, c.rule) for c in open_conflicts(office.database)] == [("campaign", "in_use")]
    invariants_hold(office)


def foreign_change(entity: str, row_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A change from a copy none of ours has heard of, later than everything they hold."""
    return {"e": entity, "r": row_id, "h": 1 << 55, "s": "f00dfeedcafe0001", "b": 0, "u": None,
            "t": "2026-11-23 09:00:00.000000", "f": fields}


def test_the_owner_deleted_and_demoted_by_a_file_is_reinstated(copies, contact_file, tmp_path) -> None:
    _, rep, branch = copies
    demoted = foreign_change("user", OWNER_ID, {"role": "sales", "active": False, "deleted_at": "2026-11-23T09:00:00"})
    path = mutated(contact_file, tmp_path / "demoted.zip", lambda _d: None, added=(demoted,))
    report = import_bundle(rep.database, rep.user_id, path).report
    assert report.of("user").conflicts == 3
    with sqlite3.connect(rep.database.path) as conn:
        assert conn.execute("SELECT role, active, deleted_at FROM user WHERE id = ?", (OWNER_ID,)).fetchone() == (
            "owner", 1, None)
    assert sorted((c.field, c.rule, c.other.site) for c in open_conflicts(rep.database)) == [
        ("active", "owner", "f00dfeedcafe0001"), ("deleted_at", "owner", "f00dfeedcafe0001"),
        ("role", "owner", "f00dfeedcafe0001")]
    invariants_hold(rep)
    a_local_edit_works(rep)
    import_bundle(branch.database, branch.user_id, path)
    send(rep, branch, tmp_path / "r.zip")
    send(branch, rep, tmp_path / "b.zip")
    assert dump(rep) == dump(branch)
    invariants_hold(branch)


@pytest.mark.parametrize(("field", "value"), [("role", "staff"), ("active", False),
                                              ("deleted_at", "2026-11-23T09:00:00")])
def test_the_only_owner_demoted_deactivated_or_deleted_by_a_file_is_reinstated(copies, contact_file, tmp_path,
                                                                             field, value) -> None:
    rep = copies[1]
    path = mutated(contact_file, tmp_path / "lost.zip", lambda _d: None,
                   added=(foreign_change("user", OWNER_ID, {field: value}),))
    import_bundle(rep.database, rep.user_id, path)
    assert [(c.field, c.rule) for c in open_conflicts(rep.database)] == [(field, "owner")]
    invariants_hold(rep)


def test_two_copies_demoting_one_owner_each_keep_the_installed_owner(copies, tmp_path) -> None:
    """Each copy keeps an owner by itself (as a user admin would); merged, none is left: both copies
    reinstate the installed owner, with the same values, and converge."""
    office, rep, _ = copies
    with UnitOfWork(office.database, office.user_id) as uow:
        added = uow.users.add(User(name="หุ้นส่วน", role="owner"))
        uow.commit()
        partner = added.id
    send(office, rep, tmp_path / "1.zip")
    for ctx, user_id in ((office, OWNER_ID), (rep, partner)):
        with UnitOfWork(ctx.database, ctx.user_id) as uow:
            uow.users.get(user_id).role = "manager"
            uow.commit()
    export_bundle(office.database, tmp_path / "2.zip", everything=True)
    export_bundle(rep.database, tmp_path / "3.zip", everything=True)
    import_bundle(office.database, office.user_id, tmp_path / "3.zip")
    import_bundle(rep.database, rep.user_id, tmp_path / "2.zip")
    for ctx in (office, rep):
        assert [(c.entity, c.row_id, c.field, c.rule) for c in open_conflicts(ctx.database)] == [
            ("user", OWNER_ID, "role", "owner")]
    send(office, rep, tmp_path / "4.zip")
    send(rep, office, tmp_path / "5.zip")
    assert dump(office) == dump(rep)
    for ctx in (office, rep):
        invariants_hold(ctx)


def test_two_copies_deleting_one_won_stage_each_keep_a_won_stage(copies, tmp_path) -> None:
    office, rep, _ = copies
    big = create_stage(office.uow(), StageInput(name="ปิดการขายรายใหญ่", probability=100, kind="won")).created[0]
    send(office, rep, tmp_path / "1.zip")
    delete_stage(office.uow(), default_stage_id("won"))  # each copy still has another won stage
    delete_stage(rep.uow(), big)
    send(rep, office, tmp_path / "2.zip")
    [conflict] = open_conflicts(office.database)
    assert (conflict.field, conflict.rule) == ("deleted_at", "stage_kinds")
    send(office, rep, tmp_path / "3.zip")
    assert dump(office) == dump(rep)
    for ctx in (office, rep):
        invariants_hold(ctx)


def test_a_deleted_stage_of_the_missing_kind_comes_back_before_the_default_stage_of_another_kind(
        copies, tmp_path) -> None:
    office, rep, _ = copies
    big = create_stage(office.uow(), StageInput(name="ปิดการขายรายใหญ่", probability=100, kind="won")).created[0]
    won = default_stage_id("won")
    update_stage(office.uow(), won, StageInput(name="รอส่งของ", probability=90, kind="open"))
    delete_stage(office.uow(), won)
    path = tmp_path / "office.zip"
    export_bundle(office.database, path, everything=True)
    path = mutated(path, tmp_path / "nowon.zip", lambda _d: None,
                   added=(foreign_change("stage", big, {"deleted_at": "2026-11-23T09:00:00"}),))
    import_bundle(rep.database, rep.user_id, path)
    assert stage_row(rep, big)[1:] == ("won", 1)
    assert stage_row(rep, won)[1:] == ("open", 0)
    invariants_hold(rep)


def test_a_file_turning_the_only_lost_stage_open_gets_a_lost_stage_back(copies, contact_file, tmp_path) -> None:
    rep = copies[1]
    lost = default_stage_id("lost")
    path = mutated(contact_file, tmp_path / "nolost.zip", lambda _d: None,
                   added=(foreign_change("stage", lost, {"kind": "open"}),))
    import_bundle(rep.database, rep.user_id, path)
    invariants_hold(rep)
    assert [(c.entity, c.field, c.rule) for c in open_conflicts(rep.database)] == [("stage", "kind", "stage_kinds")]
    assert stage_row(rep, lost)[1:] == ("lost", 1)  # the default lost stage, the one every copy has


def test_a_deal_moved_into_a_stage_deleted_meanwhile_keeps_it_and_a_dry_run_saves_nothing(copies, tmp_path) -> None:
    office, rep, _ = copies
    stage = create_stage(office.uow(), StageInput(name="รอเซ็นสัญญา", probability=90)).created[0]
    deal = create_opportunity(office.uow(), OpportunityInput(name="ดีล", stage_id=default_stage_id("quotation")),
                              NOW).created[0]
    send(office, rep, tmp_path / "1.zip")
    move_to_stage(rep.uow(), deal, stage, NOW)
    delete_stage(office.uow(), stage)
    export_bundle(rep.database, tmp_path / "2.zip", everything=True)
    before = full_dump(office)
    dry = import_bundle(office.database, office.user_id, tmp_path / "2.zip", dry_run=True)
    assert dry.report.of("stage").conflicts == 1 and full_dump(office) == before
    import_bundle(office.database, office.user_id, tmp_path / "2.zip")
    invariants_hold(office)
    update_stage(office.uow(), stage, StageInput(name="รอเซ็นสัญญา", probability=95))


# --- the Sync tab ------------------------------------------------------------------------------------

@pytest.mark.sqlite_only  # a widget test
def test_the_sync_tab_shows_a_restored_stage_and_lets_it_be_acknowledged_only(qtbot, ctx, prefs, clock, tmp_path,
                                                                             monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.services.app import open_app
    from crm_desktop.ui.actions import ChangeBus, UndoDelete
    from crm_desktop.views.common import ViewEnv
    from crm_desktop.views.sync.tab import PreviewDialog, SyncTab

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    rep = open_app(tmp_path / "rep.sqlite3", clock=clock)
    try:
        stage = create_stage(ctx.uow(), StageInput(name="สาธิตสินค้า", probability=40)).created[0]
        send(ctx, rep, tmp_path / "1.zip")
        create_opportunity(rep.uow(), OpportunityInput(name="ดีลร้านกาแฟ", stage_id=stage), NOW)
        delete_stage(ctx.uow(), stage)
        export_bundle(rep.database, tmp_path / "2.zip", everything=True)
    finally:
        rep.close()
    tab = SyncTab(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete(None)))
    qtbot.addWidget(tab)
    tab.show()
    published: list[Any] = []
    tab.env.bus.changed.connect(published.append)
    tab.choose_import_path = lambda: tmp_path / "2.zip"
    tab.import_button.click()
    qtbot.waitUntil(lambda: isinstance(tab.preview, PreviewDialog) and tab.preview.isVisible(), timeout=10_000)
    table = tab.preview.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 6)] for r in range(table.rowCount())}
    assert rows["Pipeline stages"][3] == "1"  # the repair, counted among the conflicts
    tab.preview.import_button.click()
    qtbot.waitUntil(lambda: tab.conflicts.rowCount() == 1, timeout=10_000)
    cells = [tab.conflicts.item(0, c).text() for c in range(7)]
    assert cells[0] == "Pipeline stages: สาธิตสินค้า" and cells[1] == "Deleted" and cells[2] == "(empty)"
    assert cells[6] == "Restored: one copy deleted it while another copy's records still used it."
    assert stage_row(ctx, stage)[2] == 1
    assert any(stage in changes[Entity.STAGE].created for changes in published)  # the stage lists show it again
    tab.conflicts.selectRow(0)
    assert tab.keep_button.isEnabled() and not tab.flip_button.isEnabled()
    tab.keep_button.click()
    assert tab.conflicts.rowCount() == 0 and stage_row(ctx, stage)[2] == 1
    invariants_hold(ctx)
