"""Marketing consent (PDPA) on the contact and lead screens: the form's part (given, since when, how and
what the person agreed to), the short history under a record's details, and "Export personal data…"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.errors import NotFound
from crm_desktop.queries.consent import ConsentRow, Person, consent_history
from crm_desktop.queries.person import find_person
from crm_desktop.services.consent import ConsentSaid
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.forms import DateEdit
from crm_desktop.views.common import ViewEnv

HISTORY_SHOWN = 5  # the newest changes listed under a record; the personal-data export has them all


def channel_labels() -> dict[str, str]:
    """models.consent.CONSENT_CHANNELS as people call them ("" = not said)."""
    return {
        "": QCoreApplication.translate("Consent", "(not recorded)"),
        "in_person": QCoreApplication.translate("Consent", "In person"),
        "phone": QCoreApplication.translate("Consent", "Phone"),
        "email": QCoreApplication.translate("Consent", "E-mail"),
        "line": QCoreApplication.translate("Consent", "LINE"),
        "website": QCoreApplication.translate("Consent", "Website"),
        "paper": QCoreApplication.translate("Consent", "Paper form"),
    }


def method_label(method: str) -> str:
    """models.consent.CONSENT_METHODS: how a change of consent was made."""
    return {
        "form": QCoreApplication.translate("Consent", "form"),
        "import": QCoreApplication.translate("Consent", "import"),
        "convert": QCoreApplication.translate("Consent", "lead converted"),
        "merge": QCoreApplication.translate("Consent", "merge"),
        "sync": QCoreApplication.translate("Consent", "other copy's value kept"),
        "erase": QCoreApplication.translate("Consent", "erase"),
        "edit": QCoreApplication.translate("Consent", "edit"),
    }.get(method, method)


class ConsentEditor(QWidget):
    """Agrees to receive marketing, since when (today if left empty), by which channel, to what wording.
    The channel and wording go into the history row of a change of consent (services.consent.ConsentSaid)."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.given = QCheckBox(self.tr("Agrees to receive marketing"))
        self.given.setObjectName("consentGiven")
        self.since = DateEdit("consent_on", buddhist=env.buddhist, lang=env.lang)
        self.since.setToolTip(self.tr("When the consent was given (PDPA); today if left empty."))
        row.addWidget(self.given)
        row.addWidget(QLabel(self.tr("since")))
        row.addWidget(self.since)
        layout.addRow(row)
        self.channel = QComboBox()
        self.channel.setObjectName("consentChannel")
        for key, label in channel_labels().items():
            self.channel.addItem(label, key)
        self.wording = QLineEdit()
        self.wording.setObjectName("consentWording")
        self.wording.setMaxLength(500)
        self.wording.setPlaceholderText(self.tr("What the person agreed to, e.g. news and offers by LINE"))
        layout.addRow(self.tr("Given by"), self.channel)
        layout.addRow(self.tr("Wording"), self.wording)
        for widget in (self.since, self.channel, self.wording):
            widget.setEnabled(False)
            self.given.toggled.connect(widget.setEnabled)

    def fill(self, given: bool, since: date | None) -> None:
        self.given.setChecked(given)
        self.since.setDate(since)

    def since_date(self) -> date | None:
        return self.since.date() if self.given.isChecked() else None

    def said(self) -> ConsentSaid:
        if not self.given.isChecked():
            return ConsentSaid()
        return ConsentSaid(str(self.channel.currentData() or ""), self.wording.text())


class ConsentHistoryBox(QWidget):
    """The newest changes of a person's consent, one line each: when, given or withdrawn, how, by whom."""

    def __init__(self, env: ViewEnv, kind: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.kind = env, kind
        self.setObjectName("consentHistory")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        title = QLabel(self.tr("Consent history"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.lines = QLabel()
        self.lines.setObjectName("consentHistoryLines")
        self.lines.setWordWrap(True)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.lines)

    def show_for(self, person_id: str | None) -> None:
        rows = consent_history(self.env.db, self.kind, person_id) if person_id else ()
        self.setVisible(person_id is not None)
        if not rows:
            self.lines.setText(self.tr("No change of consent recorded."))
            return
        shown = [self.line(row) for row in rows[:HISTORY_SHOWN]]
        if len(rows) > HISTORY_SHOWN:
            shown.append(self.tr("… and %1 earlier (all of them in Export personal data…)")
                         .replace("%1", str(len(rows) - HISTORY_SHOWN)))
        self.lines.setText("\n".join(shown))

    def line(self, row: ConsentRow) -> str:
        what = self.tr("Given") if row.given else self.tr("Withdrawn")
        parts = [self.env.datetime_text(row.changed_at), what, method_label(row.method)]
        if row.channel:
            parts.append(channel_labels().get(row.channel, row.channel))
        if row.user_name:
            parts.append(row.user_name)
        if row.source:
            parts.append(row.source)
        text = " · ".join(parts)
        return f"{text}: “{row.wording}”" if row.wording else text


def consent_text(env: ViewEnv, given: bool, since: date | None) -> str:
    """Where a person's consent stands, for the detail panes."""
    if not given:
        return QCoreApplication.translate("Consent", "No consent: do not send marketing")
    if since is None:
        return QCoreApplication.translate("Consent", "Agreed to receive marketing")
    given_on = QCoreApplication.translate("Consent", "Agreed to receive marketing on %1")
    return given_on.replace("%1", env.date_text(since))


def personal_data_button(parent: QWidget, clicked: Callable[[], object]) -> QPushButton:
    """The detail pane's "Export personal data…" (PDPA: everything about this person, PDF and JSON)."""
    button = QPushButton(QCoreApplication.translate("Consent", "Export personal data…"), parent)
    button.setObjectName("exportPersonalDataButton")
    button.setToolTip(QCoreApplication.translate(
        "Consent", "Everything about this person as a PDF to read and a JSON file for programs (PDPA access request)"))
    button.clicked.connect(clicked)
    return button


def add_personal_data_action(tab: QWidget, menu: QMenu, person_id: str) -> None:
    """A row's context menu entry for the same export."""
    menu.addAction(QCoreApplication.translate("Consent", "Export personal data…"),
                   lambda: export_personal_data(tab, tab.env, person_id))  # type: ignore[attr-defined]


def export_personal_data(parent: QWidget, env: ViewEnv, person_id: str) -> tuple[Path, Path] | None:
    """Ask where to save the PDF (the JSON goes beside it, same name) and write both; None when not saved."""
    from crm_desktop.reports.person import export_person, file_stem  # reportlab is loaded when first used

    data = find_person(env.db, person_id, env.now())
    if data is None:
        show_error(parent, NotFound("There is no contact or lead with id {id}.", id=person_id), env.lang)
        return None
    caption = QCoreApplication.translate("Consent", "Export personal data")
    suggested = str(Path.home() / f"{file_stem(data)}.pdf")
    kinds = QCoreApplication.translate("Consent", "PDF, with the same data as JSON beside it (*.pdf)")
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, kinds)
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:
        return export_person(env.ctx, person_id, path, env.lang, force=True)  # the dialog asked before replacing
    except Exception as exc:
        show_error(parent, exc, env.lang)
        return None
