"""Column mappings saved by name: which field each of a file's columns goes to, found again by its
header's column names when next month's file comes (columns moved, one added or dropped)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from crm_desktop.errors import DomainError
from crm_desktop.import_plans.plans import ENTITIES


def header_key(header: str) -> str:
    """A header as compared: NFKC, case-folded, without spaces, punctuation and symbols; Thai marks
    kept ("E-mail 1 - Value" → "email1value", "เบอร์ โทร." → "เบอร์โทร")."""
    text = unicodedata.normalize("NFKC", header).casefold().replace("\u0e4d\u0e32", "\u0e33")
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PSZC")


def header_signature(headers: Sequence[str]) -> tuple[str, ...]:
    """The header's column keys, a repeated name numbered ("email", "email#2"), blanks left out."""
    seen: dict[str, int] = {}
    keys: list[str] = []
    for header in headers:
        key = header_key(header)
        if not key:
            continue
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return tuple(keys)


def _column_keys(headers: Sequence[str]) -> list[str | None]:
    """Per column its key in the signature (None for a blank header)."""
    signature = iter(header_signature(headers))
    return [next(signature) if header_key(h) else None for h in headers]


MATCH_AT_LEAST = 0.8  # share of the union of both headers' columns they must have in common


@dataclass(frozen=True, slots=True)
class Mapping:
    """A saved choice of fields for a file's columns, by column name (so moved columns still map)."""

    kind: str
    name: str
    signature: tuple[str, ...]
    columns: dict[str, str] = field(default_factory=dict)  # header key → field

    @classmethod
    def from_guesses(cls, kind: str, name: str, headers: Sequence[str], fields: Sequence[str | None]) -> Mapping:
        """What the user confirmed in the wizard: `fields[i]` for column i."""
        keys = _column_keys(headers)
        return cls(kind, name, header_signature(headers),
                   {k: f for k, f in zip(keys, fields, strict=True) if k is not None and f is not None})

    def fields_for(self, headers: Sequence[str], known: Collection[str]) -> list[str | None]:
        """The field of each column of a file with these headers (None: not imported; `known`: the
        fields the kind can import now)."""
        return [self.columns.get(k) if k is not None and self.columns.get(k) in known else None
                for k in _column_keys(headers)]

    def to_json(self) -> str:
        return json.dumps({"version": 1, "kind": self.kind, "name": self.name, "signature": list(self.signature),
                           "columns": self.columns}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        """Read a saved mapping; it comes from the settings (and other copies by sync), so check it."""
        try:
            data = json.loads(text)
            kind, name, signature, columns = data["kind"], data["name"], data["signature"], data["columns"]
            well_formed = (data.get("version") == 1 and kind in ENTITIES and isinstance(name, str)
                           and isinstance(signature, list) and all(isinstance(s, str) for s in signature)
                           and isinstance(columns, dict)
                           and all(isinstance(k, str) and isinstance(v, str) for k, v in columns.items()))
        except (ValueError, TypeError, KeyError, AttributeError):
            well_formed = False
        if not well_formed:
            raise DomainError("A saved column mapping cannot be read; choose the columns again.")
        return cls(kind, name, tuple(signature), dict(columns))


def find_saved(kind: str, headers: Sequence[str], saved: Iterable[Mapping]) -> Mapping | None:
    """The saved mapping for a file with these headers: the same columns in any order, or nearly
    the same (a column added or dropped) when every column it maps is still there; the closest wins."""
    signature = set(header_signature(headers))
    best: tuple[float, Mapping] | None = None
    for mapping in saved:
        if mapping.kind != kind or not set(mapping.columns) <= signature:
            continue
        theirs = set(mapping.signature)
        score = len(signature & theirs) / len(signature | theirs) if signature | theirs else 0.0
        if score >= MATCH_AT_LEAST and (best is None or score > best[0]):
            best = (score, mapping)
    return best[1] if best else None
