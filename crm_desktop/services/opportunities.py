"""Use cases for opportunities (deals): create, edit, move through the stages, product lines,
delete with undo.

Every stage change, the first one included (from no stage), writes a `StageHistory` row in the
same transaction: from, to, when, who (the unit of work's user) and the amount at that moment.
A deal with product lines is worth their grand total (prices before VAT, plus VAT): its amount
follows the lines whenever they or the deal are saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Opportunity, OpportunityLine, Stage, StageHistory, new_id
from crm_desktop.models.rules import MAX_AMOUNT_SATANG, rule_of
from crm_desktop.money import totals
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.sales.lines import LineInput, clean_lines, line_input, money_line

ENTITY = Entity.OPPORTUNITY


@dataclass
class OpportunityInput:
    """What the deal form holds. Money in integer satang; probability None = the stage's default.
    `lines` None leaves the deal's product lines as they are; a list replaces them."""

    name: str
    stage_id: str
    amount_satang: int = 0
    probability: int | None = None
    account_id: str | None = None
    contact_id: str | None = None
    owner_id: str | None = None
    lead_id: str | None = None
    campaign_id: str | None = None
    expected_close: date | None = None
    channel: str = ""
    competitor: str = ""
    loss_reason: str = ""
    notes: str = ""
    lines: list[LineInput] | None = None


def amount(value: object, field: str = "amount_satang") -> int:
    """A non-negative whole number of satang."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "An amount must be a whole number of satang.")
    if value < 0:
        raise ValidationError(field, "An amount cannot be negative.")
    if value > MAX_AMOUNT_SATANG:
        raise ValidationError(field, "This amount is too large.")
    return value


def probability(value: object, field: str = "probability") -> int:
    if not rule_of(Opportunity.probability).allows_number(value):
        raise ValidationError(field, "A probability is a whole percentage from 0 to 100.")
    return value


def _stage(uow: UnitOfWork, stage_id: str) -> Stage:
    stage = uow.stages.get(stage_id) if stage_id else None
    if stage is None:
        raise ValidationError("stage_id", "The chosen stage no longer exists.")
    return stage


def _loss_reason(uow: UnitOfWork, value: str) -> str:
    reason = value.strip()
    if not reason:
        raise ValidationError("loss_reason", "Choose why the deal was lost.")
    if not uow.opportunities.loss_reason_known(reason):
        raise ValidationError("loss_reason", "{value} is not in the list of loss reasons.", value=reason)
    return reason


def _clean(uow: UnitOfWork, data: OpportunityInput, current: Opportunity | None = None) -> dict[str, object]:
    v = validation
    campaign_kept = current is not None and current.campaign_id == data.campaign_id  # deleted since: kept
    if data.campaign_id and not campaign_kept and uow.campaigns.get(data.campaign_id) is None:
        raise ValidationError("campaign_id", "The chosen campaign no longer exists.")
    if data.account_id and uow.accounts.get(data.account_id) is None:
        raise ValidationError("account_id", "The chosen account no longer exists.")
    if data.contact_id and uow.contacts.get(data.contact_id) is None:
        raise ValidationError("contact_id", "The chosen contact no longer exists.")
    if data.owner_id and uow.users.get(data.owner_id) is None:
        raise ValidationError("owner_id", "The chosen owner no longer exists.")
    if data.lead_id and uow.leads.get(data.lead_id, include_deleted=True) is None:
        raise ValidationError("lead_id", "A record this one points to no longer exists. Refresh and try again.")
    return {
        "name": v.column_text(data.name, Opportunity.name),
        "amount_satang": amount(data.amount_satang),
        "account_id": data.account_id or None,
        "contact_id": data.contact_id or None,
        "owner_id": data.owner_id or None,
        "lead_id": data.lead_id or None,
        "campaign_id": data.campaign_id or None,
        "expected_close": data.expected_close,
        "channel": v.column_text(data.channel, Opportunity.channel),
        "competitor": v.column_text(data.competitor, Opportunity.competitor),
        "notes": v.column_text(data.notes, Opportunity.notes),
    }


def _record_move(uow: UnitOfWork, opp: Opportunity, from_stage_id: str | None, to_stage_id: str, now: datetime) -> None:
    uow.stage_history.add(
        StageHistory(
            opportunity_id=opp.id,
            from_stage_id=from_stage_id,
            to_stage_id=to_stage_id,
            changed_at=now,
            changed_by=uow.user_id,
            amount_satang=opp.amount_satang,
        )
    )


def _enter_stage(
    uow: UnitOfWork, opp: Opportunity, from_stage_id: str | None, stage: Stage, now: datetime, loss_reason: str,
    competitor: str, probability_override: int | None = None,
) -> None:
    """Put `opp` into `stage` with its rules (loss reason for lost), and log the move."""
    if stage.kind == "lost":
        opp.loss_reason = _loss_reason(uow, loss_reason)
    else:
        opp.loss_reason = ""
    if competitor.strip():
        opp.competitor = validation.column_text(competitor, Opportunity.competitor)
    opp.stage_id = stage.id
    opp.probability = stage.probability if probability_override is None else probability_override
    _record_move(uow, opp, from_stage_id, stage.id, now)


def create_opportunity(uow: UnitOfWork, data: OpportunityInput, now: datetime) -> ChangeSet:
    """A new deal, with its first stage-history row (from no stage). `now` is UTC (naive)."""
    with uow:
        values = _clean(uow, data)
        stage = _stage(uow, data.stage_id)
        override = None if data.probability is None else probability(data.probability)
        opp = uow.opportunities.add(Opportunity(id=new_id(), stage_id=stage.id, **values))
        if data.lines is not None:
            _write_lines(uow, opp, data.lines)
        _enter_stage(uow, opp, None, stage, now, data.loss_reason, data.competitor, override)
        uow.commit()
    return change(ENTITY, created=(opp.id,))


def update_opportunity(uow: UnitOfWork, opp_id: str, data: OpportunityInput, now: datetime) -> ChangeSet:
    """Save the form. A different stage is a move (history, default probability, loss rules)."""
    with uow:
        opp = uow.opportunities.get(opp_id)
        if opp is None:
            raise NotFound("The deal was deleted by someone else. Refresh the list.")
        values = _clean(uow, data, opp)
        for key, value in values.items():
            setattr(opp, key, value)
        _write_lines(uow, opp, data.lines)
        override = None if data.probability is None else probability(data.probability)
        if data.stage_id != opp.stage_id:
            stage = _stage(uow, data.stage_id)
            _enter_stage(uow, opp, opp.stage_id, stage, now, data.loss_reason, data.competitor, override)
        else:
            if override is not None:
                opp.probability = override
            current = uow.stages.get(opp.stage_id, include_deleted=True)
            if current is not None and current.kind == "lost" and data.loss_reason.strip() != opp.loss_reason:
                # Only a changed reason is checked: one later removed from the pick list stays valid.
                opp.loss_reason = _loss_reason(uow, data.loss_reason)
        uow.commit()
    return change(ENTITY, updated=(opp_id,))


def move_to_stage(
    uow: UnitOfWork, opp_id: str, stage_id: str, now: datetime, loss_reason: str | None = None, competitor: str = ""
) -> ChangeSet:
    """Move a deal (kanban drop, won/lost buttons). Into a lost stage a loss reason from the
    "loss_reason" pick list is required and a competitor may be recorded; leaving a lost stage
    clears the reason. The probability becomes the new stage's default. Same stage: nothing happens."""
    with uow:
        opp = uow.opportunities.get(opp_id)
        if opp is None:
            raise NotFound("The deal was deleted by someone else. Refresh the list.")
        if opp.stage_id == stage_id:
            return change(ENTITY)
        _enter_stage(uow, opp, opp.stage_id, _stage(uow, stage_id), now, loss_reason or "", competitor)
        uow.commit()
    return change(ENTITY, updated=(opp_id,))


