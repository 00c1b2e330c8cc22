"""A segment exported in the formats of every export (exchange/records.py: CSV, xlsx, vCard): the
people it holds who agreed to marketing (PDPA), or the companies; the result says how many people were
left out for want of consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crm_desktop.db.database import Database
from crm_desktop.errors import DomainError
from crm_desktop.exchange.records import RecordFilter, RecordsExport, export_records
from crm_desktop.queries.segments import RfmGroups, Who, resolve_rfm, segment_count


@dataclass(frozen=True)
class SegmentExport:
    export: RecordsExport
    left_out: int  # people without marketing consent


def export_segment(db: Database, who: Who, today: date, dest: Path, fmt: str, *, lang: str = "en",
                   rfm: RfmGroups | None = None, force: bool = False) -> SegmentExport:
    rfm = resolve_rfm(db, who, today, rfm)
    counted = segment_count(db, who, today, rfm)
    if not counted.with_consent:
        raise DomainError("The segment holds no one who agreed to marketing: nothing was exported."
                          if counted.total else "The segment holds no one: nothing was exported.")
    people = who.kind == "contacts"
    flt = RecordFilter(consent_only=people, condition=who.condition(today, rfm))
    done = export_records(db, "contacts" if people else "companies", dest, fmt, flt=flt, lang=lang, force=force)
    return SegmentExport(done, counted.without_consent)
