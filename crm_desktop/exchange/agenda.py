"""The agenda as plain text: the coming activities and anniversaries, one per line, for a terminal or
a script (`crm-desktop agenda`)."""

from __future__ import annotations

from datetime import date, timedelta

from crm_desktop.db.database import Database
from crm_desktop.errors import ValidationError
from crm_desktop.exchange.ics import KIND_LABELS
from crm_desktop.messages import translate
from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.queries.anniversaries import anniversaries_between

MAX_DAYS = 366


def agenda_lines(db: Database, today: date, days: int, *, person_id: str | None = None,
                 lang: str = "en") -> list[str]:
    """Planned activities and anniversaries on office dates today <= d < today + days, in order, as
    tab-separated lines: date, time (office time) or "all day", kind, subject, customer."""
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError("days", "The number of days must be from 1 to {most}, not {days}.",
                              most=MAX_DAYS, days=days)
    end = today + timedelta(days=days)
    all_day = translate("all day", lang)
    found: list[tuple[date, str, str, str, str]] = []
    for o in occurrences(db, today, end, assignees=[person_id] if person_id else None, statuses=["planned"]):
        at = o.starts_at.strftime("%H:%M") if o.starts_at is not None and not o.all_day else ""
        found.append((o.day, at, translate(KIND_LABELS.get(o.kind, o.kind), lang), o.subject, o.customer))
    for yearly in anniversaries_between(db, today, end):
        if person_id is None or yearly.owner_id == person_id:
            label = translate(KIND_LABELS[yearly.kind], lang)
            years = f" ({yearly.years})" if yearly.years is not None else ""
            found.append((yearly.on, "", label, (yearly.title or label) + years, yearly.customer))
    found.sort(key=lambda line: (line[0], line[1]))
    return ["\t".join((day.isoformat(), at or all_day, kind, subject, customer))
            for day, at, kind, subject, customer in found]
