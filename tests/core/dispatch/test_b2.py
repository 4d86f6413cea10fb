"""Yamato B2クラウド 送り状発行データ, read back as B2 reads it: CP932, CRLF, 97 columns."""

from __future__ import annotations

import dataclasses

from app.core.dispatch import b2
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


def written(*orders: Shipment, settings: DispatchSettings = SETTINGS) -> list[list[str]]:
    assert len(b2.COLUMNS) == 97
    return rows_of(b2.write, b2.COLUMNS, orders, settings)


def refusal(*orders: Shipment, settings: DispatchSettings = SETTINGS) -> str:
    return refusal_of(b2.write, orders, settings)


def test_an_order_is_one_row_with_every_field_at_its_position() -> None:
    [row] = written(shipment())
    cells = {number: row[number - 1] for number in range(1, 98) if row[number - 1]}
    assert cells == {
        1: "1001",
        2: "0",
        3: "0",
        4: "123456789013",
        5: "2026/12/02",
        6: "2026/12/04",
        7: "1416",
        9: "03-1234-5678",
        11: "100-0005",
        12: "東京都千代田区丸の内1-9-1",
        13: "グラントウキョウ101",
        16: "山田 太郎",
        18: "様",
        20: "06-1234-5678",
        22: "530-0001",
        23: "大阪府大阪市北区梅田1-1-1",
        25: "和雑貨さくら堂 大阪倉庫",
        28: "煎茶 100g",
        40: "012345678901",
        42: "01",
    }
    assert b2.COLUMNS[:7] == (
        "お客様管理番号",
        "送り状種類",
        "クール区分",
        "伝票番号",
        "出荷予定日",
        "お届け予定日",
        "配達時間帯",
    )
    assert (b2.COLUMNS[39], b2.COLUMNS[41], b2.COLUMNS[95]) == (
        "請求先顧客コード",
        "運賃管理番号",
        "連携管理番号",
    )


def test_each_parcel_is_its_own_row_with_its_tracking_number() -> None:
    rows = written(shipment(tracking_numbers=("123456789013", "123456789024")), shipment("#1002"))
    assert [(row[0], row[3]) for row in rows] == [
        ("1001", "123456789013"),
        ("1001", "123456789024"),
        ("1002", "123456789013"),
    ]


def test_the_service_picks_the_slip_type_from_the_setting() -> None:
    rows = written(shipment(service="ネコポス"), shipment("#1002", service="宅急便コンパクト"))
    assert [row[1] for row in rows] == ["A", "8"]
    older = dataclasses.replace(SETTINGS, b2_types={"ネコポス": "7"})
    assert written(shipment(service="ネコポス"), settings=older)[0][1] == "7"
    said = refusal(shipment(service="ゆうパック"))
    assert said.startswith("#1001: 送り状種類: no code for the service 'ゆうパック'")


def test_a_16_zenkaku_name_fits_exactly_and_17_is_refused_not_cut() -> None:
    [row] = written(shipment(ship_to=to(name="山" * 16)))
    assert row[15] == "山" * 16 and byte_length(row[15]) == 32
    assert refusal(shipment(ship_to=to(name="山" * 17))) == (
        '#1001: お届け先名: "' + "山" * 17 + '" is 17 全角 (34 bytes); '
        "B2クラウド allows 16 全角 (32 bytes)"
    )


def test_a_long_street_address_continues_in_the_apartment_column() -> None:
    street = "丸の内一丁目九番一号グラントウキョウノースタワー"
    [row] = written(shipment(ship_to=to(address1=street, address2="")))
    assert row[11] == "東京都千代田区丸の内一丁目九番一号"
    assert row[12] == "グラントウキョウノースタワー"
    assert byte_length(row[12]) <= 32
    said = refusal(shipment(ship_to=to(address1=street, address2="三十五階 受付 山田様宛て")))
    assert said.startswith("#1001: お届け先住所: ")
    assert "B2クラウド allows 2 × 16 全角 (32 bytes), 64 bytes in all" in said


def test_variant_kanji_are_written_in_their_jis_form_and_quotes_and_commas_removed() -> None:
    [row] = written(shipment(ship_to=to(name='髙橋 𠮷男,"様"')))
    assert row[15] == "高橋 吉男様"


def test_a_character_shift_jis_cannot_hold_refuses_the_order_naming_the_field() -> None:
    said = refusal(shipment(ship_to=to(name="山田 ♡花子")))
    assert said == (
        '#1001: お届け先名: "山田 ♡花子" holds ♡ (U+2661), which B2クラウド cannot take '
        "(not Shift_JIS JIS X 0208)"
    )
    # CP932 has ① (NEC row 13) but B2 takes JIS X 0208 only.
    assert "holds ① (U+2460)" in refusal(shipment(ship_to=to(address2="ハイツ①")))


def test_every_bad_order_is_named_and_nothing_is_written() -> None:
    said = refusal(
        shipment("#1001", ship_to=to(name="山" * 17)),
        shipment("#1002"),
        shipment("#1003", delivery_time="夜"),
        shipment("#1004", ship_to=to(name=" ")),
    )
    lines = said.splitlines()
    assert [line.split(": ")[:2] for line in lines] == [
        ["#1001", "お届け先名"],
        ["#1003", "配達時間帯"],
        ["#1004", "お届け先名"],
    ]
    assert lines[2] == "#1004: お届け先名: empty; B2クラウド requires it"
    assert "(午前中, 14-16, 16-18, 18-20, 19-21)" in lines[1]


def test_the_delivery_slots_b2_takes() -> None:
    rows = written(
        *(
            shipment(f"#{n}", delivery_time=wish)
            for n, wish in enumerate(["午前中", "16～18", "18:00-20:00", "19-21", ""], 1)
        )
    )
    assert [row[6] for row in rows] == ["0812", "1618", "1820", "1921", ""]


def test_an_order_number_b2_cannot_key_on_is_refused_naming_the_field() -> None:
    said = refusal(shipment("#1001-A"))
    assert said.startswith("#1001-A: お客様管理番号: '#1001-A' is not 1 to 20 半角英数")


def test_missing_customer_and_freight_codes_are_refused_naming_the_settings() -> None:
    unset = dataclasses.replace(SETTINGS, yamato_customer_code="", yamato_freight_code="")
    assert refusal(shipment(), settings=unset).splitlines() == [
        "yamato.customer_code: not set; B2クラウド requires it (kenpin settings set)",
        "yamato.freight_code: not set; B2クラウド requires it (kenpin settings set)",
    ]


def test_a_long_product_name_is_refused_unless_the_shop_sets_one_contents() -> None:
    long_name = shipment(items=(dataclasses.replace(shipment().items[0], name="茶" * 26),))
    said = refusal(long_name)
    assert said.startswith("#1001: 品名1: ")
    assert said.endswith("(or set carriers.contents, the 品名 written for every parcel)")
    fixed = dataclasses.replace(SETTINGS, contents="雑貨")
    assert written(long_name, settings=fixed)[0][27] == "雑貨"
