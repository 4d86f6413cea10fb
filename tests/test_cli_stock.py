"""`kenpin stock list | low | backorders | ledger`, and the products file's reorder point."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.db import stock
from app.db.database import Database
from app.db.models import OrderLine, Product, User
from app.services.users import add_user
from tests.intake_support import write_csv
from tests.stockdata import add_order, add_product, receive

HANAKO = "BADGE-HANAKO-01"


@pytest.fixture
def shop(db: Database) -> Database:
    """TEA in two bins (reorder point 20), RICE in three dated lots, SOAP with none left,
    a backordered order waiting for 5 TEA and 3 RICE (1 RICE of it allocated)."""
    add_user(db, "Hanako", "packer", HANAKO)
    with db.write() as s:
        tea = add_product(s, "TEA")
        rice = add_product(s, "RICE", expiry_tracked=True)
        soap = add_product(s, "SOAP")
        s.execute(update(Product).where(Product.id == tea).values(reorder_point=20))
        s.execute(update(Product).where(Product.id == rice).values(reorder_point=5))
        hanako = s.scalars(select(User.id).where(User.name == "Hanako")).one()
        first = receive(s, tea, "B-01", 6, walk_seq=2)
        receive(s, tea, "A-01", 4, walk_seq=1)
        receive(s, rice, "C-01", 3, lot="L2", expiry=dt.date(2027, 3, 1), walk_seq=3)
        receive(s, rice, "C-01", 2, lot="L1", expiry=dt.date(2026, 12, 31))
        receive(s, rice, "A-01", 1, lot="L3", expiry=dt.date(2027, 6, 30))
        gone = receive(s, soap, "A-01", 2)
        stock.post(s, [stock.Move(gone, on_hand_delta=-2, reason="count", user_id=hanako)])
        stock.post(s, [stock.Move(first, reserved_delta=2, reason="allocate", reference="#1")])
        stock.post(
            s,
            [
                stock.Move(
                    first, on_hand_delta=-1, reason="damaged", reference="torn", user_id=hanako
                )
            ],
        )
        add_order(s, "#1", [(tea, 2)], status="allocated")
        waiting = add_order(s, "#2", [(tea, 5), (rice, 3)], status="backordered")
        add_order(s, "#3", [(rice, 7)], status="cancelled")
        s.execute(
            update(OrderLine)
            .where(OrderLine.order_id == waiting, OrderLine.product_id == rice)
            .values(allocated=1)
        )
    return db


def kenpin(db: Database, *args: str) -> int:
    return main(["--db", db.url, "stock", *args])


def as_json(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert kenpin(db, *args, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_list_prints_each_lot_by_sku_then_walk_then_expiry(
    shop: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kenpin(shop, "list") == 0
    assert capsys.readouterr().out.splitlines() == [
        "sku   bin   lot  expiry      on_hand  reserved  status",
        "RICE  A-01  L3   2027-06-30        1         0  available",
        "RICE  C-01  L1   2026-12-31        2         0  available",
        "RICE  C-01  L2   2027-03-01        3         0  available",
        "TEA   A-01                         4         0  available",
        "TEA   B-01                         5         2  available",
    ]


def test_list_as_json_and_csv_has_the_documented_keys_and_filters(
    shop: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert as_json(shop, capsys, "list", "--sku", "TEA", "--bin", "B-01") == [
        {
            "sku": "TEA",
            "bin": "B-01",
            "lot": "",
            "expiry": None,
            "on_hand": 5,
            "reserved": 2,
            "status": "available",
        }
    ]
    rows = as_json(shop, capsys, "list", "--bin", "C-01")
    assert [(r["sku"], r["lot"], r["expiry"]) for r in rows] == [  # type: ignore[attr-defined]
        ("RICE", "L1", "2026-12-31"),
        ("RICE", "L2", "2027-03-01"),
    ]
    out = tmp_path / "stock.csv"
    assert kenpin(shop, "list", "--sku", "RICE", "--out", str(out)) == 0
    assert capsys.readouterr().out == f"3 rows written to {out}\n"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file)) == [
            ["sku", "bin", "lot", "expiry", "on_hand", "reserved", "status"],
            ["RICE", "A-01", "L3", "2027-06-30", "1", "0", "available"],
            ["RICE", "C-01", "L1", "2026-12-31", "2", "0", "available"],
            ["RICE", "C-01", "L2", "2027-03-01", "3", "0", "available"],
        ]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--sku", "NOPE", 'no product with SKU "NOPE"'), ("--bin", "Z-99", 'no bin "Z-99"')],
)
def test_list_refuses_an_unknown_sku_or_bin(
    shop: Database, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    assert kenpin(shop, "list", option, value) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err


def test_low_stock_sums_bins_less_reserved_and_names_the_backordered_units(
    shop: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    # TEA: 4 + 5 on hand, 2 reserved: 7 available, below 20; RICE 6 is not below 5.
    assert as_json(shop, capsys, "low") == [
        {"sku": "TEA", "name": "item TEA", "available": 7, "reorder_point": 20, "backordered": 5}
    ]
    with shop.write() as s:
        s.execute(update(Product).where(Product.sku == "RICE").values(reorder_point=7))
    assert kenpin(shop, "low") == 0
    assert capsys.readouterr().out.splitlines() == [
        "sku   name       available  reorder_point  backordered",
        "RICE  item RICE          6              7            2",
        "TEA   item TEA           7             20            5",
    ]


def test_backorders_count_units_not_yet_allocated_on_backordered_orders_only(
    shop: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert as_json(shop, capsys, "backorders") == [
        {"sku": "RICE", "name": "item RICE", "backordered": 2, "orders": 1},
        {"sku": "TEA", "name": "item TEA", "backordered": 5, "orders": 1},
    ]


def test_ledger_lists_every_move_of_one_product_oldest_first(
    shop: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    moves = as_json(shop, capsys, "ledger", "TEA")
    assert isinstance(moves, list)
    assert [
        (m["bin"], m["on_hand_delta"], m["reserved_delta"], m["reason"], m["reference"], m["user"])
        for m in moves
    ] == [
        ("B-01", 6, 0, "receipt", "B-01", ""),
        ("A-01", 4, 0, "receipt", "A-01", ""),
        ("B-01", 0, 2, "allocate", "#1", ""),
        ("B-01", -1, 0, "damaged", "torn", "Hanako"),
    ]
    at = dt.datetime.strptime(moves[0]["at"], "%Y-%m-%d %H:%M:%S").astimezone()
    assert abs(at - dt.datetime.now().astimezone()) < dt.timedelta(minutes=5)
    assert kenpin(shop, "ledger", "NOPE") == 1
    assert 'no product with SKU "NOPE"' in capsys.readouterr().err


def test_reorder_point_is_read_from_the_products_file(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = ["sku", "name", "barcode", "reorder_point"]
    good = write_csv(
        tmp_path / "products.csv",
        header,
        [["TEA", "Tea", "TEA-0001", "12"], ["CUP", "Cup", "CUP-0001", ""]],
    )
    assert main(["--db", db.url, "import", "products", str(good)]) == 0
    with db.read() as s:
        points = dict(s.execute(select(Product.sku, Product.reorder_point)).all())
    assert points == {"TEA": 12, "CUP": None}
    # Re-imported, an empty cell keeps the point, as every other optional column does.
    again = write_csv(
        tmp_path / "again.csv",
        header,
        [["TEA", "Tea", "TEA-0001", ""], ["CUP", "Cup", "CUP-0001", "0"]],
    )
    assert main(["--db", db.url, "import", "products", str(again)]) == 0
    assert "1 updated" in capsys.readouterr().out
    with db.read() as s:
        points = dict(s.execute(select(Product.sku, Product.reorder_point)).all())
    assert points == {"TEA": 12, "CUP": 0}


def test_a_bad_reorder_point_is_refused_by_file_and_line_importing_nothing(
    db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = write_csv(
        tmp_path / "products.csv",
        ["sku", "name", "barcode", "reorder_point"],
        [["TEA", "Tea", "TEA-0001", "10"], ["CUP", "Cup", "CUP-0001", "-3"]],
    )
    assert main(["--db", db.url, "import", "products", str(bad)]) == 1
    assert 'products.csv:3: reorder_point: "-3" must be at least 0' in capsys.readouterr().err
    with db.read() as s:
        assert s.scalars(select(Product.sku)).all() == []
