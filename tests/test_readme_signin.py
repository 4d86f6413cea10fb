"""The README documents what supervisors' sign-in added: the reasons, the options, the
setting."""

from __future__ import annotations

from app.core.scans import Reason
from tests import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_reason_table_names_every_reason() -> None:
    rows = {line.split("|")[1].strip() for line in README.splitlines() if line.startswith("| `")}
    assert {f"`{reason.value}`" for reason in Reason} <= rows


def test_the_command_table_and_settings_name_the_credentials() -> None:
    assert "--badge CODE [--pin PIN] [--as ADMIN_BADGE]` |" in README
    assert (
        "`kenpin label void TRACKING --badge SUPERVISOR_BADGE [--reason TEXT] [--station NAME]` |"
        in README
    )
    assert "`kenpin settings set KEY VALUE --badge ADMIN_BADGE` |" in README
    assert "| `KENPIN_PIN` |" in README
    assert "## Supervisors: signing in" in README
