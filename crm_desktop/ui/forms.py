"""Form helpers: Thai dates (BE or CE), provinces, phones, e-mail, money, record pickers, field errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWidgetAction,
)

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.services import validation
from crm_desktop.services.formatting import format_date, format_money, parse_date, parse_money
from crm_desktop.ui.resources import resource_path
from crm_desktop.ui.search_popup import Choice, SearchPopup

INVALID_STYLE = "border: 2px solid #c62828; background-color: #ffebee;"


def icon(name: str, fallback: QIcon | None = None) -> QIcon:
    """An icon from resources/icons/<name>.svg (or the fallback when it is missing)."""
    path = resource_path("icons", f"{name}.svg")
    if path.is_file():
        return QIcon(str(path))
    return fallback or QIcon()


# --- dates -------------------------------------------------------------------------------------


class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy in Buddhist Era (25xx) or CE; empty means no date.

    Shown in BE or CE per the user's setting; what was typed is re-displayed in that form as soon
    as the field is left, so the user sees how the year was read.
    """

    dateChanged = Signal(object)

    def __init__(self, field: str, *, buddhist: bool, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.buddhist = buddhist
        self.lang = lang
        self.setPlaceholderText(self.tr("dd/mm/yyyy (B.E.)") if buddhist else self.tr("dd/mm/yyyy"))
        self.setToolTip(self.tr("Type the day, month and year, e.g. 23/11/2569 (B.E.) or 23/11/2026 (A.D.)."))
        self.setClearButtonEnabled(True)
        self.setMaxLength(10)
        self.calendar_action = self.addAction(
            icon("calendar", self.style().standardIcon(self.style().StandardPixmap.SP_FileDialogDetailedView)),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.calendar_action.setToolTip(self.tr("Pick from a calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self._normalize)
        self._menu: QMenu | None = None

    def date(self) -> date | None:
        """The date typed, or None when empty; raises ValidationError naming this field."""
        text = self.text().strip()
        if not text:
            return None
        return parse_date(text, self.field)

    def setDate(self, value: date | None) -> None:
        self.setText(format_date(value, self.lang, self.buddhist) if value else "")
        self.dateChanged.emit(value)

    def _normalize(self) -> None:
        try:
            value = self.date()
        except ValidationError:
            return
        shown = format_date(value, self.lang, self.buddhist) if value else ""
        if shown != self.text():
            self.setText(shown)
        self.dateChanged.emit(value)

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        try:
            current = self.date()
        except ValidationError:
            current = None
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(qd: QDate) -> None:
            self.setDate(date(qd.year(), qd.month(), qd.day()))
            menu.close()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        self._menu = menu
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))


# --- provinces ---------------------------------------------------------------------------------


def province_label(name_th: str, name_en: str, lang: str) -> str:
    return name_th if lang == "th" else f"{name_th} ({name_en})"


class ProvinceCombo(QComboBox):
    """The 77 provinces in Thai order; in English each shows "เชียงใหม่ (Chiang Mai)".

    Editable with a contains-completer, so "เชียง" or "chiang" finds Chiang Mai and Chiang Rai.
    `province()` returns the canonical Thai name of the chosen item, or the text as typed (the
    service reads short forms like กทม and rejects unknown names).
    """

    def __init__(
        self, lang: str, parent: QWidget | None = None, *, editable: bool = True, empty_text: str = ""
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setEditable(editable)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.addItem(empty_text, "")
        for p in validation.provinces():
            self.addItem(province_label(p.name_th, p.name_en, lang), p.name_th)
        if editable:
            completer = QCompleter(self.model(), self)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.setCompleter(completer)
            self.lineEdit().setPlaceholderText(self.tr("Province"))
            self.setCurrentIndex(0)
            self.setEditText("")

    def province(self) -> str:
        text = self.currentText().strip()
        if not text:
            return ""
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            return str(self.itemData(found) or "")
        return text

    def setProvince(self, name: str) -> None:
        found = self.findData(name) if name else 0
        if found >= 0:
            self.setCurrentIndex(found)
            if self.isEditable() and not name:
                self.setEditText("")
        elif self.isEditable():
            self.setEditText(name)


# --- phones and e-mail -------------------------------------------------------------------------


class PhoneEdit(QLineEdit):
    """A phone typed any common way; shown back in the national form (081 234 5678)."""

    def __init__(self, field: str = "phone", *, mobile: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setPlaceholderText("081 234 5678" if mobile else "02 123 4567")
        self.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.setMaxLength(40)
        self.editingFinished.connect(self._reformat)

    def setPhone(self, e164: str) -> None:
        self.setText(validation.format_phone(e164))

    def phone(self) -> str:
        return self.text().strip()

    def _reformat(self) -> None:
        try:
            e164 = validation.phone(self.text(), self.field)
        except ValidationError:
            return
        shown = validation.format_phone(e164)
        if shown and shown != self.text():
            self.setText(shown)


class EmailEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("name@example.co.th")
        self.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.setMaxLength(254)


# --- money -------------------------------------------------------------------------------------


def amount_text(satang: int | None) -> str:
    """An amount as a money field shows it: "150,000" (satang only when there are some)."""
    if satang is None:
        return ""
    text = format_money(satang, with_symbol=False)
    return text[:-3] if text.endswith(".00") else text


class MoneyEdit(QLineEdit):
    """An amount in baht typed any common way ("150,000", "฿1,250.50", "1250 บาท"); empty means none.

    `satang()` raises a ValidationError naming this field, so the form marks this widget.
    """

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setPlaceholderText("150,000")
        self.setToolTip(self.tr("In baht, e.g. 150,000 or 1,250.50"))

    def satang(self) -> int | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_money(text)
        except ValidationError as err:
            raise ValidationError(self.field, err.template, **err.params) from None

    def setSatang(self, satang: int | None) -> None:
        self.setText(amount_text(satang))


def editable_combo(values: list[str], current: str = "", parent: QWidget | None = None) -> QComboBox:
    """An editable combo offering the values in use (segment, industry), free text allowed."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("")
    for value in values:
        combo.addItem(value)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setEditText(current)
    return combo


def data_combo(items: list[tuple[str, object]], parent: QWidget | None = None) -> QComboBox:
    """A fixed list of (label, value) items."""
    combo = QComboBox(parent)
    for label, value in items:
        combo.addItem(label, value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    found = combo.findData(value)
    if found >= 0:
        combo.setCurrentIndex(found)


# --- record picker -----------------------------------------------------------------------------


class RecordPicker(QLineEdit):
    """Pick one record among many by typing part of its name (never a combo of every record).

    Typing clears the current choice and shows matches; choosing one sets `value()`.
    """

    picked = Signal(object)  # the chosen id or None

    def __init__(
        self,
        search: Callable[[str], list[Choice]],
        *,
        placeholder: str = "",
        no_match_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._id: str | None = None
        self._title = ""
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.popup = SearchPopup(self, search, no_match_text=no_match_text)
        self.popup.chosen.connect(self._chosen)
        self.textChanged.connect(self._text_changed)

    def value(self) -> str | None:
        return self._id

    def title(self) -> str:
        return self._title

    def set_value(self, record_id: str | None, title: str = "") -> None:
        self._id = record_id or None
        self._title = title if record_id else ""
        self.blockSignals(True)
        self.setText(self._title)
        self.blockSignals(False)
        self.picked.emit(self._id)

    def has_unchosen_text(self) -> bool:
        """Text typed but no record chosen: the user must pick from the list (or clear it)."""
        return self._id is None and bool(self.text().strip())

    def _chosen(self, choice: Choice) -> None:
        self.set_value(choice.id, choice.title)

    def _text_changed(self, text: str) -> None:
        if self._id is not None and text != self._title:
            self._id = None
            self._title = ""
            self.picked.emit(None)


# --- field errors ------------------------------------------------------------------------------


def _reveal(widget: QWidget) -> None:
    """Bring the page holding `widget` to the front when it sits in a QTabWidget."""
    child: QWidget | None = widget
    parent = widget.parentWidget()
    while parent is not None and child is not None:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


class FormErrors:
    """Shows what is wrong with a form: a message banner, and the named field red and focused."""

    def __init__(self, banner: QLabel, lang: str) -> None:
        self.banner = banner
        self.lang = lang
        self.fields: dict[str, QWidget] = {}
        self.marked: list[QWidget] = []
        banner.setObjectName("formErrorBanner")
        banner.setWordWrap(True)
        banner.setStyleSheet("color: #b71c1c; font-weight: bold;")
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner.hide()

    def register(self, key: str, widget: QWidget) -> None:
        self.fields[key] = widget

    def clear(self) -> None:
        for widget in self.marked:
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")
            widget.setToolTip(widget.property("normalToolTip") or "")
        self.marked.clear()
        self.banner.clear()
        self.banner.hide()

    def show_error(self, err: DomainError) -> None:
        field = err.field if isinstance(err, ValidationError) else ""
        self.show_text(field, err.text(self.lang))

    def show_text(self, field: str, text: str) -> None:
        self.clear()
        self.banner.setText(text)
        self.banner.show()
        widget = self.fields.get(field)
        if widget is None:
            return
        self.mark(widget, text)

    def mark(self, widget: QWidget, text: str) -> None:
        target = widget
        widget.setProperty("invalid", True)
        if widget.property("normalToolTip") is None:
            widget.setProperty("normalToolTip", widget.toolTip())
        widget.setToolTip(text)
        kind = type(target).__mro__
        selector = next(
            (c.__name__ for c in kind if c in (QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QAbstractSpinBox)),
            "QWidget",
        )
        widget.setStyleSheet(f"{selector} {{ {INVALID_STYLE} }}")
        self.marked.append(widget)
        _reveal(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
