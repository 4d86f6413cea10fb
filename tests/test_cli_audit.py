"""`kenpin audit verify` and `kenpin audit list`: exit 0 with one line when the chain holds,
exit 1 naming the first broken link; the commands are in the README's command table."""

from __future__ import annotations

import pytest

from app.cli import main
from app.db.database import Database
from app.services.users import add_user
from tests import ROOT
from tests.auditdata import append_rows, behind_the_back


def test_verify_says_the_chain_is_intact_in_one_line(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    append_rows(db, 1234)
    assert main(["--db", db.url, "audit", "verify"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("1,234 audit rows, chain intact; last hash ")


def test_verify_exits_1_naming_a_row_changed_behind_the_applications_back(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    append_rows(db, 20)
    behind_the_back(db, "UPDATE audit_log SET station = 'S9' WHERE id = 12")
    assert main(["--db", db.url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kenpin: audit trail broken: audit row 12 (")
    assert "was changed after it was written" in err
    assert "kenpin: before it, 11 audit rows, chain intact" in err


def test_verify_exits_1_naming_a_removed_row(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    append_rows(db, 20)
    behind_the_back(db, "DELETE FROM audit_log WHERE id IN (5, 6)")
    assert main(["--db", db.url, "audit", "verify"]) == 1
    assert "rows 5 to 6 are missing: audit row 7 (" in capsys.readouterr().err


def test_list_shows_the_newest_rows_of_an_action(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    append_rows(db, 5)
    add_user(db, "Boss", "supervisor", "B-900", "2468")
    assert main(["--db", db.url, "audit", "list", "--action", "user.add"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split()[0] == "6" and "user.add" in line and "Boss (supervisor)" in line
    assert "B-900" not in line
    assert main(["--db", db.url, "audit", "list", "--limit", "2", "--since", "2000-01-01"]) == 0
    assert [row.split()[0] for row in capsys.readouterr().out.splitlines()] == ["6", "5"]
    assert main(["--db", db.url, "audit", "list", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("bad", [["--since", "yesterday"], ["--limit", "0"]])
def test_list_refuses_a_bad_option_as_a_usage_error(tmp_path: object, bad: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["audit", "list", *bad])
    assert exc.value.code == 2


def test_the_audit_commands_are_in_the_readme_command_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| `kenpin ")]
    for command in ("kenpin audit verify", "kenpin audit list"):
        assert any(line.startswith(f"| `{command}") for line in table), command
