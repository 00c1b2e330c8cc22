"""Erasures arriving by sync (PDPA, format 2): the receiving copy erases the same records, and a
change to an erased person's personal fields never brings the data back, whatever the order files
arrive in (services/erase.py does the erase itself; this is its part of an import).

Every copy ends with the same log: a change of an erased record holds the erased values of the
personal fields whether it was scrubbed where it was made, on arrival, or when the erasure
arrived after it; the scrub is a function of the change and the record's id alone.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from crm_desktop.db.changelog import encode_fields
from crm_desktop.db.search_index import SuspendedIndex
from crm_desktop.db.writer import Writer
from crm_desktop.models.privacy import ERASURE, PERSONAL_FIELDS, erase_mark
from crm_desktop.services.erase import Needles, Scrubber, erased_keys, scrub_change
from crm_desktop.sync.records import ChangeRecord

Key = tuple[str, str]


class Erasures:
    """One import's erasures: those in the log already and those arriving, inside its transaction."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.known: set[Key] | None = None  # read with the first batch, under the import's write lock
        self.needles: dict[Key, Needles] = {}
        self.scrubber = Scrubber(writer)
        self.reported: dict[str, set[str]] = {}

    def take(self, records: list[ChangeRecord]) -> list[Key]:
        """The records newly erased by this batch; every change of an erased record in `records` is
        scrubbed in place (its values kept aside, to be found in other records' texts)."""
        if self.known is None:
            self.known = erased_keys(self.writer.conn)
        fresh: list[Key] = []
        for rec in records:
            if rec.entity == ERASURE:
                key = (str(rec.fields["entity"]), rec.row_id)
                if key not in self.known:
                    self.known.add(key)
                    fresh.append(key)
        if not self.known:
            return fresh
        for rec in records:
            key = (rec.entity, rec.row_id)
            if rec.entity in PERSONAL_FIELDS and key in self.known:
                needles = self.needles.setdefault(key, Needles(erase_mark(rec.row_id)))
                needles.add(rec.fields)
                rec.fields = scrub_change(rec.entity, rec.row_id, rec.fields)
                rec.log = encode_fields(scrub_change(rec.entity, rec.row_id, json.loads(rec.log)))
        return fresh

    def apply(self, fresh: list[Key], index: SuspendedIndex) -> dict[str, set[str]]:
        """Erase the records `fresh` names (after the batch was written); the rows rewritten, per table."""
        for entity, row_id in fresh:
            self.scrubber.erase(entity, row_id, self.needles.get((entity, row_id)))
        touched = {}
        for table, ids in self.scrubber.touched.items():
            new = ids - self.reported.setdefault(table, set())
            if new:
                self.reported[table] |= new
                touched[table] = new
                index.changed(table, new)
        return touched

    def finish(self, session: Session) -> dict[str, set[str]]:
        """After the search index was rebuilt: the texts naming erased people, as edits of this copy
        (services/erase.py `write_edits`), then the index segments merged so no old term stays in
        the file. Returns the rows edited, per table."""
        edited = self.scrubber.write_edits(session)
        self.scrubber.finish()
        return edited
