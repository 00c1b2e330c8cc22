"""The rows an import left out, with the reasons, as a CSV the user fixes and imports again.

The rejected rows are written as the file had them (the same columns, read again from the file, so
the import keeps no copy of every cell), with one more column for the reasons. UTF-8 with a BOM, so
that Excel shows Thai; written through `db.output` (never half a file, never over the database).

A problem of a whole field (a contact without a first name) names the field and the row
(exchange/problems.py): "Row 4, First name: This field is required.".
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from crm_desktop.db.output import output_file
from crm_desktop.errors import StorageError
from crm_desktop.exchange.rows import ImportFile
from crm_desktop.exchange.tables import read_table
from crm_desktop.import_plans.problems import Labels, Rejected, plain_label, rejected_text
from crm_desktop.messages import translate

REASON_HEADER = "Problem"


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
