"""`kenpin import expected`: the deliveries the receive station counts against, all or
nothing, every problem located, each delivery number once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.errors import InputRejected
from app.core.intake.expected import COLUMNS
from app.db.database import Database
from app.db.models import Product
from app.db.receiving_models import Delivery, DeliveryLine
from app.services.intake import import_expected, import_products
from tests.intake_support import write_csv

HEADER = list(COLUMNS)


@pytest.fixture
def catalogue(db: Database, tmp_path: Path) -> Database:
    """Three products: plain, lot-tracked, and lot- and expiry-tracked."""
    header = ["sku", "name", "barcode", "lot_tracked", "expiry_tracked"]
    rows = [["PLAIN", "Plain", "ITEM-P", "0", "0"], ["LOT", "Lot", "ITEM-L", "1", "0"]]
    rows.append(["FOOD", "Food", "ITEM-F", "1", "1"])
    import_products(db, write_csv(tmp_path / "products.csv", header, rows))
    return db


def deliveries(db: Database) -> list[tuple[str, str, str, str, int, int, str, dt.date | None]]:
    """(delivery, supplier, status, sku, expected, received, lot, expiry), in order."""
    with db.read() as s:
        rows = s.execute(
            select(
                Delivery.number,
                Delivery.supplier,
                Delivery.status,
                Product.sku,
                DeliveryLine.expected,
                DeliveryLine.received,
                DeliveryLine.lot,
                DeliveryLine.expiry,
            )
            .join(DeliveryLine, DeliveryLine.delivery_id == Delivery.id)
            .join(Product, Product.id == DeliveryLine.product_id)
            .order_by(Delivery.id, DeliveryLine.line_no)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_each_delivery_is_stored_open_with_its_lines(catalogue: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "expected.csv",
        HEADER,
        [
            ["D-100", "丸和食品", "FOOD", "24", "F-9", "2027-03-31"],
            ["D-100", "", "LOT", "6"],  # the supplier named once; a lot read at the bench
            ["D-101", "山田雑貨", "PLAIN", "１２"],
        ],
        encoding="cp932",
    )
    result = import_expected(catalogue, path)
    assert str(result) == "expected.csv: 2 deliveries expected (3 lines, 42 units)"
    assert deliveries(catalogue) == [
        ("D-100", "丸和食品", "open", "FOOD", 24, 0, "F-9", dt.date(2027, 3, 31)),
        ("D-100", "丸和食品", "open", "LOT", 6, 0, "", None),
        ("D-101", "山田雑貨", "open", "PLAIN", 12, 0, "", None),
    ]
    # The same file again adds nothing and says so.
    assert "already imported" in str(import_expected(catalogue, path))
    assert len(deliveries(catalogue)) == 3


def test_every_bad_row_is_named_and_nothing_is_imported(
    catalogue: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_expected(
        catalogue, write_csv(tmp_path / "first.csv", HEADER, [["D-1", "A", "PLAIN", "1"]])
    )
    path = write_csv(
        tmp_path / "expected.csv",
        HEADER,
        [
            ["D-2", "丸和", "NOPE", "3"],
            ["D-2", "別の会社", "PLAIN", "abc"],
            ["D-2", "", "PLAIN", "2", "L-1"],
            ["D-2", "", "LOT", "2", "L-1"],
            ["D-2", "", "LOT", "1", "L-1"],
            ["D-1", "A", "LOT", "1"],
            ["", "", "PLAIN", "1"],
        ],
    )
    with pytest.raises(InputRejected) as refused:
        import_expected(catalogue, path)
    problems = [str(problem) for problem in refused.value.problems]
    assert problems[:5] + problems[6:] == [
        'expected.csv:2: sku: "NOPE" is not a known product',
        'expected.csv:3: supplier: "別の会社": delivery D-2 is from "丸和" (line 2)',
        'expected.csv:3: qty: "abc" is not a whole number',
        "expected.csv:4: lot: PLAIN is not lot-tracked: leave lot empty",
        "expected.csv:6: sku: LOT lot L-1 is also on line 5 of delivery D-2",
        "expected.csv:8: delivery: empty (a value is required)",
    ]
    assert problems[5].startswith("expected.csv:7: delivery: D-1 is already on file (imported ")
    with catalogue.read() as s:
        assert s.scalar(select(func.count()).select_from(Delivery)) == 1
    # The command line says the same, one problem a line, and exits 1.
    assert main(["--db", catalogue.url, "import", "expected", str(path)]) == 1
    assert 'expected.csv:2: sku: "NOPE" is not a known product' in capsys.readouterr().err


def test_a_file_without_a_required_column_names_it(catalogue: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "expected.csv", ["delivery", "sku"], [["D-1", "PLAIN"]])
    with pytest.raises(InputRejected) as refused:
        import_expected(catalogue, path)
    assert [str(p) for p in refused.value.problems] == [
        "expected.csv:1: qty: required column is missing from the header"
    ]
