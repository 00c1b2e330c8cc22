"""Three offline copies editing at random and swapping files in any order end up identical; with
CRM_TEST_SERVER, also when one of them is an office server (PostgreSQL) and two are SQLite laptops."""

from __future__ import annotations

import atexit
import os
import tempfile
from contextlib import ExitStack, suppress
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from crm_desktop.clock import Clock
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError
from crm_desktop.models import User
from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.queries.activities.reminders import scan_reminders
from crm_desktop.services.accounts import (
    AccountInput,
    account_input,
    create_account,
    delete_accounts,
    restore_accounts,
    update_account,
)
from crm_desktop.services.activities.edit import (
    ActivityInput,
    complete_activity,
    create_activity,
    delete_activity,
    hand_over,
    move_activity,
    update_activity,
)
from crm_desktop.services.activities.reminders import dismiss_reminders, snooze_reminders
from crm_desktop.services.anniversaries import CustomDateInput, add_custom_date, delete_custom_dates
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaigns import CampaignInput, create_campaign, delete_campaign
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.duplicates import merge
from crm_desktop.services.leads import LeadInput, create_lead, lead_input, update_lead
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, move_to_stage
from crm_desktop.services.picklists import LOSS_REASONS
from crm_desktop.services.stages import StageInput, create_stage, delete_stage, update_stage
from crm_desktop.services.users import UserInput, create_user, set_active
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.state import sender_site, status
from tests.server_helpers import drop_database, fetch, make_server_template, server_copy, server_url
from tests.sync_helpers import dump, make_template, new_copy
from tests.test_sync_rules import invariants_hold
from tests.time_helpers import make_clock

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0)
KINDS = ("open", "won", "lost")
NAMES = ("ร้านกาแฟดอยช้าง", "บริษัท สยามพาณิชย์ จำกัด", "Chiang Mai Crafts", "หจก. รุ่งเรืองการค้า", "Lanna Foods")
PHONES = ("021234567", "0812345678", "053111222", "")
PROVINCES = ("กรุงเทพมหานคร", "เชียงใหม่", "ภูเก็ต", "")
COPIES = 3
_TEMPLATE_DIR = tempfile.TemporaryDirectory()
TEMPLATE = make_template(Path(_TEMPLATE_DIR.name))


def live_rows(ctx, table: str) -> list[str]:
    return [r[0] for r in fetch(ctx, f"SELECT id FROM {table} WHERE deleted_at IS NULL ORDER BY id")]


def active_people(ctx) -> list[str]:
    return [r[0] for r in fetch(ctx, 'SELECT id FROM "user" WHERE active AND deleted_at IS NULL ORDER BY id')]


def live_accounts(ctx) -> list[str]:
    return live_rows(ctx, "account")


def all_accounts(ctx) -> list[str]:
    return [r[0] for r in fetch(ctx, "SELECT id FROM account ORDER BY id")]


