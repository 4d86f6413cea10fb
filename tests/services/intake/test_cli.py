"""`kenpin import ...` as a clerk runs it: summary on stdout, every problem on stderr, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.cli import main
from tests.intake_support import (
    GENERIC_HEADER,
    SHOPIFY_HEADER,
    address,
    generic_row,
    shopify_row,
    write_csv,
)
from tests.intake_support import row_counts as counts_in


def row_counts(db_url: str) -> dict[str, int]:
    db = open_database(db_url)
    try:
        return counts_in(db)
    finally:
        db.dispose()


def _files(folder: Path) -> dict[str, Path]:
    return {
        "products": write_csv(
            folder / "products.csv",
            ["sku", "name", "barcode", "location"],
            [["TEA", "緑茶", "4901234567894", "A-1"], ["CUP", "湯呑み", "ITEM-CUP", "A-2"]],
        ),
        "stock": write_csv(
            folder / "stock.csv", ["sku", "location", "qty"], [["TEA", "A-1", "20"]]
        ),
        "orders": write_csv(
            folder / "orders.csv",
            GENERIC_HEADER,
            [
                generic_row(**address("1001"), sku="TEA", qty="2"),
                generic_row(order_number="1001", sku="CUP", qty="1"),
            ],
        ),
    }


def test_imports_print_their_summary_and_a_second_run_adds_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _files(tmp_path)
    for what in ("products", "stock", "orders"):
        assert main(["--db", db_url, "import", what, str(files[what])]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "products.csv: 2 products added, 0 updated, 0 unchanged; 2 barcodes added; 2 new bins",
        "stock.csv: 1 row received, 20 units added to stock",
        "orders.csv: 1 order (2 lines) added, 0 unchanged",
    ]
    before = row_counts(db_url)
    for what in ("products", "stock", "orders"):
        assert main(["--db", db_url, "import", what, str(files[what])]) == 0
    for line in capsys.readouterr().out.splitlines():
        assert line.endswith("; nothing added") and "already imported on" in line
    assert row_counts(db_url) == before


def test_a_bad_file_exits_1_naming_every_problem_and_changes_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _files(tmp_path)
    assert main(["--db", db_url, "import", "products", str(files["products"])]) == 0
    before = row_counts(db_url)
    bad = write_csv(
        tmp_path / "orders.csv",
        GENERIC_HEADER,
        [
            generic_row(**address("1001"), sku="TEA", qty="abc"),
            generic_row(**address("1002"), sku="MUG", qty="1"),
        ],
    )
    assert main(["--db", db_url, "import", "orders", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        'orders.csv:2: qty: "abc" is not a whole number',
        'orders.csv:3: sku: "MUG" is not a known product',
        "kenpin: 2 problems; nothing was changed",
    ]
    assert row_counts(db_url) == before


def test_format_and_default_carrier_options(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _files(tmp_path)
    assert main(["--db", db_url, "import", "products", str(files["products"])]) == 0
    export = write_csv(
        tmp_path / "export.csv",
        SHOPIFY_HEADER,
        [
            shopify_row(
                Name="#1",
                Created_at="2026-01-05 10:00:00 +0900",
                Lineitem_quantity="1",
                Lineitem_sku="TEA",
                Shipping_Name="山田",
                Shipping_Address1="1-1",
                Shipping_City="千代田区",
                Shipping_Zip="100-0005",
                Shipping_Province="JP-13",
                Shipping_Method="Standard shipping",
            )
        ],
    )
    assert main(["--db", db_url, "import", "orders", str(export), "--format", "generic"]) == 1
    assert "export.csv:1: order_number: required column is missing" in capsys.readouterr().err
    args = ["--db", db_url, "import", "orders", str(export), "--default-carrier", "sagawa"]
    assert main(args) == 0
    assert main(["--db", db_url, "orders", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0] == "export.csv: 1 order (1 line) added, 0 unchanged"
    assert listing[1].split()[:3] == ["#1", "new", "sagawa"]


def test_a_missing_file_exits_1(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "import", "stock", "/nonexistent/stock.csv"]) == 1
    assert capsys.readouterr().err == "kenpin: stock.csv: no such file\n"
