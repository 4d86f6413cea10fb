"""Time the imports on realistic volumes: a Shopify export of 100,000 order lines.

    .venv/bin/python -m benchmarks.bench_intake [--lines 100000] [--products 5000]

Writes a products file and a Shopify orders export (about 40,000 orders of 1
to 4 lines, every column Shopify exports) into a temporary folder, then on a
fresh SQLite file (and on a fresh PostgreSQL schema when KENPIN_TEST_PG_URL is
set) times: the products import, the orders import, a second export holding
the same orders (all unchanged), and the same file again (recognised at once).
Target: the orders import under 10 s on SQLite.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.bootstrap import open_database
from app.core.intake.prefectures import PREFECTURES, iso_code
from app.core.intake.shopify import EXPORT_COLUMNS
from app.db.database import Database
from app.services.intake import ImportResult, import_orders, import_products
from benchmarks.bulkdata import jan, postal_code
from benchmarks.pg_schema import fresh_schema

METHODS = ("ヤマト運輸 宅急便", "佐川急便", "ゆうパケット", "通常配送", "ネコポス")


def write_products(path: Path, count: int) -> list[str]:
    """A products file of `count` SKUs with a JAN each; the SKUs."""
    skus = [f"SKU-{i:06d}" for i in range(count)]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["sku", "name", "barcode", "location", "weight_g"])
        for i, sku in enumerate(skus):
            writer.writerow([sku, f"商品 {i}", jan(i), f"A-{i // 200}-{i % 200}", 100 + i % 900])
    return skus


def write_shopify(path: Path, skus: list[str], lines: int, seed: int = 1) -> tuple[int, int]:
    """A Shopify export of orders of 1-4 lines until `lines` rows; (orders, lines)."""
    rnd = random.Random(seed)
    place = {column: i for i, column in enumerate(EXPORT_COLUMNS)}
    written = orders = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        while written < lines:
            orders += 1
            size = min(rnd.randint(1, 4), lines - written)
            code, name, _romaji = rnd.choice(PREFECTURES)
            for n, sku in enumerate(rnd.sample(skus, size)):
                row = [""] * len(EXPORT_COLUMNS)
                cells = {
                    "Name": f"#{10_000 + orders}",
                    "Lineitem quantity": str(rnd.randint(1, 3)),
                    "Lineitem name": f"商品 {sku}",
                    "Lineitem price": "1200",
                    "Lineitem sku": sku,
                    "Lineitem requires shipping": "true",
                    "Email": f"customer{orders}@example.com",
                }
                if n == 0:
                    cells |= {
                        "Financial Status": "paid",
                        "Currency": "JPY",
                        "Total": "3600",
                        "Shipping Method": rnd.choice(METHODS),
                        "Created at": f"2026-01-{1 + orders % 28:02d} 10:{orders % 60:02d}:00+0900",
                        "Shipping Name": f"顧客 {orders}",
                        "Shipping Address1": f"丸の内{orders % 9 + 1}-{orders % 7 + 1}-1",
                        "Shipping Address2": "サンプルビル 101" if orders % 3 == 0 else "",
                        "Shipping City": "千代田区",
                        "Shipping Zip": postal_code(rnd),
                        "Shipping Province": iso_code(code),
                        "Shipping Province Name": name,
                        "Shipping Country": "JP",
                        "Shipping Phone": "03-1234-5678",
                        "Notes": "置き配希望" if orders % 10 == 0 else "",
                        "Note Attributes": "配送希望時間帯: 14-16" if orders % 5 == 0 else "",
                        "Id": str(5_000_000_000 + orders),
                        "Source": "web",
                    }
                for column, value in cells.items():
                    row[place[column]] = value
                writer.writerow(row)
                written += 1
    return orders, written


def timed(label: str, run: Callable[[], ImportResult]) -> float:
    """Run one import, print its summary and time; the seconds taken."""
    start = time.perf_counter()
    result = run()
    took = time.perf_counter() - start
    print(f"  {label:<34} {took:7.2f} s   {result}")
    return took


def bench(name: str, db: Database, folder: Path) -> None:
    """Time the imports on one database."""
    print(f"{name}:")
    timed("products", lambda: import_products(db, folder / "products.csv"))
    took = timed("orders (Shopify)", lambda: import_orders(db, folder / "orders.csv"))
    timed("same orders, another export", lambda: import_orders(db, folder / "orders-again.csv"))
    timed("same file again", lambda: import_orders(db, folder / "orders.csv"))
    print(f"  orders import: {took:.2f} s")


def main() -> None:
    """Generate the files and time the imports on SQLite (and PostgreSQL when configured)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        skus = write_products(folder / "products.csv", args.products)
        orders, lines = write_shopify(folder / "orders.csv", skus, args.lines)
        # The same orders, exported again with one more blank column at the end.
        again = (folder / "orders.csv").read_text(encoding="utf-8").replace("\r\n", ",\r\n")
        (folder / "orders-again.csv").write_text(again, encoding="utf-8", newline="")
        size = (folder / "orders.csv").stat().st_size / 1e6
        print(f"Shopify export: {orders:,} orders, {lines:,} lines, {size:.1f} MB")
        db = open_database(f"sqlite:///{folder / 'bench.db'}")
        bench("SQLite", db, folder)
        db.dispose()
        pg = os.environ.get("KENPIN_TEST_PG_URL")
        if pg:
            with fresh_schema(pg) as url:
                db = open_database(url)
                bench("PostgreSQL", db, folder)
                db.dispose()


if __name__ == "__main__":
    main()
