"""The Marketing tab through real widgets: the segment editor's live count follows the conditions (and says
when no one matches), a saved segment is listed, and a campaign shows its members by response, takes a
response for the selected members and shows its ROI with the method; a campaign is deleted after a
question naming what goes with it, and Undo brings it back whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton

from crm_desktop.queries.campaign_results import response_counts
from crm_desktop.queries.segments import saved_segments
from crm_desktop.services.app import AppContext, switch_user
from crm_desktop.services.campaign_members import add_members
from crm_desktop.services.campaigns import CampaignInput, create_campaign
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.users import UserInput, create_user
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.marketing.tab import MarketingTab
from tests.time_helpers import TODAY
from tests.ui_helpers import shown_tab


def _people(ctx: AppContext) -> list[str]:
    return [create_contact(ctx.uow(), ContactInput(first_name=name, mobile=f"08123456{n:02d}", province=province,
                                                    email=f"p{n}@example.com", marketing_consent=n % 2 == 0),
                           TODAY).created[0]
            for n, (name, province) in enumerate((("อนงค์", "เชียงใหม่"), ("บุญ", "เชียงใหม่"), ("ชัย", "ภูเก็ต")))]


@pytest.fixture
def tab(qtbot, ctx: AppContext, prefs: Prefs) -> MarketingTab:
    people = _people(ctx)
    launch = CampaignInput(name="เปิดตัวสินค้าใหม่", cost_satang=100_000, template_subject="ของใหม่สำหรับคุณ{ชื่อ}",
                           template_body="สวัสดีค่ะ")
    campaign = create_campaign(ctx.uow(), launch).created[0]
    add_members(ctx.uow(), campaign, people)
    return shown_tab(qtbot, MarketingTab, ctx, prefs, (1300, 800))


def test_the_live_count_follows_the_conditions_and_a_segment_is_saved(qtbot, tab: MarketingTab, ctx) -> None:
    editor = tab.new_segment()
    qtbot.waitUntil(lambda: "3" in editor.count_label.text())
    north = next(i for i in range(editor.regions.count()) if editor.regions.item(i).data(Qt.ItemDataRole.UserRole)
                 == "north")
    editor.regions.item(north).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.count_label.text().startswith("2 "))
    assert "1 agreed" in editor.count_label.text()
    editor.consent.setCurrentIndex(editor.consent.findData(False))
    editor.age_min.setValue(99)
    qtbot.waitUntil(lambda: editor.count_label.text() == "No one matches these conditions.")
    editor.age_min.setValue(-1)
    editor.bought.setChecked(True)
    editor.products.setText("SKIN-404")
    qtbot.waitUntil(lambda: editor.count_label.text() == "There is no product with the code SKIN-404.")
    editor.bought.setChecked(False)
    editor.name.setText("ภาคเหนือ")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in saved_segments(ctx.database)] == ["ภาคเหนือ"]
    qtbot.waitUntil(lambda: tab.segment_table.rowCount() == 1)


def test_members_by_response_a_bulk_response_and_the_roi_method(qtbot, tab: MarketingTab, ctx, monkeypatch) -> None:
    assert tab.members_model.rowCount() == 3
    assert "ROI = (margin from attributed orders − cost) / cost" in tab.roi_label.text()
    tab.members.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("Interested", True))
    tab.set_response()
    campaign = tab.current_campaign()
    assert campaign is not None and response_counts(ctx.database, campaign) == {"added": 2, "interested": 1}
    tab.response_filter.setCurrentIndex(tab.response_filter.findData("interested"))
    qtbot.waitUntil(lambda: tab.members_model.rowCount() == 1)
    assert "Interested 1" in tab.roi_label.text()


def test_a_campaign_is_deleted_with_its_members_after_a_question_and_undo_brings_it_back(
        qtbot, tab: MarketingTab, ctx) -> None:
    campaign = tab.current_campaign()
    delete = tab.findChild(QPushButton, "campaignDelete")
    assert campaign is not None and delete.isEnabled()
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    box = tab.findChild(QMessageBox, "confirmBox")
    assert "เปิดตัวสินค้าใหม่" in box.text()
    assert box.informativeText().startswith("Its 3 member(s) and their responses go with it; orders stay")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert tab.campaign_table.rowCount() == 1  # Cancel deletes nothing
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    box = next(b for b in tab.findChildren(QMessageBox, "confirmBox") if b.isVisible())
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.campaign_table.rowCount() == 0)
    assert tab.title.text() == "No campaign yet: add one with New campaign." and not delete.isEnabled()
    pending = tab.env.undo.take()
    assert pending is not None and pending.entity == "campaign"
    tab.env.bus.publish(pending.restore())
    qtbot.waitUntil(lambda: tab.campaign_table.rowCount() == 1)
    assert tab.current_campaign() == campaign and tab.members_model.rowCount() == 3


def test_a_rep_cannot_delete_a_campaign(qtbot, ctx, prefs) -> None:
    create_campaign(ctx.uow(), CampaignInput(name="จดหมายข่าว"))
    switch_user(ctx, create_user(ctx.uow(), UserInput(name="สมชาย", role="sales")).created[0])
    tab = shown_tab(qtbot, MarketingTab, ctx, prefs, (1300, 800))
    assert tab.campaign_table.rowCount() == 1 and not tab.findChild(QPushButton, "campaignDelete").isEnabled()


def test_people_are_added_by_hand_from_a_search(qtbot, tab: MarketingTab, ctx) -> None:
    person = create_contact(ctx.uow(), ContactInput(first_name="ดารุณี", last_name="ทดสอบ", mobile="0899990000"),
                            TODAY).created[0]
    dialog = tab.add_people()
    assert dialog is not None
    dialog.search.setText("ดารุณี")
    qtbot.waitUntil(lambda: dialog.found.count() == 1)
    dialog.found.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    campaign = tab.current_campaign()
    assert campaign is not None and response_counts(ctx.database, campaign) == {"added": 4}
    qtbot.waitUntil(lambda: tab.members_model.rowCount() == 4)
    assert person in {tab.members_model.row_at(i).contact_id for i in range(4)}


def test_the_mail_merge_writes_a_folder_and_marks_those_written_sent(qtbot, tab: MarketingTab, ctx, monkeypatch,
                                                                      tmp_path) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, _label, items, *args: (items[0], True))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(out))
    tab.mail_merge()
    qtbot.waitUntil(lambda: tab.last_message != "", timeout=10_000)
    assert "2 messages written" in tab.last_message and "1 without marketing consent" in tab.last_message
    (folder,) = out.iterdir()
    assert len(list(folder.glob("*.eml"))) == 2
    campaign = tab.current_campaign()
    assert campaign is not None and response_counts(ctx.database, campaign) == {"sent": 2, "added": 1}
