"""Pick list, packing slip and message card: real PDFs, read back as a person and a scanner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from sqlalchemy import select

from app.core.errors import Refused
from app.core.label import ShipFrom
from app.db.database import Database
from app.db.models import Order, Product
from app.labels.packing_slip import Address, PackingSlip, SlipItem, write_packing_slip
from app.services.allocation import allocate
from app.services.documents import message_card_pdf, packing_slip_pdf, pick_list_pdf
from app.services.shop_settings import ShopSettings
from tests.stockdata import add_order, add_product, receive

TODAY = dt.date(2026, 5, 1)
# Walk order differs from the alphabetical one, so a list sorted by code would show.
BINS = (("C-03", 1), ("A-01", 2), ("B-02", 3))
GIFT = "お誕生日おめでとう！\nいつもありがとう。素敵な一年になりますように。"


def read_pdf(pdf: Path) -> tuple[list[str], list[str]]:
    """(text of each page, every barcode found on any page) rendered at 300 dpi, as printed."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        texts, codes = [], []
        for page in document:
            texts.append(page.get_textpage().get_text_range())
            image = page.render(scale=300 / 72).to_pil()
            codes += [found.text for found in zxingcpp.read_barcodes(image)]
        return texts, codes
    finally:
        document.close()


def build_wave(db: Database) -> None:
    """Three products in three bins, three allocated orders (the last a gift) and a short one."""
    with db.write() as s:
        ids = []
        for (bin_code, seq), sku in zip(BINS, ("GREENTEA", "MUG-W", "TOTE"), strict=True):
            product_id = add_product(s, sku)
            ids.append(product_id)
            receive(s, product_id, bin_code, 10, walk_seq=seq)
        s.get_one(Product, ids[0]).name = "有機緑茶 ティーバッグ"
        s.get_one(Product, ids[1]).variant = "白 / M"
        add_order(s, "#1001", [(ids[1], 2), (ids[0], 1)], minutes=0)
        add_order(s, "#1002", [(ids[2], 1), (ids[0], 3)], minutes=5)
        add_order(s, "#1003", [(ids[0], 1)], minutes=10)
        add_order(s, "#1004", [(ids[2], 99)], minutes=15)  # more than there is: backordered
        for order in s.scalars(select(Order)):
            order.postal_code = "1500001"
            order.prefecture = "東京都"
            order.city = "渋谷区神宮前"
            order.address1 = "1-2-3 表参道ヒルズ"
            order.address2 = "401号室"
            order.customer_name = f"山田 花子 {order.number}"
        s.scalars(select(Order).where(Order.number == "#1003")).one().gift_message = GIFT
    allocate(db, TODAY)


def test_pick_list_walks_the_bins_in_walk_order_with_every_order_scannable(
    db: Database, tmp_path: Path
) -> None:
    build_wave(db)
    out = tmp_path / "pick.pdf"
    summary = pick_list_pdf(db, out, today=TODAY)
    assert "3 orders" in summary and "8 units" in summary
    (text,), codes = read_pdf(out)
    positions = [text.index(code) for code, _ in BINS]
    assert positions == sorted(positions), "bins must come in walk order: C-03, A-01, B-02"
    assert sorted(codes) == ["#1001", "#1002", "#1003"]
    assert "GREENTEA" in text and "有機緑茶" in text and "白 / M" in text
    assert "2026-05-01" in text and "1 / 1" in text
    assert "注文 3 件" in text and "8 点" in text
    # The tea is one line: all five units from C-03, naming each order it goes to.
    tea_line = text[text.index("C-03") : text.index("A-01")]
    assert "5" in tea_line and "#1002 ×3" in tea_line and "#1003" in tea_line


def test_a_wave_can_be_the_oldest_orders_or_the_named_ones(db: Database, tmp_path: Path) -> None:
    build_wave(db)
    oldest = tmp_path / "oldest.pdf"
    pick_list_pdf(db, oldest, limit=2, today=TODAY)
    assert sorted(read_pdf(oldest)[1]) == ["#1001", "#1002"]
    named = tmp_path / "named.pdf"
    assert "1 orders" in pick_list_pdf(db, named, orders=["#1003"], today=TODAY)
    (text,), codes = read_pdf(named)
    assert codes == ["#1003"]
    assert "B-02" not in text and "A-01" not in text


@pytest.mark.parametrize(
    ("orders", "message"),
    [
        (["#1003", "#9999"], "no such order: #9999"),
        (["#1004"], "#1004 is backordered"),
    ],
)
def test_a_wave_with_an_order_that_cannot_be_picked_is_refused(
    db: Database, tmp_path: Path, orders: list[str], message: str
) -> None:
    build_wave(db)
    out = tmp_path / "pick.pdf"
    with pytest.raises(Refused, match=message):
        pick_list_pdf(db, out, orders=orders)
    assert not out.exists()


def test_no_allocated_orders_means_no_pick_list(db: Database, tmp_path: Path) -> None:
    with pytest.raises(Refused, match="no allocated orders"):
        pick_list_pdf(db, tmp_path / "pick.pdf")


def test_a_long_wave_runs_over_numbered_pages_still_in_walk_order(
    db: Database, tmp_path: Path
) -> None:
    bins = [f"Z-{n:02d}" for n in range(45)]
    with db.write() as s:
        for n, bin_code in enumerate(bins):
            product_id = add_product(s, f"SKU-{n:02d}")
            # Walk the bins backwards, so walk order is the reverse of the codes' order.
            receive(s, product_id, bin_code, 5, walk_seq=100 - n)
            add_order(s, f"W{n:03d}", [(product_id, 1)], minutes=n)
    allocate(db, TODAY)
    out = tmp_path / "pick.pdf"
    pick_list_pdf(db, out, today=TODAY)
    texts, codes = read_pdf(out)
    assert len(texts) >= 2
    assert all(f"{page} / {len(texts)}" in text for page, text in enumerate(texts, start=1))
    text = "".join(texts)
    positions = [text.index(bin_code) for bin_code in reversed(bins)]
    assert positions == sorted(positions)
    assert sorted(codes) == [f"W{n:03d}" for n in range(45)]


