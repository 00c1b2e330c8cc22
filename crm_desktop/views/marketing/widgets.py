"""Small pieces the Marketing tab and the segment editor share."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton


def add_buttons(layout: QBoxLayout, specs: Sequence[tuple[str, str, Callable[[], object]]]) -> list[QPushButton]:
    """Buttons (object name, text, slot) added to `layout` in order; returned in the same order."""
    made = []
    for name, text, slot in specs:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        layout.addWidget(button)
        made.append(button)
    return made


def headline(name: str, scale: float = 1.25) -> QLabel:
    """A bold label a little larger than the text around it (a campaign's title, the live count)."""
    label = QLabel()
    label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
