"""One person's data (queries/person.py) as a machine-readable file for a PDPA access request: JSON in
UTF-8 (Thai as it is, not escaped), keys sorted so two exports of the same data are the same bytes,
dates as ISO 8601 ("2026-11-23"), moments in UTC with their offset ("2026-11-23T03:00:00.011000+00:00"),
amounts in satang (whole numbers, as stored) beside baht as decimal text.

Every section is present even when empty, so a program reading the file needs no special cases.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from crm_desktop.db.output import write_output
from crm_desktop.queries.person import PersonData

FORMAT = "crm-desktop/person"
VERSION = 1
SECTIONS = ("fields", "consent", "activities", "deals", "quotations", "orders", "anniversaries", "relationships",
            "campaigns", "origin", "record_changes")


def _plain(value: Any) -> Any:
    """JSON's own types; dates ISO, naive stored moments as UTC."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _baht(satang: int) -> str:
    sign = "-" if satang < 0 else ""
    return f"{sign}{abs(satang) // 100}.{abs(satang) % 100:02d}"


def _documents(items: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [{**asdict(d), "grand_total_baht": _baht(d.grand_total_satang)} for d in items]


def person_document(data: PersonData) -> dict[str, Any]:
    """The export as JSON-ready values, every section of SECTIONS present."""
    origin = asdict(data.origin)
    origin["converted_from"] = (None if data.origin.converted_from is None else
                                dict(zip(("id", "name"), data.origin.converted_from, strict=True)))
    origin["converted_to"] = [dict(zip(("kind", "id", "name"), t, strict=True)) for t in data.origin.converted_to]
    return _plain({
        "format": FORMAT,
        "version": VERSION,
        "kind": data.kind,
        "id": data.id,
        "name": data.name,
        "exported_at": data.made_at,
        "fields": data.fields,
        "consent": {"given": data.consent_given, "consent_on": data.consent_on,
                    "history": [asdict(row) for row in reversed(data.consent_history)]},  # oldest first
        "activities": [asdict(a) for a in data.activities],
        "deals": [{**asdict(d), "amount_baht": _baht(d.amount_satang)} for d in data.deals],
        "quotations": _documents(data.quotations),
        "orders": _documents(data.orders),
        "anniversaries": [asdict(d) for d in data.dates],
        "relationships": [asdict(link) for link in data.links],
        "campaigns": [asdict(c) for c in data.campaigns],
        "origin": origin,
        "record_changes": [asdict(c) for c in data.changes],
    })


def person_json(data: PersonData) -> bytes:
    return (json.dumps(person_document(data), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_person_json(data: PersonData, dest: Path, db_path: Path, *, force: bool = False) -> Path:
    """Write the JSON by the rules of every output file (db/output.py)."""
    return write_output(dest, db_path, person_json(data), force=force)
