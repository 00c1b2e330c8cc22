"""Users and office-wide settings."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Setting, User, fixed_id


class UserRepository(Repository[User]):
    model = User

    def count(self) -> int:
        """Counted from the table: every start's seed asks (ARCHITECTURE.md, Start-up)."""
        return self.session.scalar(select(func.count()).select_from(User.__table__)) or 0


class SettingRepository:
    """Office-wide key/value settings with fixed ids, so every copy edits the same rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def value(self, key: str, default: str = "") -> str:
        """Read through the table (after the session's pending writes): loading the mapped row made
        SQLAlchemy configure every mapper, 40 ms of a start that asks for the company's name."""
        setting = Setting.__table__.c
        found = self.session.execute(select(setting.value).where(
            setting.id == fixed_id("setting", key), setting.deleted_at.is_(None))).scalar()
        return default if found is None else str(found)

    def set_value(self, key: str, value: str) -> None:
        row = self.session.get(Setting, fixed_id("setting", key))
        if row is None:
            self.session.add(Setting(id=fixed_id("setting", key), key=key, value=value))
        else:
            row.value = value

    def values_under(self, prefix: str) -> dict[str, str]:
        """The live settings whose key starts with `prefix`, by the rest of their key."""
        stmt = select(Setting.key, Setting.value).where(Setting.key.startswith(prefix, autoescape=True),
                                                        Setting.deleted_at.is_(None))
        return {key[len(prefix):]: value for key, value in self.session.execute(stmt) if key.startswith(prefix)}
