"""Long work off the GUI thread, with a progress dialog and Cancel.

The work is a plain callable taking a progress callback `(done, total) -> bool`; it returns
False once the user pressed Cancel, and the work should then stop (leaving nothing half-saved:
it owns its own unit of work). Results and errors come back on the GUI thread through the
`Task` signals. The worker never touches a widget: it only emits signals.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

ProgressFn = Callable[[int, int], bool]
Work = Callable[[ProgressFn], Any]

PROGRESS_INTERVAL = 0.05  # seconds between progress signals: never flood the GUI event queue


class TaskCancelled(Exception):
    """Work may raise this after the progress callback returned False."""


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Task keeps it (and so Python keeps it) until it is done
        self.work = work
        self.signals = signals
        self.cancel = cancel

    def _emit(self, signal_name: str, *args: object) -> bool:
        """Emit to the GUI thread; False when the Task (and its window) is gone meanwhile."""
        try:
            getattr(self.signals, signal_name).emit(*args)
        except RuntimeError:  # the C++ side was deleted: nobody is listening any more
            self.cancel.set()
            return False
        return True

    def run(self) -> None:
        last = 0.0
        cancel_seen = False

        def progress(done: int, total: int) -> bool:
            nonlocal last, cancel_seen
            now = time.monotonic()
            if now - last >= PROGRESS_INTERVAL or done >= total:
                last = now
                self._emit("progress", int(done), int(total))
            if self.cancel.is_set():
                cancel_seen = True
                return False
            return True

        try:
            result = self.work(progress)
        except TaskCancelled:
            self._emit("cancelled")
        except BaseException as exc:  # delivered to the GUI thread, shown there
            self._emit("failed", exc)
        else:
            if cancel_seen:
                self._emit("cancelled")
            else:
                self._emit("done", result)


class Task(QObject):
    """One piece of background work. Signals are emitted on the GUI thread.

    `finished(result)`, `failed(exception)`, `cancelled()`; exactly one of them, then `ended()`.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(int, int)
    ended = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        work: Work,
        *,
        title: str = "",
        label: str = "",
        cancellable: bool = True,
        show_progress: bool = True,
        min_duration_ms: int = 400,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._work = work
        self._cancel = threading.Event()
        cancel = self._cancel
        # If the owner goes away (window closed) the work is asked to stop; no self in the lambda.
        self.destroyed.connect(lambda *_: cancel.set())
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self._runnable: _Runnable | None = None
        self._pool = pool or QThreadPool.globalInstance()
        self._running = False
        self.dialog: QProgressDialog | None = None
        if show_progress:
            self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
            self.dialog.setObjectName("taskProgressDialog")
            if title:
                self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(min_duration_ms)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            if not cancellable:
                self.dialog.setCancelButton(None)
            self.dialog.canceled.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> Task:
        if self._running:
            raise RuntimeError("task already started")
        self._running = True
        self._runnable = _Runnable(self._work, self._signals, self._cancel)
        self._pool.start(self._runnable)
        return self

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and not self._cancel.is_set():
            if total > 0:
                if self.dialog.maximum() != total:
                    self.dialog.setRange(0, total)
                self.dialog.setValue(min(done, total))
            else:
                self.dialog.setRange(0, 0)
        self.progressed.emit(done, total)

    def _end(self) -> None:
        self._running = False
        self._runnable = None
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._end()
        self.finished.emit(result)
        self.ended.emit()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._end()
        self.failed.emit(exc)
        self.ended.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        self.ended.emit()


def run_task(
    parent: QWidget,
    work: Work,
    *,
    title: str,
    label: str,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    cancellable: bool = True,
) -> Task:
    """Start `work` in the thread pool with a progress dialog; callbacks run on the GUI thread.

    The task is a child of `parent` (so it stays alive) and deletes itself once it has ended.
    """
    task = Task(parent, work, title=title, label=label, cancellable=cancellable)
    if on_done is not None:
        task.finished.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)
    task.ended.connect(task.deleteLater)
    return task.start()
