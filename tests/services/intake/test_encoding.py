"""Reading the files shops send: CP932 / Shift_JIS, UTF-8 with and without BOM, odd shapes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import InputRejected
from app.db.database import Database
from app.db.models import Order, Product
from app.services.intake import import_orders, import_products
from tests.intake_support import (
    GENERIC_HEADER,
    address,
    csv_text,
    generic_row,
    row_counts,
    seed_products,
    write_csv,
)


def _problems(refused: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [str(p) for p in refused.value.problems]


def test_a_cp932_orders_file_keeps_its_japanese_text(db: Database, tmp_path: Path) -> None:
    seed_products(db, tmp_path, "TEA")
    rows = [
        generic_row(
            **address("受注-1", customer_name="髙橋 花子"),
            address2="ｻﾝﾌﾟﾙﾋﾞﾙ ①号室",
            gift_message="ご結婚おめでとうございます",
            delivery_time="午前中",
            sku="TEA",
            qty="1",
        )
    ]
    path = write_csv(tmp_path / "rakuten.csv", GENERIC_HEADER, rows, encoding="cp932")
    assert "髙橋".encode("cp932") in path.read_bytes()  # really Shift_JIS (CP932) bytes
    import_orders(db, path)
    with db.read() as s:
        order = s.scalars(select(Order)).one()
    assert (order.number, order.customer_name) == ("受注-1", "髙橋 花子")
    assert (order.address2, order.gift_message) == ("ｻﾝﾌﾟﾙﾋﾞﾙ ①号室", "ご結婚おめでとうございます")
    assert (order.prefecture, order.delivery_time) == ("東京都", "午前中")


def test_a_cp932_products_file_and_a_utf8_bom_file_read_alike(db: Database, tmp_path: Path) -> None:
    header = ["sku", "name", "barcode", "variant"]
    sjis = write_csv(
        tmp_path / "sjis.csv", header, [["T-1", "ほうじ茶 ティーバッグ", "ITEM-1", "大"]], "cp932"
    )
    bom = write_csv(
        tmp_path / "bom.csv", header, [["T-2", "玄米茶 ５袋", "ITEM-2", "小"]], "utf-8-sig"
    )
    assert bom.read_bytes().startswith(codecs.BOM_UTF8)
    import_products(db, sjis)
    import_products(db, bom)
    with db.read() as s:
        names = {p.sku: (p.name, p.variant) for p in s.scalars(select(Product))}
    assert names == {"T-1": ("ほうじ茶 ティーバッグ", "大"), "T-2": ("玄米茶 ５袋", "小")}


def test_bytes_not_valid_in_cp932_are_named_by_line(db: Database, tmp_path: Path) -> None:
    rows = [["A", "緑茶", "ITEM-A"], ["B", "紅茶", "ITEM-B"], ["C", "麦茶", "ITEM-C"]]
    data = csv_text(["sku", "name", "barcode"], rows).encode("cp932")
    # A Shift_JIS lead byte followed by a comma: a character cut in half on line 3;
    # on line 4 a byte no Shift_JIS text has.
    data = data.replace("紅茶".encode("cp932"), b"\x8d\x67\x82")
    data = data.replace("麦茶".encode("cp932"), "麦".encode("cp932") + b"\xfd")
    path = tmp_path / "broken.csv"
    path.write_bytes(data)
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert _problems(refused) == [
        "broken.csv:3: byte 82 at byte 5: not valid CP932 (the file's detected encoding)",
        "broken.csv:4: byte FD (character 4): not valid CP932 (the file's detected encoding)",
    ]
    assert row_counts(db)["products"] == 0


def test_a_damaged_line_in_a_utf8_file_is_named_not_misread(db: Database, tmp_path: Path) -> None:
    rows = [[f"S-{i}", f"商品{i}", f"ITEM-{i}"] for i in range(5)]
    data = csv_text(["sku", "name", "barcode"], rows).encode("utf-8")
    data = data.replace("商品3".encode(), b"\xff\xfe3")
    path = tmp_path / "damaged.csv"
    path.write_bytes(data)
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert _problems(refused) == [
        "damaged.csv:5: byte FF at byte 5: not valid UTF-8 (the file's detected encoding)"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty.csv: empty file (no header line)"),
        (b"\r\n  \r\n", "empty.csv: empty file (no header line)"),
        (b"sku,name,barcode\r\n", "empty.csv:1: no rows below the header"),
        (b"sku,name,barcode\r\n,,\r\n", "empty.csv:1: no rows below the header"),
        (codecs.BOM_UTF16_LE + "sku".encode("utf-16-le"), "empty.csv: the file is UTF-16"),
        (b'"', "empty.csv:1: cannot read the header: unexpected end of data"),
    ],
)
def test_a_file_with_nothing_to_import_is_refused(
    db: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert _problems(refused)[0].startswith(message)
    assert row_counts(db)["import_batches"] == 0


def test_a_missing_file_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InputRejected, match=r"^nothere\.csv: no such file$"):
        import_products(db, tmp_path / "nothere.csv")


def test_columns_in_any_order_and_unknown_columns_are_ignored(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        ["メモ", "barcode", "name", "sku", "price"],
        [["社内用", "ITEM-1", "Tea", "T-1", "500"]],
    )
    assert str(import_products(db, path)).startswith("p.csv: 1 product added")


def test_rows_whose_cells_shifted_are_named_with_their_physical_line(
    db: Database, tmp_path: Path
) -> None:
    seed_products(db, tmp_path, "TEA")
    header = GENERIC_HEADER
    rows = [
        # A quoted gift message over three physical lines (lines 2-4).
        generic_row(**address("1"), gift_message="一行目\r\n二行目\r\n三行目", sku="TEA", qty="1"),
        generic_row(**address("2"), sku="TEA", qty="x"),
    ]
    text = csv_text(header, rows) + "3,2026-01-05,A\r\n" + ",".join(["4"] * 18) + "\r\n"
    path = tmp_path / "orders.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputRejected) as refused:
        import_orders(db, path)
    assert _problems(refused) == [
        'orders.csv:5: qty: "x" is not a whole number',
        "orders.csv:6: has 3 fields, the header has 17",
        "orders.csv:7: has 18 fields, the header has 17",
    ]


def test_a_header_naming_a_column_twice_is_refused(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", ["sku", "name", "barcode", "sku"], [["A", "B", "C", "D"]])
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert _problems(refused) == ["p.csv:1: sku: the header names this column twice"]


def test_a_cp932_file_with_a_utf8_line_is_refused_naming_that_line(
    db: Database, tmp_path: Path
) -> None:
    seed_products(db, tmp_path, "TEA")
    before = row_counts(db)
    rows = [
        generic_row(**address(f"R-{i}", customer_name=name), sku="TEA", qty="1")
        for i, name in enumerate(["髙橋 花子", "鈴木 一郎", "佐藤 健", "田中 美咲"], start=1)
    ]
    lines = csv_text(GENERIC_HEADER, rows).encode("cp932").split(b"\r\n")
    # Line 4 was pasted in from a UTF-8 file: the same text in the other encoding.
    lines[3] = lines[3].decode("cp932").encode("utf-8")
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(InputRejected) as refused:
        import_orders(db, path)
    assert _problems(refused) == [
        "mixed.csv:4: this line is UTF-8 but the file's other lines are CP932 (Shift_JIS); "
        "save the whole file in one encoding"
    ]
    assert row_counts(db) == before


def test_a_utf8_file_with_a_cp932_line_is_refused_naming_that_line(
    db: Database, tmp_path: Path
) -> None:
    rows = [[f"S-{i}", f"商品 {i}", f"ITEM-{i}"] for i in range(1, 5)]
    lines = csv_text(["sku", "name", "barcode"], rows).encode("utf-8").split(b"\r\n")
    lines[2] = lines[2].decode("utf-8").encode("cp932")
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert _problems(refused) == [
        "mixed.csv:3: this line is CP932 (Shift_JIS) but the file's other lines are UTF-8; "
        "save the whole file in one encoding"
    ]
    assert row_counts(db)["products"] == 0
