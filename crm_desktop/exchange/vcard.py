"""vCard 2.1, 3.0 and 4.0 files (.vcf) from phones, Outlook, Gmail and Apple, read into neutral cards.

Our own small, tolerant reader rather than vobject, because the real files need it (vobject 0.9.9
stops with a ParseError on 5 of the 14 sample files in ../shared/samples/vcard — 2.1 quoted-printable
soft line breaks from three Outlook files and Android, iOS's CR CR LF photo — and cannot take the
Shift_JIS one at all):
- it works on BYTES, one physical line at a time: a 2.1 card may hold one property in Shift_JIS raw
  8-bit and the next in UTF-8 quoted-printable (CHARSET= per property), which no single decoding of
  the file gets right; vobject decodes the whole file as one text first;
- it streams: a PHOTO, KEY or SOUND is recognised on its first line and its continuation lines are
  counted and dropped, never joined or decoded, so a 40 MB photo costs no memory (vobject builds the
  whole component tree, photo included);
- one broken property becomes a warning on its card instead of failing the file.
Sizes are capped before decoding (DESIGN.md §2): a property, the properties of a card and the cards
of a file each have a limit (`VCardLimits`) and going over it is a clear `DomainError`.

The writer (`write_vcards`) makes 3.0 (or 4.0) that Google, Apple and Outlook read, for the export.
"""

from __future__ import annotations

import binascii
import codecs
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import BinaryIO

from crm_desktop.errors import DomainError, StorageError
from crm_desktop.messages import translate

_CHUNK = 1 << 16  # bytes read at a time: a longer physical line arrives in pieces
_NOT_A_VCARD_BYTES = 1 << 16  # text before the first BEGIN:VCARD that makes us give up
_QUIET = frozenset({b"VERSION", b"PRODID", b"REV", b"UID", b"X-ABLABEL"})  # read or meaningless
_KEPT = frozenset({b"FN", b"N", b"NICKNAME", b"ORG", b"TITLE", b"TEL", b"EMAIL", b"ADR", b"BDAY", b"NOTE",
                   b"URL", b"VERSION", b"X-ABLABEL"})
_CHARSETS = {"shift_jis": "cp932", "sjis": "cp932", "tis-620": "cp874", "windows-874": "cp874",
             "us-ascii": "utf-8", "ascii": "utf-8"}  # supersets that real writers actually meant
_PHONE_KINDS = {"cell": "cell", "mobile": "cell", "iphone": "cell", "home": "home", "work": "work",
                "fax": "fax", "pager": "pager", "main": "main", "voice": "voice", "text": "text",
                "video": "video", "car": "car", "isdn": "isdn", "msg": "msg", "other": "other",
                "internet": "", "pref": "", "x400": ""}
_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":"}
_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
_SEPARATOR_OR_ESCAPE = {sep: re.compile(r"\\.|" + sep, re.DOTALL) for sep in ";,"}
_QUOTED_HEAD = re.compile(rb'((?:[^":]|"[^"]*")*):')  # a head with quotes, up to the colon outside them
_DATE_RE = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:T.*)?$")

NEWLINE = "\r\n"
_FOLD = 75


class VCardFileError(DomainError):
    """The file as a whole cannot be read as vCards; nothing of it is imported."""


class EmptyVCardFile(VCardFileError):
    def __init__(self) -> None:
        super().__init__("The file is empty: it holds no contacts.")


class NotAVCardFile(VCardFileError):
    def __init__(self) -> None:
        super().__init__("This file is not a vCard (.vcf) file: no line BEGIN:VCARD was found at its start.")


class UnfinishedVCard(VCardFileError):
    def __init__(self, card: int, line: int) -> None:
        super().__init__(
            "Contact {card} (from line {line}) has no END:VCARD; the file may be cut short.", card=card, line=line
        )


class VCardTooLarge(VCardFileError):
    def __init__(self, card: int, line: int, name: str, size_mb: int) -> None:
        super().__init__(
            "Contact {card} (line {line}) has a {name} larger than {size} MB; this file cannot be imported."
            " Remove the large pictures (or that property) from it and try again.",
            card=card, line=line, name=name, size=size_mb,
        )


