"""`kenpin print pick-list | packing-slip | message-card`: files written, refusals exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.cli import main
from tests.labels.test_documents import build_wave, read_pdf


def test_print_commands_write_the_documents(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_wave(open_database(db_url))
    pick, slip = tmp_path / "pick.pdf", tmp_path / "slip.pdf"
    assert main(["--db", db_url, "print", "pick-list", "--out", str(pick)]) == 0
    assert main(["--db", db_url, "print", "packing-slip", "#1001", "--out", str(slip)]) == 0
    assert "pick list written to" in capsys.readouterr().out
    assert sorted(set(read_pdf(pick)[1])) == ["#1001", "#1002", "#1003"]
    assert read_pdf(slip)[1] == ["#1001"]


def test_print_refusals_exit_1_and_write_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_wave(open_database(db_url))
    slip, card = tmp_path / "slip.pdf", tmp_path / "card.pdf"
    assert main(["--db", db_url, "print", "packing-slip", "#9999", "--out", str(slip)]) == 1
    assert main(["--db", db_url, "print", "message-card", "#1001", "--out", str(card)]) == 1
    err = capsys.readouterr().err
    assert "#9999" in err and "#1001" in err
    assert not slip.exists() and not card.exists()
