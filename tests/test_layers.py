"""The layer rules of DESIGN.md, checked on every import statement in app/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"


def imported_modules(package: str, root: Path = APP) -> list[tuple[str, str]]:
    """(file, imported module) for every import in app/<package>, also inside functions."""
    found = []
    for path in sorted((root / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((path.name, node.module))
    return found


def offending(package: str, forbidden: tuple[str, ...], root: Path = APP) -> list[str]:
    return [
        f"app/{package}/{file} imports {module}"
        for file, module in imported_modules(package, root)
        if any(module == f or module.startswith(f + ".") for f in forbidden)
    ]


def test_core_imports_nothing_but_core_and_the_standard_library() -> None:
    forbidden = (
        "PySide6",
        "sqlalchemy",
        "alembic",
        "psycopg",
        "serial",
        "reportlab",
        "barcode",
        "app.db",
        "app.ui",
        "app.labels",
        "app.scanning",
        "app.services",
        "app.cli",
        "app.bootstrap",
    )
    assert offending("core", forbidden) == []


@pytest.mark.parametrize("package", ["db", "labels", "scanning"])
def test_db_labels_and_scanning_import_no_ui(package: str) -> None:
    assert offending(package, ("app.ui",)) == []


@pytest.mark.parametrize("package", ["db", "labels"])
def test_db_and_labels_import_no_qt(package: str) -> None:
    assert offending(package, ("PySide6",)) == []


def test_ui_imports_no_sqlalchemy() -> None:
    assert offending("ui", ("sqlalchemy", "alembic", "psycopg")) == []


def test_the_checker_catches_a_late_import_and_a_from_import(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "late.py").write_text("def f():\n    import sqlalchemy.orm\n")
    (tmp_path / "ui" / "top.py").write_text("from sqlalchemy import select\nimport json\n")
    assert offending("ui", ("sqlalchemy",), tmp_path) == [
        "app/ui/late.py imports sqlalchemy.orm",
        "app/ui/top.py imports sqlalchemy",
    ]
