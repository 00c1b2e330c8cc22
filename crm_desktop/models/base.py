"""Declarative base and the sync columns every user-data table carries (DESIGN §3, §5)."""

import os
import time
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    DateTime,
    Index,
    MetaData,
    String,
    TextClause,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from crm_desktop.models.spelled import per_engine

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A fresh row id: a time-ordered UUID (version 7 layout).

    UUIDs let offline copies create rows without clashing; putting the time first makes new ids
    sort after old ones, so index inserts append instead of landing at random pages.
    """
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | rand
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))


def new_ids(count: int) -> list[str]:
    """`count` fresh row ids at once, laid out as `new_id`'s (one clock reading, one read of random
    bytes: a million of them for the sample data cost 3 s one by one), in increasing order: they share
    their time, so unsorted they would land at random places of the primary key's index (100,000
    imported contacts went in 15 % slower)."""
    ms = (time.time_ns() // 1_000_000) & 0xFFFF_FFFF_FFFF
    head = f"{ms:012x}"
    head = f"{head[:8]}-{head[8:]}-7"
    rand = os.urandom(10 * count).hex()
    variants = "89ab"
    return sorted(f"{head}{rand[i:i + 3]}-{variants[int(rand[i + 3], 16) & 3]}{rand[i + 4:i + 7]}-{rand[i + 7:i + 19]}"
                  for i in range(0, 20 * count, 20))


def fixed_id(kind: str, key: str) -> str:
    """Id for rows every copy creates by itself (default stages, settings), equal on all copies."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"crm-desktop:{kind}:{key}"))


def partial_index(name: str, *columns: str | ColumnElement[Any], where: str | TextClause) -> Index:
    """An index of only the rows meeting `where` (live rows, filled-in columns), as SQLite spells it.

    PostgreSQL's spelling (`postgresql_where`) is left out on purpose: naming it makes SQLAlchemy import
    its PostgreSQL dialect, and asyncio with it, in every start of the app (50 ms). The office server
    (issue 17) adds it when it opens a PostgreSQL database.
    """
    return Index(name, *columns, sqlite_where=text(where) if isinstance(where, str) else where)


def sparse_index(name: str, column: str) -> Index:
    """An index over the rows where `column` is filled in (phones, e-mails, tax ids).

    Most rows leave such a column empty; with a plain index SQLite's statistics then say "one value
    covers most rows" and it scans the table instead (90 ms over 200,000 leads). Queries that want
    this index must say `column != ''` too.
    """
    return partial_index(name, column, where=f"{column} != ''")



month_day = per_engine("month_day", lambda date: f"substr({date}, 6, 5)", lambda date: f"crm_month_day({date})",
                       String())
""""MM-DD" of a date column (birthdays, founding days): what yearly dates are looked up by.

SQLite stores dates as ISO text, so this is a slice of it; `month_day_index` indexes the same expression,
and a query must spell it exactly so for SQLite to use that index (hence literal numbers, not bound
parameters). PostgreSQL stores dates as dates: `crm_month_day` (an immutable function of migration
0011, so that it can be indexed) formats them the same way."""


def month_day_index(name: str, column: str) -> Index:
    """An index of the live rows' `month_day(column)` where the date is known (most rows leave it empty):
    the anniversaries of a month among 100,000 contacts come from an index range, not a table scan.
    Queries must repeat the condition (`column IS NOT NULL AND deleted_at IS NULL`)."""
    return partial_index(name, month_day(text(column)), where=f"{column} IS NOT NULL AND deleted_at IS NULL")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncMixin:
    """Columns the change log and file sync rely on; set by the unit of work, never by hand."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # Stamped by the change log hook (db/changelog.py) from the application clock: no default here.
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    site_id: Mapped[str] = mapped_column(String(16), default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        """The row's clock is its version: every ORM UPDATE says `WHERE hlc = <the clock it loaded>`, so a
        change another desktop committed after the load fails the write instead of being overwritten
        (ARCHITECTURE.md, "Several desktops"). The change log hook sets the new clock itself."""
        return {"version_id_col": cls.__table__.c.hlc, "version_id_generator": False}  # type: ignore[attr-defined]


# Columns the change log does not record as fields: they travel as the change's own metadata.
SYNC_COLUMNS = frozenset({"id", "created_at", "updated_at", "hlc", "site_id"})
# Columns computed from other fields (match_key: db/derived.py; a lead's score: from the lead and
# the scoring rules, services/scoring.py; totals kept from other tables by triggers: db/kept.py): not
# user data, never logged; every copy recomputes them.
DERIVED_COLUMNS = frozenset({"last_contact_on", "lines_net_satang", "match_key", "score", "sort_key"})
# A sort key (crm_desktop/collation.py) compares as bytes, as SQLite does; PostgreSQL needs the "C"
# collation for that, not the database's own. At most 403: a 201-character name, a separator and its marks.
SORT_KEY = String(403).with_variant(String(403, collation="C"), "postgresql")
