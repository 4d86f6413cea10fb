"""クリックポスト まとめ申込 and ゆうプリR files, read back: CP932, CRLF, their columns."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.carriers import CarrierCode
from app.core.dispatch import japanpost
from app.core.dispatch.keys import yupri_columns
from app.core.dispatch.shipment import Shipment
from app.core.errors import Refused
from tests.core.dispatch.shipments import SENDER, SETTINGS, byte_length, read_back, shipment, to


def order(number: str = "#1001", **changes: object) -> Shipment:
    wanted: dict[str, object] = {"carrier": CarrierCode.JAPANPOST, "service": "ゆうパック"}
    return shipment(number, **(wanted | changes))


def test_clickpost_writes_exactly_its_eight_columns() -> None:
    rows = read_back(japanpost.write_clickpost([order()], SENDER, SETTINGS))
    assert rows == [
        [
            "お届け先郵便番号",
            "お届け先氏名",
            "お届け先敬称",
            "お届け先住所1行目",
            "お届け先住所2行目",
            "お届け先住所3行目",
            "お届け先住所4行目",
            "内容品",
        ],
        [
            "100-0005",
            "山田 太郎",
            "様",
            "東京都千代田区",
            "丸の内1-9-1",
            "グラントウキョウ101",
            "",
            "煎茶 100g",
        ],
    ]


def test_clickpost_takes_20_zenkaku_names_and_15_zenkaku_contents() -> None:
    item = shipment().items[0]
    fits = order(ship_to=to(name="郵" * 20), items=(dataclasses.replace(item, name="品" * 15),))
    [_header, row] = read_back(japanpost.write_clickpost([fits], SENDER, SETTINGS))
    assert (byte_length(row[1]), byte_length(row[7])) == (40, 30)
    too_long = order(ship_to=to(name="郵" * 21), items=(dataclasses.replace(item, name="品" * 16),))
    with pytest.raises(Refused) as refused:
        japanpost.write_clickpost([too_long], SENDER, SETTINGS)
    assert [line.split(": ")[1] for line in str(refused.value).splitlines()] == [
        "お届け先氏名",
        "内容品",
    ]


def test_yupri_writes_the_default_columns_of_a_69_column_layout() -> None:
    data = japanpost.write_yupri(
        [order(), order("#1002", service="ゆうパケット")], SENDER, SETTINGS
    )
    header, *rows = read_back(data)
    assert len(header) == 69 and all(len(row) == 69 for row in rows)
    assert (header[0], header[12], header[36]) == ("order_number", "postal_code", "shipper_phone")
    cells = {n: rows[0][n - 1] for n in range(1, 70) if rows[0][n - 1]}
    assert cells == {
        1: "#1001",
        2: "20261202",
        6: "0",
        8: "0",
        13: "100-0005",
        14: "東京都千代田区丸の内1-9-1",
        15: "グラントウキョウ101",
        17: "山田 太郎",
        19: "様",
        20: "03-1234-5678",
        30: "530-0001",
        31: "大阪府大阪市北区梅田1-1-1",
        34: "和雑貨さくら堂 大阪倉庫",
        37: "06-1234-5678",
    }
    assert rows[1][5] == "9"  # ゆうパケット


def test_yupri_follows_the_shops_own_layout() -> None:
    layout = dataclasses.replace(
        SETTINGS,
        yupri_columns=yupri_columns("3=order_number,1=name1,2=tracking_number,5=delivery_date"),
        yupri_column_count=5,
    )
    rows = read_back(japanpost.write_yupri([order()], SENDER, layout))
    assert rows == [
        ["name1", "tracking_number", "order_number", "", "delivery_date"],
        ["山田 太郎", "123456789013", "#1001", "", "20261204"],
    ]
    narrow = dataclasses.replace(layout, yupri_column_count=4)
    with pytest.raises(
        Refused, match=r"^japanpost.yupri_columns: column 5 is beyond the layout's 4"
    ):
        japanpost.write_yupri([order()], SENDER, narrow)


def test_yupri_refuses_an_address_over_50_bytes_a_line() -> None:
    long_street = order(ship_to=to(address2="ビル" * 40))
    with pytest.raises(Refused) as refused:
        japanpost.write_yupri([long_street], SENDER, SETTINGS)
    assert str(refused.value).startswith("#1001: address1/address2/address3: ")
    assert "3 × 25 全角 (50 bytes)" in str(refused.value)
