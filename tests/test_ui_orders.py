"""The sales screens through real widgets: the Orders tab (quotations and sales orders), their
dialogs and the delivery dialog, Settings › Documents and the document numbers on the Sync tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from crm_desktop.services.app import AppContext
from crm_desktop.services.sales.numbers import number_patterns, this_copy_is_office
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.settings.dialog import SettingsDialog
from crm_desktop.views.sync.tab import SyncTab

TODAY = date(2026, 11, 23)


# --- Settings › Documents and the Sync tab ------------------------------------------------------


def test_the_documents_page_shows_an_example_and_refuses_a_pattern_without_seq(qtbot, type_text, ctx: AppContext,
                                                                               prefs: Prefs) -> None:
    dialog = SettingsDialog(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()))
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.documents
    assert page.patterns["quotation"].text() == "QT{year}-{seq}"
    assert page.examples["quotation"].text().startswith("e.g. QT2569-0001 (on another copy: QT2569-")
    edit = page.patterns["order"]
    edit.clear()
    type_text(edit, "ใบสั่ง{year}/{month}")
    assert "{seq} exactly once" in page.examples["order"].text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.pages.currentWidget() is page  # the refused field is shown, marked
    assert "{seq} exactly once" in dialog.banner.text() and edit.property("invalid")
    assert number_patterns(ctx.uow())["order"] == "SO{year}-{seq}"  # nothing saved, not even the other pages

    edit.end(False)  # the marked field had its text selected
    type_text(edit, "-{seq}")
    assert page.examples["order"].text().startswith("e.g. ใบสั่ง2569/11-0001")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert number_patterns(ctx.uow())["order"] == "ใบสั่ง{year}/{month}-{seq}"


def test_the_sync_tab_makes_this_copy_the_office(qtbot, ctx: AppContext, prefs: Prefs, monkeypatch) -> None:
    env = ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())
    tab = SyncTab(env)
    qtbot.addWidget(tab)
    tab.show()
    assert not this_copy_is_office(ctx.uow())  # a new copy names itself the office at its first number
    assert ctx.database.site_id[:4].upper() in tab.numbering_label.text()
    assert tab.office_button.isEnabled() and not tab.renumber_button.isEnabled()
    tab.make_office()
    box = tab.findChild(object, "confirmBox")
    box.button(box.StandardButton.Yes).click()
    assert this_copy_is_office(ctx.uow())
    assert "is the office" in tab.numbering_label.text()
    assert not tab.office_button.isEnabled() and tab.renumber_button.isEnabled()
