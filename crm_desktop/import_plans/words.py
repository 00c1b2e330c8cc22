"""The words people write for the keys the app stores: a lead source "Walk-in" or "เดินเข้ามาที่ร้าน" is
stored as "walk_in". Read by the cell rules (exchange/fields.py) and the import preview
(queries/imports.py), so it imports nothing but the standard library.
"""

from __future__ import annotations

from collections.abc import Sequence

# The words the app shows for stored keys, English and Thai first (views/leads/actions.py,
# views/contacts/dialog.py; then other common ones, the monthly report's shorter ones): a sheet typed
# by people holds these rather than the keys. tests/test_import_kinds.py checks the first two against
# the app's labels.
CHOICE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "timeframe": {
        "immediate": ("Immediately", "ทันที"), "1_month": ("Within 1 month", "ภายใน 1 เดือน"),
        "3_months": ("Within 3 months", "ภายใน 3 เดือน"), "6_months": ("Within 6 months", "ภายใน 6 เดือน"),
        "12_months": ("Within 12 months", "ภายใน 12 เดือน"), "later": ("Later than 12 months", "นานกว่า 12 เดือน"),
    },
    "gender": {
        "female": ("Female", "หญิง", "F", "ผู้หญิง", "เพศหญิง"),
        "male": ("Male", "ชาย", "M", "ผู้ชาย", "เพศชาย"),
        "other": ("Other", "อื่น ๆ", "อื่นๆ"),
    },
    "source": {
        "walk_in": ("Walk-in", "เดินเข้ามาที่ร้าน", "หน้าร้าน"),
        "phone": ("Phone call", "โทรศัพท์เข้ามา", "Phone", "โทรศัพท์"),
        "line": ("LINE", "LINE"),
        "facebook": ("Facebook", "เฟซบุ๊ก"),
        "website": ("Website", "เว็บไซต์"),
        "referral": ("Referral", "มีผู้แนะนำ"),
        "trade_show": ("Trade show", "งานแสดงสินค้า"),
        "campaign": ("Campaign", "แคมเปญ"),
    },
}


def choice_key(text: str) -> str:
    """A choice as compared: spaces collapsed, case folded ("within  1 Month" is "Within 1 month")."""
    return " ".join(text.split()).casefold()


def choice_of(field: str, text: str, values: Sequence[str]) -> str | None:
    """The stored value among `values` that `text` names: the value itself or the app's English or Thai
    word for it, whatever the case and spacing; None when it names none."""
    word = choice_key(text)
    words = CHOICE_WORDS.get(field, {})
    for value in values:
        if word == choice_key(value) or word in (choice_key(w) for w in words.get(value, ())):
            return value
    return None


