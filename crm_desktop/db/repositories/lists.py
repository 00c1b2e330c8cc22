"""Pick lists (disqualify reasons, loss reasons…) and activities (nurture tasks)."""

from __future__ import annotations

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Activity, PickList


class PickListRepository(Repository[PickList]):
    model = PickList


class ActivityRepository(Repository[Activity]):
    model = Activity
