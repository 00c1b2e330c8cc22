"""The segment editor: the conditions of a segment, a live count while editing (counted off the GUI thread,
a moment after the last change), and what to do with it: save it, save it as a static list, add its
people to a campaign, export them (only those who agreed to marketing; the dialog says how many were
left out)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.provinces import REGIONS
from crm_desktop.queries.campaigns import campaigns
from crm_desktop.queries.segments import (
    RfmGroups,
    SegmentCount,
    SegmentRow,
    Who,
    product_skus,
    products_by_sku,
    resolve_rfm,
    segment_count,
    segment_ids,
)
from crm_desktop.queries.users import staff
from crm_desktop.segment_filter import GENDERS, INCOME_BANDS, RFM_CLASSES, Bought, SegmentFilter, parse_filter
from crm_desktop.services.campaign_members import add_members
from crm_desktop.services.segments import SegmentInput, freeze_segment, save_segment
from crm_desktop.services.validation import provinces
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import show_error, show_warning
from crm_desktop.ui.forms import MoneyEdit
from crm_desktop.ui.tasks import Task, run_task
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.contacts.labels import income_label
from crm_desktop.views.leads.actions import source_keys
from crm_desktop.views.leads.labels import source_label
from crm_desktop.views.marketing.widgets import add_buttons, headline

COUNT_DELAY_MS = 300


def region_labels() -> dict[str, str]:
    return {
        "north": QCoreApplication.translate("Segments", "North"),
        "northeast": QCoreApplication.translate("Segments", "Northeast"),
        "central": QCoreApplication.translate("Segments", "Central"),
        "east": QCoreApplication.translate("Segments", "East"),
        "west": QCoreApplication.translate("Segments", "West"),
        "south": QCoreApplication.translate("Segments", "South"),
    }


def rfm_labels() -> dict[str, str]:
    return {
        "top": QCoreApplication.translate("Segments", "Top customers"),
        "at_risk": QCoreApplication.translate("Segments", "At risk"),
        "other": QCoreApplication.translate("Segments", "Other customers"),
        "none": QCoreApplication.translate("Segments", "No purchase in 12 months"),
    }


def gender_labels() -> dict[str, str]:
    return {
        "female": QCoreApplication.translate("Segments", "Women"),
        "male": QCoreApplication.translate("Segments", "Men"),
        "other": QCoreApplication.translate("Segments", "Other"),
    }


def _checks(items: list[tuple[str, str]], height: int = 0) -> QListWidget:
    box = QListWidget()
    for key, text in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
    if height:
        box.setMaximumHeight(height)
    return box


def _checked(box: QListWidget) -> tuple[str, ...]:
    return tuple(str(box.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(box.count())
                 if box.item(i).checkState() == Qt.CheckState.Checked)


def _check(box: QListWidget, keys: tuple[str, ...]) -> None:
    for i in range(box.count()):
        item = box.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in keys
                           else Qt.CheckState.Unchecked)


def _words(edit: QLineEdit) -> tuple[str, ...]:
    return tuple(w.strip() for w in edit.text().replace("،", ",").split(",") if w.strip())


class SegmentEditor(QDialog):
    """A new segment (row None) or a saved one; a static list shows its members' count, not conditions."""

    def __init__(self, env: ViewEnv, row: SegmentRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.row = row
        self.rfm: RfmGroups | None = None
        self.counted: SegmentCount | None = None
        self.count_task: Task | None = None
        self.count_again = False
        self.last_message = ""  # what the last export or mail merge said (tests read it)
        self.setObjectName("segmentEditor")
        self.setWindowTitle(self.tr("Segment") if row else self.tr("New segment"))
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.name = QLineEdit(row.name if row else "")
        self.name.setObjectName("segmentName")
        self.name.setPlaceholderText(self.tr("e.g. ผู้หญิง กทม.-นนทบุรี 30-45 ซื้อสกินแคร์"))
        top.addRow(self.tr("Name"), self.name)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Contacts (people)"), "contacts")
        self.kind.addItem(self.tr("Companies"), "accounts")
        top.addRow(self.tr("Segment of"), self.kind)
        layout.addLayout(top)
        columns = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        ages = QHBoxLayout()
        self.age_min, self.age_max = QSpinBox(), QSpinBox()
        for spin in (self.age_min, self.age_max):
            spin.setRange(-1, 130)
            spin.setSpecialValueText(self.tr("any"))
            spin.setValue(-1)
            ages.addWidget(spin)
        self.age_min.setObjectName("segmentAgeMin")
        self.age_max.setObjectName("segmentAgeMax")
        left.addRow(self.tr("Age from / to"), ages)
        self.genders = _checks([(k, gender_labels()[k]) for k in GENDERS], 70)
        left.addRow(self.tr("Gender"), self.genders)
        self.regions = _checks([(k, region_labels()[k]) for k in REGIONS], 90)
        left.addRow(self.tr("Region"), self.regions)
        self.provinces = _checks([(p.name_th, p.name_th if env.lang == "th" else p.name_en) for p in provinces()], 110)
        self.provinces.setObjectName("segmentProvinces")
        left.addRow(self.tr("Province"), self.provinces)
        self.incomes = _checks([(k, income_label(k)) for k in INCOME_BANDS], 70)
        left.addRow(self.tr("Income band"), self.incomes)
        self.interests, self.tags = QLineEdit(), QLineEdit()
        self.interests.setPlaceholderText(self.tr("any of, comma-separated"))
        self.tags.setPlaceholderText(self.tr("any of, comma-separated"))
        left.addRow(self.tr("Interests"), self.interests)
        left.addRow(self.tr("Tags"), self.tags)
        self.consent = QComboBox()
        self.consent.setObjectName("segmentConsent")
        for text, value in ((self.tr("anyone"), None), (self.tr("agreed to marketing"), True),
                            (self.tr("not agreed"), False)):
            self.consent.addItem(text, value)
        right.addRow(self.tr("Marketing consent"), self.consent)
        self.sources = _checks([(k, source_label(k)) for k in source_keys(env)], 80)
        right.addRow(self.tr("Lead source"), self.sources)
        bought = QHBoxLayout()
        self.bought = QCheckBox(self.tr("in the last"))
        self.bought.setObjectName("segmentBought")
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setValue(6)
        self.months.setSuffix(self.tr(" months"))
        bought.addWidget(self.bought)
        bought.addWidget(self.months)
        right.addRow(self.tr("Bought"), bought)
        self.products = QLineEdit()
        self.products.setObjectName("segmentProducts")
        self.products.setPlaceholderText(self.tr("product codes (SKU), comma-separated (empty: anything)"))
        right.addRow(self.tr("Product"), self.products)
        self.categories = QLineEdit()
        self.categories.setObjectName("segmentCategories")
        self.categories.setPlaceholderText(self.tr("product categories, comma-separated (empty: anything)"))
        right.addRow(self.tr("Category"), self.categories)
        self.min_amount = MoneyEdit("bought.min_satang")
        self.min_amount.setPlaceholderText(self.tr("any amount"))
        right.addRow(self.tr("Spent at least (฿)"), self.min_amount)
        self.rfm_box = _checks([(k, rfm_labels()[k]) for k in RFM_CLASSES], 80)
        right.addRow(self.tr("RFM class"), self.rfm_box)
        contact = QHBoxLayout()
        self.last_contact = QComboBox()
        for text, key in ((self.tr("any time"), ""), (self.tr("contacted within"), "within"),
                          (self.tr("not contacted for"), "quiet")):
            self.last_contact.addItem(text, key)
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" days"))
        contact.addWidget(self.last_contact)
        contact.addWidget(self.days)
        right.addRow(self.tr("Last contact"), contact)
        self.owners = _checks([(p.id, p.name) for p in staff(env.db)], 80)
        right.addRow(self.tr("Owner"), self.owners)
        self.count_label = headline("segmentCount")
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        self.save_button, self.static_button, self.campaign_button, self.export_button, _close = add_buttons(
            buttons, (("segmentSave", self.tr("Save"), self.save),
                      ("segmentStatic", self.tr("Save as a static list…"), self.save_static),
                      ("segmentToCampaign", self.tr("Add to campaign…"), self.add_to_campaign),
                      ("segmentExport", self.tr("Export…"), self.export),
                      ("segmentClose", self.tr("Close"), self.reject)))
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COUNT_DELAY_MS)
        self.timer.timeout.connect(self.count_now)
        if row is not None:
            self._fill(row)
        for box in (self.genders, self.regions, self.provinces, self.incomes, self.sources, self.rfm_box, self.owners):
            box.itemChanged.connect(self.changed)
        for edit in (self.interests, self.tags, self.products, self.categories, self.min_amount):
            edit.textChanged.connect(self.changed)
        for spin in (self.age_min, self.age_max, self.months, self.days):
            spin.valueChanged.connect(self.changed)
        for combo in (self.kind, self.consent, self.last_contact):
            combo.currentIndexChanged.connect(self.changed)
        self.bought.toggled.connect(self.changed)
        self.count_now()

    # --- the filter -------------------------------------------------------------------------------

    def _fill(self, row: SegmentRow) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        if row.static:
            for widget in self.findChildren(QListWidget) + self.findChildren(QLineEdit)[1:] + \
                    self.findChildren(QSpinBox) + self.findChildren(QComboBox) + [self.bought]:
                widget.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        try:
            flt = parse_filter(row.filter_json)
        except DomainError as err:
            show_error(self, err, self.env.lang)
            return
        self.age_min.setValue(-1 if flt.age_min is None else flt.age_min)
        self.age_max.setValue(-1 if flt.age_max is None else flt.age_max)
        for box, keys in ((self.genders, flt.genders), (self.regions, flt.regions), (self.provinces, flt.provinces),
                          (self.incomes, flt.income_bands), (self.sources, flt.lead_sources),
                          (self.rfm_box, flt.rfm), (self.owners, flt.owner_ids)):
            _check(box, keys)
        self.interests.setText(", ".join(flt.interests))
        self.tags.setText(", ".join(flt.tags))
        self.consent.setCurrentIndex(max(0, self.consent.findData(flt.consent)))
        if flt.bought is not None:
            self.bought.setChecked(True)
            self.months.setValue(flt.bought.months)
            self.categories.setText(", ".join(flt.bought.categories))
            self.products.setText(", ".join(product_skus(self.env.db, flt.bought.product_ids)))
            self.min_amount.setSatang(flt.bought.min_satang or None)
        if flt.contacted_within_days is not None:
            self.last_contact.setCurrentIndex(1)
            self.days.setValue(flt.contacted_within_days)
        elif flt.quiet_for_days is not None:
            self.last_contact.setCurrentIndex(2)
            self.days.setValue(flt.quiet_for_days)

    def segment_filter(self) -> SegmentFilter:
        kind = str(self.kind.currentData())
        people = kind == "contacts"
        bought = None
        if self.bought.isChecked():
            bought = Bought(months=self.months.value(), product_ids=self._product_ids(),
                            categories=_words(self.categories), min_satang=self.min_amount.satang() or 0)
        last = str(self.last_contact.currentData())
        return SegmentFilter(
            kind=kind,
            age_min=self.age_min.value() if people and self.age_min.value() >= 0 else None,
            age_max=self.age_max.value() if people and self.age_max.value() >= 0 else None,
            genders=_checked(self.genders) if people else (),
            provinces=_checked(self.provinces), regions=_checked(self.regions),
            income_bands=_checked(self.incomes) if people else (),
            interests=_words(self.interests) if people else (), tags=_words(self.tags),
            consent=self.consent.currentData() if people else None,
            lead_sources=_checked(self.sources) if people else (), bought=bought, rfm=_checked(self.rfm_box),
            contacted_within_days=self.days.value() if last == "within" else None,
            quiet_for_days=self.days.value() if last == "quiet" else None, owner_ids=_checked(self.owners))

    def _product_ids(self) -> tuple[str, ...]:
        """The ids of the product codes typed; an unknown code is refused, naming it."""
        skus = _words(self.products)
        found = products_by_sku(self.env.db, skus)
        unknown = [s for s in skus if s not in found]
        if unknown:
            raise ValidationError("bought.product_ids", "There is no product with the code {sku}.", sku=unknown[0])
        return tuple(found[s] for s in skus)

    def who(self) -> Who:
        if self.row is not None and self.row.static:
            return Who.of(self.row)
        return Who(str(self.kind.currentData()), filter=self.segment_filter())

    # --- the live count ------------------------------------------------------------------------

    def changed(self, *_args: Any) -> None:
        self.timer.start()

    def count_now(self) -> None:
        if self.count_task is not None:
            self.count_again = True
            return
        try:
            who = self.who()
        except DomainError as err:
            self.count_label.setText(err.text(self.env.lang))
            return
        self.count_label.setText(self.tr("Counting…") if self.counted is None else self.count_label.text())
        db, today, rfm = self.env.db, self.env.today(), self.rfm

        def work(_progress: Any) -> tuple[SegmentCount, RfmGroups | None]:
            groups = resolve_rfm(db, who, today, rfm)
            return segment_count(db, who, today, groups), groups

        self.count_task = Task(self, work, show_progress=False)
        self.count_task.finished.connect(self._counted)
        self.count_task.failed.connect(self._count_failed)
        self.count_task.ended.connect(self._count_ended)
        self.count_task.start()

    def _counted(self, result: tuple[SegmentCount, RfmGroups | None]) -> None:
        self.counted, groups = result
        self.rfm = groups or self.rfm
        counted = self.counted
        if counted.total == 0:
            text = self.tr("No one matches these conditions.")
        elif self.who().kind == "contacts":
            text = self.tr("%1 people match; %2 agreed to marketing").replace(
                "%1", f"{counted.total:,}").replace("%2", f"{counted.with_consent:,}")
        else:
            text = self.tr("%1 companies match").replace("%1", f"{counted.total:,}")
        self.count_label.setText(text)

    def _count_failed(self, exc: BaseException) -> None:
        self.count_label.setText(exc.text(self.env.lang) if isinstance(exc, DomainError) else str(exc))

    def _count_ended(self) -> None:
        self.count_task = None
        if self.count_again:
            self.count_again = False
            self.count_now()

    # --- actions ---------------------------------------------------------------------------------

    def _name(self) -> str:
        return self.name.text().strip()

    def save(self) -> None:
        try:
            data = SegmentInput(self._name(), self.segment_filter())
        except DomainError as err:
            show_error(self, err, self.env.lang)
            return
        segment_id = self.row.id if self.row is not None else None
        result = perform(self, self.env.bus, self.env.lang,
                         lambda: save_segment(self.env.ctx.uow(), data, segment_id),
                         description=self.tr("Segment %1 saved").replace("%1", data.name))
        if result is not None:
            self.accept()

    def _ids(self, *, consent_only: bool = False) -> list[str]:
        who, db, today = self.who(), self.env.db, self.env.today()
        return segment_ids(db, who, today, resolve_rfm(db, who, today, self.rfm), consent_only=consent_only)

    def save_static(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as a static list"),
                                        self.tr("Name of the list (its members stay as they are now):"),
                                        text=self._name())
        if not ok:
            return
        who = self.who()
        ctx = self.env.ctx

        def work(_progress: Any) -> Any:
            return freeze_segment(ctx.uow(), name, who.kind, self._ids())

        run_task(self, work, title=self.tr("Save as a static list"), label=self.tr("Saving the list…"),
                 cancellable=False, on_done=self._published, on_error=self._failed)

    def add_to_campaign(self) -> None:
        if self.who().kind != "contacts":
            show_warning(self, self.tr("Campaign members are people: use a segment of contacts."))
            return
        rows = [c for c in campaigns(self.env.db, lead_counts=False) if c.status != "done"]
        if not rows:
            show_warning(self, self.tr("There is no planned or active campaign. Add one in the Marketing tab."))
            return
        names = [c.name for c in rows]
        name, ok = QInputDialog.getItem(self, self.tr("Add to campaign"), self.tr("Campaign:"), names, 0, False)
        if not ok:
            return
        campaign_id = rows[names.index(name)].id
        ctx = self.env.ctx

        def work(_progress: Any) -> Any:
            return add_members(ctx.uow(), campaign_id, self._ids())

        run_task(self, work, title=self.tr("Add to campaign"), label=self.tr("Adding the members…"),
                 cancellable=False, on_done=self._published, on_error=self._failed)

    def export(self) -> None:
        from crm_desktop.exchange.segments import export_segment

        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export segment"), f"{self._name() or 'segment'}.xlsx",
                                                   self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;vCard (*.vcf)"))
        if not path:
            return
        dest = Path(path)
        fmt = dest.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv", "vcf"):
            fmt = "csv" if "csv" in chosen else "vcf" if "vcf" in chosen else "xlsx"
            dest = dest.with_suffix(f".{fmt}")
        who, db, today, lang = self.who(), self.env.db, self.env.today(), self.env.lang

        def work(_progress: Any) -> Any:
            return export_segment(db, who, today, dest, fmt, lang=lang, rfm=self.rfm, force=True)

        run_task(self, work, title=self.tr("Export segment"), label=self.tr("Exporting…"), cancellable=False,
                 on_done=self._exported, on_error=self._failed)

    def _exported(self, result: Any) -> None:
        text = self.tr("%1 records written to %2.").replace("%1", f"{result.export.records:,}").replace(
            "%2", str(result.export.path))
        if result.left_out:
            text += " " + self.tr("%1 people without marketing consent were left out.").replace(
                "%1", f"{result.left_out:,}")
        show_warning(self, text, title=self.tr("Export segment"))
        self.last_message = text

    def _published(self, changes: Any) -> None:
        self.env.bus.publish(changes.by(self))
        self.count_now()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.env.lang)
