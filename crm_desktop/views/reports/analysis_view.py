"""The chosen analysis on the right of the Reports tab: its title and period, the table (totals last,
in bold), its chart, and Export to Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.exchange.report_tables import export_table
from crm_desktop.queries.reports.table import ReportTable
from crm_desktop.ui.charts import ChartWidget
from crm_desktop.ui.errors import show_error
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.reports.labels import key_label, note_text, table_title
from crm_desktop.views.reports.model import ReportTableModel, chart_data

SIZED_ROWS = 0  # columns fit the rows on screen (sizing by all 15,000 late deliveries took 3 s, by 100 of them 0.24 s)
# Tables whose rows' ids open a record on a double click: the kind of record their ids are.
OPENS = {"late_deliveries": "sales_order"}
FILE_FORBIDDEN = str.maketrans({c: "-" for c in '<>:"/\\|?*'})


class AnalysisView(QWidget):
    open_record = Signal(str, str)  # kind, id: a row double-clicked (see OPENS)

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("analysisView")
        self.period = ""
        self.weights_dialog: QDialog | None = None
        self.title = QLabel()
        self.title.setObjectName("analysisTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.state = QLabel()  # the period, "Working…" or why nothing shows
        self.state.setObjectName("analysisState")
        self.state.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("analysisNote")
        self.note.setWordWrap(True)
        self.xlsx_button = QPushButton(self.tr("Export to Excel…"))
        self.xlsx_button.setObjectName("exportXlsxButton")
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("exportCsvButton")
        self.csv_button.setToolTip(self.tr("Comma-separated text (UTF-8) that Excel and other programs open"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.weights_button = QPushButton(self.tr("Weights…"))  # the customer ranking's, shown with it
        self.weights_button.setObjectName("rfmWeightsButton")
        self.weights_button.setToolTip(self.tr("How much recency, frequency and money count in the ranking"))
        self.weights_button.clicked.connect(self.edit_weights)
        self.model = ReportTableModel(env.lang, env.buddhist, self)
        self.table = QTableView()
        self.table.setObjectName("analysisTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)  # figures stay beside their row
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.chart = ChartWidget()
        self.chart.setObjectName("analysisChart")

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.state)
        head.addLayout(titles, 1)
        head.addWidget(self.weights_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.xlsx_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.csv_button, 0, Qt.AlignmentFlag.AlignTop)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)
        self.show_table(None)

    @property
    def shown(self) -> ReportTable | None:
        return self.model.table

    def show_title(self, key: str, period: str) -> None:
        self.title.setText(table_title(key))
        self.period = period

    def show_running(self) -> None:
        self.state.setText(self.tr("%1 · working…").replace("%1", self.period) if self.period
                           else self.tr("Working…"))

    def show_problem(self, text: str) -> None:
        self.state.setText(text)
        self.show_table(None, keep_state=True)

    def show_table(self, table: ReportTable | None, *, keep_state: bool = False, remark: str = "") -> None:
        """Show `table` (None: nothing) as `model.for_display` worded it, with its note and the tab's
        `remark` under the title."""
        self.model.set_table(table)
        self.table.verticalHeader().setVisible(self.model.turned)  # there it names the figures
        if not keep_state:
            self.state.setText(self.period)
        notes = [note_text(table.note)] if table is not None and table.note else []
        self.note.setText("\n".join([*notes, remark] if remark else notes))
        self.note.setVisible(bool(self.note.text()))
        self.weights_button.setVisible(table is not None and table.key == "rfm")
        self.xlsx_button.setEnabled(table is not None)
        self.csv_button.setEnabled(table is not None)
        shown = self.shown  # as the table words it
        data = chart_data(shown, self.env.lang, self.env.buddhist) if shown is not None else None
        self.chart.setVisible(table is None or data is not None)
        self.chart.set_chart(data, self.tr("Nothing in this period") if table is not None else "")
        if table is not None:
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 12, 320))

    def open_row(self, row: int) -> bool:
        """Open the record row `row` is about, when the table says which (False otherwise)."""
        table = self.shown
        kind = OPENS.get(table.key) if table is not None else None
        if table is None or kind is None or self.model.turned or row >= min(len(table.ids), len(table.rows)):
            return False
        record = table.ids[row]
        if record:
            self.open_record.emit(kind, record)
        return bool(record)

    def edit_weights(self) -> QDialog:
        """The ranking's weights; once saved, the change on the bus runs the ranking again."""
        from crm_desktop.views.reports.rfm_weights import RfmWeightsDialog  # comes with the ranking itself

        dialog = RfmWeightsDialog(self.env, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.weights_dialog = dialog
        return dialog

    def file_name(self, fmt: str) -> str:
        name = f"{self.title.text()} {self.period}".translate(FILE_FORBIDDEN).strip()
        return f"{name}.{fmt}"

    def export(self, fmt: str) -> Path | None:
        """Ask for a file and write the table shown to it; the path written, or None."""
        table = self.shown
        if table is None:
            return None
        caption = self.tr("Export to Excel") if fmt == "xlsx" else self.tr("Export CSV")
        kinds = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("CSV file (*.csv)")
        name, _ = QFileDialog.getSaveFileName(self, caption, str(Path.home() / self.file_name(fmt)), kinds)
        if not name:
            return None
        path = Path(name) if name.lower().endswith(f".{fmt}") else Path(f"{name}.{fmt}")
        try:
            return export_table(table, path, self.env.db.path, fmt, title=self.title.text(),
                                headers=self.model.headers(), key_text=key_label, force=True)
        except Exception as exc:  # the file dialog asked before replacing; anything else is shown
            show_error(self, exc, self.env.lang)
            return None
