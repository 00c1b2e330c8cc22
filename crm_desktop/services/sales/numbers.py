"""Document numbers (QT2569-0001, SO2569-0001) that two offline copies never give twice.

A pattern setting per kind says how numbers look: `{year}` Buddhist Era year of the document date,
`{yy}` its last two digits, `{ce}` the Common Era year, `{month}` two digits, `{seq}` the running
number (four digits, more when needed) and `{copy}` where a copy's code goes.

**The office** numbers without a code; every other copy puts its copy code (the first four
characters of its site id) in front of the running number (`QT2569-7F3A-0001`). Which copy is the
office is decided from synced settings, the same way on every copy that holds the same rows:

- the explicit choice (`become_office`, the `numbering_office_site` setting; the latest choice wins);
- else the earliest *claim*: a copy claims in a setting row of its own (`numbering_office_claim.<site
  id>`, valued with the clock of the claim), so two claims never overwrite each other. A copy claims
  when it numbers its first document knowing no office, and when it exports a file without ever having
  imported one (the copy that sends the first file is the one the others start from);
- else (no claim known) a copy that never imported a file is the office: it claims when it numbers.
  A single office therefore never sees a code.

**Renumbering** (`renumber`, on the office only). Numbers can still meet: two copies installed apart
that number before any sync (each was the office until it heard of an earlier claim), two copies whose
codes are alike, two copies revising one quotation offline. After every import that applied changes
(`renumber_after_import`) and on request (`renumber_from_copies`), the office gives an office number
to every live document numbered with a copy code, and to every document that shares its number with
another of its kind: the one created on the office keeps the number, else the earliest created. A
quotation counts with its revisions (the rows its `previous_id` chain leads to one first row): they
all get one number. Two live revisions of one quotation with the same revision number: the earliest
created keeps it, the others take the next free revision. A document keeps its first number in
`provisional_number`, where searches still find it. Other copies never renumber: the office's edits
reach them by sync, so they agree once the files have gone round.

The running number continues from the highest number of the same prefix ever given on this copy,
deleted documents included, so a number is never reused.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import case, distinct, func, literal, or_, select

from crm_desktop.db.database import Database
from crm_desktop.db.spelling import shaped
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.models import Case, Change, Quotation, SalesOrder, SyncPeer
from crm_desktop.services.changes import Changes, ChangeSet, Entity, change

Kind = Literal["quotation", "order", "case"]
MODELS: dict[Kind, type[Quotation] | type[SalesOrder] | type[Case]] = {
    "quotation": Quotation, "order": SalesOrder, "case": Case}
PATTERN_KEYS: dict[Kind, str] = {"quotation": "quotation_number_pattern", "order": "order_number_pattern",
                                 "case": "case_number_pattern"}
DEFAULT_PATTERNS: dict[Kind, str] = {"quotation": "QT{year}-{seq}", "order": "SO{year}-{seq}", "case": "CS{year}-{seq}"}
OFFICE_KEY = "numbering_office_site"  # the explicit choice
CLAIM_PREFIX = "numbering_office_claim."  # + site id: one copy's automatic claim
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


def office_site(uow: UnitOfWork) -> str | None:
    """The office's site id: the explicit choice, else the earliest claim (ties by site id), else None."""
    explicit = uow.settings.value(OFFICE_KEY)
    if explicit:
        return explicit
    claims = uow.settings.values_under(CLAIM_PREFIX)
    return min(claims, key=lambda site: (claims[site], site)) if claims else None


def _ever_imported(uow: UnitOfWork) -> bool:
    return uow.session.execute(select(SyncPeer.site_id).limit(1)).first() is not None


def is_office(uow: UnitOfWork) -> bool:
    office = office_site(uow)
    return office == uow.database.site_id if office is not None else not _ever_imported(uow)


