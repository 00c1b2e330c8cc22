"""Independent reads run side by side. SQLite lets go of the GIL while it reads, so a report's
analyses, or one analysis' periods, take about as long as the slowest of them on a machine with a
few cores rather than as long as all of them. Each read opens its own connection (`db.engine`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
WORKERS = 4  # office desktops have four cores or more; more threads only queue for them


def side_by_side(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Each call's result, in order; the first error is raised once all have ended."""
    if len(calls) < 2:
        return [call() for call in calls]
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(calls))) as pool:
        running = [pool.submit(call) for call in calls]
    return [run.result() for run in running]
