"""The record of what one user action changed: kinds as constants, one set per action, who asked."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from crm_desktop.services.changes import Changes, Entity, change
from crm_desktop.sync.records import synced_tables

VIEWS = Path(__file__).parent.parent / "crm_desktop"


def test_every_synced_kind_is_an_entity_so_a_sync_report_can_name_it() -> None:
    assert {e.value for e in Entity} == set(synced_tables())


def test_a_part_takes_the_table_name_sync_builds_it_with_and_refuses_an_unknown_one() -> None:
    part = Changes("account", created=("a1",))
    assert part.entity is Entity.ACCOUNT and part.ids == ("a1",)
    with pytest.raises(ValueError, match="forecast"):
        Changes("forecast")  # the table is forecast_snapshot


def test_parts_of_one_kind_join_and_an_untouched_kind_reads_empty() -> None:
    done = change(Entity.LEAD, updated=("l1",)) | change(Entity.ACCOUNT, created=("a1",)) | change(
        Entity.LEAD, created=("l2",), updated=("l1", "l3"))
    assert done.entities == (Entity.LEAD, Entity.ACCOUNT)
    assert done[Entity.LEAD] == Changes(Entity.LEAD, created=("l2",), updated=("l1", "l3"))
    assert done[Entity.CONTACT] == Changes(Entity.CONTACT)
    assert Entity.ACCOUNT in done and Entity.CONTACT not in done
    assert done.touches(Entity.CONTACT, Entity.ACCOUNT) and not done.touches(Entity.USER)
    assert done.created == ("l2", "a1") and done.ids == ("l2", "l1", "l3", "a1")


def test_matching_a_name_that_is_no_kind_raises_instead_of_never_matching() -> None:
    done = change(Entity.FORECAST, created=("f1",))
    with pytest.raises(ValueError):
        done.touches("forecast")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        assert "forecast" in done


def test_the_initiator_is_who_asked_and_takes_no_part_in_equality() -> None:
    asker, other = object(), object()
    done = change(Entity.USER, updated=("u1",))
    stamped = done.by(asker)
    assert stamped == done and stamped.made_by(asker)
    assert not stamped.made_by(other) and not done.made_by(None) and not done.made_by(asker)
    assert (stamped | change(Entity.SETTING, updated=("k",))).made_by(asker)


def _change_handlers(tree: ast.AST) -> list[ast.FunctionDef]:
    """Functions that take a change set (on_changes, related_changed…)."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
            and any(arg.annotation is not None and ast.unparse(arg.annotation) in ("ChangeSet", "Changes")
                    for arg in node.args.args)]


def test_views_match_changes_on_entity_constants_never_on_table_names() -> None:
    kinds = {e.value for e in Entity}
    spelt = []
    for folder in ("views", "ui"):
        for path in sorted((VIEWS / folder).rglob("*.py")):
            for handler in _change_handlers(ast.parse(path.read_text(encoding="utf-8"))):
                spelt += [f"{path.name}:{node.lineno} {node.value!r}" for node in ast.walk(handler)
                          if isinstance(node, ast.Constant) and node.value in kinds]
    assert spelt == []
