"""Freezing the sales forecast (DESIGN §5): each month's forecast is kept as it was made when the month
started, so that "forecast against actual" later compares what was really predicted, not a backfit.

The figures come from the read side (`queries.reports.forecast.month_forecasts`, or `backtest_forecasts`
for sample data); this service only keeps them, through the unit of work, so the change log and file
sync carry them like any record. A month is frozen once: a figure for a month and rep already kept is
left as it is, whatever the data say now. Ids are fixed from month and rep, so two copies freezing the
same month write the same row and converge after a sync (the later clock wins, as for any field).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.forecast import MonthFigure
from crm_desktop.models import ForecastSnapshot, fixed_id
from crm_desktop.services.changes import Changes

ENTITY = "forecast_snapshot"


def snapshot_id(month: str, owner_id: str | None) -> str:
    """One kept forecast per month and rep (no rep: the whole business) on every copy."""
    return fixed_id(ENTITY, f"{month}:{owner_id or ''}")


def freeze_forecasts(uow: UnitOfWork, figures: Iterable[MonthFigure], today: date) -> Changes:
    """Keep each figure not kept yet; a "frozen" figure is for the month of `today`, a "backtest" one for
    an earlier month. Calling it again in the same month changes nothing."""
    current = f"{today.year:04d}-{today.month:02d}"
    figures = list(figures)
    created: list[str] = []
    with uow:
        kept = uow.forecasts.kept([snapshot_id(f.month, f.owner_id) for f in figures])
        for figure in figures:
            if (figure.month == current) != (figure.kind == "frozen"):
                raise ValidationError("month", "Only the current month's forecast can be frozen.")
            row_id = snapshot_id(figure.month, figure.owner_id)
            if row_id in kept:
                continue
            kept.add(row_id)
            uow.forecasts.add(ForecastSnapshot(
                id=row_id, month=figure.month, owner_id=figure.owner_id, amount_satang=figure.amount_satang,
                baseline_satang=figure.baseline_satang, pipeline_satang=figure.pipeline_satang,
                method=figure.method, history_months=figure.history_months, kind=figure.kind, made_on=today))
            created.append(row_id)
        uow.commit()
    return Changes(ENTITY, created=tuple(created))
