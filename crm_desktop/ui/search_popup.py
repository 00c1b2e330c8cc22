"""Search as you type: a results list under a line edit, debounced, driven from the keyboard.

A caller whose search is quick for longer queries (`instant_chars`: Ctrl+K's trigram lookups take
1-3 ms from three characters on) has them searched at the next turn of the event loop instead of
after the pause: keystrokes that arrived meanwhile are taken together, and a shorter query (which
may scan a table) still waits for the pause.

The list is a frameless window that never takes the focus, so typing (Thai input methods
included) stays in the line edit: Up/Down move through the results, Enter opens the current
one, Escape closes the list. A click opens a result too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 10


@dataclass(frozen=True)
class Choice:
    id: str
    title: str
    subtitle: str = ""
    kind: str = ""


class SearchPopup(QObject):
    """Attach to `edit`; emits `chosen(Choice)` when the user picks a result."""

    chosen = Signal(object)
    chosen_alternate = Signal(object)  # Shift+Enter or Shift+click: the caller's second way to open it
    searched = Signal(str)  # after each search ran (tests and status use it)

    def __init__(
        self,
        edit: QLineEdit,
        search: Callable[[str], list[Choice]],
        *,
        delay_ms: int = 150,
        min_chars: int = 1,
        max_visible: int = 12,
        instant_chars: int | None = None,
        icons: dict[str, QIcon] | None = None,
        no_match_text: str = "",
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.search = search
        self.min_chars = min_chars
        self.delay_ms = delay_ms
        self.instant_chars = instant_chars
        self.max_visible = max_visible
        self.icons = icons or {}
        self.no_match_text = no_match_text
        self.hint_text = ""  # a last, greyed row under the results (e.g. what Shift+Enter does)
        self.enabled = True
        self.error: BaseException | None = None
        # A child of the edit (so it dies with it), shown as its own frameless window.
        self.list = QListWidget(edit)
        self.list.setObjectName("searchPopupList")
        self.list.setWindowFlags(
            Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.list.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._clicked)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.run_search)
        edit.textEdited.connect(self._text_edited)
        edit.installEventFilter(self)
        self._window: QWidget | None = None

    # --- searching ----------------------------------------------------------------------------

    def _text_edited(self, text: str) -> None:
        if self.enabled:
            instant = self.instant_chars is not None and len(text.strip()) >= self.instant_chars
            self.timer.start(0 if instant else self.delay_ms)

    def run_search(self) -> None:
        """Search now for the edit's text and show the results."""
        self.timer.stop()
        text = self.edit.text().strip()
        if len(text) < self.min_chars:
            self.hide()
            self.searched.emit(text)
            return
        try:
            choices = self.search(text)
            self.error = None
        except Exception as exc:  # a broken search must not break typing; show nothing
            self.error = exc
            choices = []
        self.show_choices(choices)
        self.searched.emit(text)

    def show_choices(self, choices: list[Choice]) -> None:
        self.list.clear()
        for choice in choices:
            text = choice.title if not choice.subtitle else f"{choice.title}  —  {choice.subtitle}"
            item = QListWidgetItem(text)
            item.setData(CHOICE_ROLE, choice)
            item.setToolTip(text)
            icon = self.icons.get(choice.kind)
            if icon is not None:
                item.setIcon(icon)
            self.list.addItem(item)
        if not choices:
            if not self.no_match_text:
                self.hide()
                return
            item = QListWidgetItem(self.no_match_text)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        else:
            if self.hint_text:
                hint = QListWidgetItem(self.hint_text)
                hint.setFlags(Qt.ItemFlag.NoItemFlags)
                font = hint.font()
                font.setItalic(True)
                hint.setFont(font)
                self.list.addItem(hint)
            self.list.setCurrentRow(0)
        window = self.edit.window()
        if window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            self._window = window
            window.installEventFilter(self)
        self._place()
        self.list.show()
        self.list.raise_()

    def _place(self) -> None:
        rows = min(max(self.list.count(), 1), self.max_visible)
        row_height = max(self.list.sizeHintForRow(0), self.edit.fontMetrics().height() + 6)
        width = max(self.edit.width(), 420)
        self.list.resize(width, rows * row_height + 2 * self.list.frameWidth() + 2)
        self.list.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))

    def hide(self) -> None:
        self.list.hide()

    @property
    def visible(self) -> bool:
        return self.list.isVisible()

    def choices(self) -> list[Choice]:
        out = []
        for i in range(self.list.count()):
            choice = self.list.item(i).data(CHOICE_ROLE)
            if isinstance(choice, Choice):
                out.append(choice)
        return out

    def _clicked(self, item: QListWidgetItem) -> None:
        shift = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._choose_item(item, alternate=shift)

    def _choose_item(self, item: QListWidgetItem, alternate: bool = False) -> None:
        choice = item.data(CHOICE_ROLE)
        if isinstance(choice, Choice):
            self.hide()
            (self.chosen_alternate if alternate else self.chosen).emit(choice)

    def choose_current(self, alternate: bool = False) -> bool:
        item = self.list.currentItem()
        if item is None or not self.list.isVisible():
            return False
        if not isinstance(item.data(CHOICE_ROLE), Choice):
            return False
        self._choose_item(item, alternate)
        return True

    # --- keyboard and focus -------------------------------------------------------------------

    def _move(self, step: int) -> None:
        count = len(self.choices())  # the results come first; a hint row below them is not one
        if not count:
            return
        row = self.list.currentRow()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        self.list.setCurrentRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if watched is self.edit:
            if etype == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(event)
            if etype == QEvent.Type.FocusOut:
                QTimer.singleShot(200, self._hide_unless_focused)
        elif watched is self._window and etype in (
            QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Hide, QEvent.Type.WindowDeactivate
        ):
            self.hide()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not self.list.isVisible():
                if key == Qt.Key.Key_Down:
                    self.run_search()
                    return True
                return False
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[key]
            self._move(step)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive():
                self.run_search()  # Enter before the debounce fired: search first, then open
            return self.choose_current(alternate=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        if key == Qt.Key.Key_Escape and self.list.isVisible():
            self.hide()
            return True
        return False

    def _hide_unless_focused(self) -> None:
        if not self.edit.hasFocus():
            self.hide()
