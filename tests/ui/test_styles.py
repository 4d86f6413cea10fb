"""Every Qt style sheet lives in app/ui/styles.py, so the station's look is decided in one place."""

from __future__ import annotations

import ast

from tests import ROOT

UI = ROOT / "app" / "ui"


def inline_style_sheets() -> list[str]:
    """`file:line` of each setStyleSheet call given a literal (or f-string) outside styles.py."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "styles.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setStyleSheet"
                and any(isinstance(arg, ast.Constant | ast.JoinedStr) for arg in node.args)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_style_sheet_is_written_outside_styles_py() -> None:
    assert inline_style_sheets() == []
