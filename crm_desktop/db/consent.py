"""Consent history kept by the unit of work: a change of a person's marketing consent writes a
`ConsentEvent` in the same flush, whoever made it.

A rule every writer must keep is kept here, as the match keys and the change log are, rather than
asked of each service: the form, an import, a conversion, a merge, a conflict taken the other way and
an erase all set `marketing_consent` through the ORM, and none of them can forget the history. The
service only says how the change came about (`UnitOfWork.note_consent`: the method, an import's file
name, the channel and wording the form asked for); said nothing, the row reads "edit".

New records inserted the bulk way inside a unit of work (an import: db/bulk.insert_in_session) get
theirs from `bulk_consent_events`, in the same insert. A sync import writes rows with SQL and writes no
row here: the history rows of the copy where the change was made arrive in the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from crm_desktop.models import ConsentEvent, Contact, Lead, new_id

if TYPE_CHECKING:
    from crm_desktop.db.changelog import ChangeContext

NOTE_KEY = "consent_note"


@dataclass(frozen=True)
class ConsentNote:
    """How the consent changes of one unit of work came about (models.consent: CONSENT_METHODS, CHANNELS)."""

    method: str = "edit"
    source: str = ""
    channel: str = ""
    wording: str = ""


def _changed(obj: Contact | Lead, is_new: bool) -> bool:
    if is_new:
        return bool(obj.marketing_consent)  # a new record without consent changed nothing
    history = inspect(obj).attrs.marketing_consent.history
    return bool(history.added) and bool(history.deleted) and bool(history.added[0]) != bool(history.deleted[0])


def record_consent_changes(session: Session, ctx: ChangeContext | None) -> None:
    """Add a ConsentEvent for every new or changed contact or lead whose consent flag moved (called by
    the change log's flush hook first, so the new rows are stamped and logged with the rest)."""
    people = (Contact, Lead)
    found = [(o, True) for o in session.new if type(o) in people]
    found += [(o, False) for o in session.dirty if type(o) in people]
    events = [obj for obj, is_new in found if _changed(obj, is_new)]
    if not events or ctx is None:  # no context: the change log refuses the flush itself
        return
    note: ConsentNote = session.info.get(NOTE_KEY) or ConsentNote()
    now = ctx.time.now()
    for obj in events:
        if obj.id is None:
            obj.id = new_id()
        person = {"contact_id": obj.id} if isinstance(obj, Contact) else {"lead_id": obj.id}
        given = bool(obj.marketing_consent)
        session.add(ConsentEvent(**person, given=given, consent_on=obj.consent_on if given else None,
                                 changed_at=now, user_id=ctx.user_id, method=note.method, source=note.source,
                                 channel=note.channel if given else "", wording=note.wording if given else ""))


def bulk_consent_events(session: Session, model: type[Any], ids: Sequence[str], given: Sequence[object],
                        consent_on: Sequence[object]) -> list[dict[str, Any]]:
    """The ConsentEvent rows the ORM path would add for these new records (by column: their ids, their
    `marketing_consent` and `consent_on`): one per contact or lead given consent, as the session's note says."""
    if model not in (Contact, Lead):
        return []
    from crm_desktop.db.changelog import CONTEXT_KEY

    ctx: ChangeContext = session.info[CONTEXT_KEY]
    note: ConsentNote = session.info.get(NOTE_KEY) or ConsentNote()
    link = "contact_id" if model is Contact else "lead_id"
    now = ctx.time.now()
    return [{link: row_id, "given": True, "consent_on": on, "changed_at": now, "user_id": ctx.user_id,
             "method": note.method, "source": note.source, "channel": note.channel, "wording": note.wording}
            for row_id, yes, on in zip(ids, given, consent_on, strict=True) if yes]
