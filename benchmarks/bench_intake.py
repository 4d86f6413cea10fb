"""Time the imports on realistic volumes: a Shopify export of 100,000 order lines.

    .venv/bin/python -m benchmarks.bench_intake [--lines 100000] [--products 5000]
    .venv/bin/python -m benchmarks.bench_intake --stock-mb 50

Writes a products file and a Shopify orders export (about 40,000 orders of 1
to 4 lines, every column Shopify exports) into a temporary folder, then on a
fresh SQLite file (and on a fresh PostgreSQL schema when KENPIN_TEST_PG_URL is
set) times: the products import, the orders import, a second export holding
the same orders (all unchanged), and the same file again (recognised at once).
Target: the orders import under 10 s on SQLite.

With `--stock-mb N`, it instead writes a stock file of about N MB (receipts of
the products into 2,500 bins, a lot and expiry on every row) and runs `kenpin
import stock` on a fresh SQLite file in a process of its own, printing its
time and peak memory. Target: under 300 MB whatever the file's size.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
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


def write_stock(path: Path, skus: list[str], megabytes: int, seed: int = 2) -> int:
    """A stock file of about `megabytes` MB: receipts into 2,500 bins; how many rows."""
    rnd = random.Random(seed)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["sku", "location", "qty", "lot", "expiry"])
        while out.tell() < megabytes * 1_000_000:
            sku = rnd.choice(skus)
            bin_code = f"B-{rnd.randrange(50):02d}-{rnd.randrange(50):02d}"
            lot = f"L{rnd.randrange(20):03d}"
            expiry = f"2027-{rnd.randrange(1, 13):02d}-15"
            writer.writerow([sku, bin_code, rnd.randint(1, 50), lot, expiry])
            rows += 1
    return rows


def bench_stock(folder: Path, megabytes: int, products: int) -> None:
    """Time `kenpin import stock` of a large file in a process of its own, with its peak memory."""
    skus = write_products(folder / "products.csv", products)
    with (folder / "products.csv").open(encoding="utf-8") as f:
        tracked = f.read().replace("sku,name,barcode,location,weight_g", HEADER_TRACKED, 1)
    tracked = "\n".join(
        line if i == 0 else f"{line.rstrip()},1,1" for i, line in enumerate(tracked.splitlines())
    )
    (folder / "products.csv").write_text(tracked + "\n", encoding="utf-8")
    rows = write_stock(folder / "stock.csv", skus, megabytes)
    size = (folder / "stock.csv").stat().st_size / 1e6
    url = f"sqlite:///{folder / 'bench.db'}"
    db = open_database(url)
    import_products(db, folder / "products.csv")
    db.dispose()
    print(f"stock file: {rows:,} rows, {size:.1f} MB")
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run([sys.executable, '-m', 'app', *sys.argv[1:]])\n"
        "took = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(f'  kenpin import stock: {took:.1f} s, peak memory {peak:.0f} MB, "
        "exit {done.returncode}')\n"
    )
    subprocess.run(
        [sys.executable, "-c", probe, "--db", url, "import", "stock", str(folder / "stock.csv")],
        check=True,
    )


HEADER_TRACKED = "sku,name,barcode,location,weight_g,lot_tracked,expiry_tracked"


def main() -> None:
    """Generate the files and time the imports on SQLite (and PostgreSQL when configured)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=5_000)
    parser.add_argument("--stock-mb", type=int, default=0, help="time a stock file of N MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.stock_mb:
            bench_stock(folder, args.stock_mb, args.products)
            return
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