def _claim(uow: UnitOfWork) -> None:
    """This copy's claim to be the office, dated by a tick of its clock (19 digits: text order is clock order)."""
    uow.settings.set_value(CLAIM_PREFIX + uow.database.site_id, f"{uow.database.clock.tick():019d}")


def claim_before_export(database: Database, user_id: str | None) -> bool:
    """Before a copy sends its first file, never having imported one and knowing no office: it claims,
    so the copies started from that file know it as the office. Whether a claim was written."""
    with UnitOfWork(database, user_id) as uow:
        if office_site(uow) is not None or _ever_imported(uow):
            return False
        _claim(uow)
        uow.commit()
    return True


def _highest(uow: UnitOfWork, kind: Kind, head: str, tail: str) -> int:
    """The highest running number given as `head` digits `tail`, deleted documents included."""
    column = MODELS[kind].number
    shape = re.compile(re.escape(head) + r"([0-9]+)" + re.escape(tail))
    found = uow.session.scalars(select(column).where(column >= head, column < head + "\U0010ffff"))
    return max((int(m.group(1)) for n in found if (m := shape.fullmatch(n))), default=0)


def next_number(uow: UnitOfWork, kind: Kind, issued_on: date) -> str:
    """The number for a new document dated `issued_on` (inside an open unit of work)."""
    if office_site(uow) is None:
        _claim(uow)
    return _number(uow, kind, issued_on, office=is_office(uow))


def _number(uow: UnitOfWork, kind: Kind, issued_on: date, *, office: bool) -> str:
    code = "" if office else copy_code(uow.database.site_id) + "-"
    before, _, after = _with_copy(pattern_of(uow, kind)).partition("{seq}")
    head, tail = _render(before, issued_on, code, None), _render(after, issued_on, code, None)
    return f"{head}{_highest(uow, kind, head, tail) + 1:0{SEQ_DIGITS}d}{tail}"


# What each token of a pattern gives, as a regular expression and as an SQLite GLOB (which has no
# repetition: "[0-9]*" is a digit and then anything, a wider net that only ever costs a full check).
_SHAPES = {"year": ("[0-9]{4}", "[0-9]" * 4), "yy": ("[0-9]{2}", "[0-9]" * 2), "ce": ("[0-9]{4}", "[0-9]" * 4),
           "month": ("[0-9]{2}", "[0-9]" * 2), "seq": ("[0-9]+", "[0-9]*"),
           "copy": ("[0-9A-F]{4}-", "[0-9A-F]" * 4 + "-")}
_GLOB_SPECIAL = re.compile(r"([*?\[])")


def _coded(pattern: str) -> re.Pattern[str]:
    """Numbers this pattern gives on a copy other than the office (with a copy code)."""
    parts = _TOKEN.split(_with_copy(pattern))  # text, token, text, token, …
    return re.compile("".join(_SHAPES[p][0] if i % 2 else re.escape(p) for i, p in enumerate(parts)))


def _coded_glob(pattern: str) -> str:
    """A GLOB matching at least every number `_coded(pattern)` matches."""
    parts = _TOKEN.split(_with_copy(pattern))
    return "".join(_SHAPES[p][1] if i % 2 else _GLOB_SPECIAL.sub(r"[\1]", p) for i, p in enumerate(parts))


def _suspect(uow: UnitOfWork, kind: Kind) -> bool:
    """Whether `renumber` may find work: a number with a copy code, or one shared by two documents
    (for quotations: by two rows of one revision, or by two first rows). Two SQL scans instead of
    reading every document, so that an import on the office pays for renumbering only when it
    brought something to renumber."""
    m = MODELS[kind]
    live = m.deleted_at.is_(None)
    pattern = pattern_of(uow, kind)
    coded = shaped(m.number, _coded_glob(pattern), _coded(pattern).pattern)
    if uow.session.execute(select(m.id).where(live, coded).limit(1)).first() is not None:
        return True
    live_rows = func.sum(case((live, 1), else_=0))
    shared = live_rows > 1
    if m is Quotation:  # first rows counted deleted or not: a family is known by its first row
        shared = or_(live_rows > func.count(distinct(case((live, Quotation.revision)))),
                     func.sum(case((Quotation.previous_id.is_(None), 1), else_=0)) > 1)
    return uow.session.execute(select(m.number).group_by(m.number).having(shared).limit(1)).first() is not None


