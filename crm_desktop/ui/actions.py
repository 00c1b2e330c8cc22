"""Run a user action and tell every screen what it changed (Anki's CollectionOp idea).

`perform()` runs one service call. A domain error is shown in the UI language (or handed to the
caller, e.g. a dialog that highlights the field), any other exception as "nothing was saved".
On success the `ChangeSet` it returned, stamped with who asked (the widget that ran it), is
published once on the window's `ChangeBus`; each screen refreshes just the rows named there, ignores
kinds it does not show, and skips a change set it made itself when it already showed its edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from crm_desktop.errors import DomainError
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.ui.errors import show_domain_error, show_unexpected_error

T = TypeVar("T")


class ChangeBus(QObject):
    """One per main window: `changed(ChangeSet)` once after every successful action."""

    changed = Signal(object)
    action_done = Signal(str)

    def publish(self, changes: ChangeSet | None, description: str = "") -> None:
        if changes is not None:
            self.changed.emit(changes)
        if description:
            self.action_done.emit(description)


def changes_in(result: object) -> ChangeSet | None:
    """The change set a use case returned: the result itself, or its `changes` (an import's or a
    merge's result, which carries more than what changed)."""
    if isinstance(result, ChangeSet):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, ChangeSet) else None


def perform(
    parent: QWidget | None,
    bus: ChangeBus | None,
    lang: str,
    action: Callable[[], T],
    *,
    description: str = "",
    on_domain_error: Callable[[DomainError], None] | None = None,
) -> T | None:
    """Run `action` (one unit of work), publish its ChangeSet with `parent` as the initiator;
    None when it failed (and was shown)."""
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
        bus.publish(None if found is None else found.by(parent), description)
    return result


@dataclass(frozen=True)
class Undoable:
    """The last action Undo takes back: a delete (its `restore`) or an import (its undo, one step)."""

    entity: Entity
    ids: tuple[str, ...]
    restore: Callable[[], ChangeSet]
    label: str  # the status bar: what was done
    undo_text: str = ""  # what Edit > Undo reads; "" for the plain "Undo delete"
    slow: bool = False  # runs in the background with a progress dialog (an import's undo takes seconds)


class UndoLast(QObject):
    """The last undoable action, which Edit > Undo (Ctrl+Z) or the status bar button takes back."""

    available = Signal(object)  # Undoable or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: Undoable | None = None

    def offer(self, entity: Entity, ids: Iterable[str], restore: Callable[[], ChangeSet], label: str) -> None:
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
