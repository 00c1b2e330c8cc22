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
from typing import Any

from crm_desktop.db.backup import backup_before
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.exchange.mapping import NeutralRow
from crm_desktop.exchange.plans import DUPLICATE, ENTITIES, ERROR, NEW, Preview
from crm_desktop.messages import translate
from crm_desktop.models import Account, Contact, Lead, Product
from crm_desktop.services.accounts import AccountInput, clean_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import Changes
from crm_desktop.services.contacts import ContactInput, clean_contact
from crm_desktop.services.import_kinds import ContactHooks, KindHooks, LeadHooks
from crm_desktop.services.leads import LeadInput, clean_lead
from crm_desktop.services.products import ProductInput, clean_product

IMPORT_KINDS = ("contacts", "companies", "leads", "products")
DECISIONS = ("update", "skip", "create")  # what to do with a likely duplicate
BACKUP_REASON = "import"
FLUSH_EVERY = 2_000  # new records held as objects at once
COMPANIES_CREATED = "{count} companies created for the contacts' company names."
_DERIVED = {"marketing_consent": ("consent_on",), "tax_id": ("branch_code",)}  # set together by the clean


@dataclass(frozen=True)
class _Kind:
    model: type[Any]
    form: type[Any]
    clean: Callable[[UnitOfWork, Any, date, Any], dict[str, object]]  # (…, the record updated or None)
    blank: dict[str, object]  # what a form without a value holds for its required fields
    hooks: Callable[[UnitOfWork, date], KindHooks] = KindHooks
    # The clean must see the rows this import wrote before (a product's SKU, a company's tax id are
    # unique): its queries flush them first. Other kinds clean without flushing, so the new rows go
    # to SQLite in batches of FLUSH_EVERY (a flush per row made a lead import 4 times slower).
    sees_pending: bool = False


def _id_of(record: Any) -> str | None:
    return None if record is None else str(record.id)


_KINDS = {
    "contacts": _Kind(Contact, ContactInput, lambda uow, data, today, _record: clean_contact(uow, data, today),
                      {"first_name": ""}, ContactHooks),
    "companies": _Kind(Account, AccountInput, lambda uow, data, today, record: clean_account(
        uow, data, today, _id_of(record)), {"name": ""}, sees_pending=True),
    "leads": _Kind(Lead, LeadInput, lambda uow, data, _today, record: clean_lead(uow, data, record), {}, LeadHooks),
    "products": _Kind(Product, ProductInput, lambda uow, data, _today, record: clean_product(
        uow, data, _id_of(record)), {"sku": "", "name_th": ""}, sees_pending=True),
}


@dataclass(frozen=True)
class RejectedRow:
    """A row left out, with its problems (each translatable)."""

    source_row: int
    problems: tuple[DomainError, ...]

    def text(self, lang: str = "en") -> str:
        return "; ".join(p.text(lang) for p in self.problems)


@dataclass(frozen=True)
class ImportResult:
    kind: str
    changes: Changes
    created: int
    updated: int
    unchanged: int
    skipped: int
    rejected: tuple[RejectedRow, ...]
    written: bool  # False for a dry run, or when errors stopped it
    dry_run: bool
    preview: Preview
    companies_created: int = 0  # accounts made for the companies contacts named
    also: tuple[Changes, ...] = ()  # other records written (those accounts, anniversaries)


def _input_of(kind: _Kind, record: Any) -> Any:
    return kind.form(**{f.name: getattr(record, f.name) for f in fields(kind.form)})


def _apply(uow: UnitOfWork, kind: _Kind, hooks: KindHooks, record: Any, before: Any, values: dict[str, object],
           today: date) -> tuple[Any, bool]:
    """Set the fields the file has (and what the clean derives from them) where they differ."""
    after = replace(before, **values)
    cleaned = kind.clean(uow, after, today, record)
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


