"""Files no one meant to send: random bytes and valid files with bytes cut, added and swapped.

Whatever the file, an import either succeeds or is refused with located problems: never a
traceback, and a refused file leaves every table exactly as it was.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.core.errors import Refused
from app.db.database import Database
from app.db.models import Base
from app.services.carriers import import_carrier_numbers
from app.services.intake import import_expected, import_orders, import_products, import_stock
from app.services.users import add_user
from tests.intake_support import (
    GENERIC_HEADER,
    SHOPIFY_HEADER,
    address,
    csv_text,
    generic_row,
    shopify_row,
    write_csv,
)
from tests.stationdata import SUPERVISOR_PIN

#: What shops' files break with: separators, quotes, control bytes, the other encoding,
#: numbers and dates past the limits, codes of other kinds.
_NASTY = [
    b"\x00",
    b"\x1b[2J",
    b",",
    b'"',
    b"\r\n",
    b"\n",
    b"|",
    b"\t",
    b"\xff",
    b"\x82",
    b"\xef\xbb\xbf",
    "佐藤 健".encode(),
    "佐藤 健".encode("cp932"),
    b"9999999",
    b"99999999999999999999",
    b"-1",
    b"0001-01-01",
    b"9999-12-31 23:59:59 +1400",
    b"KCMD:COMPLETE",
    b"4901234567894",
    b"BADGE-1",
    b"A-01",
    b"x" * 300,
]

#: Valid files as (header, rows, encoding).
Sheet = tuple[list[str], list[list[str]], str]
PRODUCTS: Sheet = (
    ["sku", "name", "barcode", "case_barcode", "case_qty", "location", "lot_tracked"],
    [
        ["TEA", "緑茶", "4901234567894|ITEM-T", "14901234567891", "12", "A-01", "0"],
        ["RICE", "米", "ITEM-R", "", "", "B-02", "1"],
    ],
    "utf-8",
)
STOCK: Sheet = (
    ["sku", "location", "qty", "lot", "expiry"],
    [["TEA", "A-01", "9999990", "", ""], ["RICE", "B-02", "5", "L1", ""]],
    "cp932",
)
GENERIC: Sheet = (
    GENERIC_HEADER,
    [
        generic_row(**address("KP-1"), gift_message="おめでとう\nございます", sku="TEA", qty="2"),
        generic_row(order_number="KP-1", sku="RICE", qty="1"),
        generic_row(**address("KP-2", customer_name="佐藤 健"), sku="TEA", qty="9999999"),
    ],
    "cp932",
)
SHOPIFY: Sheet = (
    SHOPIFY_HEADER,
    [
        shopify_row(
            Name="#1001",
            Created_at="2026-01-05 10:23:45 +0900",
            Lineitem_quantity="1",
            Lineitem_sku="TEA",
            Shipping_Name="山田 太郎",
            Shipping_Zip="100-0005",
            Shipping_Province="JP-13",
            Shipping_City="千代田区",
            Shipping_Address1="丸の内1-1-1",
            Note_Attributes="gift_message: おめでとう",
        )
    ],
    "utf-8-sig",
)
CARRIER: Sheet = (
    ["order_number", "tracking"],
    [["KP-0", "1234-5678-9013"], ["KP-0", "200961185434"]],
    "utf-8",
)
EXPECTED: Sheet = (
    ["delivery", "supplier", "sku", "qty", "lot", "expiry"],
    [["D-1", "丸和食品", "TEA", "24", "", ""], ["D-1", "", "TEA", "6", "", ""]],
    "cp932",
)


def _encoded(sheet: Sheet) -> bytes:
    header, rows, encoding = sheet
    return csv_text(header, rows).encode(encoding)


@st.composite
def cells_changed(draw: st.DrawFn, sheet: Sheet) -> bytes:
    """`sheet` with a few cells replaced by nasty or random text, still a well-formed CSV."""
    header, rows, encoding = sheet
    changed = [[str(cell) for cell in row] for row in rows]
    for _ in range(draw(st.integers(1, 4))):
        row = draw(st.sampled_from(changed))
        at = draw(st.integers(0, len(row) - 1))
        nasty = st.sampled_from(_NASTY).map(lambda raw: raw.decode("utf-8", "replace"))
        row[at] = draw(st.one_of(nasty, st.text(max_size=12)))
    return csv_text(header, changed).encode(encoding, errors="replace")


@st.composite
def mutated(draw: st.DrawFn, valid: bytes) -> bytes:
    """`valid` with a few spans replaced by nasty or random bytes."""
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 12))
        data[at : at + cut] = draw(st.one_of(st.sampled_from(_NASTY), st.binary(max_size=8)))
    return bytes(data)


def files(sheet: Sheet) -> st.SearchStrategy[bytes]:
    """Random bytes, or a valid file with bytes or cells changed (more often)."""
    valid = _encoded(sheet)
    return st.one_of(st.binary(max_size=400), mutated(valid), cells_changed(sheet))


def fingerprint(db: Database) -> str:
    """A digest of every row of every table."""
    digest = hashlib.sha256()
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            rows = sorted(repr(tuple(row)) for row in s.execute(select(table)))
            digest.update(f"{table.name}:{rows}".encode())
    return digest.hexdigest()


@pytest.fixture
def stocked(db: Database, tmp_path: Path) -> Database:
    """Products, stock, a badge and an order, so every kind of code has a holder."""
    folder = tmp_path / "seed"
    folder.mkdir()
    (folder / "p.csv").write_bytes(_encoded(PRODUCTS))
    import_products(db, folder / "p.csv")
    (folder / "s.csv").write_bytes(_encoded(STOCK))
    import_stock(db, folder / "s.csv")
    order = [generic_row(**address("KP-0"), carrier="generic", sku="TEA", qty="1")]
    import_orders(db, write_csv(folder / "o.csv", GENERIC_HEADER, order))
    add_user(db, "佐藤 健", "supervisor", "BADGE-1", SUPERVISOR_PIN)
    return db


Importer = Callable[[Database, Path], object]
_names = itertools.count()
_FUZZ = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _fuzzed(db: Database, folder: Path, run: Importer, data: bytes) -> None:
    path = folder / f"fuzz-{next(_names)}.csv"
    path.write_bytes(data)
    before = fingerprint(db)
    try:
        run(db, path)
    except Refused as refused:
        assert str(refused)
        assert fingerprint(db) == before


@_FUZZ
@given(data=files(PRODUCTS))
def test_a_products_file_is_imported_or_refused_unchanged(
    stocked: Database, tmp_path: Path, data: bytes
) -> None:
    _fuzzed(stocked, tmp_path, import_products, data)


@_FUZZ
@given(data=files(STOCK))
def test_a_stock_file_is_imported_or_refused_unchanged(
    stocked: Database, tmp_path: Path, data: bytes
) -> None:
    _fuzzed(stocked, tmp_path, import_stock, data)


@_FUZZ
@given(data=st.one_of(files(GENERIC), files(SHOPIFY)))
def test_an_orders_file_is_imported_or_refused_unchanged(
    stocked: Database, tmp_path: Path, data: bytes
) -> None:
    _fuzzed(stocked, tmp_path, import_orders, data)


@_FUZZ
@given(data=files(CARRIER))
def test_a_carrier_numbers_file_is_attached_or_refused_unchanged(
    stocked: Database, tmp_path: Path, data: bytes
) -> None:
    _fuzzed(stocked, tmp_path, import_carrier_numbers, data)


@_FUZZ
@given(data=files(EXPECTED))
def test_an_expected_deliveries_file_is_imported_or_refused_unchanged(
    stocked: Database, tmp_path: Path, data: bytes
) -> None:
    _fuzzed(stocked, tmp_path, import_expected, data)
