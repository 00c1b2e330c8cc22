"""Widget-test helpers: the main window opened as the app opens it, and a record tab built alone, as
the main window builds it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from crm_desktop.services.app import AppContext
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.main_window import MainWindow

W = TypeVar("W", bound=QWidget)


def shown_tab(qtbot: object, make: Callable[[ViewEnv], W], ctx: AppContext, prefs: Prefs,
              size: tuple[int, int], bus: ChangeBus | None = None) -> W:
    """`make(env)` shown at `size` and exposed; the date it believes it is comes from `ctx`'s clock."""
    widget = make(ViewEnv(ctx, prefs, bus or ChangeBus(), UndoDelete()))
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    return widget


def opened_window(qtbot: object, ctx: AppContext, prefs: Prefs, **kwargs: object) -> MainWindow:
    """The main window shown, painted, and done with what waits for its first paint (the first record's
    timeline, the reminder scan), as a user finds it."""
    window = MainWindow(ctx, prefs, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.started)  # type: ignore[attr-defined]
    return window
