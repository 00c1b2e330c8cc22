"""What every screen needs: the application context, preferences, the change bus, Undo, and
small display helpers shared by the lists and detail panes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QGroupBox, QLabel, QLineEdit, QWidget

from crm_desktop.clock import office_time
from crm_desktop.queries.campaigns import CampaignRow, campaigns
from crm_desktop.queries.lookups import OWNERS_ASKED, owners
from crm_desktop.queries.search import search_all
from crm_desktop.roles import KINDS, LIMITED, Action, Role
from crm_desktop.services.app import AppContext
from crm_desktop.services.formatting import format_date, format_money
from crm_desktop.services.logins import acting_role
from crm_desktop.services.validation import format_phone
from crm_desktop.text import join_address as join_address  # re-exported: the tabs import it from here
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.forms import ProvinceCombo
from crm_desktop.ui.labels import WrappedLabel
from crm_desktop.ui.prefs import Prefs
from crm_desktop.ui.search_popup import Choice


def _now(work: Callable[[], object]) -> None:
    work()


@dataclass
class ViewEnv:
    """Passed to every tab and dialog (no globals)."""

    ctx: AppContext
    prefs: Prefs
    bus: ChangeBus
    undo: UndoDelete
    later: Callable[[Callable[[], object]], None] = _now
    """Runs what can wait for the window's first paint (a detail pane's timeline): at once, except
    while the main window starts (`MainWindow.after_first_paint`)."""

    def today(self) -> date:
        """The office's date, from the application clock (fixed in tests)."""
        return self.ctx.today()

    def now(self) -> datetime:
        """Now as naive UTC, as the services store times."""
        return self.ctx.now()

    @property
    def lang(self) -> str:
        return self.prefs.language

    @property
    def buddhist(self) -> bool:
        return self.prefs.buddhist_era

    @property
    def role(self) -> Role:
        """The role of who is working now: screens disable what it may not do (the services decide)."""
        return acting_role(self.ctx)

    def may(self, action: Action) -> bool:
        return self.role in action.allowed

    def may_write(self, entity: str) -> bool:
        return self.role in KINDS[entity].writers

    def may_change(self, entity: str, ids: Sequence[str]) -> bool:
        """Whether the records `ids` may be changed by who works now: their kind, and for sales and staff
        only their own and unassigned ones. Past OWNERS_ASKED records, the kind alone (the service
        checks every row anyway)."""
        role = self.role
        if role not in KINDS[entity].writers:
            return False
        if not KINDS[entity].owned or role not in LIMITED or not ids or len(ids) > OWNERS_ASKED:
            return True
        return owners(self.db, entity, ids) <= {None, self.ctx.user_id}

    @property
    def db(self):  # the Database that queries take (views never import db/ to name its type)
        return self.ctx.database

    def date_text(self, value: date | None) -> str:
        return format_date(value, self.lang, self.buddhist)

    def datetime_text(self, value: datetime | None) -> str:
        return datetime_text(value, self.lang, self.buddhist)


def datetime_text(value: datetime | None, lang: str, buddhist: bool) -> str:
    """A stored (naive UTC) time in the office's time: "23/11/2569 14:05"."""
    if value is None:
        return ""
    local = office_time(value)
    return f"{format_date(local.date(), lang, buddhist)} {local:%H:%M}"


def format_tax_id(value: str) -> str:
    """The way tax ids are printed in Thailand: 0-1055-36061-47-9."""
    if len(value) != 13 or not value.isdigit():
        return value
    return f"{value[0]}-{value[1:5]}-{value[5:10]}-{value[10:12]}-{value[12]}"


def branch_text(code: str) -> str:
    if not code:
        return ""
    if code == "00000":
        return QCoreApplication.translate("AccountsTab", "Head office")
    return code


