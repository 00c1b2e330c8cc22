"""Shared pieces of the report figure tests: one office database per test module (built once through
the real services, read by every test of the module), the office's local midnight in UTC, and the
people and customers the data sets use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.models import User
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from tests.server_helpers import engines, server_copy, server_url
from tests.sync_helpers import new_copy
from tests.time_helpers import TODAY, make_clock


def midnight(day: date) -> datetime:
    """The office's midnight starting `day`, as the UTC moment the app stores."""
    return datetime.combine(day, time()) - timedelta(hours=7)


def one_percent(part: int, whole: int) -> float | None:
    """part / whole in percent to one decimal, halves up, or None without a whole (Decimal, not the
    integer arithmetic the code uses)."""
    if not whole:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP))


@dataclass
class Office:
    ctx: AppContext
    clock: FixedClock
    anong: str  # two reps
    boon: str
    x: str  # account: retail, Chiang Mai
    y: str  # account: wholesale, Bangkok
    p: str  # a person without a company, Phuket
    names: dict[str | None, str]


SEGMENT = {"x": "retail", "y": "wholesale", "p": ""}
PROVINCE = {"x": "เชียงใหม่", "y": "กรุงเทพมหานคร", "p": "ภูเก็ต"}


# A module's office is built once, on each engine (`OFFICE_ENGINES`): SQLite, and the test server when
# CRM_TEST_SERVER names one (tests/server_helpers.py).
OFFICE_ENGINES = engines()


@contextmanager
def office_database(request: pytest.FixtureRequest, folder: Path, name: str, clock: FixedClock
                    ) -> Iterator[AppContext]:
    """A fresh database on the engine the module fixture is parametrized with (`OFFICE_ENGINES`)."""
    if request.param == "postgresql":
        url = server_url()
        assert url is not None
        with server_copy(url, request.getfixturevalue("server_template"), folder / name, clock) as ctx:
            yield ctx
        return
    ctx = new_copy(request.getfixturevalue("fresh_database"), folder, name, clock)
    try:
        yield ctx
    finally:
        ctx.close()


@contextmanager
def open_office(request: pytest.FixtureRequest, folder: Path, name: str = "office") -> Iterator[Office]:
    """A fresh database with two reps and three customers; closed when the module's tests are done."""
    clock = make_clock()
    with office_database(request, folder, name, clock) as ctx:
        with ctx.uow() as uow:
            anong = uow.users.add(User(name="Anong", role="sales"))
            boon = uow.users.add(User(name="Boon", role="sales"))
            me = uow.users.get(ctx.user_id)
            assert me is not None
            uow.commit()
            me_name = me.name
        x = create_account(ctx.uow(), AccountInput(name="ร้านเย็นสบาย", segment=SEGMENT["x"], province=PROVINCE["x"]),
                           TODAY).created[0]
        y = create_account(ctx.uow(), AccountInput(name="บริษัท ค้าส่ง จำกัด", segment=SEGMENT["y"],
                                                   province=PROVINCE["y"]), TODAY).created[0]
        p = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", province=PROVINCE["p"]),
                           TODAY).created[0]
        names = {anong.id: "Anong", boon.id: "Boon", ctx.user_id: me_name, None: ""}
        yield Office(ctx, clock, anong.id, boon.id, x, y, p, names)


@pytest.fixture(scope="module")
def office_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("report")
