"""Pure text helpers shared by every layer (no imports from the rest of the package)."""

from __future__ import annotations

import re

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def ascii_digits(text: str) -> str:
    """Thai numerals to ASCII, so one regex (always [0-9], never \\d) checks both."""
    return text.translate(_THAI_DIGITS)


_PHONE_QUERY = re.compile(r"\+?[0-9\s().\-]*")


def query_phone_digits(text: str) -> str | None:
    """Turn a phone-like search query into the digit form `phone_search_digits` indexes.

    None when the query is not phone-like (needs 3+ digits and only digits, spaces, + - ( ) .),
    so the caller searches names instead. "+66 81 23" and "66812" become "08123"/"0812".
    """
    query = ascii_digits(text).strip()
    if _PHONE_QUERY.fullmatch(query) is None:
        return None
    digits = re.sub(r"[^0-9]", "", query)
    if len(digits) < 3:
        return None
    if digits.startswith("0066") and not query.startswith("+"):
        digits = digits[2:]
    elif not digits.startswith("66") and query.startswith("+"):
        return digits
    if digits.startswith("66"):
        rest = digits[2:]
        # "+66 (0) 81…" already has the trunk 0; 1xxx service numbers never get one.
        return rest if rest.startswith(("0", "1")) else "0" + rest
    return digits
