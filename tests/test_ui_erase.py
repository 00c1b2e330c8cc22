""""Erase this person (PDPA)…" through real widgets: the confirmation says what happens, Cancel keeps
everything, Erase anonymises the contact or lead shown and compacts the file in the background."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.models.privacy import erase_mark
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.contacts.tab import ContactsTab
from crm_desktop.views.leads.tab import LeadsTab
from tests.time_helpers import TODAY
from tests.ui_helpers import shown_tab


def confirm_box(qtbot, tab) -> QMessageBox:
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "confirmBox") is not None
                    and tab.findChild(QMessageBox, "confirmBox").isVisible())
    return tab.findChild(QMessageBox, "confirmBox")


def stored(ctx: AppContext, sql: str, *args: object) -> tuple[object, ...]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute(sql, args).fetchone()


def select(tab, name: str) -> None:
    names = [str(tab.model.index(r, tab.model.column_index("name")).data()) for r in range(tab.model.rowCount())]
    tab.table.selectRow(names.index(name))
    assert tab.detail_title.text() == name


@pytest.fixture
def contacts(qtbot, ctx: AppContext, prefs: Prefs) -> ContactsTab:
    return shown_tab(qtbot, ContactsTab, ctx, prefs, (1300, 800))


def test_erase_a_contact_from_its_detail(qtbot, contacts: ContactsTab, ctx: AppContext) -> None:
    contact_id = create_contact(ctx.uow(), ContactInput(first_name="วิไลวรรณ", last_name="ลับเฉพาะ",
                                                        mobile="0851231234"), TODAY).created[0]
    create_contact(ctx.uow(), ContactInput(first_name="ประยุทธ"), TODAY)
    contacts.refresh()
    select(contacts, "วิไลวรรณ ลับเฉพาะ")
    assert contacts.erase_button.isVisible()

    qtbot.mouseClick(contacts.erase_button, Qt.MouseButton.LeftButton)
    box = confirm_box(qtbot, contacts)
    assert "วิไลวรรณ ลับเฉพาะ" in box.text()
    said = box.informativeText()
    for point in ("personal data is removed", "orders, deals and activities stay", "other copies",
                  "cannot be undone", "Backups made before now"):
        assert point in said
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert stored(ctx, "SELECT first_name FROM contact WHERE id = ?", contact_id) == ("วิไลวรรณ",)

    qtbot.mouseClick(contacts.erase_button, Qt.MouseButton.LeftButton)
    box = confirm_box(qtbot, contacts)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: contacts.detail_title.text() == erase_mark(contact_id))
    assert stored(ctx, "SELECT first_name, last_name, mobile FROM contact WHERE id = ?", contact_id) == (
        erase_mark(contact_id), "", "")
    qtbot.waitUntil(lambda: b"0851231234" not in ctx.database.path.read_bytes()
                    and "วิไลวรรณ".encode() not in ctx.database.path.read_bytes())


def test_erase_a_lead_from_the_row_menu(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    tab = shown_tab(qtbot, LeadsTab, ctx, prefs, (1300, 800))
    lead_id = create_lead(ctx.uow(), LeadInput(first_name="สุดา", last_name="ปิดบัง", email="suda@example.com")).created[0]
    tab.refresh()
    select(tab, "สุดา ปิดบัง")
    menu = tab._row_menu(tab.table.visualRect(tab.model.index(0, 0)).center())
    assert menu is not None
    erase = next(a for a in menu.actions() if a.text() == "Erase this person (PDPA)…")
    erase.trigger()
    box = confirm_box(qtbot, tab)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(ctx, "SELECT first_name, email FROM lead WHERE id = ?", lead_id) == (
        erase_mark(lead_id), ""))
    qtbot.waitUntil(lambda: tab.detail_title.text() == erase_mark(lead_id))


def test_an_error_is_shown_in_a_dialog_and_nothing_changes(qtbot, contacts: ContactsTab, ctx: AppContext) -> None:
    contact_id = create_contact(ctx.uow(), ContactInput(first_name="ชนิดา"), TODAY).created[0]
    contacts.refresh()
    select(contacts, "ชนิดา")
    with sqlite3.connect(ctx.database.path) as conn:  # another program holds the write lock
        conn.execute("BEGIN IMMEDIATE")
        qtbot.mouseClick(contacts.erase_button, Qt.MouseButton.LeftButton)
        box = confirm_box(qtbot, contacts)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: contacts.findChild(QMessageBox, "domainErrorBox") is not None, timeout=15000)
        assert "Another program is using the database" in contacts.findChild(QMessageBox, "domainErrorBox").text()
        conn.rollback()
    assert stored(ctx, "SELECT first_name FROM contact WHERE id = ?", contact_id) == ("ชนิดา",)


def test_a_big_file_is_compacted_only_when_the_user_agrees(qtbot, contacts: ContactsTab, ctx: AppContext,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import crm_desktop.views.erase as erase_view

    monkeypatch.setattr(erase_view, "QUICK_VACUUM_BYTES", 0)  # every file counts as big
    vacuums: list[bool] = []
    real = erase_view.reclaim_space
    monkeypatch.setattr(erase_view, "reclaim_space", lambda db, *, vacuum: (vacuums.append(vacuum), real(
        db, vacuum=vacuum)))
    create_contact(ctx.uow(), ContactInput(first_name="นงลักษณ์", mobile="0841112233"), TODAY)
    contacts.refresh()
    select(contacts, "นงลักษณ์")
    qtbot.mouseClick(contacts.erase_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(confirm_box(qtbot, contacts).button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    def compact_box() -> QMessageBox | None:
        return next((b for b in contacts.findChildren(QMessageBox, "confirmBox")
                     if b.isVisible() and "Compact" in b.text()), None)

    qtbot.waitUntil(lambda: compact_box() is not None)
    assert "MB" in compact_box().informativeText()
    qtbot.waitUntil(lambda: vacuums == [False])  # the WAL is emptied at once
    qtbot.mouseClick(compact_box().button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: vacuums == [False, True])
    qtbot.waitUntil(lambda: b"0841112233" not in ctx.database.path.read_bytes())
