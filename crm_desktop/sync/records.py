"""Change records as they travel in a sync file, and their strict check against our schema.

One line of `changes.ndjson` is one change of one row:
`{"e": entity, "r": row id, "h": clock, "s": site, "b": base clock, "u": user, "t": time, "f": {field: value}}`.
Every value is checked against its column's type before the database is touched, so a record we
could not store refuses the whole file instead of failing half-way.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import count
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, String, Table, Text

from crm_desktop.db.changelog import NOT_LOGGED, encode_fields
from crm_desktop.db.hlc import HLC_MAX
from crm_desktop.db.times import stored_time
from crm_desktop.models import synced_models
from crm_desktop.models.privacy import ERASURE, PERSONAL_FIELDS
from crm_desktop.models.rules import rule_of
from crm_desktop.sync.bundle import BundleRefused
from crm_desktop.sync.rules import BrokenRule, TextRule, ranged

Check = Callable[[Any], Any]  # returns the column value, raises ValueError/TypeError if impossible


@dataclass(slots=True)
class ChangeRecord:
    entity: str
    row_id: str
    hlc: int
    site_id: str
    base_hlc: int
    user_id: str | None
    changed_at: str  # as SQLAlchemy stores times in SQLite (text order is time order); rows get it as is
    fields: dict[str, Any]  # column values as bound to SQLite (a date as its YYYY-MM-DD text)
    log: str  # the same values as the change log's JSON object


@dataclass(slots=True)
class Head:
    """Where a line is and which change it holds: enough to know whether we have it already."""

    number: int
    site_id: str
    hlc: int


@dataclass(slots=True)
class Line(Head):
    text: str


def synced_tables() -> dict[str, Table]:
    return {name: model.__table__ for name, model in synced_models().items()}  # type: ignore[misc]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("whole number expected")
    if not -_INT_LIMIT <= value < _INT_LIMIT:
        raise ValueError("number too large")
    return value


_INT_LIMIT = 1 << 63  # SQLite's integers are 64-bit


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("true or false expected")
    return value


def _number(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("number expected")
    if not math.isfinite(value):  # JSON has no NaN: the log could not be read back
        raise ValueError("finite number expected")
    return value


def _date(value: Any) -> str:
    """A real date written as the change log writes it (2026-11-23), which is also how SQLite stores
    it: the text is kept, not turned into a date and back for 100k rows."""
    if date.fromisoformat(_text(value)).isoformat() != value:
        raise ValueError("date expected as YYYY-MM-DD")
    return value


def _datetime(value: Any) -> str:
    """A real time written as the change log writes it (ISO), bound in the form SQLAlchemy stores."""
    moment = datetime.fromisoformat(_text(value))
    if moment.isoformat() != value:
        raise ValueError("time expected as YYYY-MM-DDTHH:MM:SS")
    return stored_time(moment)


def _check_for(column_type: object) -> Check:
    for kind, check in ((DateTime, _datetime), (Date, _date), (Boolean, _bool), (Integer, _int),
                        (Float, _number), (Numeric, _number), (String, _text), (Text, _text)):
        if isinstance(column_type, kind):
            return check
    raise TypeError(f"no sync check for {column_type!r}")


@dataclass(slots=True)
class _Shape:
    """How the changes with one set of field names are checked (see `_Fields`)."""

    texts: tuple[str, ...]  # text fields: checked a column at a time (`texts_pass`)
    others: list[tuple[str, Check, bool]]  # (field, check, may be null): checked one change at a time
    waiting: list[Any]  # the text values of the changes met since the last `texts_pass`, change after change


class _Fields:
    """The value checks of one table's fields: its column types and field rules (models/rules.py).

    Text fields are the bulk of a big file (a million values and more): `check` only collects each
    change's text, per set of field names, and `texts_pass` checks it a column at a time at C speed
    (sync/rules.py); the other values are checked (and dates turned into stored text) one by one.
    """

    def __init__(self, table: Table) -> None:
        self.columns, self.texts, self.checks = _column_checks(table.name)
        self.shapes: dict[tuple[str, ...], _Shape] = {}

    def check(self, fields: dict[str, Any]) -> None:
        """Refuse an unknown field or an impossible non-text value; turn date texts into dates, in place."""
        names = tuple(fields)
        shape = self.shapes.get(names)
        if shape is None:
            shape = self.shapes[names] = self._shape(names)
        shape.waiting.extend(map(fields.__getitem__, shape.texts))
        for name, check, nullable in shape.others:
            value = fields[name]
            if value is not None:
                fields[name] = check(value)
            elif not nullable:
                raise ValueError(f"{name} may not be empty")

    def texts_pass(self) -> bool:
        """Whether the text of every change collected since the last call is of its type and keeps its rules."""
        columns: dict[str, list[Any]] = defaultdict(list)
        for shape in self.shapes.values():
            if shape.waiting:
                step = len(shape.texts)
                for i, name in enumerate(shape.texts):
                    columns[name] += shape.waiting[i::step]
                shape.waiting.clear()
        return all(self.texts[name].passes(values) for name, values in columns.items())

    def explain_texts(self, fields: dict[str, Any]) -> None:
        """Raise the error of the first text value of a change that breaks its type or rule."""
        for name in self.shapes[tuple(fields)].texts:
            self.texts[name].explain(fields[name])

    def _shape(self, names: tuple[str, ...]) -> _Shape:
        if not self.columns.keys() >= set(names):
            raise ValueError(f"unknown field {next(n for n in names if n not in self.columns)!r}")
        return _Shape(tuple(n for n in names if n in self.texts),
                      [(n, self.checks[n], self.columns[n][1]) for n in names if n in self.checks], [])


@cache
def _column_checks(name: str) -> tuple[dict[str, tuple[Check, bool]], dict[str, TextRule], dict[str, Check]]:
    """A table's (check, may be null) per field, its text rules, and the other fields' checks with the
    range their column allows; made once per run (every import builds a Schema, a re-import too)."""
    logged = [c for c in synced_tables()[name].columns if c.key not in NOT_LOGGED]
    columns = {c.key: (_check_for(c.type), bool(c.nullable)) for c in logged}
    texts = {c.key: TextRule.of(c) for c in logged if columns[c.key][0] is _text}
    checks = {c.key: ranged(c.key, columns[c.key][0], rule_of(c)) for c in logged if c.key not in texts}
    return columns, texts, checks


class _ErasureFields:
    """An erase (format 2) carries one field, the kind of the erased record: {"entity": "contact"}."""

    def check(self, fields: dict[str, Any]) -> None:
        if list(fields) != ["entity"] or fields["entity"] not in PERSONAL_FIELDS:
            raise ValueError("an erasure names the kind of the erased record and nothing else")

    def texts_pass(self) -> bool:
        return True

    def explain_texts(self, fields: dict[str, Any]) -> None:
        """Nothing to explain: `check` already refused a bad erasure."""


class Schema:
    """Per synced table, the checks of the fields the change log may carry (and of erasures)."""

    def __init__(self, horizon: int = HLC_MAX) -> None:
        """`horizon`: the largest base clock a change may carry (see db.hlc.horizon)."""
        self.tables = synced_tables()
        self.fields: dict[str, _Fields | _ErasureFields] = {name: _Fields(table) for name, table in self.tables.items()}
        self.fields[ERASURE] = _ErasureFields()
        self.horizon = horizon

    def texts_pass(self) -> bool:
        """The column-wise text check of every change recorded since the last call (each table's)."""
        return all([fields.texts_pass() for fields in self.fields.values()])  # a list: every table forgets

    def record(self, line: Line, data: Any) -> ChangeRecord:
        if not isinstance(data, dict):
            raise TypeError("object expected")
        # Nothing else rides along, however nested (the known parts are checked below). Our lines
        # skip the set test: with eight parts, b, u and f among them, an unknown one would have
        # taken the place of e, r, h, s or t, which are required below.
        if (len(data) != len(_KEYS) or "b" not in data or "u" not in data or "f" not in data) \
                and not _KEYS.issuperset(data):
            raise ValueError(f"unknown part {min(data.keys() - _KEYS)!r}")
        if data.get("s") != line.site_id or data.get("h") != line.hlc:
            raise ValueError("site or clock given twice")
        entity = data["e"]
        checks = self.fields.get(entity)
        if checks is None:
            raise ValueError(f"unknown kind of record {entity!r}")
        fields = data.get("f") or {}
        if not isinstance(fields, dict):
            raise TypeError("fields expected")
        log = encode_fields(fields)  # before dates become dates: all JSON values, one C-level call
        checks.check(fields)
        row_id, user = _text(data["r"]), data.get("u")
        if "\\u" in line.text:  # an escape could stand for half a character, which no database can hold
            _storable(log, row_id, user or "")
        if not row_id or len(row_id) > 36:
            raise ValueError("bad row id")
        base = _int(data.get("b", 0))
        if not 0 <= base <= self.horizon:
            raise ValueError("base clock out of range")
        at = data["t"]
        moment = datetime.fromisoformat(_text(at))  # a real time, or refused
        if not _STORED_TIME.fullmatch(at):  # our own files carry the stored form already
            at = stored_time(moment)
        return ChangeRecord(entity, row_id, line.hlc, line.site_id, base, None if user is None else _text(user),
                            at, fields, log)


_KEYS = frozenset("erhsbutf")  # the parts of a line (module docstring)


def _storable(*texts: str) -> None:
    try:
        for text in texts:
            text.encode()
    except UnicodeEncodeError as exc:
        raise ValueError("a text holds half a character (a lone surrogate)") from exc


_STORED_TIME = re.compile(r"[0-9]{4}-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]\.[0-9]{6}")
# How our own files begin each line: enough to read site and clock without parsing the whole line.
_HEAD = re.compile(r'\{"e":"[a-z_]{1,40}","r":"[^"\\]{1,36}","h":([1-9][0-9]{0,18}),"s":"([^"\\]{1,16})"')


# A payload up to this size (100k changes are about 70 MB) is read once: its lines are kept from
# the checking reading for the import. A bigger one is read a second time, a batch at a time.
KEEP_TEXT = 96 << 20


class HeadReader:
    """Collects the head of every line while the file is checked (`add` is `read_bundle`'s on_lines).

    Only the start of a line is read: a change we already have is never parsed further (a
    re-imported file is skipped quickly). A line written differently is parsed whole.
    """

    def __init__(self, name: str, horizon: int = HLC_MAX) -> None:
        """`horizon`: the largest clock a change may carry (see db.hlc.horizon); the newest one
        beyond it is kept in `future` for the caller to refuse, naming the copy the file came from."""
        self.name = name
        self.horizon = horizon
        self.future = 0
        self.newest = 0  # the newest clock of all lines
        self.heads: list[Head] = []
        self.texts: list[str] | None = []  # None once the payload outgrew KEEP_TEXT
        self.room = KEEP_TEXT

    def add(self, first: int, raw_lines: list[bytes]) -> None:
        """A block of lines, the first being line number `first`: decoded at once, then read a line each."""
        raw = b"\n".join(raw_lines)  # a newline byte is never part of a longer UTF-8 character
        lines = _decoded(raw, self.name).split("\n")
        if self.texts is not None:
            self.room -= len(raw)
            if self.room < 0:
                self.texts = None
        keep, heads, match, horizon = self.texts, self.heads, _HEAD.match, self.horizon
        found = list(map(match, lines))
        if None not in found:  # every line ours (the usual block): read at C speed, as the loop below would
            clocks = list(map(int, map(itemgetter(1), found)))
            newest = max(clocks, default=0)
            if newest <= horizon:
                self.newest = max(self.newest, newest)
                heads += map(Head, count(first), map(itemgetter(2), found), clocks)
                if keep is not None:
                    keep += lines
                return
        for number, text in enumerate(lines, start=first):
            head = match(text)
            if head is not None and (hlc := int(head[1])) <= horizon:  # our own files: site and clock
                heads.append(Head(number, head[2], hlc))
            elif text.strip():
                heads.append(self._head(number, text))
            else:
                continue
            self.newest = max(self.newest, heads[-1].hlc)
            if keep is not None:
                keep.append(text)

    def _head(self, number: int, text: str) -> Head:
        """Site and clock of a line written otherwise than ours (or with an impossible or future clock)."""
        try:
            data = _loads(text)
            if not isinstance(data, dict):
                raise TypeError("object expected")
            site, hlc = _text(data["s"]), _int(data["h"])
            _storable(site)
            if not site or len(site) > 16 or hlc <= 0:
                raise ValueError("bad site or clock")
        except (ValueError, TypeError, KeyError) as exc:
            raise refused_line(number, self.name, exc) from exc
        if hlc > self.horizon:
            self.future = max(self.future, hlc)
        return Head(number, site, hlc)

    def kept_lines(self) -> list[Line] | None:
        """The lines themselves, if the payload was small enough to keep from the first reading."""
        if self.texts is None:
            return None
        return [Line(h.number, h.site_id, h.hlc, t) for h, t in zip(self.heads, self.texts, strict=True)]


def full_lines(raw_lines: Iterable[bytes], heads: list[Head], name: str) -> Iterator[Line]:
    """The lines of a second reading of the file, each with the head the first reading found."""
    pending = iter(heads)
    for number, raw in enumerate(raw_lines, start=1):
        text = _decoded(raw, name)
        if not text.strip():
            continue
        head = next(pending, None)
        if head is None or head.number != number:
            raise BundleRefused(_CHANGED, name=name)
        yield Line(number, head.site_id, head.hlc, text)
    if next(pending, None) is not None:
        raise BundleRefused(_CHANGED, name=name)


_CHANGED = "The file {name} changed while it was being imported. Nothing was imported."


def check_lines(lines: list[Line], name: str, schema: Schema) -> list[ChangeRecord]:
    """The changes of `lines`, each parsed and checked field by field against its column, or BundleRefused."""
    try:  # one parse of all lines is much faster than one per line
        parsed = json.loads("[" + ",".join(line.text for line in lines) + "]")
    except (ValueError, RecursionError):
        parsed = None
    if parsed is None or len(parsed) != len(lines):  # a bad line, or one holding two records: find it
        parsed = [_parse(line, name) for line in lines]
    records: list[ChangeRecord] = []
    for line, data in zip(lines, parsed, strict=True):
        try:
            records.append(schema.record(line, data))
        except BrokenRule as exc:  # a value no form accepts: named with the field and the rule
            raise exc.refusal(line.number, name, data) from exc
        except (ValueError, TypeError, KeyError) as exc:
            raise refused_line(line.number, name, exc) from exc
        except RecursionError as exc:  # nested deep enough for JSON, still too deep to log
            raise refused_line(line.number, name, _too_deep()) from exc
    if not schema.texts_pass():  # some text breaks a rule: find the first line holding it
        for line, data, rec in zip(lines, parsed, records, strict=True):
            try:
                schema.fields[rec.entity].explain_texts(rec.fields)
            except BrokenRule as exc:
                raise exc.refusal(line.number, name, data) from exc
            except (ValueError, TypeError) as exc:
                raise refused_line(line.number, name, exc) from exc
    return records


def _too_deep() -> ValueError:
    return ValueError("values nested deeper than a change has")


def _loads(text: str) -> Any:
    """One line's JSON; nesting deeper than Python can parse is refused like any bad line."""
    try:
        return json.loads(text)
    except RecursionError:
        raise _too_deep() from None


def _parse(line: Line, name: str) -> Any:
    try:
        return _loads(line.text)
    except ValueError as exc:
        raise refused_line(line.number, name, exc) from exc


def refused_line(number: int, name: str, exc: Exception) -> BundleRefused:
    return BundleRefused("Line {line} of {name} is not a valid change ({reason}). Nothing was imported.",
                         line=number, name=name, reason=exc)


def _decoded(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRefused("The file {name} is damaged or incomplete (it may have been cut off while copying). "
                            "Nothing was imported.", name=name) from exc
