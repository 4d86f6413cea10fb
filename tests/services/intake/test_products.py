"""`kenpin import products`: products, barcodes, default bins; re-imports; every bad row named."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import InputRejected
from app.core.intake.products import COLUMNS
from app.db.database import Database
from app.db.models import Barcode, Location, Product
from app.services.intake import import_products
from tests.intake_support import row_counts, write_csv

HEADER = list(COLUMNS)


def _products(db: Database) -> dict[str, Product]:
    with db.read() as s:
        return {p.sku: p for p in s.scalars(select(Product))}


def _codes(db: Database) -> dict[str, tuple[str, str, int]]:
    with db.read() as s:
        rows = s.execute(
            select(Barcode.code, Product.sku, Barcode.kind, Barcode.qty).join(Product)
        ).all()
    return {code: (sku, kind, qty) for code, sku, kind, qty in rows}


def _bins(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Location.code).order_by(Location.walk_seq)))


def test_products_come_in_with_unit_and_case_barcodes_bins_and_tracking(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "products.csv",
        HEADER,
        [
            ["TEA-1", "緑茶 100g", "4901234567894", "14901234567891", "12", "A-2-10", "120"],
            ["TEA-2", "紅茶", "4512345678906|ITEM-0002", "", "", "A-2-9", "", "1", "1", "赤", "90"],
            ["TEA-3", "番茶", "12345678901", "", "", "", "", "0", "0", "", ""],
        ],
    )
    result = import_products(db, path)
    assert str(result) == (
        "products.csv: 3 products added, 0 updated, 0 unchanged; 5 barcodes added; 2 new bins"
    )
    products = _products(db)
    tea2 = products["TEA-2"]
    assert (tea2.name, tea2.variant, tea2.lot_tracked, tea2.expiry_tracked) == ("紅茶", "赤", 1, 1)
    assert tea2.min_shelf_life_days == 90 and tea2.weight_g is None
    assert products["TEA-1"].weight_g == 120 and not products["TEA-1"].lot_tracked
    assert _codes(db) == {
        "4901234567894": ("TEA-1", "unit", 1),
        "14901234567891": ("TEA-1", "case", 12),
        "4512345678906": ("TEA-2", "unit", 1),
        "ITEM-0002": ("TEA-2", "unit", 1),
        "12345678901": ("TEA-3", "unit", 1),
    }
    with db.read() as s:
        default_bins = dict(
            s.execute(
                select(Product.sku, Location.code).join(
                    Location, Location.id == Product.default_location_id
                )
            ).all()
        )
    assert default_bins == {"TEA-1": "A-2-10", "TEA-2": "A-2-9"}
    # Natural order: A-2-9 is walked before A-2-10.
    assert _bins(db) == ["A-2-9", "A-2-10"]


def test_the_same_file_again_adds_nothing_and_says_so(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "products.csv", HEADER[:3], [["A", "Apple", "4901234567894"]])
    import_products(db, path)
    before = row_counts(db)
    again = import_products(db, path)
    assert str(again).startswith("products.csv: already imported on ")
    assert str(again).endswith("; nothing added")
    assert row_counts(db) == before


def test_a_reimport_updates_given_fields_adds_barcodes_and_keeps_the_rest(
    db: Database, tmp_path: Path
) -> None:
    first = [
        ["A", "Apple", "4901234567894", "", "", "B-1", "100", "1", "0", "red", ""],
        ["B", "Banana", "ITEM-B", "", "", "B-2", "", "", "", "", ""],
        ["C", "Cherry", "ITEM-C", "", "", "", "", "", "", "", ""],
    ]
    import_products(db, write_csv(tmp_path / "p1.csv", HEADER, first))
    second = [
        # Empty cells: keep what is stored (weight, flags, variant, bin).
        ["A", "Apple (new label)", "4901234567894|ITEM-A2", "", "", "", "", "", "", "", ""],
        ["B", "Banana", "ITEM-B", "", "", "B-10", "", "", "", "", ""],
        ["C", "Cherry", "ITEM-C", "", "", "", "", "", "", "", ""],
        ["D", "Date", "ITEM-D", "", "", "", "", "", "", "", ""],
    ]
    result = import_products(db, write_csv(tmp_path / "p2.csv", HEADER, second))
    assert (result.added, result.updated, result.unchanged, result.barcodes) == (1, 2, 1, 2)
    assert "1 product added, 2 updated, 1 unchanged; 2 barcodes added; 1 new bin" in str(result)
    a = _products(db)["A"]
    assert (a.name, a.weight_g, a.lot_tracked, a.variant) == ("Apple (new label)", 100, 1, "red")
    assert _codes(db)["ITEM-A2"] == ("A", "unit", 1)
    assert _codes(db)["4901234567894"] == ("A", "unit", 1)
    assert _bins(db) == ["B-1", "B-2", "B-10"]


def test_every_bad_row_is_named_and_nothing_changes(db: Database, tmp_path: Path) -> None:
    import_products(db, write_csv(tmp_path / "p0.csv", HEADER[:3], [["OLD", "Old", "ITEM-OLD"]]))
    before = row_counts(db)
    path = write_csv(
        tmp_path / "products.csv",
        HEADER,
        [
            ["OK-1", "Fine", "4901234567894"],
            ["BAD-1", "Bad check digit", "4901234567895"],
            ["BAD-2", "Taken in the database", "ITEM-OLD"],
            ["BAD-3", "Taken in this file", "4901234567894"],
            ["BAD-4", "Case needs qty", "ITEM-4", "14901234567891", ""],
            ["BAD-5", "Case of one", "ITEM-5", "14901234567891", "1"],
            ["BAD-6", "Flag", "ITEM-6", "", "", "", "heavy", "yes"],
            ["OK-1", "Twice", "ITEM-7"],
            ["", "", ""],
            ["BAD-8", "Bad code list", "ITEM-8||ITEM-9"],
        ],
    )
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert [str(p) for p in refused.value.problems] == [
        'products.csv:3: barcode: "4901234567895" has an invalid check digit',
        'products.csv:4: barcode: "ITEM-OLD" already belongs to OLD',
        'products.csv:5: barcode: "4901234567894" is already used by OK-1 on line 2',
        "products.csv:6: case_qty: a case barcode needs case_qty (2 or more units)",
        'products.csv:7: case_qty: "1" must be at least 2',
        'products.csv:8: weight_g: "heavy" is not a whole number',
        'products.csv:8: lot_tracked: "yes" is not 0 or 1',
        'products.csv:9: sku: "OK-1" is already on line 2',
        'products.csv:11: barcode: "ITEM-8||ITEM-9" has an empty code between "|"',
    ]
    assert row_counts(db) == before


def test_a_blank_row_of_commas_is_skipped_but_empty_required_cells_are_problems(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "products.csv",
        HEADER[:3],
        [["A", "Apple", "ITEM-A"], ["", "", ""], ["B", "", ""]],
    )
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert [str(p) for p in refused.value.problems] == [
        "products.csv:4: name: empty (a value is required)",
        "products.csv:4: barcode: empty (a value is required)",
    ]
    assert row_counts(db)["products"] == 0


def test_a_missing_required_column_is_named(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "products.csv", ["sku", "barcode"], [["A", "ITEM-A"]])
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert [str(p) for p in refused.value.problems] == [
        "products.csv:1: name: required column is missing from the header"
    ]
    assert row_counts(db)["products"] == 0


def test_a_barcode_moving_to_another_sku_names_both(db: Database, tmp_path: Path) -> None:
    import_products(db, write_csv(tmp_path / "a.csv", HEADER[:3], [["A", "A", "4901234567894"]]))
    with pytest.raises(InputRejected, match='barcode: "4901234567894" already belongs to A'):
        import_products(
            db, write_csv(tmp_path / "b.csv", HEADER[:3], [["B", "B", "4901234567894"]])
        )
    assert _codes(db) == {"4901234567894": ("A", "unit", 1)}
