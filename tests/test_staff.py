"""The office's people: a fresh database gets its staff through Settings → Users, deactivated people
keep their history and leave the pickers, and the office always keeps an active owner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.queries.lookups import users
from crm_desktop.queries.users import staff
from crm_desktop.services.app import AppContext
from crm_desktop.services.leads import LeadInput, create_lead, qualify
from crm_desktop.services.users import UserInput, create_user, set_active, update_user
from crm_desktop.ui.actions import ChangeBus
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.settings.users_page import UserDialog, UsersPage
from tests.ui_helpers import shown_tab


def add(ctx: AppContext, name: str, role: str = "sales", **more: str) -> str:
    return create_user(ctx.uow(), UserInput(name=name, role=role, **more)).created[0]


def test_a_fresh_office_adds_its_sales_staff_and_can_qualify_a_lead(ctx: AppContext) -> None:
    with pytest.raises(DomainError):  # only the owner: nobody to hand a lead to
        qualify(ctx.uow(), create_lead(ctx.uow(), LeadInput(first_name="Suda")).created[0], None)
    anna = add(ctx, "Anna", email="anna@example.co.th", phone="081 234 5678", colour="#1F77B4")
    lead = create_lead(ctx.uow(), LeadInput(first_name="Somsak")).created[0]
    qualify(ctx.uow(), lead, None)
    person = next(p for p in staff(ctx.database) if p.id == anna)
    assert (person.email, person.phone, person.colour, person.own_colour) == (
        "anna@example.co.th", "+66812345678", "#1f77b4", True)


@pytest.mark.parametrize(("data", "field"), [
    (UserInput(name=" "), "name"),
    (UserInput(name="Bee", role="boss"), "role"),
    (UserInput(name="Bee", email="bee@"), "email"),
    (UserInput(name="Bee", phone="02 123"), "phone"),
    (UserInput(name="Bee", colour="blue"), "colour"),
    (UserInput(name="ANNA "), "name"),  # the same name as someone already listed
])
def test_bad_input_names_the_field_and_adds_nobody(ctx: AppContext, data: UserInput, field: str) -> None:
    add(ctx, "Anna")
    before = staff(ctx.database)
    with pytest.raises(ValidationError) as caught:
        create_user(ctx.uow(), data)
    assert caught.value.field == field
    assert staff(ctx.database) == before


def test_deactivated_people_leave_the_pickers_but_keep_their_name(ctx: AppContext) -> None:
    anna = add(ctx, "Anna")
    set_active(ctx.uow(), anna, False)
    assert anna not in {u.id for u in users(ctx.database)}
    assert [(p.name, p.active) for p in staff(ctx.database)][-1] == ("Anna", False)
    set_active(ctx.uow(), anna, True)
    assert anna in {u.id for u in users(ctx.database)}


def test_the_office_always_keeps_an_active_owner_and_nobody_deactivates_themselves(ctx: AppContext) -> None:
    with pytest.raises(DomainError, match="yourself"):
        set_active(ctx.uow(), ctx.user_id, False)
    with pytest.raises(DomainError, match="only active owner"):
        update_user(ctx.uow(), ctx.user_id, UserInput(name="Owner", role="manager"))
    boss = add(ctx, "Khun Boss", role="owner")
    update_user(ctx.uow(), ctx.user_id, UserInput(name="Owner", role="manager"))
    with pytest.raises(DomainError, match="only active owner"):
        set_active(ctx.uow(), boss, False)


def test_users_page_adds_edits_and_deactivates_through_the_widgets(qtbot, ctx: AppContext, prefs: Prefs,
                                                                   type_text) -> None:
    bus = ChangeBus()
    page = shown_tab(qtbot, UsersPage, ctx, prefs, (640, 400), bus)
    assert page.table.rowCount() == 1  # the owner
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, UserDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "สมศรี ใจดี")
    type_text(dialog.phone, "0812345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    assert page.current is not None and page.current.name == "สมศรี ใจดี"  # the new person is selected
    assert page.table.item(page.table.currentRow(), 3).text() == "081 234 5678"

    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    dialog.email.setText("not an address")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "not an email" in dialog.banner.text()  # stays open, input kept
    dialog.email.setText("somsri@example.com")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current is not None and not page.current.active)
    assert page.active_button.text() == "Reactivate"
    assert [p.email for p in staff(ctx.database) if not p.active] == ["somsri@example.com"]
