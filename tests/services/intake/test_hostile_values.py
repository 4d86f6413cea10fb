"""Values no shop means to send: control characters, over-long text, dates and sums past the
limits. Each is refused where it stands, alike on SQLite and PostgreSQL, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.errors import InputRejected, Refused
from app.db.database import Database
from app.db.models import Order, Station, User
from app.services.intake import import_orders, import_products, import_stock
from app.services.station.station import Opening, open_station
from app.services.users import add_user
from tests.intake_support import (
    GENERIC_HEADER,
    address,
    generic_row,
    row_counts,
    seed_products,
    write_csv,
)


def _problems(refused: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [str(p) for p in refused.value.problems]


def _refused_orders(db: Database, path: Path) -> list[str]:
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        import_orders(db, path)
    assert row_counts(db) == before
    return _problems(refused)


def test_a_nul_in_a_product_name_is_refused_at_its_line(db: Database, tmp_path: Path) -> None:
    rows = [["S-1", "緑茶", "ITEM-1"], ["S-2", "紅\x00茶", "ITEM-2"]]
    path = write_csv(tmp_path / "p.csv", ["sku", "name", "barcode"], rows)
    with pytest.raises(InputRejected) as refused:
        import_products(db, path)
    assert _problems(refused) == ['p.csv:3: name: "紅\\x00茶" contains a control character (NUL)']
    assert row_counts(db)["products"] == 0


def test_nul_and_escape_in_order_fields_are_refused(db: Database, tmp_path: Path) -> None:
    seed_products(db, tmp_path, "TEA")
    rows = [
        generic_row(**address("A-1", customer_name="山田\x00太郎"), sku="TEA", qty="1"),
        generic_row(**address("A-\x1b[2J"), sku="TEA", qty="1"),
        generic_row(**address("A-3", address2="ビル\x1b[31m"), sku="TEA", qty="1"),
    ]
    path = write_csv(tmp_path / "o.csv", GENERIC_HEADER, rows)
    assert _refused_orders(db, path) == [
        'o.csv:2: customer_name: "山田\\x00太郎" contains a control character (NUL)',
        'o.csv:3: order_number: "A-\\x1b[2J" contains a control character (ESC)',
        'o.csv:4: address2: "ビル\\x1b[31m" contains a control character (ESC)',
    ]


def test_a_gift_message_keeps_its_lines_but_a_name_may_not_break(
    db: Database, tmp_path: Path
) -> None:
    seed_products(db, tmp_path, "TEA")
    gift = "お誕生日\r\nおめでとう\tございます"
    ok = [generic_row(**address("G-1"), gift_message=gift, sku="TEA", qty="1")]
    import_orders(db, write_csv(tmp_path / "ok.csv", GENERIC_HEADER, ok))
    with db.read() as s:
        assert s.scalars(select(Order.gift_message)).one() == gift
    bad = [generic_row(**address("G-2", customer_name="山田\n太郎"), sku="TEA", qty="1")]
    path = write_csv(tmp_path / "bad.csv", GENERIC_HEADER, bad)
    assert _refused_orders(db, path) == [
        'bad.csv:2: customer_name: "山田\\n太郎" contains a control character (line break)'
    ]


@pytest.mark.parametrize("when", ["0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31 23:59"])
def test_an_order_date_outside_2000_to_2100_is_refused(
    db: Database, tmp_path: Path, when: str
) -> None:
    seed_products(db, tmp_path, "TEA")
    rows = [generic_row(**address("D-1", order_date=when), sku="TEA", qty="1")]
    path = write_csv(tmp_path / "o.csv", GENERIC_HEADER, rows)
    assert _refused_orders(db, path) == [
        f'o.csv:2: order_date: "{when}" is outside 2000-01-01 to 2100-12-31'
    ]


def test_order_quantities_summed_over_rows_keep_to_the_limit(db: Database, tmp_path: Path) -> None:
    seed_products(db, tmp_path, "TEA")
    rows = [
        generic_row(**address("Q-1"), sku="TEA", qty="9999999"),
        generic_row(order_number="Q-1", sku="TEA", qty="1"),
    ]
    path = write_csv(tmp_path / "o.csv", GENERIC_HEADER, rows)
    assert _refused_orders(db, path) == [
        "o.csv:3: qty: TEA on this order comes to 10,000,000 units (at most 9,999,999)"
    ]


def test_stock_summed_over_rows_and_what_is_stored_keeps_to_the_limit(
    db: Database, tmp_path: Path
) -> None:
    import_products(
        db, write_csv(tmp_path / "p.csv", ["sku", "name", "barcode"], [["S", "S", "X-1"]])
    )
    header = ["sku", "location", "qty"]
    import_stock(db, write_csv(tmp_path / "s1.csv", header, [["S", "A-01", "9999990"]]))
    before = row_counts(db)
    rows = [["S", "A-01", "5"], ["S", "B-01", "9999999"], ["S", "A-01", "5"], ["S", "B-01", "1"]]
    with pytest.raises(InputRejected) as refused:
        import_stock(db, write_csv(tmp_path / "s2.csv", header, rows))
    assert _problems(refused) == [
        "s2.csv:4: qty: S in A-01 would come to 10,000,000 units on hand (at most 9,999,999)",
        "s2.csv:5: qty: S in B-01 would come to 10,000,000 units on hand (at most 9,999,999)",
    ]
    assert row_counts(db) == before


@pytest.mark.parametrize(
    ("name", "badge", "message"),
    [
        ("x" * 101, "B-1", "name: too long (101 characters, at most 100)"),
        ("Hanako", "B" * 65, "badge: too long (65 characters, at most 64)"),
        ("Han\x1bako", "B-1", "name: 'Han\\x1bako' contains a control character (ESC)"),
        ("Hanako", "B-\x001", "badge: 'B-\\x001' contains a control character (NUL)"),
    ],
)
def test_a_user_with_a_hostile_name_or_badge_is_refused(
    db: Database, name: str, badge: str, message: str
) -> None:
    with pytest.raises(Refused) as refused:
        add_user(db, name, "packer", badge)
    assert str(refused.value) == message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 0


@pytest.mark.parametrize(
    ("station", "printer", "message"),
    [
        ("S" * 65, None, "--station: too long (65 characters, at most 64)"),
        ("PACK\x1b]0;", None, "--station: 'PACK\\x1b]0;' contains a control character (ESC)"),
        ("PACK-1", "file:///" + "x" * 400, "--printer: too long (408 characters, at most 400)"),
        (
            "PACK-1",
            "file:///tmp/\x00",
            "--printer: 'file:///tmp/\\x00' contains a control character (NUL)",
        ),
    ],
)
def test_a_hostile_station_name_or_printer_is_refused(
    db: Database, station: str, printer: str | None, message: str
) -> None:
    with pytest.raises(Refused) as refused:
        open_station(db, station, Opening(printer))
    assert str(refused.value) == message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Station)) == 0
