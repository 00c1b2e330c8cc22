"""How an anniversary reads on screen and in a greeting's subject, in the UI language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from crm_desktop.queries.anniversaries import AnniversaryRow
from crm_desktop.services.formatting import BE_OFFSET, ENGLISH_MONTHS, THAI_MONTHS


def occasion_text(row: AnniversaryRow) -> str:
    """"Birthday, turns 40" / "วันเกิด อายุครบ 40 ปี", "Founded 25 years ago" / "ก่อตั้งครบ 25 ปี".

    One year has its own English text: no English catalog ships to pick plural forms."""
    years = row.years  # a plain name: lupdate reads the count argument only as one
    if row.kind == "birthday":
        if years is None:
            return QCoreApplication.translate("Anniversaries", "Birthday")
        return QCoreApplication.translate("Anniversaries", "Birthday, turns %n", None, years)
    if row.kind == "founding":
        if years is None:
            return QCoreApplication.translate("Anniversaries", "Founding day")
        if years == 1:
            return QCoreApplication.translate("Anniversaries", "Founded 1 year ago")
        return QCoreApplication.translate("Anniversaries", "Founded %n years ago", None, years)
    if years is None:
        return row.title
    if years == 1:
        return QCoreApplication.translate("Anniversaries", "%1, 1 year").replace("%1", row.title)
    return QCoreApplication.translate("Anniversaries", "%1, %n years", None, years).replace("%1", row.title)


def when_text(on: date, today: date) -> str:
    """"Today", "Tomorrow", "In 5 days"."""
    days = (on - today).days
    if days == 0:
        return QCoreApplication.translate("Anniversaries", "Today")
    if days == 1:
        return QCoreApplication.translate("Anniversaries", "Tomorrow")
    return QCoreApplication.translate("Anniversaries", "In %n days", None, days)


def month_names(lang: str) -> tuple[str, ...]:
    return THAI_MONTHS if lang == "th" else ENGLISH_MONTHS


def month_title(year: int, month: int, lang: str, buddhist: bool) -> str:
    """"พฤศจิกายน 2569" or "November 2026"."""
    return f"{month_names(lang)[month - 1]} {year + BE_OFFSET if buddhist else year}"


def yearly_date_text(month: int, day: int, year: int | None, lang: str, buddhist: bool) -> str:
    """"23 พฤศจิกายน 2529", or "23 November" when the year is not known."""
    text = f"{day} {month_names(lang)[month - 1]}"
    return text if year is None else f"{text} {year + BE_OFFSET if buddhist else year}"


def greeting_subject(row: AnniversaryRow) -> str:
    """The greeting activity's subject: "Greeting: คุณสมชาย ใจดี — Birthday, turns 40"."""
    return (QCoreApplication.translate("Anniversaries", "Greeting: %1 — %2")
            .replace("%1", row.customer).replace("%2", occasion_text(row)))
