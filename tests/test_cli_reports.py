"""`kenpin report` is in the README's command table, like every command."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import _parser

README = Path(__file__).resolve().parent.parent / "README.md"


def _commands() -> list[str]:
    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_every_command_has_a_row_in_the_readme_command_table() -> None:
    rows = [
        line
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `kenpin ")
    ]
    missing = [c for c in _commands() if not any(r.startswith(f"| `kenpin {c}") for r in rows)]
    assert missing == []
    assert any(r.startswith("| `kenpin report packers\\|stations\\|confusions") for r in rows)