class Office(RuleBasedStateMachine):
    """Random edits on three copies, files exported at any time and imported late, twice or never."""

    @initialize()
    def start(self) -> None:
        self.dir = tempfile.TemporaryDirectory()
        self.opened = ExitStack()
        clock = make_clock()  # one time for the three copies, as in one office's day
        self.copies = [self.open_copy(i, Path(self.dir.name), clock) for i in range(COPIES)]
        self.files: list[tuple[int, Path]] = []
        self.created: set[str] = set()

    def open_copy(self, i: int, folder: Path, clock: Clock) -> AppContext:
        """Copy `i`: a SQLite file under a new copy code."""
        ctx = new_copy(TEMPLATE, folder, f"copy{i}", clock)
        self.opened.callback(ctx.close)
        return ctx

    def teardown(self) -> None:
        if hasattr(self, "opened"):
            self.opened.close()
        if hasattr(self, "dir"):
            self.dir.cleanup()

    @rule(i=st.integers(0, COPIES - 1), name=st.sampled_from(NAMES), phone=st.sampled_from(PHONES))
    def create(self, i: int, name: str, phone: str) -> None:
        changes = create_account(self.copies[i].uow(), AccountInput(name=name, phone=phone), TODAY)
        self.created |= set(changes.created)

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), first=st.sampled_from(("สมชาย", "Anna", "มาลี")))
    def add_contact(self, i: int, pick: int, first: str) -> None:
        ids = live_accounts(self.copies[i])
        account = ids[pick % len(ids)] if ids else None
        create_contact(self.copies[i].uow(), ContactInput(first_name=first, account_id=account), TODAY)

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), phone=st.sampled_from(PHONES),
          province=st.sampled_from(PROVINCES), name=st.sampled_from(NAMES))
    def edit(self, i: int, pick: int, phone: str, province: str, name: str) -> None:
        ids = live_accounts(self.copies[i])
        if not ids:
            return
        ctx = self.copies[i]
        account_id = ids[pick % len(ids)]
        data = account_input(ctx.uow(), account_id)
        data.phone, data.province, data.name = phone, province, name
        update_account(ctx.uow(), account_id, data, TODAY)

    @rule(i=st.integers(0, COPIES - 1), first=st.sampled_from(("สมศรี", "John")),
          source=st.sampled_from(("referral", "walk_in", "facebook")), phone=st.sampled_from(PHONES))
    def add_lead(self, i: int, first: str, source: str, phone: str) -> None:
        create_lead(self.copies[i].uow(), LeadInput(first_name=first, source=source, phone=phone))

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), source=st.sampled_from(("referral", "phone")))
    def edit_lead(self, i: int, pick: int, source: str) -> None:
        ids = live_rows(self.copies[i], "lead")
        if ids:
            ctx = self.copies[i]
            lead_id = ids[pick % len(ids)]
            data = lead_input(ctx.uow(), lead_id)
            data.source = source
            update_lead(ctx.uow(), lead_id, data)

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50))
    def delete(self, i: int, pick: int) -> None:
        ids = live_accounts(self.copies[i])
        if ids:
            delete_accounts(self.copies[i].uow(), [ids[pick % len(ids)]])

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50))
    def restore(self, i: int, pick: int) -> None:
        ids = sorted(set(all_accounts(self.copies[i])) - set(live_accounts(self.copies[i])))
        if ids:
            restore_accounts(self.copies[i].uow(), [ids[pick % len(ids)]])

    @rule(i=st.integers(0, COPIES - 1), a=st.integers(0, 50), b=st.integers(0, 50), take=st.booleans())
    def merge_two(self, i: int, a: int, b: int, take: bool) -> None:
        ids = live_accounts(self.copies[i])
        if len(ids) < 2 or a % len(ids) == b % len(ids):
            return
        choices = {"phone": "loser"} if take else {}
        merge(self.copies[i].uow(), "account", ids[a % len(ids)], ids[b % len(ids)], choices)

    # --- the rules across rows (sync/invariants.py): each copy keeps them, merges may break them ---

    @rule(i=st.integers(0, COPIES - 1), name=st.sampled_from(("สาธิต", "รอเซ็น", "Demo")), kind=st.sampled_from(KINDS))
    def add_stage(self, i: int, name: str, kind: str) -> None:
        with suppress(DomainError):  # a live stage has that name on this copy
            create_stage(self.copies[i].uow(), StageInput(name=name, probability=50, kind=kind))

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), kind=st.sampled_from(KINDS), drop=st.booleans())
    def change_stage(self, i: int, pick: int, kind: str, drop: bool) -> None:
        """Delete a stage or change its kind: refused on this copy when deals use it or a kind would go."""
        ids = live_rows(self.copies[i], "stage")
        ctx = self.copies[i]
        with suppress(DomainError):
            if drop:
                delete_stage(ctx.uow(), ids[pick % len(ids)])
            else:
                update_stage(ctx.uow(), ids[pick % len(ids)], StageInput(name=f"ขั้น {pick}", kind=kind))

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), deal=st.integers(0, 50), new=st.booleans())
    def deal_into_stage(self, i: int, pick: int, deal: int, new: bool) -> None:
        ctx = self.copies[i]
        stages, deals = live_rows(ctx, "stage"), live_rows(ctx, "opportunity")
        stage = stages[pick % len(stages)]
        if new or not deals:
            create_opportunity(ctx.uow(), OpportunityInput(name=f"ดีล {deal}", stage_id=stage,
                                                           loss_reason=LOSS_REASONS[0]), NOW)
        else:
            move_to_stage(ctx.uow(), deals[deal % len(deals)], stage, NOW, LOSS_REASONS[0])

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), create=st.booleans())
    def campaign(self, i: int, pick: int, create: bool) -> None:
        """Start a campaign, attribute a lead to one, or delete one (refused while leads or deals use it)."""
        ctx = self.copies[i]
        ids = live_rows(ctx, "campaign")
        if create or not ids:
            with suppress(DomainError):  # a live campaign has that name on this copy
                create_campaign(ctx.uow(), CampaignInput(name=f"แคมเปญ {pick % 3}"))
        elif pick % 2:
            create_lead(ctx.uow(), LeadInput(first_name="มาลี", campaign_id=ids[pick % len(ids)]))
        else:
            with suppress(DomainError):
                delete_campaign(ctx.uow(), ids[pick % len(ids)])

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), add=st.booleans())
    def owners(self, i: int, pick: int, add: bool) -> None:
        """What a user admin would do (there is none yet): add an owner, or demote or remove one while
        another active owner remains on this copy; never the person working at one of the desks (whose
        own new activities would then have no owner)."""
        ctx = self.copies[i]
        desks = {copy.user_id for copy in self.copies}
        with UnitOfWork(ctx.database, ctx.user_id) as uow:
            if add:
                uow.users.add(User(name=f"เจ้าของ {pick}", role="owner"))
            else:
                owners = sorted(uow.session.query(User).filter(User.role == "owner", User.active.is_(True),
                                                                User.deleted_at.is_(None)), key=lambda u: u.id)
                removable = [owner for owner in owners if owner.id not in desks]
                if len(owners) < 2 or not removable:
                    return
                chosen = removable[pick % len(removable)]
                if pick % 2:
                    chosen.role = "sales"
                else:
                    chosen.deleted_at = datetime(2026, 11, 23, 10, 0)
            uow.commit()

    # --- activities, series and the people they are for -------------------------------------------

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), days=st.integers(0, 20), series=st.booleans())
    def plan(self, i: int, pick: int, days: int, series: bool) -> None:
        ctx = self.copies[i]
        accounts, people = live_accounts(ctx), active_people(ctx)
        start = datetime(2026, 11, 23, 8 + pick % 9) + timedelta(days=days)
        create_activity(ctx.uow(), ActivityInput(
            kind=("call", "meeting", "visit")[pick % 3], subject=f"นัด {pick}", starts_at=start,
            ends_at=start + timedelta(hours=1), assignee_id=people[pick % len(people)],
            account_id=accounts[pick % len(accounts)] if accounts and pick % 2 else None,
            rrule="FREQ=WEEKLY;COUNT=5" if series else "", remind_minutes=15 if pick % 3 else None))

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), act=st.sampled_from(
        ("this", "following", "all", "done", "delete", "delete-following", "hand-over", "move")))
    def act_on_occurrence(self, i: int, pick: int, act: str) -> None:
        """What people do in the calendar, on single activities and on one occurrence of a series."""
        ctx = self.copies[i]
        found = occurrences(ctx.database, TODAY, TODAY + timedelta(days=60), statuses=("planned",))
        if not found:
            return
        o = found[pick % len(found)]
        uow, at = ctx.uow(), o.occurrence
        people = active_people(ctx)
        later = (o.starts_at or datetime(2026, 11, 23, 9)) + timedelta(hours=1 + pick % 5)
        with suppress(DomainError):  # e.g. the first occurrence cannot start a "following" split
            if act in ("this", "following", "all"):
                data = ActivityInput(kind=o.kind, subject=f"{o.subject} ({act})", starts_at=later,
                                     assignee_id=o.assignee_id, rrule="FREQ=WEEKLY;COUNT=5" if o.recurring else "")
                update_activity(uow, o.activity_id, data, act, at)  # type: ignore[arg-type]
            elif act == "done":
                complete_activity(uow, o.activity_id, f"ผล {pick}", at)
            elif act == "delete":
                delete_activity(uow, o.activity_id, "this" if o.recurring else "all", at)
            elif act == "delete-following":
                delete_activity(uow, o.activity_id, "following", at)
            elif act == "hand-over":
                hand_over(uow, o.activity_id, people[pick % len(people)], f"ฝากด้วย {pick}", at)
            else:
                move_activity(uow, o.activity_id, later, later + timedelta(minutes=30), at, "this")

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), dismiss=st.booleans())
    def remind(self, i: int, pick: int, dismiss: bool) -> None:
        """Someone snoozes or dismisses one of the next reminders on one copy (often the same one on
        two copies before they sync)."""
        ctx = self.copies[i]
        now = ctx.now()
        found = [(person, due) for person in active_people(ctx)
                 for due in scan_reminders(ctx.database, person, now - timedelta(days=1), now + timedelta(days=30)).due]
        if not found:
            return
        person, due = found[pick % min(2, len(found))]
        if dismiss:
            dismiss_reminders(ctx.uow(), person, [due.key])
        else:
            snooze_reminders(ctx.uow(), person, [due.key], now + timedelta(hours=1 + pick % 3))

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), add=st.booleans())
    def staff(self, i: int, pick: int, add: bool) -> None:
        """Someone joins, or someone leaves while another copy may be giving them work (never the person
        at one of the desks: see `owners`)."""
        ctx = self.copies[i]
        desks = {copy.user_id for copy in self.copies}
        with suppress(DomainError):  # a name already listed, the only owner
            if add:
                create_user(ctx.uow(), UserInput(name=f"พนักงาน {pick % 4}", role="sales"))
            elif people := [person for person in active_people(ctx) if person not in desks]:
                set_active(ctx.uow(), people[pick % len(people)], False)

    @rule(i=st.integers(0, COPIES - 1), pick=st.integers(0, 50), drop=st.booleans())
    def special_date(self, i: int, pick: int, drop: bool) -> None:
        """A wedding day or a first order on a customer, or one deleted."""
        ctx = self.copies[i]
        dates = live_rows(ctx, "anniversary")
        if drop and dates:
            delete_custom_dates(ctx.uow(), [dates[pick % len(dates)]])
            return
        accounts = live_accounts(ctx)
        if accounts:
            add_custom_date(ctx.uow(), CustomDateInput(title=("วันแต่งงาน", "First order")[pick % 2], month=1 + pick % 12,
                                                       day=1 + pick % 28, account_id=accounts[pick % len(accounts)]),
                            TODAY)

    @rule(i=st.integers(0, COPIES - 1), how=st.sampled_from(("all", "lacking", "for")), to=st.integers(1, 2))
    def export(self, i: int, how: str, to: int) -> None:
        """Everything, what the copies heard from lack, or what one copy lacks (if it ever sent a file)."""
        path = Path(self.dir.name) / f"file{len(self.files)}.zip"
        target = sender_site(self.copies[(i + to) % COPIES].database)
        peers = status(self.copies[i].database).peers
        for_site = target if how == "for" and target in peers else None
        export_bundle(self.copies[i].database, path, everything=how == "all", for_site=for_site)
        self.files.append((i, path))

    @precondition(lambda self: self.files)
    @rule(j=st.integers(0, COPIES - 1), pick=st.integers(0, 1000))
    def import_one(self, j: int, pick: int) -> None:
        source, path = self.files[pick % len(self.files)]
        if source == j:
            return
        ctx = self.copies[j]
        try:
            import_bundle(ctx.database, ctx.user_id, path)
        except DomainError as err:  # pragma: no cover - would be a bug: show it
            raise AssertionError(err.text()) from err

    def converge(self) -> None:
        """Every copy sends every other one what that copy lacks (all, for a copy it never heard from),
        until a round brings nothing new: a repair made in one round travels in the next."""
        folder = Path(self.dir.name)
        for round_ in range(6):
            before = [dump(ctx) for ctx in self.copies]
            for i, src in enumerate(self.copies):
                for j, dst in enumerate(self.copies):
                    if i == j:
                        continue
                    path = folder / f"final{round_}-{i}-{j}.zip"
                    known = sender_site(dst.database) in status(src.database).peers
                    export_bundle(src.database, path, for_site=sender_site(dst.database) if known else None,
                                  everything=not known)
                    import_bundle(dst.database, dst.user_id, path)
            if round_ >= 2 and [dump(ctx) for ctx in self.copies] == before:
                return


