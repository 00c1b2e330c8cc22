"""Settings › Documents: how quotation and sales order numbers look (QT{year}-{seq}).

Each pattern shows, as it is typed, the first number it would give this month on the office and on
another copy, or the service's reason when it cannot number documents. Saving goes with the
dialog's Save, after every field of every page was checked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from crm_desktop.errors import DomainError
from crm_desktop.services.changes import ChangeSet
from crm_desktop.services.sales.numbers import Kind, example_number, number_patterns, set_pattern
from crm_desktop.views.common import ViewEnv

KINDS: tuple[Kind, ...] = ("quotation", "order", "case")
PATTERN_MAX = 60  # longer text is refused with the service's message, not cut


class DocumentsPage(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("documentsPage")
        self.saved = number_patterns(env.ctx.uow())
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "How new document numbers look. {year} is the Buddhist Era year of the document's date, {yy} its "
            "last two digits, {ce} the year A.D., {month} the month, {seq} the running number (needed, once) "
            "and {copy} where another copy puts its code."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.patterns: dict[Kind, QLineEdit] = {}
        self.examples: dict[Kind, QLabel] = {}
        labels = {"quotation": self.tr("Quotations"), "order": self.tr("Sales orders"),
                  "case": self.tr("Service cases")}
        for row, kind in enumerate(KINDS):
            edit = QLineEdit(self.saved[kind])
            edit.setObjectName(f"{kind}PatternEdit")
            edit.setMaxLength(PATTERN_MAX)
            example = QLabel()
            example.setObjectName(f"{kind}PatternExample")
            example.setWordWrap(True)
            example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            edit.textChanged.connect(lambda _text, k=kind: self._show_example(k))
            grid.addWidget(QLabel(labels[kind]), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(example, row, 2)
            self.patterns[kind] = edit
            self.examples[kind] = example
            self._show_example(kind)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 2)
        layout.addLayout(grid)
        note = QLabel(self.tr(
            "A new pattern applies to documents made from now on; numbers already given stay. The running "
            "number continues from the highest one given with the same beginning."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def _show_example(self, kind: Kind) -> None:
        label = self.examples[kind]
        try:
            office = example_number(self.patterns[kind].text(), self.env.today())
            other = example_number(self.patterns[kind].text(), self.env.today(), self.env.db.site_id)
        except DomainError as err:
            label.setStyleSheet("color: #b71c1c;")
            label.setText(err.text(self.env.lang))
            return
        label.setStyleSheet("")
        label.setText(self.tr("e.g. %1 (on another copy: %2)").replace("%1", office).replace("%2", other))

    def problem(self) -> tuple[Kind, str] | None:
        """The first pattern the service would refuse, with its reason in the UI language."""
        for kind in KINDS:
            try:
                example_number(self.patterns[kind].text(), self.env.today())
            except DomainError as err:
                return kind, err.text(self.env.lang)
        return None

    def save(self) -> ChangeSet:
        """Save the patterns that changed (each one service call); what they changed, as one set."""
        done = ChangeSet()
        for kind in KINDS:
            text = self.patterns[kind].text().strip()
            if text != self.saved[kind]:
                done |= set_pattern(self.env.ctx.uow(), kind, text)
                self.saved[kind] = text
        return done
