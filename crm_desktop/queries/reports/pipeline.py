"""The pipeline in the monthly report and the Reports tab: open deals by stage with the weighted
pipeline, deals won and lost in the period, why deals were lost and to whom.

Deals are narrowed by their owner (the rep), channel, customer's segment and province (the account's,
else the contact's, as `measure` reads a sale's) and, for a product or category, by having a live line
of it (the deal then counts whole). Amounts are the deals' own (`Opportunity.amount_satang`, what the
board shows), not sales: a deal with lines is worth their total with VAT.

**Pipeline as of**: a period still running shows the pipeline now, as the board does (weighted by
each deal's own probability). A period that is over shows it as it stood at its end (the office's
midnight), rebuilt from the stage history: a deal that has not moved since counts as it is now; one
that moved since counts in the stage its first later move left (`from_stage_id`), at the amount that
move recorded and its stage's probability (a deal's own probability then is not kept). A deal created
after the end has no stage to leave (its first move comes from none) and is left out; so are deals
deleted since (the board does not show them either). The history is read from the side of the end
with fewer moves (`_moves_after`): last month costs about what the board does (8 ms on the large
demo); a month a year back at 100,000 deals costs the most (0.3-1 s measured on a busy machine).

**Won and lost** in a period, as `queries.opportunities.attainment` counts wins: the deal sits in a
won (lost) stage now and moved into it in the period, in the office's local time, at its current
amount; a deal reopened after winning, or won in the period and lost after it, counts where it is now.
The win rate is won / (won + lost) deals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Subquery, exists, func, select

from crm_desktop.db.database import Database
from crm_desktop.db.spelling import likely, rowid
from crm_desktop.db.spelling import total as sum_of
from crm_desktop.models import Opportunity, Stage, StageHistory, User
from crm_desktop.queries.opportunities import entered_at, round_pct
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.scope import NONE, deal_conditions, percent, utc_midnight, with_customer
from crm_desktop.queries.reports.table import Chart, Column, ReportTable
from crm_desktop.queries.stages import stages

CLOSED = ("won", "lost")
HISTORY = StageHistory.__table__


def _move_order(history: Any) -> tuple[Any, Any]:
    """A deal's moves in time, and in the order written when two share a time (its rowid, second)."""
    return history.c.changed_at, rowid(history)


# --- Pipeline by stage ----------------------------------------------------------------------


def _moment(flt: ReportFilter, today: date) -> tuple[date, bool]:
    """The day whose office midnight the pipeline is taken at, and whether that is the period's end
    (True) or now (False: tomorrow's midnight, after every move made so far)."""
    if flt.end <= today:
        return flt.end, True
    return today + timedelta(days=1), False


def _moves_after(conn: Connection, moment: datetime) -> tuple[Subquery, ColumnElement[bool]]:
    """(deal, stage, amount) of each deal's first move at or after `moment` (the stage it left is
    where it stood then, at the amount that move recorded; `stage` NULL: created since), and the
    condition "has not moved since" on Opportunity.

    Only a deal with moves on both sides of the moment can have stood in an open stage then, so the
    history is read from the side with fewer moves (both counted on the time index alone): for a
    recent month the moves since, ranked per deal; for an old one the deals that existed then, each
    seeking its next move. Two moves of a deal at the same time (bulk-loaded history) are taken in
    the order they were written, as the stage timeline does.
    """
    count = select(func.count()).select_from(StageHistory)
    since = conn.execute(count.where(StageHistory.changed_at >= moment)).scalar_one()
    before = conn.execute(count.where(StageHistory.changed_at < moment)).scalar_one()
    live = StageHistory.deleted_at.is_(None)
    if since <= before:  # said to be few, so that SQLite reads them through the time index
        few = likely(StageHistory.changed_at >= moment, 0.05)
        rank = func.row_number().over(partition_by=StageHistory.opportunity_id, order_by=_move_order(HISTORY))
        ranked = (select(StageHistory.opportunity_id.label("deal"), StageHistory.from_stage_id.label("stage"),
                         StageHistory.amount_satang.label("amount"), rank.label("n"))
                  .where(few, live).subquery())
        first = select(ranked.c.deal, ranked.c.stage, ranked.c.amount).where(ranked.c.n == 1).subquery()
        return first, Opportunity.id.not_in(select(StageHistory.opportunity_id).where(few, live))
    existed = Opportunity.id.in_(select(StageHistory.opportunity_id).where(StageHistory.changed_at < moment, live))
    move, seek = HISTORY.alias("move"), HISTORY.alias("seek")
    next_move = (select(_move_order(seek)[1])
                 .where(seek.c.opportunity_id == Opportunity.id, seek.c.changed_at >= moment,
                        seek.c.deleted_at.is_(None))
                 .order_by(*_move_order(seek)).limit(1).scalar_subquery())
    first = (select(Opportunity.id.label("deal"), move.c.from_stage_id.label("stage"),
                    move.c.amount_satang.label("amount"))
             .join(move, _move_order(move)[1] == next_move).where(existed).subquery())
    later = select(StageHistory.id).where(StageHistory.opportunity_id == Opportunity.id,
                                              StageHistory.changed_at >= moment, live)
    return first, existed & ~exists(later)


