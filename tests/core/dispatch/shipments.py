"""Shipments to write files from, and the files read back the way a carrier's tool reads them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import replace

import pytest

from app.core.carriers import CarrierCode
from app.core.dispatch.carrier_files import Writer
from app.core.dispatch.settings import DispatchSettings
from app.core.dispatch.shipment import Shipment, ShippedItem
from app.core.errors import Refused
from app.core.label import ShipFrom, ShipTo

SHIP_DATE = dt.date(2026, 12, 2)
SENDER = ShipFrom(
    "和雑貨さくら堂 大阪倉庫", "530-0001", "大阪府大阪市北区梅田1-1-1", "06-1234-5678"
)
SETTINGS = DispatchSettings(
    yamato_customer_code="012345678901",
    yamato_freight_code="01",
    sagawa_customer_code="123456789012",
)


def shipment(number: str = "#1001", **changes: object) -> Shipment:
    """An order of two items to Tokyo, one parcel, by 宅急便 unless changed."""
    base = Shipment(
        order_number=number,
        carrier=CarrierCode.YAMATO,
        service="宅急便",
        tracking_numbers=("123456789013",),
        ship_date=SHIP_DATE,
        ship_to=ShipTo(
            "100-0005",
            "東京都",
            "千代田区",
            "丸の内1-9-1",
            "グラントウキョウ101",
            "山田 太郎",
            "03-1234-5678",
        ),
        email="taro@example.jp",
        delivery_date=dt.date(2026, 12, 4),
        delivery_time="14-16",
        items=(ShippedItem("TEA-01", "煎茶 100g", 2), ShippedItem("CUP-02", "湯呑み", 1)),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def to(**changes: str) -> ShipTo:
    """The default address with some fields changed."""
    return replace(shipment().ship_to, **changes)


def read_back(data: bytes, encoding: str = "cp932", delimiter: str = ",") -> list[list[str]]:
    """The file's rows as a spreadsheet reads them; every line must end in CRLF."""
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    text = data.decode(encoding)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def byte_length(value: str) -> int:
    """A cell's length in the file's bytes."""
    return len(value.encode("cp932"))


def rows_of(
    write: Writer, header: Sequence[str], orders: Sequence[Shipment], settings: DispatchSettings
) -> list[list[str]]:
    """The rows a carrier file writes for `orders`, below its exact header, every row as wide."""
    rows = read_back(write(orders, SENDER, settings))
    assert rows[0] == list(header)
    assert all(len(row) == len(header) for row in rows)
    return rows[1:]


def refusal_of(write: Writer, orders: Sequence[Shipment], settings: DispatchSettings) -> str:
    """What a carrier file's refusal of `orders` says."""
    with pytest.raises(Refused) as refused:
        write(orders, SENDER, settings)
    return str(refused.value)
