"""Sagawa e飛伝Ⅲ 出荷データ, read back: CP932, CRLF, 74 columns, 16 全角 fields."""

from __future__ import annotations

import dataclasses

from app.core.carriers import CarrierCode
from app.core.dispatch import sagawa
from app.core.dispatch.settings import DispatchSettings
from app.core.dispatch.shipment import Shipment
from tests.core.dispatch.shipments import (
    SETTINGS,
    byte_length,
    refusal_of,
    rows_of,
    shipment,
    to,
)


def order(number: str = "#1001", **changes: object) -> Shipment:
    wanted: dict[str, object] = {"carrier": CarrierCode.SAGAWA, "service": "飛脚宅配便"}
    return shipment(number, **(wanted | changes))


def written(*orders: Shipment, settings: DispatchSettings = SETTINGS) -> list[list[str]]:
    assert len(sagawa.COLUMNS) == 74
    return rows_of(sagawa.write, sagawa.COLUMNS, orders, settings)


def refusal(*orders: Shipment, settings: DispatchSettings = SETTINGS) -> str:
    return refusal_of(sagawa.write, orders, settings)


def test_an_order_is_one_row_with_every_field_at_its_position() -> None:
    [row] = written(order())
    cells = {sagawa.COLUMNS[i]: cell for i, cell in enumerate(row) if cell}
    assert cells == {
        "お届け先電話番号": "03-1234-5678",
        "お届け先郵便番号": "100-0005",
        "お届け先住所1": "東京都千代田区丸の内1-9-1",
        "お届け先住所2": "グラントウキョウ101",
        "お届け先名称1": "山田 太郎",
        "お客様管理番号": "#1001",
        "お客様コード": "123456789012",
        "ご依頼主電話番号": "06-1234-5678",
        "ご依頼主郵便番号": "530-0001",
        "ご依頼主住所1": "大阪府大阪市北区梅田1-1-1",
        "ご依頼主名称1": "和雑貨さくら堂 大阪倉庫",
        "品名1": "煎茶 100g",
        "出荷個数": "1",
        "配達日": "20261204",
        "配達指定時間帯": "14",
        "元着区分": "1",
        "出荷日": "20261202",
        "お問い合せ送り状No.": "123456789013",
    }
    assert [row[i] for i in (9, 10, 44, 45, 60, 61)] == [
        "#1001",
        "123456789012",
        "20261204",
        "14",
        "20261202",
        "123456789013",
    ]


def test_a_16_zenkaku_name_fits_exactly_and_17_is_refused() -> None:
    [row] = written(order(ship_to=to(name="佐" * 16)))
    assert byte_length(row[7]) == 32
    assert refusal(order(ship_to=to(name="佐" * 17))) == (
        '#1001: お届け先名称1: "' + "佐" * 17 + '" is 17 全角 (34 bytes); '
        "e飛伝Ⅲ allows 16 全角 (32 bytes)"
    )


def test_a_long_address_continues_in_address_2_and_3_within_16_zenkaku_each() -> None:
    [row] = written(
        order(
            ship_to=to(
                prefecture="北海道",
                city="札幌市中央区",
                address1="北一条西二丁目一番地",
                address2="サッポロセントラルビル 二十三階",
            )
        )
    )
    # Split after 丁目, and the building kept whole on a line of its own.
    assert row[4:7] == [
        "北海道札幌市中央区北一条西二丁目",
        "一番地",
        "サッポロセントラルビル 二十三階",
    ]
    assert [byte_length(cell) for cell in row[4:7]] == [32, 6, 31]
    said = refusal(order(ship_to=to(address2="サッポロセントラルビルディング" * 3)))
    assert said.startswith('#1001: お届け先住所1-3: "東京都千代田区丸の内1-9-1 サッポロ')
    assert said.endswith("e飛伝Ⅲ allows 3 × 16 全角 (32 bytes), 96 bytes in all")


def test_the_delivery_slots_and_the_date_format_setting() -> None:
    rows = written(
        *(
            order(f"#{n}", delivery_time=wish)
            for n, wish in enumerate(["午前中", "12-14", "18-21", "19-21"], 1)
        )
    )
    assert [row[45] for row in rows] == ["01", "12", "04", "19"]
    slashes = dataclasses.replace(SETTINGS, sagawa_date_format="%Y/%m/%d")
    assert written(order(), settings=slashes)[0][44] == "2026/12/04"
    assert refusal(order(delivery_time="20-22")).startswith(
        '#1001: 配達指定時間帯: "20-22" is not a slot e飛伝Ⅲ takes (午前中, 12-14,'
    )


def test_a_missing_customer_code_and_a_long_order_number_are_refused() -> None:
    unset = dataclasses.replace(SETTINGS, sagawa_customer_code="")
    assert refusal(order("#12345678901234567"), settings=unset).splitlines() == [
        "sagawa.customer_code: not set; e飛伝Ⅲ requires the お客様コード (kenpin settings set)",
        '#12345678901234567: お客様管理番号: "#12345678901234567" is 18 半角; '
        "e飛伝Ⅲ allows 16 半角",
    ]