def record_choices(env: ViewEnv, kind: str, text: str, limit: int = 20, exclude: str | None = None) -> list[Choice]:
    """Records of one kind (account, contact, lead, opportunity) whose name, tax id, phone or e-mail
    contain `text` (index search, LIMITed), for a record picker."""
    hits = search_all(env.db, text, limit, kinds=(kind,))
    return [
        Choice(h.id, h.title, " · ".join(p for p in (h.subtitle, format_phone(h.phone)) if p), kind)
        for h in hits
        if h.kind == kind and h.id != exclude
    ]


def account_choices(env: ViewEnv, text: str, limit: int = 20, exclude: str | None = None) -> list[Choice]:
    return record_choices(env, "account", text, limit, exclude)


def fill_campaigns(combo: QComboBox, env: ViewEnv, kept_id: str | None = None,
                   none_text: str | None = None) -> list[CampaignRow]:
    """Fill a campaign picker (lead and deal forms, scoring rules): the names, each with its id as data.

    `none_text` comes first (data "") when given. The live campaigns follow, plus `kept_id`'s even if
    it was deleted since, so a record still pointing at it keeps the link when saved; an id no
    campaign has (a hand-typed rule value) is listed as it is, for the same reason. Returns the
    campaigns listed.
    """
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, "")
    rows = campaigns(env.db, include_id=kept_id)
    for row in rows:
        combo.addItem(row.name, row.id)
    if kept_id and combo.findData(kept_id) < 0:
        combo.addItem(kept_id, kept_id)
    return rows


def money_text(satang: int | None) -> str:
    """A budget for lists and the detail pane: "฿150,000"."""
    if satang is None:
        return ""
    text = format_money(satang)
    return text[:-3] if text.endswith(".00") else text


# --- detail panes ------------------------------------------------------------------------------


class DetailForm(QFrame):
    """Label/value rows whose values are selectable text; empty values hide their row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.values: dict[str, QLabel] = {}

    def add(self, key: str, label: str) -> QLabel:
        value = WrappedLabel()
        value.setObjectName(f"detail_{key}")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(label, value)
        self.values[key] = value
        return value

    def set(self, key: str, text: str) -> None:
        value = self.values[key]
        value.setText(text)
        self.form.setRowVisible(value, bool(text))

    def clear(self) -> None:
        for key in self.values:
            self.set(key, "")

    def text(self, key: str) -> str:
        return self.values[key].text()


class AddressBox(QGroupBox):
    """The Thai postal address fields, the same in the account and the contact dialog."""

    KEYS = ("address_line", "subdistrict", "district", "province", "postcode")

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Address"))
        self.form = QFormLayout(self)
        self.address_line = QLineEdit()
        self.address_line.setPlaceholderText(self.tr("No., building, soi, road"))
        self.form.addRow(self.tr("Address"), self.address_line)
        self.subdistrict = QLineEdit()
        self.form.addRow(self.tr("Subdistrict (tambon/khwaeng)"), self.subdistrict)
        self.district = QLineEdit()
        self.form.addRow(self.tr("District (amphoe/khet)"), self.district)
        self.province = ProvinceCombo(lang)
        self.form.addRow(self.tr("Province"), self.province)
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(5)
        self.postcode.setPlaceholderText("10110")
        self.form.addRow(self.tr("Postcode"), self.postcode)

    def fields(self) -> list[tuple[str, QWidget]]:
        """(form key, widget) pairs, so a ValidationError can point at its field."""
        return [(key, getattr(self, key)) for key in self.KEYS]

    def fill(self, data: object) -> None:
        """Show the address of a form input (AccountInput or ContactInput)."""
        for key in ("address_line", "subdistrict", "district", "postcode"):
            getattr(self, key).setText(getattr(data, key))
        self.province.setProvince(data.province)

    def values(self) -> dict[str, str]:
        """The address as typed, keyed like the form inputs' fields."""
        return {
            "address_line": self.address_line.text(),
            "subdistrict": self.subdistrict.text(),
            "district": self.district.text(),
            "province": self.province.province(),
            "postcode": self.postcode.text(),
        }
