"""Every code a scanner can meet is one kind only: a product's barcode, a badge, an order
number, a tracking number, a bin or a command. A code that another kind already has, or that
a scan would read as another kind, is refused where it is added, naming what it collides with."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.core.carriers import CarrierCode
from app.core.errors import InputRejected, Refused
from app.core.gtin import is_valid_gtin
from app.core.scans import Scan, ScanKind
from app.core.tracking import with_check_digit
from app.db.codes import RegisteredCodes
from app.db.database import Database
from app.db.models import Order, User
from app.db.shipping_models import Parcel, TrackingBlock
from app.scanning.classify import classify
from app.services.carriers import add_range, attach_carrier_number, import_carrier_numbers
from app.services.intake import import_orders, import_products, import_stock
from app.services.users import add_user
from tests.intake_support import (
    GENERIC_HEADER,
    address,
    generic_row,
    row_counts,
    seed_products,
    write_csv,
)
from tests.stationdata import SUPERVISOR_PIN
from tests.stockdata import add_order

JAN = "4901234567894"
UPC = "012345678905"
PRODUCTS = ["sku", "name", "barcode", "location"]


def _problems(refused: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [str(p) for p in refused.value.problems]


def _read_as(db: Database, code: str) -> ScanKind:
    with db.read() as s:
        return classify(Scan(code), RegisteredCodes(s)).kind


def _refused(db: Database, run: object, path: Path) -> list[str]:
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        run(db, path)  # type: ignore[operator]
    assert row_counts(db) == before
    return _problems(refused)


def _users(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(User)) or 0)


def test_a_product_barcode_equal_to_a_badge_is_refused(db: Database, tmp_path: Path) -> None:
    add_user(db, "佐藤 健", "supervisor", "BADGE-SUP-01", SUPERVISOR_PIN)
    path = write_csv(tmp_path / "p.csv", PRODUCTS, [["TEA", "緑茶", "ITEM-1|BADGE-SUP-01"]])
    assert _refused(db, import_products, path) == [
        'p.csv:2: barcode: "BADGE-SUP-01" is already the badge of 佐藤 健'
    ]
    assert _read_as(db, "BADGE-SUP-01") is ScanKind.BADGE


def test_product_codes_and_bins_may_not_take_each_others_codes(
    db: Database, tmp_path: Path
) -> None:
    seed_products(db, tmp_path, "TEA")  # barcode CODE-TEA
    header = ["sku", "location", "qty"]
    import_stock(db, write_csv(tmp_path / "s.csv", header, [["TEA", "A-01", "5"]]))
    rows = [
        ["COFFEE", "珈琲", "A-01"],
        ["COCOA", "ココア", "ITEM-C", "CODE-TEA"],
        ["MILK", "牛乳", "ITEM-M", "B-01"],
        ["SUGAR", "砂糖", "B-01"],
        ["SALT", "塩", "KCMD:SALT"],
        ["PEPPER", "胡椒", "P-1", "P-1"],
    ]
    path = write_csv(tmp_path / "p.csv", PRODUCTS, rows)
    assert _refused(db, import_products, path) == [
        'p.csv:2: barcode: "A-01" is already a bin',
        'p.csv:3: location: "CODE-TEA" is already a barcode of TEA',
        'p.csv:5: barcode: "B-01" is already a bin (line 4)',
        'p.csv:6: barcode: "KCMD:SALT" starts with KCMD:, which only command codes may',
        'p.csv:7: location: "P-1" is already a barcode of PEPPER (line 7)',
    ]
    stock = write_csv(tmp_path / "s2.csv", header, [["TEA", "CODE-TEA", "1"]])
    assert _refused(db, import_stock, stock) == [
        's2.csv:2: location: "CODE-TEA" is already a barcode of TEA'
    ]


def test_order_numbers_that_scan_as_something_else_are_refused(
    db: Database, tmp_path: Path
) -> None:
    seed_products(db, tmp_path, "TEA")
    add_user(db, "佐藤 健", "packer", "B-77")
    rows = [
        generic_row(**address(number), sku="TEA", qty="1")
        for number in ("KCMD:COMPLETE", JAN, "CODE-TEA", "B-77", "TOTE-7", "KP-1")
    ]
    path = write_csv(tmp_path / "o.csv", GENERIC_HEADER, rows)
    assert _refused(db, import_orders, path) == [
        'o.csv:2: order_number: "KCMD:COMPLETE" starts with KCMD:, which only command codes may',
        f'o.csv:3: order_number: "{JAN}" would be read as a product barcode (JAN/EAN/UPC/GTIN)',
        'o.csv:4: order_number: "CODE-TEA" is already a barcode of TEA',
        'o.csv:5: order_number: "B-77" is already the badge of 佐藤 健',
        'o.csv:6: order_number: "TOTE-7" would be read as a tote label',
    ]


@pytest.mark.parametrize(
    ("badge", "message"),
    [
        (JAN, f'badge: "{JAN}" would be read as a product barcode (JAN/EAN/UPC/GTIN)'),
        ("KP-10007", 'badge: "KP-10007" is already order KP-10007'),
        ("KCMD:LOGOUT", 'badge: "KCMD:LOGOUT" starts with KCMD:, which only command codes may'),
        ("CODE-TEA", 'badge: "CODE-TEA" is already a barcode of TEA'),
        ("A-01", 'badge: "A-01" is already a bin'),
    ],
)
def test_a_badge_that_scans_as_something_else_is_refused(
    db: Database, tmp_path: Path, badge: str, message: str
) -> None:
    seed_products(db, tmp_path, "TEA")
    import_stock(
        db, write_csv(tmp_path / "s.csv", ["sku", "location", "qty"], [["TEA", "A-01", "1"]])
    )
    with db.write() as s:
        add_order(s, "KP-10007", [])
    with pytest.raises(Refused) as refused:
        add_user(db, "佐藤 健", "supervisor", badge, SUPERVISOR_PIN)
    assert str(refused.value) == message
    assert _users(db) == 0


def _generic_order(db: Database, number: str) -> None:
    with db.write() as s:
        add_order(s, number, [])
        s.execute(update(Order).where(Order.number == number).values(carrier="generic"))


def test_a_carrier_number_equal_to_a_products_upc_is_refused(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", PRODUCTS, [["TEA", "緑茶", "0" + UPC]])
    import_products(db, path)
    _generic_order(db, "KP-1")
    numbers = tmp_path / "numbers.csv"
    numbers.write_text(f"order_number,tracking\nKP-1,{UPC}\n", encoding="utf-8")
    with pytest.raises(InputRejected) as refused:
        import_carrier_numbers(db, numbers)
    assert _problems(refused) == [f'numbers.csv:2: tracking: "{UPC}" is already a barcode of TEA']
    with pytest.raises(Refused, match=f'"{UPC}" is already a barcode of TEA'):
        attach_carrier_number(db, "KP-1", UPC)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Parcel)) == 0
    assert _read_as(db, UPC) is ScanKind.PRODUCT


def test_a_product_barcode_equal_to_a_tracking_number_is_refused(
    db: Database, tmp_path: Path
) -> None:
    _generic_order(db, "KP-1")
    attach_carrier_number(db, "KP-1", UPC)
    path = write_csv(tmp_path / "p.csv", PRODUCTS, [["TEA", "緑茶", UPC]])
    assert _refused(db, import_products, path) == [
        f'p.csv:2: barcode: "{UPC}" is already a tracking number of order KP-1'
    ]
    assert _read_as(db, UPC) is ScanKind.LABEL


def _yamato_upc() -> tuple[str, str]:
    """A 12-digit code that is both a valid UPC-A and a Yamato number: (body, number)."""
    body = 40000000000
    while not is_valid_gtin(number := with_check_digit(CarrierCode.YAMATO, str(body)).digits):
        body += 1
    return str(body), number


def test_a_tracking_block_that_would_issue_a_products_code_is_refused(
    db: Database, tmp_path: Path
) -> None:
    body, number = _yamato_upc()
    import_products(db, write_csv(tmp_path / "p.csv", PRODUCTS, [["TEA", "緑茶", number]]))
    last = str(int(body) + 20)
    with pytest.raises(Refused) as refused:
        add_range(db, "yamato", str(int(body) - 5), last)
    assert str(refused.value) == (
        f"yamato {int(body) - 5}..{last} would issue {number}, which is already a barcode of TEA; "
        "nothing was added"
    )
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(TrackingBlock)) == 0


def test_a_code_in_a_registered_tracking_block_is_refused(db: Database, tmp_path: Path) -> None:
    body, number = _yamato_upc()
    last = str(int(body) + 20)
    add_range(db, "yamato", body, last)
    path = write_csv(tmp_path / "p.csv", PRODUCTS, [["TEA", "緑茶", number]])
    assert _refused(db, import_products, path) == [
        f'p.csv:2: barcode: "{number}" is already a number of the yamato tracking-number block '
        f"{body}..{last}"
    ]