def set_pattern(uow: UnitOfWork, kind: Kind, pattern: str) -> ChangeSet:
    with uow:
        uow.settings.set_value(PATTERN_KEYS[kind], check_pattern(pattern))
        uow.commit()
    return change(Entity.SETTING, updated=(PATTERN_KEYS[kind],))


def become_office(uow: UnitOfWork) -> ChangeSet:
    """Name this copy the office (the Sync tab's choice); its next numbers carry no copy code."""
    with uow:
        uow.settings.set_value(OFFICE_KEY, uow.database.site_id)
        uow.commit()
    return change(Entity.SETTING, updated=(OFFICE_KEY,))


def renumber_from_copies(uow: UnitOfWork) -> ChangeSet:
    """The office's explicit renumbering (`renumber`): the live documents it changed."""
    with uow:
        if not is_office(uow):
            raise ValidationError("office", "Only the office copy renumbers documents.")
        done = renumber(uow)
        uow.commit()
    return ChangeSet(tuple(Changes(MODELS[kind].__tablename__, updated=tuple(ids)) for kind, ids in done.items()))


def renumber_after_import(uow: UnitOfWork) -> dict[str, list[str]]:
    """Inside an import's unit of work: on the office, `renumber`; by table name, the live documents
    changed (nothing on another copy)."""
    if not is_office(uow):
        return {}
    return {MODELS[kind].__tablename__: ids for kind, ids in renumber(uow, only_suspect=True).items() if ids}


def renumber(uow: UnitOfWork, *, only_suspect: bool = False) -> dict[Kind, list[str]]:
    """Give office numbers to documents with a copy code or a number another document has too, and
    the next free revision to a second revision with the same number (module docstring), inside an
    open unit of work on the office. The live documents whose number or revision changed, by kind.
    `only_suspect`: skip a kind whose numbers `_suspect` finds nothing wrong with."""
    return {kind: _Renumbering(uow, kind).run() if not only_suspect or _suspect(uow, kind) else []
            for kind in MODELS}


@dataclass(slots=True)
class _Doc:
    id: str
    number: str
    revision: int
    previous_id: str | None
    live: bool
    created_at: datetime
    issued_on: date


