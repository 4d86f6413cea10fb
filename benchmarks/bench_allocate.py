"""Time `kenpin allocate` over 100,000 open orders (target: under 20 s on SQLite).

    .venv/bin/python -m benchmarks.bench_allocate [--orders N] [--products N]

Builds a fresh SQLite database (and, when KENPIN_TEST_PG_URL is set, a fresh
PostgreSQL schema, dropped afterwards) with stock for every product and
orders of one to three lines, then times a first run (everything decided) and
a second run (only the backordered orders looked at again).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from app.bootstrap import open_database
from app.db.database import Database
from app.services.allocation import AllocationSummary, allocate
from app.services.stock import check_stock
from benchmarks.bulkdata import add_orders, add_products
from benchmarks.pg_schema import fresh_schema

# About 80 units are ordered per product; 75 on hand leaves some orders short.
STOCK_EACH = 75


def timed_allocate(db: Database) -> tuple[AllocationSummary, float]:
    """One `kenpin allocate` run and the seconds it took."""
    started = time.perf_counter()
    summary = allocate(db)
    return summary, time.perf_counter() - started


def bench(url: str, label: str, orders: int, products: int) -> None:
    db = open_database(url)
    started = time.perf_counter()
    product_ids = add_products(db, products, stock_each=STOCK_EACH)
    for lines in (1, 2, 3):
        count = orders // 3 + (1 if lines <= orders % 3 else 0)
        add_orders(db, count, product_ids, lines_per_order=lines, first_number=lines * 10_000_000)
    print(
        f"{label}: filled {products:,} products, {orders:,} orders in "
        f"{time.perf_counter() - started:.1f} s"
    )
    summary, took = timed_allocate(db)
    decided = summary.allocated + summary.backordered + summary.still_backordered
    print(
        f"{label}: first run  {took:6.2f} s  {decided / took:8,.0f} orders/s  "
        f"({summary.allocated:,} allocated, {summary.backordered:,} backordered)"
    )
    again, took = timed_allocate(db)
    print(f"{label}: second run {took:6.2f} s  ({again.still_backordered:,} still backordered)")
    drifts = check_stock(db)
    print(f"{label}: stock check {'clean' if not drifts else f'{len(drifts)} drift(s)'}")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench(f"sqlite:///{Path(folder) / 'bench.db'}", "sqlite", args.orders, args.products)
    pg = os.environ.get("KENPIN_TEST_PG_URL")
    if pg:
        with fresh_schema(pg) as url:
            bench(url, "postgresql", args.orders, args.products)


if __name__ == "__main__":
    main()
