"""The layer rules of DESIGN.md, checked on every import statement in app/, and no import
cycles among app's modules."""

from __future__ import annotations

import ast
import functools
from collections import deque
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"


def imported_modules(package: str, root: Path = APP) -> list[tuple[str, str]]:
    """(file, imported name) for every import in app/<package>, also inside functions and
    under `if TYPE_CHECKING:`; relative imports resolved, and a from-import of our own
    modules as the full name (`from app import ui` is `app.ui`)."""
    found = []
    for path in sorted((root / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        file = path.relative_to(root).as_posix()
        found += [(file, name) for name in _imported_names(path, root)]
    return found


def _imported_names(path: Path, root: Path) -> list[str]:
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            if base == "app" or base.startswith("app."):
                names += [f"{base}.{alias.name}" for alias in node.names]
            else:
                names.append(base)
    return names


def offending(package: str, forbidden: tuple[str, ...], root: Path = APP) -> list[str]:
    return [
        f"app/{file} imports {module}"
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


@pytest.mark.parametrize("package", ["db", "labels", "scanning", "services"])
def test_db_labels_scanning_and_services_import_no_ui(package: str) -> None:
    assert offending(package, ("app.ui",)) == []


@pytest.mark.parametrize("package", ["db", "labels", "scanning"])
def test_db_labels_and_scanning_import_no_services(package: str) -> None:
    assert offending(package, ("app.services",)) == []


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


def test_the_checker_resolves_relative_imports_and_from_app_imports(tmp_path: Path) -> None:
    (tmp_path / "services" / "station").mkdir(parents=True)
    (tmp_path / "services" / "station" / "pack.py").write_text("from ...ui import view\n")
    (tmp_path / "services" / "labels.py").write_text("from app import ui\nfrom . import db\n")
    assert offending("services", ("app.ui",), tmp_path) == [
        "app/services/labels.py imports app.ui",
        "app/services/station/pack.py imports app.ui.view",
    ]


# -- Import cycles ------------------------------------------------------------------------------


def module_name(path: Path, root: Path) -> str:
    """`app.db.models` for app/db/models.py, `app.db` for app/db/__init__.py."""
    parts = ["app", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache  # two tests read the same tree
def import_graph(root: Path = APP) -> dict[str, set[str]]:
    """app module -> the app modules it imports, from every import statement it holds (also
    inside functions and under `if TYPE_CHECKING:`), relative imports resolved."""
    files = {
        module_name(path, root): path
        for path in sorted(root.rglob("*.py"))
        if "migrations" not in path.relative_to(root).parts
    }

    def known(name: str) -> str | None:
        # `import app.db.models` names a module; `from app.db.models import Order` names a
        # module's attribute: either way the edge goes to the innermost module named.
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        targets = {known(name) for name in _imported_names(path, root)}
        graph[module] = {t for t in targets if t and t != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[str]:
    """Every import edge that lies on a cycle, as the shortest cycle through it, `a -> b -> a`
    (each cycle once, starting at its alphabetically first module)."""
    found = set()
    for start in sorted(graph):
        for first in sorted(graph[start]):
            path = _shortest_path(graph, first, start)
            if path is None:
                continue
            ring = [start, *path[:-1]]
            turn = ring.index(min(ring))
            ring = ring[turn:] + ring[:turn]
            found.add(" -> ".join([*ring, ring[0]]))
    return sorted(found)


def _shortest_path(graph: dict[str, set[str]], source: str, target: str) -> list[str] | None:
    came_from: dict[str, str | None] = {source: None}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        if node == target:
            path = [node]
            while (previous := came_from[path[-1]]) is not None:
                path.append(previous)
            return path[::-1]
        for successor in sorted(graph.get(node, ())):
            if successor not in came_from:
                came_from[successor] = node
                queue.append(successor)
    return None


def test_no_import_cycles_among_app_modules() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_checker_catches_late_relative_and_type_checking_imports(
    tmp_path: Path,
) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "__init__.py").write_text("")
    (tmp_path / "db" / "orders.py").write_text("def f():\n    from . import stock\n")
    (tmp_path / "db" / "stock.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.db.orders import f\n"
    )
    (tmp_path / "core.py").write_text("import json\nfrom app.db.stock import TYPE_CHECKING\n")
    (tmp_path / "ui.py").write_text("from .core import json\nimport app.ui\n")
    (tmp_path / "one.py").write_text("from app import two\n")
    (tmp_path / "two.py").write_text("from app.three import x\n")
    (tmp_path / "three.py").write_text("import app.one\n")
    graph = import_graph(tmp_path)
    assert graph["app.ui"] == {"app.core"}  # a module importing itself is no cycle
    assert cycles(graph) == [
        "app.db.orders -> app.db.stock -> app.db.orders",
        "app.one -> app.two -> app.three -> app.one",
    ]
