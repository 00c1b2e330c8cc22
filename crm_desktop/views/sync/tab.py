"""The Sync tab: export a file for another copy, import one after a preview, review conflicts.

Work on files runs in the background with progress; an import first runs as a dry run whose
counts the user sees before anything is saved.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.options import SYNC_FILE_SUFFIX
from crm_desktop.services.changes import ChangeSet, Entity
from crm_desktop.services.sales.numbers import become_office, renumber_from_copies, this_copy_is_office
from crm_desktop.services.validation import format_phone
from crm_desktop.sync.apply import COUNT_KINDS, ApplyReport
from crm_desktop.sync.conflicts import ConflictRow, open_conflicts, resolve
from crm_desktop.sync.files import ExportResult, ImportResult, export_bundle, import_bundle
from crm_desktop.sync.state import exchanges, set_office_key, status
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm, show_error
from crm_desktop.ui.tables import row_table
from crm_desktop.ui.tasks import ProgressFn, run_task
from crm_desktop.views.common import ViewEnv, datetime_text
from crm_desktop.views.field_labels import field_label

FILE_FILTER = f"CRM sync (*{SYNC_FILE_SUFFIX} *.zip);;* (*)"  # .zip: what older copies named them


def entity_label(entity: str) -> str:
    """A kind of record as people call it; rare internal kinds keep their table name."""
    labels = {
        "account": QCoreApplication.translate("SyncLabels", "Accounts"),
        "contact": QCoreApplication.translate("SyncLabels", "Contacts"),
        "lead": QCoreApplication.translate("SyncLabels", "Leads"),
        "opportunity": QCoreApplication.translate("SyncLabels", "Deals"),
        "stage": QCoreApplication.translate("SyncLabels", "Pipeline stages"),
        "stage_history": QCoreApplication.translate("SyncLabels", "Stage history"),
        "activity": QCoreApplication.translate("SyncLabels", "Activities"),
        "anniversary": QCoreApplication.translate("SyncLabels", "Anniversaries"),
        "campaign": QCoreApplication.translate("SyncLabels", "Campaigns"),
        "user": QCoreApplication.translate("SyncLabels", "Users"),
        "target": QCoreApplication.translate("SyncLabels", "Sales targets"),
        "pick_list": QCoreApplication.translate("SyncLabels", "Choice lists"),
        "lead_scoring_rule": QCoreApplication.translate("SyncLabels", "Scoring rules"),
        "setting": QCoreApplication.translate("SyncLabels", "Settings"),
        "merge_log": QCoreApplication.translate("SyncLabels", "Merges"),
        "erasure": QCoreApplication.translate("SyncLabels", "People erased (PDPA)"),
        "consent_event": QCoreApplication.translate("SyncLabels", "Consent history"),
    }
    return labels.get(entity, entity)


def why_text(rule: str) -> str:
    """What happened to a conflict's record: two edits of one field, or a repair after a merge (its rule)."""
    texts = {
        "in_use": QCoreApplication.translate(
            "SyncLabels", "Restored: one copy deleted it while another copy's records still used it."),
        "stage_kinds": QCoreApplication.translate(
            "SyncLabels", "Restored: the pipeline needs an open, a won and a lost stage."),
        "owner": QCoreApplication.translate(
            "SyncLabels", "Restored: the data needs an active owner."),
    }
    return texts.get(rule, QCoreApplication.translate("SyncLabels", "Changed on two copies at once."))


def count_headers() -> list[str]:
    return [
        QCoreApplication.translate("SyncLabels", "New"),
        QCoreApplication.translate("SyncLabels", "Updated"),
        QCoreApplication.translate("SyncLabels", "Deleted"),
        QCoreApplication.translate("SyncLabels", "Conflicts"),
        QCoreApplication.translate("SyncLabels", "Waiting"),
    ]


def value_text(field: str, value: object) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if field in ("phone", "mobile") and isinstance(value, str):
        return format_phone(value)
    return str(value)


