"""What a service changed, so views refresh just those rows (no global reload)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    entity: str
    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return self.created + self.updated + self.deleted