def import_rows(uow: UnitOfWork, kind_name: str, rows: Sequence[NeutralRow], preview: Preview, today: date, *,
                decision: str = "skip", stop_on_error: bool = False, dry_run: bool = False) -> ImportResult:
    """Apply `rows` (an import of one of `IMPORT_KINDS`) in one transaction, as `preview`
    (queries.imports.preview_rows) planned them.

    `decision` is what a likely duplicate does: "update" it (only the fields the file has), "skip"
    the row, or "create" a new record anyway. Rows with errors are left out and listed; with
    `stop_on_error` any of them writes nothing at all. `dry_run` does everything and rolls back.
    """
    if decision not in DECISIONS:
        raise DomainError("Unknown choice for duplicates: {value}.", value=decision)
    kind = _KINDS[kind_name]
    form_fields = {f.name for f in fields(kind.form)}
    referenced = {plan.match_row for plan in preview.plans if plan.match_row is not None}
    created_ids: list[str] = []
    pending: list[Any] = []  # created since the last flush
    updated: dict[str, None] = {}
    unchanged = skipped = 0
    rejected: list[RejectedRow] = []
    made: dict[int, tuple[Any, Any]] = {}  # source row a later row duplicates → (record created, its input)

    def settle() -> None:
        """Flush and let go of the written objects: memory stays flat, the transaction stays one."""
        uow.session.flush()
        created_ids.extend(record.id for record in pending)
        pending.clear()
        hooks.flushed()
        uow.session.flush()
        uow.session.expunge_all()

    with uow:
        hooks = kind.hooks(uow, today)
        for row, plan in zip(rows, preview.plans, strict=True):
            if plan.status == ERROR:
                rejected.append(RejectedRow(row.source_row, (*row.errors, *plan.problems)))
                continue
            if plan.status == DUPLICATE and decision == "skip":
                skipped += 1
                continue
            try:
                with nullcontext() if kind.sees_pending else uow.session.no_autoflush:
                    values = hooks.prepare({**{k: v for k, v in row.values.items() if k in form_fields},
                                            **dict(plan.links)}, row, plan)
                    if plan.status == NEW or (plan.status == DUPLICATE and decision == "create"):
                        data = kind.form(**{**kind.blank, **values})
                        cleaned = kind.clean(uow, data, today, None)
                        record = kind.model(**cleaned, **hooks.derived(cleaned))
                        uow.session.add(record)
                        hooks.written(record, row, True)
                        pending.append(record)
                        if row.source_row in referenced:
                            made[row.source_row] = (record, data)
                        if len(pending) >= FLUSH_EVERY:
                            settle()
                        continue
                    if plan.match_id is not None:
                        record = uow.session.get(kind.model, plan.match_id)
                        if record is None or record.deleted_at is not None:
                            raise NotFound("The matching record was deleted meanwhile; preview the file again.")
                        before = _input_of(kind, record)
                    else:  # a duplicate of an earlier row of the file, created by this import
                        record, before = made[plan.match_row]  # type: ignore[index]
                        if record not in uow.session:
                            record = uow.session.get(kind.model, record.id)
                        elif record.id is None:
                            uow.session.flush()  # its id: the clean tells it from others with its SKU or tax id
                    after, changed = _apply(uow, kind, hooks, record, before, values, today)
                    changed = hooks.written(record, row, False) or changed
                    if plan.match_row is not None:
                        made[plan.match_row] = (record, after)
            except (ValidationError, NotFound) as err:
                rejected.append(RejectedRow(row.source_row, (err,)))
                continue
            if changed and plan.match_row is None:
                updated[record.id] = None
            elif not changed:
                unchanged += 1
        settle()
        written = not dry_run and not (stop_on_error and rejected)
        if written:
            uow.commit()
    entity = ENTITIES[kind_name]
    changes = Changes(entity, created=tuple(created_ids), updated=tuple(updated)) if written else Changes(entity)
    also = tuple(c for c in hooks.changes() if c.ids) if written else ()
    return ImportResult(kind_name, changes, len(created_ids), len(updated), unchanged, skipped,
                        tuple(rejected), written, dry_run, preview, hooks.companies_created, also)


def import_with_backup(ctx: AppContext, kind_name: str, rows: Sequence[NeutralRow], preview: Preview, *,
                       decision: str = "skip", stop_on_error: bool = False, dry_run: bool = False) -> ImportResult:
    """`import_rows` after a backup named "import" (none for a dry run, which writes nothing)."""
    if not dry_run:
        backup_before(ctx.database.path, BACKUP_REASON, ctx.now())
    return import_rows(ctx.uow(), kind_name, rows, preview, ctx.today(), decision=decision,
                       stop_on_error=stop_on_error, dry_run=dry_run)


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
