"""Read side of an import: what each row of a file would do (new / update / duplicate of / error).

Rows are matched with the keys of the duplicate warning (services/duplicates.py): the phone in any
format (E.164), the e-mail, the tax id (+ branch for companies), the Thai-aware name key (`match_key`,
a lead's person else its company); products by their code (SKU, as the product form stores it), then
their name. The lookups are batched: every key of every row is collected first, then one indexed `IN`
query per key column and chunk, so 100,000 rows cost a few hundred queries, not one per row.

A row is the SAME record ("update") when one live record shares a strong key (tax id, e-mail,
phone) and the name (or the row has no name), or a product's code; a likely match on a strong key
with another name, or on the name alone, is a "duplicate" for the user to decide; a later row of the
same file that shares a strong key with an earlier one is a duplicate of that row.

Words that name other records are resolved here too, so the preview already shows what cannot be
imported: an owner (a user's name or e-mail), a lead source (the list's value or the app's English or
Thai word for it), a contact's company (an account with the file's tax id, else with the same name
key; none: the import creates it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, Table, literal, select

from crm_desktop.db.bulk import gc_paused
from crm_desktop.db.database import Database
from crm_desktop.db.derived import SOURCES, match_key_for
from crm_desktop.db.value_sets import one_of
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.import_plans.plans import DUPLICATE, ERROR, NEW, UPDATE, Preview, RowLike, RowPlan
from crm_desktop.import_plans.words import choice_of
from crm_desktop.models import Account, Contact, Lead, PickList, Product
from crm_desktop.models.rules import rule_of
from crm_desktop.queries.activity_import import preview_activities
from crm_desktop.queries.lookups import person_named, users
from crm_desktop.text import email_key, phone_key

CHUNK = 5_000  # values per lookup (one bound parameter: db/value_sets.py); each stays an index probe
STRONG = ("sku", "tax_id", "email", "phone")  # the reasons, strongest first; "same_name" is the weak one
HEAD_OFFICE = "00000"


@dataclass(frozen=True)
class _Matching:
    """How one kind's rows find their records."""

    table: Table
    phones: tuple[str, ...]  # a contact's office phone is shared by colleagues: only the mobile is a key
    tax: str = ""  # "": no tax id key; "branch": tax id + branch (companies); "alone": the tax id (leads)
    code: str = ""  # a column whose equal value IS the record (a product's SKU)
    name: str = "match_key"  # the column compared with the row's name key


_MATCHING: dict[str, _Matching] = {
    "contacts": _Matching(Contact.__table__, ("mobile",)),  # type: ignore[arg-type]
    "companies": _Matching(Account.__table__, ("phone",), tax="branch"),  # type: ignore[arg-type]
    "leads": _Matching(Lead.__table__, ("mobile", "phone"), tax="alone"),  # type: ignore[arg-type]
    "products": _Matching(Product.__table__, (), code="sku", name="name_th"),  # type: ignore[arg-type]
}
_MATCH_TABLE = {"contacts": "contact", "companies": "account", "leads": "lead"}  # db.derived' names


@dataclass(frozen=True, slots=True)
class RowKeys:
    """The matching keys of one row, as stored (E.164 phones, lower-case e-mail domain, upper-case SKU …)."""

    phones: tuple[str, ...] = ()
    email: str = ""
    tax: tuple[str, str] | None = None  # (tax id, branch); the branch "" when the kind has none
    name: str = ""
    code: str = ""

    def strong(self) -> list[tuple[str, object]]:
        keys: list[tuple[str, object]] = []
        if self.code:
            keys.append(("sku", self.code))
        if self.tax:
            keys.append(("tax_id", self.tax))
        if self.email:
            keys.append(("email", self.email))
        keys += [("phone", p) for p in self.phones]
        return keys


def sku_key(text: str) -> str:
    """A product code as the product form stores it: spaces collapsed, upper case."""
    return " ".join(text.split()).upper()


def _text(values: dict[str, object], name: str) -> str:
    value = values.get(name)
    return value if isinstance(value, str) else ""