class TooManyVCardProperties(VCardFileError):
    def __init__(self, card: int, line: int, limit: int) -> None:
        super().__init__(
            "Contact {card} (from line {line}) has more than {limit} lines of data; the file looks damaged.",
            card=card, line=line, limit=limit,
        )


class TooManyVCards(VCardFileError):
    def __init__(self, limit: int) -> None:
        super().__init__("The file has more than {limit} contacts; split it into smaller files.", limit=limit)


@dataclass(frozen=True)
class VCardLimits:
    """Caps checked while reading, before anything is decoded."""

    property_bytes: int = 10 * 1024 * 1024  # a phone's photo is well under 1 MB
    properties_per_card: int = 5_000
    cards: int = 200_000


# Warnings: English templates, translated in messages.py.
W_SKIPPED = "Not imported: {names}."
W_BROKEN = "Line {line}: {name} could not be read and was skipped."
W_CHARSET = "Line {line}: unknown character set {charset}."
W_NOT_DECODED = "Line {line}: {name} is not valid {charset}; read as {fallback}."
W_BAD_DATE = "Line {line}: {value} is not a date; the birthday was skipped."
W_NO_COLON = "Line {line} is not a vCard property and was skipped."
W_MORE_URLS = "Only the first web address was kept."
W_NESTED = "Line {line}: a contact inside a contact (AGENT) was skipped."
WARNING_TEMPLATES = (W_SKIPPED, W_BROKEN, W_CHARSET, W_NOT_DECODED, W_BAD_DATE, W_NO_COLON, W_MORE_URLS, W_NESTED)


@dataclass(frozen=True)
class VCardWarning:
    """Something on a card that was skipped or guessed; shown in the import preview."""

    template: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = "en") -> str:
        return translate(self.template, lang).format(**dict(self.params))


@dataclass(frozen=True)
class PartialDate:
    """A birthday as cards hold it: the year is often unknown (--0203), which the anniversary calendar accepts."""

    year: int | None
    month: int
    day: int


@dataclass(frozen=True)
class Phone:
    number: str
    kinds: tuple[str, ...] = ()  # cell, home, work, fax, pager, voice …, sorted
    preferred: bool = False
    label: str = ""  # Apple's itemN.X-ABLabel, e.g. "AssistantPhone"


@dataclass(frozen=True)
class Email:
    address: str
    kinds: tuple[str, ...] = ()
    preferred: bool = False
    label: str = ""


@dataclass(frozen=True)
class Address:
    """ADR's seven components; in Thailand locality is the district (อำเภอ/เขต) and region the province."""

    po_box: str = ""
    extended: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    kinds: tuple[str, ...] = ()
    label: str = ""


@dataclass
class VCard:
    """One contact of a file, in plain fields; the import pipeline maps and validates them."""

    formatted_name: str = ""
    prefix: str = ""
    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    suffix: str = ""
    nickname: str = ""
    company: str = ""  # ORG's first component
    department: str = ""  # ORG's other components, joined with " / "
    title: str = ""
    phones: list[Phone] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    birthday: PartialDate | None = None
    note: str = ""
    url: str = ""
    index: int = field(default=0, compare=False)  # 1 for the file's first card
    line: int = field(default=0, compare=False)  # line of its BEGIN:VCARD
    version: str = field(default="", compare=False)
    warnings: list[VCardWarning] = field(default_factory=list, compare=False)

    def warn(self, template: str, **params: object) -> None:
        self.warnings.append(VCardWarning(template, tuple(params.items())))


# ---------------------------------------------------------------- reading: bytes to logical lines


