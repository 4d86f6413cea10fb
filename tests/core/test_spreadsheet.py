"""CSV cells a spreadsheet shows rather than runs, in a file Excel in Japan opens."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.spreadsheet import safe_cell, write_csv


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+81 3 1234", "'+81 3 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("柚子の石けん", "柚子の石けん"),
        ("#1001", "#1001"),
        (-3, "-3"),
        (2.5, "2.5"),
        (Decimal("-0.25"), "-0.25"),
        (True, "true"),
        (None, ""),
        (dt.date(2026, 12, 1), "2026-12-01"),
    ],
)
def test_a_cell_is_made_safe_and_a_number_stays_a_number(value: object, written: str) -> None:
    assert safe_cell(value) == written  # type: ignore[arg-type]


def test_the_file_opens_as_utf8_in_excel_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    rows = write_csv(path, ["sku", "name", "qty"], [["=cmd|' /C calc'!A0", "緑茶", -1]])
    assert rows == 1
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file)) == [
            ["sku", "name", "qty"],
            ["'=cmd|' /C calc'!A0", "緑茶", "-1"],
        ]
    assert not (tmp_path / "out.csv.part").exists()


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"

    def rows() -> object:
        yield ["a"]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_csv(path, ["x"], rows())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