def row_keys(kind: str, values: dict[str, object], names: dict[tuple[str, ...], str] | None = None) -> RowKeys:
    """`names`: the name keys computed so far, by the name fields' texts (a common name's once)."""
    if kind == "products":
        return RowKeys(name=" ".join(_text(values, "name_th").split()), code=sku_key(_text(values, "sku")))
    matching = _MATCHING[kind]
    phones: tuple[str, ...] = ()
    for column in matching.phones:  # (plain loops: this runs for every row of a big file)
        if isinstance(number := values.get(column), str) and (key := phone_key(number)):
            phones += (key,)
    tax_id = _text(values, "tax_id")
    tax = None
    if tax_id and matching.tax:
        tax = (tax_id, _text(values, "branch_code") or HEAD_OFFICE) if matching.tax == "branch" else (tax_id, "")
    table = _MATCH_TABLE[kind]
    parts = tuple([part if isinstance(part := values.get(k), str) else "" for k in SOURCES[table]])
    name = names.get(parts) if names is not None else None
    if name is None:
        name = match_key_for(table, dict(zip(SOURCES[table], parts, strict=True)))
        if names is not None:
            names[parts] = name
    return RowKeys(phones, email_key(_text(values, "email")), tax, name)


@dataclass
class _Found:
    """Live records by key: key → ids, and each id's name key."""

    by_key: dict[tuple[str, object], set[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    smallest: dict[tuple[str, object], str] = field(default_factory=dict)  # key → its first id, once found

    def add(self, reason: str, key: object, row_id: str, name: str) -> None:
        self.by_key.setdefault((reason, key), set()).add(row_id)
        self.names[row_id] = name

    def first(self, key: tuple[str, object]) -> str | None:
        """The smallest id with `key`, found once per key: a common name is shared by thousands of
        records, and sorting them all again for each of 100,000 rows took minutes."""
        if key not in self.smallest:
            ids = self.by_key.get(key)
            if not ids:
                return None
            self.smallest[key] = min(ids)
        return self.smallest[key]


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _lookup(conn: Connection, kind: str, keys: Sequence[RowKeys]) -> _Found:
    """One indexed IN query per key column and chunk of values (never one query per row)."""
    matching = _MATCHING[kind]
    table = matching.table
    name = table.c[matching.name]
    found = _Found()
    live = table.c.deleted_at.is_(None)
    wanted: list[tuple[str, Any, Iterable[Any]]] = [("same_name", name, (k.name for k in keys if k.name))]
    if matching.code:
        wanted.append(("sku", table.c[matching.code], (k.code for k in keys if k.code)))
    if "email" in table.c:
        wanted.append(("email", table.c.email, (k.email for k in keys if k.email)))
    wanted += [("phone", table.c[c], (p for k in keys for p in k.phones)) for c in matching.phones]
    for reason, column, values in wanted:
        for part in _chunks(values):
            stmt = select(column, table.c.id, name).where(live, column != "", one_of(column, part))
            for value, row_id, row_name in conn.execute(stmt).all():
                found.add(reason, value, row_id, row_name)
    if matching.tax:
        branch = table.c.branch_code if matching.tax == "branch" else literal("")
        for part in _chunks(k.tax[0] for k in keys if k.tax):
            stmt = select(table.c.tax_id, branch, table.c.id, name).where(
                live, table.c.tax_id != "", one_of(table.c.tax_id, part))
            for tax_id, branch_code, row_id, row_name in conn.execute(stmt).all():
                found.add("tax_id", (tax_id, branch_code), row_id, row_name)
    return found


def _plan(row: RowLike, keys: RowKeys, found: _Found, earlier: dict[tuple[str, object], int]) -> RowPlan:
    return _decide(row, keys, found, earlier, _reasons(keys, found))


def _reasons(keys: RowKeys, found: _Found) -> dict[str, list[str]]:
    """The records a row's keys find: id → reasons, in the order found (strongest first)."""
    reasons: dict[str, list[str]] = {}
    for key in keys.strong():
        for row_id in sorted(found.by_key.get(key, ())):
            reasons.setdefault(row_id, [])
            if key[0] not in reasons[row_id]:
                reasons[row_id].append(key[0])
    # The name only adds its reason to the records found by a strong key; found by nothing else, the
    # row is shown as a duplicate of the first record of that name (never all of them, sorted, per row).
    named = found.by_key.get(("same_name", keys.name), ())
    for row_id, why in reasons.items():
        if row_id in named:
            why.append("same_name")
    if not reasons and (first := found.first(("same_name", keys.name))) is not None:
        reasons[first] = ["same_name"]
    return reasons


def _decide(row: RowLike, keys: RowKeys, found: _Found, earlier: dict[tuple[str, object], int],
            reasons: dict[str, list[str]]) -> RowPlan:
    """Update, duplicate of which record (or earlier row), or new, from what the keys found."""
    strong = [i for i, why in reasons.items() if why[0] in STRONG]
    if strong and reasons[strong[0]][0] == "sku":  # a product's code is the product, whatever its name
        return RowPlan(row.source_row, UPDATE, strong[0], reasons=tuple(reasons[strong[0]]))
    if len(strong) == 1 and (not keys.name or found.names[strong[0]] == keys.name):
        return RowPlan(row.source_row, UPDATE, strong[0], reasons=tuple(reasons[strong[0]]))
    if reasons:
        best = strong[0] if strong else next(iter(reasons))
        return RowPlan(row.source_row, DUPLICATE, best, reasons=tuple(reasons[best]))
    for key in keys.strong():
        if key in earlier:
            return RowPlan(row.source_row, DUPLICATE, match_row=earlier[key], reasons=(key[0],))
    return RowPlan(row.source_row, NEW)


# --- Words naming other records ------------------------------------------------------------------


@dataclass
class _Links:
    """Per row: the form fields resolved from words, the company to create, the problems."""

    links: dict[str, str] = field(default_factory=dict)
    new_company: str = ""
    problems: list[DomainError] = field(default_factory=list)


Resolve = Callable[[str], str]  # a word → the stored value; raises ValidationError


def _cached(resolve: Resolve) -> Callable[[str], str | DomainError]:
    """`resolve` once per distinct word; its error kept as the answer."""
    seen: dict[str, str | DomainError] = {}

    def answer(word: str) -> str | DomainError:
        if word not in seen:
            try:
                seen[word] = resolve(word)
            except ValidationError as error:
                seen[word] = error
        return seen[word]

    return answer


def _owner_resolver(conn: Connection, db: Database) -> Resolve:
    people = users(db, active_only=False)
    return lambda word: person_named(people, word).id


def _source_resolver(conn: Connection, db: Database) -> Resolve:
    stmt = select(PickList.value).where(PickList.kind == "lead_source", PickList.deleted_at.is_(None)).order_by(
        PickList.position, PickList.value)
    values = list(conn.scalars(stmt))

    def resolve(word: str) -> str:
        found = choice_of("source", word, values)
        if found is None:
            raise ValidationError("source", "{value} is not one of the lead sources: {allowed}.", value=word,
                                  allowed=", ".join(values))
        return found

    return resolve


# word field → (form field, resolver); a kind resolves the ones its rows can hold.
_RESOLVERS: dict[str, tuple[str, Callable[[Connection, Database], Resolve]]] = {
    "owner": ("owner_id", _owner_resolver),
    "source": ("source", _source_resolver),
}


def _companies(conn: Connection, rows: Sequence[RowLike]) -> dict[tuple[str, str], str]:
    """Live accounts a contact's company can be: ("tax", tax id) → id (the head office first) and
    ("name", name key) → id (the oldest), in a few batched queries."""
    table = Account.__table__
    live = table.c.deleted_at.is_(None)
    found: dict[tuple[str, str], str] = {}
    taxes = (str(r.values["company_tax_id"]) for r in rows if r.values.get("company_tax_id"))
    for part in _chunks(taxes):
        stmt = (select(table.c.tax_id, table.c.id).where(live, table.c.tax_id != "", one_of(table.c.tax_id, part))
                .order_by(table.c.branch_code != HEAD_OFFICE, table.c.created_at, table.c.id))
        for tax_id, row_id in conn.execute(stmt).all():
            found.setdefault(("tax", tax_id), row_id)
    names = (match_key_for("account", {"name": str(r.values["company"])}) for r in rows if r.values.get("company"))
    for part in _chunks(n for n in names if n):
        stmt = (select(table.c.match_key, table.c.id).where(live, one_of(table.c.match_key, part))
                .order_by(table.c.created_at, table.c.id))
        for key, row_id in conn.execute(stmt).all():
            found.setdefault(("name", key), row_id)
    return found


def _links(conn: Connection, db: Database, rows: Sequence[RowLike]) -> Iterator[_Links]:
    """Each row's links as the preview plans it (one object a row, all of them at once held 21 MB for
    100,000 rows); `conn` stays open until the last is read."""
    present = {name for row in rows for name in row.values}
    resolvers = {word: (target, _cached(make(conn, db))) for word, (target, make) in _RESOLVERS.items()
                 if word in present}
    has_company = bool({"company", "company_tax_id"} & present)
    companies = _companies(conn, rows) if has_company else {}
    if not resolvers and not has_company:  # nothing to resolve: every row the same empty answer
        yield from repeat(_Links(), len(rows))
        return
    for row in rows:
        found = _Links()
        for word, (target, resolve) in resolvers.items():
            if isinstance(value := row.values.get(word), str):
                answer = resolve(value)
                if isinstance(answer, DomainError):
                    found.problems.append(answer)
                else:
                    found.links[target] = answer
        company, tax_id = str(row.values.get("company") or ""), str(row.values.get("company_tax_id") or "")
        name_key = match_key_for("account", {"name": company}) if company else ""
        company = company if name_key else ""  # "-" names no company
        if company or tax_id:
            account = companies.get(("tax", tax_id)) or companies.get(("name", name_key))
            if account is not None:
                found.links["account_id"] = account
            elif company:
                found.new_company = company
            else:
                found.problems.append(ValidationError(
                    "company", "No company has tax id {tax_id}; add the company's name to create it.", tax_id=tax_id))
        yield found


@gc_paused()  # 100,000 rows' keys and plans: the cycle collector's passes over them cost a second
def preview_rows(db: Database, kind: str, rows: Sequence[RowLike]) -> Preview:
    """The plan of every row of an import of `kind` ("contacts", "companies", "leads", "products",
    "activities") into `db`, and the counts."""
    if kind == "activities":  # ical helper: matched by calendar id or subject and time
        return preview_activities(db, rows)
    preview = Preview()
    keys = [row_keys(kind, row.values, preview.name_keys) for row in rows]
    earlier: dict[tuple[str, object], int] = {}
    required = [column.key for column in _MATCHING[kind].table.c if rule_of(column).required]
    with db.engine.connect() as conn:  # open while the rows' links are read, a row at a time
        found = _lookup(conn, kind, keys)
        for row, row_key, linked in zip(rows, keys, _links(conn, db, rows), strict=True):
            strong = row_key.strong()
            if row.errors or linked.problems:
                plan = RowPlan(row.source_row, ERROR, problems=tuple(linked.problems))
            else:
                # Most rows of a big file find nothing: they are new without weighing reasons.
                seen = ("same_name", row_key.name) in found.by_key or any(
                    key in found.by_key or key in earlier for key in strong)
                plan = _plan(row, row_key, found, earlier) if seen else None
                new = plan is None or plan.status == NEW
                missing = [name for name in required if not row.values.get(name)] if new else []
                links = tuple(sorted(linked.links.items())) if linked.links else ()
                if missing:  # a new record the form's rules refuse, said now: "First name: This field is required."
                    plan = RowPlan(row.source_row, ERROR, problems=tuple(
                        ValidationError(name, "This field is required.") for name in missing))
                elif plan is None:
                    plan = RowPlan(row.source_row, NEW, links=links, new_company=linked.new_company)
                else:
                    plan = RowPlan(plan.source_row, plan.status, plan.match_id, plan.match_row, plan.reasons,
                                   links, linked.new_company)
            if plan.status == NEW:
                for key in strong:
                    earlier.setdefault(key, row.source_row)
            preview.plans.append(plan)
            preview.counts[plan.status] += 1
    return preview
