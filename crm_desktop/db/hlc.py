"""Hybrid logical clock: orders changes across offline copies even when their wall clocks differ."""

from __future__ import annotations

import threading
from collections.abc import Callable

LOGICAL_BITS = 16
LOGICAL_MASK = (1 << LOGICAL_BITS) - 1


class HybridClock:
    """Physical milliseconds in the high bits, a counter in the low 16 bits; never goes back."""

    def __init__(self, last: int, wall: Callable[[], int]) -> None:
        """`wall`: milliseconds since 1970 from the application's clock (crm_desktop.clock)."""
        self._last = last
        self._wall = wall
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def tick(self) -> int:
        """A timestamp greater than every one this clock has issued or observed."""
        with self._lock:
            physical = self._wall() << LOGICAL_BITS
            self._last = physical if physical > self._last else self._last + 1
            return self._last

    def observe(self, remote: int) -> None:
        """Move past a timestamp seen in another copy's change, so our next change sorts after it."""
        with self._lock:
            self._last = max(self._last, remote)


def hlc_millis(hlc: int) -> int:
    return hlc >> LOGICAL_BITS


# Rows every copy creates by itself (default stages, rules, pick lists, the owner) are written with
# clocks below this: any real edit, on any copy, sorts after them, so a copy installed later never
# overrides an older copy's changes with its fresh defaults. (65 s after 1970 in physical time.)
SEED_CEILING = 1 << 32


class SeedClock(HybridClock):
    """The clock of seeding: counts up from this copy's last seed clock, never reaching SEED_CEILING."""

    def __init__(self, last: int) -> None:
        super().__init__(last, lambda: 0)

    def tick(self) -> int:
        value = super().tick()
        if value >= SEED_CEILING:
            raise RuntimeError("seed clock exhausted")
        return value
