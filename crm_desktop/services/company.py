"""The company's own details as printed on quotations: names, addresses, tax id and branch, phone,
e-mail and logo. Office-wide settings, so they travel with sync.

Each field is its own setting row, so two copies editing different fields merge field by field.
A setting holds at most 10,000 characters (models/rules.py), so the logo, shrunk to a PNG that fits
LOGO_BOX, is stored base64 in chunks (`company.logo.1`…`.n`); `company.logo` holds its SHA-256 and
the chunk count. One save writes them all in one transaction, so after a sync the newest logo wins
whole; a mix of two logos (never expected) fails the checksum and prints no logo rather than a wrong one.
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass, fields, replace

from PIL import Image, UnidentifiedImageError

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.settings import COMPANY_NAME

PREFIX = "company."
LOGO_KEY = "company.logo"
LOGO_BOX = (600, 240)  # pixels: 50 mm × 20 mm at 300 dpi
LOGO_FILE_MAX = 20 << 20  # a picture file larger than this is refused before decoding
CHUNK = 9_000  # base64 characters per setting row (a row holds 10,000)
LOGO_CHUNKS_MAX = 40  # 360,000 characters: a 270 KB PNG, far above what LOGO_BOX needs
NAME_MAX = 200
ADDRESS_MAX = 500


@dataclass(frozen=True)
class CompanyInput:
    """The Settings › Company page as typed; `logo` is a PNG from `logo_png` (b"" = no logo)."""

    name_th: str = ""
    name_en: str = ""
    address_th: str = ""
    address_en: str = ""
    tax_id: str = ""
    branch_code: str = ""
    phone: str = ""
    email: str = ""
    logo: bytes = b""


_TEXT_FIELDS = tuple(f.name for f in fields(CompanyInput) if f.name != "logo")


def clean_company(data: CompanyInput) -> CompanyInput:
    """The input checked and normalized (phone to E.164, tax id digits, head office when a tax id has
    no branch); raises ValidationError naming the field."""
    tax_id = validation.tax_id(data.tax_id)
    branch = validation.branch_code(data.branch_code)
    if branch and not tax_id:
        raise ValidationError("branch_code", "A branch code needs a tax id.")
    return CompanyInput(
        name_th=validation.optional_text(data.name_th, "name_th", NAME_MAX),
        name_en=validation.optional_text(data.name_en, "name_en", NAME_MAX),
        address_th=validation.optional_text(data.address_th, "address_th", ADDRESS_MAX),
        address_en=validation.optional_text(data.address_en, "address_en", ADDRESS_MAX),
        tax_id=tax_id,
        branch_code=branch or ("00000" if tax_id else ""),
        phone=validation.phone(data.phone),
        email=validation.email(data.email),
        logo=_checked_logo(data.logo),
    )


def _checked_logo(png: bytes) -> bytes:
    if png and not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValidationError("logo", "This file is not a picture that can be read (use PNG or JPEG).")
    if len(base64.b64encode(png)) > CHUNK * LOGO_CHUNKS_MAX:
        raise ValidationError("logo", "This picture is too detailed to store as a logo; use a simpler one.")
    return png


def logo_png(image: bytes) -> bytes:
    """A picture file (PNG, JPEG, GIF, BMP…) as the PNG we store: shrunk to fit LOGO_BOX, transparency kept."""
    if len(image) > LOGO_FILE_MAX:
        raise ValidationError("logo", "The picture is larger than {size} MB; choose a smaller file.",
                              size=LOGO_FILE_MAX >> 20)
    try:
        with Image.open(io.BytesIO(image)) as picture:
            picture.load()
            shrunk = picture.convert("RGBA" if "A" in picture.getbands() or "transparency" in picture.info else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError("logo", "This file is not a picture that can be read (use PNG or JPEG).") from None
    shrunk.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    shrunk.save(out, "PNG", optimize=True)
    return _checked_logo(out.getvalue())


def company(uow: UnitOfWork) -> CompanyInput:
    """The company's details as stored (blank fields are "")."""
    with uow:
        return CompanyInput(**{name: uow.settings.value(PREFIX + name) for name in _TEXT_FIELDS}, logo=_read_logo(uow))


def printed_company(uow: UnitOfWork) -> CompanyInput:
    """The details as documents print them: a blank Thai name is the office name of Settings › General."""
    details = company(uow)
    if details.name_th:
        return details
    with uow:
        return replace(details, name_th=uow.settings.value(COMPANY_NAME))


def _read_logo(uow: UnitOfWork) -> bytes:
    digest, _, count = uow.settings.value(LOGO_KEY).partition(" ")
    if not count.isdigit():
        return b""
    text = "".join(uow.settings.value(f"{LOGO_KEY}.{i}") for i in range(1, int(count) + 1))
    try:
        png = base64.b64decode(text, validate=True)
    except ValueError:
        return b""
    return png if hashlib.sha256(png).hexdigest() == digest else b""


def set_company(uow: UnitOfWork, data: CompanyInput) -> ChangeSet:
    """Save the details (checked again here); only the settings that differ are written."""
    clean = clean_company(data)
    updated: list[str] = []
    with uow:
        for name in _TEXT_FIELDS:
            key, value = PREFIX + name, getattr(clean, name)
            if uow.settings.value(key) != value:
                uow.settings.set_value(key, value)
                updated.append(key)
        if clean.logo != _read_logo(uow):
            updated += _write_logo(uow, clean.logo)
        uow.commit()
    return change(Entity.SETTING, updated=tuple(updated))


def _write_logo(uow: UnitOfWork, png: bytes) -> list[str]:
    text = base64.b64encode(png).decode("ascii")
    chunks = [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
    _, _, old = uow.settings.value(LOGO_KEY).partition(" ")
    written = [LOGO_KEY]
    uow.settings.set_value(LOGO_KEY, f"{hashlib.sha256(png).hexdigest()} {len(chunks)}" if png else "")
    for i in range(1, max(len(chunks), int(old) if old.isdigit() else 0) + 1):
        uow.settings.set_value(f"{LOGO_KEY}.{i}", chunks[i - 1] if i <= len(chunks) else "")  # old ones emptied
        written.append(f"{LOGO_KEY}.{i}")
    return written
