"""Any list of the app (Leads, Deals, Products, Quotations, Orders, Accounts, Contacts, Activities) to a
file, as the list shows it: the rows its filters keep, in its sort, with its visible columns under
their headers as shown (in the UI language); CSV or .xlsx through the shared writer (`exchange.sheet`),
contacts also as vCard.

The list hands over what it has already: its ordered keys (record ids, which the lazy model holds anyway)
and the function it pages rows with. Rows are fetched `CHUNK` keys at a time and written as they come,
so 300,000 contacts are never held at once (only a chunk of frozen rows, never ORM objects). Each
column gives the value a file wants (the text shown, or a date, baht as a Decimal, a count) and its
kind the .xlsx number format (`sheet.NUMBER_FORMATS`: "code" keeps phones and tax ids as text).

`progress(done, total)` is called per chunk; when it returns False the export stops with `Cancelled`
and `output_file` removes the temporary file: a cancelled export leaves no half file, and a file it
was to replace stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desktop.db.bulk import Cancelled
from crm_desktop.db.output import output_file
from crm_desktop.errors import ValidationError
from crm_desktop.exchange.records import VCARD_VERSIONS, write_card_file
from crm_desktop.exchange.sheet import NUMBER_FORMATS, Cell, SheetColumn, check_format, write_sheet
from crm_desktop.exchange.vcard import VCard

CHUNK = 1000  # keys fetched at a time
KINDS = ("text", *NUMBER_FORMATS)

Key = str | int  # a record's id (the app's lists), or a row's position in a list held in memory (My day)
Fetch = Callable[[Sequence[Key]], Mapping[Key, Any]]  # keys -> {key: row}; a key that vanished is absent
FetchCards = Callable[[Sequence[Key]], Sequence[VCard]]  # keys -> cards in the keys' order
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ListColumn:
    """A visible column: its header as shown, its value for a file from a row, and its kind."""

    header: str
    cell: Callable[[Any], Cell]
    kind: str = "text"  # "text" or a key of sheet.NUMBER_FORMATS
    width: int = 0


@dataclass(frozen=True)
class ListExport:
    path: Path
    rows: int


def key_chunks(keys: Sequence[Key], chunk: int | None = None,
               progress: Progress | None = None) -> Iterator[Sequence[Key]]:
    """`keys` in chunks, reporting progress before each; raises Cancelled when progress says stop."""
    size = chunk or CHUNK
    total = len(keys)
    for start in range(0, total, size):
        if progress is not None and not progress(start, total):
            raise Cancelled()
        yield keys[start:start + size]
    if progress is not None and not progress(total, total):
        raise Cancelled()


def rows_by_keys(keys: Sequence[Key], fetch: Fetch, *, chunk: int | None = None,
                 progress: Progress | None = None) -> Iterator[Any]:
    """The rows of `keys` in the order of `keys`, fetched a chunk at a time; vanished keys are skipped."""
    for part in key_chunks(keys, chunk, progress):
        found = fetch(part)
        for key in part:
            row = found.get(key)
            if row is not None:
                yield row


def _file_value(value: Cell, kind: str, fmt: str) -> Cell:
    """`value` as the format holds it: a percent as a fraction in .xlsx (40 -> 40.0 %), a time to the
    minute as CSV text Excel reads as a date ("2026-11-23 14:05"), an empty text as an empty cell."""
    if value is None or value == "":
        return None
    if kind == "percent" and fmt == "xlsx" and isinstance(value, int | float | Decimal):
        return Decimal(str(value)).scaleb(-2)
    if isinstance(value, datetime) and fmt == "csv":
        return value.isoformat(sep=" ", timespec="minutes")  # strftime took 1.3 s of 9 for 60,000 rows
    return value


def list_cells(rows: Iterator[Any], columns: Sequence[ListColumn], fmt: str) -> Iterator[list[Cell]]:
    for row in rows:
        yield [_file_value(c.cell(row), c.kind, fmt) for c in columns]


def export_list(dest: Path, db_path: Path, fmt: str, title: str, columns: Sequence[ListColumn],
                keys: Sequence[Key], fetch: Fetch, *, progress: Progress | None = None, chunk: int | None = None,
                force: bool = True) -> ListExport:
    """Write the rows of `keys` (in their order) with `columns` to `dest` as "csv" or "xlsx".
    `dest` follows the rules of every output file (`db.output`); the app's save dialog has asked
    before replacing a file, hence `force`."""
    check_format(fmt)
    for column in columns:
        if column.kind not in KINDS:
            raise ValueError(f"unknown column kind {column.kind!r}")
    sheet_columns = [SheetColumn(c.header, NUMBER_FORMATS.get(c.kind, ""), c.width) for c in columns]
    with output_file(dest, db_path, force=force) as tmp:
        rows = rows_by_keys(keys, fetch, chunk=chunk, progress=progress)
        count = write_sheet(tmp, dest, fmt, title, sheet_columns, list_cells(rows, columns, fmt))
    return ListExport(dest, count)


def export_cards(dest: Path, db_path: Path, keys: Sequence[Key], fetch: FetchCards, *, version: str = "3.0",
                 progress: Progress | None = None, chunk: int | None = None, force: bool = True) -> ListExport:
    """Write the contacts of `keys` (in their order) to `dest` as vCard `version` ("3.0" or "4.0")."""
    if version not in VCARD_VERSIONS:
        raise ValidationError("vcard_version", "Choose vCard version 3.0 or 4.0.")
    cards = (card for part in key_chunks(keys, chunk, progress) for card in fetch(part))
    with output_file(dest, db_path, force=force) as tmp:
        count = write_card_file(tmp, dest, cards, version, chunk or CHUNK)
    return ListExport(dest, count)
