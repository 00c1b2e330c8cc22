"""The Accounts tab: companies (B2B) with their profile, children and contacts beside the list."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.accounts import (
    AccountFilter,
    AccountRow,
    account_detail,
    account_head,
    account_keys,
    account_rows,
)
from crm_desktop.queries.lookups import account_values, users
from crm_desktop.services.accounts import delete_accounts, restore_accounts
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.forms import ProvinceCombo, select_data
from crm_desktop.ui.table_model import CENTER, Column
from crm_desktop.views.anniversaries.dates_box import CustomDatesBox
from crm_desktop.views.common import (
    DetailForm,
    ViewEnv,
    branch_text,
    format_phone,
    format_tax_id,
    join_address,
)
from crm_desktop.views.list_export import local_cell
from crm_desktop.views.record_tab import RecordTab
from crm_desktop.views.timeline import TimelineView

if TYPE_CHECKING:
    from crm_desktop.services.activities.edit import ActivityInput

ID_ROLE = Qt.ItemDataRole.UserRole


class AccountsTab(RecordTab):
    ENTITY = Entity.ACCOUNT
    DELETE = staticmethod(delete_accounts)
    RESTORE = staticmethod(restore_accounts)
    NAME = "accounts"
    QUOTES = True
    open_contact = Signal(str)
    new_contact_for = Signal(str, str)  # account id, account name

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        self._detail_id: str | None = None
        super().__init__(env, parent)

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        env = self.env
        return [
            Column("name", self.tr("Name"), lambda r: r.name, width=260),
            Column("tax_id", self.tr("Tax ID"), lambda r: format_tax_id(r.tax_id), width=140, kind="code"),
            Column("branch", self.tr("Branch"), lambda r: branch_text(r.branch_code), CENTER, sortable=False,
                   width=90),
            Column("industry", self.tr("Industry"), lambda r: r.industry, width=130),
            Column("segment", self.tr("Segment"), lambda r: r.segment, width=100),
            Column("phone", self.tr("Phone"), lambda r: format_phone(r.phone), width=120, kind="code"),
            Column("email", self.tr("E-mail"), lambda r: r.email, width=180),
            Column("province", self.tr("Province"), lambda r: r.province, width=120),
            Column("owner_name", self.tr("Owner"), lambda r: r.owner_name, width=110),
            Column("parent_name", self.tr("Parent"), lambda r: r.parent_name, width=180),
            Column("tags", self.tr("Tags"), lambda r: r.tags, width=140),
            Column("updated_at", self.tr("Updated"), lambda r: env.datetime_text(r.updated_at), width=130,
                   cell=lambda r: local_cell(r.updated_at), kind="datetime"),
        ]

    def current_filter(self) -> AccountFilter:
        return AccountFilter(
            text=self.filter_text.text().strip(),
            province=self.province_filter.province(),
            segment=str(self.segment_filter.currentData() or ""),
            owner_id=str(self.owner_filter.currentData() or ""),
        )

    def keys(self, sort: str, descending: bool) -> list[str]:
        return account_keys(self.env.db, self.current_filter(), sort, descending)

    def head(self, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
        return account_head(self.env.db, self.current_filter(), sort, descending, limit)

    def rows(self, keys: Sequence[str]) -> Sequence[AccountRow]:
        return account_rows(self.env.db, keys)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.province_filter = ProvinceCombo(self.env.lang, editable=False, empty_text=self.tr("All provinces"))
        self.province_filter.setObjectName("provinceFilter")
        self.province_filter.currentIndexChanged.connect(self.filter_changed)
        self.segment_filter = QComboBox()
        self.segment_filter.setObjectName("segmentFilter")
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.refresh_filter_choices()
        self.segment_filter.currentIndexChanged.connect(self.filter_changed)
        self.owner_filter.currentIndexChanged.connect(self.filter_changed)
        for widget in (self.province_filter, self.segment_filter, self.owner_filter):
            bar.addWidget(widget)

    def refresh_filter_choices(self) -> None:
        for combo, items in (
            (self.segment_filter, [(self.tr("All segments"), "")]
             + [(v, v) for v in account_values(self.env.db, "segment")]),
            (self.owner_filter, [(self.tr("All owners"), "")] + [(u.name, u.id) for u in users(self.env.db)]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            select_data(combo, current or "")
            combo.blockSignals(False)

    def clear_filters(self) -> None:
        super().clear_filters()
        for combo in (self.province_filter, self.segment_filter, self.owner_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def filter_placeholder(self) -> str:
        return self.tr("Filter by name, tax ID, phone or e-mail…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n account(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Accounts")

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n account(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n account(s)", "", count)

    def open_dialog(self, record_id: str | None) -> QDialog:
        from crm_desktop.views.accounts.dialog import AccountDialog  # with its duplicate check: off the start's path

        return AccountDialog(self.env, record_id, parent=self)

    def state(self) -> dict[str, object]:
        state = super().state()
        state["filters"] = (self.province_filter.currentIndex(), self.segment_filter.currentData(),
                            self.owner_filter.currentData())
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        filters = state.get("filters")
        if isinstance(filters, tuple):
            for widget in (self.province_filter, self.segment_filter, self.owner_filter):
                widget.blockSignals(True)
            self.province_filter.setCurrentIndex(int(filters[0]))
            select_data(self.segment_filter, filters[1])
            select_data(self.owner_filter, filters[2])
            for widget in (self.province_filter, self.segment_filter, self.owner_filter):
                widget.blockSignals(False)
            self.apply_filter()
        super().restore_state(state)

    # --- changes of others ----------------------------------------------------------------

    def related_changed(self, changes: ChangeSet) -> None:
        if Entity.CONTACT in changes and self._detail_id is not None:
            self.show_detail(self._detail_id)  # its contact list may have changed

    def after_update(self, ids: tuple[str, ...], old_rows: list[Any]) -> None:
        # Children show their parent's name: refresh the cached rows that showed an old name.
        old_names = {row.name for row in old_rows}
        if old_names:
            self.model.refresh_where(lambda row: row.parent_name in old_names and row.id not in ids)
        self.refresh_filter_choices()

    # --- detail pane ----------------------------------------------------------------------

    def build_detail(self) -> QWidget:
        pane = QWidget()
        pane.setObjectName("accountDetail")
        layout = QVBoxLayout(pane)
        self.add_detail_header(layout)
        self.c360_button = QPushButton(self.tr("Customer 360"))
        self.c360_button.setObjectName("c360Button")
        self.c360_button.setToolTip(self.tr("Everything about this customer on one page: sales, what is open, "
                                            "what to offer next"))
        self.c360_button.clicked.connect(lambda: self._detail_id and self.open_360.emit("account", self._detail_id))
        self.detail_buttons.insertWidget(1, self.c360_button, 0, Qt.AlignmentFlag.AlignTop)

        self.detail = DetailForm()
        d = self.detail
        d.add("tax_id", self.tr("Tax ID"))
        d.add("branch", self.tr("Branch"))
        d.add("phone", self.tr("Phone"))
        d.add("email", self.tr("E-mail"))
        d.add("website", self.tr("Website"))
        d.add("address", self.tr("Address"))
        d.add("founded", self.tr("Founded"))
        parent_label = d.add("parent", self.tr("Parent company"))
        parent_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        parent_label.setTextFormat(Qt.TextFormat.RichText)
        parent_label.linkActivated.connect(self._link)
        d.add("owner", self.tr("Owner"))
        d.add("tags", self.tr("Tags"))
        d.add("notes", self.tr("Notes"))
        d.add("updated", self.tr("Updated"))
        layout.addWidget(d)
        self.dates_box = CustomDatesBox(self.env)
        layout.addWidget(self.dates_box)

        self.children_label = QLabel(self.tr("Branches and subsidiaries"))
        self.children_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.children_label)
        self.children_list = QListWidget()
        self.children_list.setObjectName("childrenList")
        self.children_list.setMaximumHeight(110)
        self.children_list.itemActivated.connect(lambda item: self.show_record(item.data(ID_ROLE)))
        layout.addWidget(self.children_list)

        contacts_bar = QHBoxLayout()
        self.contacts_label = QLabel(self.tr("Contacts"))
        self.contacts_label.setStyleSheet("font-weight: bold;")
        contacts_bar.addWidget(self.contacts_label)
        contacts_bar.addStretch(1)
        self.add_contact_button = QPushButton(self.tr("Add contact…"))
        self.add_contact_button.setObjectName("addContactButton")
        self.add_contact_button.clicked.connect(self._add_contact)
        contacts_bar.addWidget(self.add_contact_button)
        layout.addLayout(contacts_bar)
        self.contacts_list = QListWidget()
        self.contacts_list.setObjectName("contactsList")
        self.contacts_list.setToolTip(self.tr("Double-click a contact to open it in the Contacts tab."))
        self.contacts_list.itemActivated.connect(lambda item: self.open_contact.emit(item.data(ID_ROLE)))
        self.contacts_list.itemDoubleClicked.connect(lambda item: self.open_contact.emit(item.data(ID_ROLE)))
        layout.addWidget(self.contacts_list, 1)
        self.timeline = TimelineView(self.env, self.ENTITY)
        layout.addWidget(self.timeline)

        self.empty_label = QLabel(self.tr("Select an account to see its details."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        return pane

    def _link(self, href: str) -> None:
        kind, _, record_id = href.partition(":")
        if kind == "account" and record_id:
            self.show_record(record_id)

    def quotation_preset(self) -> dict[str, str] | None:
        return {"account_id": self._detail_id} if self._detail_id else None

    def row_actions(self, menu: QMenu, record_id: str) -> None:
        menu.addAction(self.tr("Customer 360"), lambda: self.open_360.emit("account", record_id))

    def activity_preset(self) -> ActivityInput | None:
        from crm_desktop.services.activities.edit import ActivityInput  # with the repeat rules: when asked

        return ActivityInput(kind="call", subject="", account_id=self._detail_id) if self._detail_id else None

    def _add_contact(self) -> None:
        if self._detail_id is not None:
            self.new_contact_for.emit(self._detail_id, self.detail_title.text())

    def show_detail(self, record_id: str | None) -> None:
        detail = account_detail(self.env.db, record_id) if record_id else None
        self._detail_id = detail.id if detail else None
        self.dates_box.show_for(account_id=self._detail_id)
        shown = detail is not None
        self.timeline.show_record(self._detail_id)
        for widget in (self.detail_title, self.detail_subtitle, self.detail, self.children_label,
                       self.children_list, self.contacts_label, self.contacts_list, self.add_contact_button,
                       self.new_activity_button, self.new_quotation_button, self.c360_button):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self.children_list.clear()
        self.contacts_list.clear()
        if detail is None:
            self.detail_title.clear()
            self.detail.clear()
            return
        env = self.env
        self.detail_title.setText(detail.name)
        self.detail_subtitle.setText(" · ".join(p for p in (detail.industry, detail.segment) if p))
        d = self.detail
        d.set("tax_id", format_tax_id(detail.tax_id))
        d.set("branch", branch_text(detail.branch_code))
        d.set("phone", format_phone(detail.phone))
        d.set("email", detail.email)
        d.set("website", detail.website)
        d.set("address", join_address(detail.address_line, detail.subdistrict, detail.district, detail.province,
                                      detail.postcode))
        d.set("founded", env.date_text(detail.founded_on))
        d.set("parent", f'<a href="account:{html.escape(detail.parent_id)}">{html.escape(detail.parent_name)}</a>'
              if detail.parent_id and detail.parent_name else "")
        d.set("owner", detail.owner_name)
        d.set("tags", detail.tags)
        d.set("notes", detail.notes)
        d.set("updated", env.datetime_text(detail.updated_at))
        for child_id, name in detail.children:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, child_id)
            self.children_list.addItem(item)
        self.children_label.setVisible(bool(detail.children))
        self.children_list.setVisible(bool(detail.children))
        self.contacts_label.setText(self.tr("Contacts (%n)", "", len(detail.contacts)))
        for c in detail.contacts:
            parts = [c.name]
            if c.position:
                parts.append(c.position)
            if c.mobile:
                parts.append(format_phone(c.mobile))
            item = QListWidgetItem(" · ".join(parts))
            item.setData(ID_ROLE, c.id)
            item.setToolTip(c.email)
            self.contacts_list.addItem(item)

    def detail_contact_names(self) -> list[str]:
        return [self.contacts_list.item(i).text() for i in range(self.contacts_list.count())]

