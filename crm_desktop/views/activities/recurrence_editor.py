"""The repeat part of the activity form: how often, on which days, and until when.

It edits a `Recurrence` (crm_desktop/recurrence.py) and hands back its RRULE text, so
the form never writes rule syntax itself. A monthly rule by weekday ("the 2nd Tuesday", a fifth
one being "the last") is named from the activity's first start, which the form passes in with
`set_start`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from crm_desktop.recurrence import MAX_COUNT, MAX_INTERVAL, Recurrence, nth_of_month
from crm_desktop.ui.forms import DateEdit

# A chosen day must read as chosen at a glance; some styles shade a checked tool button only faintly.
CHOSEN_DAY_STYLE = "QToolButton:checked { background-color: palette(highlight); color: palette(highlighted-text); }"


class RecurrenceEditor(QGroupBox):
    """`changed()` whenever the rule shown changes."""

    changed = Signal()

    def __init__(self, *, buddhist: bool, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recurrenceEditor")
        self.setTitle(self.tr("Repeat"))
        self._start = date(2000, 1, 3)  # a Monday until the form says when the activity starts
        grid = QGridLayout(self)

        self.freq = QComboBox()
        self.freq.setObjectName("repeatFreq")
        for label, value in ((self.tr("Does not repeat"), ""), (self.tr("Daily"), "daily"),
                             (self.tr("Weekly"), "weekly"), (self.tr("Monthly"), "monthly"),
                             (self.tr("Yearly"), "yearly")):
            self.freq.addItem(label, value)
        grid.addWidget(self.freq, 0, 0, 1, 2)

        self.every_label = QLabel(self.tr("Every"))
        self.interval = QSpinBox()
        self.interval.setObjectName("repeatInterval")
        self.interval.setRange(1, MAX_INTERVAL)
        self.unit_label = QLabel()
        every = QHBoxLayout()
        every.addWidget(self.every_label)
        every.addWidget(self.interval)
        every.addWidget(self.unit_label, 1)
        self.every_row = QWidget()
        self.every_row.setLayout(every)
        every.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.every_row, 0, 2, 1, 2)

        self.days_row = QWidget()
        days = QHBoxLayout(self.days_row)
        days.setContentsMargins(0, 0, 0, 0)
        days.addWidget(QLabel(self.tr("On", "weekdays of a weekly rule")))
        self.day_buttons: list[QToolButton] = []
        for i, name in enumerate(self.short_day_names()):
            button = QToolButton()
            button.setObjectName(f"repeatDay{i}")
            button.setText(name)
            button.setCheckable(True)
            button.setMinimumWidth(34)
            button.setStyleSheet(CHOSEN_DAY_STYLE)
            button.toggled.connect(lambda *_: self.changed.emit())
            days.addWidget(button)
            self.day_buttons.append(button)
        days.addStretch(1)
        grid.addWidget(self.days_row, 1, 0, 1, 4)

        self.month_row = QWidget()
        month = QHBoxLayout(self.month_row)
        month.setContentsMargins(0, 0, 0, 0)
        self.by_date = QRadioButton()
        self.by_date.setObjectName("repeatByDate")
        self.by_weekday = QRadioButton()
        self.by_weekday.setObjectName("repeatByWeekday")
        self.by_date.setChecked(True)
        month.addWidget(self.by_date)
        month.addWidget(self.by_weekday)
        month.addStretch(1)
        grid.addWidget(self.month_row, 2, 0, 1, 4)

        self.ends_label = QLabel(self.tr("Ends"))
        grid.addWidget(self.ends_label, 3, 0)
        self.ends_never = QRadioButton(self.tr("Never"))
        self.ends_never.setObjectName("endsNever")
        self.ends_on = QRadioButton(self.tr("On", "the date a series ends"))
        self.ends_on.setObjectName("endsOn")
        self.until = DateEdit("until", buddhist=buddhist, lang=lang)
        self.until.setObjectName("repeatUntil")
        self.ends_after = QRadioButton(self.tr("After"))
        self.ends_after.setObjectName("endsAfter")
        self.count = QSpinBox()
        self.count.setObjectName("repeatCount")
        self.count.setRange(1, MAX_COUNT)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" times"))
        self.ends = QButtonGroup(self)
        for button in (self.ends_never, self.ends_on, self.ends_after):
            self.ends.addButton(button)
        self.ends_never.setChecked(True)
        grid.addWidget(self.ends_never, 3, 1)
        ends_on = QHBoxLayout()
        ends_on.addWidget(self.ends_on)
        ends_on.addWidget(self.until, 1)
        grid.addLayout(ends_on, 4, 1, 1, 3)
        ends_after = QHBoxLayout()
        ends_after.addWidget(self.ends_after)
        ends_after.addWidget(self.count)
        ends_after.addStretch(1)
        grid.addLayout(ends_after, 5, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        self.end_widgets = (self.ends_label, self.ends_never, self.ends_on, self.until, self.ends_after, self.count)

        self.freq.currentIndexChanged.connect(self._freq_changed)
        for signal in (self.interval.valueChanged, self.by_date.toggled, self.ends.buttonToggled,
                       self.count.valueChanged, self.until.textChanged):
            signal.connect(lambda *_: self._update())
        self.until.textEdited.connect(lambda *_: self.ends_on.setChecked(True))
        self.count.valueChanged.connect(lambda *_: self.ends_after.setChecked(True))
        self._relabel()
        self._update()

    def short_day_names(self) -> list[str]:
        return [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                self.tr("Sun")]

    def day_names(self) -> list[str]:
        return [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")]

    # --- the rule ------------------------------------------------------------------------------

    def frequency(self) -> str:
        return str(self.freq.currentData() or "")

    def recurrence(self) -> Recurrence | None:
        """The rule shown, or None when the activity does not repeat.

        Raises ValidationError("until") for an end date that cannot be read."""
        freq = self.frequency()
        if not freq:
            return None
        weekdays: tuple[int, ...] = ()
        if freq == "weekly":
            weekdays = tuple(i for i, b in enumerate(self.day_buttons) if b.isChecked()) or (self._start.weekday(),)
        until = self.until.date() if self.ends_on.isChecked() else None
        count = self.count.value() if self.ends_after.isChecked() else None
        return Recurrence(freq=freq, interval=self.interval.value(), weekdays=weekdays,
                          by_weekday=freq == "monthly" and self.by_weekday.isChecked(), until=until, count=count)

    def rule(self) -> str:
        """The RRULE text stored with the activity ("" when it does not repeat)."""
        found = self.recurrence()
        return found.text(self._start) if found is not None else ""

    def set_rule(self, text: str) -> None:
        """Show a stored rule (ValidationError("rrule") for one we cannot edit)."""
        found = Recurrence.parse(text) if text else None
        self.freq.setCurrentIndex(max(self.freq.findData(found.freq if found else ""), 0))
        if found is None:
            return
        self.interval.setValue(found.interval)
        for i, button in enumerate(self.day_buttons):
            button.setChecked(i in found.weekdays)
        (self.by_weekday if found.by_weekday else self.by_date).setChecked(True)
        self.until.setDate(found.until)
        if found.count is not None:
            self.count.setValue(found.count)
        (self.ends_on if found.until else self.ends_after if found.count else self.ends_never).setChecked(True)
        self._update()

    def set_start(self, day: date) -> None:
        """The first start: names "day 23" and "the 4th Monday", and is the weekly default day."""
        self._start = day
        self._relabel()

    # --- showing what applies ------------------------------------------------------------------

    def _freq_changed(self) -> None:
        if self.frequency() == "weekly" and not any(b.isChecked() for b in self.day_buttons):
            self.day_buttons[self._start.weekday()].setChecked(True)
        self._update()

    def _relabel(self) -> None:
        self.by_date.setText(self.tr("On day %1").replace("%1", str(self._start.day)))
        ordinals = {1: self.tr("1st"), 2: self.tr("2nd"), 3: self.tr("3rd"), 4: self.tr("4th"), -1: self.tr("last")}
        self.by_weekday.setText(self.tr("On the %1 %2").replace("%1", ordinals[nth_of_month(self._start)])
                                .replace("%2", self.day_names()[self._start.weekday()]))

    def _update(self) -> None:
        freq = self.frequency()
        units = {"daily": self.tr("day(s)"), "weekly": self.tr("week(s)"), "monthly": self.tr("month(s)"),
                 "yearly": self.tr("year(s)")}
        self.unit_label.setText(units.get(freq, ""))
        self.every_row.setVisible(bool(freq))
        self.days_row.setVisible(freq == "weekly")
        self.month_row.setVisible(freq == "monthly")
        for widget in self.end_widgets:
            widget.setVisible(bool(freq))
        self.changed.emit()
