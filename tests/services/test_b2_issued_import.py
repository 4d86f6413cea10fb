"""`kenpin carriers import` reading B2クラウド's issued data: Kenpin's own B2 upload file with
the 伝票番号 B2 filled in, read back against a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.core.carriers import CarrierCode
from app.core.dispatch import b2
from app.db.database import Database
from app.db.models import Order
from app.db.shipping_models import Parcel
from tests.core.dispatch.shipments import SENDER, SETTINGS, shipment
from tests.stockdata import add_order


def issued_data(tmp_path: Path, numbers: dict[str, tuple[str, ...]]) -> Path:
    """B2's export: the upload file of these orders, each with the numbers B2 issued."""
    path = tmp_path / "b2-issued.csv"
    orders = [shipment(order, tracking_numbers=issued) for order, issued in numbers.items()]
    path.write_bytes(b2.write(orders, SENDER, SETTINGS))
    return path


def parcels(db: Database) -> list[tuple[str, int, str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(Order.number, Parcel.carton_no, Parcel.carrier, Parcel.tracking_number)
            .join(Order, Order.id == Parcel.order_id)
            .order_by(Parcel.id)
        )
        return [(order, carton, carrier, number) for order, carton, carrier, number in rows]


def test_b2_issued_numbers_are_attached_to_their_orders_as_yamato_parcels(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as s:
        add_order(s, "#1001", [])
        add_order(s, "1002", [])
        s.execute(update(Order).where(Order.number == "1002").values(carrier="generic"))
    path = issued_data(
        tmp_path, {"#1001": ("123456789013", "200961185434"), "1002": ("400000000013",)}
    )
    raw = path.read_bytes()
    assert raw.decode("cp932").splitlines()[1].startswith("1001,0,0,123456789013,2026/12/02,")
    assert main(["--db", db.url, "carriers", "import", str(path)]) == 0
    assert capsys.readouterr().out == (
        "b2-issued.csv: 3 tracking numbers attached, 0 already attached\n"
    )
    assert parcels(db) == [
        ("#1001", 1, CarrierCode.YAMATO, "123456789013"),
        ("#1001", 2, CarrierCode.YAMATO, "200961185434"),
        ("1002", 1, CarrierCode.YAMATO, "400000000013"),
    ]
    assert main(["--db", db.url, "carriers", "import", str(path)]) == 0
    assert "0 tracking numbers attached, 3 already attached" in capsys.readouterr().out


def test_a_row_without_a_number_or_with_a_bad_one_refuses_the_file_and_attaches_nothing(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as s:
        add_order(s, "#1001", [])
        add_order(s, "#1002", [])
    path = issued_data(
        tmp_path, {"#1001": ("123456789013",), "#1002": ("",), "#1003": ("200961185434",)}
    )
    path.write_bytes(path.read_bytes().replace(b",123456789013,", b",123456789012,"))
    assert main(["--db", db.url, "carriers", "import", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "b2-issued.csv:2: 伝票番号: '123456789012' is not a yamato tracking number: its check "
        "digit should be 3 (12 digits, the last = the first 11 mod 7)",
        "b2-issued.csv:3: 伝票番号: empty (a value is required)",
        "b2-issued.csv:4: お客様管理番号: '1003': no such order",
        "kenpin: 3 problems; nothing was changed",
    ]
    assert parcels(db) == []


@pytest.mark.parametrize(
    ("data", "b2_header"),
    [
        (b"\r\x00", False),
        (b"\r", False),
        (b'"a\rb",c\n', False),
        ("お客様管理番号,x\r1001,y".encode("cp932"), True),
    ],
)
def test_a_first_line_ending_in_a_lone_cr_is_read_not_a_crash(data: bytes, b2_header: bool) -> None:
    """A lone CR ends the header line too (B2's header is still known by it); a header the
    CSV reader cannot read is left to the CSV path, which reports it by line."""
    from app.services.b2_issued import numbers_file

    assert numbers_file(data).from_b2 is b2_header
