"""The main window: the record tabs, the Activities tab, global search (Ctrl+K), menus, status bar."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.queries.lookups import users
from crm_desktop.queries.search import search_all
from crm_desktop.roles import IMPORT
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.settings import company_name
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.actions import ChangeBus, Undoable, UndoLast, changes_in, perform
from crm_desktop.ui.desks import OtherDesksPoll
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.forms import icon
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs
from crm_desktop.ui.search_popup import Choice, SearchPopup
from crm_desktop.ui.tasks import Task, run_task
from crm_desktop.views.alerts.watcher import AlertWatcher
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.customer360 import close_customer_pages, open_customer_360
from crm_desktop.views.lazy_tabs import LazyTab, LazyTabs
from crm_desktop.views.record_tab import RecordTab
from crm_desktop.views.reminders.notifier import ReminderNotifier
from crm_desktop.views.reports.month_offer import MonthOfferBar, month_to_offer

if TYPE_CHECKING:
    from pathlib import Path

    from crm_desktop.services.backups import Restored
    from crm_desktop.views.about import AboutDialog
    from crm_desktop.views.accounts.tab import AccountsTab
    from crm_desktop.views.activities.dialog import ActivityDialog
    from crm_desktop.views.activities.my_day import MyDayTab
    from crm_desktop.views.alerts.rules_dialog import AlertRulesDialog
    from crm_desktop.views.alerts.tab import AlertsTab
    from crm_desktop.views.anniversaries.tab import AnniversariesTab
    from crm_desktop.views.calendar.tab import CalendarTab
    from crm_desktop.views.cases.tab import CasesTab
    from crm_desktop.views.contacts.tab import ContactsTab
    from crm_desktop.views.customer360.page import Customer360Page
    from crm_desktop.views.duplicates_dialog import DuplicatesDialog
    from crm_desktop.views.imports.wizard import ImportWizard
    from crm_desktop.views.leads.tab import LeadsTab
    from crm_desktop.views.opportunities.tab import OpportunitiesTab
    from crm_desktop.views.products.tab import ProductsTab
    from crm_desktop.views.reports.tab import ReportsTab
    from crm_desktop.views.sales.tab import OrdersTab
    from crm_desktop.views.settings.dialog import SettingsDialog
    from crm_desktop.views.sync.tab import SyncTab

SEARCH_LIMIT = 8  # per kind
FIRST_PAINT_WAIT_MS = 2000  # a window started minimized paints late: its start-up work waits this long at most
# what the record tabs list, so what a search result can open
SEARCH_KINDS = (Entity.LEAD, Entity.OPPORTUNITY, Entity.PRODUCT, Entity.ACCOUNT, Entity.CONTACT, Entity.QUOTATION,
                Entity.SALES_ORDER, Entity.CASE)


class MainWindow(QMainWindow):
    """`MainWindow(ctx, prefs)`; pass the `UiLanguage` to let Settings switch the language live."""

    def __init__(
        self,
        ctx: AppContext,
        prefs: Prefs,
        *,
        language: UiLanguage | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.language = language
        self.env = ViewEnv(ctx, prefs, ChangeBus(self), UndoLast(self), later=self.after_first_paint)
        self.tasks: list[Task] = []
        self._after_paint: list[Callable[[], object]] | None = []
        self.settings_dialog: SettingsDialog | None = None
        self.import_wizard: ImportWizard | None = None
        self.about_box: AboutDialog | None = None
        self.sample_data_box: QMessageBox | None = None
        self.alert_count = 0
        self.icons = {
            "account": icon("account", self.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon)),
            "contact": icon("contact", self.style().standardIcon(QStyle.StandardPixmap.SP_DirLinkIcon)),
            "lead": icon("lead", self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder)),
            "opportunity": icon("opportunity", self.style().standardIcon(QStyle.StandardPixmap.SP_DialogYesButton)),
            "product": icon("product", self.style().standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)),
            "quotation": self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            "sales_order": self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogListView),
            "case": self.style().standardIcon(QStyle.StandardPixmap.SP_DialogHelpButton),
        }

        self.tabs = LazyTabs()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        central = QWidget()
        self.central_layout = QVBoxLayout(central)  # a bar (the month's report offer) may sit above the tabs
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.central_layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.month_offer: MonthOfferBar | None = None
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self._build_tabs()
        self.env.bus.changed.connect(self._on_changes)
        self.env.bus.action_done.connect(self._action_done)
        self.env.undo.available.connect(self._undo_available)
        self.tabs.currentChanged.connect(lambda *_: self._tab_changed())
        self._retranslate()  # also fills the title, the record counts and the user
        self._undo_available(None)
        self.reminders = ReminderNotifier(self.env, self, self.open_activity, self.open_record)
        self.after_first_paint(self.reminders.check)  # what fell due while the app was closed, then the timer
        self.alerts = AlertWatcher(self.env, self, self.reminders.tray_icon)
        self.alerts.counted.connect(self._alert_badge)
        self.after_first_paint(self.alerts.start)  # the rules at start, then every 5 minutes
        self.other_desks = OtherDesksPoll(ctx, self.env.bus, self, self.env.lang)
        self.after_first_paint(self.other_desks.start)
        QTimer.singleShot(0, self.offer_monthly_report)  # before the first paint: the bar sits above the tabs
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run_after_paint)  # (not after the window is gone)

        geometry = prefs.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = prefs.window_state()
        if state is not None:
            self.restoreState(state)

    # --- start-up work after the first paint -------------------------------------------------

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run `work` once the window has painted (at once, if it has): what a start does besides the
        first screen (the first record's timeline, reminders, the database check and backup, warnings)
        waits until the user sees the window. A timer of 0 ms would run before the first paint: Qt
        fires due timers before it paints."""
        if self._after_paint is None:
            work()
        else:
            self._after_paint.append(work)

    @property
    def started(self) -> bool:
        """The work that waited for the first paint has run."""
        return self._after_paint is None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._after_paint is not None:
            QTimer.singleShot(0, self, self._run_after_paint)  # after the rest of this paint (the tabs, the lists)

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint, None
        for work in waiting or ():
            work()

    # --- construction ---------------------------------------------------------------------

    def _action(self, name: str, slot: Callable[[], object], shortcut: QKeySequence | None = None,
                std_icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        if std_icon is not None:
            action.setIcon(self.style().standardIcon(std_icon))
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _create_actions(self) -> None:
        sp = QStyle.StandardPixmap
        key = QKeySequence.StandardKey
        self.act_settings = self._action("actSettings", self.open_settings, QKeySequence(key.Preferences))
        self.act_import = self._action("actImport", self.open_import)
        self.act_connect = self._action("actConnect", self.open_connect)
        self.act_quit = self._action("actQuit", self.close, QKeySequence(key.Quit))
        self.act_new = self._action("actNew", self.new_record, QKeySequence(key.New), sp.SP_FileIcon)
        self.act_edit = self._action("actEdit", self.edit_record, QKeySequence("Ctrl+E"), sp.SP_FileDialogContentsView)
        self.act_delete = self._action("actDelete", self.delete_selected, QKeySequence(Qt.Key.Key_Delete),
                                       sp.SP_TrashIcon)
        self.act_undo = self._action("actUndo", self.undo_delete, QKeySequence(key.Undo), sp.SP_ArrowBack)
        self.act_refresh = self._action("actRefresh", self.refresh, QKeySequence(Qt.Key.Key_F5), sp.SP_BrowserReload)
        self.act_filter = self._action("actFilter", self.focus_filter, QKeySequence(key.Find))
        self.act_columns = self._action("actColumns", self.choose_columns)
        self.act_duplicates = self._action("actDuplicates", self.find_duplicates)
        self.act_search = self._action("actSearch", self.focus_search, QKeySequence("Ctrl+K"))
        self.act_about = self._action("actAbout", self.show_about)
        self.act_export = self._action("actExport", self.export_list, std_icon=sp.SP_DialogSaveButton)
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_import)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_settings)
        self.menu_file.addAction(self.act_connect)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        for action in (self.act_new, self.act_edit, self.act_delete):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_duplicates)
        self.menu_view = bar.addMenu("")
        for action in (self.act_refresh, self.act_filter, self.act_search):
            self.menu_view.addAction(action)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_columns)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # New / Edit / Delete sit beside each list (they act on it); the menu and shortcuts reach them too.
        self.toolbar.addAction(self.act_refresh)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("globalSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.setMaximumWidth(460)
        self.search_edit.addAction(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
                                   QLineEdit.ActionPosition.LeadingPosition)
        self.toolbar.addWidget(self.search_edit)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        # From three characters a trigram lookup takes 1-3 ms: no pause (without the index, all scan).
        quick = 3 if self.env.db.has_search_index else None
        self.search_popup = SearchPopup(self.search_edit, self._search, delay_ms=150, icons=self.icons,
                                        instant_chars=quick)
        self.search_popup.chosen.connect(self._search_chosen)
        self.search_popup.chosen_alternate.connect(self._search_chosen_360)

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.last_action_label = QLabel()
        self.last_action_label.setObjectName("lastActionLabel")
        self.undo_label = QLabel()
        self.undo_label.setObjectName("undoLabel")
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_delete)
        status.addWidget(self.last_action_label, 1)
        status.addPermanentWidget(self.undo_label)
        status.addPermanentWidget(self.undo_button)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(self.user_label)

    def _build_tabs(self) -> None:
        """The tabs in the bar, each screen built when first shown or asked for (`LazyTab`): the window
        shows its first tab without importing or building the others."""
        style, pixmap = self.style(), QStyle.StandardPixmap
        self.slots: dict[str, LazyTab] = {}
        for key, name, tab_icon, build in (
            ("leads", "leads", self.icons["lead"], self._make_leads),  # first: leads come before accounts
            ("opportunities", "opportunities", self.icons["opportunity"], self._make_opportunities),
            ("products", "products", self.icons["product"], self._make_products),  # what the deals are about
            ("orders", "orders", self.icons["quotation"], self._make_orders),  # their quotations and orders
            ("accounts", "accounts", self.icons["account"], self._make_accounts),
            ("contacts", "contacts", self.icons["contact"], self._make_contacts),
            ("cases", "cases", self.icons["case"], self._make_cases),
            ("activities", "activities", icon("activity-task"), self._make_activities),
            ("calendar", "calendar", style.standardIcon(pixmap.SP_FileDialogDetailedView), self._make_calendar),
            ("anniversaries", "anniversaries", style.standardIcon(pixmap.SP_FileDialogInfoView),
             self._make_anniversaries),
            ("marketing", "marketing", style.standardIcon(pixmap.SP_MessageBoxInformation), self._make_marketing),
            ("alerts", "alerts", style.standardIcon(pixmap.SP_MessageBoxWarning), self._make_alerts),
            ("reports", "reports", style.standardIcon(pixmap.SP_FileDialogInfoView), self._make_reports),
            ("sync", "sync", style.standardIcon(pixmap.SP_BrowserReload), self._make_sync),
        ):
            self.slots[key] = slot = LazyTab(name, build)
            self.tabs.addTab(slot, tab_icon, "")
        current = self.env.prefs.current_tab()  # the start tab: the one the user left, else Accounts
        self.tabs.setCurrentWidget(next((s for s in self.slots.values() if current == s.NAME), self.slots["accounts"]))

    def _record_tab(self, tab: RecordTab) -> RecordTab:
        tab.open_360.connect(self.open_customer_360)
        timeline = getattr(tab, "timeline", None)
        if timeline is not None:
            timeline.customer_chosen.connect(self.open_customer_360)
        new_quotation = getattr(tab, "new_quotation_for", None)
        if new_quotation is not None:
            new_quotation.connect(self.new_quotation)
        return tab

    def _make_leads(self) -> QWidget:
        from crm_desktop.views.leads.tab import LeadsTab

        return self._record_tab(LeadsTab(self.env))

    def _make_opportunities(self) -> QWidget:
        from crm_desktop.views.opportunities.tab import OpportunitiesTab

        return self._record_tab(OpportunitiesTab(self.env))

    def _make_products(self) -> QWidget:
        from crm_desktop.views.products.tab import ProductsTab

        return self._record_tab(ProductsTab(self.env))

    def _make_orders(self) -> QWidget:
        from crm_desktop.views.sales.tab import OrdersTab

        tab = OrdersTab(self.env)
        for page in tab.page_list():
            page.open_360.connect(self.open_customer_360)
        tab.open_record.connect(self.open_record)
        return tab

    def _make_accounts(self) -> QWidget:
        from crm_desktop.views.accounts.tab import AccountsTab

        tab = AccountsTab(self.env)
        tab.open_contact.connect(lambda cid: self.open_record("contact", cid))
        tab.new_contact_for.connect(self._new_contact_for)
        return self._record_tab(tab)

    def _make_contacts(self) -> QWidget:
        from crm_desktop.views.contacts.tab import ContactsTab

        tab = ContactsTab(self.env)
        tab.open_account.connect(lambda aid: self.open_record("account", aid))
        return self._record_tab(tab)

    def _make_cases(self) -> QWidget:
        from crm_desktop.views.cases.tab import CasesTab

        return self._record_tab(CasesTab(self.env))

    def _make_activities(self) -> QWidget:
        from crm_desktop.views.activities.my_day import MyDayTab

        return MyDayTab(self.env)

    def _make_calendar(self) -> QWidget:
        from crm_desktop.views.calendar.tab import CalendarTab

        return CalendarTab(self.env)

    def _make_anniversaries(self) -> QWidget:
        from crm_desktop.views.anniversaries.tab import AnniversariesTab

        return AnniversariesTab(self.env)

    def _make_alerts(self) -> QWidget:
        from crm_desktop.views.alerts.tab import AlertsTab

        tab = AlertsTab(self.env)
        tab.open_record.connect(self.open_record)
        tab.open_rules.connect(self.open_alert_rules)
        return tab

    def _make_marketing(self) -> QWidget:
        from crm_desktop.views.marketing.tab import MarketingTab

        return MarketingTab(self.env)

    def _make_reports(self) -> QWidget:
        from crm_desktop.views.reports.tab import ReportsTab

        tab = ReportsTab(self.env)
        tab.open_record.connect(self.open_record)
        return tab

    def _make_sync(self) -> QWidget:
        from crm_desktop.views.sync.tab import SyncTab

        tab = SyncTab(self.env)
        tab.imported.connect(lambda _changes: self._update_counts())
        tab.imported.connect(lambda _changes: self.reminders.check())
        tab.imported.connect(lambda _changes: self.alerts.scan(full=True))
        return tab

    # Each tab's screen, built on first use.
    @property
    def leads_tab(self) -> LeadsTab:
        return self.slots["leads"].content()  # type: ignore[return-value]

    @property
    def opportunities_tab(self) -> OpportunitiesTab:
        return self.slots["opportunities"].content()  # type: ignore[return-value]

    @property
    def products_tab(self) -> ProductsTab:
        return self.slots["products"].content()  # type: ignore[return-value]

    @property
    def orders_tab(self) -> OrdersTab:
        return self.slots["orders"].content()  # type: ignore[return-value]

    @property
    def accounts_tab(self) -> AccountsTab:
        return self.slots["accounts"].content()  # type: ignore[return-value]

    @property
    def contacts_tab(self) -> ContactsTab:
        return self.slots["contacts"].content()  # type: ignore[return-value]

    @property
    def cases_tab(self) -> CasesTab:
        return self.slots["cases"].content()  # type: ignore[return-value]

    @property
    def activities_tab(self) -> MyDayTab:
        return self.slots["activities"].content()  # type: ignore[return-value]

    @property
    def calendar_tab(self) -> CalendarTab:
        return self.slots["calendar"].content()  # type: ignore[return-value]

    @property
    def anniversaries_tab(self) -> AnniversariesTab:
        return self.slots["anniversaries"].content()  # type: ignore[return-value]

    @property
    def alerts_tab(self) -> AlertsTab:
        return self.slots["alerts"].content()  # type: ignore[return-value]

    @property
    def reports_tab(self) -> ReportsTab:
        return self.slots["reports"].content()  # type: ignore[return-value]

    @property
    def sync_tab(self) -> SyncTab:
        return self.slots["sync"].content()  # type: ignore[return-value]

    def open_sync_file(self, path: Path) -> None:
        """The Sync tab with the import preview of `path` (the program started with a sync file, or
        handed one by macOS)."""
        self.tabs.setCurrentWidget(self.slots["sync"])
        self.raise_()
        self.activateWindow()
        self.sync_tab.preview_file(path)

    def built_tabs(self) -> list[QWidget]:
        """The screens built so far (the others have no state, dialogs or data yet)."""
        return [slot.built for slot in self.slots.values() if slot.built is not None]

    def _retranslate(self) -> None:
        texts = {
            self.act_settings: self.tr("&Settings…"),
            self.act_import: self.tr("&Import…"),
            self.act_connect: self.tr("Connect to an office &server…"),
            self.act_quit: self.tr("&Quit"),
            self.act_new: self.tr("&New"),
            self.act_edit: self.tr("&Edit"),
            self.act_delete: self.tr("&Delete"),
            self.act_undo: self._undo_text(self.env.undo.pending),
            self.act_refresh: self.tr("&Refresh"),
            self.act_filter: self.tr("&Filter"),
            self.act_columns: self.tr("&Columns…"),
            self.act_duplicates: self.tr("Find &duplicates…"),
            self.act_search: self.tr("&Search"),
            self.act_about: self.tr("&About"),
            self.act_export: self.tr("&Export list…"),
        }
        for action, text in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = text.replace("&", "").rstrip("…")
            action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        # every kind of SEARCH_KINDS: companies and contacts, leads, deals, products, quotations and orders
        # (the Orders tab's documents, by number too) and cases
        self.search_edit.setPlaceholderText(self.tr("Search customers, leads, deals, products, orders, cases (Ctrl+K)"))
        self.search_popup.no_match_text = self.tr("Nothing found")
        self.search_popup.hint_text = self.tr("Enter opens the record · Shift+Enter opens the Customer 360 page")
        self.search_edit.setToolTip(self.search_popup.hint_text)  # the hint row can be below a long list
        self.undo_button.setText(self.tr("Undo"))
        titles = {"accounts": self.tr("Accounts"), "contacts": self.tr("Contacts"), "leads": self.tr("Leads"),
                  "opportunities": self.tr("Deals"), "products": self.tr("Products"), "orders": self.tr("Orders"),
                  "cases": self.tr("Cases"), "activities": self.tr("Activities"), "calendar": self.tr("Calendar"),
                  "anniversaries": self.tr("Anniversaries"), "marketing": self.tr("Marketing"),
                  "reports": self.tr("Reports"), "sync": self.tr("Sync")}
        for key, title in titles.items():
            self.tabs.setTabText(self.tabs.indexOf(self.slots[key]), title)
        self._alert_badge(self.alert_count)
        self._update_counts()
        self._update_user()
        self._update_title()

    # --- tabs -----------------------------------------------------------------------------

    def record_tabs(self) -> list[RecordTab]:
        """Every record list (building those not shown yet)."""
        return [self.leads_tab, self.opportunities_tab, self.products_tab, self.accounts_tab, self.contacts_tab,
                *self.orders_tab.page_list(), self.cases_tab]

    def _built_record_tabs(self) -> list[RecordTab]:
        """The record lists built so far: the others have no state, form or rows to act on yet."""
        orders = self.slots["orders"].built
        pages: list[RecordTab] = orders.page_list() if orders is not None else []  # type: ignore[attr-defined]
        return [t for t in self.built_tabs() if isinstance(t, RecordTab)] + pages

    def _built(self, *keys: str) -> list[QWidget]:
        return [tab for key in keys if (tab := self.slots[key].built) is not None]

    def _current_widget(self) -> QWidget:
        """The tab shown, or on the Orders tab the page shown (a list of its own)."""
        widget = self.tabs.currentWidget()
        return widget.current_page() if widget is self.slots["orders"].built else widget  # type: ignore[attr-defined]

    def current_tab(self) -> RecordTab:
        widget = self._current_widget()
        return widget if isinstance(widget, RecordTab) else self.accounts_tab

    def acting_tab(self) -> RecordTab | MyDayTab:
        """The tab that New, Edit and Delete act on: the current one when it is a list."""
        widget = self._current_widget()
        acts = isinstance(widget, RecordTab) or widget is self.slots["activities"].built
        return widget if acts else self.accounts_tab  # type: ignore[return-value]

    def tab_for(self, kind: str) -> RecordTab:
        tabs: dict[str, Callable[[], RecordTab]] = {
            "contact": lambda: self.contacts_tab, "lead": lambda: self.leads_tab,
            "opportunity": lambda: self.opportunities_tab, "product": lambda: self.products_tab,
            "quotation": lambda: self.orders_tab.quotations, "sales_order": lambda: self.orders_tab.orders,
            "case": lambda: self.cases_tab}
        return tabs.get(kind, lambda: self.accounts_tab)()

    def _tab_changed(self) -> None:
        widget = self._current_widget()
        on_records = isinstance(widget, RecordTab)
        for action in (self.act_new, self.act_edit, self.act_delete, self.act_export):
            action.setEnabled(on_records or widget is self.slots["activities"].built)
        for action in (self.act_filter, self.act_columns):
            action.setEnabled(on_records)  # they act on a lazy list: the Sync and Activities tabs have none
        self.env.prefs.set_current_tab(getattr(self.tabs.currentWidget(), "NAME", "accounts"))

    def show_list(self, tab: RecordTab) -> None:
        """Bring a list to the front (a page of the Orders tab inside its tab)."""
        orders = self.slots["orders"].built
        if orders is not None and tab in orders.page_list():  # type: ignore[attr-defined]
            self.tabs.setCurrentWidget(orders)
            orders.reveal(tab)  # type: ignore[attr-defined]
        else:
            self.tabs.setCurrentWidget(tab)

    def open_record(self, kind: str, record_id: str) -> bool:
        """Switch to the record's tab, select it in the list and show its detail."""
        tab = self.tab_for(kind)
        self.show_list(tab)
        found = tab.show_record(record_id)
        tab.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return found

    def open_alert_rules(self) -> AlertRulesDialog:
        """The alert rules' editor (the owner and managers)."""
        from crm_desktop.views.alerts.rules_dialog import AlertRulesDialog

        dialog = AlertRulesDialog(self.env, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _alert_badge(self, count: int) -> None:
        """The Alerts tab's title with the count of open alerts: "Alerts (3)"."""
        self.alert_count = count
        tab = self.slots["alerts"].built
        if tab is not None:
            tab.refresh_when_shown()  # type: ignore[attr-defined]  # a snooze ran out, a round found more
        title = self.tr("Alerts")
        self.tabs.setTabText(self.tabs.indexOf(self.slots["alerts"]), f"{title} ({count:,})" if count else title)

    def open_customer_360(self, kind: str, record_id: str) -> Customer360Page | None:
        """The customer 360 page of an account or contact, as a closable tab."""
        return open_customer_360(self, kind, record_id)

    def open_activity(self, activity_id: str, occurrence: datetime | None = None) -> ActivityDialog:
        """An activity's form (a series at one occurrence, office-local start), e.g. from a reminder."""
        from crm_desktop.views.activities.dialog import ActivityDialog

        dialog = ActivityDialog(self.env, self, activity_id=activity_id, occurrence=occurrence)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_quotation(self, preset: dict[str, str]) -> QWidget:
        """"New quotation…" on a customer or deal: the form, prefilled; once saved, the quotation is shown."""
        dialog = self.orders_tab.quotations.new_for(**preset)
        dialog.accepted.connect(lambda: dialog.record_id and self.open_record("quotation", dialog.record_id))
        return dialog

    def _new_contact_for(self, account_id: str, account_name: str) -> None:
        self.contacts_tab.new_contact_for(account_id, account_name)

    def rebuild_tabs(self) -> None:
        """Build the tabs again (new language or date style): every text goes through tr() anew.

        Nothing is lost: records are saved, dialogs are closed first, and each tab's filter and
        selection are carried over. Tabs never shown stay unbuilt.
        """
        current = self.tabs.currentIndex()
        customers = close_customer_pages(self)  # opened again below, in the new language
        built = [key for key, slot in self.slots.items() if slot.built is not None]
        states = {}
        for tab in self._built_record_tabs():
            tab.close_dialogs()
            tab.save_state()
            states[tab.NAME] = tab.state()
            self.env.bus.changed.disconnect(tab.on_changes)
        for tab in self._built("activities", "calendar"):
            tab.close_dialogs()  # type: ignore[attr-defined]
        for tab in self._built("activities", "calendar", "reports", "alerts"):
            self.env.bus.changed.disconnect(tab.on_changes)  # type: ignore[attr-defined]
        old = list(self.slots.values())
        self.tabs.blockSignals(True)
        self.tabs.clear()
        for slot in old:
            slot.hide()
            slot.setParent(None)
            slot.deleteLater()
        self._build_tabs()
        self.tabs.blockSignals(False)
        for key in built:
            self.slots[key].content()
        for tab in self._built_record_tabs():
            if tab.NAME in states:
                tab.restore_state(states[tab.NAME])
        for kind, record_id in customers:
            self.open_customer_360(kind, record_id)
        self.tabs.setCurrentIndex(min(current, self.tabs.count() - 1))
        self._retranslate()

    def offer_monthly_report(self) -> MonthOfferBar | None:
        """The first start in a new month offers last month's report, once (see views/reports/month_offer.py)."""
        month = month_to_offer(self.env.prefs, self.env.today())
        if month is None:
            return None
        bar = MonthOfferBar(month, self.env.lang, self.env.buddhist)
        bar.open_report.connect(self.open_monthly_report)
        bar.destroyed.connect(lambda *_: setattr(self, "month_offer", None))
        self.central_layout.insertWidget(0, bar)
        self.month_offer = bar
        return bar

    def open_monthly_report(self, month: str) -> None:
        """The Reports tab's monthly report page, previewing `month`."""
        self.tabs.setCurrentWidget(self.reports_tab)
        self.reports_tab.open_monthly_report(month)

    # --- actions --------------------------------------------------------------------------

    def new_record(self) -> object:
        return self.acting_tab().new_record()

    def edit_record(self) -> object:
        return self.acting_tab().edit_record()

    def delete_selected(self) -> None:
        self.acting_tab().delete_selected()

    def refresh(self) -> None:
        """Every list and count read again (a tab not built yet reads when it is first shown)."""
        for tab in self._built_record_tabs():
            tab.refresh()
        for other in self._built("activities", "calendar", "sync", "anniversaries", "reports", "alerts"):
            other.reload()  # type: ignore[attr-defined]
        self._update_counts()
        self._update_title()
        self._update_user()

    def focus_filter(self) -> None:
        self.current_tab().focus_filter()

    def export_list(self) -> object:
        """File > Export list…: the list shown, as filtered and sorted, with its columns shown."""
        return self.acting_tab().export_list()

    def choose_columns(self) -> object:
        return self.current_tab().table.choose_columns()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def undo_delete(self) -> ChangeSet | None:
        """Edit > Undo: take back the last delete or import (a slow one in the background: then None)."""
        pending = self.env.undo.take()
        if pending is None:
            return None
        done = (self.tr("Undone: %1") if pending.undo_text else self.tr("Restored: %1")).replace("%1", pending.label)
        if not pending.slow:
            return perform(self, self.env.bus, self.env.lang, pending.restore, description=done)
        bus, lang = self.env.bus, self.env.lang
        self.keep_task(run_task(self, lambda _progress: pending.restore(), title=self.tr("Undo"),
                                label=pending.undo_text.replace("&", "") + "…", cancellable=False,
                                on_done=lambda result: bus.publish(changes_in(result), done),
                                on_error=lambda exc: show_error(self, exc, lang)))
        return None

    def open_settings(self) -> SettingsDialog | None:
        """Settings, only while no record form is open (a language switch rebuilds the tabs)."""
        if self.settings_dialog is not None and self.settings_dialog.isVisible():
            self.settings_dialog.raise_()
            return self.settings_dialog
        for tab in [*self._built_record_tabs(), *self._built("activities", "calendar")]:
            if tab.dialog is not None and tab.dialog.isVisible():  # type: ignore[attr-defined]
                tab.dialog.raise_()  # type: ignore[attr-defined]  # finish or cancel the open form first
                return None
        from crm_desktop.views.settings.dialog import SettingsDialog  # its pages load when first opened

        dialog = SettingsDialog(self.env, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.restored.connect(self.reload_after_restore)
        dialog.destroyed.connect(lambda *_: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def open_connect(self) -> QDialog:
        """Connect to an office server (or go back to this computer's file) from the next start on."""
        from crm_desktop.views.server.connect_dialog import ConnectDialog  # loads when first used

        dialog = ConnectDialog(self.env.prefs, self.env.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.offer_restart(dialog.address))
        dialog.open()
        return dialog

    def offer_restart(self, address: str) -> None:
        """The app keeps one database while it runs: the new choice needs a new start, offered now."""
        where = address or self.tr("the database file on this computer")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Connect to an office server"),
                          self.tr("crm_desktop works on {where} from its next start. Restart it now?").format(
                              where=where),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("restartBox")
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self.restart() if box.clickedButton() is yes else None)
        box.open()

    def restart(self) -> None:
        """Start the app again as it was started, then close this one (which saves what it holds)."""
        if QProcess.startDetached(sys.executable, sys.orig_argv[1:])[0]:
            self.close()

    def apply_settings(self, dialog: SettingsDialog) -> None:
        outcome = dialog.outcome
        if outcome.language_changed and self.language is not None:
            self.language.apply(self.env.prefs.language)
        if outcome.language_changed or outcome.era_changed:
            self.rebuild_tabs()
            if self.reminders.window is not None:
                self.reminders.window.retranslate()
        if outcome.user_changed:
            self._update_user()
            self.reminders.user_changed()
            self.alerts.recount()
        if outcome.company_changed:
            self._update_title()
        self.last_action_label.setText(self.tr("Settings saved"))

    def open_import(self) -> ImportWizard:
        """File > Import…: the import wizard (one at a time)."""
        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            return self.import_wizard
        from crm_desktop.views.imports.wizard import ImportWizard  # its readers load when first used

        wizard = ImportWizard(self.env, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.destroyed.connect(lambda *_: setattr(self, "import_wizard", None))
        self.import_wizard = wizard
        wizard.open()
        return wizard

    def find_duplicates(self) -> DuplicatesDialog:
        """Edit > Find duplicates: review groups of likely duplicates and merge them."""
        from crm_desktop.views.duplicates_dialog import open_duplicates

        self.duplicates_dialog = open_duplicates(self.env, self)
        return self.duplicates_dialog

    def show_about(self) -> AboutDialog:
        """Help > About: versions and folders (views/about.py)."""
        from crm_desktop.views.about import AboutDialog

        box = AboutDialog(self.env.ctx, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "about_box", None))
        self.about_box = box
        box.open()
        return box

    # --- search ---------------------------------------------------------------------------

    def _search(self, text: str) -> list[Choice]:
        hits = search_all(self.env.db, text, SEARCH_LIMIT, kinds=SEARCH_KINDS)
        return [
            Choice(h.id, h.title, " · ".join(p for p in (h.subtitle, format_phone(h.phone)) if p), h.kind)
            for h in hits
        ]

    def _search_chosen(self, choice: Choice) -> None:
        self.open_record(choice.kind, choice.id)

    def _search_chosen_360(self, choice: Choice) -> None:
        """Shift+Enter: an account's or contact's 360 page (a lead or deal opens as with Enter)."""
        if self.open_customer_360(choice.kind, choice.id) is None:
            self.open_record(choice.kind, choice.id)

    # --- status ---------------------------------------------------------------------------

    def _on_changes(self, changes: ChangeSet) -> None:
        counted = (changes[Entity.ACCOUNT], changes[Entity.CONTACT])
        if any(part.created or part.deleted for part in counted):
            self._update_counts()
        if Entity.SETTING in changes:
            self._update_title()

    def _action_done(self, text: str) -> None:
        self.last_action_label.setText(text)

    def _undo_available(self, pending: Undoable | None) -> None:
        self.act_undo.setEnabled(pending is not None)
        self.act_undo.setText(self._undo_text(pending))
        self.undo_label.setVisible(pending is not None)
        self.undo_button.setVisible(pending is not None)
        if pending is not None:
            self.undo_label.setText(f"{pending.label} —")
            self.last_action_label.clear()

    def _undo_text(self, pending: Undoable | None) -> str:
        """Edit > Undo names what it takes back: "Undo import of customers.xlsx (1,240 records)"."""
        return pending.undo_text if pending is not None and pending.undo_text else self.tr("&Undo delete")

    def _update_counts(self) -> None:
        db = self.env.db
        self.counts_label.setText(
            self.tr("Accounts: %1 · Contacts: %2")
            .replace("%1", f"{account_count(db):,}")
            .replace("%2", f"{contact_count(db):,}")
        )

    def _update_user(self) -> None:
        names = {u.id: u.name for u in users(self.env.db, active_only=False)}
        name = names.get(self.env.ctx.user_id, "")
        self.user_label.setText(self.tr("User: %1").replace("%1", name) if name else "")
        self.act_import.setEnabled(self.env.may(IMPORT))  # the import service refuses it anyway
        for tab in self._built_record_tabs():
            tab.update_buttons()

    def _update_title(self) -> None:
        company = company_name(self.env.ctx.uow())
        self.setWindowTitle(f"{company} — CRM" if company else "CRM")

    # --- background work ------------------------------------------------------------------

    def keep_task(self, task: Task) -> Task:
        """Hold a reference to a running task (its signals reach this window) until it ends."""
        self.tasks.append(task)
        task.ended.connect(lambda: self.tasks.remove(task) if task in self.tasks else None)
        task.ended.connect(task.deleteLater)
        return task

    def reload_everything(self) -> None:
        """After bulk work (sample data, an import): every list, count and pick list again."""
        self.refresh()

    def reload_after_restore(self, done: Restored | None = None) -> None:
        """A backup replaced every record: forget Undo, build the tabs again (their pick lists too)."""
        self.env.undo.forget()
        self.rebuild_tabs()
        self.reminders.check()
        self.alerts.scan(full=True)
        self.last_action_label.setText(self.tr("Backup restored; the data it replaced was backed up first"))
        if done is not None:
            from crm_desktop.views.settings.backups_page import tell_if_settings_lost

            tell_if_settings_lost(self, done)

    # --- closing --------------------------------------------------------------------------

    def save_state(self) -> None:
        prefs = self.env.prefs
        prefs.set_window_geometry(self.saveGeometry())
        prefs.set_window_state(self.saveState())
        prefs.set_current_tab(getattr(self.tabs.currentWidget(), "NAME", "accounts"))
        for tab in self._built_record_tabs():
            tab.save_state()
        prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for task in list(self.tasks):
            task.cancel()
        self.reminders.timer.stop()
        self.alerts.stop()
        self.other_desks.stop()
        self.search_popup.hide()
        self.save_state()
        super().closeEvent(event)

