"""Shop platforms' shipment files and the tracking links, read back as the platform reads them."""

from __future__ import annotations

import pytest

from app.core.carriers import CarrierCode
from app.core.dispatch import platforms
from app.core.dispatch.settings import DispatchSettings, from_shop, tracking_url
from app.core.errors import Refused
from tests.core.dispatch.shipments import SETTINGS, read_back, shipment

MANIFEST = [
    shipment("1001", tracking_numbers=("123456789013", "123456789024")),
    shipment("1002", carrier=CarrierCode.SAGAWA, service="飛脚宅配便"),
    shipment("1003", carrier=CarrierCode.JAPANPOST, service="ゆうパック"),
    shipment("1004", carrier=CarrierCode.GENERIC, service="standard", tracking_numbers=("X9",)),
]


def test_rakuten_lists_every_parcel_with_the_rms_carrier_codes() -> None:
    rows = read_back(platforms.rakuten(MANIFEST, SETTINGS))
    assert rows == [
        ["注文番号", "送付先ID", "発送明細ID", "お荷物伝票番号", "配送会社", "発送日"],
        ["1001", "", "", "123456789013", "1001", "2026-12-02"],
        ["1001", "", "", "123456789024", "1001", "2026-12-02"],
        ["1002", "", "", "123456789013", "1002", "2026-12-02"],
        ["1003", "", "", "123456789013", "1003", "2026-12-02"],
        ["1004", "", "", "X9", "1000", "2026-12-02"],
    ]


def test_amazon_is_tab_separated_under_its_three_header_rows() -> None:
    data = platforms.amazon(MANIFEST[:2], SETTINGS)
    lines = data.decode("cp932").split("\r\n")
    assert lines[0].split("\t")[:2] == ["TemplateType=OrderFulfillment", "Version=2011.1102"]
    assert lines[1].split("\t")[0] == "注文番号"
    assert lines[2] == (
        "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\t"
        "tracking-number\tship-method\tcod-collection-method"
    )
    assert [line.split("\t") for line in lines[3:-1]] == [
        ["1001", "", "", "2026-12-02", "Other", "ヤマト運輸", "123456789013", "宅急便", ""],
        ["1002", "", "", "2026-12-02", "Other", "佐川急便", "123456789013", "飛脚宅配便", ""],
    ]
    named = from_shop({"amazon.carriers": "yamato=Yamato Transport:ヤマト運輸"})
    row = platforms.amazon(MANIFEST[:1], named).decode("cp932").split("\r\n")[3]
    assert row.split("\t")[4:6] == ["Yamato Transport", "ヤマト運輸"]


def test_shopify_gets_its_carrier_spellings_and_tracking_links() -> None:
    rows = read_back(platforms.shopify(MANIFEST[1:3], SETTINGS), "utf-8")
    assert rows == [
        ["Order", "Tracking Number", "Tracking Company", "Tracking URL"],
        [
            "1002",
            "123456789013",
            "Sagawa (JA)",
            "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=123456789013",
        ],
        [
            "1003",
            "123456789013",
            "Japan Post (JA)",
            "https://trackings.post.japanpost.jp/services/srv/search/direct"
            "?reqCodeNo1=123456789013&searchKind=S002&locale=ja",
        ],
    ]


def test_the_generic_file_has_order_carrier_number_link_and_date() -> None:
    rows = read_back(platforms.generic(MANIFEST[:1], SETTINGS), "utf-8-sig")
    assert rows[0] == ["order_number", "carrier", "tracking_number", "tracking_url", "ship_date"]
    assert rows[2] == [
        "1001",
        "ヤマト運輸",
        "123456789024",
        "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?init=yes&number00=1&number01=123456789024",
        "2026-12-02",
    ]


def test_tracking_links_follow_the_shops_settings() -> None:
    settings = from_shop({"tracking.url.yamato": "https://example.jp/track/{n}"})
    assert tracking_url(CarrierCode.YAMATO, "123456789013", settings) == (
        "https://example.jp/track/123456789013"
    )
    assert tracking_url(CarrierCode.GENERIC, "X9", settings) == ""
    assert tracking_url(CarrierCode.SAGAWA, "1", DispatchSettings()).endswith("okurijoNo=1")


def test_settings_are_read_from_the_shop_and_a_broken_one_is_refused_by_key() -> None:
    settings = from_shop(
        {
            "yamato.customer_code": "012345678901",
            "yamato.b2_types": "宅急便=0, ネコポス=7",
            "sagawa.delivery_date_format": "YYYY/MM/DD",
            "japanpost.yupri_column_count": "100",
        }
    )
    assert settings.yamato_customer_code == "012345678901"
    assert dict(settings.b2_types) == {"宅急便": "0", "ネコポス": "7"}
    assert settings.sagawa_date_format == "%Y/%m/%d"
    assert settings.yupri_column_count == 100
    with pytest.raises(Refused, match=r"^japanpost.yupri_columns: \"x\" is not NAME=VALUE"):
        from_shop({"japanpost.yupri_columns": "x"})


def test_file_names() -> None:
    assert [f.file_name(shipment().ship_date) for f in platforms.PLATFORM_FILES.values()] == [
        "rakuten-shipped-2026-12-02.csv",
        "amazon-shipped-2026-12-02.txt",
        "shopify-shipped-2026-12-02.csv",
        "generic-shipped-2026-12-02.csv",
    ]
