"""The wizard's first two pages: which kind of record from which file (and sheet), then which column
goes to which field, with a saved mapping chosen by itself when the same header comes again."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from crm_desktop.errors import DomainError
from crm_desktop.exchange.fields import importable_fields, parse_cell
from crm_desktop.exchange.mapping import Guess, guess_columns
from crm_desktop.exchange.rows import ICS_SUFFIXES, SAMPLE_ROWS, VCARD_SUFFIXES, kind_problem
from crm_desktop.exchange.tables import Notice, TableFormat, read_table, sniff
from crm_desktop.import_plans.mappings import Mapping, find_saved
from crm_desktop.services.import_mappings import save_mapping, saved_mappings
from crm_desktop.services.imports import IMPORT_KINDS
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import show_domain_error, show_warning
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.imports.state import ImportState, import_field_labels, kind_label

SAMPLES_SHOWN = 3  # values per column on the mapping page
NOTICES_SHOWN = 5
FILE_FILTER = "*.csv *.tsv *.txt *.xlsx *.xlsm *.vcf *.vcard *.ics"


class FilePage(QWizardPage):
    """Kind, file and sheet; what was detected about the file (encoding, delimiter, header row)."""

    def __init__(self, env: ViewEnv, state: ImportState) -> None:
        super().__init__()
        self.env = env
        self.state = state
        self.problem: DomainError | None = None
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("CSV or tab-separated text, an Excel workbook (.xlsx), vCards (.vcf) or a calendar "
                                 "(.ics)."))
        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        for kind in IMPORT_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setObjectName("importBrowse")
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.sheet = QComboBox()
        self.sheet.setObjectName("importSheet")
        self.sheet_label = QLabel(self.tr("Sheet:"))
        self.format_label = QLabel()
        self.format_label.setObjectName("importFormat")
        self.format_label.setWordWrap(True)
        self.notices_label = QLabel()
        self.notices_label.setObjectName("importNotices")
        self.notices_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Import:"), self.kind)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.sheet_label, self.sheet)
        form.addRow(self.format_label)
        form.addRow(self.notices_label)
        self._show_sheets(())
        self.path_edit.textChanged.connect(lambda _text: self.inspect())
        self.kind.activated.connect(lambda _index: self.inspect())
        self.sheet.activated.connect(lambda _index: self.inspect(self.sheet.currentText()))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), str(Path.home()),
                                              self.tr("Files to import (%1)").replace("%1", FILE_FILTER))
        if path:
            self.path_edit.setText(path)

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def inspect(self, sheet: str | None = None) -> None:
        """Read what the file is (and its header and first rows): shown now, a problem shown on Next too."""
        path = self.path()
        self.problem = None
        self.state.header, self.state.samples, self.state.sheet = [], [], None
        notices: list[Notice] = []
        if path is None or not path.is_file():
            self.format_label.setText(self.tr("Choose the file to import.") if path is None
                                      else self.tr("There is no file %1.").replace("%1", str(path)))
            self._show_sheets(())
        elif (problem := kind_problem(path, self.kind.currentData())) is not None:
            self.problem = problem
            self.format_label.setText(problem.text(self.env.lang))
            self._show_sheets(())
        elif path.suffix.lower() in VCARD_SUFFIXES:
            self.format_label.setText(self.tr("vCard file: names, phones, e-mails and birthdays are read from each "
                                              "card."))
            self._show_sheets(())
        elif path.suffix.lower() in ICS_SUFFIXES:
            self.format_label.setText(self.tr("Calendar file: each event becomes an activity, with its time, "
                                              "place, reminder and repeats."))
            self._show_sheets(())
        else:
            try:
                fmt = sniff(path, sheet=sheet)
                notices = self._read_start(path, fmt)
            except DomainError as err:
                self.problem = err
                self.format_label.setText(err.text(self.env.lang))
                self._show_sheets(())
            else:
                self._show_sheets(fmt.sheets, fmt.sheet)
                self.format_label.setText(self._format_text(fmt))
        self.notices_label.setText("\n".join(n.text(self.env.lang) for n in notices[:NOTICES_SHOWN]))
        self.completeChanged.emit()

    def _read_start(self, path: Path, fmt: TableFormat) -> list[Notice]:
        table = read_table(path, sheet=fmt.sheet)
        try:
            rows = list(islice(table.rows, SAMPLE_ROWS))
        finally:
            table.close()
        self.state.header, self.state.samples, self.state.sheet = table.header, [r.cells for r in rows], fmt.sheet
        return [notice for row in rows for notice in row.warnings]

    def _show_sheets(self, sheets: tuple[str, ...], current: str | None = None) -> None:
        self.sheet.clear()
        self.sheet.addItems(list(sheets))
        if current:
            self.sheet.setCurrentText(current)
        self.sheet.setVisible(len(sheets) > 1)
        self.sheet_label.setVisible(len(sheets) > 1)

    def _format_text(self, fmt: TableFormat) -> str:
        if fmt.kind == "xlsx":
            return (self.tr("Excel workbook, sheet “%1”; the header is on row %2.")
                    .replace("%1", fmt.sheet or "").replace("%2", str(fmt.header_row)))
        delimiters = {",": self.tr("commas"), ";": self.tr("semicolons"), "\t": self.tr("tabs"),
                      "|": self.tr("vertical bars")}
        encodings = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16", "utf-16-le": "UTF-16 LE",
                     "utf-16-be": "UTF-16 BE", "cp874": self.tr("Thai Windows (cp874 / TIS-620)")}
        encoding = fmt.encoding or ""
        return (self.tr("Text file in %1, values separated by %2; the header is on row %3.")
                .replace("%1", encodings.get(encoding, encoding))
                .replace("%2", delimiters.get(fmt.delimiter or "", fmt.delimiter or ""))
                .replace("%3", str(fmt.header_row)))

    def isComplete(self) -> bool:
        path = self.path()
        return path is not None and path.is_file()

    def validatePage(self) -> bool:
        self.inspect(self.sheet.currentText() or None)
        if self.problem is not None:
            show_domain_error(self, self.problem, self.env.lang)
            return False
        self.state.kind = self.kind.currentData()
        self.state.path = self.path()
        if not self.state.fields_fixed and not self.state.header:
            show_warning(self, self.tr("The file has no header row with column names."))
            return False
        return True


class MappingPage(QWizardPage):
    """One row per file column: its header, a few values and the field it goes to."""

    def __init__(self, env: ViewEnv, state: ImportState) -> None:
        super().__init__()
        self.env = env
        self.state = state
        self.saved: list[Mapping] = []
        self.name_dialog: QInputDialog | None = None
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Choose the field each column goes to. The guess comes from the headers "
                                 "and the values."))
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedMappings")
        self.saved_combo.activated.connect(lambda _index: self.apply_saved())
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedMappingNote")
        self.save_button = QPushButton(self.tr("Save mapping as…"))
        self.save_button.setObjectName("saveMapping")
        self.save_button.clicked.connect(self.ask_name)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Saved mapping:")))
        top.addWidget(self.saved_combo, 1)
        top.addWidget(self.save_button)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Values in the file"), self.tr("Field"),
                                              self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # notes wrap
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.notes: list[str] = []  # per column: why the guess left it unmatched though its header names a field
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.table, 1)

    def note(self, column: int) -> str:
        item = self.table.item(column, 3)
        return item.text() if item is not None else ""

    def _note_for(self, guess: Guess, labels: dict[str, str]) -> str:
        """Why a column whose header names a field was left unmatched: its values do not fit the field
        (the field's own message on the first that does not: "名無しの権兵衛@host.invalid is not an email
        address."), or another column took the field."""
        if guess.field is not None or guess.named is None:
            return ""
        why = guess.explain(self.env.lang)
        spec = importable_fields(self.state.kind).get(guess.named)
        if guess.misfit is not None and spec is not None:
            try:
                parse_cell(guess.misfit, spec)
            except DomainError as err:
                why = self.tr("most values do not fit it, e.g. %1").replace("%1", err.text(self.env.lang))
        return (self.tr("Not matched, though the header names “%1”: %2")
                .replace("%1", labels.get(guess.named, guess.named)).replace("%2", why))

    def _show_note(self, column: int) -> None:
        """The note while the column is left out; gone once the user chooses a field for it."""
        note = QTableWidgetItem(self.notes[column] if self.combo(column).currentData() is None else "")
        note.setFlags(Qt.ItemFlag.ItemIsEnabled)
        note.setToolTip(note.text())
        self.table.setItem(column, 3, note)

    def combo(self, column: int) -> QComboBox:
        widget = self.table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def initializePage(self) -> None:
        state = self.state
        guesses = guess_columns(state.kind, state.header, state.samples)
        fields = importable_fields(state.kind)
        labels = import_field_labels()
        self.table.setRowCount(len(state.header))
        for column, guess in enumerate(guesses):
            title = QTableWidgetItem(guess.header or self.tr("Column %1").replace("%1", str(column + 1)))
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            values = [c for c in (row[column] for row in state.samples if column < len(row)) if c not in (None, "")]
            sample = QTableWidgetItem(" · ".join(str(v) for v in values[:SAMPLES_SHOWN]))
            sample.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(column, 0, title)
            self.table.setItem(column, 1, sample)
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            for name in fields:
                combo.addItem(labels.get(name, name), name)
            combo.setToolTip(guess.explain(self.env.lang))
            self.table.setCellWidget(column, 2, combo)
        self.notes = [self._note_for(guess, labels) for guess in guesses]
        for column in range(len(guesses)):
            self._show_note(column)
            self.combo(column).currentIndexChanged.connect(lambda _index, c=column: self._show_note(c))
        self.guessed = [g.field for g in guesses]
        self._fill_saved()
        found = find_saved(state.kind, state.header, self.saved)
        self.saved_combo.setCurrentIndex(self.saved.index(found) + 1 if found is not None else 0)
        self.apply_saved()

    def _fill_saved(self) -> None:
        self.saved = saved_mappings(self.env.ctx.uow(), self.state.kind)
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("(none: as guessed)"))
        for mapping in self.saved:
            self.saved_combo.addItem(mapping.name)

    def apply_saved(self) -> None:
        index = self.saved_combo.currentIndex()
        mapping = self.saved[index - 1] if index > 0 else None
        chosen = (mapping.fields_for(self.state.header, importable_fields(mapping.kind)) if mapping is not None
                  else self.guessed)
        for column, name in enumerate(chosen):
            combo = self.combo(column)
            combo.setCurrentIndex(max(combo.findData(name), 0))
        self.saved_label.setText(self.tr("Using the saved mapping “%1”.").replace("%1", mapping.name)
                                 if mapping is not None else "")

    def chosen_fields(self) -> list[str | None]:
        return [self.combo(column).currentData() for column in range(self.table.rowCount())]

    def ask_name(self) -> QInputDialog:
        """Save mapping as…: a name, then the mapping is stored as an office setting."""
        dialog = QInputDialog(self)
        dialog.setObjectName("mappingNameDialog")
        dialog.setWindowTitle(self.tr("Save mapping"))
        dialog.setLabelText(self.tr("Name of this column mapping:"))
        dialog.setTextValue(self.state.path.stem if self.state.path else "")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.save_as)
        self.name_dialog = dialog
        dialog.open()
        return dialog

    def save_as(self, name: str) -> None:
        mapping = Mapping.from_guesses(self.state.kind, name, self.state.header, self.chosen_fields())
        env = self.env
        if perform(self, env.bus, env.lang, lambda: save_mapping(env.ctx.uow(), mapping)) is None:
            return
        self._fill_saved()
        chosen = next(i for i, m in enumerate(self.saved) if m.name.casefold() == name.strip().casefold())
        self.saved_combo.setCurrentIndex(chosen + 1)
        self.saved_label.setText(self.tr("Saved as “%1”.").replace("%1", name.strip()))

    def validatePage(self) -> bool:
        fields = self.chosen_fields()
        if not any(fields):
            show_warning(self, self.tr("Choose a field for at least one column."))
            return False
        labels = import_field_labels()
        twice = sorted({labels.get(f, f) for f in fields if f is not None and fields.count(f) > 1})
        if twice:
            show_warning(self, self.tr("Each field can come from one column only: %1.").replace("%1", ", ".join(twice)))
            return False
        self.state.fields = fields
        return True
