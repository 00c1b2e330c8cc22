"""Document numbers (QT2569-0001, SO2569-0001) that two offline copies never give twice.

A pattern setting per kind says how numbers look: `{year}` Buddhist Era year of the document date,
`{yy}` its last two digits, `{ce}` the Common Era year, `{month}` two digits, `{seq}` the running
number (four digits, more when needed) and `{copy}` where a copy's code goes.

One copy is the office (the `numbering_office_site` setting, which syncs). The office numbers
without a code; every other copy puts its copy code (the first four characters of its site id) in
front of the running number (`QT2569-7F3A-0001`), so numbers made offline cannot clash. The office
later gives such documents an office number (`renumber_from_copies`), keeping the first one as
`provisional_number`. A copy that has never imported a sync file and finds no office named becomes
the office when it numbers its first document: a one-office install never sees a copy code.

The running number continues from the highest number of the same prefix ever given on this copy,
deleted documents included, so a number is never reused.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from sqlalchemy import select

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.models import Quotation, SalesOrder, SyncPeer
from crm_desktop.services.changes import Changes

Kind = Literal["quotation", "order"]
MODELS = {"quotation": Quotation, "order": SalesOrder}
PATTERN_KEYS: dict[Kind, str] = {"quotation": "quotation_number_pattern", "order": "order_number_pattern"}
DEFAULT_PATTERNS: dict[Kind, str] = {"quotation": "QT{year}-{seq}", "order": "SO{year}-{seq}"}
OFFICE_KEY = "numbering_office_site"
SEQ_DIGITS = 4
NUMBER_MAX = 40  # the number columns' length
_TOKENS = frozenset({"year", "yy", "ce", "month", "seq", "copy"})
_TOKEN = re.compile(r"\{([a-z]+)\}")


def copy_code(site_id: str) -> str:
    """The short code of a copy in its document numbers."""
    return site_id[:4].upper()


def check_pattern(pattern: str) -> str:
    """A pattern a user typed, refused with a reason when it cannot number documents."""
    pattern = pattern.strip()
    unknown = sorted(set(_TOKEN.findall(pattern)) - _TOKENS)
    if unknown:
        raise ValidationError("pattern", "A number pattern knows only {known}; {unknown} is not one of them.",
                              known="{year} {yy} {ce} {month} {seq} {copy}", unknown="{" + unknown[0] + "}")
    if pattern.count("{seq}") != 1:
        raise ValidationError("pattern", "A number pattern needs {seq} exactly once.", seq="{seq}")
    if len(_render(pattern, date(2099, 12, 31), "XXXX-", 99_999)) > NUMBER_MAX:
        raise ValidationError("pattern", "Numbers made by this pattern would be longer than {max} characters.",
                              max=NUMBER_MAX)
    return pattern


def _render(pattern: str, on: date, code: str, seq: int | None) -> str:
    values = {"year": str(on.year + 543), "yy": str(on.year + 543)[-2:], "ce": str(on.year),
              "month": f"{on.month:02d}", "copy": code, "seq": "" if seq is None else f"{seq:0{SEQ_DIGITS}d}"}
    return _TOKEN.sub(lambda m: values[m.group(1)], _with_copy(pattern))


def _with_copy(pattern: str) -> str:
    """A pattern without `{copy}` gets the code just before the running number."""
    return pattern if "{copy}" in pattern else pattern.replace("{seq}", "{copy}{seq}")


def pattern_of(uow: UnitOfWork, kind: Kind) -> str:
    return uow.settings.value(PATTERN_KEYS[kind]) or DEFAULT_PATTERNS[kind]


def is_office(uow: UnitOfWork) -> bool:
    return uow.settings.value(OFFICE_KEY) == uow.database.site_id


def _claim_office_if_alone(uow: UnitOfWork) -> None:
    """No office named and never synced from another copy: this copy is the office."""
    if uow.settings.value(OFFICE_KEY):
        return
    if uow.session.execute(select(SyncPeer.site_id).limit(1)).first() is None:
        uow.settings.set_value(OFFICE_KEY, uow.database.site_id)


def _highest(uow: UnitOfWork, kind: Kind, head: str, tail: str) -> int:
    """The highest running number given as `head` digits `tail`, deleted documents included."""
    column = MODELS[kind].number
    shape = re.compile(re.escape(head) + r"([0-9]+)" + re.escape(tail))
    found = uow.session.scalars(select(column).where(column >= head, column < head + "\U0010ffff"))
    return max((int(m.group(1)) for n in found if (m := shape.fullmatch(n))), default=0)


def next_number(uow: UnitOfWork, kind: Kind, issued_on: date) -> str:
    """The number for a new document dated `issued_on` (inside an open unit of work)."""
    _claim_office_if_alone(uow)
    code = "" if is_office(uow) else copy_code(uow.database.site_id) + "-"
    before, _, after = _with_copy(pattern_of(uow, kind)).partition("{seq}")
    head, tail = _render(before, issued_on, code, None), _render(after, issued_on, code, None)
    return f"{head}{_highest(uow, kind, head, tail) + 1:0{SEQ_DIGITS}d}{tail}"


def _coded(pattern: str) -> re.Pattern[str]:
    """Numbers this pattern gives on a copy other than the office (with a copy code)."""
    shapes = {"year": "[0-9]{4}", "yy": "[0-9]{2}", "ce": "[0-9]{4}", "month": "[0-9]{2}", "seq": "[0-9]+",
              "copy": "[0-9A-F]{4}-"}
    parts = _TOKEN.split(_with_copy(pattern))  # text, token, text, token, …
    return re.compile("".join(shapes[p] if i % 2 else re.escape(p) for i, p in enumerate(parts)))


def set_pattern(uow: UnitOfWork, kind: Kind, pattern: str) -> Changes:
    with uow:
        uow.settings.set_value(PATTERN_KEYS[kind], check_pattern(pattern))
        uow.commit()
    return Changes("setting", updated=(PATTERN_KEYS[kind],))


def become_office(uow: UnitOfWork) -> Changes:
    """Name this copy the office (the Sync tab's choice); its next numbers carry no copy code."""
    with uow:
        uow.settings.set_value(OFFICE_KEY, uow.database.site_id)
        uow.commit()
    return Changes("setting", updated=(OFFICE_KEY,))


def renumber_from_copies(uow: UnitOfWork) -> dict[str, int]:
    """On the office: give every live document numbered with a copy code an office number, oldest
    first, keeping the old one as `provisional_number`; all revisions of a quotation share their new
    number. Returns how many documents were renumbered, by kind."""
    with uow:
        if not is_office(uow):
            raise ValidationError("office", "Only the office copy renumbers documents.")
        done: dict[str, int] = {}
        for kind, model in MODELS.items():
            coded = _coded(pattern_of(uow, kind))
            rows = [r for r in uow.session.scalars(select(model).where(model.deleted_at.is_(None))
                                                   .order_by(model.issued_on, model.created_at, model.id))
                    if coded.fullmatch(r.number)]
            # A revision made on the copy after the office renumbered the first one takes the same number.
            given = {provisional: number for provisional, number in uow.session.execute(
                select(model.provisional_number, model.number).where(model.provisional_number != ""))}
            for row in rows:
                if row.number not in given:
                    given[row.number] = next_number(uow, kind, row.issued_on)
                row.provisional_number = row.number
                row.number = given[row.provisional_number]
                uow.session.flush()  # the next number sees this one
            done[kind] = len(rows)
        uow.commit()
    return done
