"""An import file read into neutral rows: a table (CSV/TSV/xlsx) with its guessed columns, vCards, or
an iCalendar file's events (exchange/ics_read.py; activities only).

The whole file is read before anything is written (the import is all or nothing); a file that
cannot be read at all raises its DomainError here. vCards go through the same `RowReader` as a
table's cells, so a card's phones, names and dates pass the very same field rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from pathlib import Path

from crm_desktop.db.bulk import gc_paused
from crm_desktop.errors import DomainError
from crm_desktop.exchange.activity_rows import activity_row
from crm_desktop.exchange.fields import importable_fields
from crm_desktop.exchange.mapping import Guess, RowReader, guess_columns
from crm_desktop.exchange.tables import read_table
from crm_desktop.exchange.vcard import VCard, read_vcards
from crm_desktop.import_plans.cells import CellError, NeutralRow
from crm_desktop.import_plans.mappings import Mapping

SAMPLE_ROWS = 50  # rows whose values help guess the columns
VCARD_SUFFIXES = {".vcf", ".vcard"}
ICS_SUFFIXES = {".ics", ".ical", ".icalendar", ".ifb"}
_CARD_FIELDS = ["prefix", "first_name", "last_name", "nickname", "position", "mobile", "phone", "email",
                "birthday", "notes", "full_name", "company"]
_NAME_PARTS = ("prefix", "first_name", "last_name")


@dataclass
class ImportFile:
    """The rows of a file, and how its columns were mapped (empty for vCards)."""

    rows: list[NeutralRow]
    guesses: list[Guess]
    warnings: list[DomainError] = field(default_factory=list)  # about the whole file (an .ics file's)


@gc_paused()  # 100,000 rows of parsed values: the cycle collector's passes over them cost 15 % of a read
def read_import_file(path: Path, kind: str, *, sheet: str | None = None, mapping: Mapping | None = None) -> ImportFile:
    """Every row of `path` as NeutralRows for an import of `kind`, the columns guessed from the header
    or, for a table, taken from `mapping` (a saved one, or what the user chose in the wizard)."""
    problem = kind_problem(path, kind)
    if problem is not None:
        raise problem
    if path.suffix.lower() in VCARD_SUFFIXES:
        # A card without N: its formatted name is split instead (the reader lets own columns win).
        parts = RowReader(kind, _CARD_FIELDS, [f if f != "full_name" else None for f in _CARD_FIELDS])
        whole = RowReader(kind, _CARD_FIELDS, [None if f in _NAME_PARTS else f for f in _CARD_FIELDS])
        return ImportFile([_card_row(card, parts if card.first_name or card.last_name else whole)
                           for card in read_vcards(path)], [])
    if path.suffix.lower() in ICS_SUFFIXES:  # calendars hold activities (exchange/ics_read.py)
        from crm_desktop.exchange.ics_read import read_ics  # icalendar: not loaded for other files

        calendar = read_ics(path)
        return ImportFile(calendar.rows, [], calendar.warnings)
    table = read_table(path, sheet=sheet)
    try:  # the first rows guess the columns; the rest stream past (the file's cells are never all held)
        head = list(islice(table.rows, SAMPLE_ROWS))
        guesses = guess_columns(kind, table.header, [row.cells for row in head])
        chosen = (mapping.fields_for(table.header, importable_fields(mapping.kind)) if mapping is not None
                  else [g.field for g in guesses])
        reader = RowReader(kind, table.header, chosen)
        read = [reader.read(row.cells, row.number) for row in chain(head, table.rows)]
    finally:
        table.close()
    if kind == "activities":  # a date and its times, words for kinds (exchange/activity_rows.py)
        headers = {f: h for f, h in zip(chosen, table.header, strict=False) if f is not None}
        read = [activity_row(row, headers) for row in read]
    return ImportFile(read, guesses)


def kind_problem(path: Path, kind: str) -> DomainError | None:
    """Why `path` cannot be imported as `kind` (vCards hold contacts, a calendar activities), or None;
    the wizard says it as soon as the file and kind are chosen."""
    if path.suffix.lower() in VCARD_SUFFIXES and kind != "contacts":
        return DomainError("A vCard file holds contacts: import it as contacts.")
    if path.suffix.lower() in ICS_SUFFIXES and kind != "activities":
        return DomainError("A calendar file (.ics) holds activities: import it as activities.")
    return None


def _card_row(card: VCard, reader: RowReader) -> NeutralRow:
    """A card as a row, with what the reader skipped or guessed on it (a photo, a broken property) as
    the row's warnings: the preview shows them and the card is imported without them."""
    row = reader.read(_card_cells(card), card.index)
    row.warnings.extend(CellError(card.index, "vCard", DomainError(w.template, **dict(w.params)))
                        for w in card.warnings)
    return row


def _card_cells(card: VCard) -> list[object]:
    """A card as cells in `_CARD_FIELDS` order: mobiles first (the reader spills the rest to the phone);
    a birthday without its year as vCard writes it ("--03-15"), for the anniversary calendar."""
    mobiles = [p.number for p in card.phones if "cell" in p.kinds]
    others = [p.number for p in card.phones if "cell" not in p.kinds]
    born = card.birthday
    birthday: object = None
    if born is not None:
        birthday = date(born.year, born.month, born.day) if born.year else f"--{born.month:02}-{born.day:02}"
    return [card.prefix, card.first_name, card.last_name, card.nickname, card.title,
            ", ".join(mobiles), ", ".join(others), card.emails[0].address if card.emails else "",
            birthday, card.note, card.formatted_name, card.company]
