"""Export… on every list, through real widgets: filter, sort and hide a column, export, read the file
back and find exactly the rows and headers the list shows (CSV with BOM and formula guard, xlsx with
real dates and numbers and text phones, vCard for contacts); Cancel leaves no half file."""

from __future__ import annotations

import csv
import sqlite3
import threading
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from crm_desktop.clock import FixedClock
from crm_desktop.demo.generate import load_demo
from crm_desktop.exchange import lists
from crm_desktop.exchange.lists import ListColumn, export_list
from crm_desktop.exchange.sheet import guard_text
from crm_desktop.exchange.vcard import read_vcards
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views import list_export
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.record_tab import RecordTab
from tests.sync_helpers import make_template, new_copy
from tests.time_helpers import TODAY, make_clock
from tests.ui_helpers import opened_window

pytestmark = pytest.mark.server

PEOPLE = [  # first name, last name, mobile, birthday, province, position
    ("สมชาย", "ใจดี", "0812345678", date(1987, 3, 15), "กรุงเทพมหานคร", "=1+1"),
    ("สมหญิง", "รักงาน", "0891112222", date(1990, 1, 1), "เชียงใหม่", "ผู้จัดการ"),
    ("สมศักดิ์", "มั่นคง", "0861234567", None, "เชียงใหม่", "-ลดราคา"),
    ("Anan", "Smith", "+16502530000", date(1975, 12, 31), "", "Buyer"),
    ("มาลี", "ศรีสุข", "0865554444", date(2000, 2, 29), "ภูเก็ต", ""),
]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo once per module: every list has rows (deals, orders, activities …)."""
    path = make_template(tmp_path_factory.mktemp("demo"))
    ctx = open_app(path, clock=make_clock())
    try:
        load_demo(ctx.database, "small", ctx.user_id)
    finally:
        ctx.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def open_window(qtbot: Any, ctx: AppContext, prefs: Prefs) -> MainWindow:
    return opened_window(qtbot, ctx, prefs)


@pytest.fixture
def window(qtbot: Any, ctx: AppContext, prefs: Prefs) -> MainWindow:
    for first, last, mobile, born, province, position in PEOPLE:
        create_contact(ctx.uow(), ContactInput(first_name=first, last_name=last, mobile=mobile, birthday=born,
                                               province=province, position=position), TODAY)
    window = open_window(qtbot, ctx, prefs)
    window.tabs.setCurrentWidget(window.contacts_tab)
    return window


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> None:
    monkeypatch.setattr(list_export.QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen_filter))


def finish(qtbot: Any, tab: Any) -> None:
    """Wait for the tab's export task to end (finished, failed or cancelled)."""
    task = tab.export_task
    assert task is not None
    with qtbot.waitSignal(task.ended, timeout=30_000):
        pass


def shown_table(tab: RecordTab) -> tuple[list[str], list[list[Any]]]:
    """The headers the list shows (visible, in order) and, per row, each visible column's value as a
    file should hold it: the column's typed cell where it has one, else the text on screen."""
    model, table = tab.model, tab.table
    columns = list_export.shown_sections(table.horizontalHeader())
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in columns]
    rows = []
    for r in range(model.rowCount()):
        row = model.row_at(r)
        values = []
        for i in columns:
            column = model.columns[i]
            values.append(column.cell(row) if column.cell else model.index(r, i).data())
        rows.append(values)
    return headers, rows


def as_csv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return guard_text(value) if isinstance(value, str) else str(value)


def as_xlsx(value: Any, kind: str) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    if kind == "percent":
        return Decimal(value) / 100
    if isinstance(value, Decimal):
        return value
    return value


def read_xlsx(path: Path) -> tuple[list[str], list[list[Any]], Any]:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    return values[0], values[1:], sheet


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads Thai only with the BOM
    return list(csv.reader(data.decode("utf-8-sig").splitlines()))


def xlsx_cell(value: Any) -> Any:
    """A value read back by openpyxl, comparable with `as_xlsx`."""
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0) if value.second < 59 else value
    if isinstance(value, float | int) and not isinstance(value, bool):
        return Decimal(str(value))
    return value


