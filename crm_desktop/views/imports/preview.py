"""The preview page: what each row would do (new / update / duplicate of … / error, with the reason),
the first rows in a table model, the counts for all; the choices for duplicates and for errors. What
the reading warned about (an .ics file's repeat rule kept as single dates, an unknown time zone, a
phone kept in the notes) is listed above the rows and said again on each row it concerns.

The whole file is read and matched in the background (a large file takes seconds); nothing is
written before the next page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from crm_desktop.exchange.rows import ImportFile, read_import_file
from crm_desktop.import_plans.cells import NeutralRow
from crm_desktop.import_plans.plans import DUPLICATE, ERROR, NEW, UPDATE, Preview, RowPlan
from crm_desktop.import_plans.problems import problem_text
from crm_desktop.queries.import_titles import record_titles
from crm_desktop.queries.imports import preview_rows
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.tasks import ProgressFn, Task
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.imports.state import ImportState, import_field_labels

WARNINGS_SHOWN = 1_000  # lines in the warnings list; the count in its title covers all
_TITLE_FIELDS = (("prefix", "first_name", "last_name"), ("name",), ("name_th",), ("subject",), ("full_name",))
Index = QModelIndex | QPersistentModelIndex


def row_title(values: dict[str, object]) -> str:
    """What a row is called: its names, its name, its subject."""
    for parts in _TITLE_FIELDS:
        text = " ".join(str(values[p]) for p in parts if values.get(p))
        if text:
            return text
    return ""


class PreviewModel(QAbstractTableModel):
    """The detailed rows of the preview: row number, what it would do, the record, why."""

    def __init__(self, page: PreviewPage) -> None:
        super().__init__(page)
        self.page = page
        self.rows: list[tuple[NeutralRow, RowPlan]] = []
        self.headers = [QCoreApplication.translate("PreviewPage", "Row"),
                        QCoreApplication.translate("PreviewPage", "Would be"),
                        QCoreApplication.translate("PreviewPage", "Record"),
                        QCoreApplication.translate("PreviewPage", "Why")]

    def set_rows(self, rows: list[tuple[NeutralRow, RowPlan]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row, plan = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return str(row.source_row)
        if column == 1:
            return self.page.status_text(plan.status)
        if column == 2:
            return row_title(row.values)
        return self.page.reason_text(row, plan)


class PreviewPage(QWizardPage):
    """Reads the whole file with the chosen columns, plans every row; Import writes it."""

    def __init__(self, env: ViewEnv, state: ImportState) -> None:
        super().__init__()
        self.env = env
        self.state = state
        self.task: Task | None = None
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet. Duplicates are found by phone, e-mail, tax ID "
                                 "and name."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.counts_label = QLabel()
        self.counts_label.setObjectName("previewCounts")
        self.counts_label.setWordWrap(True)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setObjectName("previewTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("previewShown")
        self.warnings_box = QGroupBox()
        self.warnings_box.setObjectName("previewWarnings")
        self.warnings = QListWidget()
        self.warnings.setObjectName("previewWarningList")
        self.warnings.setWordWrap(True)
        self.warnings.setAlternatingRowColors(True)
        self.warnings.setMaximumHeight(self.warnings.fontMetrics().lineSpacing() * 7)
        QVBoxLayout(self.warnings_box).addWidget(self.warnings)
        self.warnings_box.hide()
        self.labels: dict[str, str] = {}
        self.duplicates = self._choices("duplicateChoice", self.tr("Likely duplicates"), [
            ("update", self.tr("Update the record (only the fields the file has)")),
            ("skip", self.tr("Skip the row")),
            ("create", self.tr("Create a new record anyway")),
        ], "update")
        self.errors = self._choices("errorChoice", self.tr("Rows with errors"), [
            ("skip", self.tr("Leave them out and import the rest")),
            ("stop", self.tr("Import nothing")),
        ], "skip")
        choices = QHBoxLayout()
        choices.addWidget(self.duplicates[0])
        choices.addWidget(self.errors[0])
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.warnings_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.shown_label)
        layout.addLayout(choices)

    def _choices(self, name: str, title: str, options: list[tuple[str, str]],
                 default: str) -> tuple[QGroupBox, QButtonGroup, dict[str, QRadioButton]]:
        box = QGroupBox(title)
        box.setObjectName(name)
        group = QButtonGroup(box)
        buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(box)
        for key, text in options:
            button = QRadioButton(text)
            button.setObjectName(f"{name}_{key}")
            button.setChecked(key == default)
            group.addButton(button)
            layout.addWidget(button)
            buttons[key] = button
        return box, group, buttons

    def decision(self) -> str:
        return next(k for k, b in self.duplicates[2].items() if b.isChecked())

    def stop_on_error(self) -> bool:
        return self.errors[2]["stop"].isChecked()

    # --- texts ---------------------------------------------------------------------------------

    def status_text(self, status: str) -> str:
        return {NEW: self.tr("New"), UPDATE: self.tr("Update"), DUPLICATE: self.tr("Duplicate"),
                ERROR: self.tr("Error")}[status]

    def label(self, name: str) -> str:
        return self.labels.get(name, name)

    def reason_text(self, row: NeutralRow, plan: RowPlan) -> str:
        """Why the row does what it does, then what the reading warned about on it."""
        lang = self.env.lang
        if plan.status == ERROR:
            first = "; ".join(problem_text(e, lang, self.label) for e in (*row.errors, *plan.problems))
        else:
            first = self._match_text(plan)
        return "; ".join(t for t in (first, *(w.text(lang) for w in row.warnings)) if t)

    def _match_text(self, plan: RowPlan) -> str:
        keys = {"tax_id": self.tr("tax ID"), "email": self.tr("e-mail"), "phone": self.tr("phone"),
                "same_name": self.tr("name"), "sku": self.tr("product code")}
        same = ", ".join(keys.get(r, r) for r in plan.reasons)
        if plan.match_row is not None:
            return self.tr("Duplicate of row %1 of the file (same %2)").replace("%1", str(plan.match_row)).replace(
                "%2", same)
        title = self.state.titles.get(plan.match_id or "", "")
        if plan.status == UPDATE:
            return self.tr("Updates %1 (same %2)").replace("%1", title).replace("%2", same)
        if plan.status == DUPLICATE:
            return self.tr("Duplicate of %1 (same %2)").replace("%1", title).replace("%2", same)
        return ""

    def counts_text(self, preview: Preview) -> str:
        return (self.tr("%1 rows: %2 new, %3 update a record, %4 likely duplicates, %5 with errors.")
                .replace("%1", f"{len(preview.plans):,}").replace("%2", f"{preview.counts[NEW]:,}")
                .replace("%3", f"{preview.counts[UPDATE]:,}").replace("%4", f"{preview.counts[DUPLICATE]:,}")
                .replace("%5", f"{preview.counts[ERROR]:,}"))

    # --- loading --------------------------------------------------------------------------------

    def warning_lines(self, loaded: ImportFile) -> tuple[int, list[str]]:
        """How many warnings there are, and the first of them as lines: the file's, then each row's."""
        lang = self.env.lang
        lines = [w.text(lang) for w in loaded.warnings]
        count = len(lines) + sum(len(row.warnings) for row in loaded.rows)
        for row in loaded.rows:
            if len(lines) >= WARNINGS_SHOWN:
                break
            lines += [w.text(lang) for w in row.warnings]
        return count, lines[:WARNINGS_SHOWN]

    def _show_warnings(self, loaded: ImportFile) -> None:
        count, lines = self.warning_lines(loaded)
        self.warnings.clear()
        self.warnings.addItems(lines)
        self.warnings_box.setTitle(self.tr("Warnings (%1)")
                                   .replace("%1", f"{count:,}"))
        self.warnings_box.setVisible(count > 0)

    def initializePage(self) -> None:
        state = self.state
        state.loaded = state.preview = None
        self.labels = import_field_labels()
        self.model.set_rows([])
        self.warnings.clear()
        self.warnings_box.hide()
        self.shown_label.clear()
        self.counts_label.setText(self.tr("Reading the file and looking for duplicates…"))
        db, kind, path, sheet, mapping = self.env.db, state.kind, state.path, state.sheet, state.mapping()
        assert path is not None

        def work(_progress: ProgressFn) -> tuple[Any, Preview, dict[str, str]]:
            loaded = read_import_file(path, kind, sheet=sheet, mapping=mapping)
            preview = preview_rows(db, kind, loaded.rows)
            titles = record_titles(db, kind, (p.match_id for p in preview.detailed if p.match_id))
            return loaded, preview, titles

        task = self.task = Task(self, work, show_progress=False)
        # Back and Next again start a new reading: only the latest one is shown.
        task.finished.connect(lambda found: self._loaded(found) if task is self.task else None)
        task.failed.connect(lambda exc: self._failed(exc) if task is self.task else None)
        task.ended.connect(self.completeChanged)
        task.ended.connect(task.deleteLater)
        task.start()

    def _loaded(self, found: tuple[Any, Preview, dict[str, str]]) -> None:
        state = self.state
        state.loaded, state.preview, state.titles = found
        self.model.set_rows(list(zip(state.loaded.rows, state.preview.detailed, strict=False)))
        self.counts_label.setText(self.counts_text(state.preview))
        self._show_warnings(state.loaded)
        shown = len(state.preview.detailed)
        if shown < len(state.preview.plans):
            self.shown_label.setText(self.tr("The first %1 rows are shown; the counts cover all of them.")
                                     .replace("%1", f"{shown:,}"))
        self.view.resizeColumnToContents(2)
        self.duplicates[0].setEnabled(state.preview.counts[DUPLICATE] > 0)
        self.errors[0].setEnabled(state.preview.counts[ERROR] > 0)

    def _failed(self, exc: BaseException) -> None:
        self.counts_label.setText(self.tr("The file could not be read."))
        show_error(self, exc, self.env.lang)

    def isComplete(self) -> bool:
        return self.state.preview is not None and bool(self.state.preview.plans)

    def validatePage(self) -> bool:
        return self.isComplete()
