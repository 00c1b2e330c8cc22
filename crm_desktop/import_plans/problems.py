"""Why a row of an import cannot be imported, in the user's language, for the preview, the result and
the errors CSV.

A cell's problem names its row and column (exchange/mapping.CellError). A problem of a whole field
has no cell to point at (a contact without a first name is refused by the contact's rules, which
raise ValidationError with the field's name): its text names the field by its label and, where the
row is not shown beside it (the errors CSV), the row: "Row 4, First name: This field is required.".
The labels are the app's (views/field_labels.py, Qt translations), so the wizard passes them in; the
command line, which has no Qt, names the field by its own name ("First name").

Plain functions over DomainError: both the read and the write side may use them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.messages import translate

FIELD_PROBLEM = "Row {row}, {field}: {problem}"
Labels = Callable[[str], str]  # a field's name → what the user calls it


class Rejected(Protocol):
    """A row left out (services.imports.RejectedRow)."""

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
    """Why a row was left out: each of its problems; with `row`, a field's problem names the row too."""
    return "; ".join(problem_text(p, lang, label, rejected.source_row if row else None) for p in rejected.problems)
