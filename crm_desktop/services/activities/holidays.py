"""Thai public holidays 2025–2030, from a table rather than a rule.

The Buddhist holidays follow the lunar calendar and the Cabinet adds or moves days every year
(THAI.md), so no formula gives next year's days off; the table is read, never computed.

Source: the Cabinet's yearly announcements of public holidays (วันหยุดราชการประจำปี), with the
substitute weekday after a holiday that falls on a weekend. (The Bank of Thailand's list of
financial-institution holidays differs on a few days, e.g. banks open on Buddhist Lent Day.)
National Children's Day (a Saturday) and the Royal Ploughing Ceremony (a day off for civil
servants only) are not days off and are left out.

- 2025 and 2026: as announced, including the Cabinet's extra days (2 June and 11 August 2025,
  2 January 2026).
- 2027–2030: not announced yet. Fixed dates and substitutes follow the standing rules; the lunar
  dates (Makha Bucha, Visakha Bucha, Asanha Bucha, Buddhist Lent Day) are computed from the Thai
  lunisolar calendar and cross-checked with python-holidays 0.108 (its Thai lunisolar table), NOT
  with an official announcement. Check them, and add the Cabinet's extra days, when each year is
  announced (usually in the autumn before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FIRST_YEAR, LAST_YEAR = 2025, 2030

NAMES: dict[str, tuple[str, str]] = {
    "new_year": ("วันขึ้นปีใหม่", "New Year's Day"),
    "makha": ("วันมาฆบูชา", "Makha Bucha Day"),
    "chakri": ("วันจักรี", "Chakri Memorial Day"),
    "songkran": ("วันสงกรานต์", "Songkran Festival"),
    "labour": ("วันแรงงานแห่งชาติ", "National Labour Day"),
    "coronation": ("วันฉัตรมงคล", "Coronation Day"),
    "visakha": ("วันวิสาขบูชา", "Visakha Bucha Day"),
    "queen": ("วันเฉลิมพระชนมพรรษาพระราชินี", "HM the Queen's Birthday"),
    "asanha": ("วันอาสาฬหบูชา", "Asanha Bucha Day"),
    "lent": ("วันเข้าพรรษา", "Buddhist Lent Day"),
    "king": ("วันเฉลิมพระชนมพรรษาพระเจ้าอยู่หัว", "HM the King's Birthday"),
    "mother": ("วันแม่แห่งชาติ", "National Mother's Day"),
    "bhumibol": ("วันนวมินทรมหาราช", "King Bhumibol Memorial Day"),
    "chulalongkorn": ("วันปิยมหาราช", "Chulalongkorn Day"),
    "father": ("วันพ่อแห่งชาติ", "National Father's Day"),
    "constitution": ("วันรัฐธรรมนูญ", "Constitution Day"),
    "new_year_eve": ("วันสิ้นปี", "New Year's Eve"),
    "special": ("วันหยุดพิเศษ", "Special holiday"),
}
"""(Thai, English) short names, short enough for a calendar's day header."""

SUBSTITUTE = True

