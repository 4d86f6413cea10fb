"""`kenpin import orders`: generic and Shopify files, re-imports, conflicts, every bad row named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import InputRejected, Refused
from app.db.database import Database
from app.db.models import ImportBatch, Order, OrderLine, Product
from app.services.intake import import_orders
from tests.intake_support import (
    GENERIC_HEADER,
    SHOPIFY_HEADER,
    address,
    generic_row,
    row_counts,
    seed_products,
    shopify_row,
    write_csv,
)


@pytest.fixture
def shop(db: Database, tmp_path: Path) -> Database:
    """A database with products TEA, COFFEE and CUP."""
    seed_products(db, tmp_path, "TEA", "COFFEE", "CUP")
    return db


def _orders(db: Database) -> dict[str, Order]:
    with db.read() as s:
        return {o.number: o for o in s.scalars(select(Order))}


def _lines(db: Database, number: str) -> list[tuple[int, str, int]]:
    with db.read() as s:
        return [
            (line_no, sku, qty)
            for line_no, sku, qty in s.execute(
                select(OrderLine.line_no, Product.sku, OrderLine.qty)
                .join(Order, Order.id == OrderLine.order_id)
                .join(Product, Product.id == OrderLine.product_id)
                .where(Order.number == number)
                .order_by(OrderLine.line_no)
            )
        ]


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def test_a_generic_file_becomes_new_orders_with_clean_addresses(
    shop: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "orders.csv",
        GENERIC_HEADER,
        [
            generic_row(
                **address("1001", prefecture="Osaka", postal_code="５３０－０００１"),
                phone="06-1234-5678",
                carrier="sagawa",
                delivery_date="2026/1/10",
                delivery_time="14時～16時",
                gift_message="お誕生日おめでとう",
                sku="TEA",
                qty="2",
            ),
            generic_row(order_number="1001", sku="CUP", qty="1"),
            generic_row(**address("1002", prefecture="JP-13"), sku="COFFEE", qty="3"),
        ],
    )
    result = import_orders(shop, path)
    assert str(result) == "orders.csv: 2 orders (3 lines) added, 0 unchanged"
    orders = _orders(shop)
    first = orders["1001"]
    assert (first.status, first.source, first.carrier, first.service) == (
        "new",
        "generic",
        "sagawa",
        "飛脚宅配便",
    )
    assert (first.postal_code, first.prefecture, first.city) == ("530-0001", "大阪府", "千代田区")
    assert (first.delivery_date, first.delivery_time) == (dt.date(2026, 1, 10), "14-16")
    assert first.gift_message == "お誕生日おめでとう"
    # A date alone is midnight in Japan.
    assert _utc(first.order_date) == dt.datetime(2026, 1, 4, 15, 0, tzinfo=dt.UTC)
    assert len(first.content_hash) == 64
    second = orders["1002"]
    assert (second.carrier, second.service, second.prefecture) == ("yamato", "宅急便", "東京都")
    assert _lines(shop, "1001") == [(1, "TEA", 2), (2, "CUP", 1)]
    with shop.read() as s:
        batch = s.scalars(select(ImportBatch).where(ImportBatch.kind == "orders")).one()
    assert (batch.kind, batch.file_name, batch.rows) == ("orders", "orders.csv", 3)
    assert first.import_batch_id == batch.id == second.import_batch_id


def test_shopify_rows_are_grouped_into_orders_with_carrier_and_wishes(
    shop: Database, tmp_path: Path
) -> None:
    rows = [
        shopify_row(
            Name="#1001",
            Email="hanako@example.com",
            Created_at="2026-01-05 10:23:45 +0900",
            Lineitem_quantity="2",
            Lineitem_sku="TEA",
            Shipping_Name="佐藤 花子",
            Shipping_Address1="梅田1-1",
            Shipping_Address2="梅田ビル 3F",
            Shipping_Company="株式会社 例",
            Shipping_City="大阪市北区",
            Shipping_Zip="530-0001",
            Shipping_Province="JP-27",
            Shipping_Country="JP",
            Shipping_Phone="'+81 6-1234-5678",
            Shipping_Method="佐川急便 飛脚宅配便",
            Notes="置き配可",
            Note_Attributes="gift_message: Happy birthday\n配送希望時間帯: 19時～21時",
        ),
        shopify_row(
            Name="#1001", Email="hanako@example.com", Lineitem_quantity="1", Lineitem_sku="CUP"
        ),
        shopify_row(Name="#1001", Lineitem_quantity="1", Lineitem_sku="TEA"),
        shopify_row(
            Name="#1002",
            Created_at="2026-01-06 09:00:00 +0900",
            Lineitem_quantity="1",
            Lineitem_sku="COFFEE",
            Shipping_Name="鈴木 一郎",
            Shipping_Address1="札幌1-1",
            Shipping_City="札幌市中央区",
            Shipping_Zip="060-0001",
            Shipping_Province="Hokkaido",
            Shipping_Method="Standard",
            Cancelled_at="2026-01-06 12:00:00 +0900",
        ),
        shopify_row(
            Name="#1003",
            Created_at="2026-01-06 10:00:00 +0900",
            Lineitem_quantity="1",
            Lineitem_sku="CUP",
            Shipping_Name="田中",
            Shipping_Address1="那覇1-1",
            Shipping_City="那覇市",
            Shipping_Zip="9000001",
            Shipping_Province_Name="Okinawa",
            Shipping_Method="ゆうパケット",
        ),
    ]
    path = write_csv(tmp_path / "orders_export.csv", SHOPIFY_HEADER, rows)
    result = import_orders(shop, path, default_carrier="japanpost")
    assert str(result) == (
        "orders_export.csv: 3 orders (4 lines) added, 0 unchanged (1 of them cancelled)"
    )
    orders = _orders(shop)
    first = orders["#1001"]
    assert (first.source, first.status, first.carrier, first.service) == (
        "shopify",
        "new",
        "sagawa",
        "飛脚宅配便",
    )
    assert _utc(first.order_date) == dt.datetime(2026, 1, 5, 1, 23, 45, tzinfo=dt.UTC)
    assert (first.customer_name, first.prefecture, first.address2) == (
        "佐藤 花子",
        "大阪府",
        "梅田ビル 3F 株式会社 例",
    )
    assert (first.phone, first.email, first.notes) == (
        "+81 6-1234-5678",
        "hanako@example.com",
        "置き配可",
    )
    assert (first.gift_message, first.delivery_time) == ("Happy birthday", "19-21")
    # The same SKU on two rows of one order is one line.
    assert _lines(shop, "#1001") == [(1, "TEA", 3), (2, "CUP", 1)]
    cancelled = orders["#1002"]
    assert (cancelled.status, cancelled.carrier, cancelled.prefecture) == (
        "cancelled",
        "japanpost",
        "北海道",
    )
    third = orders["#1003"]
    assert (third.carrier, third.service, third.prefecture) == (
        "japanpost",
        "ゆうパケット",
        "沖縄県",
    )


def test_the_same_file_twice_adds_nothing_and_says_so(shop: Database, tmp_path: Path) -> None:
    rows = [generic_row(**address("1001"), sku="TEA", qty="1")]
    path = write_csv(tmp_path / "orders.csv", GENERIC_HEADER, rows)
    import_orders(shop, path)
    before = row_counts(shop)
    again = import_orders(shop, path)
    assert str(again).startswith("orders.csv: already imported on ")
    assert str(again).endswith("; nothing added")
    assert row_counts(shop) == before


def test_orders_seen_before_are_counted_unchanged_in_a_new_file(
    shop: Database, tmp_path: Path
) -> None:
    old = [
        generic_row(**address("1001"), sku="TEA", qty="1"),
        generic_row(order_number="1001", sku="CUP", qty="2"),
    ]
    import_orders(shop, write_csv(tmp_path / "monday.csv", GENERIC_HEADER, old))
    # Tuesday's export repeats 1001 (its rows in another order) and adds 1002.
    new = [
        generic_row(**address("1001"), sku="CUP", qty="2"),
        generic_row(order_number="1001", sku="TEA", qty="1"),
        generic_row(**address("1002"), sku="COFFEE", qty="1"),
    ]
    result = import_orders(shop, write_csv(tmp_path / "tuesday.csv", GENERIC_HEADER, new))
    assert str(result) == "tuesday.csv: 1 order (1 line) added, 1 unchanged"
    assert _lines(shop, "1001") == [(1, "TEA", 1), (2, "CUP", 2)]


def test_an_order_that_comes_again_changed_is_a_conflict(shop: Database, tmp_path: Path) -> None:
    old = [generic_row(**address("1001"), sku="TEA", qty="1")]
    import_orders(shop, write_csv(tmp_path / "monday.csv", GENERIC_HEADER, old))
    before = row_counts(shop)
    new = [
        generic_row(**address("1002"), sku="TEA", qty="1"),
        generic_row(**address("1001", address1="丸の内2-2-2"), sku="TEA", qty="3"),
    ]
    with pytest.raises(InputRejected) as refused:
        import_orders(shop, write_csv(tmp_path / "tuesday.csv", GENERIC_HEADER, new))
    assert [str(p) for p in refused.value.problems] == [
        'tuesday.csv:3: order_number: "1001" was already imported with different content '
        '(address1 "丸の内1-1-1" -> "丸の内2-2-2"; TEA qty 1 -> 3)'
    ]
    assert row_counts(shop) == before
    assert _orders(shop)["1001"].address1 == "丸の内1-1-1"


def test_every_bad_row_of_a_generic_file_is_named(shop: Database, tmp_path: Path) -> None:
    before = row_counts(shop)
    rows = [
        generic_row(**address("1001"), sku="TEA", qty="1"),
        generic_row(**address("1002"), sku="NOPE", qty="abc"),
        generic_row(**address("1003"), sku="TEA", qty="0"),
        generic_row(**address("1004"), sku="TEA", qty="-2"),
        generic_row(
            **address("1005", order_date="2026-02-30", postal_code="12345"), sku="TEA", qty="1"
        ),
        generic_row(**address("1006", prefecture="Atlantis"), carrier="dhl", sku="TEA", qty="1"),
        generic_row(**address("1006", city="横浜市"), sku="CUP", qty="1"),
        generic_row(**address("1007"), carrier="yamato", service="飛脚宅配便", sku="TEA", qty="1"),
        generic_row(**address("1008"), delivery_date="next week", sku="TEA", qty="1"),
    ]
    with pytest.raises(InputRejected) as refused:
        import_orders(shop, write_csv(tmp_path / "orders.csv", GENERIC_HEADER, rows))
    assert [str(p) for p in refused.value.problems] == [
        'orders.csv:3: sku: "NOPE" is not a known product',
        'orders.csv:3: qty: "abc" is not a whole number',
        'orders.csv:4: qty: "0" must be at least 1',
        'orders.csv:5: qty: "-2" must be at least 1',
        'orders.csv:6: order_date: "2026-02-30" is not a date (no such day)',
        'orders.csv:6: postal_code: "12345" is not a postal code (7 digits, 123-4567)',
        'orders.csv:7: prefecture: "Atlantis" is not a Japanese prefecture',
        'orders.csv:7: carrier: "dhl" is not a carrier code (yamato, sagawa, japanpost, generic)',
        'orders.csv:8: city: "横浜市" differs from line 7 ("千代田区") of this order',
        'orders.csv:9: service: "飛脚宅配便" is not a yamato service '
        "(宅急便, 宅急便コンパクト, ネコポス, クロネコゆうパケット)",
        'orders.csv:10: delivery_date: "next week" is not a date (YYYY-MM-DD)',
    ]
    assert row_counts(shop) == before


def test_a_shopify_line_without_sku_is_a_problem(shop: Database, tmp_path: Path) -> None:
    rows = [
        shopify_row(
            Name="#1",
            Created_at="2026-01-05 10:00:00 +0900",
            Lineitem_quantity="1",
            Lineitem_sku="TEA",
            Shipping_Name="A",
            Shipping_Address1="1-1",
            Shipping_City="C",
            Shipping_Zip="1000001",
            Shipping_Province="JP-13",
        ),
        shopify_row(Name="#1", Lineitem_quantity="1", Lineitem_sku=""),
        shopify_row(
            Name="#2",
            Created_at="yesterday",
            Lineitem_quantity="1",
            Lineitem_sku="TEA",
            Shipping_Name="B",
            Shipping_Address1="1-1",
            Shipping_City="C",
            Shipping_Zip="1000001",
            Shipping_Province="JP-99",
        ),
    ]
    with pytest.raises(InputRejected) as refused:
        import_orders(shop, write_csv(tmp_path / "export.csv", SHOPIFY_HEADER, rows))
    assert [str(p) for p in refused.value.problems] == [
        "export.csv:3: Lineitem sku: empty (a value is required)",
        'export.csv:4: Created at: "yesterday" is not a date (YYYY-MM-DD [HH:MM:SS])',
        'export.csv:4: Shipping Province: "JP-99" is not a Japanese prefecture',
    ]
    assert row_counts(shop)["orders"] == 0


def test_the_format_is_told_from_the_header_or_refused(shop: Database, tmp_path: Path) -> None:
    rows = [generic_row(**address("1001"), sku="TEA", qty="1")]
    generic = write_csv(tmp_path / "orders.csv", GENERIC_HEADER, rows)
    with pytest.raises(InputRejected) as refused:
        import_orders(shop, generic, fmt="shopify")
    assert "orders.csv:1: Name: required column is missing from the header" in str(refused.value)
    odd = write_csv(tmp_path / "odd.csv", ["number", "item"], [["1", "TEA"]])
    with pytest.raises(InputRejected, match=r"odd\.csv:1: not an orders file"):
        import_orders(shop, odd)
    missing = write_csv(tmp_path / "short.csv", ["order_number", "sku", "qty"], [["1", "TEA", "1"]])
    with pytest.raises(InputRejected) as refused:
        import_orders(shop, missing)
    assert str(refused.value).splitlines()[0] == (
        "short.csv:1: order_date: required column is missing from the header"
    )
    assert row_counts(shop)["orders"] == 0


def test_an_unknown_default_carrier_is_refused_as_a_carrier_column_would_be(
    shop: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "orders.csv", GENERIC_HEADER, [generic_row(**address("1001"), sku="TEA")]
    )
    with pytest.raises(Refused) as refused:
        import_orders(shop, path, default_carrier="ups")
    assert str(refused.value) == (
        'default carrier: "ups" is not a carrier code (yamato, sagawa, japanpost, generic)'
    )
    assert _orders(shop) == {}
