"""The Contacts tab: people at accounts (B2B) and private customers (B2C)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.contacts import (
    ContactFilter,
    ContactRow,
    contact_detail,
    contact_head,
    contact_keys,
    contact_rows,
)
from crm_desktop.roles import ERASE
from crm_desktop.services.activities.edit import ActivityInput
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.contacts import delete_contacts, restore_contacts
from crm_desktop.services.validation import format_phone
from crm_desktop.ui.forms import ProvinceCombo
from crm_desktop.ui.table_model import Column
from crm_desktop.views.anniversaries.dates_box import CustomDatesBox
from crm_desktop.views.common import DetailForm, ViewEnv, join_address
from crm_desktop.views.consent import (
    ConsentHistoryBox,
    add_personal_data_action,
    consent_text,
    export_personal_data,
    personal_data_button,
)
from crm_desktop.views.contacts.dialog import ContactDialog
from crm_desktop.views.contacts.labels import gender_label, income_label
from crm_desktop.views.erase import EraseFlow
from crm_desktop.views.list_export import ListSource, local_cell, table_source
from crm_desktop.views.record_tab import RecordTab
from crm_desktop.views.timeline import TimelineView


def age_on(birthday: date | None, today: date) -> int | None:
    if birthday is None:
        return None
    return today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))


class ContactsTab(RecordTab):
    ENTITY = Entity.CONTACT
    DELETE = staticmethod(delete_contacts)
    RESTORE = staticmethod(restore_contacts)
    NAME = "contacts"
    QUOTES = True
    open_account = Signal(str)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        self._detail_id: str | None = None
        super().__init__(env, parent)

    # --- list -----------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        env = self.env
        return [
            Column("name", self.tr("Name"), lambda r: r.name, width=200),
            Column("nickname", self.tr("Nickname"), lambda r: r.nickname, width=90),
            Column("account_name", self.tr("Company"), lambda r: r.account_name, width=220),
            Column("position", self.tr("Position"), lambda r: r.position, width=140),
            Column("mobile", self.tr("Mobile"), lambda r: format_phone(r.mobile), width=120, kind="code"),
            Column("email", self.tr("E-mail"), lambda r: r.email, width=180),
            Column("line_id", self.tr("LINE"), lambda r: r.line_id, width=100),
            Column("province", self.tr("Province"), lambda r: r.province, width=120),
            Column("birthday", self.tr("Birthday"), lambda r: env.date_text(r.birthday), width=100,
                   cell=lambda r: r.birthday, kind="date"),
            Column("owner_name", self.tr("Owner"), lambda r: r.owner_name, width=110),
            Column("tags", self.tr("Tags"), lambda r: r.tags, width=140),
            Column("updated_at", self.tr("Updated"), lambda r: env.datetime_text(r.updated_at), width=130,
                   cell=lambda r: local_cell(r.updated_at), kind="datetime"),
        ]

    def current_filter(self) -> ContactFilter:
        return ContactFilter(
            text=self.filter_text.text().strip(),
            kind=str(self.kind_filter.currentData() or ""),
            province=self.province_filter.province(),
            consent_only=self.consent_filter.isChecked(),
        )

    def keys(self, sort: str, descending: bool) -> list[str]:
        return contact_keys(self.env.db, self.current_filter(), sort, descending)

    def head(self, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
        return contact_head(self.env.db, self.current_filter(), sort, descending, limit)

    def rows(self, keys: Sequence[str]) -> Sequence[ContactRow]:
        return contact_rows(self.env.db, keys)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All contacts"), "")
        self.kind_filter.addItem(self.tr("At a company (B2B)"), "b2b")
        self.kind_filter.addItem(self.tr("Private customers (B2C)"), "b2c")
        self.kind_filter.currentIndexChanged.connect(self.filter_changed)
        self.province_filter = ProvinceCombo(self.env.lang, editable=False, empty_text=self.tr("All provinces"))
        self.province_filter.setObjectName("provinceFilter")
        self.province_filter.currentIndexChanged.connect(self.filter_changed)
        self.consent_filter = QCheckBox(self.tr("Marketing consent"))
        self.consent_filter.setObjectName("consentFilter")
        self.consent_filter.setToolTip(self.tr("Only contacts who agreed to receive marketing"))
        self.consent_filter.toggled.connect(self.filter_changed)
        for widget in (self.kind_filter, self.province_filter, self.consent_filter):
            bar.addWidget(widget)

    def clear_filters(self) -> None:
        super().clear_filters()
        for widget in (self.kind_filter, self.province_filter, self.consent_filter):
            widget.blockSignals(True)
        self.kind_filter.setCurrentIndex(0)
        self.province_filter.setCurrentIndex(0)
        self.consent_filter.setChecked(False)
        for widget in (self.kind_filter, self.province_filter, self.consent_filter):
            widget.blockSignals(False)

    def filter_placeholder(self) -> str:
        return self.tr("Filter by name, nickname, phone, e-mail or LINE…")

    def count_text(self, shown: int) -> str:
        return self.tr("%n contact(s)", "", shown)

    def list_title(self) -> str:
        return self.tr("Contacts")

    def export_source(self) -> ListSource:
        from crm_desktop.exchange.records import cards_by_keys  # with the export, as the other writers

        db = self.env.db
        return table_source(self.list_title(), self.table, self.rows, cards=lambda keys: cards_by_keys(db, keys))

    def delete_question(self, names: list[str], count: int) -> str:
        return self.tr("Delete %n contact(s)?", "", count)

    def deleted_label(self, count: int) -> str:
        return self.tr("Deleted %n contact(s)", "", count)

    def open_dialog(self, record_id: str | None) -> QDialog:
        return ContactDialog(self.env, record_id, parent=self)

    def new_contact_for(self, account_id: str, account_name: str) -> QDialog:
        """New contact already linked to an account (from the account's detail pane)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        dialog = ContactDialog(self.env, None, parent=self, account=(account_id, account_name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._dialog_gone(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def state(self) -> dict[str, object]:
        state = super().state()
        state["filters"] = (self.kind_filter.currentIndex(), self.province_filter.currentIndex(),
                            self.consent_filter.isChecked())
        return state

    def restore_state(self, state: dict[str, object]) -> None:
        filters = state.get("filters")
        if isinstance(filters, tuple):
            for widget in (self.kind_filter, self.province_filter, self.consent_filter):
                widget.blockSignals(True)
            self.kind_filter.setCurrentIndex(int(filters[0]))
            self.province_filter.setCurrentIndex(int(filters[1]))
            self.consent_filter.setChecked(bool(filters[2]))
            for widget in (self.kind_filter, self.province_filter, self.consent_filter):
                widget.blockSignals(False)
            self.apply_filter()
        super().restore_state(state)

    # --- changes of others ----------------------------------------------------------------

    def related_changed(self, changes: ChangeSet) -> None:
        if changes[Entity.ACCOUNT].ids:
            # Rows show their account's name: forget fetched rows; the visible block is re-read.
            self.model.clear_cache()
            if self._detail_id is not None:
                self.show_detail(self._detail_id)

    # --- detail pane ----------------------------------------------------------------------

    def build_detail(self) -> QWidget:
        pane = QWidget()
        pane.setObjectName("contactDetail")
        layout = QVBoxLayout(pane)
        self.add_detail_header(layout)
        self.c360_button = QPushButton(self.tr("Customer 360"))
        self.c360_button.setObjectName("c360Button")
        self.c360_button.setToolTip(self.tr("Everything about this customer on one page: sales, what is open, "
                                            "what to offer next"))
        self.c360_button.clicked.connect(lambda: self._detail_id and self.open_360.emit("contact", self._detail_id))
        self.detail_buttons.insertWidget(1, self.c360_button, 0, Qt.AlignmentFlag.AlignTop)
        self.eraser = EraseFlow(self, self.env, self.ENTITY)
        self.erase_button = QPushButton(self.eraser.action_text())
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(self.env.may(ERASE))  # erase_person refuses the others anyway
        self.erase_button.clicked.connect(lambda: self._detail_id and self._ask_erase(self._detail_id))
        self.detail_buttons.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignTop)
        self.detail_subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.detail_subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.detail_subtitle.linkActivated.connect(self._link)

        self.detail = DetailForm()
        d = self.detail
        d.add("nickname", self.tr("Nickname"))
        d.add("mobile", self.tr("Mobile"))
        d.add("phone", self.tr("Phone"))
        d.add("email", self.tr("E-mail"))
        d.add("line_id", self.tr("LINE ID"))
        d.add("birthday", self.tr("Birthday"))
        d.add("gender", self.tr("Gender"))
        d.add("income", self.tr("Income"))
        d.add("interests", self.tr("Interests"))
        d.add("consent", self.tr("Marketing"))
        d.add("address", self.tr("Address"))
        d.add("owner", self.tr("Owner"))
        d.add("tags", self.tr("Tags"))
        d.add("notes", self.tr("Notes"))
        d.add("updated", self.tr("Updated"))
        layout.addWidget(d)
        self.consent_box = ConsentHistoryBox(self.env, "contact")
        layout.addWidget(self.consent_box)
        self.person_export_button = personal_data_button(self, lambda: self._detail_id and export_personal_data(
            self, self.env, self._detail_id))
        self.detail_buttons.insertWidget(2, self.person_export_button, 0, Qt.AlignmentFlag.AlignTop)
        self.dates_box = CustomDatesBox(self.env)
        layout.addWidget(self.dates_box)
        self.timeline = TimelineView(self.env, self.ENTITY)
        layout.addWidget(self.timeline)
        layout.addStretch(1)
        self.empty_label = QLabel(self.tr("Select a contact to see the details."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        return pane

    def _link(self, href: str) -> None:
        kind, _, record_id = href.partition(":")
        if kind == "account" and record_id:
            self.open_account.emit(record_id)

    def quotation_preset(self) -> dict[str, str] | None:
        return {"contact_id": self._detail_id} if self._detail_id else None

    def row_actions(self, menu: QMenu, record_id: str) -> None:
        menu.addAction(self.tr("Customer 360"), lambda: self.open_360.emit("contact", record_id))
        add_personal_data_action(self, menu, record_id)
        menu.addAction(self.eraser.action_text(), lambda: self._ask_erase(record_id))

    def _ask_erase(self, record_id: str) -> None:
        detail = contact_detail(self.env.db, record_id)
        if detail is not None:
            self.eraser.ask(record_id, detail.name)

    def activity_preset(self) -> ActivityInput | None:
        return ActivityInput(kind="call", subject="", contact_id=self._detail_id) if self._detail_id else None

    def show_detail(self, record_id: str | None) -> None:
        detail = contact_detail(self.env.db, record_id) if record_id else None
        self._detail_id = detail.id if detail else None
        self.dates_box.show_for(contact_id=self._detail_id)
        self.consent_box.show_for(self._detail_id)
        shown = detail is not None
        self.timeline.show_record(self._detail_id)
        for widget in (self.detail_title, self.detail_subtitle, self.detail, self.new_activity_button,
                       self.new_quotation_button, self.c360_button, self.erase_button, self.person_export_button):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        if detail is None:
            self.detail_title.clear()
            self.detail_subtitle.clear()
            self.detail.clear()
            return
        env = self.env
        self.detail_title.setText(detail.name)
        where = html.escape(detail.position)
        if detail.account_id and detail.account_name:
            link = f'<a href="account:{html.escape(detail.account_id)}">{html.escape(detail.account_name)}</a>'
            where = self.tr("%1 at %2").replace("%1", where).replace("%2", link) if where else link
        elif not detail.account_id:
            private = html.escape(self.tr("Private customer"))
            where = f"{where} · {private}" if where else private
        self.detail_subtitle.setText(where)
        d = self.detail
        d.set("nickname", detail.nickname)
        d.set("mobile", format_phone(detail.mobile))
        d.set("phone", format_phone(detail.phone))
        d.set("email", detail.email)
        d.set("line_id", detail.line_id)
        birthday = env.date_text(detail.birthday)
        age = age_on(detail.birthday, env.today())
        if birthday and age is not None:
            birthday = self.tr("%1 (age %2)").replace("%1", birthday).replace("%2", str(age))
        d.set("birthday", birthday)
        d.set("gender", gender_label(detail.gender) if detail.gender else "")
        d.set("income", income_label(detail.income_band) if detail.income_band else "")
        d.set("interests", detail.interests)
        d.set("consent", consent_text(env, detail.marketing_consent, detail.consent_on))
        d.set("address", join_address(detail.address_line, detail.subdistrict, detail.district, detail.province,
                                      detail.postcode))
        d.set("owner", detail.owner_name)
        d.set("tags", detail.tags)
        d.set("notes", detail.notes)
        d.set("updated", env.datetime_text(detail.updated_at))

