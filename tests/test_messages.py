"""Every message the core can show a user has a Thai translation (the UI may be in Thai)."""

from __future__ import annotations

import ast
from pathlib import Path

import crm_desktop
from crm_desktop.db.errors import _BY_NAME
from crm_desktop.messages import THAI

ERRORS = {"DomainError", "StorageError", "NotFound", "ValidationError", "UsageError", "BundleRefused",
          "ClockAhead", "Refused", "LoginRefused", "__init__"}
PACKAGE = Path(crm_desktop.__file__).parent


def templates() -> set[str]:
    """English templates passed to a DomainError (or a subclass's super().__init__) anywhere in the core."""
    found: set[str] = set(_BY_NAME.values())
    for path in PACKAGE.rglob("*.py"):
        if path.parts[-2] in {"ui", "views"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ERRORS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value:
                        found.add(arg.value)
    return found


def test_every_core_message_has_thai() -> None:
    missing = sorted(t for t in templates() if t not in THAI)
    assert missing == []


def test_thai_keeps_the_placeholders() -> None:
    for english, thai in THAI.items():
        fields = {p.split("}")[0] for p in english.split("{")[1:]}
        assert fields == {p.split("}")[0] for p in thai.split("{")[1:]}, english
