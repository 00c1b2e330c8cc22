"""The QPainter chart widget (ui/charts.py): every kind paints, with and without data, and its tooltips
name what the mouse is on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from crm_desktop.ui.charts import ChartData, ChartWidget, Series, nice_ticks

LABELS = ("บริษัท สยามค้าไม้ จำกัด", "ห้างหุ้นส่วน เชียงใหม่", "Bangkok Trading", "ร้านค้า", "E", "F", "G", "H", "I",
          "J")
SALES = Series("ยอดขาย", (900.0, 500.0, -50.0, 300.0, None, 120.0, 80.0, 60.0, 40.0, 20.0))
TARGET = Series("เป้า", (800.0, 600.0, 100.0, 200.0, 100.0, None, 90.0, 50.0, 40.0, 10.0))


@pytest.fixture
def chart(qtbot):
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 360)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def painted(widget: ChartWidget) -> QImage:
    widget.repaint()
    return widget.grab().toImage()


def colours(image: QImage) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


@pytest.mark.parametrize("kind", ["bar", "hbar", "line", "pie"])
def test_each_kind_paints_its_series_and_tells_what_is_under_the_mouse(chart, kind) -> None:
    slices = Series("ยอดขาย", tuple(float(v) for v in range(10, 0, -1)))  # ten positive slices
    chart.set_chart(ChartData(kind, LABELS, (SALES, TARGET) if kind != "pie" else (slices,),
                              value_text=lambda v: f"฿{v:,.2f}"))
    image = painted(chart)
    assert "#2f6db5" in colours(image)  # the first series' colour
    assert chart.hits
    path, text = chart.hits[0]
    centre = path.boundingRect().center()
    assert chart.tip_at(centre) == text
    assert "฿" in text
    if kind == "pie":
        assert text.startswith(LABELS[0]) and "%" in text  # the largest slice first
        assert any("Other" in t for _p, t in chart.hits)  # ten slices: the smallest summed
    assert chart.tip_at(QPointF(1, 1)) == ""


@pytest.mark.parametrize("kind", ["bar", "hbar", "line", "pie"])
def test_nothing_to_draw_shows_the_empty_text(chart, kind) -> None:
    chart.set_chart(ChartData(kind, (), ()), "ไม่มีข้อมูลในช่วงนี้")
    painted(chart)
    chart.set_chart(ChartData(kind, ("a", "b"), (Series("x", (0.0, None)),)), "ไม่มีข้อมูล")
    image = painted(chart)
    assert chart.hits == []
    assert "#2f6db5" not in colours(image)
    chart.set_chart(None, "")
    painted(chart)


def test_a_tiny_widget_and_one_label_still_paint(chart) -> None:
    chart.resize(240, 180)
    for kind in ("bar", "hbar", "line", "pie"):
        chart.set_chart(ChartData(kind, ("เดียว",), (Series("", (5.0,)),)))
        painted(chart)
        assert chart.hits


def test_ticks_are_round_and_cover_the_values() -> None:
    assert nice_ticks(0, 930) == [0, 200, 400, 600, 800, 1000]
    ticks = nice_ticks(-50, 900)
    assert ticks[0] <= -50 and ticks[-1] >= 900 and 0 in ticks
    assert nice_ticks(0, 0)[0] == 0 and nice_ticks(0, 0)[-1] >= 1
