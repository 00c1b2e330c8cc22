"""The timeline on the detail panes through real widgets: entries, the kind filter, Show more, refresh."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from crm_desktop.models import Activity
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import Entity, change
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity
from crm_desktop.services.stages import default_stage_id
from crm_desktop.ui.actions import ChangeBus
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.accounts.tab import AccountsTab
from crm_desktop.views.opportunities.tab import OpportunitiesTab
from tests.ui_helpers import shown_tab


def add_activities(ctx: AppContext, count: int, **links: object) -> None:
    with ctx.uow() as uow:
        for i in range(count):
            uow.activities.add(Activity(subject=f"Call {i}", kind="call", status="done", outcome="Wants a quote",
                                        starts_at=ctx.now() - timedelta(days=count - i), **links))
        uow.commit()


def test_account_pane_shows_edits_and_contact_activities_and_filters(qtbot: object, ctx: AppContext,
                                                                     prefs: Prefs) -> None:
    account = create_account(ctx.uow(), AccountInput(name="Siam Rice", phone="0812345678"), ctx.today()).created[0]
    contact = create_contact(ctx.uow(), ContactInput("Somchai", account_id=account), ctx.today()).created[0]
    add_activities(ctx, 25, contact_id=contact)
    data = account_input(ctx.uow(), account)
    data.phone = "0891112222"
    update_account(ctx.uow(), account, data, ctx.today())
    bus = ChangeBus()
    tab = shown_tab(qtbot, AccountsTab, ctx, prefs, (1200, 800), bus)
    view = tab.timeline
    assert view.isVisible()
    texts = view.entry_texts()
    assert len(texts) == 20  # one page
    assert texts[0].startswith("Edited Phone 081 234 5678 → 089 111 2222 · 23/11/2569 10:00")
    assert texts[1] == "Created · 23/11/2569 10:00 · Owner"
    assert texts[2].startswith("Call Call 24 — Wants a quote · with Somchai · 22/11/2569")

    qtbot.mouseClick(view.more_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    texts = view.entry_texts()
    assert len(texts) == 27 and texts[-1].startswith("Call Call 0")  # 25 calls, the edit and the creation
    assert not view.more_button.isVisible()

    view.kind_filter.setCurrentIndex(view.kind_filter.findText("Edits"))
    assert [t.split(" ")[0] for t in view.entry_texts()] == ["Edited", "Created"]
    view.kind_filter.setCurrentIndex(view.kind_filter.findText("Activities"))
    assert len(view.entry_texts()) == 20 and all(t.startswith("Call") for t in view.entry_texts())

    with ctx.uow() as uow:  # a visit planned for tomorrow; the activity dialog broadcasts such a change
        visit = uow.activities.add(Activity(subject="Visit the mill", kind="visit", account_id=account,
                                            starts_at=ctx.now() + timedelta(days=1)))
        uow.commit()
    bus.changed.emit(change(Entity.ACTIVITY, created=(visit.id,)))
    texts = view.entry_texts()
    assert texts[0].startswith("Visit Visit the mill (planned) · 24/11/2569 10:00")
    assert len(texts) == 20 and view.more_button.isVisible()


def test_deal_pane_shows_its_stage_moves_in_thai_labels(qtbot: object, ctx: AppContext, prefs: Prefs) -> None:
    create_opportunity(ctx.uow(), OpportunityInput("Rice mill", default_stage_id("quotation"), amount_satang=100),
                       ctx.now())
    tab = shown_tab(qtbot, OpportunitiesTab, ctx, prefs, (1200, 800))
    texts = tab.timeline.entry_texts()
    assert [t.split(" · ")[0] for t in texts] == ["Created", "Stage Opened in Quotation"]
    tab.show_detail(None)
    assert not tab.timeline.isVisible()
