"""Rows of a table (CSV/xlsx) read for an import of activities, put in the form the activity form holds.

Office sheets split what the form keeps together, and name things in words: a date column with a time
column ("วันที่", "เวลา"), the kind as "ประชุม" or "Call", the priority as "สูง". `activity_row`
turns a row's cells (already parsed by the field rules) into the form's fields: a date with a start
time is a timed activity (an end time before the start is the next day: a call from 23:30 to 00:15),
a date alone is a task due that day (or an all-day activity, when the sheet says so), words become the
stored codes. Names of people and customers stay names: the write side looks them up.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.import_plans.cells import CellError, NeutralRow
from crm_desktop.text import ascii_digits

# Words offices write → the stored code (compared case-folded, without spaces).
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "kind": {
        "task": ("task", "todo", "to-do", "งาน", "สิ่งที่ต้องทำ", "งานที่ต้องทำ"),
        "meeting": ("meeting", "appointment", "event", "ประชุม", "นัดประชุม", "นัดหมาย", "การประชุม", "นัด"),
        "call": ("call", "phonecall", "phone", "โทร", "โทรศัพท์", "โทรหา", "การโทร"),
        "email": ("email", "e-mail", "mail", "อีเมล", "อีเมล์"),
        "visit": ("visit", "เยี่ยม", "เยี่ยมลูกค้า", "พบลูกค้า", "เข้าพบ"),
        "note": ("note", "บันทึก", "โน้ต"),
    },
    "priority": {
        "high": ("high", "urgent", "สูง", "ด่วน", "สำคัญมาก"),
        "normal": ("normal", "medium", "ปกติ", "กลาง"),
        "low": ("low", "ต่ำ", "ไม่ด่วน"),
    },
    "status": {
        "planned": ("planned", "open", "todo", "วางแผน", "รอดำเนินการ", "ยังไม่เสร็จ", "นัดไว้"),
        "done": ("done", "completed", "complete", "finished", "เสร็จ", "เสร็จแล้ว", "เรียบร้อย", "ทำแล้ว"),
        "cancelled": ("cancelled", "canceled", "ยกเลิก", "ยกเลิกแล้ว"),
    },
}


def _key(word: str) -> str:
    return re.sub(r"[\s_]", "", word).casefold()


_CODES = {name: {_key(w): code for code, words in table.items() for w in (code, *words)}
          for name, table in _WORDS.items()}
_CLOCK = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?::([0-9]{2}))?\s*(?:น\.|นาฬิกา|น)?\s*(am|pm)?", re.IGNORECASE)


def word_code(field: str, value: str) -> str:
    """The stored code of a word in a cell ("ประชุม" → "meeting"); ValidationError naming the choices."""
    code = _CODES[field].get(_key(value))
    if code is None:
        raise ValidationError(field, "{text} is not one of: {allowed}.", text=value,
                              allowed=", ".join(_WORDS[field]))
    return code


def clock_time(value: object, field: str) -> time:
    """A time of day from a cell: a time or datetime (Excel), "14:30", "14.30 น.", "2:30 pm"."""
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    text = ascii_digits(str(value)).strip()
    found = _CLOCK.fullmatch(text)
    if found is None:
        raise ValidationError(field, "{text} is not a time of day.", text=text)
    hour, minute, second = (int(g or 0) for g in found.groups()[:3])
    half = (found.group(4) or "").lower()
    if half and not 1 <= hour <= 12:
        raise ValidationError(field, "{text} is not a time of day.", text=text)
    hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(field, "{text} is not a time of day.", text=text)
    return time(hour, minute, second)


def activity_row(row: NeutralRow, headers: dict[str, str]) -> NeutralRow:
    """The row with the activity form's fields: words as codes, a date and times as a start and end.
    `headers` names each field's column, for the messages."""
    values = row.values

    def problem(name: str, error: DomainError) -> None:
        row.errors.append(CellError(row.source_row, headers.get(name, name), error))

    for name in ("kind", "priority", "status"):
        if name in values:
            try:
                values[name] = word_code(name, str(values[name]))
            except ValidationError as error:
                del values[name]
                problem(name, error)
    times: dict[str, time] = {}
    for name in ("start_time", "end_time"):
        if name in values:
            try:
                times[name] = clock_time(values.pop(name), name)
            except ValidationError as error:
                problem(name, error)
    day = values.pop("date", None)
    start = values.get("starts_at")
    if isinstance(start, datetime) and start.time() == time() and "start_time" in times:
        day = start.date()  # Outlook's "Start Date" and "Start Time" columns
    if isinstance(day, date) and "due_on" not in values:
        if "start_time" in times:
            values["starts_at"] = datetime.combine(day, times["start_time"])
        elif "starts_at" not in values:
            values["due_on"] = day
    start = values.get("starts_at")
    end = values.get("ends_at")
    if isinstance(start, datetime) and "end_time" in times:
        end_day = end.date() if isinstance(end, datetime) and end.time() == time() else start.date()
        end = datetime.combine(end_day, times["end_time"])
        values["ends_at"] = end if end >= start else end + timedelta(days=1)  # past midnight
    if isinstance(start, datetime) and values.get("all_day") is True:  # a sheet's "all day" with a start date
        values["due_on"], values["starts_at"] = start.date(), None
        values.pop("ends_at", None)
    return row
