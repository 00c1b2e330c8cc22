"""Hybrid logical clock: orders changes across offline copies even when their wall clocks differ.

Layout: wall milliseconds in the high bits, a 16-bit counter in the low bits, in a signed 64-bit
integer (what SQLite stores), so every clock value lies in 0..HLC_MAX. A change from another copy
may be at most FUTURE_MARGIN_MS ahead of this computer's clock: further ahead it would win every
later clash and drag this copy's clock along, so sync refuses it (and `observe` never takes it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from crm_desktop.clock import EPOCH
from crm_desktop.errors import StorageError

LOGICAL_BITS = 16
LOGICAL_MASK = (1 << LOGICAL_BITS) - 1
HLC_MAX = (1 << 63) - 1  # the largest clock SQLite can hold
# How far ahead of this computer's clock another copy's change may be: time zones set wrong are
# hours off, a wrong date a day or more. The one place this margin is set.
FUTURE_MARGIN_MS = 24 * 3600 * 1000


def horizon(wall: int) -> int:
    """The largest clock a change may carry when this computer's clock reads `wall` ms: any counter
    of the millisecond FUTURE_MARGIN_MS ahead still fits, the next millisecond does not."""
    return min(HLC_MAX, ((wall + FUTURE_MARGIN_MS + 1) << LOGICAL_BITS) - 1)


def fits(hlc: int) -> bool:
    """Whether `hlc` is a clock value at all (a whole number in the layout), whatever its time."""
    return type(hlc) is int and 0 <= hlc <= HLC_MAX


def hlc_time(hlc: int) -> datetime:
    """The wall time (naive UTC) of a clock value: any value in the layout, up to the year 6429."""
    return EPOCH + timedelta(milliseconds=hlc >> LOGICAL_BITS)


class ClockAhead(StorageError):
    """This copy's clock went past what the layout holds or past what another copy may send."""


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

    def wall(self) -> int:
        """This computer's time in ms, from the application's clock."""
        return self._wall()

    def horizon(self) -> int:
        """The largest clock another copy's change may carry now."""
        return horizon(self._wall())

    def ahead(self) -> bool:
        """Whether this copy's clock is beyond the horizon: it took in a change from the future."""
        return self._last > self.horizon()

    def tick(self) -> int:
        """A timestamp greater than every one this clock has issued or observed."""
        return self.tick_many(1)[0]

    def tick_many(self, count: int) -> range:
        """`count` consecutive timestamps, each greater than every one issued or observed before (what
        `count` calls of `tick` within one millisecond give; a bulk load of a million rows takes them at once)."""
        with self._lock:
            physical = self._wall() << LOGICAL_BITS
            first = physical if physical > self._last else self._last + 1
            if first + count - 1 > HLC_MAX:
                raise ClockAhead(
                    "This copy's clock cannot go further: it took in a change dated {when} UTC from a computer "
                    "whose date was wrong. Nothing was saved. Run `crm-desktop sync repair-clock` to repair it.",
                    when=f"{hlc_time(self._last):%Y-%m-%d}")
            self._last = first + count - 1
            return range(first, first + count)

    def observe(self, remote: int) -> None:
        """Move past a timestamp seen in another copy's change, so our next change sorts after it.

        A value beyond the horizon is refused, not taken: it would carry this copy's clock along.
        """
        with self._lock:
            if not (fits(remote) and remote <= horizon(self._wall())):
                raise ClockAhead("A change dated {when} UTC is more than {hours} hours ahead of this computer's "
                                 "clock. Nothing was saved. Check the date and time of both computers.",
                                 when=f"{hlc_time(min(max(remote, 0), HLC_MAX)):%Y-%m-%d %H:%M}",
                                 hours=FUTURE_MARGIN_MS // 3_600_000)
            self._last = max(self._last, remote)

    def resume(self, last: int) -> None:
        """Continue after `last`, the newest clock of our own log (after a restore): never issue a
        clock the data already holds, even one the repair has yet to bring back."""
        with self._lock:
            self._last = max(self._last, last)

    def restart(self, last: int) -> None:
        """Continue from `last` even if lower: only the clock repair, which removed every change
        above it, may set the clock back."""
        with self._lock:
            self._last = last


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