def move_in_open_uow(uow: UnitOfWork, opp: Opportunity, stage: Stage, now: datetime) -> None:
    """A move made by another use case inside its own transaction (a quotation sent, an order
    confirmed): the same rules and stage history as `move_to_stage`. Not into a lost stage."""
    _enter_stage(uow, opp, opp.stage_id, stage, now, "", "")


def opportunity_input(uow: UnitOfWork, opp_id: str) -> OpportunityInput:
    """The stored deal as form input, for the edit dialog."""
    with uow:
        opp = uow.opportunities.get(opp_id)
        if opp is None:
            raise NotFound("The deal was deleted by someone else. Refresh the list.")
        return OpportunityInput(
            name=opp.name, stage_id=opp.stage_id, amount_satang=opp.amount_satang, probability=opp.probability,
            account_id=opp.account_id, contact_id=opp.contact_id, owner_id=opp.owner_id, lead_id=opp.lead_id,
            campaign_id=opp.campaign_id, expected_close=opp.expected_close, channel=opp.channel,
            competitor=opp.competitor, loss_reason=opp.loss_reason, notes=opp.notes,
            lines=[line_input(line) for line in uow.opportunity_lines.live_of(opp_id)],
        )


def set_deal_lines(uow: UnitOfWork, opportunity_id: str, lines: list[LineInput]) -> ChangeSet:
    """Replace a deal's product lines in one transaction; its amount becomes their grand total."""
    with uow:
        opp = uow.opportunities.get(opportunity_id)
        if opp is None:
            raise NotFound("The deal was deleted by someone else. Refresh the list.")
        _write_lines(uow, opp, lines)
        uow.commit()
    return change(ENTITY, updated=(opportunity_id,))


def _write_lines(uow: UnitOfWork, opp: Opportunity, lines: Sequence[LineInput] | None) -> None:
    """Store `lines` (None: keep the stored ones) and set the amount from the deal's lines.

    Stored rows are reused in order and only changed fields are written; rows beyond the new lines
    are soft-deleted, so the change log, sync and undo see every step. A product deleted since it
    was put on the deal stays valid on it (`clean_lines`' kept products).
    """
    with uow.session.no_autoflush:  # one flush at commit: one change row for the deal, not two
        stored = uow.opportunity_lines.live_of(opp.id)
        if lines is not None:
            used = {row.product_id for row in stored if row.product_id}
            cleaned = clean_lines(uow, lines, [x.product_id if x.product_id in used else None for x in lines])
            for index, values in enumerate(cleaned):
                if index < len(stored):
                    row = stored[index]
                    for key, value in values.items():
                        if getattr(row, key) != value:
                            setattr(row, key, value)
                else:
                    uow.opportunity_lines.add(OpportunityLine(opportunity_id=opp.id, **values))
            now = uow.now()
            for row in stored[len(cleaned):]:
                uow.opportunity_lines.soft_delete(row, now)
            stored = stored[:len(cleaned)]
    if lines or stored:
        source = lines if lines is not None else stored
        opp.amount_satang = amount(totals(money_line(x) for x in source).grand_total, "lines")


def delete_opportunities(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, attrgetter("opportunities"), ENTITY, ids)


def restore_opportunities(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("opportunities"), ENTITY, ids)
