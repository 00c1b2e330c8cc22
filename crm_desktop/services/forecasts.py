"""Freezing the sales forecast (DESIGN §5): each month's forecast is kept as it was made when the month
started, so that "forecast against actual" later compares what was really predicted, not a backfit.

The figures come from the read side (`queries.reports.forecast.month_forecasts`, or `backtest_forecasts`
for sample data); this service only keeps them, through the unit of work, so the change log and file
sync carry them like any record. A month is frozen once: a figure for a month and rep already kept (by
this copy, or by another whose file came in first) is left as it is, whatever the data say now.
Two copies that freeze the same month before they see each other's files each keep their own row (the
id is fixed from month, rep and copy): had they written one row, the sync would raise a conflict for a
person to settle every month. Every copy reads the earliest made of them (`queries/reports/forecast.py`),
so all copies show the same track record.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.forecast import MonthFigure
from crm_desktop.models import ForecastSnapshot, fixed_id
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.FORECAST


def snapshot_id(month: str, owner_id: str | None, site_id: str) -> str:
    """One kept forecast per month, rep (no rep: the whole business) and copy."""
    return fixed_id(ENTITY, f"{month}:{owner_id or ''}:{site_id}")


def freeze_forecasts(uow: UnitOfWork, figures: Iterable[MonthFigure], today: date) -> ChangeSet:
    """Keep each figure not kept yet; a "frozen" figure is for the month of `today`, a "backtest" one for
    an earlier month. Calling it again in the same month changes nothing."""
    current = f"{today.year:04d}-{today.month:02d}"
    figures = list(figures)
    created: list[str] = []
    with uow:
        kept = uow.forecasts.kept(sorted({f.month for f in figures}))
        for figure in figures:
            if (figure.month == current) != (figure.kind == "frozen"):
                raise ValidationError("month", "Only the current month's forecast can be frozen.")
            if (figure.month, figure.owner_id) in kept:
                continue
            kept.add((figure.month, figure.owner_id))
            row_id = snapshot_id(figure.month, figure.owner_id, uow.database.site_id)
            uow.forecasts.add(ForecastSnapshot(
                id=row_id, month=figure.month, owner_id=figure.owner_id, amount_satang=figure.amount_satang,
                baseline_satang=figure.baseline_satang, pipeline_satang=figure.pipeline_satang,
                method=figure.method, history_months=figure.history_months, kind=figure.kind, made_on=today))
            created.append(row_id)
        uow.commit()
    return change(ENTITY, created=tuple(created))
