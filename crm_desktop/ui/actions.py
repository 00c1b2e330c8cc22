"""Run a user action and tell every screen what it changed (Anki's CollectionOp idea).

`perform()` runs one service call. A domain error is shown in the UI language (or handed to the
caller, e.g. a dialog that highlights the field), any other exception as "nothing was saved".
On success the `Changes` it returned are published on the window's `ChangeBus`; each tab
refreshes just the rows named there and ignores entities it does not show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from crm_desktop.errors import DomainError
from crm_desktop.services.changes import Changes
from crm_desktop.ui.errors import show_domain_error, show_unexpected_error

T = TypeVar("T")


class ChangeBus(QObject):
    """One per main window: `changed(Changes)` after every successful action."""

    changed = Signal(object)
    action_done = Signal(str)

    def publish(self, changes: Changes | Iterable[Changes], description: str = "") -> None:
        items = [changes] if isinstance(changes, Changes) else list(changes)
        for item in items:
            self.changed.emit(item)
        if description:
            self.action_done.emit(description)


def changes_in(result: object) -> list[Changes]:
    if isinstance(result, Changes):
        return [result]
    if isinstance(result, list | tuple) and all(isinstance(r, Changes) for r in result):
        return list(result)
    return []


def perform(
    parent: QWidget | None,
    bus: ChangeBus | None,
    lang: str,
    action: Callable[[], T],
    *,
    description: str = "",
    on_domain_error: Callable[[DomainError], None] | None = None,
) -> T | None:
    """Run `action` (one unit of work), publish its Changes; None when it failed (and was shown)."""
    try:
        result = action()
    except DomainError as err:
        if on_domain_error is not None:
            on_domain_error(err)
        else:
            show_domain_error(parent, err, lang)
        return None
    except Exception as exc:
        show_unexpected_error(parent, exc)
        return None
    if bus is not None:
        found = changes_in(result)
        if found or description:
            bus.publish(found, description)
    return result


@dataclass(frozen=True)
class Undoable:
    """The last action Undo takes back: a delete (its `restore`) or an import (its undo, one step)."""

    entity: str
    ids: tuple[str, ...]
    restore: Callable[[], Changes | list[Changes]]
    label: str  # the status bar: what was done
    undo_text: str = ""  # what Edit > Undo reads; "" for the plain "Undo delete"
    slow: bool = False  # runs in the background with a progress dialog (an import's undo takes seconds)


class UndoLast(QObject):
    """The last undoable action, which Edit > Undo (Ctrl+Z) or the status bar button takes back."""

    available = Signal(object)  # Undoable or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: Undoable | None = None

    def offer(self, entity: str, ids: Iterable[str], restore: Callable[[], Changes], label: str) -> None:
        """A delete: `restore` brings the records back."""
        self.offer_action(Undoable(entity, tuple(ids), restore, label))

    def offer_action(self, undoable: Undoable) -> None:
        self.pending = undoable
        self.available.emit(self.pending)

    def take(self) -> Undoable | None:
        pending, self.pending = self.pending, None
        self.available.emit(None)
        return pending

    def forget(self) -> None:
        if self.pending is not None:
            self.pending = None
            self.available.emit(None)


UndoDelete = UndoLast  # the name the tabs and their tests build it by
