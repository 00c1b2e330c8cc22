"""The Reports tab: the analyses, filtered and exported, and the printed monthly report.

"Analyses" lists every analysis the catalog has (queries/reports/catalog.py), grouped; the chosen
one runs in the background (the tab never freezes on a large database) and runs again when the
filter changes or the data it reads change. Only the analysis shown runs, and only while the tab is
shown; a result that arrives after the choice or the filter moved on is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.queries.reports.catalog import Entry, catalog
from crm_desktop.queries.reports.forecast import forecast_explained
from crm_desktop.queries.reports.table import ReportTable
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.tasks import Task
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.reports.analysis_view import AnalysisView
from crm_desktop.views.reports.filter_bar import FilterBar
from crm_desktop.views.reports.forecast_text import explanation_text
from crm_desktop.views.reports.labels import GROUPS, group_label, group_of, table_title
from crm_desktop.views.reports.model import for_display
from crm_desktop.views.reports.monthly_page import MakePdf, MonthlyReportPage, monthly_report_pdf

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# Changes to these can move a figure (settings: the ranking's weights); the analysis shown runs again.
WATCHED = (Entity.SALES_ORDER, Entity.QUOTATION, Entity.OPPORTUNITY, Entity.LEAD, Entity.ACTIVITY, Entity.ACCOUNT,
           Entity.CONTACT, Entity.PRODUCT, Entity.TARGET, Entity.USER, Entity.STAGE, Entity.CAMPAIGN, Entity.PICK_LIST,
           Entity.FORECAST, Entity.SETTING)


class ReportsTab(QWidget):
    NAME = "reports"
    open_record = Signal(str, str)  # kind, id: a late order line double-clicked, …

    def __init__(self, env: ViewEnv, parent: QWidget | None = None, *, entries: list[Entry] | None = None,
                 make_pdf: MakePdf = monthly_report_pdf) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("reportsTab")
        self.entries = {e.key: e for e in (catalog() if entries is None else entries)}
        self.runs = 0  # numbers each run; only the latest one's result is shown
        self.task: Task | None = None
        self.stale = False  # a run was due while the tab was hidden: run when it shows

        self.filters = FilterBar(env)
        self.filters.changed.connect(self.run)
        self.list = QTreeWidget()
        self.list.setObjectName("analysisList")
        self.list.setHeaderHidden(True)
        self.list.setMinimumWidth(200)
        self.view = AnalysisView(env)
        self.view.open_record.connect(self.open_record)
        self._fill_list()
        self.list.currentItemChanged.connect(lambda *_: self.run())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 1000])
        analyses = QWidget()
        analyses.setObjectName("analysesPage")
        layout = QVBoxLayout(analyses)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        self.monthly = MonthlyReportPage(env, make_pdf=make_pdf)
        self.pages = QTabWidget()
        self.pages.setObjectName("reportPages")
        self.pages.addTab(analyses, self.tr("Analyses"))
        self.pages.addTab(self.monthly, self.tr("Monthly report"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        env.bus.changed.connect(self.on_changes)
        first = self._first_item()
        if first is not None:
            self.list.setCurrentItem(first)  # runs it
        else:
            self.view.show_problem(self.tr("No analyses are available."))

    def _fill_list(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        order = {g: n for n, g in enumerate(GROUPS)}
        for entry in sorted(self.entries.values(), key=lambda e: order.get(group_of(e.key, e.module), len(order))):
            group = group_of(entry.key, entry.module)
            if group not in groups:
                parent = QTreeWidgetItem([group_label(group)])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                self.list.addTopLevelItem(parent)
                groups[group] = parent
            item = QTreeWidgetItem([table_title(entry.key)])
            item.setData(0, KEY_ROLE, entry.key)
            item.setToolTip(0, table_title(entry.key))
            groups[group].addChild(item)
        self.list.expandAll()

    def _first_item(self) -> QTreeWidgetItem | None:
        top = self.list.topLevelItem(0)
        return top.child(0) if top is not None and top.childCount() else None

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return str(key) if key else None

    def choose(self, key: str) -> bool:
        """Show the analysis `key` (False when the catalog has none of that name)."""
        for group in range(self.list.topLevelItemCount()):
            parent = self.list.topLevelItem(group)
            for number in range(parent.childCount()):
                if parent.child(number).data(0, KEY_ROLE) == key:
                    self.list.setCurrentItem(parent.child(number))
                    return True
        return False

    def run(self) -> Task | None:
        """Run the analysis shown with the filter set, in the background; while the tab is hidden (at
        start, or when data change elsewhere) only note that it is due, and run when shown."""
        key = self.current_key()
        if key is None:
            return None
        if not self.isVisible():
            self.stale = True
            return None
        self.stale = False
        self.runs += 1
        run = self.runs
        try:
            flt = self.filters.report_filter()
        except ValidationError as err:
            self.view.show_problem(err.text(self.env.lang))
            return None
        self.view.show_title(key, self.filters.period_text())
        self.view.show_running()
        if self.task is not None:
            self.task.cancel()  # its result is dropped anyway; the flag lets the runnable end quietly
        entry, db, today = self.entries[key], self.env.db, self.env.today()
        analysis, forecast = entry.run, key == "forecast"

        def work(_progress: object) -> tuple[ReportTable, object]:
            return for_display(analysis(db, flt, today)), (forecast_explained(db, flt, today) if forecast else None)

        task = Task(self, work, show_progress=False)

        def done(result: object) -> None:
            if run != self.runs or not isinstance(result, tuple):
                return
            table, how = result
            remarks = []
            if forecast:  # it looks ahead from today whatever the period, and narrows by rep only
                remarks.append(self.tr("The forecast looks ahead from this month; of the filters, only the rep "
                                       "applies."))
            if how is not None:
                remarks.append(explanation_text(how, self.env.lang, self.env.buddhist))
            self.view.show_table(table, remark="\n".join(remarks))

        def failed(exc: object) -> None:
            if run != self.runs:
                return
            text = exc.text(self.env.lang) if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
            self.view.show_problem(self.tr("This analysis could not be made: %1").replace("%1", text))

        def ended() -> None:
            if self.task is task:
                self.task = None
            task.deleteLater()

        task.finished.connect(done)
        task.failed.connect(failed)
        task.ended.connect(ended)
        self.task = task
        return task.start()

    def reload(self) -> None:
        """F5, or after a sync: the filters' choices and the analysis shown, again."""
        self.filters.fill_choices()
        self.run()

    def on_changes(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.USER, Entity.ACCOUNT, Entity.PRODUCT):
            self.filters.fill_choices()
        if changes.touches(*WATCHED):
            self.run()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.run()

    def open_monthly_report(self, month: str) -> None:
        """Show the monthly report page with `month` chosen and make its preview."""
        self.pages.setCurrentWidget(self.monthly)
        self.monthly.show_month(month)
        self.monthly.make(None)
