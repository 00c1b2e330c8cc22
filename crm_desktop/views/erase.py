""""Erase this person (PDPA)…" on the Contacts and Leads tabs: the confirmation that says what will
happen, the erase through the action helper, then the database file compacted in the background so
the old values leave the disk too (services/erase.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from crm_desktop.services.erase import QUICK_VACUUM_BYTES, erase_person, reclaim_space
from crm_desktop.ui.actions import perform
from crm_desktop.ui.errors import confirm, show_error
from crm_desktop.ui.tasks import ProgressFn, run_task
from crm_desktop.views.common import ViewEnv


class EraseFlow(QObject):
    """One tab's erase action; `ask(record_id, name)` starts it."""

    def __init__(self, parent: QWidget, env: ViewEnv, entity: str) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.env = env
        self.entity = entity

    def action_text(self) -> str:
        return self.tr("Erase this person (PDPA)…")

    def ask(self, record_id: str, name: str) -> None:
        points = [
            self.tr("Their personal data is removed for good: name, phones, e-mail, LINE ID, address, birthday, "
                    "notes and the like, from the record and from its change history."),
            self.tr("Their orders, deals and activities stay, with their amounts and dates; where these name "
                    "the person, the name is replaced by an anonymous mark."),
            self.tr("The other copies of this database erase the same data at their next sync."),
            self.tr("This cannot be undone."),
            self.tr("Backups made before now still hold the data until they are rotated away; backups made by "
                    "hand are never rotated, so delete them yourself if the person asked for it."),
        ]
        confirm(self.parent_widget, self.tr("Erase this person (PDPA)"),
                self.tr("Erase %1 under PDPA?").replace("%1", name), lambda: self._erase(record_id, name),
                yes_text=self.tr("Erase"), informative="\n".join(f"• {p}" for p in points))

    def _erase(self, record_id: str, name: str) -> None:
        label = self.tr("Erased %1 (PDPA)").replace("%1", name)
        result = perform(self.parent_widget, self.env.bus, self.env.lang,
                         lambda: erase_person(self.env.ctx.uow(), self.entity, record_id).changes,
                         description=label)
        if result is None:
            return
        database = self.env.db
        size = database.path.stat().st_size if database.path.exists() else 0
        if size <= QUICK_VACUUM_BYTES:
            self._reclaim(vacuum=True)
            return
        self._reclaim(vacuum=False)  # the WAL at once; the long rebuild when the user agrees
        confirm(self.parent_widget, self.tr("Compact the database file"),
                self.tr("Compact the database file now?"), lambda: self._reclaim(vacuum=True),
                yes_text=self.tr("Compact now"), informative=self.tr(
                    "The file holds %1 MB: compacting it may take several minutes, and nothing can be saved "
                    "meanwhile. Until it is compacted, traces of earlier edits of this person may remain in "
                    "unused space inside the file (the program no longer shows or sends them).").replace(
                        "%1", f"{size // (1 << 20):,}"))

    def _reclaim(self, *, vacuum: bool) -> None:
        database = self.env.db

        def work(_progress: ProgressFn) -> None:
            reclaim_space(database, vacuum=vacuum)

        run_task(self.parent_widget, work, title=self.tr("Erase this person (PDPA)"),
                 label=self.tr("Removing the erased data from the database file…"), cancellable=False,
                 on_error=lambda exc: show_error(self.parent_widget, exc, self.env.lang))
