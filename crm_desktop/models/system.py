"""Bookkeeping tables: the field-level change log, shared settings and this copy's local state."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin
from crm_desktop.models.rules import NOTES_MAX, rules

# The editable choice lists (services/picklists.py).
PICK_LIST_KINDS = ("lead_source", "disqualify_reason", "loss_reason", "product_unit")


class Change(Base):
    """One change of one record: the audit trail, the stage-history source and the sync payload.

    `fields` holds the changed fields' new values as one JSON object ({"name": "…", "phone": null}):
    the log is field-level, but a row per field made it the biggest cost of imports and exports.
    """

    __tablename__ = "change"
    __table_args__ = (
        Index("ix_change_row", "entity", "row_id"),
        Index("ix_change_site_hlc", "site_id", "hlc"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[int] = mapped_column(BigInteger)
    site_id: Mapped[str] = mapped_column(String(16))
    # The row's clock before this change: the version its writer had seen. A sync import compares it
    # with another copy's change of the same field to tell an overwrite from a concurrent edit.
    base_hlc: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    user_id: Mapped[str | None] = mapped_column(String(36))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    fields: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class Setting(SyncMixin, Base):
    """Office-wide settings (company name…); ids are fixed per key so copies agree."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))


class LiveCount(Base):
    """How many live (not deleted) rows a listed table has, kept by triggers (db/live_counts.py) in the
    writes' own transactions: an unfiltered list shows its count without counting a million rows.
    Derived from the rows, so never synced nor logged."""

    __tablename__ = "live_count"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    live: Mapped[int] = mapped_column(Integer, default=0)


class LocalState(Base):
    """Facts about this copy only (site id, current user): never synced, never logged."""

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class PickList(SyncMixin, Base):
    """Editable choice lists (disqualify reasons, loss reasons, lead sources…), ordered.

    Entries every copy ships with get fixed ids (kind + value), so two copies never duplicate them.
    """

    __tablename__ = "pick_list"
    __table_args__ = (Index("ix_pick_list_kind", "kind", "position"),)

    kind: Mapped[str] = mapped_column(String(40), info=rules(choices=PICK_LIST_KINDS))
    value: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    position: Mapped[int] = mapped_column(Integer, default=0)


class MergeLog(SyncMixin, Base):
    """One merge of two duplicate records, with what is needed to undo it (services/duplicates.py).

    `winner_before_json`: {field: [value before, value the merge set]} for the winner's copied fields;
    `relinked_json`: [[table, column, row id], ...] for every reference moved from loser to winner.
    Values are JSON as in the change log (dates as ISO strings).
    """

    __tablename__ = "merge_log"

    kind: Mapped[str] = mapped_column(String(20))
    winner_id: Mapped[str] = mapped_column(String(36), index=True)
    loser_id: Mapped[str] = mapped_column(String(36), index=True)
    winner_before_json: Mapped[str] = mapped_column(Text, default="{}")
    relinked_json: Mapped[str] = mapped_column(Text, default="[]")
    merged_at: Mapped[datetime] = mapped_column(DateTime)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