def _check_converged(machine: Office) -> None:
    machine.converge()
    dumps = [dump(ctx) for ctx in machine.copies]
    for other in dumps[1:]:
        assert other == dumps[0]
    for ctx in machine.copies:
        assert machine.created <= set(all_accounts(ctx)), "an account made on one copy is missing on another"
        assert status(ctx.database).waiting == 0
        invariants_hold(ctx)
        # one row per occurrence taken out of a series
        assert not fetch(ctx, "SELECT series_id, occurrence FROM activity WHERE series_id IS NOT NULL "
                              "AND deleted_at IS NULL GROUP BY 1, 2 HAVING count(*) > 1")
        # one reminder state per person and occurrence, whichever copies snoozed or dismissed it
        assert not fetch(ctx, "SELECT target, occurs_at, user_id FROM reminder GROUP BY 1, 2, 3 HAVING count(*) > 1")


class ConvergingOffice(Office):
    def teardown(self) -> None:
        if hasattr(self, "copies"):
            _check_converged(self)
        super().teardown()


# Examples per run: 20 keeps the suite within its time (the pure merge has its own, faster property
# tests: test_sync_merge_pure.py); before a release (or resolving a sync issue) run it long once,
# e.g. CRM_CONVERGENCE_EXAMPLES=500, and say how many ran.
EXAMPLES = int(os.environ.get("CRM_CONVERGENCE_EXAMPLES", "20"))
ConvergingOffice.TestCase.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=50, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestConvergence = ConvergingOffice.TestCase


