"""The order queue's queries: keyset pages, status filter, number search, details, counts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db import stock
from app.db.database import Database
from app.db.models import Order, OrderLine, Product, Reservation
from app.db.order_queue import database_label
from app.services.order_queue import OrderQueue, OrderRow, ReservedStock
from benchmarks.bulkdata import add_orders, add_products


def add_order(
    db: Database,
    number: str,
    lines: list[tuple[int, int]],
    status: str = "allocated",
    **fields: object,
) -> int:
    """One order with Japanese address fields and `lines` of (product id, qty)."""
    values: dict[str, object] = {
        "source": "generic",
        "order_date": dt.datetime(2026, 3, 1, 1, 30, tzinfo=dt.UTC),
        "customer_name": "山田 太郎",
        "postal_code": "100-0005",
        "prefecture": "東京都",
        "city": "千代田区",
        "address1": "丸の内1-9-1",
        "address2": "グラントウキョウ 12F",
        "phone": "03-1234-5678",
        "carrier": "yamato",
        "service": "宅急便",
        "content_hash": number,
    }
    values.update(fields)
    with db.write() as s:
        order = Order(number=number, status=status, **values)
        s.add(order)
        s.flush()
        for line_no, (product_id, qty) in enumerate(lines, start=1):
            s.add(OrderLine(order_id=order.id, line_no=line_no, product_id=product_id, qty=qty))
        return order.id


def reserve(
    db: Database, order_id: int, bin_code: str, lot: str = "", expiry: dt.date | None = None
) -> None:
    """Receive each line's quantity into `bin_code` and reserve it for the line, as
    allocation would: Reservation rows, the reserved move on the ledger, `allocated` set."""
    with db.write() as s:
        for line in s.scalars(select(OrderLine).where(OrderLine.order_id == order_id)):
            bid = stock.balance_id(
                s,
                line.product_id,
                stock.location_id(s, bin_code),
                stock.lot_id(s, line.product_id, lot, expiry),
            )
            stock.post(s, [stock.Move(bid, on_hand_delta=line.qty, reason="receipt")])
            stock.post(s, [stock.Move(bid, reserved_delta=line.qty, reason="reserve")])
            s.add(Reservation(order_line_id=line.id, balance_id=bid, qty=line.qty))
            line.allocated = line.qty


@pytest.fixture
def products(db: Database) -> list[int]:
    return add_products(db, 12)


def _numbers(rows: list[OrderRow]) -> list[str]:
    return [row.number for row in rows]


def test_pages_run_newest_first_without_gaps_or_repeats(db: Database, products: list[int]) -> None:
    add_orders(db, 450, products, lines_per_order=2, first_number=1000)
    queue = OrderQueue(db)
    seen: list[OrderRow] = []
    page = queue.page(limit=200)
    while page:
        seen += page
        page = queue.page(after=page[-1].cursor, limit=200)
    assert len(seen) == 450
    assert _numbers(seen) == [f"#{n}" for n in range(1449, 999, -1)]
    assert all(row.lines == 2 and 2 <= row.units <= 6 for row in seen)


def test_status_filter_shows_only_that_status(db: Database, products: list[int]) -> None:
    add_orders(db, 30, products, status="new", first_number=1000)
    add_orders(db, 7, products, status="backordered", first_number=2000)
    queue = OrderQueue(db)
    rows = queue.page(status="backordered", limit=5)
    rows += queue.page(status="backordered", after=rows[-1].cursor, limit=5)
    assert {row.status for row in rows} == {"backordered"}
    assert _numbers(rows) == [f"#{n}" for n in range(2006, 1999, -1)]


def test_search_is_a_number_prefix_in_number_order(db: Database, products: list[int]) -> None:
    add_orders(db, 150, products, first_number=1000)
    add_orders(db, 5, products, first_number=2100)
    queue = OrderQueue(db)
    first = queue.page(search="#10", limit=60)
    rest = queue.page(search="#10", after=first[-1].cursor, limit=60)
    assert _numbers(first + rest) == [f"#{n}" for n in range(1000, 1100)]
    assert _numbers(queue.page(search="114")) == [f"#{n}" for n in range(1140, 1150)]
    assert queue.page(search="#3") == []


def test_search_ignores_case_and_combines_with_status(db: Database, products: list[int]) -> None:
    add_order(db, "SO-2001", [(products[0], 1)], status="new")
    add_order(db, "SO-2002", [(products[0], 1)], status="allocated")
    add_order(db, "so-2003", [(products[0], 1)], status="new")
    add_order(db, "SP-2004", [(products[0], 1)], status="new")
    queue = OrderQueue(db)
    assert _numbers(queue.page(search="so-")) == ["SO-2001", "SO-2002", "so-2003"]
    assert _numbers(queue.page(status="new", search="So-2")) == ["SO-2001", "so-2003"]


def test_details_show_address_lines_and_reserved_bins_and_lots(
    db: Database, products: list[int]
) -> None:
    order_id = add_order(
        db,
        "#5001",
        [(products[0], 2), (products[1], 1)],
        delivery_date=dt.date(2026, 3, 3),
        delivery_time="14-16",
        gift_message="お誕生日おめでとう",
    )
    reserve(db, order_id, "A-01-02", lot="L2603", expiry=dt.date(2027, 1, 31))
    details = OrderQueue(db).details(order_id)
    assert details is not None
    assert (details.number, details.postal_code, details.prefecture) == (
        "#5001",
        "100-0005",
        "東京都",
    )
    assert (details.delivery_date, details.delivery_time) == (dt.date(2026, 3, 3), "14-16")
    assert details.gift_message == "お誕生日おめでとう"
    assert [(line.sku, line.qty, line.allocated) for line in details.lines] == [
        ("SKU-000000", 2, 2),
        ("SKU-000001", 1, 1),
    ]
    assert details.lines[0].reserved == (
        ReservedStock("A-01-02", "L2603", dt.date(2027, 1, 31), 2),
    )
    with db.read() as s:
        assert stock.check(s) == []


def test_details_of_a_backordered_order_name_its_short_lines(
    db: Database, products: list[int]
) -> None:
    with db.read() as s:
        sku = s.scalar(select(Product.sku).where(Product.id == products[3]))
    order_id = add_order(
        db, "#5002", [(products[3], 4)], status="backordered", short_lines=f"{sku}: 3 short"
    )
    details = OrderQueue(db).details(order_id)
    assert details is not None
    assert details.short_lines == "SKU-000003: 3 short"
    assert details.lines[0].reserved == ()
    assert OrderQueue(db).details(order_id + 999) is None


def test_counts_by_status(db: Database, products: list[int]) -> None:
    add_orders(db, 9, products, status="new", first_number=1000)
    add_orders(db, 4, products, status="shipped", first_number=2000)
    assert OrderQueue(db).counts_by_status() == {"new": 9, "shipped": 4}


def test_orders_an_import_is_still_writing_are_neither_listed_nor_counted(
    db: Database, products: list[int]
) -> None:
    add_orders(db, 3, products, status="new", first_number=1000)
    add_orders(db, 5, products, status="importing", first_number=2000)
    queue = OrderQueue(db)
    assert _numbers(queue.page(limit=50)) == ["#1002", "#1001", "#1000"]
    assert _numbers(queue.page(search="#200", limit=50)) == []
    assert queue.counts_by_status() == {"new": 3}


def test_database_label_names_the_file_or_server_never_the_password() -> None:
    assert database_label("sqlite:////var/lib/kenpin/kenpin.db") == "kenpin.db"
    label = database_label("postgresql+psycopg://packer:s3cret@db.local:5432/warehouse")
    assert "s3cret" not in label
    assert "db.local:5432/warehouse" in label
