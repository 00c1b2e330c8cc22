"""Export… on every list (Leads, Deals, Products, Quotations, Orders, Accounts, Contacts, Activities):
what the list shows — the rows its filters keep, in its sort, its visible columns in their order under
their headers as shown — to CSV, .xlsx or (contacts) vCard, written off the GUI thread with progress
and Cancel. The writing is `exchange.lists`; this module asks for the file and runs it. Every list tab
imports this module for its cell helpers, so `exchange` (the spreadsheet and vCard writers, 0.05 s)
loads at the first export, not with the first tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from crm_desktop.clock import office_time
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.record_table import RecordTable
from crm_desktop.ui.tasks import ProgressFn, Task, run_task
from crm_desktop.views.common import ViewEnv

if TYPE_CHECKING:
    from crm_desktop.exchange.lists import Fetch, FetchCards, Key, ListColumn, ListExport

FORMATS = ("xlsx", "csv", "vcf")
CHARS_PER_PIXEL = 1 / 7  # a column's width on screen -> its width in a spreadsheet (characters)
FILE_FORBIDDEN = str.maketrans({c: " " for c in '\\/:*?"<>|'})


@dataclass(frozen=True)
class ListSource:
    """What a list exports: its title (the sheet's and the file's name), its ordered keys, how rows
    are fetched for some keys, its visible columns; `cards` when it can be written as vCards too."""

    title: str
    keys: Sequence[Key]
    fetch: Fetch
    columns: list[ListColumn]
    cards: FetchCards | None = None


def local_cell(moment: datetime | None) -> datetime | None:
    """A stored (naive UTC) time as the office's time, the one the list shows."""
    return None if moment is None else office_time(moment)


def baht_cell(satang: int | None) -> Decimal | None:
    """Satang as the baht a spreadsheet sums (an exact Decimal, never a float)."""
    return None if satang is None else Decimal(int(satang)).scaleb(-2)


def shown_sections(header: QHeaderView) -> list[int]:
    """The logical indexes of the columns a header shows, in the order shown."""
    return [i for _visual, i in sorted((header.visualIndex(i), i) for i in range(header.count())
                                       if not header.isSectionHidden(i))]


def table_columns(table: RecordTable) -> list[ListColumn]:
    """The columns `table` shows, in the order shown, with their headers as shown."""
    from crm_desktop.exchange.lists import ListColumn

    model = table.lazy_model
    return [ListColumn(str(model.headerData(i, Qt.Orientation.Horizontal)), model.columns[i].cell or
                       model.columns[i].value, model.columns[i].kind, int(table.columnWidth(i) * CHARS_PER_PIXEL))
            for i in shown_sections(table.horizontalHeader())]


def table_source(title: str, table: RecordTable, rows: Callable[[Sequence[str]], Sequence[Any]],
                 cards: FetchCards | None = None) -> ListSource:
    """A lazy list as an export: a snapshot of its keys (as sorted and filtered now) and its row fetcher."""
    return ListSource(title, list(table.lazy_model.keys), lambda part: {row.id: row for row in rows(part)},
                      table_columns(table), cards)


def _file_filters(source: ListSource) -> dict[str, str]:
    filters = {"xlsx": QCoreApplication.translate("ListExport", "Excel workbook (*.xlsx)"),
               "csv": QCoreApplication.translate("ListExport", "CSV, UTF-8 for Excel (*.csv)")}
    if source.cards is not None:
        filters["vcf"] = QCoreApplication.translate("ListExport", "vCard contacts (*.vcf)")
    return filters


def chosen_file(name: str, chosen_filter: str, filters: dict[str, str]) -> tuple[Path, str]:
    """The file and format the save dialog gave: the name's own extension, else the filter chosen."""
    path = Path(name)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in filters:
        fmt = next((f for f, text in filters.items() if text == chosen_filter), "xlsx")
        path = Path(f"{name}.{fmt}")
    return path, fmt


def export_to_file(parent: QWidget, env: ViewEnv, source: ListSource) -> Task | None:
    """Ask for a file and write `source` to it in the background; the task (None when not asked)."""
    filters = _file_filters(source)
    stem = f"{source.title} {env.today():%Y-%m-%d}".translate(FILE_FORBIDDEN).strip()
    title = QCoreApplication.translate("ListExport", "Export list")
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / f"{stem}.xlsx"),
                                               ";;".join(filters.values()))
    if not name:
        return None
    path, fmt = chosen_file(name, chosen, filters)
    db_path = env.db.path

    def work(progress: ProgressFn) -> ListExport:
        from crm_desktop.exchange.lists import export_cards, export_list

        if fmt == "vcf":
            assert source.cards is not None
            return export_cards(path, db_path, source.keys, source.cards, progress=progress)
        return export_list(path, db_path, fmt, source.title, source.columns, source.keys, source.fetch,
                           progress=progress)

    task: Task | None = None

    def failed(exc: BaseException) -> None:
        if task is not None and task.cancel_requested:  # Cancel pressed: output_file removed the part written
            env.bus.action_done.emit(QCoreApplication.translate("ListExport", "Export cancelled: no file was written"))
        else:
            show_error(parent, exc, env.lang)

    def done(result: ListExport) -> None:
        count = result.rows
        text = QCoreApplication.translate("ListExport", "%n row(s) written to %1", None, count)
        env.bus.action_done.emit(text.replace("%1", result.path.name))

    count = len(source.keys)
    label = QCoreApplication.translate("ListExport", "Writing %n row(s)…", None, count)
    task = run_task(parent, work, title=title, label=label, on_done=done, on_error=failed)
    return task
