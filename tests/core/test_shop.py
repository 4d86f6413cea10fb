"""The shop settings' rules: every key, what each value may be, what the label needs."""

from __future__ import annotations

import re

import pytest

from app.core import shop
from app.core.errors import Refused
from app.core.label import ShipFrom

GOOD = {
    "shop.name": ("検品ストア 大阪倉庫", "検品ストア 大阪倉庫"),
    "shop.postal_code": ("〒５３０－０００１", "530-0001"),
    "shop.address": ("大阪府大阪市北区梅田1-1-1", "大阪府大阪市北区梅田1-1-1"),
    "shop.phone": ("０６ー１２３４ー５６７８", "06-1234-5678"),
    "yamato.customer_code": ("0123456789-01", "012345678901"),
    "yamato.freight_code": ("01", "01"),
    "sagawa.customer_code": ("1234-5678-9012", "123456789012"),
    "japanpost.customer_code": ("JP-12345", "JP-12345"),
    "picking.required": (" Ｙｅｓ", "yes"),
    "yamato.b2_types": ("宅急便=0, ネコポス=7", "宅急便=0, ネコポス=7"),
    "sagawa.delivery_date_format": ("yyyy/mm/dd", "YYYY/MM/DD"),
    "japanpost.file": ("ClickPost", "clickpost"),
    "japanpost.yupri_columns": ("1=order_number,13=postal_code", "1=order_number,13=postal_code"),
    "japanpost.yupri_column_count": ("100", "100"),
    "carriers.contents": ("雑貨", "雑貨"),
    "amazon.carriers": ("yamato=Yamato Transport", "yamato=Yamato Transport"),
    "tracking.url.yamato": ("https://example.jp/t?n={n}", "https://example.jp/t?n={n}"),
    "tracking.url.sagawa": ("https://example.jp/s/{n}", "https://example.jp/s/{n}"),
    "tracking.url.japanpost": ("http://example.jp/p/{n}", "http://example.jp/p/{n}"),
    "smtp.host": ("SMTP.Example.JP", "smtp.example.jp"),
    "smtp.port": ("５８７", "587"),
    "smtp.security": ("STARTTLS", "starttls"),
    "smtp.user": ("shop@example.jp", "shop@example.jp"),
    "smtp.from": ("検品ストア  <shop@example.jp>", "検品ストア <shop@example.jp>"),
    "mail.language": ("EN", "en"),
    "mail.on_close": ("no", "no"),
}


def test_the_documented_keys_are_the_known_ones_in_order() -> None:
    assert [known.key for known in shop.KEYS] == list(GOOD)


@pytest.mark.parametrize(("key", "given", "stored"), [(k, *v) for k, v in GOOD.items()])
def test_a_good_value_is_tidied_the_way_labels_and_carrier_files_want_it(
    key: str, given: str, stored: str
) -> None:
    assert shop.check_setting(key, f"  {given} ") == stored


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("shop.postal_code", "12345", "the rule: 7 digits"),
        ("shop.postal_code", "530-000A", "is not a postal code"),
        ("shop.phone", "6-1234-5678", "is not a Japanese phone number"),
        ("shop.phone", "03-1234-56789", "10 or 11 digits starting with 0"),
        ("shop.phone", "03--1234", "is not a Japanese phone number"),
        ("shop.phone", "+81-3-1234-5678", "is not a Japanese phone number"),
        ("shop.name", "店" * 33, "too long (33 characters, at most 32)"),
        ("shop.address", "住所" * 41, "at most 80"),
        ("yamato.customer_code", "012345678", "10 digits, or 12"),
        ("yamato.customer_code", "01234567890", "wrong number of digits"),
        ("yamato.freight_code", "1", "2 digits (usually 01)"),
        ("sagawa.customer_code", "12345678901", "12 digits"),
        ("japanpost.customer_code", "お客様", "1 to 20 letters, digits and hyphens"),
        ("japanpost.customer_code", "A" * 21, "1 to 20 letters"),
        ("yamato.b2_types", "宅急便=Z", '"Z" for 宅急便 is not a 送り状種類 code'),
        ("yamato.b2_types", "宅急便", '"宅急便" is not NAME=VALUE'),
        ("sagawa.delivery_date_format", "DD/MM/YYYY", "is not one of YYYYMMDD"),
        ("japanpost.file", "yupack", "is neither yupri nor clickpost"),
        ("japanpost.yupri_columns", "1=order_number,1=ship_date", "column 1 is given twice"),
        ("japanpost.yupri_columns", "0=order_number", "not a column number 1 to 200"),
        ("japanpost.yupri_columns", "3=colour", '"colour" is not a field'),
        ("japanpost.yupri_column_count", "300", "is not a number 1 to 200"),
        ("carriers.contents", "①番の品", "① cannot be written in Shift_JIS"),
        ("carriers.contents", "雑" * 16, "at most 15 全角"),
        ("amazon.carriers", "ups=UPS", '"ups" is not a carrier'),
        ("tracking.url.yamato", "https://example.jp/track", "with {n} for the number"),
        ("tracking.url.sagawa", "ftp://example.jp/{n}", "an http(s) link"),
        ("shop.name", "検品\x1bストア", "control character (ESC)"),
        ("shop.name", "", "may not be empty"),
    ],
)
def test_a_bad_value_is_refused_with_the_rule_it_breaks(key: str, value: str, said: str) -> None:
    with pytest.raises(Refused, match=f"^{re.escape(key)}: ") as refused:
        shop.check_setting(key, value)
    assert said in str(refused.value)


def test_a_carrier_code_may_be_cleared() -> None:
    assert shop.check_setting("sagawa.customer_code", " ") == ""


def test_an_unknown_key_is_refused_listing_the_known_ones() -> None:
    with pytest.raises(Refused) as refused:
        shop.known_key("shop.email")
    assert '"shop.email" is not a shop setting' in str(refused.value)
    assert all(known.key in str(refused.value) for known in shop.KEYS)


def test_an_environment_variable_wins_and_a_bad_one_is_refused_by_name() -> None:
    overrides = shop.overrides_from({"KENPIN_SHOP_PHONE": "03 1234 5678".replace(" ", "-")})
    assert overrides == {"shop.phone": shop.Override("KENPIN_SHOP_PHONE", "03-1234-5678")}
    values = shop.in_force({"shop.phone": "06-1111-2222", "shop.name": "店"}, overrides)
    assert (values["shop.phone"], values["shop.name"], values["shop.address"]) == (
        "03-1234-5678",
        "店",
        "",
    )
    with pytest.raises(Refused, match=r"^KENPIN_SHOP_POSTAL_CODE: shop\.postal_code: "):
        shop.overrides_from({"KENPIN_SHOP_POSTAL_CODE": "abc"})


def test_the_sender_is_the_four_shop_keys_and_names_what_is_missing() -> None:
    values = {key: stored for key, (_given, stored) in GOOD.items()}
    assert shop.sender(values) == ShipFrom(
        "検品ストア 大阪倉庫", "530-0001", "大阪府大阪市北区梅田1-1-1", "06-1234-5678"
    )
    assert shop.sender_missing(values) == ()
    assert shop.sender_missing({"shop.name": "店", "shop.phone": " "}) == (
        "shop.postal_code",
        "shop.address",
        "shop.phone",
    )