# The same office with copy 1 on an office server (PostgreSQL) and copies 0 and 2 SQLite laptops, under
# fixed copy codes that put the server's between the laptops' (a field's tie of clocks goes by the code).
# Each example copies a database on the server and backs it up before each import (pg_dump): fewer
# examples by default, CRM_CONVERGENCE_SERVER_EXAMPLES for more.
SITES = ("0a0a0a0a0a0a0a0a", "5e5e5e5e5e5e5e5e", "f0f0f0f0f0f0f0f0")
SERVER_COPY = 1
_server_template: list[str] = []


def _office_server_template(url: str) -> str:
    """A migrated, seeded database on the test server, made at the first example and dropped at exit."""
    if not _server_template:
        _server_template.append(make_server_template(url, Path(_TEMPLATE_DIR.name) / "server-template"))
        atexit.register(drop_database, url, _server_template[0])
    return _server_template[0]


class ConvergingWithServer(ConvergingOffice):
    def open_copy(self, i: int, folder: Path, clock: Clock) -> AppContext:
        url = server_url()
        if i != SERVER_COPY or url is None:
            ctx = new_copy(TEMPLATE, folder, f"copy{i}", clock, site=SITES[i])
            self.opened.callback(ctx.close)
            return ctx
        return self.opened.enter_context(server_copy(url, _office_server_template(url), folder / "desk", clock,
                                                     site=SITES[i]))


ConvergingWithServer.TestCase.settings = settings(
    max_examples=int(os.environ.get("CRM_CONVERGENCE_SERVER_EXAMPLES", "4")), stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestConvergenceWithServer = pytest.mark.skipif(server_url() is None, reason="CRM_TEST_SERVER names no server")(
    ConvergingWithServer.TestCase)
