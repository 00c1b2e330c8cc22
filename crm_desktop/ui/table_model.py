"""A lazy table model over a "keys then rows" source (the Anki browser idea).

`refresh`/`reload` asks the source for the ordered keys of the whole result (the records' ids:
stable whatever happens to the file; filtered and sorted in SQL). Row objects are fetched only
when the view asks for them, one block of `block_size` keys at a time, and kept in a bounded
cache, so a list of 300,000 rows costs one keys query and a block or two of rows.

A source with a `head_fn` gives the result's count and its first block of keys instead: the first
screen then costs a count and a page, and the whole key list is read only when something past the
first block (or every key) is asked for.

Rows are frozen objects with an `id` attribute (the record id, their key). A list of 300,000 ids
takes about 28 MB where rowids took 11 MB: one more reason to read every key only when needed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

KeysFn = Callable[[str, bool], list[str]]
# (sort, descending, limit) -> (rows in the result, its first `limit` keys); None: read every key.
HeadFn = Callable[[str, bool, int], tuple[int, list[str]] | None]
RowsFn = Callable[[Sequence[str]], Sequence[Any]]
AnyIndex = QModelIndex | QPersistentModelIndex

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """One column: `key` names it (and is its SQL sort key unless `sort_key` says otherwise).

    An export of the list writes `cell(row)` when set (a date, a number: what a spreadsheet can
    compute with), else the text shown; `kind` is its spreadsheet kind (exchange.lists.KINDS: "date",
    "money", "code" for a phone or tax id kept as text …)."""

    key: str
    header: str
    value: Callable[[Any], str]
    alignment: Qt.AlignmentFlag = LEFT
    sortable: bool = True
    sort_key: str = ""
    width: int = 120
    visible: bool = True
    cell: Callable[[Any], Any] | None = None
    kind: str = "text"
    foreground: Callable[[Any], Any] | None = None  # the text's colour for a row (a QColor), None: the usual

    @property
    def sort_by(self) -> str:
        return self.sort_key or self.key


class LazyTableModel(QAbstractTableModel):
    """Table model holding all keys and only the rows the view has asked for."""

    def __init__(
        self,
        columns: Sequence[Column],
        keys_fn: KeysFn,
        rows_fn: RowsFn,
        *,
        head_fn: HeadFn | None = None,
        block_size: int = 200,
        max_cached_blocks: int = 60,
        sort: str = "",
        descending: bool = False,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._keys_fn = keys_fn
        self._head_fn = head_fn
        self._rows_fn = rows_fn
        self.block_size = block_size
        self.max_cached_blocks = max_cached_blocks
        self._keys: list[str] = []  # the first block only while `_partial`
        self._total = 0  # rows in the result (the view's row count)
        self._partial = False
        self._blocks: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._positions: dict[str, int] | None = None
        self._scans = 0  # key lookups by scanning since the keys last changed
        self.loaded = False
        self.sort_key = sort or (self.columns[0].sort_by if self.columns else "")
        self.descending = descending
        # Counters, so tests and benchmarks can check what was fetched.
        self.rows_fetched = 0
        self.fetch_calls = 0
        self.keys_queries = 0  # the list queried again (reload, sort)
        self.rest_queries = 0  # every key read after a head

    # --- source -------------------------------------------------------------------------------

    @property
    def keys(self) -> list[str]:
        self._read_all_keys()
        return self._keys

    def column_index(self, key: str) -> int:
        for i, col in enumerate(self.columns):
            if col.key == key:
                return i
        return -1

    def _query_keys(self) -> tuple[int, list[str], bool]:
        """(rows, keys, partial): the head of the result when the source gives one, else every key."""
        self.keys_queries += 1
        self.loaded = True
        head = None if self._head_fn is None else self._head_fn(self.sort_key, self.descending, self.block_size)
        if head is not None:
            total, keys = head
            return total, list(keys), len(keys) < total
        keys = list(self._keys_fn(self.sort_key, self.descending))
        return len(keys), keys, False

    def _set_keys(self, head: tuple[int, list[str], bool]) -> None:
        self._total, self._keys, self._partial = head
        self._blocks.clear()
        self._positions = None
        self._scans = 0

    def _read_all_keys(self) -> None:
        """Every key of the result, the first time something past the first block needs them.

        Rows written between the head and this read (another program, a sync) can change the
        count: the rows shown stay as they are and a reload follows at once."""
        if not self._partial:
            return
        self._partial = False
        self.rest_queries += 1
        keys = list(self._keys_fn(self.sort_key, self.descending))
        changed = len(keys) != self._total or keys[: len(self._keys)] != self._keys
        self._keys = keys
        self._positions = None
        if changed:
            self._blocks.clear()
            QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        """Query the keys again (records were created, deleted, filtered or re-sorted).

        Cached rows are dropped. The keys and the first block's rows are read before the reset
        starts: a read that fails (a damaged file) must not leave the view half reset, nor fail later
        inside Qt's painting, which crashes it; the view would ask for that block at once anyway.
        """
        head = self._query_keys()
        first = self._rows_fn(head[1][: self.block_size]) if head[1] else []
        self.beginResetModel()
        self._set_keys(head)
        if head[1]:
            self._store_block(0, first)
        self.endResetModel()

    refresh = reload

    def clear_cache(self) -> None:
        """Forget fetched rows (related records changed); visible rows are fetched again."""
        self._blocks.clear()
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(self.columns) - 1))

    def _fetch_block(self, block: int) -> dict[str, Any]:
        start = block * self.block_size
        return self._store_block(block, self._rows_fn(self._keys[start : start + self.block_size]))

    def _store_block(self, block: int, rows: Sequence[Any]) -> dict[str, Any]:
        self.fetch_calls += 1
        self.rows_fetched += len(rows)
        found = {row.id: row for row in rows}
        self._blocks[block] = found
        while len(self._blocks) > self.max_cached_blocks:
            self._blocks.popitem(last=False)
        return found

    def row_at(self, row: int) -> Any | None:
        """The row object at a position, fetching its block if needed (None if it vanished)."""
        if row >= len(self._keys):
            self._read_all_keys()
        if not 0 <= row < len(self._keys):
            return None
        block = row // self.block_size
        found = self._blocks.get(block)
        if found is None:
            found = self._fetch_block(block)
        else:
            self._blocks.move_to_end(block)
        return found.get(self._keys[row])

    def cached_row_count(self) -> int:
        return sum(len(b) for b in self._blocks.values())

    def key_at(self, row: int) -> str | None:
        if row >= len(self._keys):
            self._read_all_keys()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def id_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return None if found is None else found.id

    def position_of_key(self, key: str) -> int:
        """Row number of a key in the current result, or -1.

        A few lookups scan the key list (C speed, about a millisecond per 100k keys); building the
        key -> row map costs more and only pays once many rows are looked up. A key not among the
        first block's is looked for among all keys.
        """
        found = self._find(key)
        if found < 0 and self._partial:
            self._read_all_keys()
            found = self._find(key)
        return found

    def _find(self, key: str) -> int:
        if self._positions is None and self._scans < 16:
            self._scans += 1
            try:
                return self._keys.index(key)
            except ValueError:
                return -1
        return self._position_map().get(key, -1)

    def _position_map(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(self._keys)}
        return self._positions

    def ids_at(self, rows: Iterable[int]) -> list[str]:
        """Record ids at these positions (fetching their blocks); vanished rows are skipped."""
        ids = []
        for r in sorted(set(rows)):
            rid = self.id_at(r)
            if rid is not None:
                ids.append(rid)
        return ids

    def _cached_positions(self, predicate: Callable[[Any], bool]) -> dict[str, int]:
        """key -> position of cached rows matching `predicate`."""
        wanted = {}
        positions = self._position_map()
        for found in self._blocks.values():
            for key, row in found.items():
                if predicate(row):
                    wanted[key] = positions.get(key, -1)
        return wanted

    def cached_rows(self, ids: Iterable[str] | None = None) -> list[Any]:
        """Rows currently cached (those of `ids` only, when given), e.g. to see old values."""
        wanted = None if ids is None else set(ids)
        return [row for block in self._blocks.values() for row in block.values()
                if wanted is None or row.id in wanted]

    def refresh_ids(self, ids: Iterable[str]) -> int:
        """Re-fetch just the cached rows of these record ids (they were edited); returns how many.

        Rows not cached need nothing: they are fetched fresh when shown. The keys do not move
        (like every list that refreshes in place, an edited row keeps its place until F5).
        """
        wanted_ids = set(ids)
        return self.refresh_where(lambda row: row.id in wanted_ids)

    def refresh_where(self, predicate: Callable[[Any], bool]) -> int:
        """Re-fetch the cached rows matching `predicate` and repaint them."""
        wanted = self._cached_positions(predicate)
        if not wanted:
            return 0
        rows = {row.id: row for row in self._rows_fn(list(wanted))}
        self.fetch_calls += 1
        self.rows_fetched += len(rows)
        for block in self._blocks.values():
            for key in list(block):
                if key in wanted:
                    if key in rows:
                        block[key] = rows[key]
                    else:
                        del block[key]  # deleted meanwhile: shows empty until the keys reload
        last = len(self.columns) - 1
        for pos in sorted(p for p in wanted.values() if p >= 0):
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, last))
        return len(wanted)

    # --- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_at(index.row())
            if row is None:
                return ""
            text = col.value(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 30 else None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.alignment.value)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground is not None:
            row = self.row_at(index.row())
            return None if row is None else col.foreground(row)
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == ROW_ROLE:
            return self.row_at(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].alignment.value)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL: query the keys again ordered by the column's sort key."""
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        key = self.columns[column].sort_by
        descending = order == Qt.SortOrder.DescendingOrder
        if not self.loaded:  # e.g. the view enabling sorting: remember the order, query on first reload
            self.sort_key, self.descending = key, descending
            return
        if key == self.sort_key and descending == self.descending:
            return
        self.sort_key = key
        self.descending = descending
        self.layoutAboutToBeChanged.emit()
        self.reload_keys_for_layout()
        self.layoutChanged.emit()

    def reload_keys_for_layout(self) -> None:
        self._set_keys(self._query_keys())
        # Persistent indexes (the selection) cannot follow rows we have not fetched; drop them.
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [QModelIndex()] * len(old))

    def sort_column(self) -> int:
        for i, col in enumerate(self.columns):
            if col.sortable and col.sort_by == self.sort_key:
                return i
        return -1
