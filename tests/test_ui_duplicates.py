"""Find duplicates through the real dialog: a group found, two records merged field by field, undone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from crm_desktop.queries.contacts import contact_count, contact_detail
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.duplicates_dialog import DuplicatesDialog

TODAY = date(2026, 11, 23)


def test_merge_two_contacts_keeping_a_value_of_each_then_undo(qtbot, ctx: AppContext, qsettings) -> None:
    keep = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", mobile="081-234-5678",
                                                  email=""), TODAY).created[0]
    other = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี", mobile="0812345678",
                                                   email="somchai@example.com", line_id="som"), TODAY).created[0]
    prefs = Prefs(qsettings)
    prefs.language = "en"
    dialog = DuplicatesDialog(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("contact"))
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.group_list.count() == 1, timeout=5000)
    assert "same phone" in dialog.group_list.item(0).text()
    dialog.winner.setCurrentIndex(dialog.winner.findData(keep))
    dialog.loser.setCurrentIndex(dialog.loser.findData(other))
    rows = {dialog.fields.item(r, 0).text(): r for r in range(dialog.fields.rowCount())}
    assert {"E-mail", "LINE ID"} <= set(rows)
    # An empty value of the kept record is filled from the other by default; untick LINE ID.
    dialog.fields.item(rows["LINE ID"], 2).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert contact_count(ctx.database) == 1
    kept = contact_detail(ctx.database, keep)
    assert kept is not None and kept.email == "somchai@example.com" and kept.line_id == ""
    assert contact_detail(ctx.database, other) is None
    assert dialog.group_list.count() == 0

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert contact_count(ctx.database) == 2
    assert contact_detail(ctx.database, keep).email == ""  # type: ignore[union-attr]
    assert contact_detail(ctx.database, other).line_id == "som"  # type: ignore[union-attr]