def test_packing_slip_names_the_customer_and_carries_the_order_barcode(
    db: Database, tmp_path: Path
) -> None:
    build_wave(db)
    out = tmp_path / "slip.pdf"
    # The shop comes from the shop settings every station shares.
    ShopSettings(db).set_up(
        {
            "shop.name": "検品ストア",
            "shop.postal_code": "1000005",
            "shop.address": "東京都千代田区丸の内1-1-1",
            "shop.phone": "03-1234-5678",
        }
    )
    assert "#1001" in packing_slip_pdf(db, "#1001", out, today=TODAY)
    (text,), codes = read_pdf(out)
    assert codes == ["#1001"]
    for words in ("納品書", "〒150-0001", "東京都渋谷区神宮前", "401号室", "山田 花子 #1001", "様"):
        assert words in text
    assert "検品ストア" in text and "〒100-0005" in text
    assert "MUG-W" in text and "白 / M" in text and "有機緑茶" in text
    # No price is stored for orders, so none is printed rather than a made-up one.
    assert "¥" not in text


def test_a_gift_slip_never_shows_prices_even_when_they_are_known(tmp_path: Path) -> None:
    items = (SlipItem("TEA-01", "有機緑茶", "", 2, unit_price=1200),)
    slip = PackingSlip(
        "#2001",
        TODAY,
        TODAY,
        Address("佐藤 一郎", "5300001", "大阪府", "大阪市北区"),
        ShipFrom(),
        items,
    )
    plain, gift = tmp_path / "plain.pdf", tmp_path / "gift.pdf"
    write_packing_slip(plain, slip)
    write_packing_slip(gift, PackingSlip(**{**_fields(slip), "gift": True}))
    (plain_text,), _ = read_pdf(plain)
    (gift_text,), codes = read_pdf(gift)
    assert "¥1,200" in plain_text and "¥2,400" in plain_text
    assert "¥" not in gift_text and "1,200" not in gift_text and "単価" not in gift_text
    assert "佐藤 一郎" in gift_text and "TEA-01" in gift_text and codes == ["#2001"]


def _fields(slip: PackingSlip) -> dict[str, object]:
    return {name: getattr(slip, name) for name in PackingSlip.__slots__}


def test_the_gift_orders_slip_from_the_database_has_no_prices(db: Database, tmp_path: Path) -> None:
    build_wave(db)
    out = tmp_path / "slip.pdf"
    assert "gift" in packing_slip_pdf(db, "#1003", out, today=TODAY)
    (text,), codes = read_pdf(out)
    assert codes == ["#1003"] and "¥" not in text and "様" in text


def test_message_card_carries_the_message_and_the_order_number(
    db: Database, tmp_path: Path
) -> None:
    build_wave(db)
    out = tmp_path / "card.pdf"
    assert "#1003" in message_card_pdf(db, "#1003", out)
    document = pypdfium2.PdfDocument(str(out))
    try:
        assert len(document) == 1
        width, height = document[0].get_size()
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (100, 148)
    finally:
        document.close()
    (text,), _ = read_pdf(out)
    flat = text.replace("\r", "").replace("\n", "")
    assert "お誕生日おめでとう！" in flat and "素敵な一年になりますように。" in flat
    assert "#1003" in text


@pytest.mark.parametrize(
    ("number", "message"),
    [("#1001", "has no gift message"), ("#9999", "no such order: #9999")],
)
def test_a_card_without_a_message_or_an_order_is_refused(
    db: Database, tmp_path: Path, number: str, message: str
) -> None:
    build_wave(db)
    out = tmp_path / "card.pdf"
    with pytest.raises(Refused, match=message):
        message_card_pdf(db, number, out)
    assert not out.exists()


def test_an_unknown_orders_slip_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(Refused, match="no such order: #9999"):
        packing_slip_pdf(db, "#9999", tmp_path / "slip.pdf")


def test_a_long_slip_continues_on_numbered_pages_with_the_total_once(tmp_path: Path) -> None:
    items = tuple(SlipItem(f"SKU-{n:02d}", f"商品 {n}", "赤 / L", 1) for n in range(40))
    slip = PackingSlip("#3001", TODAY, TODAY, Address("鈴木 次郎"), ShipFrom(), items)
    out = tmp_path / "slip.pdf"
    pages = write_packing_slip(out, slip)
    texts, codes = read_pdf(out)
    assert pages == len(texts) >= 2
    assert codes == ["#3001"]  # the barcode heads the first page only
    assert all(f"{page} / {pages}" in text for page, text in enumerate(texts, start=1))
    assert [("合計数量" in text) for text in texts] == [False] * (pages - 1) + [True]
    assert "40 点" in texts[-1]
    joined = "".join(texts)
    assert all(f"SKU-{n:02d}" in joined for n in range(40))


def test_a_message_too_long_for_the_card_is_refused_not_cut(db: Database, tmp_path: Path) -> None:
    build_wave(db)
    with db.write() as s:
        s.scalars(select(Order).where(Order.number == "#1003")).one().gift_message = (
            "ありがとう。" * 400
        )
    out = tmp_path / "card.pdf"
    with pytest.raises(Refused, match="too long"):
        message_card_pdf(db, "#1003", out)
    assert not out.exists()
