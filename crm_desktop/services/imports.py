"""Write side of an import: the rows of a file applied in ONE transaction, all or nothing.

Each row passes the same validation as the form (`clean_contact`, `clean_account`, `clean_lead`,
`clean_product`) and is written
through the unit of work and the repositories, so the flush hook writes the change log (the import
syncs like any edit), the match keys and the search index. A field is set only when the file has it
and its value differs: re-importing the same file changes nothing and logs nothing. Any exception
before the commit rolls everything back; `stop_on_error` and `dry_run` roll back on purpose.

A kind is one `_KINDS` entry: its model, its form, the form's clean function and the hooks of what the
kind adds (services/import_kinds.py: a contact's company and yearly birthday, a lead's score).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import false, func, select, update

from crm_desktop.db.backup import backup_before
from crm_desktop.db.bulk import Cancelled, PackedRows, gc_paused, insert_in_session
from crm_desktop.db.server_backup import back_up_server, dump_program
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.db.value_sets import one_of
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.import_plans.cells import NeutralRow
from crm_desktop.import_plans.plans import DUPLICATE, ENTITIES, ERROR, NEW, Preview, RowPlan
from crm_desktop.import_plans.problems import rejected_text
from crm_desktop.messages import translate
from crm_desktop.models import Account, Change, Contact, Lead, LocalState, Product, new_ids
from crm_desktop.roles import IMPORT
from crm_desktop.services.accounts import AccountInput, clean_account
from crm_desktop.services.activity_import import write_activities
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.contacts import ContactInput, clean_contact
from crm_desktop.services.import_kinds import ContactHooks, KindHooks, LeadHooks
from crm_desktop.services.leads import LeadInput, clean_lead
from crm_desktop.services.products import ProductInput, clean_product

IMPORT_KINDS = ("contacts", "companies", "leads", "products", "activities")
DECISIONS = ("update", "skip", "create")  # what to do with a likely duplicate
BACKUP_REASON = "import"
FLUSH_EVERY = 2_000  # new records held as objects at once
PREFETCH = 1_000  # rows whose matching records are loaded at once
COMPANIES_CREATED = "{count} companies created for the contacts' company names."
PROGRESS_EVERY = 500  # rows between calls of the progress hook (which may cancel)
Progress = Callable[[int, int], bool]  # (rows done, rows in all) -> go on?
_DERIVED = {"marketing_consent": ("consent_on",), "tax_id": ("branch_code",)}  # set together by the clean


@dataclass(frozen=True)
class _Kind:
    model: type[Any]
    form: type[Any]
    clean: Callable[[UnitOfWork, Any, date, str | None], dict[str, object]]
    blank: dict[str, object]
    # New records go in the bulk way (db/bulk.insert_in_session): only for a kind whose `clean` and
    # hooks' `derived` (a lead's score) give every column the ORM path would set.
    bulk: bool = False
    hooks: Callable[[UnitOfWork, date], KindHooks] = KindHooks
    # The clean must see the rows this import wrote before (a product's SKU is unique): its queries
    # flush them first. Other kinds clean without flushing: a query in their clean (a lead's source
    # list) would otherwise flush every row's changes one by one.
    sees_pending: bool = False


_KINDS = {
    "contacts": _Kind(Contact, ContactInput, lambda uow, data, today, _id: clean_contact(uow, data, today),
                      {"first_name": ""}, bulk=True, hooks=ContactHooks),
    "companies": _Kind(Account, AccountInput, clean_account, {"name": ""}, bulk=True),
    "leads": _Kind(Lead, LeadInput, lambda uow, data, _today, lead_id: clean_lead(
        uow, data, uow.leads.get(lead_id) if lead_id else None), {}, bulk=True, hooks=LeadHooks),
    "products": _Kind(Product, ProductInput, lambda uow, data, _today, product_id: clean_product(
        uow, data, product_id), {"sku": "", "name_th": ""}, sees_pending=True),
}


@dataclass(frozen=True)
class RejectedRow:
    """A row left out, with its problems (each translatable)."""

    source_row: int
    problems: tuple[DomainError, ...]

    def text(self, lang: str = "en") -> str:
        """Why, in `lang`; a refused field by its own name (the wizard passes the app's labels instead)."""
        return rejected_text(self, lang)


@dataclass(frozen=True)
class ImportResult:
    kind: str
    changes: ChangeSet  # its own kind first, then the other records it wrote (accounts, anniversaries)
    created: int
    updated: int
    unchanged: int
    skipped: int
    rejected: tuple[RejectedRow, ...]
    written: bool  # False for a dry run, or when errors stopped it
    dry_run: bool
    preview: Preview
    # The change log rows this import wrote have log_from < seq <= log_to (undo reads them).
    log_from: int = 0
    log_to: int = 0
    companies_created: int = 0  # accounts made for the companies contacts named


class ImportCancelled(DomainError):
    """The user cancelled: the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was written.")


def _log_end(uow: UnitOfWork) -> int:
    """The change log's last seq, read after taking the write lock (a no-op UPDATE does): no other
    writer can then add rows between this boundary and the import's own."""
    uow.session.execute(update(LocalState).where(false()).values(value=""))
    return uow.session.execute(select(func.max(Change.seq))).scalar() or 0


def _input_of(kind: _Kind, record: Any) -> Any:
    return kind.form(**{name: getattr(record, name) for name in _names(kind.form)})


@cache
def _names(form: type[Any]) -> tuple[str, ...]:
    """A form's field names, read once (dataclasses.fields builds them anew on every call)."""
    return tuple(f.name for f in fields(form))


def _apply(uow: UnitOfWork, kind: _Kind, hooks: KindHooks, record: Any, before: Any, values: dict[str, object],
           today: date) -> tuple[Any, bool]:
    """Set the fields the file has (and what the clean derives from them) where they differ."""
    after = replace(before, **values)
    cleaned = kind.clean(uow, after, today, record.id)
    changed = False
    for name in values:
        for column in (name, *_DERIVED.get(name, ())):
            if cleaned[column] != getattr(record, column):
                setattr(record, column, cleaned[column])
                changed = True
    if changed:
        for column, value in hooks.derived(cleaned).items():
            setattr(record, column, value)
    return after, changed


class _Matched:
    """The existing records the next rows update, loaded PREFETCH at a time (one query, not one a row:
    re-importing 20,000 unchanged contacts spent two thirds of its time in `session.get`). Forgotten
    when the session lets go of its objects; a record not among them is asked for alone."""

    def __init__(self, uow: UnitOfWork, model: type[Any], plans: Sequence[RowPlan]) -> None:
        self.uow, self.model, self.plans = uow, model, plans
        self.records: dict[str, Any] = {}
        self.until = 0

    def get(self, index: int, record_id: str) -> Any:
        if index >= self.until:
            ids = {p.match_id for p in self.plans[index:index + PREFETCH] if p.match_id is not None}
            session = self.uow.session
            found = session.scalars(select(self.model).where(one_of(self.model.id, ids))) if ids else ()
            self.records = {record.id: record for record in found}
            self.until = index + PREFETCH
        return self.records.get(record_id) or self.uow.session.get(self.model, record_id)

    def forget(self) -> None:
        self.records, self.until = {}, 0


@gc_paused()  # the rows and the records waiting: the cycle collector's passes over them cost 1.5 s in 100,000
def import_rows(uow: UnitOfWork, kind_name: str, rows: Sequence[NeutralRow], preview: Preview, today: date, *,
                decision: str = "skip", stop_on_error: bool = False, dry_run: bool = False,
                progress: Progress | None = None, source: str = "") -> ImportResult:
    """Apply `rows` (an import of one of `IMPORT_KINDS`) in one transaction, as `preview`
    (queries.imports.preview_rows) planned them.

    `decision` is what a likely duplicate does: "update" it (only the fields the file has), "skip"
    the row, or "create" a new record anyway. Rows with errors are left out and listed; with
    `stop_on_error` any of them writes nothing at all. `dry_run` does everything and rolls back.
    `progress(done, total)` is called every few hundred rows; when it returns False the import
    stops with ImportCancelled and nothing is written.
    `source` (the file's name) goes into the consent history of the people whose consent it changes.
    """
    if decision not in DECISIONS:
        raise DomainError("Unknown choice for duplicates: {value}.", value=decision)
    if kind_name == "activities":  # ical helper: names resolved, series and calendar ids (activity_import.py)
        with uow:
            uow.require(IMPORT)
            log_from = _log_end(uow)
            try:
                done = write_activities(uow, rows, preview, decision=decision, progress=progress)
            except Cancelled:
                raise ImportCancelled() from None
            log_to, written = _log_end(uow), not dry_run and not (stop_on_error and done.rejected)
            if written:
                uow.commit()
        changes = done.changes()
        return ImportResult(kind_name, changes if written else change(Entity.ACTIVITY), len(changes.created),
                            len(changes.updated), done.unchanged, done.skipped,
                            tuple(RejectedRow(*r) for r in done.rejected), written, dry_run, preview, log_from,
                            log_to if written else log_from)
    kind = _KINDS[kind_name]
    form_fields = set(_names(kind.form))
    referenced = {plan.match_row for plan in preview.plans if plan.match_row is not None}
    created_ids: list[str] = []
    pending: list[Any] = []  # created through the ORM since the last flush
    fresh = PackedRows(kind.model)  # the cleaned columns of new records going in the bulk way
    touched = 0  # existing records updated since the last flush
    updated: dict[str, None] = {}
    unchanged = skipped = 0
    rejected: list[RejectedRow] = []
    # source row a later row duplicates → (the record created for it, or its index in `fresh`; its input)
    made: dict[int, tuple[Any, Any]] = {}
    matched = _Matched(uow, kind.model, preview.plans)
    log_from: int | None = None

    def locked() -> None:
        """Take the write lock at the first write, not before the rows are checked: other desktops keep
        saving meanwhile (ARCHITECTURE.md, "Several desktops"). The log's last number, read under it,
        is where this import's changes begin."""
        nonlocal log_from
        if log_from is None:
            with uow.session.no_autoflush:  # what waits to be written is this import's: after the boundary
                log_from = _log_end(uow)

    def settle() -> None:
        """Flush and let go of the written objects: memory stays flat, the transaction stays one."""
        nonlocal touched
        locked()
        uow.session.flush()
        created_ids.extend(record.id for record in pending)
        pending.clear()
        touched = 0
        hooks.flushed()
        uow.session.flush()
        uow.session.expunge_all()
        matched.forget()

    def create(data: Any, row: NeutralRow) -> tuple[Any, dict[str, object]]:
        """The new record (or its index in `fresh`) and the form values the kind's hooks added."""
        cleaned = kind.clean(uow, data, today, None)
        if kind.bulk:
            columns = cleaned | hooks.derived(cleaned)
            added = hooks.written(columns, row, True, len(fresh))  # may add to the columns (a company's link)
            return fresh.append(columns), added
        record = kind.model(**cleaned, **hooks.derived(cleaned))
        uow.session.add(record)
        added = hooks.written(record, row, True)
        pending.append(record)
        if len(pending) >= FLUSH_EVERY:
            settle()
        return record, added

    def update_made(made_as: Any, before: Any, values: dict[str, object]) -> tuple[Any, Any, bool]:
        """A later row of the file updates a record this import creates."""
        if isinstance(made_as, int):  # not written yet: its columns are cleaned again
            after = replace(before, **values)
            cleaned = kind.clean(uow, after, today, None)
            columns = cleaned | hooks.derived(cleaned)
            changed = columns != fresh[made_as]
            fresh[made_as] = columns
            return columns, after, changed
        record = made_as if made_as in uow.session else uow.session.get(kind.model, made_as.id)
        if record.id is None:
            locked()
            uow.session.flush()  # its id: the clean tells it from others with its SKU
        return (record, *_apply(uow, kind, hooks, record, before, values, today))

    with uow:
        uow.require(IMPORT)
        uow.note_consent("import", source=source[-260:])
        hooks = kind.hooks(uow, today)
        if kind.sees_pending:  # its checks flush what the import made so far: they may write at any row
            locked()
        # (`_Kind.sees_pending`: rows clean without autoflush unless the kind must see those before)
        with nullcontext() if kind.sees_pending else uow.session.no_autoflush:
            for done, (row, plan) in enumerate(zip(rows, preview.plans, strict=True)):
                if progress is not None and done % PROGRESS_EVERY == 0 and not progress(done, len(rows)):
                    raise ImportCancelled()
                if plan.status == ERROR:
                    rejected.append(RejectedRow(row.source_row, (*row.errors, *plan.problems)))
                    continue
                # A repeat of an earlier row of the file that was left out (its own errors) stands in for it.
                orphan = plan.match_id is None and plan.match_row is not None and plan.match_row not in made
                if plan.status == DUPLICATE and decision == "skip" and not orphan:
                    skipped += 1
                    continue
                try:
                    values = hooks.prepare({**{k: v for k, v in row.values.items() if k in form_fields},
                                            **dict(plan.links)}, row, plan)
                    if plan.status == NEW or (plan.status == DUPLICATE and decision == "create") or orphan:
                        data = kind.form(**{**kind.blank, **values})
                        made_as, added = create(data, row)
                        for source in (row.source_row, plan.match_row if orphan else None):
                            if source in referenced:
                                made[source] = (made_as, replace(data, **added))
                        continue
                    if plan.match_id is not None:
                        record = matched.get(done, plan.match_id)
                        if record is None or record.deleted_at is not None:
                            raise NotFound("The matching record was deleted meanwhile; preview the file again.")
                        after, changed = _apply(uow, kind, hooks, record, _input_of(kind, record), values, today)
                        index = None
                    else:  # a duplicate of an earlier row of the file, created by this import
                        made_as, before = made[plan.match_row]  # type: ignore[index]
                        record, after, changed = update_made(made_as, before, values)
                        index = made_as if isinstance(made_as, int) else None
                    added = hooks.written(record, row, False, index)
                    if added and index is not None:
                        fresh[index] = record  # the columns, with what the hooks added
                    changed = changed or bool(added)
                    touched += changed
                    if touched >= FLUSH_EVERY:
                        settle()
                    if plan.match_row is not None:
                        made[plan.match_row] = (made[plan.match_row][0], replace(after, **added))
                except (ValidationError, NotFound) as err:
                    rejected.append(RejectedRow(row.source_row, (err,)))
                    continue
                if changed and plan.match_row is None:
                    updated[str(record.id)] = None
                elif not changed:
                    unchanged += 1
        settle()
        if fresh:
            locked()
            ids = new_ids(len(fresh))
            try:
                insert_in_session(uow.session, uow.database, fresh.with_ids(ids),
                                  None if progress is None else lambda _done, _all: progress(len(rows), len(rows)),
                                  preview.name_keys)
            except Cancelled:
                raise ImportCancelled() from None
            created_ids.extend(ids)
            hooks.inserted(ids)
            uow.session.flush()
        log_to = _log_end(uow)
        written = not dry_run and not (stop_on_error and rejected)
        if written:
            uow.commit()
    entity = Entity(ENTITIES[kind_name])
    if written:
        also = ChangeSet(tuple(c for c in hooks.changes() if c.ids))
        changes = change(entity, created=created_ids, updated=updated) | also
    else:
        changes = change(entity)
    return ImportResult(kind_name, changes, len(created_ids), len(updated), unchanged, skipped,
                        tuple(rejected), written, dry_run, preview, log_from or 0,  # (settle() read it)
                        log_to if written else log_from or 0,
                        hooks.companies_created)


def import_with_backup(ctx: AppContext, kind_name: str, rows: Sequence[NeutralRow], preview: Preview, *,
                       decision: str = "skip", stop_on_error: bool = False, dry_run: bool = False,
                       progress: Progress | None = None, source: str = "") -> ImportResult:
    """`import_rows` after a backup named "import" (none for a dry run, which writes nothing). On an
    office server the backup is pg_dump's, made when it is on the PATH, as the daily one is."""
    if not dry_run:
        server = ctx.database.server
        if server is None:
            backup_before(ctx.database.path, BACKUP_REASON, ctx.now())
        elif dump_program() is not None:
            back_up_server(server, BACKUP_REASON, ctx.now())
    return import_rows(ctx.uow(), kind_name, rows, preview, ctx.today(), decision=decision,
                       stop_on_error=stop_on_error, dry_run=dry_run, progress=progress, source=source)


def import_counts(result: ImportResult, lang: str = "en") -> str:
    """One line for the user: what the import did (or would do)."""
    template = ("Dry run, nothing written: {created} new, {updated} updated, {unchanged} unchanged, "
                "{skipped} duplicates skipped, {rejected} rows with errors." if result.dry_run else
                "{created} new, {updated} updated, {unchanged} unchanged, {skipped} duplicates skipped, "
                "{rejected} rows with errors.")
    line = translate(template, lang).format(
        created=f"{result.created:,}", updated=f"{result.updated:,}", unchanged=f"{result.unchanged:,}",
        skipped=f"{result.skipped:,}", rejected=f"{len(result.rejected):,}")
    if result.companies_created:
        line += " " + translate(COMPANIES_CREATED, lang).format(count=f"{result.companies_created:,}")
    return line
