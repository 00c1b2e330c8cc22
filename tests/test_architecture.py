"""The layer rules of DESIGN.md §2, checked on every `pytest` run.

The rules themselves are the import-linter contracts in pyproject.toml ([tool.importlinter]): one
layers contract, and forbidden contracts for the external packages. This file runs them and checks
that every contract covers every top-level module it must, so a new package cannot slip past a rule
just because nobody listed it.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "crm_desktop"

# Allowed to use Qt (DESIGN §2).
QT_LAYERS = {"ui", "views"}
# The composition root starts the desktop app, so it reaches Qt through views/ (own contract).
COMPOSITION_ROOT = {"main", "__main__"}


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return {contract["id"]: contract for contract in contracts}


def _top_level_modules() -> set[str]:
    names = set()
    for entry in PACKAGE.iterdir():
        if entry.is_dir() and (entry / "__init__.py").is_file():
            names.add(entry.name)
        elif entry.is_file() and entry.suffix == ".py":
            names.add(entry.stem)
    return names


def _lint_imports_command() -> list[str]:
    # The console script sits beside the interpreter running pytest (bin/ or Scripts/ of the venv).
    script = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.fail('lint-imports not found next to the Python running pytest; run: pip install -e ".[test]"')
    return [script]


def test_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [*_lint_imports_command(), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    assert result.returncode == 0, (
        "import-linter contracts (pyproject.toml [tool.importlinter]) are broken:\n"
        + result.stdout[-8000:]
        + result.stderr[-4000:]
    )


def test_every_non_qt_module_is_forbidden_to_import_qt() -> None:
    listed = set(_contracts()["no-qt-outside-ui"]["source_modules"])
    expected = {f"crm_desktop.{name}" for name in _top_level_modules() - QT_LAYERS - COMPOSITION_ROOT - {"__init__"}}
    missing = sorted(expected - listed)
    assert not missing, (
        f"Add {missing} to source_modules of the 'no-qt-outside-ui' contract in pyproject.toml "
        "(DESIGN §2: nothing outside ui/ and views/ imports PySide6)."
    )


def test_composition_root_does_not_import_qt_itself() -> None:
    listed = set(_contracts()["main-no-direct-qt"]["source_modules"])
    expected = {f"crm_desktop.{name}" for name in _top_level_modules() & COMPOSITION_ROOT}
    missing = sorted(expected - listed)
    assert not missing, f"Add {missing} to source_modules of the 'main-no-direct-qt' contract in pyproject.toml."


def _layer_modules(layer: str) -> set[str]:
    return {name.strip() for part in layer.split("|") for name in part.split(":")}


def test_every_module_has_exactly_one_layer() -> None:
    contract = _contracts()["layers"]
    assert contract["type"] == "layers" and contract["exhaustive"] is True and contract["containers"] == ["crm_desktop"]
    placed = [name for layer in contract["layers"] for name in _layer_modules(layer)]
    assert len(placed) == len(set(placed)), "a module is in two layers"
    expected = _top_level_modules() - {"__init__"}
    assert set(placed) == expected, (
        f"Give {sorted(expected - set(placed))} a layer in the 'layers' contract of pyproject.toml "
        f"(and remove {sorted(set(placed) - expected)})")


def test_the_screens_are_forbidden_to_reach_storage_directly() -> None:
    listed = set(_contracts()["ui-no-storage"]["source_modules"])
    assert listed == {f"crm_desktop.{name}" for name in QT_LAYERS}


def test_everything_but_db_is_forbidden_the_sqlite_driver() -> None:
    listed = set(_contracts()["storage-in-db"]["source_modules"])
    expected = {f"crm_desktop.{name}" for name in _top_level_modules() - {"__init__", "db"}}
    assert listed == expected, f"'storage-in-db' must list every module but db/: add {sorted(expected - listed)}"


# Storage stays in db/: models/ may state a partial index's condition (schema, not a query).
SQL_HOMES = {"db", "models"}
SQL_CLAUSES = {"text", "literal_column"}  # SQLAlchemy's ways to hand it SQL as a string
DRIVER = {"driver_connection", "exec_driver_sql", "executemany", "executescript"}


def _raw_sql(path: Path) -> list[str]:
    """Where a module writes SQL itself: SQLAlchemy's text or literal_column, the driver's connection,
    or a string handed to execute()."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    clauses = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               and (node.module or "").startswith("sqlalchemy") for alias in node.names if alias.name in SQL_CLAUSES}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in DRIVER:
            found.append(f"{path.name}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in clauses:
            found.append(f"{path.name}:{node.lineno} {node.func.id}()")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "execute"
              and node.args and isinstance(node.args[0], ast.Constant | ast.JoinedStr)):
            found.append(f"{path.name}:{node.lineno} execute(SQL)")
    return found


def test_raw_sql_stays_in_db() -> None:
    outside = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in SQL_HOMES]
    found = [hit for path in outside for hit in _raw_sql(path)]
    assert not found, f"SQL belongs in db/, behind a small function: {found}"
