"""One change set per user action, through real widgets: the window that made an edit and showed it
at once does not refresh again when its own change set comes back on the bus; every other screen
hears it once, however many kinds of record the action touched."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from crm_desktop.models import User
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.convert import ConvertOptions, convert_lead
from crm_desktop.services.leads import LeadInput, create_lead, qualify
from crm_desktop.services.picklists import LOSS_REASON
from crm_desktop.ui.actions import ChangeBus, perform
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.anniversaries.tab import AnniversariesTab
from crm_desktop.views.opportunities.stages_dialog import StagesDialog
from crm_desktop.views.opportunities.tab import OpportunitiesTab
from crm_desktop.views.settings.picklist_dialog import PicklistDialog
from tests.ui_helpers import shown_tab

TODAY = date(2026, 11, 23)


def counted(obj: object, name: str) -> list[tuple[Any, ...]]:
    """Count calls of `obj.name` (still calling it): one entry per call."""
    calls: list[tuple[Any, ...]] = []
    original: Callable[..., Any] = getattr(obj, name)

    def counting(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    setattr(obj, name, counting)
    return calls


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def deals(qtbot, ctx: AppContext, prefs: Prefs, bus: ChangeBus) -> OpportunitiesTab:
    return shown_tab(qtbot, OpportunitiesTab, ctx, prefs, (1400, 850), bus)


def test_adding_a_reason_reloads_the_reasons_once_and_the_deals_tab_once(qtbot, deals: OpportunitiesTab) -> None:
    dialog = PicklistDialog(deals.env, LOSS_REASON, deals)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    heard: list[ChangeSet] = []
    deals.env.bus.changed.connect(heard.append)
    own, other = counted(dialog, "reload"), counted(deals, "refresh_filter_choices")

    dialog.new_value.setText("ลูกค้าย้ายสาขา")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert "ลูกค้าย้ายสาขา" in dialog.values()
    assert len(heard) == 1 and heard[0].made_by(dialog)
    assert len(own) == 1  # the dialog showed its own edit (selecting it); the broadcast did not reload it again
    assert len(other) == 1  # another screen still hears it, once


def test_moving_a_stage_reloads_the_stages_dialog_once_and_the_deals_list_once(qtbot, deals: OpportunitiesTab) -> None:
    qtbot.mouseClick(deals.stages_button, Qt.MouseButton.LeftButton)
    dialog = deals.stages_dialog
    assert isinstance(dialog, StagesDialog)
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    first = dialog.current_id()
    own, other = counted(dialog, "reload"), counted(deals.model, "reload")

    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)

    assert [s.id for s in dialog.stages].index(first) == 1 and dialog.current_id() == first
    assert len(own) == 1
    assert len(other) == 1


def test_a_lead_conversion_is_heard_once_by_a_screen_showing_several_of_its_kinds(
        qtbot, ctx: AppContext, prefs: Prefs, bus: ChangeBus) -> None:
    anniversaries = shown_tab(qtbot, AnniversariesTab, ctx, prefs, (1200, 800), bus)  # contacts and accounts
    with ctx.uow() as uow:
        uow.users.add(User(id="rep-nok", name="Nok", role="sales"))
        uow.commit()
    lead_id = create_lead(ctx.uow(), LeadInput(first_name="สมชาย", company_name="บริษัท ศรีสยาม จำกัด")).created[0]
    qualify(ctx.uow(), lead_id, "rep-nok")
    reloads = counted(anniversaries, "reload")

    done = perform(anniversaries, bus, "en", lambda: convert_lead(ctx.uow(), lead_id, ConvertOptions(), TODAY))

    assert done is not None and done.entities == ("account", "contact", "lead")
    assert len(reloads) == 1