def test_contacts_filtered_sorted_with_a_column_hidden_to_xlsx_and_csv(
        qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = window.contacts_tab
    tab.filter_text.setText("สม")
    tab.apply_filter()
    tab.table.set_column_visible("nickname", False)
    tab.table.set_column_visible("position", True)
    tab.table.sortByColumn(tab.model.column_index("name"), Qt.SortOrder.DescendingOrder)
    headers, rows = shown_table(tab)
    assert len(rows) == 3 and "Nickname" not in headers and "Position" in headers  # the filter keeps 3 of 5
    kinds = [tab.model.columns[i].kind for i in list_export.shown_sections(tab.table.horizontalHeader())]

    out = tmp_path / "contacts.xlsx"
    save_as(monkeypatch, out)
    window.act_export.trigger()  # File > Export list…, on the current tab
    finish(qtbot, tab)
    got_headers, got_rows, sheet = read_xlsx(out)
    assert list(got_headers) == headers
    assert [[xlsx_cell(v) for v in row] for row in got_rows] == [
        [as_xlsx(v, k) for v, k in zip(row, kinds, strict=True)] for row in rows]
    mobile = headers.index("Mobile") + 1
    birthday = headers.index("Birthday") + 1
    assert sheet.cell(2, mobile).number_format == "@" and isinstance(sheet.cell(2, mobile).value, str)
    assert sheet.cell(2, birthday).is_date
    position = headers.index("Position") + 1
    formula = next(sheet.cell(r, position) for r in range(2, 5) if sheet.cell(r, position).value == "=1+1")
    assert formula.data_type == "s"  # text, never a formula

    out_csv = tmp_path / "contacts.csv"
    save_as(monkeypatch, out_csv)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)  # the button beside the list
    finish(qtbot, tab)
    table = read_csv(out_csv)
    assert table[0] == headers
    assert table[1:] == [[as_csv(v) for v in row] for row in rows]
    assert any("'=1+1" in row for row in table) and any("'-ลดราคา" in row for row in table)


