"""Times and dates as they are written to SQLite: one spelling per moment, the one the ORM writes.

SQLite keeps them as text, and the queries compare and order that text. The ORM writes
`YYYY-MM-DD HH:MM:SS.ffffff`, always with the microseconds; Python's sqlite3 adapter (what a raw
cursor uses for a datetime) drops them when they are zero, and "…12:00:00" sorts before
"…12:00:00.000000" although they are the same moment. Every raw write goes through here instead.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Integer

from crm_desktop.models.spelled import per_engine


def stored_time(value: datetime) -> str:
    """`2026-11-23 12:00:00.000000`: SQLAlchemy's SQLite form, in UTC like every stored time (a time
    with an offset, which only a sync file can bring, is converted). C-speed: bulk loads write millions."""
    if value.tzinfo is not None:
        try:
            value = value.astimezone(UTC).replace(tzinfo=None)
        except OverflowError as exc:  # year 1 at +07:00 is in year 0 in UTC
            raise ValueError("time out of range") from exc
    return value.isoformat(" ", "microseconds")


def time_param(value: datetime | str) -> str:
    """A DateTime column's parameter: a Python time as stored; text (a sync import's, checked and in
    the stored form already) as it is."""
    return value if isinstance(value, str) else stored_time(value)


def date_param(value: date | str) -> str:
    return value if isinstance(value, str) else value.isoformat()


epoch_seconds = per_engine(
    "epoch_seconds", lambda t: f"CAST(strftime('%s', {t}) AS INTEGER)",
    lambda t: f"CAST(floor(extract(epoch FROM CAST({t} AS timestamp) AT TIME ZONE 'UTC')) AS bigint)", Integer())
"""A stored time (or a date, at its midnight) as whole seconds since 1970 UTC, for arithmetic inside a
query (the fraction of a second is dropped): SQLite's strftime of the stored text, a server's epoch of
the timestamp (stored in UTC without a zone, so read as UTC)."""