class _Renumbering:
    """One kind of document: read every row as a tuple, change only the rows that need it."""

    def __init__(self, uow: UnitOfWork, kind: Kind) -> None:
        self.uow = uow
        self.kind = kind
        self.model = MODELS[kind]
        self.changed: dict[str, Quotation | SalesOrder | Case] = {}

    def run(self) -> list[str]:
        docs = self._docs()
        families = self._families(docs)
        number = {root: docs[root].number for root in families}
        coded = _coded(pattern_of(self.uow, self.kind))
        renew = {root for root in families if coded.fullmatch(number[root])}
        sharing: dict[str, list[str]] = defaultdict(list)
        for root in families:
            if root not in renew:
                sharing[number[root]].append(root)
        office = self.uow.database.site_id
        for roots in sharing.values():
            if len(roots) > 1:
                keeper = min(roots, key=lambda r: (self._creator(r) != office, docs[r].created_at, r))
                renew.update(r for r in roots if r != keeper)
        for root in sorted(renew, key=lambda r: (docs[r].issued_on, docs[r].created_at, r)):
            number[root] = _number(self.uow, self.kind, docs[root].issued_on, office=True)
            self._give(families[root], number[root])
        for root, family in families.items():
            if root not in renew:
                self._give(family, number[root])
        if self.kind == "quotation":
            for root, family in families.items():
                self._split_revisions(family, number[root])
        return sorted(i for i in self.changed if docs[i].live)

    def _docs(self) -> dict[str, _Doc]:
        m = self.model
        revision, previous = ((Quotation.revision, Quotation.previous_id) if m is Quotation
                              else (literal(1), literal(None)))
        dated = m.opened_at if m is Case else m.issued_on  # a case's number takes its opening's year
        rows = self.uow.session.execute(select(m.id, m.number, revision, previous, m.deleted_at.is_(None),
                                               m.created_at, dated).order_by(m.id))
        return {r[0]: _Doc(*r) for r in rows}

    @staticmethod
    def _families(docs: dict[str, _Doc]) -> dict[str, list[_Doc]]:
        """First row -> the rows of one quotation's revisions (an order is its own family), for the
        families with a live row."""
        root_of: dict[str, str] = {}
        for doc_id in docs:
            path: list[str] = []
            seen: set[str] = set()
            here = doc_id
            while here not in root_of:
                seen.add(here)
                previous = docs[here].previous_id
                if previous is None or previous not in docs or previous in seen:
                    root_of[here] = here
                    break
                path.append(here)
                here = previous
            for step in path:
                root_of[step] = root_of[here]
        families: dict[str, list[_Doc]] = defaultdict(list)
        for doc_id, root in root_of.items():
            families[root].append(docs[doc_id])
        return {root: sorted(family, key=lambda d: (d.revision, d.created_at, d.id))
                for root, family in families.items() if any(d.live for d in family)}

    def _creator(self, row_id: str) -> str | None:
        """The copy that created the row: the site of its first change."""
        return self.uow.session.scalar(
            select(Change.site_id).where(Change.entity == self.model.__tablename__, Change.row_id == row_id)
            .order_by(Change.hlc, Change.site_id).limit(1))

    def _row(self, doc: _Doc) -> Quotation | SalesOrder | Case:
        row = self.changed.get(doc.id)
        if row is None:
            row = self.uow.session.get(self.model, doc.id, populate_existing=True)
            assert row is not None
            self.changed[doc.id] = row
        return row

    def _give(self, family: list[_Doc], number: str) -> None:
        """Every row of the family (deleted ones too) numbered `number`, keeping its first number."""
        moving = [doc for doc in family if doc.number != number]
        for doc in moving:
            row = self._row(doc)
            row.provisional_number = row.provisional_number or doc.number
            row.number = doc.number = number
        if moving:
            self.uow.session.flush()  # the next number and revision see these

    def _split_revisions(self, family: list[_Doc], number: str) -> None:
        """Live revisions of one quotation sharing a revision number: the earliest keeps it."""
        by_revision: dict[int, list[_Doc]] = defaultdict(list)
        for doc in family:
            if doc.live:
                by_revision[doc.revision].append(doc)
        for revision in sorted(by_revision):
            for doc in sorted(by_revision[revision], key=lambda d: (d.created_at, d.id))[1:]:
                row = self._row(doc)
                row.revision = doc.revision = self.uow.quotations.latest_revision(number) + 1
                self.uow.session.flush()


def number_patterns(uow: UnitOfWork) -> dict[Kind, str]:
    """Each kind's pattern as Settings › Documents shows it (the default until one was saved)."""
    with uow:
        return {kind: pattern_of(uow, kind) for kind in PATTERN_KEYS}


def example_number(pattern: str, on: date, copy_site: str = "") -> str:
    """The first number `pattern` gives for a document dated `on`, on the office or (`copy_site`)
    on another copy: the example beside the pattern field. Refused as `set_pattern` refuses it."""
    return _render(check_pattern(pattern), on, copy_code(copy_site) + "-" if copy_site else "", 1)


def this_copy_is_office(uow: UnitOfWork) -> bool:
    """Whether this copy numbers without a copy code (the Sync tab says so)."""
    with uow:
        return is_office(uow)
