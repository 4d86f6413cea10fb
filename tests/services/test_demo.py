"""The demo: its committed sample files, and the database `kenpin demo` builds from them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.carriers import DEFAULT_CARRIER, carrier_from_shipping_method
from app.core.gtin import is_valid_gtin
from app.db.database import Database
from app.db.models import (
    Barcode,
    ImportBatch,
    Order,
    OrderLine,
    Product,
    Reservation,
    StockMove,
    User,
)
from app.db.station import badge_user
from app.services.carriers import attach_carrier_number
from app.services.demo import build_demo, demo_url, sample_folder
from app.services.shop_settings import ShopSettings
from tests import ROOT

SAMPLE = sample_folder()
BIN = re.compile(r"[A-Z]-\d{2}-\d{2}")
PLAUSIBLE_FROM = dt.date(2026, 12, 1)


def _rows(name: str, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    text = (SAMPLE / name).read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _orders() -> dict[str, dict[str, str]]:
    """Every sample order's first row, by number, with a `carrier` key for Shopify's too."""
    orders: dict[str, dict[str, str]] = {}
    for name, encoding in (
        ("orders_generic.csv", "utf-8-sig"),
        ("orders_marketplace_cp932.csv", "cp932"),
    ):
        for row in _rows(name, encoding):
            orders.setdefault(row["order_number"], row)
    for row in _rows("orders_shopify.csv"):
        if row["Created at"]:
            assert row["Name"] not in orders
            method = row["Shipping Method"]
            carrier = carrier_from_shipping_method(method) or DEFAULT_CARRIER
            orders[row["Name"]] = {**row, "carrier": carrier.value}
    return orders


def test_sample_folder_holds_the_committed_files() -> None:
    assert SAMPLE == ROOT / "resources" / "sample"
    assert (SAMPLE / "products.csv").is_file()


def test_committed_files_are_exactly_what_the_generator_writes(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "make_sample_data.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True)
    written = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert written == sorted(p.name for p in SAMPLE.glob("*.csv"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name


def test_products_have_valid_jan_codes_and_look_alike_variants() -> None:
    products = _rows("products.csv")
    assert len(products) >= 60
    codes = [code for p in products for code in p["barcode"].split("|")]
    assert len(codes) == len(set(codes)), "a barcode belongs to one product"
    for code in codes:
        assert len(code) == 13 and code[:2] in ("45", "49") and is_valid_gtin(code), code
    variants: dict[str, list[dict[str, str]]] = defaultdict(list)
    for p in products:
        variants[p["name"]].append(p)
    look_alikes = [group for group in variants.values() if len(group) > 1]
    assert len(look_alikes) >= 10
    tshirts = variants["オーガニックコットン Tシャツ"]
    assert {p["variant"] for p in tshirts} >= {"ホワイト / S", "ホワイト / M", "ネイビー / L"}
    assert len({p["barcode"] for p in tshirts}) == len(tshirts)
    assert all(BIN.fullmatch(p["location"]) for p in products)


def test_case_barcodes_and_tracked_products_are_present() -> None:
    products = _rows("products.csv")
    cases = [p for p in products if p["case_barcode"]]
    assert len(cases) >= 3
    for p in cases:
        assert len(p["case_barcode"]) == 14 and is_valid_gtin(p["case_barcode"])
        assert int(p["case_qty"]) in (6, 12, 24)
    assert any(p["lot_tracked"] == "1" and p["expiry_tracked"] == "1" for p in products)
    assert any(p["lot_tracked"] == "1" and p["expiry_tracked"] == "0" for p in products)
    assert any(int(p["min_shelf_life_days"]) > 0 for p in products)


def test_lot_goods_with_a_jan_only_are_confirmed_and_some_carry_their_lot_in_gs1() -> None:
    products = _rows("products.csv")
    checks = Counter(p["lot_check"] for p in products if p["lot_tracked"] == "1")
    assert set(checks) == {"gs1", "confirm"}
    assert checks["confirm"] > checks["gs1"]
    assert all(p["lot_check"] == "" for p in products if p["lot_tracked"] == "0")


def test_stock_is_in_named_bins_with_lots_and_one_expired_lot() -> None:
    products = {p["sku"]: p for p in _rows("products.csv")}
    stock = _rows("stock.csv")
    assert {row["sku"] for row in stock} <= set(products)
    assert all(BIN.fullmatch(row["location"]) and int(row["qty"]) > 0 for row in stock)
    for row in stock:
        product = products[row["sku"]]
        assert bool(row["lot"]) == (product["lot_tracked"] == "1"), row
        assert bool(row["expiry"]) == (product["expiry_tracked"] == "1"), row
    expiries = [dt.date.fromisoformat(row["expiry"]) for row in stock if row["expiry"]]
    assert sum(1 for day in expiries if day < dt.date(2026, 11, 1)) == 1
    assert sum(1 for day in expiries if day > dt.date(2028, 12, 31)) > 20


def test_orders_are_300_plus_across_three_carriers_with_gifts_and_wishes() -> None:
    orders = _orders()
    assert len(orders) >= 300
    carriers = Counter(order["carrier"] for order in orders.values())
    assert set(carriers) == {"yamato", "sagawa", "japanpost"}
    assert min(carriers.values()) >= 40
    gifts = [
        o
        for o in orders.values()
        if o.get("gift_message") or "ギフトメッセージ" in o.get("Note Attributes", "")
    ]
    assert len(gifts) >= 10
    # Generic files name the date in a column, Shopify in its note attributes.
    wished = [o.get("delivery_date", "") + o.get("Note Attributes", "") for o in orders.values()]
    days = [re.search(r"\d{4}[-/]\d{2}[-/]\d{2}", text) for text in wished]
    wishes = [dt.date.fromisoformat(day[0].replace("/", "-")) for day in days if day]
    assert len(wishes) >= 30
    assert min(wishes) > PLAUSIBLE_FROM
    slots = {o.get("delivery_time") for o in orders.values()}
    assert slots >= {"午前中", "14-16", "16-18", "18-20", "19-21"}
    skus = {p["sku"] for p in _rows("products.csv")}
    lines = [r["sku"] for r in _rows("orders_generic.csv")]
    lines += [r["Lineitem sku"] for r in _rows("orders_shopify.csv")]
    assert set(lines) <= skus


def test_orders_have_japanese_addresses() -> None:
    for order in _rows("orders_generic.csv"):
        assert re.fullmatch(r"\d{3}-\d{4}", order["postal_code"])
        assert order["prefecture"].endswith(("都", "道", "府", "県"))
        assert re.search(r"\d+-\d+", order["address1"])
        assert re.fullmatch(r"0\d{1,4}-\d{1,4}-\d{4}", order["phone"])
    tokyo = [o for o in _rows("orders_generic.csv") if o["prefecture"] == "東京都"]
    assert tokyo and all(o["postal_code"][:1] == "1" for o in tokyo)


def test_marketplace_file_is_cp932_not_utf8() -> None:
    data = (SAMPLE / "orders_marketplace_cp932.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp932")
    assert "髙橋" in text and "\r\n" in text


def test_demo_url_is_its_own_file_never_kenpin_db(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KENPIN_DB", "postgresql+psycopg://postgres@127.0.0.1:5432/production")
    url = demo_url()
    assert url.startswith("sqlite:///") and url.endswith("/demo.db")
    assert "production" not in url


def _counts(db: Database) -> dict[str, int]:
    tables = (Product, Barcode, Order, OrderLine, StockMove, Reservation, User, ImportBatch)
    with db.read() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
            for t in tables
        }


def _statuses(db: Database) -> Counter[str]:
    with db.read() as session:
        return Counter(
            dict(session.execute(select(Order.status, func.count()).group_by(Order.status)).all())
        )


def test_build_demo_fills_and_allocates_and_a_second_build_adds_nothing(db: Database) -> None:
    summary = build_demo(db)
    counts = _counts(db)
    assert counts["products"] >= 60
    assert counts["orders"] >= 300
    statuses = _statuses(db)
    assert statuses["allocated"] >= 250
    assert 1 <= statuses["backordered"] <= 20
    with db.read() as session:
        users = {
            badge: (user.name, user.role)
            for badge in ("BADGE-PACK-01", "BADGE-SUP-01", "BADGE-ADMIN-01")
            if (user := badge_user(session, badge)) is not None
        }
        gifts = session.scalar(select(func.count()).where(Order.gift_message != ""))
        carriers = set(session.scalars(select(Order.carrier).distinct()))
    assert users == {
        "BADGE-PACK-01": ("山田 花子", "packer"),
        "BADGE-SUP-01": ("佐藤 健", "supervisor"),
        "BADGE-ADMIN-01": ("高橋 恵", "admin"),
    }
    assert gifts and gifts >= 10
    assert carriers == {"yamato", "sagawa", "japanpost"}
    assert "BADGE-PACK-01" in summary and "BADGE-SUP-01" in summary
    with db.read() as session:
        checks = dict(
            session.execute(
                select(Product.lot_check, func.count())
                .where(Product.lot_tracked.is_(True))
                .group_by(Product.lot_check)
            ).all()
        )
    in_file = Counter(p["lot_check"] for p in _rows("products.csv") if p["lot_tracked"] == "1")
    assert checks == in_file
    # A GS1 code to type for the gs1 goods, as their DataMatrix would read.
    assert re.search(
        r"SP-VC-30, SP-VC-60: .* e\.g\. \(01\)04582119031015\(17\)\d{6}\(10\)VC", summary
    )

    again = build_demo(db)
    assert _counts(db) == counts
    assert _statuses(db) == statuses
    assert "already there" in again


def test_the_demo_shop_is_the_sender_on_its_labels_and_one_changed_by_hand_stays(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_demo(db)
    with db.read() as session:
        number = session.scalar(
            select(Order.number).where(Order.carrier == "yamato").order_by(Order.id).limit(1)
        )
    assert number is not None
    attach_carrier_number(db, number, "123456789002")
    out = tmp_path / "label.pdf"
    args = ["--db", db.url, "label", "render", number, "--format", "pdf", "--out", str(out)]
    assert main(args) == 0
    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(out))
    for words in ("和雑貨さくら堂 大阪倉庫", "〒530-0001", "さくらビル3F", "TEL 06-1234-5678"):
        assert words in text

    ShopSettings(db).set_up({"shop.name": "さくら堂 本店"})
    assert "shop settings: already there" in build_demo(db)
    assert ShopSettings(db).sender().name == "さくら堂 本店"


def test_kenpin_demo_command_builds_without_a_window(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "demo", "--no-window"]) == 0
    out = capsys.readouterr().out
    assert "BADGE-PACK-01" in out and "backordered" in out


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME places the data folder on Linux")
def test_kenpin_demo_leaves_the_kenpin_db_database_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    production = tmp_path / "production.db"
    monkeypatch.setenv("KENPIN_DB", f"sqlite:///{production}")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["demo", "--no-window"]) == 0
    assert (tmp_path / "data" / "kenpin" / "demo.db").is_file()
    assert not production.exists()
