"""The fields of a mail-merge template ({ชื่อ}, {ชื่อเล่น}, {บริษัท}… or their English names), pure.

A field is a name in braces; `{{` and `}}` write a brace itself. A name the table below does not know is
refused with a message naming it, before anything is written (exchange/mail_merge.py checks the
subject and the body first; the campaign form checks them when saved).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from crm_desktop.errors import ValidationError

# Each field's key, and the names a template may call it by (Thai first: what the form suggests).
FIELDS: dict[str, tuple[str, ...]] = {
    "first_name": ("ชื่อ", "first_name", "name"),
    "last_name": ("นามสกุล", "last_name"),
    "full_name": ("ชื่อเต็ม", "full_name"),
    "nickname": ("ชื่อเล่น", "nickname"),
    "prefix": ("คำนำหน้า", "prefix", "title"),
    "company": ("บริษัท", "company"),
    "province": ("จังหวัด", "province"),
    "email": ("อีเมล", "email"),
    "mobile": ("มือถือ", "mobile"),
}
_ALIASES = {alias.casefold(): key for key, names in FIELDS.items() for alias in names}
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def fields_in(template: str, where: str = "template") -> list[str]:
    """The field keys a template uses, in order; a field it does not know raises, naming it."""
    keys: list[str] = []
    for match in _FIELD.finditer(template):
        name = match.group(1)
        if name is None:
            continue
        key = _ALIASES.get(name.strip().casefold())
        if key is None:
            raise ValidationError(where, "The template has a field the mail merge does not know: {{{name}}}. "
                                  "Known fields: {known}.", name=name, known=known_fields())
        keys.append(key)
    stray = _FIELD.sub("", template)
    if "{" in stray or "}" in stray:
        raise ValidationError(where, "The template has an opening or closing brace without its "
                              "pair: a field is a name between two braces.")
    return keys


def known_fields() -> str:
    return ", ".join("{" + names[0] + "}" for names in FIELDS.values())


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with each field replaced by the member's value ("" when they have none)."""
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)[0]
        return values.get(_ALIASES[name.strip().casefold()], "")

    return _FIELD.sub(one, template)