class _Utf16Lines:
    """A UTF-16 file seen as UTF-8 bytes, so that one line reader serves every file."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="\n")

    def readline(self, size: int) -> bytes:
        return self._text.readline(size).encode("utf-8")


def _line_source(stream: BinaryIO) -> BinaryIO | _Utf16Lines:
    """Skip a UTF-8 BOM; turn UTF-16 (with a BOM, or ASCII-looking without one) into UTF-8."""
    head = stream.read(4)
    stream.seek(0)
    if head.startswith(codecs.BOM_UTF8):
        stream.seek(3)
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _Utf16Lines(stream, "utf-16")
    elif len(head) >= 2 and head[1] == 0 and head[0] != 0:
        return _Utf16Lines(stream, "utf-16-le")
    elif len(head) >= 2 and head[0] == 0 and head[1] != 0:
        return _Utf16Lines(stream, "utf-16-be")
    return stream


def _split_quoted(text: bytes, sep: int) -> list[bytes]:
    """Split on `sep` outside double quotes (parameter values like TYPE="work,voice")."""
    if b'"' not in text:
        return text.split(bytes((sep,)))
    parts, start, quoted = [], 0, False
    for i, byte in enumerate(text):
        if byte == 0x22:
            quoted = not quoted
        elif byte == sep and not quoted:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


@dataclass(frozen=True, slots=True)
class _Head:
    """What a property's head (`item1.TEL;TYPE=CELL`) says. The same heads repeat on every card, so each
    distinct one is read once (`_parse_head`) with all that follows from its parameters."""

    group: str
    name: bytes
    params: dict[str, list[str]]  # shared by every property with this head: never changed
    qp: bool  # ENCODING=QUOTED-PRINTABLE: a line ending in "=" goes on on the next line
    kept: bool  # a property we import (or read, like VERSION)
    skipped: str | None  # its name for W_SKIPPED; None when kept or not worth a word (_QUIET)
    base64: bool  # ENCODING=B or BASE64
    declared: str  # CHARSET, lower-case ("" when none)
    kinds: tuple[str, ...]  # TYPE as Phone, Email and Address hold it
    preferred: bool
    uri: bool  # VALUE=uri (4.0's tel:+66...)


@dataclass(slots=True)
class _Property:
    """A property being collected from its physical lines."""

    card: int
    line: int
    head: _Head
    limit: int
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    soft_break: bool = False  # quoted-printable line ending in "=": the next line continues it

    def too_large(self) -> VCardTooLarge:
        """The error once `size` (counted before anything is kept or decoded) is over `limit`."""
        return VCardTooLarge(self.card, self.line, self.head.name.decode("ascii", "replace"),
                             max(1, self.limit // (1024 * 1024)))

    def add(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size > self.limit:
            raise self.too_large()
        head = self.head
        self.soft_break = head.qp and piece.endswith(b"=")
        if head.kept:
            self.chunks.append(piece[:-1] if self.soft_break else piece)


def _parse_params(raw: list[bytes]) -> dict[str, list[str]]:
    """TYPE=a,b and 2.1's bare CELL;HOME (-> TYPE) and QUOTED-PRINTABLE (-> ENCODING), upper-case keys."""
    params: dict[str, list[str]] = {}
    for item in raw:
        text = item.decode("utf-8", "replace").strip()
        if not text:
            continue
        key, eq, value = text.partition("=")
        if not eq:
            key = "ENCODING" if text.upper() in {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT"} else "TYPE"
            value = text
        key, value = key.strip().upper(), value.strip().strip('"')
        values = params.setdefault(key, [])
        if key == "TYPE":
            values.extend(v.strip() for v in value.split(","))
        else:
            values.append(value)
    return params


@lru_cache(maxsize=1024)
def _parse_head(head: bytes) -> _Head:
    """`item1.TEL;TYPE=CELL` read once per distinct head."""
    name_and_params = _split_quoted(head, 0x3B)
    group, _, name = name_and_params[0].strip().rpartition(b".")
    name = name.upper()
    params = _parse_params(name_and_params[1:]) if len(name_and_params) > 1 else {}
    encoding = {v.upper() for v in params.get("ENCODING", ())}
    types = [t.lower() for t in params.get("TYPE", ())]
    kept = name in _KEPT
    return _Head(
        group=group.decode("ascii", "replace").lower(), name=name, params=params,
        qp="QUOTED-PRINTABLE" in encoding, kept=kept,
        skipped=None if kept or name in _QUIET else name.decode("ascii", "replace"),
        base64=bool(encoding & {"B", "BASE64"}), declared=params.get("CHARSET", [""])[0].lower(),
        kinds=tuple(sorted({_PHONE_KINDS.get(t, t) for t in types} - {""})),
        preferred="pref" in types or "PREF" in params,
        uri="uri" in (v.lower() for v in params.get("VALUE", ())),
    )


@lru_cache(maxsize=64)
def _known_charset(charset: str) -> bool:
    """Whether Python has a text codec of that name: CHARSET=rot13 or base64 names a codec that is not one
    (the ValueError of a name no codec can have is raised, not kept)."""
    try:
        b"0".decode(charset)  # (an empty text decodes without asking the codec)
    except UnicodeDecodeError:
        return True  # a codec of two-byte units, given one byte
    except LookupError:
        return False
    return True


# ---------------------------------------------------------------- reading: values


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    if "\\\\" not in text:  # every backslash pairs with the character after it: replaces do, without a call each
        return (text.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";")
                .replace("\\:", ":"))
    return _ESCAPE_RE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def _split_raw(text: str, sep: str) -> list[str]:
    """Split on `sep` not preceded by a backslash; the parts stay escaped."""
    if "\\" not in text:
        return text.split(sep)
    parts, start = [], 0
    for found in _SEPARATOR_OR_ESCAPE[sep].finditer(text):  # an escape pair is passed over whole
        if found.group() == sep:
            parts.append(text[start:found.start()])
            start = found.end()
    parts.append(text[start:])
    return parts


