"""Pick lists (disqualify reasons, loss reasons…), activities and custom yearly dates."""

from __future__ import annotations

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Activity, Anniversary, PickList


class PickListRepository(Repository[PickList]):
    model = PickList


class ActivityRepository(Repository[Activity]):
    model = Activity


class AnniversaryRepository(Repository[Anniversary]):
    model = Anniversary
