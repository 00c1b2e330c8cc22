"""This copy's own record of file sync (DESIGN §5): peers, exchanges, conflicts, waiting rows.

None of these tables is synced or logged: each copy keeps its own view of whom it exchanged with.
"""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base


class SyncPeer(Base):
    """Another copy we imported a bundle from, and what it had seen then (its version vector)."""

    __tablename__ = "sync_peer"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    vector_json: Mapped[str] = mapped_column(Text, default="{}")
    last_import_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class SyncExchange(Base):
    """One export or import, for the history list: when, which file, how much changed."""

    __tablename__ = "sync_exchange"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    direction: Mapped[str] = mapped_column(String(8))  # "export" or "import"
    peer_site: Mapped[str] = mapped_column(String(16), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[int] = mapped_column(Integer, default=0)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")


class SyncConflict(Base):
    """Two copies changed the same field to different values without seeing each other's change.

    The winner (later clock) is in the record; a person may keep the loser's value instead, which
    writes a new change that syncs on. With a `rule` (sync/invariants.py), the winner is a repair this
    copy wrote because the loser broke that rule once merged (a stage deleted while deals moved into
    it): the loser's value cannot be kept.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    winner_value: Mapped[str | None] = mapped_column(Text)
    winner_hlc: Mapped[int] = mapped_column(BigInteger)
    winner_site: Mapped[str] = mapped_column(String(16))
    winner_user: Mapped[str | None] = mapped_column(String(36))
    loser_value: Mapped[str | None] = mapped_column(Text)
    loser_hlc: Mapped[int] = mapped_column(BigInteger)
    loser_site: Mapped[str] = mapped_column(String(16))
    loser_user: Mapped[str | None] = mapped_column(String(36))
    detected_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # "kept", "flipped", "superseded"
    rule: Mapped[str] = mapped_column(String(20), default="", server_default="")  # "" for a clash of values


class SyncPending(Base):
    """A row whose changes arrived before its parent (or before its required fields): kept in the log,
    written to its table by the import that brings what it lacks."""

    __tablename__ = "sync_pending"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