def made_text(iso: str, env: ViewEnv) -> str:
    """When a file was made (UTC in the manifest), in the user's time and calendar."""
    try:
        return datetime_text(datetime.fromisoformat(iso), env.lang, env.buddhist)
    except ValueError:
        return iso


def _item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class PreviewDialog(QDialog):
    """What an import would do, per kind of record, before anything is saved."""

    def __init__(self, result: ImportResult, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPreviewDialog")
        self.setWindowTitle(self.tr("Import sync file"))
        self.resize(620, 420)
        report = result.report
        layout = QVBoxLayout(self)
        nothing_new = report.received > 0 and report.received == report.already_had
        intro = QLabel((self.tr("%1 change(s) from copy %2, made %3: all of them are already here, nothing is new.")
                        if nothing_new else self.tr("%1 changes from copy %2, made %3. %4 of them are already here."))
                       .replace("%1", f"{report.received:,}").replace("%2", result.manifest.from_site)
                       .replace("%3", made_text(result.manifest.created_at, env))
                       .replace("%4", f"{report.already_had:,}"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = row_table("previewTable", [self.tr("Kind"), *count_headers()])
        rows = sorted((e, c) for e, c in report.entities.items() if any(getattr(c, k) for k in COUNT_KINDS))
        self.table.setRowCount(len(rows))
        for r, (entity, counts) in enumerate(rows):
            self.table.setItem(r, 0, _item(entity_label(entity)))
            for c, kind in enumerate(COUNT_KINDS, start=1):
                cell = _item(f"{getattr(counts, kind):,}")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        layout.addWidget(self.table)
        if not rows and not nothing_new:
            layout.addWidget(QLabel(self.tr("Nothing in this file is new to this copy.")))
        note = QLabel(self.tr("The database is backed up before the import. Conflicts keep the later change "
                              "and are listed on the Sync tab, where you can choose the other value."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("confirmImport")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class SyncTab(QWidget):
    """`imported(ChangeSet)` after an import, so the record tabs show the new data."""

    NAME = "sync"
    imported = Signal(object)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("syncTab")
        self.preview: PreviewDialog | None = None
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("This copy"))
        head = QHBoxLayout(box)
        self.copy_label = QLabel()
        self.copy_label.setObjectName("copyLabel")
        self.copy_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_label.setWordWrap(True)
        head.addWidget(self.copy_label, 1)
        self.key_button = QPushButton(self.tr("Office key…"))
        self.key_button.setObjectName("officeKeyButton")
        self.key_button.setToolTip(self.tr("With an office key, files are signed, and files signed with "
                                           "another key (or not signed) are refused"))
        self.key_button.clicked.connect(self.edit_office_key)
        head.addWidget(self.key_button)
        layout.addWidget(box)

        numbers = QGroupBox(self.tr("Document numbers"))
        numbers_row = QHBoxLayout(numbers)
        self.numbering_label = QLabel()
        self.numbering_label.setObjectName("numberingLabel")
        self.numbering_label.setWordWrap(True)
        numbers_row.addWidget(self.numbering_label, 1)
        self.office_button = QPushButton(self.tr("This copy is the office"))
        self.office_button.setObjectName("officeButton")
        self.office_button.setToolTip(self.tr("Quotations and orders made on this copy get numbers without a copy "
                                              "code, and this copy gives office numbers to those of other copies"))
        self.office_button.clicked.connect(self.make_office)
        numbers_row.addWidget(self.office_button)
        self.renumber_button = QPushButton(self.tr("Renumber documents from other copies"))
        self.renumber_button.setObjectName("renumberButton")
        self.renumber_button.setToolTip(self.tr("Give office numbers to the quotations and orders other copies "
                                                "numbered with their copy code; the first number stays findable"))
        self.renumber_button.clicked.connect(self.renumber)
        numbers_row.addWidget(self.renumber_button)
        layout.addWidget(numbers)

        actions = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export sync file…"))
        self.export_button.setObjectName("exportButton")
        self.export_menu = QMenu(self)
        self.export_button.setMenu(self.export_menu)
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        self.import_button = QPushButton(self.tr("Import sync file…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_file)
        for button in (self.export_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        split = QSplitter(Qt.Orientation.Vertical)
        conflicts = QGroupBox(self.tr("Conflicts to review"))
        c_layout = QVBoxLayout(conflicts)
        hint = QLabel(self.tr("Two copies changed the same field differently. The later change was kept; "
                              "you may use the other value instead."))
        hint.setWordWrap(True)
        c_layout.addWidget(hint)
        self.conflicts = row_table("conflictsTable", [
            self.tr("Record"), self.tr("Field"), self.tr("Kept value"), self.tr("Changed by"),
            self.tr("Other value"), self.tr("Changed by"), self.tr("What happened")], stretch=6)
        self.conflicts.itemSelectionChanged.connect(self._update_buttons)
        c_layout.addWidget(self.conflicts)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep this value"))
        self.keep_button.setObjectName("keepButton")
        self.keep_button.clicked.connect(lambda: self.resolve_selected(keep_other=False))
        self.flip_button = QPushButton(self.tr("Use the other value"))
        self.flip_button.setObjectName("flipButton")
        self.flip_button.clicked.connect(lambda: self.resolve_selected(keep_other=True))
        row.addStretch(1)
        row.addWidget(self.keep_button)
        row.addWidget(self.flip_button)
        c_layout.addLayout(row)
        split.addWidget(conflicts)

        history = QGroupBox(self.tr("Exchange history"))
        h_layout = QVBoxLayout(history)
        self.history = row_table("historyTable", [
            self.tr("When"), self.tr("Direction"), self.tr("Other copy"), self.tr("Changes"), self.tr("File")],
            stretch=4)
        h_layout.addWidget(self.history)
        split.addWidget(history)
        layout.addWidget(split, 1)
        self.stale = True  # read when first shown: hidden at start-up, the change log's summary costs nothing

    # --- showing ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        st = status(self.env.db)
        key = self.tr("set") if st.signed else self.tr("not set")
        self.copy_label.setText(
            self.tr("Copy code: %1 · %2 changes recorded · office key %3 · %4 record(s) waiting for a parent record")
            .replace("%1", st.site_id).replace("%2", f"{st.changes:,}").replace("%3", key)
            .replace("%4", f"{st.waiting:,}"))
        office = this_copy_is_office(self.env.ctx.uow())
        self.numbering_label.setText(
            self.tr("This copy is the office: its quotations and orders get numbers without a copy code.")
            if office else
            self.tr("Quotations and orders made on this copy carry its code %1 in their number until the office "
                    "renumbers them.").replace("%1", self.env.db.site_id[:4].upper()))
        self.office_button.setEnabled(not office)
        self.renumber_button.setEnabled(office)
        self._fill_conflicts(open_conflicts(self.env.db))
        self._fill_history({site: peer.label for site, peer in st.peers.items()})
        self._update_buttons()

    def _who(self, side: object) -> str:
        name = getattr(side, "user", "") or self.tr("copy %1").replace("%1", getattr(side, "site", ""))
        return f"{name}, {datetime_text(getattr(side, 'at', None), self.env.lang, self.env.buddhist)}"

    def _fill_conflicts(self, rows: list[ConflictRow]) -> None:
        self.conflicts.setRowCount(len(rows))
        for r, c in enumerate(rows):
            self.conflicts.setItem(r, 0, _item(f"{entity_label(c.entity)}: {c.record}", c.id))
            self.conflicts.setItem(r, 1, _item(field_label(c.field)))
            self.conflicts.setItem(r, 2, _item(value_text(c.field, c.current.value)))
            self.conflicts.setItem(r, 3, _item(self._who(c.current)))
            self.conflicts.setItem(r, 4, _item(value_text(c.field, c.other.value)))
            self.conflicts.setItem(r, 5, _item(self._who(c.other)))
            self.conflicts.setItem(r, 6, _item(why_text(c.rule), c.rule))

    def _fill_history(self, labels: dict[str, str]) -> None:
        """`labels`: each copy's name for itself (exports go to copies we heard from, so all are peers)."""
        rows = exchanges(self.env.db)
        self.history.setRowCount(len(rows))
        for r, x in enumerate(rows):
            direction = self.tr("Exported") if x.direction == "export" else self.tr("Imported")
            peer = x.peer_site or (self.tr("all copies") if x.direction == "export" else "")
            label = labels.get(x.peer_site, "")
            self.history.setItem(r, 0, _item(datetime_text(x.at, self.env.lang, self.env.buddhist)))
            self.history.setItem(r, 1, _item(direction))
            self.history.setItem(r, 2, _item(f"{label} ({peer})" if label else peer))
            self.history.setItem(r, 3, _item(f"{x.changes:,}"))
            self.history.setItem(r, 4, _item(x.file_name))

    def _update_buttons(self) -> None:
        chosen = self.selected_conflict() is not None
        self.keep_button.setEnabled(chosen)
        self.flip_button.setEnabled(chosen and not self._selected_rule())

    def _selected_rule(self) -> str:
        """The rule a selected repair kept ("" for a clash of two edits, or nothing selected)."""
        items = self.conflicts.selectedItems()
        why = self.conflicts.item(items[0].row(), 6) if items else None
        return str(why.data(Qt.ItemDataRole.UserRole) or "") if why is not None else ""

    def selected_conflict(self) -> int | None:
        items = self.conflicts.selectedItems()
        if not items:
            return None
        first = self.conflicts.item(items[0].row(), 0)
        return int(first.data(Qt.ItemDataRole.UserRole)) if first is not None else None

    # --- export -----------------------------------------------------------------------------

    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        lacking = self.export_menu.addAction(self.tr("Changes the other copies do not have yet"))
        lacking.triggered.connect(lambda: self.export_file())
        everything = self.export_menu.addAction(self.tr("Everything (to start a new copy)"))
        everything.triggered.connect(lambda: self.export_file(everything=True))
        peers = status(self.env.db).peers
        if peers:
            self.export_menu.addSeparator()
        for site, peer in sorted(peers.items()):
            name = f"{peer.label} ({site})" if peer.label else site
            text = self.tr("Only for copy %1 (%2 changes)").replace("%1", name).replace("%2", f"{peer.lacking:,}")
            action = self.export_menu.addAction(text)
            action.triggered.connect(lambda _=False, s=site: self.export_file(for_site=s))

    def choose_export_path(self) -> Path | None:
        stamp = self.env.now().replace(tzinfo=UTC).astimezone().strftime("%Y%m%d-%H%M")
        suggested = str(Path.home() / f"crm-sync-{self.env.db.site_id[:6]}-{stamp}{SYNC_FILE_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export sync file"), suggested, FILE_FILTER)
        return Path(path) if path else None

    def export_file(self, *, everything: bool = False, for_site: str | None = None) -> None:
        path = self.choose_export_path()
        if path is None:
            return
        db = self.env.db

        user = self.env.ctx.user_id

        def work(_progress: ProgressFn) -> ExportResult:
            # The save dialog has asked before choosing an existing file; the database and its
            # backups are refused even so.
            return export_bundle(db, path, for_site=for_site, everything=everything, user_id=user, force=True)

        run_task(self, work, title=self.tr("Export sync file"), label=self.tr("Writing the sync file…"),
                 on_done=self._exported, on_error=self._failed, cancellable=False)

    def _exported(self, result: ExportResult) -> None:
        self.reload()
        self.env.bus.action_done.emit(
            self.tr("Exported %1 changes to %2").replace("%1", f"{result.changes:,}").replace("%2", result.path.name))
        QMessageBox.information(self, self.tr("Export sync file"), self.tr(
            "%1 changes were written to %2. Send this file to the other copy and import it there.")
            .replace("%1", f"{result.changes:,}").replace("%2", str(result.path)))

    # --- import -----------------------------------------------------------------------------

    def choose_import_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import sync file"), str(Path.home()), FILE_FILTER)
        return Path(path) if path else None

    def import_file(self) -> None:
        path = self.choose_import_path()
        if path is not None:
            self.preview_file(path)

    def preview_file(self, path: Path) -> None:
        """Check `path` and show what importing it would do (the preview's Import button imports it); a
        missing or damaged file shows why it cannot be imported. The Import button and a sync file opened
        with the program (`crm-desktop FILE`, a double-click) both come here."""
        self._run_import(path, dry_run=True)

    def _run_import(self, path: Path, *, dry_run: bool) -> None:
        db, user = self.env.db, self.env.ctx.user_id

        def work(progress: ProgressFn) -> ImportResult:
            return import_bundle(db, user, path, dry_run=dry_run, progress=progress)

        label = self.tr("Checking the sync file…") if dry_run else self.tr("Importing the sync file…")
        run_task(self, work, title=self.tr("Import sync file"), label=label,
                 on_done=(lambda r: self._previewed(path, r)) if dry_run else self._imported, on_error=self._failed)

    def _previewed(self, path: Path, result: ImportResult) -> None:
        self.preview = PreviewDialog(result, self.env, self)
        self.preview.accepted.connect(lambda: self._run_import(path, dry_run=False))
        self.preview.open()

    def _imported(self, result: ImportResult) -> None:
        self.reload()
        report: ApplyReport = result.report
        changes = report.changes().by(self)
        self.imported.emit(changes)
        new = report.received - report.already_had
        if new:
            text = self.tr("Imported %1 changes from copy %2").replace("%1", f"{new:,}")
        elif report.received:
            text = self.tr("Nothing new from copy %2: all %1 change(s) in the file were already here.").replace(
                "%1", f"{report.received:,}")
        else:
            text = self.tr("Nothing new from copy %2: the file holds no changes.")
        self.env.bus.publish(changes, text.replace("%2", result.manifest.from_site))

    def _failed(self, exc: BaseException) -> None:
        self.reload()
        show_error(self, exc, self.env.lang)

    # --- conflicts and key ----------------------------------------------------------------------

    def resolve_selected(self, *, keep_other: bool) -> None:
        conflict_id = self.selected_conflict()
        if conflict_id is None:
            return
        perform(self, self.env.bus, self.env.lang,
                lambda: resolve(self.env.db, self.env.ctx.user_id, conflict_id, keep_other=keep_other))
        self.reload()

    # --- document numbers ----------------------------------------------------------------------

    def make_office(self) -> None:
        confirm(self, self.tr("This copy is the office"), self.tr(
            "Make this copy the office? Only one copy should be: its documents get numbers without a copy code, "
            "and it renumbers the documents of the other copies after their files are imported."),
            self._become_office, yes_text=self.tr("This copy is the office"))

    def _become_office(self) -> None:
        perform(self, self.env.bus, self.env.lang, lambda: become_office(self.env.ctx.uow()),
                description=self.tr("This copy is now the office"))
        self.reload()

    def renumber(self) -> ChangeSet | None:
        """The office renumbers; the quotations and orders pages hear of the documents it changed."""
        done = perform(self, None, self.env.lang, lambda: renumber_from_copies(self.env.ctx.uow()))
        if done is None:
            return None
        text = (self.tr("Renumbered %1 quotation(s) and %2 sales order(s) from other copies.")
                .replace("%1", f"{len(done[Entity.QUOTATION].updated):,}")
                .replace("%2", f"{len(done[Entity.SALES_ORDER].updated):,}"))
        self.env.bus.publish(done.by(self), text)
        QMessageBox.information(self, self.tr("Renumber documents from other copies"), text)
        self.reload()
        return done

    def edit_office_key(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Office key"),
            self.tr("The same secret on every copy of this office. Leave empty to stop signing files."),
            QLineEdit.EchoMode.Password)
        if ok:
            set_office_key(self.env.db, text, by=self.env.ctx.user_id)
            self.reload()
