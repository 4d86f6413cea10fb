"""Every `kenpin` command is in the README's command table (INTERFACES.md: documented)."""

from __future__ import annotations

import re

from app.cli import _parser
from tests import ROOT


def _commands() -> set[str]:
    """`kenpin X` and `kenpin X Y` for every command and sub-command the parser knows."""
    found = set()
    commands = _parser()._subparsers._group_actions[0].choices
    for name, parser in commands.items():
        subs = parser._subparsers
        if subs is None:
            found.add(name)
            continue
        found.update(f"{name} {sub}" for sub in subs._group_actions[0].choices)
    return found


def test_the_shop_settings_commands_are_in_the_readme_command_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # A row's command: its words up to the first argument in capitals or option.
    rows = re.findall(r"^\| `kenpin ([a-z][a-z -]*)", readme, flags=re.MULTILINE)
    listed = {row.strip() for row in rows}
    settings = {command for command in _commands() if command.startswith("settings")}
    assert settings == {"settings show", "settings set"}
    assert settings <= listed
