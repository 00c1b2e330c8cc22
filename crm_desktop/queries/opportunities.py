"""Read side of the pipeline: deals list, kanban board (lazy per column), weighted totals,
stage timeline, target attainment and the stage list for pickers.

Money is integer satang. Weighted amounts are amount × probability / 100, rounded half up once
per figure (a total is rounded from the exact sum, not summed from rounded rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, case, func, select

from crm_desktop.db.database import Database
from crm_desktop.db.spelling import rowid, total
from crm_desktop.models import Account, Opportunity, Stage, StageHistory, Target, User
from crm_desktop.queries.listing import fetch_by_keys, list_head, list_keys, text_filter
from crm_desktop.queries.stages import StageRow, stage_rows

TABLE = Opportunity.__table__
THAILAND = timedelta(hours=7)


def round_pct(product: int) -> int:
    """Σ amount × probability (percent) as satang, rounded half up."""
    return (product + 50) // 100


# --- Filter and list ------------------------------------------------------------------------


@dataclass(frozen=True)
class OpportunityFilter:
    text: str = ""
    owner_id: str = ""
    stage_id: str = ""
    close_month: str = ""  # "YYYY-MM": expected close in that month
    channel: str = ""
    account_id: str = ""
    stage_kind: str = ""  # "open", "won" or "lost"


@dataclass(frozen=True)
class OpportunityRow:
    id: str
    name: str
    account_name: str
    amount_satang: int
    probability: int
    weighted_satang: int
    expected_close: date | None
    stage_id: str
    stage_name: str
    stage_kind: str
    owner_name: str
    channel: str
    days_in_stage: int
    updated_at: datetime


def month_range(month: str) -> tuple[date, date]:
    """First day of `month` ("YYYY-MM") and of the month after."""
    year, mon = (int(p) for p in month.split("-"))
    first = date(year, mon, 1)
    return first, date(year + mon // 12, mon % 12 + 1, 1)


def _conditions(conn: Connection, flt: OpportunityFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Opportunity.deleted_at.is_(None)]
    for value, column in (
        (flt.owner_id, Opportunity.owner_id),
        (flt.stage_id, Opportunity.stage_id),
        (flt.channel, Opportunity.channel),
        (flt.account_id, Opportunity.account_id),
    ):
        if value:
            cond.append(column == value)
    if flt.stage_kind:
        cond.append(Opportunity.stage_id.in_(select(Stage.id).where(Stage.kind == flt.stage_kind)))
    if flt.close_month:
        first, after = month_range(flt.close_month)
        cond += [Opportunity.expected_close >= first, Opportunity.expected_close < after]
    matched = text_filter(conn, TABLE, flt.text)  # type: ignore[arg-type]
    if matched is not None:
        cond.append(matched)
    return cond


def entered_at() -> Any:
    """When the deal entered its current stage: its latest history row (else its creation)."""
    latest = (
        select(func.max(StageHistory.changed_at))
        .where(StageHistory.opportunity_id == Opportunity.id, StageHistory.deleted_at.is_(None))
        .scalar_subquery()
    )
    return func.coalesce(latest, Opportunity.created_at).label("entered_at")


def _days(today: date, entered: datetime | None) -> int:
    return 0 if entered is None else max(0, (today - entered.date()).days)


SORTS: dict[str, Any] = {
    "name": Opportunity.sort_key,
    "account_name": Account.sort_key,
    "amount_satang": Opportunity.amount_satang,
    "probability": Opportunity.probability,
    "weighted_satang": Opportunity.amount_satang * Opportunity.probability,
    "expected_close": Opportunity.expected_close,
    "stage_name": Stage.position,
    "owner_name": User.name,
    "channel": Opportunity.channel,
    "updated_at": Opportunity.updated_at,
}


def _keys_select(conn: Connection, flt: OpportunityFilter, sort: str, descending: bool) -> Select[Any]:
    stmt = select(Opportunity.id).select_from(TABLE)  # type: ignore[arg-type]
    if sort == "account_name":
        stmt = stmt.outerjoin(Account, Account.id == Opportunity.account_id)
    elif sort == "owner_name":
        stmt = stmt.outerjoin(User, User.id == Opportunity.owner_id)
    elif sort == "stage_name":
        stmt = stmt.join(Stage, Stage.id == Opportunity.stage_id)
    order = entered_at() if sort == "days_in_stage" else SORTS.get(sort, Opportunity.expected_close)
    if sort == "days_in_stage":
        descending = not descending  # more days = entered earlier
    stmt = stmt.where(and_(*_conditions(conn, flt)))
    return stmt.order_by(order.desc() if descending else order, Opportunity.id)


def opportunity_keys(
    db: Database, flt: OpportunityFilter, sort: str = "expected_close", descending: bool = False
) -> list[str]:
    """Ids of every live deal matching `flt`, in display order ("days_in_stage" sorts too,
    but costs one history lookup per matching deal)."""
    return list_keys(db, _keys_select, flt, sort, descending)


def opportunity_head(db: Database, flt: OpportunityFilter, sort: str, descending: bool,
                     limit: int) -> tuple[int, list[str]]:
    """How many live deals match `flt`, and the ids of the first `limit` in display order (the
    list's first screen: a count with no order, and the first rows of one sort, not every key)."""
    return list_head(db, _keys_select, flt, sort, descending, limit, None)


_ROW = (
    select(
        Opportunity.id, Opportunity.name, func.coalesce(Account.name, ""), Opportunity.amount_satang,
        Opportunity.probability, Opportunity.expected_close, Opportunity.stage_id, Stage.name, Stage.kind,
        func.coalesce(User.name, ""), Opportunity.channel, entered_at(), Opportunity.updated_at,
    )
    .select_from(TABLE)  # type: ignore[arg-type]
    .join(Stage, Stage.id == Opportunity.stage_id)
    .outerjoin(Account, Account.id == Opportunity.account_id)
    .outerjoin(User, User.id == Opportunity.owner_id)
)


def _row(r: Any, today: date) -> OpportunityRow:
    (opp_id, name, account, amount, prob, close, stage_id, stage, kind, owner, channel, entered, updated) = r
    return OpportunityRow(
        opp_id, name, account, amount, prob, round_pct(amount * prob), close, stage_id, stage, kind, owner,
        channel, _days(today, entered), updated,
    )


def opportunity_rows(db: Database, keys: Sequence[str], today: date | None = None) -> list[OpportunityRow]:
    """Rows for `keys`, in the same order; keys of deals deleted meanwhile are skipped."""
    today = today or db.time.today()
    with db.engine.connect() as conn:
        found = fetch_by_keys(conn, _ROW, TABLE, keys)  # type: ignore[arg-type]
    return [_row(found[k], today) for k in keys if k in found]


# --- Kanban board ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    id: str
    name: str
    account_name: str
    amount_satang: int
    probability: int
    expected_close: date | None
    owner_name: str
    days_in_stage: int


@dataclass(frozen=True)
class BoardColumn:
    stage: StageRow
    count: int
    total_satang: int
    weighted_satang: int
    cards: tuple[Card, ...]  # the first cards; fetch more with `column_cards(offset=len(cards))`


@dataclass(frozen=True)
class Board:
    columns: tuple[BoardColumn, ...]  # one per open stage, in order
    drop_zones: tuple[StageRow, ...]  # won and lost stages: drop targets without cards


_CARD = (
    select(
        Opportunity.id, Opportunity.name, func.coalesce(Account.name, ""), Opportunity.amount_satang,
        Opportunity.probability, Opportunity.expected_close, func.coalesce(User.name, ""), entered_at(),
    )
    .select_from(TABLE)  # type: ignore[arg-type]
    .outerjoin(Account, Account.id == Opportunity.account_id)
    .outerjoin(User, User.id == Opportunity.owner_id)
)
# Cards in a column: soonest expected close first, deals without a date last.
_CARD_ORDER = (case((Opportunity.expected_close.is_(None), 1), else_=0), Opportunity.expected_close, Opportunity.id)


def _cards(
    conn: Connection, stage_id: str, cond: list[ColumnElement[bool]], offset: int, limit: int, today: date
) -> tuple[Card, ...]:
    stmt = (
        _CARD.where(Opportunity.stage_id == stage_id, *cond)
        .order_by(*_CARD_ORDER)  # type: ignore[arg-type]
        .offset(offset)
        .limit(limit)
    )
    return tuple(Card(*r[:7], days_in_stage=_days(today, r[7])) for r in conn.execute(stmt))


def column_cards(
    db: Database, stage_id: str, flt: OpportunityFilter, offset: int = 0, limit: int = 50, today: date | None = None
) -> list[Card]:
    """The next `limit` cards of one column (lazy paging while the user scrolls it)."""
    today = today or db.time.today()
    with db.engine.connect() as conn:
        return list(_cards(conn, stage_id, _conditions(conn, flt), offset, limit, today))


def _stage_sums(conn: Connection, cond: list[ColumnElement[bool]]) -> dict[str, tuple[int, int, int]]:
    """Per stage id: count, Σ amount, Σ amount × probability (exact, before dividing by 100)."""
    stmt = (
        select(
            Opportunity.stage_id, func.count(), func.coalesce(total(Opportunity.amount_satang), 0),
            func.coalesce(total(Opportunity.amount_satang * Opportunity.probability), 0),
        )
        .where(*cond)
        .group_by(Opportunity.stage_id)
    )
    return {r[0]: (r[1], r[2], r[3]) for r in conn.execute(stmt)}


def board(
    db: Database, flt: OpportunityFilter, per_column_limit: int = 50, today: date | None = None
) -> Board:
    """The kanban board: every open stage with its count and totals over all its matching deals,
    but only the first `per_column_limit` cards."""
    today = today or db.time.today()
    with db.engine.connect() as conn:
        all_stages = stage_rows(conn)
        cond = _conditions(conn, flt)
        open_stages = [s for s in all_stages if s.kind == "open"]
        sums = _stage_sums(conn, [*cond, Opportunity.stage_id.in_([s.id for s in open_stages])])
        columns = []
        for stage in open_stages:
            count, total, product = sums.get(stage.id, (0, 0, 0))
            cards = _cards(conn, stage.id, cond, 0, per_column_limit, today) if count else ()
            columns.append(BoardColumn(stage, count, total, round_pct(product), cards))
    return Board(tuple(columns), tuple(s for s in all_stages if s.kind != "open"))


# --- Weighted pipeline ----------------------------------------------------------------------


@dataclass(frozen=True)
class StageTotal:
    stage: StageRow
    count: int
    total_satang: int
    weighted_satang: int


@dataclass(frozen=True)
class PipelineTotals:
    stages: tuple[StageTotal, ...]  # every live stage (won and lost too), in order
    open_count: int
    open_total_satang: int
    open_weighted_satang: int  # the forecast: open deals only


def pipeline_totals(db: Database, flt: OpportunityFilter | None = None) -> PipelineTotals:
    with db.engine.connect() as conn:
        all_stages = stage_rows(conn)
        sums = _stage_sums(conn, _conditions(conn, flt or OpportunityFilter()))
    rows = []
    count = total = product = 0
    for stage in all_stages:
        c, t, p = sums.get(stage.id, (0, 0, 0))
        rows.append(StageTotal(stage, c, t, round_pct(p)))
        if stage.kind == "open":
            count, total, product = count + c, total + t, product + p
    return PipelineTotals(tuple(rows), count, total, round_pct(product))


# --- Stage timeline -------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    stage_id: str
    stage_name: str
    stage_kind: str
    from_stage_name: str  # "" for the first entry
    entered_at: datetime  # UTC
    left_at: datetime | None  # None: the deal is still in this stage
    days: int  # whole days spent in the stage (until now for the current one)
    duration: timedelta
    changed_by_name: str
    amount_satang: int  # the deal's amount when it entered the stage


def stage_timeline(db: Database, opp_id: str, now: datetime | None = None) -> list[TimelineEntry]:
    """Every stage the deal went through, oldest first, with the time spent in each."""
    now = now or db.time.now()
    to_stage, from_stage = Stage.__table__.alias("to_stage"), Stage.__table__.alias("from_stage")
    stmt = (
        select(
            StageHistory.to_stage_id, to_stage.c.name, to_stage.c.kind, func.coalesce(from_stage.c.name, ""),
            StageHistory.changed_at, func.coalesce(User.name, ""), StageHistory.amount_satang,
        )
        .select_from(StageHistory.__table__)
        .join(to_stage, to_stage.c.id == StageHistory.to_stage_id)
        .outerjoin(from_stage, from_stage.c.id == StageHistory.from_stage_id)
        .outerjoin(User, User.id == StageHistory.changed_by)
        .where(StageHistory.opportunity_id == opp_id, StageHistory.deleted_at.is_(None))
        .order_by(StageHistory.changed_at, rowid(StageHistory.__table__))  # type: ignore[arg-type]
    )
    with db.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    out = []
    for i, (stage_id, name, kind, from_name, entered, who, amount) in enumerate(rows):
        left = rows[i + 1][4] if i + 1 < len(rows) else None
        spent = max(timedelta(0), (left or now) - entered)
        out.append(TimelineEntry(stage_id, name, kind, from_name, entered, left, spent.days, spent, who, amount))
    return out


# --- Targets and attainment -----------------------------------------------------------------


@dataclass(frozen=True)
class AttainmentRow:
    owner_id: str | None
    rep_name: str  # "" for won deals without an owner
    target_satang: int
    won_satang: int
    won_count: int
    percent: float | None  # won / target × 100, one decimal; None without a target
    commission_bp: int
    commission_satang: int  # won × rate, rounded half up


def attainment(db: Database, month: str, utc_offset: timedelta = THAILAND) -> list[AttainmentRow]:
    """Per rep for `month` ("YYYY-MM"): target, won and commission earned.

    Won counts the deals now in a won stage whose move into it happened in the month (local time:
    `utc_offset`, Thailand by default, since history times are UTC), at the deal's current amount,
    credited to the deal's owner. A deal reopened after winning no longer counts.
    """
    first, after = month_range(month)
    start = datetime.combine(first, datetime.min.time()) - utc_offset
    end = datetime.combine(after, datetime.min.time()) - utc_offset
    won_stages = select(Stage.id).where(Stage.kind == "won")
    # Candidates first (deals with a move into a won stage in the month), so only they pay for the
    # "is that still its latest move" lookup; then the deal must still sit in a won stage.
    candidates = select(StageHistory.opportunity_id).where(
        StageHistory.changed_at >= start, StageHistory.changed_at < end, StageHistory.deleted_at.is_(None),
        StageHistory.to_stage_id.in_(won_stages),
    )
    won_deals = (
        select(Opportunity.owner_id.label("owner_id"), Opportunity.amount_satang.label("amount"), entered_at())
        .where(Opportunity.deleted_at.is_(None), Opportunity.id.in_(candidates), Opportunity.stage_id.in_(won_stages))
        .subquery()
    )
    won_stmt = (
        select(won_deals.c.owner_id, func.count(), total(won_deals.c.amount))
        .where(won_deals.c.entered_at >= start, won_deals.c.entered_at < end)
        .group_by(won_deals.c.owner_id)
    )
    target_stmt = select(Target.owner_id, Target.amount_satang, Target.commission_bp).where(
        Target.month == month, Target.deleted_at.is_(None)
    )
    with db.engine.connect() as conn:
        won = {r[0]: (r[1], r[2]) for r in conn.execute(won_stmt)}
        targets = {r[0]: (r[1], r[2]) for r in conn.execute(target_stmt)}
        names = dict(conn.execute(select(User.id, User.name)).all())
    rows = []
    for owner in set(won) | set(targets):
        count, won_amount = won.get(owner, (0, 0))
        target, rate = targets.get(owner, (0, 0))
        percent = round(won_amount * 100 / target, 1) if target else None
        commission = (won_amount * rate + 5000) // 10_000
        rows.append(AttainmentRow(owner, names.get(owner, "") if owner else "", target, won_amount, count, percent,
                                  rate, commission))
    rows.sort(key=lambda r: (r.owner_id is None, r.rep_name.casefold(), r.owner_id or ""))
    return rows
