"""The wrapped label remembers its height per width: the detail panes and timelines use it, so a stale
height would cut a longer text off or leave a gap under a shorter one."""

from __future__ import annotations

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from crm_desktop.ui.labels import WrappedLabel

LONG = "ติดตามใบเสนอราคาเครื่องปรับอากาศสำหรับสำนักงานใหญ่ ลูกค้าสนใจรุ่นประหยัดไฟ " * 6


def fresh_height(text: str, width: int, font: QFont | None = None) -> int:
    """What a label that never answered before says: Qt's own layout of the text."""
    label = WrappedLabel(text)
    if font is not None:
        label.setFont(font)
    return label.heightForWidth(width)


def test_a_longer_text_is_measured_again(qtbot: QtBot) -> None:
    label = WrappedLabel("สั้น")
    qtbot.addWidget(label)
    short = label.heightForWidth(200)
    label.setText(LONG)
    assert label.heightForWidth(200) == fresh_height(LONG, 200) > short
    label.setText("สั้น")
    assert label.heightForWidth(200) == short


def test_each_width_has_its_own_height(qtbot: QtBot) -> None:
    label = WrappedLabel(LONG)
    qtbot.addWidget(label)
    narrow, wide = label.heightForWidth(150), label.heightForWidth(600)
    assert narrow > wide
    assert (label.heightForWidth(150), label.heightForWidth(600)) == (fresh_height(LONG, 150), fresh_height(LONG, 600))


def test_a_bigger_font_is_measured_again(qtbot: QtBot) -> None:
    label = WrappedLabel(LONG)
    qtbot.addWidget(label)
    before = label.heightForWidth(300)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() * 2)
    label.setFont(font)
    assert label.heightForWidth(300) == fresh_height(LONG, 300, font) > before
