"""Clocks from the future: a change dated far ahead of this computer's clock would win every later
clash and drag every copy's clock along (db/hlc.py). Files carrying one are refused, naming the
copy they came from; a copy that took one in before these checks says so, and `repair.py` mends it.
"""

from __future__ import annotations

from crm_desktop.db.database import Database
from crm_desktop.db.hlc import FUTURE_MARGIN_MS, HLC_MAX, LOGICAL_BITS, HybridClock, hlc_time
from crm_desktop.errors import DomainError
from crm_desktop.sync.bundle import BundleRefused, Manifest

HOURS = FUTURE_MARGIN_MS // 3_600_000
_LABEL_SHOWN = 60  # characters of the other copy's label in a message


def _when(hlc: int) -> str:
    return f"{hlc_time(min(hlc, HLC_MAX)):%Y-%m-%d %H:%M}"  # a peer's vector from an older version may hold more


def _now(clock: HybridClock) -> str:
    return _when(clock.wall() << LOGICAL_BITS)


def copy_name(site: str, label: object) -> str:
    """A copy as people recognise it: its code, and the label it gives itself if there is one."""
    if isinstance(label, str) and label.strip():
        text = " ".join(label.split())
        return f"{site} ({text[:_LABEL_SHOWN]}{'…' if len(text) > _LABEL_SHOWN else ''})"
    return site


def refuse_future(name: str, manifest: Manifest, newest_line: int, horizon: int, clock: HybridClock) -> None:
    """Refuse the file if a change (`newest_line`, 0 if none) or its version vector is dated beyond
    `horizon`: taking it in would make this copy's clock and its files wrong too."""
    newest = max([newest_line, *manifest.vector.values()])
    if newest <= horizon:
        return
    label = manifest.extra.get("label") if isinstance(manifest.extra, dict) else None
    raise BundleRefused(
        "The file {name} from copy {copy} holds changes dated up to {when} UTC, more than {hours} hours ahead of "
        "this computer's clock ({now} UTC). Nothing was imported. The computer that made them had a wrong date: "
        "correct it, run `crm-desktop sync repair-clock` on that copy and on every copy that imported its files, "
        "then export again. If this computer's date is wrong, correct it here.",
        name=name, copy=copy_name(manifest.from_site, label), when=_when(newest), hours=HOURS, now=_now(clock))


def clock_warning(database: Database) -> DomainError | None:
    """Why this copy's files would be refused, if its log holds changes dated beyond the horizon
    (its clock starts after the newest logged change, so the clock tells without a query)."""
    clock = database.clock
    if not clock.ahead():
        return None
    return ahead_error(clock.last, clock)


def ahead_error(newest: int, clock: HybridClock) -> DomainError:
    return DomainError(
        "This copy holds changes dated up to {when} UTC, more than {hours} hours ahead of this computer's clock "
        "({now} UTC): a computer's date was wrong when they were made, and other copies refuse this copy's sync "
        "files. If this computer's date is right, repair this copy: the app offers it when it opens, or close the "
        "program and run `crm-desktop sync repair-clock` (a backup is made first).",
        when=_when(newest), hours=HOURS, now=_now(clock))


def refuse_export_ahead(database: Database, *vectors: dict[str, int]) -> None:
    """An export would carry (or, through a peer's vector, wrongly skip) clocks from the future."""
    horizon = database.clock.horizon()
    newest = max((v for vector in vectors for v in vector.values()), default=0)
    if newest > horizon:
        raise ahead_error(newest, database.clock)
