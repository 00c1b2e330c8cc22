"""The customer ranking's weights from the Reports tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop import rfm
from crm_desktop.queries.reports.catalog import Entry
from crm_desktop.queries.reports.table import Column, ReportTable
from crm_desktop.services import settings
from crm_desktop.views.reports.tab import ReportsTab
from tests.ui_helpers import shown_tab

RUNS: list[object] = []


def ranking(db, flt, today) -> ReportTable:
    RUNS.append(flt)
    return ReportTable("rfm", (Column("rank", "count"), Column("customer", "text")), ((1, "Siam Rice"),))


def top(db, flt, today) -> ReportTable:
    return ReportTable("top_customers", (Column("customer", "text"),), (("Siam Rice",),))


def test_the_weights_are_set_from_the_ranking_and_it_runs_again(qtbot, ctx, prefs, monkeypatch) -> None:
    RUNS.clear()
    tab = shown_tab(qtbot, lambda env: ReportsTab(env, entries=[Entry("rfm", "customers", ranking),
                                                                Entry("top_customers", "customers", top)]),
                    ctx, prefs, (1200, 700))
    qtbot.waitUntil(lambda: tab.view.shown is not None and tab.task is None)
    assert tab.view.weights_button.isVisible()
    dialog = tab.view.edit_weights()
    assert [s.value() for s in dialog.spins] == [1, 1, 1]  # equal until the owner says otherwise
    for spin in dialog.spins:
        spin.setValue(0)
    shown = []
    monkeypatch.setattr("crm_desktop.ui.actions.show_domain_error", lambda parent, err, lang: shown.append(err))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert shown and dialog.isVisible()  # all three at 0: refused, the form stays
    dialog.spins[0].setValue(3)
    dialog.spins[2].setValue(2)
    runs = len(RUNS)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert settings.rfm_weights(ctx.uow()) == rfm.Weights(3, 0, 2)
    qtbot.waitUntil(lambda: len(RUNS) > runs and tab.task is None)  # the ranking again, with them
    tab.choose("top_customers")
    qtbot.waitUntil(lambda: tab.view.shown is not None and tab.view.shown.key == "top_customers")
    assert not tab.view.weights_button.isVisible()  # the weights go with the ranking only
