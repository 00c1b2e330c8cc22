"""The calendar's arithmetic without widgets: shown ranges, paging, snapping, titles in Buddhist
Era, side-by-side columns for overlapping activities, and the Thai holiday table."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.services.activities.holidays import FIRST_YEAR, LAST_YEAR, NAMES, TABLE, holidays_between
from crm_desktop.views.calendar.layout import shown_range, side_by_side, snap, step, title

MONDAY = date(2026, 11, 23)


def test_each_view_shows_its_range() -> None:
    thursday = MONDAY + timedelta(days=3)
    assert shown_range("day", thursday) == (thursday, thursday + timedelta(days=1))
    assert shown_range("week", thursday) == (MONDAY, MONDAY + timedelta(days=7))
    assert shown_range("workweek", thursday) == (MONDAY, MONDAY + timedelta(days=5))
    assert shown_range("week", MONDAY + timedelta(days=6)) == (MONDAY, MONDAY + timedelta(days=7))  # Sunday
    # November 2026 starts on a Sunday: the grid starts on Monday 26 October, six weeks.
    assert shown_range("month", date(2026, 11, 30)) == (date(2026, 10, 26), date(2026, 12, 7))
    assert shown_range("month", date(2027, 2, 1)) == (date(2027, 2, 1), date(2027, 3, 15))  # starts on a Monday


def test_previous_and_next_pages() -> None:
    assert step("day", date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert step("week", MONDAY, -1) == date(2026, 11, 16)
    assert step("month", date(2026, 1, 31), 1) == date(2026, 2, 1)
    assert step("month", date(2026, 1, 15), -1) == date(2025, 12, 1)
    assert step("month", date(2026, 12, 15), 1) == date(2027, 1, 1)


def test_snapping_to_quarter_hours() -> None:
    assert snap(datetime(2026, 11, 23, 9, 7)) == datetime(2026, 11, 23, 9, 0)
    assert snap(datetime(2026, 11, 23, 9, 8)) == datetime(2026, 11, 23, 9, 15)
    assert snap(datetime(2026, 11, 23, 23, 59)) == datetime(2026, 11, 24, 0, 0)


def test_titles_in_buddhist_era_and_christian_era() -> None:
    assert title("month", MONDAY, "th", True) == "พฤศจิกายน 2569"
    assert title("month", MONDAY, "en", False) == "November 2026"
    assert title("week", MONDAY, "en", True) == "23 – 29 November 2569"
    assert title("week", date(2026, 12, 30), "th", True) == "28 ธันวาคม 2569 – 3 มกราคม 2570"
    assert title("workweek", date(2026, 11, 30), "en", False) == "30 November – 4 December 2026"
    assert title("day", MONDAY, "th", True) == "วันจันทร์ที่ 23 พฤศจิกายน 2569"


def test_overlapping_activities_share_the_width() -> None:
    at = datetime(2026, 11, 23, 9)
    spans = {"a": (at, at + timedelta(hours=2)), "b": (at + timedelta(hours=1), at + timedelta(hours=3)),
             "c": (at + timedelta(hours=2), at + timedelta(hours=4)), "d": (at + timedelta(hours=5),
                                                                           at + timedelta(hours=6))}
    placed = {name: (column, columns) for name, column, columns in side_by_side(list(spans), spans.__getitem__)}
    # a and b overlap; c starts when a ends and takes its column; d stands alone at full width.
    assert placed == {"a": (0, 2), "b": (1, 2), "c": (0, 2), "d": (0, 1)}


@given(st.lists(st.tuples(st.integers(0, 95), st.integers(1, 16)), max_size=30))
def test_overlapping_activities_never_share_a_column(slots: list[tuple[int, int]]) -> None:
    midnight = datetime(2026, 11, 23)
    spans = [(midnight + timedelta(minutes=15 * s), midnight + timedelta(minutes=15 * (s + n))) for s, n in slots]
    placed = side_by_side(list(range(len(spans))), spans.__getitem__)
    assert sorted(i for i, _c, _n in placed) == list(range(len(spans)))
    where = {i: (column, columns) for i, column, columns in placed}
    for i, (start, end) in enumerate(spans):
        assert 0 <= where[i][0] < where[i][1]
        for j, (other_start, other_end) in enumerate(spans):
            if i < j and start < other_end and other_start < end:
                assert where[i][0] != where[j][0]
                assert where[i][1] == where[j][1]  # one group, one width


def test_holiday_table_is_well_formed() -> None:
    assert set(TABLE) == set(range(FIRST_YEAR, LAST_YEAR + 1))
    for year, rows in TABLE.items():
        days = [row[0] for row in rows]
        assert days == sorted(days) and len(set(days)) == len(days), year
        assert all(row[1] in NAMES for row in rows)
        fixed = {"01-01", "04-06", "04-13", "04-14", "04-15", "05-01", "05-04", "06-03", "07-28", "08-12",
                 "10-13", "10-23", "12-05", "12-10", "12-31"}
        assert fixed <= set(days), year
        found = holidays_between(date(year, 1, 1), date(year + 1, 1, 1))
        for holiday in found.values():
            if holiday.substitute:  # a substitute day is a weekday
                assert holiday.day.weekday() < 5
        assert sum(h.key in ("makha", "visakha", "asanha") and not h.substitute for h in found.values()) == 3


def test_holidays_by_name() -> None:
    found = holidays_between(date(2026, 12, 1), date(2027, 1, 1))
    assert found[date(2026, 12, 5)].name("th") == "วันพ่อแห่งชาติ"
    assert found[date(2026, 12, 7)].name("en") == "National Father's Day (substitute)"
    assert found[date(2026, 12, 7)].name("th") == "ชดเชยวันพ่อแห่งชาติ"
    assert date(2026, 12, 1) not in found
    assert holidays_between(date(2031, 1, 1), date(2031, 12, 31)) == {}
    assert date(2026, 3, 3) in holidays_between(date(2026, 3, 3), date(2026, 3, 4))  # start included
    assert date(2026, 3, 3) not in holidays_between(date(2026, 3, 1), date(2026, 3, 3))  # end excluded