def _deals(flt: ReportFilter, stmt: Select[Any]) -> Select[Any]:
    return with_customer(stmt, flt, Opportunity.account_id, Opportunity.contact_id).where(
        Opportunity.deleted_at.is_(None), *deal_conditions(flt))


def pipeline_by_stage(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Open deals per open stage, in stage order: count, amount, the stage's probability, weighted
    amount (each deal at its own probability, which is its stage's unless the rep set another); the
    total row is the weighted pipeline."""
    day, ended = _moment(flt, today)
    moment = utc_midnight(day)
    open_stages = stages(db, ("open",))
    open_ids = [s.id for s in open_stages]
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    with db.engine.connect() as conn:
        first, unmoved_since = _moves_after(conn, moment)
        unmoved = _deals(flt, select(
            Opportunity.stage_id, func.count(), sum_of(Opportunity.amount_satang),
            sum_of(Opportunity.amount_satang * Opportunity.probability),
        ).select_from(Opportunity)).where(Opportunity.stage_id.in_(open_ids), unmoved_since).group_by(
            Opportunity.stage_id)
        rebuilt = _deals(flt, select(
            first.c.stage, func.count(), sum_of(first.c.amount), sum_of(first.c.amount * Stage.probability),
        ).select_from(first).join(Opportunity, Opportunity.id == first.c.deal).join(Stage, Stage.id == first.c.stage)
        ).where(first.c.stage.in_(open_ids)).group_by(first.c.stage)
        for stmt in (unmoved, rebuilt):
            for stage_id, count, amount, product in conn.execute(stmt):
                part = sums[stage_id]
                part[0] += count
                part[1] += amount or 0
                part[2] += product or 0
    rows = []
    for stage in open_stages:
        count, amount, product = sums.get(stage.id, (0, 0, 0))
        rows.append((stage.name, count, amount, float(stage.probability), round_pct(product)))
    total = [sum(x) for x in zip(*sums.values(), strict=True)] if sums else [0, 0, 0]
    return ReportTable(
        "pipeline_by_stage",
        (Column("stage", "text"), Column("deals", "count"), Column("amount", "money"),
         Column("probability", "percent"), Column("weighted", "money")),
        tuple(rows),
        (None, total[0], total[1], None, round_pct(total[2])),
        Chart("bar", "stage", ("amount", "weighted")),
        tuple(open_ids),
        "as_of_period_end" if ended else "as_of_today",
    )


# --- Won and lost ---------------------------------------------------------------------------


def closed_deals(flt: ReportFilter) -> Select[Any]:
    """(owner_id, kind, amount, loss_reason, competitor) of each deal won or lost in the period:
    now in a won or lost stage, moved into it in the period (office local time)."""
    start, end = utc_midnight(flt.start), utc_midnight(flt.end)
    closing = select(Stage.id).where(Stage.kind.in_(CLOSED))
    # Candidates first (a move into a closed stage in the period), so only they pay for the
    # "is that still its latest move" lookup.
    candidates = select(StageHistory.opportunity_id).where(
        StageHistory.changed_at >= start, StageHistory.changed_at < end, StageHistory.deleted_at.is_(None),
        StageHistory.to_stage_id.in_(closing),
    )
    deals = _deals(flt, select(
        Opportunity.owner_id, Stage.kind, Opportunity.amount_satang.label("amount"), Opportunity.loss_reason,
        Opportunity.competitor, entered_at(),
    ).select_from(Opportunity).join(Stage, Stage.id == Opportunity.stage_id)).where(
        Opportunity.id.in_(candidates), Stage.kind.in_(CLOSED)).subquery()
    return (select(deals.c.owner_id, deals.c.kind, deals.c.amount, deals.c.loss_reason, deals.c.competitor)
            .where(deals.c.entered_at >= start, deals.c.entered_at < end))


def _closed(db: Database, flt: ReportFilter) -> tuple[list[Any], dict[str, str]]:
    """The closed deals of `closed_deals` and the names of every user."""
    with db.engine.connect() as conn:
        return conn.execute(closed_deals(flt)).all(), dict(conn.execute(select(User.id, User.name)).all())


def deals_won_lost(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Per rep (the deal's owner): deals won and lost in the period, their amounts and the win rate;
    the total row is the office's. Reps by amount won, most first (deals without an owner last of equals)."""
    closed, names = _closed(db, flt)
    per_rep: dict[str | None, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for owner, kind, amount, *_ in closed:
        figures = per_rep[owner]
        at = 0 if kind == "won" else 2
        figures[at] += 1
        figures[at + 1] += amount
    def row(name: str | None, won: int, won_amount: int, lost: int, lost_amount: int) -> tuple[Any, ...]:
        return name, won, won_amount, lost, lost_amount, percent(won, won + lost)

    ordered = sorted(per_rep.items(),
                     key=lambda item: (-item[1][1], -item[1][0], item[0] is None, names.get(item[0] or "", "")))
    totals = [sum(x) for x in zip(*per_rep.values(), strict=True)] if per_rep else [0, 0, 0, 0]
    return ReportTable(
        "deals_won_lost",
        (Column("rep", "text"), Column("won", "count"), Column("won_amount", "money"), Column("lost", "count"),
         Column("lost_amount", "money"), Column("win_rate", "percent")),
        tuple(row(names.get(owner, NONE) if owner else NONE, *f) for owner, f in ordered),
        row(None, *totals),
        Chart("bar", "rep", ("won_amount", "lost_amount")),
        tuple(owner for owner, _ in ordered),
    )


def _lost_by(db: Database, flt: ReportFilter, key: str, what: Callable[[Any], str], with_none: bool) -> ReportTable:
    """Lost deals of the period grouped by `what` (those without one, "", last, or left out unless
    `with_none`), most deals first, with their share of all deals lost in the period; the total row
    covers the rows shown."""
    closed, _names = _closed(db, flt)
    lost = [r for r in closed if r.kind == "lost"]
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for deal in lost:
        label = what(deal)
        if label or with_none:
            groups[label][0] += 1
            groups[label][1] += deal.amount
    ordered = sorted(groups.items(), key=lambda item: (item[0] == NONE, -item[1][0], -item[1][1], item[0]))
    count, amount = (sum(x) for x in zip(*groups.values(), strict=True)) if groups else (0, 0)
    label_key = key.removeprefix("lost_by_")
    return ReportTable(
        key,
        (Column(label_key, "text"), Column("deals", "count"), Column("amount", "money"),
         Column("share_of_lost", "percent")),
        tuple((label, n, value, percent(n, len(lost))) for label, (n, value) in ordered),
        (None, count, amount, percent(count, len(lost))),
        Chart("pie", label_key, ("deals",)),
    )


def lost_by_reason(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Why the deals lost in the period were lost (a deal without a reason, which only a sync can
    leave, counts under none)."""
    return _lost_by(db, flt, "lost_by_reason", lambda deal: deal.loss_reason, True)


def lost_by_competitor(db: Database, flt: ReportFilter, today: date) -> ReportTable:
    """Whom the deals lost in the period went to: the deals naming a competitor (the share column
    says what part of all lost deals that is)."""
    return _lost_by(db, flt, "lost_by_competitor", lambda deal: deal.competitor, False)


ANALYSES: dict[str, Callable[[Database, ReportFilter, date], ReportTable]] = {
    "pipeline_by_stage": pipeline_by_stage,
    "deals_won_lost": deals_won_lost,
    "lost_by_reason": lost_by_reason,
    "lost_by_competitor": lost_by_competitor,
}
