"""The pipeline board (kanban): one column per open stage, cards loaded a page at a time while a
column is scrolled, drag a card to another column (or onto Won / Lost) to move the deal."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.queries.opportunities import Board, BoardColumn, Card, OpportunityFilter, board, column_cards
from crm_desktop.queries.stages import StageRow, stages
from crm_desktop.services.opportunities import move_to_stage
from crm_desktop.ui.actions import perform
from crm_desktop.views.common import ViewEnv, money_text
from crm_desktop.views.opportunities.labels import stage_label
from crm_desktop.views.opportunities.stage_dialogs import LossDialog

MIME = "application/x-crm-opportunity"
PAGE = 50  # cards fetched per column at a time
COLUMN_WIDTH = 250
ID_ROLE = Qt.ItemDataRole.UserRole
CARD_ROLE = Qt.ItemDataRole.UserRole + 1


def _deal_id(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> str:
    data = event.mimeData()
    return bytes(data.data(MIME).data()).decode() if data.hasFormat(MIME) else ""


class CardDelegate(QStyledItemDelegate):
    """Paints a deal as a card: customer in bold, the deal, amount and close date, owner and days."""

    PAD = 8

    def __init__(self, lines: Callable[[Card], tuple[str, str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines

    def sizeHint(self, option: QStyleOptionViewItem, index: object) -> QSize:
        height = option.fontMetrics.height()
        return QSize(COLUMN_WIDTH - 40, height * 4 + self.PAD * 2 + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: object) -> None:
        card = index.data(CARD_ROLE)  # type: ignore[attr-defined]
        if not isinstance(card, Card):
            super().paint(painter, option, index)  # type: ignore[arg-type]
            return
        painter.save()
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1565c0" if selected else "#c5cae9"), 1.5 if selected else 1))
        painter.setBrush(QColor("#e3f2fd" if selected else "#ffffff"))
        painter.drawRoundedRect(rect, 5, 5)
        inner = rect.adjusted(self.PAD, self.PAD - 2, -self.PAD, -self.PAD)
        height = option.fontMetrics.height()
        account, name, money, who = self.lines(card)
        base = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        for i, (text, font, color) in enumerate((
            (account, bold, "#212121"), (name, base, "#424242"), (money, bold, "#2e7d32"), (who, base, "#757575"),
        )):
            painter.setFont(font)
            painter.setPen(QColor(color))
            line = QRect(inner.left(), inner.top() + i * (height + 2), inner.width(), height + 2)
            elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, line.width())
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()


class CardList(QListWidget):
    """One column's cards; drags carry the deal id, drops move the deal into this column's stage."""

    def __init__(self, board_view: PipelineBoard, stage: StageRow) -> None:
        super().__init__()
        self.board_view = board_view
        self.stage = stage
        self.setObjectName(f"cards_{stage.id}")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)  # the board reloads; Qt must not remove items
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setStyleSheet("QListWidget { background: #f5f6f8; border: none; }")

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME, str(items[0].data(ID_ROLE)).encode())
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _deal_id(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _deal_id(event) and event.source() is not self:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        deal = _deal_id(event)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if deal:
            # After the drag has ended: the move reloads the board, the dragged-from list included.
            stage_id = self.stage.id
            QTimer.singleShot(0, lambda: self.board_view.drop(deal, stage_id))


class DropZone(QFrame):
    """Won or Lost: a target without cards below the columns."""

    def __init__(self, board_view: PipelineBoard, stage: StageRow) -> None:
        super().__init__()
        self.board_view = board_view
        self.stage = stage
        self.setObjectName(f"dropZone_{stage.kind}")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.color = "#2e7d32" if stage.kind == "won" else "#c62828"
        self._style(False)
        layout = QVBoxLayout(self)
        mark = "✓" if stage.kind == "won" else "✗"
        self.title = QLabel(f"{mark} {stage_label(stage)}")
        self.title.setObjectName("dropZoneTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet(f"color: {self.color}; border: none; background: transparent;")
        hint = (self.tr("Drop a card here when the customer has agreed") if stage.kind == "won"
                else self.tr("Drop a card here when the deal fell through"))
        self.hint = QLabel(hint)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #616161; border: none; background: transparent;")
        layout.addWidget(self.title)
        layout.addWidget(self.hint)

    def _style(self, hot: bool) -> None:
        background = "#fff8e1" if hot else "#fafafa"
        self.setStyleSheet(f"DropZone {{ border: 2px dashed {self.color}; border-radius: 6px; "
                           f"background: {background}; }}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _deal_id(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._style(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:
        self._style(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._style(False)
        deal = _deal_id(event)
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if deal:
            stage_id = self.stage.id
            QTimer.singleShot(0, lambda: self.board_view.drop(deal, stage_id))


class BoardColumnView(QFrame):
    def __init__(self, board_view: PipelineBoard, column: BoardColumn) -> None:
        super().__init__()
        self.board_view = board_view
        self.stage = column.stage
        self.count = 0
        self.setObjectName(f"boardColumn_{column.stage.id}")
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setMaximumWidth(COLUMN_WIDTH * 2)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel()
        self.header.setObjectName("boardColumnHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.cards = CardList(board_view, column.stage)
        self.cards.setItemDelegate(CardDelegate(board_view.card_lines, self.cards))
        self.cards.itemDoubleClicked.connect(lambda item: board_view.open_deal.emit(str(item.data(ID_ROLE))))
        bar = self.cards.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        # A tall column that shows every loaded card has no scroll bar to reach the end of.
        bar.rangeChanged.connect(lambda *_: self._scrolled(bar.value()))
        layout.addWidget(self.cards, 1)
        self.fill(column)

    def fill(self, column: BoardColumn) -> None:
        self.stage = column.stage
        self.cards.stage = column.stage
        self.count = column.count
        self.header.setText(self.board_view.header_html(column))
        self.cards.clear()
        self.add_cards(column.cards)

    def add_cards(self, cards: tuple[Card, ...] | list[Card]) -> None:
        for card in cards:
            item = QListWidgetItem()
            item.setData(ID_ROLE, card.id)
            item.setData(CARD_ROLE, card)
            item.setToolTip("\n".join(p for p in self.board_view.card_lines(card) if p))
            self.cards.addItem(item)

    def loaded(self) -> int:
        return self.cards.count()

    def card_ids(self) -> list[str]:
        return [str(self.cards.item(i).data(ID_ROLE)) for i in range(self.cards.count())]

    def _scrolled(self, value: int) -> None:
        if value >= self.cards.verticalScrollBar().maximum():
            self.load_more()

    def load_more(self) -> int:
        """The next page of cards, when the column has more than are shown; returns how many came."""
        if self.loaded() >= self.count:
            return 0
        more = column_cards(self.board_view.env.db, self.stage.id, self.board_view.filter_fn(),
                            offset=self.loaded(), limit=PAGE, today=self.board_view.env.today())
        self.add_cards(more)
        return len(more)


class PipelineBoard(QWidget):
    """`PipelineBoard(env, filter_fn)`: `filter_fn()` gives the tab's current filter."""

    open_deal = Signal(str)

    def __init__(self, env: ViewEnv, filter_fn: Callable[[], OpportunityFilter],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.filter_fn = filter_fn
        self.setObjectName("pipelineBoard")
        self.columns: list[BoardColumnView] = []
        self.zones: list[DropZone] = []
        self.loss_dialog: QDialog | None = None
        self.loaded = False
        self.data: Board | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip = QWidget()
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.addStretch(0)  # columns widen up to twice their width before this takes the rest
        self.scroll.setWidget(self.strip)
        layout.addWidget(self.scroll, 1)
        self.zone_row = QHBoxLayout()
        layout.addLayout(self.zone_row)

    # --- texts ----------------------------------------------------------------------------

    def header_html(self, column: BoardColumn) -> str:
        name = html.escape(stage_label(column.stage))
        deals = html.escape(self.tr("%n deal(s)", "", column.count))
        total = html.escape(money_text(column.total_satang))
        weighted = html.escape(self.tr("weighted %1").replace("%1", money_text(column.weighted_satang)))
        return (f"<b style='font-size:110%'>{name}</b> — {deals}<br>"
                f"<span style='color:#2e7d32'><b>{total}</b></span> · "
                f"<span style='color:#616161'>{weighted}</span>")

    def card_lines(self, card: Card) -> tuple[str, str, str, str]:
        money = money_text(card.amount_satang) or "฿0"
        close = self.env.date_text(card.expected_close)
        if close:
            close_text = self.tr("close %1").replace("%1", close)
            money = f"{money} · {close_text}"
        days = self.tr("%n day(s) in stage", "", card.days_in_stage)
        who = " · ".join(p for p in (card.owner_name, days) if p)
        return card.account_name or self.tr("(no customer)"), card.name, money, who

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        data = board(self.env.db, self.filter_fn(), PAGE, self.env.today())
        self.data = data
        self.loaded = True
        same = ([c.stage for c in data.columns] == [c.stage for c in self.columns]
                and list(data.drop_zones) == [z.stage for z in self.zones])
        if same:
            for view, column in zip(self.columns, data.columns, strict=True):
                bar = view.cards.verticalScrollBar()
                position = bar.value()
                shown = view.loaded()
                view.fill(column)
                while view.loaded() < min(shown, view.count) and view.load_more():
                    pass  # keep as many cards as the user had scrolled to
                bar.setValue(position)
        else:
            self._rebuild(data)

    def _rebuild(self, data: Board) -> None:
        for view in self.columns:
            view.setParent(None)
            view.deleteLater()
        for zone in self.zones:
            zone.setParent(None)
            zone.deleteLater()
        self.columns = []
        self.zones = []
        for i, column in enumerate(data.columns):
            view = BoardColumnView(self, column)
            self.columns.append(view)
            self.strip_layout.insertWidget(i, view)
        for stage in data.drop_zones:
            zone = DropZone(self, stage)
            self.zones.append(zone)
            self.zone_row.addWidget(zone)

    def column(self, stage_id: str) -> BoardColumnView | None:
        return next((c for c in self.columns if c.stage.id == stage_id), None)

    # --- moving ---------------------------------------------------------------------------

    def drop(self, opp_id: str, stage_id: str) -> QDialog | bool:
        """A card dropped on a column or zone: move the deal (Lost asks why first, in a dialog;
        the dialog is returned). True when the deal moved."""
        stage = next((s for s in stages(self.env.db) if s.id == stage_id), None)
        if stage is None:
            self.reload()
            return False
        if stage.kind == "lost":
            if self.loss_dialog is not None and self.loss_dialog.isVisible():
                self.loss_dialog.raise_()
                return self.loss_dialog
            dialog = LossDialog(self.env, opp_id, stage_id, self._deal_name(opp_id), parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: self._loss_gone(dialog))
            self.loss_dialog = dialog
            dialog.open()
            return dialog
        label = stage_label(stage)
        changes = perform(
            self, self.env.bus, self.env.lang,
            lambda: move_to_stage(self.env.ctx.uow(), opp_id, stage_id, self.env.now()),
            description=self.tr("Deal moved to %1").replace("%1", label),
        )
        return changes is not None and bool(changes.updated)

    def _loss_gone(self, dialog: QDialog) -> None:
        if self.loss_dialog is dialog:
            self.loss_dialog = None

    def _deal_name(self, opp_id: str) -> str:
        for view in self.columns:
            for i in range(view.cards.count()):
                item = view.cards.item(i)
                if item.data(ID_ROLE) == opp_id:
                    card = item.data(CARD_ROLE)
                    return card.name if isinstance(card, Card) else ""
        return ""

    def close_dialogs(self) -> None:
        if self.loss_dialog is not None:
            self.loss_dialog.reject()
            self.loss_dialog = None
