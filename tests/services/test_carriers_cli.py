"""`kenpin carriers add-range | import`: exit statuses and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def test_add_range_then_an_overlapping_range_is_refused(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--db", db_url, "carriers", "add-range"]
    assert main([*base, "yamato", "12345678900", "12345678999"]) == 0
    assert "yamato: 100 tracking numbers added (1234-5678-9002" in capsys.readouterr().out
    assert main([*base, "yamato", "12345678950", "12345679999"]) == 1
    assert "overlaps the yamato block 12345678900..12345678999" in capsys.readouterr().err
    assert main([*base, "sagawa", "12345679000", "12345679999"]) == 0


def test_an_unknown_carrier_is_refused(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "carriers", "add-range", "ups", "1", "2"]) == 1
    assert capsys.readouterr().err == (
        'kenpin: carrier: "ups" is not a carrier code (yamato, sagawa, japanpost, generic)\n'
    )


def test_importing_numbers_for_unknown_orders_names_each_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("order_number,tracking\n#1,123456789003\n#2,123456789012\n")
    assert main(["--db", db_url, "carriers", "import", str(numbers)]) == 1
    err = capsys.readouterr().err
    assert "numbers.csv:2:" in err and "numbers.csv:3:" in err
