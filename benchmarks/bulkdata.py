"""Fill a database with realistic volumes fast, for benchmarks (not a user command).

Rows go in with Core executemany in large chunks, bypassing the intake checks
the benchmarks of intake itself measure.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from sqlalchemy import insert, select

from app.core.gtin import with_check_digit
from app.db import stock
from app.db.database import Database
from app.db.models import Barcode, Location, Order, OrderLine, Product, table, utcnow
from app.db.sql import among

CHUNK = 20_000
PREFECTURES = ("東京都", "大阪府", "北海道", "福岡県", "愛知県", "神奈川県", "京都府", "沖縄県")
CARRIERS = ("yamato", "sagawa", "japanpost")


def jan(n: int) -> str:
    """A valid JAN-13 for item number n (GS1 Japan prefix 45)."""
    return with_check_digit(f"45{n:010d}")


def postal_code(rnd: random.Random) -> str:
    """A made-up postal code, written 123-4567."""
    return f"{rnd.randrange(100, 999)}-{rnd.randrange(0, 9999):04d}"


def add_products(db: Database, count: int, stock_each: int = 0) -> list[int]:
    """`count` products with a JAN each, optionally `stock_each` units on hand in a bin each."""
    now = utcnow()
    with db.write() as s:
        s.execute(
            insert(table(Location)),
            [{"code": f"B-{i // 100:02d}-{i % 100:02d}", "walk_seq": i} for i in range(count)],
        )
        s.execute(
            insert(table(Product)),
            [
                {
                    "sku": f"SKU-{i:06d}",
                    "name": f"商品 {i}",
                    "variant": "",
                    "lot_tracked": False,
                    "expiry_tracked": False,
                    "min_shelf_life_days": 0,
                    "created_at": now,
                }
                for i in range(count)
            ],
        )
        ids = list(s.scalars(select(Product.id).order_by(Product.id)))
        s.execute(
            insert(table(Barcode)),
            [
                {"code": jan(i), "product_id": pid, "kind": "unit", "qty": 1}
                for i, pid in enumerate(ids)
            ],
        )
        if stock_each:
            locations = list(s.scalars(select(Location.id).order_by(Location.walk_seq)))
            lots = stock.lot_ids(s, [(pid, "", None) for pid in ids])
            slots = [
                (pid, loc, lots[pid, "", None]) for pid, loc in zip(ids, locations, strict=True)
            ]
            balances = stock.balance_ids(s, slots)
            stock.post(
                s,
                [
                    stock.Move(
                        balances[slot], on_hand_delta=stock_each, reason="receipt", reference="bulk"
                    )
                    for slot in slots
                ],
            )
    return ids


def _order_rows(start: int, count: int, status: str, seed: int) -> Iterator[dict[str, object]]:
    rnd = random.Random(seed)
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    now = utcnow()
    for n in range(start, start + count):
        yield {
            "number": f"#{n}",
            "source": "generic",
            "status": status,
            "order_date": base + dt.timedelta(seconds=n),
            "customer_name": f"顧客 {n}",
            "email": "",
            "postal_code": postal_code(rnd),
            "prefecture": rnd.choice(PREFECTURES),
            "city": "千代田区",
            "address1": f"丸の内{n % 9 + 1}-{n % 7 + 1}",
            "address2": "",
            "country": "JP",
            "phone": "03-0000-0000",
            "carrier": CARRIERS[n % 3],
            "service": "",
            "delivery_date": None,
            "delivery_time": "",
            "gift_message": "",
            "notes": "",
            "content_hash": f"bulk{n}",
            "short_lines": "",
            "created_at": now,
            "updated_at": now,
        }


def add_orders(
    db: Database,
    count: int,
    product_ids: list[int],
    lines_per_order: int = 3,
    status: str = "new",
    first_number: int = 100_000,
    seed: int = 7,
) -> None:
    """`count` orders of `lines_per_order` lines each (quantity 1-3) on random products."""
    rnd = random.Random(seed)
    for start in range(first_number, first_number + count, CHUNK):
        n = min(CHUNK, first_number + count - start)
        with db.write() as s:
            s.execute(insert(table(Order)), list(_order_rows(start, n, status, seed + start)))
            ids = list(
                s.scalars(
                    select(Order.id)
                    .where(among(s, Order.number, [f"#{i}" for i in range(start, start + n)]))
                    .order_by(Order.id)
                )
            )
            lines = []
            for oid in ids:
                for line_no, pid in enumerate(rnd.sample(product_ids, lines_per_order), start=1):
                    lines.append(
                        {
                            "order_id": oid,
                            "line_no": line_no,
                            "product_id": pid,
                            "qty": rnd.randint(1, 3),
                            "allocated": 0,
                            "packed": 0,
                        }
                    )
            s.execute(insert(table(OrderLine)), lines)
