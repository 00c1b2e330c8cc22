"""The rows an import left out, with the reasons, as a CSV the user fixes and imports again.

The rejected rows are written as the file had them (the same columns, read again from the file, so
the import keeps no copy of every cell), with one more column for the reasons. UTF-8 with a BOM, so
that Excel shows Thai; written through `db.output` (never half a file, never over the database).

A problem of a whole field (a contact without a first name is refused by the contact's rules) has no
cell to point at: its text names the field by its label ("Row 4, First name: This field is required.").
The labels are the app's (views/field_labels.py, Qt translations), so the wizard passes them in; the
command line, which has no Qt, names the field by its own name.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from crm_desktop.db.output import output_file
from crm_desktop.errors import DomainError, StorageError, ValidationError
from crm_desktop.exchange.rows import ImportFile
from crm_desktop.exchange.tables import read_table
from crm_desktop.messages import translate

REASON_HEADER = "Problem"
FIELD_PROBLEM = "Row {row}, {field}: {problem}"
Labels = Callable[[str], str]  # a field's name → what the user calls it


class Rejected(Protocol):
    @property
    def source_row(self) -> int: ...
    @property
    def problems(self) -> Sequence[DomainError]: ...


def plain_label(name: str) -> str:
    """A field's name where the app's labels are not at hand (the command line): "first_name" → "First name"."""
    return name.replace("_", " ").capitalize()


def problem_text(problem: DomainError, lang: str = "en", label: Labels = plain_label, row: int | None = None) -> str:
    """A problem in the user's language; one of a whole field named by the field's label, and by the
    row when `row` is given (a cell's problem names its row and column already)."""
    if not isinstance(problem, ValidationError):
        return problem.text(lang)
    if row is None:
        return f"{label(problem.field)}: {problem.text(lang)}"
    return translate(FIELD_PROBLEM, lang).format(row=row, field=label(problem.field), problem=problem.text(lang))


def rejected_text(rejected: Rejected, lang: str = "en", label: Labels = plain_label, *, row: bool = False) -> str:
    """Why a row was left out: each of its problems, with the row's number where a problem lacks it."""
    return "; ".join(problem_text(p, lang, label, rejected.source_row if row else None) for p in rejected.problems)


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def write_rejected(dest: Path, source: Path, loaded: ImportFile, rejected: Sequence[Rejected], db_path: Path,
                   lang: str = "en", *, sheet: str | None = None, force: bool = False,
                   label: Labels = plain_label) -> int:
    """Write `rejected` (rows of `source`, read as `loaded`) to `dest`; the number of rows written."""
    reasons = {r.source_row: rejected_text(r, lang, label, row=True) for r in rejected}
    if loaded.guesses:  # a table: its own columns, read again
        table = read_table(source, sheet=sheet)
        header = table.header
        try:
            found = [(row.number, [_text(c) for c in row.cells]) for row in table.rows if row.number in reasons]
        finally:
            table.close()
    else:  # vCards: the values as read
        header = sorted({k for row in loaded.rows if row.source_row in reasons for k in row.values})
        found = [(row.source_row, [_text(row.values.get(k)) for k in header])
                 for row in loaded.rows if row.source_row in reasons]
    with output_file(dest, db_path, force=force) as tmp:
        try:
            with tmp.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow([*header, translate(REASON_HEADER, lang)])
                for number, cells in found:
                    writer.writerow([*cells, reasons[number]])
        except OSError as exc:
            raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    return len(found)
