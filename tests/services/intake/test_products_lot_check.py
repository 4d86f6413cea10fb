"""The products file's `lot_check` column: how a lot product's unit proves its lot at the bench."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import InputRejected
from app.core.scans import LotCheck
from app.db.database import Database
from app.db.models import Product
from app.services.intake import import_products
from tests.intake_support import row_counts, write_csv


def _checks(db: Database) -> dict[str, LotCheck]:
    with db.read() as s:
        return dict(s.execute(select(Product.sku, Product.lot_check)).all())


def test_lot_check_is_read_in_any_column_and_defaults_to_gs1(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "products.csv",
        ["lot_check", "sku", "lot_tracked", "name", "barcode"],
        [
            ["confirm", "TEA", "1", "緑茶", "4901234567894"],
            ["gs1", "VITC", "1", "ビタミンC", "ITEM-VITC"],
            ["", "HONEY", "1", "はちみつ", "ITEM-HONEY"],
            ["ＣＯＮＦＩＲＭ", "JAM", "1", "ジャム", "ITEM-JAM"],
        ],
    )
    import_products(db, path)
    assert _checks(db) == {
        "TEA": LotCheck.CONFIRM,
        "VITC": LotCheck.GS1,
        "HONEY": LotCheck.GS1,
        "JAM": LotCheck.CONFIRM,
    }


def test_a_file_without_the_column_makes_gs1_products(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "products.csv", ["sku", "name", "barcode"], [["A", "A", "ITEM-A"]])
    import_products(db, path)
    assert _checks(db) == {"A": LotCheck.GS1}


def test_a_reimport_changes_the_check_and_an_empty_cell_keeps_it(
    db: Database, tmp_path: Path
) -> None:
    header = ["sku", "name", "barcode", "lot_check"]
    import_products(
        db,
        write_csv(
            tmp_path / "p1.csv", header, [["A", "A", "ITEM-A", "confirm"], ["B", "B", "ITEM-B", ""]]
        ),
    )
    result = import_products(
        db,
        write_csv(
            tmp_path / "p2.csv", header, [["A", "A", "ITEM-A", ""], ["B", "B", "ITEM-B", "confirm"]]
        ),
    )
    assert (result.updated, result.unchanged) == (1, 1)
    assert _checks(db) == {"A": LotCheck.CONFIRM, "B": LotCheck.CONFIRM}


def test_an_unknown_lot_check_is_named_at_its_line_and_nothing_is_imported(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "products.csv",
        ["sku", "name", "barcode", "lot_check"],
        [
            ["A", "A", "ITEM-A", "confirm"],
            ["B", "B", "ITEM-B", "strict"],
            ["C", "C", "ITEM-C", "1"],
        ],
    )
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert [str(p) for p in refused.value.problems] == [
        'products.csv:3: lot_check: "strict" is not a lot check (gs1, confirm)',
        'products.csv:4: lot_check: "1" is not a lot check (gs1, confirm)',
    ]
    assert row_counts(db)["products"] == 0
