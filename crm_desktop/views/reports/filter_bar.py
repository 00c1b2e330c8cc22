"""The Reports tab's filter bar: the period (this month, last month, this quarter, this year, any of
the last two years' months, or a range of days) and the narrowing by rep, segment, channel, product
or category and province. `report_filter()` turns it into the ReportFilter every analysis takes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from crm_desktop.errors import ValidationError
from crm_desktop.queries.lookups import account_values, users
from crm_desktop.queries.products import categories, pick_products
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.ui.forms import DateEdit, ProvinceCombo, RecordPicker, select_data
from crm_desktop.ui.search_popup import Choice
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.months import month_key, month_text
from crm_desktop.views.opportunities.labels import CHANNELS, channel_label

MONTHS_BACK = 24  # the months the period list offers by name
CUSTOM = "custom"


def month_start(key: str) -> date:
    year, month = (int(p) for p in key.split("-"))
    return date(year, month, 1)


def period_range(choice: str, today: date) -> tuple[date, date]:
    """[start, end) of a named period: "this_month", "last_month", "this_quarter", "this_year" or "YYYY-MM"."""
    if choice == "this_quarter":
        first = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        return first, month_start(month_key(first, 3))
    if choice == "this_year":
        return date(today.year, 1, 1), date(today.year + 1, 1, 1)
    key = {"this_month": month_key(today), "last_month": month_key(today, -1)}.get(choice, choice)
    return month_start(key), month_start(month_key(month_start(key), 1))


class FilterBar(QWidget):
    """Emits `changed` whenever the filter it describes changes (not for a half-typed date)."""

    changed = Signal()

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("reportFilterBar")
        today = env.today()
        self.period = QComboBox()
        self.period.setObjectName("periodCombo")
        self.period.setMaxVisibleItems(20)
        for label, key in ((self.tr("This month"), "this_month"), (self.tr("Last month"), "last_month"),
                           (self.tr("This quarter"), "this_quarter"), (self.tr("This year"), "this_year")):
            self.period.addItem(label, key)
        self.period.insertSeparator(self.period.count())
        for shift in range(0, -MONTHS_BACK, -1):
            key = month_key(today, shift)
            self.period.addItem(month_text(key, env.lang, env.buddhist), key)
        self.period.insertSeparator(self.period.count())
        self.period.addItem(self.tr("Days from… to…"), CUSTOM)
        self.start = DateEdit("start", buddhist=env.buddhist, lang=env.lang)
        self.start.setObjectName("periodStart")
        self.end = DateEdit("end", buddhist=env.buddhist, lang=env.lang)
        self.end.setObjectName("periodEnd")
        self.start.setDate(period_range("this_month", today)[0])
        self.end.setDate(today)
        self.range_label = QLabel(self.tr("to"))
        self.owner = QComboBox()
        self.owner.setObjectName("repFilter")
        self.segment = QComboBox()
        self.segment.setObjectName("segmentFilter")
        self.channel = QComboBox()
        self.channel.setObjectName("channelFilter")
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.product = RecordPicker(self._products, placeholder=self.tr("Any product…"),
                                    no_match_text=self.tr("No matching product"))
        self.product.setObjectName("productFilter")
        self.product.setMinimumWidth(150)
        self.province = ProvinceCombo(env.lang, empty_text=self.tr("All provinces"))
        self.province.setObjectName("provinceFilter")
        self.province.lineEdit().setPlaceholderText(self.tr("All provinces"))
        self.fill_choices()

        # Two rows: the period (its days shown only for a range), then the narrowing; hidden widgets
        # take no room in a box.
        period_row = QHBoxLayout()
        for widget in (QLabel(self.tr("Period")), self.period, self.start, self.range_label, self.end):
            period_row.addWidget(widget)
        period_row.addStretch(1)
        narrowing = QHBoxLayout()
        for widget in (self.owner, self.channel, self.segment, self.province, self.category, self.product):
            narrowing.addWidget(widget)
        narrowing.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(period_row)
        rows.addLayout(narrowing)

        for combo in (self.period, self.owner, self.segment, self.channel, self.category):
            combo.currentIndexChanged.connect(self._changed)
        self.province.currentIndexChanged.connect(self._changed)
        self.province.lineEdit().editingFinished.connect(self._changed)
        self.product.picked.connect(lambda _value: self._changed())
        self.start.dateChanged.connect(lambda _value: self._changed())
        self.end.dateChanged.connect(lambda _value: self._changed())
        self._last: ReportFilter | None = None
        self._show_range()
        self._last = self.report_filter()

    def _products(self, text: str) -> list[Choice]:
        return [Choice(p.id, f"{p.sku} · {p.name_th if self.env.lang == 'th' or not p.name_en else p.name_en}")
                for p in pick_products(self.env.db, text)]

    def fill_choices(self) -> None:
        """The reps, segments and categories of the database now (after a sync or an edit they change)."""
        db = self.env.db
        combos: list[tuple[QComboBox, list[tuple[str, str | None]]]] = [
            (self.owner, [(self.tr("All reps"), None),
                          *((u.name if u.active else self.tr("%1 (inactive)").replace("%1", u.name), u.id)
                            for u in sorted(users(db, active_only=False), key=lambda u: not u.active)),
                          (self.tr("(no rep)"), "")]),
            (self.segment, [(self.tr("All segments"), None), *((s, s) for s in account_values(db, "segment")),
                            (self.tr("(no company)"), "")]),
            (self.channel, [(self.tr("All channels"), None), *((channel_label(k), k) for k in CHANNELS),
                            (self.tr("(not known)"), "")]),
            (self.category, [(self.tr("All categories"), None), *((c, c) for c in categories(db))]),
        ]
        for combo, items in combos:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for label, value in items:
                combo.addItem(label, value)
            select_data(combo, current)
            combo.blockSignals(False)

    def _show_range(self) -> None:
        custom = self.period.currentData() == CUSTOM
        for widget in (self.start, self.range_label, self.end):
            widget.setVisible(custom)

    def period_range(self) -> tuple[date, date]:
        """[start, end) chosen; raises ValidationError for an unreadable or backwards range of days."""
        choice = str(self.period.currentData())
        if choice != CUSTOM:
            return period_range(choice, self.env.today())
        start, end = self.start.date(), self.end.date()
        if start is None or end is None:
            raise ValidationError("start" if start is None else "end", "Enter a date as day/month/year, "
                                  "for example 23/11/2026.")
        if end < start:
            raise ValidationError("end", "The end date is before the start date.")
        return start, end + timedelta(days=1)

    def report_filter(self) -> ReportFilter:
        start, end = self.period_range()
        province = self.province.province()
        return ReportFilter(start, end, owner_id=self.owner.currentData(), segment=self.segment.currentData(),
                            channel=self.channel.currentData(), product_id=self.product.value(),
                            category=self.category.currentData(), province=province or None)

    def _changed(self) -> None:
        self._show_range()
        try:
            current = self.report_filter()
        except ValidationError:
            return  # a date being typed: wait for a readable one
        if current != self._last:
            self._last = current
            self.changed.emit()

    def period_text(self) -> str:
        """The period as the export's file name and the title show it."""
        choice = str(self.period.currentData())
        if choice == CUSTOM:
            start, end = self.period_range()
            return f"{self.env.date_text(start)} – {self.env.date_text(end - timedelta(days=1))}"
        if choice in ("this_month", "last_month"):
            return month_text(month_key(self.env.today(), 0 if choice == "this_month" else -1), self.env.lang,
                              self.env.buddhist)
        return self.period.currentText()
