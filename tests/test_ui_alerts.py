"""The Alerts tab through the real main window: the scan's alerts listed with the count on the tab,
the record opened, dismiss (and its Undo) and snooze; the rule editor refusing a bad number with its message."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.models import Opportunity, Quotation, StageHistory
from crm_desktop.queries.alerts import alert_rules
from crm_desktop.services.app import AppContext
from crm_desktop.services.stages import default_stage_id
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from tests.alert_helpers import NOW, build
from tests.time_helpers import TODAY
from tests.ui_helpers import opened_window

FOUND = 9  # what the seeded rules find in the helper's records (tests/test_alerts.py names them)


def tab_title(window) -> str:
    return window.tabs.tabText(window.tabs.indexOf(window.slots["alerts"]))


def test_alerts_are_listed_opened_dismissed_and_snoozed(qtbot, ctx: AppContext, prefs: Prefs) -> None:
    ids = build(ctx)
    window = opened_window(qtbot, ctx, prefs)
    qtbot.waitUntil(lambda: not window.alerts.scanning)  # the rules ran at start, after the first paint
    assert tab_title(window) == f"Alerts ({FOUND})"
    assert window.alerts.timer.isActive()  # and run again every few minutes
    tab = window.alerts_tab
    window.tabs.setCurrentWidget(window.slots["alerts"])
    qtbot.waitUntil(lambda: tab.model.rowCount() == FOUND)
    assert tab.count_label.text() == f"{FOUND} open alert(s)"
    texts = [tab.model.index(r, 1).data() for r in range(FOUND)]
    assert "Quotation QT-q3 for บริษัท ซื้อเกิน จำกัด expires on 26/11/2569" in texts
    quotation = texts.index("Quotation QT-q3 for บริษัท ซื้อเกิน จำกัด expires on 26/11/2569")

    tab.table.selectRow(quotation)
    tab.open_selected()
    assert window.tabs.currentWidget() is window.orders_tab
    assert window.orders_tab.quotations.table.current_id() == ids["q3"]

    window.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    tab.dismiss_selected()
    assert tab.model.rowCount() == FOUND - 1 and tab_title(window) == f"Alerts ({FOUND - 1})"
    assert window.act_undo.text() == "&Undo dismiss"
    window.undo_delete()  # Edit > Undo: back on the list and in the badge
    assert tab.model.rowCount() == FOUND and tab_title(window) == f"Alerts ({FOUND})"
    tab.table.selectRow(0)
    tab.dismiss_selected()
    assert tab.model.rowCount() == FOUND - 1 and tab_title(window) == f"Alerts ({FOUND - 1})"
    tab.table.selectRow(0)
    tab.snooze_menu.actions()[1].trigger()  # until tomorrow 09:00
    assert tab.model.rowCount() == FOUND - 2 and tab_title(window) == f"Alerts ({FOUND - 2})"
    with qtbot.waitSignal(window.alerts.scanned):
        window.alerts.scan()  # a new round brings back neither
    assert tab.model.rowCount() == FOUND - 2

    # A quotation sent during the day is caught by the next round; a deal found stuck only at the day's
    # first round, or after records came in (a sync).
    with ctx.uow() as uow:
        uow.session.add(Quotation(number="QT-new", issued_on=TODAY, status="sent", valid_until=TODAY + timedelta(1)))
        old = Opportunity(name="ดีลเก่า", stage_id=default_stage_id("prospecting"))
        uow.session.add(old)
        uow.session.flush()
        uow.session.add(StageHistory(opportunity_id=old.id, to_stage_id=old.stage_id,
                                     changed_at=NOW - timedelta(days=90)))
        uow.commit()
    with qtbot.waitSignal(window.alerts.scanned):
        window.alerts.scan()
    assert tab_title(window) == f"Alerts ({FOUND - 1})"
    with qtbot.waitSignal(window.alerts.scanned):
        window.alerts.scan(full=True)
    assert tab_title(window) == f"Alerts ({FOUND})"


def test_the_rule_editor_refuses_a_bad_number_in_thai(qtbot, qapp: QApplication, ctx: AppContext,
                                                     prefs: Prefs) -> None:
    language = UiLanguage(qapp)
    assert language.apply("th")
    try:
        prefs.language = "th"
        window = opened_window(qtbot, ctx, prefs)
        qtbot.waitUntil(lambda: not window.alerts.scanning)
        dialog = window.open_alert_rules()
        before = alert_rules(ctx.database)
        assert dialog.list.count() == len(before) == 7
        stuck = next(i for i, r in enumerate(dialog.rules) if r.kind == "stuck_deal")
        dialog.list.setCurrentRow(stuck)
        assert dialog.value.text() == "30"
        for typed, message in (("-5", "จำนวนวันต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 3650 วัน"),
                               ("0", "จำนวนวันต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 3650 วัน")):
            dialog.value.setText(typed)
            assert dialog.save() is None
            box = dialog.findChild(QMessageBox, "domainErrorBox")
            assert box is not None and box.text() == message
            box.setObjectName("seen")
            box.close()
        assert alert_rules(ctx.database) == before  # nothing saved
        dialog.new_rule()
        dialog.kind.setCurrentIndex(dialog.kind.findData("big_spender"))
        dialog.value.setText("5,000,000,000")  # five billion baht: a typing mistake
        assert dialog.save() is None
        assert dialog.findChild(QMessageBox, "domainErrorBox").text() == \
            "ยอดเงินต้องมากกว่า 0 บาท และไม่เกิน 1,000,000,000 บาท"
        dialog.value.setText("250,000")
        assert dialog.save() is not None
        added = [r for r in alert_rules(ctx.database) if r not in before]
        assert [(r.kind, r.params, r.active) for r in added] == [("big_spender", {"amount_satang": 25_000_000}, True)]
    finally:
        language.apply("en")
