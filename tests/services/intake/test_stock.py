"""`kenpin import stock`: receipts into bins through the ledger, once per file, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import InputRejected
from app.core.intake.stock import COLUMNS
from app.db import stock
from app.db.database import Database
from app.db.models import AuditEntry, Location, Lot, Product, StockBalance, StockMove
from app.services.intake import import_products, import_stock
from tests.intake_support import row_counts, write_csv

HEADER = list(COLUMNS)


@pytest.fixture
def catalogue(db: Database, tmp_path: Path) -> Database:
    """Three products: plain, lot-tracked, and lot- and expiry-tracked."""
    header = ["sku", "name", "barcode", "lot_tracked", "expiry_tracked"]
    rows = [["PLAIN", "Plain", "ITEM-P", "0", "0"], ["LOT", "Lot", "ITEM-L", "1", "0"]]
    rows.append(["FOOD", "Food", "ITEM-F", "1", "1"])
    import_products(db, write_csv(tmp_path / "products.csv", header, rows))
    return db


def _on_hand(db: Database) -> dict[tuple[str, str, str, dt.date | None], int]:
    with db.read() as s:
        rows = s.execute(
            select(Product.sku, Location.code, Lot.lot_code, Lot.expiry, StockBalance.on_hand)
            .join(Product, Product.id == StockBalance.product_id)
            .join(Location, Location.id == StockBalance.location_id)
            .join(Lot, Lot.id == StockBalance.lot_id)
        ).all()
    return {(sku, loc, lot, expiry): on_hand for sku, loc, lot, expiry, on_hand in rows}


def test_each_row_is_a_receipt_posted_to_the_ledger(catalogue: Database, tmp_path: Path) -> None:
    db = catalogue
    path = write_csv(
        tmp_path / "stock.csv",
        HEADER,
        [
            ["PLAIN", "A-1-2", "10"],
            ["PLAIN", "A-1-2", "５"],  # typed in full width
            ["LOT", "A-1-10", "3", "L-7"],
            ["FOOD", "B-1-1", "4", "F-1", "2027/03/31"],
        ],
    )
    result = import_stock(db, path)
    assert str(result) == "stock.csv: 4 rows received, 22 units added to stock; 3 new bins"
    assert _on_hand(db) == {
        ("PLAIN", "A-1-2", "", None): 15,
        ("LOT", "A-1-10", "L-7", None): 3,
        ("FOOD", "B-1-1", "F-1", dt.date(2027, 3, 31)): 4,
    }
    with db.read() as s:
        moves = s.execute(select(StockMove.reason, StockMove.reference)).all()
        assert stock.check(s) == []
        walk = list(s.scalars(select(Location.code).order_by(Location.walk_seq)))
    assert sorted(moves) == [("import", "stock.csv")] * 4
    assert walk == ["A-1-2", "A-1-10", "B-1-1"]


def test_the_same_stock_file_twice_is_not_counted_twice(
    catalogue: Database, tmp_path: Path
) -> None:
    db = catalogue
    path = write_csv(tmp_path / "stock.csv", HEADER, [["PLAIN", "A-1", "10"]])
    import_stock(db, path)
    before = row_counts(db)
    again = import_stock(db, path)
    assert str(again).startswith("stock.csv: already imported on ")
    assert str(again).endswith("; nothing added")
    assert row_counts(db) == before
    assert _on_hand(db) == {("PLAIN", "A-1", "", None): 10}
    # Another file is another receipt: stock adds up.
    import_stock(db, write_csv(tmp_path / "stock-2.csv", HEADER, [["PLAIN", "A-1", "10"], []]))
    assert _on_hand(db) == {("PLAIN", "A-1", "", None): 20}
    # Each file's stock is an audited change, once.
    with db.read() as s:
        audited = s.execute(
            select(AuditEntry.action, AuditEntry.station, AuditEntry.detail).order_by(AuditEntry.id)
        ).all()
    assert [tuple(row) for row in audited] == [
        ("stock.import", "cli: import stock", "stock.csv: 1 rows, 10 units"),
        ("stock.import", "cli: import stock", "stock-2.csv: 1 rows, 10 units"),
    ]


def test_every_bad_row_is_named_and_no_stock_moves(catalogue: Database, tmp_path: Path) -> None:
    db = catalogue
    import_stock(db, write_csv(tmp_path / "first.csv", HEADER, [["PLAIN", "A-1", "1"]]))
    before = row_counts(db)
    path = write_csv(
        tmp_path / "stock.csv",
        HEADER,
        [
            ["PLAIN", "A-1", "10"],
            ["NOPE", "A-1", "1"],
            ["PLAIN", "A-1", "abc"],
            ["PLAIN", "A-1", "0"],
            ["PLAIN", "A-1", "-3"],
            ["PLAIN", "A-1", "1.5"],
            ["LOT", "A-1", "2"],
            ["FOOD", "A-1", "2", "F-1"],
            ["FOOD", "A-1", "2", "F-1", "2027-02-30"],
            ["PLAIN", "A-1", "1", "L-1", "2027-01-01"],
            ["PLAIN", "", ""],
        ],
    )
    with pytest.raises(InputRejected) as refused:
        import_stock(db, path)
    assert [str(p) for p in refused.value.problems] == [
        'stock.csv:3: sku: "NOPE" is not a known product',
        'stock.csv:4: qty: "abc" is not a whole number',
        'stock.csv:5: qty: "0" must be at least 1',
        'stock.csv:6: qty: "-3" must be at least 1',
        'stock.csv:7: qty: "1.5" is not a whole number',
        "stock.csv:8: lot: LOT is lot-tracked: a lot is required",
        "stock.csv:9: expiry: FOOD is expiry-tracked: an expiry is required",
        'stock.csv:10: expiry: "2027-02-30" is not a date (no such day)',
        "stock.csv:11: lot: PLAIN is not lot-tracked: leave lot empty",
        "stock.csv:11: expiry: PLAIN is not expiry-tracked: leave expiry empty",
        "stock.csv:12: location: empty (a value is required)",
        "stock.csv:12: qty: empty (a value is required)",
    ]
    assert row_counts(db) == before


def test_a_stock_file_without_qty_column_is_refused(catalogue: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "stock.csv", ["sku", "location"], [["PLAIN", "A-1"]])
    with pytest.raises(InputRejected) as refused:
        import_stock(catalogue, path)
    assert [str(p) for p in refused.value.problems] == [
        "stock.csv:1: qty: required column is missing from the header"
    ]
