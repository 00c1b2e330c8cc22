"""Copies of one office's database for sync tests: each with its own site id, as after installing apart."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.clock import Clock
from crm_desktop.db import bulk
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.sync.records import synced_tables
from tests.time_helpers import make_clock


def new_copy(template: Path, folder: Path, name: str, clock: Clock, site: str | None = None) -> AppContext:
    """A fresh copy: the template file (already migrated and seeded) under a new site id (`site`, or random)."""
    return open_app(lay_copy(template, folder / f"{name}.sqlite3", site), clock=clock)


@contextmanager
def copies_with_codes(template: Path, folder: Path, clock: Clock,
                      sites: dict[str, str]) -> Iterator[dict[str, AppContext]]:
    """One copy per name in `sites`, each under its fixed copy code, closed at the end."""
    made = {name: new_copy(template, folder, name, clock, site=site) for name, site in sites.items()}
    try:
        yield made
    finally:
        for ctx in made.values():
            ctx.close()


def lay_copy(template: Path, path: Path, site: str | None = None) -> Path:
    """The template file at `path`, not opened yet, under a new site id (`site`, or one the app picks when it
    first opens it): what the app's first start makes there, without running every migration (0.5 s) again."""
    shutil.copyfile(template, path)
    with closing(sqlite3.connect(path)) as conn, conn:  # closed before the app opens: see test_desks.py
        conn.execute("DELETE FROM local_state WHERE key = 'site_id'")
        if site is not None:
            conn.execute("INSERT INTO local_state (key, value) VALUES ('site_id', ?)", (site,))
    return path


def make_template(folder: Path) -> Path:
    path = folder / "template.sqlite3"
    open_app(path, clock=make_clock()).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def dump(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    """Every synced table, every column, ordered by id: what converged copies must agree on."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with ctx.database.engine.connect() as conn:
        for name, table in sorted(synced_tables().items()):
            out[name] = [tuple(row) for row in conn.execute(select(*table.columns).order_by(table.c.id))]
    return out


def deferrals(monkeypatch: pytest.MonkeyPatch, least: int = 3) -> list[bulk.DeferredIndexes]:
    """Tables set aside (indexes, live counts) from `least` incoming rows on; each DeferredIndexes is
    listed every time it sets a table aside, as it stands then."""
    monkeypatch.setattr(bulk, "DEFER_MIN", least)
    seen: list[bulk.DeferredIndexes] = []
    real_defer = bulk.DeferredIndexes._defer

    def spy(self: bulk.DeferredIndexes, table: str) -> None:
        real_defer(self, table)
        seen.append(self)

    monkeypatch.setattr(bulk.DeferredIndexes, "_defer", spy)
    return seen
