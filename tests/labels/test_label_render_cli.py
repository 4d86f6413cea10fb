"""`kenpin label render`: the order's current label as ZPL or PDF, and `orders list` parcels."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from app.bootstrap import open_database
from app.cli import main
from app.db.models import Order
from app.services.carriers import attach_carrier_number
from tests.stockdata import add_order, add_product

YAMATO = "123456789002"  # 12345678900 + its mod-7 check digit (12345678900 mod 7 = 2)


def order_with_label(db_url: str) -> None:
    db = open_database(db_url)
    with db.write() as s:
        order_id = add_order(s, "#1001", [(add_product(s, "TEA"), 1)])
        order = s.get_one(Order, order_id)
        order.customer_name, order.postal_code = "山田 太郎", "100-0005"
        order.prefecture, order.city, order.address1 = "東京都", "千代田区", "丸の内1-1-1"
        order.carrier = "yamato"
    attach_carrier_number(db, "#1001", YAMATO)


def test_pdf_label_scans_to_the_tracking_number_and_holds_the_address(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    order_with_label(db_url)
    out = tmp_path / "label.pdf"
    assert (
        main(["--db", db_url, "label", "render", "#1001", "--format", "pdf", "--out", str(out)])
        == 0
    )
    page = pypdfium2.PdfDocument(str(out))[0]
    found = zxingcpp.read_barcodes(page.render(scale=203 / 72).to_pil())
    assert [code.text.strip("ABCD") for code in found] == [YAMATO]
    text = page.get_textpage().get_text_range()
    assert "山田 太郎" in text and "丸の内1-1-1" in text


def test_zpl_label_is_one_label_for_the_printer_at_300_dpi(db_url: str, tmp_path: Path) -> None:
    order_with_label(db_url)
    out = tmp_path / "label.zpl"
    args = ["--db", db_url, "label", "render", "#1001", "--format", "zpl", "--out", str(out)]
    assert main([*args, "--dpi", "300"]) == 0
    zpl = out.read_text(encoding="ascii")
    assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ") and zpl.count("^XA") == 1
    assert "^PW1200" in zpl and YAMATO in zpl


def test_an_order_without_a_parcel_has_no_label_yet(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_database(db_url).write() as s:
        add_order(s, "#1002", [(add_product(s, "CUP"), 1)])
    out = tmp_path / "label.pdf"
    args = ["--db", db_url, "label", "render", "#1002", "--format", "pdf", "--out", str(out)]
    assert main(args) == 1
    assert "order #1002 has no shipping label yet" in capsys.readouterr().err
    assert not out.exists()


def test_orders_list_json_names_the_parcels(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    order_with_label(db_url)
    assert main(["--db", db_url, "orders", "list", "--json"]) == 0
    (order,) = json.loads(capsys.readouterr().out)
    assert order["parcels"] == [{"tracking": YAMATO, "status": "labelled"}]
