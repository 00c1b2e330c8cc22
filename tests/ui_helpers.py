"""A record tab built alone for widget tests, as the main window builds it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from crm_desktop.services.app import AppContext
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv

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
