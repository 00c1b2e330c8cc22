"""File > Import…: kind and file, columns, preview, the import itself (in the background, with
progress and Cancel), and what it did.

The import is one transaction after a backup (services/imports.import_with_backup): Cancel rolls it
back, so the database is exactly as before. Once written, its change set goes on the ChangeBus (the
lists refresh) and Edit > Undo offers to take the whole import back in one step
(services/import_undo.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm_desktop.exchange.rejected import write_rejected
from crm_desktop.import_plans.problems import rejected_text
from crm_desktop.services.import_undo import undo_import
from crm_desktop.services.imports import ImportCancelled, ImportResult, import_counts, import_with_backup
from crm_desktop.ui.actions import Undoable, perform
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.tasks import ProgressFn, Task, TaskCancelled
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.imports.preview import PreviewPage
from crm_desktop.views.imports.source_pages import FilePage, MappingPage
from crm_desktop.views.imports.state import ImportState, import_field_labels

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RUN_PAGE, RESULT_PAGE = range(5)


class RunPage(QWizardPage):
    """The import running: a progress bar and Cancel; on to the result when it is done."""

    def __init__(self, env: ViewEnv, state: ImportState, preview: PreviewPage) -> None:
        super().__init__()
        self.env = env
        self.state = state
        self.preview = preview
        self.task: Task | None = None
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("A backup is made first; the import is all or nothing."))
        self.label = QLabel()
        self.label.setObjectName("runLabel")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("runProgress")
        self.cancel_button = QPushButton(self.tr("Cancel the import"))
        self.cancel_button.setObjectName("runCancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)

    def initializePage(self) -> None:
        state, ctx = self.state, self.env.ctx
        assert state.loaded is not None and state.preview is not None
        rows, preview, kind = state.loaded.rows, state.preview, state.kind
        source = state.path.name if state.path is not None else ""  # named in the consent history
        decision, stop = self.preview.decision(), self.preview.stop_on_error()
        state.result = None
        self.label.setText(self.tr("Importing %1 rows…").replace("%1", f"{len(rows):,}"))
        self.bar.setRange(0, max(len(rows), 1))
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)

        def work(progress: ProgressFn) -> ImportResult:
            try:
                return import_with_backup(ctx, kind, rows, preview, decision=decision, stop_on_error=stop,
                                          progress=progress, source=source)
            except ImportCancelled:
                raise TaskCancelled() from None

        self.task = Task(self, work, show_progress=False)
        self.task.progressed.connect(lambda done, _total: self.bar.setValue(done))
        self.task.finished.connect(self._done)
        self.task.cancelled.connect(self._cancelled)
        self.task.failed.connect(self._failed)
        self.task.ended.connect(lambda: self.cancel_button.setEnabled(False))
        self.task.start()

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.label.setText(self.tr("Cancelling…"))

    def _done(self, result: ImportResult) -> None:
        self.state.result = result
        self.bar.setValue(self.bar.maximum())
        if result.written:
            self._announce(result)
        self.completeChanged.emit()
        self.wizard().next()

    def _announce(self, result: ImportResult) -> None:
        """Tell the lists, and offer Edit > Undo for the whole import."""
        records = result.created + result.updated
        name = self.state.path.name if self.state.path else ""
        label = self.tr("Imported %1 (%2 records)").replace("%1", name).replace("%2", f"{records:,}")
        self.env.bus.publish(result.changes.by(self), label)  # with the companies and dates made
        if records:
            ctx, start, end = self.env.ctx, result.log_from, result.log_to
            undo_text = self.tr("Undo import of %1 (%2 records)").replace("%1", name).replace("%2", f"{records:,}")
            self.env.undo.offer_action(Undoable(result.changes.entities[0], result.changes.ids,
                                                lambda: undo_import(ctx.uow(), start, end), label, undo_text,
                                                slow=True))

    def _cancelled(self) -> None:
        self.label.setText(self.tr("The import was cancelled; nothing was written."))

    def _failed(self, exc: BaseException) -> None:
        self.label.setText(self.tr("The import failed; nothing was written."))
        show_error(self, exc, self.env.lang)

    def isComplete(self) -> bool:
        return self.state.result is not None


class ResultPage(QWizardPage):
    """What the import did, the rows left out, and those rows as a CSV to fix and import again."""

    def __init__(self, env: ViewEnv, state: ImportState) -> None:
        super().__init__()
        self.env = env
        self.state = state
        self.setTitle(self.tr("Done"))
        self.counts_label = QLabel()
        self.counts_label.setObjectName("resultCounts")
        self.counts_label.setWordWrap(True)
        self.rejected_label = QLabel(self.tr("Rows left out:"))
        self.rejected = QListView()
        self.rejected.setObjectName("rejectedRows")
        self.rejected_model = QStringListModel(self)
        self.rejected.setModel(self.rejected_model)
        self.rejected.setWordWrap(True)  # a row's reasons are long: all of them shown, none cut off
        self.rejected.setAlternatingRowColors(True)
        self.save_button = QPushButton(self.tr("Save errors as CSV…"))
        self.save_button.setObjectName("saveErrors")
        self.save_button.clicked.connect(lambda: self.save_errors())
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rejected, 1)
        layout.addWidget(self.save_button)

    def initializePage(self) -> None:
        result = self.state.result
        assert result is not None
        lang = self.env.lang
        text = import_counts(result, lang)
        if not result.written:
            text = self.tr("Nothing was imported: %1 rows have errors.").replace(
                "%1", f"{len(result.rejected):,}") + "\n" + text
        self.counts_label.setText(text)
        labels = import_field_labels()
        self.rejected_model.setStringList([self.tr("Row %1: %2").replace("%1", str(r.source_row)).replace(
            "%2", rejected_text(r, lang, lambda name: labels.get(name, name))) for r in result.rejected])
        for widget in (self.rejected_label, self.rejected, self.save_button):
            widget.setVisible(bool(result.rejected))

    def save_errors(self, dest: Path | None = None) -> int | None:
        """Write the rows left out (with the reasons) as CSV; the number of rows written."""
        state = self.state
        assert state.result is not None and state.loaded is not None and state.path is not None
        if dest is None:
            suggested = str(state.path.with_name(f"{state.path.stem}-errors.csv"))
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save errors as CSV"), suggested, "*.csv")
            if not chosen:
                return None
            dest = Path(chosen)
        result, loaded, source, sheet, env = state.result, state.loaded, state.path, state.sheet, self.env
        labels = import_field_labels()
        # The save dialog asked before an existing file was chosen; the database itself is refused even so.
        return perform(self, None, env.lang, lambda: write_rejected(
            dest, source, loaded, result.rejected, env.db.path, env.lang, sheet=sheet, force=True,
            label=lambda name: labels.get(name, name)))


class ImportWizard(QWizard):
    """File > Import…; `state` holds what the pages chose and, at the end, the ImportResult."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.env = env
        self.state = ImportState()
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        button = QWizard.WizardButton
        for which, text in ((button.BackButton, self.tr("< Back")), (button.NextButton, self.tr("Next >")),
                            (button.CancelButton, self.tr("Cancel")), (button.FinishButton, self.tr("Close"))):
            self.setButtonText(which, text)
        self.file_page = FilePage(env, self.state)
        self.mapping_page = MappingPage(env, self.state)
        self.preview_page = PreviewPage(env, self.state)
        self.run_page = RunPage(env, self.state, self.preview_page)
        self.result_page = ResultPage(env, self.state)
        for page_id, page in enumerate((self.file_page, self.mapping_page, self.preview_page, self.run_page,
                                        self.result_page)):
            self.setPage(page_id, page)
        self.resize(920, 640)

    def nextId(self) -> int:
        if self.currentId() == FILE_PAGE and self.state.fields_fixed:
            return PREVIEW_PAGE  # a card's or an event's fields are fixed: nothing to match
        return super().nextId()

    def reject(self) -> None:
        """Closing while the import runs cancels it (and so writes nothing)."""
        self.run_page.cancel()
        super().reject()
