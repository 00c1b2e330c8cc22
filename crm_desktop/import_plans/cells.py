"""One source row of an import as the services check it, and what can be wrong with a cell."""

from __future__ import annotations

from dataclasses import dataclass, field

from crm_desktop.errors import DomainError
from crm_desktop.messages import translate


@dataclass(frozen=True, slots=True)
class MonthDay:
    """A yearly date without its year: a birthday as phones keep it (vCard "--0315", Google's "--03-15")."""

    month: int
    day: int


class CellError(DomainError):
    """A cell that cannot be imported (or a warning about one): names the row and the column."""

    def __init__(self, row: int, column: str, problem: DomainError) -> None:
        self.row = row
        self.column = column
        self.problem = problem
        super().__init__("Row {row}, column {column}: {problem}", row=row, column=column, problem=problem)

    def text(self, lang: str = "en") -> str:
        return translate(self.template, lang).format(row=self.row, column=self.column, problem=self.problem.text(lang))


@dataclass(slots=True)
class NeutralRow:
    """One source row as field → value (str, int, bool, date, datetime), before the services check it."""

    source_row: int
    values: dict[str, object] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellError] = field(default_factory=list)
