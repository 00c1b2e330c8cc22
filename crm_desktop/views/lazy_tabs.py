"""Tabs whose screens are built when first shown: the window starts without importing or building the
screens it does not show (the start was over a second of imports and widgets no one had looked at)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyTab(QWidget):
    """A tab's place in the tab bar; `content()` builds its screen (once) and shows it inside."""

    def __init__(self, name: str, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self.NAME = name  # the screen's NAME, known before it is built (the start tab is chosen by it)
        self._build = build
        self.built: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def content(self) -> QWidget:
        if self.built is None:
            self.built = self._build()
            self.layout().addWidget(self.built)
            self.built.show()  # a child added to a shown widget stays hidden until told
        return self.built

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)


class LazyTabs(QTabWidget):
    """A tab widget that speaks of screens, not of their places: code and tests hand it (and get back)
    the screen itself, as with a plain QTabWidget."""

    def _place(self, widget: QWidget) -> QWidget:
        parent = widget.parentWidget()
        return parent if isinstance(parent, LazyTab) and parent.built is widget else widget

    def setCurrentWidget(self, widget: QWidget) -> None:
        super().setCurrentWidget(self._place(widget))

    def indexOf(self, widget: QWidget) -> int:
        return super().indexOf(self._place(widget))

    def currentWidget(self) -> QWidget:
        widget = super().currentWidget()
        return widget.content() if isinstance(widget, LazyTab) else widget