def _components(text: str) -> list[str]:
    """A structured value (N, ORG, ADR): its ;-separated components, unescaped and stripped."""
    return [_unescape(p).strip() for p in _split_raw(text, ";")]


def _decode(prop: _Property, card: VCard, fallback: str) -> str:
    """The property's value as text: transfer encoding undone, then its CHARSET (or UTF-8, or `fallback`)."""
    chunks, head = prop.chunks, prop.head
    raw = (chunks[0] if len(chunks) == 1 else b"".join(chunks)).rstrip(b"\r")
    if not head.params:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if head.qp:
        raw = binascii.a2b_qp(raw)
    elif head.base64:
        raw = binascii.a2b_base64(raw, strict_mode=True)
    declared = head.declared
    charset = _CHARSETS.get(declared, declared) or "utf-8"
    if not _known_charset(charset):
        card.warn(W_CHARSET, line=prop.line, charset=declared)
        charset = "utf-8"
    try:
        text = raw.decode(charset)
    except UnicodeDecodeError:
        card.warn(W_NOT_DECODED, line=prop.line, name=head.name.decode("ascii", "replace"), charset=charset,
                  fallback=fallback)
        text = raw.decode(fallback, "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _birthday(text: str, prop: _Property, card: VCard) -> PartialDate | None:
    match = _DATE_RE.match(text.strip())
    try:
        if match is None:
            raise ValueError(text)
        year = int(match.group(1)) if match.group(1) else None
        if year is not None and str(year) in prop.head.params.get("X-APPLE-OMIT-YEAR", ()):
            year = None
        month, day = int(match.group(2)), int(match.group(3))
        date(year or 2000, month, day)  # 2000: a leap year, so that 29 February without a year passes
    except ValueError:
        card.warn(W_BAD_DATE, line=prop.line, value=text.strip()[:40])
        return None
    return PartialDate(year, month, day)


def _tel_number(text: str, head: _Head) -> str:
    """4.0's tel:+1-418-656-9254;ext=102 as +1-418-656-9254 ext. 102; other values as written."""
    if not head.uri and text[:4].lower() != "tel:":
        return text
    number, _, rest = text.removeprefix("tel:").removeprefix("TEL:").partition(";")
    ext = next((p[4:] for p in rest.split(";") if p.lower().startswith("ext=")), "")
    return f"{number} ext. {ext}" if ext else number


def _apply(prop: _Property, card: VCard, labels: dict[str, str], fallback: str) -> None:
    """Put one kept property's value into the card."""
    text = _decode(prop, card, fallback)
    head = prop.head
    name = head.name
    if name == b"TEL":
        if number := _tel_number(_unescape(text).strip(), head):
            card.phones.append(Phone(number, head.kinds, head.preferred, head.group))
    elif name == b"EMAIL":
        if address := _unescape(text).strip():
            card.emails.append(Email(address, head.kinds, head.preferred, head.group))
    elif name == b"N":
        if "\\" in text:
            parts = [" ".join(_unescape(v).strip() for v in _split_raw(p, ",")).strip() for p in _split_raw(text, ";")]
        else:
            parts = [" ".join(v.strip() for v in p.split(",")).strip() if "," in p else p.strip()
                     for p in text.split(";")]
        parts += [""] * 5
        card.last_name, card.first_name, card.middle_name, card.prefix, card.suffix = parts[:5]
    elif name == b"FN":
        card.formatted_name = _unescape(text).strip()
    elif name == b"VERSION":
        card.version = text.strip()
    elif name == b"X-ABLABEL":
        labels[head.group] = _unescape(text).strip().removeprefix("_$!<").removesuffix(">!$_")
    elif name == b"NICKNAME":
        card.nickname = _unescape(text).strip()
    elif name == b"ORG":
        parts = _components(text)
        card.company, card.department = parts[0], " / ".join(p for p in parts[1:] if p)
    elif name == b"TITLE":
        card.title = _unescape(text).strip()
    elif name == b"ADR":
        parts = _components(text) + [""] * 7
        if any(parts[:7]):
            card.addresses.append(Address(*parts[:7], kinds=head.kinds, label=head.group))
    elif name == b"BDAY":
        card.birthday = _birthday(_unescape(text), prop, card)
    elif name == b"NOTE":
        note = _unescape(text).strip()
        card.note = f"{card.note}\n\n{note}" if card.note and note else card.note or note
    elif name == b"URL":
        if card.url:
            card.warn(W_MORE_URLS)
        else:
            card.url = _unescape(text).strip()


def _label_groups(card: VCard, labels: dict[str, str]) -> None:
    """Replace the group names kept in `label` by the group's X-ABLabel (or nothing)."""
    card.phones = [Phone(p.number, p.kinds, p.preferred, labels.get(p.label, "")) if p.label else p
                   for p in card.phones]
    card.emails = [Email(e.address, e.kinds, e.preferred, labels.get(e.label, "")) if e.label else e
                   for e in card.emails]
    card.addresses = [replace(a, label=labels.get(a.label, "")) if a.label else a for a in card.addresses]


def read_vcards(
    source: str | os.PathLike[str] | BinaryIO,
    limits: VCardLimits = VCardLimits(),
    fallback_encoding: str = "cp874",
) -> Iterator[VCard]:
    """The cards of a .vcf file (a path or a seekable binary stream), one at a time, streaming: memory
    does not grow with the file, so the import can preview, count and stop early.

    `fallback_encoding` reads a value that declares no CHARSET and is not UTF-8 (Thai Windows: cp874).
    While iterating, raises a VCardFileError for a file that cannot be imported at all (a StorageError
    when it cannot be opened); a broken property is a warning on its card.
    """
    if isinstance(source, (str, os.PathLike)):
        try:
            stream = open(source, "rb")  # noqa: SIM115 - closed by the with below, after the OSError check
        except OSError as exc:
            raise StorageError("Could not read {path}: {reason}", path=str(source), reason=exc) from exc
        with stream:
            yield from read_vcards(stream, limits, fallback_encoding)
        return
    head = source.read(4096)
    source.seek(0)
    if not head.strip(b" \t\r\n" + codecs.BOM_UTF8):
        raise EmptyVCardFile()
    lines = _line_source(source)
    if b"\x00" in head and not isinstance(lines, _Utf16Lines):
        raise NotAVCardFile()
    yield from _cards(lines, limits, fallback_encoding)


def _cards(source: BinaryIO | _Utf16Lines, limits: VCardLimits, fallback: str) -> Iterator[VCard]:
    """The state machine over the file's physical lines: outside a card, inside one, inside a property.

    Lines come from readline(_CHUNK): a line longer than _CHUNK (a photo on one line) comes in pieces,
    `new` False after the first, so no piece is larger than _CHUNK. LF, CRLF and CR CR LF all end a line.
    While `skipping` holds a property we do not import, its continuation lines are counted and dropped,
    never kept: a photo's indented lines are passed over a buffer at a time (`_skip_indented`), others a
    readline each. One loop with the common steps written out: a call per line costs as much as its work.
    """
    readline = source.readline
    buffered = source if isinstance(source, io.BufferedReader) else None  # a file: its buffer can be searched
    card: VCard | None = None
    prop: _Property | None = None
    skipping: _Property | None = None
    labels: dict[str, str] = {}
    skipped: dict[str, None] = {}
    grouped = False
    count = properties = before = nested = number = 0
    at_line_start = True
    most_cards, most_properties, property_bytes = limits.cards, limits.properties_per_card, limits.property_bytes
    while True:
        if skipping is not None and at_line_start and buffered is not None:
            number += _skip_indented(buffered, skipping)
        chunk = readline(_CHUNK)
        if not chunk:
            break
        new = at_line_start
        if new:
            number += 1
        at_line_start = complete = chunk.endswith(b"\n")
        if skipping is not None:
            if not new or chunk[:1] in (b" ", b"\t") or (b":" not in chunk and chunk.strip()):
                skipping.size += len(chunk)
                if skipping.size > skipping.limit:
                    raise skipping.too_large()
                continue
            skipping = None
        line = chunk.rstrip(b"\r\n") if complete else chunk
        if card is None:
            if not new:
                continue
            if line.strip().upper() == b"BEGIN:VCARD":
                count += 1
                if count > most_cards:
                    raise TooManyVCards(most_cards)
                card, labels, skipped, properties, grouped = VCard(index=count, line=number), {}, {}, 0, False
            elif count == 0:
                before += len(line) + 1
                if before > _NOT_A_VCARD_BYTES:
                    raise NotAVCardFile()
            continue
        if not new:  # the rest of an over-long physical line
            if prop is not None:
                prop.add(line)
            continue
        if prop is not None:
            if prop.soft_break:
                prop.add(line)
                continue
            if line[:1] in (b" ", b"\t"):
                prop.add(line[1:])
                continue
            if not prop.head.kept:
                if line and b":" not in line:
                    prop.add(line)  # 2.1 base64 continuation lines need not be indented
                    continue
            else:
                try:
                    _apply(prop, card, labels, fallback)
                except (ValueError, binascii.Error):
                    card.warn(W_BROKEN, line=prop.line, name=prop.head.name.decode("ascii", "replace"))
            prop = None
        stripped = line.strip()
        if not stripped:
            continue
        upper = stripped.upper() if len(stripped) <= 11 else b""
        if upper == b"BEGIN:VCARD":
            nested += 1
            card.warn(W_NESTED, line=number)
            continue
        if upper == b"END:VCARD":
            if nested:
                nested -= 1
                continue
            if grouped:
                _label_groups(card, labels)
            if skipped:
                card.warn(W_SKIPPED, names=", ".join(skipped))
            yield card
            card = None
            continue
        if nested:
            continue
        properties += 1
        if properties > most_properties:
            raise TooManyVCardProperties(card.index, card.line, most_properties)
        colon = line.find(b":")
        if colon <= 0:
            card.warn(W_NO_COLON, line=number)
            continue
        if line.find(b'"', 0, colon) >= 0:  # TYPE="work,voice": the first colon outside quotes
            head_end = _QUOTED_HEAD.match(line)
            colon = head_end.end(1) if head_end is not None else len(line)
        head = _parse_head(line[:colon])
        grouped = grouped or bool(head.group)  # Apple's item1.TEL: its label is known at the card's end
        prop = _Property(card.index, number, head, property_bytes)
        prop.add(line[colon + 1:] if head.kept else line)
        if head.skipped is not None:
            skipped[head.skipped] = None
        if not head.kept and not head.qp:
            skipping = prop
    if card is not None:
        raise UnfinishedVCard(card.index, card.line)
    if count == 0:
        raise NotAVCardFile() if before else EmptyVCardFile()


_LINE_NOT_INDENTED = re.compile(rb"\n(?![ \t])")  # ends a run of indented lines (so does the buffer's end)


def _skip_indented(stream: io.BufferedReader, prop: _Property) -> int:
    """Pass over the whole indented lines that wait in the stream's buffer, continuing the skipped
    `prop` (a photo's base64), with one search instead of a readline each; how many lines they were."""
    buffered = stream.peek(_CHUNK)
    if buffered[:1] not in (b" ", b"\t"):
        return 0
    last = _LINE_NOT_INDENTED.search(buffered)
    end = last.end() if last is not None else buffered.rfind(b"\n") + 1  # else up to the line cut off
    if not end:
        return 0
    stream.read(end)
    prop.size += end
    if prop.size > prop.limit:
        raise prop.too_large()
    return buffered.count(b"\n", 0, end)


# ---------------------------------------------------------------- writing


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 6350 §3.2) without cutting a UTF-8 character in two."""
    data = line.encode("utf-8")
    if len(data) <= _FOLD:
        return line
    pieces, start, limit = [], 0, _FOLD
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a continuation byte: step back
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, _FOLD - 1  # continuation lines start with a space
    return (NEWLINE + " ").join(pieces)


def _types(kinds: tuple[str, ...], preferred: bool, version: str, extra: tuple[str, ...] = ()) -> str:
    types = list(extra) + list(kinds)
    if preferred and version == "3.0":
        types.append("pref")
    params = f";TYPE={','.join(types)}" if types else ""
    return params + (";PREF=1" if preferred and version == "4.0" else "")


def _card_lines(card: VCard, version: str) -> Iterator[str]:
    yield "BEGIN:VCARD"
    yield f"VERSION:{version}"
    names = (card.prefix, card.first_name, card.middle_name, card.last_name, card.suffix)
    yield "FN:" + _escape(card.formatted_name or " ".join(n for n in names if n))
    yield "N:" + ";".join(_escape(n) for n in (card.last_name, card.first_name, card.middle_name, card.prefix,
                                                card.suffix))
    if card.nickname:
        yield "NICKNAME:" + _escape(card.nickname)
    if card.company or card.department:
        departments = card.department.split(" / ") if card.department else []
        yield "ORG:" + ";".join(_escape(p) for p in [card.company, *departments])
    if card.title:
        yield "TITLE:" + _escape(card.title)
    item = 0
    for kind, values in (("TEL", card.phones), ("EMAIL", card.emails), ("ADR", card.addresses)):
        for value in values:
            group = ""
            if value.label:
                item += 1
                group = f"item{item}."
            if isinstance(value, Address):
                parts = (value.po_box, value.extended, value.street, value.locality, value.region, value.postcode,
                         value.country)
                yield f"{group}ADR{_types(value.kinds, False, version)}:" + ";".join(_escape(p) for p in parts)
            else:
                text = value.number if isinstance(value, Phone) else value.address
                extra = ("internet",) if kind == "EMAIL" and version == "3.0" else ()
                yield f"{group}{kind}{_types(value.kinds, value.preferred, version, extra)}:{_escape(text)}"
            if group:
                yield f"{group}X-ABLabel:{_escape(value.label)}"
    if card.birthday is not None:
        b = card.birthday
        yield f"BDAY:{b.year:04d}-{b.month:02d}-{b.day:02d}" if b.year is not None else (
            f"BDAY:--{b.month:02d}{b.day:02d}" if version == "4.0" else f"BDAY:--{b.month:02d}-{b.day:02d}")
    if card.note:
        yield "NOTE:" + _escape(card.note)
    if card.url:
        yield "URL:" + _escape(card.url)
    yield "END:VCARD"


def write_vcards(cards: Iterable[VCard], version: str = "3.0") -> str:
    """The cards as one vCard 3.0 or 4.0 text, CRLF line ends, folded at 75 octets; write it as UTF-8."""
    if version not in {"3.0", "4.0"}:
        raise ValueError(version)
    return "".join(fold(line) + NEWLINE for card in cards for line in _card_lines(card, version))
