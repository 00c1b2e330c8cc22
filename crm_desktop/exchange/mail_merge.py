"""Mail merge for offline sending: one .eml per campaign member in a new folder (the user opens them in
their mail program and sends them from there), or one CSV for a LINE Official Account broadcast.
Nothing is sent by the app and no server is needed.

The template's fields (crm_desktop/merge_fields.py) are checked before anything is written: a field it
does not know is named in the message and no file is made. Only members who agreed to marketing and
have the address the channel needs are written; the result says how many were left out and why.

Messages are RFC 5322 with UTF-8 bodies; Thai in the headers (the subject, the member's name in "To")
is RFC 2047-encoded by the `email` package; the Date is the app clock's time in Bangkok; "X-Unsent: 1"
makes Outlook and Thunderbird open each file as a draft to send. The folder is written under a
temporary name beside it and renamed when complete: a failure or Cancel halfway leaves no half folder.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from sqlalchemy import and_, func, select

from crm_desktop.clock import BANGKOK
from crm_desktop.db.bulk import Cancelled
from crm_desktop.db.database import Database
from crm_desktop.db.output import output_file
from crm_desktop.errors import DomainError, StorageError
from crm_desktop.merge_fields import fields_in, fill
from crm_desktop.models import Account, Campaign, CampaignMember, Contact

Progress = Callable[[int, int], bool]
CHANNELS = ("email", "line")
CHUNK = 2000
OFFICE = timezone(BANGKOK, "+07")


@dataclass(frozen=True)
class MergeResult:
    path: Path
    written: int
    member_ids: tuple[str, ...]  # the members written (the view marks them "sent")
    no_consent: int  # members left out: no marketing consent
    no_address: int  # members left out: no e-mail address (or LINE ID)


@dataclass(frozen=True)
class _Member:
    id: str
    consent: bool
    values: dict[str, str]


def _members(db: Database, campaign_id: str) -> Iterator[_Member]:
    full = func.trim(Contact.prefix + Contact.first_name + " " + Contact.last_name)
    stmt = (select(CampaignMember.id, Contact.marketing_consent, Contact.first_name, Contact.last_name, full,
                   Contact.nickname, Contact.prefix, func.coalesce(Account.name, ""), Contact.province, Contact.email,
                   Contact.mobile, Contact.line_id)
            .select_from(CampaignMember).join(Contact, Contact.id == CampaignMember.contact_id)
            .outerjoin(Account, and_(Account.id == Contact.account_id, Account.deleted_at.is_(None)))
            .where(CampaignMember.campaign_id == campaign_id, CampaignMember.deleted_at.is_(None),
                   Contact.deleted_at.is_(None))
            .order_by(Contact.sort_key, CampaignMember.id))
    keys = ("first_name", "last_name", "full_name", "nickname", "prefix", "company", "province", "email", "mobile",
            "line_id")
    with db.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(stmt)
        for row in result:
            yield _Member(row[0], bool(row[1]), dict(zip(keys, (str(v or "") for v in row[2:]), strict=True)))


def _template(db: Database, campaign_id: str) -> tuple[str, str]:
    with db.engine.connect() as conn:
        row = conn.execute(select(Campaign.template_subject, Campaign.template_body).where(
            Campaign.id == campaign_id, Campaign.deleted_at.is_(None))).first()
    if row is None:
        raise DomainError("The campaign was deleted by someone else. Refresh the list.")
    subject, body = row
    fields_in(subject, "template_subject")
    fields_in(body, "template_body")
    if not body.strip():
        raise DomainError("The campaign has no message yet: write its template first.")
    return subject, body


def message(subject: str, body: str, member: dict[str, str], sender: tuple[str, str], now: datetime) -> bytes:
    """One member's message as an .eml file's bytes (`now`: the app clock's naive UTC time)."""
    msg = EmailMessage()
    msg["From"] = formataddr(sender) if sender[1] else sender[0]
    msg["To"] = formataddr((member["full_name"], member["email"]))
    msg["Subject"] = fill(subject, member)
    msg["Date"] = format_datetime((now + BANGKOK).replace(tzinfo=OFFICE))
    msg["Message-ID"] = make_msgid(domain=(sender[1].rpartition("@")[2] or "crm-desktop.invalid"))
    msg["X-Unsent"] = "1"
    msg.set_content(fill(body, member), charset="utf-8")
    return msg.as_bytes(policy=SMTP)


def _chosen(db: Database, campaign_id: str, channel: str) -> tuple[list[_Member], int, int]:
    address = "email" if channel == "email" else "line_id"
    chosen: list[_Member] = []
    no_consent = no_address = 0
    for member in _members(db, campaign_id):
        if not member.consent:
            no_consent += 1
        elif not member.values[address]:
            no_address += 1
        else:
            chosen.append(member)
    if not chosen:
        raise DomainError("No member of the campaign has agreed to marketing and has an e-mail address: nothing "
                          "was written." if channel == "email" else "No member of the campaign has agreed to "
                          "marketing and has a LINE ID: nothing was written.")
    return chosen, no_consent, no_address


def _step(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise Cancelled()


def write_eml_folder(db: Database, campaign_id: str, dest: Path, sender: tuple[str, str], now: datetime,
                     progress: Progress | None = None) -> MergeResult:
    """One .eml per member with consent and an e-mail address, in the new folder `dest`."""
    subject, body = _template(db, campaign_id)
    if dest.exists():
        raise StorageError("Could not write {path}: {reason}", path=str(dest), reason="it exists already")
    chosen, no_consent, no_address = _chosen(db, campaign_id, "email")
    tmp = dest.with_name(f".{dest.name}.part-{os.getpid()}")
    try:
        tmp.mkdir(parents=True)
        for n, member in enumerate(chosen, start=1):
            file_name = f"{n:06d} {member.values['email']}".translate(_UNSAFE)[:120] + ".eml"
            (tmp / file_name).write_bytes(message(subject, body, member.values, sender, now))
            _step(progress, n, len(chosen))
        os.rename(tmp, dest)
    except OSError as exc:
        raise StorageError("Could not write {path}: {reason}", path=str(dest), reason=exc) from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return MergeResult(dest, len(chosen), tuple(m.id for m in chosen), no_consent, no_address)


_UNSAFE = str.maketrans({c: "_" for c in '\\/:*?"<>|'})
LINE_HEADERS = ("LINE ID", "ชื่อ", "ข้อความ")


def write_line_csv(db: Database, campaign_id: str, dest: Path, progress: Progress | None = None, *,
                   force: bool = False) -> MergeResult:
    """One CSV row per member with consent and a LINE ID: their LINE ID, name and filled-in message
    (UTF-8 with a byte-order mark, which Excel and the LINE OA Manager read as Thai)."""
    _subject, body = _template(db, campaign_id)
    chosen, no_consent, no_address = _chosen(db, campaign_id, "line")
    with output_file(dest, db.path, force=force) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(LINE_HEADERS)
        for n, member in enumerate(chosen, start=1):
            writer.writerow((member.values["line_id"], member.values["full_name"], fill(body, member.values)))
            _step(progress, n, len(chosen))
    return MergeResult(dest, len(chosen), tuple(m.id for m in chosen), no_consent, no_address)