def test_contacts_as_vcard_in_the_lists_order(qtbot: Any, window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    tab = window.contacts_tab
    tab.province_filter.setProvince("เชียงใหม่")
    tab.apply_filter()
    shown = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert len(shown) == 2
    out = tmp_path / "people"  # no extension: the chosen filter says vCard
    save_as(monkeypatch, out, list_export._file_filters(tab.export_source())["vcf"])
    tab.export_list()
    finish(qtbot, tab)
    cards = list(read_vcards(tmp_path / "people.vcf"))
    assert [c.formatted_name for c in cards] == shown
    assert cards[0].phones[0].number.startswith("+66")


def test_every_list_exports_what_it_shows(qtbot: Any, demo_template: Path, tmp_path: Path, clock: FixedClock,
                                          prefs: Prefs, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = new_copy(demo_template, tmp_path, "demo", clock)
    try:
        window = open_window(qtbot, ctx, prefs)
        tabs = window.record_tabs()
        assert {t.NAME for t in tabs} >= {"leads", "accounts", "contacts", "opportunities", "products",
                                         "quotations", "salesOrders"}
        for tab in tabs:
            window.show_list(tab) if tab in window.orders_tab.page_list() else window.tabs.setCurrentWidget(tab)
            qtbot.waitUntil(lambda tab=tab: tab.model.loaded)
            assert window.act_export.isEnabled()
            headers, rows = shown_table(tab)
            assert rows, tab.NAME
            kinds = [tab.model.columns[i].kind for i in list_export.shown_sections(tab.table.horizontalHeader())]
            out = tmp_path / f"{tab.NAME}.xlsx"
            save_as(monkeypatch, out)
            window.act_export.trigger()
            finish(qtbot, tab)
            got_headers, got_rows, _sheet = read_xlsx(out)
            assert list(got_headers) == headers, tab.NAME
            assert [[xlsx_cell(v) for v in row] for row in got_rows] == [
                [as_xlsx(v, k) for v, k in zip(row, kinds, strict=True)] for row in rows], tab.NAME
        window.close()
    finally:
        ctx.close()


def test_deals_money_is_a_number_and_the_probability_a_percent(qtbot: Any, demo_template: Path, tmp_path: Path,
                                                               clock: FixedClock, prefs: Prefs,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = new_copy(demo_template, tmp_path, "demo", clock)
    try:
        window = open_window(qtbot, ctx, prefs)
        tab = window.opportunities_tab
        window.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: tab.model.loaded)
        out = tmp_path / "deals.xlsx"
        save_as(monkeypatch, out)
        tab.export_list()
        finish(qtbot, tab)
        headers, rows, sheet = read_xlsx(out)
        amount, probability = headers.index("Amount (฿)") + 1, headers.index("Probability") + 1
        first = tab.model.row_at(0)
        assert Decimal(str(sheet.cell(2, amount).value)) == Decimal(first.amount_satang).scaleb(-2)
        assert sheet.cell(2, amount).number_format == "#,##0.00"
        assert sheet.cell(2, probability).number_format == "0.0%"
        assert len(rows) == tab.model.rowCount()
        window.close()
    finally:
        ctx.close()


def test_activities_list_exports_its_sections(qtbot: Any, demo_template: Path, tmp_path: Path, clock: FixedClock,
                                              prefs: Prefs, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = new_copy(demo_template, tmp_path, "demo", clock)
    try:
        window = open_window(qtbot, ctx, prefs)
        tab = window.activities_tab
        window.tabs.setCurrentWidget(tab)
        tab.person.setCurrentIndex(tab.person.findData(""))  # everyone
        shown = [(tab.tree.topLevelItem(s).child(c).text(2), tab.tree.topLevelItem(s).child(c).text(3))
                 for s in range(tab.tree.topLevelItemCount())
                 for c in range(tab.tree.topLevelItem(s).childCount())
                 if tab._occurrence(tab.tree.topLevelItem(s).child(c)) is not None]
        assert shown
        out = tmp_path / "activities.csv"
        save_as(monkeypatch, out)
        window.act_export.trigger()
        finish(qtbot, tab)
        table = read_csv(out)
        assert table[0] == [tab.tree.headerItem().text(i) for i in range(6)]
        assert [(r[2], r[3]) for r in table[1:]] == [(guard_text(s), guard_text(c)) for s, c in shown]
        window.close()
    finally:
        ctx.close()


def test_cancel_leaves_no_half_file_and_the_old_file_as_it_was(
        qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = window.contacts_tab
    tab.model.reload()
    out = tmp_path / "contacts.csv"
    out.write_text("the old file\n")
    save_as(monkeypatch, out)
    monkeypatch.setattr(lists, "CHUNK", 2)  # five contacts: three chunks
    reached, go = threading.Event(), threading.Event()
    real_rows = tab.rows

    def slow_rows(keys: Sequence[int]) -> Sequence[Any]:
        if threading.current_thread() is not threading.main_thread():
            reached.set()  # the first chunk is being written …
            go.wait(10)  # … until the test has pressed Cancel
        return real_rows(keys)

    monkeypatch.setattr(tab, "rows", slow_rows)
    tab.export_list()
    qtbot.waitUntil(reached.is_set)
    tab.export_task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    go.set()
    finish(qtbot, tab)
    assert out.read_text() == "the old file\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("contacts")) == ["contacts.csv"]
    assert "cancelled" in window.last_action_label.text()


def test_export_fetches_a_chunk_at_a_time_in_the_lists_order(tmp_path: Path) -> None:
    keys = list(range(5000, 0, -1))  # a list sorted descending
    asked: list[int] = []

    def fetch(part: Sequence[int]) -> dict[int, Any]:
        asked.append(len(part))
        return {k: {"key": k} for k in part if k % 1000}  # every 1000th vanished meanwhile

    columns = [ListColumn("Key", lambda row: row["key"], "count")]
    done = export_list(tmp_path / "k.csv", tmp_path / "crm.sqlite3", "csv", "Keys", columns, keys, fetch, chunk=700)
    assert max(asked) == 700 and sum(asked) == 5000
    lines = (tmp_path / "k.csv").read_text(encoding="utf-8-sig").splitlines()
    assert done.rows == 4995 and lines[1:3] == ["4999", "4998"]