# year: (month-day, name key[, SUBSTITUTE]); the weekday in the comment helps checking by eye.
TABLE: dict[int, tuple[tuple[str, str] | tuple[str, str, bool], ...]] = {
    2025: (
        ("01-01", "new_year"),  # Wed
        ("02-12", "makha"),  # Wed
        ("04-06", "chakri"),  # Sun
        ("04-07", "chakri", SUBSTITUTE),  # Mon
        ("04-13", "songkran"),  # Sun
        ("04-14", "songkran"),  # Mon
        ("04-15", "songkran"),  # Tue
        ("04-16", "songkran", SUBSTITUTE),  # Wed
        ("05-01", "labour"),  # Thu
        ("05-04", "coronation"),  # Sun
        ("05-05", "coronation", SUBSTITUTE),  # Mon
        ("05-11", "visakha"),  # Sun
        ("05-12", "visakha", SUBSTITUTE),  # Mon
        ("06-02", "special"),  # Mon
        ("06-03", "queen"),  # Tue
        ("07-10", "asanha"),  # Thu
        ("07-11", "lent"),  # Fri
        ("07-28", "king"),  # Mon
        ("08-11", "special"),  # Mon
        ("08-12", "mother"),  # Tue
        ("10-13", "bhumibol"),  # Mon
        ("10-23", "chulalongkorn"),  # Thu
        ("12-05", "father"),  # Fri
        ("12-10", "constitution"),  # Wed
        ("12-31", "new_year_eve"),  # Wed
    ),
    2026: (
        ("01-01", "new_year"),  # Thu
        ("01-02", "special"),  # Fri
        ("03-03", "makha"),  # Tue
        ("04-06", "chakri"),  # Mon
        ("04-13", "songkran"),  # Mon
        ("04-14", "songkran"),  # Tue
        ("04-15", "songkran"),  # Wed
        ("05-01", "labour"),  # Fri
        ("05-04", "coronation"),  # Mon
        ("05-31", "visakha"),  # Sun
        ("06-01", "visakha", SUBSTITUTE),  # Mon
        ("06-03", "queen"),  # Wed
        ("07-28", "king"),  # Tue
        ("07-29", "asanha"),  # Wed
        ("07-30", "lent"),  # Thu
        ("08-12", "mother"),  # Wed
        ("10-13", "bhumibol"),  # Tue
        ("10-23", "chulalongkorn"),  # Fri
        ("12-05", "father"),  # Sat
        ("12-07", "father", SUBSTITUTE),  # Mon
        ("12-10", "constitution"),  # Thu
        ("12-31", "new_year_eve"),  # Thu
    ),
    2027: (
        ("01-01", "new_year"),  # Fri
        ("02-21", "makha"),  # Sun
        ("02-22", "makha", SUBSTITUTE),  # Mon
        ("04-06", "chakri"),  # Tue
        ("04-13", "songkran"),  # Tue
        ("04-14", "songkran"),  # Wed
        ("04-15", "songkran"),  # Thu
        ("05-01", "labour"),  # Sat
        ("05-03", "labour", SUBSTITUTE),  # Mon
        ("05-04", "coronation"),  # Tue
        ("05-20", "visakha"),  # Thu
        ("06-03", "queen"),  # Thu
        ("07-18", "asanha"),  # Sun
        ("07-19", "lent"),  # Mon
        ("07-20", "asanha", SUBSTITUTE),  # Tue
        ("07-28", "king"),  # Wed
        ("08-12", "mother"),  # Thu
        ("10-13", "bhumibol"),  # Wed
        ("10-23", "chulalongkorn"),  # Sat
        ("10-25", "chulalongkorn", SUBSTITUTE),  # Mon
        ("12-05", "father"),  # Sun
        ("12-06", "father", SUBSTITUTE),  # Mon
        ("12-10", "constitution"),  # Fri
        ("12-31", "new_year_eve"),  # Fri
    ),
    2028: (
        ("01-01", "new_year"),  # Sat
        ("01-03", "new_year", SUBSTITUTE),  # Mon
        ("02-10", "makha"),  # Thu
        ("04-06", "chakri"),  # Thu
        ("04-13", "songkran"),  # Thu
        ("04-14", "songkran"),  # Fri
        ("04-15", "songkran"),  # Sat
        ("04-17", "songkran", SUBSTITUTE),  # Mon
        ("05-01", "labour"),  # Mon
        ("05-04", "coronation"),  # Thu
        ("05-08", "visakha"),  # Mon
        ("06-03", "queen"),  # Sat
        ("06-05", "queen", SUBSTITUTE),  # Mon
        ("07-06", "asanha"),  # Thu
        ("07-07", "lent"),  # Fri
        ("07-28", "king"),  # Fri
        ("08-12", "mother"),  # Sat
        ("08-14", "mother", SUBSTITUTE),  # Mon
        ("10-13", "bhumibol"),  # Fri
        ("10-23", "chulalongkorn"),  # Mon
        ("12-05", "father"),  # Tue
        ("12-10", "constitution"),  # Sun
        ("12-11", "constitution", SUBSTITUTE),  # Mon
        ("12-31", "new_year_eve"),  # Sun
    ),
    2029: (
        ("01-01", "new_year"),  # Mon
        ("01-02", "new_year_eve", SUBSTITUTE),  # Tue
        ("02-27", "makha"),  # Tue
        ("04-06", "chakri"),  # Fri
        ("04-13", "songkran"),  # Fri
        ("04-14", "songkran"),  # Sat
        ("04-15", "songkran"),  # Sun
        ("04-16", "songkran", SUBSTITUTE),  # Mon
        ("05-01", "labour"),  # Tue
        ("05-04", "coronation"),  # Fri
        ("05-27", "visakha"),  # Sun
        ("05-28", "visakha", SUBSTITUTE),  # Mon
        ("06-03", "queen"),  # Sun
        ("06-04", "queen", SUBSTITUTE),  # Mon
        ("07-25", "asanha"),  # Wed
        ("07-26", "lent"),  # Thu
        ("07-28", "king"),  # Sat
        ("07-30", "king", SUBSTITUTE),  # Mon
        ("08-12", "mother"),  # Sun
        ("08-13", "mother", SUBSTITUTE),  # Mon
        ("10-13", "bhumibol"),  # Sat
        ("10-15", "bhumibol", SUBSTITUTE),  # Mon
        ("10-23", "chulalongkorn"),  # Tue
        ("12-05", "father"),  # Wed
        ("12-10", "constitution"),  # Mon
        ("12-31", "new_year_eve"),  # Mon
    ),
    2030: (
        ("01-01", "new_year"),  # Tue
        ("02-17", "makha"),  # Sun
        ("02-18", "makha", SUBSTITUTE),  # Mon
        ("04-06", "chakri"),  # Sat
        ("04-08", "chakri", SUBSTITUTE),  # Mon
        ("04-13", "songkran"),  # Sat
        ("04-14", "songkran"),  # Sun
        ("04-15", "songkran"),  # Mon
        ("04-16", "songkran", SUBSTITUTE),  # Tue
        ("05-01", "labour"),  # Wed
        ("05-04", "coronation"),  # Sat
        ("05-06", "coronation", SUBSTITUTE),  # Mon
        ("05-16", "visakha"),  # Thu
        ("06-03", "queen"),  # Mon
        ("07-14", "asanha"),  # Sun
        ("07-15", "lent"),  # Mon
        ("07-16", "asanha", SUBSTITUTE),  # Tue
        ("07-28", "king"),  # Sun
        ("07-29", "king", SUBSTITUTE),  # Mon
        ("08-12", "mother"),  # Mon
        ("10-13", "bhumibol"),  # Sun
        ("10-14", "bhumibol", SUBSTITUTE),  # Mon
        ("10-23", "chulalongkorn"),  # Wed
        ("12-05", "father"),  # Thu
        ("12-10", "constitution"),  # Tue
        ("12-31", "new_year_eve"),  # Tue
    ),
}


@dataclass(frozen=True)
class Holiday:
    day: date
    key: str
    substitute: bool = False

    def name(self, lang: str) -> str:
        thai, english = NAMES[self.key]
        if self.substitute:
            return f"ชดเชย{thai}" if lang == "th" else f"{english} (substitute)"
        return thai if lang == "th" else english


def _build() -> dict[date, Holiday]:
    days: dict[date, Holiday] = {}
    for year, rows in TABLE.items():
        for row in rows:
            month, day = (int(part) for part in row[0].split("-"))
            found = Holiday(date(year, month, day), row[1], len(row) > 2)
            days[found.day] = found
    return days


_DAYS = _build()


def holidays_between(start: date, end: date) -> dict[date, Holiday]:
    """The holidays on dates start <= d < end (none outside FIRST_YEAR..LAST_YEAR)."""
    return {d: h for d, h in _DAYS.items() if start <= d < end}
